"""Shared helpers of the benchmarks: real servers, a fast bulk register, signed requests, figures.

Every benchmark here drives genuine servers on 127.0.0.1 (a throwaway Dovecot and an aiosmtpd sink
from tests/servers.py, the local PostgreSQL or a SQLite file) and mailbot's real code, so that the
figures mean what a deployment would see. Nothing in this module measures anything by itself.
"""

from __future__ import annotations

import contextlib
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# tests/ holds the server helpers and the DKIM signers the tests use; the benchmarks reuse them
# instead of keeping a second copy that could drift from what the tests prove.
if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))

from identity_mail import TestKey, dkimpy_sign, key_line, message, rsa_key  # noqa: E402
from servers import DovecotServer, ImapUser, SmtpSink, new_imap_user  # noqa: E402
from sqlalchemy import create_engine, insert, text  # noqa: E402

from mailbot.db import migrate  # noqa: E402
from mailbot.models import Subject, SubjectEmail  # noqa: E402

__all__ = [
    "CONTROLLER",
    "DOMAINS",
    "KINDS",
    "ROOT",
    "DovecotServer",
    "ImapUser",
    "Signing",
    "SmtpSink",
    "address_of",
    "append_all",
    "bench_database",
    "bulk_register",
    "mailbot_env",
    "new_imap_user",
    "peak_rss_mb",
    "percentile",
    "remember_engine",
    "sample",
    "signed_request",
    "signing_setup",
]

CONTROLLER = "tietosuoja@rekisteri.fi"
PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
# Only databases this module named are ever dropped, so a slip cannot drop someone else's.
PG_PREFIX = "bench_"
# Subjects are spread over a few sender domains, each with a key-file line, as real mail would be.
DOMAINS = tuple(f"asiakas{n}.fi" for n in range(8))

# One short letter per right (written for these benchmarks); each classifies as its right alone.
KINDS: dict[str, tuple[str, str]] = {
    "access": (
        "Copy of my data",
        "I would like a copy of all the personal data you hold about me, under Article 15 "
        "of the GDPR.",
    ),
    "portability": (
        "Data export",
        "Please send me the personal data I have provided to you in a machine-readable format "
        "so that I can move it to another service (data portability, Article 20).",
    ),
    "rectification": (
        "Wrong phone number",
        "My phone number in your records is wrong. Please correct it to +358 40 123 4567.",
    ),
    "erasure": (
        "Delete my data",
        "Please erase all personal data you hold about me (right to be forgotten, Article 17).",
    ),
    "restriction": (
        "Restrict processing",
        "I ask you to restrict the processing of my personal data until the accuracy of my "
        "address has been checked (Article 18).",
    ),
    "objection": (
        "Objection",
        "I object to the processing of my personal data based on your legitimate interests "
        "(Article 21(1)).",
    ),
    "marketing_optout": (
        "No more marketing",
        "Please stop sending me any direct marketing and advertising. I forbid the use of my "
        "data for direct marketing.",
    ),
    "publication_optout": (
        "Leave me out of lists",
        "I forbid you to publish my details in any customer lists or to disclose them for "
        "mailing labels.",
    ),
    "consent_withdrawal": (
        "Withdrawing consent",
        "I withdraw my consent to the processing of my personal data for the newsletter.",
    ),
}


def address_of(index: int) -> str:
    """The register address of subject number `index` (already in normalised form)."""
    return f"person{index}@{DOMAINS[index % len(DOMAINS)]}"


# --------------------------------------------------------------------------------- databases


@contextlib.contextmanager
def bench_database(backend: str, *, keep: bool = False) -> Iterator[str]:
    """A fresh empty database: a SQLite file in a temporary folder or a PostgreSQL database named
    bench_<hex>; yields its URL and removes it afterwards (unless `keep`)."""
    if backend == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="mailbot-bench-"))
        try:
            yield f"sqlite:///{folder / 'mailbot.db'}"
        finally:
            if not keep:
                for file in folder.iterdir():
                    file.unlink()
                folder.rmdir()
        return
    if backend != "postgresql":
        raise ValueError(f"unknown backend {backend!r}: sqlite or postgresql")
    name = f"{PG_PREFIX}{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        if not keep:
            _drop_pg(admin, name)
        admin.dispose()


def _drop_pg(admin: Any, name: str) -> None:
    if not name.startswith(PG_PREFIX):
        raise ValueError(f"refusing to drop {name!r}: not a benchmark database")
    from mailbot.db import get_engine

    # mailbot's cached engines in this process still hold pooled sessions: close them first
    for url in list(_engines_seen):
        if url.endswith(f"/{name}"):
            get_engine(url).dispose()
    with admin.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :name AND pid <> pg_backend_pid()"
            ),
            {"name": name},
        )
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))


_engines_seen: set[str] = set()


def remember_engine(url: str) -> None:
    """Note that mailbot.db.get_engine(url) was used here, so the drop can dispose of it."""
    _engines_seen.add(url)


def bulk_register(
    url: str, *, count: int, batch: int = 20_000, echo: bool = True
) -> tuple[float, float]:
    """Migrate a fresh database and fill it with `count` subjects (one address each) by bulk insert
    with SQLAlchemy core; returns (seconds to migrate, seconds to insert).

    Subject ids are 1..count, so subject number i (address_of(i)) has id i + 1."""
    started = time.perf_counter()
    migrate(url)
    remember_engine(url)
    migrated = time.perf_counter()
    engine = create_engine(url)
    now = datetime.now(UTC)
    subjects = Subject.__table__  # type: ignore[attr-defined]
    emails = SubjectEmail.__table__  # type: ignore[attr-defined]
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            # one bulk load into a fresh file: no fsync per page (the file is thrown away on failure)
            conn.exec_driver_sql("PRAGMA synchronous=OFF")
        for start in range(0, count, batch):
            rows = range(start, min(count, start + batch))
            conn.execute(
                insert(subjects),
                [
                    {
                        "id": i + 1,
                        "ref": f"C-{i:07d}",
                        "first_name": f"Etu{i % 997}",
                        "last_name": f"Suku{i % 1009}",
                        "organisation": f"Yritys {i % 5003} Oy",
                        "preferred_language": ("fi", "sv", "en")[i % 3],
                        "is_company_contact": False,
                        "debt_collection": False,
                        "credit_application": False,
                        "restricted": False,
                        "publication_optout": False,
                        "created_at": now,
                        "updated_at": now,
                    }
                    for i in rows
                ],
            )
            conn.execute(
                insert(emails),
                [
                    {"id": i + 1, "subject_id": i + 1, "address": address_of(i), "is_primary": True}
                    for i in rows
                ],
            )
            if echo and (start // batch) % 10 == 9:
                print(f"  ... {start + batch:,} subjects", flush=True)
        if engine.dialect.name == "postgresql":
            # explicit ids leave the sequences behind; later ordinary inserts must not collide
            conn.execute(
                text("SELECT setval(pg_get_serial_sequence('subject', 'id'), max(id)) FROM subject")
            )
            conn.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence('subject_email', 'id'), max(id)) "
                    "FROM subject_email"
                )
            )
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))
    engine.dispose()
    return migrated - started, time.perf_counter() - migrated


# ------------------------------------------------------------------------------------- mail


@dataclass(frozen=True)
class Signing:
    """The senders' DKIM key and the MAILBOT_DKIM_KEYS_FILE publishing it for every domain."""

    key: TestKey
    keys_file: Path


def signing_setup(folder: Path) -> Signing:
    """A 2048-bit RSA key (what most senders use) and a keys file for DOMAINS."""
    key = rsa_key(2048)
    keys_file = folder / "dkim-keys.txt"
    keys_file.write_text(
        "\n".join(key_line("sel", domain, key) for domain in DOMAINS) + "\n", encoding="utf-8"
    )
    return Signing(key=key, keys_file=keys_file)


def signed_request(signing: Signing, *, index: int, kind: str, message_id: str) -> bytes:
    """A DKIM-signed request of `kind` (a key of KINDS) from subject number `index`."""
    subject, sentence = KINDS[kind]
    sender = address_of(index)
    raw = message(
        from_=f"Etu{index % 997} Suku{index % 1009} <{sender}>",
        to=CONTROLLER,
        subject=subject,
        body=f"Hello,\n\n{sentence}\n\nBest regards\nEtu{index % 997}\n",
        message_id=message_id,
        date="Mon, 03 Mar 2025 10:00:00 +0200",
    )
    return dkimpy_sign(raw, key=signing.key, domain=sender.rpartition("@")[2])


def append_all(
    server: DovecotServer, user: str, raws: Sequence[bytes], *, batch: int = 200
) -> float:
    """MULTIAPPEND every message to INBOX in batches; returns the seconds it took."""
    started = time.perf_counter()
    with server.client(user, timeout=120) as conn:
        for start in range(0, len(raws), batch):
            conn.multiappend("INBOX", list(raws[start : start + batch]))
    return time.perf_counter() - started


def mailbot_env(
    *,
    database_url: str,
    mailbox_url: str,
    smtp_url: str,
    keys_file: Path,
    extra: dict[str, str] | None = None,
) -> dict[str, str]:
    """The environment of a `mailbot run` subprocess: this one without any MAILBOT_* of the
    caller's, plus the benchmark's servers, the keys file, no DNS and caps out of the way."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILBOT_")}
    env.update(
        {
            "MAILBOT_DATABASE_URL": database_url,
            "MAILBOT_MAILBOX_URL": mailbox_url,
            "MAILBOT_SMTP_URL": smtp_url,
            "MAILBOT_CONTROLLER_ADDRESS": CONTROLLER,
            "MAILBOT_DKIM_KEYS_FILE": str(keys_file),
            "MAILBOT_DNS": "false",
            "MAILBOT_REPLIES_PER_HOUR": "1000000",
            "MAILBOT_REPLIES_PER_ADDRESS_PER_HOUR": "1000",
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(extra or {})
    return env


# ----------------------------------------------------------------------------------- figures


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0-100), interpolated between the closest ranks."""
    if not values:
        raise ValueError("no values")
    if len(values) == 1:
        return float(values[0])
    return float(statistics.quantiles(values, n=100, method="inclusive")[max(0, int(p) - 1)])


def peak_rss_mb(*, children: bool = True) -> float:
    """Peak resident set size in MB of this process, or of the largest waited-for child."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def sample(rng: random.Random, population: int, k: int) -> list[int]:
    """k distinct indexes below `population` (with repeats once k exceeds it)."""
    if k <= population:
        return rng.sample(range(population), k)
    return [rng.randrange(population) for _ in range(k)]
