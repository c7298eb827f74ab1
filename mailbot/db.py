"""The database: engine creation, schema migrations (alembic) and sessions.

SQLite is the embedded default; PostgreSQL (postgresql+psycopg://) is the production register. The
schema is only ever created by alembic migrations, so an existing database upgrades in place.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, event, inspect, select, text
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlmodel import Session, create_engine

from mailbot import models

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK = 0x6D61696C626F74  # "mailbot": the advisory lock key serialising migrations


def normalise_url(url: str) -> str:
    """Accept postgresql:// as a short form of the psycopg 3 driver URL."""
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def get_engine(url: str, *, relaxed: bool = False) -> Engine:
    """The engine (one pool) for `url`. `relaxed`: a second pool whose transactions' commits
    return before the disk has them (SQLite: connections opened with synchronous=NORMAL, the WAL
    without an fsync; PostgreSQL: SET LOCAL synchronous_commit = off at each begin), for the
    pipeline's per-message transactions; its connections are never handed to a caller of the
    durable engine. Such a commit is atomic and survives a crash of mailbot; a power cut, an OS
    crash or a crash of the PostgreSQL server can lose it, and only until the next durable commit
    (make_durable), which writes everything committed before it. Use it only where nothing
    outside the database depends on the commit before make_durable runs: mailbot moves a message
    on the mail server, sends a reply or answers an SMTP client only after a durable commit."""
    return _engine(normalise_url(url), relaxed)  # positional: one cache entry per pool


@cache
def _engine(url: str, relaxed: bool) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        synchronous = "NORMAL" if relaxed else "FULL"

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute(f"PRAGMA synchronous={synchronous}")
            cur.close()

        return engine
    engine = create_engine(url, pool_pre_ping=True)
    if relaxed:

        @event.listens_for(engine, "begin")
        def _relaxed_commit(conn):  # type: ignore[no-untyped-def]
            # set inside each transaction (SET LOCAL), not as a connection option: the URL's own
            # options and a transaction-pooling PgBouncer are left alone
            conn.exec_driver_sql("SET LOCAL synchronous_commit = off")

    return engine


def alembic_config(url: str) -> Config:
    from alembic.config import Config  # imported when a migration runs, not at every start

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return cfg


def head_revision() -> str | None:
    """The newest migration's revision: the migrations form one chain numbered by their file
    names (tests/test_migrations.py checks this against alembic's own reading of them). None when
    no migration file is found as source (then alembic decides)."""
    found = [p.name[:4] for p in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")]
    return max(found, default=None)


def is_current(url: str) -> bool:
    """The schema is at the newest revision: one SELECT, without loading alembic and its scripts
    (every command checks this at its start)."""
    try:
        with get_engine(url).connect() as connection:
            found = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except OperationalError:
        return False  # no table yet (a new database); a real outage shows again in migrate()
    except ProgrammingError:
        return False
    head = head_revision()
    return head is not None and [row[0] for row in found] == [head]


def migrate(url: str, *, revision: str = "head") -> None:
    """Bring the schema to `revision` (creating it on an empty database)."""
    if revision == "head" and is_current(url):
        return
    from alembic import command

    cfg = alembic_config(url)
    with get_engine(url).begin() as connection:
        if connection.dialect.name == "postgresql":
            # several processes starting at once after an upgrade: one migrates, the rest wait
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


def is_initialised(url: str) -> bool:
    return inspect(get_engine(url)).has_table("alembic_version")


@contextmanager
def session_scope(url: str, *, relaxed: bool = False) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error; `relaxed`: its commit does
    not wait for the disk (see get_engine), through the relaxed engine's connections."""
    with Session(get_engine(url, relaxed=relaxed), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def make_durable(url: str, keys: Sequence[str] = ()) -> set[str]:
    """A durable commit: it writes the log up to here, so every relaxed commit before it is on the
    disk when it returns (one fsync for a batch of messages instead of one each). Returns which of
    `keys` (messages' source keys) have their ledger row, read in the same transaction: a crash
    of the database server itself (PostgreSQL restarted after a backend was killed) can undo
    relaxed commits that the caller saw succeed, and only what is on the disk may be marked done."""
    from sqlalchemy.dialects.postgresql import insert as pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    from mailbot.models import RuntimeState, utcnow

    now = utcnow()
    table = RuntimeState.__table__  # type: ignore[attr-defined]
    with session_scope(url) as session:
        # an upsert: several workers reaching this at once never collide on the key
        insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        statement = insert(table).values(key="durable_at", value=now.isoformat(), updated_at=now)
        session.execute(
            statement.on_conflict_do_update(
                index_elements=["key"],
                set_={
                    "value": statement.excluded.value,
                    "updated_at": statement.excluded.updated_at,
                },
            )
        )
        found: set[str] = set()
        ledger = models.ProcessedMessage.__table__  # type: ignore[attr-defined]
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            rows = session.execute(
                select(ledger.c.source_key).where(ledger.c.source_key.in_(chunk))
            ).scalars()
            found.update(rows)
    return found
