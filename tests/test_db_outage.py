"""A database connection lost under the pipeline (a PostgreSQL restart): the message it was
processing is left for the next round, never quarantined (it was not the message's fault); a
connection that died while resting in the pool is replaced before use; a reply sent just before
a restart is still marked sent, so it does not go out twice."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from identity_mail import TestKey, dkimpy_sign, key_line, message, rsa_key, write_keys_file
from sqlmodel import select

from mailbot.db import migrate, session_scope
from mailbot.mailbox import RawMessage
from mailbot.models import MessageOutcome, ProcessedMessage
from mailbot.pipeline import process_message
from mailbot.register import import_register, parse_register_file
from mailbot.settings import Settings

REGISTER = Path(__file__).parent / "data" / "register.json"


@pytest.fixture(scope="module")
def key() -> TestKey:
    return rsa_key(2048)


@pytest.fixture
def env(tmp_path: Path, pg_url: str, key: TestKey) -> Settings:
    keys = write_keys_file(tmp_path / "keys.txt", [key_line("sel", "asiakas.fi", key)])
    migrate(pg_url)
    with session_scope(pg_url) as session:
        import_register(session, parse_register_file(REGISTER), source="test")
    return Settings(
        database_url=pg_url, controller_address="tietosuoja@rekisteri.fi", dkim_keys_file=keys,
        dns=False,
    )  # fmt: skip


def _raw(key: TestKey, n: int) -> RawMessage:
    data = dkimpy_sign(
        message(from_="maija@asiakas.fi", subject="Access request", message_id=f"<d{n}@asiakas.fi>",
                body="Please send me a copy of all personal data you hold about me.\n"),
        key=key, domain="asiakas.fi",
    )  # fmt: skip
    return RawMessage(key=f"d:{n}", data=data, ref=str(n))


def _kill_other_connections(url: str) -> int:
    """Terminate every other backend of this database, as a server restart would."""
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    return len(rows)


def _outcomes(url: str) -> dict[str, MessageOutcome]:
    with session_scope(url) as session:
        rows = session.exec(select(ProcessedMessage.source_key, ProcessedMessage.outcome)).all()
    return {k: o for k, o in rows}


def test_a_connection_lost_while_a_message_is_processed_leaves_it_for_the_next_round(
    env: Settings, key: TestKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mailbot import pipeline

    real_classify = pipeline.classify

    def restart_midway(**kwargs: object) -> object:  # the transaction has already read
        _kill_other_connections(env.database_url)
        return real_classify(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "classify", restart_midway)
    lost = process_message(env, _raw(key, 1), relaxed=True)
    assert lost.outcome is None and "will retry" in lost.note  # not quarantined
    assert "d:1" not in _outcomes(env.database_url)
    monkeypatch.setattr(pipeline, "classify", real_classify)
    again = process_message(env, _raw(key, 1), relaxed=True)  # next round: a new connection
    assert again.outcome is MessageOutcome.CASE
    assert _outcomes(env.database_url)["d:1"] is MessageOutcome.CASE


def test_a_connection_that_died_in_the_pool_is_replaced_before_use(
    env: Settings, key: TestKey
) -> None:
    assert process_message(env, _raw(key, 3), relaxed=True).outcome is MessageOutcome.CASE
    assert _kill_other_connections(env.database_url) >= 1  # the pooled connections are dead
    assert process_message(env, _raw(key, 4), relaxed=True).outcome is MessageOutcome.CASE


def test_a_reply_sent_just_before_the_connection_is_lost_is_still_marked_sent(
    env: Settings, key: TestKey
) -> None:
    """The send succeeded, then the server restarted: the mark is written on a new connection,
    so the reply is not left 'sending' to go out a second time later."""
    from mailbot.models import OutboxMessage, OutboxStatus
    from mailbot.outbox import deliver_pending

    assert process_message(env, _raw(key, 5), relaxed=True).outcome is MessageOutcome.CASE
    sent: list[str] = []

    class RestartAfterSend:
        def send(self, *, sender: str, recipient: str, data: bytes) -> None:
            sent.append(recipient)
            _kill_other_connections(env.database_url)  # between the send and its mark

        def close(self) -> None:
            pass

    report = deliver_pending(
        database_url=env.database_url, transport=RestartAfterSend(), sender="t@rekisteri.fi"
    )
    assert report.sent == len(sent) >= 1
    with session_scope(env.database_url) as session:
        statuses = set(session.exec(select(OutboxMessage.status)).all())
    assert statuses == {OutboxStatus.SENT}


def test_a_message_that_loses_the_connection_every_time_is_quarantined_in_the_end(
    env: Settings, key: TestKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A poison message (say, one whose processing gets its backend killed each time) does not
    loop for ever: after LOST_LIMIT lost connections it is quarantined with the error."""
    from mailbot import pipeline

    real_classify = pipeline.classify

    def restart_every_time(**kwargs: object) -> object:
        _kill_other_connections(env.database_url)
        return real_classify(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "classify", restart_every_time)
    outcomes = [
        process_message(env, _raw(key, 9), relaxed=True) for _ in range(pipeline.LOST_LIMIT)
    ]
    assert [o.outcome for o in outcomes[:-1]] == [None] * (pipeline.LOST_LIMIT - 1)
    assert all(o.outage for o in outcomes[:-1])
    assert outcomes[-1].outcome is MessageOutcome.QUARANTINED
    assert _outcomes(env.database_url)["d:9"] is MessageOutcome.QUARANTINED
