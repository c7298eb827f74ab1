"""Real servers for the tests: a throwaway Dovecot, an aiosmtpd sink and per-test PostgreSQL databases.

Nothing here is a mock. Each helper starts (or reaches) the genuine server on loopback so that the
tests exercise the same protocol paths production does; see /work/shared/TESTING.md for the facts
these helpers are built on.
"""

from __future__ import annotations

import contextlib
import email.policy
import grp
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import uuid
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from types import TracebackType
from typing import Any, NoReturn, Self, cast
from urllib.parse import quote

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from imapclient import IMAPClient

DOVECOT_INSTALL = (
    "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dovecot-imapd"
)
PG_HOST = "127.0.0.1"
PG_PORT = 5432
PG_USER = "postgres"
# Only names this module generated are ever dropped, so a typo cannot drop someone's database.
PG_TEST_DB_PREFIX = "mailbot_test_"
# Usernames and passwords go into a colon-separated passwd-file and into URLs; keep them plain.
_SAFE_CREDENTIAL = re.compile(r"[A-Za-z0-9._@+-]{1,64}")
_APPENDUID = re.compile(rb"\[APPENDUID \d+ (\d+)\]")


def on_ci() -> bool:
    """True where a missing server is a broken build rather than a developer's bare machine."""
    return bool(os.environ.get("CI"))


def skip_or_fail(reason: str) -> NoReturn:
    """Skip locally, fail on CI: CI must never go green by silently skipping the real servers."""
    if on_ci():
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    """A loopback TCP port that was free a moment ago (callers retry if someone takes it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --------------------------------------------------------------------------------------- Dovecot


def dovecot_binary() -> str | None:
    """Path of the dovecot binary, looking in sbin too (not on an ordinary user's PATH)."""
    return shutil.which("dovecot") or shutil.which(
        "dovecot", path="/usr/sbin:/usr/local/sbin:/sbin"
    )


def require_dovecot() -> str:
    """The dovecot binary, or skip (fail on CI) with a reason that says how to install it."""
    binary = dovecot_binary()
    if binary is None:
        skip_or_fail(
            "DOVECOT IS NOT INSTALLED: the IMAP tests need a real Dovecot. Install it with "
            f"`{DOVECOT_INSTALL}` (scripts/test does this)"
        )
    return binary


@dataclass(frozen=True)
class _Identity:
    """Who the Dovecot processes run as; root and an ordinary user need different answers."""

    login_user: str
    internal_user: str
    internal_group: str
    mail_uid: int
    mail_gid: int


def _identity() -> _Identity:
    if os.geteuid() == 0:
        # imap-login refuses to run as root and mail access as uid 0 is refused, so use the
        # unprivileged accounts Debian's package creates.
        nobody = pwd.getpwnam("nobody")
        return _Identity(
            login_user="dovenull",
            internal_user="dovecot",
            internal_group="dovecot",
            mail_uid=nobody.pw_uid,
            mail_gid=nobody.pw_gid,
        )
    # An ordinary user cannot switch users or chown sockets to another group: everything is us.
    me = pwd.getpwuid(os.geteuid())
    return _Identity(
        login_user=me.pw_name,
        internal_user=me.pw_name,
        internal_group=grp.getgrgid(os.getegid()).gr_name,
        mail_uid=me.pw_uid,
        mail_gid=os.getegid(),
    )


def _check_credential(value: str, what: str) -> None:
    if not _SAFE_CREDENTIAL.fullmatch(value):
        raise ValueError(f"test {what} {value!r} must match {_SAFE_CREDENTIAL.pattern}")


class DovecotServer:
    """A private Dovecot IMAP server on a free loopback port, with its own config and users.

    Use as a context manager, or call start() and stop(). Helper methods (append, fetch_all, ...)
    open their own IMAP connection each time, so they never disturb the connection under test.
    """

    def __init__(self, *, users: dict[str, str] | None = None) -> None:
        self.binary = require_dovecot()
        self.port = 0
        self.directory: Path | None = None
        self._users: dict[str, str] = {}
        self._initial_users = dict(users or {})
        self._process: subprocess.Popen[bytes] | None = None
        self._finalizer: weakref.finalize[Any, Any] | None = None
        self._lock = threading.Lock()
        self._identity = _identity()

    # -- lifecycle

    def start(self) -> Self:
        if self._process is not None:
            raise RuntimeError("Dovecot is already running")
        # Not pytest's tmp_path: its parents are mode 0700, which the unprivileged mail user
        # cannot traverse ("[SERVERBUG] Internal error" on every login).
        self.directory = Path(tempfile.mkdtemp(prefix="mailbot-dovecot-"))
        self.directory.chmod(0o711)
        mail = self.directory / "mail"
        mail.mkdir()
        if os.geteuid() == 0:
            os.chown(mail, self._identity.mail_uid, self._identity.mail_gid)
        (self.directory / "users").mkdir(mode=0o755)
        for name, password in self._initial_users.items():
            self.add_user(name, password)
        last_error = ""
        # The free port can be taken between probing and binding; a couple of retries cover it.
        for _attempt in range(3):
            self.port = free_port()
            self._write_config()
            self._process = subprocess.Popen(
                [self.binary, "-F", "-c", str(self.config_path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                start_new_session=True,  # its own process group, so stop() reaps every child
            )
            # A server a test forgot to stop must not outlive the test run.
            self._finalizer = weakref.finalize(self, _abandon, self._process, self.directory)
            try:
                self._wait_for_greeting(timeout=10.0)
                return self
            except RuntimeError as exc:
                last_error = str(exc)
                self._kill()
        self._cleanup_directory()
        raise RuntimeError(f"Dovecot did not start: {last_error}")

    def stop(self) -> None:
        self._kill()
        self._cleanup_directory()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def config_path(self) -> Path:
        return self._dir / "dovecot.conf"

    @property
    def log_path(self) -> Path:
        return self._dir / "dovecot.log"

    def log_text(self) -> str:
        """Dovecot's own log, for failure messages."""
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    # -- users

    def add_user(self, name: str, password: str) -> None:
        """Add (or re-password) a user; takes effect at the next login, no restart needed.

        Each user has a passwd-file of their own (the passdb path contains %u). Dovecot stats a
        passwd-file at most once a second, but never caches a file that did not exist, so a new
        user can log in at once. Changing a password waits for the next second so that the
        file's mtime differs from what Dovecot has cached.
        """
        _check_credential(name, "user name")
        _check_credential(password, "password")
        with self._lock:
            if name in self._users and self._users[name] != password:
                time.sleep(1.0 - time.time() % 1.0 + 0.01)
            self._users[name] = password
            self._write_passwd(name, password)

    def password(self, user: str) -> str:
        try:
            return self._users[user]
        except KeyError:
            raise KeyError(f"{user!r} is not a user of this Dovecot; add_user() it first") from None

    @property
    def users(self) -> list[str]:
        return sorted(self._users)

    def url(self, user: str, password: str, folder: str = "INBOX") -> str:
        """The MAILBOT_MAILBOX_URL that reaches `folder` of `user` on this server."""
        return (
            f"imap://{quote(user, safe='')}:{quote(password, safe='')}"
            f"@127.0.0.1:{self.port}/{quote(folder)}"
        )

    # -- IMAP helpers (each on its own connection)

    @contextlib.contextmanager
    def client(self, user: str, *, timeout: float = 10.0) -> Iterator[IMAPClient]:
        """A logged-in IMAPClient for `user`; logged out on exit."""
        conn = IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=timeout)
        try:
            conn.login(user, self.password(user))
            yield conn
        finally:
            with contextlib.suppress(Exception):
                conn.logout()
            with contextlib.suppress(Exception):
                conn.shutdown()

    def append(
        self,
        user: str,
        raw: bytes,
        folder: str = "INBOX",
        flags: Iterable[str] = (),
    ) -> int:
        """APPEND one message; returns its UID (from APPENDUID). Creates the folder if needed."""
        with self.client(user) as conn:
            if not conn.folder_exists(folder):
                conn.create_folder(folder)
            response = conn.append(folder, raw, flags=tuple(flags))
        match = _APPENDUID.search(response)
        if match is None:
            raise RuntimeError(f"APPEND gave no APPENDUID: {response!r}")
        return int(match.group(1))

    def fetch_all(self, user: str, folder: str = "INBOX") -> list[bytes]:
        """Every message of a folder in UID order, read with BODY.PEEK[] so \\Seen stays unset."""
        with self.client(user) as conn:
            conn.select_folder(folder, readonly=True)
            uids = conn.search(["ALL"])
            if not uids:
                return []
            data = conn.fetch(uids, ["BODY.PEEK[]"])
        return [bytes(data[uid][b"BODY[]"]) for uid in sorted(data)]

    def folders(self, user: str) -> list[str]:
        """Names of every folder the user has, sorted."""
        with self.client(user) as conn:
            return sorted(str(name) for _flags, _sep, name in conn.list_folders())

    def flags(self, user: str, folder: str = "INBOX") -> dict[int, set[str]]:
        """UID -> every flag, system flags (\\Seen, \\Flagged, ...) and keywords alike."""
        with self.client(user) as conn:
            conn.select_folder(folder, readonly=True)
            uids = conn.search(["ALL"])
            if not uids:
                return {}
            data = conn.fetch(uids, ["FLAGS"])
        return {
            int(uid): {
                flag.decode() if isinstance(flag, bytes) else str(flag) for flag in row[b"FLAGS"]
            }
            for uid, row in data.items()
        }

    def keywords(self, user: str, folder: str = "INBOX") -> dict[int, set[str]]:
        """UID -> keywords only (such as $Processed), without the backslash system flags."""
        return {
            uid: {flag for flag in flags if not flag.startswith("\\")}
            for uid, flags in self.flags(user, folder).items()
        }

    # -- internals

    @property
    def _dir(self) -> Path:
        if self.directory is None:
            raise RuntimeError("Dovecot has not been started")
        return self.directory

    def _write_passwd(self, name: str, password: str) -> None:
        target = self._dir / "users" / name
        temporary = target.with_name(f".{name}.{uuid.uuid4().hex}")
        temporary.write_text(f"{name}:{{PLAIN}}{password}::::::\n")
        temporary.chmod(0o644)  # read by the auth process, which may not run as us
        # Replaced atomically, so a login racing with add_user() never reads half a line.
        os.replace(temporary, target)

    def _write_config(self) -> None:
        d = self._dir
        ident = self._identity
        # Everything lives under our own directory; without -c Dovecot would read /etc/dovecot.
        config = f"""\
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# a wrong password in a test should fail at once, not after the default 2 s penalty
auth_failure_delay = 0
default_login_user = {ident.login_user}
default_internal_user = {ident.internal_user}
default_internal_group = {ident.internal_group}
mail_uid = {ident.mail_uid}
mail_gid = {ident.mail_gid}
first_valid_uid = 1
first_valid_gid = 1
mail_location = maildir:{d}/mail/%u
# the default of 10 breaks tests that open many connections in parallel
mail_max_userip_connections = 1000
mail_fsync = never
namespace inbox {{
  inbox = yes
  # mailbot's default folders are "mailbot/done" and "mailbot/quarantine"
  separator = /
  mailbox Drafts {{
    special_use = \\Drafts
  }}
  mailbox Junk {{
    special_use = \\Junk
  }}
  mailbox Sent {{
    special_use = \\Sent
  }}
  mailbox Trash {{
    special_use = \\Trash
  }}
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/users/%u
}}
userdb {{
  driver = static
  args = uid={ident.mail_uid} gid={ident.mail_gid} home={d}/mail/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
  # Without this socket the auth process disables its penalty, which would otherwise delay
  # every later login from 127.0.0.1 by up to 15 s after one test's wrong password.
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
"""
        self.config_path.write_text(config)
        self.config_path.chmod(0o644)

    def _wait_for_greeting(self, *, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        process = self._process
        assert process is not None
        while time.monotonic() < deadline:
            if process.poll() is not None:
                stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
                raise RuntimeError(
                    f"dovecot exited with {process.returncode}: {stderr.strip()} "
                    f"{self.log_text().strip()}"
                )
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1.0) as sock:
                    if sock.recv(64).startswith(b"* OK"):
                        return
            except OSError:
                pass
            time.sleep(0.02)
        raise RuntimeError(
            f"no IMAP greeting on port {self.port} in {timeout} s: {self.log_text()}"
        )

    def _kill(self) -> None:
        process, self._process = self._process, None
        if self._finalizer is not None:
            self._finalizer.detach()
            self._finalizer = None
        if process is not None:
            _terminate_group(process)

    def _cleanup_directory(self) -> None:
        if self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None


def _abandon(process: subprocess.Popen[bytes], directory: Path) -> None:
    """Clean up after a server that was never stopped (garbage-collected or at exit)."""
    _terminate_group(process)
    shutil.rmtree(directory, ignore_errors=True)


def _terminate_group(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the server's whole process group (master and children); SIGKILL if it lingers."""
    # The Popen is not reaped until poll()/wait() here, so its pid (the group id) cannot have
    # been reused by an unrelated process.
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)
    if process.stderr:
        process.stderr.close()


@dataclass(frozen=True)
class ImapUser:
    """One test's own IMAP account on the shared Dovecot."""

    name: str
    password: str
    server: DovecotServer

    @property
    def url(self) -> str:
        """imap://name:password@127.0.0.1:PORT/INBOX"""
        return self.server.url(self.name, self.password)

    def folder_url(self, folder: str) -> str:
        return self.server.url(self.name, self.password, folder)

    def append(self, raw: bytes, folder: str = "INBOX", flags: Iterable[str] = ()) -> int:
        return self.server.append(self.name, raw, folder, flags)

    def fetch_all(self, folder: str = "INBOX") -> list[bytes]:
        return self.server.fetch_all(self.name, folder)

    def folders(self) -> list[str]:
        return self.server.folders(self.name)

    def flags(self, folder: str = "INBOX") -> dict[int, set[str]]:
        return self.server.flags(self.name, folder)

    def keywords(self, folder: str = "INBOX") -> dict[int, set[str]]:
        return self.server.keywords(self.name, folder)

    def client(self) -> contextlib.AbstractContextManager[IMAPClient]:
        return self.server.client(self.name)


def new_imap_user(server: DovecotServer) -> ImapUser:
    """A fresh user with an empty mailbox (Dovecot creates it at the first login)."""
    name = f"user-{uuid.uuid4().hex[:12]}"
    password = uuid.uuid4().hex
    server.add_user(name, password)
    return ImapUser(name=name, password=password, server=server)


# ------------------------------------------------------------------------------------------- SMTP


@dataclass(frozen=True)
class CapturedEnvelope:
    """What one SMTP transaction delivered, exactly as the client sent it."""

    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        return cast(EmailMessage, BytesParser(policy=email.policy.default).parsebytes(self.data))


@dataclass
class _SinkHandler:
    """aiosmtpd handler: store each envelope, or answer 451 while an outage is simulated."""

    envelopes: list[CapturedEnvelope] = field(default_factory=list)
    refused: list[CapturedEnvelope] = field(default_factory=list)
    refusing: bool = False
    changed: threading.Condition = field(default_factory=threading.Condition)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        captured = CapturedEnvelope(
            mail_from=str(envelope.mail_from or ""),
            rcpt_tos=[str(rcpt) for rcpt in envelope.rcpt_tos],
            data=bytes(envelope.original_content or envelope.content or b""),
        )
        with self.changed:
            if self.refusing:
                self.refused.append(captured)
                self.changed.notify_all()
                return "451 4.3.0 Mail server temporarily unavailable (test outage)"
            self.envelopes.append(captured)
            self.changed.notify_all()
        return "250 2.0.0 Message accepted for delivery"


class SmtpSink:
    """An aiosmtpd server on a free loopback port that keeps every message it is sent."""

    def __init__(self) -> None:
        self._handler = _SinkHandler()
        self._controller: Controller | None = None
        self.port = 0

    def start(self) -> Self:
        last_error: Exception | None = None
        for _attempt in range(3):
            self.port = free_port()
            controller = Controller(self._handler, hostname="127.0.0.1", port=self.port)
            try:
                controller.start()
            except (OSError, RuntimeError) as exc:  # the port was taken meanwhile
                last_error = exc
                continue
            self._controller = controller
            return self
        raise RuntimeError(f"aiosmtpd did not start: {last_error}")

    def stop(self) -> None:
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    @property
    def refusing(self) -> bool:
        return self._handler.refusing

    @refusing.setter
    def refusing(self, value: bool) -> None:
        """While True every message is answered 451 (a transient outage) and not kept."""
        with self._handler.changed:
            self._handler.refusing = value

    @property
    def envelopes(self) -> list[CapturedEnvelope]:
        with self._handler.changed:
            return list(self._handler.envelopes)

    @property
    def refused(self) -> list[CapturedEnvelope]:
        """Messages a client tried to send while refusing was on."""
        with self._handler.changed:
            return list(self._handler.refused)

    @property
    def messages(self) -> list[EmailMessage]:
        return [envelope.message for envelope in self.envelopes]

    def wait_for(self, n: int, timeout: float = 5.0) -> list[EmailMessage]:
        """Block until at least n messages were accepted; AssertionError after `timeout` s."""
        return self._wait(lambda: len(self._handler.envelopes) >= n, n, timeout, "accepted")

    def wait_for_refused(self, n: int, timeout: float = 5.0) -> list[CapturedEnvelope]:
        """Block until at least n attempts were refused with 451."""
        self._wait(lambda: len(self._handler.refused) >= n, n, timeout, "refused")
        return self.refused

    def clear(self) -> None:
        with self._handler.changed:
            self._handler.envelopes.clear()
            self._handler.refused.clear()

    def _wait(
        self, done: Callable[[], bool], n: int, timeout: float, what: str
    ) -> list[EmailMessage]:
        with self._handler.changed:
            if not self._handler.changed.wait_for(done, timeout=timeout):
                got = len(self._handler.envelopes if what == "accepted" else self._handler.refused)
                raise AssertionError(
                    f"SMTP sink: {got} messages {what} after {timeout} s, wanted {n}"
                )
        return self.messages


# ------------------------------------------------------------------------------------- PostgreSQL


def _pg_connect(dbname: str = "postgres", *, timeout: int = 3) -> Any:
    import psycopg

    return psycopg.connect(
        host=PG_HOST,
        port=PG_PORT,
        user=PG_USER,
        dbname=dbname,
        connect_timeout=timeout,
        autocommit=True,
    )


def _pg_reachable() -> bool:
    import psycopg

    try:
        with _pg_connect(timeout=2):
            return True
    except psycopg.OperationalError:
        return False


def postgres_installed() -> bool:
    """A local cluster we could start ourselves (Debian's layout)."""
    return Path("/etc/postgresql").is_dir() and shutil.which("pg_ctlcluster") is not None


_pg_state: dict[str, bool] = {}


def postgres_available() -> bool:
    """True if PostgreSQL answers at 127.0.0.1:5432, starting the local cluster if it is down."""
    if _pg_state.get("available"):
        return True
    if _pg_reachable():
        _pg_state["available"] = True
        return True
    if not postgres_installed() or _pg_state.get("start_tried"):
        return False
    _pg_state["start_tried"] = True  # one attempt per session; a broken cluster stays broken
    for version in sorted(os.listdir("/etc/postgresql")):
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"],
            capture_output=True,
            timeout=60,
            check=False,
        )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if _pg_reachable():
            _pg_state["available"] = True
            return True
        time.sleep(0.2)
    return False


def require_postgres() -> None:
    """Skip (fail on CI) where no PostgreSQL can be reached or started."""
    if postgres_available():
        return
    if postgres_installed():
        skip_or_fail(
            f"POSTGRESQL IS INSTALLED BUT NOT ANSWERING at {PG_HOST}:{PG_PORT} even after "
            "`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`; "
            "see its log under /var/log/postgresql"
        )
    skip_or_fail(
        f"POSTGRESQL IS NOT AVAILABLE: nothing answers at {PG_HOST}:{PG_PORT} (user {PG_USER}, "
        "trust auth) and no local cluster is installed (/etc/postgresql is absent). Install it "
        "with `apt-get install -y postgresql` or point a server at that address"
    )


def pg_database_exists(name: str) -> bool:
    with _pg_connect() as conn:
        row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
    return row is not None


@contextlib.contextmanager
def pg_database() -> Iterator[str]:
    """A fresh, uniquely named database; yields its SQLAlchemy URL and drops it afterwards."""
    from psycopg import sql

    require_postgres()
    name = f"{PG_TEST_DB_PREFIX}{uuid.uuid4().hex[:16]}"
    with _pg_connect() as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield f"postgresql+psycopg://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        drop_pg_database(name)


def drop_pg_database(name: str) -> None:
    """Terminate every session on a test database, then drop it."""
    from psycopg import sql

    if not name.startswith(PG_TEST_DB_PREFIX):
        raise ValueError(f"refusing to drop {name!r}: not a database the tests created")
    with _pg_connect() as conn:
        # Pooled engines of the code under test may still hold sessions; DROP would refuse.
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
