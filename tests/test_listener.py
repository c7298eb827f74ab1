"""`mailbot serve-smtp`: the MTA delivers straight to mailbot; accepted only once stored; once only."""

from __future__ import annotations

import smtplib
from pathlib import Path

import pytest
from identity_mail import TestKey, dkimpy_sign, key_line, message, rsa_key, write_keys_file
from servers import SmtpSink, free_port
from sqlmodel import select

from mailbot import listener
from mailbot.db import migrate, session_scope
from mailbot.models import Case, ProcessedMessage
from mailbot.register import import_register, parse_register_file
from mailbot.settings import Settings

REGISTER = Path(__file__).parent / "data" / "register.json"


@pytest.fixture(scope="module")
def key() -> TestKey:
    return rsa_key(2048)


@pytest.fixture
def env(tmp_path: Path, db_url: str, key: TestKey, smtp_sink: SmtpSink) -> Settings:
    keys = write_keys_file(tmp_path / "keys.txt", [key_line("sel", "asiakas.fi", key)])
    migrate(db_url)
    with session_scope(db_url) as session:
        import_register(session, parse_register_file(REGISTER), source="test")
    return Settings(
        database_url=db_url,
        smtp_url=smtp_sink.url,
        controller_address="tietosuoja@rekisteri.fi",
        dkim_keys_file=keys,
        dns=False,
    )


@pytest.mark.parametrize("lmtp", [False, True], ids=["smtp", "lmtp"])
def test_delivered_request_is_stored_answered_and_a_retry_is_a_no_op(
    env: Settings, key: TestKey, smtp_sink: SmtpSink, lmtp: bool
) -> None:
    port = free_port()
    controller = listener.start(env, host="127.0.0.1", port=port, lmtp=lmtp)
    raw = dkimpy_sign(
        message(
            from_="maija@asiakas.fi",
            subject="Access request",
            body="Please send me a copy of all personal data you hold about me (Article 15 GDPR).\n",
        ),
        key=key,
        domain="asiakas.fi",
    )
    try:
        client_cls = smtplib.LMTP if lmtp else smtplib.SMTP
        with client_cls("127.0.0.1", port) as client:
            refused = client.sendmail("maija@asiakas.fi", ["tietosuoja@rekisteri.fi"], raw)
            assert refused == {}
            with pytest.raises(smtplib.SMTPRecipientsRefused):
                client.sendmail("maija@asiakas.fi", ["someone.else@rekisteri.fi"], raw)
        with session_scope(env.database_url) as session:  # stored before the 250
            [ledger] = session.exec(select(ProcessedMessage)).all()
            assert ledger.raw == raw  # kept whole, byte for byte
        [reply] = smtp_sink.wait_for(1)
        assert reply["To"] == "maija@asiakas.fi" and "ORD-4711" in reply.get_content()
        with client_cls("127.0.0.1", port) as client:  # the MTA retries after a lost 250
            client.sendmail("maija@asiakas.fi", ["tietosuoja@rekisteri.fi"], raw)
        with session_scope(env.database_url) as session:
            assert len(session.exec(select(Case)).all()) == 1
        assert len(smtp_sink.envelopes) == 1
    finally:
        controller.stop()
