"""The retention sweep, the restriction lift with prior notice, the exports, and the JSON logs."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from mailbot.actions import lift_due
from mailbot.db import migrate, session_scope
from mailbot.models import OutboxMessage, Subject, utcnow
from mailbot.policy import load_profile
from mailbot.register import find_subject, import_register, parse_register_file
from mailbot.retention import expiry, sweep

DATA = Path(__file__).parent / "data"


def _load(db_url: str, name: str) -> None:
    migrate(db_url)
    with session_scope(db_url) as session:
        import_register(session, parse_register_file(DATA / name), source=name)


def test_b2b_retention_is_ten_years_after_the_relationship_and_holds_still_keep(
    db_url: str,
) -> None:
    _load(db_url, "register_rights.json")
    profile = load_profile("b2b-customer")
    with session_scope(db_url) as session:
        report = sweep(session, profile, today=date(2030, 1, 2), dry_run=True, suppression_key=None)
    # R-1 (ended 2020-01-01) expires 2030-01-01; R-2..R-6 ended 2021 or never: not yet
    assert report.erased == ["R-1"] and report.partly == [] and report.kept == []
    with session_scope(db_url) as session:  # a dry run changed nothing
        assert find_subject(session, "olli@asiakas.fi") is not None
    with session_scope(db_url) as session:
        report = sweep(
            session, profile, today=date(2031, 6, 1), dry_run=False, suppression_key=None
        )
    assert sorted(report.erased) == ["R-1"]
    # 2031: R-2 (open invoice), R-3 (collection), R-6 (credit) kept in part; R-5 (legal hold) whole
    assert sorted(ref for ref, _ in report.partly) == ["R-2", "R-3", "R-6"]
    assert [ref for ref, _ in report.kept] == ["R-5"]
    with session_scope(db_url) as session:
        assert find_subject(session, "olli@asiakas.fi") is None
        assert find_subject(session, "anna@asiakas.fi") is not None  # the open invoice keeps her
        assert find_subject(session, "kaarlo@yritys.fi") is not None  # relationship never ended


def test_child_welfare_retention_waits_for_both_the_relationship_and_the_statistics_duty(
    db_url: str,
) -> None:
    _load(db_url, "register_child.json")
    profile = load_profile("child-welfare")
    with session_scope(db_url) as session:
        aatu = find_subject(session, "aatu@koti.fi")
        assert aatu is not None
        assert expiry(aatu, profile["retention_rule"]) == date(
            2025, 12, 1
        )  # 1.5 years after 2024-06-01
        report = sweep(
            session, profile, today=date(2026, 11, 23), dry_run=False, suppression_key=None
        )
    assert report.erased == ["CW-3"]  # Veeti and Hanna: relationship ongoing


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("MAILBOT_")}
    return subprocess.run(
        [sys.executable, "-m", "mailbot", *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_retention_sweep_command_reports_what_it_did(db_url: str) -> None:
    db = db_url
    _load(db, "register_rights.json")
    dry = _cli(
        {"MAILBOT_DATABASE_URL": db}, "retention", "sweep", "--dry-run", "--today", "2031-06-01"
    )
    assert (
        dry.returncode == 0
        and "would erase 1: R-1" in dry.stdout
        and "kept R-5: legal_duty" in dry.stdout
    )
    real = _cli({"MAILBOT_DATABASE_URL": db}, "retention", "sweep", "--today", "2031-06-01")
    assert "erased 1: R-1" in real.stdout
    again = _cli({"MAILBOT_DATABASE_URL": db}, "retention", "sweep", "--today", "2031-06-01")
    assert "erased 0" in again.stdout


def test_a_restriction_is_lifted_only_after_the_subject_was_told(db_url: str) -> None:
    db = db_url
    _load(db, "register_rights.json")
    with session_scope(db) as session:
        emma = find_subject(session, "emma@client.co.uk")
        assert emma is not None
        emma.restricted = True
        session.add(emma)
    env = {"MAILBOT_DATABASE_URL": db, "MAILBOT_CONTROLLER_ADDRESS": "privacy@rekisteri.fi"}
    refused = _cli(env, "register", "lift-restriction", "emma@client.co.uk")
    assert refused.returncode != 0 and "--reason" in refused.stderr
    told = _cli(
        env,
        "register",
        "lift-restriction",
        "emma@client.co.uk",
        "--reason",
        "The data was checked and is correct.",
        "--days",
        "7",
    )
    assert told.returncode == 0, told.stderr
    with session_scope(db) as session:
        [notice] = session.exec(select(OutboxMessage)).all()
        assert (
            notice.to_address == "emma@client.co.uk"
            and b"The data was checked and is correct." in notice.raw
        )
        assert lift_due(session) == 0  # the notice period has not passed
        emma = session.exec(select(Subject).where(Subject.ref == "R-7")).one()
        assert emma.restricted
        emma.restriction_lift_at = utcnow() - timedelta(minutes=1)
        session.add(emma)
    with session_scope(db) as session:
        assert lift_due(session) == 1
        assert not session.exec(select(Subject).where(Subject.ref == "R-7")).one().restricted


def test_export_commands_leave_out_restricted_and_opted_out_subjects(db_url: str) -> None:
    db = db_url
    _load(db, "register_rights.json")
    with session_scope(db) as session:
        for ref, attr in (("R-7", "restricted"), ("R-1", "publication_optout")):
            subject = session.exec(select(Subject).where(Subject.ref == ref)).one()
            setattr(subject, attr, True)
            session.add(subject)
    labels = list(
        csv.DictReader(io.StringIO(_cli({"MAILBOT_DATABASE_URL": db}, "export", "labels").stdout))
    )
    assert [r["ref"] for r in labels] == ["R-8"]  # R-1 prohibited publication, R-7 restricted
    research = _cli(
        {"MAILBOT_DATABASE_URL": db}, "export", "marketing", "--channel", "market_research"
    ).stdout
    refs = [r["ref"] for r in csv.DictReader(io.StringIO(research))]
    assert (
        "R-1" not in refs and "R-7" not in refs and "R-8" in refs
    )  # R-1 has a research prohibition
    bad = _cli({"MAILBOT_DATABASE_URL": db}, "export", "marketing", "--channel", "carrier-pigeon")
    assert bad.returncode == 2 and "--channel" in bad.stderr


def test_json_logs_carry_the_case_and_no_personal_data(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    from mailbot.mailbox import append_maildir

    append_maildir(
        inbox,
        b"From: Tiina Tuntematon <tiina@tuntematon.fi>\r\nTo: p@r.fi\r\nSubject: Tarkastuspyynto\r\nMessage-ID: <j1@t.fi>\r\n\r\nHei, haluan tietaa mita tietoja teilla on minusta.\r\n",
    )
    env = {
        "MAILBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'm.db'}", "MAILBOT_MAILBOX_URL": f"maildir://{inbox}",
        "MAILBOT_SMTP_URL": f"maildir://{tmp_path / 'out'}", "MAILBOT_CONTROLLER_ADDRESS": "privacy@rekisteri.fi",
        "MAILBOT_LOG_FORMAT": "json", "MAILBOT_DNS": "false",
    }  # fmt: skip
    result = _cli(env, "run", "--once")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    [processed] = [line for line in lines if line["msg"] == "message processed"]
    assert processed["case"].startswith("DSR-") and processed["outcome"] == "case"
    assert "tiina" not in result.stderr.lower() and "tuntematon" not in result.stderr.lower()


@pytest.mark.parametrize("fmt", ["yaml"])
def test_an_unknown_log_format_is_a_settings_error(tmp_path: Path, fmt: str) -> None:
    result = _cli(
        {"MAILBOT_LOG_FORMAT": fmt, "MAILBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"},
        "status",
    )
    assert result.returncode == 2 and "MAILBOT_LOG_FORMAT" in result.stderr


def test_quarantine_can_be_listed_shown_reprocessed_and_dismissed(
    tmp_path: Path, db_url: str
) -> None:
    from mailbot.mailbox import append_maildir

    inbox, broken = tmp_path / "inbox", tmp_path / "broken-templates" / "en"
    broken.mkdir(parents=True)
    (broken / "unknown_sender.txt").write_text(
        "Subject: x\n\n{{ no_such_value }}\n"
    )  # a bad controller template
    append_maildir(
        inbox,
        b"From: tiina@tuntematon.fi\r\nTo: p@r.fi\r\nSubject: Access request\r\nMessage-ID: <q1@t.fi>\r\n\r\nPlease send me a copy of all personal data you hold about me.\r\n",
    )
    append_maildir(inbox, b"From: a@b.fi\r\nFrom: c@d.fi\r\nSubject: hi\r\n\r\ntwo authors\r\n")
    env = {
        "MAILBOT_DATABASE_URL": db_url, "MAILBOT_MAILBOX_URL": f"maildir://{inbox}",
        "MAILBOT_SMTP_URL": f"maildir://{tmp_path / 'out'}", "MAILBOT_CONTROLLER_ADDRESS": "privacy@rekisteri.fi",
        "MAILBOT_DNS": "false", "MAILBOT_TEMPLATES_DIR": str(broken.parent),
    }  # fmt: skip
    assert _cli(env, "run", "--once").returncode == 0  # the run goes on past both
    listed = [
        json.loads(line) for line in _cli(env, "quarantine", "list", "--json").stdout.splitlines()
    ]
    assert len(listed) == 2 and any("no_such_value" in q["error"] for q in listed)
    bad_template = next(q["id"] for q in listed if "no_such_value" in q["error"])
    two_from = next(q["id"] for q in listed if q["id"] != bad_template)
    shown = _cli(env, "quarantine", "show", str(two_from))
    assert "From: c@d.fi" in shown.stdout and "From" in shown.stderr
    assert _cli(env, "quarantine", "reprocess", str(two_from)).returncode == 1  # still malformed
    fixed = {k: v for k, v in env.items() if k != "MAILBOT_TEMPLATES_DIR"}
    redone = _cli(fixed, "quarantine", "reprocess", str(bad_template))
    assert redone.returncode == 0 and "case DSR-" in redone.stdout
    assert (
        _cli(fixed, "quarantine", "dismiss", str(two_from)).returncode == 2
    )  # a reason is required
    assert _cli(fixed, "quarantine", "dismiss", str(two_from), "--reason", "spam").returncode == 0
    assert "nothing in quarantine" in _cli(fixed, "quarantine", "list").stdout
    assert "quarantined messages: 0" in _cli(fixed, "status").stdout
