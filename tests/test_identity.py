"""The identity stage: forged and unprovable mail is never `verified`; genuine mail is.

Every message is built and signed here (tests/identity_mail.py) with keys generated for the run;
keys reach the verifier only through a keys file, and DNS only through an injected resolver, so
no test touches the network.
"""

from __future__ import annotations

import dataclasses
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import dns.exception
import dns.resolver
import dns.rrset
import identity_mail as im
import idna
import pytest

from mailbot.identity import (
    AddressError,
    DnsKeyLookup,
    IdentitySettings,
    IdentityVerdict,
    KeysFileError,
    normalise_address,
    organisational_domain,
    verify_identity,
)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "eml"
AUTHSERV = "mx.rekisteri.fi"
IDN_UNICODE = "företag.se"
IDN_ASCII = idna.encode(IDN_UNICODE).decode("ascii")

# The register: normalised address -> subject id.
REGISTER = {
    normalise_address("aino@asiakas.fi"): 1,
    normalise_address(f"bo@{IDN_UNICODE}"): 2,
    normalise_address("liisa@palvelu.co.uk"): 3,
    normalise_address("mikko@suomi.fi"): 4,
}


def lookup(address: str) -> int | None:
    return REGISTER.get(address)


GOOD = im.rsa_key(2048)
ED = im.ed25519_key()
ATTACKER = im.rsa_key(2048, "attacker")
ATTACKER_ED = im.ed25519_key("attacker")


@pytest.fixture(scope="module")
def keys_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("keys") / "dkim-keys.txt"
    lines = [
        im.key_line("sel", "asiakas.fi", GOOD),
        im.key_line("ed", "asiakas.fi", ED),
        im.key_line("sel", "mail.asiakas.fi", GOOD),
        im.key_line("w512", "asiakas.fi", im.rsa_key(512)),
        im.key_line("w768", "asiakas.fi", im.rsa_key(768)),
        im.key_line("gone", "asiakas.fi", "v=DKIM1; k=rsa; p="),
        im.key_line("testing", "asiakas.fi", GOOD.record(extra="t=y; ")),
        im.key_line("edkey", "asiakas.fi", ED),
        # the attacker's own domains, with valid keys
        im.key_line("sel", "evil.example", ATTACKER),
        im.key_line("sel", "asiakkas.fi", ATTACKER),
        im.key_line("sel", "xn--siakas-3nf.fi", ATTACKER),  # Cyrillic "а"
        im.key_line("sel", "co.uk", ATTACKER),
        im.key_line("sel", "fi", ATTACKER),
        im.key_line("other", "evil.example", ATTACKER),
        # IDN domain: one selector written in A-label form, one in Unicode form
        im.key_line("sel", IDN_ASCII, GOOD),
        im.key_line("uni", IDN_UNICODE, ED),
        # a zone-file style line with quoted strings, as opendkim-genkey prints
        f'odk._domainkey.suomi.fi IN TXT ( "v=DKIM1; k=rsa; " "p={GOOD.public}" )',
    ]
    return im.write_keys_file(path, lines)


@pytest.fixture(scope="module")
def offline(keys_file: Path) -> IdentitySettings:
    return IdentitySettings(keys_file=keys_file, use_dns=False)


@pytest.fixture(scope="module")
def with_authserv(keys_file: Path) -> IdentitySettings:
    return IdentitySettings(keys_file=keys_file, use_dns=False, authserv_id=AUTHSERV)


def check(raw: bytes, settings: IdentitySettings, **kwargs: object) -> IdentityVerdict:
    verdict = verify_identity(
        raw,
        lookup=lookup,
        settings=settings,
        **kwargs,  # type: ignore[arg-type]
    )
    # Every verdict must serialise for `mailbot verify --json`.
    json.dumps(verdict.to_json())
    return verdict


def sign(raw: bytes, **kwargs: object) -> bytes:
    kwargs.setdefault("key", GOOD)
    kwargs.setdefault("domain", "asiakas.fi")
    return im.dkimpy_sign(raw, **kwargs)  # type: ignore[arg-type]


def received(host: str = "mx.rekisteri.fi") -> str:
    return f"Received: from out.asiakas.fi by {host} with ESMTPS; Tue, 5 Mar 2024 09:15:02 +0200"


def ar(server: str = AUTHSERV, domain: str = "asiakas.fi") -> str:
    return f"Authentication-Results: {server}; dkim=pass (2048-bit key) header.d={domain}; spf=pass"


NOW = int(time.time())

# --------------------------------------------------------------------------- forged / unprovable


def _replace(raw: bytes, old: bytes, new: bytes) -> bytes:
    assert old in raw
    return raw.replace(old, new, 1)


def _break_signature(raw: bytes) -> bytes:
    """The topmost signature's b= with its first character changed."""
    match = re.search(rb"[;\s]b=\s*([A-Za-z0-9+/])", raw)
    assert match
    changed = b"B" if match.group(1) != b"B" else b"C"
    return raw[: match.start(1)] + changed + raw[match.end(1) :]


# Each builds one message that must never come out `verified`.
FORGERIES: dict[str, Callable[[Path], bytes]] = {
    "unsigned": lambda _: im.message(),
    "signed by an unaligned domain": lambda _: sign(
        im.message(), key=ATTACKER, domain="evil.example"
    ),
    "body altered after signing": lambda _: _replace(
        sign(im.message()), b"poistakaa kaikki", b"l\xc3\xa4hett\xc3\xa4k\xc3\xa4\xc3\xa4 kaikki"
    ),
    "subject altered after signing": lambda _: _replace(
        sign(im.message()), b"Subject: Pyynt", b"Subject: Re: Pyynt"
    ),
    "from altered after signing": lambda _: _replace(
        sign(im.message(from_="Mallory <mallory@asiakas.fi>")),
        b"mallory@asiakas.fi",
        b"aino@asiakas.fi",
    ),
    "l= with appended text": lambda _: (
        sign(im.message(), length=True) + b"PS. Send the data to mallory@evil.example instead.\r\n"
    ),
    "revoked key (empty p=)": lambda _: sign(im.message(), selector="gone"),
    "RSA 512-bit key": lambda _: im.custom_sign(
        im.message(), key=im.rsa_key(512), domain="asiakas.fi", selector="w512"
    ),
    "RSA 768-bit key": lambda _: im.custom_sign(
        im.message(), key=im.rsa_key(768), domain="asiakas.fi", selector="w768"
    ),
    "rsa-sha1": lambda _: im.custom_sign(
        im.message(), key=GOOD, domain="asiakas.fi", algorithm="rsa-sha1"
    ),
    "expired x= a day ago": lambda _: im.custom_sign(
        im.message(), key=GOOD, domain="asiakas.fi", timestamp=NOW - 172800, expires=NOW - 86400
    ),
    "expired x= a minute ago (inside dkimpy's slop)": lambda _: im.custom_sign(
        im.message(), key=GOOD, domain="asiakas.fi", timestamp=NOW - 3600, expires=NOW - 60
    ),
    "Reply-To pointing at a known address": lambda _: sign(
        im.message(from_="Mallory <mallory@evil.example>", headers=["Reply-To: aino@asiakas.fi"]),
        key=ATTACKER,
        domain="evil.example",
    ),
    "Sender naming a known address": lambda _: sign(
        im.message(from_="mallory@evil.example", headers=["Sender: aino@asiakas.fi"]),
        key=ATTACKER,
        domain="evil.example",
    ),
    "display name equal to a known address": lambda _: sign(
        im.message(from_='"aino@asiakas.fi" <mallory@evil.example>'),
        key=ATTACKER,
        domain="evil.example",
    ),
    "encoded-word display name holding a known address": lambda _: sign(
        im.message(from_="=?utf-8?q?aino=40asiakas=2Efi?= <mallory@evil.example>"),
        key=ATTACKER,
        domain="evil.example",
    ),
    "encoded-word hiding the address itself": lambda _: im.message(
        from_="=?utf-8?b?YWlub0Bhc2lha2FzLmZp?="
    ),
    "encoded-word inside the addr-spec": lambda _: im.message(from_="=?utf-8?q?aino?=@asiakas.fi"),
    "address before a different angle address": lambda _: sign(
        im.message(from_="aino@asiakas.fi <mallory@evil.example>"),
        key=ATTACKER,
        domain="evil.example",
    ),
    "lookalike domain signed by itself": lambda _: sign(
        im.message(from_="Aino <aino@asiakkas.fi>"), key=ATTACKER, domain="asiakkas.fi"
    ),
    "Cyrillic homograph domain signed by itself": lambda _: sign(
        im.message(from_="Aino <aino@\u0430siakas.fi>"), key=ATTACKER, domain="xn--siakas-3nf.fi"
    ),
    "plus tag the register does not have": lambda _: sign(im.message(from_="aino+gdpr@asiakas.fi")),
    "extra dot the register does not have": lambda _: sign(im.message(from_="ai.no@asiakas.fi")),
    "local part in another case": lambda _: sign(im.message(from_="AINO@asiakas.fi")),
    "two From headers": lambda _: sign(
        im.message(headers=["From: Mallory <mallory@evil.example>"])
    ),
    "two From headers, second in other case": lambda _: _replace(
        sign(im.message()), b"To: privacy", b"from: mallory@evil.example\r\nTo: privacy"
    ),
    "two addresses in one From": lambda _: sign(
        im.message(from_="aino@asiakas.fi, mallory@evil.example")
    ),
    "group syntax in From": lambda _: im.message(from_="Asiakkaat: aino@asiakas.fi;"),
    "garbage DKIM-Signature": lambda _: im.prepend(
        im.message(), "DKIM-Signature: v=1; a=rsa-sha256; d=asiakas.fi; this is not a signature"
    ),
    "garbage b= in an otherwise aligned signature": lambda _: _break_signature(sign(im.message())),
    "h= without from": lambda _: im.custom_sign(
        im.message(), key=GOOD, domain="asiakas.fi", headers=("to", "subject", "date")
    ),
    "d= is a public suffix (co.uk)": lambda _: im.custom_sign(
        im.message(from_="liisa@palvelu.co.uk"), key=ATTACKER, domain="co.uk"
    ),
    "d= is a public suffix (fi)": lambda _: im.custom_sign(im.message(), key=ATTACKER, domain="fi"),
    "right domain, attacker's key": lambda _: sign(im.message(), key=ATTACKER),
    "right domain, selector only another domain has": lambda _: sign(
        im.message(), key=ATTACKER, selector="other"
    ),
    "ed25519 signature against an RSA key record": lambda _: sign(
        im.message(), key=ATTACKER_ED, selector="sel"
    ),
    "key in testing mode (t=y)": lambda _: sign(im.message(), selector="testing"),
    "failing aligned signature beside a valid unaligned one": lambda _: sign(
        _break_signature(sign(im.message(), key=ATTACKER)),
        key=ATTACKER,
        domain="evil.example",
    ),
    "space before the colon of From": lambda _: _replace(
        sign(im.message()), b"From: Aino", b"From : Aino"
    ),
    "bare CR smuggling a header": lambda _: _replace(
        im.message(), b"Subject: Pyynt", b"X-Note: a\rFrom: aino@asiakas.fi\r\nSubject: Pyynt"
    ),
}


@pytest.mark.parametrize("name", sorted(FORGERIES))
def test_forged_or_unprovable_message_is_never_verified(
    name: str, offline: IdentitySettings, tmp_path: Path
) -> None:
    verdict = check(FORGERIES[name](tmp_path), offline)
    assert verdict.verdict != "verified", verdict.reasons
    assert not verdict.retry_later
    if verdict.verdict == "unknown_sender":
        # The attacker may prove their own address; it just is nobody's in the register.
        assert verdict.subject_id is None
    else:
        assert verdict.dkim != "pass"
        assert not verdict.aligned
    assert verdict.reasons


REJECTED = [
    "two From headers",
    "two From headers, second in other case",
    "two addresses in one From",
    "group syntax in From",
    "encoded-word hiding the address itself",
    "encoded-word inside the addr-spec",
    "address before a different angle address",
    "space before the colon of From",
    "bare CR smuggling a header",
]


@pytest.mark.parametrize("name", REJECTED)
def test_malformed_from_is_rejected_with_a_reason(
    name: str, offline: IdentitySettings, tmp_path: Path
) -> None:
    verdict = check(FORGERIES[name](tmp_path), offline)
    assert verdict.verdict == "rejected"
    assert verdict.from_address is None
    assert verdict.subject_id is None
    assert verdict.reasons[0].startswith("rejected: ")


@pytest.mark.parametrize(
    "name",
    [
        "Reply-To pointing at a known address",
        "Sender naming a known address",
        "display name equal to a known address",
        "encoded-word display name holding a known address",
        "lookalike domain signed by itself",
        "Cyrillic homograph domain signed by itself",
        "plus tag the register does not have",
        "extra dot the register does not have",
        "local part in another case",
    ],
)
def test_spoofed_or_lookalike_sender_is_not_matched_to_the_subject(
    name: str, offline: IdentitySettings, tmp_path: Path
) -> None:
    verdict = check(FORGERIES[name](tmp_path), offline)
    assert verdict.verdict == "unknown_sender"
    assert verdict.subject_id is None
    assert not verdict.known_subject


def test_reasons_name_what_broke(offline: IdentitySettings, tmp_path: Path) -> None:
    expectations = {
        "body altered after signing": ("fail", "body"),
        "revoked key (empty p=)": ("fail", "revoked"),
        "RSA 512-bit key": ("policy", "512 bits"),
        "rsa-sha1": ("policy", "RFC 8301"),
        "expired x= a minute ago (inside dkimpy's slop)": ("policy", "expired"),
        "l= with appended text": ("policy", "l="),
        "key in testing mode (t=y)": ("policy", "t=y"),
        "right domain, attacker's key": ("fail", "does not match"),
        "right domain, selector only another domain has": ("permerror", "no key"),
    }
    for name, (result, words) in expectations.items():
        verdict = check(FORGERIES[name](tmp_path), offline)
        assert verdict.verdict == "unverified", name
        assert verdict.dkim == result, (name, verdict.reasons)
        assert [s.result for s in verdict.signatures] == [result], name
        assert any(words in r for r in verdict.reasons), (name, verdict.reasons)


def test_public_suffix_signer_is_not_aligned(offline: IdentitySettings, tmp_path: Path) -> None:
    verdict = check(FORGERIES["d= is a public suffix (co.uk)"](tmp_path), offline)
    assert verdict.verdict == "unverified"
    [signature] = verdict.signatures
    assert signature.result == "pass"  # valid crypto, yet no proof
    assert not signature.aligned
    assert any("public suffix" in r for r in verdict.reasons)


def test_h_without_from_is_not_proof(offline: IdentitySettings, tmp_path: Path) -> None:
    verdict = check(FORGERIES["h= without from"](tmp_path), offline)
    [signature] = verdict.signatures
    assert signature.aligned and not signature.covers_from
    assert verdict.verdict == "unverified"


# --------------------------------------------------------------------------- Authentication-Results


def test_authentication_results_without_authserv_setting_is_ignored(
    offline: IdentitySettings,
) -> None:
    verdict = check(im.message(top=[ar(), received()]), offline)
    assert verdict.verdict == "unverified"
    assert any("MAILBOT_AUTHSERV_ID is not set" in r for r in verdict.reasons)


def test_authentication_results_from_another_server_is_ignored(
    with_authserv: IdentitySettings,
) -> None:
    verdict = check(im.message(top=[ar(server="mx.asiakas.fi"), received()]), with_authserv)
    assert verdict.verdict == "unverified"
    assert any("not our server" in r for r in verdict.reasons)


def test_our_authserv_id_below_a_received_header_is_ignored(
    with_authserv: IdentitySettings,
) -> None:
    raw = im.message(top=[received(), ar(), received("out.asiakas.fi")])
    verdict = check(raw, with_authserv)
    assert verdict.verdict == "unverified"
    assert any("below a Received header" in r for r in verdict.reasons)


def test_our_authserv_id_in_the_senders_headers_is_ignored(
    with_authserv: IdentitySettings,
) -> None:
    raw = im.prepend(im.message(headers=[ar()]), received())
    assert check(raw, with_authserv).verdict == "unverified"


def test_trusted_authentication_results_for_another_domain_is_not_proof(
    with_authserv: IdentitySettings,
) -> None:
    verdict = check(im.message(top=[ar(domain="evil.example"), received()]), with_authserv)
    assert verdict.verdict == "unverified"


def test_claims_in_other_headers_are_ignored_and_said_so(with_authserv: IdentitySettings) -> None:
    raw = im.message(
        top=[received()],
        headers=[
            "Received-SPF: pass (mx.rekisteri.fi: domain of aino@asiakas.fi)",
            "ARC-Authentication-Results: i=1; mx.rekisteri.fi; dkim=pass header.d=asiakas.fi",
            "X-Original-Authentication-Results: mx.rekisteri.fi; dkim=pass header.d=asiakas.fi",
        ],
    )
    verdict = check(raw, with_authserv)
    assert verdict.verdict == "unverified"
    for name in ("received-spf", "arc-authentication-results", "x-original-authentication"):
        assert any(name in r for r in verdict.reasons), name


def test_trusted_authentication_results_on_top_verifies(with_authserv: IdentitySettings) -> None:
    raw = im.message(top=[ar(), received(), received("out.asiakas.fi")])
    verdict = check(raw, with_authserv)
    assert verdict.verdict == "verified"
    assert verdict.dkim == "pass" and verdict.aligned
    assert any(
        r.startswith(f"trusted Authentication-Results from {AUTHSERV}") for r in verdict.reasons
    )


def test_trusted_authentication_results_with_comments_and_header_i(
    with_authserv: IdentitySettings,
) -> None:
    header = (
        "Authentication-Results: MX.Rekisteri.FI (Postfix; 1.0);\r\n"
        "\tspf=pass smtp.mailfrom=asiakas.fi;\r\n"
        "\tdkim=pass (good signature) header.i=@mail.asiakas.fi header.s=sel"
    )
    verdict = check(im.prepend(im.message(top=[received()]), header), with_authserv)
    assert verdict.verdict == "verified", verdict.reasons


# --------------------------------------------------------------------------- genuine


@pytest.mark.parametrize(
    "canon", [(b"relaxed", b"relaxed"), (b"simple", b"simple"), (b"relaxed", b"simple")]
)
@pytest.mark.parametrize("key_name", ["rsa2048", "ed25519"])
def test_dkimpy_signed_message_from_a_known_address_is_verified(
    canon: tuple[bytes, bytes], key_name: str, offline: IdentitySettings
) -> None:
    key, selector = (GOOD, "sel") if key_name == "rsa2048" else (ED, "ed")
    raw = sign(im.message(), key=key, selector=selector, canonicalize=canon)
    verdict = check(raw, offline)
    assert verdict.verdict == "verified", verdict.reasons
    assert verdict.from_address == "aino@asiakas.fi"
    assert verdict.subject_id == 1 and verdict.known_subject
    assert verdict.dkim == "pass" and verdict.aligned
    assert not verdict.retry_later


def test_signature_survives_relay_headers_and_lf_storage(offline: IdentitySettings) -> None:
    raw = im.prepend(sign(im.message()), received(), "Return-Path: <aino@asiakas.fi>")
    assert check(raw.replace(b"\r\n", b"\n"), offline).verdict == "verified"


def test_future_expiry_and_full_length_l_tag_are_proof(offline: IdentitySettings) -> None:
    raw = im.custom_sign(
        im.message(), key=GOOD, domain="asiakas.fi", expires=NOW + 86400, length=None
    )
    assert check(raw, offline).verdict == "verified"
    assert check(sign(im.message(), length=True), offline).verdict == "verified"


def test_subdomain_signer_aligns_with_parent(offline: IdentitySettings) -> None:
    raw = sign(im.message(), domain="mail.asiakas.fi")
    verdict = check(raw, offline)
    assert verdict.verdict == "verified", verdict.reasons


def test_strict_alignment_wants_the_from_domain_itself(offline: IdentitySettings) -> None:
    strict = dataclasses.replace(offline, strict_alignment=True)
    by_subdomain = check(sign(im.message(), domain="mail.asiakas.fi"), strict)
    assert by_subdomain.verdict == "unverified" and not by_subdomain.aligned
    assert check(sign(im.message()), strict).verdict == "verified"  # d= asiakas.fi itself
    if IDN_ASCII:  # the IDNA and Unicode spellings of one domain are still the same domain
        idn = sign(im.message(from_=f"Aino <aino@{IDN_UNICODE}>"), domain=IDN_ASCII)
        assert check(idn, strict).aligned


def test_one_valid_aligned_signature_is_enough(offline: IdentitySettings) -> None:
    broken_other = _break_signature(sign(im.message(), key=ATTACKER, domain="evil.example"))
    verdict = check(sign(broken_other), offline)
    assert verdict.verdict == "verified"
    assert sorted(s.result for s in verdict.signatures) == ["fail", "pass"]


@pytest.mark.parametrize(
    ("from_domain", "d_tag", "selector", "key"),
    [
        (IDN_UNICODE, IDN_ASCII, "sel", GOOD),  # d= punycode, From Unicode
        (IDN_ASCII, IDN_UNICODE, "sel", GOOD),  # d= Unicode, From punycode
        (IDN_ASCII, IDN_ASCII, "uni", ED),  # keys-file line written in Unicode
    ],
)
def test_idn_domains_verify_in_either_form(
    from_domain: str, d_tag: str, selector: str, key: im.TestKey, offline: IdentitySettings
) -> None:
    raw = im.custom_sign(
        im.message(from_=f"Bo <bo@{from_domain}>"), key=key, domain=d_tag, selector=selector
    )
    verdict = check(raw, offline)
    assert verdict.verdict == "verified", verdict.reasons
    assert verdict.from_address == f"bo@{IDN_UNICODE}"
    assert verdict.subject_id == 2


@pytest.mark.skipif(im.OPENDKIM is None, reason="opendkim binary absent (Debian package opendkim)")
@pytest.mark.parametrize("key_name", ["rsa2048", "ed25519"])
def test_opendkim_signed_message_is_verified(
    key_name: str, offline: IdentitySettings, tmp_path: Path
) -> None:
    key, selector = (GOOD, "sel") if key_name == "rsa2048" else (ED, "ed")
    raw = im.opendkim_sign(
        im.message(), key=key, domain="asiakas.fi", selector=selector, workdir=tmp_path
    )
    verdict = check(raw, offline)
    assert verdict.verdict == "verified", verdict.reasons
    # and an OpenDKIM signature broken in transit fails
    tampered = _replace(raw, b"poistakaa", b"kopioikaa")
    assert check(tampered, offline).verdict == "unverified"


def test_zone_style_keys_file_line_is_read(offline: IdentitySettings) -> None:
    raw = sign(im.message(from_="mikko@suomi.fi"), domain="suomi.fi", selector="odk")
    assert check(raw, offline).verdict == "verified"


def test_unknown_sender_with_proof_is_still_unknown(offline: IdentitySettings) -> None:
    raw = sign(im.message(from_="Tuntematon <uusi@asiakas.fi>"))
    verdict = check(raw, offline)
    assert verdict.verdict == "unknown_sender"
    assert verdict.dkim == "pass"  # the proof is reported, it just proves nothing about a subject


# --------------------------------------------------------------------------- DNS


class FakeResolver:
    """dnspython's resolve() with scripted answers: records, or exceptions to raise."""

    def __init__(self, answers: dict[str, list[str] | Exception]) -> None:
        self.answers = answers
        self.calls: list[str] = []

    def resolve(
        self, qname: str, rdtype: str, *, lifetime: float, search: bool, raise_on_no_answer: bool
    ) -> SimpleNamespace:
        self.calls.append(qname)
        answer = self.answers.get(qname, dns.resolver.NXDOMAIN())
        if isinstance(answer, Exception):
            raise answer
        texts = [" ".join(f'"{t[i : i + 200]}"' for i in range(0, len(t), 200)) for t in answer]
        return SimpleNamespace(rrset=dns.rrset.from_text(qname + ".", 300, "IN", "TXT", *texts))


def dns_settings(keys_file: Path | None = None) -> IdentitySettings:
    return IdentitySettings(keys_file=keys_file, use_dns=True, dns_timeout=0.5)


def test_key_from_dns_verifies_and_is_cached() -> None:
    resolver = FakeResolver({"sel._domainkey.asiakas.fi": [GOOD.record()]})
    cache = DnsKeyLookup(resolver)
    raw = sign(im.message())
    for _ in range(3):
        verdict = check(raw, dns_settings(), dns_lookup=cache)
        assert verdict.verdict == "verified", verdict.reasons
    assert resolver.calls == ["sel._domainkey.asiakas.fi"]


def test_cache_expires_with_the_ttl() -> None:
    clock = [0.0]
    resolver = FakeResolver({"sel._domainkey.asiakas.fi": [GOOD.record()]})
    cache = DnsKeyLookup(resolver, clock=lambda: clock[0])
    cache.lookup("sel._domainkey.asiakas.fi", timeout=1)
    clock[0] = 299.0
    cache.lookup("sel._domainkey.asiakas.fi", timeout=1)
    clock[0] = 301.0
    cache.lookup("sel._domainkey.asiakas.fi", timeout=1)
    assert len(resolver.calls) == 2


@pytest.mark.parametrize(
    "error",
    [
        dns.exception.Timeout(),
        dns.resolver.LifetimeTimeout(timeout=0.5, errors=[]),
        dns.resolver.NoNameservers(),
    ],
)
def test_temporary_dns_failure_means_retry_later(error: Exception) -> None:
    resolver = FakeResolver({"sel._domainkey.asiakas.fi": error})
    cache = DnsKeyLookup(resolver)
    raw = sign(im.message())
    verdict = check(raw, dns_settings(), dns_lookup=cache)
    assert verdict.verdict == "unverified"
    assert verdict.retry_later
    assert verdict.dkim == "temperror"
    assert any("try again later" in r for r in verdict.reasons)
    # a temporary failure is not cached: the retry asks again
    check(raw, dns_settings(), dns_lookup=cache)
    assert len(resolver.calls) == 2


def test_nxdomain_is_a_permanent_error_not_a_retry() -> None:
    verdict = check(sign(im.message()), dns_settings(), dns_lookup=DnsKeyLookup(FakeResolver({})))
    assert verdict.verdict == "unverified"
    assert verdict.dkim == "permerror"
    assert not verdict.retry_later


def test_timeout_does_not_delay_a_message_already_proven(keys_file: Path) -> None:
    resolver = FakeResolver({"sel._domainkey.evil.example": dns.exception.Timeout()})
    raw = sign(sign(im.message(), key=ATTACKER, domain="evil.example", selector="zzz"))
    resolver.answers["zzz._domainkey.evil.example"] = dns.exception.Timeout()
    verdict = check(raw, dns_settings(keys_file), dns_lookup=DnsKeyLookup(resolver))
    assert verdict.verdict == "verified"
    assert not verdict.retry_later


def test_timeout_on_an_unaligned_signature_is_not_worth_a_retry() -> None:
    resolver = FakeResolver({"sel._domainkey.evil.example": dns.exception.Timeout()})
    raw = sign(im.message(), key=ATTACKER, domain="evil.example")
    verdict = check(raw, dns_settings(), dns_lookup=DnsKeyLookup(resolver))
    assert verdict.verdict == "unverified" and not verdict.retry_later


def test_unknown_sender_is_not_retried() -> None:
    resolver = FakeResolver({"sel._domainkey.asiakas.fi": dns.exception.Timeout()})
    raw = sign(im.message(from_="uusi@asiakas.fi"))
    verdict = check(raw, dns_settings(), dns_lookup=DnsKeyLookup(resolver))
    assert verdict.verdict == "unknown_sender" and not verdict.retry_later


def test_several_txt_records_are_not_guessed_between() -> None:
    resolver = FakeResolver({"sel._domainkey.asiakas.fi": [ATTACKER.record(), GOOD.record()]})
    verdict = check(sign(im.message()), dns_settings(), dns_lookup=DnsKeyLookup(resolver))
    assert verdict.verdict == "unverified" and verdict.dkim == "permerror"


def test_keys_file_is_consulted_before_dns(keys_file: Path) -> None:
    resolver = FakeResolver({"sel._domainkey.asiakas.fi": [ATTACKER.record()]})
    verdict = check(sign(im.message()), dns_settings(keys_file), dns_lookup=DnsKeyLookup(resolver))
    assert verdict.verdict == "verified"
    assert resolver.calls == []


def test_missing_key_with_dns_off_is_no_proof_and_no_retry(offline: IdentitySettings) -> None:
    verdict = check(sign(im.message(), selector="nosuch"), offline)
    assert verdict.verdict == "unverified" and not verdict.retry_later


# --------------------------------------------------------------------------- addresses, JSON, files


def test_normalise_address_has_one_form_per_address() -> None:
    assert normalise_address("aino@ASIAKAS.fi") == "aino@asiakas.fi"
    assert normalise_address(" aino@asiakas.fi ") == "aino@asiakas.fi"
    assert normalise_address(f"bo@{IDN_ASCII}") == normalise_address("bo@FÖRETAG.se")
    assert normalise_address("bo@FÖRETAG.se") == f"bo@{IDN_UNICODE}"
    # the local part is kept as written: case, tags and dots are someone else's mailbox
    assert normalise_address("Aino@asiakas.fi") != normalise_address("aino@asiakas.fi")
    assert normalise_address("aino+x@asiakas.fi") == "aino+x@asiakas.fi"
    # a homograph stays a different domain
    assert normalise_address("aino@\u0430siakas.fi") != "aino@asiakas.fi"


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "aino",
        "aino@",
        "@asiakas.fi",
        "aino@@asiakas.fi",
        "Aino <aino@asiakas.fi>",
        '"ai no"@asiakas.fi',
        "aino@[10.0.0.1]",
        "aino@asiakas..fi",
        "aino@xn--zz.fi",
    ],
)
def test_normalise_address_refuses_invalid(bad: str) -> None:
    with pytest.raises(AddressError):
        normalise_address(bad)


def test_organisational_domain() -> None:
    assert organisational_domain("mail.asiakas.fi") == "asiakas.fi"
    assert organisational_domain("a.b.palvelu.co.uk") == "palvelu.co.uk"
    assert organisational_domain(f"posti.{IDN_UNICODE}") == IDN_ASCII
    assert organisational_domain("co.uk") is None


def test_domain_answers_are_cached_only_for_names_that_could_be_real() -> None:
    """organisational_domain and the A-label form are cached (issue 9: each message asked about
    the same domains five times); the same answers come from the cache, a bad name is refused
    every time, and a name longer than any DNS name (hostile input) is never kept."""
    from mailbot import identity

    for _ in range(2):  # the second round from the cache
        assert organisational_domain("MAIL.Asiakas.fi") == "asiakas.fi"
        assert identity._ascii_domain(f"posti.{IDN_UNICODE}") == f"posti.{IDN_ASCII}"
        with pytest.raises(ValueError):
            identity._ascii_domain("bad..name")
    kept = organisational_domain.cache_info()  # type: ignore[attr-defined]
    huge = "a" * 300 + ".example.fi"
    assert organisational_domain(huge) is None  # not a valid name: a label over 63 characters
    assert organisational_domain("x" * 100_000) is None
    assert organisational_domain.cache_info() == kept  # type: ignore[attr-defined]


def test_to_json_has_exactly_the_cli_fields(offline: IdentitySettings) -> None:
    verdict = check(sign(im.message()), offline)
    data = verdict.to_json()
    assert list(data) == [
        "from",
        "dkim",
        "aligned",
        "known_subject",
        "verdict",
        "reasons",
        "retry_later",
        "signatures",
    ]
    assert data["from"] == "aino@asiakas.fi" and data["verdict"] == "verified"
    [signature] = data["signatures"]  # type: ignore[misc]
    assert signature["domain"] == "asiakas.fi" and signature["result"] == "pass"
    rejected = check(FORGERIES["two From headers"](Path()), offline).to_json()
    assert rejected["from"] is None and rejected["verdict"] == "rejected"
    assert json.loads(json.dumps(rejected)) == rejected


def test_bad_keys_file_line_is_reported(tmp_path: Path) -> None:
    path = im.write_keys_file(tmp_path / "keys", ["not-a-key-name v=DKIM1; p=AAAA"])
    with pytest.raises(KeysFileError, match="keys:2"):
        check(sign(im.message()), IdentitySettings(keys_file=path, use_dns=False))


def test_register_lookup_sees_only_the_normalised_from_address(offline: IdentitySettings) -> None:
    asked: list[str] = []

    def spy(address: str) -> int | None:
        asked.append(address)
        return None

    raw = im.message(
        from_='"aino@asiakas.fi" <Mallory@EVIL.example>',
        headers=["Reply-To: aino@asiakas.fi", "Sender: aino@asiakas.fi"],
    )
    verify_identity(raw, lookup=spy, settings=offline)
    assert asked == ["Mallory@evil.example"]


def test_real_world_corpus_never_verifies_and_never_crashes(offline: IdentitySettings) -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not present at {CORPUS} (a clone has no shared/)")
    files = sorted(CORPUS.glob("*.eml"))
    assert files
    for path in files:
        verdict = verify_identity(path.read_bytes(), lookup=lambda _address: 7, settings=offline)
        # no key for any of these domains is in the keys file, and DNS is off
        assert verdict.verdict in ("unverified", "rejected"), (path.name, verdict.reasons)
        json.dumps(verdict.to_json())
