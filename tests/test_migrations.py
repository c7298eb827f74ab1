"""Migrations: from the first revision to the last on SQLite and PostgreSQL, data kept, schema equal
to the models (so a model change without its migration fails here)."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlmodel import SQLModel

import mailbot.staff  # noqa: F401  (its table is part of the schema)
from mailbot.db import alembic_config, get_engine, head_revision, is_current, migrate


def _upgrade(url: str, revision: str) -> None:
    cfg = alembic_config(url)
    with get_engine(url).begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


def test_every_revision_in_order_keeps_the_data_and_ends_equal_to_the_models(db_url: str) -> None:
    revisions = [
        r.revision for r in ScriptDirectory.from_config(alembic_config(db_url)).walk_revisions()
    ][::-1]
    assert revisions[0] == "0001" and len(revisions) >= 4
    _upgrade(db_url, revisions[0])
    with get_engine(db_url).begin() as conn:
        conn.execute(text(
            "INSERT INTO subject (ref, is_company_contact, debt_collection, credit_application, restricted, "
            "publication_optout, created_at, updated_at) VALUES ('OLD-1', false, false, false, false, false, "
            "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
        ))  # fmt: skip
    for revision in revisions[1:]:
        _upgrade(db_url, revision)
    migrate(db_url)  # idempotent at head
    with get_engine(db_url).connect() as conn:
        assert conn.execute(text("SELECT ref FROM subject")).scalar_one() == "OLD-1"
        assert (
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
            == revisions[-1]
        )
        assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []


def test_downgrade_to_the_first_revision_and_back(db_url: str) -> None:
    migrate(db_url)
    cfg = alembic_config(db_url)
    with get_engine(db_url).begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0001")
    migrate(db_url)
    with get_engine(db_url).connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []


def test_the_start_up_check_knows_the_newest_revision_and_an_old_schema_still_migrates(
    db_url: str,
) -> None:
    """Commands skip alembic when the schema is current (one SELECT): the head is read from the
    migrations' file names, so it must be alembic's own head, and an older schema must not pass."""
    assert head_revision() == ScriptDirectory.from_config(alembic_config(db_url)).get_current_head()
    assert not is_current(db_url)  # an empty database
    _upgrade(db_url, "0001")
    assert not is_current(db_url)
    migrate(db_url)  # the check says "old": alembic runs and brings it to the head
    assert is_current(db_url)
    with get_engine(db_url).connect() as conn:
        assert (
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            == head_revision()
        )
