"""The `message` stage: turn raw bytes into a ParsedMessage, or refuse them with MessageError.

It enforces size and structure limits, decodes whatever charsets real mail carries, picks the
text a person wrote (plain text preferred, HTML turned into text otherwise), strips quoted
history, signatures and forwarded mail from it, and tells machine-written mail (auto-replies,
bounces, delivery and read reports, feedback reports, list and bulk mail) from a person's
letter, using the signals listed in rules/automated.yaml.
"""

from __future__ import annotations

import codecs
import email.header
import email.message
import email.policy
import email.utils
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.headerregistry import BaseHeader, HeaderRegistry
from email.parser import BytesParser
from html import unescape as _unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, TypeVar

from mailbot.paths import read_yaml, rules_dir

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "MessageError",
    "ParsedMessage",
    "detect_automated",
    "html_to_text",
    "parse_message",
    "strip_quoted",
]


class MessageError(Exception):
    """The message cannot be processed (over limits, unparseable). str(e) is a one-line reason."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 10 * 1024 * 1024
    max_parts: int = 100
    max_depth: int = 5  # nesting of multiparts / message/rfc822
    max_text_chars: int = (
        100_000  # text kept for classification; longer is truncated (not an error)
    )
    max_header_bytes: int = 256 * 1024


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class ParsedMessage:
    raw: bytes
    msg: email.message.EmailMessage  # parsed with email.policy.default (its header factory sped up)
    message_id: str | None  # as in the header, with <>, whitespace stripped
    subject: str  # RFC 2047 decoded, newlines folded to spaces
    from_addresses: list[tuple[str, str]]  # (display name, addr-spec) from ALL From headers
    from_header_count: int
    date: datetime | None  # aware
    in_reply_to: str | None
    references: list[str]
    body_text: str  # the text body: text/plain preferred, else HTML turned to text; decoded
    new_text: str  # body_text minus quoted replies, signatures, forwarded history
    automated: bool  # auto-reply, bounce, DSN/MDN, feedback report, list/bulk mail
    automated_reasons: list[str]  # e.g. "Auto-Submitted: auto-replied"
    defects: list[str]  # parser defects, human readable


# --------------------------------------------------------------------------------------------
# Small text helpers
# --------------------------------------------------------------------------------------------

# Everything that could end a line or a header somewhere downstream (C0 and C1 controls, DEL,
# Unicode line and paragraph separators). A CR/LF smuggled into an encoded word must never
# reach a header we write or a log line.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_SPACES = re.compile(r"\s+")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _fix_surrogates(text: str) -> str:
    """Undo the surrogateescape the email package uses for raw 8-bit bytes in headers."""
    if not _SURROGATE.search(text):
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        # Lone surrogates that are not escaped bytes: nothing to recover, replace them.
        return _SURROGATE.sub("\ufffd", text)
    return _decode_bytes(raw, None)[0]


def _one_line(text: str) -> str:
    """A header value or reason made safe to show on one line."""
    text = _fix_surrogates(text)
    return _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip()


def _short(text: str, limit: int = 120) -> str:
    text = _one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------------------------
# Charsets
# --------------------------------------------------------------------------------------------

# Labels seen in real mail that Python does not know, or knows under a narrower meaning.
_CHARSET_ALIASES = {
    "unicode-1-1-utf-7": "utf-7",
    "unicode-2-0-utf-7": "utf-7",
    "x-unicode-1-1-utf-7": "utf-7",
    "utf7": "utf-7",
    "unicode-1-1-utf-8": "utf-8",
    "x-unicode20utf8": "utf-8",
    "utf8": "utf-8",
    # Senders label GB18030 text as gb2312/gbk; the superset decodes both.
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "csgb2312": "gb18030",
    "euc-cn": "gb18030",
    # Like browsers do (WHATWG Encoding): latin-1 labels mean windows-1252 in practice, and
    # latin-1 would turn curly quotes and euro signs into invisible C1 controls.
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "ascii",
    "ks_c_5601-1987": "cp949",
    "x-mac-roman": "mac-roman",
    "x-sjis": "shift_jis",
    "shift-jis": "shift_jis",
    "sjis": "shift_jis",
    "windows-874": "cp874",
    "iso-2022-jp-3": "iso2022_jp_2004",
}

# Labels that say "I do not know"; decoding falls back as if no charset was given.
_CHARSET_UNKNOWN = {"unknown-8bit", "x-unknown", "unknown", "x-user-defined", "default", "8bit"}

# Single-byte charsets so often used as a label for UTF-8 text that valid UTF-8 wins over them.
_LATIN_LABELS = {"ascii", "cp1252", "iso8859-15", "iso-8859-15", "latin-9"}


def _normalise_charset(label: str | None) -> str | None:
    """A Python codec name for a MIME charset label, or None when unknown or absent."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    if not name or name in _CHARSET_UNKNOWN:
        return None
    name = _CHARSET_ALIASES.get(name, name)
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def _decode_bytes(data: bytes, label: str | None) -> tuple[str, str | None]:
    """Decode body or header bytes; never fails. Returns (text, defect note or None).

    Order: the declared charset strictly; UTF-8 strictly (senders often lie or say nothing);
    the declared charset with replacement characters; windows-1252; latin-1, which decodes
    any byte string.
    """
    charset = _normalise_charset(label)
    note = None
    if label and charset is None:
        note = f"unknown charset {_short(label, 40)!r}; decoded as utf-8 or windows-1252"
    if charset is not None:
        if charset in _LATIN_LABELS and not data.isascii():
            try:
                return data.decode("utf-8"), None
            except UnicodeDecodeError:
                pass
        try:
            return data.decode(charset), note
        except (UnicodeDecodeError, LookupError, ValueError):
            pass
    try:
        return data.decode("utf-8"), note
    except UnicodeDecodeError:
        pass
    if charset is not None:
        try:
            text = data.decode(charset, "replace")
        except (LookupError, ValueError):
            text = None
        # "utf-8" on windows-1252 text: not one non-ASCII sequence is valid UTF-8. Then the
        # label is a lie and a single-byte reading is right; otherwise a few broken bytes in
        # real UTF-8 are better shown as replacement characters.
        lying_utf8 = (
            text is not None
            and codecs.lookup(charset).name == "utf-8"
            and all(ch.isascii() or ch == "\ufffd" for ch in text)
        )
        if text is not None and not lying_utf8:
            return text, f"text not valid {charset}; undecodable bytes replaced"
        if lying_utf8:
            note = "text labelled utf-8 is not; decoded as windows-1252"
    try:
        return data.decode("cp1252"), note
    except UnicodeDecodeError:
        return data.decode("latin-1"), note


# --------------------------------------------------------------------------------------------
# Headers
# --------------------------------------------------------------------------------------------


def _decode_raw_header(value: str) -> str:
    """Decode RFC 2047 words in a raw header value, leniently (unknown charsets included)."""
    try:
        chunks = email.header.decode_header(value)
    except Exception:
        return value
    parts: list[str] = []
    for chunk, charset in chunks:
        if isinstance(chunk, bytes):
            parts.append(_decode_bytes(chunk, charset)[0])
        else:
            parts.append(chunk)
    return "".join(parts)


def _header_values(
    msg: email.message.Message, name: str, defects: list[str] | None = None
) -> list[str]:
    """Every value of a header as decoded text; falls back to the raw value if parsing fails."""
    try:
        values = msg.get_all(name) or []
        out: list[str] = []
        for value in values:
            if isinstance(value, BaseHeader):
                if defects is not None:
                    for defect in value.defects:
                        defects.append(f"{name} header: {_describe_defect(defect)}")
                out.append(_fix_surrogates(str(value)))
            else:
                # compat32 messages hand back the raw string (or a Header object).
                out.append(_fix_surrogates(_decode_raw_header(str(value))))
        return out
    except Exception as exc:  # a header the registry cannot parse must not sink the message
        if defects is not None:
            defects.append(f"{name} header unparseable ({type(exc).__name__}); raw value used")
        raw = [v for k, v in msg.raw_items() if k.lower() == name.lower()]
        return [_fix_surrogates(_decode_raw_header(str(v))) for v in raw]


def _raw_values(msg: email.message.Message, name: str) -> list[str]:
    """Raw values of a header, unfolded. Used for identifiers: the header registry "repairs"
    malformed Message-IDs by dropping characters, and the ledger must see what was sent.
    """
    return [_one_line(str(v)) for k, v in msg.raw_items() if k.lower() == name.lower()]


def _first_header(msg: email.message.Message, name: str, defects: list[str]) -> str | None:
    values = _header_values(msg, name, defects)
    return values[0] if values else None


_MSGID = re.compile(r"<[^<>]*>")


def _msg_ids(value: str | None) -> list[str]:
    """The <...> identifiers in a Message-ID / In-Reply-To / References value."""
    if not value:
        return []
    value = _one_line(value)
    # Whitespace inside the brackets is folding or sloppiness, never part of the identifier.
    found = [_SPACES.sub("", m) for m in _MSGID.findall(value)]
    if found:
        return [m for m in found if m != "<>"]
    # No angle brackets (broken clients): whitespace-separated tokens, minus comments.
    return [tok for tok in value.split() if "@" in tok]


def _from_addresses(
    msg: email.message.EmailMessage, defects: list[str]
) -> tuple[list[tuple[str, str]], int]:
    addresses: list[tuple[str, str]] = []
    count = 0
    try:
        headers = msg.get_all("From") or []
        count = len(headers)
        for header in headers:
            for defect in getattr(header, "defects", ()):
                defects.append(f"From header: {_describe_defect(defect)}")
            for addr in header.addresses:
                addresses.append((_one_line(addr.display_name), _one_line(addr.addr_spec)))
        return addresses, count
    except Exception as exc:
        defects.append(f"From header unparseable ({type(exc).__name__}); parsed leniently")
    raw = [v for k, v in msg.raw_items() if k.lower() == "from"]
    count = len(raw)
    addresses = []
    for name, addr in email.utils.getaddresses([_decode_raw_header(str(v)) for v in raw]):
        if name or addr:
            addresses.append((_one_line(name), _one_line(addr)))
    return addresses, count


def _parse_date(value: str | None, defects: list[str]) -> datetime | None:
    if not value or not value.strip():
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(_one_line(value))
    except (TypeError, ValueError, IndexError, OverflowError):
        defects.append(f"Date header unparseable: {_short(value, 60)!r}")
        return None
    if parsed.tzinfo is None:
        # RFC 5322 "-0000": UTC, local zone unknown.
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


# --------------------------------------------------------------------------------------------
# MIME tree
# --------------------------------------------------------------------------------------------


def _children(part: email.message.Message) -> list[email.message.Message]:
    """Sub-entities of a multipart, or the enclosed message(s) of a message/* part."""
    if not part.is_multipart():
        return []
    payload = part.get_payload()
    if isinstance(payload, list):
        return [p for p in payload if isinstance(p, email.message.Message)]
    return []


def _check_structure(root: email.message.Message, limits: Limits) -> list[email.message.Message]:
    """Walk the whole tree (attached messages included) iteratively; enforce part and depth limits."""
    seen: list[email.message.Message] = [root]
    stack: list[tuple[email.message.Message, int]] = [(root, 0)]
    parts = 0
    while stack:
        part, depth = stack.pop()
        kids = _children(part)
        if kids and depth + 1 > limits.max_depth:
            raise MessageError(f"MIME nesting deeper than {limits.max_depth} levels")
        parts += len(kids)
        if parts > limits.max_parts:
            raise MessageError(f"more than {limits.max_parts} MIME parts")
        for kid in reversed(kids):
            seen.append(kid)
            stack.append((kid, depth + 1))
    return seen


class _Types:
    """Content types of a message's parts, worked out once: every get_content_type() call
    re-parses the Content-Type header, and that was most of the parsing time.
    """

    def __init__(self) -> None:
        self._cache: dict[int, tuple[email.message.Message, str]] = {}

    def __call__(self, part: email.message.Message) -> str:
        hit = self._cache.get(id(part))
        if hit is None or hit[0] is not part:
            try:
                ctype = part.get_content_type()
            except Exception:
                ctype = part.get_default_type()
            hit = (part, ctype)
            self._cache[id(part)] = hit
        return hit[1]


def _own_parts(root: email.message.Message, types: _Types) -> Iterator[email.message.Message]:
    """The parts of the message itself, in order: not the inside of attached messages."""
    stack = [root]
    while stack:
        part = stack.pop()
        yield part
        if types(part).startswith("multipart/"):
            stack.extend(reversed(_children(part)))


def _is_attachment(part: email.message.Message) -> bool:
    try:
        return part.get_content_disposition() == "attachment"
    except Exception:
        return False


def _has_filename(part: email.message.Message) -> bool:
    try:
        return bool(part.get_filename())
    except Exception:
        return True


def _plain_parts(
    part: email.message.Message, types: _Types, *, allow_named: bool
) -> list[email.message.Message]:
    """Inline text/plain parts a person wrote, in reading order, one branch of an alternative."""
    ctype = types(part)
    maintype = ctype.split("/", 1)[0]
    if maintype == "message":
        return []  # an attached message is someone else's text
    if ctype == "multipart/alternative":
        for kid in _children(part):
            found = _plain_parts(kid, types, allow_named=allow_named)
            if found:
                return found
        return []
    if maintype == "multipart":
        out: list[email.message.Message] = []
        for kid in _children(part):
            out.extend(_plain_parts(kid, types, allow_named=allow_named))
        return out
    if (
        ctype == "text/plain"
        and not _is_attachment(part)
        and (allow_named or not _has_filename(part))
    ):
        return [part]
    return []


def _html_part(root: email.message.Message, types: _Types) -> email.message.Message | None:
    for part in _own_parts(root, types):
        if types(part) == "text/html" and not _is_attachment(part):
            return part
    return None


def _part_text(part: email.message.Message, defects: list[str]) -> str:
    try:
        data = part.get_payload(decode=True)
    except Exception as exc:
        defects.append(f"{part.get_content_type()} body undecodable ({type(exc).__name__})")
        return ""
    if not isinstance(data, bytes):
        return ""
    text, note = _decode_bytes(data, part.get_content_charset())
    if note:
        defects.append(f"{part.get_content_type()}: {note}")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _body_text(
    root: email.message.Message, types: _Types, limits: Limits, defects: list[str]
) -> str:
    plain = _plain_parts(root, types, allow_named=False)
    if plain:
        text = "\n".join(_part_text(p, defects) for p in plain)
        # Some senders put an empty text/plain beside the real HTML letter.
        if text.strip():
            return text
    html = _html_part(root, types)
    if html is not None:
        source = _part_text(html, defects)
        # Markup can outweigh text many times; parsing megabytes of it for 100,000 characters
        # of text would only cost time.
        cap = limits.max_text_chars * 10
        if len(source) > cap:
            source = source[:cap]
            defects.append(f"HTML body longer than {cap:,} characters; only the start was read")
        return html_to_text(source)
    plain = _plain_parts(root, types, allow_named=True)
    if plain:
        return "\n".join(_part_text(p, defects) for p in plain)
    defects.append("no text/plain or text/html body")
    return ""


def _describe_defect(defect: Any) -> str:
    name = type(defect).__name__
    doc = (type(defect).__doc__ or "").strip().splitlines()
    detail = _one_line(str(defect)) if str(defect).strip() else ""
    text = name
    if doc:
        text += f": {doc[0].strip()}"
    if detail:
        text += f" ({_short(detail, 80)})"
    return text


# --------------------------------------------------------------------------------------------
# HTML to text
# --------------------------------------------------------------------------------------------

# Elements that end the current line, and those that also leave an empty line after them.
_LINE_TAGS = frozenset(
    {
        "address", "article", "aside", "center", "dd", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "header", "li", "main", "nav", "section",
        "tbody", "thead", "tfoot", "tr", "caption",
    }
)  # fmt: skip
_PARAGRAPH_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "pre", "blockquote", "hr"}
)
_SKIP_TAGS = frozenset({"script", "style", "head", "title", "template", "noscript", "object"})
_CELL_TAGS = frozenset({"td", "th"})


class _TextExtractor(HTMLParser):
    """Collects text; block elements end lines; blockquote lines are marked with '> '."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self._line: list[str] = []
        self._skip: list[str] = []
        self._quote = 0
        self._pre = 0

    def _flush(self, *, force: bool = False) -> None:
        """End the current line; an empty one is kept only for <br> (force)."""
        text = "".join(self._line)
        self._line = []
        if force or text.strip():
            self.lines.append((self._quote, text))

    def _block(self, tag: str) -> None:
        if tag == "br":
            self._flush(force=True)
        elif tag in _PARAGRAPH_TAGS:
            self._flush()
            self.lines.append((self._quote, ""))
        elif tag in _LINE_TAGS:
            self._flush()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            # A missing </head> must not hide the whole letter.
            self._skip = [t for t in self._skip if t != "head"]
            return
        if tag in _SKIP_TAGS:
            self._skip.append(tag)
            return
        if tag != "br":
            self._block(tag)
        if tag == "blockquote":
            self._quote += 1
        elif tag == "pre":
            self._pre += 1
        elif tag in _CELL_TAGS:
            self._line.append(" ")
        elif tag == "br":
            self._block(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._block(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            if tag in self._skip:
                # Close the innermost open element of that name (and anything left open in it).
                index = len(self._skip) - 1 - self._skip[::-1].index(tag)
                del self._skip[index:]
            return
        if tag != "br":
            self._block(tag)
        if tag == "blockquote" and self._quote:
            self._quote -= 1
        elif tag == "pre" and self._pre:
            self._pre -= 1

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        data = data.replace("\xa0", " ")
        if self._pre:
            pieces = data.replace("\r\n", "\n").split("\n")
            for i, piece in enumerate(pieces):
                if i:
                    self._flush(force=True)
                self._line.append(piece)
        else:
            self._line.append(_SPACES.sub(" ", data))

    def text(self) -> str:
        self._flush()
        out: list[str] = []
        blank = True
        for depth, raw in self.lines:
            line = _SPACES.sub(" ", raw).strip()
            if not line:
                if not blank:
                    out.append("")
                blank = True
                continue
            out.append(("> " * depth) + line)
            blank = False
        return "\n".join(out).strip("\n")


_TAG = re.compile(r"<[^>]*>")


def html_to_text(html: str) -> str:
    """Readable text of an HTML body: no remote fetches, script/style/head dropped, block
    elements end lines, entities decoded, blockquote lines prefixed with '> ' (quoted history).
    """
    extractor = _TextExtractor()
    try:
        extractor.feed(html)
        extractor.close()
        return extractor.text()
    except Exception:
        # html.parser gives up on some broken markup; crude tag stripping still yields the words.
        return _SPACES.sub(" ", _unescape(_TAG.sub(" ", html))).strip()


# --------------------------------------------------------------------------------------------
# Quoted history
# --------------------------------------------------------------------------------------------

_QUOTE_LINE = re.compile(r"^[ \t]{0,3}>")
_SIG_SEPARATOR = re.compile(r"^--[ \t]*$")
_FORWARD_MARKER = re.compile(
    r"^[-_=*]{2,}\s*(?:forwarded message|original message|alkuperäinen viesti|välitetty viesti"
    r"|ursprungligt meddelande|vidarebefordrat meddelande|ursprüngliche nachricht"
    r"|weitergeleitete nachricht|message d'origine|message transféré|mensaje original"
    r"|mensaje reenviado"
    # ninth session: the mail clients' forward and reply markers in the other EU languages
    r"|mensagem encaminhada|mensagem reencaminhada|mensagem original|messaggio inoltrato"
    r"|messaggio originale|doorgestuurd bericht|oorspronkelijk bericht|origineel bericht"
    r"|wiadomość przekazana dalej|przekazana wiadomość|oryginalna wiadomość"
    r"|videresendt meddelelse|oprindelig meddelelse|videresendt melding|opprinnelig melding"
    r"|přeposlaná zpráva|původní zpráva|preposlaná správa|pôvodná správa|továbbított üzenet"
    r"|eredeti üzenet|mesaj redirecționat|mesaj original|προωθημένο μήνυμα|αρχικό μήνυμα"
    r"|proslijeđena poruka|izvorna poruka|posredovano sporočilo|izvirno sporočilo"
    r"|edastatud kiri|algne kiri|persiųstas laiškas|pradinis laiškas|pārsūtīta ziņa"
    r"|sākotnējā ziņa)\s*[-_=*]{2,}$"
    r"|^(?:begin forwarded message|alkuperäinen viesti alkaa|vidarebefordrat brev"
    r"|start of forwarded message)\s*:?$",
    re.IGNORECASE,
)
_FOOTER = re.compile(
    r"(?:sent from my [\w .-]{1,30}"
    r"|sent from (?:mail|outlook|yahoo mail) for [\w .-]{1,20}"
    r"|get outlook for (?:ios|android)"
    r"|lähetetty (?:iphonesta|ipadista|[\w .-]{1,40}(?:sta|stä))"
    r"|hanki outlook for (?:ios|android)"
    r"|skickat från (?:min|mitt) [\w .-]{1,30}"
    r"|skickades från [\w .-]{1,40}"
    r"|hämta outlook för (?:ios|android)"
    r"|von meinem [\w .-]{1,30} gesendet"
    r"|envoyé de mon [\w .-]{1,30}"
    r"|enviado desde mi [\w .-]{1,30})",
    re.IGNORECASE,
)
# "On <date>, <name> <addr> wrote:" in the languages mailbot answers and a few neighbours.
# English, French and Spanish end right at the verb; German, Swedish and Finnish put the
# name or the date after it.
_ATTRIBUTION = re.compile(
    r".{0,400}?\b(?:wrote\s*|a\s+écrit\s*|escribió\s*|(?:schrieb|skrev|kirjoitti)\b.{0,200}?):",
    re.IGNORECASE,
)
_ATTRIBUTION_WORDS = ("wrote", "écrit", "escribió", "schrieb", "skrev", "kirjoitti")
# First line of an attribution that a client wrapped onto two or three lines.
_ATTRIBUTION_OPENER = re.compile(r"^(?:on|le|am|den|el)\s|^\w{2,4}\.?\s+\d", re.IGNORECASE)
# Outlook's header block of the message being answered or forwarded.
_HDR_FROM = re.compile(
    r"^\*?(?:from|från|lähettäjä|von|de|expéditeur|van)\s*:\*?\s*\S", re.IGNORECASE
)
_HDR_DATE = re.compile(
    r"^\*?(?:sent|date|lähetetty|päivämäärä|skickat|datum|gesendet|envoyé|enviado|fecha"
    r"|verzonden)\s*:",
    re.IGNORECASE,
)
_HDR_OTHER = re.compile(
    r"^\*?(?:to|cc|subject|vastaanottaja|kopio|aihe|till|kopia|ämne|an|betreff|à|objet"
    r"|para|asunto|aan|onderwerp)\s*:",
    re.IGNORECASE,
)
_RULE_LINE = re.compile(r"^[_-]{10,}$")


def _is_attribution(lines: list[str], i: int) -> bool:
    first = lines[i].strip()
    if not first:
        return False
    candidates = [first]
    if _ATTRIBUTION_OPENER.match(first):
        joined = first
        for extra in lines[i + 1 : i + 3]:
            joined = f"{joined} {extra.strip()}"
            candidates.append(joined)
    for text in candidates:
        lowered = text.lower()
        if not any(word in lowered for word in _ATTRIBUTION_WORDS):
            continue
        if not _ATTRIBUTION.fullmatch(text.rstrip()):
            continue
        # A sentence of the letter can end in "... I wrote:" too. Real attributions name the
        # address or are followed by the quoted text.
        if "@" in text:
            return True
        end = i + candidates.index(text) + 1
        for after in lines[end : end + 3]:
            if after.strip():
                return bool(_QUOTE_LINE.match(after))
    return False


def _is_header_block(lines: list[str], i: int) -> bool:
    if not _HDR_FROM.match(lines[i].strip()):
        return False
    has_date = has_other = False
    for line in lines[i + 1 : i + 7]:
        stripped = line.strip()
        if _HDR_DATE.match(stripped):
            has_date = True
        elif _HDR_OTHER.match(stripped):
            has_other = True
    return has_date and has_other


def _history_start(lines: list[str]) -> int:
    """Index of the first line of quoted history, signature or footer; len(lines) if none."""
    for i, line in enumerate(lines):
        stripped = line.strip()
        if _SIG_SEPARATOR.match(line):
            return i
        if not stripped or _QUOTE_LINE.match(line):
            continue
        if _FORWARD_MARKER.match(stripped) or _FOOTER.fullmatch(stripped):
            return i
        if _RULE_LINE.match(stripped):
            following = [ln for ln in lines[i + 1 : i + 4] if ln.strip()]
            if following and _is_header_block(following + lines[i + 4 : i + 10], 0):
                return i
            continue
        if _is_header_block(lines, i) or _is_attribution(lines, i):
            return i
    return len(lines)


def strip_quoted(text: str) -> str:
    """The new text of a reply: without '>' lines, attribution lines and what follows them,
    Outlook header blocks, forwarded messages, signatures and 'Sent from my phone' footers.
    If nothing would be left, the text is returned unchanged.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = _history_start(lines)
    kept = [line.rstrip() for line in lines[:cut] if not _QUOTE_LINE.match(line)]
    # Blank lines left where quotes were removed: at most one in a row.
    out: list[str] = []
    for line in kept:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    result = "\n".join(out).strip("\n")
    return result if result.strip() else text


# --------------------------------------------------------------------------------------------
# Automated mail
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _HeaderRule:
    name: str
    match: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    reason: str | None


@dataclass(frozen=True)
class _AutomatedRules:
    headers: tuple[_HeaderRule, ...]
    content_types: frozenset[str]
    from_local_parts: frozenset[str]
    weak_from_local_parts: frozenset[str]
    x_mailers: tuple[re.Pattern[str], ...]
    subjects: tuple[re.Pattern[str], ...]


def _compile(pattern: Any, where: str) -> re.Pattern[str]:
    if not isinstance(pattern, str):
        raise ValueError(f"{where}: expected a regular expression string, got {pattern!r}")
    return re.compile(pattern, re.IGNORECASE)


def _strings(data: dict[str, Any], key: str) -> list[str]:
    values = data.get(key) or []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"automated.yaml: {key} must be a list of strings")
    return values


@functools.lru_cache(maxsize=4)
def _load_rules(path: Path) -> _AutomatedRules:
    """Read rules/automated.yaml once. A broken file is a deployment error: fail loudly."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    headers = []
    for i, item in enumerate(data.get("headers") or []):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise ValueError(f"{path}: headers[{i}] needs a name")
        headers.append(
            _HeaderRule(
                name=item["name"],
                match=_compile(item["match"], f"headers[{i}].match") if "match" in item else None,
                unless=_compile(item["unless"], f"headers[{i}].unless")
                if "unless" in item
                else None,
                reason=str(item["reason"]) if "reason" in item else None,
            )
        )
    ignored = {h.lower() for h in _strings(data, "not_signals")}
    clash = [h.name for h in headers if h.name.lower() in ignored]
    if clash:
        raise ValueError(f"{path}: {clash} listed both as signal and as not_signals")
    return _AutomatedRules(
        headers=tuple(headers),
        content_types=frozenset(c.lower() for c in _strings(data, "content_types")),
        from_local_parts=frozenset(c.lower() for c in _strings(data, "from_local_parts")),
        weak_from_local_parts=frozenset(c.lower() for c in _strings(data, "weak_from_local_parts")),
        x_mailers=tuple(_compile(p, "x_mailers") for p in _strings(data, "x_mailers")),
        subjects=tuple(_compile(p, "subjects") for p in _strings(data, "subjects")),
    )


def _rules() -> _AutomatedRules:
    return _load_rules(rules_dir() / "automated.yaml")


def _decoded_values(msg: email.message.Message, name: str) -> list[str]:
    """Raw header values with RFC 2047 words decoded: the same for every policy, and cheaper
    than the header registry for the handful of headers detection reads.
    """
    return [_one_line(_decode_raw_header(v)) if "=?" in v else v for v in _raw_values(msg, name)]


def _local_parts(msg: email.message.Message) -> list[str]:
    values = _decoded_values(msg, "From")
    out = []
    for _name, addr in email.utils.getaddresses(values):
        if "@" in addr:
            out.append(addr.rsplit("@", 1)[0].strip().strip('"').lower())
    return out


def automated_subject(subject: str) -> bool:
    """The subject line reads like an auto-reply's or a bounce's: one of rules/automated.yaml's
    `subjects` ("Automatic reply: ...", "Autosvar - Ditt ärende", "Out of Office AutoReply:",
    "Delivery Status Notification (Failure)"), read without the message's headers, with or without
    its marks. The classify stage uses it for a letter given as plain text: such a letter asks
    nothing and a person looks. A person's own subject can start so too ("Automatic reply after
    automatic reply"); the forms cannot be told apart (the thirteenth session's reviews tried
    both ways), and a person looking costs less than a machine's "please update your records"
    read as a correction."""
    line = _one_line(subject or "").strip()
    # both sides without their marks ("Reponse automatique", "Franvaro": a client that drops
    # them): what a pattern matches, its unmarked form matches unmarked; one regex for them all
    return _unmarked_subjects(_rules()).search(strip_marks(line)) is not None


def strip_marks(text: str) -> str:
    """The text without its combining marks ("Réponse" -> "Reponse", "Frånvaro" -> "Franvaro")."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=4)
def _unmarked_subjects(rules: _AutomatedRules) -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?:{strip_marks(p.pattern)})" for p in rules.subjects), re.IGNORECASE
    )


def detect_automated(msg: email.message.Message) -> list[str]:
    """Why this message was written by a machine; an empty list means a person wrote it.

    Only the message's own headers and MIME parts count, never those of an attached message.
    """
    return _detect(msg, _Types())


def _detect(msg: email.message.Message, types: _Types) -> list[str]:
    rules = _rules()
    reasons: list[str] = []
    for rule in rules.headers:
        for value in _decoded_values(msg, rule.name):
            if rule.match is not None and not rule.match.search(value):
                continue
            if rule.unless is not None and rule.unless.search(value):
                continue
            reasons.append(rule.reason or f"{rule.name}: {_short(value, 80)}")
            break

    seen_types: set[str] = set()
    for part in _own_parts(msg, types):
        ctype = types(part)
        if ctype in rules.content_types and ctype not in seen_types:
            seen_types.add(ctype)
            if ctype == "multipart/report":
                report_type = part.get_param("report-type")
                reasons.append(
                    f"multipart/report; report-type={_short(str(report_type), 40)}"
                    if isinstance(report_type, str)
                    else "multipart/report"
                )
            else:
                reasons.append(f"{ctype} part")
        # message/* parts are leaves here: _own_parts does not enter them.

    locals_ = _local_parts(msg)
    for local in locals_:
        if local in rules.from_local_parts:
            reasons.append(f"From: {local}@ (mail server)")
            break

    for value in _decoded_values(msg, "X-Mailer"):
        if any(p.search(value) for p in rules.x_mailers):
            reasons.append(f"X-Mailer: {_short(value, 80)}")
            break

    for value in _decoded_values(msg, "Subject"):
        subject = _one_line(value)
        if any(p.search(subject) for p in rules.subjects):
            reasons.append(f"Subject: {_short(subject, 80)}")
            break

    weak = [f"From: {lp}@" for lp in locals_ if lp in rules.weak_from_local_parts][:1]
    if weak and reasons:
        reasons.extend(weak)
    return reasons


# --------------------------------------------------------------------------------------------
# parse_message
# --------------------------------------------------------------------------------------------


def _header_block_size(raw: bytes, limit: int) -> int:
    """Bytes before the first empty line (the whole input when there is none)."""
    window = raw[: limit + 4]
    ends = [i for i in (window.find(b"\r\n\r\n"), window.find(b"\n\n")) if i >= 0]
    if ends:
        return min(ends)
    return len(raw)


_BOUNDARY_PARAM = re.compile(rb'boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))')


def _prescan_parts(raw: bytes, limits: Limits) -> None:
    """Refuse a message with far too many parts before the parser sees it: the stdlib parser
    needs about a minute for 10 MB of tiny parts, and the limit is checked after parsing.
    Counts delimiter lines of every declared boundary; an overestimate only when a body
    contains another message's delimiters as plain text.
    """
    # Searching a lowered copy lets the regex engine skip ahead on a literal; the boundary
    # itself is case-sensitive, so it is cut from the original bytes.
    boundaries = set()
    for match in _BOUNDARY_PARAM.finditer(raw.lower()):
        group = 1 if match.group(1) is not None else 2
        boundaries.add(raw[match.start(group) : match.end(group)])
    if len(boundaries) > limits.max_parts:
        raise MessageError(f"more than {limits.max_parts} MIME parts")
    estimate = 0
    for boundary in boundaries:
        opening = raw.count(b"\n--" + boundary)
        closing = raw.count(b"\n--" + boundary + b"--")
        estimate += opening - closing
    if estimate > limits.max_parts:
        raise MessageError(f"more than {limits.max_parts} MIME parts")


def parse_message(raw: bytes, *, limits: Limits = DEFAULT_LIMITS) -> ParsedMessage:
    """Parse one message. Bad input is parsed leniently (see `defects`) or refused with
    MessageError, whose text is a one-line reason for the quarantine; nothing else escapes.
    """
    if not isinstance(raw, bytes | bytearray | memoryview):
        raise MessageError(f"expected bytes, got {type(raw).__name__}")
    raw = bytes(raw)
    if not raw.strip():
        raise MessageError("message is empty")
    if len(raw) > limits.max_bytes:
        raise MessageError(f"message is {len(raw):,} bytes, over the limit of {limits.max_bytes:,}")
    if _header_block_size(raw, limits.max_header_bytes) > limits.max_header_bytes:
        raise MessageError(f"header block larger than {limits.max_header_bytes:,} bytes")
    _prescan_parts(raw, limits)
    try:
        return _parse(raw, limits)
    except MessageError:
        raise
    except RecursionError:
        raise MessageError(
            "message structure too deeply nested to parse (RecursionError)"
        ) from None
    except Exception as exc:
        raise MessageError(
            f"unexpected {type(exc).__name__} while parsing: {_short(str(exc), 160)}"
        ) from exc


class _HeaderFactory(HeaderRegistry):
    """email.policy.default's header factory with two of its costs removed. The standard one makes
    a new header class with type() at every header read; here each class is made once (one per
    registry class, so a message with a thousand invented header names adds nothing). And the
    headers read again and again (Content-Type up to seven times a message, From twice) are parsed
    once per value: header objects are read-only once made (their
    parameters, addresses and defects are handed out as tuples and read-only mappings), so one
    can be handed out twice. Results are otherwise exactly the standard factory's.
    """

    def __init__(self) -> None:
        super().__init__()
        self._classes: dict[type, type] = {}

    def __getitem__(self, name: str) -> type:
        base = self.registry.get(name.lower(), self.default_class)
        made = self._classes.get(base)
        if made is None:
            made = self._classes.setdefault(base, super().__getitem__(name))
        return made

    def __call__(self, name: str, value: str) -> Any:
        if name.lower() in _REREAD_HEADERS:
            return _mime_header(name, value)
        return self[name](name, value)


# the headers read more than once a message: the MIME ones by the email package itself (several
# times a part), From by this module and again by identity.py from its own reading of the bytes
# (the same text, so the same header object)
_REREAD_HEADERS = frozenset(
    {"content-type", "content-transfer-encoding", "content-disposition", "mime-version", "from"}
)


_F = TypeVar("_F", bound=Callable[..., Any])


def bounded_cache(maxsize: int, longest: int) -> Callable[[_F], _F]:
    """functools.lru_cache for a pure function of short texts. A call whose texts are together
    longer than `longest` (no valid name or key is; hostile input can be) is computed and never
    kept, so what the cache holds stays small whatever a sender writes. A raised exception is
    never kept either (lru_cache does not), so a bad value is refused every time."""

    def wrap(function: _F) -> _F:
        cached = functools.lru_cache(maxsize=maxsize)(function)

        @functools.wraps(function)
        def call(*args: str) -> Any:
            if sum(len(a) for a in args) <= longest:
                return cached(*args)
            return function(*args)

        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        call.cache_info = cached.cache_info  # type: ignore[attr-defined]
        return call  # type: ignore[return-value]

    return wrap


# what the cache keeps stays small whatever a sender writes: a longer value (a header line of
# up to 998 characters is all a real MIME header needs; "From" is the shortest name cached) is
# parsed every time, as before
@bounded_cache(maxsize=512, longest=len("From") + 998)
def _mime_header(name: str, value: str) -> Any:
    return HEADER_FACTORY[name](name, value)


HEADER_FACTORY = _HeaderFactory()  # also identity's, for the From header it parses itself
_POLICY = email.policy.default.clone(header_factory=HEADER_FACTORY)


def _parse(raw: bytes, limits: Limits) -> ParsedMessage:
    msg = BytesParser(policy=_POLICY).parsebytes(raw)
    assert isinstance(msg, email.message.EmailMessage)  # policy.default makes EmailMessage
    parts = _check_structure(msg, limits)
    types = _Types()

    defects: list[str] = []
    for part in parts:
        for defect in part.defects:
            where = types(part)
            defects.append(f"{where}: {_describe_defect(defect)}")

    raw_id = next(iter(_raw_values(msg, "Message-ID")), None)
    ids = _msg_ids(raw_id)
    # Without angle brackets the value is kept as it is (minus whitespace): the mailbox ledger
    # still needs a key, and inventing brackets would not match what other tools store.
    message_id = ids[0] if ids else (_SPACES.sub("", _one_line(raw_id or "")) or None)
    subject_value = _first_header(msg, "Subject", defects)
    subject = _one_line(subject_value) if subject_value else ""
    from_addresses, from_count = _from_addresses(msg, defects)
    date = _parse_date(_first_header(msg, "Date", defects), defects)
    reply_ids = _msg_ids(next(iter(_raw_values(msg, "In-Reply-To")), None))
    references: list[str] = []
    for value in _raw_values(msg, "References"):
        references.extend(_msg_ids(value))

    body = _body_text(msg, types, limits, defects)
    if len(body) > limits.max_text_chars:
        defects.append(f"text longer than {limits.max_text_chars:,} characters; truncated")
        body = body[: limits.max_text_chars]
    body = _fix_surrogates(body)
    new_text = strip_quoted(body)
    reasons = _detect(msg, types)

    return ParsedMessage(
        raw=raw,
        msg=msg,
        message_id=message_id,
        subject=subject,
        from_addresses=from_addresses,
        from_header_count=from_count,
        date=date,
        in_reply_to=reply_ids[0] if reply_ids else None,
        references=references,
        body_text=body,
        new_text=new_text,
        automated=bool(reasons),
        automated_reasons=reasons,
        defects=defects,
    )
