"""case.set_status writes a case of the current transaction with one plain UPDATE and tells the
ORM object that the row holds it (issue 9: the ORM's flush of the change cost several times the
statement). What a reader of the row or of the object sees must be what it was before."""

from __future__ import annotations

import pytest
from sqlalchemy import delete
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, select

from mailbot import case as cases
from mailbot.db import get_engine, migrate, session_scope
from mailbot.models import AuditEvent, Case, CaseStatus


def _open(session: Session) -> Case:
    return cases.open_case(
        session,
        subject_id=None,
        from_address="matti@example.fi",
        message_id="<m@example.fi>",
        subject_line="Copy of my data",
        language="en",
        intents=["access"],
        details={},
        identity_verdict="verified",
        identity_reasons=[],
        classification_reasons=[],
        needs_review=False,
    )


def _row(url: str, case_id: int) -> tuple[CaseStatus, bool, int | None]:
    with session_scope(url) as session:
        row = session.get(Case, case_id)
        assert row is not None
        return row.status, row.closed_at is not None, row.related_case_id


def test_set_status_writes_the_row_and_leaves_the_object_clean(db_url: str) -> None:
    migrate(db_url)
    with session_scope(db_url) as session:
        earlier = _open(session)
        case = _open(session)
        case.related_case_id = earlier.id  # another change, left to the ORM's flush
        cases.set_status(session, case, CaseStatus.CLOSED, why="repeat")
        assert case.status is CaseStatus.CLOSED and case.closed_at is not None
        # read back inside the transaction: the row has it already
        status = session.execute(select(Case.status).where(Case.id == case.id)).scalar_one()
        assert status is CaseStatus.CLOSED
        cases.set_status(session, earlier, CaseStatus.TRIAGE, why="needs a person")
        assert earlier.closed_at is None
        case_id, earlier_id = case.id, earlier.id
    assert case_id is not None and earlier_id is not None
    assert _row(db_url, case_id) == (CaseStatus.CLOSED, True, earlier_id)
    assert _row(db_url, earlier_id) == (CaseStatus.TRIAGE, False, None)
    with session_scope(db_url) as session:
        actions = session.exec(
            select(AuditEvent.action).where(AuditEvent.case_id == case_id).order_by(AuditEvent.id)  # type: ignore[arg-type]
        ).all()
        assert list(actions) == ["received", "status:closed"]


def test_a_rollback_undoes_the_status_in_the_row_and_the_object(db_url: str) -> None:
    migrate(db_url)
    with session_scope(db_url) as session:
        case_id = _open(session).id
    assert case_id is not None
    with Session(get_engine(db_url), expire_on_commit=False) as session:
        case = session.get(Case, case_id)
        assert case is not None
        cases.set_status(session, case, CaseStatus.DONE, why="done")
        session.rollback()
        assert case.status is CaseStatus.RECEIVED and case.closed_at is None  # reloaded
    assert _row(db_url, case_id) == (CaseStatus.RECEIVED, False, None)


def test_a_case_from_another_session_is_still_written(db_url: str) -> None:
    migrate(db_url)
    with session_scope(db_url) as session:
        case = _open(session)
    with session_scope(db_url) as session:  # detached: the ORM's way, as before
        cases.set_status(session, case, CaseStatus.REFUSED, why="manifestly unfounded")
    assert case.id is not None
    assert _row(db_url, case.id) == (CaseStatus.REFUSED, True, None)


def test_open_case_gives_the_object_a_query_would(db_url: str) -> None:
    """open_case makes its Case as a query makes a loaded row's (issue 9): every column set, none
    left to load, nothing pending, and the same values the row holds."""
    migrate(db_url)
    with session_scope(db_url) as session:
        case = _open(session)
        state = sa_inspect(case)
        assert isinstance(case, Case) and state.persistent and state.session is session
        assert not state.unloaded and not state.expired_attributes  # a new column must be set
        assert case not in session.dirty and not session.new
        made = {c.name: getattr(case, c.name) for c in Case.__table__.columns}  # type: ignore[attr-defined]
        assert made["status"] is CaseStatus.RECEIVED and made["closed_at"] is None
        assert made["deadline"] > made["received_at"]
        case_id = case.id
    with session_scope(db_url) as session:
        row = session.get(Case, case_id)
        assert row is not None
        read = {c.name: getattr(row, c.name) for c in Case.__table__.columns}  # type: ignore[attr-defined]
    for name in ("received_at", "deadline"):  # SQLite hands back naive UTC
        made[name], read[name] = made[name].replace(tzinfo=None), read[name].replace(tzinfo=None)
    assert made == read


def test_a_case_row_gone_meanwhile_is_an_error_as_it_was(db_url: str) -> None:
    """The ORM's flush raised StaleDataError when the row it updated was gone; so does the
    plain UPDATE, rather than losing the status change silently."""
    migrate(db_url)
    with Session(get_engine(db_url)) as session:
        case = _open(session)
        session.connection().execute(delete(Case).where(Case.id == case.id))  # type: ignore[arg-type]
        with pytest.raises(StaleDataError):
            cases.set_status(session, case, CaseStatus.DONE, why="done")
        session.rollback()
