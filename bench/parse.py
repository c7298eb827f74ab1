"""Parse throughput of mailbot.message.parse_message for a ~5 KB letter and a ~100 KB one
with a PDF-like attachment, against the stdlib alone (policy.default + get_body) as baseline.

    python bench/parse.py [--seconds 2]
"""

from __future__ import annotations

import argparse
import email.policy
import os
import time
from collections.abc import Callable
from email.message import EmailMessage
from email.parser import BytesParser

from mailbot.message import parse_message

_PARAGRAPH = (
    "Pyydän jäljennöksen kaikista minua koskevista tiedoista, joita asiakasrekisterissänne on, "
    "sekä tiedon siitä, mistä tiedot on saatu ja kenelle niitä on luovutettu. "
)


def _letter(*, body_chars: int, attachment_bytes: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Liisa Virtanen <liisa.virtanen@kotiposti.example.fi>"
    msg["To"] = "tietosuoja@rekisterinpitaja.example.fi"
    msg["Subject"] = "Tietopyyntö omista tiedoistani"
    msg["Date"] = "Tue, 04 Mar 2025 09:15:02 +0200"
    msg["Message-ID"] = "<bench-0001@kotiposti.example.fi>"
    for hop in range(6):
        msg["Received"] = (
            f"from mx{hop}.example.fi (mx{hop}.example.fi [192.0.2.{hop + 10}]) by "
            f"mx{hop + 1}.example.fi with ESMTPS id ABC{hop}; Tue, 04 Mar 2025 09:15:0{hop} +0200"
        )
    text = (_PARAGRAPH * (body_chars // len(_PARAGRAPH) + 1))[:body_chars]
    quoted = "\n".join("> " + line for line in text[: body_chars // 3].split(". "))
    body = f"Hei,\n\n{text}\n\nTerveisin\nLiisa\n\nti 4.3.2025 klo 8.00 Tietosuoja <t@x.fi> kirjoitti:\n{quoted}\n"
    msg.set_content(body)
    msg.add_alternative(
        "<html><body><p>" + body.replace("\n", "<br>\n") + "</p></body></html>", subtype="html"
    )
    if attachment_bytes:
        msg.add_attachment(
            os.urandom(attachment_bytes),
            maintype="application",
            subtype="pdf",
            filename="liite.pdf",
        )
    return msg.as_bytes()


def _stdlib(raw: bytes) -> None:
    msg = BytesParser(policy=email.policy.default).parsebytes(raw)
    body = msg.get_body(preferencelist=("plain", "html"))  # type: ignore[attr-defined]
    if body is not None:
        body.get_content()


def _rate(func: Callable[[bytes], object], raw: bytes, seconds: float) -> float:
    func(raw)  # warm caches (rules file, codecs)
    count = 0
    start = time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        func(raw)
        count += 1
    return count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    args = parser.parse_args()
    cases = {
        "small (~5 KB)": _letter(body_chars=1_100, attachment_bytes=0),
        "large (~100 KB, PDF)": _letter(body_chars=3_000, attachment_bytes=68_000),
    }
    for name, raw in cases.items():
        ours = _rate(parse_message, raw, args.seconds)
        base = _rate(_stdlib, raw, args.seconds)
        print(
            f"{name:22} {len(raw) / 1024:6.1f} KB  parse_message {ours:7.0f} msgs/s   "
            f"stdlib baseline {base:7.0f} msgs/s   ratio {ours / base:.2f}"
        )


if __name__ == "__main__":
    main()
