"""Quarantined messages: what could not be processed, and what staff decide about each.

Used alike by `mailbot quarantine ...` and the staff web page. A message stays stored whatever is
decided; reprocessing runs it through the pipeline again (after whatever stopped it was fixed),
dismissing records that a person looked at it and why nothing was done.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from mailbot.case import audit
from mailbot.db import session_scope
from mailbot.mailbox import RawMessage
from mailbot.models import MessageOutcome, ProcessedMessage, as_utc, utcnow
from mailbot.pipeline import Outcome, process_message
from mailbot.settings import Settings


class QuarantineError(Exception):
    pass


@dataclass(frozen=True)
class Quarantined:
    id: int
    received_at: str
    key: str
    error: str  # the first line

    def to_json(self) -> dict[str, object]:
        return self.__dict__.copy()


def list_quarantined(session: Session) -> list[Quarantined]:
    rows = session.exec(
        select(ProcessedMessage)
        .where(ProcessedMessage.outcome == MessageOutcome.QUARANTINED)
        .order_by(ProcessedMessage.id)  # type: ignore[arg-type]
    ).all()
    return [
        Quarantined(
            id=row.id,  # type: ignore[arg-type]
            received_at=as_utc(row.received_at).isoformat(timespec="seconds"),  # type: ignore[union-attr]
            key=row.source_key,
            error=(row.error or "").splitlines()[0][:300] if row.error else "",
        )
        for row in rows
    ]


def get_quarantined(session: Session, row_id: int) -> ProcessedMessage:
    row = session.get(ProcessedMessage, row_id)
    if row is None or row.outcome != MessageOutcome.QUARANTINED:
        raise QuarantineError(f"no quarantined message #{row_id}")
    return row


def reprocess(settings: Settings, row_id: int, *, actor: str) -> Outcome:
    """Run the stored message through the pipeline again; QuarantineError if it still fails."""
    with session_scope(settings.database_url) as session:
        row = get_quarantined(session, row_id)
        raw, attempt = row.raw or b"", f"reprocess:{row.id}:{utcnow():%Y%m%dT%H%M%S%f}"
    outcome = process_message(settings, RawMessage(key=attempt, data=raw, ref=attempt))
    if outcome.outcome is None or outcome.outcome == MessageOutcome.QUARANTINED:
        with session_scope(settings.database_url) as session:  # the original stays the one record
            for again in session.exec(
                select(ProcessedMessage).where(ProcessedMessage.source_key == attempt)
            ).all():
                session.delete(again)
        why = outcome.note.splitlines()[0] if outcome.note else "retry later"
        raise QuarantineError(f"still cannot be processed: {why}")
    with session_scope(settings.database_url) as session:
        row = get_quarantined(session, row_id)
        row.outcome = MessageOutcome.RELEASED
        session.add(row)
        audit(
            session, None, "quarantine:reprocessed", {"message": row_id, "as": attempt}, actor=actor
        )
    return outcome


def dismiss(settings: Settings, row_id: int, *, actor: str, reason: str) -> None:
    """Looked at, nothing to do: the message stays stored, the audit trail says who and why."""
    if not reason.strip():
        raise QuarantineError("a reason is required: the audit trail says why nothing was done")
    with session_scope(settings.database_url) as session:
        row = get_quarantined(session, row_id)
        row.outcome = MessageOutcome.RELEASED
        session.add(row)
        audit(
            session,
            None,
            "quarantine:dismissed",
            {"message": row_id, "reason": reason.strip()},
            actor=actor,
        )
