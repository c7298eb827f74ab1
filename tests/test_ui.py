"""The staff web page through FastAPI's TestClient: who gets in, what forms are accepted, what is shown.

Cases are made by the real pipeline (mailbot.pipeline.process_message) from letters written here, on
SQLite and PostgreSQL; every decision is checked in the database the queue service writes.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from identity_mail import TestKey, dkimpy_sign, key_line, message, rsa_key, write_keys_file
from sqlmodel import select

from mailbot.db import migrate, session_scope
from mailbot.mailbox import RawMessage
from mailbot.models import ActionStatus, AuditEvent, Case, CaseStatus, PendingAction
from mailbot.pipeline import process_message
from mailbot.register import import_register, parse_register_file
from mailbot.settings import Settings
from mailbot.staff import add_staff, set_enabled
from mailbot.ui import LoginThrottle, create_app

with warnings.catch_warnings():
    # Starlette 1.x prefers httpx2 for its TestClient and warns when it finds only httpx (a test
    # extra of ours); the client works the same with either.
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from fastapi.testclient import TestClient

REGISTER = Path(__file__).parent / "data" / "register.json"
PASSWORD = "correct horse battery staple"
CSP = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; form-action 'self'; "
    "frame-ancestors 'none'"
)


# --------------------------------------------------------------------------- helpers shared with
# test_ui_browser.py and test_staff.py (imported from here)


@pytest.fixture(scope="module")
def key() -> TestKey:
    return rsa_key(2048)


def make_settings(tmp_path: Path, db_url: str, key: TestKey, **extra: object) -> Settings:
    """A migrated database holding the test register, and settings that trust the test key."""
    keys = write_keys_file(
        tmp_path / "keys.txt", [key_line("sel", d, key) for d in ("asiakas.fi", "kund.se")]
    )
    migrate(db_url)
    with session_scope(db_url) as session:
        import_register(session, parse_register_file(REGISTER), source="test")
    return Settings(
        database_url=db_url,
        controller_address="tietosuoja@rekisteri.fi",
        dkim_keys_file=keys,
        dns=False,
        ui_secret="a test secret, not for production",
        **extra,  # type: ignore[arg-type]
    )


_counter = iter(range(1, 1_000_000))


def submit(settings: Settings, raw: bytes) -> str:
    """Run one letter through the real pipeline; the reference of the case it opened."""
    n = next(_counter)
    outcome = process_message(settings, RawMessage(key=f"test:{n}", data=raw, ref=str(n)))
    assert outcome.case_ref, outcome
    return outcome.case_ref


def erasure_from_maija(key: TestKey, *, date: str = "", message_id: str = "<del-1@asiakas.fi>") -> bytes:  # fmt: skip
    fields: dict[str, object] = {
        "from_": "Maija Meikäläinen <maija@asiakas.fi>",
        "to": "tietosuoja@rekisteri.fi",
        "subject": "Tietojeni poistaminen",
        "body": "Hei,\n\npoistakaa kaikki minua koskevat tiedot rekisteristänne.\n\nMaija\n",
        "message_id": message_id,
    }
    if date:
        fields["date"] = date
    return dkimpy_sign(message(**fields), key=key, domain="asiakas.fi")  # type: ignore[arg-type]


def erasure_from_erik(key: TestKey, *, message_id: str = "<del-2@kund.se>") -> bytes:
    raw = message(
        from_="Erik Svensson <erik@kund.se>",
        to="tietosuoja@rekisteri.fi",
        subject="Radera mina uppgifter",
        body="Hej,\n\njag vill att ni raderar alla mina personuppgifter.\n\nMed vänliga hälsningar\nErik\n",
        message_id=message_id,
    )
    return dkimpy_sign(raw, key=key, domain="kund.se")


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF field on the page"
    return found.group(1)


def login(client: TestClient, username: str, password: str) -> object:
    form = client.get("/login")
    return client.post(
        "/login",
        data={"username": username, "password": password, "csrf": csrf_of(form.text)},
    )


# --------------------------------------------------------------------------- fixtures


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 at its lowest cost: the same code path, a hundredth of the time (the real cost is
    exercised by test_staff.py's command-line tests)."""
    from argon2 import PasswordHasher

    from mailbot import staff

    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(staff, "_hasher", hasher)
    monkeypatch.setattr(staff, "_DUMMY_HASH", hasher.hash("not anyone's password"))


@pytest.fixture
def env(tmp_path: Path, db_url: str, key: TestKey) -> Settings:
    settings = make_settings(tmp_path, db_url, key)
    with session_scope(db_url) as session:
        add_staff(session, username="alice", password=PASSWORD)
        add_staff(session, username="bob", password=PASSWORD + " too")
    return settings


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def app_client(env: Settings, clock: Clock) -> Iterator[TestClient]:
    app = create_app(env, throttle=LoginThrottle(max_failures=5, lockout=600.0, clock=clock))
    with TestClient(app, follow_redirects=False) as client:
        yield client


@pytest.fixture
def alice(app_client: TestClient) -> TestClient:
    response = login(app_client, "alice", PASSWORD)
    assert response.status_code == 303  # type: ignore[attr-defined]
    return app_client


def backdate(settings: Settings, ref: str, *, days: int) -> None:
    """Pretend a case arrived `days` ago (the pipeline stamps the arrival time, not the Date)."""
    from mailbot.case import statutory_deadline
    from mailbot.models import utcnow

    with session_scope(settings.database_url) as session:
        case = session.exec(select(Case).where(Case.ref == ref)).one()
        case.received_at = utcnow() - timedelta(days=days)
        case.deadline = statutory_deadline(case.received_at)
        session.add(case)


def case_status(settings: Settings, ref: str) -> CaseStatus:
    with session_scope(settings.database_url) as session:
        case = session.exec(select(Case).where(Case.ref == ref)).one()
        return case.status


# --------------------------------------------------------------------------- who gets in


def test_health_needs_no_login_and_says_nothing_else(app_client: TestClient) -> None:
    response = app_client.get("/healthz")
    assert response.status_code == 200
    assert response.text == "ok\n"


def test_strangers_are_sent_to_the_login_page_and_cannot_decide(
    env: Settings, app_client: TestClient, key: TestKey
) -> None:
    ref = submit(env, erasure_from_maija(key))
    for path in ("/", f"/cases/{ref}", "/deadlines"):
        response = app_client.get(path)
        assert response.status_code == 303, path
        assert response.headers["location"] == "/login"
    response = app_client.post(f"/cases/{ref}/approve", data={"csrf": "guess"})
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert case_status(env, ref) is CaseStatus.AWAITING_APPROVAL
    page = app_client.get("/login")
    assert page.status_code == 200 and ref not in page.text


def test_a_wrong_password_or_unknown_name_is_refused_without_a_session(
    app_client: TestClient,
) -> None:
    for username, password in (("alice", "wrong password here"), ("mallory", PASSWORD)):
        response = login(app_client, username, password)
        assert response.status_code == 401  # type: ignore[attr-defined]
        assert "Wrong username or password" in response.text  # type: ignore[attr-defined]
        assert "mailbot_session" not in response.headers.get("set-cookie", "")  # type: ignore[attr-defined]
    assert app_client.get("/").status_code == 303


def test_the_session_cookie_is_httponly_and_samesite_strict_and_secure_only_over_tls(
    env: Settings,
) -> None:
    for base, secure in (("http://testserver", False), ("https://testserver", True)):
        with TestClient(create_app(env), base_url=base, follow_redirects=False) as client:
            response = login(client, "alice", PASSWORD)
            cookie = response.headers["set-cookie"]  # type: ignore[attr-defined]
            session_cookie = next(c for c in cookie.split(", mailbot") if "mailbot_session=" in c)
            assert "HttpOnly" in session_cookie
            assert "SameSite=strict" in session_cookie or "SameSite=Strict" in session_cookie
            assert ("Secure" in session_cookie) is secure
            assert client.get("/").status_code == 200


def test_forwarded_proto_is_believed_only_when_the_proxy_is_trusted(env: Settings) -> None:
    for trust, secure in ((False, False), (True, True)):
        settings = env.model_copy(update={"ui_trust_proxy": trust})
        with TestClient(create_app(settings), follow_redirects=False) as client:
            form = client.get("/login")
            response = client.post(
                "/login",
                data={"username": "alice", "password": PASSWORD, "csrf": csrf_of(form.text)},
                headers={"X-Forwarded-Proto": "https"},
            )
            assert response.status_code == 303
            assert ("Secure" in response.headers["set-cookie"]) is secure


def test_repeated_failures_lock_the_username_out_even_for_the_right_password(
    app_client: TestClient, clock: Clock
) -> None:
    for _ in range(5):
        assert login(app_client, "alice", "not the password").status_code == 401  # type: ignore[attr-defined]
    locked = login(app_client, "alice", PASSWORD)
    assert locked.status_code == 429  # type: ignore[attr-defined]
    assert "Too many failed logins" in locked.text  # type: ignore[attr-defined]
    assert app_client.get("/").status_code == 303
    # another user from the same office address is not locked out by alice's typos
    assert login(app_client, "bob", PASSWORD + " too").status_code == 303  # type: ignore[attr-defined]
    clock.now += 601
    assert login(app_client, "alice", PASSWORD).status_code == 303  # type: ignore[attr-defined]


def test_one_address_guessing_many_usernames_is_locked_out(
    app_client: TestClient, clock: Clock
) -> None:
    for n in range(20):
        assert login(app_client, f"guess{n}", "whatever it is").status_code == 401  # type: ignore[attr-defined]
    assert login(app_client, "alice", PASSWORD).status_code == 429  # type: ignore[attr-defined]


def test_a_disabled_account_cannot_log_in_and_its_open_session_stops_working(
    env: Settings, alice: TestClient
) -> None:
    assert alice.get("/").status_code == 200
    with session_scope(env.database_url) as session:
        set_enabled(session, username="alice", enabled=False)
    assert alice.get("/").status_code == 303
    assert login(alice, "alice", PASSWORD).status_code == 401  # type: ignore[attr-defined]


def test_a_session_cookie_cannot_be_replayed_after_logout(env: Settings, alice: TestClient) -> None:
    stolen = alice.cookies.get("mailbot_session")
    assert stolen
    page = alice.get("/")
    assert alice.post("/logout", data={"csrf": csrf_of(page.text)}).status_code == 303
    with TestClient(create_app(env), follow_redirects=False) as other:
        other.cookies.set("mailbot_session", stolen)
        response = other.get("/")
        assert response.status_code == 303 and response.headers["location"] == "/login"


# --------------------------------------------------------------------------- CSRF


def test_forms_without_the_sessions_csrf_token_are_refused(
    env: Settings, alice: TestClient, key: TestKey
) -> None:
    ref = submit(env, erasure_from_maija(key))
    for data in ({}, {"csrf": ""}, {"csrf": "x" * 43}):
        response = alice.post(f"/cases/{ref}/approve", data=data)
        assert response.status_code == 403, data
    # bob's own valid token does not work in alice's session either
    with TestClient(create_app(env), follow_redirects=False) as bob:
        login(bob, "bob", PASSWORD + " too")
        bobs_token = csrf_of(bob.get("/").text)
    assert alice.post(f"/cases/{ref}/approve", data={"csrf": bobs_token}).status_code == 403
    assert alice.post("/logout", data={}).status_code == 403
    assert case_status(env, ref) is CaseStatus.AWAITING_APPROVAL


def test_the_login_form_itself_needs_its_token(app_client: TestClient) -> None:
    response = app_client.post("/login", data={"username": "alice", "password": PASSWORD})
    assert response.status_code == 403
    app_client.cookies.clear()
    response = app_client.post(
        "/login", data={"username": "alice", "password": PASSWORD, "csrf": "0" * 64}
    )
    assert response.status_code == 403


# --------------------------------------------------------------------------- what staff see


SCRIPTED = (
    "Hello,\n\nplease tell me what you hold about me.\n"
    "<script>alert('owned')</script>\n"
    '<img src="http://tracker.example/pixel.gif?who=me">\n'
    "Regards\n"
)


def test_the_email_is_shown_as_escaped_text_with_its_headers(
    env: Settings, alice: TestClient
) -> None:
    raw = message(
        from_="Stranger <someone@stranger.fi>",
        to="tietosuoja@rekisteri.fi",
        subject="What do you hold <b>about</b> me",
        body=SCRIPTED,
        message_id="<x-1@stranger.fi>",
    )
    ref = submit(env, raw)
    page = alice.get(f"/cases/{ref}")
    assert page.status_code == 200
    html = page.text
    assert "&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=&#34;http://tracker.example/pixel.gif?who=me&#34;&gt;" in html
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "What do you hold &lt;b&gt;about&lt;/b&gt; me" in html
    for header in ("From", "To", "Subject", "Date"):
        assert f"<dt>{header}</dt>" in html
    assert "someone@stranger.fi" in html and "Tue, 05 Mar 2024" in html
    assert page.headers["content-security-policy"] == CSP
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["cache-control"] == "no-store"


def test_an_html_letter_shows_no_remote_image_or_script(env: Settings, alice: TestClient) -> None:
    html_body = (
        "<html><body><p>Delete my data please.</p>"
        '<img src="https://tracker.example/open.gif"><script>document.cookie</script>'
        '<a href="http://phish.example/">click</a></body></html>'
    )
    raw = (
        "From: someone@stranger.fi\r\nTo: tietosuoja@rekisteri.fi\r\nSubject: html\r\n"
        "Date: Tue, 05 Mar 2024 09:15:00 +0200\r\nMessage-ID: <h-1@stranger.fi>\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html_body
    ).encode()
    page = alice.get(f"/cases/{submit(env, raw)}").text
    assert "Delete my data please." in page
    assert "tracker.example" not in page or "&lt;img" in page
    assert "<img" not in page.lower() and "<script" not in page.lower()
    assert 'href="http://phish.example/' not in page


def test_the_queue_is_ordered_by_deadline_with_days_left_and_overdue_highlighted(
    env: Settings, alice: TestClient, key: TestKey
) -> None:
    recent = submit(env, erasure_from_erik(key))
    old = submit(env, erasure_from_maija(key))
    backdate(env, old, days=40)  # received 40 days ago: its month is over
    html = alice.get("/").text
    assert html.index(old) < html.index(recent)
    row_old = html[html.rindex("<tr", 0, html.index(old)) : html.index(old)]
    assert 'class="overdue"' in row_old
    assert re.search(r"(2[89]|3[01]) days left", html)
    assert "erasure (approval)" in html


def test_the_case_page_shows_verdicts_reasons_proposal_and_trail(
    env: Settings, alice: TestClient, key: TestKey
) -> None:
    ref = submit(env, erasure_from_maija(key))
    html = alice.get(f"/cases/{ref}").text
    assert "Identity: verified" in html
    assert "Classification: erasure" in html
    assert "Approve erasure" in html and "Refuse erasure" in html
    assert "Audit trail" in html and "status:awaiting_approval" in html
    assert "poistakaa kaikki minua koskevat tiedot" in html


def test_approving_on_the_page_carries_it_out_under_the_staff_members_name(
    env: Settings, alice: TestClient, key: TestKey
) -> None:
    ref = submit(env, erasure_from_maija(key))
    page = alice.get(f"/cases/{ref}")
    response = alice.post(f"/cases/{ref}/approve", data={"csrf": csrf_of(page.text)})
    assert response.status_code == 303
    assert response.headers["location"] == f"/cases/{ref}?done=approved"
    assert "Approved and carried out" in alice.get(response.headers["location"]).text
    with session_scope(env.database_url) as session:
        action = session.exec(select(PendingAction)).one()
        assert action.status is ActionStatus.APPROVED and action.decided_by == "alice"
        actors = {
            e.actor
            for e in session.exec(select(AuditEvent)).all()
            if e.action.startswith("approved")
        }
        assert actors == {"alice"}
    assert case_status(env, ref) is not CaseStatus.AWAITING_APPROVAL


def test_a_refusal_needs_a_reason_and_records_it(
    env: Settings, alice: TestClient, key: TestKey
) -> None:
    ref = submit(env, erasure_from_erik(key))
    token = csrf_of(alice.get(f"/cases/{ref}").text)
    response = alice.post(f"/cases/{ref}/reject", data={"csrf": token, "reason": "   "})
    assert response.status_code == 409
    assert "a refusal needs a reason" in response.text
    assert case_status(env, ref) is CaseStatus.AWAITING_APPROVAL
    response = alice.post(
        f"/cases/{ref}/reject", data={"csrf": token, "reason": "An invoice is still open."}
    )
    assert response.status_code == 303
    with session_scope(env.database_url) as session:
        action = session.exec(select(PendingAction)).one()
        assert action.status is ActionStatus.REJECTED
        assert (action.decided_by, action.decision_reason) == ("alice", "An invoice is still open.")
    assert case_status(env, ref) is CaseStatus.REFUSED


def test_triage_and_identity_confirmation_on_the_page(env: Settings, alice: TestClient) -> None:
    # A letter from an address the register does not know, about the register's customer T-2.
    raw = message(
        from_="Erik <erik.svensson@webmail.example>",
        to="tietosuoja@rekisteri.fi",
        subject="Fråga",
        body="Hej,\n\njag undrar något om min kundrelation.\n\nErik\n",
        message_id="<t-1@webmail.example>",
    )
    ref = submit(env, raw)
    assert case_status(env, ref) is CaseStatus.TRIAGE
    token = csrf_of(alice.get(f"/cases/{ref}").text)
    bad = alice.post(f"/cases/{ref}/triage", data={"csrf": token, "intents": ["bogus"]})
    assert bad.status_code == 409 and "unknown right" in bad.text
    ok = alice.post(f"/cases/{ref}/triage", data={"csrf": token, "intents": ["access"]})
    assert ok.status_code == 303
    ok = alice.post(f"/cases/{ref}/confirm", data={"csrf": token, "subject_ref": "T-2"})
    assert ok.status_code == 303
    with session_scope(env.database_url) as session:
        case = session.exec(select(Case).where(Case.ref == ref)).one()
        assert case.identity_verdict == "verified" and case.intents == '["access"]'
        trail = session.exec(select(AuditEvent).where(AuditEvent.case_id == case.id)).all()
        assert {"classification:set", "identity:confirmed"} <= {
            e.action for e in trail if e.actor == "alice"
        }
    assert case_status(env, ref) is CaseStatus.DONE


def test_the_deadlines_page_lists_overdue_open_cases(
    env: Settings, alice: TestClient, key: TestKey
) -> None:
    ref = submit(env, erasure_from_maija(key))
    later = submit(env, erasure_from_erik(key))
    backdate(env, ref, days=35)
    html = alice.get("/deadlines").text
    assert later not in html
    assert ref in html and "overdue" in html
    assert alice.get("/cases/DSR-NOPE").status_code == 404


def test_the_throttle_forgets_old_failures_instead_of_growing_without_bound(clock: Clock) -> None:
    throttle = LoginThrottle(max_failures=3, window=60.0, lockout=60.0, clock=clock)
    for n in range(10_001):
        throttle.failed(f"user:made-up-{n}")
    throttle.failed("user:alice", limit=1)
    assert throttle.locked("user:alice") > 0
    clock.now += 61
    throttle.failed("user:one-more")
    assert len(throttle._failures) == 1
    assert throttle.locked("user:alice") == 0
