"""Command line: ``mykaarma-mock serve`` (also ``python -m mykaarma_mock serve``), issue 4 item 2.

    mykaarma-mock serve [--host 127.0.0.1] [--port 8080] [--db PATH|:memory:] [--world FILE] [--faults SPEC]
                        [--docs DIR] [--body-timeout SECONDS] [--log-queries]

At start-up it prints the database, the world (dealers, departments, accounts; the passwords only for the
built-in demo world, whose credentials are DEMO credentials for the local mock) and, last, the line
``mykaarma-mock listening on http://HOST:PORT`` — with ``--port 0`` the port the system picked. A world file
or a ``--faults`` value that cannot be used ends the command with exit status 2 and a message naming the
problem; a database or address that cannot be opened ends it with status 1.

The access log has one line per request without its query string (search terms are personal data);
``--log-queries`` adds it, for debugging. Connections are bounded as D-REQUEST-LIMITS states: a request head
must arrive within the body timeout, an idle keep-alive connection is closed after 5 seconds.
"""

from __future__ import annotations

import argparse
import logging
import signal
import socket
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from .faults import FaultPlan, FaultSpecError, parse_faults
from .world import World, WorldError, demo_world, load_world

DEFAULT_DB = str(Path(".mykaarma-mock") / "mock.sqlite3")
PROG = "mykaarma-mock"


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port must be between 0 and 65535, got {port}")
    return port


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Stateful local mock of the myKaarma customer and appointment-with-trip APIs."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    serve = commands.add_parser("serve", help="run the mock server", description="Run the mock server.")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    serve.add_argument(
        "--port", type=_port, default=8080, help="port; 0 picks a free one (default: %(default)s)"
    )
    serve.add_argument(
        "--db", default=DEFAULT_DB, help="SQLite file, created if missing, or :memory: (default: %(default)s)"
    )
    serve.add_argument("--world", default=None, help="world file (YAML); default: the built-in demo world")
    serve.add_argument(
        "--faults",
        default=None,
        metavar="SPEC",
        help='fault rates, e.g. "status=503:0.2,status=429:0.1,drop_after_commit=0.05,seed=7"; '
        '"latency=MS" delays every request',
    )
    serve.add_argument(
        "--docs",
        default=None,
        metavar="DIR",
        help="directory whose index.html is served at /docs (default: docs/ of the repository, `make docs`)",
    )
    serve.add_argument(
        "--body-timeout",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="seconds a request head or body may take to arrive (default: the spec's x-request-limits, 30)",
    )
    serve.add_argument(
        "--log-queries",
        action="store_true",
        help="write query strings (search terms: personal data) into the access log, for debugging",
    )
    serve.add_argument(
        "--log-level",
        default="info",
        choices=["critical", "error", "warning", "info", "debug"],
        help=argparse.SUPPRESS,
    )
    return parser


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"must be between 0 and 3600 seconds, got {text}")
    return value


def _ignore_signal(signum: int, frame: object) -> None:
    """A no-op signal handler (see `serve`)."""


def _fail(status: int, message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr, flush=True)
    return status


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket (bound and listening before the address is printed, so no client races it)."""
    info = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, kind, proto, _, address = info[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def describe_world(world: World, *, show_passwords: bool) -> list[str]:
    """The start-up description of a world; passwords only when `show_passwords` (the demo world)."""
    lines: list[str] = []
    for dealer in world.dealers:
        lines.append(f"  dealer {dealer.uuid}  {dealer.name}")
        for department in dealer.departments:
            lines.append(f"    department {department.uuid}  {department.name}")
        lines.append(f"    associates: {', '.join(sorted(dealer.associates)) or 'none'}")
    lines.append("accounts:")
    for account in world.accounts:
        scopes = sorted({grant.scope for grant in account.grants})
        if show_passwords:
            lines.append(f"  {account.username}  password: {account.password}  scopes: {', '.join(scopes)}")
        else:
            lines.append(f"  {account.username}  scopes: {', '.join(scopes) or 'none'}")
    return lines


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .access_log import AccessLog
    from .app import create_app
    from .connections import server_options
    from .features import open_database
    from .spec import load_spec

    try:
        faults = parse_faults(args.faults) if args.faults is not None else FaultPlan()
    except FaultSpecError as exc:
        return _fail(2, f"--faults: {exc}")
    try:
        world = load_world(args.world) if args.world else demo_world()
    except WorldError as exc:
        return _fail(2, str(exc))
    db_path = args.db if args.db == ":memory:" else str(Path(args.db).expanduser().resolve())
    try:
        db = open_database(db_path)
    except (sqlite3.Error, OSError) as exc:
        return _fail(1, f"cannot open the database {db_path}: {exc}")
    try:
        limits = load_spec().limits
        if args.body_timeout is not None:
            limits = limits.with_overrides(body_timeout_seconds=args.body_timeout)
        app = create_app(
            db, world, faults, limits=limits, docs_dir=None if args.docs is None else Path(args.docs)
        )
        try:
            sock = _listen(args.host, args.port)
        except OSError as exc:
            return _fail(1, f"cannot listen on {args.host}:{args.port}: {exc}")
        demo = args.world is None
        lines = [f"database: {db_path} (journal mode {db.journal_mode})"]
        if demo:
            lines.append("world: built-in demo world -- DEMO credentials for this local mock only")
        else:
            lines.append(f"world: {Path(args.world).resolve()}")
        lines += describe_world(world, show_passwords=demo)
        lines.append(f"faults: {faults.describe()}")
        lines.append(f"{PROG} listening on {_url(sock)}")
        print("\n".join(lines), flush=True)
        config = uvicorn.Config(
            AccessLog(app, log_queries=args.log_queries),
            log_level=args.log_level,
            access_log=False,  # AccessLog writes it, without query strings
            proxy_headers=False,
            server_header=False,
            lifespan="off",
            timeout_graceful_shutdown=5,
            **server_options(limits.body_timeout_seconds),
        )
        # uvicorn shuts down gracefully on SIGINT/SIGTERM, then re-raises the signal under the handlers it
        # found; with these no-op handlers the command returns normally and closes the database.
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, _ignore_signal)
        # While a large body is checked on the worker thread, the event loop gets the GIL back within 1 ms
        # (default 5 ms), so the other clients' requests are not held up behind it.
        sys.setswitchinterval(0.001)
        try:
            uvicorn.Server(config).run(sockets=[sock])
        finally:
            app.state.mock.close()
    finally:
        db.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    if args.command == "serve":
        return serve(args)
    return _fail(2, f"unknown command {args.command}")
