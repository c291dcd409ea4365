"""Build hook of the `mykaarma-mock` wheel: ship the generated models and the bundled spec.

Both live outside this directory in the repository (`../generated/mykaarma_models`,
`../openapi/dist/mykaarma.openapi.yaml`). A wheel built from the repository takes them from there; the sdist
already carries them at their package paths (see `[tool.hatch.build.targets.sdist.force-include]`), so a wheel
built from the sdist (as `pip install mykaarma-mock --no-binary :all:` does) finds them in place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.metadata.plugin.interface import MetadataHookInterface

#: What the mock needs besides the client; the client itself is pinned to the mock's own version (the mock
#: imports `mykaarma_core`, which ships in the client wheel of the same release).
DEPENDENCIES = (
    "fastapi>=0.110",
    "uvicorn>=0.29",
    # uvicorn picks these up on its own: a C HTTP parser and event loop, ~20 % more requests per second
    "httptools>=0.6",
    "uvloop>=0.19; sys_platform != 'win32'",
    "pydantic[email]>=2.14",
    "pyyaml>=6",
    "jsonschema-rs>=0.60",
)

REPOSITORY_FILES = {
    "generated/mykaarma_models": "mykaarma_models",
    "openapi/dist/mykaarma.openapi.yaml": "mykaarma_mock/openapi.yaml",
}


class MockPackageDataHook(BuildHookInterface):  # type: ignore[type-arg]
    """Force-include the repository files when building from the repository rather than from an sdist."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        if (root / "PKG-INFO").is_file():  # an unpacked sdist: the files are already in place
            return
        repository = root.parent
        for source, target in REPOSITORY_FILES.items():
            path = repository / source
            if not path.exists():
                raise FileNotFoundError(f"{path} is missing: run `make generate` in the repository first")
            build_data["force_include"][str(path)] = target


class PinnedClientHook(MetadataHookInterface):
    """The dependencies, with ``mykaarma`` at exactly this release's version."""

    PLUGIN_NAME = "custom"

    def update(self, metadata: dict[str, Any]) -> None:
        metadata["dependencies"] = [f"mykaarma=={metadata['version']}", *DEPENDENCIES]
