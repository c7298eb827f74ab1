"""Staff accounts from the command line (`python -m mailbot staff ...` as subprocesses), the notice the
privacy team gets when a case waits for them, and the daily digest of cases near their deadline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from identity_mail import TestKey
from sqlalchemy import inspect
from sqlmodel import select
from test_ui import backdate, erasure_from_erik, erasure_from_maija, make_settings, rsa_key, submit

from mailbot.db import get_engine, session_scope
from mailbot.models import OutboxMessage
from mailbot.notify import digest, send_digest
from mailbot.settings import Settings
from mailbot.staff import StaffUser

SECRET = "Kesäpäivä ja 7 kukkaa"  # a passphrase with spaces and non-ASCII


def mailbot(
    *args: str, db_url: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MAILBOT_")}
    return subprocess.run(
        [sys.executable, "-m", "mailbot", *args],
        capture_output=True, text=True, input=stdin, timeout=120, check=False,
        env={**clean, "MAILBOT_DATABASE_URL": db_url, **(env or {})},
    )  # fmt: skip


@pytest.fixture(scope="module")
def key() -> TestKey:
    return rsa_key(2048)


def outbox(settings: Settings, *, kind: str) -> list[EmailMessage]:
    with session_scope(settings.database_url) as session:
        rows = session.exec(select(OutboxMessage).where(OutboxMessage.kind == kind)).all()
        return [message_from_bytes(r.raw, policy=default) for r in rows]  # type: ignore[misc]


# --------------------------------------------------------------------------- the command line


def test_staff_accounts_end_to_end(db_url: str) -> None:
    added = mailbot("staff", "add", "alice", "--password-stdin", db_url=db_url, stdin=SECRET + "\n")
    assert added.returncode == 0, added.stderr
    assert "alice" in added.stdout
    assert SECRET not in added.stdout + added.stderr

    listed = mailbot("staff", "list", "--json", db_url=db_url)
    [row] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert (row["username"], row["enabled"], row["last_login_at"]) == ("alice", True, None)

    with session_scope(db_url) as session:
        user = session.exec(select(StaffUser)).one()
        assert user.password_hash.startswith("$argon2id$")
        assert SECRET not in user.password_hash
    if db_url.startswith("sqlite:///"):  # nowhere in the database file, in any encoding
        data = Path(db_url.removeprefix("sqlite:///")).read_bytes()
        assert SECRET.encode("utf-8") not in data

    disabled = mailbot("staff", "disable", "alice", db_url=db_url)
    assert disabled.returncode == 0, disabled.stderr
    assert "disabled" in mailbot("staff", "list", db_url=db_url).stdout
    enabled = mailbot("staff", "enable", "alice", db_url=db_url)
    assert enabled.returncode == 0
    [row] = [
        json.loads(x) for x in mailbot("staff", "list", "--json", db_url=db_url).stdout.splitlines()
    ]
    assert row["enabled"] is True


def test_staff_add_refuses_what_it_must(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'staff.db'}"
    no_stdin = mailbot("staff", "add", "alice", db_url=db_url, stdin=SECRET + "\n")
    assert no_stdin.returncode == 2 and "--password-stdin" in no_stdin.stderr
    short = mailbot("staff", "add", "alice", "--password-stdin", db_url=db_url, stdin="short\n")
    assert short.returncode == 1 and "too short" in short.stderr
    bad_name = mailbot("staff", "add", "Alice Smith", "--password-stdin", db_url=db_url, stdin=SECRET)  # fmt: skip
    assert bad_name.returncode == 1 and "username" in bad_name.stderr
    assert mailbot("staff", "add", "alice", "--password-stdin", db_url=db_url, stdin=SECRET).returncode == 0  # fmt: skip
    again = mailbot("staff", "add", "alice", "--password-stdin", db_url=db_url, stdin=SECRET)
    assert again.returncode == 1 and "already exists" in again.stderr
    unknown = mailbot("staff", "disable", "nobody", db_url=db_url)
    assert unknown.returncode == 1 and "no staff account" in unknown.stderr
    for result in (no_stdin, short, bad_name, again):
        assert SECRET not in result.stdout + result.stderr


def test_the_migration_alone_creates_the_staff_tables(tmp_path: Path) -> None:
    # A fresh process that never imports mailbot.staff: the migration must not depend on it.
    db_url = f"sqlite:///{tmp_path / 'fresh.db'}"
    code = f"from mailbot.db import migrate; migrate({db_url!r}); import sys; assert 'mailbot.staff' not in sys.modules"  # fmt: skip
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    tables = set(inspect(get_engine(db_url)).get_table_names())
    assert {"staff_user", "staff_session"} <= tables


# --------------------------------------------------------------------------- notices and digest


def test_a_case_waiting_for_approval_notifies_the_staff_address_without_personal_data(
    tmp_path: Path, db_url: str, key: TestKey
) -> None:
    settings = make_settings(tmp_path, db_url, key, staff_address="privacy-team@rekisteri.fi")
    ref = submit(settings, erasure_from_maija(key))
    [notice] = outbox(settings, kind="staff_notice")
    assert notice["To"] == "privacy-team@rekisteri.fi"
    text = notice["Subject"] + notice.get_content()
    assert ref in text and "awaiting_approval" in text and f"/cases/{ref}" in text
    assert "Deadline:" in text and "days left" in text
    for personal in ("maija", "Maija", "Meikäläinen", "asiakas.fi", "poistakaa", "<del-1"):
        assert personal not in str(notice), personal
    assert notice["In-Reply-To"] is None


def test_the_notice_falls_back_to_the_controller_address_or_is_skipped(
    tmp_path: Path, db_url: str, key: TestKey
) -> None:
    settings = make_settings(tmp_path, db_url, key)
    submit(settings, erasure_from_maija(key))
    assert [m["To"] for m in outbox(settings, kind="staff_notice")] == ["tietosuoja@rekisteri.fi"]
    silent = settings.model_copy(update={"controller_address": None})
    submit(silent, erasure_from_erik(key))
    assert len(outbox(settings, kind="staff_notice")) == 1


def test_the_digest_lists_cases_near_or_past_their_deadline_only(
    tmp_path: Path, db_url: str, key: TestKey
) -> None:
    settings = make_settings(tmp_path, db_url, key, staff_address="privacy-team@rekisteri.fi")
    overdue = submit(settings, erasure_from_maija(key))
    near = submit(settings, erasure_from_erik(key))
    fresh = submit(settings, erasure_from_erik(key, message_id="<del-3@kund.se>"))
    backdate(settings, overdue, days=40)
    backdate(settings, near, days=27)
    text = digest(settings, within_days=7)
    assert overdue in text and near in text and fresh not in text
    assert text.index(overdue) < text.index(near)
    assert "OVERDUE" in text and f"/cases/{near}" in text
    assert "maija" not in text.lower() and "erik" not in text.lower()

    result = mailbot("staff", "digest", "--days", "7", "--send", db_url=db_url,
                     env={"MAILBOT_STAFF_ADDRESS": "privacy-team@rekisteri.fi"})  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert overdue in result.stdout and "queued" in result.stdout
    [mail] = outbox(settings, kind="staff_digest")
    assert mail["To"] == "privacy-team@rekisteri.fi" and "2 request(s)" in mail["Subject"]
    assert overdue in mail.get_content()


def test_no_digest_mail_when_nothing_is_due(tmp_path: Path, db_url: str, key: TestKey) -> None:
    settings = make_settings(tmp_path, db_url, key, staff_address="privacy-team@rekisteri.fi")
    submit(settings, erasure_from_erik(key))
    assert send_digest(settings, within_days=7) == 0
    assert outbox(settings, kind="staff_digest") == []
    text = digest(settings, within_days=7)
    assert "Nothing is near its deadline." in text
    assert "not yet near their deadline: 1" in text  # counted, so a capped notice is not lost
    no_address = settings.model_copy(update={"staff_address": None, "controller_address": None})
    assert send_digest(no_address) is None
