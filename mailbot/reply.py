"""The `reply` stage: render a templated answer in the writer's language and build the email.

Templates are files in templates/<lang>/<name>.txt (the controller's folder first, then the packaged
one; a language without the template falls back to English). A template's first line is
`Subject: ...`, then a blank line, then the body. One jinja2 environment renders them all, with
autoescaping on for .html templates and StrictUndefined everywhere, so a missing value is an error and
never an empty hole in a letter.

Every reply goes to exactly one address chosen by the pipeline (the register's address for the
subject), is threaded with In-Reply-To/References and carries `Auto-Submitted: auto-replied`.
"""

from __future__ import annotations

import base64
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr, make_msgid
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from mailbot.models import utcnow
from mailbot.paths import read_yaml, templates_dir

REPLY_LANGUAGES = ("fi", "sv", "en")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")  # C0, C1 and Unicode line breaks


class TemplateMissing(Exception):
    pass


@dataclass
class Attachment:
    filename: str
    mimetype: str
    data: bytes


@dataclass
class Rendered:
    kind: str
    language: str
    subject: str
    body: str
    attachments: list[Attachment] = field(default_factory=list)


def reply_language(*candidates: str | None) -> str:
    """The first candidate mailbot can write in (the writer's language, then the register's)."""
    for language in candidates:
        if language in REPLY_LANGUAGES:
            return language  # type: ignore[return-value]
    return "en"


def one_line(text: str, *, limit: int = 200) -> str:
    """A header-safe single line: no CR/LF or other control characters, bounded length."""
    return _CONTROL.sub(" ", text).strip()[:limit]


@cache
def _environment(extra: Path | None) -> Environment:
    loaders = [FileSystemLoader(str(p)) for p in (extra, templates_dir()) if p is not None]
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(enabled_extensions=("html", "htm", "xml"), default=False),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["labels"] = _labels()
    env.filters["when"] = _when
    env.filters["rights"] = _rights
    env.filters["label"] = _label
    env.filters["item_lines"] = _item_lines
    env.filters["right_label"] = lambda right, lang: _label(f"right_{right}", lang)
    return env


@cache
def _labels() -> dict[str, dict[str, str]]:
    path = templates_dir() / "labels.yaml"
    return read_yaml(path)


_ITEM_KEYS = {"ref": "item_ref", "created_at": "created_at_item"}
# coded values shown in the reader's language (marketing channels, invoice states)
_VALUE_LABELS = frozenset(
    {
        "direct_advertising",
        "distance_selling",
        "direct_marketing",
        "market_research",
        "open",
        "paid",
    }
)


def _item_lines(items: list[Any], lang: str) -> str:
    """One line per listed item ("- Label: value; ..."), consented data indented under it.

    Done in Python rather than in template macros: an access reply may list 100,000 orders.
    """
    labels = _labels()
    yes, no = labels["yes"][lang], labels["no"][lang]
    names: dict[str, str] = {}

    def name(key: str) -> str:
        if key not in names:
            entry = labels.get(_ITEM_KEYS.get(key, key))
            names[key] = entry[lang] if entry else key
        return names[key]

    def show(value: Any) -> str:
        if value is True or value is False:
            return yes if value else no
        if isinstance(value, str) and value in _VALUE_LABELS:
            return labels[value][lang]
        return _when(value)

    lines = []
    for item in items:
        if not isinstance(item, dict):
            lines.append(f"  - {show(item)}")
            continue
        fields = "; ".join(
            f"{name(k)}: {show(x)}" for k, x in item.items() if x is not None and k != "data"
        )
        lines.append(f"  - {fields}")
        lines.extend(f"      * {d['label']}: {d['value']}" for d in item.get("data") or [])
    return "\n".join(lines)


def _label(key: str, lang: str) -> str:
    """A field, kind or value name in the reply's language (the key itself when unlabelled)."""
    entry = _labels().get(f"{key}_kind") or _labels().get(key)
    return entry.get(lang, entry.get("en", key)) if entry else key.replace("_", " ")


def _rights(intents: list[str], lang: str) -> str:
    labels = _labels()
    return ", ".join(labels[f"right_{i}"][lang] if f"right_{i}" in labels else i for i in intents)


def _when(value: Any) -> str:
    if isinstance(value, str) and "T" in value:
        try:
            return datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M UTC")
        except ValueError:
            return value
    return "" if value is None else str(value)


def render(
    kind: str, *, language: str, context: dict[str, Any], extra_dir: Path | None = None
) -> Rendered:
    """Render templates/<language>/<kind>.txt, falling back to English."""
    env = _environment(extra_dir)
    for lang in dict.fromkeys((language, "en")):
        name = f"{lang}/{kind}.txt"
        try:
            template = env.get_template(name)
        except Exception:  # noqa: S112 - TemplateNotFound: try the next language
            continue
        text = template.render(lang=lang, **context)
        head, _, body = text.partition("\n\n")
        if not head.startswith("Subject:"):
            raise TemplateMissing(f"{name} must start with a 'Subject:' line")
        return Rendered(
            kind=kind,
            language=lang,
            subject=one_line(head.removeprefix("Subject:")),
            body=body.strip() + "\n",
        )
    raise TemplateMissing(f"no template {kind!r} in {language} or en")


def build_email(
    rendered: Rendered,
    *,
    to: str,
    sender: str,
    sender_name: str,
    case_ref: str | None,
    in_reply_to: str | None,
    references: list[str],
    now: datetime | None = None,
) -> EmailMessage:
    """The reply as an EmailMessage, threaded and marked as an automatic reply (RFC 3834)."""
    msg = EmailMessage()
    msg["From"] = Address(display_name=one_line(sender_name), addr_spec=sender)
    msg["To"] = to
    msg["Subject"] = rendered.subject
    msg["Date"] = format_datetime(now or utcnow())
    domain = sender.rpartition("@")[2] or "mailbot.invalid"
    msg["Message-ID"] = make_msgid(idstring="mailbot", domain=domain)
    if in_reply_to:
        msg["In-Reply-To"] = one_line(in_reply_to, limit=998)
        msg["References"] = " ".join(
            [*(one_line(r, limit=998) for r in references[-10:]), in_reply_to][-11:]
        )
    msg["Auto-Submitted"] = "auto-replied"
    if case_ref:
        msg["X-Mailbot-Case"] = case_ref
    msg.set_content(rendered.body, subtype="plain", charset="utf-8")
    for attachment in rendered.attachments:
        maintype, _, subtype = attachment.mimetype.partition("/")
        if maintype == "text":  # declared UTF-8, so every mail client decodes it the same way
            msg.add_attachment(
                attachment.data.decode("utf-8"),
                subtype=subtype,
                charset="utf-8",
                filename=attachment.filename,
            )
        else:
            msg.add_attachment(
                attachment.data, maintype=maintype, subtype=subtype, filename=attachment.filename
            )
    # last: set_content and add_attachment move Content-* headers onto the body part
    msg["Content-Language"] = rendered.language
    return msg


# What the plain path writes without help: an ASCII address with no quoting, space or brackets,
# and message ids of visible ASCII in angle brackets. Anything else takes build_email's path.
_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+")
# "In-Reply-To: <id>" stays within SMTP's 998 characters a line: 998 - 13 - 2 = 983
_PLAIN_ID = re.compile(r"<[\x21-\x3b\x3d\x3f-\x7e]{1,983}>")
_LONGEST_LINE = 998


def email_bytes(
    rendered: Rendered,
    *,
    to: str,
    sender: str,
    sender_name: str,
    case_ref: str | None,
    in_reply_to: str | None,
    references: list[str],
    now: datetime | None = None,
) -> tuple[bytes, str]:
    """The reply as bytes ready for SMTP (CRLF), and its Message-ID.

    The same message build_email makes, written directly: EmailMessage's header objects cost about
    a millisecond a reply, most of a reply's share of the pipeline. Only a reply whose every part is
    plain (no attachment, ASCII addresses and message ids) is written this way; the rest, and every
    doubt, go through build_email."""
    in_reply_to = one_line(in_reply_to, limit=998) if in_reply_to else None
    refs = [one_line(r, limit=998) for r in references[-10:]]
    plain = (
        all(_plain_attachment(a) for a in rendered.attachments)
        and _PLAIN_ADDRESS.fullmatch(to) is not None
        and _PLAIN_ADDRESS.fullmatch(sender) is not None
        and (in_reply_to is None or _PLAIN_ID.fullmatch(in_reply_to) is not None)
        and all(_PLAIN_ID.fullmatch(r) for r in refs)
        and (case_ref is None or (case_ref.isascii() and case_ref.isprintable()))
        and rendered.language.isascii()
        and rendered.language.isalnum()
    )
    if not plain:
        msg = build_email(
            rendered,
            to=to,
            sender=sender,
            sender_name=sender_name,
            case_ref=case_ref,
            in_reply_to=in_reply_to,
            references=references,
            now=now,
        )
        return msg.as_bytes(policy=SMTP), str(msg["Message-ID"])
    domain = sender.rpartition("@")[2] or "mailbot.invalid"
    message_id = make_msgid(idstring="mailbot", domain=domain)
    subject = one_line(rendered.subject, limit=998)
    lines = [
        "From: " + formataddr((one_line(sender_name), sender), charset="utf-8"),
        "To: " + to,
        Header(subject, "us-ascii" if subject.isascii() else "utf-8", header_name="Subject")
        .encode(linesep="\r\n")
        .join(("Subject: ", "")),
        "Date: " + format_datetime(now or utcnow()),
        "Message-ID: " + message_id,
    ]
    if in_reply_to:
        lines.append("In-Reply-To: " + in_reply_to)
        # one id a line: a long thread never makes a line longer than SMTP allows
        lines.append("References: " + "\r\n ".join([*refs, in_reply_to][-11:]))
    lines.append("Auto-Submitted: auto-replied")
    if case_ref:
        lines.append("X-Mailbot-Case: " + case_ref)
    text_headers, encoded = _text_part(rendered.body)
    if rendered.attachments:
        boundary = "=_mailbot_" + secrets.token_hex(16)  # never inside base64 or our text
        # the line break before a boundary belongs to the boundary: the text keeps its own
        parts = [f"{text_headers}\r\n\r\n{encoded}\r\n"]
        for attachment in rendered.attachments:
            data = base64.encodebytes(attachment.data).decode("ascii").replace("\n", "\r\n")
            charset = '; charset="utf-8"' if attachment.mimetype.startswith("text/") else ""
            parts.append(
                f"Content-Type: {attachment.mimetype}{charset}\r\n"
                "Content-Transfer-Encoding: base64\r\n"
                f'Content-Disposition: attachment; filename="{attachment.filename}"\r\n'
                f"\r\n{data}\r\n"
            )
        lines += [
            f'Content-Type: multipart/mixed; boundary="{boundary}"',
            "MIME-Version: 1.0",
            "Content-Language: " + rendered.language,
        ]
        encoded = "".join(f"--{boundary}\r\n{part}" for part in parts) + f"--{boundary}--\r\n"
    else:
        lines += [text_headers, "MIME-Version: 1.0", "Content-Language: " + rendered.language]
    head = "\r\n".join(lines) + "\r\n\r\n"
    return (head + encoded).encode("ascii"), message_id


_PLAIN_FILENAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_PLAIN_TYPE = re.compile(r"(?:application|text)/[a-z0-9.+-]{1,60}")


def _plain_attachment(attachment: Attachment) -> bool:
    """An attachment the plain writer can say exactly as EmailMessage would."""
    if not (
        _PLAIN_FILENAME.fullmatch(attachment.filename)
        and _PLAIN_TYPE.fullmatch(attachment.mimetype)
    ):
        return False
    if attachment.mimetype.startswith("text/"):
        try:
            attachment.data.decode("utf-8")
        except UnicodeDecodeError:
            return False
    return True


def _text_part(text: str) -> tuple[str, str]:
    """The text part's Content-Type and Content-Transfer-Encoding lines, and its encoded body."""
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    if body.isascii() and max(map(len, body.split("\n"))) <= _LONGEST_LINE:
        transfer, encoded = "7bit", body.replace("\n", "\r\n")
    else:  # as EmailMessage does for text that is not plain ASCII
        transfer = "base64"
        encoded = base64.encodebytes(body.encode("utf-8")).decode("ascii").replace("\n", "\r\n")
    headers = f'Content-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: {transfer}'
    return headers, encoded
