"""Benchmark (issue 8): exactly once under SIGKILL. Kill the daemon at random moments, then count.

Fills a throwaway Dovecot mailbox with signed requests (access, marketing opt-out, erasure) from a
register of as many subjects, runs `mailbot run` (the daemon, a subprocess) and SIGKILLs it after a
random delay at least --kills times, restarting it after each kill; then lets a last daemon finish and
checks what a data subject and the privacy team would see:
- every request has exactly one case;
- every reply mailbot queued arrived at the aiosmtpd sink exactly once (counted by Message-ID, and
  per request by In-Reply-To);
- no message is lost: INBOX is empty and every request is in the done folder.

Replies are claimed (pending -> sending) before the SMTP transaction and marked sent after it; a
kill in between leaves a row in `sending`, which mailbot retries only after
mailbot.outbox.STALE_SENDING (15 minutes). Rather than wait, the bench by default backdates those
claims and runs `mailbot run --once` once more, exactly what would happen 15 minutes later; a row
whose first attempt had reached the server then shows up as a duplicate reply (the documented
at-least-once window). --no-age-stale leaves them stuck, and they count as lost replies instead.

    python bench/crash.py [--requests 300] [--kills 20] [--db sqlite|postgresql] [--seed N]

Last line: `crash: N requests, K kills, lost L, duplicate replies U, duplicate cases C`.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from email import message_from_bytes
from pathlib import Path
from typing import IO

from common import (
    DovecotServer,
    ImapUser,
    SmtpSink,
    address_of,
    append_all,
    bench_database,
    bulk_register,
    mailbot_env,
    new_imap_user,
    signed_request,
    signing_setup,
)
from sqlalchemy import func, update
from sqlmodel import Session, select

from mailbot.db import get_engine
from mailbot.models import Case, OutboxMessage, OutboxStatus, ProcessedMessage, utcnow
from mailbot.outbox import STALE_SENDING

MIX = ("access", "marketing_optout", "erasure")
FINISH_TIMEOUT = 600.0


def _daemon(env: dict[str, str], log: IO[bytes], *, once: bool = False) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "mailbot", "run", *(["--once"] if once else [])]
    return subprocess.Popen(
        command, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT
    )


def _progress(url: str) -> tuple[int, int, int, int]:
    """(messages with an outcome, replies queued, replies sent, replies stuck in sending)."""
    with Session(get_engine(url)) as session:
        done = session.exec(select(func.count()).select_from(ProcessedMessage)).one()
        by_status = dict(
            session.exec(
                select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)  # type: ignore[arg-type]
            ).all()
        )
    queued = sum(by_status.values())
    return (
        int(done),
        int(queued),
        int(by_status.get(OutboxStatus.SENT, 0)),
        int(by_status.get(OutboxStatus.SENDING, 0)),
    )


def _pending(url: str) -> int:
    with Session(get_engine(url)) as session:
        return int(
            session.exec(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.status == OutboxStatus.PENDING)  # type: ignore[arg-type]
            ).one()
        )


def _age_stale_claims(url: str) -> int:
    """Backdate every `sending` claim past STALE_SENDING: the clock moving on 15 minutes."""
    with Session(get_engine(url)) as session:
        result = session.exec(  # type: ignore[call-overload]
            update(OutboxMessage)
            .where(OutboxMessage.status == OutboxStatus.SENDING)  # type: ignore[arg-type]
            .values(claimed_at=utcnow() - STALE_SENDING - timedelta(minutes=1))
        )
        session.commit()
        return int(result.rowcount)


def _message_ids(raws: list[bytes]) -> Counter[str]:
    return Counter(str(message_from_bytes(raw)["Message-ID"]).strip() for raw in raws)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--kills", type=int, default=20, help="SIGKILLs at least (default 20)")
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument(
        "--delivery-kills",
        type=int,
        default=5,
        help="kills, at least, while every message is done and replies are being sent",
    )
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    parser.add_argument("--min-delay", type=float, default=1.5, help="seconds before a kill, min")
    parser.add_argument("--max-delay", type=float, default=4.0, help="seconds before a kill, max")
    parser.add_argument(
        "--no-age-stale",
        action="store_true",
        help="leave replies claimed by a killed worker in `sending` (lost) instead of letting "
        "the 15-minute retry happen",
    )
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
    rng = random.Random(seed)
    n = args.requests
    print(f"crash bench: {n} requests, >= {args.kills} kills, {args.db}, seed {seed}", flush=True)

    with (
        tempfile.TemporaryDirectory(prefix="mailbot-crash-") as tmp,
        DovecotServer() as dovecot,
        SmtpSink() as sink,
        bench_database(args.db) as url,
    ):
        folder = Path(tmp)
        user = new_imap_user(dovecot)
        signing = signing_setup(folder)
        bulk_register(url, count=n, echo=False)
        run_tag = f"{seed:x}"
        requests = {
            f"<crash-{i}.{run_tag}@{address_of(i).rpartition('@')[2]}>": (i, rng.choice(MIX))
            for i in range(n)
        }
        raws = [
            signed_request(signing, index=i, kind=kind, message_id=mid)
            for mid, (i, kind) in requests.items()
        ]
        append_all(dovecot, user.name, raws)
        print(f"appended {n} signed requests: {Counter(k for _i, k in requests.values())}")
        env = mailbot_env(
            database_url=url,
            mailbox_url=user.url,
            smtp_url=sink.url,
            keys_file=signing.keys_file,
            extra={"MAILBOT_POLL_INTERVAL": "5"},
        )
        log_path = folder / "daemon.log"
        with log_path.open("ab") as log:
            kills = delivery_kills = lives = 0
            phases: Counter[str] = Counter()
            started = time.perf_counter()
            # Kills land while messages are processed; once all are, the replies are still being
            # sent, so keep killing until some kills have landed in that phase too.
            while kills < args.kills or (
                delivery_kills < args.delivery_kills and lives < 5 * args.kills
            ):
                done_before = _progress(url)[0]
                delivering = done_before >= n and _pending(url) > 0
                if done_before >= n and not delivering and kills >= args.kills:
                    break  # nothing left to interrupt
                lives += 1
                daemon = _daemon(env, log)
                low, high = (args.min_delay, args.max_delay)
                if delivering:  # start-up (about 1 s) plus a few seconds of sending
                    low, high = 0.9, 2.5
                delay = rng.uniform(low, high)
                try:
                    daemon.wait(timeout=delay)
                except subprocess.TimeoutExpired:
                    daemon.send_signal(signal.SIGKILL)
                    daemon.wait()
                    kills += 1
                    delivery_kills += delivering
                    done, queued, sent, stuck = _progress(url)
                    if done_before < n:
                        phase = "processing" if done > done_before else "starting"
                    else:
                        phase = "delivering" if delivering else "idle"
                    phases[phase] += 1
                    print(
                        f"kill {kills:2d} after {delay:.2f} s ({phase}): {done}/{n} messages done, "
                        f"replies {sent}/{queued} sent, {stuck} left in sending",
                        flush=True,
                    )
                else:
                    print(f"the daemon exited by itself ({daemon.returncode}); see {log_path}:")
                    print(log_path.read_text(errors="replace")[-3000:])
                    return 2
            # let one daemon finish: every message has an outcome and nothing is pending
            daemon = _daemon(env, log)
            deadline = time.monotonic() + FINISH_TIMEOUT
            while time.monotonic() < deadline:
                time.sleep(0.5)
                done, _q, _s, _stuck = _progress(url)
                if done >= n and _pending(url) == 0 and not user.fetch_all("INBOX"):
                    break
                if daemon.poll() is not None:
                    print(f"the last daemon exited ({daemon.returncode}); see {log_path}")
                    return 2
            daemon.send_signal(signal.SIGTERM)
            try:
                daemon.wait(timeout=30)
            except subprocess.TimeoutExpired:
                daemon.kill()
                daemon.wait()
                print("the last daemon ignored SIGTERM for 30 s and was killed")
            elapsed = time.perf_counter() - started
            stuck = _progress(url)[3]
            aged = 0
            if stuck and not args.no_age_stale:
                aged = _age_stale_claims(url)
                once = _daemon(env, log, once=True)
                once.wait(timeout=FINISH_TIMEOUT)
        print(f"kills by what the daemon was doing: {dict(phases)}")
        print(f"finished {elapsed:.1f} s after the first start; {stuck} replies were left in "
              f"`sending` by a kill" + (f", retried after backdating their claim ({aged})" if aged else ""))  # fmt: skip
        time.sleep(1.0)  # the sink's last transactions
        return _report(url=url, requests=requests, user=user, sink=sink, kills=kills)


def _report(
    *, url: str, requests: dict[str, tuple[int, str]], user: ImapUser, sink: SmtpSink, kills: int
) -> int:
    inbox = _message_ids(user.fetch_all("INBOX"))
    done = _message_ids(user.fetch_all("mailbot/done"))
    quarantine = _message_ids(user.fetch_all("mailbot/quarantine"))
    with Session(get_engine(url)) as session:
        cases = session.exec(select(Case.id, Case.message_id)).all()
        outbox = session.exec(
            select(OutboxMessage.message_id, OutboxMessage.case_id, OutboxMessage.status)
        ).all()
    cases_per_request = Counter(str(mid) for _id, mid in cases)
    request_of_case = {case_id: str(mid) for case_id, mid in cases}
    envelopes = [message_from_bytes(e.data) for e in sink.envelopes]
    arrived = Counter(str(m["Message-ID"]).strip() for m in envelopes)
    answered = Counter(str(m["In-Reply-To"]).strip() for m in envelopes if m["In-Reply-To"])
    problems: dict[str, list[str]] = {mid: [] for mid in requests}
    orphans = 0  # queued replies of no request of ours that never arrived
    for message_id, case_id, status in outbox:
        if arrived[message_id]:
            continue
        request = request_of_case.get(case_id) if case_id is not None else None
        if request in problems:
            problems[request].append(f"reply {message_id} ({status}) never arrived")
        else:
            orphans += 1
    for mid in requests:
        if cases_per_request[mid] == 0:
            problems[mid].append("no case")
        if done[mid] != 1:
            problems[mid].append(f"{done[mid]} copies in the done folder")
        if inbox[mid]:
            problems[mid].append("still in INBOX")
        if quarantine[mid]:
            problems[mid].append("quarantined")
        if answered[mid] == 0:
            problems[mid].append("no reply arrived")
    lost = [mid for mid, found in problems.items() if found]
    for mid in lost:
        print(f"  lost {mid}: {'; '.join(problems[mid])}")
    duplicate_replies = sum(count - 1 for count in arrived.values() if count > 1)
    duplicate_cases = sum(count - 1 for count in cases_per_request.values() if count > 1)
    per_request = Counter(answered[mid] for mid in requests)
    print(
        f"cases {len(cases)}, replies queued {len(outbox)}, arrived {sum(arrived.values())} "
        f"({len(arrived)} distinct), requests by replies threaded to them "
        f"{dict(sorted(per_request.items()))}; INBOX {sum(inbox.values())}, done "
        f"{sum(done.values())}, quarantine {sum(quarantine.values())}"
    )
    print(
        f"crash: {len(requests)} requests, {kills} kills, lost {len(lost) + orphans}, "
        f"duplicate replies {duplicate_replies}, duplicate cases {duplicate_cases}"
    )
    return 0 if not lost and not orphans and not duplicate_cases else 1


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
    sys.exit(130)
