"""The ``mykaarma`` command line (``pip install 'mykaarma[cli]'``).

`main` is the console script. typer and rich are imported only when it runs, so ``import mykaarma`` never
needs them; without them, `main` says which extra to install and exits with status 2.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line with `argv` (default: ``sys.argv[1:]``); exits with the command's status."""
    try:
        from .app import app
    except ImportError as exc:
        sys.stderr.write(
            f"mykaarma: the command line needs typer and rich: pip install 'mykaarma[cli]' ({exc})\n"
        )
        raise SystemExit(2) from None
    app(args=None if argv is None else list(argv), prog_name="mykaarma")
