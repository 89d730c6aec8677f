"""A throw-away PostgreSQL server for the tests (DESIGN.md §7).

`initdb` into a temp folder (as user postgres when the tests run as root), `pg_ctl start`
on loopback and a free port, a migrated template database; every test that wants
PostgreSQL gets a fresh copy of the template (CREATE DATABASE … TEMPLATE, a few ms).

Where the binaries are: $MULTILOK_PG_BIN (set by .ci/run), else `pg_ctl` on PATH, else
the newest /usr/lib/postgresql/*/bin. Without them the PostgreSQL tests are skipped —
except in CI (CI=true), where they must run and a missing server is an error.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PG_BIN_ENV = "MULTILOK_PG_BIN"
TEST_DB_ENV = "MULTILOK_TEST_DB"
TEMPLATE = "multilok_template"
SUPERUSER = "postgres"

_names = itertools.count(1)


def postgres_wanted() -> bool:
    """The `db` fixture gives PostgreSQL databases (MULTILOK_TEST_DB=postgresql)."""
    return os.environ.get(TEST_DB_ENV, "").lower() in {"postgresql", "postgres", "pg"}


def find_bin_dir() -> Path | None:
    configured = os.environ.get(PG_BIN_ENV)
    if configured:
        return Path(configured)
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).resolve().parent
    installed = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    return installed[-1] if installed else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    bin_dir: Path
    data_dir: Path
    socket_dir: Path
    port: int
    log: Path

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE)."""
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(sql)  # type: ignore[arg-type]

    def new_database(self) -> str:
        """A fresh, migrated, empty database; returns its URL."""
        name = f"test_{os.getpid()}_{next(_names)}"
        self.admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE} STRATEGY FILE_COPY")
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        _run_as_owner(
            [str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "stop"],
            check=False,
        )


def _run_as_owner(command: list[str], *, check: bool = True) -> None:
    """initdb and pg_ctl refuse to run as root: run them as the postgres user then."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")


def start_server() -> Iterator[PostgresServer]:
    """Start a server in a temp folder, yield it, remove everything afterwards."""
    bin_dir = find_bin_dir()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        message = f"PostgreSQL-Programme nicht gefunden (initdb; ${PG_BIN_ENV} setzen)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message} — in CI müssen die PostgreSQL-Tests laufen.")
        pytest.skip(message)
    root = Path(tempfile.mkdtemp(prefix="multilok-pg-"))
    data_dir, socket_dir, log = root / "data", root / "run", root / "server.log"
    socket_dir.mkdir()
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(socket_dir, "postgres")
    _run_as_owner(
        [str(bin_dir / "initdb"), "-D", str(data_dir), "-U", SUPERUSER, "-A", "trust",
         "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]
    )  # fmt: skip
    server = PostgresServer(bin_dir, data_dir, socket_dir, _free_port(), log)
    options = (
        f"-p {server.port} -c listen_addresses=127.0.0.1 -k {socket_dir} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    _run_as_owner(
        [str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-o", options, "-l", str(log),
         "-w", "-t", "30", "start"]
    )  # fmt: skip
    try:
        server.admin(f"CREATE DATABASE {TEMPLATE}")
        from multilok_desktop.storage.database import Database

        Database.open(server.url(TEMPLATE)).close()
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
