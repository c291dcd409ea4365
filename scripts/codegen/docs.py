"""Build the API reference page: the bundled spec rendered by Redocly ``build-docs`` into docs/index.html.

Usage: python -m scripts.codegen.docs [--spec openapi/dist/mykaarma.openapi.yaml] [--output docs/index.html]

Redoc's scripts and styles are inlined (``--inlineBundle``), so the page loads nothing from a CDN: the
"API docs by Redocly" logo, which Redoc fetches from its CDN, is replaced by a local image, the template
(docs_template.hbs) adds a Content-Security-Policy that lets the browser fetch nothing from other hosts,
and the build fails if the page still references an external script, stylesheet, font, image or module.
The mock serves the page at ``/docs``. docs/index.html is build output (git-ignored; the Markdown pages
beside it are written by hand): ``make docs`` writes it and ``make test`` builds it first.
"""

from __future__ import annotations

import argparse
import base64
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from scripts._tools import BUNDLE, ROOT, node_tool, quiet_node_env, run
from scripts.codegen.code_samples import with_code_samples
from scripts.codegen.searchable_markdown import for_search

OUTPUT = ROOT / "docs" / "index.html"
TEMPLATE = Path(__file__).resolve().parent / "docs_template.hbs"
_LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="56" height="16" viewBox="0 0 56 16">'
    '<text x="0" y="12" font-family="sans-serif" font-size="12" fill="#0044D4">Redocly</text></svg>'
)
#: Assets the Redoc bundle fetches from its CDN at run time, and the local stand-in written in their place.
LOCAL_ASSETS = {
    f"https://cdn.redoc.ly/redoc/{name}": "data:image/svg+xml;base64,"
    + base64.b64encode(_LOGO.encode()).decode()
    for name in ("logo-mini-full.svg", "logo-mini.svg")
}
#: Ways a page loads something from another host: tags with src/href, CSS url()/@import, ES module imports.
EXTERNAL_LOADS = (
    re.compile(
        r"<(?:script|img|iframe|source|embed|video|audio)\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//", re.I
    ),
    re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//", re.I),
    re.compile(r"@import\s+(?:url\()?[\"']?(?:https?:)?//", re.I),
    re.compile(r"url\(\s*[\"']?(?:https?:)?//", re.I),
    re.compile(r"\bimport\s*(?:\(|[^;()]*?\bfrom)\s*[\"'](?:https?:)?//", re.I),
)


def external_loads(html: str) -> list[str]:
    """Snippets of `html` that would load a resource from another host."""
    found: list[str] = []
    for pattern in EXTERNAL_LOADS:
        found += [html[match.start() : match.end() + 60] for match in pattern.finditer(html)]
    return found


def for_the_page(document: Any) -> Any:
    """The spec as the page shows it: descriptions the search keeps words apart in, and Python samples."""
    return with_code_samples(for_search(document))


def build(spec: Path, output: Path) -> None:
    """Render `spec` into `output` (written atomically), refusing a page with external assets."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output.parent) as tmp:
        page = Path(tmp) / output.name
        shown = Path(tmp) / "spec.yaml"
        document = yaml.safe_load(spec.read_text(encoding="utf-8"))
        shown.write_text(yaml.safe_dump(for_the_page(document), sort_keys=False, allow_unicode=True), "utf-8")
        run(
            [
                node_tool("redocly"),
                "build-docs",
                str(shown),
                "--inlineBundle",
                "--template",
                str(TEMPLATE),
                "--output",
                str(page),
            ],
            env=quiet_node_env(),
        )
        html = page.read_text(encoding="utf-8")
        problems = []
        for remote, local in LOCAL_ASSETS.items():
            if remote not in html:
                problems.append(f"{remote} no longer appears: check what this Redoc version fetches")
            html = html.replace(remote, local)
        problems += external_loads(html)
        if problems:
            listed = "\n  ".join(problems[:10])
            raise SystemExit(f"the page would load assets from other hosts:\n  {listed}")
        page.write_text(html, encoding="utf-8")
        os.replace(page, output)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--spec", type=Path, default=BUNDLE)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    build(args.spec, args.output)
    size = args.output.stat().st_size
    sys.stdout.write(
        f"wrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}"
        f" ({size / 1024:,.0f} KiB, no external assets)\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
