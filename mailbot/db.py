"""The database: engine creation, schema migrations (alembic) and sessions.

SQLite is the embedded default; PostgreSQL (postgresql+psycopg://) is the production register. The
schema is only ever created by alembic migrations, so an existing database upgrades in place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, event, inspect, text
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlmodel import Session, create_engine

from mailbot import models  # noqa: F401  (registers the tables on SQLModel.metadata)

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK = 0x6D61696C626F74  # "mailbot": the advisory lock key serialising migrations


def normalise_url(url: str) -> str:
    """Accept postgresql:// as a short form of the psycopg 3 driver URL."""
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


@cache
def get_engine(url: str, *, relaxed: bool = False) -> Engine:
    """The engine (one pool) for `url`. `relaxed`: a second pool whose connections never wait
    for the disk at commit (see relax_commit), for the pipeline's per-message transactions, so they
    need no setting changed and reset around each one; its connections are never handed to a
    caller of the durable engine."""
    url = normalise_url(url)
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

        if not relaxed:

            @event.listens_for(engine, "checkin")
            def _sqlite_full_sync(dbapi_conn, _record):  # type: ignore[no-untyped-def]
                # a transaction that relaxed its commit (relax_commit) never hands that on
                if dbapi_conn is not None:
                    try:
                        dbapi_conn.execute("PRAGMA synchronous=FULL")
                    except sqlite3.Error as exc:  # never reused half-reset: the pool drops it
                        _record.invalidate(exc)

        return engine
    if relaxed:  # a setting of the connection, given when it is opened
        return create_engine(
            url, pool_pre_ping=True, connect_args={"options": "-c synchronous_commit=off"}
        )
    return create_engine(url, pool_pre_ping=True)


def alembic_config(url: str) -> Config:
    from alembic.config import Config  # imported when a migration runs, not at every start

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return cfg


def head_revision() -> str:
    """The newest migration's revision: the migrations form one chain numbered by their file
    names (tests/test_migrations.py checks this against alembic's own reading of them)."""
    return max(p.name[:4] for p in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))


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
    return [row[0] for row in found] == [head_revision()]


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
    not wait for the disk (see relax_commit), through the relaxed engine's connections."""
    with Session(get_engine(url, relaxed=relaxed), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def relax_commit(session: Session) -> None:
    """Let this transaction's commit return before the disk has it (SQLite: the WAL without an
    fsync; PostgreSQL: synchronous_commit off). It is atomic and survives a crash of mailbot; only
    a power cut or an OS crash can lose it, and only until the next durable commit (make_durable),
    which writes everything committed before it. Use it only where nothing outside the database
    depends on the commit before make_durable runs: mailbot moves a message on the mail server,
    sends a reply or answers an SMTP client only after a durable commit. Call it first in a
    transaction: SQLite refuses to change the setting once the transaction has written."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA synchronous=NORMAL")  # this connection; reset at check-in
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET LOCAL synchronous_commit = off")  # this transaction


def make_durable(url: str) -> None:
    """A durable commit: it writes the log up to here, so every relaxed commit before it is on the
    disk when it returns (one fsync for a batch of messages instead of one each)."""
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
