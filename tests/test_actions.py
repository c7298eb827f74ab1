"""Every right on both profiles: the register before and after, the reply's content and language,
the audit trail; erasure with each hold; the guardian rule; deadlines and extensions.

Letters go through the real pipeline (`process_message`), DKIM-signed by the writer's domain; the
replies are read from the outbox as the subject would receive them.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from identity_mail import TestKey, dkimpy_sign, key_line, message, rsa_key, write_keys_file
from sqlmodel import select

from mailbot import queue
from mailbot.case import add_months
from mailbot.db import migrate, session_scope
from mailbot.exports import mailing_labels, marketing_list
from mailbot.mailbox import RawMessage
from mailbot.models import (
    ActionStatus,
    AuditEvent,
    Case,
    CaseStatus,
    Consent,
    IpAddress,
    MarketingChannel,
    MarketingProhibition,
    OutboxMessage,
    PendingAction,
    Subject,
    Suppression,
)
from mailbot.pipeline import process_message
from mailbot.register import (
    RegisterFile,
    SubjectIn,
    find_subject,
    import_register,
    parse_register_file,
    subject_record,
)
from mailbot.settings import Settings

DATA = Path(__file__).parent / "data"
DOMAINS = ("asiakas.fi", "yritys.fi", "kund.se", "client.co.uk", "koti.fi")


@pytest.fixture(scope="module")
def key() -> TestKey:
    return rsa_key(2048)


def _env(tmp_path: Path, db_url: str, key: TestKey, register: str, profile: str) -> Settings:
    keys = write_keys_file(tmp_path / "keys.txt", [key_line("sel", d, key) for d in DOMAINS])
    migrate(db_url)
    with session_scope(db_url) as session:
        import_register(session, parse_register_file(DATA / register), source=register)
    return Settings(
        database_url=db_url, controller_address="tietosuoja@rekisteri.fi", dkim_keys_file=keys,
        dns=False, profile=profile, suppression_key="test-secret",
    )  # fmt: skip


@pytest.fixture
def b2b(tmp_path: Path, db_url: str, key: TestKey) -> Settings:
    return _env(tmp_path, db_url, key, "register_rights.json", "b2b-customer")


@pytest.fixture
def child(tmp_path: Path, db_url: str, key: TestKey) -> Settings:
    return _env(tmp_path, db_url, key, "register_child.json", "child-welfare")


class Mail:
    """Sends letters through the pipeline and reads the replies the outbox holds."""

    def __init__(self, settings: Settings, key: TestKey) -> None:
        self.settings, self.key, self.n = settings, key, 0

    def send(self, sender: str, subject: str, body: str) -> Any:
        self.n += 1
        raw = dkimpy_sign(
            message(from_=sender, subject=subject, body=body, message_id=f"<m{self.n}@{sender.split('@')[1]}>"),
            key=self.key, domain=sender.split("@")[1],
        )  # fmt: skip
        return process_message(
            self.settings, RawMessage(key=f"test:{self.n}", data=raw, ref=str(self.n))
        )

    def replies(self, to: str | None = None) -> list[EmailMessage]:
        with session_scope(self.settings.database_url) as session:
            rows = session.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all()  # type: ignore[arg-type]
        out = [message_from_bytes(r.raw, policy=default) for r in rows]
        return [m for m in out if to is None or m["To"] == to]  # type: ignore[misc]

    def last(self, to: str) -> tuple[EmailMessage, str]:
        reply = self.replies(to)[-1]
        body = reply.get_body(("plain",))
        assert body is not None
        return reply, body.get_content()


def _subject(settings: Settings, address: str) -> dict[str, Any]:
    with session_scope(settings.database_url) as session:
        found = find_subject(session, address)
        assert found is not None and found.id is not None
        return subject_record(session, found.id)


def _case(settings: Settings, ref: str) -> Case:
    with session_scope(settings.database_url) as session:
        return queue.get_case(session, ref)


def _trail(settings: Settings, ref: str) -> list[str]:
    with session_scope(settings.database_url) as session:
        case = queue.get_case(session, ref)
        return [
            e.action
            for e in session.exec(select(AuditEvent).where(AuditEvent.case_id == case.id)).all()
        ]


# --------------------------------------------------------------------------- portability


def test_portability_sends_json_and_csv_of_what_the_subject_provided(
    b2b: Settings, key: TestKey
) -> None:
    mail = Mail(b2b, key)
    outcome = mail.send(
        "olli@asiakas.fi",
        "Data portability request",
        "Please send me my personal data in a machine-readable format (JSON or CSV) so that I can move it to another service.",
    )
    reply, _ = mail.last("olli@asiakas.fi")
    files = {p.get_filename(): p.get_content() for p in reply.iter_attachments()}
    data = json.loads(files[f"{outcome.case_ref}.json"])
    assert data["orders"][0]["ref"] == "ORD-R1"
    assert data["emails"] == ["olli@asiakas.fi"]
    assert (
        "disclosures" not in data and "debt_collection" not in data
    )  # not data the subject provided
    rows = list(csv.reader(io.StringIO(files[f"{outcome.case_ref}.csv"].lstrip("\ufeff"))))
    assert rows[0] == ["section", "item", "field", "value"]
    assert ["orders", "1", "ref", "ORD-R1"] in rows
    assert _case(b2b, outcome.case_ref).status is CaseStatus.DONE


# --------------------------------------------------------------------------- rectification


def test_rectification_is_queued_with_before_and_after_then_applied_and_recipients_told(
    b2b: Settings, key: TestKey
) -> None:
    mail = Mail(b2b, key)
    outcome = mail.send(
        "olli@asiakas.fi",
        "Tietojen korjaus",
        "Hei, korjatkaa puhelinnumeroni, oikea numero on 040 111 2222, koska vaihdoin liittymää.\nOlli",
    )
    assert _case(b2b, outcome.case_ref).status is CaseStatus.AWAITING_APPROVAL
    assert (
        _subject(b2b, "olli@asiakas.fi")["phone"] == "040 123 0001"
    )  # nothing changed before approval
    with session_scope(b2b.database_url) as session:
        [pending] = queue.list_queue(session)[0].pending
    assert pending["right"] == "rectification"
    assert pending["proposal"]["changes"] == [
        {"field": "phone", "before": "040 123 0001", "after": "040 111 2222"}
    ]
    _, queued_text = mail.last("olli@asiakas.fi")
    assert "tietosuojatiimillemme" in queued_text  # Finnish: queued for the privacy team

    assert queue.approve(b2b, outcome.case_ref, actor="anna.staff") is CaseStatus.DONE
    assert _subject(b2b, "olli@asiakas.fi")["phone"] == "040 111 2222"
    _, text = mail.last("olli@asiakas.fi")
    assert "040 123 0001 -> 040 111 2222" in text
    # Art 19: the recipient and the source with an address are told; the other is left to staff
    assert mail.replies("kirjanpito@tilitoimisto.fi") and mail.replies("paivitys@osoitepalvelu.fi")
    trail = _trail(b2b, outcome.case_ref)
    assert "approved:rectification" in trail and "notify:rectification:manual" in trail
    with session_scope(b2b.database_url) as session:
        events = session.exec(
            select(AuditEvent).where(AuditEvent.action == "approved:rectification")
        ).all()
    assert events[0].actor == "anna.staff"


def test_rectification_without_what_or_basis_asks_for_it(b2b: Settings, key: TestKey) -> None:
    mail = Mail(b2b, key)
    outcome = mail.send(
        "emma@client.co.uk",
        "Rectification request",
        "Some of the data you hold about me is incorrect. Please rectify it.",
    )
    assert _case(b2b, outcome.case_ref).status is CaseStatus.AWAITING_INFORMATION
    _, text = mail.last("emma@client.co.uk")
    assert "which data is wrong" in text and "Office of the Data Protection Ombudsman" in text


def test_rejected_rectification_gives_written_reasons_and_names_the_authority(
    b2b: Settings, key: TestKey
) -> None:
    mail = Mail(b2b, key)
    outcome = mail.send(
        "olli@asiakas.fi",
        "Tietojen korjaus",
        "Hei, korjatkaa puhelinnumeroni, oikea numero on 040 111 2222, koska vaihdoin liittymää.",
    )
    with pytest.raises(queue.QueueError, match="reason"):
        queue.reject(b2b, outcome.case_ref, actor="anna.staff", reason="  ")
    assert (
        queue.reject(
            b2b, outcome.case_ref, actor="anna.staff", reason="Numero 040 111 2222 ei ole käytössä."
        )
        is CaseStatus.REFUSED
    )
    _, text = mail.last("olli@asiakas.fi")
    assert "Numero 040 111 2222 ei ole käytössä." in text
    assert "Tietosuojavaltuutetun toimisto" in text and "valitus" in text
    assert _subject(b2b, "olli@asiakas.fi")["phone"] == "040 123 0001"


# --------------------------------------------------------------------------- erasure


ERASE_FI = "Hei, pyydän poistamaan kaikki tietoni rekisteristänne.\n"


def test_erasure_without_holds_removes_the_subject_keeps_a_suppression_and_tells_recipients(
    b2b: Settings, key: TestKey
) -> None:
    mail = Mail(b2b, key)
    outcome = mail.send("olli@asiakas.fi", "Tietojen poistaminen", ERASE_FI)
    assert _case(b2b, outcome.case_ref).status is CaseStatus.AWAITING_APPROVAL
    assert _subject(b2b, "olli@asiakas.fi")["orders"]  # nothing erased before approval
    assert queue.approve(b2b, outcome.case_ref, actor="anna.staff") is CaseStatus.DONE
    with session_scope(b2b.database_url) as session:
        assert find_subject(session, "olli@asiakas.fi") is None
        subject = (
            session.exec(select(Subject).where(Subject.ref == "erased-1")).first()
            or session.exec(
                select(Subject).where(Subject.ref.startswith("erased-"))  # type: ignore[attr-defined]
            ).first()
        )
        assert (
            subject is not None and subject.first_name is None and subject.anonymised_at is not None
        )
        assert session.exec(
            select(Suppression).where(Suppression.channel == MarketingChannel.MARKET_RESEARCH)
        ).first()
        assert session.exec(select(Suppression)).first().address_hash != "olli@asiakas.fi"  # type: ignore[union-attr]
    _reply, text = mail.last("olli@asiakas.fi")  # the answer still reaches the address it came from
    assert "Olemme poistaneet tietosi" in text
    assert mail.replies("kirjanpito@tilitoimisto.fi")
    # the erased person writing again is a stranger now: nothing about the old record comes back
    mail.send(
        "olli@asiakas.fi",
        "Tarkastuspyyntö",
        "Hei, mitä tietoja teillä on minusta? Tarkastusoikeus.",
    )
    _, again = mail.last("olli@asiakas.fi")
    assert "ORD-R1" not in again and "Ostaja" not in again


@pytest.mark.parametrize(
    ("address", "hold", "kept_text", "status"),
    [
        ("anna@asiakas.fi", "open_invoice", "INV-OPEN", CaseStatus.DONE),
        ("perttu@asiakas.fi", "debt_collection", "perinnässä", CaseStatus.DONE),
        ("cecilia@kund.se", "credit_application", "kreditansökan", CaseStatus.DONE),
        ("kaarlo@yritys.fi", "company_contact", "yhteyshenkilö", CaseStatus.REFUSED),
        ("liisa@asiakas.fi", "legal_duty", "tax audit of 2025", CaseStatus.REFUSED),
    ],
)
def test_erasure_holds_keep_what_they_must_and_the_reply_says_why(
    b2b: Settings, key: TestKey, address: str, hold: str, kept_text: str, status: CaseStatus
) -> None:
    mail = Mail(b2b, key)
    letter = "Hej, radera alla mina personuppgifter." if address.endswith(".se") else ERASE_FI
    outcome = mail.send(address, "Radering" if address.endswith(".se") else "Poistopyyntö", letter)
    with session_scope(b2b.database_url) as session:
        [item] = queue.list_queue(session)
    assert [h["hold"] for h in item.pending[0]["proposal"]["holds"]] == [hold]
    assert queue.approve(b2b, outcome.case_ref, actor="staff") is status
    record = _subject(b2b, address)  # the identity stays with what the hold keeps
    _, text = mail.last(address)
    assert kept_text.lower() in text.lower()
    if status is CaseStatus.DONE:
        assert record["web_activity"] == []  # what no hold needs is gone
        if hold == "open_invoice":
            assert [i["ref"] for i in record["invoices"]] == ["INV-OPEN"] and record["www"] is None
    else:
        assert "Tietosuojavaltuutetun toimisto" in text  # a refusal names the authority


# --------------------------------------------------------------------------- the immediate rights


def test_marketing_optout_is_immediate_on_every_channel_and_survives_erasure(
    b2b: Settings, key: TestKey
) -> None:
    mail = Mail(b2b, key)
    with session_scope(b2b.database_url) as session:
        assert any(
            r["ref"] == "R-8"
            for r in marketing_list(
                session, channel=MarketingChannel.DIRECT_MARKETING, suppression_key="test-secret"
            )
        )
    outcome = mail.send(
        "mikko@asiakas.fi",
        "Suoramarkkinointikielto",
        "Hei, kiellän suoramarkkinoinnin ja kaiken mainonnan minulle.",
    )
    assert _case(b2b, outcome.case_ref).status is CaseStatus.DONE
    with session_scope(b2b.database_url) as session:
        channels = set(session.exec(select(MarketingProhibition.channel)).all())
        assert channels == set(MarketingChannel)
        for channel in MarketingChannel:
            assert not any(
                r["ref"] == "R-8"
                for r in marketing_list(session, channel=channel, suppression_key="test-secret")
            )
    _, text = mail.last("mikko@asiakas.fi")
    assert "suoramarkkinointi" in text and "markkina- ja mielipidetutkimus" in text
    # erased, then re-added to the register with the same address: still not marketed to
    erasure = mail.send("mikko@asiakas.fi", "Poistopyyntö", ERASE_FI)
    queue.approve(b2b, erasure.case_ref, actor="staff")
    with session_scope(b2b.database_url) as session:
        assert find_subject(session, "mikko@asiakas.fi") is None
        readded = RegisterFile(
            subjects=[SubjectIn(ref="R-NEW", emails=["mikko@asiakas.fi"], postal_address="Tie 2")]
        )
        import_register(session, readded, source="re-add")
    with session_scope(b2b.database_url) as session:
        for channel in MarketingChannel:
            assert "R-NEW" not in [
                r["ref"]
                for r in marketing_list(session, channel=channel, suppression_key="test-secret")
            ]
        assert "R-NEW" in [
            r["ref"] for r in mailing_labels(session)
        ]  # only marketing is suppressed


def test_publication_optout_leaves_the_subject_out_of_lists_and_labels(
    b2b: Settings, key: TestKey
) -> None:
    mail = Mail(b2b, key)
    with session_scope(b2b.database_url) as session:
        assert "R-8" in [r["ref"] for r in mailing_labels(session)]
    mail.send(
        "mikko@asiakas.fi",
        "Luovutuskielto",
        "Hei, kiellän nimeni julkaisemisen luetteloissa ja osoitetarroissa.",
    )
    with session_scope(b2b.database_url) as session:
        assert "R-8" not in [r["ref"] for r in mailing_labels(session)]
    assert _subject(b2b, "mikko@asiakas.fi")["publication_optout"] is True


def test_restriction_marks_the_subject_and_every_export_leaves_it_out(
    b2b: Settings, key: TestKey
) -> None:
    mail = Mail(b2b, key)
    mail.send(
        "emma@client.co.uk",
        "Restriction of processing",
        "Please restrict the processing of my personal data while you check its accuracy.",
    )
    record = _subject(b2b, "emma@client.co.uk")
    assert record["restricted"] is True and record["restricted_at"]
    with session_scope(b2b.database_url) as session:
        assert "R-7" not in [r["ref"] for r in mailing_labels(session)]
        assert "R-7" not in [
            r["ref"]
            for r in marketing_list(
                session, channel=MarketingChannel.DIRECT_MARKETING, suppression_key=None
            )
        ]
    reply, text = mail.last("emma@client.co.uk")
    assert reply["Content-Language"] == "en" and "tell you before the restriction is lifted" in text


def test_consent_withdrawal_ends_the_named_consent_and_keeps_the_record(
    b2b: Settings, key: TestKey
) -> None:
    mail = Mail(b2b, key)
    mail.send(
        "emma@client.co.uk", "Withdrawal of consent", "I withdraw my consent for the newsletter."
    )
    with session_scope(b2b.database_url) as session:
        consents = {
            c.purpose: c.withdrawn_at
            for c in session.exec(select(Consent)).all()
            if c.subject_id == find_subject(session, "emma@client.co.uk").id
        }  # type: ignore[union-attr]
    assert consents["newsletter"] is not None and consents["photos at events"] is None
    _, text = mail.last("emma@client.co.uk")
    assert "newsletter" in text


def test_objection_asks_for_the_special_situation_then_staff_decide(
    b2b: Settings, key: TestKey
) -> None:
    mail = Mail(b2b, key)
    first = mail.send(
        "emma@client.co.uk", "Objection", "I object to the processing of my personal data."
    )
    assert _case(b2b, first.case_ref).status is CaseStatus.AWAITING_INFORMATION
    _, text = mail.last("emma@client.co.uk")
    assert "particular situation" in text
    second = mail.send(
        "emma@client.co.uk",
        "Objection under Article 21",
        "I object to the processing of my data because I am a victim of stalking and my address must not be known.",
    )
    assert _case(b2b, second.case_ref).status is CaseStatus.AWAITING_APPROVAL
    queue.approve(b2b, second.case_ref, actor="staff")
    record = _subject(b2b, "emma@client.co.uk")
    assert record["restricted"] is True and len(record["marketing_prohibitions"]) == 4


def test_a_letter_with_several_rights_gets_one_answer_covering_each(
    b2b: Settings, key: TestKey
) -> None:
    mail = Mail(b2b, key)
    outcome = mail.send(
        "olli@asiakas.fi",
        "Poisto ja kielto",
        "Hei, poistakaa kaikki tietoni. Perun myös suostumukseni uutiskirjeeseen ja kiellän suoramarkkinoinnin.",
    )
    assert _case(b2b, outcome.case_ref).status is CaseStatus.AWAITING_APPROVAL
    _, text = mail.last("olli@asiakas.fi")
    assert "Mitä olemme tehneet" in text and "Mistä tietosuojatiimimme päättää" in text
    assert "newsletter" in text and "suoramarkkinointi" in text
    assert len(mail.replies("olli@asiakas.fi")) == 1


def test_the_same_request_again_soon_is_linked_not_executed_twice(
    b2b: Settings, key: TestKey
) -> None:
    mail = Mail(b2b, key)
    first = mail.send(
        "emma@client.co.uk",
        "Subject access request",
        "Please send me a copy of all personal data you hold about me (Article 15 GDPR).",
    )
    second = mail.send(
        "emma@client.co.uk",
        "Subject access request again",
        "Please send me a copy of all personal data you hold about me (Article 15 GDPR).",
    )
    with session_scope(b2b.database_url) as session:
        linked = queue.get_case(session, second.case_ref)
        assert linked.related_case_id == queue.get_case(session, first.case_ref).id
    assert linked.status is CaseStatus.CLOSED
    access_replies = [
        m
        for m in mail.replies("emma@client.co.uk")
        if "High Street" in m.get_body(("plain",)).get_content()
    ]  # type: ignore[union-attr]
    assert len(access_replies) == 1


# --------------------------------------------------------------------------- children


ACCESS_ABOUT_VEETI = "Hei, olen Veetin huoltaja. Pyydän saada tietää, mitä tietoja teillä on Veetistä (tarkastusoikeus).\nHanna"


def test_a_guardian_gets_the_childs_data_and_the_child_itself_does_not(
    child: Settings, key: TestKey
) -> None:
    mail = Mail(child, key)
    outcome = mail.send("hanna@koti.fi", "Tarkastuspyyntö lapsen tiedoista", ACCESS_ABOUT_VEETI)
    _reply, text = mail.last("hanna@koti.fi")
    assert (
        "Puiston koulu" in text and "needs inhaler" in text
    )  # Veeti's data, to his recorded guardian
    assert "Lastensuojelujärjestöjen asiakasrekisteri" in text
    assert "acting_for" in _trail(child, outcome.case_ref)
    own = mail.send(
        "veeti@koti.fi", "Tarkastuspyyntö", "Hei, mitä tietoja teillä on minusta? Tarkastusoikeus."
    )
    assert _case(child, own.case_ref).status is CaseStatus.TRIAGE
    _, text = mail.last("veeti@koti.fi")
    assert "Puiston koulu" not in text and "inhaler" not in text


def test_childs_erasure_waits_for_the_statistics_duty(child: Settings, key: TestKey) -> None:
    mail = Mail(child, key)
    outcome = mail.send(
        "hanna@koti.fi",
        "Poistopyyntö",
        "Hei, pyydän poistamaan Veetin kaikki tiedot rekisteristänne.",
    )
    assert queue.approve(child, outcome.case_ref, actor="staff") is CaseStatus.REFUSED
    _, text = mail.last("hanna@koti.fi")
    assert "tilastointivelvoitteemme" in text and "Tietosuojavaltuutetun toimisto" in text
    assert _subject(child, "veeti@koti.fi")["service_contacts"]


def test_child_welfare_objection_requires_the_special_situation(
    child: Settings, key: TestKey
) -> None:
    mail = Mail(child, key)
    outcome = mail.send(
        "hanna@koti.fi", "Vastustan käsittelyä", "Hei, vastustan henkilötietojeni käsittelyä."
    )
    assert _case(child, outcome.case_ref).status is CaseStatus.AWAITING_INFORMATION
    _, text = mail.last("hanna@koti.fi")
    assert "erityinen henkilökohtainen tilanteesi" in text


# --------------------------------------------------------------------------- deadlines


@pytest.mark.parametrize(
    ("received", "deadline"),
    [
        (datetime(2026, 1, 31, 9, tzinfo=UTC), datetime(2026, 2, 28, 9, tzinfo=UTC)),
        (datetime(2028, 1, 31, 9, tzinfo=UTC), datetime(2028, 2, 29, 9, tzinfo=UTC)),
        (datetime(2026, 12, 15, 9, tzinfo=UTC), datetime(2027, 1, 15, 9, tzinfo=UTC)),
        (datetime(2026, 3, 31, 9, tzinfo=UTC), datetime(2026, 4, 30, 9, tzinfo=UTC)),
    ],
)
def test_deadline_is_one_calendar_month(received: datetime, deadline: datetime) -> None:
    assert add_months(received, 1) == deadline


def test_extension_only_with_a_notice_within_the_first_month(b2b: Settings, key: TestKey) -> None:
    mail = Mail(b2b, key)
    outcome = mail.send("olli@asiakas.fi", "Tietojen poistaminen", ERASE_FI)
    case = _case(b2b, outcome.case_ref)
    assert (
        queue.extend(b2b, outcome.case_ref, actor="staff", reason="Tiedot on haettava arkistosta.")
        is CaseStatus.AWAITING_APPROVAL
    )
    extended = _case(b2b, outcome.case_ref)
    assert extended.extended_deadline is not None
    assert extended.extended_deadline.replace(tzinfo=UTC) == add_months(
        case.received_at.replace(tzinfo=UTC), 3
    )
    _, text = mail.last("olli@asiakas.fi")
    assert "Tiedot on haettava arkistosta." in text and "lisäaikaa" in text
    with pytest.raises(queue.QueueError, match="already extended"):
        queue.extend(b2b, outcome.case_ref, actor="staff", reason="again")
    # a case whose first month has passed can no longer be extended
    late = mail.send(
        "emma@client.co.uk",
        "Rectification request",
        "Some of the data you hold about me is incorrect. Please rectify it.",
    )
    with session_scope(b2b.database_url) as session:
        row = queue.get_case(session, late.case_ref)
        row.deadline = datetime.now(UTC) - timedelta(days=1)
        session.add(row)
    with pytest.raises(queue.QueueError, match="first month"):
        queue.extend(b2b, late.case_ref, actor="staff", reason="too late")


def test_pending_actions_record_the_decision(b2b: Settings, key: TestKey) -> None:
    mail = Mail(b2b, key)
    outcome = mail.send("anna@asiakas.fi", "Poistopyyntö", ERASE_FI)
    queue.approve(b2b, outcome.case_ref, actor="kalle")
    with session_scope(b2b.database_url) as session:
        [action] = session.exec(select(PendingAction)).all()
    assert (
        action.status is ActionStatus.APPROVED
        and action.decided_by == "kalle"
        and action.decided_at
    )


@pytest.mark.parametrize(
    ("subject_line", "body", "status", "check"),
    [
        (
            "Suoramarkkinointikielto",
            "Hei, kiellän suoramarkkinoinnin ja kaiken mainonnan minulle.",
            CaseStatus.DONE,
            "marketing_prohibitions",
        ),
        (
            "Luovutuskielto",
            "Hei, kiellän nimeni julkaisemisen luetteloissa ja osoitetarroissa.",
            CaseStatus.DONE,
            "publication_optout",
        ),
        (
            "Käsittelyn rajoittaminen",
            "Hei, pyydän rajoittamaan henkilötietojeni käsittelyä, kunnes tietojen oikeellisuus on tarkistettu.",
            CaseStatus.DONE,
            "restricted",
        ),
        (
            "Tiedot koneluettavassa muodossa",
            "Hei, pyydän tietoni koneluettavassa muodossa siirtääkseni ne toiseen palveluun (siirto-oikeus).",
            CaseStatus.DONE,
            None,
        ),
        (
            "Tietojen korjaus",
            "Hei, korjatkaa puhelinnumeroni, oikea numero on 040 111 2222, koska vaihdoin liittymää.",
            CaseStatus.AWAITING_APPROVAL,
            None,
        ),
    ],
)
def test_the_other_rights_on_the_child_welfare_profile(
    child: Settings,
    key: TestKey,
    subject_line: str,
    body: str,
    status: CaseStatus,
    check: str | None,
) -> None:
    mail = Mail(child, key)
    outcome = mail.send("hanna@koti.fi", subject_line, body)
    assert _case(child, outcome.case_ref).status is status
    record = _subject(child, "hanna@koti.fi")
    if check:
        assert record[check]
    reply, _ = mail.last("hanna@koti.fi")
    assert reply["Content-Language"] == "fi"


def test_the_answer_to_our_question_continues_the_first_case(b2b: Settings, key: TestKey) -> None:
    mail = Mail(b2b, key)
    first = mail.send(
        "emma@client.co.uk", "Objection", "I object to the processing of my personal data."
    )
    question, _ = mail.last("emma@client.co.uk")
    raw = dkimpy_sign(
        message(
            from_="emma@client.co.uk", subject="Re: " + str(question["Subject"]), message_id="<answer@client.co.uk>",
            body="I object to the processing of my data because I am a victim of stalking and my address must not be known.",
            headers=[f"In-Reply-To: {question['Message-ID']}", f"References: {question['Message-ID']}"],
        ),
        key=key, domain="client.co.uk",
    )  # fmt: skip
    second = process_message(b2b, RawMessage(key="answer", data=raw, ref="answer"))
    earlier, later = _case(b2b, first.case_ref), _case(b2b, second.case_ref)
    assert earlier.status is CaseStatus.CLOSED and later.related_case_id == earlier.id
    assert later.status is CaseStatus.AWAITING_APPROVAL
    assert later.deadline == earlier.deadline  # the statutory clock runs from the first letter
    assert "follow_up" in _trail(b2b, second.case_ref)


def test_the_record_shows_what_the_same_transaction_changed(b2b: Settings) -> None:
    """subject_record reads the tables on the session's connection (issue 9), which does not
    flush by itself: what was changed earlier in the same transaction (an opt-out asked in the
    same letter) must still be in the access reply's record, in every table it reads."""
    with session_scope(b2b.database_url) as session:
        found = find_subject(session, "emma@client.co.uk")
        assert found is not None and found.id is not None
        before = subject_record(session, found.id)
        # pending, not flushed: ip_address is read before anything that would flush on its own
        session.add(IpAddress(subject_id=found.id, address="192.0.2.7"))
        session.add(
            MarketingProhibition(subject_id=found.id, channel=MarketingChannel.MARKET_RESEARCH)
        )
        after = subject_record(session, found.id)
        assert [i["address"] for i in after["ip_addresses"]] == [
            *(i["address"] for i in before["ip_addresses"]),
            "192.0.2.7",
        ]
        assert [p["channel"] for p in after["marketing_prohibitions"]] == [
            *(p["channel"] for p in before["marketing_prohibitions"]),
            "market_research",
        ]
        session.rollback()
