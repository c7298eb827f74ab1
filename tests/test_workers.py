"""Several `mailbot run --once` workers on one Dovecot mailbox and one PostgreSQL: every request is
one case and one reply, whoever takes it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from identity_mail import dkimpy_sign, key_line, message, rsa_key, write_keys_file
from imapclient import IMAPClient
from servers import ImapUser, SmtpSink
from sqlmodel import func, select

from mailbot.db import migrate, session_scope
from mailbot.mailbox import ImapMailbox
from mailbot.models import Case, OutboxMessage, ProcessedMessage
from mailbot.register import RegisterFile, SubjectIn, import_register

N = int(
    os.environ.get("WORKERS_TEST_MESSAGES", "90")
)  # the 1,000: WORKERS_TEST_MESSAGES=1000
WORKERS = 3


def test_three_workers_make_exactly_one_case_and_one_reply_per_request(
    tmp_path: Path, pg_url: str, imap_user: ImapUser, smtp_sink: SmtpSink
) -> None:
    key = rsa_key(2048)
    keys = write_keys_file(tmp_path / "keys.txt", [key_line("sel", "asiakas.fi", key)])
    migrate(pg_url)
    with session_scope(pg_url) as session:
        subjects = [
            SubjectIn(ref=f"W-{i}", emails=[f"person{i}@asiakas.fi"], orders=[]) for i in range(N)
        ]
        import_register(session, RegisterFile(subjects=subjects), source="test")
    for i in range(N):
        raw = message(from_=f"person{i}@asiakas.fi", subject="Access request", message_id=f"<w{i}@asiakas.fi>",
                      body="Please send me a copy of all personal data you hold about me (Article 15 GDPR).\n")  # fmt: skip
        imap_user.append(dkimpy_sign(raw, key=key, domain="asiakas.fi"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILBOT_")}
    env.update({
        "MAILBOT_DATABASE_URL": pg_url, "MAILBOT_MAILBOX_URL": imap_user.url, "MAILBOT_SMTP_URL": smtp_sink.url,
        "MAILBOT_CONTROLLER_ADDRESS": "tietosuoja@rekisteri.fi", "MAILBOT_DKIM_KEYS_FILE": str(keys),
        "MAILBOT_DNS": "false", "MAILBOT_REPLIES_PER_HOUR": "10000",
    })  # fmt: skip
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "mailbot", "run", "--once"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(WORKERS)
    ]
    results = [w.communicate(timeout=300) for w in workers]
    assert all(w.returncode == 0 for w in workers), [r[1][-2000:] for r in results]
    # whatever a worker skipped because another held it, a last run picks up (none should be left)
    final = subprocess.run(
        [sys.executable, "-m", "mailbot", "run", "--once"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert final.returncode == 0, final.stderr
    with session_scope(pg_url) as session:
        assert session.exec(select(func.count()).select_from(Case)).one() == N
        assert session.exec(select(func.count()).select_from(OutboxMessage)).one() == N
        assert session.exec(select(func.count()).select_from(ProcessedMessage)).one() == N
    smtp_sink.wait_for(N, timeout=30)
    recipients = sorted(e.rcpt_tos[0] for e in smtp_sink.envelopes)
    assert recipients == sorted(f"person{i}@asiakas.fi" for i in range(N))
    assert imap_user.fetch_all("INBOX") == []
    assert len(imap_user.fetch_all("mailbot/done")) == N
    # the work was shared (each worker's printout names the messages it handled)
    handled = [
        sum(1 for line in out.splitlines() if line.startswith("case ")) for out, _err in results
    ]
    assert (
        sum(handled) + sum(1 for line in final.stdout.splitlines() if line.startswith("case ")) == N
    )


def test_a_folder_another_worker_just_made_is_no_error(
    imap_user: ImapUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers started at once each see mailbot/done missing and create it: the one that comes
    second got ALREADYEXISTS and died (seen once in CI). That answer is no error when the folder
    is there; a folder that still cannot be made is one."""
    first = ImapMailbox(imap_user.url)
    first._connect()  # makes mailbot/done and mailbot/quarantine
    first.close()
    real = IMAPClient.folder_exists
    looks: list[str] = []

    def first_look_misses(self: IMAPClient, folder: str) -> bool:
        looks.append(folder)  # each folder's first look misses, as if another worker raced it
        return False if looks.count(folder) == 1 else real(self, folder)

    monkeypatch.setattr(IMAPClient, "folder_exists", first_look_misses)
    second = ImapMailbox(imap_user.url)
    client = second._connect()
    assert looks == ["mailbot/done", "mailbot/done", "mailbot/quarantine", "mailbot/quarantine"]
    assert real(client, "mailbot/done") and real(client, "mailbot/quarantine")
    second.close()
