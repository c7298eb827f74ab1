"""The staff page's quarantine: listed with the error and the email as escaped text; reprocess and
dismiss (with a reason, CSRF-checked, recorded under the staff member's name), like the CLI."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select
from test_ui import TestClient, cheap_hashing, csrf_of, key, login, make_settings  # noqa: F401

from mailbot.db import session_scope
from mailbot.mailbox import RawMessage
from mailbot.models import AuditEvent, MessageOutcome, ProcessedMessage
from mailbot.pipeline import process_message
from mailbot.quarantine import list_quarantined
from mailbot.staff import add_staff
from mailbot.ui import create_app

TWO_AUTHORS = b"From: a@b.fi\r\nFrom: c@d.fi\r\nSubject: <script>alert(1)</script>\r\n\r\n<img src=http://x/y.png> two authors\r\n"


def test_quarantine_page_lists_shows_safely_and_decides(tmp_path: Path, db_url: str, key) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    settings = make_settings(tmp_path, db_url, key)
    with session_scope(db_url) as session:
        add_staff(session, username="tiina", password="a long enough password 1")
    assert (
        process_message(settings, RawMessage(key="q:1", data=TWO_AUTHORS, ref="1")).outcome
        is MessageOutcome.QUARANTINED
    )
    client = TestClient(create_app(settings))
    assert client.get("/quarantine", follow_redirects=False).status_code in (
        303,
        307,
    )  # strangers out
    login(client, "tiina", "a long enough password 1")
    page = client.get("/quarantine")
    assert page.status_code == 200 and "2 From headers" in page.text
    assert "<script>alert(1)</script>" not in page.text and "&lt;script&gt;" in page.text
    assert "<img" not in page.text
    with session_scope(db_url) as session:
        [row_id] = [q.id for q in list_quarantined(session)]
    token = csrf_of(page.text)
    assert (
        client.post(f"/quarantine/{row_id}/dismiss", data={"reason": "forgery"}).status_code == 403
    )  # no CSRF
    again = client.post(f"/quarantine/{row_id}/reprocess", data={"csrf": token})
    assert again.status_code == 409 and "still cannot be processed" in again.text
    missing = client.post(f"/quarantine/{row_id}/dismiss", data={"csrf": token, "reason": " "})
    assert missing.status_code == 409 and "reason" in missing.text
    done = client.post(
        f"/quarantine/{row_id}/dismiss",
        data={"csrf": token, "reason": "forgery attempt"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert "Nothing is in quarantine" in client.get("/quarantine").text
    with session_scope(db_url) as session:
        assert session.get(ProcessedMessage, row_id).outcome is MessageOutcome.RELEASED  # type: ignore[union-attr]
        event = session.exec(
            select(AuditEvent).where(AuditEvent.action == "quarantine:dismissed")
        ).one()
        assert event.actor == "tiina" and "forgery attempt" in event.detail
