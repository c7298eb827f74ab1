"""Benchmark (issue 9): the whole pipeline's rate next to the floor the mail server and DKIM set.

One run: a register of --subjects subjects (bulk insert after `mailbot.db.migrate`), --messages
DKIM-signed requests of the nine kinds from random subjects appended to a throwaway Dovecot with
MULTIAPPEND, then
(a) the floor: the same messages fetched in batches of 100 with BODY.PEEK[], parsed with
    mailbot.message.parse_message and DKIM-verified with mailbot.identity.verify_identity (keys
    file, no DNS), nothing else;
(b) the pipeline: `mailbot run --once` (a subprocess, start-up included) until every reply is
    delivered at an aiosmtpd sink.
The ratio is pipeline rate / floor rate (goal 0.5 or more). Peak RSS is the `run --once` process's.

    python bench/throughput.py [--subjects 100000] [--messages 2000] [--db sqlite|postgresql]
                               [--profile FILE.prof]

--profile runs the pipeline under cProfile (slower: its figures are then not the benchmark's) and
prints mailbot's own functions by self time. Last line:
`throughput: pipeline P msg/s, floor F msg/s, ratio R, peak RSS M MB`.
"""

from __future__ import annotations

import argparse
import pstats
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from common import (
    KINDS,
    ROOT,
    DovecotServer,
    SmtpSink,
    address_of,
    append_all,
    bench_database,
    bulk_register,
    mailbot_env,
    new_imap_user,
    peak_rss_mb,
    sample,
    signed_request,
    signing_setup,
)
from sqlalchemy import func
from sqlmodel import Session, select

from mailbot.db import get_engine
from mailbot.identity import IdentitySettings, verify_identity
from mailbot.message import parse_message
from mailbot.models import Case, OutboxMessage, OutboxStatus, ProcessedMessage

FETCH_BATCH = 100
CPU_SECONDS: list[float] = []  # user + system seconds of each `run --once` (threads included)


def floor(dovecot: DovecotServer, user: str, keys_file: Path, ids: dict[str, int]) -> float:
    """Seconds to fetch, parse and verify every message of INBOX; the mailbox is left untouched."""
    settings = IdentitySettings(keys_file=keys_file, use_dns=False)
    verdicts: Counter[str] = Counter()
    started = time.perf_counter()
    with dovecot.client(user, timeout=120) as conn:
        conn.select_folder("INBOX", readonly=True)
        uids = sorted(conn.search(["ALL"]))
        for start in range(0, len(uids), FETCH_BATCH):
            batch = uids[start : start + FETCH_BATCH]
            for uid, item in sorted(conn.fetch(batch, ["BODY.PEEK[]"]).items()):
                del uid
                raw = bytes(item[b"BODY[]"])
                parse_message(raw)
                verdicts[verify_identity(raw, lookup=ids.get, settings=settings).verdict] += 1
    seconds = time.perf_counter() - started
    if verdicts["verified"] != len(uids):
        raise SystemExit(f"floor: expected every message verified, got {dict(verdicts)}")
    return seconds


def run_once(
    env: dict[str, str], *, profile: Path | None, spy_file: Path | None = None, workers: int = 1
) -> tuple[float, str]:
    """Seconds `mailbot run --once` took (`workers` of them at once, PostgreSQL: until the last
    ended), and their output; exits the bench if one failed."""
    prefix = [sys.executable, *(["-m", "cProfile", "-o", str(profile)] if profile else [])]
    if spy_file:  # py-spy samples from outside: the figures stay close to the unprofiled ones
        spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
        prefix = [
            spy,
            "record",
            "--format",
            "raw",
            "--rate",
            "200",
            "-o",
            str(spy_file),
            "--",
            *prefix,
        ]
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    procs = [
        subprocess.Popen(
            [*prefix, "-m", "mailbot", "run", "--once"]
            if k == 0
            else [sys.executable, "-m", "mailbot", "run", "--once"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for k in range(workers)
    ]
    outputs = [proc.communicate(timeout=3600)[0] for proc in procs]
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_SECONDS.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    for proc, output in zip(procs, outputs, strict=True):
        if proc.returncode != 0:
            raise SystemExit(f"mailbot run --once failed ({proc.returncode}):\n{output[-3000:]}")
    return seconds, "".join(outputs)


def _pending(url: str) -> int:
    with Session(get_engine(url)) as session:
        return int(
            session.exec(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.status == OutboxStatus.PENDING)  # type: ignore[arg-type]
            ).one()
        )


def print_profile(path: Path, *, top: int = 20) -> None:
    """mailbot's own functions by self time, then everything's, from a cProfile file."""
    stats = pstats.Stats(str(path))
    rows = stats.stats  # type: ignore[attr-defined]
    total = sum(row[2] for row in rows.values()) or 1.0
    package = str(ROOT / "mailbot")
    ranked = sorted(rows.items(), key=lambda item: item[1][2], reverse=True)
    for title, keep in (
        ("mailbot's own functions by self time", lambda f: f.startswith(package)),
        ("all functions by self time", lambda _f: True),
    ):
        print(f"{title} (of {total:.1f} s profiled):")
        shown = 0
        for (file, line, name), (_cc, calls, tottime, cumtime, _callers) in ranked:
            if not keep(file):
                continue
            where = file.removeprefix(str(ROOT) + "/")
            print(
                f"  {tottime:7.2f} s self {cumtime:7.2f} s cum {100 * tottime / total:5.1f}% "
                f"{calls:>8} calls  {where}:{line} {name}"
            )
            shown += 1
            if shown >= top:
                break


def print_samples(path: Path, *, top: int = 25) -> None:
    """Share of py-spy's samples in each of mailbot's functions (inclusive), from collapsed stacks."""
    inclusive: Counter[str] = Counter()
    total = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        stack, _sep, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        total += int(count)
        # "function (path:line)" -> "function (path)": one row per function, not per line
        names = {re.sub(r":\d+\)$", ")", f) for f in stack.split(";") if "mailbot/" in f}
        for frame in names:
            inclusive[frame] += int(count)
    print(f"mailbot's functions by share of {total:,} samples (inclusive):")
    for frame, count in inclusive.most_common(top):
        print(f"  {100 * count / max(total, 1):5.1f}%  {frame}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subjects", type=int, default=100_000)
    parser.add_argument("--messages", type=int, default=2_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--profile", type=Path, default=None, help="cProfile output file")
    parser.add_argument(
        "--sample", type=Path, default=None, help="py-spy collapsed stacks (pip install py-spy)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="`run --once` processes at once, sharing the mailbox (PostgreSQL only)",
    )
    args = parser.parse_args(argv)
    if args.workers > 1 and args.db != "postgresql":
        parser.error("--workers above 1 needs --db postgresql (SQLite: one worker)")
    rng = random.Random(args.seed)
    n = args.messages
    print(f"throughput bench: {args.subjects:,} subjects, {n:,} messages, {args.db}", flush=True)

    with (
        tempfile.TemporaryDirectory(prefix="mailbot-throughput-") as tmp,
        bench_database(args.db) as url,
        DovecotServer() as dovecot,
        SmtpSink() as sink,
    ):
        migrated, inserted = bulk_register(url, count=args.subjects)
        print(f"register: migrate {migrated:.1f} s, bulk insert {inserted:.1f} s", flush=True)
        signing = signing_setup(Path(tmp))
        senders = sample(rng, args.subjects, n)
        kinds = [list(KINDS)[i % len(KINDS)] for i in range(n)]
        rng.shuffle(kinds)
        started = time.perf_counter()
        raws = [
            signed_request(signing, index=who, kind=kind, message_id=f"<tp-{k}.{who}@bench>")
            for k, (who, kind) in enumerate(zip(senders, kinds, strict=True))
        ]
        signed = time.perf_counter() - started
        user = new_imap_user(dovecot)
        env = mailbot_env(
            database_url=url, mailbox_url=user.url, smtp_url=sink.url, keys_file=signing.keys_file
        )
        startup, _out = run_once(env, profile=None)  # an empty INBOX: start-up and one poll
        appended = append_all(dovecot, user.name, raws)
        size = sum(len(r) for r in raws) / n
        print(
            f"mail: {n:,} signed in {signed:.1f} s, appended in {appended:.1f} s "
            f"({n / appended:,.0f}/s), {size:,.0f} bytes each; `run --once` on an empty INBOX "
            f"takes {startup:.2f} s",
            flush=True,
        )

        ids = {address_of(who): who + 1 for who in senders}
        floor_seconds = floor(dovecot, user.name, signing.keys_file, ids)
        floor_rate = n / floor_seconds
        print(f"floor: fetch + parse + verify {n:,} in {floor_seconds:.2f} s", flush=True)

        # `run --once` sends at most mailbot.outbox.deliver_pending's limit (1,000) replies a
        # round; what is left waits for the next round, so the bench runs rounds until every reply
        # has left (each round's start-up counted: that is what cron would see).
        CPU_SECONDS.clear()  # the empty-INBOX run above is not the pipeline's
        pipeline_seconds, output = run_once(
            env, profile=args.profile, spy_file=args.sample, workers=args.workers
        )
        rounds = 1
        while _pending(url) and rounds < 20:
            seconds, output = run_once(env, profile=None, workers=args.workers)
            pipeline_seconds += seconds
            rounds += 1
        rss = peak_rss_mb(children=True)
        with Session(get_engine(url)) as session:
            processed = session.exec(select(func.count()).select_from(ProcessedMessage)).one()
            cases = session.exec(select(func.count()).select_from(Case)).one()
            statuses = dict(
                session.exec(
                    select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)  # type: ignore[arg-type]
                ).all()
            )
            case_statuses = dict(
                session.exec(select(Case.status, func.count()).group_by(Case.status)).all()  # type: ignore[arg-type]
            )
        get_engine(url).dispose()
        delivered = len(sink.envelopes)
        pipeline_rate = n / pipeline_seconds
        print(
            f"pipeline: {processed:,} messages done, {cases:,} cases "
            f"{ {str(k): v for k, v in case_statuses.items()} }, replies { {str(k): v for k, v in statuses.items()} }, "
            f"{delivered:,} arrived at the sink, in {pipeline_seconds:.2f} s "
            f"({rounds} round{'s' if rounds > 1 else ''} of `run --once`); its CPU time "
            f"{sum(CPU_SECONDS):.2f} s ({100 * sum(CPU_SECONDS) / pipeline_seconds:.0f}% of the "
            "wall clock; over 100%: two threads busy at once)",
            flush=True,
        )
        if processed != n or statuses.get(OutboxStatus.SENT, 0) != delivered:
            print(output[-3000:])
            raise SystemExit("pipeline: not every message was processed and answered")
        if args.sample:
            print_samples(args.sample)
        if args.profile:
            print_profile(args.profile)
            print("(profiled run: the pipeline figure below includes cProfile's overhead)")
    print(
        f"throughput: pipeline {pipeline_rate:,.1f} msg/s, floor {floor_rate:,.1f} msg/s, "
        f"ratio {pipeline_rate / floor_rate:.2f}, peak RSS {rss:,.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
