"""Fixtures of the fuzz tests: the mock on the fuzz world, with the records valid requests refer to.

The hooks module ``schemathesis.toml`` names (``scripts.fuzz.hooks``) and the runner are imported under the
same names as in ``make fuzz``, so the hooks register once.

* `load_fuzz_schema()` — the bundled spec with the committed ``schemathesis.toml`` minus the two settings
  that need the running mock (``base-url`` and ``[auth.wfc]``); called at import by the test module, since
  ``schema.parametrize()`` needs the schema at collection.
* ``fuzz_server`` (session) — the mock (`start_server`) on ``tests/fuzz/world.yaml`` with a fresh database.
* ``fuzz_owner`` (session) — tenant A's account with a customer and an appointment with a trip created for
  the run, written to an identities document that ``MYKAARMA_FUZZ_IDENTITIES`` names for the hooks.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator

import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig

from scripts.fuzz import hooks as fuzz_hooks
from scripts.fuzz import run as fuzz
from tests.integration.mock_server import ROOT, MockServer, start_server

CONFIG = ROOT / "schemathesis.toml"


def load_fuzz_schema() -> schemathesis.BaseSchema:
    """The spec with the committed configuration; URL and credentials are set by `configure_target`."""
    settings = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    settings.pop("base-url")
    settings.pop("auth")
    settings.pop("reports")  # the CLI runs write reports; a pytest run reports through pytest
    return schemathesis.openapi.from_path(fuzz.BUNDLE, config=SchemathesisConfig.from_dict(settings))


def configure_target(schema: schemathesis.BaseSchema, server: MockServer, owner: fuzz.Account) -> None:
    """Point `schema` at `server` and send every request as `owner`."""
    schema.config.update(base_url=server.base_url, basic_auth=(owner.username, owner.password))


@pytest.fixture(scope="session")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MockServer]:
    directory = tmp_path_factory.mktemp("fuzz-mock")
    server = start_server(
        db=directory / "fuzz.sqlite3", log_path=directory / "server.log", world=fuzz.FUZZ_WORLD
    )
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def fuzz_owner(fuzz_server: MockServer, tmp_path_factory: pytest.TempPathFactory) -> fuzz.Account:
    owner = fuzz.world_accounts()[0]
    tenant = fuzz.seed_tenant(fuzz_server.base_url, owner)
    identities = fuzz_hooks.write_identities(
        tmp_path_factory.mktemp("fuzz-identities") / "identities.json",
        [fuzz_hooks.Identity(fuzz_hooks.OWNER, owner.username, owner.password, tenant)],
        sandbox=False,
    )
    os.environ[fuzz_hooks.IDENTITIES_ENV] = str(identities)
    return owner
