"""Adversarial tests: an outsider who can mail the privacy address, and an insider with a customer
account, try to get someone else's data out of mailbot or make it act on a forged request.

Every test states the safe behaviour. Where it does not hold today the test is marked
``xfail(strict=True, reason="SECURITY: ...")``: the suite stays green, and the day the hole is
closed the strict xfail fails and asks for the marker to go.

Letters go through the real pipeline (`process_message`, `run_once`) against a small register
written here; replies are read from the outbox as their recipients would get them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from identity_mail import (
    TestKey,
    custom_sign,
    dkimpy_sign,
    key_line,
    message,
    prepend,
    rsa_key,
    write_keys_file,
)
from sqlmodel import select

from mailbot import queue
from mailbot.db import migrate, session_scope
from mailbot.identity import IdentitySettings, verify_identity
from mailbot.mailbox import RawMessage
from mailbot.models import (
    Case,
    CaseStatus,
    ConfirmationToken,
    Consent,
    MarketingProhibition,
    MessageOutcome,
    OutboxMessage,
    ProcessedMessage,
)
from mailbot.pipeline import deliver, process_message, run_once
from mailbot.register import (
    RegisterFile,
    SubjectIn,
    find_subject,
    import_register,
    subject_record,
)
from mailbot.settings import Settings

CONTROLLER = "tietosuoja@pankki.fi"
VICTIM = "olli@asiakas.fi"
ATTACKER = "mallory@hyokkaaja.fi"  # the attacker's own domain, with its own valid DKIM key
INSIDER = "ilkka@yritys.fi"  # a real customer, signing with their own domain's key
# What only the victim's record holds: none of it may reach anyone but the victim.
SECRETS = ("Ostaja", "040 123 0001", "Salaisentie 7", "ORD-SECRET-1")
# A letter asking for everything at once: data out, consents and marketing ended.
GREEDY_SUBJECT = "Data protection request"
GREEDY_BODY = (
    "Hello,\n\nplease send me a copy of all my personal data. I withdraw my consent for the "
    "newsletter and I prohibit all direct marketing to me.\n\nOlli\n"
)


def _bank_register() -> RegisterFile:
    return RegisterFile(
        subjects=[
            SubjectIn(
                ref="R-1", first_name="Olli", last_name="Ostaja", emails=[VICTIM],
                phone="040 123 0001", postal_address="Salaisentie 7, 00100 Helsinki",
                orders=[{"ref": "ORD-SECRET-1", "description": "gold card"}],  # type: ignore[list-item]
                consents=[{"purpose": "newsletter"}],  # type: ignore[list-item]
                relationship_start="2020-01-01",  # type: ignore[arg-type]
            ),
            SubjectIn(
                ref="R-2", first_name="Ilkka", last_name="{{ 7*7 }}{% raw %}", emails=[INSIDER],
                organisation="Yritys \u202eOy", relationship_start="2020-01-01",  # type: ignore[arg-type]
            ),
        ]
    )  # fmt: skip


def _child_register() -> RegisterFile:
    return RegisterFile(
        subjects=[
            SubjectIn(ref="CW-2", first_name="Hanna", last_name="Huoltaja", emails=["hanna@koti.fi"]),
            SubjectIn(
                ref="CW-1", first_name="Veeti", last_name="Huoltaja", emails=["veeti@koti.fi"],
                birth_date="2017-05-05", guardians=["CW-2"],  # type: ignore[arg-type]
                service_contacts=[{"service": "school", "organisation": "Puiston koulu"}],  # type: ignore[list-item]
                consents=[{"purpose": "health data for counselling", "data": [  # type: ignore[list-item]
                    {"category": "health", "label": "asthma", "value": "needs inhaler"}]}],
            ),
            SubjectIn(ref="CW-4", first_name="Pekka", last_name="Paha", emails=["pekka@koti.fi"]),
            SubjectIn(
                ref="CW-5", first_name="Ville", last_name="Paha", emails=["ville@koti.fi"],
                birth_date="2016-01-01", guardians=["CW-4"],  # type: ignore[arg-type]
            ),
            SubjectIn(ref="CW-3", first_name="Aatu", last_name="Aikuinen", emails=["aatu@koti.fi"]),
        ]
    )  # fmt: skip


CHILD_SECRETS = ("asthma", "needs inhaler", "Puiston koulu", "2017-05-05")


@dataclass
class Lab:
    """One controller's mailbot, the keys of every domain in play, and a letter counter."""

    settings: Settings
    keys: dict[str, TestKey]
    n: int = 0
    sent: list[str] = field(default_factory=list)

    def raw(
        self,
        sender: str,
        subject: str = GREEDY_SUBJECT,
        body: str = GREEDY_BODY,
        *,
        sign: str | None = "own",
        headers: tuple[str, ...] = (),
        message_id: str | None = None,
    ) -> bytes:
        """A letter From `sender`; signed by `sign`'s key ("own": the From domain; None: unsigned)."""
        self.n += 1
        domain = sender.rpartition("@")[2].rstrip(">")
        data = message(
            from_=sender, to=CONTROLLER, subject=subject, body=body, headers=headers,
            message_id=message_id or f"<sec{self.n}.{time.monotonic_ns()}@{domain}>",
        )  # fmt: skip
        signer = domain if sign == "own" else sign
        if signer is None:
            return data
        return dkimpy_sign(data, key=self.keys[signer], domain=signer)

    def push(self, data: bytes) -> Any:
        self.n += 1
        return process_message(self.settings, RawMessage(key=f"sec:{self.n}", data=data, ref="1"))

    def send(
        self, sender: str, subject: str = GREEDY_SUBJECT, body: str = GREEDY_BODY, **kw: Any
    ) -> Any:
        return self.push(self.raw(sender, subject, body, **kw))

    def outbox(self) -> list[OutboxMessage]:
        with session_scope(self.settings.database_url) as session:
            rows = session.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all()  # type: ignore[arg-type]
            session.expunge_all()
            return list(rows)

    def mails(self, to: str | None = None) -> list[EmailMessage]:
        out = [message_from_bytes(r.raw, policy=default) for r in self.outbox()]
        return [m for m in out if to is None or m["To"] == to]  # type: ignore[misc]

    def kinds(self, to: str | None = None) -> list[str]:
        return [r.kind for r in self.outbox() if to is None or r.to_address == to]

    def leaked(self, secrets: tuple[str, ...], *, owner: str) -> list[str]:
        """Every (recipient, secret) where a secret reached someone other than its owner."""
        found = []
        for row in self.outbox():
            if row.to_address == owner:
                continue
            text = _all_text(message_from_bytes(row.raw, policy=default))
            found += [f"{row.to_address}: {s}" for s in secrets if s in text]
        return found

    def record(self, address: str) -> dict[str, Any]:
        with session_scope(self.settings.database_url) as session:
            found = find_subject(session, address)
            assert found is not None and found.id is not None
            return subject_record(session, found.id)

    def case(self, ref: str) -> Case:
        with session_scope(self.settings.database_url) as session:
            found = queue.get_case(session, ref)
            session.expunge(found)
            return found

    def active_consents(self) -> int:
        with session_scope(self.settings.database_url) as session:
            rows = session.exec(select(Consent).where(Consent.withdrawn_at.is_(None))).all()  # type: ignore[union-attr]
            return len(rows)

    def prohibitions(self) -> int:
        with session_scope(self.settings.database_url) as session:
            return len(session.exec(select(MarketingProhibition)).all())


def _all_text(msg: EmailMessage) -> str:
    """Headers and every text part and attachment, decoded: all a recipient can read."""
    parts = [str(v) for v in msg.values()]
    for part in msg.walk():
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True) or b""
        parts.append(payload.decode("utf-8", "replace"))
    return "\n".join(parts)


DOMAINS = ("asiakas.fi", "hyokkaaja.fi", "yritys.fi", "koti.fi", "asiakas.fi.hyokkaaja.fi")


@pytest.fixture(scope="module")
def domain_keys() -> dict[str, TestKey]:
    # one key per party: the victim's domain key is never used for an attacker's letter
    return {d: rsa_key(2048, name=d) for d in DOMAINS} | {"fi": rsa_key(2048, name="fi")}


def _lab(
    tmp_path: Path, db_url: str, keys: dict[str, TestKey], register: RegisterFile, profile: str,
    **settings: Any,
) -> Lab:  # fmt: skip
    keys_file = write_keys_file(
        tmp_path / "keys.txt", [key_line("sel", d, k) for d, k in keys.items()]
    )
    migrate(db_url)
    with session_scope(db_url) as session:
        import_register(session, register, source="security-test")
    return Lab(
        Settings(
            database_url=db_url, controller_address=CONTROLLER, dkim_keys_file=keys_file, dns=False,
            profile=profile, suppression_key="security-test", **settings,
        ),
        keys,
    )  # fmt: skip


@pytest.fixture
def bank(tmp_path: Path, db_url: str, domain_keys: dict[str, TestKey]) -> Lab:
    return _lab(tmp_path, db_url, domain_keys, _bank_register(), "b2b-customer")


@pytest.fixture
def bank_sqlite(tmp_path: Path, domain_keys: dict[str, TestKey]) -> Lab:
    """For attacks whose outcome does not depend on the database: SQLite only, to stay quick."""
    url = f"sqlite:///{tmp_path / 'mailbot.db'}"
    return _lab(tmp_path, url, domain_keys, _bank_register(), "b2b-customer")


@pytest.fixture
def welfare(tmp_path: Path, db_url: str, domain_keys: dict[str, TestKey]) -> Lab:
    return _lab(tmp_path, db_url, domain_keys, _child_register(), "child-welfare")


def _nothing_happened_to_victim(lab: Lab) -> None:
    assert lab.leaked(SECRETS, owner=VICTIM) == []
    assert "access_done" not in lab.kinds() and "portability_done" not in lab.kinds()
    assert lab.active_consents() == 1  # the newsletter consent stands
    assert lab.prohibitions() == 0


# --------------------------------------------------------------------------- positive control


def test_control_the_victim_proven_by_dkim_gets_their_data_and_the_rights_run(bank: Lab) -> None:
    """Without this, every "nothing happened" below could pass on a mailbot that does nothing."""
    outcome = bank.send(VICTIM)
    assert outcome.outcome is MessageOutcome.CASE
    assert "access_done" in bank.kinds(VICTIM)
    [access] = [m for m in bank.mails(VICTIM) if "ORD-SECRET-1" in _all_text(m)]
    assert "040 123 0001" in _all_text(access)
    assert bank.active_consents() == 0 and bank.prohibitions() > 0


# --------------------------------------------------------------------------- forged senders

# Each: (what the attacker writes, extra headers, whose key signs). The attacker holds only
# hyokkaaja.fi's key (and a look-alike domain's); none of these may reach Olli's data or act on it.
FORGERIES = {
    "unsigned From": (VICTIM, (), None),
    "signed by the attacker's domain": (VICTIM, (), "hyokkaaja.fi"),
    "signed by a look-alike domain ending in the victim's": (VICTIM, (), "asiakas.fi.hyokkaaja.fi"),
    "signed by the public suffix fi": (VICTIM, (), "fi"),
    "Reply-To the attacker": (VICTIM, (f"Reply-To: {ATTACKER}",), None),
    "Sender the attacker": (VICTIM, (f"Sender: {ATTACKER}",), None),
    "Return-Path the attacker": (VICTIM, (f"Return-Path: <{ATTACKER}>",), None),
    "victim's address as display name": (f'"{VICTIM}" <{ATTACKER}>', (), "hyokkaaja.fi"),
    "victim's address in a comment": (f"{ATTACKER} ({VICTIM})", (), "hyokkaaja.fi"),
    "encoded word as display name": (f"=?utf-8?q?olli=40asiakas=2Efi?= <{ATTACKER}>", (), "hyokkaaja.fi"),
    "encoded word inside the addr-spec": ("=?utf-8?q?olli?=@asiakas.fi", (), None),
    "group holding the victim": (f"Olli: {VICTIM};", (), None),
    "two addresses in From": (f"{VICTIM}, {ATTACKER}", (), "hyokkaaja.fi"),
    "second From hidden in a folded line": (f"{ATTACKER}\r\n From: {VICTIM}", (), "hyokkaaja.fi"),
    "second From header": (ATTACKER, (f"From: {VICTIM}",), "hyokkaaja.fi"),
    "Cyrillic homograph of the domain": ("olli@\u0430siakas.fi", (), None),
    "subaddress of the victim": ("olli+x@asiakas.fi", (), None),
    "victim's address in other case": ("Olli@asiakas.fi", (), None),
    "bidi override in the display name": (f'"\u202eif.saikaiso@illo" <{ATTACKER}>', (), "hyokkaaja.fi"),
}  # fmt: skip


@pytest.mark.parametrize("name", list(FORGERIES))
def test_forged_sender_gets_no_data_and_changes_nothing(bank_sqlite: Lab, name: str) -> None:
    sender, headers, signer = FORGERIES[name]
    outcome = bank_sqlite.send(sender, headers=headers, sign=signer)
    assert outcome.mark_done  # decided: never left to be re-read
    _nothing_happened_to_victim(bank_sqlite)
    # at most the confirmation goes to the victim's own address, which is harmless
    assert set(bank_sqlite.kinds(VICTIM)) <= {"confirm_identity"}
    for mail in bank_sqlite.mails():
        # no third party dragged in: only the victim, the staff, or the address written in From
        assert mail["To"] in (VICTIM, CONTROLLER) or str(mail["To"]) in sender, mail["To"]


def test_forged_letter_from_the_victim_only_asks_the_victim_to_confirm(bank: Lab) -> None:
    outcome = bank.send(VICTIM, sign=None)
    assert outcome.status == CaseStatus.AWAITING_CONFIRMATION.value
    [mail] = bank.mails(VICTIM)
    text = _all_text(mail)
    assert "Confirmation code" in text and "ORD-SECRET-1" not in text
    _nothing_happened_to_victim(bank)


def test_valid_victim_signature_that_does_not_cover_from_proves_nothing(bank_sqlite: Lab) -> None:
    data = message(from_=VICTIM, to=CONTROLLER, subject=GREEDY_SUBJECT, body=GREEDY_BODY)
    signed = custom_sign(
        data, key=bank_sqlite.keys["asiakas.fi"], domain="asiakas.fi", headers=("to", "subject")
    )
    bank_sqlite.push(signed)
    _nothing_happened_to_victim(bank_sqlite)


def test_body_appended_beyond_the_l_tag_proves_nothing(bank_sqlite: Lab) -> None:
    """Olli once signed a harmless letter with l=; the attacker appends the demands after it."""
    harmless = "Hello,\n\nsee you at the meeting on Friday.\n"
    data = message(from_=VICTIM, to=CONTROLLER, subject=GREEDY_SUBJECT, body=harmless)
    signed = custom_sign(
        data, key=bank_sqlite.keys["asiakas.fi"], domain="asiakas.fi", length=len(harmless) + 2
    )
    tampered = signed.rstrip(b"\r\n") + b"\r\n" + GREEDY_BODY.replace("\n", "\r\n").encode()
    bank_sqlite.push(tampered)
    _nothing_happened_to_victim(bank_sqlite)


def test_expired_signature_proves_nothing(bank_sqlite: Lab) -> None:
    data = message(from_=VICTIM, to=CONTROLLER, subject=GREEDY_SUBJECT, body=GREEDY_BODY)
    signed = custom_sign(
        data, key=bank_sqlite.keys["asiakas.fi"], domain="asiakas.fi",
        timestamp=int(time.time()) - 90_000, expires=int(time.time()) - 3_600,
    )  # fmt: skip
    bank_sqlite.push(signed)
    _nothing_happened_to_victim(bank_sqlite)


def test_authentication_results_written_by_the_sender_prove_nothing(
    tmp_path: Path, domain_keys: dict[str, TestKey]
) -> None:
    url = f"sqlite:///{tmp_path / 'mailbot.db'}"
    lab = _lab(
        tmp_path, url, domain_keys, _bank_register(), "b2b-customer", authserv_id="mx.pankki.fi"
    )
    forged = prepend(
        lab.raw(VICTIM, sign=None),
        "Received: from mx.hyokkaaja.fi by relay.hyokkaaja.fi; Tue, 05 Mar 2024 09:15:01 +0200",
    )
    # the claim sits below a Received header: it was in the message before our server got it
    forged = forged.replace(
        b"From: ",
        b"Authentication-Results: mx.pankki.fi; dkim=pass header.d=asiakas.fi\r\nFrom: ",
        1,
    )
    lab.push(forged)
    _nothing_happened_to_victim(lab)


def test_multi_tenant_domains_do_not_align_with_each_other(tmp_path: Path) -> None:
    """blogspot.com is a public suffix (PSL private section): one tenant never proves another."""
    key = rsa_key(2048, name="tenant")
    keys = write_keys_file(tmp_path / "k.txt", [key_line("sel", "mallory.blogspot.com", key)])
    data = message(from_="olli@olli.blogspot.com", subject=GREEDY_SUBJECT, body=GREEDY_BODY)
    signed = dkimpy_sign(data, key=key, domain="mallory.blogspot.com")
    verdict = verify_identity(
        signed, lookup=lambda _a: 1, settings=IdentitySettings(keys_file=keys, use_dns=False)
    )
    assert verdict.verdict == "unverified" and not verdict.aligned


# --------------------------------------------------------------------------- headers the signature does not hold


def _victims_harmless_signed_letter(lab: Lab) -> bytes:
    """A letter Olli really wrote and signed (to a colleague, say), which the attacker got a copy of.
    Signed the way most senders sign: each listed header once, nothing over-signed."""
    data = message(
        from_=f"Olli Ostaja <{VICTIM}>", to="kaveri@hyokkaaja.fi", subject="Friday",
        body="Hello,\n\nsee you at the meeting on Friday.\n\nOlli\n", message_id="<friday@asiakas.fi>",
    )  # fmt: skip
    return custom_sign(data, key=lab.keys["asiakas.fi"], domain="asiakas.fi")


def test_control_a_replayed_harmless_letter_is_verified_but_asks_for_nothing(
    bank_sqlite: Lab,
) -> None:
    outcome = bank_sqlite.push(_victims_harmless_signed_letter(bank_sqlite))
    assert outcome.status == CaseStatus.TRIAGE.value  # nothing to act on
    _nothing_happened_to_victim(bank_sqlite)


def test_subject_added_above_the_signature_is_not_acted_on_as_verified(bank_sqlite: Lab) -> None:
    """DKIM verifiers take the bottom-most Subject (the signed one); Python's email package
    returns the top-most. The attacker's Subject is classified under Olli's valid signature."""
    forged = prepend(
        _victims_harmless_signed_letter(bank_sqlite),
        "Subject: Send me a copy of all my personal data, I prohibit direct marketing",
    )
    bank_sqlite.push(forged)
    assert bank_sqlite.prohibitions() == 0  # marketing opt-out runs at once for the verified
    assert "access_done" not in bank_sqlite.kinds()
    assert bank_sqlite.active_consents() == 1


def test_message_id_added_above_the_signature_does_not_make_a_replay_new(bank_sqlite: Lab) -> None:
    """Olli's genuine request, replayed with a fresh Message-ID on top, is no second request."""
    genuine = bank_sqlite.raw(VICTIM, message_id="<once@asiakas.fi>")
    bank_sqlite.push(genuine)
    bank_sqlite.push(prepend(genuine, "Message-ID: <twice@asiakas.fi>"))
    assert bank_sqlite.kinds(VICTIM).count("access_done") == 1


# --------------------------------------------------------------------------- confirmation codes


def _code_mailed_to_victim(lab: Lab) -> tuple[str, str]:
    """An unsigned request in Olli's name: (case ref, the code mailed to Olli)."""
    import re

    outcome = lab.send(VICTIM, sign=None)
    [mail] = lab.mails(VICTIM)
    found = re.search(r"MB-[A-Z2-7]{6}-[A-Z2-7]{6}", _all_text(mail))
    assert found is not None
    return outcome.case_ref, found.group(0)


def test_control_the_victim_answering_the_code_gets_the_request_done(bank: Lab) -> None:
    ref, code = _code_mailed_to_victim(bank)
    bank.send(
        VICTIM, "Re: Please confirm", f"Yes it was me.\nConfirmation code: {code}\n", sign=None
    )
    assert "access_done" in bank.kinds(VICTIM)
    assert bank.case(ref).status is not CaseStatus.AWAITING_CONFIRMATION


def test_code_used_from_another_address_does_nothing(bank: Lab) -> None:
    ref, code = _code_mailed_to_victim(bank)
    bank.send(ATTACKER, "Re: Please confirm", f"Confirmation code: {code}")  # validly signed
    assert bank.case(ref).status is CaseStatus.AWAITING_CONFIRMATION
    _nothing_happened_to_victim(bank)


def test_guessed_code_does_nothing(bank: Lab) -> None:
    ref, code = _code_mailed_to_victim(bank)
    guess = code[:-1] + ("A" if code[-1] != "A" else "B")
    bank.send(VICTIM, "Re: Please confirm", f"Confirmation code: {guess}", sign=None)
    assert bank.case(ref).status is CaseStatus.AWAITING_CONFIRMATION
    _nothing_happened_to_victim(bank)


def test_expired_code_does_nothing(bank: Lab) -> None:
    ref, code = _code_mailed_to_victim(bank)
    with session_scope(bank.settings.database_url) as session:
        for row in session.exec(select(ConfirmationToken)).all():
            row.expires_at = row.expires_at - timedelta(days=15)
            session.add(row)
    bank.send(VICTIM, "Re: Please confirm", f"Confirmation code: {code}", sign=None)
    assert bank.case(ref).status is CaseStatus.AWAITING_CONFIRMATION
    _nothing_happened_to_victim(bank)


def test_code_works_once_only(bank: Lab) -> None:
    _ref, code = _code_mailed_to_victim(bank)
    bank.send(VICTIM, "Re: Please confirm", f"Confirmation code: {code}", sign=None)
    before = bank.kinds().count("access_done")
    bank.send(VICTIM, "Re: Please confirm", f"Again. Confirmation code: {code}", sign=None)
    assert before == 1 and bank.kinds().count("access_done") == 1


def test_codes_are_stored_hashed_not_readable_from_the_database(bank_sqlite: Lab) -> None:
    _ref, code = _code_mailed_to_victim(bank_sqlite)
    with session_scope(bank_sqlite.settings.database_url) as session:
        [row] = session.exec(select(ConfirmationToken)).all()
        assert code not in row.token_hash


# --------------------------------------------------------------------------- the guardian rule


def test_control_the_recorded_guardian_gets_the_childs_data(welfare: Lab) -> None:
    welfare.send(
        "hanna@koti.fi", "Tietopyyntö", "Hei, pyydän kopion kaikista Veetin tiedoista.\nHanna"
    )
    assert any("asthma" in _all_text(m) for m in welfare.mails("hanna@koti.fi"))


@pytest.mark.parametrize(
    "writer", ["aatu@koti.fi", "pekka@koti.fi"], ids=["not a guardian", "guardian of another child"]
)
def test_no_one_but_the_recorded_guardian_gets_a_childs_data(welfare: Lab, writer: str) -> None:
    for body in (
        "Hei, pyydän kopion kaikista Veetin tiedoista.",
        "Send me all data on CW-1 please.",
    ):
        welfare.send(writer, "Tietopyyntö", body)
    assert welfare.leaked(CHILD_SECRETS, owner="hanna@koti.fi") == []


def test_a_child_writing_for_a_parent_gets_nothing_without_the_guardian(welfare: Lab) -> None:
    outcome = welfare.send(
        "veeti@koti.fi",
        "My data",
        "Please send me a copy of all my personal data. My mother Hanna asks for it.",
    )
    assert outcome.status == CaseStatus.TRIAGE.value
    assert welfare.leaked(CHILD_SECRETS, owner="hanna@koti.fi") == []


# --------------------------------------------------------------------------- destructive actions


def test_verified_erasure_waits_for_a_person(bank: Lab) -> None:
    outcome = bank.send(VICTIM, "Erasure", "Please erase all my personal data.")
    assert outcome.status == CaseStatus.AWAITING_APPROVAL.value
    assert bank.record(VICTIM)["phone"] == "040 123 0001"


def _email_change(lab: Lab) -> str:
    outcome = lab.send(
        INSIDER, "Correction",
        "Please correct my email address, the right one is ilkka@hyokkaaja.fi because my old "
        "address is no longer in use.",
    )  # fmt: skip
    assert outcome.status == CaseStatus.AWAITING_APPROVAL.value
    return str(outcome.case_ref)


def test_approved_email_change_does_exactly_what_staff_were_shown(bank: Lab) -> None:
    ref = _email_change(bank)
    with session_scope(bank.settings.database_url) as session:
        [pending] = [p for i in queue.list_queue(session) if i.case_ref == ref for p in i.pending]
    [change] = pending["proposal"]["changes"]
    assert change == {"field": "email", "before": INSIDER, "after": "ilkka@hyokkaaja.fi"}
    queue.approve(bank.settings, ref, actor="anna.staff")
    assert bank.record("ilkka@hyokkaaja.fi")["emails"] == [change["after"]]


def test_email_change_to_another_subjects_address_never_moves_it(bank: Lab) -> None:
    outcome = bank.send(
        INSIDER, "Correction",
        f"Please correct my email address, the right one is {VICTIM} because my old address "
        "is no longer in use.",
    )  # fmt: skip
    if outcome.status == CaseStatus.AWAITING_APPROVAL.value:
        queue.approve(bank.settings, outcome.case_ref, actor="anna.staff")
    assert bank.record(VICTIM)["first_name"] == "Olli"
    assert VICTIM not in bank.record(INSIDER)["emails"]
    bank.send(VICTIM, sign=None)  # still only a confirmation, to Olli
    assert bank.leaked(SECRETS, owner=VICTIM) == []


def test_staff_confirming_an_unknown_writer_answers_the_register_address(bank: Lab) -> None:
    """ "I am Olli, writing from my new address": staff confirm the case as R-1; the data still
    goes only to the address in the register."""
    outcome = bank.send(ATTACKER, body="I am Olli Ostaja (R-1), new address. " + GREEDY_BODY)
    assert outcome.status == CaseStatus.TRIAGE.value
    queue.confirm_identity(bank.settings, outcome.case_ref, actor="anna.staff", subject_ref="R-1")
    assert bank.leaked(SECRETS, owner=VICTIM) == []
    assert "access_done" in bank.kinds(VICTIM)  # answered, at the address on record


# --------------------------------------------------------------------------- reply injection


def test_crlf_in_an_encoded_subject_adds_no_header_to_replies(bank_sqlite: Lab) -> None:
    bank_sqlite.send(
        INSIDER,
        "=?utf-8?q?Data_request=0D=0ABcc:_mallory@hyokkaaja.fi=0D=0AX-Evil:_1?=",
        "Please send me a copy of all my personal data.",
    )
    mails = bank_sqlite.mails()
    assert mails
    for mail in mails:
        assert mail["Bcc"] is None and mail["X-Evil"] is None and mail["Cc"] is None
        assert all("\n" not in str(v) and "\r" not in str(v) for v in mail.values())
        assert mail["To"] in (INSIDER, CONTROLLER)


def test_template_syntax_in_a_letter_or_in_register_data_is_shown_not_run(bank_sqlite: Lab) -> None:
    bank_sqlite.send(
        INSIDER,
        "{{ 'inj' ~ 'ected' }} {{ config }}",
        "Please send me a copy of all my personal data. "
        "{% for x in range(99999999) %}{{ 'inj' ~ 'ected' }}{% endfor %}",
    )
    [access] = [m for m in bank_sqlite.mails(INSIDER) if "Yritys" in _all_text(m)]
    text = "\n".join(_all_text(m) for m in bank_sqlite.mails())
    assert "{{ 7*7 }}{% raw %}" in _all_text(access)  # the insider's own last name, verbatim
    assert "injected" not in text  # the letter's expressions were never evaluated


def test_a_huge_subject_is_decided_and_leaves_replies_bounded(bank_sqlite: Lab) -> None:
    huge = " ".join(["access to my personal data"] * 4000)  # ~100 KB, folded by nobody
    outcome = bank_sqlite.send(INSIDER, huge, "Please send me a copy of all my personal data.")
    assert outcome.mark_done
    for row in bank_sqlite.outbox():
        headers = row.raw.split(b"\r\n\r\n", 1)[0]
        assert max(len(line) for line in headers.split(b"\r\n")) <= 998  # RFC 5322 line limit


# --------------------------------------------------------------------------- loops and the mail cannon


def test_our_own_reply_coming_back_is_never_answered(bank_sqlite: Lab) -> None:
    bank_sqlite.send(VICTIM, sign=None)
    [ours] = bank_sqlite.outbox()
    before = len(bank_sqlite.outbox())
    assert bank_sqlite.push(ours.raw).outcome is MessageOutcome.IGNORED
    # a forwarder that strips our case header: still our own From
    stripped = b"\r\n".join(
        line for line in ours.raw.split(b"\r\n") if not line.startswith(b"X-Mailbot-Case")
    )
    assert bank_sqlite.push(stripped).outcome is MessageOutcome.IGNORED
    assert len(bank_sqlite.outbox()) == before


def test_an_autoresponder_without_standard_headers_gets_a_bounded_number_of_replies(
    bank_sqlite: Lab,
) -> None:
    """A naive autoresponder answers everything, without Auto-Submitted: the loop must stop."""
    bot = "vastaaja@hyokkaaja.fi"
    for _ in range(12):
        bank_sqlite.send(bot, "Re: About your data protection request", "Thank you for your mail!")
    cap = bank_sqlite.settings.replies_per_address_per_hour
    assert 1 <= len(bank_sqlite.kinds(bot)) <= cap


def test_an_auto_reply_by_its_subject_alone_is_never_answered(bank_sqlite: Lab) -> None:
    outcome = bank_sqlite.send(ATTACKER, "Automatic reply: Data protection request", "I am away.")
    assert outcome.outcome is MessageOutcome.AUTOMATED
    assert bank_sqlite.outbox() == []


def test_unknown_sender_reply_to_a_forged_address_carries_nothing_of_the_attackers(
    bank_sqlite: Lab,
) -> None:
    """Anyone can make mailbot write to a victim address; the letter must not carry their words."""
    bait = "WIN A PRIZE at http://hyokkaaja.fi/prize"
    bank_sqlite.send("victim@elsewhere.example", bait, bait, sign=None)
    [mail] = bank_sqlite.mails("victim@elsewhere.example")
    assert "hyokkaaja" not in _all_text(mail) and "PRIZE" not in _all_text(mail)


def test_forged_letters_cannot_suppress_the_answer_to_a_genuine_request(bank: Lab) -> None:
    for _ in range(bank.settings.replies_per_address_per_hour):
        bank.send(VICTIM, "Please erase me", "Please erase all my data.", sign=None)
    outcome = bank.send(VICTIM)  # Olli's own, validly signed request
    answered = "access_done" in bank.kinds(VICTIM)
    assert answered or bank.case(outcome.case_ref).status in (
        CaseStatus.TRIAGE,
        CaseStatus.AWAITING_APPROVAL,
    )


def test_backscatter_cannot_starve_the_answers_to_verified_subjects(
    tmp_path: Path, domain_keys: dict[str, TestKey]
) -> None:
    url = f"sqlite:///{tmp_path / 'mailbot.db'}"
    lab = _lab(
        tmp_path, url, domain_keys, _bank_register(), "b2b-customer", replies_per_hour=3,
        smtp_url=f"maildir://{tmp_path / 'sent'}", staff_address="staff@pankki.fi",
    )  # fmt: skip
    for number in range(4):  # unsigned letters in the names of strangers
        lab.send(f"stranger{number}@elsewhere.example", sign=None)
    lab.send(VICTIM)
    deliver(lab.settings)
    sent = {r.kind for r in lab.outbox() if r.status.value == "sent"}
    assert "access_done" in sent


def test_a_forged_letter_cannot_pre_empt_a_genuine_one_by_its_message_id(bank: Lab) -> None:
    bank.send(VICTIM, "Hello", "Just a question.", sign=None, message_id="<predictable@asiakas.fi>")
    outcome = bank.send(VICTIM, message_id="<predictable@asiakas.fi>")
    assert outcome.outcome is MessageOutcome.CASE
    assert "access_done" in bank.kinds(VICTIM)


def test_a_flood_of_strangers_letters_sends_staff_a_bounded_number_of_notices(
    tmp_path: Path, domain_keys: dict[str, TestKey]
) -> None:
    url = f"sqlite:///{tmp_path / 'mailbot.db'}"
    lab = _lab(
        tmp_path,
        url,
        domain_keys,
        _bank_register(),
        "b2b-customer",
        staff_address="staff@pankki.fi",
    )
    for number in range(12):
        lab.send(f"stranger{number}@elsewhere.example", sign=None)
    assert len(lab.kinds("staff@pankki.fi")) <= lab.settings.replies_per_address_per_hour


# --------------------------------------------------------------------------- denial of service


@dataclass
class ListMailbox:
    """A mailbox of given messages that records which were marked done."""

    messages: list[RawMessage]
    name: str = "list"
    done: dict[str, bool] = field(default_factory=dict)

    def fetch_new(self) -> Iterator[RawMessage]:
        yield from (m for m in self.messages if m.key not in self.done)

    def mark_done(self, message: RawMessage, *, quarantine: bool = False) -> None:
        self.done[message.key] = quarantine

    def mark_done_many(self, items: list[tuple[RawMessage, bool]]) -> list[str]:
        for raw, quarantine in items:
            self.mark_done(raw, quarantine=quarantine)
        return [m.key for m, _q in items]


def _hostile(lab: Lab) -> dict[str, bytes]:
    good = lab.raw(INSIDER)
    head, _, body = good.partition(b"\r\n\r\n")
    return {
        "empty": b"",
        "binary garbage": bytes(range(256)) * 40,
        "no header section": b"\r\n\r\njust a body\r\n",
        "NUL in a header": good.replace(b"Subject: ", b"Subject: \x00", 1),
        "bare CR in From": good.replace(b"From: ", b"From: x\rFrom: ", 1),
        "no From": b"\r\n".join(line for line in head.split(b"\r\n") if not line.startswith(b"From:")) + b"\r\n\r\n" + body,
        "From not UTF-8": good.replace(b"From: ", b"From: \xff\xfe ", 1),
        "garbage DKIM-Signature": b"DKIM-Signature: v=1; a=rsa-sha256; d=; b=;;;===\r\n" + good,
        "DKIM-Signature with a huge l=": custom_sign(
            lab.raw(INSIDER, sign=None), key=lab.keys["yritys.fi"], domain="yritys.fi", length=10**30
        ),
        "deep nesting": head.replace(b"text/plain; charset=utf-8", b'multipart/mixed; boundary="b"')
        + b"\r\n\r\n"
        + b"".join(b'--b\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n' for _ in range(3000)),
        "thousands of parts": head.replace(b"text/plain; charset=utf-8", b'multipart/mixed; boundary="b"')
        + b"\r\n\r\n"
        + b"--b\r\nContent-Type: text/plain\r\n\r\nx\r\n" * 5000
        + b"--b--\r\n",
        "header block of 2 MB": good.replace(b"Subject: ", b"X-Pad: " + b"a" * 2_000_000 + b"\r\nSubject: ", 1),
    }  # fmt: skip


def test_hostile_messages_are_each_decided_and_never_block_the_next(
    bank_sqlite: Lab, tmp_path: Path
) -> None:
    settings = bank_sqlite.settings.model_copy(update={"smtp_url": f"maildir://{tmp_path / 'out'}"})
    hostile = _hostile(bank_sqlite)
    messages = [
        RawMessage(key=f"h:{n}", data=d, ref=str(n)) for n, d in enumerate(hostile.values())
    ]
    messages.append(RawMessage(key="h:good", data=bank_sqlite.raw(INSIDER), ref="good"))
    box = ListMailbox(messages)
    report = run_once(settings, box)
    stuck = [name for name, m in zip(hostile, messages, strict=False) if m.key not in box.done]
    assert stuck == []  # every message decided: none is re-read forever
    assert box.done["h:good"] is False  # and the letter after them was processed normally
    assert "access_done" in bank_sqlite.kinds(INSIDER)
    assert not report.errors
    # a second run reads nothing again
    assert run_once(settings, box).outcomes == []


def test_a_quarantined_message_is_kept_for_a_person(bank_sqlite: Lab) -> None:
    outcome = bank_sqlite.push(_hostile(bank_sqlite)["bare CR in From"])
    assert outcome.quarantine
    with session_scope(bank_sqlite.settings.database_url) as session:
        row = session.exec(
            select(ProcessedMessage).where(ProcessedMessage.source_key == outcome.key)
        ).one()
        assert row.raw and row.error
    assert bank_sqlite.outbox() == []


def test_a_forged_request_does_not_turn_the_genuine_one_into_a_repeat(bank: Lab) -> None:
    bank.send(VICTIM, sign=None)  # the same rights, unproven: waits for Olli's confirmation
    outcome = bank.send(VICTIM)
    assert "repeat" not in outcome.replies and "access_done" in bank.kinds(VICTIM)
