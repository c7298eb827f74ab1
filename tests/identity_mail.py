"""Builds and signs the identity tests' messages: keys, key-file lines, DKIM signers.

Three signers, so a passing test never depends on one implementation's quirks:
- `dkimpy_sign`: dkimpy's ordinary signer (what a sender's MTA with dkimpy would do);
- `custom_sign`: any tag set at all (x=, l=, h= without From, a public-suffix d=, rsa-sha1),
  built from dkimpy's canonicalisation and hashing, to forge what a normal signer refuses to;
- `opendkim_sign`: Debian's OpenDKIM in test mode, an independent implementation.
Every message uses CRLF line endings, as on the wire.
"""

from __future__ import annotations

import base64
import functools
import secrets
import shutil
import subprocess
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import dkim
import dkim.crypto
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
from dkim.canonicalization import CanonicalizationPolicy

CRLF = b"\r\n"
OPENDKIM = shutil.which("opendkim") or (
    "/usr/sbin/opendkim" if Path("/usr/sbin/opendkim").exists() else None
)


@dataclass(frozen=True)
class TestKey:
    """A signing key and the public half as a DKIM key record."""

    __test__ = False  # not a pytest test class

    kind: str  # "rsa" | "ed25519"
    bits: int
    signing: bytes  # what dkimpy's signer takes: PEM (RSA) or base64 seed (ed25519)
    pem: bytes  # PKCS#8 PEM, for OpenDKIM
    public: str  # base64 p= value

    def record(self, *, extra: str = "") -> str:
        """The TXT record text publishing this key."""
        return f"v=DKIM1; k={self.kind}; {extra}p={self.public}"


def _is_probable_prime(n: int) -> bool:
    if n < 2:
        return False
    for small in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29):
        if n % small == 0:
            return n == small
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for _ in range(32):
        x = pow(secrets.randbelow(n - 3) + 2, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def _prime(bits: int) -> int:
    while True:
        candidate = secrets.randbits(bits) | (3 << (bits - 2)) | 1
        if (candidate - 1) % 65537 and _is_probable_prime(candidate):
            return candidate


def _weak_rsa(bits: int) -> rsa.RSAPrivateKey:
    """An RSA key under 1024 bits, which `cryptography` refuses to generate (rightly)."""
    e = 65537
    while True:
        p, q = _prime(bits // 2), _prime(bits // 2)
        if p != q and (p * q).bit_length() == bits:
            break
    d = pow(e, -1, (p - 1) * (q - 1))
    numbers = rsa.RSAPrivateNumbers(
        p, q, d, d % (p - 1), d % (q - 1), pow(q, -1, p), rsa.RSAPublicNumbers(e, p * q)
    )
    return numbers.private_key()


@functools.cache
def rsa_key(bits: int = 2048, name: str = "") -> TestKey:
    """An RSA key, the same one for the same (bits, name) within a test run."""
    del name  # only makes separate cache entries: another key of the same size
    private = (
        rsa.generate_private_key(public_exponent=65537, key_size=bits)
        if bits >= 1024
        else _weak_rsa(bits)
    )
    public = private.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return TestKey(
        kind="rsa",
        bits=bits,
        signing=private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        ),
        pem=private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        public=base64.b64encode(public).decode("ascii"),
    )


@functools.cache
def ed25519_key(name: str = "") -> TestKey:
    del name
    private = ed25519.Ed25519PrivateKey.generate()
    return TestKey(
        kind="ed25519",
        bits=256,
        signing=base64.b64encode(private.private_bytes_raw()),
        pem=private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        public=base64.b64encode(private.public_key().public_bytes_raw()).decode("ascii"),
    )


def key_line(selector: str, domain: str, record: str | TestKey) -> str:
    """One MAILBOT_DKIM_KEYS_FILE line: '<selector>._domainkey.<domain> <TXT text>'."""
    text = record.record() if isinstance(record, TestKey) else record
    return f"{selector}._domainkey.{domain} {text}"


def write_keys_file(path: Path, lines: Iterable[str]) -> Path:
    path.write_text("# test keys\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def message(
    *,
    from_: str = "Aino Asiakas <aino@asiakas.fi>",
    to: str = "privacy@rekisteri.fi",
    subject: str = "Pyyntö: tietojeni poistaminen",
    body: str = "Hei,\n\npoistakaa kaikki minusta tallennetut tiedot.\n\nTerveisin\nAino\n",
    headers: Sequence[str] = (),
    top: Sequence[str] = (),
    date: str = "Tue, 05 Mar 2024 09:15:00 +0200",
    message_id: str = "<req-1@asiakas.fi>",
) -> bytes:
    """A plain-text request; `headers` go after From/To/Subject, `top` above everything."""
    lines = [
        *top,
        f"From: {from_}",
        f"To: {to}",
        f"Subject: {subject}",
        f"Date: {date}",
        f"Message-ID: {message_id}",
        *headers,
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
    ]
    text = "\r\n".join(lines) + "\r\n\r\n" + body.replace("\r\n", "\n").replace("\n", "\r\n")
    return text.encode("utf-8")


def prepend(raw: bytes, *header_lines: str) -> bytes:
    """Headers added on top, as a relay or the receiving server would."""
    return "".join(f"{h}\r\n" for h in header_lines).encode("utf-8") + raw


def dkimpy_sign(
    raw: bytes,
    *,
    key: TestKey,
    domain: str,
    selector: str = "sel",
    canonicalize: tuple[bytes, bytes] = (b"relaxed", b"relaxed"),
    include_headers: Sequence[bytes] | None = None,
    length: bool = False,
    algorithm: bytes | None = None,
) -> bytes:
    """Sign with dkimpy's signer; the DKIM-Signature goes on top."""
    alg = algorithm or (b"ed25519-sha256" if key.kind == "ed25519" else b"rsa-sha256")
    signature = dkim.sign(
        raw,
        selector.encode("utf-8"),
        domain.encode("utf-8"),
        key.signing,
        canonicalize=canonicalize,
        signature_algorithm=alg,
        include_headers=list(include_headers) if include_headers is not None else None,
        length=length,
    )
    return signature + raw


def custom_sign(
    raw: bytes,
    *,
    key: TestKey,
    domain: str,
    selector: str = "sel",
    algorithm: str | None = None,
    canonicalize: str = "relaxed/relaxed",
    headers: Sequence[str] = ("from", "to", "subject", "date", "message-id"),
    length: int | None = None,
    timestamp: int | None = None,
    expires: int | None = None,
    identity: str | None = None,
) -> bytes:
    """Sign with exactly the tags given, even ones a careful signer refuses to write."""
    alg = algorithm or ("ed25519-sha256" if key.kind == "ed25519" else "rsa-sha256")
    signer = dkim.DKIM(raw, signature_algorithm=alg.encode("ascii"))
    signer.hasher = dkim.HASH_ALGORITHMS[alg.encode("ascii")]
    policy = CanonicalizationPolicy.from_c_value(canonicalize.encode("ascii"))
    body = policy.canonicalize_body(signer.body)
    if length is not None:
        body = body[:length]
    body_hash = base64.b64encode(signer.hasher(body).digest())
    tags: list[tuple[bytes, bytes]] = [
        (b"v", b"1"),
        (b"a", alg.encode("ascii")),
        (b"c", canonicalize.encode("ascii")),
        (b"d", domain.encode("utf-8")),
        (b"s", selector.encode("utf-8")),
        (b"t", str(int(time.time()) if timestamp is None else timestamp).encode("ascii")),
    ]
    if expires is not None:
        tags.append((b"x", str(expires).encode("ascii")))
    if length is not None:
        tags.append((b"l", str(length).encode("ascii")))
    if identity is not None:
        tags.append((b"i", identity.encode("utf-8")))
    include = [h.encode("ascii") for h in headers]
    tags += [(b"h", b":".join(include)), (b"bh", body_hash), (b"b", b"")]
    if key.kind == "ed25519":
        import nacl.encoding
        import nacl.signing

        private: object = nacl.signing.SigningKey(key.signing, encoder=nacl.encoding.Base64Encoder)
    else:
        private = dkim.crypto.parse_pem_private_key(key.signing)
    value = signer.gen_header(tags, include, policy, b"DKIM-Signature", private)
    return b"DKIM-Signature: " + value + raw


class OpenDKIMMissing(RuntimeError):
    """The opendkim binary is not installed."""


def opendkim_sign(
    raw: bytes,
    *,
    key: TestKey,
    domain: str,
    selector: str = "sel",
    workdir: Path,
    canonicalize: str = "relaxed/relaxed",
) -> bytes:
    """Sign with OpenDKIM in test mode (-t): an independent DKIM implementation."""
    if OPENDKIM is None:
        raise OpenDKIMMissing("opendkim is not installed (Debian package opendkim)")
    workdir.mkdir(parents=True, exist_ok=True)
    key_file = workdir / f"{selector}.{domain}.{key.kind}.pem"
    key_file.write_bytes(key.pem)
    key_file.chmod(0o600)
    config = workdir / "opendkim.conf"
    config.write_text("Syslog no\nRequireSafeKeys false\n", encoding="ascii")
    source = workdir / "message.eml"
    source.write_bytes(raw)
    algorithm = "ed25519-sha256" if key.kind == "ed25519" else "rsa-sha256"
    done = subprocess.run(
        [
            *(OPENDKIM, "-x", str(config), "-b", "s", "-d", domain, "-s", selector),
            *("-k", str(key_file), "-S", algorithm, "-c", canonicalize, "-t", str(source)),
        ],
        capture_output=True,
        timeout=30,
        check=True,
    )
    # Output: "opendkim: <file>:" then the folded header with LF endings.
    lines = done.stdout.decode("ascii").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("DKIM-Signature:"))
    header = "\r\n".join(line for line in lines[start:] if line.strip()) + "\r\n"
    return header.encode("ascii") + raw
