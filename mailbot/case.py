"""The `case` stage: a data subject request record, its statutory deadline and its audit trail.

Deadlines follow GDPR Art 12(3): one calendar month from receipt (the same day number next month, or
that month's last day when it is shorter), extendable once by two further months, and only with a
notice to the subject sent before the first month ends.
"""

from __future__ import annotations

import calendar
import json
import secrets
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Row, bindparam, event, insert, update
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, select

from mailbot.models import AuditEvent, Case, CaseStatus, Subject, as_utc, utcnow
from mailbot.settings import Settings


def add_months(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months later, clamped to the month's last day."""
    month_index = moment.month - 1 + months
    year = moment.year + month_index // 12
    month = month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def statutory_deadline(received_at: datetime) -> datetime:
    return add_months(received_at, 1)


def new_case_ref() -> str:
    """A public reference for replies: unique and not guessable from another case's reference."""
    return f"DSR-{utcnow():%Y%m%d}-{secrets.token_hex(4).upper()}"


def audit(
    session: Session, case: Case | None, action: str, detail: Any = "", *, actor: str = "mailbot"
) -> None:
    """Record one step: who did what, when and why."""
    text = (
        detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False, default=str)
    )
    if case is not None and case.id is None:
        session.flush()  # the case needs its id before a row can point at it
    # collected and written in one INSERT when the transaction commits (several per message)
    session.info.setdefault(_PENDING_AUDIT, []).append(
        {
            "case_id": case.id if case else None,
            "at": utcnow(),
            "actor": actor,
            "action": action,
            "detail": text,
        }
    )


_PENDING_AUDIT = "mailbot.audit"


@event.listens_for(OrmSession, "before_commit")
def _write_audit(session: OrmSession) -> None:
    rows = session.info.pop(_PENDING_AUDIT, None)
    if rows:
        session.execute(_INSERT_AUDIT, rows)


_INSERT_AUDIT = insert(AuditEvent.__table__)  # type: ignore[attr-defined]


@event.listens_for(OrmSession, "after_rollback")
def _drop_audit(session: OrmSession) -> None:
    session.info.pop(_PENDING_AUDIT, None)  # the steps they record did not happen


def open_case(
    session: Session,
    *,
    subject_id: int | None,
    from_address: str | None,
    message_id: str | None,
    subject_line: str | None,
    language: str,
    intents: list[str],
    details: dict[str, Any],
    identity_verdict: str,
    identity_reasons: list[str],
    classification_reasons: list[str],
    needs_review: bool,
    received_at: datetime | None = None,
) -> Case:
    received = as_utc(received_at) or utcnow()
    case = Case(
        ref=new_case_ref(),
        subject_id=subject_id,
        from_address=from_address,
        message_id=message_id,
        subject_line=subject_line,
        language=language,
        intents=json.dumps(intents),
        details=json.dumps(details, ensure_ascii=False, default=str),
        identity_verdict=identity_verdict,
        identity_reasons=json.dumps(identity_reasons, ensure_ascii=False),
        classification_reasons=json.dumps(classification_reasons, ensure_ascii=False),
        needs_review=needs_review,
        status=CaseStatus.RECEIVED,
        received_at=received,
        deadline=statutory_deadline(received),
    )
    # one plain INSERT ... RETURNING, then the object joins the session as the row it is (the
    # ORM's flush of a new object costs several times the statement it runs)
    values = {column.name: getattr(case, column.name) for column in _CASE_COLUMNS}
    case.id = session.execute(_INSERT_CASE, values).scalar_one()
    make_transient_to_detached(case)
    session.add(case)
    audit(
        session,
        case,
        "received",
        {"from": from_address, "message_id": message_id, "intents": intents,
         "identity": identity_verdict, "identity_reasons": identity_reasons,
         "classification_reasons": classification_reasons},
    )  # fmt: skip
    return case


_CASE_TABLE = Case.__table__  # type: ignore[attr-defined]
_CASE_COLUMNS = [column for column in _CASE_TABLE.columns if column.name != "id"]
_INSERT_CASE = insert(_CASE_TABLE).returning(_CASE_TABLE.c.id)


def set_status(
    session: Session, case: Case, status: CaseStatus, *, why: str, actor: str = "mailbot"
) -> None:
    previous = case.status
    values: dict[str, Any] = {"status": status}
    if status in (CaseStatus.DONE, CaseStatus.REFUSED, CaseStatus.CLOSED):
        values["closed_at"] = utcnow()
    state = sa_inspect(case)
    if state.persistent and state.session is session:
        # a case row of this transaction (every message's): one plain UPDATE now, and the object
        # told that this is what the row holds (the ORM's flush of the change costs several
        # times the statement; its other changes, if any, are still flushed as before)
        result = session.connection().execute(
            _SET_STATUS[len(values)], {"case_id": case.id, **values}
        )
        if result.rowcount != 1:  # the row went meanwhile (PostgreSQL): as the ORM's flush says
            raise StaleDataError(
                f"UPDATE statement on table 'dsr_case' expected to update 1 row(s); "
                f"{result.rowcount} were matched."
            )
        for name, value in values.items():
            set_committed_value(case, name, value)
    else:
        for name, value in values.items():
            setattr(case, name, value)
        session.add(case)
    audit(
        session, case, f"status:{status.value}", {"from": previous.value, "why": why}, actor=actor
    )


_SET_STATUS = {  # built once, by the number of columns set: status, or status and closed_at
    1: update(_CASE_TABLE)
    .where(_CASE_TABLE.c.id == bindparam("case_id"))
    .values(status=bindparam("status")),
    2: update(_CASE_TABLE)
    .where(_CASE_TABLE.c.id == bindparam("case_id"))
    .values(status=bindparam("status"), closed_at=bindparam("closed_at")),
}


def case_intents(case: Case) -> list[str]:
    return list(json.loads(case.intents))


def effective_deadline(case: Case) -> datetime:
    return as_utc(case.extended_deadline or case.deadline)  # type: ignore[return-value]


REPEATABLE = (CaseStatus.RECEIVED, CaseStatus.AWAITING_APPROVAL, CaseStatus.DONE)


def find_repeat(session: Session, case: Case, *, window: timedelta) -> Row[Any] | None:
    """An earlier case of the same subject asking the same rights within `window`, if any: its
    row's id and ref."""
    if case.subject_id is None:
        return None
    since = as_utc(case.received_at) - window  # type: ignore[operator]
    params = {"subject_id": case.subject_id, "case_id": case.id, "since": since}
    # the transaction's pending changes first, as a query through the session would flush them;
    # then plain rows on its connection, three columns and no ORM objects (half the time)
    session.flush()
    candidates = session.connection().execute(_EARLIER_CASES, params).all()
    wanted = sorted(case_intents(case))
    return next((c for c in candidates if sorted(json.loads(c.intents)) == wanted), None)


_EARLIER_CASES = (  # built once: find_repeat runs for every request
    select(Case.id, Case.ref, Case.intents)  # type: ignore[call-overload]
    .where(Case.subject_id == bindparam("subject_id"))
    .where(Case.id != bindparam("case_id"))
    .where(Case.received_at >= bindparam("since"))  # type: ignore[operator]
    # a case waiting for information is not repeated by a new letter: that letter is the answer
    .where(Case.status.in_(REPEATABLE))  # type: ignore[attr-defined]
    .order_by(Case.received_at)  # type: ignore[arg-type]
)


def letter_context(
    case: Case, *, settings: Settings, greet: Subject | None, profile: dict[str, Any]
) -> dict[str, Any]:
    """What every reply template about a case may use; `greet` is the person the letter is to."""
    return {
        "case_ref": case.ref,
        "controller_name": settings.controller_name,
        "controller_address": settings.controller_address or "",
        "received": f"{as_utc(case.received_at):%Y-%m-%d}",
        "deadline": f"{effective_deadline(case):%Y-%m-%d}",
        "today": f"{utcnow():%Y-%m-%d}",
        "intents": case_intents(case),
        "name": " ".join(p for p in (greet.first_name, greet.last_name) if p) if greet else "",
        "profile": profile,
    }
