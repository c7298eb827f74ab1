"""The whole flow in one place: one message through every stage, and one run over a mailbox.

    mailbox -> message -> identity -> classify -> case -> actions -> reply -> outbox

Each message is handled in one database transaction: its ledger row, case, audit trail and replies
are committed together or not at all. Only after that commit is the message marked done on the
server; a crash anywhere re-reads it, and the ledger (unique on the message's source key) makes the
second read a no-op. Two workers racing on one message cannot both commit: the loser's transaction,
replies included, is rolled back by the unique key.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import re
import secrets
import threading
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, insert, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlmodel import Session, select

from mailbot import actions
from mailbot import case as cases
from mailbot.classify import Classification, Rules, classify, load_rules
from mailbot.db import make_durable, session_scope
from mailbot.identity import (
    AddressError,
    IdentitySettings,
    IdentityVerdict,
    KeysFileError,
    normalise_address,
    verify_identity,
)
from mailbot.mailbox import Mailbox, RawMessage
from mailbot.message import MessageError, ParsedMessage, parse_message
from mailbot.models import (
    Case,
    CaseStatus,
    ConfirmationToken,
    MessageOutcome,
    OutboxMessage,
    ProcessedMessage,
    RuntimeState,
    Subject,
    as_utc,
    utcnow,
)
from mailbot.notify import notify_staff
from mailbot.outbox import DeliveryReport, deliver_pending, open_transport, queue_rendered
from mailbot.policy import child_age_limit, load_profile
from mailbot.register import age_on, get_subject, subject_id_for, wards_of
from mailbot.reply import Rendered, one_line, render, reply_language
from mailbot.settings import Settings

log = logging.getLogger("mailbot.pipeline")

TOKEN_LIFETIME = timedelta(days=14)
DNS_GIVE_UP = timedelta(hours=24)
MARK_BATCH = 100  # messages marked done on the server per round trip
RULES_RECHECK = 60  # seconds between looks at the rule files for edits
OWNER_GRACE = timedelta(
    seconds=60
)  # a worker that committed a message has this long to move it  # a signer's DNS down this long: proceed as unproven
SINGLE_HEADERS = (
    "Subject",
    "Message-ID",
    "Date",
    "To",
    "Reply-To",
    "Sender",
    "In-Reply-To",
    "References",
)
STAFF_STATUSES = (CaseStatus.TRIAGE, CaseStatus.AWAITING_APPROVAL)  # a person must act
REPEAT_WINDOW = timedelta(days=14)  # the same rights asked again within this are linked, not redone
_TOKEN = re.compile(r"\b(MB-[A-Z2-7]{6}-[A-Z2-7]{6})\b")


@dataclass
class Outcome:
    """What happened to one message."""

    key: str
    outcome: MessageOutcome | None  # None: not decided now (retry later)
    case_ref: str | None = None
    status: str | None = None
    replies: list[str] = field(default_factory=list)  # kinds of the replies queued
    note: str = ""
    already: bool = False  # processed in an earlier run
    outage: bool = False  # not decided because the database went away (reported as an error)
    config_error: bool = False  # mailbot's settings are wrong: nothing can be processed

    @property
    def quarantine(self) -> bool:
        return self.outcome is MessageOutcome.QUARANTINED

    @property
    def mark_done(self) -> bool:
        return self.outcome is not None


@dataclass
class Context:
    """The one typed object passed from stage to stage."""

    settings: Settings
    session: Session
    raw: RawMessage
    parsed: ParsedMessage | None = None
    digest: str | None = None  # content_hash of the parsed message
    identity: IdentityVerdict | None = None
    classification: Classification | None = None
    case: Case | None = None
    replies: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- one message


def process_message(settings: Settings, raw: RawMessage, *, relaxed: bool = False) -> Outcome:
    """Take one raw message through every stage; never raises for a bad message. `relaxed`: the
    commit need not wait for the disk (the relaxed pool, db.get_engine); the caller then calls db.make_durable
    before anything outside the database relies on it (run_once does, before marking done)."""
    try:
        with session_scope(settings.database_url, relaxed=relaxed) as session:
            if not _claim(session, raw.key):
                return Outcome(raw.key, None, note="another worker is processing it")
            done = session.connection().execute(_LEDGER_ROW, {"key": raw.key}).first()
            if done is not None:
                if not done.done_on_server and as_utc(done.received_at) > utcnow() - OWNER_GRACE:
                    # just committed by another worker, which is moving it now: leave it to that
                    # worker (two MOVEs of one message can leave two copies in the done folder)
                    return Outcome(
                        raw.key, None, note="another worker is finishing it", already=True
                    )
                return Outcome(raw.key, done.outcome, note="already processed", already=True)
            return _stages(Context(settings=settings, session=session, raw=raw))
    except KeysFileError as exc:
        # a configuration error, not the message's fault: leave it for the next run and say so
        return Outcome(raw.key, None, note=str(exc), config_error=True)
    except IntegrityError:
        # another worker committed this message first; our work was rolled back with it
        return Outcome(
            raw.key, MessageOutcome.DUPLICATE, note="processed by another worker", already=True
        )
    except DBAPIError as exc:
        if exc.connection_invalidated and _lost_connection_again(settings, raw.key) < LOST_LIMIT:
            # the database connection was lost (a server restart): not the message's fault; it
            # stays on the server and is read again next round. A message that loses it every
            # time (a backend killed for its size) is quarantined after LOST_LIMIT tries.
            log.warning("database connection lost while processing %s; will retry", raw.key)
            return Outcome(raw.key, None, note="database connection lost; will retry", outage=True)
        return _failed(settings, raw, exc)
    except Exception as exc:
        return _failed(settings, raw, exc)


LOST_LIMIT = 3  # rounds a message may lose the database connection before it is quarantined


def _lost_connection_again(settings: Settings, key: str) -> int:
    """How many times processing `key` has lost the database connection, this time included
    (counted in a row of its own, on a fresh connection; 0 when the database cannot be reached
    at all, which is an outage, not the message)."""
    name = f"db-lost:{hashlib.sha256(key.encode()).hexdigest()[:32]}"
    try:
        with session_scope(settings.database_url) as session:
            row = session.get(RuntimeState, name)
            count = int(row.value) + 1 if row is not None else 1
            session.merge(RuntimeState(key=name, value=str(count), updated_at=utcnow()))
    except Exception:
        return 0
    return count


def _failed(settings: Settings, raw: RawMessage, exc: Exception) -> Outcome:
    """Never lose a message: quarantine it with the error."""
    log.exception("message %s failed; quarantined", raw.key)
    error = f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=8)}"
    return _quarantine(settings, raw, error)


def _stages(ctx: Context) -> Outcome:
    # message: parse within limits; what cannot be parsed is kept for a person
    try:
        ctx.parsed = parse_message(ctx.raw.data)
    except MessageError as exc:
        return _record_quarantine(ctx, f"malformed: {exc}")
    parsed = ctx.parsed
    ctx.digest = content_hash(parsed)

    names = Counter(name.lower() for name, _value in parsed.msg.raw_items())  # nothing parsed
    repeated = [h for h in SINGLE_HEADERS if names[h.lower()] > 1]
    if repeated:
        # RFC 5322 allows each once; a second copy added above a signature is how a signed
        # message gets a subject (or identity) its signer never wrote
        return _record_quarantine(ctx, f"malformed: repeated {', '.join(repeated)} header")

    if _our_own(ctx.settings, parsed):  # one of our replies coming back (a loop): never answered
        _ledger(ctx, MessageOutcome.IGNORED, note="mailbot's own reply came back")
        return Outcome(ctx.raw.key, MessageOutcome.IGNORED, note="mailbot's own reply came back")

    if parsed.automated:  # auto-replies, bounces, reports, lists: never answered
        _ledger(ctx, MessageOutcome.AUTOMATED, note="; ".join(parsed.automated_reasons))
        return Outcome(
            ctx.raw.key, MessageOutcome.AUTOMATED, note="; ".join(parsed.automated_reasons)
        )

    if parsed.message_id and _seen_message_id(
        ctx.session, parsed.message_id, _from_key(parsed), ctx.digest
    ):
        _ledger(ctx, MessageOutcome.DUPLICATE, note="Message-ID seen before")
        return Outcome(ctx.raw.key, MessageOutcome.DUPLICATE, note="Message-ID seen before")

    # identity: who wrote, proven or not
    ctx.identity = verify_identity(
        ctx.raw.data,
        lookup=lambda address: subject_id_for(ctx.session, address),
        settings=IdentitySettings(
            keys_file=ctx.settings.dkim_keys_file,
            authserv_id=ctx.settings.authserv_id,
            dns_timeout=ctx.settings.dns_timeout,
            use_dns=ctx.settings.dns,
            strict_alignment=ctx.settings.dkim_strict_alignment,
        ),
    )
    identity = ctx.identity
    if identity.verdict == "rejected":
        return _record_quarantine(ctx, "identity rejected: " + "; ".join(identity.reasons))
    if identity.retry_later:
        if not _retried_long_enough(ctx.session, ctx.raw.key):
            ctx.session.rollback()
            return Outcome(ctx.raw.key, None, note="DNS temporarily failed; will retry")
        # the signer's DNS has failed for a day: go on without proof (a confirmation code to the
        # register's address; nothing disclosed), rather than leave the request unanswered
        cases.audit(ctx.session, None, "identity:dns_gave_up", {"key": ctx.raw.key})

    confirmed = _confirmation(ctx)
    if confirmed is not None:
        return confirmed

    # classify: which rights, in which language
    rules = _rules(ctx.settings.rules_dir, int(time.monotonic() // RULES_RECHECK))
    ctx.classification = classify(
        subject=parsed.subject, text=parsed.new_text, history=parsed.body_text, rules=rules
    )
    klass = ctx.classification

    # case: the request record with its deadline; whose data it is about (the writer, or a
    # child of whom the writer is the recorded guardian)
    about, ambiguous = identity.subject_id, False
    if child_age_limit(load_profile(ctx.settings.profile, ctx.settings.rules_dir)) is not None:
        # only a profile with children has guardians acting for them
        about, ambiguous = _about_whom(
            ctx.session, identity.subject_id, parsed.subject + "\n" + parsed.new_text
        )
    ctx.case = cases.open_case(
        ctx.session,
        subject_id=about,
        from_address=identity.from_address,
        message_id=parsed.message_id,
        subject_line=parsed.subject,
        language=klass.language,
        intents=klass.intents,
        details=klass.details,
        identity_verdict=identity.verdict,
        identity_reasons=identity.reasons,
        classification_reasons=klass.reasons,
        needs_review=klass.needs_review or ambiguous,
        # received now: the Date header is the sender's word and can be back- or forward-dated
        received_at=None,
    )
    if about != identity.subject_id:
        cases.audit(
            ctx.session, ctx.case, "acting_for", {"guardian": identity.subject_id, "child": about}
        )
    _follow_up(ctx)
    if identity.verdict == "verified":
        _act(ctx)
    elif identity.verdict == "unverified":
        _ask_confirmation(ctx)
    else:  # unknown_sender: say nothing about the register, ask who they are, staff triage
        _reply(ctx, "unknown_sender", to=identity.from_address, extra={})
        cases.set_status(ctx.session, ctx.case, CaseStatus.TRIAGE, why="sender not in the register")
    _ledger(ctx, MessageOutcome.CASE)
    if ctx.case.status in STAFF_STATUSES:
        notify_staff(ctx.session, settings=ctx.settings, case=ctx.case)
    return Outcome(
        ctx.raw.key,
        MessageOutcome.CASE,
        case_ref=ctx.case.ref,
        status=ctx.case.status.value,
        replies=ctx.replies,
    )


def _act(ctx: Context) -> None:
    """A verified subject: carry out what may run on its own, queue the rest for staff."""
    case, klass, identity = ctx.case, ctx.classification, ctx.identity
    assert case is not None and klass is not None and identity is not None
    assert identity.subject_id is not None and identity.from_address is not None
    assert case.subject_id is not None
    subject = get_subject(ctx.session, case.subject_id)  # the writer, or their recorded ward
    assert subject is not None
    profile = load_profile(ctx.settings.profile, ctx.settings.rules_dir)
    limit = child_age_limit(profile)
    age = age_on(subject, utcnow().date())
    writes_for_self = case.subject_id == identity.subject_id
    if limit is not None and age is not None and age < limit and writes_for_self:
        # the child-welfare notice: a child's data is acted on only for the recorded guardian
        _reply(ctx, "received", to=identity.from_address, extra={})
        cases.set_status(
            ctx.session,
            case,
            CaseStatus.TRIAGE,
            why=f"the subject is under {limit}: the guardian must act",
        )
        return
    if klass.needs_review or not klass.intents:
        _reply(ctx, "received", to=identity.from_address, extra={})
        cases.set_status(ctx.session, case, CaseStatus.TRIAGE, why="classification needs a person")
        return
    earlier = cases.find_repeat(ctx.session, case, window=REPEAT_WINDOW)
    if earlier is not None:
        case.related_case_id = earlier.id
        _reply(ctx, "repeat", to=identity.from_address, extra={"earlier_ref": earlier.ref})
        cases.set_status(
            ctx.session, case, CaseStatus.CLOSED, why=f"repeat of {earlier.ref}: not executed twice"
        )
        return
    language = reply_language(klass.language, subject.preferred_language)
    action_ctx = actions.ActionContext(
        session=ctx.session,
        case=case,
        subject_id=case.subject_id,
        language=language,
        profile=profile,
        details=klass.details,
        # greet the writer (a guardian writing about a child is greeted, not the child)
        template_context=_template_context(
            ctx, language, subject=get_subject(ctx.session, identity.subject_id), profile=profile
        ),
        templates_dir=ctx.settings.templates_dir,
        suppression_key=ctx.settings.suppression_key,
    )
    result = actions.carry_out(action_ctx, klass.intents)
    replies, status, why = actions.conclude(action_ctx, result)
    for rendered in replies:
        _send(ctx, rendered, to=identity.from_address)
    cases.set_status(ctx.session, case, status, why=why)


def _follow_up(ctx: Context) -> None:
    """A letter answering our request for more information continues that case: the earlier case
    is closed as answered and linked, so staff see one story and the deadline is not doubled."""
    case, parsed = ctx.case, ctx.parsed
    assert case is not None and parsed is not None
    threads = [m for m in (parsed.in_reply_to, *parsed.references) if m]
    if case.subject_id is None or not threads:
        return
    earlier = ctx.session.exec(
        select(Case)
        .join(OutboxMessage, OutboxMessage.case_id == Case.id)  # type: ignore[arg-type]
        .where(OutboxMessage.message_id.in_(threads))  # type: ignore[attr-defined]
        .where(Case.subject_id == case.subject_id)
        .where(Case.status == CaseStatus.AWAITING_INFORMATION)
    ).first()
    if earlier is None:
        return
    case.related_case_id = earlier.id
    case.received_at = earlier.received_at  # the clock started with the first letter
    case.deadline = earlier.extended_deadline or earlier.deadline
    ctx.session.add(case)
    cases.set_status(
        ctx.session, earlier, CaseStatus.CLOSED, why=f"the subject answered in {case.ref}"
    )
    cases.audit(ctx.session, case, "follow_up", {"of": earlier.ref})


def _ask_confirmation(ctx: Context) -> None:
    """Known address, no proof: ask at the register's address; nothing is disclosed or changed."""
    case, identity = ctx.case, ctx.identity
    assert case is not None and identity is not None and identity.from_address is not None
    token = _token()
    expires = utcnow() + TOKEN_LIFETIME
    ctx.session.add(
        ConfirmationToken(
            case_id=case.id,  # type: ignore[arg-type]
            token_hash=_hash(token),
            address=identity.from_address,
            expires_at=expires,
        )
    )
    _reply(
        ctx,
        "confirm_identity",
        to=identity.from_address,
        extra={"token": token, "expires": f"{expires:%Y-%m-%d}"},
    )
    cases.set_status(
        ctx.session,
        case,
        CaseStatus.AWAITING_CONFIRMATION,
        why="sender not proven; confirmation mailed",
    )


def _confirmation(ctx: Context) -> Outcome | None:
    """A reply carrying a confirmation code, from the address it was sent to, resumes its case."""
    parsed, identity = ctx.parsed, ctx.identity
    assert parsed is not None and identity is not None
    match = _TOKEN.search(parsed.subject + "\n" + parsed.body_text)
    if match is None or identity.from_address is None:
        return None
    row = ctx.session.exec(
        select(ConfirmationToken).where(ConfirmationToken.token_hash == _hash(match.group(1)))
    ).first()
    if row is None or row.used_at is not None or as_utc(row.expires_at) < utcnow():  # type: ignore[operator]
        return None  # an unknown, used or expired code is an ordinary message
    if row.address != identity.from_address:
        return None  # a code only works from the address it was mailed to
    case = ctx.session.get(Case, row.case_id)
    if case is None or case.status is not CaseStatus.AWAITING_CONFIRMATION:
        return None
    row.used_at = utcnow()
    ctx.session.add(row)
    cases.audit(
        ctx.session,
        case,
        "identity:confirmed",
        f"confirmation code answered from {identity.from_address}",
    )
    ctx.case = case
    ctx.classification = Classification(
        language=case.language,
        intents=cases.case_intents(case),
        confidence=1.0,
        needs_review=case.needs_review,
        reasons=[],
        details=json.loads(case.details),
    )
    ctx.identity = _confirmed_identity(identity)
    _act(ctx)
    _ledger(ctx, MessageOutcome.CASE, note="identity confirmation")
    return Outcome(
        ctx.raw.key,
        MessageOutcome.CASE,
        case_ref=case.ref,
        status=case.status.value,
        replies=ctx.replies,
    )


def _confirmed_identity(identity: IdentityVerdict) -> IdentityVerdict:
    return replace(
        identity, verdict="verified", reasons=[*identity.reasons, "confirmed by single-use code"]
    )


# --------------------------------------------------------------------------- helpers


def _about_whom(session: Session, writer_id: int | None, text: str) -> tuple[int | None, bool]:
    """The subject a letter is about: a ward the writer is the recorded guardian of, when the letter
    names exactly one of them (first name or customer number), else the writer. (id, ambiguous)."""
    if writer_id is None:
        return None, False
    named = []
    for ward_id in wards_of(session, writer_id):
        ward = get_subject(session, ward_id)
        if ward is None:
            continue
        # a first name may carry an inflection ending (Finnish "Veetin", "Veetistä"); a ref may not
        patterns = [rf"(?<!\w){re.escape(ward.ref)}(?!\w)"] if ward.ref else []
        if ward.first_name and len(ward.first_name) >= 3:
            patterns.append(rf"(?<!\w){re.escape(ward.first_name)}\w{{0,5}}(?!\w)")
        if any(re.search(p, text, re.IGNORECASE) for p in patterns):
            named.append(ward_id)
    if len(named) == 1:
        return named[0], False
    return writer_id, len(named) > 1


def _token() -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    first, second = ("".join(secrets.choice(alphabet) for _ in range(6)) for _ in range(2))
    return f"MB-{first}-{second}"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@functools.lru_cache(maxsize=4)
def _rules(rules_dir: Path | None, _period: int) -> Rules:
    """The rules, looked at again for edits once per RULES_RECHECK seconds, not per message."""
    return load_rules(extra_dirs=[rules_dir] if rules_dir else [])


def _claim(session: Session, key: str) -> bool:
    """One worker per message: on PostgreSQL a transaction-scoped advisory lock on the message's
    key, taken without waiting (another worker holding it means: skip, it is being done). It is
    released by the commit or rollback, and by the server if the worker dies. SQLite serialises
    writers itself, and the ledger's unique key settles any race."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    lock = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
    return bool(session.execute(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": lock}).scalar())


def _retried_long_enough(session: Session, key: str) -> bool:
    """True once a message has waited DNS_GIVE_UP for its signer's DNS; remembers the first try."""
    name = f"dns-retry:{hashlib.sha256(key.encode()).hexdigest()[:32]}"
    with Session(
        session.get_bind().engine
    ) as own:  # kept even though the message's work rolls back
        row = own.get(RuntimeState, name)
        if row is None:
            own.add(RuntimeState(key=name, value=utcnow().isoformat()))
            own.commit()
            return False
        return utcnow() - datetime.fromisoformat(row.value) >= DNS_GIVE_UP


def _our_own(settings: Settings, parsed: ParsedMessage) -> bool:
    """Our reply looping back: it carries our case header, or comes from our own address."""
    if parsed.msg.get("X-Mailbot-Case") is not None:
        return True
    own = (settings.controller_address or "").lower()
    return bool(own) and any(addr.lower() == own for _name, addr in parsed.from_addresses)


def _from_key(parsed: ParsedMessage) -> str | None:
    """The single From address, normalised, or None (then identity will reject the message)."""
    if len(parsed.from_addresses) != 1:
        return None
    try:
        return normalise_address(parsed.from_addresses[0][1])
    except AddressError:
        return None


def content_hash(parsed: ParsedMessage) -> str:
    """What the sender wrote: the author's headers and the body, not the trace headers a relay adds,
    so a re-delivered copy hashes the same and a different letter under the same Message-ID does not."""
    digest = hashlib.sha256()
    authored = {"from", "to", "subject", "date", "message-id"}
    for name, value in parsed.msg.raw_items():  # raw values: no header objects built
        if name.lower() in authored:
            digest.update(f"{name.lower()}:{value}\n".encode("utf-8", "surrogateescape"))
    _head, _sep, body = parsed.raw.replace(b"\r\n", b"\n").partition(b"\n\n")
    digest.update(body)
    return digest.hexdigest()


def _seen_message_id(session: Session, message_id: str, from_key: str | None, digest: str) -> bool:
    """The same message again: same Message-ID, same sender, same content. Anyone reusing a
    Message-ID with other content (by accident, or to make a genuine request look like a
    duplicate) is processed on its own."""
    params = {"message_id": message_id, "from_key": from_key, "digest": digest}
    return session.connection().execute(_SEEN, params).first() is not None


# Built once: the statements run for every message (building a select per call costs more than
# running it)
_LEDGER_ROW = select(
    ProcessedMessage.outcome,  # type: ignore[call-overload]
    ProcessedMessage.done_on_server,
    ProcessedMessage.received_at,
).where(ProcessedMessage.source_key == bindparam("key"))
_SEEN = (
    select(ProcessedMessage.id)  # type: ignore[call-overload]
    .where(ProcessedMessage.message_id == bindparam("message_id"))
    .where(ProcessedMessage.from_address.is_not_distinct_from(bindparam("from_key")))  # type: ignore[union-attr]
    .where(ProcessedMessage.content_hash == bindparam("digest"))
    .limit(1)
)


def _template_context(
    ctx: Context,
    language: str,
    *,
    subject: Subject | None = None,
    profile: dict[str, Any] | None = None,
) -> dict[str, Any]:
    assert ctx.case is not None
    return cases.letter_context(
        ctx.case,
        settings=ctx.settings,
        greet=subject,
        profile=profile or load_profile(ctx.settings.profile, ctx.settings.rules_dir),
    )


def _reply(ctx: Context, kind: str, *, to: str | None, extra: dict[str, Any]) -> None:
    if to is None:
        return
    klass = ctx.classification
    subject = (
        get_subject(ctx.session, ctx.identity.subject_id)
        if ctx.identity and ctx.identity.subject_id
        else None
    )
    language = reply_language(
        klass.language if klass else None, subject.preferred_language if subject else None
    )
    context = {**_template_context(ctx, language), **extra}
    _send(
        ctx,
        render(kind, language=language, context=context, extra_dir=ctx.settings.templates_dir),
        to=to,
    )


def _send(ctx: Context, rendered: Rendered, *, to: str) -> None:
    parsed = ctx.parsed
    assert parsed is not None
    queue_rendered(
        ctx.session,
        settings=ctx.settings,
        case=ctx.case,
        rendered=rendered,
        to=to,
        in_reply_to=parsed.message_id,
        references=parsed.references,
    )
    ctx.replies.append(rendered.kind)


def _ledger(ctx: Context, outcome: MessageOutcome, *, note: str = "") -> None:
    """The message's ledger row: a plain INSERT, so a second worker's copy fails here at once."""
    parsed = ctx.parsed
    row = {
        "source_key": ctx.raw.key,
        "message_id": parsed.message_id if parsed else None,
        "content_hash": ctx.digest,
        "from_address": ctx.identity.from_address
        if ctx.identity
        else (_from_key(parsed) if parsed else None),
        "subject_line": one_line(parsed.subject) if parsed else None,
        "outcome": outcome,
        "case_id": ctx.case.id if ctx.case else None,
        "error": note or None,
        "raw": ctx.raw.data if outcome is not MessageOutcome.DUPLICATE else None,
        "received_at": utcnow(),
        "done_on_server": False,
    }
    ctx.session.execute(_INSERT_LEDGER, [row])


_INSERT_LEDGER = insert(ProcessedMessage.__table__)  # type: ignore[attr-defined]


def _record_quarantine(ctx: Context, error: str) -> Outcome:
    ctx.session.rollback()
    ctx.case = None
    ctx.session.add(
        ProcessedMessage(
            source_key=ctx.raw.key,
            outcome=MessageOutcome.QUARANTINED,
            error=error,
            raw=ctx.raw.data,
        )
    )
    cases.audit(ctx.session, None, "quarantined", {"key": ctx.raw.key, "error": error})
    return Outcome(ctx.raw.key, MessageOutcome.QUARANTINED, note=error)


def _quarantine(settings: Settings, raw: RawMessage, error: str) -> Outcome:
    try:
        with session_scope(settings.database_url) as session:
            if (
                session.exec(
                    select(ProcessedMessage.id).where(ProcessedMessage.source_key == raw.key)
                ).first()
                is None
            ):
                session.add(
                    ProcessedMessage(
                        source_key=raw.key,
                        outcome=MessageOutcome.QUARANTINED,
                        error=error,
                        raw=raw.data,
                    )
                )
                cases.audit(
                    session, None, "quarantined", {"key": raw.key, "error": error.splitlines()[0]}
                )
    except Exception:  # the database itself is failing: leave the message where it is
        log.exception("could not record quarantine of %s; left on the server", raw.key)
        return Outcome(raw.key, None, note="database unavailable; left for the next run")
    return Outcome(raw.key, MessageOutcome.QUARANTINED, note=error.splitlines()[0])


# --------------------------------------------------------------------------- one run


@dataclass
class RunReport:
    outcomes: list[Outcome] = field(default_factory=list)
    delivery: DeliveryReport = field(default_factory=DeliveryReport)
    errors: list[str] = field(default_factory=list)


def run_once(settings: Settings, mailbox: Mailbox) -> RunReport:
    """Process what waits in the mailbox, mark messages done after their commits (in batches),
    send the replies."""
    report = RunReport()
    marks: list[tuple[RawMessage, bool]] = []
    courier = _Courier(settings)
    try:
        _process_all(settings, mailbox, marks, report, courier)
    except BaseException:
        try:
            courier.finish()
        except Exception:  # the processing's error is the one raised; this one is logged
            log.exception("delivery failed too")
        raise
    report.delivery = courier.finish()  # the last batch's replies, then the thread ends
    return report


def _process_all(
    settings: Settings,
    mailbox: Mailbox,
    marks: list[tuple[RawMessage, bool]],
    report: RunReport,
    courier: _Courier,
) -> None:
    for raw in mailbox.fetch_new():
        # one fsync per batch, not per message: the batch is made durable before it is marked
        outcome = process_message(settings, raw, relaxed=True)
        report.outcomes.append(outcome)
        if not outcome.already:
            log.info(
                "message processed",
                extra={
                    "message_key": raw.key,
                    "outcome": outcome.outcome.value if outcome.outcome else "retry_later",
                    "case": outcome.case_ref,
                    "status": outcome.status,
                    "replies": outcome.replies,
                },
            )
        if outcome.config_error:
            report.errors.append(outcome.note)
            break
        if outcome.outage:
            report.errors.append(f"{raw.key}: {outcome.note}")
        if outcome.mark_done:
            marks.append((raw, outcome.quarantine))
        if len(marks) >= MARK_BATCH:
            _mark(settings, mailbox, marks, report)
            courier.wake()  # this batch is durable: its replies may leave while we read on
    _mark(settings, mailbox, marks, report)


class _Courier:
    """Delivers replies in a thread beside the processing. Woken after each batch is durable, it
    sends what waits while the next batch is read, so the mail server's round trips (the waiting
    of one SMTP conversation per reply) overlap mailbot's own work instead of following it. One
    thread, one SMTP connection a round, as before: the outbox's claims keep each row to one send
    whoever else delivers. Its claim commit is durable, so it never sends a reply whose case could
    still be lost to a power cut. finish() ends it with a last round and returns what it sent; an
    error inside it is raised there, as the delivery at the end of a run used to raise."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._wake = threading.Event()
        self._last = False
        self._error: BaseException | None = None
        self.report = DeliveryReport()
        self._thread = threading.Thread(target=self._run, name="mailbot-courier", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def finish(self) -> DeliveryReport:
        self._last = True
        self._wake.set()
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self.report

    def _run(self) -> None:
        try:
            while True:
                self._wake.wait()
                self._wake.clear()
                last = self._last  # read before the round: a wake during it gets one more
                self.report.add(deliver(self._settings))
                if last:
                    return
        except BaseException as exc:  # handed to finish(), in the thread that runs the round
            self._error = exc


def _mark(
    settings: Settings, mailbox: Mailbox, marks: list[tuple[RawMessage, bool]], report: RunReport
) -> None:
    """Mark committed messages done on the server; the ledger makes a missed mark a no-op later."""
    if not marks:
        return
    try:
        # the messages' outcomes are on disk before they move, and only theirs: a database server
        # that crashed since their relaxed commits may have lost some (those stay and are re-read)
        on_disk = make_durable(settings.database_url, [raw.key for raw, _q in marks])
        kept = [(raw, quarantine) for raw, quarantine in marks if raw.key in on_disk]
        if len(kept) < len(marks):
            lost = len(marks) - len(kept)
            log.warning("%d processed message(s) lost their database record; re-read next", lost)
            report.errors.append(
                f"{lost} message(s) lost their database record (did the database restart?); "
                "left in the INBOX to be processed again"
            )
        _record_moved(settings, mailbox.mark_done_many(kept))
    except Exception as exc:
        report.errors.append(f"could not mark {len(marks)} message(s) done: {exc}")
    marks.clear()


def _record_moved(settings: Settings, keys: list[str]) -> None:
    """Note which messages are done on the server (one statement per 500), for other workers."""
    for start in range(0, len(keys), 500):
        with session_scope(settings.database_url) as session:
            session.exec(  # type: ignore[call-overload]
                update(ProcessedMessage)
                .where(ProcessedMessage.source_key.in_(keys[start : start + 500]))  # type: ignore[attr-defined]
                .values(done_on_server=True)
            )


def deliver(settings: Settings) -> DeliveryReport:
    smtp_url = settings.require("smtp_url")
    return deliver_pending(
        database_url=settings.database_url,
        transport=open_transport(smtp_url),
        sender=settings.controller_address or "privacy@localhost",
        hourly_cap=settings.replies_per_hour,
    )
