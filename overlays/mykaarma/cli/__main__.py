"""``python -m mykaarma.cli``: the ``mykaarma`` command line."""

from mykaarma.cli import main

main()
