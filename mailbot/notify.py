"""Telling the privacy team that something waits for them: a notice per case, and a daily digest.

Staff mail may be forwarded, printed or read on a phone, so neither carries personal data of the
data subject: only the case reference, its status, the rights asked, the deadline and where to open
it. The details are behind the staff web page's login (or `mailbot queue show` on the server).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlmodel import Session

from mailbot import case as cases
from mailbot.db import session_scope
from mailbot.models import OPEN_STATUSES, Case, CaseStatus, utcnow
from mailbot.outbox import queue_rendered
from mailbot.reply import Rendered, render
from mailbot.settings import Settings

log = logging.getLogger("mailbot.notify")

NOTICE_TEMPLATE = "staff_notice"
DIGEST_KIND = "staff_digest"


def case_path(ref: str) -> str:
    """Where the staff web page shows a case (relative to wherever the page is served)."""
    return f"/cases/{ref}"


def staff_address(settings: Settings) -> str | None:
    """The privacy team's address: MAILBOT_STAFF_ADDRESS, else the controller's own."""
    return settings.staff_address or settings.controller_address


def notify_staff(session: Session, *, settings: Settings, case: Case) -> None:
    """Queue an email to the privacy team's address about a case that waits for a person."""
    to = staff_address(settings)
    if to is None:
        log.info("case %s waits for staff; no staff address set, no notice sent", case.ref)
        return
    deadline = cases.effective_deadline(case)
    rendered = render(
        NOTICE_TEMPLATE,
        language="en",
        context={
            "case_ref": case.ref,
            "status": case.status.value,
            "intents": cases.case_intents(case),
            "deadline": f"{deadline:%Y-%m-%d}",
            "days_left": (deadline - utcnow()).days,
            "path": case_path(case.ref),
            "controller_name": settings.controller_name,
        },
        extra_dir=settings.templates_dir,
    )
    # No In-Reply-To: threading on the subject's message would put its Message-ID in staff mail.
    queue_rendered(
        session,
        settings=settings,
        case=case,
        rendered=rendered,
        to=to,
        in_reply_to=None,
        references=[],
    )


def _due(session: Session, *, within_days: int) -> list[Case]:
    from sqlmodel import select

    limit = utcnow() + timedelta(days=within_days)
    rows = session.exec(select(Case).where(Case.status.in_(OPEN_STATUSES))).all()  # type: ignore[attr-defined]
    return sorted(
        (c for c in rows if cases.effective_deadline(c) <= limit), key=cases.effective_deadline
    )


def digest(settings: Settings, *, within_days: int = 7) -> str:
    """The daily digest: open cases overdue or due within `within_days`, nearest deadline first."""
    now = utcnow()
    with session_scope(settings.database_url) as session:
        due = _due(session, within_days=within_days)
        lines = [
            f"Open requests overdue or due within {within_days} days ({now:%Y-%m-%d}): {len(due)}",
            "",
        ]
        for case in due:
            deadline = cases.effective_deadline(case)
            days = (deadline - now).days
            when = f"OVERDUE by {-days} days" if deadline < now else f"{days} days left"
            rights = ", ".join(cases.case_intents(case)) or "not classified"
            lines.append(
                f"{case.ref}  due {deadline:%Y-%m-%d} ({when})  {case.status.value}  {rights}"
                f"  {case_path(case.ref)}"
            )
        waiting = _waiting_count(session) - sum(c.status in STAFF_WAITING for c in due)
    if not due:
        lines.append("Nothing is near its deadline.")
    if waiting:
        # in a flood of letters the per-hour notices are capped: this count is the backstop
        lines += [
            "",
            f"Also waiting for a staff decision, not yet near their deadline: {waiting} (see the queue: /)",
        ]
    return "\n".join(lines) + "\n"


STAFF_WAITING = (CaseStatus.TRIAGE, CaseStatus.AWAITING_APPROVAL)


def _waiting_count(session: Session) -> int:
    from sqlmodel import func, select

    return int(
        session.exec(
            select(func.count()).select_from(Case).where(Case.status.in_(STAFF_WAITING))
        ).one()  # type: ignore[attr-defined]
    )


def send_digest(settings: Settings, *, within_days: int = 7) -> int | None:
    """Queue the digest for the privacy team: the number of cases listed (0: nothing queued),
    or None when there is no address to send it to."""
    to = staff_address(settings)
    if to is None:
        return None
    text = digest(settings, within_days=within_days)
    with session_scope(settings.database_url) as session:
        count = len(_due(session, within_days=within_days))
        if count == 0:  # a daily "nothing to do" mail would teach people to ignore the digest
            return 0
        rendered = Rendered(
            kind=DIGEST_KIND,
            language="en",
            subject=f"[mailbot] {count} request(s) near or past their deadline",
            body=text,
        )
        queue_rendered(
            session,
            settings=settings,
            case=None,
            rendered=rendered,
            to=to,
            in_reply_to=None,
            references=[],
        )
    return count
