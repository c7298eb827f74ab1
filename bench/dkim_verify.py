"""Benchmark: identity verifications per second on a ~6 KB signed message.

Prints, for rsa-sha256 (2048-bit key) and ed25519-sha256, the rate of dkimpy's bare verify() and
of the whole identity stage (`verify_identity`, keys file, no DNS). Run: python bench/dkim_verify.py
"""

from __future__ import annotations

import argparse
import base64
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# This file shares its name with the package it measures; run as a script, its own folder comes
# first on sys.path; kept harmless although the file no longer shadows dkimpy's name.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]

import dkim  # noqa: E402
from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa  # noqa: E402

from mailbot.identity import IdentitySettings, verify_identity  # noqa: E402


def _message() -> bytes:
    paragraph = (
        "Pyydän saada jäljennöksen kaikista minua koskevista henkilötiedoista, "
        "niiden käsittelyn tarkoituksista ja vastaanottajista. "
    )
    body = "\r\n".join(paragraph for _ in range(48))
    head = (
        "From: Aino Asiakas <aino@asiakas.fi>\r\nTo: privacy@rekisteri.fi\r\n"
        "Subject: Tietopyyntö\r\nDate: Tue, 05 Mar 2024 09:15:00 +0200\r\n"
        "Message-ID: <bench@asiakas.fi>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
    )
    return (head + body + "\r\n").encode("utf-8")


def _keys() -> dict[str, tuple[bytes, str]]:
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    rsa_public = rsa_key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    ed_key = ed25519.Ed25519PrivateKey.generate()
    return {
        "rsa-sha256": (
            rsa_key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.TraditionalOpenSSL,
                serialization.NoEncryption(),
            ),
            f"v=DKIM1; k=rsa; p={base64.b64encode(rsa_public).decode()}",
        ),
        "ed25519-sha256": (
            base64.b64encode(ed_key.private_bytes_raw()),
            "v=DKIM1; k=ed25519; p="
            + base64.b64encode(ed_key.public_key().public_bytes_raw()).decode(),
        ),
    }


def _rate(work: Callable[[], object], seconds: float) -> float:
    """Median rate over five rounds of about seconds/5 each."""
    rates = []
    for _ in range(5):
        count, start = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - start) < seconds / 5:
            work()
            count += 1
        rates.append(count / elapsed)
    return statistics.median(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0, help="time per measurement")
    args = parser.parse_args()
    raw = _message()
    keys = _keys()
    with tempfile.TemporaryDirectory() as folder:
        keys_file = Path(folder) / "keys.txt"
        keys_file.write_text(
            "\n".join(f"{alg}._domainkey.asiakas.fi {record}" for alg, (_, record) in keys.items())
            + "\n",
            encoding="utf-8",
        )
        settings = IdentitySettings(keys_file=keys_file, use_dns=False)
        print(f"message: {len(raw)} bytes")
        for algorithm, (private, record) in keys.items():
            signed = (
                dkim.sign(
                    raw,
                    algorithm.encode(),
                    b"asiakas.fi",
                    private,
                    signature_algorithm=algorithm.encode(),
                    canonicalize=(b"relaxed", b"relaxed"),
                )
                + raw
            )

            def bare(signed: bytes = signed, record: str = record) -> object:
                return dkim.DKIM(signed).verify(dnsfunc=lambda _name, timeout=5: record.encode())

            def whole(signed: bytes = signed) -> object:
                verdict = verify_identity(signed, lookup=lambda _a: 1, settings=settings)
                assert verdict.verdict == "verified", verdict.reasons
                return verdict

            assert bare()
            whole()
            print(
                f"{algorithm:15s} dkimpy verify: {_rate(bare, args.seconds):7.0f}/s   "
                f"verify_identity: {_rate(whole, args.seconds):7.0f}/s"
            )


if __name__ == "__main__":
    main()
