"""The test servers themselves: each helper does against the real server what the tests rely on."""

from __future__ import annotations

import smtplib
import socket
import time
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

import psycopg
import pytest
import servers
from _pytest.outcomes import Failed, Skipped
from imapclient import IMAPClient
from imapclient.exceptions import LoginError
from servers import DovecotServer, ImapUser, SmtpSink, pg_database, pg_database_exists


def letter(subject: str, body: str = "Please send me a copy of my data.") -> bytes:
    """A small request as a mail client would deliver it (CRLF line endings)."""
    msg = EmailMessage()
    msg["From"] = "Aino Virtanen <aino.virtanen@asiakas.example>"
    msg["To"] = "privacy@controller.example"
    msg["Subject"] = subject
    msg["Message-ID"] = f"<{subject.replace(' ', '.')}@asiakas.example>"
    msg.set_content(body)
    return msg.as_bytes(policy=msg.policy.clone(linesep="\r\n"))


# --------------------------------------------------------------------------------------- Dovecot


def test_append_then_fetch_returns_the_same_bytes_and_leaves_it_unseen(imap_user: ImapUser) -> None:
    raw = letter("Access request")
    uid = imap_user.append(raw)

    assert imap_user.fetch_all() == [raw]
    assert "\\Seen" not in imap_user.flags()[uid]


def test_body_peek_keeps_unseen_where_rfc822_marks_seen(imap_user: ImapUser) -> None:
    peeked = imap_user.append(letter("Peeked"))
    read = imap_user.append(letter("Read"))
    with imap_user.client() as conn:
        conn.select_folder("INBOX")
        conn.fetch([peeked], ["BODY.PEEK[]"])
        conn.fetch([read], ["RFC822"])

    flags = imap_user.flags()
    assert "\\Seen" not in flags[peeked]
    assert "\\Seen" in flags[read]


def test_keywords_set_by_one_connection_are_read_back(imap_user: ImapUser) -> None:
    plain = imap_user.append(letter("Erasure request"))
    flagged = imap_user.append(letter("Objection"), flags=["\\Flagged"])
    with imap_user.client() as conn:
        conn.select_folder("INBOX")
        conn.add_flags([plain], [b"$Processed"])

    assert imap_user.keywords() == {plain: {"$Processed"}, flagged: set()}
    assert imap_user.flags()[flagged] == {"\\Flagged"}


def test_move_to_a_created_folder(imap_user: ImapUser) -> None:
    uid = imap_user.append(letter("Rectification"))
    raw = imap_user.fetch_all()[0]
    with imap_user.client() as conn:
        assert b"MOVE" in conn.capabilities()
        conn.create_folder("mailbot/done")
        conn.select_folder("INBOX")
        conn.move([uid], "mailbot/done")

    assert imap_user.folders() == ["INBOX", "mailbot", "mailbot/done"]
    assert imap_user.fetch_all("INBOX") == []
    assert imap_user.fetch_all("mailbot/done") == [raw]


def test_idle_wakes_when_another_connection_appends(imap_user: ImapUser) -> None:
    with imap_user.client() as watcher:
        watcher.select_folder("INBOX")
        watcher.idle()
        try:
            started = time.monotonic()
            imap_user.append(letter("Marketing opt-out"))
            responses = watcher.idle_check(timeout=5)
            waited = time.monotonic() - started
        finally:
            watcher.idle_done()

    assert (1, b"EXISTS") in responses
    assert waited < 5


def test_each_user_has_a_private_mailbox(dovecot: DovecotServer, imap_user: ImapUser) -> None:
    other = servers.new_imap_user(dovecot)
    imap_user.append(letter("Only for the first user"))

    assert other.fetch_all() == []
    assert len(imap_user.fetch_all()) == 1


def test_users_added_while_running_can_log_in_and_wrong_passwords_cannot(
    dovecot: DovecotServer,
) -> None:
    dovecot.add_user("late-comer", "first-password")
    with dovecot.client("late-comer") as conn:
        assert conn.select_folder("INBOX")[b"EXISTS"] == 0

    # Changing the password takes effect at the next login, no restart.
    dovecot.add_user("late-comer", "second-password")
    with (
        IMAPClient("127.0.0.1", port=dovecot.port, ssl=False, timeout=5) as conn,
        pytest.raises(LoginError),
    ):
        conn.login("late-comer", "first-password")
    with dovecot.client("late-comer") as conn:
        conn.noop()


def test_url_carries_everything_needed_to_log_in(imap_user: ImapUser) -> None:
    url = urlsplit(imap_user.url)

    assert url.scheme == "imap"
    assert url.path == "/INBOX"
    with IMAPClient(url.hostname or "", port=url.port, ssl=False, timeout=5) as conn:
        conn.login(unquote(url.username or ""), unquote(url.password or ""))
        assert conn.select_folder(url.path.lstrip("/"))[b"EXISTS"] == 0
    assert imap_user.folder_url("mailbot/done").endswith(f":{url.port}/mailbot/done")


@pytest.mark.dovecot
def test_stop_closes_the_port_and_removes_the_directory() -> None:
    server = DovecotServer(users={"alone": "secret"}).start()
    directory = server.directory
    assert directory is not None
    assert server.append("alone", letter("Before stop")) == 1

    server.stop()

    assert not directory.exists()
    assert not server.running
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", server.port), timeout=1):
        pass


def test_missing_dovecot_skips_locally_but_fails_on_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(servers.shutil, "which", lambda *_a, **_k: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(Skipped, match="apt-get install -y --no-install-recommends dovecot-imapd"):
        DovecotServer()

    monkeypatch.setenv("CI", "true")
    with pytest.raises(Failed, match="DOVECOT IS NOT INSTALLED"):
        DovecotServer()


def test_credentials_that_would_corrupt_the_passwd_file_are_refused(
    dovecot: DovecotServer,
) -> None:
    with pytest.raises(ValueError):
        dovecot.add_user("mallory", "pass:word")
    with pytest.raises(ValueError):
        dovecot.add_user("mallory\nroot", "secret")
    assert "mallory" not in dovecot.users


# ------------------------------------------------------------------------------------------- SMTP


def test_smtp_sink_captures_envelope_and_message(smtp_sink: SmtpSink) -> None:
    url = urlsplit(smtp_sink.url)
    assert url.scheme == "smtp"
    with smtplib.SMTP(url.hostname or "", url.port or 0, timeout=5) as client:
        client.sendmail(
            "privacy@controller.example",
            ["aino.virtanen@asiakas.example"],
            letter("Re: Access request", "Here is your data."),
        )

    [message] = smtp_sink.wait_for(1, timeout=5)
    [envelope] = smtp_sink.envelopes
    assert envelope.mail_from == "privacy@controller.example"
    assert envelope.rcpt_tos == ["aino.virtanen@asiakas.example"]
    assert message["Subject"] == "Re: Access request"
    assert message.get_content().strip() == "Here is your data."


def test_smtp_sink_refuses_with_451_during_an_outage_and_recovers(smtp_sink: SmtpSink) -> None:
    host, port = "127.0.0.1", smtp_sink.port
    smtp_sink.refusing = True
    with (
        smtplib.SMTP(host, port, timeout=5) as client,
        pytest.raises(smtplib.SMTPDataError) as refused,
    ):
        client.sendmail("privacy@controller.example", ["a@asiakas.example"], letter("First"))
    assert refused.value.smtp_code == 451
    assert smtp_sink.messages == []
    assert len(smtp_sink.wait_for_refused(1)) == 1

    smtp_sink.refusing = False
    with smtplib.SMTP(host, port, timeout=5) as client:
        client.sendmail("privacy@controller.example", ["a@asiakas.example"], letter("Second"))
    assert [m["Subject"] for m in smtp_sink.wait_for(1)] == ["Second"]


def test_smtp_sink_wait_for_reports_a_shortfall(smtp_sink: SmtpSink) -> None:
    with pytest.raises(AssertionError, match="0 messages accepted"):
        smtp_sink.wait_for(1, timeout=0.2)


# ------------------------------------------------------------------------------------- PostgreSQL


def test_pg_url_is_a_fresh_empty_database(pg_url: str) -> None:
    url = urlsplit(pg_url)
    assert url.scheme == "postgresql+psycopg"
    name = url.path.lstrip("/")
    assert pg_database_exists(name)
    with psycopg.connect(host=url.hostname, port=url.port, user=url.username, dbname=name) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
    assert tables == (0,)


@pytest.mark.postgres
def test_pg_database_is_dropped_even_with_a_session_still_open() -> None:
    with pg_database() as url:
        name = urlsplit(url).path.lstrip("/")
        lingering = psycopg.connect(host="127.0.0.1", port=5432, user="postgres", dbname=name)
        assert pg_database_exists(name)
    try:
        assert not pg_database_exists(name)
        assert lingering.closed or lingering.broken or _dead(lingering)
    finally:
        lingering.close()


def _dead(conn: psycopg.Connection[tuple[object, ...]]) -> bool:
    try:
        conn.execute("SELECT 1")
    except psycopg.OperationalError:
        return True
    return False


def test_only_test_databases_can_be_dropped() -> None:
    with pytest.raises(ValueError, match="refusing to drop"):
        servers.drop_pg_database("postgres")


def test_db_url_works_on_each_backend(db_url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE probe (n integer)"))
            conn.execute(text("INSERT INTO probe VALUES (42)"))
            assert conn.execute(text("SELECT n FROM probe")).scalar_one() == 42
    finally:
        engine.dispose()
    assert db_url.split(":", 1)[0] in {"sqlite", "postgresql+psycopg"}


def test_missing_postgres_skips_locally_but_fails_on_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(servers, "postgres_available", lambda: False)
    monkeypatch.setattr(servers, "postgres_installed", lambda: False)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(Skipped, match="POSTGRESQL IS NOT AVAILABLE"):
        servers.require_postgres()

    monkeypatch.setenv("CI", "1")
    with pytest.raises(Failed, match="POSTGRESQL IS NOT AVAILABLE"):
        servers.require_postgres()
