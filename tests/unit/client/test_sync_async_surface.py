"""The sync client is generated from the async one, so the two surfaces cannot drift apart.

`python -m scripts.codegen.unasync_client --check` (run by ``make check-generated``) proves the committed sync
code is what the async code produces; these tests prove what users see: the same classes, methods and
parameters, with coroutines on one side and plain functions on the other.
"""

from __future__ import annotations

import functools
import inspect
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mykaarma._async.api_client import AsyncAPIClient
from mykaarma._async.appointments import AsyncAppointments
from mykaarma._async.customers import AsyncCustomers
from mykaarma._async.facade import AsyncMyKaarma
from mykaarma._sync.api_client import SyncAPIClient
from mykaarma._sync.appointments import Appointments
from mykaarma._sync.customers import Customers
from mykaarma._sync.facade import MyKaarma

ROOT = Path(__file__).resolve().parents[3]

SYNC_DIR = ROOT / "overlays" / "mykaarma" / "_sync"
PAIRS = [
    (Customers, AsyncCustomers),
    (Appointments, AsyncAppointments),
    (MyKaarma, AsyncMyKaarma),
    (SyncAPIClient, AsyncAPIClient),
]
#: The async client's extra name: ``close`` is also there, as an alias of ``aclose``.
ASYNC_ONLY = {"aclose"}
#: Names that differ only because one side is async.
TWIN_NAMES = {
    "AsyncSleep": "SyncSleep",
    "httpx.AsyncClient": "httpx.Client",
    "AsyncAPIClient": "SyncAPIClient",
    "AsyncAppointments": "Appointments",
    "AsyncCustomers": "Customers",
}


def _unwrapped(member: object) -> object:
    """A property's or cached property's function; anything else as it is."""
    if isinstance(member, functools.cached_property):
        return member.func
    if isinstance(member, property) and member.fget is not None:
        return member.fget
    return member


def _public(cls: type) -> dict[str, object]:
    """The class's names users reach, with `__init__`; properties as their functions."""
    return {
        name: _unwrapped(inspect.getattr_static(cls, name))
        for name in dir(cls)
        if not name.startswith("__") or name == "__init__"
    }


def _sync_annotation(text: str) -> str:
    for async_name, sync_name in TWIN_NAMES.items():
        text = text.replace(async_name, sync_name)
    return text


@pytest.mark.parametrize(("sync_cls", "async_cls"), PAIRS, ids=lambda cls: cls.__name__)
def test_same_names_and_signatures(sync_cls: type, async_cls: type) -> None:
    sync_members, async_members = _public(sync_cls), _public(async_cls)
    assert set(sync_members) == set(async_members) - ASYNC_ONLY
    compared = 0
    for name, sync_member in sync_members.items():
        async_member = async_members[name]
        if not inspect.isfunction(sync_member) or sync_member is async_member:
            continue  # not a method, or one both inherit from their shared base
        sync_signature, async_signature = inspect.signature(sync_member), inspect.signature(async_member)
        assert list(sync_signature.parameters) == list(async_signature.parameters), name
        for parameter, twin in zip(
            sync_signature.parameters.values(), async_signature.parameters.values(), strict=True
        ):
            assert (parameter.kind, parameter.default) == (twin.kind, twin.default), (
                f"{name}({parameter.name})"
            )
            assert str(parameter.annotation) == _sync_annotation(str(twin.annotation)), (
                f"{name}({parameter.name})"
            )
        assert str(sync_signature.return_annotation) == _sync_annotation(
            str(async_signature.return_annotation)
        )
        assert not inspect.iscoroutinefunction(sync_member), name
        if name in ("call", "close", "create", "create_or_update", "create_with_trip", "get"):
            assert inspect.iscoroutinefunction(async_member), name
        compared += 1
    assert compared >= 3


def _check(sync_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts.codegen.unasync_client", "--check", "--sync-dir", str(sync_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_committed_sync_code_is_what_the_async_code_produces() -> None:
    result = _check(SYNC_DIR)
    assert result.returncode == 0, result.stderr


def test_a_hand_edit_of_the_sync_code_is_found(tmp_path: Path) -> None:
    copy = tmp_path / "_sync"
    shutil.copytree(SYNC_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    edited = copy / "customers.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# a hand edit\n", encoding="utf-8")
    (copy / "calls.py").unlink()
    (copy / "extra.py").write_text("", encoding="utf-8")
    result = _check(copy)
    assert result.returncode == 1
    found = {line.split()[0]: line.split()[1] for line in result.stderr.splitlines()[:3]}
    assert {kind: Path(path).name for kind, path in found.items()} == {
        "differs": "customers.py",
        "missing": "calls.py",
        "extra": "extra.py",
    }
