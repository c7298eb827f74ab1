"""The gaps found in the ninth session's sweeps of real published letters (published55-58:
GitHub issues and developer material, Swedish people-search opt-outs, letter generators in many
languages, reminders naming only the article, company-register entries) and in the perturbation
bench, as short letters of our own in the same general wording (rules/README.md, "Ninth
session"):

- a feature suggested, a user story or a requirement, the law's demand stated, a deletion got
  and told, what a service does not do: no erasure is asked of the reader;
- a complaint that asks the supervisory authority to act anywhere in the letter asks the company
  nothing;
- someone else's request told or supposed ("a colleague asked you to erase everything", "what do
  I hand over if someone requests a register extract?") is not the writer's;
- a request named only by its article, reminded in another EU language, is that right;
- a rights list joined on one line keeps its lead-in;
- "don't unsubscribe me" keeps the newsletter, and a business customer's own list is no opt-out;
- a file in a standard format to import elsewhere is a portability request.
Each has a look-alike that must keep its reading."""

from __future__ import annotations

import pytest
from gap_letters import assert_main as _assert_main
from gap_letters import read as _read

from mailbot.classify import DESTRUCTIVE


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Option to remove personal data",
            "It would be great if the app offered a way to request removal of personal "
            "information, so that members could do it themselves.",
        ),
        (
            "Suppression des données",
            "Il serait peut-être utile de pouvoir supprimer les données d'un adhérent avec un "
            "bouton dans l'espace personnel.",
        ),
        (
            "Löschfunktion",
            "Es wäre sinnvoll, im Profil eine Funktion anzubieten, mit der Nutzer ihre Daten "
            "selbst löschen können.",
        ),
        ("Funktion", "Det vore bra att kunna radera sina uppgifter själv med en knapp i appen."),
        ("", "As a user, I want to delete my profile so that my data is gone when I leave."),
        ("", "Käyttäjänä haluan poistaa oman profiilini, jos lopetan palvelun käytön."),
        ("", "The user must be able to erase their account from the settings page."),
        (
            "GDPR requires data to be deleted on request",
            "The regulation requires that user data is deleted on request. The delete option "
            "only hides an account and keeps everything in the database.",
        ),
        (
            "Shop X doesn't really delete your account",
            "I got my account at Shop X deleted last spring, but they still keep it deactivated. "
            "Can I open a pull request to document this?",
        ),
    ],
)
def test_a_feature_a_requirement_or_a_report_asks_no_erasure(subject: str, text: str) -> None:
    intents, _, reasons = _read(subject, text)
    assert not set(intents) & DESTRUCTIVE, reasons


@pytest.mark.parametrize(
    "text",
    [
        "It would be great if you could delete my account and all my data.",
        "GDPR requires that you delete my data on request, so please delete my account now.",
        "As a long-time customer, I want you to delete my account.",
    ],
)
def test_a_polite_wish_or_the_law_with_my_data_stays_an_erasure(text: str) -> None:
    _assert_main(text, "erasure")


def test_a_complaint_asking_the_authority_to_act_asks_the_company_nothing() -> None:
    text = (
        "Madame, Monsieur,\n\n"
        "J'ai demandé en mars à la société Lumina l'effacement de mes données et la fin des "
        "appels commerciaux. Aucune réponse ne m'est parvenue. Je sollicite l'intervention de la "
        "CNIL. Vous trouverez mes courriers en pièce jointe."
    )
    intents, review, reasons = _read("", text)
    assert not set(intents) & DESTRUCTIVE and review, reasons


def test_a_threat_to_go_to_the_authority_keeps_the_request() -> None:
    text = (
        "Je vous demande d'effacer mes données. À défaut de réponse dans un mois, je saisirai "
        "la CNIL."
    )
    _assert_main(text, "erasure")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "Jag motsätter mig att ni använder min körhistorik för prismodeller. En kollega till "
            "mig bad er radera allt i en liknande situation, men det är inte vad jag vill.",
            "objection",
        ),
        (
            "Vår klient har tidigare begärt att uppgifterna om honom ska raderas. Med hänsyn till "
            "tvisten vill han emellertid inte att uppgifterna raderas. Vi begär därför att ni "
            "begränsar behandlingen av uppgifterna.",
            "restriction",
        ),
        (
            "Please stop sending me catalogues and marketing emails. I am not asking you to "
            "delete my account. I gather you erase inactive customer records after seven years "
            "anyway.",
            "marketing_optout",
        ),
    ],
)
def test_someone_elses_request_or_the_companys_practice_told_is_no_erasure(
    text: str, intent: str
) -> None:
    intents, _, reasons = _read("", text)
    assert "erasure" not in intents and intents[:1] == [intent], reasons


@pytest.mark.parametrize(
    "text",
    [
        "Fråga: vad ska jag lämna ut om någon begär ett registerutdrag? Hela mejlen?",
        "What should we send if a customer requests a copy of their data?",
    ],
)
def test_someone_elses_supposed_request_is_a_controllers_question(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert not intents or review, reasons


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "Geachte,\n\nop 2 februari heb ik u een verzoek gestuurd overeenkomstig artikel 15 "
            "AVG. Ik heb nog geen antwoord ontvangen. Gelieve mijn verzoek binnen twee weken te "
            "beantwoorden.",
            "access",
        ),
        (
            "Gentili signori, io sottoscritto richiedo accesso secondo l'articolo 15 del GDPR e "
            "una copia di tutti i dati personali che mi riguardano.",
            "access",
        ),
    ],
)
def test_a_request_named_by_its_article_is_that_right(text: str, intent: str) -> None:
    _assert_main(text, intent)


def test_the_companys_confirmation_naming_the_article_asks_nothing() -> None:
    intents, _, reasons = _read(
        "", "Hvala na vašem zahtjevu prema članku 17. Obradit ćemo ga u roku od mjesec dana."
    )
    assert not set(intents) & DESTRUCTIVE, reasons


def test_a_rights_list_joined_on_one_line_keeps_its_lead_in() -> None:
    text = (
        "Thanks for the leaflet. I understand that I have the right to: - ask for a copy of my "
        "data - have my data corrected or erased - restrict or object to the processing - take "
        "my data to another provider. Everything is fine with my account."
    )
    intents, _, reasons = _read("Your leaflet", text)
    assert not set(intents) & DESTRUCTIVE, reasons


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Nouvelle adresse e-mail (ne pas me désinscrire !)",
            "J'ai changé d'adresse e-mail. Merci de la remplacer dans mon dossier par : "
            "anne.roux@example.fr. Je ne veux pas être désinscrite de la lettre d'information.",
        ),
        (
            "New email address",
            "I have a new email address, please update it to tom.hale@example.com. Please do not "
            "unsubscribe me from the newsletter.",
        ),
    ],
)
def test_dont_unsubscribe_me_keeps_the_newsletter(subject: str, text: str) -> None:
    intents, _, reasons = _read(subject, text)
    assert "marketing_optout" not in intents and "rectification" in intents, reasons


def test_dont_just_unsubscribe_me_asks_more() -> None:
    text = "Don't just unsubscribe me, I want my address gone from your database entirely."
    intents, _, reasons = _read("", text)
    assert "erasure" in intents, reasons


@pytest.mark.parametrize(
    "text",
    [
        "Hej, vi använder ert verktyg för våra nyhetsbrev. En kund vill att vi tar bort hennes "
        "mejladress. Hur gör jag för att radera en kontakt ur listan och inte bara avregistrera "
        "den?",
        "Hallo, wir nutzen Ihre Software. Ein Kunde möchte aus unserer Kundenliste entfernt "
        "werden und keine Werbung mehr bekommen. Wie lösche ich einen einzelnen Kontakt?",
    ],
)
def test_a_business_customers_own_list_is_no_opt_out(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert not intents or review, reasons


@pytest.mark.parametrize(
    "text",
    [
        "I'm moving to another provider. Could you give me an export of all my photos and albums "
        "in a standard format so I can import them into the new service?",
        "Je souhaite récupérer l'ensemble de mes e-mails dans un format standard afin de les "
        "importer chez mon nouveau fournisseur.",
    ],
)
def test_a_file_in_a_standard_format_to_import_elsewhere_is_portability(text: str) -> None:
    _assert_main(text, "portability")


def test_a_correction_to_the_customer_record_is_read_beside_a_parcel() -> None:
    text = (
        "Nimeni on viesteissänne väärin, oikea on Annu. Korjatkaa se asiakastietoihin, "
        "pakettiautomaatilla oli viimeksi selittelemistä."
    )
    _assert_main(text, "rectification")


def test_a_sure_language_typed_with_its_letters_keeps_its_reading() -> None:
    text = (
        "Dzień dobry, otrzymałem fakturę, w której naliczono mi opłatę za pakiet, którego nie "
        "zamawiałem. Proszę o wystawienie faktury korygującej."
    )
    intents, review, reasons = _read("Reklamacja faktury", text)
    assert not intents or review, reasons


def test_a_bug_report_about_the_export_asks_no_portability() -> None:
    text = (
        "## Bug report\n\n**Describe the bug**\nI pressed 'request your data' in the settings two "
        "days ago and still have no mail. The old JSON export gave the data in seconds.\n\n"
        "**Expected behavior**\nThe export arrives."
    )
    intents, review, reasons = _read("Data export not working", text)
    assert not intents and review, reasons


def test_a_request_in_an_issue_template_is_still_read() -> None:
    text = (
        "### Describe the request\nMy full name and avatar appear in the contributors table on "
        "your website. Please remove me from it.\n\n- [x] I have searched existing issues"
    )
    intents, _, reasons = _read("Remove me from the contributors table", text)
    assert intents[:1] == ["publication_optout"], reasons


@pytest.mark.parametrize(
    "text",
    [
        "My address isn't correct and it needs to be fixed.",
        "My 'Institution' information is incorrect, it does not match my address.",
    ],
)
def test_my_detail_is_wrong_asks_a_correction(text: str) -> None:
    _assert_main(text, "rectification")


def test_my_detail_is_correct_asks_none() -> None:
    intents, _, reasons = _read(
        "", "My address is correct, nothing to change. Stop the newsletter."
    )
    assert "rectification" not in intents, reasons


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("Slet konto", "Som bruger vil jeg kunne slette min konto, så mine data ikke gemmes."),
        ("12. poistaa omat tietoni rekisteristä.", "Sivu, jolla käyttäjä voi poistaa tilinsä."),
        ("Excluir conta", "Qual o procedimento para excluir minha conta?"),
    ],
)
def test_a_user_story_a_task_or_a_how_to_question_under_a_subject_asks_no_erasure(
    subject: str, text: str
) -> None:
    intents, _, reasons = _read(subject, text)
    assert not set(intents) & DESTRUCTIVE, reasons


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "",
            "I withdraw my request under Article 17 GDPR of 2 May. Please leave my account as it is.",
        ),
        ("", "Ich ziehe meinen Antrag nach Art. 17 DSGVO vom 2. Mai zurück. Mein Konto bleibt."),
        ("", "I request a refund under Article 17 of your General Conditions of Carriage."),
    ],
)
def test_a_withdrawn_request_or_another_documents_article_is_no_erasure(
    subject: str, text: str
) -> None:
    intents, _, reasons = _read(subject, text)
    assert "erasure" not in intents, reasons


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "I would like to get this page about my old campaign removed. It still ranks first on "
            "Google with my name.",
            "publication_optout",
        ),
        (
            "Sie haben mir Werbung zustellen lassen, obwohl ich das schriftlich verboten habe. "
            "Unterlassen Sie das.",
            "marketing_optout",
        ),
        (
            "Je vous mets en demeure de supprimer de l'article litigieux mes nom et prénom.",
            "publication_optout",
        ),
    ],
)
def test_real_letters_of_the_second_sweep_read_their_right(text: str, intent: str) -> None:
    _assert_main(text, intent)


def test_a_cc_to_the_authority_keeps_the_request_to_the_company() -> None:
    text = (
        "Please delete my account and all personal data you hold about me. I am copying this "
        "letter to the ICO and ask the ICO to take note of the delay."
    )
    _assert_main(text, "erasure")


def test_consent_no_longer_given_to_a_photo_online_withdraws_and_takes_it_down() -> None:
    text = "I no longer consent to that photo of me being on the internet. Please take it down."
    intents, _, reasons = _read("Removing my profile", text)
    assert {"consent_withdrawal", "publication_optout"} <= set(intents), reasons
    assert not set(intents) & DESTRUCTIVE, reasons


# The second adversarial review (letters of our own after its findings).
@pytest.mark.parametrize(
    "text",
    [
        "My request under Article 17 GDPR was handled last month, thank you. Could you now send "
        "me a copy of the data you still keep for invoicing?",
        "Mijn account mag pas weg als ik dat zelf aangeef. Stuur me wel een overzicht van mijn "
        "gegevens.",
        "Nechtěl jsem, abyste mi účet zrušili. Pošlete mi prosím kopii mých údajů.",
        "Jeg leste i vilkårene deres at data skal slettes etter tre år. Hvor lenge lagrer dere "
        "kvitteringene mine?",
        "Vă rog să ștergeți taxa de roaming din contul meu de client.",
    ],
)
def test_a_past_request_a_condition_or_a_policy_told_asks_no_erasure(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert "erasure" not in intents, reasons


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "I withdraw my job application of 3 March, please delete my CV and all my data.",
            "erasure",
        ),
        (
            "Please delete my account now. I first asked in January. I ask the ICO to "
            "investigate your failure to respond.",
            "erasure",
        ),
        (
            "Don't unsubscribe me from the delivery updates, but the sales e-mails have to stop.",
            "marketing_optout",
        ),
    ],
)
def test_a_request_beside_a_withdrawal_a_how_or_a_copy_to_the_authority_is_read(
    text: str, intent: str
) -> None:
    intents, _, reasons = _read("", text)
    assert intent in intents, reasons


# The third adversarial review: the session's own wide patterns, narrowed.
@pytest.mark.parametrize(
    "text",
    [
        "The new notification chime in your app is awful. Please get rid of it in the next update.",
        "Vi ska byta namn på laget till Norrsken IF inför nästa säsong.",
        "Aion vaihtaa nimeni ensi vuonna, kun menen naimisiin.",
        "Ich werde nach der Hochzeit meinen Namen ändern lassen, bis dahin bleibt alles wie es ist.",
        "Jeg er redd for at kontoen min blir slettet ved en feil når kortet utløper.",
        "Last year I requested the deletion of my old profile and you confirmed it. I am back now.",
        "Jeres app lukker ned på min nye telefon. Vil I opdatere den, så den virker igen?",
        "Ik trek mijn verzoek tot verwijdering in, graag mijn account gewoon behouden.",
        "Perun poistopyyntöni ja pyydän, että tilini säilytetään ennallaan.",
    ],
)
def test_a_plan_a_worry_or_a_withdrawal_is_no_erasure_or_correction(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert not set(intents) & DESTRUCTIVE, reasons


@pytest.mark.parametrize(
    "text",
    [
        "Le RGPD impose d'effacer les données d'un ancien client qui le demande, et je le demande "
        "aujourd'hui pour mon compte.",
        "Could you get rid of my CV and the interview notes please? I did not get the job.",
        "Ik trek mijn aanvraag voor de woning in en verzoek u al mijn gegevens te wissen.",
    ],
)
def test_the_law_or_a_withdrawn_application_beside_a_real_request_keeps_it(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert "erasure" in intents, reasons


@pytest.mark.parametrize(
    "text",
    ["I no longer shop with you. Forget me.", "Vergessen Sie mich bitte.", "Oubliez-moi, merci."],
)
def test_forget_me_is_an_erasure(text: str) -> None:
    _assert_main(text, "erasure")


@pytest.mark.parametrize(
    "text", ["Don't forget me when the sale starts!", "N'oubliez pas de m'envoyer la facture."]
)
def test_dont_forget_me_asks_nothing(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert "erasure" not in intents, reasons
