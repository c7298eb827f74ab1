"""The daemon loop around the pipeline: IDLE or poll, back off when a server is away, stop cleanly.

`mailbot run` keeps going through IMAP, SMTP and database outages: each failure is logged and
retried after a growing pause (1 s doubling to 5 minutes); SIGTERM stops it between messages.
`mailbot run --once` (cron) does one round and exits non-zero when it could not finish, so cron
mail or monitoring notices.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from mailbot.db import session_scope
from mailbot.mailbox import Mailbox, MailboxError
from mailbot.models import RuntimeState, utcnow
from mailbot.pipeline import RunReport, run_once
from mailbot.settings import Settings

log = logging.getLogger("mailbot.daemon")
MAX_BACKOFF = 300.0
OUTAGES = (MailboxError, DBAPIError, OSError)


class RoundFailed(Exception):
    """`--once` could not finish its round."""


def record_poll(settings: Settings, report: RunReport) -> None:
    with session_scope(settings.database_url) as session:
        _put(session, "last_poll", utcnow().isoformat())
        _put(session, "last_poll_messages", str(len([o for o in report.outcomes if not o.already])))


def _put(session: Session, key: str, value: str) -> None:
    """An upsert, so several workers recording their poll at once do not collide."""
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(RuntimeState).values(key=key, value=value, updated_at=utcnow())
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["key"], set_={"value": value, "updated_at": utcnow()}
        )
    )


def serve(
    settings: Settings,
    mailbox: Mailbox,
    *,
    once: bool,
    stopping: Callable[[], bool],
    on_report: Callable[[RunReport], None],
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    backoff = 1.0
    while not stopping():
        try:
            report = run_once(settings, mailbox)
            record_poll(settings, report)
        except OUTAGES as exc:
            if once:
                raise RoundFailed(f"{type(exc).__name__}: {exc}".splitlines()[0]) from exc
            log.warning("outage, retrying in %.0f s: %s", backoff, str(exc).splitlines()[0])
            _pause(backoff, stopping, sleep)
            backoff = min(backoff * 2, MAX_BACKOFF)
            continue
        backoff = 1.0
        on_report(report)
        if once:
            if report.errors:
                raise RoundFailed("; ".join(report.errors))
            return
        try:
            mailbox.wait_for_mail(settings.poll_interval, stopping=stopping)
        except OUTAGES as exc:
            log.warning("mailbox unavailable while waiting: %s", exc)


def _pause(seconds: float, stopping: Callable[[], bool], sleep: Callable[[float], None]) -> None:
    """Sleep `seconds` in steps of at most one, so SIGTERM is honoured within a second."""
    remaining = seconds
    while not stopping() and remaining > 0:
        step = min(1.0, remaining)
        sleep(step)
        remaining -= step
