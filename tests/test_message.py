"""The message stage: limits, charsets, body text, quote stripping and automated-mail detection."""

from __future__ import annotations

import csv
import email
import email.headerregistry
import email.message
import email.policy
import time
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailbot import message as message_module
from mailbot.message import (
    DEFAULT_LIMITS,
    Limits,
    MessageError,
    ParsedMessage,
    detect_automated,
    html_to_text,
    parse_message,
    strip_quoted,
)

FIXTURES = Path(__file__).resolve().parent / "eml" / "message"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "eml"


def fixture(name: str) -> ParsedMessage:
    return parse_message((FIXTURES / name).read_bytes())


def letter(body: str, *, headers: dict[str, str] | None = None, charset: str = "utf-8") -> bytes:
    head = {
        "From": "Tester <tester@example.org>",
        "To": "privacy@controller.example.com",
        "Subject": "Request",
        "Message-ID": "<t-1@example.org>",
        "MIME-Version": "1.0",
        "Content-Type": f"text/plain; charset={charset}",
        "Content-Transfer-Encoding": "8bit",
    }
    head.update(headers or {})
    lines = "".join(f"{k}: {v}\r\n" for k, v in head.items())
    # Raw UTF-8 in headers (RFC 6532) is what modern clients send.
    return lines.encode("utf-8") + b"\r\n" + body.encode(charset if charset else "utf-8")


# --------------------------------------------------------------------------------------------
# Own fixtures: what a person wrote
# --------------------------------------------------------------------------------------------


def test_finnish_plain_text_request_is_decoded_and_kept_whole() -> None:
    parsed = fixture("fi_plain_request.eml")
    assert parsed.subject == "Tietopyyntö omista tiedoistani"
    assert parsed.from_addresses == [("Liisa Virtanen", "liisa.virtanen@kotiposti.example.fi")]
    assert parsed.from_header_count == 1
    # Folded header: the identifier comes back in one piece, brackets kept.
    assert parsed.message_id == "<20250304091502.4411@kotiposti.example.fi>"
    assert parsed.date == datetime(2025, 3, 4, 9, 15, 2, tzinfo=UTC) + timedelta(hours=-2)
    assert parsed.date is not None and parsed.date.tzinfo is not None
    # Quoted-printable soft line break joined, iso-8859-1 umlauts decoded.
    assert "tallennetut tiedot" in parsed.body_text
    assert "mihin tarkoitukseen niitä käsitellään" in parsed.new_text
    assert parsed.new_text.endswith("Liisa Virtanen")
    assert not parsed.automated
    assert parsed.automated_reasons == []
    assert parsed.defects == []


def test_swedish_html_only_letter_becomes_text_without_markup_or_scripts() -> None:
    parsed = fixture("sv_html_only.eml")
    assert parsed.subject == "Begäran om radering"
    body = parsed.body_text
    assert "Jag begär att ni raderar alla uppgifter om mig ur ert kundregister." in body
    assert "Jag är inte längre kund hos er." in body.splitlines()  # <br> ended the line
    assert "Namn: Karin Lindqvist" in body.splitlines()  # <li> items on their own lines
    assert "E-post: karin.lindqvist@brevlada.example.se" in body.splitlines()
    for hidden in ("spårning", "color", "Ignorera denna titel", "<p>", "&auml;"):
        assert hidden not in body
    # The blockquote is quoted history: in body_text, not in new_text.
    assert "> Tack för ditt meddelande. Vi återkommer." in body
    assert "Tack för ditt meddelande" not in parsed.new_text
    assert "skrev Kundtjänst" not in parsed.new_text
    assert parsed.new_text.endswith("Karin")
    assert not parsed.automated


def test_english_reply_keeps_only_the_new_text() -> None:
    parsed = fixture("en_reply_quoting.eml")
    assert parsed.new_text == "Thanks. Yes, please also stop sending me any marketing by post."
    assert "We have received your request" in parsed.body_text
    assert parsed.in_reply_to == "<ack-0001@controller.example.com>"
    assert parsed.references == [
        "<req-0000@post.example.co.uk>",
        "<ack-0001@controller.example.com>",
    ]


def test_outlook_reply_drops_the_answered_message_and_is_not_automated() -> None:
    parsed = fixture("outlook_reply.eml")
    # windows-1252 en dash decoded, Outlook header block and the old letter gone.
    assert "Korjatkaa se rekisteriin – kiitos!" in parsed.new_text
    assert parsed.new_text.endswith("Mikko")
    assert "kertoisitteko" not in parsed.new_text
    assert "kertoisitteko" in parsed.body_text
    # X-Auto-Response-Suppress is on every Outlook mail: it must not silence a person.
    assert not parsed.automated, parsed.automated_reasons


def test_signature_is_cut_at_the_separator() -> None:
    parsed = fixture("signature.eml")
    assert parsed.new_text == "Kiellän suoramarkkinoinnin minulle kaikissa kanavissa."
    assert "Myyntipäällikkö" in parsed.body_text


def test_letter_that_quotes_from_and_to_lines_is_not_cut() -> None:
    parsed = fixture("body_with_from.eml")
    assert "poistatte osoitteeni rekisteristänne" in parsed.new_text
    assert parsed.new_text.endswith("Terveisin Jukka")


def test_header_injection_in_encoded_subject_is_flattened() -> None:
    parsed = fixture("header_injection.eml")
    assert "\r" not in parsed.subject and "\n" not in parsed.subject
    assert parsed.subject == "Access request Bcc: victim@example.net Injected"


def test_two_from_headers_parse_and_are_both_reported() -> None:
    parsed = fixture("two_from.eml")
    assert parsed.from_header_count == 2
    assert parsed.from_addresses == [
        ("Real Customer", "customer@example.org"),
        ("Impostor", "impostor@attacker.example.net"),
    ]


# --------------------------------------------------------------------------------------------
# Own fixtures: machines
# --------------------------------------------------------------------------------------------


def test_finnish_out_of_office_is_automated_by_its_subject() -> None:
    parsed = fixture("fi_out_of_office.eml")
    assert parsed.automated
    assert parsed.automated_reasons == ["Subject: Automaattinen vastaus: Vastaus tietopyyntöönne"]


def test_mailing_list_mail_is_automated_with_every_list_signal() -> None:
    parsed = fixture("mailing_list.eml")
    assert parsed.automated
    joined = " | ".join(parsed.automated_reasons)
    assert "Precedence: list" in joined
    assert "List-Id:" in joined
    assert "List-Unsubscribe:" in joined


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Auto-Submitted": "auto-replied"}, "Auto-Submitted: auto-replied"),
        (
            {"Auto-Submitted": "auto-generated (vacation)"},
            "Auto-Submitted: auto-generated (vacation)",
        ),
        ({"Precedence": "bulk"}, "Precedence: bulk"),
        ({"Precedence": "junk"}, "Precedence: junk"),
        ({"Precedence": "auto_reply"}, "Precedence: auto_reply"),
        ({"List-Post": "<mailto:list@example.org>"}, "List-Post: <mailto:list@example.org>"),
        ({"Return-Path": "<>"}, "Return-Path: <> (null sender)"),
        ({"X-Failed-Recipients": "a@example.net"}, "X-Failed-Recipients: a@example.net"),
        ({"X-Autoreply": "yes"}, "X-Autoreply: yes"),
        ({"X-Autorespond": "vacation"}, "X-Autorespond: vacation"),
        ({"From": "Mail Delivery System <MAILER-DAEMON@mx.example.org>"}, "From: mailer-daemon@"),
        ({"X-Mailer": "vacation 1.2.7"}, "X-Mailer: vacation 1.2.7"),
        ({"Subject": "Out of Office: Request"}, "Subject: Out of Office: Request"),
        ({"Subject": "Frånvaro: Begäran"}, "Subject: Frånvaro: Begäran"),
        ({"Subject": "Autosvar: Begäran"}, "Subject: Autosvar: Begäran"),
        ({"Subject": "Poissaolo 1.-7.4."}, "Subject: Poissaolo 1.-7.4."),
        ({"Subject": "Abwesenheitsnotiz: Anfrage"}, "Subject: Abwesenheitsnotiz: Anfrage"),
        ({"Subject": "Réponse automatique : Demande"}, "Subject: Réponse automatique : Demande"),
        ({"Subject": "Unzustellbar: Anfrage"}, "Subject: Unzustellbar: Anfrage"),
        ({"Subject": "Returned mail: see transcript"}, "Subject: Returned mail: see transcript"),
    ],
)
def test_each_automated_signal_is_recognised(headers: dict[str, str], expected: str) -> None:
    parsed = parse_message(letter("Hello.\n", headers=headers))
    assert parsed.automated
    assert any(reason.startswith(expected) for reason in parsed.automated_reasons), (
        parsed.automated_reasons
    )


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto-Submitted": "no"},
        {"Auto-Submitted": "No (written by a person)"},
        {"X-Auto-Response-Suppress": "All"},
        {"Precedence": "first-class"},
        {"Return-Path": "<tester@example.org>"},
        {"From": "Admin <postmaster@example.org>"},  # a weak signal alone is not enough
        {"Subject": "Re: Automatic reply: my request"},  # a person answering an auto-reply
        {"Subject": "Fwd: Undeliverable: your message"},
        {"Subject": "Absence of a reply to my access request"},
        {"X-Mailer": "Microsoft Outlook 16.0"},
    ],
)
def test_a_person_is_not_mistaken_for_a_machine(headers: dict[str, str]) -> None:
    parsed = parse_message(letter("Please send me my data.\n", headers=headers))
    assert not parsed.automated, parsed.automated_reasons


def test_postmaster_counts_when_another_signal_agrees() -> None:
    raw = letter("x\n", headers={"From": "postmaster@example.org", "Return-Path": "<>"})
    assert detect_automated(email.message_from_bytes(raw)) == [
        "Return-Path: <> (null sender)",
        "From: postmaster@",
    ]


def test_forwarded_bounce_as_attachment_does_not_make_the_letter_automated() -> None:
    bounce = EmailMessage()
    bounce["From"] = "MAILER-DAEMON@mx.example.net"
    bounce["Subject"] = "Undeliverable: hello"
    bounce["Auto-Submitted"] = "auto-replied"
    bounce.set_content("Delivery failed.")
    outer = EmailMessage()
    outer["From"] = "Person <person@example.org>"
    outer["Subject"] = "Why did my mail bounce? Please delete my data too."
    outer.set_content("See the attached bounce. Please erase my data.")
    outer.add_attachment(bounce)
    parsed = parse_message(outer.as_bytes())
    assert not parsed.automated, parsed.automated_reasons
    assert parsed.body_text.strip() == "See the attached bounce. Please erase my data."


def test_detect_automated_reads_compat32_messages_too() -> None:
    raw = letter("x\n", headers={"Subject": "=?utf-8?q?Automaattinen_vastaus=3A_x?="})
    msg = email.message_from_bytes(raw)  # compat32: raw encoded words
    assert detect_automated(msg) == ["Subject: Automaattinen vastaus: x"]


# --------------------------------------------------------------------------------------------
# Limits and hostile input
# --------------------------------------------------------------------------------------------


def test_message_over_the_size_limit_is_refused() -> None:
    raw = letter("A" * 2_000 + "\n")
    with pytest.raises(MessageError, match="over the limit of 1,000"):
        parse_message(raw, limits=Limits(max_bytes=1_000))
    big = letter("B" * (DEFAULT_LIMITS.max_bytes + 1))
    with pytest.raises(MessageError, match="bytes, over the limit"):
        parse_message(big)


def _multipart(parts: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = "a@example.org"
    msg["Subject"] = "many parts"
    msg.set_content("first")
    for i in range(parts - 1):
        msg.add_attachment(f"part {i}", filename=f"p{i}.txt")
    return msg.as_bytes()


def test_two_hundred_parts_are_refused() -> None:
    with pytest.raises(MessageError, match="more than 100 MIME parts"):
        parse_message(_multipart(200))
    assert parse_message(_multipart(50)).body_text.strip() == "first"


def _nested(depth: int) -> bytes:
    lines = ["From: a@example.org", "Subject: deep", "MIME-Version: 1.0"]
    for level in range(depth):
        lines += [f'Content-Type: multipart/mixed; boundary="b{level}"', "", f"--b{level}"]
    lines += ["Content-Type: text/plain", "", "innermost"]
    for level in reversed(range(depth)):
        lines += [f"--b{level}--"]
    return "\r\n".join(lines).encode()


def test_nesting_ten_deep_is_refused_and_five_is_fine() -> None:
    with pytest.raises(MessageError, match="nesting deeper than 5"):
        parse_message(_nested(10))
    assert parse_message(_nested(5)).body_text.strip() == "innermost"


def test_flood_of_tiny_parts_is_refused_before_the_slow_parser_runs() -> None:
    head = b'From: a@example.org\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n'
    raw = head + b"--b\r\n\r\nx\r\n" * 300_000  # the stdlib parser alone needs ~25 s
    started = time.perf_counter()
    with pytest.raises(MessageError, match="more than 100 MIME parts"):
        parse_message(raw)
    assert time.perf_counter() - started < 5


def test_thousands_of_nested_messages_are_refused() -> None:
    raw = b"From: a@example.org\r\n" + b"Content-Type: message/rfc822\r\n\r\n" * 3_000 + b"x"
    with pytest.raises(MessageError, match="nested"):
        parse_message(raw)


def test_huge_header_block_is_refused() -> None:
    raw = b"From: a@example.org\r\n" + b"X-Filler: " + b"x" * 300_000 + b"\r\n\r\nbody"
    with pytest.raises(MessageError, match="header block larger than"):
        parse_message(raw)


@pytest.mark.parametrize("raw", [b"", b"   \r\n", "not bytes"])
def test_empty_or_wrong_input_is_refused_with_a_reason(raw: object) -> None:
    with pytest.raises(MessageError) as info:
        parse_message(raw)  # type: ignore[arg-type]
    assert "\n" not in str(info.value) and str(info.value)


def test_unexpected_parser_failure_becomes_message_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import mailbot.message as module

    def explode(*args: object, **kwargs: object) -> list[str]:
        raise KeyError("boom")

    monkeypatch.setattr(module, "_detect", explode)
    with pytest.raises(MessageError, match="unexpected KeyError"):
        parse_message(letter("x\n"))


_HOSTILE_PIECES = [
    b"From: a@example.org\r\n",
    b"From: =?x-bogus?q?=FF?= <\r\n",
    b"Subject: =?utf-8?b?////?=\r\n",
    b"Date: Mon, 99 Foo 2024 99:99:99 +9999\r\n",
    b"Content-Type: multipart/mixed; boundary=zz\r\n",
    b"Content-Type: text/plain; charset=unicode-1-1-utf-7\r\n",
    b'Content-Type: text/html; charset=""\r\n',
    b"Content-Transfer-Encoding: base64\r\n",
    b"Content-Transfer-Encoding: quoted-printable\r\n",
    b"Message-ID: <<>>\r\n",
    b"\r\n",
    b"--zz\r\n",
    b"--zz--\r\n",
    b"<blockquote><p>&#xD800;&bogus;<script>x",
    b"+AGEAYgBj-\r\n",
    b"\xff\xfe\x00\x1b$B\r\n",
    b"=?\r\n",
    b" folded continuation\r\n",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_HOSTILE_PIECES), st.binary(max_size=40)), max_size=30))
def test_any_input_parses_or_raises_message_error(pieces: list[bytes]) -> None:
    raw = b"".join(pieces)
    try:
        parsed = parse_message(raw)
    except MessageError as exc:
        assert "\n" not in str(exc)
        return
    # What comes out is safe to store and show: valid text, one-line subject.
    parsed.body_text.encode("utf-8")
    parsed.new_text.encode("utf-8")
    parsed.subject.encode("utf-8")
    assert "\n" not in parsed.subject and "\r" not in parsed.subject
    assert parsed.date is None or parsed.date.tzinfo is not None


# --------------------------------------------------------------------------------------------
# Charsets and headers
# --------------------------------------------------------------------------------------------


def _coded(body: bytes, content_type: str) -> bytes:
    head = f"From: a@example.org\r\nSubject: s\r\nContent-Type: {content_type}\r\n\r\n"
    return head.encode("ascii") + body


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        ("Hyvä päivä".encode("utf-7"), "text/plain; charset=unicode-1-1-utf-7", "Hyvä päivä"),
        ("你好".encode("gb18030"), "text/plain; charset=gb2312", "你好"),
        ("こんにちは".encode("iso-2022-jp"), "text/plain; charset=iso-2022-jp", "こんにちは"),
        ("Päivää".encode(), "text/plain; charset=x-klingon", "Päivää"),  # unknown label
        ("Hälsningar".encode(), "text/plain; charset=us-ascii", "Hälsningar"),  # lying label
        ("Grüße €5".encode("cp1252"), "text/plain; charset=utf-8", "Grüße €5"),  # lying label
        ("Grüße €5".encode("cp1252"), "text/plain; charset=iso-8859-1", "Grüße €5"),
        ("Tervehdys äiti".encode("latin-1"), "text/plain", "Tervehdys äiti"),  # no label
        ("Hei €".encode("iso-8859-15"), "text/plain; charset=ISO-8859-15", "Hei €"),
    ],
)
def test_charsets_decode_and_fall_back(body: bytes, content_type: str, expected: str) -> None:
    parsed = parse_message(_coded(body, content_type))
    assert parsed.body_text == expected


def test_unknown_charset_is_noted_as_a_defect() -> None:
    parsed = parse_message(_coded("Päivää".encode(), "text/plain; charset=x-klingon"))
    assert any("unknown charset 'x-klingon'" in d for d in parsed.defects)


def test_raw_utf8_and_unknown_charset_headers_decode() -> None:
    raw = (
        "From: Åsa Öberg <asa@example.se>\r\n"
        "Subject: =?x-klingon?q?Hej?= =?utf-8?q?v=C3=A4rlden?=\r\n\r\nbody"
    ).encode()
    parsed = parse_message(raw)
    assert parsed.from_addresses == [("Åsa Öberg", "asa@example.se")]
    assert "världen" in parsed.subject
    parsed.subject.encode("utf-8")  # no surrogates left behind


def test_naive_date_becomes_utc_and_bad_date_is_a_defect() -> None:
    parsed = parse_message(letter("x", headers={"Date": "Mon, 3 Mar 2025 10:00:00 -0000"}))
    assert parsed.date == datetime(2025, 3, 3, 10, 0, tzinfo=UTC)
    broken = parse_message(letter("x", headers={"Date": "sometime last week"}))
    assert broken.date is None
    assert any("Date" in d for d in broken.defects)


def test_message_id_whitespace_is_stripped() -> None:
    parsed = parse_message(letter("x", headers={"Message-ID": "  < abc@example.org >  "}))
    assert parsed.message_id == "<abc@example.org>"
    assert parse_message(letter("x", headers={"Message-ID": ""})).message_id is None


def test_body_text_is_truncated_not_refused() -> None:
    parsed = parse_message(letter("word " * 50_000), limits=Limits(max_text_chars=1_000))
    assert len(parsed.body_text) == 1_000
    assert any("truncated" in d for d in parsed.defects)


def test_plain_text_part_is_preferred_over_html_and_attachments() -> None:
    msg = EmailMessage()
    msg["From"] = "a@example.org"
    msg.set_content("plain words")
    msg.add_alternative("<p>html words</p>", subtype="html")
    msg.add_attachment("attached words", filename="notes.txt")
    parsed = parse_message(msg.as_bytes())
    assert parsed.body_text.strip() == "plain words"


def test_empty_plain_part_falls_back_to_html() -> None:
    msg = EmailMessage()
    msg["From"] = "a@example.org"
    msg.set_content("\n")
    msg.add_alternative("<p>Poistakaa tietoni</p>", subtype="html")
    assert parse_message(msg.as_bytes()).body_text == "Poistakaa tietoni"


# --------------------------------------------------------------------------------------------
# html_to_text and strip_quoted on their own
# --------------------------------------------------------------------------------------------


def test_html_to_text_blocks_entities_and_skipped_elements() -> None:
    html = (
        "<html><head><style>x{}</style><title>T</title></head><body>"
        "Hei&nbsp;&amp;&#32;moi<br>rivi 2<div>lohko</div><table><tr><td>a</td><td>b</td></tr>"
        "<tr><td>c</td></tr></table><script>alert(1)</script><ul><li>yksi</li><li>kaksi</li></ul>"
        "<blockquote>vanha<blockquote>vanhempi</blockquote></blockquote>loppu</body></html>"
    )
    assert html_to_text(html).splitlines() == [
        "Hei & moi",
        "rivi 2",
        "lohko",
        "",
        "a b",
        "c",
        "",
        "yksi",
        "kaksi",
        "",
        "> vanha",
        "",
        "> > vanhempi",
        "",
        "loppu",
    ]


def test_html_to_text_survives_broken_markup() -> None:
    assert html_to_text("<head><p>unclosed head<body>Näkyy") == "Näkyy"
    assert "teksti" in html_to_text("<<<>>><p teksti</p>teksti <a href='x")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English Gmail attribution wrapped onto two lines, quoted lines after it.
        (
            "Please delete it.\n\nOn Mon, 3 Mar 2025 at 10:00, Support <s@x.com>\nwrote:\n> old",
            "Please delete it.",
        ),
        # Thunderbird: no address, but quoted text follows.
        ("Yes.\n\nOn 03/03/2025 10:00, Support wrote:\n> old\n> older", "Yes."),
        # Finnish Gmail and Outlook mobile.
        ("Kyllä.\n\nma 3.3.2025 klo 10.00 Tuki <tuki@x.fi> kirjoitti:\n> vanha", "Kyllä."),
        ("Kyllä.\n\nTuki <tuki@x.fi> kirjoitti 3.3.2025 klo 10.00:\n\nvanha viesti", "Kyllä."),
        # Swedish, German, French, Spanish.
        ("Ja.\n\nDen 3 mars 2025 kl. 10:00 skrev Kundtjänst <k@x.se>:\n> gammalt", "Ja."),
        ("Ja.\n\nAm 03.03.2025 um 10:00 schrieb Support <s@x.de>:\n> alt", "Ja."),
        ("Oui.\n\nLe lun. 3 mars 2025 à 10:00, Support <s@x.fr> a écrit :\n> ancien", "Oui."),
        ("Sí.\n\nEl lun, 3 mar 2025 a las 10:00, Soporte (<s@x.es>) escribió:\n> viejo", "Sí."),
        # Outlook separators, several languages.
        ("Ok.\n\n-----Original Message-----\nFrom: S\nSent: today\nold", "Ok."),
        (
            "Ok.\n\nLähettäjä: Tuki <t@x.fi>\nLähetetty: maanantai 3. maaliskuuta 2025 10.00\n"
            "Vastaanottaja: Minä\nAihe: Asia\n\nvanha",
            "Ok.",
        ),
        ("Ok.\n\nFrån: Kundtjänst\nSkickat: den 3 mars 2025\nTill: Mig\nÄmne: Ärende\nold", "Ok."),
        ("Tässä.\n\n---------- Forwarded message ---------\nFrom: a\nold", "Tässä."),
        # Gmail's forward marker in the other EU languages (ninth session: a Portuguese letter
        # forwarding the shop's "your account was deleted" was read as asking deletion)
        (
            "Obrigado.\n\n---------- Mensagem encaminhada ---------\nDe: a\nconta eliminada",
            "Obrigado.",
        ),
        ("Grazie.\n\n---------- Messaggio inoltrato ---------\nDa: a\nvecchio", "Grazie."),
        ("Bedankt.\n\n---------- Doorgestuurd bericht ---------\nVan: a\noud", "Bedankt."),
        ("Dziękuję.\n\n---------- Wiadomość przekazana dalej ---------\nOd: a\nstare", "Dziękuję."),
        ("Tak.\n\n---------- Videresendt meddelelse ---------\nFra: a\ngammel", "Tak."),
        ("Poistakaa tietoni.\n\nLähetetty iPhonesta", "Poistakaa tietoni."),
        ("Radera mig.\n\nSkickat från min iPhone\n\nDen 3 mars skrev X:\n> old", "Radera mig."),
        ("Delete me.\n\nSent from my iPhone", "Delete me."),
        ("Thanks\n-- \nJane Doe\nAcme", "Thanks"),
        # Inline answers between quoted lines are kept.
        ("> Do you want a copy?\nYes please.\n> By post?\nBy email.", "Yes please.\nBy email."),
    ],
)
def test_strip_quoted_removes_history_in_many_clients(text: str, expected: str) -> None:
    assert strip_quoted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A letter sentence ending with a verb and a colon, no quote after it.
        "I wrote to you last year:\nyou never answered. Delete my data.",
        "Kirjoitin teille 3.3.2025 ja asiakaspalvelu kirjoitti:\nei vastausta. Poistakaa tiedot.",
        "Jag skrev till er den 3 mars:\ninget svar. Radera mina uppgifter.",
        # "From:" lines that are not an Outlook header block.
        "I got a letter.\nFrom: Acme Oy\nTo: me\nIt asked for money. Who gave you my address?",
    ],
)
def test_strip_quoted_keeps_letters_that_only_look_like_replies(text: str) -> None:
    assert strip_quoted(text) == text


def test_strip_quoted_keeps_text_when_everything_is_quoted() -> None:
    text = "> Please delete my data.\n> Thanks"
    assert strip_quoted(text) == text
    assert strip_quoted("-- \nonly a signature") == "-- \nonly a signature"


# --------------------------------------------------------------------------------------------
# The shared corpus of real mail
# --------------------------------------------------------------------------------------------


def _manifest() -> list[tuple[str, str]]:
    path = CORPUS / "MANIFEST.tsv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["file"], row["automated"]) for row in csv.DictReader(handle, delimiter="\t")]


_MANIFEST = _manifest()
needs_corpus = pytest.mark.skipif(
    not _MANIFEST, reason=f"shared corpus not present at {CORPUS} (only in the project workspace)"
)


@needs_corpus
@pytest.mark.parametrize(("name", "automated"), _MANIFEST or [("absent", "unsure")])
def test_corpus_automated_column(name: str, automated: str) -> None:
    parsed = parse_message((CORPUS / name).read_bytes())
    if automated == "yes":
        assert parsed.automated, f"{name}: no signal found"
    elif automated == "no":
        assert not parsed.automated, f"{name}: {parsed.automated_reasons}"
    assert isinstance(parsed.body_text, str)


@needs_corpus
@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("sisimai-lhost-outlook-01.eml", "Delivery to the following recipients failed."),  # utf-7
        ("sisimai-lhost-qmail-01.eml", "qmail-send program"),  # iso-2022-jp in the attachment
        ("mailparser-mail_test_12.eml", "增值税发票"),  # gb2312, 8bit
        ("sisimai-lhost-office365-01.eml", "wasn’t found"),  # windows-1252 QP
        ("sisimai-lhost-amazonworkmail-01.eml", "following recipients"),  # iso-8859-15 base64
        ("sisimai-lhost-domino-01.eml", "not listed in Domino Directory"),  # 8bit, no charset
        ("flanker-missing-final-boundary.eml", "Some body"),
        ("mailparser-mail_test_17.eml", "Test"),  # empty text/plain, HTML used
        ("flanker-bilingual-simple.eml", "линия по-русски"),
    ],
)
def test_corpus_bodies_decode(name: str, needle: str) -> None:
    parsed = parse_message((CORPUS / name).read_bytes())
    assert needle in parsed.body_text


@needs_corpus
def test_corpus_headers_decode_and_malformed_mime_is_reported() -> None:
    trend = parse_message((CORPUS / "sisimai-lhost-trendmicro-01.eml").read_bytes())
    assert trend.subject == "メッセージを配信できません。"  # iso-2022-jp encoded word
    gb = parse_message((CORPUS / "mailparser-mail_test_12.eml").read_bytes())
    assert gb.subject == "代开各地增值税发票"
    false_multipart = parse_message((CORPUS / "flanker-false-multipart.eml").read_bytes())
    assert false_multipart.body_text == ""
    assert any("StartBoundaryNotFoundDefect" in d for d in false_multipart.defects)
    bounce = parse_message((CORPUS / "flanker-bounce-gmail-invalid-address.eml").read_bytes())
    assert "Return-Path: <> (null sender)" in bounce.automated_reasons


def test_parsed_message_keeps_the_raw_bytes_and_default_policy() -> None:
    raw = (FIXTURES / "two_from.eml").read_bytes()
    parsed = parse_message(raw)
    assert parsed.raw == raw
    assert isinstance(parsed.msg, email.message.EmailMessage)
    # email.policy.default in every setting; only its header factory is the faster one
    policy = parsed.msg.policy
    settings = (
        "max_line_length", "linesep", "cte_type", "raise_on_defect", "mangle_from_",
        "message_factory", "utf8", "refold_source", "content_manager",
    )  # fmt: skip
    assert type(policy) is type(email.policy.default)
    assert all(getattr(policy, s) == getattr(email.policy.default, s) for s in settings)
    assert isinstance(policy.header_factory, email.headerregistry.HeaderRegistry)


def test_header_factory_gives_what_the_standard_one_gives() -> None:
    """Header objects the faster factory hands out (a header class made once, MIME headers
    parsed once per value) equal the standard factory's, defects included, and are never
    shared between different names or values."""
    standard = email.policy.default.header_factory
    faster = message_module._POLICY.header_factory
    samples = [
        ("Content-Type", 'text/plain; charset="utf-8"; format=flowed'),
        ("content-type", 'text/plain; charset="utf-8"; format=flowed'),
        ("Content-Type", 'multipart/mixed; boundary="abc"; =broken'),
        ("Content-Disposition", 'attachment; filename="a.pdf"'),
        ("Content-Transfer-Encoding", "quoted-printable"),
        ("MIME-Version", "1.0 (x)"),
        ("From", "Alice <alice@example.org>"),
        ("From", "alice@example.org <evil@example.com>"),
        ("Subject", "=?utf-8?q?Hei_maailma?="),
        ("X-Invented", "anything"),
        ("Date", "Mon, 1 Jan 2024 10:00:00 +0200"),
    ]
    for _round in range(2):  # the second round is served from the cache
        for name, value in samples:
            got, want = faster(name, value), standard(name, value)
            assert type(got).__mro__[1:] == type(want).__mro__[1:]
            assert (str(got), got.name) == (str(want), want.name)
            assert [repr(d) for d in got.defects] == [repr(d) for d in want.defects]
            for attribute in ("params", "content_type", "cte", "content_disposition", "addresses"):
                if hasattr(want, attribute):
                    assert getattr(got, attribute) == getattr(want, attribute)
    # a value longer than a header line is parsed every time and never kept
    long_value = "text/plain; name=" + "x" * 5000
    before = message_module._mime_header.cache_info()
    assert str(faster("Content-Type", long_value)) == str(standard("Content-Type", long_value))
    assert message_module._mime_header.cache_info() == before  # not even looked up
    assert faster("Content-Type", "text/plain").name == "Content-Type"
    assert faster("content-type", "text/plain").name == "content-type"
    assert str(faster("Content-Type", "text/html")) == "text/html"
