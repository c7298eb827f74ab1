"""The reply's bytes: the plain writer (reply.email_bytes) must say exactly what build_email says.

email_bytes writes ordinary replies directly instead of through EmailMessage (a millisecond a
reply saved); these tests hold it to the same message a receiver reads, and check that anything
unusual (an attachment, a hostile In-Reply-To, a non-ASCII address) takes build_email's path."""

from __future__ import annotations

import email
from email.message import EmailMessage
from email.policy import SMTP, default

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailbot.reply import Attachment, Rendered, build_email, email_bytes

HEADERS = (
    "From", "To", "Subject", "In-Reply-To", "References", "Auto-Submitted", "X-Mailbot-Case",
    "Content-Language", "Content-Type", "MIME-Version",
)  # fmt: skip


def _read(raw: bytes) -> EmailMessage:
    return email.message_from_bytes(raw, policy=default)  # type: ignore[return-value]


def _both(rendered: Rendered, **kw: object) -> tuple[EmailMessage, EmailMessage, bytes, str]:
    args = {
        "to": "maija.virtanen@esimerkki.fi",
        "sender": "tietosuoja@rekisteri.fi",
        "sender_name": "Rekisteri Oy, tietosuoja",
        "case_ref": "DSR-20261123-0A1B2C3D",
        "in_reply_to": "<req.1@esimerkki.fi>",
        "references": ["<first@esimerkki.fi>"],
        **kw,
    }
    old = build_email(rendered, **args).as_bytes(policy=SMTP)  # type: ignore[arg-type]
    new, message_id = email_bytes(rendered, **args)  # type: ignore[arg-type]
    return _read(old), _read(new), new, message_id


def _wire_ok(raw: bytes) -> None:
    assert b"\n" not in raw.replace(b"\r\n", b""), "a bare LF or CR on the wire"
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))
    raw.decode("ascii")  # 7-bit clean: no server needs SMTPUTF8 or 8BITMIME for it


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Tarkastuspyyntösi (DSR-1)", "Hei Maija,\n\nTässä tietosi.\n\nYstävällisin terveisin\n"),
        ("Your request (DSR-1)", "Dear Maija,\n\nPlain ASCII text.\n"),
        ("Din begäran", "Hej!\n" + "Å ä ö " * 400 + "\n"),  # long lines, not ASCII
        ("Long", "x" * 1500 + "\n"),  # an ASCII line longer than SMTP allows
        ("=?utf-8?q?looks_encoded?=", "Text with a dot line\n.\nand CRLF\r\nmixed\rends\n"),
    ],
)
def test_plain_writer_says_what_build_email_says(subject: str, body: str) -> None:
    old, new, raw, message_id = _both(Rendered("outcome", "fi", subject, body))
    for name in HEADERS:
        assert str(new[name]) == str(old[name]), name
    assert new.get_content().replace("\r\n", "\n") == old.get_content().replace("\r\n", "\n")
    assert str(new["Message-ID"]) == message_id
    assert message_id.endswith("@rekisteri.fi>")
    _wire_ok(raw)


def test_long_thread_is_folded_one_id_a_line() -> None:
    refs = [f"<{'r' * 80}.{n}@esimerkki.fi>" for n in range(20)]
    old, new, raw, _ = _both(Rendered("outcome", "en", "Re", "Hi\n"), references=refs)
    assert new["References"].split() == old["References"].split()
    assert len(new["References"].split()) == 11  # the last ten and the request itself
    _wire_ok(raw)


@pytest.mark.parametrize(
    "kw",
    [
        {"in_reply_to": "<a@b>\r\nBcc: victim@example.com"},  # header injection attempt
        {"references": ["<x@y>\nBcc: victim@example.com"]},
        {"to": "maija@esimerkki.fi\r\nBcc: victim@example.com"},
        {"to": "mäijä@esimerkki.fi"},  # not plain: EmailMessage's path
        {"in_reply_to": "no brackets at all"},
    ],
)
def test_unusual_values_never_make_extra_headers(kw: dict[str, object]) -> None:
    try:
        _old, new, raw, _ = _both(Rendered("outcome", "en", "Subject", "Body\n"), **kw)
    except ValueError:
        return  # EmailMessage refuses a header with a line break: nothing is sent either way
    assert new["Bcc"] is None
    assert b"\r\nBcc:" not in raw
    _wire_ok(raw)


@pytest.mark.parametrize("body", ["Liitteenä tietosi.\n", "Attached.\n", "No newline at the end"])
def test_attachments_read_back_as_build_email_writes_them(body: str) -> None:
    rendered = Rendered(
        "portability_done", "fi", "Tietosi", body,
        [
            Attachment("DSR-1.json", "application/json", '{"nimi": "Mäijä"}'.encode()),
            Attachment("DSR-1.csv", "text/csv", "osio;kenttä\r\nperus;Mäijä\r\n".encode()),
        ],
    )  # fmt: skip
    old, new, raw, _ = _both(rendered)
    for name in HEADERS[:-2]:  # Content-Type differs in its boundary only
        assert str(new[name]) == str(old[name]), name
    assert new.get_content_type() == old.get_content_type() == "multipart/mixed"

    def text(msg: EmailMessage) -> str:  # line ends as the reader's platform, final one optional
        return msg.get_body(("plain",)).get_content().replace("\r\n", "\n").rstrip("\n")  # type: ignore[union-attr]

    assert text(new) == text(old) == body.rstrip("\n")
    got = [
        (a.get_filename(), a.get_content_type(), a.get_payload(decode=True))
        for a in new.iter_attachments()
    ]
    want = [
        (a.get_filename(), a.get_content_type(), a.get_payload(decode=True))
        for a in old.iter_attachments()
    ]
    assert got == want
    assert [a.get_content_charset() for a in new.iter_attachments()] == [None, "utf-8"]
    _wire_ok(raw)


def test_an_unusual_attachment_takes_build_emails_path() -> None:
    rendered = Rendered(
        "portability_done", "fi", "Tietosi", "Liitteenä.\n",
        [Attachment("tiedot ä.json", "application/json", b"{}")],  # a name to encode
    )  # fmt: skip
    _old, new, _raw, _ = _both(rendered)
    assert [a.get_filename() for a in new.iter_attachments()] == ["tiedot ä.json"]


@settings(max_examples=150, deadline=None)
@given(
    subject=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300),
    body=st.text(st.characters(blacklist_categories=("Cs",)), max_size=2000),
    name=st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
)
def test_any_text_reads_back_the_same(subject: str, body: str, name: str) -> None:
    from mailbot.reply import one_line

    rendered = Rendered("outcome", "sv", one_line(subject, limit=998) or "x", body)
    _old, new, raw, _ = _both(rendered, sender_name=name)
    # the subject reads back as written (EmailMessage itself may drop a space between encoded
    # words, so the comparison is with the text, ignoring how whitespace is folded)
    assert str(new["Subject"]).split() == rendered.subject.split()
    assert new["From"].addresses[0].addr_spec == "tietosuoja@rekisteri.fi"
    shown = new["From"].addresses[0].display_name
    assert shown.split() == one_line(name).split()  # the same words (spaces may be folded)
    normal = body.replace("\r\n", "\n").replace("\r", "\n")
    assert new.get_content().replace("\r\n", "\n") == normal
    _wire_ok(raw)


def test_a_sender_controlled_long_message_id_never_makes_an_overlong_line() -> None:
    for length in (980, 983, 984, 990, 996):
        message_id = "<" + "a" * (length - 13) + "@example.com>"
        _old, _new, raw, _ = _both(Rendered("outcome", "en", "Re", "Hi\n"), in_reply_to=message_id)
        _wire_ok(raw)
