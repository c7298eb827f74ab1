"""The database: engine creation, schema migrations (alembic) and sessions.

SQLite is the embedded default; PostgreSQL (postgresql+psycopg://) is the production register. The
schema is only ever created by alembic migrations, so an existing database upgrades in place.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, event, inspect, text
from sqlmodel import Session, create_engine

from mailbot import models  # noqa: F401  (registers the tables on SQLModel.metadata)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK = 0x6D61696C626F74  # "mailbot": the advisory lock key serialising migrations


def normalise_url(url: str) -> str:
    """Accept postgresql:// as a short form of the psycopg 3 driver URL."""
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


@cache
def get_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return cfg


def migrate(url: str, *, revision: str = "head") -> None:
    """Bring the schema to `revision` (creating it on an empty database)."""
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
def session_scope(url: str) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error."""
    with Session(get_engine(url), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
