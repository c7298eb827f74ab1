"""The gaps found in the eighth session's sweeps of real published letters (published47-53:
Swedish people-search and patient letters, GitHub issues to archives and public repositories,
German and French generators, other EU languages, fixtures of request tools) and in the
adversarial review's letters, as short letters of our own in the same general wording
(rules/README.md, "Eighth session"):

- a paragraph that is one quotation of several sentences (a law or a company's terms quoted
  whole) holds the quoted text's deleting words, not the writer's;
- a patient record blocked ("journaluppgifterna spärras") is a restriction;
- details in a public repository's file, an archived post, public pictures asked away are taken
  off a public place: a publication opt-out, not an erasure of the register's record;
- "I did not authorize you to send marketing emails" is its own stop, even where the writer says
  the address was scraped;
- "make my profile anonymous" is an erasure.
Each has a look-alike that must keep its reading."""

from __future__ import annotations

import pytest
from gap_letters import assert_main as _assert_main
from gap_letters import read as _read

from mailbot.classify import DESTRUCTIVE


def test_a_paragraph_quoting_terms_whole_is_not_the_writers_erasure() -> None:
    text = (
        "I ask you to stop selling my personal information.\n\n"
        "Your partner's contract, as published on its site, says:\n\n"
        '"The customer guarantees that each listed person agreed to the transfer. Where a person '
        'later withdraws, the customer will delete that person from the uploaded list."\n\n'
        "Please confirm within 15 days."
    )
    intents, _, reasons = _read("", text)
    assert not set(intents) & DESTRUCTIVE, reasons


def test_the_writers_own_paragraph_after_the_quotation_is_read() -> None:
    text = (
        "Your partner's contract, as published on its site, says:\n\n"
        '"The customer guarantees that each listed person agreed to the transfer. Where a person '
        'later withdraws, the customer will delete that person from the uploaded list."\n\n'
        "I never agreed to any of it. Please delete my customer account and everything you hold "
        "on me."
    )
    intents, _, reasons = _read("", text)
    assert "erasure" in intents, reasons


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Spärr av min journal",
            "Hej, jag begär att mina journaluppgifter spärras för andra vårdgivare. "
            "Bekräfta gärna när spärren gäller.",
        ),
        ("", "Jag vill att uppgifterna i min journal hos er ska spärras tills vidare."),
    ],
)
def test_a_blocked_patient_record_is_a_restriction(subject: str, text: str) -> None:
    _assert_main(text, "restriction", subject)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Please remove my personal information",
            "Hello, the file contributors/people.json in your repository lists my private phone "
            "number and home town. I never agreed to that. Please remove my details from it.",
        ),
        (
            "Removal request",
            "Could you take one of the posts down from your archive? Somebody posted my full name "
            "and workplace there years ago.",
        ),
        (
            "Old photos",
            "I am cleaning up what can be found about me online. Please delete the public photos "
            "of me from the 2019 meetup.",
        ),
    ],
)
def test_data_in_a_public_place_asked_away_is_a_publication_optout(subject: str, text: str) -> None:
    intents, _, reasons = _read(subject, text)
    assert intents[:1] == ["publication_optout"], reasons
    assert "erasure" not in intents, reasons


def test_an_account_and_all_personal_data_relating_to_me_stay_an_erasure() -> None:
    text = (
        "I am a member of the forum run from this repository. I request the erasure of all "
        "personal data relating to me, including my profile and private messages."
    )
    _assert_main(text, "erasure", "Erasure request")


@pytest.mark.parametrize(
    "text",
    [
        "No idea where you scraped my address from, but I did not authorize you to send "
        "marketing emails to me.",
        "I never signed up for your promotional newsletter.",
    ],
)
def test_marketing_mail_never_agreed_to_is_a_stop(text: str) -> None:
    _assert_main(text, "marketing_optout")


def test_a_dataset_scrape_without_marketing_mail_is_no_marketing_optout() -> None:
    intents, _, reasons = _read(
        "", "You scraped my repositories for your training dataset. I want them out of it."
    )
    assert "marketing_optout" not in intents, reasons


def test_a_profile_made_anonymous_is_an_erasure() -> None:
    _assert_main("Hi, I would like to make my profile anonymous. Is that possible?", "erasure")


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Verzoek tot wissing van persoonsgegevens",
            "Geachte heer, mevrouw,\n\nIk verzoek u alle persoonsgegevens die u over mij bewaart "
            "te wissen en mij dat schriftelijk te bevestigen.",
        ),
        ("", "Hierbij oefen ik mijn recht op wissing uit. Wis mijn account en mijn gegevens."),
    ],
)
def test_dutch_wissen_is_an_erasure(subject: str, text: str) -> None:
    _assert_main(text, "erasure", subject)


def test_dutch_request_told_from_the_companys_mail_asks_nothing() -> None:
    intents, review, reasons = _read(
        "",
        "Goedemiddag, volgens uw bevestiging is mijn verzoek om mijn gegevens te wissen "
        "ontvangen. Dat verzoek heb ik nooit gedaan.",
    )
    assert "erasure" not in intents, reasons
    assert review


def test_a_right_cited_as_the_laws_text_is_not_asked() -> None:
    text = (
        "This search result shows my home address and my phone number. Its continued "
        "publication is not justified: the page is ten years old and infringes my rights as set "
        "out in Article 17 (Right to Erasure) of the GDPR."
    )
    intents, _, reasons = _read("", text)
    assert intents[:1] == ["publication_optout"], reasons
    assert "erasure" not in intents, reasons


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("Re: Quick question", "Please remove me from your list."),
        ("Re: Tarjous", "Poistakaa minut listaltanne, kiitos."),
        ("Sv: Erbjudande", "Ta bort mig från er lista."),
        ("SV: Tilbud", "Fjern meg fra listen, og ikke kontakt meg igjen."),
        ("Re: Angebot", "Bitte entfernen Sie mich von Ihrer Liste."),
        ("Re: Offre", "Merci de me retirer de votre liste."),
        ("", "Jeg ønsker ikke at modtage flere mails."),
    ],
)
def test_your_list_in_a_reply_is_the_senders_mailing_list(subject: str, text: str) -> None:
    _assert_main(text, "marketing_optout", subject)


@pytest.mark.parametrize(
    "text",
    [
        "Please remove my name from the members list on your website.",
        "Please remove me from the list of signatories of the open letter.",
        "Poistakaa nimeni yhdistyksen jäsenlistalta.",
        "Ta bort mig från listan på hemsidan.",
        "Bitte entfernen Sie mich von der Mitgliederliste auf der Website.",
        "Merci de me retirer de la liste des adhérents publiée sur le site.",
    ],
)
def test_a_published_list_stays_a_publication_optout(text: str) -> None:
    _assert_main(text, "publication_optout")


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Request for deletion of profile: Maria Lind",
            "Name: Maria Lind\nProfile e-mail: maria.lind@example.org\n\nReason:\nNone given.",
        ),
        (
            "Anmodning om sletning af profil: Jens Holm",
            "Navn: Jens Holm\nProfil-e-mail: jens@example.dk\n\nBegrundelse:\nIngen begrundelse.",
        ),
    ],
)
def test_a_submitted_forms_subject_is_its_request_and_a_person_looks(
    subject: str, text: str
) -> None:
    intents, review, reasons = _read(subject, text)
    assert intents[:1] == ["erasure"], reasons
    assert review, reasons


def test_a_companys_status_lines_are_no_form_request() -> None:
    intents, _, reasons = _read(
        "Deletion request received", "Reference: 88213\nStatus: in progress"
    )
    assert "erasure" not in intents, reasons


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Solicito acesso a uma cópia completa de todos os meus dados pessoais.", "access"),
        ("Solicito a exclusão definitiva de todo e qualquer dado pessoal sobre mim.", "erasure"),
        ("Hola, si pueden apoyar con la eliminación de mis datos personales, gracias.", "erasure"),
        ("I skal fjerne mit billede fra jeres side med det samme.", "publication_optout"),
        ("Jeg ønsker ikke å motta flere e-poster fra dere.", "marketing_optout"),
    ],
)
def test_other_languages_wordings(text: str, intent: str) -> None:
    _assert_main(text, intent)


def test_a_spanish_condition_still_asks_nothing() -> None:
    intents, _, reasons = _read("", "Si ustedes no borran mis datos, presentaré una queja.")
    assert "erasure" not in intents, reasons


def test_a_long_submitted_form_is_read_at_once() -> None:
    """The form-field check counts words: a first version as one regular expression backtracked
    for 75 s over a six-field form (tests/letters/blind20/012_fi_lomake.txt)."""
    import time

    fields = "\n".join(f"Kenttä numero {i}: arvo {i} tässä" for i in range(300))
    started = time.perf_counter()
    _read("Tietosuojapyyntö", fields + "\nLisätiedot: Haluan tietoni koneluettavassa muodossa.")
    assert time.perf_counter() - started < 5.0


@pytest.mark.parametrize(
    "text",
    [
        "Please restrict the processing of my personal data for marketing purposes.",
        "Bitte schränken Sie die Verarbeitung meiner Daten für Werbezwecke ein.",
        "Je vous demande de limiter le traitement de mes données à des fins de prospection.",
        "Begränsa behandlingen av mina uppgifter för marknadsföring, tack.",
        "Rajoittakaa tietojeni käsittelyä markkinointitarkoituksiin.",
    ],
)
def test_processing_restricted_for_marketing_is_the_marketing_stopped(text: str) -> None:
    _assert_main(text, "marketing_optout")


def test_a_restriction_while_a_complaint_is_checked_stays_one() -> None:
    _assert_main(
        "Please restrict the processing of my data while you check my complaint.", "restriction"
    )


def test_a_broken_profile_form_reported_asks_no_rectification() -> None:
    intents, review, reasons = _read(
        "Can't update my profile information",
        "The save button does nothing when I try to update my address.",
    )
    assert "rectification" not in intents, reasons
    assert review


def test_a_broken_form_and_a_please_still_asks_the_change() -> None:
    _assert_main(
        "I cannot change my address in the app, please update it to Main Street 5.",
        "rectification",
    )


@pytest.mark.parametrize(
    "text",
    [
        "My ex-husband emailed you last week asking you to delete my account. I was not told.",
        "Poikani pyysi teitä poistamaan tilini. En tiennyt siitä mitään.",
        "Min dotter bad er att radera mitt konto. Det visste jag inte om.",
        "Meine Tochter hat Sie gebeten, mein Konto zu löschen. Davon wusste ich nichts.",
        "Ma fille vous a demandé de supprimer mon compte. Je ne le savais pas.",
    ],
)
def test_a_relatives_request_told_is_not_the_writers_erasure(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert "erasure" not in intents, reasons
    assert review


@pytest.mark.parametrize(
    "text",
    [
        "I asked you to delete my account in March and it is still there.",
        "My daughter asked me to write to you: please delete her account and mine.",
    ],
)
def test_the_writers_own_erasure_beside_a_story_stays(text: str) -> None:
    _assert_main(text, "erasure")


@pytest.mark.parametrize(
    "text",
    [
        "Älkää poistako mitään, poistaminen veisi kaikki kuvani. Kirjaudun pian.",
        "Radera inte kontot, raderingen skulle ta bort alla mina recept. Jag loggar in snart.",
        "Bitte löschen Sie nichts, eine Löschung würde alle meine Notizen vernichten.",
        "Ne supprimez pas mon compte, la suppression me ferait perdre mes favoris.",
        "Hallo, Ihre App löscht ständig meine Einträge, seit dem Update ist alles weg.",
    ],
)
def test_a_refusal_with_its_consequence_or_the_apps_own_deleting_asks_no_erasure(
    text: str,
) -> None:
    intents, _, reasons = _read("", text)
    assert "erasure" not in intents, reasons


@pytest.mark.parametrize(
    "text",
    [
        "Löschen Sie bitte mein Konto, das würde mir viel Ärger ersparen.",
        "Supprimez mon compte, cela me ferait plaisir.",
    ],
)
def test_a_request_with_a_conditional_reason_stays(text: str) -> None:
    _assert_main(text, "erasure")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "I tried to change my phone number in the app twice without luck, so I am asking you "
            "to change it to 0401234567.",
            "rectification",
        ),
        (
            "Jag har försökt ta bort kontot själv men knappen fungerar inte, så radera mitt konto "
            "och mina uppgifter.",
            "erasure",
        ),
        (
            "Ich habe versucht, mein Profil selbst zu löschen, das geht nicht, also löscht mein "
            "Profil und alle meine Daten.",
            "erasure",
        ),
    ],
)
def test_what_the_writer_tried_then_a_so_and_the_request(text: str, intent: str) -> None:
    _assert_main(text, intent)


def test_what_the_writer_tried_alone_asks_nothing() -> None:
    intents, _, reasons = _read("", "I tried to change my phone number in the app yesterday.")
    assert "rectification" not in intents, reasons


@pytest.mark.parametrize(
    "text",
    [
        "I am a California resident. I opt out of the sale of my personal information.",
        "Do not sell or share my personal information with anyone.",
    ],
)
def test_the_sale_opted_out_of_is_an_objection_not_a_marketing_stop(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert intents[:1] == ["objection"], reasons
    assert "marketing_optout" not in intents, reasons


def test_marketing_mail_stopped_beside_the_sale_stays_a_marketing_stop() -> None:
    _assert_main(
        "Please stop sending me marketing emails and do not sell my data.", "marketing_optout"
    )


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "Bonjour, pouvez-vous supprimer ma photo de la page équipe ? Merci !",
            "publication_optout",
        ),
        (
            "Je vous ai déjà demandé de me retirer là où j'apparais encore dans la liste publique.",
            "publication_optout",
        ),
        (
            "Ich habe Sie schon zweimal gebeten, mir keine Kataloge mehr zu schicken.",
            "marketing_optout",
        ),
    ],
)
def test_german_and_french_issue_wordings(text: str, intent: str) -> None:
    _assert_main(text, intent)


def test_a_numeric_date_before_lower_case_ends_no_sentence() -> None:
    """All in lower case, "pyysin 3.10. puhelimessa, että ..." stays one sentence: the writer's
    own earlier request told, which the letter now refuses."""
    intents, _, reasons = _read(
        "",
        "pyysin 3.10. puhelimessa, että tilini poistetaan. perun sen pyynnön. älkää poistako "
        "vielä mitään, lukitkaa tiedot vain talteen kunnes riita on ohi.",
    )
    assert "erasure" not in intents, reasons


@pytest.mark.parametrize(
    "text",
    [
        "Can you tell me how to delete my account?",
        "Pouvez-vous me dire comment supprimer mon compte ?",
        "Kan ni berätta hur jag raderar mitt konto?",
    ],
)
def test_how_to_do_it_asked_is_no_erasure(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert "erasure" not in intents, reasons
    assert review


def test_a_request_beside_a_how_to_remark_stays() -> None:
    _assert_main("Can you delete my account? I could not find how to do it.", "erasure")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "Please send my full repair history, with the photos and your notes, directly to the "
            "new landlord in a format they can import.",
            "portability",
        ),
        (
            "Bitte nehmen Sie meinen Eintrag vollständig aus Ihrem Verzeichnis, ich praktiziere "
            "nicht mehr.",
            "publication_optout",
        ),
    ],
)
def test_blind32_and_blind33_wordings(text: str, intent: str) -> None:
    _assert_main(text, intent)
