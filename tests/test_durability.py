"""Group commit: a batch of messages shares one fsync, and nothing leaves the database's world
(a move on the mail server, a reply) before the commits it depends on are on the disk.

Each message is still its own transaction (atomic, exactly once, crash-safe: a crash of mailbot
loses nothing a commit returned); only the wait for the disk is shared, by one durable commit
(db.make_durable) before the batch is marked done on the server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session

from mailbot import pipeline
from mailbot.db import get_engine, make_durable, migrate, session_scope
from mailbot.mailbox import RawMessage
from mailbot.models import RuntimeState
from mailbot.settings import Settings


def _setting(session: Session) -> str:
    if session.get_bind().dialect.name == "sqlite":
        return str(session.execute(text("PRAGMA synchronous")).scalar())  # 2 FULL, 1 NORMAL
    return str(session.execute(text("SHOW synchronous_commit")).scalar())


def test_a_relaxed_transaction_never_hands_its_setting_on(db_url: str) -> None:
    migrate(db_url)
    full = "2" if db_url.startswith("sqlite") else "on"
    relaxed = "1" if db_url.startswith("sqlite") else "off"
    with session_scope(db_url, relaxed=True) as session:
        assert _setting(session) == relaxed
        session.add(RuntimeState(key="k", value="v"))
    # every connection the pool hands out afterwards is back to full durability
    for _ in range(3):
        with session_scope(db_url) as session:
            assert _setting(session) == full
    with session_scope(db_url) as session:
        assert session.get(RuntimeState, "k") is not None  # the relaxed commit did commit


def test_relaxed_rollback_also_resets(db_url: str) -> None:
    migrate(db_url)
    full = "2" if db_url.startswith("sqlite") else "on"
    with pytest.raises(RuntimeError), session_scope(db_url, relaxed=True) as session:
        session.connection()  # a relaxed connection checked out, then the work fails
        raise RuntimeError("a message failed")
    with Session(get_engine(db_url)) as session:
        assert _setting(session) == full


def test_make_durable_writes_something(db_url: str) -> None:
    """A commit that writes nothing flushes nothing: the barrier must write a row."""
    migrate(db_url)
    make_durable(db_url)
    with session_scope(db_url) as session:
        first = session.get(RuntimeState, "durable_at")
        assert first is not None


class _Recorder:
    """A mailbox that records, at each mark, whether a durable commit came after the last
    message's commit."""

    name = "recorder"

    def __init__(self, raws: list[bytes], events: list[str]) -> None:
        self.raws = raws
        self.events = events

    def fetch_new(self) -> Iterator[RawMessage]:
        for n, data in enumerate(self.raws):
            yield RawMessage(key=f"rec:{n}", data=data, ref=str(n))

    def mark_done_many(self, marks: list[tuple[RawMessage, bool]]) -> list[str]:
        self.events.append(f"mark {len(marks)}")
        return [raw.key for raw, _q in marks]


def test_run_once_makes_the_batch_durable_before_marking_it_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    migrate(url)
    events: list[str] = []
    real_process, real_durable = pipeline.process_message, pipeline.make_durable

    def process(settings: Settings, raw: RawMessage, *, relaxed: bool = False) -> object:
        events.append(f"process relaxed={relaxed}")
        return real_process(settings, raw, relaxed=relaxed)

    def durable(database_url: str, keys: list[str]) -> set[str]:
        events.append("durable")
        return real_durable(database_url, keys)

    monkeypatch.setattr(pipeline, "process_message", process)
    monkeypatch.setattr(pipeline, "make_durable", durable)
    monkeypatch.setattr(pipeline, "MARK_BATCH", 2)
    monkeypatch.setattr(pipeline, "deliver", lambda _settings: pipeline.DeliveryReport())
    bounce = (
        b"From: MAILER-DAEMON@mx.example\r\nTo: tietosuoja@rekisteri.fi\r\n"
        b"Subject: Undelivered Mail Returned to Sender\r\nAuto-Submitted: auto-replied\r\n"
        b"Message-ID: <b%d@mx.example>\r\n\r\nThe message could not be delivered.\r\n"
    )
    raws = [bounce % n for n in range(3)]  # automated: a ledger row each, nothing answered
    settings = Settings(database_url=url, controller_address="tietosuoja@rekisteri.fi", dns=False)
    pipeline.run_once(settings, _Recorder(raws, events))  # type: ignore[arg-type]
    assert events == [
        "process relaxed=True",
        "process relaxed=True",
        "durable",
        "mark 2",
        "process relaxed=True",
        "durable",
        "mark 1",
    ]


def test_several_workers_reach_the_barrier_at_once(db_url: str) -> None:
    """Three workers finishing a batch together: the durable commit never collides on its row."""
    import threading

    migrate(db_url)
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            for _ in range(20):
                make_durable(db_url)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_one_durable_pool_per_database(db_url: str) -> None:
    """get_engine(url) and get_engine(url, relaxed=False) are the same pool (not two, doubling
    the connections a worker holds); the relaxed one is separate."""
    assert get_engine(db_url) is get_engine(db_url, relaxed=False)
    assert get_engine(db_url, relaxed=True) is not get_engine(db_url)


def test_a_message_whose_record_was_lost_is_not_marked_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database server that crashed after a relaxed commit may have lost it: only messages
    whose ledger row the durable commit finds are moved; the rest stay to be read again, and the
    run reports it."""
    from sqlalchemy import delete

    from mailbot.models import ProcessedMessage

    url = f"sqlite:///{tmp_path / 'm.db'}"
    migrate(url)
    real_durable = pipeline.make_durable

    def crash_then_durable(database_url: str, keys: list[str]) -> set[str]:
        with session_scope(database_url) as session:  # what the crash undid
            session.exec(delete(ProcessedMessage).where(ProcessedMessage.source_key == "rec:1"))  # type: ignore[call-overload,arg-type]
        return real_durable(database_url, keys)

    monkeypatch.setattr(pipeline, "make_durable", crash_then_durable)
    monkeypatch.setattr(pipeline, "deliver", lambda _settings: pipeline.DeliveryReport())
    bounce = (
        b"From: MAILER-DAEMON@mx.example\r\nTo: tietosuoja@rekisteri.fi\r\n"
        b"Subject: Undelivered Mail Returned to Sender\r\nAuto-Submitted: auto-replied\r\n"
        b"Message-ID: <c%d@mx.example>\r\n\r\nThe message could not be delivered.\r\n"
    )
    marked: list[str] = []

    class Mailbox(_Recorder):
        def mark_done_many(self, marks: list[tuple[RawMessage, bool]]) -> list[str]:
            marked.extend(raw.key for raw, _q in marks)
            return [raw.key for raw, _q in marks]

    settings = Settings(database_url=url, controller_address="tietosuoja@rekisteri.fi", dns=False)
    report = pipeline.run_once(settings, Mailbox([bounce % n for n in range(3)], []))  # type: ignore[arg-type]
    assert marked == ["rec:0", "rec:2"]
    assert any("lost their database record" in e for e in report.errors)
