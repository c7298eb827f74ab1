"""Hostile input the parser must survive without losing the run: charset and encoded-word bombs,
a body near the size limit, very long lines, and compressed attachments (never opened)."""

from __future__ import annotations

import base64
import io
import zipfile
from pathlib import Path

import pytest

from mailbot.db import migrate
from mailbot.mailbox import RawMessage
from mailbot.models import MessageOutcome
from mailbot.pipeline import process_message
from mailbot.settings import Settings


@pytest.fixture
def env(tmp_path: Path, db_url: str) -> Settings:
    migrate(db_url)
    return Settings(database_url=db_url, controller_address="p@r.fi", dns=False)


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.txt", b"\0" * 50_000_000)  # 50 MB that compresses to ~50 KB
    return buffer.getvalue()


HOSTILE = {
    "encoded-word bomb in the subject": b"From: a@b.fi\r\nSubject: "
    + b" ".join([b"=?utf-7?B?" + base64.b64encode(b"+AGEAYQBh-" * 20) + b"?="] * 3000)
    + b"\r\n\r\nhi\r\n",
    "utf-7 body declared, garbage inside": b"From: a@b.fi\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-7\r\n\r\n"
    + b"+" * 2_000_000
    + b"\r\n",
    "a 9 MB base64 body": b"From: a@b.fi\r\nSubject: big\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    + base64.encodebytes(b"please delete my data " * 400_000),
    "one 3 MB line": b"From: a@b.fi\r\nSubject: long\r\n\r\n" + b"x" * 3_000_000 + b"\r\n",
    "a zip bomb attached": (
        b"From: a@b.fi\r\nSubject: files\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--b\r\nContent-Type: application/zip\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(_zip_bomb())
        + b"--b--\r\n"
    ),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_message_is_decided_and_the_next_letter_still_goes_through(
    env: Settings, name: str
) -> None:
    outcome = process_message(env, RawMessage(key=f"h:{name}", data=HOSTILE[name], ref="1"))
    assert outcome.outcome in (MessageOutcome.CASE, MessageOutcome.QUARANTINED), outcome
    normal = b"From: tiina@tuntematon.fi\r\nSubject: Access request\r\nMessage-ID: <n@t.fi>\r\n\r\nPlease send me a copy of my personal data.\r\n"
    after = process_message(env, RawMessage(key=f"n:{name}", data=normal, ref="2"))
    assert after.outcome is MessageOutcome.CASE and after.replies == ["unknown_sender"]
