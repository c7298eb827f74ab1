"""Telling the privacy team that something waits for them (placeholder; issue 6)."""

from __future__ import annotations

from sqlmodel import Session

from mailbot.models import Case
from mailbot.settings import Settings


def notify_staff(session: Session, *, settings: Settings, case: Case) -> None:
    """Queue an email to the privacy team's address about a case that waits for a person."""
    return None
