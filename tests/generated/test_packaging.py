"""The `mykaarma` distribution ships the generated client and the overlay package, versioned by the spec."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_contains_client_packages_and_spec_version(tmp_path: Path) -> None:
    # No build isolation: the declared backend is already installed, so the build fetches nothing.
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    spec_version = yaml.safe_load((ROOT / "openapi" / "openapi.yaml").read_text(encoding="utf-8"))["info"][
        "version"
    ]
    (wheel,) = tmp_path.glob("*.whl")
    assert wheel.name == f"mykaarma-{spec_version}-py3-none-any.whl"
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/", 1)[0] for name in names}
    assert tops == {"mykaarma", "mykaarma_api", f"mykaarma-{spec_version}.dist-info"}
    assert {
        "mykaarma_api/__init__.py",
        "mykaarma_api/py.typed",
        "mykaarma/rules.py",
        "mykaarma/py.typed",
    } <= set(names)
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
