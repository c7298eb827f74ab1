"""The staff web page in a real browser: Debian's headless Chromium driven by Playwright.

uvicorn serves the app on a free loopback port in a thread; a staff member logs in, approves one
erasure and refuses another with a reason; then the outbox is delivered to an aiosmtpd sink and the
replies the two subjects receive are read. A screenshot of the case page is left in /tmp.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from identity_mail import TestKey, dkimpy_sign, message
from servers import SmtpSink, free_port
from sqlmodel import select
from test_ui import PASSWORD, erasure_from_erik, make_settings, rsa_key, submit

from mailbot.db import session_scope
from mailbot.models import AuditEvent
from mailbot.pipeline import deliver
from mailbot.register import import_register, parse_register_file
from mailbot.settings import Settings
from mailbot.staff import add_staff
from mailbot.ui import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOT = Path("/tmp/mailbot-staff-case.png")

# A customer with an open invoice: erasure removes the rest but keeps what the invoice needs.
BUYER = {
    "format": "mailbot-register/1",
    "subjects": [
        {
            "ref": "B-7",
            "first_name": "Oskari",
            "last_name": "Ostaja",
            "emails": ["oskari@asiakas.fi"],
            "preferred_language": "en",
            "orders": [{"ref": "ORD-5150", "description": "Garden hose"}],
            "invoices": [
                {"ref": "INV-900", "amount": "35.00 EUR", "status": "open"},
                {"ref": "INV-899", "amount": "12.00 EUR", "status": "paid"},
            ],
            "web_activity": [{"visited_at": "2026-10-01T08:00:00Z", "pages": "/hoses"}],
        }
    ],
}


@pytest.fixture(scope="module")
def key() -> TestKey:
    return rsa_key(2048)


def _need_chromium() -> None:
    if CHROMIUM.exists():
        return
    why = "/usr/bin/chromium is absent: apt-get install chromium chromium-driver"
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the browser test, but {why}")
    pytest.skip(f"NOT TESTED IN A BROWSER: {why}")


@pytest.fixture
def served(tmp_path: Path, db_url: str, key: TestKey, smtp_sink: SmtpSink) -> Iterator[tuple[Settings, str]]:  # fmt: skip
    """Settings and the base URL of the staff page, served by uvicorn in a thread."""
    _need_chromium()
    import uvicorn

    settings = make_settings(tmp_path, db_url, key, smtp_url=smtp_sink.url)
    buyer = tmp_path / "buyer.json"
    buyer.write_text(json.dumps(BUYER), encoding="utf-8")
    with session_scope(db_url) as session:
        import_register(session, parse_register_file(buyer), source="test")
        add_staff(session, username="alice", password=PASSWORD)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield settings, f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_approve_one_erasure_and_refuse_another_in_chromium(
    served: tuple[Settings, str], key: TestKey, smtp_sink: SmtpSink
) -> None:
    from playwright.sync_api import sync_playwright

    settings, base = served
    oskari = submit(
        settings,
        dkimpy_sign(
            message(
                from_="Oskari Ostaja <oskari@asiakas.fi>",
                to="tietosuoja@rekisteri.fi",
                subject="Erase my data",
                body="Hello,\n\nplease erase all my personal data from your customer register.\n\nOskari\n",
                message_id="<erase-b7@asiakas.fi>",
            ),
            key=key,
            domain="asiakas.fi",
        ),
    )
    erik = submit(settings, erasure_from_erik(key))
    reason = (
        "Din beställning ORD-9000 är ännu inte levererad; vi raderar uppgifterna efter leveransen."
    )

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 1600})
            page.goto(f"{base}/cases/{oskari}")
            assert page.url == f"{base}/login"  # a stranger is sent to log in
            page.fill("input[name=username]", "alice")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            assert page.url == f"{base}/"
            assert page.locator(f"a[href='/cases/{oskari}']").count() == 1
            assert "days left" in page.inner_text("main")

            page.click(f"a[href='/cases/{oskari}']")
            assert "Identity: verified" in page.inner_text("main")
            assert "please erase all my personal data" in page.inner_text("pre.mail")
            page.screenshot(path=str(SCREENSHOT), full_page=True)
            page.click("button[name=approve]")
            assert "Approved and carried out" in page.inner_text("main")

            page.goto(f"{base}/cases/{erik}")
            page.fill("textarea[name=reason] >> nth=0", reason)
            page.click("button[name=reject]")
            assert "Refused" in page.inner_text("main")
            page.click("button:has-text('Log out')")
            assert page.url == f"{base}/login"
        finally:
            browser.close()

    with session_scope(settings.database_url) as session:
        decisions = {
            e.action: e.actor
            for e in session.exec(select(AuditEvent)).all()
            if e.action.startswith(("approved:", "rejected:"))
        }
    assert decisions == {"approved:erasure": "alice", "rejected:erasure": "alice"}

    report = deliver(settings)
    assert report.failed == 0
    received = smtp_sink.messages
    done = [m for m in received if m["To"] == "oskari@asiakas.fi" and m["X-Mailbot-Case"] == oskari]
    answer = done[-1].get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "We have erased your data" in answer, answer
    assert "Some data is kept" in answer and "INV-900" in answer, answer

    refusal = [m for m in received if m["To"] == "erik@kund.se"][-1]
    text = refusal.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert reason in text, text
    assert "Dataombudsmannens byrå" in text, text
    staff_mail = [m for m in received if m["To"] == "tietosuoja@rekisteri.fi"]
    assert len(staff_mail) == 2  # one notice per case that waited for staff
    assert all(
        "Oskari" not in m.get_content() and "Erik" not in m.get_content() for m in staff_mail
    )
