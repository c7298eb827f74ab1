"""The staff approval queue: what waits for a person, and the decisions staff take on it.

Every decision is a function here, used alike by the command line and the web page, so the two
can never drift apart. Each runs in one transaction with its audit line (who, what, when, why) and
the replies it causes; replies go to the register's address of the case's subject, threaded on the
original request.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from mailbot import actions
from mailbot import case as cases
from mailbot.classify import INTENTS
from mailbot.db import session_scope
from mailbot.models import (
    OPEN_STATUSES,
    ActionStatus,
    Case,
    CaseStatus,
    PendingAction,
    ProcessedMessage,
    Subject,
    as_utc,
    utcnow,
)
from mailbot.outbox import queue_rendered
from mailbot.policy import load_profile
from mailbot.register import primary_address
from mailbot.reply import render, reply_language
from mailbot.settings import Settings


class QueueError(Exception):
    """The decision cannot be taken (unknown case, already decided, missing reason...)."""


@dataclass
class QueueItem:
    case_ref: str
    status: str
    deadline: str
    days_left: int
    overdue: bool
    from_address: str | None
    intents: list[str]
    identity: str
    pending: list[dict[str, Any]]  # {"id", "right", "reason", "proposal"}

    def to_json(self) -> dict[str, Any]:
        return self.__dict__.copy()


WAITING = (CaseStatus.AWAITING_APPROVAL, CaseStatus.TRIAGE, CaseStatus.AWAITING_CONFIRMATION)


def _item(session: Session, case: Case) -> QueueItem:
    deadline = cases.effective_deadline(case)
    now = utcnow()
    pending = session.exec(
        select(PendingAction)
        .where(PendingAction.case_id == case.id)
        .where(PendingAction.status == ActionStatus.PENDING)
    ).all()
    return QueueItem(
        case_ref=case.ref,
        status=case.status.value,
        deadline=deadline.isoformat(),
        days_left=(deadline - now).days,
        overdue=deadline < now,
        from_address=case.from_address,
        intents=cases.case_intents(case),
        identity=case.identity_verdict,
        pending=[
            {"id": p.id, "right": p.right, "reason": p.reason, "proposal": json.loads(p.proposal)}
            for p in pending
        ],
    )


def list_queue(session: Session, *, statuses: tuple[CaseStatus, ...] = WAITING) -> list[QueueItem]:
    """Cases waiting for staff, nearest deadline first (overdue ones on top)."""
    rows = session.exec(select(Case).where(Case.status.in_(statuses))).all()  # type: ignore[attr-defined]
    return [_item(session, c) for c in sorted(rows, key=cases.effective_deadline)]


def get_case(session: Session, ref: str) -> Case:
    case = session.exec(select(Case).where(Case.ref == ref)).first()
    if case is None:
        raise QueueError(f"no case {ref}")
    return case


def case_detail(session: Session, ref: str) -> dict[str, Any]:
    """Everything staff need to decide: the request, the verdicts with reasons, the proposals, the trail."""
    from mailbot.models import AuditEvent

    case = get_case(session, ref)
    item = _item(session, case)
    ledger = session.exec(
        select(ProcessedMessage).where(ProcessedMessage.case_id == case.id)
    ).first()
    trail = session.exec(
        select(AuditEvent)
        .where(AuditEvent.case_id == case.id)
        .order_by(AuditEvent.at, AuditEvent.id)
    ).all()  # type: ignore[arg-type]
    return {
        **item.to_json(),
        "subject_line": case.subject_line,
        "language": case.language,
        "received_at": as_utc(case.received_at).isoformat(),  # type: ignore[union-attr]
        "identity_reasons": json.loads(case.identity_reasons),
        "classification_reasons": json.loads(case.classification_reasons),
        "details": json.loads(case.details),
        "needs_review": case.needs_review,
        "raw_message": ledger.raw if ledger else None,
        "audit": [
            {
                "at": as_utc(e.at).isoformat(),
                "actor": e.actor,
                "action": e.action,
                "detail": e.detail,
            }
            for e in trail
        ],  # type: ignore[union-attr]
    }


# --------------------------------------------------------------------------- decisions


def _context(
    session: Session, settings: Settings, case: Case, *, actor: str
) -> actions.ActionContext:
    if case.subject_id is None:
        raise QueueError(f"case {case.ref} has no identified subject; confirm the identity first")
    subject = session.get(Subject, case.subject_id)
    assert subject is not None
    profile = load_profile(settings.profile, settings.rules_dir)
    language = reply_language(case.language, subject.preferred_language)
    return actions.ActionContext(
        session=session,
        case=case,
        subject_id=case.subject_id,
        language=language,
        profile=profile,
        details=json.loads(case.details),
        template_context=cases.letter_context(
            case, settings=settings, greet=_writer(session, case) or subject, profile=profile
        ),
        templates_dir=settings.templates_dir,
        suppression_key=settings.suppression_key,
        actor=actor,
    )


def _answer(
    session: Session,
    settings: Settings,
    ctx: actions.ActionContext,
    result: actions.ActionResult,
    *,
    actor: str,
    to: str | None = None,
) -> CaseStatus:
    case = ctx.case
    still_pending = session.exec(
        select(PendingAction.id)
        .where(PendingAction.case_id == case.id)
        .where(PendingAction.status == ActionStatus.PENDING)
    ).first()
    replies, status, why = actions.conclude(
        ctx, result, pending_elsewhere=still_pending is not None
    )
    to = to or reply_address(session, case)
    if to is None:  # erased meanwhile: the address is gone with the data; the audit trail says so
        cases.audit(
            session, case, "reply:skipped", "the subject's address is no longer held", actor=actor
        )
    else:
        for rendered in replies:
            queue_rendered(
                session, settings=settings, case=case, rendered=rendered, to=to,
                in_reply_to=case.message_id, references=[], actor=actor,
            )  # fmt: skip
    cases.set_status(session, case, status, why=why, actor=actor)
    return status


def _writer(session: Session, case: Case) -> Subject | None:
    """The register's record of who wrote (a guardian writing about a child is greeted)."""
    from mailbot.register import subject_id_for

    writer = subject_id_for(session, case.from_address) if case.from_address else None
    return session.get(Subject, writer) if writer is not None else None


def reply_address(session: Session, case: Case) -> str | None:
    """Where staff decisions are answered: the verified writer's register address (the subject, or
    the child's recorded guardian who wrote), else the subject's primary address."""
    from mailbot.register import guardians_of, subject_id_for

    if case.from_address and case.subject_id is not None:
        writer = subject_id_for(session, case.from_address)
        if writer is not None and (
            writer == case.subject_id or writer in guardians_of(session, case.subject_id)
        ):
            return case.from_address
    return primary_address(session, case.subject_id) if case.subject_id is not None else None


def _pending(session: Session, case: Case, action_id: int | None) -> list[PendingAction]:
    query = (
        select(PendingAction)
        .where(PendingAction.case_id == case.id)
        .where(PendingAction.status == ActionStatus.PENDING)
    )
    if action_id is not None:
        query = query.where(PendingAction.id == action_id)
    rows = list(session.exec(query).all())
    if not rows:
        raise QueueError(
            f"case {case.ref} has no pending action" + (f" {action_id}" if action_id else "")
        )
    return rows


def approve(
    settings: Settings, ref: str, *, actor: str, action_id: int | None = None
) -> CaseStatus:
    """Carry out the case's pending actions (or one of them) exactly as proposed, and answer."""
    with session_scope(settings.database_url) as session:
        case = get_case(session, ref)
        ctx = _context(session, settings, case, actor=actor)
        to = reply_address(session, case)  # taken before an erasure removes it
        result = actions.ActionResult()
        # Art 19's recipients, read before an erasure removes the record of them
        recipients = {
            right: actions.recipients_to_notify(
                session, ctx.subject_id, sources=right == "rectification"
            )
            for right in ("rectification", "erasure")
        }
        for action in _pending(session, case, action_id):
            step = actions.execute(ctx, action)
            result.steps.append(step)
            action.status = ActionStatus.APPROVED
            action.decided_by, action.decided_at = actor, utcnow()
            session.add(action)
            cases.audit(
                session,
                case,
                f"approved:{action.right}",
                {"action": action.id, "outcome": step.kind},
                actor=actor,
            )
            if action.right in ("rectification", "erasure") and step.kind == "done":
                _notify_recipients(
                    session, settings, ctx, action.right, recipients[action.right], actor=actor
                )
        return _answer(session, settings, ctx, result, actor=actor, to=to)


def reject(
    settings: Settings, ref: str, *, actor: str, reason: str, action_id: int | None = None
) -> CaseStatus:
    """Refuse the case's pending actions with the staff member's reason; the subject is told why."""
    if not reason or not reason.strip():
        raise QueueError(
            "a refusal needs a reason: the subject is owed a written statement of reasons"
        )
    with session_scope(settings.database_url) as session:
        case = get_case(session, ref)
        ctx = _context(session, settings, case, actor=actor)
        result = actions.ActionResult()
        for action in _pending(session, case, action_id):
            action.status = ActionStatus.REJECTED
            action.decided_by, action.decided_at, action.decision_reason = (
                actor,
                utcnow(),
                reason.strip(),
            )
            session.add(action)
            result.steps.append(actions.Step(action.right, "refused", {"reason": reason.strip()}))
            cases.audit(
                session,
                case,
                f"rejected:{action.right}",
                {"action": action.id, "reason": reason.strip()},
                actor=actor,
            )
        return _answer(session, settings, ctx, result, actor=actor)


def confirm_identity(
    settings: Settings, ref: str, *, actor: str, subject_ref: str | None = None
) -> CaseStatus:
    """Staff have confirmed who wrote (e.g. by phone): the case proceeds as if verified."""
    with session_scope(settings.database_url) as session:
        case = get_case(session, ref)
        if case.status not in (CaseStatus.AWAITING_CONFIRMATION, CaseStatus.TRIAGE):
            raise QueueError(
                f"case {ref} is {case.status.value}; only unconfirmed or triaged cases can be confirmed"
            )
        if subject_ref is not None:
            subject = session.exec(select(Subject).where(Subject.ref == subject_ref)).first()
            if subject is None:
                raise QueueError(f"no subject with ref {subject_ref}")
            case.subject_id = subject.id
        if case.subject_id is None:
            raise QueueError(f"case {ref} has no subject: name one with its ref")
        case.identity_verdict = "verified"
        cases.audit(session, case, "identity:confirmed", "confirmed by staff", actor=actor)
        return _run_case(session, settings, case, actor=actor)


def set_intents(settings: Settings, ref: str, *, actor: str, intents: list[str]) -> CaseStatus:
    """Triage: staff say which rights the letter exercises; a verified case then proceeds."""
    unknown = [i for i in intents if i not in INTENTS]
    if unknown or not intents:
        raise QueueError(
            f"unknown right(s): {', '.join(unknown) or '(none given)'}; known: {', '.join(INTENTS)}"
        )
    with session_scope(settings.database_url) as session:
        case = get_case(session, ref)
        if case.status not in OPEN_STATUSES:
            raise QueueError(f"case {ref} is {case.status.value}")
        case.intents = json.dumps(intents)
        case.needs_review = False
        cases.audit(session, case, "classification:set", intents, actor=actor)
        if case.identity_verdict != "verified" or case.subject_id is None:
            session.add(case)
            return case.status
        return _run_case(session, settings, case, actor=actor)


def _run_case(session: Session, settings: Settings, case: Case, *, actor: str) -> CaseStatus:
    ctx = _context(session, settings, case, actor=actor)
    if case.needs_review:
        cases.set_status(
            session,
            case,
            CaseStatus.TRIAGE,
            why="identity confirmed; the rights still need triage",
            actor=actor,
        )
        return case.status
    result = actions.carry_out(ctx, cases.case_intents(case))
    return _answer(session, settings, ctx, result, actor=actor)


def _notify_recipients(
    session: Session,
    settings: Settings,
    ctx: actions.ActionContext,
    right: str,
    recipients: list[tuple[str, str | None]],
    *,
    actor: str,
) -> None:
    """Art 19: tell each recipient (and, for corrections, each source) with an email address."""
    for name, contact in recipients:
        if contact and "@" in contact:
            rendered = render(
                f"recipient_{right}",
                language="en",
                context={**ctx.template_context, "recipient": name},
                extra_dir=settings.templates_dir,
            )
            queue_rendered(
                session,
                settings=settings,
                case=ctx.case,
                rendered=rendered,
                to=contact,
                in_reply_to=None,
                references=[],
                actor=actor,
            )
        else:
            cases.audit(
                session,
                ctx.case,
                f"notify:{right}:manual",
                {"recipient": name, "why": "no email address recorded"},
                actor=actor,
            )


def extend(settings: Settings, ref: str, *, actor: str, reason: str) -> CaseStatus:
    """Art 12(3): two more months, only with a notice sent before the first month ends."""
    if not reason.strip():
        raise QueueError("an extension needs its reason: the subject must be told why")
    with session_scope(settings.database_url) as session:
        case = get_case(session, ref)
        if case.status not in OPEN_STATUSES:
            raise QueueError(f"case {ref} is {case.status.value}")
        if case.extended_deadline is not None:
            raise QueueError(
                f"case {ref} was already extended to {as_utc(case.extended_deadline):%Y-%m-%d}"
            )
        if utcnow() >= as_utc(case.deadline):  # type: ignore[operator]
            raise QueueError(
                f"the first month of case {ref} has ended: an extension can no longer be notified in time"
            )
        case.extended_deadline = cases.add_months(as_utc(case.received_at), 3)  # type: ignore[arg-type]
        session.add(case)
        cases.audit(
            session,
            case,
            "deadline:extended",
            {"to": case.extended_deadline.isoformat(), "reason": reason},
            actor=actor,
        )
        to = primary_address(session, case.subject_id) if case.subject_id else case.from_address
        if to:
            subject = session.get(Subject, case.subject_id) if case.subject_id else None
            language = reply_language(
                case.language, subject.preferred_language if subject else None
            )
            rendered = render(
                "extended", language=language,
                context={"case_ref": case.ref, "controller_name": settings.controller_name, "reason": reason.strip(),
                         "received": f"{as_utc(case.received_at):%Y-%m-%d}", "deadline": f"{case.extended_deadline:%Y-%m-%d}"},
                extra_dir=settings.templates_dir,
            )  # fmt: skip
            queue_rendered(
                session,
                settings=settings,
                case=case,
                rendered=rendered,
                to=to,
                in_reply_to=case.message_id,
                references=[],
                actor=actor,
            )
        return case.status
