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
    assert tops == {"mykaarma", "mykaarma_api", "mykaarma_core", f"mykaarma-{spec_version}.dist-info"}
    assert {
        "mykaarma_api/__init__.py",
        "mykaarma_api/py.typed",
        "mykaarma/rules.py",
        "mykaarma/py.typed",
    } <= set(names)
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]


@pytest.mark.slow
def test_mock_wheel_carries_models_and_reads_its_packaged_bundle(tmp_path: Path) -> None:
    wheel_dir, unpacked = tmp_path / "wheel", tmp_path / "site"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(wheel_dir),
            str(ROOT / "mock"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = wheel_dir.glob("*.whl")
    zipfile.ZipFile(wheel).extractall(unpacked)
    assert {path.name for path in unpacked.iterdir()} >= {"mykaarma_mock", "mykaarma_models"}
    bundle = (ROOT / "openapi" / "dist" / "mykaarma.openapi.yaml").read_bytes()
    assert (unpacked / "mykaarma_mock" / "openapi.yaml").read_bytes() == bundle
    assert (unpacked / "mykaarma_models" / "__init__.py").is_file()

    # Import the server from the unpacked wheel (the client package stays on the path: it is a dependency);
    # a marker appended to the packaged bundle proves the server reads its package data, not the repo file.
    with (unpacked / "mykaarma_mock" / "openapi.yaml").open("a", encoding="utf-8") as packaged:
        packaged.write("# packaged copy\n")
    code = (
        "import sys; sys.path[:0] = sys.argv[1:];"
        "import mykaarma_mock.spec as spec, mykaarma_models;"
        "assert mykaarma_models.__file__.startswith(sys.argv[1]), mykaarma_models.__file__;"
        "assert spec.bundle_bytes().endswith(b'# packaged copy\\n');"
        "print(spec.__file__)"
    )
    probe = subprocess.run(
        [sys.executable, "-c", code, str(unpacked), str(ROOT / "overlays")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.startswith(str(unpacked))
