"""The customer register: import, add, look up by address, and everything held on one subject.

`register import FILE` reads the JSON format documented in docs/register-format.md. The whole file is
validated before anything is written, and written in one transaction: all or nothing. An error names
the record (its position and ref) and the field.
"""

from __future__ import annotations

import functools
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from sqlalchemy import bindparam, func
from sqlmodel import Session, select

from mailbot.identity import AddressError, normalise_address
from mailbot.models import (
    Consent,
    ConsentedData,
    DataSource,
    Disclosure,
    FamilyLink,
    Guardianship,
    Invoice,
    InvoiceStatus,
    IpAddress,
    LoginAccount,
    MarketingChannel,
    MarketingProhibition,
    Order,
    ServiceContact,
    Subject,
    SubjectEmail,
    WebActivity,
    as_utc,
)

FORMAT = "mailbot-register/1"


class RegisterError(Exception):
    """The register file or command is wrong; str() says which record and field."""


# --------------------------------------------------------------------------- the import format


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class IpIn(_Strict):
    address: str
    seen_at: datetime | None = None


class LoginIn(_Strict):
    username: str
    created_at: datetime | None = None
    last_login_at: datetime | None = None


class OrderIn(_Strict):
    ref: str
    ordered_at: datetime | None = None
    description: str | None = None
    amount: str | None = None


class InvoiceIn(_Strict):
    ref: str
    issued_on: date | None = None
    due_on: date | None = None
    amount: str | None = None
    status: InvoiceStatus = InvoiceStatus.OPEN
    in_collection: bool = False


class WebActivityIn(_Strict):
    visited_at: datetime | None = None
    pages: str | None = None
    browser: str | None = None
    ip: str | None = None


class ServiceContactIn(_Strict):
    service: Literal["school", "social_services", "counselling", "psychiatric", "other"]
    organisation: str | None = None
    contact: str | None = None


class ConsentedDataIn(_Strict):
    category: Literal["health", "other"]
    label: str
    value: str


class ConsentIn(_Strict):
    purpose: str
    given_at: datetime | None = None
    withdrawn_at: datetime | None = None
    evidence: str | None = None
    data: list[ConsentedDataIn] = Field(
        default_factory=list, description="Data held only with this consent (health data too)."
    )


class DisclosureIn(_Strict):
    recipient: str
    recipient_contact: str | None = None
    what: str
    disclosed_at: datetime | None = None
    basis: str | None = None


class SourceIn(_Strict):
    source: str
    source_contact: str | None = None
    what: str | None = None
    received_at: datetime | None = None


class FamilyIn(_Strict):
    ref: str
    relation: str


class SubjectIn(_Strict):
    ref: str = Field(min_length=1)
    emails: list[str] = Field(default_factory=list)
    first_name: str | None = None
    last_name: str | None = None
    organisation: str | None = None
    business_id: str | None = None
    is_company_contact: bool = False
    postal_address: str | None = None
    phone: str | None = None
    www: str | None = None
    preferred_language: Literal["fi", "sv", "en"] | None = None
    domicile: str | None = None
    birth_date: date | None = None
    age_years: int | None = Field(default=None, ge=0, le=130)
    gender: str | None = None
    debt_collection: bool = False
    credit_application: bool = False
    legal_hold: str | None = None
    restricted: bool = False
    publication_optout: bool = False
    relationship_start: date | None = None
    relationship_end: date | None = None
    statistics_duty_end: date | None = None
    ip_addresses: list[IpIn] = Field(default_factory=list)
    logins: list[LoginIn] = Field(default_factory=list)
    orders: list[OrderIn] = Field(default_factory=list)
    invoices: list[InvoiceIn] = Field(default_factory=list)
    web_activity: list[WebActivityIn] = Field(default_factory=list)
    service_contacts: list[ServiceContactIn] = Field(default_factory=list)
    consents: list[ConsentIn] = Field(default_factory=list)
    marketing_prohibitions: list[MarketingChannel] = Field(default_factory=list)
    disclosures: list[DisclosureIn] = Field(default_factory=list)
    sources: list[SourceIn] = Field(default_factory=list)
    guardians: list[str] = Field(default_factory=list, description="refs of the guardians")
    family: list[FamilyIn] = Field(default_factory=list)

    @field_validator("emails")
    @classmethod
    def _normalise(cls, value: list[str]) -> list[str]:
        out: list[str] = []
        for address in value:
            try:
                normalised = normalise_address(address)
            except AddressError as exc:
                raise ValueError(f"{address!r} is not a valid email address: {exc}") from None
            if normalised in out:
                raise ValueError(f"{address!r} is listed twice")
            out.append(normalised)
        return out


class RegisterFile(_Strict):
    format: Literal["mailbot-register/1"] = FORMAT
    subjects: list[SubjectIn]


def _describe(error: dict[str, Any], data: Any) -> str:
    loc = list(error["loc"])
    where = ""
    if len(loc) >= 2 and loc[0] == "subjects" and isinstance(loc[1], int):
        index = loc[1]
        ref = None
        try:
            ref = data["subjects"][index].get("ref")
        except (KeyError, IndexError, TypeError, AttributeError):
            ref = None
        where = f"subject #{index + 1}" + (f" (ref {ref})" if ref else "")
        loc = loc[2:]
    field = ".".join(str(p) for p in loc) or "(record)"
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{where}, field {field}: {message}" if where else f"field {field}: {message}"


def parse_register_file(path: Path) -> RegisterFile:
    """Read and validate a register file completely; raise RegisterError on the first problem."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RegisterError(f"{path}: cannot read: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RegisterError(f"{path}: not valid JSON: {exc}") from None
    try:
        parsed = RegisterFile.model_validate(data)
    except ValidationError as exc:
        raise RegisterError(f"{path}: {_describe(exc.errors()[0], data)}") from None
    seen_refs: set[str] = set()
    seen_addresses: dict[str, str] = {}
    for index, item in enumerate(parsed.subjects):
        where = f"{path}: subject #{index + 1} (ref {item.ref})"
        if item.ref in seen_refs:
            raise RegisterError(f"{where}, field ref: the ref appears twice in the file")
        seen_refs.add(item.ref)
        for address in item.emails:
            if address in seen_addresses:
                raise RegisterError(
                    f"{where}, field emails: {address} also belongs to ref {seen_addresses[address]}"
                )
            seen_addresses[address] = item.ref
    return parsed


def import_register(session: Session, register: RegisterFile, *, source: str) -> int:
    """Write every subject of a validated file; the caller's transaction makes it all or nothing."""
    refs_in_file = {s.ref for s in register.subjects}
    existing_refs = set(
        session.exec(select(Subject.ref).where(Subject.ref.in_(refs_in_file))).all()  # type: ignore[attr-defined]
    )
    if existing_refs:
        raise RegisterError(
            f"{source}: ref {sorted(existing_refs)[0]} is already in the register "
            "(import adds new subjects; it never overwrites)"
        )
    addresses = [a for s in register.subjects for a in s.emails]
    taken = session.exec(
        select(SubjectEmail.address).where(SubjectEmail.address.in_(addresses))  # type: ignore[attr-defined]
    ).first()
    if taken:
        raise RegisterError(f"{source}: {taken} already belongs to a subject in the register")

    ids: dict[str, int] = {}
    for item in register.subjects:
        subject = _subject_row(item)
        session.add(subject)
        session.flush()
        assert subject.id is not None
        ids[item.ref] = subject.id
        _add_children(session, subject.id, item)
    for index, item in enumerate(register.subjects):
        for guardian_ref in item.guardians:
            guardian_id = ids.get(guardian_ref) or _id_of(session, guardian_ref)
            if guardian_id is None:
                raise RegisterError(
                    f"{source}: subject #{index + 1} (ref {item.ref}), field guardians: "
                    f"no subject with ref {guardian_ref}"
                )
            session.add(Guardianship(child_id=ids[item.ref], guardian_id=guardian_id))
        for link in item.family:
            relative_id = ids.get(link.ref) or _id_of(session, link.ref)
            if relative_id is None:
                raise RegisterError(
                    f"{source}: subject #{index + 1} (ref {item.ref}), field family: "
                    f"no subject with ref {link.ref}"
                )
            session.add(
                FamilyLink(
                    subject_id=ids[item.ref], relative_id=relative_id, relation=link.relation
                )
            )
    session.flush()
    return len(register.subjects)


def _id_of(session: Session, ref: str) -> int | None:
    return session.exec(select(Subject.id).where(Subject.ref == ref)).first()


def _subject_row(item: SubjectIn) -> Subject:
    fields = item.model_dump(
        exclude={
            "emails",
            "ip_addresses",
            "logins",
            "orders",
            "invoices",
            "web_activity",
            "service_contacts",
            "consents",
            "marketing_prohibitions",
            "disclosures",
            "sources",
            "guardians",
            "family",
        }
    )
    return Subject(**fields)


def _add_children(session: Session, subject_id: int, item: SubjectIn) -> None:
    for position, address in enumerate(item.emails):
        session.add(SubjectEmail(subject_id=subject_id, address=address, is_primary=position == 0))
    for ip in item.ip_addresses:
        session.add(IpAddress(subject_id=subject_id, **ip.model_dump()))
    for login in item.logins:
        session.add(LoginAccount(subject_id=subject_id, **login.model_dump()))
    for order in item.orders:
        session.add(Order(subject_id=subject_id, **order.model_dump()))
    for invoice in item.invoices:
        session.add(Invoice(subject_id=subject_id, **invoice.model_dump()))
    for visit in item.web_activity:
        session.add(WebActivity(subject_id=subject_id, **visit.model_dump()))
    for contact in item.service_contacts:
        session.add(ServiceContact(subject_id=subject_id, **contact.model_dump()))
    for consent_in in item.consents:
        consent = Consent(subject_id=subject_id, **consent_in.model_dump(exclude={"data"}))
        session.add(consent)
        session.flush()
        assert consent.id is not None
        for datum in consent_in.data:
            session.add(
                ConsentedData(subject_id=subject_id, consent_id=consent.id, **datum.model_dump())
            )
    for channel in item.marketing_prohibitions:
        session.add(MarketingProhibition(subject_id=subject_id, channel=channel))
    for disclosure in item.disclosures:
        session.add(Disclosure(subject_id=subject_id, **disclosure.model_dump()))
    for src in item.sources:
        session.add(DataSource(subject_id=subject_id, **src.model_dump()))


def add_subject(session: Session, item: SubjectIn) -> Subject:
    """`register add`: one subject, checked like an import."""
    register = RegisterFile(subjects=[item])
    import_register(session, register, source="register add")
    subject = session.exec(select(Subject).where(Subject.ref == item.ref)).one()
    return subject


def next_ref(session: Session) -> str:
    count = session.exec(select(func.count()).select_from(Subject)).one()
    return f"S-{count + 1:06d}"


# --------------------------------------------------------------------------- look-ups


def subject_id_for(session: Session, address: str) -> int | None:
    """The subject whose register address is exactly this normalised address, or None."""
    row = session.connection().execute(_SUBJECT_BY_ADDRESS, {"address": address}).first()
    return None if row is None else int(row[0])


# built once: the identity stage looks an address up for every message
_SUBJECT_BY_ADDRESS = (
    select(SubjectEmail.subject_id)  # type: ignore[call-overload]
    .where(SubjectEmail.address == bindparam("address"))
    .limit(1)
)


def get_subject(session: Session, subject_id: int) -> Subject | None:
    """session.get(Subject, subject_id), with the SELECT built once for a subject not yet in the
    session (the pipeline loads one or two a message; session.get builds its statement and the
    statement's cache key at every miss, a third of the load's time)."""
    if session.identity_key(Subject, subject_id) in session.identity_map:
        return session.get(Subject, subject_id)  # loaded already: no SQL, as before
    return session.execute(_SUBJECT_BY_ID, {"id": subject_id}).scalar_one_or_none()


_SUBJECT_BY_ID = select(Subject).where(Subject.id == bindparam("id"))  # type: ignore[arg-type]


def find_subject(session: Session, address: str) -> Subject | None:
    try:
        normalised = normalise_address(address)
    except AddressError:
        return None
    subject_id = subject_id_for(session, normalised)
    return session.get(Subject, subject_id) if subject_id is not None else None


def primary_address(session: Session, subject_id: int) -> str | None:
    """The register's address for replies: the primary one, else the first recorded."""
    rows = session.exec(
        select(SubjectEmail)
        .where(SubjectEmail.subject_id == subject_id)
        .order_by(SubjectEmail.is_primary.desc(), SubjectEmail.id)  # type: ignore[attr-defined]
    ).all()
    return rows[0].address if rows else None


def guardians_of(session: Session, child_id: int) -> list[int]:
    return list(session.execute(_GUARDIANS, {"child_id": child_id}).scalars())


def wards_of(session: Session, guardian_id: int) -> list[int]:
    return list(session.execute(_WARDS, {"guardian_id": guardian_id}).scalars())


# built once: every access reply reads the guardians, every letter under a child profile the wards
_GUARDIANS = select(Guardianship.guardian_id).where(  # type: ignore[call-overload]
    Guardianship.child_id == bindparam("child_id")
)
_WARDS = select(Guardianship.child_id).where(  # type: ignore[call-overload]
    Guardianship.guardian_id == bindparam("guardian_id")
)


def age_on(subject: Subject, day: date) -> int | None:
    if subject.birth_date is not None:
        b = subject.birth_date
        return day.year - b.year - ((day.month, day.day) < (b.month, b.day))
    return subject.age_years


# --------------------------------------------------------------------------- everything held


def _value(v: Any) -> Any:
    if isinstance(v, datetime):
        return as_utc(v).isoformat()  # type: ignore[union-attr]
    if isinstance(v, date):
        return v.isoformat()
    if hasattr(v, "value"):
        return v.value
    return v


def _rows(
    session: Session, model: type, subject_id: int, *, skip: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    """The subject's rows of one table as plain dicts, read as columns (no ORM objects: a subject
    may have 100,000 orders)."""
    fields, query = _rows_query(model, skip)
    # on the session's connection: plain rows, without the ORM's handling of each statement (a
    # third of a look-up's time); subject_record flushed the session's changes first
    rows = session.connection().execute(query, {"subject_id": subject_id}).all()
    return [{f: _value(v) for f, v in zip(fields, row, strict=True)} for row in rows]


@functools.cache
def _rows_query(model: type, skip: tuple[str, ...]) -> tuple[list[str], Any]:
    """Built once per table: an access reply reads a dozen tables."""
    fields = [f for f in model.model_fields if f not in ("id", "subject_id", *skip)]  # type: ignore[attr-defined]
    columns = [getattr(model, f) for f in fields]
    query = (
        select(*columns)
        .where(model.subject_id == bindparam("subject_id"))  # type: ignore[attr-defined]
        .order_by(model.id)  # type: ignore[attr-defined]
    )
    return fields, query


_CONSENTS = (  # built once, as the tables' queries are
    select(Consent)
    .where(Consent.subject_id == bindparam("subject_id"))  # type: ignore[arg-type]
    .order_by(Consent.id)  # type: ignore[arg-type]
)


SUBJECT_FIELDS = (
    "ref", "first_name", "last_name", "organisation", "business_id", "is_company_contact",
    "postal_address", "phone", "www", "preferred_language", "domicile", "birth_date", "age_years",
    "gender", "debt_collection", "credit_application", "legal_hold", "restricted", "restricted_at",
    "restriction_reason", "publication_optout", "publication_optout_at", "relationship_start",
    "relationship_end", "statistics_duty_end", "anonymised_at", "created_at", "updated_at",
)  # fmt: skip


def subject_record(session: Session, subject_id: int) -> dict[str, Any]:
    """Everything held on one subject, as plain JSON-ready data (`register show`, access replies)."""
    subject = session.get(Subject, subject_id)
    if subject is None:
        raise RegisterError(f"no subject with id {subject_id}")
    # what this transaction changed (an opt-out asked in the same letter) is in the record: the
    # tables are read on the connection below, which does not flush on its own
    session.flush()
    record: dict[str, Any] = {f: _value(getattr(subject, f)) for f in SUBJECT_FIELDS}
    record["emails"] = [
        row["address"] for row in _rows(session, SubjectEmail, subject_id, skip=("is_primary",))
    ]
    record["ip_addresses"] = _rows(session, IpAddress, subject_id)
    record["logins"] = _rows(session, LoginAccount, subject_id)
    record["orders"] = _rows(session, Order, subject_id)
    record["invoices"] = _rows(session, Invoice, subject_id)
    record["web_activity"] = _rows(session, WebActivity, subject_id)
    record["service_contacts"] = _rows(session, ServiceContact, subject_id)
    consents = session.execute(_CONSENTS, {"subject_id": subject_id}).scalars().all()
    data = _rows(session, ConsentedData, subject_id)
    record["consents"] = []
    for consent in consents:
        entry = {k: _value(v) for k, v in consent.model_dump().items() if k not in ("subject_id",)}
        entry["data"] = [
            {k: v for k, v in d.items() if k != "consent_id"}
            for d in data
            if d["consent_id"] == consent.id
        ]
        entry.pop("id")
        record["consents"].append(entry)
    record["marketing_prohibitions"] = _rows(session, MarketingProhibition, subject_id)
    record["disclosures"] = _rows(session, Disclosure, subject_id)
    record["sources"] = _rows(session, DataSource, subject_id)
    record["guardians"] = [
        session.get(Subject, gid).ref  # type: ignore[union-attr]
        for gid in guardians_of(session, subject_id)
    ]
    record["family"] = [
        {"ref": session.get(Subject, row["relative_id"]).ref, "relation": row["relation"]}  # type: ignore[union-attr]
        for row in _rows(session, FamilyLink, subject_id)
    ]
    return record
