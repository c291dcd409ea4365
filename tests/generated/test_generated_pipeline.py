"""The generation pipeline end to end: a spec edit reaches both trees, output is reproducible and portable,
check_generated.py notices stale files, and the generated code type-checks."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.generated._support import CHECK_SCRIPT, GENERATE_SCRIPT, ROOT, SPEC_DIR, bundled_spec, load_yaml

PACKAGES = ("mykaarma_api", "mykaarma_models")
NEW_PROPERTY = "loyaltyTier"

pytestmark = pytest.mark.slow


def run_script(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run a repository program (a module of `scripts`) with this interpreter; output is captured."""
    return subprocess.run(
        [sys.executable, "-m", *map(str, args)], cwd=ROOT, capture_output=True, text=True, check=False
    )


def generate(spec: Path, output_dir: Path, *extra: str | Path) -> None:
    result = run_script(GENERATE_SCRIPT, "--spec", spec, "--output-dir", output_dir, *extra)
    assert result.returncode == 0, result.stdout + result.stderr


def copy_split_spec(destination: Path) -> Path:
    """Copy openapi/ (without the dist/ bundle) to `destination`; return the copy's entry file."""
    shutil.copytree(SPEC_DIR, destination, ignore=shutil.ignore_patterns("dist"))
    return destination / "openapi.yaml"


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def editable_object_schema(spec_dir: Path) -> Path:
    """First schema file (by name) that is an object schema bundled under its file name."""
    bundled = bundled_spec()["components"]["schemas"]
    for path in sorted((spec_dir / "components" / "schemas").glob("*.yaml")):
        schema = load_yaml(path)
        if path.stem in bundled and "properties" in schema and NEW_PROPERTY not in schema["properties"]:
            return path
    raise AssertionError("no object schema file to edit under components/schemas")


IMPORT_PROBE = """
import inspect, json, sys
import attrs, mykaarma_api, mykaarma_api.models, mykaarma_models

def by_key(classes):
    return {"".join(ch for ch in cls.__name__.lower() if ch.isalnum()): cls for cls in classes}

key = "".join(ch for ch in sys.argv[1].lower() if ch.isalnum())
attrs_class = by_key(getattr(mykaarma_api.models, n) for n in mykaarma_api.models.__all__)[key]
pydantic_class = by_key(c for _, c in inspect.getmembers(mykaarma_models, inspect.isclass))[key]
print(json.dumps({
    "api_file": mykaarma_api.__file__,
    "models_file": mykaarma_models.__file__,
    "attrs_fields": [field.name for field in attrs.fields(attrs_class)],
    "pydantic_aliases": [f.alias or n for n, f in pydantic_class.model_fields.items()],
}))
"""


def test_new_schema_property_reaches_both_trees(tmp_path: Path) -> None:
    spec = copy_split_spec(tmp_path / "openapi")
    schema_file = editable_object_schema(spec.parent)
    schema = load_yaml(schema_file)
    schema["properties"][NEW_PROPERTY] = {"type": "string", "description": "Loyalty programme tier."}
    schema_file.write_text(yaml.safe_dump(schema, sort_keys=False, allow_unicode=True), encoding="utf-8")
    output_dir = tmp_path / "out"
    generate(spec, output_dir)

    probe = subprocess.run(
        [sys.executable, "-c", IMPORT_PROBE, schema_file.stem],
        cwd=output_dir,
        env={**os.environ, "PYTHONPATH": str(output_dir), "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)
    assert Path(found["api_file"]).is_relative_to(output_dir), "imported a different mykaarma_api"
    assert Path(found["models_file"]).is_relative_to(output_dir), "imported a different mykaarma_models"
    assert "loyalty_tier" in found["attrs_fields"]
    assert NEW_PROPERTY in found["pydantic_aliases"]


LIMIT_PROBE = "import mykaarma.identity as i, mykaarma_api as a; print(i.TERM_LIMIT, a.__file__)"


def test_a_query_parameter_limit_reaches_the_client(tmp_path: Path) -> None:
    """The search term limit (D-SEARCH) is read by the client from what generation ships, not kept by hand."""
    spec = copy_split_spec(tmp_path / "openapi")
    parameter_file = spec.parent / "components" / "parameters" / "SearchTerm.yaml"
    parameter = load_yaml(parameter_file)
    changed = int(parameter["x-truncated-to-length"]) + 17
    parameter["x-truncated-to-length"] = changed
    parameter_file.write_text(
        yaml.safe_dump(parameter, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    output_dir = tmp_path / "out"
    generate(spec, output_dir)
    probe = subprocess.run(
        [sys.executable, "-c", LIMIT_PROBE],
        cwd=output_dir,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(output_dir), str(ROOT / "overlays")]),
             "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    limit, api_file = probe.stdout.split()
    assert Path(api_file).is_relative_to(output_dir), "imported a different mykaarma_api"
    assert int(limit) == changed


def test_generation_is_deterministic_and_portable(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    generate(ROOT / "openapi" / "openapi.yaml", first)
    generate(ROOT / "openapi" / "openapi.yaml", second)
    first_files, second_files = tree_bytes(first), tree_bytes(second)
    markers = {
        f"{package}/{name}" for package in PACKAGES for name in ("README.md", "py.typed", "__init__.py")
    }
    assert markers <= set(first_files), f"missing: {markers - set(first_files)}"
    assert first_files == second_files
    leaked = [
        name
        for name, content in first_files.items()
        for needle in (str(tmp_path), tmp_path.name, str(ROOT), str(Path.home()), "/tmp/")
        if needle.encode() in content
    ]
    assert not leaked, f"machine-specific paths in generated files: {leaked}"
    assert not [name for name in first_files if "__pycache__" in name or ".ruff_cache" in name]


def test_check_generated_reports_every_stale_file(tmp_path: Path) -> None:
    spec = copy_split_spec(tmp_path / "openapi")
    output_dir, bundle = tmp_path / "out", tmp_path / "bundle.yaml"
    generate(spec, output_dir, "--bundle-output", bundle)
    check_args = ("--spec", spec, "--generated-dir", output_dir, "--bundle", bundle)
    fresh = run_script(CHECK_SCRIPT, *check_args)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr

    (output_dir / "mykaarma_api" / "client.py").write_text("# edited by hand\n", encoding="utf-8")
    (output_dir / "mykaarma_models" / "README.md").unlink()
    (output_dir / "mykaarma_api" / "stray.py").write_text("", encoding="utf-8")
    (output_dir / "mykaarma_api" / "__pycache__").mkdir()
    (output_dir / "mykaarma_api" / "__pycache__" / "client.cpython-311.pyc").write_bytes(b"ignored")
    bundle.write_text(bundle.read_text(encoding="utf-8") + "# stale\n", encoding="utf-8")
    stale = run_script(CHECK_SCRIPT, *check_args)
    assert stale.returncode == 1
    reported = [
        line.split() for line in stale.stderr.splitlines() if re.match(r"  (differs|missing|extra) ", line)
    ]
    assert sorted(reported) == sorted(
        [
            ["differs", "out/mykaarma_api/client.py"],
            ["missing", "out/mykaarma_models/README.md"],
            ["extra", "out/mykaarma_api/stray.py"],
            ["differs", "bundle.yaml"],
        ]
    )
    assert "make generate" in stale.stderr


def test_generated_packages_pass_mypy_strict(tmp_path: Path) -> None:
    empty_config = tmp_path / "mypy.ini"
    empty_config.write_text("[mypy]\n", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            f"--config-file={empty_config}",
            f"--cache-dir={tmp_path / 'mypy-cache'}",
            "--strict",
            "--python-version=3.11",
            *[str(ROOT / "generated" / package) for package in PACKAGES],
        ],
        cwd=ROOT / "generated",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
