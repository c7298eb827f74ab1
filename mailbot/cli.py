"""The command line (DESIGN.md's contract): typer commands over the pipeline and the register."""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from sqlalchemy import func
from sqlmodel import select

from mailbot.models import utcnow
from mailbot.settings import Settings, SettingsError, load_settings
from mailbot.staff import staff_app

app = typer.Typer(
    help="mailbot: answers GDPR data subject requests that arrive by email.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
register_app = typer.Typer(help="The customer register.", no_args_is_help=True)
queue_app = typer.Typer(help="The staff approval queue.", no_args_is_help=True)
cases_app = typer.Typer(help="Data subject request cases.", no_args_is_help=True)
db_app = typer.Typer(help="The database schema.", no_args_is_help=True)
retention_app = typer.Typer(help="Retention of the register's data.", no_args_is_help=True)
quarantine_app = typer.Typer(help="Messages that could not be processed.", no_args_is_help=True)
export_app = typer.Typer(
    help="Processing exports that honour every prohibition.", no_args_is_help=True
)
app.add_typer(register_app, name="register")
app.add_typer(queue_app, name="queue")
app.add_typer(cases_app, name="cases")
app.add_typer(staff_app, name="staff")  # mailbot/staff.py
app.add_typer(db_app, name="db")
app.add_typer(retention_app, name="retention")
app.add_typer(export_app, name="export")
app.add_typer(quarantine_app, name="quarantine")


def fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"mailbot: error: {message}", err=True)
    raise typer.Exit(code)


def not_yet(what: str, issue: int) -> NoReturn:
    fail(f"{what} is not built yet (tracker issue {issue}); nothing was done", code=3)


def settings() -> Settings:
    try:
        return load_settings()
    except SettingsError as exc:
        fail(str(exc))


def database(cfg: Settings) -> str:
    """The database URL, with the schema brought up to date (idempotent and cheap)."""
    from mailbot.db import migrate

    try:
        migrate(cfg.database_url)
    except Exception as exc:  # an unreachable server, a read-only file...
        fail(
            f"MAILBOT_DATABASE_URL: cannot open the database: {type(exc).__name__}: {exc}".splitlines()[
                0
            ]
        )
    return cfg.database_url


# --------------------------------------------------------------------------- demo, run


@app.command()
def demo(
    directory: Annotated[Path, typer.Option("--dir", help="Where to put the demo's files.")] = Path(
        "mailbot-demo"
    ),
) -> None:
    """Embedded default: a sample register and inbox on SQLite, processed once; replies in a Maildir."""
    from mailbot.demo import run_demo

    run_demo(directory, echo=typer.echo)


@app.command()
def run(
    once: Annotated[
        bool, typer.Option("--once", help="Process what waits, then exit (for cron).")
    ] = False,
) -> None:
    """The daemon: read the mailbox, answer requests; IDLE or poll for more."""
    from mailbot.daemon import RoundFailed, serve
    from mailbot.mailbox import open_mailbox

    cfg = settings()
    mailbox_url = _required(cfg, "mailbox_url")
    _required(cfg, "smtp_url")
    _required(cfg, "controller_address")
    database(cfg)
    from mailbot.logs import setup as setup_logging

    setup_logging(cfg.log_format)
    if cfg.suppression_key is None:
        logging.getLogger("mailbot").warning(
            "MAILBOT_SUPPRESSION_KEY is not set: opt-out hashes use a public default key"
        )
    stopping = False

    def _stop(_signum: int, _frame: Any) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    mailbox = open_mailbox(
        mailbox_url, done_folder=cfg.processed_folder, quarantine_folder=cfg.quarantine_folder
    )
    try:
        serve(cfg, mailbox, once=once, stopping=lambda: stopping, on_report=_print_run)
    except RoundFailed as exc:
        fail(str(exc), code=1)
    finally:
        mailbox.close()


def _required(cfg: Settings, name: str) -> Any:
    try:
        return cfg.require(name)
    except SettingsError as exc:
        fail(str(exc))


def _print_run(report: Any) -> None:
    for outcome in report.outcomes:
        if outcome.already:
            continue
        parts = [outcome.outcome.value if outcome.outcome else "retry-later", outcome.key]
        if outcome.case_ref:
            parts.append(f"case {outcome.case_ref} ({outcome.status})")
        if outcome.replies:
            parts.append("replies: " + ", ".join(outcome.replies))
        if outcome.note and not outcome.case_ref:
            parts.append(outcome.note.splitlines()[0][:160])
        typer.echo("  ".join(parts))
    d = report.delivery
    typer.echo(f"outbox: {d.sent} sent, {d.deferred} deferred, {d.failed} failed")


# --------------------------------------------------------------------------- classify, verify


@app.command()
def classify(
    files: Annotated[list[Path], typer.Argument(help=".eml or plain-text letters")],
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per file, per line.")
    ] = False,
) -> None:
    """Which rights a letter exercises, in which language, how sure."""
    from mailbot.classify import classify_file, load_rules

    cfg = settings()
    rules = load_rules(extra_dirs=[cfg.rules_dir] if cfg.rules_dir else [])
    for path in files:
        line = classify_file(path, rules=rules)
        if as_json:
            typer.echo(json.dumps(line, ensure_ascii=False))
        elif "error" in line:
            typer.echo(f"{path}: error: {line['error']}")
        else:
            intents = ", ".join(line["intents"]) or "(no right asked)"
            flags = [f"language {line['language']}", f"confidence {line['confidence']:.2f}"]
            if line["needs_review"]:
                flags.append("needs review")
            if line["automated"]:
                flags.append("automated: never answered")
            typer.echo(f"{path}: {intents}  [{'; '.join(flags)}]")


@app.command()
def verify(
    files: Annotated[list[Path], typer.Argument(help=".eml files")],
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per file, per line.")
    ] = False,
) -> None:
    """Who wrote each message: DKIM, alignment, the register's addresses, and the verdict."""
    from mailbot.identity import IdentitySettings, KeysFileError, verify_identity

    cfg = settings()
    lookup = _register_lookup(cfg)
    identity_settings = IdentitySettings(
        keys_file=cfg.dkim_keys_file,
        authserv_id=cfg.authserv_id,
        dns_timeout=cfg.dns_timeout,
        use_dns=cfg.dns,
        strict_alignment=cfg.dkim_strict_alignment,
    )
    for path in files:
        try:
            raw = path.read_bytes()
            line: dict[str, Any] = {
                "file": str(path),
                **verify_identity(raw, lookup=lookup, settings=identity_settings).to_json(),
            }
        except KeysFileError as exc:  # the settings are wrong, not the message
            fail(str(exc))
        except OSError as exc:
            line = {
                "file": str(path),
                "verdict": "rejected",
                "error": f"cannot read: {exc.strerror}",
            }
        except Exception as exc:  # a verifier bug must not hide the other files' lines
            line = {
                "file": str(path),
                "verdict": "rejected",
                "error": f"{type(exc).__name__}: {exc}",
            }
        if as_json:
            typer.echo(json.dumps(line, ensure_ascii=False))
        else:
            typer.echo(
                f"{path}: {line.get('verdict')}  from {line.get('from')}  dkim {line.get('dkim')}"
            )
            for reason in line.get("reasons", []) or [line.get("error", "")]:
                typer.echo(f"    {reason}")


def _register_lookup(cfg: Settings) -> Callable[[str], int | None]:
    """Address -> subject id from the configured register; no register means nobody is known."""
    from mailbot.db import get_engine, is_initialised
    from mailbot.register import subject_id_for

    try:
        if not is_initialised(cfg.database_url):
            return lambda _address: None
    except Exception as exc:
        fail(f"MAILBOT_DATABASE_URL: cannot open the database: {exc}".splitlines()[0])
    from sqlmodel import Session

    session = Session(get_engine(cfg.database_url))
    return lambda address: subject_id_for(session, address)


# --------------------------------------------------------------------------- register


@register_app.command("add")
def register_add(
    name: Annotated[str, typer.Option("--name", help="First and last name.")],
    email: Annotated[
        list[str], typer.Option("--email", help="Email address (repeat for several).")
    ],
    org: Annotated[str | None, typer.Option("--org", help="The organisation represented.")] = None,
    business_id: Annotated[str | None, typer.Option("--business-id")] = None,
    phone: Annotated[str | None, typer.Option("--phone")] = None,
    address: Annotated[str | None, typer.Option("--address", help="Postal address.")] = None,
    language: Annotated[str | None, typer.Option("--language", help="fi, sv or en")] = None,
    ref: Annotated[
        str | None, typer.Option("--ref", help="Customer number (default: next free).")
    ] = None,
    birth_date: Annotated[str | None, typer.Option("--birth-date", help="YYYY-MM-DD")] = None,
    guardian: Annotated[
        list[str], typer.Option("--guardian", help="Ref of a guardian (repeatable).")
    ] = [],  # noqa: B006
) -> None:
    """Add one subject to the register."""
    from pydantic import ValidationError

    from mailbot.db import session_scope
    from mailbot.register import RegisterError, SubjectIn, add_subject, next_ref

    cfg = settings()
    url = database(cfg)
    first, _, last = name.strip().partition(" ")
    try:
        with session_scope(url) as session:
            item = SubjectIn(
                ref=ref or next_ref(session),
                emails=email,
                first_name=first or None,
                last_name=last or None,
                organisation=org,
                business_id=business_id,
                is_company_contact=org is not None,
                phone=phone,
                postal_address=address,
                preferred_language=language,  # type: ignore[arg-type]
                birth_date=birth_date,  # type: ignore[arg-type]
                guardians=guardian,
            )
            subject = add_subject(session, item)
            typer.echo(f"added {subject.ref}: {name} <{', '.join(item.emails)}>")
    except ValidationError as exc:
        err = exc.errors()[0]
        fail(
            f"--{'-'.join(str(p) for p in err['loc'][:1]).replace('_', '-')}: {str(err['msg']).removeprefix('Value error, ')}"
        )
    except RegisterError as exc:
        fail(str(exc))


@register_app.command("show")
def register_show(
    email: Annotated[str, typer.Argument(help="Any of the subject's email addresses.")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Everything held on one subject."""
    from mailbot.db import session_scope
    from mailbot.register import find_subject, subject_record

    cfg = settings()
    with session_scope(database(cfg)) as session:
        subject = find_subject(session, email)
        if subject is None or subject.id is None:
            fail(f"no subject with the address {email}", code=1)
        record = subject_record(session, subject.id)
    if as_json:
        typer.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    for key, value in record.items():
        if isinstance(value, list):
            typer.echo(f"{key}:")
            for item in value:
                typer.echo(
                    f"  - {json.dumps(item, ensure_ascii=False) if isinstance(item, dict) else item}"
                )
        elif value not in (None, False):
            typer.echo(f"{key}: {value}")


@register_app.command("import")
def register_import(
    file: Annotated[Path, typer.Argument(help="JSON file, see docs/register-format.md")],
) -> None:
    """Load subjects from a JSON file: validated whole first, then all or nothing."""
    from mailbot.db import session_scope
    from mailbot.register import RegisterError, import_register, parse_register_file

    cfg = settings()
    try:
        parsed = parse_register_file(file)
        with session_scope(database(cfg)) as session:
            count = import_register(session, parsed, source=str(file))
    except RegisterError as exc:
        fail(str(exc), code=1)
    typer.echo(f"imported {count} subjects from {file}")


# --------------------------------------------------------------------------- cases, status, db


@cases_app.command("list")
def cases_list(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Open cases by deadline, overdue first."""
    from mailbot.case import case_intents, effective_deadline
    from mailbot.db import session_scope
    from mailbot.models import OPEN_STATUSES, Case, utcnow

    cfg = settings()
    with session_scope(database(cfg)) as session:
        rows = session.exec(select(Case).where(Case.status.in_(OPEN_STATUSES))).all()  # type: ignore[attr-defined]
    now = utcnow()
    rows = sorted(rows, key=effective_deadline)
    out = [
        {
            "ref": c.ref,
            "status": c.status.value,
            "intents": case_intents(c),
            "from": c.from_address,
            "deadline": effective_deadline(c).isoformat(),
            "days_left": (effective_deadline(c) - now).days,
            "overdue": effective_deadline(c) < now,
        }
        for c in rows
    ]
    if as_json:
        for line in out:
            typer.echo(json.dumps(line))
        return
    if not out:
        typer.echo("no open cases")
    for line in out:
        flag = "OVERDUE" if line["overdue"] else f"{line['days_left']:>3} days"
        typer.echo(
            f"{line['ref']}  {flag}  {line['status']:<22} {','.join(line['intents']) or '-'}  {line['from']}"
        )


@app.command()
def status() -> None:
    """Queue depth, outbox, quarantine, last poll: exits non-zero when the database cannot be read."""
    from datetime import timedelta

    from mailbot.case import effective_deadline
    from mailbot.db import session_scope
    from mailbot.models import (
        OPEN_STATUSES,
        Case,
        MessageOutcome,
        OutboxMessage,
        OutboxStatus,
        ProcessedMessage,
        RuntimeState,
    )

    cfg = settings()
    with session_scope(database(cfg)) as session:

        def count(model: Any, *where: Any) -> int:
            return int(session.exec(select(func.count()).select_from(model).where(*where)).one())

        typer.echo(f"open cases: {count(Case, Case.status.in_(OPEN_STATUSES))}")  # type: ignore[attr-defined]
        typer.echo(
            f"outbox pending: {count(OutboxMessage, OutboxMessage.status == OutboxStatus.PENDING)}"
        )
        typer.echo(
            f"outbox failed: {count(OutboxMessage, OutboxMessage.status == OutboxStatus.FAILED)}"
        )
        typer.echo(
            f"quarantined messages: {count(ProcessedMessage, ProcessedMessage.outcome == MessageOutcome.QUARANTINED)}"
        )
        typer.echo(f"messages processed: {count(ProcessedMessage)}")
        last = session.get(RuntimeState, "last_poll")
        typer.echo(f"last successful poll: {last.value if last else 'never'}")
        soon = utcnow() + timedelta(days=7)
        near = [
            c
            for c in session.exec(select(Case).where(Case.status.in_(OPEN_STATUSES))).all()
            if effective_deadline(c) <= soon
        ]  # type: ignore[attr-defined]
        typer.echo(f"open cases due within 7 days or overdue: {len(near)}")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or upgrade the schema to the newest migration."""
    cfg = settings()
    database(cfg)
    typer.echo("database schema is up to date")


@retention_app.command("sweep")
def retention_sweep(
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Report only; change nothing.")
    ] = False,
    today: Annotated[
        str | None, typer.Option("--today", help="YYYY-MM-DD (default: today)")
    ] = None,
) -> None:
    """Erase or anonymise subjects past the profile's retention, honouring holds (for cron)."""
    from datetime import date

    from mailbot.actions import lift_due
    from mailbot.db import session_scope
    from mailbot.policy import load_profile
    from mailbot.retention import sweep

    cfg = settings()
    day = date.fromisoformat(today) if today else date.today()
    with session_scope(database(cfg)) as session:
        report = sweep(
            session, load_profile(cfg.profile, cfg.rules_dir), today=day, dry_run=dry_run,
            suppression_key=cfg.suppression_key,
        )  # fmt: skip
        lifted = 0 if dry_run else lift_due(session)
        if dry_run:
            session.rollback()
    verb = "would erase" if dry_run else "erased"
    typer.echo(f"{verb} {len(report.erased)}: {', '.join(report.erased) or '-'}")
    for ref, holds in report.partly:
        typer.echo(f"{verb} in part {ref}: kept for {', '.join(holds)}")
    for ref, holds in report.kept:
        typer.echo(f"kept {ref}: {', '.join(holds)}")
    if lifted:
        typer.echo(f"restrictions lifted after notice: {lifted}")


@export_app.command("marketing")
def export_marketing(
    channel: Annotated[
        str,
        typer.Option(
            "--channel",
            help="direct_advertising, distance_selling, direct_marketing, market_research",
        ),
    ],
) -> None:
    """CSV of subjects who may receive marketing on a channel (restricted and opted-out left out)."""
    from mailbot.db import session_scope
    from mailbot.exports import marketing_list, to_csv
    from mailbot.models import MarketingChannel

    cfg = settings()
    try:
        kind = MarketingChannel(channel)
    except ValueError:
        fail(f"--channel must be one of {', '.join(c.value for c in MarketingChannel)}")
    with session_scope(database(cfg)) as session:
        typer.echo(
            to_csv(marketing_list(session, channel=kind, suppression_key=cfg.suppression_key)),
            nl=False,
        )


@export_app.command("labels")
def export_labels() -> None:
    """CSV for published lists and mailing labels (publication prohibitions and restrictions left out)."""
    from mailbot.db import session_scope
    from mailbot.exports import mailing_labels, to_csv

    cfg = settings()
    with session_scope(database(cfg)) as session:
        typer.echo(to_csv(mailing_labels(session)), nl=False)


@register_app.command("lift-restriction")
def register_lift_restriction(
    email: str,
    reason: Annotated[str, typer.Option("--reason")] = "",
    days: Annotated[int, typer.Option("--days", help="Notice period before the lift.")] = 7,
    by: BY = None,
) -> None:
    """Tell the subject now, lift the restriction after the notice period (`retention sweep` lifts)."""
    from datetime import timedelta

    from mailbot.case import audit
    from mailbot.db import session_scope
    from mailbot.outbox import queue_rendered
    from mailbot.register import find_subject, primary_address
    from mailbot.reply import render, reply_language

    cfg = settings()
    if not reason.strip():
        fail("--reason is required: the subject is told why the restriction ends")
    with session_scope(database(cfg)) as session:
        subject = find_subject(session, email)
        if subject is None or not subject.restricted:
            fail(f"no restricted subject with the address {email}", code=1)
        when = utcnow() + timedelta(days=days)
        subject.restriction_lift_at = when
        session.add(subject)
        audit(
            session,
            None,
            "restriction:lift_notified",
            {"subject": subject.ref, "lift_at": when.isoformat(), "reason": reason},
            actor=_actor(by),
        )
        rendered = render(
            "restriction_lift", language=reply_language(subject.preferred_language),
            context={"controller_name": cfg.controller_name, "reason": reason, "lift_at": f"{when:%Y-%m-%d}",
                     "name": " ".join(p for p in (subject.first_name, subject.last_name) if p)},
            extra_dir=cfg.templates_dir,
        )  # fmt: skip
        to = primary_address(session, subject.id)  # type: ignore[arg-type]  # never the typed form
        if to:
            queue_rendered(
                session, settings=cfg, case=None, rendered=rendered, to=to,
                in_reply_to=None, references=[], actor=_actor(by),
            )  # fmt: skip
    typer.echo(f"notice queued; the restriction ends on {when:%Y-%m-%d}")


@quarantine_app.command("list")
def quarantine_list(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Quarantined messages, oldest first, with the error that stopped each."""
    from mailbot.db import session_scope
    from mailbot.quarantine import list_quarantined

    cfg = settings()
    with session_scope(database(cfg)) as session:
        rows = list_quarantined(session)
    for row in rows:
        typer.echo(
            json.dumps(row.to_json(), ensure_ascii=False)
            if as_json
            else f"#{row.id}  {row.received_at[:19]}  {row.error}"
        )
    if not rows and not as_json:
        typer.echo("nothing in quarantine")


@quarantine_app.command("show")
def quarantine_show(row_id: int) -> None:
    """The error and the message exactly as it arrived (raw, to stdout)."""
    from mailbot.db import session_scope
    from mailbot.quarantine import QuarantineError, get_quarantined

    cfg = settings()
    try:
        with session_scope(database(cfg)) as session:
            row = get_quarantined(session, row_id)
            typer.echo(f"error: {row.error}", err=True)
            sys.stdout.buffer.write(row.raw or b"")
            sys.stdout.flush()
    except QuarantineError as exc:
        fail(str(exc), code=1)


@quarantine_app.command("reprocess")
def quarantine_reprocess(row_id: int, by: BY = None) -> None:
    """Run a quarantined message through the pipeline again (after fixing what stopped it)."""
    from mailbot.quarantine import QuarantineError, reprocess

    cfg = settings()
    database(cfg)
    try:
        outcome = reprocess(cfg, row_id, actor=_actor(by))
    except QuarantineError as exc:
        fail(str(exc), code=1)
    case = f", case {outcome.case_ref}" if outcome.case_ref else ""
    typer.echo(
        f"reprocessed #{row_id}: {outcome.outcome.value if outcome.outcome else '?'}{case} (replies go out with the next run)"
    )


@quarantine_app.command("dismiss")
def quarantine_dismiss(
    row_id: int, reason: Annotated[str, typer.Option("--reason")] = "", by: BY = None
) -> None:
    """Mark a quarantined message looked at, with nothing to do (it stays stored)."""
    from mailbot.quarantine import QuarantineError, dismiss

    cfg = settings()
    if not reason.strip():
        fail("--reason is required: the audit trail says why nothing was done")
    database(cfg)
    try:
        dismiss(cfg, row_id, actor=_actor(by), reason=reason)
    except QuarantineError as exc:
        fail(str(exc), code=1)
    typer.echo(f"dismissed #{row_id}")


# --------------------------------------------------------------------------- later issues


def _actor(by: str | None) -> str:
    import getpass

    return by or os.environ.get("MAILBOT_STAFF_USER") or getpass.getuser()


BY = Annotated[
    str | None,
    typer.Option(
        "--by",
        help="Staff member recorded in the audit trail (default: $MAILBOT_STAFF_USER or your login).",
    ),
]


@queue_app.command("list")
def queue_list(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Cases waiting for staff, nearest deadline first."""
    from mailbot.db import session_scope
    from mailbot.queue import list_queue

    cfg = settings()
    with session_scope(database(cfg)) as session:
        items = list_queue(session)
    if as_json:
        for item in items:
            typer.echo(json.dumps(item.to_json(), ensure_ascii=False))
        return
    if not items:
        typer.echo("nothing waits for staff")
    for item in items:
        flag = "OVERDUE" if item.overdue else f"{item.days_left:>3} days"
        rights = ", ".join(p["right"] for p in item.pending) or ", ".join(item.intents) or "-"
        typer.echo(f"{item.case_ref}  {flag}  {item.status:<22} {rights}  {item.from_address}")


@queue_app.command("show")
def queue_show(
    ref: Annotated[str, typer.Argument(help="Case reference, e.g. DSR-20261123-1A2B3C4D")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """One case: the email, the identity and classification verdicts with reasons, the proposals, the trail."""
    from mailbot.db import session_scope
    from mailbot.queue import QueueError, case_detail

    cfg = settings()
    try:
        with session_scope(database(cfg)) as session:
            detail = case_detail(session, ref)
    except QueueError as exc:
        fail(str(exc), code=1)
    raw = detail.pop("raw_message")
    if as_json:
        detail["raw_message"] = raw.decode("utf-8", "replace") if raw else None
        typer.echo(json.dumps(detail, ensure_ascii=False, indent=2))
        return
    typer.echo(
        f"case {detail['case_ref']}  {detail['status']}  deadline {detail['deadline'][:10]} ({detail['days_left']} days)"
    )
    typer.echo(
        f"from {detail['from_address']}  identity {detail['identity']}  rights {', '.join(detail['intents']) or '-'}"
    )
    for reason in detail["identity_reasons"]:
        typer.echo(f"  identity: {reason}")
    for reason in detail["classification_reasons"]:
        typer.echo(f"  classify: {reason}")
    for pending in detail["pending"]:
        typer.echo(f"pending #{pending['id']} {pending['right']}: {pending['reason']}")
        typer.echo("  " + json.dumps(pending["proposal"], ensure_ascii=False))
    typer.echo("audit:")
    for event in detail["audit"]:
        typer.echo(
            f"  {event['at'][:19]}  {event['actor']:<10} {event['action']}  {event['detail'][:120]}"
        )
    if raw:
        from mailbot.message import MessageError, parse_message

        try:
            parsed = parse_message(raw)
            typer.echo(f"--- the email (subject: {parsed.subject})")
            typer.echo(parsed.body_text[:4000])
        except MessageError as exc:
            typer.echo(f"--- the email could not be parsed: {exc}")


def _decide(call: Callable[[], Any]) -> None:
    from mailbot.queue import QueueError

    try:
        status = call()
    except QueueError as exc:
        fail(str(exc), code=1)
    typer.echo(f"case is now {status.value}; replies wait in the outbox (sent by `mailbot run`)")


@queue_app.command("approve")
def queue_approve(
    ref: str,
    action: Annotated[
        int | None, typer.Option("--action", help="Only this pending action.")
    ] = None,
    by: BY = None,
) -> None:
    """Approve and carry out a case's pending actions exactly as proposed."""
    from mailbot.queue import approve

    cfg = settings()
    database(cfg)
    _decide(lambda: approve(cfg, ref, actor=_actor(by), action_id=action))


@queue_app.command("reject")
def queue_reject(
    ref: str,
    reason: Annotated[
        str, typer.Option("--reason", help="Told to the subject, with the right to complain.")
    ] = "",
    action: Annotated[int | None, typer.Option("--action")] = None,
    by: BY = None,
) -> None:
    """Refuse a case's pending actions; the subject gets the reason."""
    from mailbot.queue import reject

    cfg = settings()
    if not reason.strip():
        fail("--reason is required: a refusal is a written statement of reasons")
    database(cfg)
    _decide(lambda: reject(cfg, ref, actor=_actor(by), reason=reason, action_id=action))


@queue_app.command("confirm")
def queue_confirm(
    ref: str,
    subject: Annotated[
        str | None, typer.Option("--subject", help="Ref of the subject, if the case has none.")
    ] = None,
    by: BY = None,
) -> None:
    """Mark the writer's identity confirmed (checked by other means); the case proceeds."""
    from mailbot.queue import confirm_identity

    cfg = settings()
    database(cfg)
    _decide(lambda: confirm_identity(cfg, ref, actor=_actor(by), subject_ref=subject))


@queue_app.command("triage")
def queue_triage(
    ref: str,
    rights: Annotated[list[str], typer.Argument(help="access, erasure, ...")],
    by: BY = None,
) -> None:
    """Set the rights a letter exercises, for what mailbot could not classify."""
    from mailbot.queue import set_intents

    cfg = settings()
    database(cfg)
    _decide(lambda: set_intents(cfg, ref, actor=_actor(by), intents=rights))


@cases_app.command("extend")
def cases_extend(
    ref: str, reason: Annotated[str, typer.Option("--reason")] = "", by: BY = None
) -> None:
    """Extend a case's deadline by two months, notifying the subject (only within the first month)."""
    from mailbot.queue import extend

    cfg = settings()
    database(cfg)
    _decide(lambda: extend(cfg, ref, actor=_actor(by), reason=reason))


@app.command()
def ui(host: str = "127.0.0.1", port: int = 8080) -> None:
    """The staff web page."""
    from mailbot.ui import serve

    cfg = settings()
    database(cfg)
    from mailbot.logs import setup as setup_logging

    setup_logging(cfg.log_format)
    serve(cfg, host=host, port=port)


@app.command("serve-smtp")
def serve_smtp(
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8025,
    lmtp: Annotated[
        bool, typer.Option("--lmtp", help="Speak LMTP (e.g. for Postfix's lmtp transport).")
    ] = False,
) -> None:
    """An SMTP (or LMTP) listener: the MTA delivers the contact address straight to mailbot."""
    import threading

    from mailbot.listener import start

    cfg = settings()
    _required(cfg, "smtp_url")
    _required(cfg, "controller_address")
    database(cfg)
    from mailbot.logs import setup as setup_logging

    setup_logging(cfg.log_format)
    controller = start(cfg, host=host, port=port, lmtp=lmtp)
    typer.echo(
        f"mailbot listening for {'LMTP' if lmtp else 'SMTP'} on {host}:{port} for {cfg.controller_address}"
    )
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


def main() -> None:
    try:
        app()
    except SettingsError as exc:
        typer.echo(f"mailbot: error: {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
