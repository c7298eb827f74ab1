"""The outbox: signed replies, caps against mail cannons and loops, SMTP outages, stale claims."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dkim
import pytest
from identity_mail import TestKey, dkimpy_sign, key_line, message, rsa_key, write_keys_file
from servers import SmtpSink
from sqlmodel import select

from mailbot.db import migrate, session_scope
from mailbot.mailbox import RawMessage
from mailbot.models import MessageOutcome, OutboxMessage, OutboxStatus, utcnow
from mailbot.pipeline import deliver, process_message
from mailbot.register import import_register, parse_register_file
from mailbot.settings import Settings

REGISTER = Path(__file__).parent / "data" / "register.json"
ACCESS = "Hello, please send me a copy of all personal data you hold about me (Article 15 GDPR).\n"


@pytest.fixture(scope="module")
def key() -> TestKey:
    return rsa_key(2048)


@pytest.fixture
def env(tmp_path: Path, db_url: str, key: TestKey, smtp_sink: SmtpSink) -> Settings:
    signing_key = tmp_path / "reply-key.pem"
    signing_key.write_bytes(key.pem)
    keys = write_keys_file(tmp_path / "keys.txt", [key_line("sel", "asiakas.fi", key)])
    migrate(db_url)
    with session_scope(db_url) as session:
        import_register(session, parse_register_file(REGISTER), source="test")
    return Settings(
        database_url=db_url, smtp_url=smtp_sink.url, controller_address="tietosuoja@rekisteri.fi",
        dkim_keys_file=keys, dns=False, dkim_sign_key_file=signing_key, dkim_sign_selector="out",
        replies_per_address_per_hour=3, replies_per_hour=100,
    )  # fmt: skip


def _letter(env: Settings, key: TestKey, n: int, **fields: object) -> object:
    raw = dkimpy_sign(
        message(
            **{
                "from_": "maija@asiakas.fi",
                "subject": "Access request",
                "body": ACCESS,
                "message_id": f"<o{n}@asiakas.fi>",
                **fields,
            }
        ),
        key=key,
        domain="asiakas.fi",
    )  # type: ignore[arg-type]
    return process_message(env, RawMessage(key=f"t:{n}", data=raw, ref=str(n)))


def test_every_reply_is_dkim_signed_by_the_controller(
    env: Settings, key: TestKey, smtp_sink: SmtpSink
) -> None:
    _letter(env, key, 1)
    deliver(env)
    [envelope] = smtp_sink.envelopes
    record = key.record().encode()
    assert b"d=rekisteri.fi" in envelope.data and b"s=out" in envelope.data
    assert dkim.verify(envelope.data, dnsfunc=lambda name, timeout=5: record)
    assert envelope.mail_from == "tietosuoja@rekisteri.fi" and envelope.rcpt_tos == [
        "maija@asiakas.fi"
    ]


def test_an_smtp_outage_delays_replies_and_each_goes_out_once(
    env: Settings, key: TestKey, smtp_sink: SmtpSink
) -> None:
    _letter(env, key, 1)
    smtp_sink.refusing = True
    report = deliver(env)
    assert report.deferred == 1 and smtp_sink.envelopes == []
    with session_scope(env.database_url) as session:
        row = session.exec(select(OutboxMessage)).one()
        assert row.status is OutboxStatus.PENDING and "451" in (row.last_error or "")
        row.next_attempt_at = utcnow() - timedelta(seconds=1)  # the back-off has passed
        session.add(row)
    smtp_sink.refusing = False
    assert deliver(env).sent == 1
    assert deliver(env).sent == 0
    assert len(smtp_sink.envelopes) == 1


def test_a_worker_that_died_mid_send_is_retried_after_a_while(
    env: Settings, key: TestKey, smtp_sink: SmtpSink
) -> None:
    _letter(env, key, 1)
    with session_scope(env.database_url) as session:
        row = session.exec(select(OutboxMessage)).one()
        row.status, row.claimed_at = OutboxStatus.SENDING, utcnow()
        session.add(row)
    assert deliver(env).sent == 0  # a fresh claim belongs to a live worker
    with session_scope(env.database_url) as session:
        row = session.exec(select(OutboxMessage)).one()
        row.claimed_at = utcnow() - timedelta(hours=1)
        session.add(row)
    assert deliver(env).sent == 1


def _unsigned(env: Settings, n: int, sender: str = "maija@asiakas.fi") -> object:
    raw = message(
        from_=sender,
        subject=f"Access request {n}",
        body=ACCESS + f"\nletter {n}\n",
        message_id=f"<u{n}@x.fi>",
    )
    return process_message(env, RawMessage(key=f"u:{n}", data=raw, ref=str(n)))


def test_unproven_letters_get_at_most_the_hourly_cap_of_replies_per_address(
    env: Settings, smtp_sink: SmtpSink
) -> None:
    for n in range(6):  # anyone can send these in Maija's name: each would mail her a code
        _unsigned(env, n)
    deliver(env)
    assert len(smtp_sink.envelopes) == 3


def test_answers_to_proven_requests_are_never_held_by_the_caps(
    env: Settings, key: TestKey, smtp_sink: SmtpSink
) -> None:
    for n in range(6):
        _unsigned(env, n)  # forged letters use up Maija's allowance of confirmation mails...
    _letter(env, key, 99)  # ...and her genuine, signed request still gets its answer
    capped = env.model_copy(update={"replies_per_hour": 1})
    deliver(capped)
    kinds = [e.message["Subject"] for e in smtp_sink.envelopes]
    assert any("access" in k.lower() for k in kinds)


def test_the_global_hourly_cap_holds_unproven_replies_for_later(
    env: Settings, smtp_sink: SmtpSink
) -> None:
    for n in range(3):
        _unsigned(
            env, n, sender=f"stranger{n}@elsewhere.fi"
        )  # a reply each, and a staff notice each
    capped = env.model_copy(update={"replies_per_hour": 2})
    assert deliver(capped).sent == 2
    assert deliver(capped).sent == 0
    assert deliver(env).sent == 4


def test_our_own_reply_coming_back_is_never_answered(
    env: Settings, key: TestKey, smtp_sink: SmtpSink
) -> None:
    _letter(env, key, 1)
    deliver(env)
    echoed = smtp_sink.envelopes[
        0
    ].data  # e.g. a forwarding rule sends it back to the privacy address
    outcome = process_message(env, RawMessage(key="loop", data=echoed, ref="loop"))
    assert outcome.outcome is MessageOutcome.IGNORED
    deliver(env)
    assert len(smtp_sink.envelopes) == 1


def test_a_signers_dns_down_is_retried_then_after_a_day_asks_for_confirmation(
    tmp_path: Path, db_url: str, key: TestKey, smtp_sink: SmtpSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dns.exception

    from mailbot import identity, pipeline

    class DownResolver:
        def resolve(self, *args: object, **kwargs: object) -> object:
            raise dns.exception.Timeout()

    monkeypatch.setattr(identity, "_default_dns", identity.DnsKeyLookup(DownResolver()))
    migrate(db_url)
    with session_scope(db_url) as session:
        import_register(session, parse_register_file(REGISTER), source="test")
    env = Settings(
        database_url=db_url,
        smtp_url=smtp_sink.url,
        controller_address="tietosuoja@rekisteri.fi",
        dns=True,
    )
    raw = dkimpy_sign(
        message(from_="maija@asiakas.fi", subject="Access request", body=ACCESS),
        key=key,
        domain="asiakas.fi",
    )
    first = process_message(env, RawMessage(key="dns:1", data=raw, ref="1"))
    assert first.outcome is None and "DNS" in first.note  # not decided: left on the server
    assert process_message(env, RawMessage(key="dns:1", data=raw, ref="1")).outcome is None
    monkeypatch.setattr(pipeline, "DNS_GIVE_UP", timedelta(0))
    late = process_message(env, RawMessage(key="dns:1", data=raw, ref="1"))
    assert late.outcome is MessageOutcome.CASE and late.replies == ["confirm_identity"]
    deliver(env)
    [mail] = smtp_sink.messages
    assert mail["To"] == "maija@asiakas.fi" and "ORD-4711" not in mail.get_content()


def test_a_backlogs_first_replies_leave_while_the_rest_is_still_being_read(
    env: Settings, key: TestKey, smtp_sink: SmtpSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Delivery runs beside the processing: once a batch is durable and marked, its replies go
    out while later messages are still being read, not only after the whole backlog."""
    import time

    from mailbot import pipeline

    monkeypatch.setattr(pipeline, "MARK_BATCH", 2)
    letters = [
        message(from_="maija@asiakas.fi", subject="Access request", body=ACCESS,
                message_id=f"<b{n}@asiakas.fi>")
        for n in range(3)
    ]  # fmt: skip
    raws = [dkimpy_sign(letter, key=key, domain="asiakas.fi") for letter in letters]
    seen_before_last: list[int] = []

    class Backlog:
        name = "backlog"

        def fetch_new(self):  # type: ignore[no-untyped-def]
            for n, data in enumerate(raws):
                if n == 2:  # the first batch (two letters) is marked: wait for its replies
                    deadline = time.monotonic() + 10
                    while len(smtp_sink.envelopes) < 1 and time.monotonic() < deadline:
                        time.sleep(0.05)
                    seen_before_last.append(len(smtp_sink.envelopes))
                yield RawMessage(key=f"b:{n}", data=data, ref=str(n))

        def mark_done_many(self, marks):  # type: ignore[no-untyped-def]
            return [raw.key for raw, _q in marks]

    report = pipeline.run_once(env, Backlog())  # type: ignore[arg-type]
    assert seen_before_last and seen_before_last[0] >= 1  # replies left before the last letter
    assert report.delivery.sent == len(smtp_sink.envelopes) == 3
