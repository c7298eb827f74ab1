"""Benchmark (issue 9): where one message's time goes inside the pipeline, in one process.

No servers: --messages DKIM-signed requests of the nine kinds are taken from memory by a list
mailbox, the replies go to a transport that only counts them, and the database is a SQLite file
(or the local PostgreSQL with --db postgresql) holding --subjects subjects. What is left is
mailbot's own work, timed per stage (wall clock, inclusive) and with the SQL statements and commits
counted. Use it to see what a change to the pipeline saves; bench/throughput.py gives the figure
that counts.

    python bench/stages.py [--subjects 20000] [--messages 600] [--db sqlite|postgresql]
        [--statements N] [--no-courier] [--profile FILE.prof]

Last line: `stages: M ms per message in-process, S SQL statements and C commits per message`.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from common import (
    CONTROLLER,
    KINDS,
    bench_database,
    bulk_register,
    sample,
    signed_request,
    signing_setup,
)
from sqlalchemy import event

from mailbot import classify, identity, message, outbox, pipeline, reply
from mailbot.db import get_engine
from mailbot.mailbox import RawMessage
from mailbot.settings import Settings

# (module, function name) timed inclusively; a function called inside another is counted in both
TIMED = [
    (message, "parse_message"),
    (identity, "verify_identity"),
    (classify, "classify"),
    (pipeline, "_act"),
    (pipeline, "_ledger"),
    (pipeline, "_seen_message_id"),
    (pipeline.cases, "open_case"),
    (pipeline.cases, "find_repeat"),
    (pipeline.actions, "carry_out"),
    (pipeline.actions, "conclude"),
    (reply, "render"),
    (reply, "build_email"),
    (outbox, "queue_rendered"),
    (outbox, "deliver_pending"),
    (pipeline, "content_hash"),
    (pipeline, "_confirmation"),
    (pipeline, "_follow_up"),
    (pipeline, "_stages"),
    (pipeline, "notify_staff"),
    (pipeline, "load_profile"),
    (pipeline.cases, "set_status"),
    (pipeline.cases, "_write_audit"),
    (pipeline, "_process_all"),  # every message's processing, without the last delivery round
]


class ListMailbox:
    name = "list"

    def __init__(self, raws: list[bytes]) -> None:
        self.raws = raws

    def fetch_new(self) -> Iterator[RawMessage]:
        for n, data in enumerate(self.raws):
            yield RawMessage(key=f"list:{n}", data=data, ref=str(n))

    def mark_done_many(self, marks: list[tuple[RawMessage, bool]]) -> list[str]:
        return [raw.key for raw, _quarantine in marks]


class CountingTransport:
    def __init__(self) -> None:
        self.sent = 0

    def send(self, *, sender: str, recipient: str, data: bytes) -> None:
        del sender, recipient, data
        self.sent += 1

    def close(self) -> None:
        pass


def _timed(
    totals: dict[str, float], calls: Counter[str], name: str, fn: Callable[..., Any]
) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[name] += time.perf_counter() - started
            calls[name] += 1

    return wrapper


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subjects", type=int, default=20_000)
    parser.add_argument("--messages", type=int, default=600)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--statements", type=int, default=0, help="show the N most run statements")
    parser.add_argument(
        "--no-courier",
        action="store_true",
        help="deliver only at the end, not beside the processing: stage times without a thread "
        "competing for the GIL and SQLite's write lock (for attributing; the run is not the real one)",
    )
    parser.add_argument(
        "--profile", metavar="FILE", help="cProfile the run (main thread) into FILE"
    )
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    n = args.messages

    with (
        tempfile.TemporaryDirectory(prefix="mailbot-stages-") as tmp,
        bench_database(args.db) as url,
    ):
        bulk_register(url, count=args.subjects)
        signing = signing_setup(Path(tmp))
        senders = sample(rng, args.subjects, n)
        kinds = [list(KINDS)[i % len(KINDS)] for i in range(n)]
        rng.shuffle(kinds)
        raws = [
            signed_request(signing, index=who, kind=kind, message_id=f"<st-{k}.{who}@bench>")
            for k, (who, kind) in enumerate(zip(senders, kinds, strict=True))
        ]
        settings = Settings(
            database_url=url,
            mailbox_url="maildir:///nonexistent",
            smtp_url="smtp://127.0.0.1:1",
            controller_address=CONTROLLER,
            dkim_keys_file=signing.keys_file,
            dns=False,
            replies_per_hour=1_000_000,
            replies_per_address_per_hour=1_000,
        )
        # warm-up outside the timing: the language model and the rules load once per process
        classify.classify(subject="x", text="Please send me a copy of my data.", rules=None)

        totals: dict[str, float] = defaultdict(float)
        calls: Counter[str] = Counter()
        for module, name in TIMED:
            setattr(module, name, _timed(totals, calls, name, getattr(module, name)))
            # the pipeline imported some of these by name: rebind its copies too
            for user in (pipeline, pipeline.cases, pipeline.actions, outbox):
                if user is not module and getattr(user, name, None) is not None:
                    setattr(user, name, getattr(module, name))
        statements = Counter[str]()
        texts = Counter[str]()

        def _count(_conn, _cursor, statement, *_rest):  # type: ignore[no-untyped-def]
            statements[statement.split(None, 1)[0].upper()] += 1
            texts[" ".join(statement.split())[:110]] += 1

        def _commit(_conn):  # type: ignore[no-untyped-def]
            statements["COMMIT"] += 1

        for engine in (get_engine(url), get_engine(url, relaxed=True)):  # both pools
            event.listen(engine, "before_cursor_execute", _count)
            event.listen(engine, "commit", _commit)

        if args.no_courier:
            pipeline._Courier.wake = lambda self: None  # type: ignore[method-assign]
        transport = CountingTransport()
        pipeline.open_transport = lambda _url: transport  # type: ignore[assignment]
        profiler = cProfile.Profile() if args.profile else None
        started = time.perf_counter()
        if profiler is not None:
            profiler.enable()
        report = pipeline.run_once(settings, ListMailbox(raws))  # type: ignore[arg-type]
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(args.profile)
        seconds = time.perf_counter() - started

    outcomes = Counter(o.outcome.value if o.outcome else "retry" for o in report.outcomes)
    print(
        f"stages bench: {n:,} messages, {args.subjects:,} subjects, {args.db}; outcomes {dict(outcomes)}"
    )
    print(f"replies sent {transport.sent:,}; whole run {seconds:.2f} s")
    print("per message (inclusive, ms; calls):")
    for name, total in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"  {1000 * total / n:7.3f} ms  {calls[name]:>6}  {name}")
    if args.statements:
        for statement, count in texts.most_common(args.statements):
            print(f"  {count / n:6.2f}  {statement}")
    sql = sum(v for k, v in statements.items() if k != "COMMIT")
    print("SQL per message: " + ", ".join(f"{k} {v / n:.2f}" for k, v in statements.most_common()))
    print(
        f"stages: {1000 * seconds / n:.2f} ms per message in-process, "
        f"{sql / n:.1f} SQL statements and {statements['COMMIT'] / n:.2f} commits per message"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
