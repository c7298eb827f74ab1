"""Benchmark (issue 9): the register at scale, on SQLite and on PostgreSQL.

For each backend: --subjects subjects (default 1,000,000) bulk-inserted after `mailbot.db.migrate`
(the insert time is printed), one subject given --orders orders (default 100,000), then
- lookup by address: mailbot.register.subject_id_for over --lookups random addresses (goal: p95
  under 2 ms);
- an access reply for the subject with the orders: mailbot.register.subject_record, then
  mailbot.reply.render("access_done", ...) with the b2b-customer profile from
  mailbot.policy.load_profile (goal: under 5 s and under 300 MB). It runs in a fresh process, so its
  peak RSS is its own; the first (cold) build is the figure, a second shows the warm cost, and a third
  under tracemalloc gives the peak of Python allocations.

    python bench/register_scale.py [--subjects 1000000] [--orders 100000] [--db both]

Last lines: `register_scale DB: insert I s, lookup p50 A ms p95 B ms, access reply T s, peak RSS M MB`.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from typing import Any

from common import address_of, bench_database, bulk_register, percentile
from sqlalchemy import create_engine, insert
from sqlmodel import Session

from mailbot.db import get_engine
from mailbot.models import Order
from mailbot.policy import load_profile
from mailbot.register import subject_id_for, subject_record
from mailbot.reply import render

ORDERS_FOR = 1  # the subject id given the many orders (subject number 0)


def add_orders(url: str, *, subject_id: int, count: int, batch: int = 20_000) -> float:
    """Seconds to bulk-insert `count` orders for one subject."""
    started = time.perf_counter()
    engine = create_engine(url)
    table = Order.__table__  # type: ignore[attr-defined]
    first = datetime(2015, 1, 1, tzinfo=UTC)
    with engine.begin() as conn:
        for start in range(0, count, batch):
            conn.execute(
                insert(table),
                [
                    {
                        "subject_id": subject_id,
                        "ref": f"ORD-{i:07d}",
                        "ordered_at": first + timedelta(hours=i),
                        "description": f"Toimistotarvikkeet, erä {i % 977}",
                        "amount": f"{(i % 5000) / 10:.2f} EUR",
                    }
                    for i in range(start, min(count, start + batch))
                ],
            )
    engine.dispose()
    return time.perf_counter() - started


def lookups(url: str, *, subjects: int, count: int, seed: int) -> list[float]:
    """Milliseconds of each of `count` subject_id_for() calls on random register addresses."""
    rng = random.Random(seed)
    wanted = [rng.randrange(subjects) for _ in range(count)]
    timings: list[float] = []
    with Session(get_engine(url)) as session:
        for who in wanted[:20]:  # connection and statement cache warm, as in a running daemon
            subject_id_for(session, address_of(who))
        for who in wanted:
            started = time.perf_counter()
            found = subject_id_for(session, address_of(who))
            timings.append((time.perf_counter() - started) * 1000)
            if found != who + 1:
                raise SystemExit(f"lookup of {address_of(who)} gave {found}, expected {who + 1}")
    get_engine(url).dispose()
    return timings


def access_reply(url: str) -> dict[str, Any]:
    """Build the access reply for ORDERS_FOR three times (cold, warm, under tracemalloc)."""

    def build() -> tuple[int, int]:
        profile = load_profile("b2b-customer")
        with Session(get_engine(url)) as session:
            record = subject_record(session, ORDERS_FOR)
        rendered = render(
            "access_done",
            language="en",
            context={
                "case_ref": "DSR-BENCH-1",
                "controller_name": "Privacy team",
                "controller_address": "tietosuoja@rekisteri.fi",
                "received": "2025-03-03",
                "deadline": "2025-04-03",
                "today": "2025-03-03",
                "intents": ["access"],
                "name": f"{record['first_name']} {record['last_name']}",
                "profile": profile,
                "record": record,
            },
        )
        return len(record["orders"]), len(rendered.body.encode("utf-8"))

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    orders, size = build()
    cold = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    build()
    warm = time.perf_counter() - started
    tracemalloc.start()
    build()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "orders": orders,
        "bytes": size,
        "cold_s": cold,
        "warm_s": warm,
        "rss_mb": rss,
        "rss_before_mb": before,
        "traced_peak_mb": peak / 2**20,
    }


def measure(backend: str, args: argparse.Namespace) -> str:
    print(f"-- {backend}: {args.subjects:,} subjects", flush=True)
    with bench_database(backend) as url:
        migrated, inserted = bulk_register(url, count=args.subjects)
        print(
            f"bulk insert: {inserted:.1f} s ({args.subjects / inserted:,.0f} subjects/s, "
            f"one address each); migrate {migrated:.1f} s",
            flush=True,
        )
        seconds = add_orders(url, subject_id=ORDERS_FOR, count=args.orders)
        print(f"{args.orders:,} orders for one subject: {seconds:.1f} s", flush=True)
        timings = lookups(url, subjects=args.subjects, count=args.lookups, seed=args.seed)
        p50, p95 = percentile(timings, 50), percentile(timings, 95)
        print(
            f"lookup by address ({len(timings):,}): p50 {p50:.3f} ms, p95 {p95:.3f} ms, "
            f"max {max(timings):.3f} ms",
            flush=True,
        )
        # a fresh process, so that its peak RSS is the access reply's and not the bulk insert's
        child = subprocess.run(
            [sys.executable, __file__, "--access-reply", url],
            capture_output=True,
            text=True,
            timeout=3600,
            check=False,
        )
        if child.returncode != 0:
            raise SystemExit(f"access reply failed:\n{child.stderr[-3000:]}")
        access = json.loads(child.stdout.strip().splitlines()[-1])
        print(
            f"access reply ({access['orders']:,} orders, {access['bytes'] / 2**20:.1f} MB of "
            f"text): cold {access['cold_s']:.2f} s, warm {access['warm_s']:.2f} s; peak RSS "
            f"{access['rss_mb']:.0f} MB (the process held {access['rss_before_mb']:.0f} MB "
            f"before), Python allocations peak {access['traced_peak_mb']:.0f} MB",
            flush=True,
        )
    return (
        f"register_scale {backend}: insert {inserted:.1f} s, lookup p50 {p50:.2f} ms "
        f"p95 {p95:.2f} ms, access reply {access['cold_s']:.2f} s, peak RSS "
        f"{access['rss_mb']:.0f} MB"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subjects", type=int, default=1_000_000)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--lookups", type=int, default=2_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--access-reply", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.access_reply:  # the child process of measure()
        print(json.dumps(access_reply(args.access_reply)))
        return 0
    backends = ("sqlite", "postgresql") if args.db == "both" else (args.db,)
    summaries = [measure(backend, args) for backend in backends]
    print("\n".join(summaries))
    return 0


if __name__ == "__main__":
    sys.exit(main())
