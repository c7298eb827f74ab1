"""Benchmark (issue 9): how long a writer waits, from APPEND to mailbot's reply at the SMTP sink.

The daemon (`mailbot run`, a subprocess) waits in IMAP IDLE on a throwaway Dovecot; requests of the
nine kinds are appended one at a time, and each waits for its reply (the message whose In-Reply-To
is the request's Message-ID) at an aiosmtpd sink before the next is appended. A first request,
not counted, makes sure the daemon is up and idling. Goal: p50 under 2 s.

    python bench/latency.py [--requests 100] [--subjects 1000] [--db sqlite|postgresql]

Last line: `latency: p50 A s, p95 B s, max C s over N requests (IDLE)`.
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from email.parser import BytesParser
from pathlib import Path

from common import (
    KINDS,
    DovecotServer,
    SmtpSink,
    bench_database,
    bulk_register,
    mailbot_env,
    new_imap_user,
    percentile,
    signed_request,
    signing_setup,
)

REPLY_TIMEOUT = 150.0  # beyond MAILBOT_POLL_INTERVAL (60 s): a missed IDLE wake-up still ends
SLOW = 5.0  # a reply slower than this is reported on its own line
_headers = BytesParser()


def wait_for_reply(sink: SmtpSink, message_id: str, *, seen: int) -> tuple[float, int]:
    """perf_counter() when a reply to `message_id` was seen at the sink, and how many envelopes
    have been looked at; polls every 2 ms (the sink keeps its own list, in another thread)."""
    deadline = time.perf_counter() + REPLY_TIMEOUT
    while time.perf_counter() < deadline:
        envelopes = sink.envelopes
        for envelope in envelopes[seen:]:
            head = _headers.parsebytes(envelope.data, headersonly=True)
            if str(head.get("In-Reply-To", "")).strip() == message_id:
                return time.perf_counter(), len(envelopes)
        seen = len(envelopes)
        time.sleep(0.002)
    raise SystemExit(f"no reply to {message_id} within {REPLY_TIMEOUT:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--subjects", type=int, default=1000)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    n = args.requests
    print(f"latency bench: {n} requests one at a time, IDLE, {args.db}", flush=True)

    with (
        tempfile.TemporaryDirectory(prefix="mailbot-latency-") as tmp,
        bench_database(args.db) as url,
        DovecotServer() as dovecot,
        SmtpSink() as sink,
    ):
        bulk_register(url, count=args.subjects, echo=False)
        signing = signing_setup(Path(tmp))
        kinds = list(KINDS)
        senders = rng.sample(range(args.subjects), min(args.subjects, n + 1))
        requests = [
            (
                mid := f"<lat-{k}@bench>",
                signed_request(signing, index=who, kind=kinds[k % len(kinds)], message_id=mid),
            )
            for k, who in enumerate(senders)
        ]
        user = new_imap_user(dovecot)
        env = mailbot_env(
            database_url=url, mailbox_url=user.url, smtp_url=sink.url, keys_file=signing.keys_file
        )
        log = (Path(tmp) / "daemon.log").open("wb")
        daemon = subprocess.Popen(
            [sys.executable, "-m", "mailbot", "run"], env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            seen = 0
            warm_id, warm_raw = requests[0]
            user.append(warm_raw)
            _at, seen = wait_for_reply(sink, warm_id, seen=seen)
            time.sleep(0.5)  # the daemon has gone back to IDLE
            latencies: list[float] = []
            for message_id, raw in requests[1:]:
                sent = time.perf_counter()
                user.append(raw)
                arrived, seen = wait_for_reply(sink, message_id, seen=seen)
                latencies.append(arrived - sent)
                if latencies[-1] > SLOW:
                    print(f"slow: {message_id} answered after {latencies[-1]:.1f} s", flush=True)
        finally:
            daemon.send_signal(signal.SIGTERM)
            try:
                daemon.wait(timeout=30)
            except subprocess.TimeoutExpired:
                daemon.kill()
                daemon.wait()
            log.close()
    latencies.sort()
    print(
        f"min {latencies[0]:.3f} s, mean {sum(latencies) / len(latencies):.3f} s, "
        f"p99 {percentile(latencies, 99):.3f} s; {sum(x > SLOW for x in latencies)} over {SLOW:.0f} s"
    )
    print(
        f"latency: p50 {percentile(latencies, 50):.2f} s, p95 {percentile(latencies, 95):.2f} s, "
        f"max {latencies[-1]:.2f} s over {len(latencies)} requests (IDLE)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
