"""A smaller fuzz run inside `make test`: every operation and the spec's links, against the live mock.

The configuration is the committed ``schemathesis.toml`` (every check, the hooks of
``scripts/fuzz/hooks.py``) with a smaller budget: `MAX_EXAMPLES` cases per operation and
`STATEFUL_SCENARIOS` stateful scenarios. Requests go as tenant A with HTTP Basic.
``object_level_authorization`` needs the second identity that ``make fuzz`` gives schemathesis, so it runs
there, with the full budget.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import hypothesis
import pytest
import schemathesis

from tests.fuzz.conftest import configure_target, fuzz, fuzz_hooks, load_fuzz_schema
from tests.integration.mock_server import MockServer, start_server

MAX_EXAMPLES = 10
STATEFUL_SCENARIOS = 40
STATEFUL_STEPS = 10

schema = load_fuzz_schema()
schema.config.generation.update(max_examples=MAX_EXAMPLES)


@pytest.fixture(autouse=True)
def target(fuzz_server: MockServer, fuzz_owner: fuzz.Account) -> None:
    configure_target(schema, fuzz_server, fuzz_owner)


@schema.parametrize()
def test_every_operation_passes_every_check(case: schemathesis.Case[Any]) -> None:
    # The operations were built at collection, before the mock had a port: the URL goes with each call.
    case.call_and_validate(base_url=schema.get_base_url())


class StatefulSequences(schema.as_state_machine()):  # type: ignore[misc]
    """Sequences of calls that follow the spec's links, each scenario on the same fresh data.

    Hypothesis replays scenarios and expects the same answers to the same calls; data left by an earlier
    scenario (a taken customerKey, a deleted appointment) would change them. So every scenario starts from an
    emptied database with newly created reference records, on a mock of its own.
    """

    server: ClassVar[MockServer]
    owner: ClassVar[fuzz.Account]
    directory: ClassVar[Path]
    scenarios: ClassVar[int] = 0

    def setup(self) -> None:
        cls = type(self)
        cls.scenarios += 1
        self.server.reset()
        tenant = fuzz.seed_tenant(self.server.base_url, self.owner)
        identities = fuzz_hooks.write_identities(
            self.directory / f"identities-{cls.scenarios}.json",
            [fuzz_hooks.Identity(fuzz_hooks.OWNER, self.owner.username, self.owner.password, tenant)],
            sandbox=False,
        )
        os.environ[fuzz_hooks.IDENTITIES_ENV] = str(identities)

    def get_call_kwargs(self, case: schemathesis.Case[Any]) -> dict[str, Any]:
        return {"base_url": self.server.base_url}


class TestStatefulSequencesFollowTheLinks(StatefulSequences.TestCase):  # type: ignore[name-defined,misc]
    settings = hypothesis.settings(
        max_examples=STATEFUL_SCENARIOS,
        stateful_step_count=STATEFUL_STEPS,
        deadline=None,
        database=None,
        phases=[hypothesis.Phase.generate],
        suppress_health_check=list(hypothesis.HealthCheck),
    )

    @pytest.fixture(autouse=True)
    def stateful_mock(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
        """A mock of this test's own. Each scenario sets the identities variable; it is restored after."""
        monkeypatch.delenv(fuzz_hooks.IDENTITIES_ENV, raising=False)
        owner = fuzz.world_accounts()[0]
        server = start_server(
            db=tmp_path / "stateful.sqlite3", log_path=tmp_path / "mock.log", world=fuzz.FUZZ_WORLD
        )
        StatefulSequences.server = server
        StatefulSequences.owner = owner
        StatefulSequences.directory = tmp_path
        schema.config.update(basic_auth=(owner.username, owner.password))
        try:
            yield
        finally:
            server.stop()
