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
from datetime import timedelta
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from typing import Protocol

from sqlalchemy import or_, update
from sqlmodel import Session, select

from mailbot.db import get_engine
from mailbot.mailbox import append_maildir
from mailbot.models import Case, OutboxMessage, OutboxStatus, utcnow
from mailbot.reply import Rendered, build_email
from mailbot.settings import Settings, url_parts

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
    session: Session, *, case: Case | None, kind: str, message: EmailMessage
) -> OutboxMessage:
    """Store a reply for delivery; the caller's transaction commits it with the outcome."""
    row = OutboxMessage(
        case_id=case.id if case else None,
        kind=kind,
        to_address=str(message["To"]),
        message_id=str(message["Message-ID"]),
        raw=message.as_bytes(policy=SMTP),
    )
    session.add(row)
    return row


@dataclass
class DeliveryReport:
    sent: int = 0
    deferred: int = 0
    failed: int = 0


def deliver_pending(
    *, database_url: str, transport: Transport, sender: str, limit: int = 1000
) -> DeliveryReport:
    """Send what waits in the outbox; each row is claimed atomically, so it goes out once."""
    engine = get_engine(database_url)
    report = DeliveryReport()
    now = utcnow()
    with Session(engine) as session:
        ids = session.exec(
            select(OutboxMessage.id)
            .where(OutboxMessage.status == OutboxStatus.PENDING)
            .where(
                or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now)
            )  # type: ignore[union-attr,operator]
            .order_by(OutboxMessage.id)  # type: ignore[arg-type]
            .limit(limit)
        ).all()
    try:
        for row_id in ids:
            with Session(engine) as session:
                claimed = session.exec(  # type: ignore[call-overload]
                    update(OutboxMessage)
                    .where(OutboxMessage.id == row_id)  # type: ignore[arg-type]
                    .where(OutboxMessage.status == OutboxStatus.PENDING)  # type: ignore[arg-type]
                    .values(status=OutboxStatus.SENDING, attempts=OutboxMessage.attempts + 1)
                )
                session.commit()
                if claimed.rowcount != 1:
                    continue  # another worker has it
                row = session.get(OutboxMessage, row_id)
                assert row is not None
                try:
                    transport.send(sender=sender, recipient=row.to_address, data=row.raw)
                except TransportError as exc:
                    row.last_error = str(exc)
                    if exc.permanent or row.attempts >= MAX_ATTEMPTS:
                        row.status = OutboxStatus.FAILED
                        report.failed += 1
                    else:
                        row.status = OutboxStatus.PENDING
                        row.next_attempt_at = utcnow() + timedelta(
                            seconds=min(3600, 30 * 2**row.attempts)
                        )
                        report.deferred += 1
                else:
                    row.status = OutboxStatus.SENT
                    row.sent_at = utcnow()
                    row.last_error = None
                    report.sent += 1
                session.add(row)
                session.commit()
    finally:
        transport.close()
    return report


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
) -> OutboxMessage:
    """Build the reply email and store it for delivery, with an audit line for the case."""
    from mailbot.case import audit

    message = build_email(
        rendered,
        to=to,
        sender=settings.controller_address or "privacy@localhost",
        sender_name=settings.controller_name,
        case_ref=case.ref if case else None,
        in_reply_to=in_reply_to,
        references=references,
    )
    row = queue_reply(session, case=case, kind=rendered.kind, message=message)
    audit(
        session,
        case,
        f"reply:{rendered.kind}",
        {"to": to, "language": rendered.language},
        actor=actor,
    )
    return row
