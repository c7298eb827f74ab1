"""End to end on real servers: Dovecot holds the requests, aiosmtpd receives the replies.

Each test appends mail to a fresh IMAP account, runs the pipeline once, and checks what a person
would see: the replies at the SMTP sink, the mailbox folders, the register and the case records.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from identity_mail import TestKey, dkimpy_sign, key_line, message, rsa_key, write_keys_file
from servers import ImapUser, SmtpSink
from sqlmodel import select

from mailbot.db import migrate, session_scope
from mailbot.mailbox import DONE_KEYWORD, ImapMailbox
from mailbot.models import Case, CaseStatus, MessageOutcome, ProcessedMessage
from mailbot.pipeline import run_once
from mailbot.register import find_subject, import_register, parse_register_file
from mailbot.settings import Settings

REGISTER = Path(__file__).parent / "data" / "register.json"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "eml"


@pytest.fixture(scope="module")
def key() -> TestKey:
    return rsa_key(2048)


@pytest.fixture
def env(
    tmp_path: Path, imap_user: ImapUser, smtp_sink: SmtpSink, db_url: str, key: TestKey
) -> Settings:
    keys = write_keys_file(
        tmp_path / "keys.txt",
        [
            key_line("sel", d, key)
            for d in ("asiakas.fi", "kund.se", "koti.fi", "evil.example", "stranger.fi")
        ],
    )
    migrate(db_url)
    with session_scope(db_url) as session:
        import_register(session, parse_register_file(REGISTER), source="test")
    return Settings(
        database_url=db_url,
        mailbox_url=imap_user.url,
        smtp_url=smtp_sink.url,
        controller_address="tietosuoja@rekisteri.fi",
        dkim_keys_file=keys,
        dns=False,
    )


def signed(key: TestKey, domain: str, **fields: object) -> bytes:
    return dkimpy_sign(message(**fields), key=key, domain=domain)  # type: ignore[arg-type]


def run(env: Settings) -> object:
    mailbox = ImapMailbox(
        env.mailbox_url or "",
        done_folder=env.processed_folder,
        quarantine_folder=env.quarantine_folder,
    )
    try:
        return run_once(env, mailbox)
    finally:
        mailbox.close()


ACCESS_FI = "Hei,\n\npyydän saada tietää, mitä tietoja minusta on rekisterissänne (tarkastusoikeus, GDPR 15 artikla).\n\nMaija\n"


def test_access_request_is_answered_once_with_the_subjects_data(
    env: Settings, imap_user: ImapUser, smtp_sink: SmtpSink, key: TestKey
) -> None:
    imap_user.append(
        signed(
            key,
            "asiakas.fi",
            from_="Maija <maija@asiakas.fi>",
            subject="Tarkastuspyyntö",
            body=ACCESS_FI,
            message_id="<a1@asiakas.fi>",
        )
    )
    run(env)
    [reply] = smtp_sink.wait_for(1)
    body = reply.get_content()
    assert reply["To"] == "maija@asiakas.fi"
    assert reply["In-Reply-To"] == "<a1@asiakas.fi>"
    assert "<a1@asiakas.fi>" in reply["References"]
    assert reply["Auto-Submitted"] == "auto-replied"
    assert reply["Content-Language"] == "fi"
    for datum in (
        "ORD-4711",
        "INV-77",
        "Meikäläisen Puutarha Oy",
        "198.51.100.7",
        "Kirjanpito Oy",
        "Tietosuojavaltuutetun toimisto",
    ):
        assert datum in body
    assert "Svensson" not in body  # nobody else's data
    # done on the server only after the commit: moved out of INBOX, keyword set
    assert imap_user.fetch_all("INBOX") == []
    assert len(imap_user.fetch_all(env.processed_folder)) == 1
    assert DONE_KEYWORD in next(iter(imap_user.keywords(env.processed_folder).values()))

    run(env)  # running again sends nothing and opens no case
    assert len(smtp_sink.envelopes) == 1
    with session_scope(env.database_url) as session:
        assert len(session.exec(select(Case)).all()) == 1


def test_a_copy_back_in_the_inbox_is_a_no_op(
    env: Settings, imap_user: ImapUser, smtp_sink: SmtpSink, key: TestKey
) -> None:
    raw = signed(
        key,
        "asiakas.fi",
        from_="maija@asiakas.fi",
        subject="Tarkastuspyyntö",
        body=ACCESS_FI,
        message_id="<twice@asiakas.fi>",
    )
    imap_user.append(raw)
    run(env)
    imap_user.append(raw)  # the same Message-ID again (a client re-sent or a copy was restored)
    run(env)
    assert len(smtp_sink.wait_for(1)) == 1
    with session_scope(env.database_url) as session:
        outcomes = [p.outcome for p in session.exec(select(ProcessedMessage)).all()]
    assert sorted(outcomes) == sorted([MessageOutcome.CASE, MessageOutcome.DUPLICATE])


def test_swedish_request_gets_a_swedish_reply(
    env: Settings, imap_user: ImapUser, smtp_sink: SmtpSink, key: TestKey
) -> None:
    body = "Hej,\n\njag vill ha ett registerutdrag: vilka personuppgifter har ni om mig?\n\nErik\n"
    imap_user.append(
        signed(key, "kund.se", from_="erik@kund.se", subject="Begäran om registerutdrag", body=body)
    )
    run(env)
    [reply] = smtp_sink.wait_for(1)
    assert reply["Content-Language"] == "sv"
    assert "ORD-9000" in reply.get_content()


def test_auto_replies_and_bounces_are_never_answered(
    env: Settings, imap_user: ImapUser, smtp_sink: SmtpSink
) -> None:
    imap_user.append(
        message(
            from_="maija@asiakas.fi",
            subject="Automaattinen vastaus: lomalla",
            body="Olen lomalla.\n",
            headers=["Auto-Submitted: auto-replied"],
        )
    )
    samples = [
        "sisimai-rfc3834-01.eml",
        "sisimai-lhost-postfix-01.eml",
        "flanker-disposition-notification.eml",
    ]
    for name in samples:
        if (CORPUS / name).exists():
            imap_user.append((CORPUS / name).read_bytes())
    report = run(env)
    assert smtp_sink.envelopes == []
    assert all(o.outcome is MessageOutcome.AUTOMATED for o in report.outcomes)  # type: ignore[attr-defined]
    assert imap_user.fetch_all("INBOX") == []


def test_unknown_sender_gets_no_ones_data(
    env: Settings, imap_user: ImapUser, smtp_sink: SmtpSink, key: TestKey
) -> None:
    # a stranger naming a customer in the letter, properly signed by their own domain
    body = "Hello, I am Maija Meikäläinen (maija@asiakas.fi). Send me all data you hold on me, Art. 15 GDPR.\n"
    imap_user.append(
        signed(
            key,
            "stranger.fi",
            from_="Maija Meikäläinen <maija@stranger.fi>",
            subject="Subject access request",
            body=body,
        )
    )
    run(env)
    smtp_sink.wait_for(1)
    [reply] = [m for m in smtp_sink.messages if m["To"] == "maija@stranger.fi"]
    text = reply.get_content()
    for datum in ("ORD-4711", "INV-77", "Puutarha", "Kukkatie", "T-1"):
        assert datum not in text
    with session_scope(env.database_url) as session:
        [case] = session.exec(select(Case)).all()
    assert case.status is CaseStatus.TRIAGE


def test_forged_from_with_reply_to_gets_nothing_and_the_real_subject_is_asked(
    env: Settings, imap_user: ImapUser, smtp_sink: SmtpSink, key: TestKey
) -> None:
    raw = signed(
        key, "evil.example", from_="Maija <maija@asiakas.fi>", subject="Tarkastuspyyntö", body=ACCESS_FI,
        headers=["Reply-To: collector@evil.example"],
    )  # fmt: skip
    imap_user.append(raw)
    run(env)
    [reply] = smtp_sink.wait_for(1)
    envelope = smtp_sink.envelopes[0]
    assert envelope.rcpt_tos == ["maija@asiakas.fi"]
    assert "collector@evil.example" not in envelope.data.decode()
    assert "ORD-4711" not in reply.get_content()
    assert "MB-" in reply.get_content()  # a confirmation code, nothing else


def test_unverified_request_proceeds_only_after_the_code_comes_back(
    env: Settings, imap_user: ImapUser, smtp_sink: SmtpSink
) -> None:
    imap_user.append(
        message(
            from_="maija@asiakas.fi",
            subject="Tarkastuspyyntö",
            body=ACCESS_FI,
            message_id="<u1@asiakas.fi>",
        )
    )
    run(env)
    [confirmation] = smtp_sink.wait_for(1)
    text = confirmation.get_content()
    assert "ORD-4711" not in text
    code = next(word for word in text.split() if word.startswith("MB-"))
    # a stranger who learnt the code cannot use it from another address
    imap_user.append(
        message(
            from_="other@asiakas.fi",
            subject="Re: confirm",
            body=f"Vahvistuskoodi: {code}\n",
            message_id="<u2@x>",
        )
    )
    run(env)
    assert all("ORD-4711" not in m.get_content() for m in smtp_sink.messages)
    # the subject answers from the register's address (unsigned is fine: the code is the proof)
    imap_user.append(
        message(
            from_="maija@asiakas.fi",
            subject="Re: Vahvista",
            body=f"Kyllä, tein pyynnön.\n\nVahvistuskoodi: {code}\n",
            message_id="<u3@asiakas.fi>",
        )
    )
    run(env)
    access = [m for m in smtp_sink.messages if "ORD-4711" in m.get_content()]
    assert len(access) == 1 and access[0]["To"] == "maija@asiakas.fi"
    # the code is single-use
    imap_user.append(
        message(
            from_="maija@asiakas.fi",
            subject="Re: Vahvista",
            body=f"Vahvistuskoodi: {code}\n",
            message_id="<u4@asiakas.fi>",
        )
    )
    run(env)
    assert len([m for m in smtp_sink.messages if "ORD-4711" in m.get_content()]) == 1


def test_malformed_message_is_quarantined_and_the_run_goes_on(
    env: Settings, imap_user: ImapUser, smtp_sink: SmtpSink, key: TestKey
) -> None:
    imap_user.append(
        message(
            from_="maija@asiakas.fi",
            headers=["From: someone@else.fi"],
            subject="Tarkastuspyyntö",
            body=ACCESS_FI,
        )
    )
    imap_user.append(
        signed(
            key,
            "asiakas.fi",
            from_="maija@asiakas.fi",
            subject="Tarkastuspyyntö",
            body=ACCESS_FI,
            message_id="<ok@asiakas.fi>",
        )
    )
    run(env)
    assert len(smtp_sink.wait_for(1)) == 1
    assert len(imap_user.fetch_all(env.quarantine_folder)) == 1
    with session_scope(env.database_url) as session:
        [q] = session.exec(
            select(ProcessedMessage).where(ProcessedMessage.outcome == MessageOutcome.QUARANTINED)
        ).all()
    assert q.error and "From" in q.error
    assert q.raw and b"someone@else.fi" in q.raw  # kept whole for a person to look at


def test_a_childs_own_request_waits_for_the_guardian(
    env: Settings, imap_user: ImapUser, smtp_sink: SmtpSink, key: TestKey
) -> None:
    child_env = env.model_copy(update={"profile": "child-welfare"})
    imap_user.append(
        signed(
            key, "koti.fi", from_="lena.lapsi@koti.fi", subject="Tarkastuspyyntö", body=ACCESS_FI
        )
    )
    run(child_env)
    smtp_sink.wait_for(1)
    [reply] = [m for m in smtp_sink.messages if m["To"] == "lena.lapsi@koti.fi"]
    assert "Turku" not in reply.get_content()
    with session_scope(env.database_url) as session:
        [case] = session.exec(select(Case)).all()
    assert case.status is CaseStatus.TRIAGE


def test_cron_style_run_once_with_several_rights(
    env: Settings, imap_user: ImapUser, smtp_sink: SmtpSink, key: TestKey, tmp_path: Path
) -> None:
    """`mailbot run --once` as cron runs it: several letters, several rights, then staff approve."""
    import os
    import subprocess
    import sys

    imap_user.append(
        signed(
            key,
            "asiakas.fi",
            from_="maija@asiakas.fi",
            subject="Poisto ja kielto",
            body="Hei, poistakaa kaikki tietoni. Perun myös suostumukseni uutiskirjeeseen ja kiellän suoramarkkinoinnin.\n",
        )
    )
    imap_user.append(
        signed(
            key,
            "kund.se",
            from_="erik@kund.se",
            subject="Begäran om registerutdrag",
            body="Hej, jag vill ha ett registerutdrag över mina personuppgifter.\n",
        )
    )
    imap_user.append(
        message(
            from_="maija@asiakas.fi",
            subject="Automaattinen vastaus",
            body="Lomalla.\n",
            headers=["Auto-Submitted: auto-replied"],
        )
    )
    cli_env = {k: v for k, v in os.environ.items() if not k.startswith("MAILBOT_")}
    cli_env.update({
        "MAILBOT_DATABASE_URL": env.database_url, "MAILBOT_MAILBOX_URL": env.mailbox_url or "",
        "MAILBOT_SMTP_URL": env.smtp_url or "", "MAILBOT_CONTROLLER_ADDRESS": env.controller_address or "",
        "MAILBOT_DKIM_KEYS_FILE": str(env.dkim_keys_file), "MAILBOT_DNS": "false",
    })  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "mailbot", "run", "--once"],
        env=cli_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    smtp_sink.wait_for(2)
    maija = [m for m in smtp_sink.messages if m["To"] == "maija@asiakas.fi"]
    assert len(maija) == 1  # one answer covering every right in the letter
    text = maija[0].get_content()
    assert "suoramarkkinointi" in text and "newsletter" in text and "tietosuojatiimimme" in text
    assert any(
        "ORD-9000" in m.get_content() for m in smtp_sink.messages if m["To"] == "erik@kund.se"
    )
    assert imap_user.fetch_all("INBOX") == []
    # staff approve the erasure from the command line; the next cron run delivers the answer
    from mailbot import queue

    with session_scope(env.database_url) as session:
        [item] = queue.list_queue(session)
    approved = subprocess.run(
        [sys.executable, "-m", "mailbot", "queue", "approve", item.case_ref, "--by", "tiina"],
        env=cli_env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert approved.returncode == 0, approved.stderr
    again = subprocess.run(
        [sys.executable, "-m", "mailbot", "run", "--once"],
        env=cli_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    smtp_sink.wait_for(3)
    final = [m for m in smtp_sink.messages if m["To"] == "maija@asiakas.fi"][-1].get_content()
    # Maija is a business customer's contact person in an ongoing relationship: the notice's hold
    assert "Mitä emme voi tehdä" in final and "yhteyshenkilö" in final
    with session_scope(env.database_url) as session:
        assert find_subject(session, "maija@asiakas.fi") is not None
