"""`make conformance [TARGET=https://…]`: check a server against the spec with tools nobody here wrote.

Without TARGET the server is the mock, started on a free loopback port with its built-in demo world (which
holds the identifiers of the spec's examples) and a fresh database, and stopped by pid afterwards:

1. **Stock schemathesis** (`stock_run`): every check, phases examples and coverage, no project hooks or
   configuration. A schema-valid request the server refused (ST202) is accepted only when every problem of
   the answer is a rule the spec documents as beyond JSON Schema (`explain`); the report counts them by
   rule id. Any other failed check fails the run.
2. **The tour through a validating proxy** (`proxy_tour`): the demo tour and the vendor's example requests
   through Prism, on a second fresh mock; any violation Prism reports fails the run.

With TARGET (a sandbox) the run is read-only: stock schemathesis on the read operations only, sent through
the fuzz guard (`scripts/fuzz/guard.py`) set to forward nothing but the spec's read operations and safe
methods — schemathesis also probes methods a path does not define, which the guard answers itself with 405 —
within ``--rate`` requests a second and a ``--budget``; no tour (it writes; `make fuzz-sandbox` writes under
the guard's full rules). The host must be in the fuzz allowlist
(``scripts/fuzz/sandbox_allowlist.txt``) unless ``--i-understand``. Credentials: ``MYKAARMA_USERNAME`` and
``MYKAARMA_PASSWORD``; ``MYKAARMA_DEALER_UUID`` and ``MYKAARMA_DEPARTMENT_UUID``, when set, are used as the
path's dealer and department. The report is printed and written to ``reports/conformance/report.json``.
Exit status: 0 conformant, 1 a finding, 2 a refused target or missing settings.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path

import yaml

from mykaarma_core.openapi import operations as walk_operations
from mykaarma_mock import launcher
from scripts import demo
from scripts._tools import BUNDLE, ROOT
from scripts.fuzz.guard import READ_OPERATIONS, Budget, Guard, Ledger, RateLimit, load_routes, running_guard
from scripts.fuzz.sandbox import ALLOWLIST, allowed_hosts, target_problem

from . import proxy_tour, stock_run
from .explain import Explainer, Refusal

REPORTS = ROOT / "reports" / "conformance"


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--target", default=None, help="base URL of a sandbox (default: the mock)")
    parser.add_argument(
        "--i-understand", action="store_true", help="check a host that is not in the allowlist"
    )
    parser.add_argument("--seed", type=int, default=1, help="schemathesis seed (default 1: runs repeat)")
    parser.add_argument("--max-examples", type=int, default=20, help="test cases per operation (default 20)")
    parser.add_argument("--reports", type=Path, default=REPORTS, help="report directory")
    parser.add_argument("--rate", type=float, default=5.0, help="sandbox: requests per second (default 5)")
    parser.add_argument(
        "--budget", type=int, default=3000, help="sandbox: requests it may receive (default 3000)"
    )
    return parser.parse_args(argv)


def sandbox_target(url: str, *, i_understand: bool) -> stock_run.Target | str:
    """The read-only target of a sandbox run, or why it must not run."""
    problem = target_problem(url, allowed_hosts(ALLOWLIST), i_understand=i_understand)
    if problem is not None:
        return problem
    username, password = os.environ.get("MYKAARMA_USERNAME"), os.environ.get("MYKAARMA_PASSWORD")
    if not username or not password:
        return "set MYKAARMA_USERNAME and MYKAARMA_PASSWORD to the sandbox account's credentials"
    parameters = {
        name: os.environ[variable]
        for name, variable in (
            ("dealerUuid", "MYKAARMA_DEALER_UUID"),
            ("departmentUUID", "MYKAARMA_DEPARTMENT_UUID"),
            ("departmentUuid", "MYKAARMA_DEPARTMENT_UUID"),
        )
        if os.environ.get(variable)
    }
    return stock_run.Target(url, username, password, tuple(sorted(READ_OPERATIONS)), parameters)


def _describe_refusal(refusal: Refusal) -> str:
    problems = ", ".join(
        f"{problem.code or '?'} at {problem.field or '-'}" + ("" if rule else " (no documented rule)")
        for problem, rule in zip(refusal.problems, refusal.rules, strict=True)
    )
    return f"{refusal.operation} -> {refusal.status}: {problems or 'an answer without listed problems'}"


def print_report(
    result: stock_run.StockResult,
    recorder: proxy_tour.Recorder | None,
    explainer: Explainer,
    operation_ids: set[str],
) -> None:
    """A summary a person can read: refusals by rule, then everything that fails the run."""
    print("\nconformance: stock schemathesis")
    print(f"  {result.test_cases} test cases; {len(result.refusals)} schema-valid requests refused (ST202)")
    by_rule = Counter(rule for refusal in result.refusals if refusal.explained for rule in set(refusal.rules))
    for rule, count in sorted(by_rule.items(), key=lambda item: (-item[1], str(item[0]))):
        print(f"    {count:5d}  {rule}  (documented beyond JSON Schema)")
    unexplained = [refusal for refusal in result.refusals if not refusal.explained]
    for refusal in unexplained[:20]:
        print(f"  UNEXPLAINED {_describe_refusal(refusal)}")
        for twin in sorted(set(explainer.unexplained_twins(refusal))):
            print(f"    rule {twin} has a JSON Schema twin: the schema should have refused this request")
    if len(unexplained) > 20:
        print(f"  … and {len(unexplained) - 20} more unexplained refusals")
    for failure in result.failures:
        print(f"  FAILED {failure.code} {failure.title}: {failure.operation} -> {failure.status}")
    if recorder is None:
        print("conformance: tour through a validating proxy skipped (it writes; read-only against a sandbox)")
        return
    found = len(recorder.violations)
    covered = proxy_tour.operations_covered(recorder.requests)
    print(
        f"conformance: tour through Prism: {recorder.exchanges} exchanges reaching {len(covered)} of"
        f" {len(operation_ids)} operations, {found} violations"
    )
    for missed in sorted(operation_ids - covered):
        print(f"  not reached by the tour: {missed}")
    for violation in recorder.violations:
        print(f"  VIOLATION {violation.method} {violation.path}: {violation.location} {violation.message}")


def write_report(path: Path, result: stock_run.StockResult, recorder: proxy_tour.Recorder | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "stock": {
            "testCases": result.test_cases,
            "passed": result.passed,
            "refusals": [{**asdict(refusal), "explained": refusal.explained} for refusal in result.refusals],
            "failures": [asdict(failure) for failure in result.failures],
        },
        "proxyTour": None
        if recorder is None
        else {
            "exchanges": recorder.exchanges,
            "operations": sorted(proxy_tour.operations_covered(recorder.requests)),
            "violations": [asdict(v) for v in recorder.violations],
        },
    }
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def _read_only_run(
    target: stock_run.Target, directory: Path, explainer: Explainer, arguments: argparse.Namespace
) -> stock_run.StockResult:
    """Stock schemathesis against a sandbox through the guard, which forwards only reads."""
    guard = Guard(
        target.url,
        load_routes(),
        Ledger(),
        RateLimit(arguments.rate),
        Budget(arguments.budget),
        only_reads=True,
    )
    with running_guard(guard) as guarded:
        print(f"conformance: {target.url}, read operations only (through the guard at {guarded})", flush=True)
        result = stock_run.run(
            replace(target, url=guarded),
            directory,
            explainer,
            seed=arguments.seed,
            max_examples=arguments.max_examples,
        )
    ledger = guard.ledger
    print(
        f"conformance: the guard forwarded {ledger.forwarded} requests, answered {ledger.answered_locally}"
        f" itself and refused {len(ledger.refused)}"
    )
    if guard.budget.exhausted.is_set():
        result.failures.append(
            stock_run.Failure("budget", "the request budget ran out (--budget)", "-", None)
        )
    return result


def _tour_through_prism(directory: Path) -> proxy_tour.Recorder:
    recorder = proxy_tour.Recorder()
    with (
        launcher.running(db=directory / "tour.sqlite3", log_path=directory / "tour-mock.log") as mock,
        proxy_tour.prism_proxy(mock.base_url, directory / "prism.log") as proxy,
        (directory / "tour.txt").open("w", encoding="utf-8") as tour_output,
        contextlib.redirect_stdout(tour_output),
    ):
        proxy_tour.run_tour(proxy, recorder)
    return recorder


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    spec = yaml.safe_load(BUNDLE.read_text(encoding="utf-8"))
    explainer = Explainer(spec)
    operation_ids = {str(entry.operation_id) for entry in walk_operations(spec)}
    recorder: proxy_tour.Recorder | None = None
    with tempfile.TemporaryDirectory(prefix="mykaarma-conformance-") as temporary:
        directory = Path(temporary)
        if arguments.target:
            target = sandbox_target(arguments.target.rstrip("/"), i_understand=arguments.i_understand)
            if isinstance(target, str):
                print(f"conformance: {target}", file=sys.stderr)
                return 2
            result = _read_only_run(target, directory, explainer, arguments)
        else:
            with launcher.running(db=directory / "stock.sqlite3", log_path=directory / "mock.log") as mock:
                print(f"conformance: the mock at {mock.base_url} (demo world, fresh database)", flush=True)
                target = stock_run.Target(mock.base_url, demo.DEMO_USERNAME, demo.DEMO_PASSWORD)
                result = stock_run.run(
                    target, directory, explainer, seed=arguments.seed, max_examples=arguments.max_examples
                )
            recorder = _tour_through_prism(directory)
    print_report(result, recorder, explainer, operation_ids)
    write_report(arguments.reports / "report.json", result, recorder)
    conformant = result.passed and (recorder is None or not recorder.violations)
    print(
        f"conformance: {'PASSED' if conformant else 'FAILED'} (report: {arguments.reports / 'report.json'})"
    )
    return 0 if conformant else 1


if __name__ == "__main__":
    sys.exit(main())
