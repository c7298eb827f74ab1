"""`mailbot run` as a daemon: IDLE wakes it for new mail, SIGTERM stops it cleanly, and a round that
cannot reach its mailbox makes `run --once` fail loudly for cron."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from identity_mail import dkimpy_sign, key_line, message, rsa_key, write_keys_file
from servers import ImapUser, SmtpSink, free_port

from mailbot.db import migrate, session_scope
from mailbot.register import import_register, parse_register_file

REGISTER = Path(__file__).parent / "data" / "register.json"


def _env(**settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILBOT_")}
    env.update(settings)
    return env


def test_daemon_answers_new_mail_through_idle_and_stops_on_sigterm(
    tmp_path: Path, imap_user: ImapUser, smtp_sink: SmtpSink, db_url: str
) -> None:
    key = rsa_key(2048)
    keys = write_keys_file(tmp_path / "keys.txt", [key_line("sel", "asiakas.fi", key)])
    db = db_url
    migrate(db)
    with session_scope(db) as session:
        import_register(session, parse_register_file(REGISTER), source="test")
    env = _env(
        MAILBOT_DATABASE_URL=db, MAILBOT_MAILBOX_URL=imap_user.url, MAILBOT_SMTP_URL=smtp_sink.url,
        MAILBOT_CONTROLLER_ADDRESS="tietosuoja@rekisteri.fi", MAILBOT_DKIM_KEYS_FILE=str(keys), MAILBOT_DNS="false",
        MAILBOT_POLL_INTERVAL="600",  # only IDLE can wake it in time
    )  # fmt: skip
    daemon = subprocess.Popen(
        [sys.executable, "-m", "mailbot", "run"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(2.0)  # let it reach IDLE on an empty INBOX
        raw = message(
            from_="maija@asiakas.fi",
            subject="Access request",
            body="Please send me a copy of all personal data you hold about me (Article 15 GDPR).\n",
        )
        started = time.monotonic()
        imap_user.append(dkimpy_sign(raw, key=key, domain="asiakas.fi"))
        [reply] = smtp_sink.wait_for(1, timeout=20)
        assert reply["To"] == "maija@asiakas.fi"
        assert time.monotonic() - started < 20
    finally:
        daemon.send_signal(signal.SIGTERM)
        try:
            _out, err = daemon.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            daemon.kill()
            raise AssertionError("the daemon did not stop within 10 s of SIGTERM") from None
    assert daemon.returncode == 0, err[-2000:]


def test_run_once_fails_loudly_when_the_mailbox_is_unreachable(
    tmp_path: Path, smtp_sink: SmtpSink
) -> None:
    closed = free_port()
    env = _env(
        MAILBOT_DATABASE_URL=f"sqlite:///{tmp_path / 'm.db'}", MAILBOT_MAILBOX_URL=f"imap://u:p@127.0.0.1:{closed}/INBOX",
        MAILBOT_SMTP_URL=smtp_sink.url, MAILBOT_CONTROLLER_ADDRESS="tietosuoja@rekisteri.fi",
    )  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "mailbot", "run", "--once"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "mailbot: error:" in result.stderr and str(closed) in result.stderr


def test_status_reports_the_last_poll(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    env = _env(
        MAILBOT_DATABASE_URL=f"sqlite:///{tmp_path / 'm.db'}", MAILBOT_MAILBOX_URL=f"maildir://{inbox}",
        MAILBOT_SMTP_URL=f"maildir://{tmp_path / 'out'}", MAILBOT_CONTROLLER_ADDRESS="tietosuoja@rekisteri.fi",
    )  # fmt: skip
    before = subprocess.run(
        [sys.executable, "-m", "mailbot", "status"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "last successful poll: never" in before.stdout
    subprocess.run(
        [sys.executable, "-m", "mailbot", "run", "--once"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    after = subprocess.run(
        [sys.executable, "-m", "mailbot", "status"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert after.returncode == 0 and "last successful poll: 20" in after.stdout


def test_the_daemon_backs_off_through_outages_and_carries_on(tmp_path: Path) -> None:
    """IMAP down twice, the database once: the loop waits 1 s, 2 s, 4 s, then processes the mail."""
    from sqlalchemy.exc import OperationalError

    from mailbot.daemon import serve
    from mailbot.mailbox import MailboxError, MaildirMailbox, append_maildir
    from mailbot.settings import Settings

    inbox = tmp_path / "inbox"
    append_maildir(
        inbox, b"From: x@y.fi\r\nSubject: hi\r\nAuto-Submitted: auto-replied\r\n\r\naway\r\n"
    )
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'm.db'}",
        smtp_url=f"maildir://{tmp_path / 'out'}",
        controller_address="p@r.fi",
    )
    migrate(settings.database_url)
    real = MaildirMailbox(inbox)
    failures = [
        MailboxError("imap down"),
        MailboxError("imap still down"),
        OperationalError("SELECT 1", {}, Exception("db down")),
    ]

    class Flaky:
        name = "flaky"

        def fetch_new(self):  # type: ignore[no-untyped-def]
            if failures:
                raise failures.pop(0)
            return real.fetch_new()

        def mark_done(self, message, *, quarantine=False):  # type: ignore[no-untyped-def]
            real.mark_done(message, quarantine=quarantine)

        def mark_done_many(self, items):  # type: ignore[no-untyped-def]
            return real.mark_done_many(items)

        def wait_for_mail(self, timeout, *, stopping=lambda: False):  # type: ignore[no-untyped-def]
            pass

        def close(self) -> None:
            pass

    pauses: list[float] = []
    reports: list[object] = []
    serve(
        settings, Flaky(), once=False, stopping=lambda: bool(reports),
        on_report=reports.append, sleep=pauses.append,
    )  # fmt: skip
    assert round(sum(pauses)) == 1 + 2 + 4  # the back-off doubled after each outage
    [report] = reports
    assert [o.outcome.value for o in report.outcomes] == ["automated"]  # type: ignore[attr-defined]
    assert list((inbox / "new").iterdir()) == [] and list((inbox / "cur").iterdir()) == []
