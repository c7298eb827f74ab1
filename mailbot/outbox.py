"""The `outbox` stage: replies are stored with the outcome they report, then delivered.

A reply row is written in the same transaction as the case outcome, so a crash can never leave an
outcome without its reply or a reply without its outcome. Delivery claims each row with one atomic
UPDATE (pending -> sending), so two workers never send the same row; a failure puts it back to pending
with a growing delay, and a permanent SMTP refusal marks it failed for staff to see.

Transports: smtp:// (STARTTLS when the server offers it), smtps://, and maildir:///path, which writes
replies into a Maildir instead of sending them (the demo does this).
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import dkim
from sqlalchemy import bindparam, func, insert, or_, update
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, select

from mailbot.db import get_engine
from mailbot.mailbox import append_maildir
from mailbot.models import Case, OutboxMessage, OutboxStatus, utcnow
from mailbot.reply import Rendered, email_bytes
from mailbot.settings import Settings, SettingsError, url_parts

MAX_ATTEMPTS = 10


class TransportError(Exception):
    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class Transport(Protocol):
    def send(self, *, sender: str, recipient: str, data: bytes) -> None: ...

    def close(self) -> None: ...


class MaildirTransport:
    def __init__(self, path: Path) -> None:
        self.path = path

    def send(self, *, sender: str, recipient: str, data: bytes) -> None:
        envelope = f"Return-Path: <{sender}>\r\nDelivered-To: {recipient}\r\n".encode()
        append_maildir(self.path, envelope + data)

    def close(self) -> None:
        pass


class SmtpTransport:
    """One SMTP connection reused for every reply of a delivery round."""

    def __init__(self, url: str, *, timeout: float = 30.0) -> None:
        scheme, host, port, user, password, _ = url_parts(url)
        self._scheme, self._host, self._user, self._password = scheme, host, user, password
        self._port = port or (465 if scheme == "smtps" else 25)
        self._timeout = timeout
        self._conn: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        if self._conn is not None:
            return self._conn
        try:
            if self._scheme == "smtps":
                conn: smtplib.SMTP = smtplib.SMTP_SSL(
                    self._host,
                    self._port,
                    timeout=self._timeout,
                    context=ssl.create_default_context(),
                )
            else:
                conn = smtplib.SMTP(self._host, self._port, timeout=self._timeout)
                conn.ehlo()
                if conn.has_extn("starttls"):
                    conn.starttls(context=ssl.create_default_context())
                    conn.ehlo()
            if self._user:
                conn.login(self._user, self._password)
        except (OSError, smtplib.SMTPException) as exc:
            raise TransportError(f"smtp {self._host}:{self._port}: {exc}") from exc
        self._conn = conn
        return conn

    def send(self, *, sender: str, recipient: str, data: bytes) -> None:
        conn = self._connect()
        try:
            refused = conn.sendmail(sender, [recipient], data)
        except smtplib.SMTPRecipientsRefused as exc:
            code = next(iter(exc.recipients.values()))[0]
            raise TransportError(
                f"recipient refused: {exc.recipients}", permanent=code >= 500
            ) from exc
        except smtplib.SMTPResponseException as exc:
            self.close()
            raise TransportError(
                f"smtp said {exc.smtp_code} {exc.smtp_error!r}", permanent=exc.smtp_code >= 500
            ) from exc
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            raise TransportError(f"smtp: {exc}") from exc
        if refused:
            raise TransportError(f"recipient refused: {refused}")

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.quit()
            except (OSError, smtplib.SMTPException):
                conn.close()


def open_transport(url: str) -> Transport:
    scheme, *_rest, path = url_parts(url)
    if scheme == "maildir":
        return MaildirTransport(Path(path))
    return SmtpTransport(url)


def queue_reply(
    session: Session,
    *,
    case: Case | None,
    kind: str,
    raw: bytes,
    to: str,
    message_id: str,
    signer: Signer | None = None,
) -> None:
    """Store a reply for delivery (DKIM-signed when a key is set); committed with its outcome.
    One plain INSERT: the row is never read back in this transaction, so no ORM object is kept."""
    row = {
        "case_id": case.id if case else None,
        "kind": kind,
        "to_address": to,
        "message_id": message_id,
        "raw": signer.sign(raw) if signer else raw,
        "status": OutboxStatus.PENDING,
        "attempts": 0,
        "created_at": utcnow(),
    }
    session.execute(_INSERT_OUTBOX, [row])


_INSERT_OUTBOX = insert(OutboxMessage.__table__)  # type: ignore[attr-defined]


@dataclass
class DeliveryReport:
    sent: int = 0
    deferred: int = 0
    failed: int = 0

    def add(self, other: DeliveryReport) -> None:
        self.sent += other.sent
        self.deferred += other.deferred
        self.failed += other.failed


STALE_SENDING = timedelta(minutes=15)
# replies anyone can cause by writing in, proven or not: these are capped and go last
UNTRUSTED_KINDS = ("confirm_identity", "unknown_sender", "staff_notice")


def deliver_pending(
    *,
    database_url: str,
    transport: Transport,
    sender: str,
    limit: int = 100_000,
    hourly_cap: int | None = None,
) -> DeliveryReport:
    """Send what waits in the outbox, in rounds, until nothing is due; each row goes out once.

    Rows are claimed a round at a time with one atomic UPDATE (pending -> sending), so two
    workers never send the same row; each send is then recorded in its own commit, keeping the
    window small. At most `hourly_cap` untrusted replies (UNTRUSTED_KINDS) leave in any hour.
    A row left in `sending` by a worker that died mid-send is retried after STALE_SENDING: the one
    case where a reply may go out twice (the server took it, the worker died before recording it).
    """
    engine = get_engine(database_url)
    report = DeliveryReport()
    with Session(engine) as session:
        session.exec(  # type: ignore[call-overload]
            update(OutboxMessage)
            .where(OutboxMessage.status == OutboxStatus.SENDING)  # type: ignore[arg-type]
            .where(OutboxMessage.claimed_at < utcnow() - STALE_SENDING)  # type: ignore[operator]
            .values(status=OutboxStatus.PENDING)
        )
        session.commit()
    started = utcnow()
    try:
        one_writer = engine.dialect.name == "sqlite"
        with Session(engine) as session, Session(get_engine(database_url, relaxed=True)) as marks:
            while report.sent + report.deferred + report.failed < limit:
                claimed = _claim_round(session, started, min(ROUND, limit), hourly_cap)
                rows = session.exec(
                    select(
                        OutboxMessage.id,
                        OutboxMessage.to_address,
                        OutboxMessage.raw,
                        OutboxMessage.attempts,
                    )
                    .where(OutboxMessage.id.in_(claimed))  # type: ignore[union-attr]
                    .order_by(OutboxMessage.id)  # type: ignore[arg-type]
                ).all()
                session.commit()
                if not rows:
                    break
                for row_id, to_address, raw, attempts in rows:
                    # SQLite has one writer: its write lock first, so the mark after the send
                    # never waits behind another transaction (the courier runs beside the
                    # processing) and the window in which a kill leaves a sent reply unmarked
                    # stays one commit (PostgreSQL locks rows: the mark waits for nobody)
                    if one_writer:
                        marks.connection().execute(_HOLD, {"row_id": row_id})
                    values = _send_one(transport, sender, to_address, raw, attempts, report)
                    # each send recorded at once (the duplicate window stays one row), without
                    # waiting for the disk: a mark lost to a power cut (never to a crash of
                    # mailbot) only puts the reply back in the window STALE_SENDING documents. The
                    # claim's commit above is durable, and with it every reply it claimed.
                    _record_send(marks, {"row_id": row_id, **values})
    finally:
        transport.close()
    return report


ROUND = 50  # rows claimed per round: what a killed worker leaves in `sending` for STALE_SENDING


def _claim_round(session: Session, now: datetime, size: int, hourly_cap: int | None) -> list[int]:
    """Claim the next due rows: answers to proven subjects first and uncapped; what anyone can
    trigger by writing in (confirmation codes, replies to strangers, staff notices) shares the
    hourly cap, so a flood of forged letters can neither crowd out real answers nor make mailbot a
    mail cannon."""
    due = or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now)  # type: ignore[union-attr,operator]
    pending = (
        select(OutboxMessage.id).where(OutboxMessage.status == OutboxStatus.PENDING).where(due)
    )
    untrusted = OutboxMessage.kind.in_(UNTRUSTED_KINDS)  # type: ignore[attr-defined]
    ids = list(session.exec(pending.where(~untrusted).order_by(OutboxMessage.id).limit(size)).all())  # type: ignore[arg-type]
    room = size - len(ids)
    if hourly_cap is not None and room > 0:
        gone = session.exec(
            select(func.count())
            .select_from(OutboxMessage)
            .where(untrusted)
            .where(
                or_(
                    OutboxMessage.sent_at >= now - timedelta(hours=1),
                    OutboxMessage.status == OutboxStatus.SENDING,
                )
            )  # type: ignore[operator]
        ).one()
        room = min(room, max(0, hourly_cap - int(gone)))
    if room > 0:
        ids += session.exec(pending.where(untrusted).order_by(OutboxMessage.id).limit(room)).all()  # type: ignore[arg-type]
    if not ids:
        return []
    claimed = session.exec(  # type: ignore[call-overload]
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(ids))  # type: ignore[union-attr]
        .where(OutboxMessage.status == OutboxStatus.PENDING)  # type: ignore[arg-type]
        .values(
            status=OutboxStatus.SENDING, attempts=OutboxMessage.attempts + 1, claimed_at=utcnow()
        )
        .returning(OutboxMessage.id)
    ).all()
    session.commit()
    return [row[0] for row in claimed]  # what another worker claimed first is not in here


def _send_one(
    transport: Transport, sender: str, to: str, raw: bytes, attempts: int, report: DeliveryReport
) -> dict[str, Any]:
    try:
        transport.send(sender=sender, recipient=to, data=raw)
    except TransportError as exc:
        if exc.permanent or attempts >= MAX_ATTEMPTS:
            report.failed += 1
            return {
                "status": OutboxStatus.FAILED,
                "sent_at": None,
                "last_error": str(exc),
                "next_attempt_at": None,
            }
        report.deferred += 1
        delay = timedelta(seconds=min(3600, 30 * 2**attempts))
        return {
            "status": OutboxStatus.PENDING,
            "sent_at": None,
            "last_error": str(exc),
            "next_attempt_at": utcnow() + delay,
        }
    report.sent += 1
    return {
        "status": OutboxStatus.SENT,
        "sent_at": utcnow(),
        "last_error": None,
        "next_attempt_at": None,
    }


def _record_send(marks: Session, values: dict[str, Any]) -> None:
    """The send's mark; written again on a new connection if the held one was lost (the database
    restarted during the send): a mark lost would send the reply a second time later."""
    try:
        marks.connection().execute(_MARK, values)
        marks.commit()
    except DBAPIError as exc:
        marks.rollback()
        if not exc.connection_invalidated:
            raise
        marks.connection().execute(_MARK, values)
        marks.commit()


_HOLD = (  # a write that changes nothing: it takes the write lock before the send
    update(OutboxMessage)
    .where(OutboxMessage.id == bindparam("row_id"))  # type: ignore[arg-type]
    .values(attempts=OutboxMessage.attempts)
)
# Built once, every column a send decides given each time (a statement per reply built anew costs
# more than running it)
_MARK = (
    update(OutboxMessage)
    .where(OutboxMessage.id == bindparam("row_id"))  # type: ignore[arg-type]
    .values(
        status=bindparam("status"),
        sent_at=bindparam("sent_at"),
        last_error=bindparam("last_error"),
        next_attempt_at=bindparam("next_attempt_at"),
    )
)


def queue_rendered(
    session: Session,
    *,
    settings: Settings,
    case: Case | None,
    rendered: Rendered,
    to: str,
    in_reply_to: str | None,
    references: list[str],
    actor: str = "mailbot",
) -> str | None:
    """Build the reply email and store it for delivery, with an audit line for the case; its
    Message-ID, or None when the per-address hourly cap holds it back (recorded in the audit)."""
    from mailbot.case import audit

    raw, message_id = email_bytes(
        rendered,
        to=to,
        sender=settings.controller_address or "privacy@localhost",
        sender_name=settings.controller_name,
        case_ref=case.ref if case else None,
        in_reply_to=in_reply_to,
        references=references,
    )
    if (
        rendered.kind in UNTRUSTED_KINDS
        and _recent_replies(session, to) >= settings.replies_per_address_per_hour
    ):
        # a flood to one address is a loop or abuse: hold it for a person instead of sending
        audit(
            session,
            case,
            f"reply:{rendered.kind}:held",
            {"to": to, "why": "per-address hourly cap"},
            actor=actor,
        )
        return None
    queue_reply(
        session,
        case=case,
        kind=rendered.kind,
        raw=raw,
        to=to,
        message_id=message_id,
        signer=signer_for(settings),
    )
    audit(
        session,
        case,
        f"reply:{rendered.kind}",
        {"to": to, "language": rendered.language},
        actor=actor,
    )
    return message_id


def _recent_replies(session: Session, to: str) -> int:
    """Untrusted replies queued to one address in the last hour (answers to proven requests do
    not count: forged letters must not use up a subject's allowance)."""
    since = utcnow() - timedelta(hours=1)
    return int(session.execute(_RECENT_REPLIES, {"to": to, "since": since}).scalar_one())


# Built once: every staff notice, confirmation request and reply to a stranger counts these
# (building the statement and its cache key cost twice what running it does)
_RECENT_REPLIES = (
    select(func.count())
    .select_from(OutboxMessage)
    .where(OutboxMessage.to_address == bindparam("to"))
    .where(OutboxMessage.kind.in_(UNTRUSTED_KINDS))  # type: ignore[attr-defined]
    .where(OutboxMessage.created_at >= bindparam("since"))  # type: ignore[operator]
)


@dataclass(frozen=True)
class Signer:
    """DKIM-signs replies with the controller's key (dkimpy), so receivers can trust them."""

    key: bytes
    selector: str
    domain: str
    algorithm: bytes

    def sign(self, data: bytes) -> bytes:
        header = dkim.sign(
            data, self.selector.encode(), self.domain.encode(), self.key,
            canonicalize=(b"relaxed", b"relaxed"), signature_algorithm=self.algorithm,
            include_headers=SIGNED_HEADERS,
        )  # fmt: skip
        return header + data


SIGNED_HEADERS = [
    b"from", b"to", b"subject", b"date", b"message-id", b"in-reply-to", b"references",
    b"auto-submitted", b"content-type", b"mime-version", b"x-mailbot-case",
]  # fmt: skip


@cache
def _load_signer(path: Path, selector: str, domain: str) -> Signer:
    key = path.read_bytes().strip()
    algorithm = b"rsa-sha256" if b"PRIVATE KEY" in key else b"ed25519-sha256"
    return Signer(key=key, selector=selector, domain=domain, algorithm=algorithm)


def signer_for(settings: Settings) -> Signer | None:
    if settings.dkim_sign_key_file is None:
        return None
    domain = settings.dkim_sign_domain or (settings.controller_address or "").rpartition("@")[2]
    try:
        return _load_signer(settings.dkim_sign_key_file, settings.dkim_sign_selector, domain)
    except OSError as exc:
        raise SettingsError(
            f"MAILBOT_DKIM_SIGN_KEY_FILE: cannot read {settings.dkim_sign_key_file}: {exc.strerror}"
        ) from None
