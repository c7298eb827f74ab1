"""Retention: erase or anonymise subjects kept past the profile's retention, honouring holds.

The B2B notice keeps data 10 years from the end of the customer relationship; the child-welfare
notice at most 1.5 years after both the relationship and the statistics duty have ended. A subject
whose period has run out is erased with the same plan as an erasure request (`actions.erasure_plan`),
so an open invoice, debt collection, a credit application or a legal duty still keeps what it needs.
Run it from cron (`mailbot retention sweep`); `--dry-run` reports without changing anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, select

from mailbot.actions import erasure_plan, execute_erasure
from mailbot.case import add_months, audit
from mailbot.models import Subject


@dataclass
class SweepReport:
    erased: list[str] = field(default_factory=list)  # refs as they were
    kept: list[tuple[str, list[str]]] = field(default_factory=list)  # (ref, holds)
    partly: list[tuple[str, list[str]]] = field(default_factory=list)


def expiry(subject: Subject, rule: dict[str, Any]) -> date | None:
    """The day retention runs out, or None while a date it counts from is still open."""
    after = rule.get("after", "relationship_end")
    names = after if isinstance(after, list) else [after]
    dates = [getattr(subject, n) for n in names]
    if any(d is None for d in dates):
        return None  # the relationship (or the duty) has not ended
    start = max(dates)
    months = int(rule.get("months", 0)) + 12 * int(rule.get("years", 0))
    return add_months_date(start, months)


def add_months_date(day: date, months: int) -> date:
    return add_months(datetime(day.year, day.month, day.day), months).date()


def sweep(
    session: Session,
    profile: dict[str, Any],
    *,
    today: date,
    dry_run: bool,
    suppression_key: str | None,
) -> SweepReport:
    rule = profile.get("retention_rule") or {}
    report = SweepReport()
    subjects = session.exec(select(Subject).where(Subject.anonymised_at.is_(None))).all()  # type: ignore[union-attr]
    for subject in subjects:
        ends = expiry(subject, rule)
        if ends is None or ends > today:
            continue
        plan = erasure_plan(session, subject, profile, today=today)
        holds = [h["hold"] for h in plan["holds"]]
        ref = subject.ref
        if plan["nothing_erased"]:
            report.kept.append((ref, holds))
            continue
        if not dry_run:
            execute_erasure(session, subject, plan, suppression_key=suppression_key)
            audit(
                session,
                None,
                "retention:erased",
                {"subject": ref, "expired": ends.isoformat(), "holds": holds},
            )
        if holds:
            report.partly.append((ref, holds))
        else:
            report.erased.append(ref)
    return report
