"""Identity stage: decide who provably wrote a message, before anything is disclosed or changed.

One job: turn the raw bytes of one message into an `IdentityVerdict`:

- ``rejected``: the From header is missing, repeated, malformed or names other than exactly one
  address, or the header section itself is malformed (parsers would disagree on it);
- ``unknown_sender``: the From address is not in the register (whatever the proof);
- ``verified``: the From address is in the register and a DKIM signature proves the From domain
  wrote it (passes, ``d=`` aligned with the From domain, ``h=`` covers From, and none of the
  RFC 8301 / ``l=`` / ``x=`` weaknesses), or a trusted Authentication-Results header of the
  controller's own mail server says so;
- ``unverified``: the From address is in the register but nothing proves it (also when a temporary
  DNS failure stopped the check: then ``retry_later`` is set).

Canonical address form (used by the register too, see `normalise_address`): the local part exactly
as written after Unicode NFC (case is kept: RFC 5321 makes it the receiving domain's business, and
matching ``Alice`` to ``alice`` could hand one mailbox's data to another), ``@``, then the domain
lower-cased in its Unicode (U-label) form, so ``xn--bcher-kva.fi`` and ``BÜCHER.fi`` are one domain.
No ``+tag`` stripping and no dot removal: a lookalike never matches someone else's address.
"""

from __future__ import annotations

import base64
import binascii
import importlib.util
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.headerregistry import AddressHeader
from pathlib import Path
from typing import Any, Literal, Protocol

import dkim
import dkim.crypto
import dkim.util
import dns.exception
import dns.name
import dns.resolver
import email_validator
import idna
from dkim.canonicalization import (
    CanonicalizationPolicy,
    InvalidCanonicalizationPolicyError,
)
from publicsuffixlist import PublicSuffixList

from mailbot.message import HEADER_FACTORY, bounded_cache

__all__ = [
    "AddressError",
    "DnsKeyLookup",
    "IdentitySettings",
    "IdentityVerdict",
    "KeyRecord",
    "KeysFileError",
    "SignatureCheck",
    "TxtResolver",
    "normalise_address",
    "organisational_domain",
    "verify_identity",
]

# RFC 8301: RSA keys shorter than this never count as proof.
MIN_RSA_BITS = 1024
# Signature algorithms that can prove anything; rsa-sha1 is verified only to report it.
PROOF_ALGORITHMS = frozenset({"rsa-sha256", "ed25519-sha256"})
KNOWN_ALGORITHMS = PROOF_ALGORITHMS | {"rsa-sha1"}
# Headers a sender can write to claim results; only the controller's own A-R is ever trusted.
_CLAIM_HEADERS = ("received-spf", "arc-seal", "arc-message-signature", "arc-authentication-results")

_HEADER_NAME = re.compile(rb"^([\x21-\x39\x3b-\x7e]+):")
_SELECTOR = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?(?:\.[A-Za-z0-9_-]+)*$")
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_HAVE_NACL = importlib.util.find_spec("nacl") is not None


class AddressError(ValueError):
    """An email address that is not a valid, deliverable-looking addr-spec."""


class KeysFileError(ValueError):
    """MAILBOT_DKIM_KEYS_FILE cannot be read or has a line that is not a key record."""


@dataclass(frozen=True)
class IdentitySettings:
    """How identity is checked; built from MAILBOT_* settings by the caller."""

    keys_file: Path | None = None  # MAILBOT_DKIM_KEYS_FILE: "<selector>._domainkey.<domain> <TXT>"
    authserv_id: str | None = None  # MAILBOT_AUTHSERV_ID: trust only A-R headers with this id
    dns_timeout: float = 5.0
    use_dns: bool = True  # False: keys file only; a missing key is no proof, not a temperror
    strict_alignment: bool = False  # True: d= must be the From domain itself, not a sibling


@dataclass(frozen=True)
class SignatureCheck:
    """What one DKIM-Signature header proved, and why."""

    domain: str
    selector: str
    algorithm: str
    # "pass" | "fail" | "temperror" | "permerror" | "policy" (valid but never proof)
    result: str
    aligned: bool  # d= has the From domain's organisational domain
    covers_from: bool  # "from" in h=
    reasons: list[str] = field(default_factory=list)

    @property
    def proves(self) -> bool:
        """This signature alone proves the From domain wrote the message."""
        return self.result == "pass" and self.aligned and self.covers_from

    def to_json(self) -> dict[str, object]:
        return {
            "domain": self.domain,
            "selector": self.selector,
            "algorithm": self.algorithm,
            "result": self.result,
            "aligned": self.aligned,
            "covers_from": self.covers_from,
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True)
class IdentityVerdict:
    """The identity stage's answer for one message."""

    verdict: str  # "verified" | "unverified" | "unknown_sender" | "rejected"
    from_address: str | None  # normalised addr-spec of the single From address
    dkim: str  # "pass" | "fail" | "none" | "temperror" | "permerror" | "policy"
    aligned: bool  # a passing signature (or trusted A-R) aligned with From exists
    known_subject: bool
    subject_id: int | None
    retry_later: bool  # a temporary DNS failure prevented a decision: retry, do not refuse
    reasons: list[str]
    signatures: list[SignatureCheck]

    def to_json(self) -> dict[str, object]:
        return {
            "from": self.from_address,
            "dkim": self.dkim,
            "aligned": self.aligned,
            "known_subject": self.known_subject,
            "verdict": self.verdict,
            "reasons": list(self.reasons),
            "retry_later": self.retry_later,
            "signatures": [s.to_json() for s in self.signatures],
        }


# --------------------------------------------------------------------------- addresses


def _validated(address: str) -> email_validator.ValidatedEmail:
    try:
        # Quoted local parts and domain literals are refused (defaults): a bank has no customer
        # at user@[10.0.0.1], and quoting is a classic way to smuggle "@" into a local part.
        return email_validator.validate_email(
            address.strip(), check_deliverability=False, allow_display_name=False
        )
    except email_validator.EmailNotValidError as exc:
        raise AddressError(f"{address!r} is not a valid email address: {exc}") from None


def normalise_address(address: str) -> str:
    """The one canonical form of an addr-spec, used for the register and for every lookup.

    Validated with email-validator (no deliverability check). The local part is kept exactly as
    written after Unicode NFC (case-sensitive, "+tags" and dots kept); the domain is lower-cased
    in its Unicode form, so the IDNA (xn--) and Unicode spellings of one domain give one result.
    Raise AddressError when the address is invalid.
    """
    return _validated(address).normalized


# Pure functions of the name (the idna tables and the public suffix list are fixed for the
# process): each message asks about the same few domains five times, and IDNA encoding was most
# of a signature check's own Python time. A DNS name has at most 253 characters.
_DOMAIN_CACHE = bounded_cache(maxsize=4096, longest=255)


@_DOMAIN_CACHE
def _ascii_domain(domain: str) -> str:
    """A domain's lower-case A-label form; ValueError when it is not a valid host name."""
    if not domain or domain.endswith(".") or domain != domain.strip():
        raise ValueError(f"{domain!r} is not a domain name")
    try:
        return idna.encode(domain, uts46=True).decode("ascii").lower()
    except (idna.IDNAError, UnicodeError) as exc:
        raise ValueError(f"{domain!r} is not a valid domain name: {exc}") from None


_psl_lock = threading.Lock()
_psl: PublicSuffixList | None = None


@_DOMAIN_CACHE
def organisational_domain(domain: str) -> str | None:
    """The registrable domain (public suffix + one label) in A-label form; None for a bare
    public suffix or an invalid name."""
    global _psl
    try:
        ascii_domain = _ascii_domain(domain)
    except ValueError:
        return None
    with _psl_lock:
        if _psl is None:
            _psl = PublicSuffixList()
        psl = _psl
    result = psl.privatesuffix(ascii_domain)
    return result.lower() if result else None


def _aligned(signer: str, from_domain: str, *, strict: bool = False) -> bool:
    """Relaxed alignment (DMARC's default): both domains have the same organisational domain.
    Strict: the very same domain (MAILBOT_DKIM_STRICT_ALIGNMENT, for a controller that wants it)."""
    org = organisational_domain(signer)
    if org is None:
        return False
    if strict:
        return _ascii_domain(signer) == _ascii_domain(from_domain)
    return org == organisational_domain(from_domain)


# --------------------------------------------------------------------------- header section


class _Malformed(Exception):
    """The message cannot be trusted to parse the same way everywhere."""


@dataclass(frozen=True)
class _Header:
    name: str  # lower-case
    value: bytes  # unfolded, without the trailing line break


def _split_headers(raw: bytes) -> list[_Header]:
    """The header fields in order, refusing anything parsers disagree on.

    dkimpy, Python's email package and mail servers handle odd header lines differently (a bare
    CR, "From :" with a space, a line with no colon); a forger can use that to show one From to
    the signature check and another to the register lookup, so such a message is refused.
    """
    lines = re.split(rb"\r?\n", raw)
    fields: list[list[bytes]] = []
    for number, line in enumerate(lines):
        if line == b"":
            break
        if b"\r" in line or b"\x00" in line:
            raise _Malformed(f"header line {number + 1} contains a bare CR or NUL byte")
        if line[:1] in (b" ", b"\t"):
            if not fields:
                raise _Malformed("the message starts with a continuation line")
            fields[-1].append(line)
            continue
        match = _HEADER_NAME.match(line)
        if match is None:
            if number == 0 and line.startswith(b"From "):
                continue  # an mbox envelope line, not a header field
            raise _Malformed(f"header line {number + 1} is not a header field: {line[:40]!r}")
        fields.append([line])
    result = []
    for parts in fields:
        name, _, first = parts[0].partition(b":")
        # Unfolding (RFC 5322 2.2.3) removes only the line breaks; whitespace stays.
        value = first + b"".join(parts[1:])
        result.append(_Header(name.decode("ascii").lower(), value))
    return result


def _from_address(headers: list[_Header]) -> tuple[str, email_validator.ValidatedEmail, str]:
    """(normalised address, validated form, display name) of the single From address."""
    from_headers = [h for h in headers if h.name == "from"]
    if not from_headers:
        raise _Malformed("the message has no From header")
    if len(from_headers) > 1:
        raise _Malformed(f"the message has {len(from_headers)} From headers")
    try:
        value = from_headers[0].value.decode("utf-8")
    except UnicodeDecodeError:
        raise _Malformed("the From header is not valid UTF-8") from None
    if _CONTROL.search(value):
        raise _Malformed("the From header contains control characters")
    try:
        # email.policy.default's factory, made faster; "From" as most messages spell it, so the
        # header object message.py made of the same text is handed out again
        parsed = HEADER_FACTORY("From", value.strip())
    except Exception as exc:  # the email package's parser has crashed on hostile input before
        raise _Malformed(f"the From header cannot be parsed: {exc}") from None
    if not isinstance(parsed, AddressHeader):
        raise _Malformed("the From header cannot be parsed as an address header")
    # Python's parser "repairs" broken input (it finds alice@bank.fi in
    # 'alice@bank.fi <evil@x.com>', decodes encoded-words inside an addr-spec): every defect
    # except a UTF-8 local part (RFC 6532) means the header is not what it seems.
    defects = [
        str(d) or type(d).__name__
        for d in parsed.defects
        if type(d).__name__ != "NonASCIILocalPartDefect"
    ]
    if defects:
        raise _Malformed(f"the From header is malformed: {'; '.join(defects)}")
    if any(group.display_name is not None for group in parsed.groups):
        raise _Malformed("the From header uses group syntax")
    if len(parsed.addresses) != 1:
        raise _Malformed(f"the From header has {len(parsed.addresses)} addresses, not exactly one")
    address = parsed.addresses[0]
    try:
        validated = _validated(address.addr_spec)
    except AddressError as exc:
        raise _Malformed(f"the From address is invalid: {exc}") from None
    return validated.normalized, validated, address.display_name


# --------------------------------------------------------------------------- DKIM keys


@dataclass(frozen=True)
class KeyRecord:
    """The outcome of looking up one DKIM key record."""

    status: Literal["ok", "temperror", "permerror", "missing"]
    text: str | None = None  # the TXT record text when status is "ok"
    source: str = ""  # "keys file" | "DNS"
    reason: str = ""


def _txt_text(rest: str) -> str:
    """TXT text of a keys-file line: quoted strings concatenated, or the text as written."""
    rest = rest.strip()
    tokens = rest.split(None, 2)
    # Tolerate zone-file style "IN TXT ( ... )" copied from opendkim-genkey output.
    while tokens and tokens[0].upper() in ("IN", "TXT"):
        rest = rest.split(None, 1)[1] if len(tokens) > 1 else ""
        tokens = rest.split(None, 2)
    rest = rest.strip()
    if rest.startswith("(") and rest.endswith(")"):
        rest = rest[1:-1].strip()
    if rest.startswith('"'):
        return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', rest))
    return rest


def _key_name(name: str) -> str:
    """Canonical key record name: A-label, lower case, no trailing dot."""
    name = name.strip().rstrip(".")
    labels = name.split(".")
    if len(labels) < 3 or "_domainkey" not in [label.lower() for label in labels]:
        raise ValueError(f"{name!r} is not a <selector>._domainkey.<domain> name")
    marker = [label.lower() for label in labels].index("_domainkey")
    selector = ".".join(labels[:marker])
    domain = ".".join(labels[marker + 1 :])
    if not selector or not _SELECTOR.match(selector):
        raise ValueError(f"{name!r} has an invalid selector")
    return f"{selector.lower()}._domainkey.{_ascii_domain(domain)}"


_keys_file_lock = threading.Lock()
_keys_file_cache: dict[Path, tuple[tuple[int, int], dict[str, list[str]]]] = {}


def _read_keys_file(path: Path) -> dict[str, list[str]]:
    """Key records by canonical name, re-read only when the file changes."""
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        with _keys_file_lock:
            cached = _keys_file_cache.get(path)
        if cached and cached[0] == stamp:
            return cached[1]
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KeysFileError(f"MAILBOT_DKIM_KEYS_FILE {path} cannot be read: {exc}") from None
    records: dict[str, list[str]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ";")):
            continue
        parts = stripped.split(None, 1)
        if len(parts) != 2:
            raise KeysFileError(f"{path}:{number}: expected '<name> <TXT record text>'")
        try:
            name = _key_name(parts[0])
        except ValueError as exc:
            raise KeysFileError(f"{path}:{number}: {exc}") from None
        records.setdefault(name, []).append(_txt_text(parts[1]))
    with _keys_file_lock:
        _keys_file_cache[path] = (stamp, records)
    return records


class TxtResolver(Protocol):
    """What DnsKeyLookup needs of a resolver: dns.resolver.Resolver, or a test's stand-in."""

    def resolve(
        self, qname: str, rdtype: str, *, lifetime: float, search: bool, raise_on_no_answer: bool
    ) -> Any: ...


class DnsKeyLookup:
    """DKIM key records from DNS through dnspython, with an in-process cache honouring TTLs.

    Only definite answers are cached (a record, NXDOMAIN, no TXT record); a timeout or SERVFAIL
    is asked again next time, since the caller is told to retry later.
    """

    def __init__(
        self,
        resolver: TxtResolver | None = None,
        *,
        min_ttl: float = 60.0,
        max_ttl: float = 3600.0,
        negative_ttl: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._resolver = resolver
        self._min_ttl = min_ttl
        self._max_ttl = max_ttl
        self._negative_ttl = negative_ttl
        self._clock = clock
        self._cache: dict[str, tuple[float, KeyRecord]] = {}
        self._lock = threading.Lock()

    def _get_resolver(self) -> TxtResolver:
        if self._resolver is None:
            self._resolver = dns.resolver.Resolver()
        return self._resolver

    def lookup(self, name: str, *, timeout: float) -> KeyRecord:
        """The TXT record at `name` (canonical key name), or why there is none."""
        now = self._clock()
        with self._lock:
            cached = self._cache.get(name)
            if cached and cached[0] > now:
                return cached[1]
        record, ttl = self._query(name, timeout)
        if ttl is not None:
            with self._lock:
                self._cache[name] = (now + ttl, record)
        return record

    def _query(self, name: str, timeout: float) -> tuple[KeyRecord, float | None]:
        try:
            answer = self._get_resolver().resolve(
                name, "TXT", lifetime=timeout, search=False, raise_on_no_answer=True
            )
        except dns.resolver.NXDOMAIN:
            reason = f"no key record {name} in DNS (NXDOMAIN)"
            return KeyRecord("permerror", source="DNS", reason=reason), self._negative_ttl
        except dns.resolver.NoAnswer:
            reason = f"{name} has no TXT record in DNS"
            return KeyRecord("permerror", source="DNS", reason=reason), self._negative_ttl
        except dns.exception.Timeout:
            reason = f"DNS lookup of {name} timed out"
            return KeyRecord("temperror", source="DNS", reason=reason), None
        except dns.resolver.NoNameservers:
            reason = f"DNS lookup of {name} failed (SERVFAIL or no nameserver answered)"
            return KeyRecord("temperror", source="DNS", reason=reason), None
        except dns.resolver.NoResolverConfiguration:
            reason = f"DNS lookup of {name} impossible: no nameservers configured"
            return KeyRecord("temperror", source="DNS", reason=reason), None
        except dns.name.NameTooLong:
            reason = f"{name} is not a valid DNS name"
            return KeyRecord("permerror", source="DNS", reason=reason), None
        except dns.exception.DNSException as exc:
            reason = f"DNS lookup of {name} failed: {exc}"
            return KeyRecord("temperror", source="DNS", reason=reason), None
        texts = [b"".join(rdata.strings).decode("utf-8", "replace") for rdata in answer.rrset]
        ttl = max(self._min_ttl, min(self._max_ttl, float(answer.rrset.ttl)))
        if len(texts) != 1:
            # RFC 6376 3.6.2.2 leaves several records undefined; never guess which key counts.
            reason = f"{name} has {len(texts)} TXT records in DNS, expected one"
            return KeyRecord("permerror", source="DNS", reason=reason), ttl
        return KeyRecord("ok", text=texts[0], source="DNS"), ttl


_default_dns_lock = threading.Lock()
_default_dns: DnsKeyLookup | None = None


def _default_dns_lookup() -> DnsKeyLookup:
    global _default_dns
    with _default_dns_lock:
        if _default_dns is None:
            _default_dns = DnsKeyLookup()
        return _default_dns


def _find_key(name: str, settings: IdentitySettings, dns_lookup: DnsKeyLookup | None) -> KeyRecord:
    """The keys file first (offline, tests), then DNS when allowed."""
    if settings.keys_file is not None:
        texts = _read_keys_file(settings.keys_file).get(name)
        if texts is not None:
            if len(texts) != 1:
                reason = f"the keys file has {len(texts)} records for {name}, expected one"
                return KeyRecord("permerror", source="keys file", reason=reason)
            return KeyRecord("ok", text=texts[0], source="keys file")
    if not settings.use_dns:
        return KeyRecord(
            "missing", source="keys file", reason=f"no key for {name} in the keys file (DNS off)"
        )
    return (dns_lookup or _default_dns_lookup()).lookup(name, timeout=settings.dns_timeout)


# --------------------------------------------------------------------------- DKIM signatures


@dataclass(frozen=True)
class _Key:
    """A parsed key record that dkimpy may be handed."""

    record: bytes
    kind: str  # "rsa" | "ed25519"
    bits: int
    flags: frozenset[str]


@bounded_cache(maxsize=256, longest=8192)  # an RSA-4096 record is about 800 characters
def _parse_key(text: str, algorithm: str) -> tuple[_Key | None, str, str]:
    """(key, result-if-unusable, reason) for a key record and the signature's a=. Cached: a pure
    function of its two arguments (a record that changes is a different text), and a sender
    domain's key record is the same for every one of its messages."""
    try:
        tags = dkim.util.parse_tag_value(text.encode("utf-8"))
    except dkim.util.InvalidTagValueList as exc:
        return None, "permerror", f"the key record is malformed: {exc}"
    version = tags.get(b"v")
    if version is not None and version != b"DKIM1":
        return None, "permerror", "the key record is not v=DKIM1"
    if b"p" not in tags:
        return None, "permerror", "the key record has no p= tag"
    public = re.sub(rb"\s+", b"", tags[b"p"])
    if not public:
        # RFC 6376 3.6.1: an empty p= means the key was revoked.
        return None, "fail", "the key has been revoked (empty p=)"
    kind = tags.get(b"k", b"rsa").decode("ascii", "replace").lower()
    if kind not in ("rsa", "ed25519"):
        return None, "permerror", f"unknown key type k={kind}"
    if not algorithm.startswith(kind + "-"):
        return None, "permerror", f"a {kind} key cannot verify an {algorithm} signature"
    if b"h" in tags:
        hashes = {h.strip().lower() for h in tags[b"h"].decode("ascii", "replace").split(":")}
        if algorithm.rsplit("-", 1)[1] not in hashes:
            return None, "permerror", f"the key record does not allow {algorithm} (h=)"
    service = {s.strip() for s in tags.get(b"s", b"*").decode("ascii", "replace").split(":")}
    if not service & {"*", "email"}:
        return None, "permerror", "the key record is not for email (s=)"
    flags = frozenset(
        f.strip().lower() for f in tags.get(b"t", b"").decode("ascii", "replace").split(":")
    )
    try:
        der = base64.b64decode(public, validate=True)
    except (binascii.Error, ValueError):
        return None, "permerror", "the key record's p= is not base64"
    if kind == "rsa":
        try:
            bits = int(dkim.crypto.parse_public_key(der)["modulus"]).bit_length()
        except Exception as exc:  # dkimpy's ASN.1 parser raises several kinds
            return None, "permerror", f"the RSA public key cannot be parsed: {exc}"
    else:
        if len(der) != 32:
            return None, "permerror", "the ed25519 public key is not 32 bytes"
        if not _HAVE_NACL:
            return None, "permerror", "ed25519 needs PyNaCl, which is not installed"
        bits = 256
    return _Key(record=text.encode("utf-8"), kind=kind, bits=bits, flags=flags), "", ""


def _decode_tag(tags: dict[bytes, bytes], tag: bytes) -> str | None:
    value = tags.get(tag)
    if value is None:
        return None
    return re.sub(r"\s+", "", value.decode("utf-8", "replace"))


def _check_signature(
    verifier: dkim.DKIM,
    index: int,
    header_value: bytes,
    *,
    from_domain: str,
    settings: IdentitySettings,
    dns_lookup: DnsKeyLookup | None,
    now: float,
) -> SignatureCheck:
    """Verify the index-th DKIM-Signature and apply the rules that decide whether it proves."""
    try:
        # dkimpy's own tag parser, so this reading of the tags is the one its verify() uses.
        tags = dkim.util.parse_tag_value(header_value)
    except dkim.util.InvalidTagValueList as exc:
        return SignatureCheck("", "", "", "permerror", False, False, [f"unreadable tags: {exc}"])
    raw_domain = _decode_tag(tags, b"d") or ""
    selector = _decode_tag(tags, b"s") or ""
    algorithm = (_decode_tag(tags, b"a") or "").lower()
    reasons: list[str] = []

    def result(
        outcome: str, *extra: str, aligned: bool = False, covers: bool = False
    ) -> SignatureCheck:
        return SignatureCheck(
            raw_domain, selector, algorithm, outcome, aligned, covers, [*reasons, *extra]
        )

    missing = [t.decode() for t in (b"v", b"a", b"b", b"bh", b"d", b"h", b"s") if t not in tags]
    if missing:
        return result("permerror", f"missing required tag(s): {', '.join(missing)}")
    try:
        domain = _ascii_domain(raw_domain)
    except ValueError as exc:
        return result("permerror", f"d= is not a valid domain: {exc}")
    if not _SELECTOR.match(selector):
        return result("permerror", f"s={selector!r} is not a valid selector")

    signed = [h.strip().lower() for h in (_decode_tag(tags, b"h") or "").split(":")]
    covers = "from" in signed
    aligned = _aligned(domain, from_domain, strict=settings.strict_alignment)
    if organisational_domain(domain) is None:
        reasons.append(f"d={raw_domain} is a public suffix, which can never prove a sender")
    elif not aligned:
        reasons.append(f"d={raw_domain} does not align with the From domain {from_domain}")
    if not covers:
        reasons.append("h= does not cover the From header")

    weak: list[str] = []  # reasons that make even a valid signature no proof
    if algorithm not in KNOWN_ALGORITHMS:
        return result(
            "permerror", f"unknown algorithm a={algorithm}", aligned=aligned, covers=covers
        )
    if algorithm not in PROOF_ALGORITHMS:
        weak.append(f"{algorithm} never counts as proof (RFC 8301)")
    expiry = _decode_tag(tags, b"x")
    if expiry is not None:
        if not expiry.isdigit():
            return result("permerror", "x= is not a number", aligned=aligned, covers=covers)
        # Compared to the clock exactly: dkimpy would allow ten hours of slop.
        if int(expiry) < now:
            weak.append(
                "the signature expired at "
                + time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(int(expiry)))
            )
    length = _decode_tag(tags, b"l")
    if length is not None:
        if not length.isdigit():
            return result("permerror", "l= is not a number", aligned=aligned, covers=covers)
        try:
            canon = CanonicalizationPolicy.from_c_value(
                (_decode_tag(tags, b"c") or "simple/simple").encode("ascii")
            )
        except (InvalidCanonicalizationPolicyError, UnicodeEncodeError):
            return result(
                "permerror", "c= is not a known canonicalisation", aligned=aligned, covers=covers
            )
        body_length = len(canon.canonicalize_body(verifier.body))
        if body_length > int(length):
            weak.append(
                f"l={length} signs only part of the {body_length}-byte body; "
                "the rest could have been added by anyone"
            )

    name = f"{selector.lower()}._domainkey.{domain}"
    found = _find_key(name, settings, dns_lookup)
    if found.status != "ok" or found.text is None:
        outcome = "temperror" if found.status == "temperror" else "permerror"
        return result(outcome, *weak, found.reason, aligned=aligned, covers=covers)
    key, unusable, why = _parse_key(found.text, algorithm)
    if key is None:
        return result(
            unusable, *weak, f"{why} ({name}, {found.source})", aligned=aligned, covers=covers
        )
    if key.kind == "rsa" and key.bits < MIN_RSA_BITS:
        weak.append(f"the RSA key has {key.bits} bits, under {MIN_RSA_BITS} (RFC 8301)")
    if "y" in key.flags:
        # RFC 6376 3.6.1: a domain testing DKIM must be treated as unsigned.
        weak.append("the key is in testing mode (t=y)")
    identity = _decode_tag(tags, b"i")
    if (
        "s" in key.flags
        and identity is not None
        and identity.rpartition("@")[2].lower() != raw_domain.lower()
    ):
        return result(
            "permerror",
            *weak,
            "key t=s forbids an i= subdomain",
            aligned=aligned,
            covers=covers,
        )

    def dnsfunc(query: bytes | str, timeout: float = 5.0) -> bytes:
        # Only the record already vetted above may be handed to dkimpy.
        asked = query.decode("utf-8") if isinstance(query, bytes) else query
        if _key_name(asked) != name:
            raise dkim.KeyFormatError(f"unexpected key lookup {asked!r}")
        return key.record

    try:
        verifier.verify_headerprep(index)
    except (dkim.DKIMException, ValueError, IndexError, TypeError) as exc:
        outcome = "policy" if weak else "permerror"
        return result(outcome, *weak, f"invalid signature: {exc}", aligned=aligned, covers=covers)
    try:
        valid = bool(verifier.verify(idx=index, dnsfunc=dnsfunc))
        failure = "the signature does not match the message"
    except dkim.ValidationError as exc:
        valid, failure = False, str(exc)
        if "body hash mismatch" in failure:
            failure = "the body was changed after signing (body hash mismatch)"
    except dkim.DKIMException as exc:
        return result("permerror", *weak, f"cannot verify: {exc}", aligned=aligned, covers=covers)
    except Exception as exc:  # dkimpy on hostile input: one bad signature must not stop the rest
        reason = f"cannot verify: {type(exc).__name__}: {exc}"
        return result("permerror", *weak, reason, aligned=aligned, covers=covers)
    if not valid:
        return result("fail", *weak, failure, aligned=aligned, covers=covers)
    if weak:
        return result(
            "policy",
            f"the signature is valid but no proof: {'; '.join(weak)}",
            aligned=aligned,
            covers=covers,
        )
    source = f"key from {found.source}"
    if not aligned or not covers:
        return result(
            "pass",
            f"valid signature by {raw_domain} ({source}) that proves nothing about the sender",
            aligned=aligned,
            covers=covers,
        )
    return result(
        "pass",
        f"valid signature by {raw_domain} ({source}), aligned with From",
        aligned=aligned,
        covers=covers,
    )


# --------------------------------------------------------------------------- Authentication-Results


def _strip_comments(text: str) -> str:
    """RFC 5322 comments removed (nested, with quoted-pairs); quoted strings kept."""
    out: list[str] = []
    depth = 0
    quoted = False
    escaped = False
    for char in text:
        if escaped:
            escaped = False
            if depth == 0:
                out.append(char)
            continue
        if char == "\\":
            escaped = True
            if depth == 0:
                out.append(char)
            continue
        if quoted:
            out.append(char)
            if char == '"':
                quoted = False
            continue
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif depth == 0:
            if char == '"':
                quoted = True
            out.append(char)
    return "".join(out)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return re.sub(r"\\(.)", r"\1", value[1:-1])
    return value


@dataclass(frozen=True)
class _AuthResult:
    method: str
    result: str
    properties: dict[str, str]


def _parse_auth_results(value: str) -> tuple[str, list[_AuthResult]] | None:
    """(authserv-id, results) of an Authentication-Results value (RFC 8601), None if unreadable."""
    if len(value) > 8192:  # no server writes this much; refuse the parsing cost
        return None
    text = _strip_comments(value)
    # ';' inside a quoted string is data, not a separator.
    parts = [p.strip() for p in re.split(r';(?=(?:[^"]*"[^"]*")*[^"]*$)', text)]
    head = parts[0].split()
    if not head:
        return None
    authserv_id = _unquote(head[0]).lower()
    results: list[_AuthResult] = []
    for part in parts[1:]:
        part = re.sub(r"\s*=\s*", "=", part)
        tokens = part.split()
        if not tokens or tokens[0].lower() == "none":
            continue
        method, sep, outcome = tokens[0].partition("=")
        if not sep:
            return None
        properties: dict[str, str] = {}
        for token in tokens[1:]:
            key, sep, prop = token.partition("=")
            if sep:
                properties[key.lower()] = _unquote(prop)
        results.append(_AuthResult(method.split("/")[0].lower(), outcome.lower(), properties))
    return authserv_id, results


def _trusted_auth_results(
    headers: list[_Header], *, from_domain: str, authserv_id: str | None, strict: bool = False
) -> tuple[str | None, list[str]]:
    """(proof reason or None, reasons) from Authentication-Results and similar headers.

    "Topmost" means above the first Received header: the controller's server adds its A-R there
    when it receives the message, and RFC 8601 section 5 has it remove or rename copies claiming
    its id. Anything below a Received header was already in the message when it arrived, so the
    sender may have written it, whatever id it names. Deployment consequence: the MTA (or its
    milter) must put its A-R above every Received header, including a later delivery hop's.
    """
    reasons: list[str] = []
    proof: str | None = None
    first_received = next((i for i, h in enumerate(headers) if h.name == "received"), len(headers))
    wanted = authserv_id.strip().lower() if authserv_id else None
    for position, header in enumerate(headers):
        if header.name in _CLAIM_HEADERS or (
            header.name.endswith("authentication-results")
            and header.name != "authentication-results"
        ):
            reasons.append(
                f"ignored {header.name} header: results claimed in the message prove nothing"
            )
            continue
        if header.name != "authentication-results":
            continue
        value = header.value.decode("utf-8", "replace").strip()
        shown = re.sub(r"\s+", " ", value)[:200]
        if wanted is None:
            reasons.append(
                f"ignored Authentication-Results ({shown}): MAILBOT_AUTHSERV_ID is not set"
            )
            continue
        parsed = _parse_auth_results(value)
        if parsed is None:
            reasons.append(f"ignored unreadable Authentication-Results ({shown})")
            continue
        server, results = parsed
        if server != wanted:
            reasons.append(
                f"ignored Authentication-Results from {server}: not our server ({wanted})"
            )
            continue
        if position > first_received:
            reasons.append(
                f"ignored Authentication-Results naming {server} below a Received header: "
                "it was in the message before our server received it"
            )
            continue
        for item in results:
            if item.method != "dkim" or item.result != "pass":
                continue
            signer = (
                item.properties.get("header.d")
                or item.properties.get("header.i", "").rpartition("@")[2]
            )
            if signer and _aligned(signer, from_domain, strict=strict):
                proof = (
                    f"trusted Authentication-Results from {server}: dkim=pass "
                    f"header.d={signer}, aligned with From ({shown})"
                )
                reasons.append(proof)
            elif signer:
                reasons.append(
                    f"trusted Authentication-Results from {server}: dkim=pass for {signer}, "
                    f"which does not align with {from_domain}"
                )
    return proof, reasons


# --------------------------------------------------------------------------- the verdict


_SUMMARY_ORDER = ("temperror", "fail", "policy", "permerror")


def _summary(checks: list[SignatureCheck], proven: bool) -> str:
    if proven:
        return "pass"
    if not checks:
        return "none"
    found = {c.result for c in checks}
    # A valid signature that proves nothing (other domain, h= without From) reads as "policy".
    if "pass" in found:
        found.add("policy")
    return next(r for r in _SUMMARY_ORDER if r in found)


def verify_identity(
    raw: bytes,
    *,
    lookup: Callable[[str], int | None],
    settings: IdentitySettings,
    dns_lookup: DnsKeyLookup | None = None,
    now: float | None = None,
) -> IdentityVerdict:
    """Who provably wrote `raw`: see the module docstring for the verdicts and their rules.

    `lookup(normalised_address)` returns the register's subject id or None. `dns_lookup`
    replaces the process-wide DNS key cache (tests inject a resolver through it); `now` is the
    Unix time x= expiry is compared with (default: the clock).
    """
    moment = time.time() if now is None else now
    try:
        headers = _split_headers(raw)
        address, validated, display_name = _from_address(headers)
    except _Malformed as exc:
        return IdentityVerdict(
            verdict="rejected",
            from_address=None,
            dkim="none",
            aligned=False,
            known_subject=False,
            subject_id=None,
            retry_later=False,
            reasons=[f"rejected: {exc}"],
            signatures=[],
        )
    reasons: list[str] = []
    from_domain = validated.ascii_domain
    if validated.ascii_domain != validated.domain:
        reasons.append(f"the From domain {validated.domain} is internationalised ({from_domain})")
    if "@" in display_name:
        reasons.append(
            f"the display name {display_name!r} looks like an address; only {address} is used"
        )

    checks: list[SignatureCheck] = []
    if any(h.name == "dkim-signature" for h in headers):
        try:
            # minkey=0: key size is judged here (RFC 8301), so a valid weak signature is
            # reported as "policy" rather than as an error.
            verifier = dkim.DKIM(raw, minkey=0)
        except dkim.DKIMException as exc:
            reasons.append(f"DKIM signatures cannot be checked: {exc}")
            verifier = None
        if verifier is not None:
            values = [v for n, v in verifier.headers if n.lower() == b"dkim-signature"]
            for index, value in enumerate(values):
                checks.append(
                    _check_signature(
                        verifier,
                        index,
                        value,
                        from_domain=from_domain,
                        settings=settings,
                        dns_lookup=dns_lookup,
                        now=moment,
                    )
                )
    else:
        reasons.append("the message has no DKIM signature")
    for number, check in enumerate(checks, start=1):
        label = f"signature {number} (d={check.domain or '?'}, s={check.selector or '?'})"
        reasons.extend(f"{label}: {r}" for r in check.reasons)

    ar_proof, ar_reasons = _trusted_auth_results(
        headers,
        from_domain=from_domain,
        authserv_id=settings.authserv_id,
        strict=settings.strict_alignment,
    )
    reasons.extend(ar_reasons)

    dkim_proof = any(c.proves for c in checks)
    proven = dkim_proof or ar_proof is not None
    # Only a signature that could have proved the sender is worth waiting for.
    could_prove = any(c.result == "temperror" and c.aligned and c.covers_from for c in checks)
    subject_id = lookup(address)
    known = subject_id is not None
    retry_later = known and not proven and could_prove

    if not known:
        verdict = "unknown_sender"
        reasons.append(f"{address} is not in the register")
    elif proven:
        verdict = "verified"
        reasons.append(f"{address} is in the register and proven to have written the message")
    else:
        verdict = "unverified"
        if retry_later:
            reasons.append("a temporary DNS failure stopped the check: try again later")
        reasons.append(f"{address} is in the register but nothing proves it wrote the message")
    return IdentityVerdict(
        verdict=verdict,
        from_address=address,
        dkim=_summary(checks, proven),
        aligned=proven,
        known_subject=known,
        subject_id=subject_id,
        retry_later=retry_later,
        reasons=reasons,
        signatures=checks,
    )
