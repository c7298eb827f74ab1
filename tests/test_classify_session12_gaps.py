"""The gaps found in the twelfth session (rules/README.md, "Twelfth session"), as short letters
of our own, each with look-alikes that must keep their reading."""

from __future__ import annotations

import pytest
from gap_letters import read as _read


@pytest.mark.parametrize(
    "text",
    [
        "KT-7 · Tietojen vienti ja tilin poisto\n\nHuolellisena käyttäjänä haluan ladata kaikki "
        "tietoni tiedostona tai poistaa tilini yhdellä painalluksella.",
        "Rekisteröityneenä käyttäjänä haluan poistaa profiilini asetussivulta.",
    ],
)
def test_a_finnish_user_story_with_an_essive_phrase_erases_nothing(text: str) -> None:
    got, _, reasons = _read("", text)
    assert "erasure" not in got, (got, reasons)


def test_a_finnish_request_that_opens_with_the_writers_role_still_erases() -> None:
    got, _, reasons = _read(
        "Tilin poisto", "Pitkäaikaisena käyttäjänä haluan, että poistatte tilini ja tietoni."
    )
    assert got[:1] == ["erasure"], (got, reasons)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Daten",
            "Bitte setzen Sie jede Nutzung meiner Daten aus, bis Sie mir sagen, woher Sie sie haben.",
        ),
        (
            "Daten",
            "Ich verlange, die Verarbeitung meiner Daten auszusetzen, bis die Sache geklärt ist.",
        ),
        ("Tietoni", "Keskeyttäkää tietojeni käyttö, kunnes olette vastanneet kysymykseeni."),
        ("Mes données", "Suspendez tout usage de mes données tant que je n'ai pas de réponse."),
        ("données", "svp plus utiliser mes données mais les garder jusqu'a la fin du litige"),
        ("My data", "Please suspend all use of my personal data until you have answered me."),
        ("Mina uppgifter", "Sluta använda mina uppgifter men spara dem tills tvisten är löst."),
        (
            "Daten",
            "Bitte nutzen Sie meine Daten nicht mehr, aber bewahren Sie sie bis zum Urteil auf.",
        ),
    ],
)
def test_use_suspended_or_stopped_while_the_data_is_kept_is_a_restriction(
    subject: str, text: str
) -> None:
    got, _, reasons = _read(subject, text)
    assert got[:1] == ["restriction"], (got, reasons)
    assert "erasure" not in got, (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Ne suspendez surtout pas tout usage de mes données, j'en ai besoin pour mon dossier.",
        "Bitte setzen Sie die Nutzung meiner Daten nicht aus.",
        "Älkää keskeyttäkö tietojeni käsittelyä.",
    ],
)
def test_a_suspension_refused_is_no_restriction(text: str) -> None:
    got, _, reasons = _read("", text)
    assert "restriction" not in got, (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Einer Kontaktaufnahme zu Werbezwecken widerspreche ich hiermit ausdrücklich.",
        "Der Nutzung meiner Adresse für Werbung per Post widerspreche ich.",
    ],
)
def test_advertising_objected_to_in_the_inverted_german_order_is_the_opt_out(text: str) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == ["marketing_optout"], (got, reasons)


def test_advertising_left_aside_before_an_objection_keeps_the_objection() -> None:
    got, _, reasons = _read(
        "",
        "Der Nutzung zu Werbezwecken stimme ich zu, aber der Weitergabe an Dritte widerspreche ich.",
    )
    assert got[:1] == ["objection"], (got, reasons)


def test_a_business_telling_a_sender_to_stop_emailing_opts_out() -> None:
    got, _, reasons = _read("STOP EMAILING US", "Stop emailing us, nobody here signed up for this.")
    assert got[:1] == ["marketing_optout"], (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Please do not stop emailing me the order confirmations.",
        "Why did you stop emailing us the invoices?",
        "Please don't stop emailing me the reminders.",
    ],
)
def test_emails_wanted_or_missed_are_no_opt_out(text: str) -> None:
    got, _, reasons = _read("", text)
    assert "marketing_optout" not in got, (got, reasons)


@pytest.mark.parametrize(
    ("text", "kept_out"),
    [
        # told, asked about, or asked by someone else: no restriction asked (adversarial21)
        ("Your letter says you have suspended all processing of my data. Thanks.", "restriction"),
        ("Did you suspend the use of my data when my contract ended?", "restriction"),
        (
            "My bank has asked you to suspend the processing of my records. Is that lawful?",
            "restriction",
        ),
        (
            "Bitte setzen Sie die Nutzung meiner Daten aus der Bestellung ganz normal fort.",
            "restriction",
        ),
        ("Sie haben die Verarbeitung meiner Daten vorübergehend ausgesetzt. Danke.", "restriction"),
        ("Pourquoi avez-vous suspendu tout usage de mes points fidélité ?", "restriction"),
        ("Keskeytittekö tietojeni käsittelyn viime vuonna? Kysyn vain.", "restriction"),
        ("Olette keskeyttäneet tietojeni käsittelyn, kiitos siitä.", "restriction"),
        ("Ni har slutat använda mina uppgifter men sparar dem i sju år, läste jag.", "restriction"),
        # a business telling of an opt-out, not asking one
        (
            "We never asked you to stop emailing us, please put us back on the list.",
            "marketing_optout",
        ),
        (
            "My colleague told your sales rep to stop emailing us, but that was a mistake.",
            "marketing_optout",
        ),
        # the verb "werben" is no advertising objected to
        (
            "Sie zeigen mein Foto, um für Ihre Kurse zu werben, und dem widerspreche ich.",
            "marketing_optout",
        ),
        # a compound of three, in a complaint: left to a person
        ("Jetzt löschen Sie mein Premium-Plus-Konto einfach, ohne mich zu fragen!", "erasure"),
    ],
)
def test_the_new_readings_keep_off_what_is_told_asked_about_or_refused(
    text: str, kept_out: str
) -> None:
    got, _, reasons = _read("", text)
    assert kept_out not in got, (got, reasons)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Laut Ihrer Antwort nutzen Sie meine Daten nicht mehr, aber speichern sie noch. Bitte löschen Sie alle meine Daten.",
            "erasure",
        ),
        ("Pitkäaikaisena käyttäjänä haluan poistaa tilini ja kaikki tietoni.", "erasure"),
        ("Maksavana käyttäjänä haluan saada kopion kaikista tiedoistani.", "access"),
        ("Använd inte mina uppgifter längre men behåll dem tills ärendet är klart.", "restriction"),
        ("Can you stop emailing us please?", "marketing_optout"),
        ("Can you stop emailing me please?", "marketing_optout"),
    ],
)
def test_the_request_beside_a_new_readings_look_alike_stays_the_main_right(
    text: str, want: str
) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == [want], (got, reasons)


def test_an_erasure_refused_among_a_restrictions_grounds_erases_nothing() -> None:
    got, _, reasons = _read(
        "Einschränkung der Verarbeitung",
        "Hiermit mache ich mein Recht auf Einschränkung der Verarbeitung geltend. Gründe:\n"
        "Sie haben die Löschung der Daten abgelehnt und stattdessen die Einschränkung verlangt.",
    )
    assert got[:1] == ["restriction"] and "erasure" not in got, (got, reasons)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Jag önskar att ni hanterar följande enligt GDPR: radering av personuppgifter.",
            ["erasure"],
        ),
        ("Jag är medveten om att jag när som helst kan återkalla mitt samtycke.", []),
        ("Please make sure my upload is deleted, it had my address in it.", ["erasure"]),
    ],
)
def test_the_smaller_gaps_of_the_twelfth_session(text: str, want: list[str]) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == want, (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        # the second review (adversarial22): what is not the writer's data, a correction, a
        # question, an old request quoted, a refusal told before a renewed request
        "Please make sure this duplicate payment is removed from my next statement.",
        "There is a phishing page using your logo. Please make sure this is removed.",
        "I moved: please make sure my old address is removed and replaced with the new one.",
        "I'd appreciate if you could explain what happens to my order history if you delete my "
        "account for inactivity. I'm not planning to close it.",
        "Jag vill ha en förklaring av följande mening: radering av personuppgifter sker efter "
        "24 månader. Gäller det mig?",
        "Jag vill ha bekräftelse på att ni har utfört följande: radering av personuppgifter.",
    ],
)
def test_the_later_erasure_readings_keep_off_what_the_review_found(text: str) -> None:
    got, _, reasons = _read("", text)
    assert "erasure" not in got, (got, reasons)


def test_an_erasure_asked_again_after_a_refusal_told_still_erases() -> None:
    got, _, reasons = _read(
        "Löschung",
        "Nachdem Sie die Löschung meiner Daten im März abgelehnt haben, verlange ich nun erneut "
        "die vollständige Löschung meines Kundenkontos.",
    )
    assert got[:1] == ["erasure"], (got, reasons)


@pytest.mark.parametrize(
    ("subject", "text", "want"),
    [
        (
            "Remove name",
            "My surname is misspelt on the speakers page, but I'd prefer if my full name wasn't "
            "there at all.",
            ["publication_optout"],
        ),
        ("", "I would rather my photo was not on the site.", ["publication_optout"]),
        ("", "My surname is misspelt, please correct it to Berg.", ["rectification"]),
        ("", "I wouldn't mind if my name was listed with the others.", []),
        ("Remoção", "Remoção de todos os meus dados pessoais", ["erasure"]),
        ("Auskunft", "Welcher Art sind die Daten, die Sie über mich speichern?", ["access"]),
    ],
)
def test_the_gaps_of_the_last_sets(subject: str, text: str, want: list[str]) -> None:
    got, _, reasons = _read(subject, text)
    assert got[:1] == want, (got, reasons)
    if "rectification" not in want:
        assert "rectification" not in got, (got, reasons)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Thank you for the copy of my data you sent last week. Please now delete my old "
            "addresses and the credit check.",
            ["erasure"],
        ),
        (
            "Merci pour votre réponse à ma demande d'accès. Je vous demande maintenant "
            "d'effacer mes anciennes adresses.",
            ["erasure"],
        ),
        (
            "Tack för registerutdraget. Jag begär nu att ni raderar mina gamla adresser.",
            ["erasure"],
        ),
        # thanked in advance, or thanked but not done: the access is still asked
        ("Thank you in advance for the copy of my personal data.", ["access"]),
        ("Merci d'avance pour la copie de mes données.", ["access"]),
        ("Thanks for your reply. Please send me a copy of all my data.", ["access"]),
    ],
)
def test_an_access_answer_thanked_for_is_done_and_the_next_right_is_the_request(
    text: str, want: list[str]
) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == want, (got, reasons)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Chiedo l'eliminazione del mio profilo e dei dati collegati.", ["erasure"]),
        ("I no longer wish to have my picture show up on the website.", ["publication_optout"]),
        ("If you don't want your photo shown on the website, tell us.", []),
    ],
)
def test_the_never_tuned_sets_gaps(text: str, want: list[str]) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == want, (got, reasons)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the third review (adversarial23): an access asked beside thanks is still asked
        (
            "Thank you for your reply about the refund, could you also send me a copy of all "
            "the personal data you hold about me?",
            "access",
        ),
        (
            "Vielen Dank für die telefonische Auskunft, bitte senden Sie mir nun eine "
            "vollständige Kopie meiner Daten.",
            "access",
        ),
        (
            "Tack för svaret om fakturan, nu vill jag även begära ett registerutdrag.",
            "access",
        ),
        ("Kiitos jos lähetätte kopion kaikista minusta tallennetuista tiedoista.", "access"),
        # a correction asked beside "but I'd prefer" stays a correction
        (
            "My surname is spelled wrong on my account, but I'd prefer it is not removed - please "
            "just correct it to Kowalczyk.",
            "rectification",
        ),
    ],
)
def test_what_the_third_review_found_lost_is_read(text: str, want: str) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == [want], (got, reasons)


@pytest.mark.parametrize(
    ("text", "kept_out"),
    [
        ("May I ask how I can correct my address myself in the app?", "rectification"),
        ("Vorrei sapere se l'eliminazione dell'account cancella anche le fatture.", "erasure"),
        ("Vorrei annullare l'eliminazione del mio account, ho cambiato idea.", "erasure"),
        ("Recebi a confirmação da remoção dos meus dados, obrigado.", "erasure"),
        (
            "Es interessiert mich nicht, welche Daten Sie über mich gespeichert haben, löschen "
            "Sie einfach alles.",
            "access",
        ),
        ("Im neuen Heft: Welche Daten hat Facebook über mich gesammelt?", "access"),
        (
            "I told the organisers that I'd prefer my photo wasn't displayed on the website, "
            "and they respected that.",
            "publication_optout",
        ),
    ],
)
def test_what_the_third_review_found_misread_is_not(text: str, kept_out: str) -> None:
    got, _, reasons = _read("", text)
    assert kept_out not in got[:1], (got, reasons)
