"""`mailbot demo`: the embedded default, end to end with nothing configured.

Creates a SQLite register with sample subjects, a Maildir inbox with sample requests written for the
project (some DKIM-signed with a key made on the spot, one forged, one unsigned, an auto-reply, a
bounce, a malformed message), processes the inbox once through the real pipeline, writes the replies
into a Maildir outbox and prints what happened and where to look.
"""

from __future__ import annotations

import base64
import shutil
from collections.abc import Callable
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from pathlib import Path

import dkim
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from mailbot.db import session_scope
from mailbot.mailbox import MaildirMailbox, append_maildir
from mailbot.models import utcnow
from mailbot.pipeline import run_once
from mailbot.register import import_register, parse_register_file
from mailbot.settings import Settings

CONTROLLER = "privacy@controller.example"
SELECTOR = "demo"

# (what it shows, from, subject, body, signing domain or None, extra headers)
LETTERS: list[tuple[str, str, str, str, str | None, dict[str, str]]] = [
    (
        "Aino, signed, Finnish access request",
        "Aino Virtanen <aino.virtanen@asiakas.example>",
        "Tarkastuspyyntö",
        "Hei,\n\npyydän saada tietää, mitä tietoja minusta on asiakasrekisterissänne "
        "(EU:n tietosuoja-asetuksen 15 artikla).\n\nYstävällisin terveisin\nAino Virtanen\n",
        "asiakas.example",
        {},
    ),
    (
        "John, signed, English access request",
        "John Smith <john.smith@client.example>",
        "Subject access request",
        "Hello,\n\nPlease send me a copy of all personal data you hold about me, under Article 15 "
        "of the GDPR.\n\nKind regards,\nJohn Smith\n",
        "client.example",
        {},
    ),
    (
        "Sara, unsigned, Swedish access request",
        "Sara Lindqvist <sara.lindqvist@kund.example>",
        "Begäran om registerutdrag",
        "Hej!\n\nJag vill ta del av de personuppgifter ni har om mig.\n\nMed vänlig hälsning\nSara\n",
        None,  # unsigned: a known address without proof gets a confirmation code, not data
        {},
    ),
    (
        "forged: John's address, signed by attacker.example, Reply-To the attacker",
        "John Smith <john.smith@client.example>",
        "Urgent: access request",
        "Hi, I need all the data you hold on me sent to my new address right away. Article 15 GDPR.\n",
        "attacker.example",  # signed, but by a domain that is not John's: proves nothing
        {"Reply-To": "collector@attacker.example"},
    ),
    (
        "Jane, not in the register, asks for erasure",
        "Jane Stranger <jane@elsewhere.example>",
        "Please delete my data",
        "Hello, I want you to erase all my personal data under Article 17 GDPR.\nJane\n",
        "elsewhere.example",
        {},
    ),
    (
        "Pekka, signed, Finnish erasure request (open invoice in collection)",
        "Pekka Korhonen <pekka.korhonen@velallinen.example>",
        "Tietojen poistaminen",
        "Hei, pyydän poistamaan kaikki tietoni rekisteristänne.\nPekka Korhonen\n",
        "velallinen.example",
        {},
    ),
    (
        "Aino's out-of-office auto-reply",
        "Aino Virtanen <aino.virtanen@asiakas.example>",
        "Automaattinen vastaus: Tarkastuspyyntö",
        "Olen lomalla 1.12. asti enkä lue sähköpostia.\n",
        None,
        {"Auto-Submitted": "auto-replied"},
    ),
]


def _bounce() -> bytes:
    return (
        "From: Mail Delivery System <MAILER-DAEMON@mx.client.example>\r\n"
        f"To: {CONTROLLER}\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\n"
        f"Date: {format_datetime(utcnow())}\r\n"
        f"Message-ID: {make_msgid(domain='mx.client.example')}\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"\r\n'
        "\r\n--b1\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n"
        "--b1\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.client.example\r\n\r\n"
        "Final-Recipient: rfc822; old@client.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        "--b1--\r\n"
    ).encode()


def _malformed() -> bytes:
    return (
        "From: Aino Virtanen <aino.virtanen@asiakas.example>\r\n"
        "From: Someone Else <someone@elsewhere.example>\r\n"
        f"To: {CONTROLLER}\r\nSubject: Tarkastuspyyntö\r\n"
        f"Message-ID: {make_msgid(domain='elsewhere.example')}\r\n\r\n"
        "Two From headers: nobody can tell who wrote this.\r\n"
    ).encode()


def _keys() -> tuple[bytes, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private, "v=DKIM1; k=rsa; p=" + base64.b64encode(public).decode()


def _letter(sender: str, subject: str, body: str, extra: dict[str, str]) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = CONTROLLER
    msg["Subject"] = subject
    msg["Date"] = format_datetime(utcnow())
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].rstrip(">"))
    for name, value in extra.items():
        msg[name] = value
    msg.set_content(body)
    return msg.as_bytes(policy=SMTP)


def run_demo(directory: Path, *, echo: Callable[[str], None]) -> None:
    directory = directory.resolve()
    if directory.exists():
        shutil.rmtree(directory)
    inbox, outbox = directory / "inbox", directory / "outbox"
    directory.mkdir(parents=True)
    private, public = _keys()
    keys_file = directory / "dkim-keys.txt"
    domains = sorted({letter[4] for letter in LETTERS if letter[4]})
    keys_file.write_text("".join(f"{SELECTOR}._domainkey.{d} {public}\n" for d in domains))

    shows: dict[str, str] = {}
    for what, sender, subject, body, domain, extra in LETTERS:
        data = _letter(sender, subject, body, extra)
        if domain:
            signature = dkim.sign(
                data, SELECTOR.encode(), domain.encode(), private,
                include_headers=[b"from", b"to", b"subject", b"date", b"message-id", b"reply-to"],
            )  # fmt: skip
            data = signature + data
        shows[append_maildir(inbox, data)] = what
    shows[append_maildir(inbox, _bounce())] = "a bounce (delivery status report)"
    shows[append_maildir(inbox, _malformed())] = "malformed: two From headers"

    settings = Settings(
        database_url=f"sqlite:///{directory / 'mailbot.db'}",
        mailbox_url=f"maildir://{inbox}",
        smtp_url=f"maildir://{outbox}",
        controller_address=CONTROLLER,
        controller_name="Example Oy privacy team",
        dkim_keys_file=keys_file,
        dns=False,
    )
    from mailbot.db import migrate

    migrate(settings.database_url)
    register = parse_register_file(Path(__file__).resolve().parent / "demo_data" / "register.json")
    with session_scope(settings.database_url) as session:
        count = import_register(session, register, source="demo register")

    echo(f"mailbot demo in {directory}")
    echo(f"  register: {count} sample subjects in {directory / 'mailbot.db'}")
    echo(f"  inbox:    {len(LETTERS) + 2} sample messages in {inbox}")
    echo("")
    mailbox = MaildirMailbox(inbox)
    report = run_once(settings, mailbox)
    for outcome in report.outcomes:
        echo(f"  {shows.get(outcome.key.rsplit(':', 1)[-1], outcome.key)}")
        what = outcome.outcome.value if outcome.outcome else "retry later"
        if outcome.case_ref:
            line = f"    -> case {outcome.case_ref}: {outcome.status}; replied: {', '.join(outcome.replies) or 'nothing'}"
        else:
            line = f"    -> {what}: {outcome.note.splitlines()[0][:90] if outcome.note else ''} (not answered)"
        echo(line)
    echo("")
    d = report.delivery
    echo(
        f"  outbox: {d.sent} mails written to {outbox / 'new'} (replies, and notices to the privacy team)"
    )
    echo("")
    echo("Where to look:")
    echo(f"  the replies, one file each:   ls {outbox / 'new'}")
    echo(
        f"  processed and quarantined:    ls {inbox / '.mailbot.done' / 'cur'} {inbox / '.mailbot.quarantine' / 'cur'}"
    )
    echo(
        f"  open cases:                   MAILBOT_DATABASE_URL={settings.database_url} mailbot cases list"
    )
    echo(
        f"  one subject's data:           MAILBOT_DATABASE_URL={settings.database_url} "
        "mailbot register show aino.virtanen@asiakas.example"
    )
