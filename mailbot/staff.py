"""Staff accounts: the privacy team's own usernames, passwords and web sessions, and `mailbot staff`.

The B2B notice promises that only designated employees, each with a personal username and password,
handle the register. Passwords are hashed with argon2id (argon2-cffi) and only ever read from stdin;
the clear text is never stored, logged or echoed. A web session is a random token in a cookie whose
SHA-256 alone is kept here, so a copy of the database cannot be replayed as a login; logging out
deletes the row, and a disabled account's sessions are deleted with it (and refused even if one
were left over, because every request re-reads the account).

The command line runs on the server as an administrator: its `--by NAME` (or $MAILBOT_STAFF_USER)
is recorded in the audit trail as free text and is NOT checked against these accounts, so a
disabled or unknown name there is still accepted. Only the web page requires an account.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated

import typer
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Column, DateTime
from sqlmodel import Field, Session, SQLModel, delete, select

from mailbot.models import as_utc, utcnow

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD = 12
MAX_PASSWORD = 1024  # argon2 hashes whatever it is given: bound the work a login can cause
SESSION_IDLE = timedelta(minutes=30)
SESSION_MAX = timedelta(hours=12)

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# Verified against when the username is unknown, so that a wrong name costs as long as a wrong password.
_DUMMY_HASH = ""  # made on first use, not at import: every mailbot command imports this module


def _dummy_hash() -> str:
    """A hash to verify against for an unknown username, so its check costs what a real one does."""
    global _DUMMY_HASH
    if not _DUMMY_HASH:
        _DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))
    return _DUMMY_HASH


class StaffError(Exception):
    """A staff account operation cannot be done (bad name, weak password, unknown account...)."""


def _ts(*, nullable: bool = True) -> Column:  # type: ignore[type-arg]
    return Column(DateTime(timezone=True), nullable=nullable)


class StaffUser(SQLModel, table=True):
    """One member of the privacy team who may log in to the staff web page."""

    __tablename__ = "staff_user"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(unique=True, index=True)
    password_hash: str = Field(description="argon2id hash in PHC format; never the password.")
    enabled: bool = True
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    disabled_at: datetime | None = Field(default=None, sa_column=_ts())
    last_login_at: datetime | None = Field(default=None, sa_column=_ts())


class StaffSession(SQLModel, table=True):
    """A logged-in browser: the hash of its cookie token and its per-session CSRF token."""

    __tablename__ = "staff_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True, index=True)
    user_id: int = Field(foreign_key="staff_user.id", index=True)
    csrf_token: str
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    last_seen_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


@dataclass(frozen=True)
class LoggedIn:
    """Who a valid session belongs to, and the CSRF token its forms must carry."""

    username: str
    csrf_token: str


# --------------------------------------------------------------------------- accounts


def check_username(username: str) -> str:
    if not USERNAME.match(username):
        raise StaffError(
            "a username is 2-64 characters: lowercase letters, digits, '.', '_' or '-', "
            "starting with a letter or digit"
        )
    return username


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise StaffError(f"the password is too short: at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise StaffError(f"the password is too long: at most {MAX_PASSWORD} characters")
    return password


def _user(session: Session, username: str) -> StaffUser | None:
    return session.exec(select(StaffUser).where(StaffUser.username == username)).first()


def add_staff(session: Session, *, username: str, password: str) -> StaffUser:
    """Create an enabled account; the password is kept only as its argon2id hash."""
    check_username(username)
    check_password(password)
    if _user(session, username) is not None:
        raise StaffError(f"a staff account {username!r} already exists")
    user = StaffUser(username=username, password_hash=_hasher.hash(password))
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, *, username: str, password: str) -> StaffUser:
    """Replace an account's password; its open sessions end, as after a suspected leak."""
    check_password(password)
    user = _user(session, username)
    if user is None:
        raise StaffError(f"no staff account {username!r}")
    user.password_hash = _hasher.hash(password)
    session.add(user)
    _end_all_sessions(session, user)
    return user


def list_staff(session: Session) -> list[StaffUser]:
    return list(session.exec(select(StaffUser).order_by(StaffUser.username)).all())  # type: ignore[arg-type]


def set_enabled(session: Session, *, username: str, enabled: bool) -> StaffUser:
    """Enable or disable an account; disabling ends every session it has at once."""
    user = _user(session, username)
    if user is None:
        raise StaffError(f"no staff account {username!r}")
    user.enabled = enabled
    user.disabled_at = None if enabled else utcnow()
    session.add(user)
    if not enabled:
        _end_all_sessions(session, user)
    return user


def authenticate(session: Session, *, username: str, password: str) -> StaffUser | None:
    """The enabled account these credentials prove, else None (same cost for every failure)."""
    user = _user(session, username) if USERNAME.match(username) else None
    if len(password) > MAX_PASSWORD:
        password = password[:MAX_PASSWORD]  # still refused below: no stored password is this long
    try:
        _hasher.verify(user.password_hash if user else _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.enabled:
        return None
    if _hasher.check_needs_rehash(user.password_hash):  # parameters were raised since
        user.password_hash = _hasher.hash(password)
    user.last_login_at = utcnow()
    session.add(user)
    return user


# --------------------------------------------------------------------------- web sessions


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_session(session: Session, *, user: StaffUser) -> tuple[str, LoggedIn]:
    """A new session for a user who just proved their password: (cookie token, who)."""
    assert user.id is not None
    token = secrets.token_urlsafe(32)
    row = StaffSession(
        token_hash=_hash_token(token), user_id=user.id, csrf_token=secrets.token_urlsafe(32)
    )
    session.add(row)
    return token, LoggedIn(username=user.username, csrf_token=row.csrf_token)


def resolve_session(session: Session, *, token: str) -> LoggedIn | None:
    """The session a cookie token names, if it is still valid (and its account still enabled)."""
    if not token:
        return None
    row = session.exec(
        select(StaffSession).where(StaffSession.token_hash == _hash_token(token))
    ).first()
    if row is None:
        return None
    user = session.get(StaffUser, row.user_id)
    now = utcnow()
    expired = (
        now - as_utc(row.last_seen_at) > SESSION_IDLE  # type: ignore[operator]
        or now - as_utc(row.created_at) > SESSION_MAX  # type: ignore[operator]
    )
    if user is None or not user.enabled or expired:
        session.delete(row)
        return None
    row.last_seen_at = now
    session.add(row)
    return LoggedIn(username=user.username, csrf_token=row.csrf_token)


def end_session(session: Session, *, token: str) -> None:
    session.exec(delete(StaffSession).where(StaffSession.token_hash == _hash_token(token)))  # type: ignore[call-overload]


def _end_all_sessions(session: Session, user: StaffUser) -> None:
    session.exec(delete(StaffSession).where(StaffSession.user_id == user.id))  # type: ignore[call-overload]


# --------------------------------------------------------------------------- command line

staff_app = typer.Typer(help="Staff accounts for the web page.", no_args_is_help=True)


def _read_password() -> str:
    # One line from stdin, so `printf '%s\n' "$PW" | mailbot staff add ...` and a file both work;
    # only the line ending is removed, spaces inside a passphrase are kept.
    line = sys.stdin.readline()
    return line.removesuffix("\n").removesuffix("\r")


def _password_option(password_stdin: bool) -> str:
    from mailbot.cli import fail

    if not password_stdin:
        fail(
            "the password is read from stdin only (never from the command line, where "
            "other users and the shell history could see it): pass --password-stdin"
        )
    password = _read_password()
    if not password:
        fail("no password on stdin")
    return password


PASSWORD_STDIN = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from the first line of stdin.")
]


@staff_app.command("add")
def staff_add(username: str, password_stdin: PASSWORD_STDIN = False) -> None:
    """Create a staff account (the password comes from stdin)."""
    from mailbot.cli import database, fail, settings
    from mailbot.db import session_scope

    cfg = settings()
    password = _password_option(password_stdin)
    try:
        with session_scope(database(cfg)) as session:
            add_staff(session, username=username, password=password)
    except StaffError as exc:
        fail(str(exc), code=1)
    typer.echo(f"staff account {username} created")


@staff_app.command("passwd")
def staff_passwd(username: str, password_stdin: PASSWORD_STDIN = False) -> None:
    """Set a new password for a staff account (from stdin); its open sessions end."""
    from mailbot.cli import database, fail, settings
    from mailbot.db import session_scope

    cfg = settings()
    password = _password_option(password_stdin)
    try:
        with session_scope(database(cfg)) as session:
            set_password(session, username=username, password=password)
    except StaffError as exc:
        fail(str(exc), code=1)
    typer.echo(f"password of {username} changed; its sessions have ended")


@staff_app.command("list")
def staff_list(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Staff accounts, one a line."""
    from mailbot.cli import database, settings
    from mailbot.db import session_scope

    cfg = settings()
    with session_scope(database(cfg)) as session:
        users = list_staff(session)
    rows = [
        {
            "username": u.username,
            "enabled": u.enabled,
            "created_at": as_utc(u.created_at).isoformat(),  # type: ignore[union-attr]
            "last_login_at": as_utc(u.last_login_at).isoformat() if u.last_login_at else None,
        }
        for u in users
    ]
    if as_json:
        for row in rows:
            typer.echo(json.dumps(row))
        return
    if not rows:
        typer.echo("no staff accounts")
    for row in rows:
        state = "enabled" if row["enabled"] else "disabled"
        typer.echo(f"{row['username']:<24} {state:<9} last login {row['last_login_at'] or 'never'}")


def _set_enabled(username: str, *, enabled: bool) -> None:
    from mailbot.cli import database, fail, settings
    from mailbot.db import session_scope

    cfg = settings()
    try:
        with session_scope(database(cfg)) as session:
            set_enabled(session, username=username, enabled=enabled)
    except StaffError as exc:
        fail(str(exc), code=1)
    typer.echo(
        f"staff account {username} " + ("enabled" if enabled else "disabled; its sessions ended")
    )


@staff_app.command("disable")
def staff_disable(username: str) -> None:
    """Disable an account: it can no longer log in, and its open sessions stop working."""
    _set_enabled(username, enabled=False)


@staff_app.command("enable")
def staff_enable(username: str) -> None:
    """Enable a disabled account again."""
    _set_enabled(username, enabled=True)


@staff_app.command("digest")
def staff_digest(
    days: Annotated[
        int, typer.Option("--days", help="Cases due within this many days (and overdue ones).")
    ] = 7,
    send: Annotated[
        bool, typer.Option("--send", help="Also mail it to the privacy team's address.")
    ] = False,
) -> None:
    """The daily digest (for cron) of open cases near or past their deadline."""
    from mailbot.cli import database, fail, settings
    from mailbot.notify import digest, send_digest

    cfg = settings()
    database(cfg)
    typer.echo(digest(cfg, within_days=days), nl=False)
    if send:
        listed = send_digest(cfg, within_days=days)
        if listed is None:
            fail("neither MAILBOT_STAFF_ADDRESS nor MAILBOT_CONTROLLER_ADDRESS is set", code=1)
        if listed == 0:
            typer.echo("nothing is near its deadline: no digest mail queued")
        else:
            typer.echo("digest queued in the outbox for the privacy team (sent by `mailbot run`)")
