"""Database tables: the customer register (what the two privacy notices list) and our own records.

The register side mirrors the seeds: a B2B customer register (contact persons of business customers,
their orders, invoices and web activity) and a child-welfare customer register (domicile, age,
family, guardians, service contacts, data held only with consent). Both share consents, marketing
prohibitions, the publication prohibition, the restriction flag, disclosures and data sources.

mailbot's own records: processed messages (the exactly-once ledger), cases, audit events, outbox.
Every datetime is stored in UTC; `as_utc` reads it back aware whatever the database kept.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime

from sqlalchemy import Column, DateTime, LargeBinary, Text, UniqueConstraint
from sqlalchemy import Enum as SAEnum
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything mailbot stores is UTC."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _enum(kind: type[enum.StrEnum], *, index: bool = False) -> Column:  # type: ignore[type-arg]
    """Stored as its value in a VARCHAR: adding a value later needs no database type change."""
    return Column(
        SAEnum(
            kind,
            native_enum=False,
            create_constraint=False,
            length=32,
            values_callable=lambda e: [m.value for m in e],
        ),
        nullable=False,
        index=index,
    )


def _ts(*, nullable: bool = True, index: bool = False) -> Column:  # type: ignore[type-arg]
    return Column(DateTime(timezone=True), nullable=nullable, index=index)


# --------------------------------------------------------------------------- the register


class Subject(SQLModel, table=True):
    """A data subject: a business customer's contact person, or a child-welfare customer."""

    __tablename__ = "subject"

    id: int | None = Field(default=None, primary_key=True)
    ref: str = Field(index=True, unique=True, description="The controller's customer number.")
    first_name: str | None = None
    last_name: str | None = None
    # B2B: the entity represented
    organisation: str | None = None
    business_id: str | None = None
    is_company_contact: bool = Field(
        default=False, description="A company's contact person: kept during the relationship."
    )
    postal_address: str | None = None
    phone: str | None = None
    www: str | None = None
    preferred_language: str | None = Field(default=None, description="fi, sv or en")
    # child welfare: basic data
    domicile: str | None = None
    birth_date: date | None = None
    age_years: int | None = Field(default=None, description="When only the age is known.")
    gender: str | None = None
    # markers that hold erasure (B2B notice)
    debt_collection: bool = False
    credit_application: bool = False
    legal_hold: str | None = Field(default=None, description="A legal duty to keep; the reason.")
    # rights' flags
    restricted: bool = False
    restricted_at: datetime | None = Field(default=None, sa_column=_ts())
    restriction_reason: str | None = None
    restriction_lift_at: datetime | None = Field(
        default=None, sa_column=_ts(), description="Lifted then; the subject was told before."
    )
    publication_optout: bool = False
    publication_optout_at: datetime | None = Field(default=None, sa_column=_ts())
    # lifecycle
    relationship_start: date | None = None
    relationship_end: date | None = None
    statistics_duty_end: date | None = None
    anonymised_at: datetime | None = Field(default=None, sa_column=_ts())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


class SubjectEmail(SQLModel, table=True):
    """A subject's email addresses; `address` is normalised by identity.normalise_address."""

    __tablename__ = "subject_email"

    id: int | None = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="subject.id", index=True)
    address: str = Field(unique=True, index=True)
    is_primary: bool = False


class IpAddress(SQLModel, table=True):
    __tablename__ = "ip_address"

    id: int | None = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="subject.id", index=True)
    address: str
    seen_at: datetime | None = Field(default=None, sa_column=_ts())


class LoginAccount(SQLModel, table=True):
    """Login information where the service has logins (never a password)."""

    __tablename__ = "login_account"

    id: int | None = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="subject.id", index=True)
    username: str
    created_at: datetime | None = Field(default=None, sa_column=_ts())
    last_login_at: datetime | None = Field(default=None, sa_column=_ts())


class Order(SQLModel, table=True):
    __tablename__ = "customer_order"

    id: int | None = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="subject.id", index=True)
    ref: str
    ordered_at: datetime | None = Field(default=None, sa_column=_ts())
    description: str | None = None
    amount: str | None = Field(default=None, description="Decimal as text, with currency.")


class InvoiceStatus(enum.StrEnum):
    OPEN = "open"
    PAID = "paid"


class Invoice(SQLModel, table=True):
    __tablename__ = "invoice"

    id: int | None = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="subject.id", index=True)
    ref: str
    issued_on: date | None = None
    due_on: date | None = None
    amount: str | None = None
    status: InvoiceStatus = Field(default=InvoiceStatus.OPEN, sa_column=_enum(InvoiceStatus))
    in_collection: bool = Field(default=False, description="Handed to debt collection.")


class WebActivity(SQLModel, table=True):
    """What cookies collected: the visit time, pages viewed, browser, IP."""

    __tablename__ = "web_activity"

    id: int | None = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="subject.id", index=True)
    visited_at: datetime | None = Field(default=None, sa_column=_ts())
    pages: str | None = None
    browser: str | None = None
    ip: str | None = None


class FamilyLink(SQLModel, table=True):
    """Family members who are customers too (child-welfare notice)."""

    __tablename__ = "family_link"

    id: int | None = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="subject.id", index=True)
    relative_id: int = Field(foreign_key="subject.id", index=True)
    relation: str


class Guardianship(SQLModel, table=True):
    """A child's guardian as recorded in the register: the only one who may act for a child."""

    __tablename__ = "guardianship"
    __table_args__ = (UniqueConstraint("child_id", "guardian_id"),)

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="subject.id", index=True)
    guardian_id: int = Field(foreign_key="subject.id", index=True)


class ServiceContact(SQLModel, table=True):
    """Contacts with services essential to the relationship (school, social services...)."""

    __tablename__ = "service_contact"

    id: int | None = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="subject.id", index=True)
    service: str = Field(description="school, social_services, counselling, psychiatric, other")
    organisation: str | None = None
    contact: str | None = None


class Consent(SQLModel, table=True):
    """A consent: given, and perhaps withdrawn. The record of a withdrawal is kept."""

    __tablename__ = "consent"

    id: int | None = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="subject.id", index=True)
    purpose: str
    given_at: datetime | None = Field(default=None, sa_column=_ts())
    withdrawn_at: datetime | None = Field(default=None, sa_column=_ts())
    evidence: str | None = Field(default=None, description="Where the signed consent is kept.")


class ConsentedData(SQLModel, table=True):
    """Data held only with a consent: health data, and other data collected with consent."""

    __tablename__ = "consented_data"

    id: int | None = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="subject.id", index=True)
    consent_id: int = Field(foreign_key="consent.id", index=True)
    category: str = Field(description="health or other")
    label: str
    value: str = Field(sa_column=Column(Text, nullable=False))


class MarketingChannel(enum.StrEnum):
    DIRECT_ADVERTISING = "direct_advertising"
    DISTANCE_SELLING = "distance_selling"
    DIRECT_MARKETING = "direct_marketing"
    MARKET_RESEARCH = "market_research"  # market and opinion research


class MarketingProhibition(SQLModel, table=True):
    __tablename__ = "marketing_prohibition"
    __table_args__ = (UniqueConstraint("subject_id", "channel"),)

    id: int | None = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="subject.id", index=True)
    channel: MarketingChannel = Field(sa_column=_enum(MarketingChannel))
    since: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


class Suppression(SQLModel, table=True):
    """A minimal record outliving erasure, so a person who said no is not re-added to marketing.

    Holds only a keyed hash of the address, never the address itself.
    """

    __tablename__ = "suppression"
    __table_args__ = (UniqueConstraint("address_hash", "channel"),)

    id: int | None = Field(default=None, primary_key=True)
    address_hash: str = Field(index=True)
    channel: MarketingChannel = Field(sa_column=_enum(MarketingChannel))
    since: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))


class Disclosure(SQLModel, table=True):
    """Who received what about the subject, when (Art 15(1)(c), Art 19)."""

    __tablename__ = "disclosure"

    id: int | None = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="subject.id", index=True)
    recipient: str
    recipient_contact: str | None = None
    what: str
    disclosed_at: datetime | None = Field(default=None, sa_column=_ts())
    basis: str | None = None


class DataSource(SQLModel, table=True):
    """Where data about the subject came from (Art 15(1)(g), Art 19)."""

    __tablename__ = "data_source"

    id: int | None = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="subject.id", index=True)
    source: str
    source_contact: str | None = None
    what: str | None = None
    received_at: datetime | None = Field(default=None, sa_column=_ts())


# --------------------------------------------------------------------------- mailbot's own records


class MessageOutcome(enum.StrEnum):
    CLAIMED = "claimed"  # being processed by a worker
    CASE = "case"  # became (part of) a case
    AUTOMATED = "automated"  # auto-reply, bounce, list mail: never answered
    DUPLICATE = "duplicate"  # same Message-ID seen before
    QUARANTINED = "quarantined"  # could not be processed; kept for a person
    IGNORED = "ignored"  # our own reply coming back, or nothing to do
    RELEASED = "released"  # was quarantined; a person reprocessed or dismissed it


class ProcessedMessage(SQLModel, table=True):
    """The exactly-once ledger: one row per message seen, keyed by where it came from."""

    __tablename__ = "processed_message"

    id: int | None = Field(default=None, primary_key=True)
    source_key: str = Field(unique=True, index=True, description="imap:<box>:<uidvalidity>:<uid>")
    message_id: str | None = Field(default=None, index=True)
    content_hash: str | None = Field(
        default=None, description="SHA-256 of what the sender wrote (no trace headers)."
    )
    from_address: str | None = None
    subject_line: str | None = None
    outcome: MessageOutcome = Field(sa_column=_enum(MessageOutcome))
    case_id: int | None = Field(default=None, foreign_key="dsr_case.id", index=True)
    error: str | None = None
    raw: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    received_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    done_on_server: bool = Field(default=False, description="Moved/flagged on the mailbox.")


class CaseStatus(enum.StrEnum):
    RECEIVED = "received"
    AWAITING_CONFIRMATION = "awaiting_confirmation"  # unverified sender: confirmation mail sent
    AWAITING_INFORMATION = "awaiting_information"  # asked the subject for more
    TRIAGE = "triage"  # staff must classify or identify
    AWAITING_APPROVAL = "awaiting_approval"  # an action waits for staff
    DONE = "done"
    REFUSED = "refused"
    CLOSED = "closed"  # nothing to do (e.g. unknown sender never answered)


OPEN_STATUSES = frozenset(
    {
        CaseStatus.RECEIVED,
        CaseStatus.AWAITING_CONFIRMATION,
        CaseStatus.AWAITING_INFORMATION,
        CaseStatus.TRIAGE,
        CaseStatus.AWAITING_APPROVAL,
    }
)


class Case(SQLModel, table=True):
    """A data subject request: what was asked, by whom, the verdict, the deadline, the status."""

    __tablename__ = "dsr_case"

    id: int | None = Field(default=None, primary_key=True)
    ref: str = Field(unique=True, index=True, description="Public reference quoted in replies.")
    subject_id: int | None = Field(default=None, foreign_key="subject.id", index=True)
    from_address: str | None = None
    message_id: str | None = None
    subject_line: str | None = None
    language: str = "en"
    intents: str = Field(default="[]", description="JSON list of intent names, main first.")
    details: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    identity_verdict: str
    identity_reasons: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    classification_reasons: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    needs_review: bool = False
    status: CaseStatus = Field(default=CaseStatus.RECEIVED, sa_column=_enum(CaseStatus, index=True))
    received_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    deadline: datetime = Field(sa_column=_ts(nullable=False, index=True))
    extended_deadline: datetime | None = Field(default=None, sa_column=_ts())
    closed_at: datetime | None = Field(default=None, sa_column=_ts())
    related_case_id: int | None = Field(default=None, foreign_key="dsr_case.id")


class ConfirmationToken(SQLModel, table=True):
    """A single-use secret mailed to the register's address to confirm an unverified request.

    Only a hash of the token is stored; the token itself exists only in the mail sent.
    """

    __tablename__ = "confirmation_token"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="dsr_case.id", index=True)
    token_hash: str = Field(unique=True, index=True)
    address: str = Field(description="The register address the token was sent to.")
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    expires_at: datetime = Field(sa_column=_ts(nullable=False))
    used_at: datetime | None = Field(default=None, sa_column=_ts())


class ActionStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class PendingAction(SQLModel, table=True):
    """A right that waits for a staff decision: the approval queue (Mailman's held message).

    `proposal` is JSON describing exactly what approving would do (for rectification the field
    changes, before and after; for erasure what would be deleted and what kept), so staff decide on
    what will happen, not on a summary.
    """

    __tablename__ = "pending_action"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="dsr_case.id", index=True)
    right: str
    reason: str = Field(description="Why it waits for staff.")
    proposal: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    status: ActionStatus = Field(
        default=ActionStatus.PENDING, sa_column=_enum(ActionStatus, index=True)
    )
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    decided_by: str | None = None
    decided_at: datetime | None = Field(default=None, sa_column=_ts())
    decision_reason: str | None = None


class AuditEvent(SQLModel, table=True):
    """Who did what, when and why: every step of every case."""

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int | None = Field(default=None, foreign_key="dsr_case.id", index=True)
    at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    actor: str = "mailbot"
    action: str
    detail: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class OutboxStatus(enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"  # permanently refused by the server


class OutboxMessage(SQLModel, table=True):
    """A reply written in the same transaction as the outcome it reports; sent afterwards."""

    __tablename__ = "outbox"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int | None = Field(default=None, foreign_key="dsr_case.id", index=True)
    kind: str = Field(description="The template that made it, e.g. access_done.")
    to_address: str = Field(index=True)  # the per-address cap counts an address's recent replies
    message_id: str = Field(unique=True)
    raw: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    status: OutboxStatus = Field(
        default=OutboxStatus.PENDING, sa_column=_enum(OutboxStatus, index=True)
    )
    attempts: int = 0
    last_error: str | None = None
    created_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
    next_attempt_at: datetime | None = Field(default=None, sa_column=_ts())
    claimed_at: datetime | None = Field(default=None, sa_column=_ts())
    sent_at: datetime | None = Field(default=None, sa_column=_ts(index=True))


class RuntimeState(SQLModel, table=True):
    """Small facts about the running daemon, for `mailbot status` (e.g. the last successful poll)."""

    __tablename__ = "runtime_state"

    key: str = Field(primary_key=True)
    value: str
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_ts(nullable=False))
