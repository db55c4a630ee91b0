"""A real, throw-away PostgreSQL server for the tests (no mock): Debian's `postgresql` package.

How it works. The first test that asks for `postgres_server` in a pytest process (each xdist
worker is its own process) makes a folder `/tmp/tanglaw-pg-XXXX`, runs `initdb` there (data in
`data/`, trust authentication, superuser `postgres`) and starts the server with `pg_ctl` on a unix
socket in that folder only (`listen_addresses=''`, no TCP), so workers and parallel runs never
share a port or a server. Durability is switched off (`fsync=off` and friends): the data is thrown
away. At the end of the session the server is stopped (`pg_ctl stop -m immediate`) and the folder
removed. `initdb` refuses to run as root, and tests and CI run as root: then the folder is given
to the `postgres` user and `initdb`/`pg_ctl` run through `runuser -u postgres --`; as any other
user they run as that user.

`postgres_url` makes a fresh, empty database per test (`CREATE DATABASE t_<random>`) and drops
it afterwards (`DROP DATABASE ... WITH (FORCE)`, so a connection a test forgot to close does not
block it). Both fixtures yield a URL for `psycopg.connect`, e.g.
`postgresql://postgres@/t_0123abcd?host=/tmp/tanglaw-pg-x1y2&port=5432`.

Use in a test module (as `browser.py` is used): import both fixtures, under their `_fixture`
names so that ruff does not take the test's parameters for redefinitions (F811)::

    from .postgres import postgres_server_fixture, postgres_url_fixture  # noqa: F401

    def test_store(postgres_url: str) -> None:
        with psycopg.connect(postgres_url) as conn: ...

Several modules may import them: they all share the one server of their pytest process.
`fresh_database(server_url)` makes further databases by hand (a test that needs two).

`make test` installs PostgreSQL when it is missing (`make postgres`). Elsewhere a test that needs
it is skipped with the command that installs it; under CI (`CI` set) it fails instead.
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

INSTALL = "make test installs it; by hand: apt-get install -y postgresql"
#: the port names the socket file (`.s.PGSQL.<port>`) in the server's own folder; nothing listens on TCP
PORT = 5432
#: the data is thrown away: no need to make it survive a crash
FAST = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def pg_bin() -> Path | None:
    """The `bin` folder of the newest PostgreSQL installed the Debian way, or None."""
    found = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    if not found:
        return None

    def version(path: str) -> tuple[int, ...]:
        name = Path(path).parent.parent.name
        return tuple(int(p) for p in name.split(".") if p.isdigit())

    return Path(max(found, key=version)).parent


def base_url(socket_dir: Path, port: int = PORT, dbname: str = "postgres") -> str:
    return f"postgresql://postgres@/{dbname}?host={socket_dir}&port={port}"


def with_database(url: str, dbname: str) -> str:
    """`url` with its database replaced by `dbname`."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{dbname}"))


class Server:
    """One PostgreSQL server in its own folder, run as `postgres` when we are root."""

    def __init__(self, bindir: Path, port: int = PORT) -> None:
        self.bindir = bindir
        self.port = port
        self.as_root = os.geteuid() == 0
        # /tmp itself: pytest's basetemp is 0700 root's, which the `postgres` user could not enter,
        # and a unix socket's path must stay under ~100 characters.
        parent = "/tmp" if os.path.isdir("/tmp") else tempfile.gettempdir()
        self.dir = Path(tempfile.mkdtemp(prefix="tanglaw-pg-", dir=parent))
        self.dir.chmod(0o755)
        if self.as_root:
            shutil.chown(self.dir, user="postgres")
        self.data = self.dir / "data"
        self.log = self.dir / "log"
        self.running = False

    @property
    def url(self) -> str:
        return base_url(self.dir, self.port)

    def _run(self, tool: str, *args: str) -> None:
        cmd = [str(self.bindir / tool), *args]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        # cwd: the `postgres` user may not be allowed into the repository
        done = subprocess.run(cmd, cwd=self.dir, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(
                f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout}{done.stderr}\n{log}".rstrip()
            )

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        opts = f"-p {self.port} -k {self.dir} -c listen_addresses='' {FAST}"
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.log), "-w", "-t", "60", "start")
        self.running = True

    def stop(self) -> None:
        try:
            if self.running:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
                self.running = False
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def _missing(what: str) -> None:
    message = f"{what} is not installed ({INSTALL})"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


#: this process's server and how many `postgres_server` fixtures use it. A session fixture imported
#: into two test modules is two fixtures to pytest, each set up once: they share one server.
_server: Server | None = None
_users = 0


@pytest.fixture(scope="session", name="postgres_server")
def postgres_server_fixture() -> Iterator[str]:
    """Start a PostgreSQL server for this pytest process; yield its URL (database `postgres`)."""
    global _server, _users
    bindir = pg_bin()
    if bindir is None:
        _missing("PostgreSQL (/usr/lib/postgresql/*/bin/initdb)")
        return
    if _server is None:
        server = Server(bindir)
        atexit.register(server.stop)  # should the session end without tearing fixtures down
        try:
            server.start()
        except BaseException:
            server.stop()
            raise
        _server = server
    _users += 1
    try:
        yield _server.url
    finally:
        _users -= 1
        if _users == 0:
            _server.stop()
            _server = None


@contextmanager
def fresh_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the server at `server_url`; yields its URL, drops it after."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(server_url, name)
    finally:
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(name="postgres_url")
def postgres_url_fixture(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database for this test on `postgres_server`; yields its URL."""
    with fresh_database(postgres_server) as url:
        yield url


# The same two fixtures under their own names: `from .postgres import postgres_server, postgres_url`
# works too, but ruff then reports F811 at every test that takes them as parameters.
postgres_server = postgres_server_fixture
postgres_url = postgres_url_fixture
