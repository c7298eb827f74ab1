"""Processing exports: marketing lists and published lists / mailing labels.

Every export leaves out whoever must not be in it: restricted subjects (stored, not processed),
anonymised ones, for marketing those with a prohibition on the channel or a suppression record,
and for published lists and mailing labels those who prohibited publication.
"""

from __future__ import annotations

import csv
import io

from sqlmodel import Session, select

from mailbot.actions import suppression_hash
from mailbot.models import (
    MarketingChannel,
    MarketingProhibition,
    Subject,
    SubjectEmail,
    Suppression,
)


def _emails(session: Session, subject_id: int) -> list[str]:
    return list(
        session.exec(
            select(SubjectEmail.address).where(SubjectEmail.subject_id == subject_id)
        ).all()
    )


def _processable(session: Session) -> list[Subject]:
    return list(
        session.exec(
            select(Subject)
            .where(Subject.restricted.is_(False))
            .where(Subject.anonymised_at.is_(None))
            .order_by(Subject.ref)  # type: ignore[attr-defined,union-attr]
        ).all()
    )


def marketing_list(
    session: Session, *, channel: MarketingChannel, suppression_key: str | None
) -> list[dict[str, str]]:
    prohibited = set(
        session.exec(
            select(MarketingProhibition.subject_id).where(MarketingProhibition.channel == channel)
        ).all()
    )
    suppressed = set(
        session.exec(select(Suppression.address_hash).where(Suppression.channel == channel)).all()
    )
    rows = []
    for subject in _processable(session):
        if subject.id in prohibited:
            continue
        emails = [
            e
            for e in _emails(session, subject.id)
            if suppression_hash(e, suppression_key) not in suppressed
        ]  # type: ignore[arg-type]
        if not emails:
            continue
        rows.append(_row(subject, emails[0]))
    return rows


def mailing_labels(session: Session) -> list[dict[str, str]]:
    return [
        _row(s, (_emails(session, s.id) or [""])[0])  # type: ignore[arg-type]
        for s in _processable(session)
        if not s.publication_optout and s.postal_address
    ]


def _row(subject: Subject, email: str) -> dict[str, str]:
    return {
        "ref": subject.ref,
        "name": " ".join(p for p in (subject.first_name, subject.last_name) if p),
        "organisation": subject.organisation or "",
        "email": email,
        "postal_address": subject.postal_address or "",
    }


def to_csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(
        out,
        fieldnames=["ref", "name", "organisation", "email", "postal_address"],
        lineterminator="\n",
    )
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
