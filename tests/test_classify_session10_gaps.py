"""The gaps found in the tenth session (rules/README.md, "Tenth session"), as short letters of our
own, each with a look-alike that must keep its reading:

- a consent withdrawn and data asked deleted: both read, erasure first (Art. 17(1)(b));
- a user story in an issue tracker, in any language and under a ticket number, asks nothing;
- a notice telling the rights in the first person (fr) or the second (de) asks none, and an
  appeal against an account's suspension is no objection;
- data in a directory, a forum's thread or search results is taken off there (publication).
"""

from __future__ import annotations

import pytest
from gap_letters import assert_main as _assert_main
from gap_letters import read as _read

from mailbot.classify import DESTRUCTIVE


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "",
            "I withdraw my consent to the use of my voice recordings for training and ask you to "
            "delete all voice recordings kept on that basis.",
        ),
        (
            "",
            "Please note I withdraw consent for the face scan at the gym entrance. Please delete "
            "my face template and use my card instead.",
        ),
        (
            "",
            "Jag återkallar mitt samtycke till att bilderna på mig används i er katalog och "
            "begär att bilderna raderas.",
        ),
        (
            "",
            "Peruutan suostumukseni sijaintitietojen keräämiseen. Pyydän tietojen poistamista "
            "siltä osin kuin ne on kerätty suostumuksen perusteella.",
        ),
        (
            "Widerruf",
            "Ich widerrufe meine Einwilligung zur Nutzung meiner Fotos für Werbung und beantrage "
            "die Löschung der Fotos.",
        ),
        (
            "",
            "Je retire mon consentement à l'utilisation de mes échantillons pour la recherche et "
            "je demande l'effacement des données utilisées dans ce cadre.",
        ),
    ],
)
def test_a_consent_withdrawn_and_its_data_deleted_reads_both_erasure_first(
    subject: str, text: str
) -> None:
    """Both rights are read, erasure first (Art. 17(1)(b): the withdrawal is its ground). The
    session first put the withdrawal first where only the consent's data was to go (context key
    `general_data`); three adversarial reviews showed the line between "my data" and "the data
    it covered" cannot be drawn in words reliably, so the default was restored."""
    intents, _, reasons = _read(subject, text)
    assert intents == ["erasure", "consent_withdrawal"], (text, intents, reasons)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "",
            "Peruutan kaikki suostumukseni ja vaadin kaikkien minua koskevien henkilötietojen "
            "poistamista.",
        ),
        ("", "Jag återkallar mitt samtycke och begär att ni raderar alla personuppgifter om mig."),
        (
            "",
            "Ich widerrufe meine Einwilligung. Bitte löschen Sie alle Daten über mich, die Sie "
            "gespeichert haben.",
        ),
        (
            "",
            "Je retire mon consentement et je demande l'effacement de toutes les données me "
            "concernant.",
        ),
        ("", "I withdraw my consent and ask you to delete my account and all my data."),
        ("", "En anna enää lupaa. Poistakaa kaikki, mitä teillä on minusta."),
        ("", "Ich widerrufe meine Einwilligung und bitte um Löschung meiner Daten."),
        ("", "Perun suostumukseni ja haluan, että tietoni poistetaan."),
        ("", "I am withdrawing my consent. Please delete my personal data."),
    ],
)
def test_a_consent_withdrawn_and_everything_deleted_is_an_erasure(subject: str, text: str) -> None:
    _assert_main(text, "erasure", subject)


@pytest.mark.parametrize(
    "text",
    [
        "US-12 - Como usuario quiero eliminar mi cuenta para proteger mis datos.",
        "[HU3] Como persona, deseo borrar mi cuenta.",
        "Als Benutzer:in möchte ich die Möglichkeit haben, mein Konto zu löschen.",
        "Als Nutzer möchte ich die Möglichkeit haben, mein Profil zu löschen.",
        "ETQ usager, je souhaite pouvoir supprimer mon compte.",
        "En tant qu'utilisateur je veux supprimer mon compte depuis les réglages afin de partir.",
        "[HU4] Como usuário, quero excluir minha conta.",
        "Come utente voglio poter cancellare il mio account.",
        "Som användare vill jag radera mitt konto så att appen inte sparar något.",
        "Als gebruiker wil ik mijn account kunnen verwijderen.",
        "Jako użytkownik chcę móc usunąć swoje konto.",
        "4.2.1 As a patient, I want to delete my account and all associated data.",
    ],
)
def test_a_user_story_in_any_language_asks_no_erasure(text: str) -> None:
    """An issue tracker's user story, under a ticket number or with its purpose or an ability:
    a developer's document, no right read, and a person looks (a story's acceptance criteria say
    "must be deleted" too)."""
    intents, review, reasons = _read("", text)
    assert intents == [] and review, (text, intents, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Como cliente de su tienda, quiero que eliminen mi cuenta.",
        "Als Kunde möchte ich, dass Sie mein Konto löschen.",
        "En tant qu'utilisatrice de votre application, je souhaite que vous supprimiez mon compte.",
        "As a user of your app, I want you to delete my account.",
        "Als Nutzer bitte ich Sie, mein Konto zu löschen.",
        "Jako użytkownik proszę o usunięcie mojego konta.",
    ],
)
def test_a_role_named_in_a_request_to_the_reader_keeps_the_erasure(text: str) -> None:
    _assert_main(text, "erasure")


def test_a_story_like_opening_with_a_new_value_keeps_the_correction() -> None:
    _assert_main(
        "Som användare vill jag kunna ändra min adress själv, men det går inte, så ändra den "
        "till Storgatan 5.",
        "rectification",
    )


@pytest.mark.parametrize(
    "text",
    [
        # a registration form's notice in the first person (fr)
        "Je suis informée de mon droit d'accès, de rectification et d'effacement de mes données, "
        "que je peux demander au responsable. Je bénéficie également du droit de demander une "
        "limitation du traitement.",
        "Je suis informé que je peux retirer mon consentement à tout moment.",
        # a privacy notice's paragraph, and where to send an objection (de)
        "Sie haben als betroffene Person, das Recht auf Auskunft und das Recht auf Einschränkung "
        "der Verarbeitung. Bitte richten Sie Ihren Widerspruch an datenschutz@example.de.",
    ],
)
def test_a_notice_telling_the_rights_asks_none(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert intents == [], (text, intents, reasons)


def test_an_appeal_against_a_suspension_is_no_objection() -> None:
    intents, _, reasons = _read(
        "Widerspruch gegen die Sperrung meines Accounts",
        "Hiermit lege ich Widerspruch gegen die Sperrung meines Accounts ein und bitte um "
        "Wiederherstellung.",
    )
    assert "objection" not in intents, (intents, reasons)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Je suis informée de votre réponse. Je demande l'effacement de mes données.", "erasure"),
        ("Ich bitte um Auskunft nach Art. 15 DSGVO.", "access"),
        (
            "Hiermit widerspreche ich der Verarbeitung meiner personenbezogenen Daten nach Art. 21 "
            "DSGVO.",
            "objection",
        ),
        ("Bitte löschen Sie mein Konto und alle meine Daten aus Ihrem Verzeichnis.", "erasure"),
    ],
)
def test_look_alikes_of_notices_and_appeals_keep_their_request(text: str, intent: str) -> None:
    _assert_main(text, intent)


@pytest.mark.parametrize(
    "text",
    [
        "Bitte löschen Sie meinen Profileintrag aus Ihrem Ärzteverzeichnis.",
        "Je vous demande de supprimer mes nom et photo publiés dans le fil « Randonnée » de votre "
        "forum.",
        "Je vous demande de supprimer mes données, elles apparaissent dans les résultats des "
        "moteurs de recherche.",
    ],
)
def test_data_in_a_directory_forum_or_search_results_is_taken_off_there(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert intents[:1] == ["publication_optout"] and "erasure" not in intents, (intents, reasons)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "",
            "Ik dien hierbij een klacht in op grond van artikel 77 AVG. Ik heb om inzage gevraagd bij Voorbeeld B.V. en geen antwoord gekregen.",
        ),
        (
            "",
            "Tímto podávám stížnost podle článku 77 GDPR. Správce neodpověděl na mou žádost o přístup.",
        ),
        (
            "",
            "Venho, por meio deste, apresentar queixa de acordo com o artigo 77 do RGPD. Pedi acesso aos meus dados e não recebi resposta.",
        ),
        (
            "",
            "Por la presente presento una queja según el artículo 77 del RGPD. Pedí la supresión de mis datos y no contestaron.",
        ),
        (
            "",
            "Con la presente sporgo reclamo secondo l'articolo 77 del GDPR. Ho chiesto l'accesso ai miei dati senza risposta.",
        ),
        (
            "",
            "Niniejszym składam skargę na podstawie art. 77 RODO. Administrator nie odpowiedział na mój wniosek o dostęp.",
        ),
        (
            "",
            "Ovime podnosim žalbu u skladu s člankom 77. GDPR-a. Voditelj obrade nije odgovorio na moj zahtjev za pristup.",
        ),
    ],
)
def test_a_complaint_lodged_with_the_authority_asks_the_company_nothing(
    subject: str, text: str
) -> None:
    """A complaint template in many languages ("I hereby lodge a complaint under Article 77"):
    written to the supervisory authority, it tells of the request made to a company."""
    intents, review, reasons = _read(subject, text)
    assert intents == [] and review, (text, intents, reasons)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Respuesta a solicitud de acceso",
            "En respuesta a su solicitud de acceso recibida el 4 de marzo, le informamos de lo siguiente. Adjuntamos sus datos personales en formato estructurado.",
        ),
        (
            "Confirmación de limitación del tratamiento",
            "Hemos procedido a limitar el tratamiento de sus datos personales conforme a su solicitud.",
        ),
        (
            "Anmodning om sletning af data",
            "Denne side beskriver, hvordan du kan anmode om sletning af alle personoplysninger, vi har om dig. Du har ret til at anmode om, at vi sletter dine data.",
        ),
        (
            "",
            "Deze pagina beschrijft hoe u uw persoonsgegevens kunt laten wissen. Wij behandelen "
            "elk verzoek binnen een maand.",
        ),
        (
            "Data deletion",
            "This page describes how you can request the deletion of your data. We process every request within 30 days.",
        ),
    ],
)
def test_a_companys_answer_or_help_page_asks_nothing(subject: str, text: str) -> None:
    """The company's answer to a request ("En respuesta a su solicitud", "Hemos procedido a
    limitar") or its help page on how to ask ("Denne side beskriver, hvordan du kan anmode om
    sletning"): no right of the writer's, no erasure."""
    intents, _, reasons = _read(subject, text)
    assert intents == [], (text, intents, reasons)


@pytest.mark.parametrize(
    ("subject", "text", "intent"),
    [
        (
            "",
            "Verzoek om inzage: stuur mij een kopie van mijn persoonsgegevens. Als u niet reageert, dien ik een klacht in bij de Autoriteit Persoonsgegevens.",
            "access",
        ),
        (
            "",
            "Solicito la supresión de mis datos personales. Si no responden, presentaré una queja ante la AEPD.",
            "erasure",
        ),
        (
            "",
            "Proszę o usunięcie moich danych osobowych. W przeciwnym razie złożę skargę do Prezesa UODO.",
            "erasure",
        ),
        (
            "",
            "Solicito el acceso a mis datos personales y una copia en formato estructurado.",
            "access",
        ),
        (
            "",
            "Solicito la limitación del tratamiento de mis datos mientras se verifica su exactitud.",
            "restriction",
        ),
        (
            "Anmodning om sletning",
            "Jeg anmoder om sletning af alle mine personoplysninger.",
            "erasure",
        ),
        (
            "Data deletion",
            "I read the page that describes how you can request deletion. Please delete my account and all my data.",
            "erasure",
        ),
    ],
)
def test_a_threat_to_complain_or_a_request_keeps_its_right(
    subject: str, text: str, intent: str
) -> None:
    _assert_main(text, intent, subject)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Remove my data",
            "As I asked in the issue, I would like my personal data removed from this file.",
        ),
        (
            "Request to remove username from database",
            "I am requesting the removal of my username that appears in your tool. The accounts "
            "it finds were deleted long ago.",
        ),
    ],
)
def test_data_in_a_repositorys_file_or_a_tool_is_taken_off_there(subject: str, text: str) -> None:
    """A public repository's file, a lookup tool that shows the writer's name: the removal asked
    is from there (a publication opt-out), and the subject's "remove ... from database" over
    such a body is no erasure."""
    intents, _, reasons = _read(subject, text)
    assert intents[:1] == ["publication_optout"] and "erasure" not in intents, (intents, reasons)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Name",
            "I changed my name last month! I am using your guides to help me change it "
            "everywhere it needs to be changed. Thanks for the resource.",
        ),
        (
            "",
            "Il ne sera pas possible de réellement supprimer le compte dans le cas où la personne "
            "a signé des documents.",
        ),
    ],
)
def test_an_errand_told_or_a_design_note_asks_nothing_destructive(subject: str, text: str) -> None:
    intents, _, reasons = _read(subject, text)
    assert not set(intents) & DESTRUCTIVE, (intents, reasons)


@pytest.mark.parametrize(
    ("subject", "text", "intent"),
    [
        (
            "Delete my account",
            "Please delete my account and all my data from your database.",
            "erasure",
        ),
        (
            "",
            "I changed my name last month. Please update it in your records: my new surname is "
            "Koskinen.",
            "rectification",
        ),
        ("", "Please delete my account. Other users can still see my profile.", "erasure"),
    ],
)
def test_look_alikes_of_public_files_and_errands_keep_their_request(
    subject: str, text: str, intent: str
) -> None:
    _assert_main(text, intent, subject)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "Tímto vznáším námitku proti zpracování mých osobních údajů za účelem přímého "
            "marketingu.",
            "marketing_optout",
        ),
        (
            "Tímto vznáším námitku proti zpracování mých osobních údajů na základě oprávněného "
            "zájmu.",
            "objection",
        ),
        (
            "Prosimy o jak najszybszą aktualizację danych: moje nazwisko to teraz Nowak, a nie "
            "Kowalska.",
            "rectification",
        ),
    ],
)
def test_other_languages_every_case_and_the_plural_request(text: str, intent: str) -> None:
    """cs "přímého marketingu" (the genitive) is direct marketing; pl "Prosimy o ...
    aktualizację danych" (we ask) asks a correction."""
    _assert_main(text, intent)


@pytest.mark.parametrize(
    "text",
    [
        "Det vore bra om ni raderade mitt konto och mina uppgifter före månadsskiftet.",
        "Es wäre gut, wenn ihr das Konto und meine Daten löscht.",
    ],
)
def test_a_wish_turned_to_the_reader_about_my_data_is_a_request(text: str) -> None:
    _assert_main(text, "erasure")


@pytest.mark.parametrize(
    "text",
    [
        "Det vore konstigt om ni raderade mitt konto nu.",
        "Det vore bra om ni inte raderade mitt konto.",
        "Förslag: det vore bra om man kunde radera sitt konto själv.",
        "Es wäre gut, wenn man sein Konto selbst löschen könnte.",
    ],
)
def test_a_suggestion_a_fear_or_a_wish_not_to_asks_no_erasure(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert "erasure" not in intents, (text, intents, reasons)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "My surname",
            "After my last email you changed my surname to Oconnor. It is O'Connor, as it was "
            "before. Please put it back the way it was.",
        ),
        (
            "Mitt efternamn",
            "Ni har ändrat mitt efternamn till Ostlund. Det ska vara Östlund, som det stod förut. "
            "Kan ni ändra tillbaka?",
        ),
        (
            "Mon nom",
            "Vous m'écrivez Lefevre sans accent. C'est Lefèvre, comme c'était écrit avant. Merci "
            "de remettre la bonne orthographe.",
        ),
        ("Moved", "I want my old address removed and the new one used: 14 Larch Close, Leeds."),
    ],
)
def test_a_change_undone_or_replaced_is_a_correction(subject: str, text: str) -> None:
    _assert_main(text, "rectification", subject)


@pytest.mark.parametrize(
    "text",
    [
        "You deleted my account by mistake, please put it back.",
        "Ihr habt mein Konto gelöscht. Bitte macht das rückgängig.",
        "Ich habe den Newsletter abbestellt, bitte machen Sie das nicht rückgängig.",
    ],
)
def test_an_account_or_an_opt_out_undone_is_no_correction(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert "rectification" not in intents, (text, intents, reasons)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Fel personnummer",
            "Det står fel personnummer på min profil hos er: det ska sluta på 4417, inte 4471.",
        ),
        (
            "Vos courriers",
            "Sur tous vos courriers je suis « Monsieur » alors que je suis une femme, et mon "
            "prénom s'écrit Dominique, pas Dominik.",
        ),
    ],
)
def test_the_wrong_value_and_the_right_one_told_is_a_correction(subject: str, text: str) -> None:
    """sv and fr only: the en and de hints ("still have me down as Mr", "steht noch mein
    Mädchenname", "my name has been", "ich heiße seit") were taken back after the fourth
    adversarial review (an access request telling an old name read as a correction)."""
    _assert_main(text, "rectification", subject)


@pytest.mark.parametrize(
    "text",
    [
        "Your letters still have me down as a premium member, which is right. Thanks for the "
        "good service.",
        "Det står fel namn på paketet, men det var budfirmans fel och inte ert.",
        "Mon prénom s'écrit Dominique, pas Dominik, et vous l'avez toujours bien écrit. Merci !",
        "Auf Ihren Briefen steht noch mein Mädchenname, das ist aber in Ordnung so.",
    ],
)
def test_a_value_told_without_an_error_is_no_correction(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert "rectification" not in intents, (text, intents, reasons)


# The tenth session's adversarial review (tests/letters/adversarial12) of the fixes above: each
# new pattern met a real letter in the same words.


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Account deletion",
            "Hello,\n\nAs a user I want my account deleted along with everything that is stored "
            "in it.\n\nTom",
        ),
        (
            "delete my stuff",
            "As a player, I would like all my game data erased. My username is darkfox88. Thanks.",
        ),
        (
            "",
            "Hi support team,\n\nI booked two trips with you in 2022. As a guest I can't log in "
            "anymore. So please delete the booking profile you created for me.\n\nRita",
        ),
        (
            "",
            "Hello,\n\nI couldn't work out how to submit a deletion request on your site, so I am "
            "writing here: please delete my account.\n\nAnn",
        ),
        (
            "",
            "Buenos días:\n\nPresento una reclamación porque sigo recibiendo SMS publicitarios. Les "
            "pido que borren mi número y mis datos.\n\nCarmen",
        ),
        (
            "",
            "Ik dien hierbij een klacht in: jullie blijven mij mailen. Verwijder mijn gegevens uit "
            "jullie bestand.",
        ),
        (
            "",
            "I'm withdrawing my consent to everything I agreed to when I signed up. Erase me "
            "completely, I want nothing of mine left with you.",
        ),
    ],
)
def test_a_role_a_how_to_or_a_complaint_to_the_company_keeps_the_erasure(
    subject: str, text: str
) -> None:
    """A customer's "As a user I want ...", "how to submit a deletion request", a complaint
    lodged with the company itself (no Art. 77): the erasure asked stays the main right."""
    _assert_main(text, "erasure", subject)


@pytest.mark.parametrize(
    "text",
    [
        "Hallo,\n\nes wäre nicht gut, wenn ihr mein Konto löscht, da noch Guthaben drauf ist.\n\nAnna",
        "Hej,\n\ndet vore bra om ni tog bort mitt gamla efternamn Svensson och skrev Berg i "
        "stället.\n\nLena",
        "Hej,\n\nmitt namn och min adress syns på er öppna medlemskarta på hemsidan, och det går "
        "att hitta via Google. Ta bort allt om mig från kartan, medlemskapet vill jag "
        "behålla.\n\nGunnar",
    ],
)
def test_a_fear_a_replacement_or_a_public_map_is_no_erasure(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert "erasure" not in intents, (text, intents, reasons)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "",
            "Bonjour, nous avons changé de procédure. Désormais, vous pouvez effectuer la "
            "procédure [sur cette page](https://annuaire.example.fr/faq/supprimer-donnees-"
            "personnelles-entreprise). Bonne journée.",
        ),
        (
            "Data Request Received - Acknowledgment",
            "Thank you for contacting us regarding your data privacy rights. We have received "
            "your request and will respond within 30 days. Your Request Type: Erasure",
        ),
        (
            "Data Rectification Completed",
            "Thank you for notifying us about the inaccuracy in your personal data. We have "
            "updated your information as requested.",
        ),
        (
            "Data Processing Restriction Applied",
            "We have processed your request to restrict the processing of your personal data.",
        ),
        (
            "Deleted data",
            "I was trying to clear my data stream with the destroy button. It seemed to delete my "
            "account as well. Is this intentional?",
        ),
    ],
)
def test_a_link_a_companys_reply_or_a_service_told_asks_nothing(subject: str, text: str) -> None:
    """Words inside a URL ("/faq/supprimer-donnees-personnelles") are no sentence; the company's
    acknowledgment or confirmation and what a button seemed to do ask the reader nothing."""
    intents, _, reasons = _read(subject, text)
    assert intents == [], (text, intents, reasons)


@pytest.mark.parametrize(
    ("subject", "text", "intent"),
    [
        (
            "",
            "Please delete my account. The form at https://shop.example.com/delete-account did not "
            "work.",
            "erasure",
        ),
        (
            "Remove my email address",
            "My email address is publicly viewable here, which gets me spam. Could it be removed?",
            "publication_optout",
        ),
        (
            "",
            "I received your acknowledgment. Please go ahead and delete my account as I asked.",
            "erasure",
        ),
        ("", "It seems you kept my data. Please delete my account.", "erasure"),
    ],
)
def test_look_alikes_of_links_replies_and_told_deletions_keep_their_request(
    subject: str, text: str, intent: str
) -> None:
    """A request beside a link keeps its right; a removal asked in weak words of data shown
    publicly is a publication opt-out."""
    _assert_main(text, intent, subject)


@pytest.mark.parametrize(
    ("subject", "text", "main"),
    [
        (
            "Opt-out request",
            "I didn't consent to any of my projects being used for AI training.",
            None,
        ),
        (
            "Opt-out",
            "I object to you posting me your printed catalogue every month.",
            "marketing_optout",
        ),
        ("Unsubscribe", "I object to the profiling of my purchases.", "marketing_optout"),
    ],
)
def test_an_objection_to_ai_training_is_read_beside_an_opt_out(
    subject: str, text: str, main: str | None
) -> None:
    """ "I didn't consent to my projects being used for AI training" is an objection; a bare
    "Opt-out" over an objection to a catalogue stays a marketing opt-out first (the second
    adversarial review: a rule that dropped the subject's opt-out was taken out again)."""
    got, _, reasons = _read(subject, text)
    assert "objection" in got, (got, reasons)
    if main:
        assert got[0] == main, (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Ich widerrufe sämtliche Einwilligungen. Ich verlange die Löschung aller mich betreffenden "
        "Daten nach Art. 17 DSGVO.",
        "Je retire mon consentement. Je demande l'effacement de toutes les données me concernant, "
        "en application de l'article 17 du RGPD.",
    ],
)
def test_everything_about_me_erased_beside_a_withdrawal_is_the_erasure(text: str) -> None:
    """ "aller mich betreffenden Daten", "toutes les données me concernant, en application de
    l'article 17" (an article of the law is no published article) name everything held."""
    _assert_main(text, "erasure")


def test_a_name_board_is_a_public_place() -> None:
    """A list joined on one line ("begär att – mitt namn tas bort från namntavlan och dörren, –
    ..."): the name is taken off the board, no erasure."""
    intents, _, reasons = _read(
        "",
        "Jag invänder mot föreningens behandling av mina uppgifter och begär att – mitt namn "
        "tas bort från namntavlan och dörren, – mina uppgifter inte publiceras i webbportalen.",
    )
    assert "erasure" not in intents and "publication_optout" in intents, (intents, reasons)


@pytest.mark.parametrize(
    ("text", "intents"),
    [
        (
            "Under the CCPA I request that you disclose the specific pieces of personal "
            "information you have collected about me.",
            ["access"],
        ),
        (
            "We are required to disclose the categories of personal information we collect in our "
            "privacy policy.",
            [],
        ),
    ],
)
def test_a_ccpa_right_to_know_is_an_access_request(text: str, intents: list[str]) -> None:
    got, _, reasons = _read("", text)
    assert got == intents, (got, reasons)


@pytest.mark.parametrize(
    ("subject", "text", "intent", "erasure"),
    [
        (
            "Remove all my data from this",
            "I can still see my name and personal information on https://maintainers.example/me. "
            "Please remove all references to my person that are currently showing up on your "
            "site.",
            "publication_optout",
            False,
        ),
        (
            "",
            "Please delete all my data from your systems and close my account.",
            "erasure",
            True,
        ),
    ],
)
def test_all_my_data_from_this_site_is_taken_off_the_site(
    subject: str, text: str, intent: str, erasure: bool
) -> None:
    """ "All my data from this" site is no erasure of everything held ("showing up on your site"
    is a public place); "all my data from your systems" is."""
    got, _, reasons = _read(subject, text)
    assert got[:1] == [intent] and ("erasure" in got) == erasure, (got, reasons)


@pytest.mark.parametrize(
    ("subject", "text", "intents"),
    [
        # unsubscribing told, not asked (mailing lists)
        (
            "Unsubscribe isn't working as intended",
            "I registered twice by mistake and now get duplicates. I haven't been able to "
            "unsubscribe the duplicates. I'd just like one email.",
            [],
        ),
        ("accidently unsubscribed?", "I wonder if I got unsubbed because of bounced emails.", []),
        (
            "",
            "I haven't been able to unsubscribe, so please remove me from your list.",
            ["marketing_optout"],
        ),
        # a dataset, a person search: taken off there
        (
            "Personal email address",
            "Can you please remove my personal email address from the dataset? I've since removed "
            "it from my repository.",
            ["publication_optout"],
        ),
        (
            "",
            "I would like to have my personal email removed from the Person search on your site.",
            ["publication_optout"],
        ),
        # a deadname replaced is a correction
        (
            "remove my deadname",
            "The tutorials I wrote still include my deadname, it would be nice if that gets changed "
            "to Alex.",
            ["rectification"],
        ),
        (
            "Name update",
            "I recently changed my name; please replace my old name with my new name Rowan.",
            ["rectification"],
        ),
        # GitHub's feature-request template in Swedish; the law's demand stated in German
        (
            "Radera kontot",
            "**Är din förfrågan relaterad till ett problem? Vänligen beskriv.**\nEn användare ska "
            "kunna radera hela sitt konto.\n**Beskriv den lösning du vill ha**\nEn knapp under "
            "Administration.",
            [],
        ),
        (
            "",
            "Die DSGVO schreibt ja nur die Löschung personenbezogener Daten vor, sobald ein "
            "Nutzerprofil gelöscht wurde.",
            [],
        ),
        (
            "",
            "Jag behöver ibland ta bort användare från mejllistorna när de slutar.",
            [],
        ),
    ],
)
def test_mailing_lists_datasets_names_and_trackers(
    subject: str, text: str, intents: list[str]
) -> None:
    got, _, reasons = _read(subject, text)
    assert got[:1] == intents[:1] and not (set(got) & DESTRUCTIVE) - set(intents), (got, reasons)


# The tenth session's second adversarial review (tests/letters/adversarial13) of the first
# review's fixes: the cases that made the rules sentence-level again.


@pytest.mark.parametrize(
    ("subject", "text", "main"),
    [
        (
            "Still waiting - account deletion",
            'On 3 May your privacy team replied "We have received your request and will respond '
            'within 30 days". It is now July.\n\nDelete my account and all my personal data now, '
            "please.",
            "erasure",
        ),
        (
            "",
            "He presentado una reclamación ante la AEPD conforme al artículo 77 del RGPD por no "
            "haber atendido mi petición. Aun así, les pido de nuevo que supriman mis datos "
            "personales.",
            "erasure",
        ),
        (
            "",
            'I tapped "Remove" in the app and it seemed to delete only my photos, so please delete '
            "my whole account and everything you hold on me.",
            "erasure",
        ),
        (
            "Personal phone number in speakers file",
            "My private mobile number is in https://github.com/nordconf/website/blob/main/data/"
            "speakers-2019.yml (line 212). Please delete my mobile number. The name can stay.",
            "publication_optout",
        ),
        (
            "",
            "Meine private Adresse ist über Google öffentlich auffindbar, weil sie in Ihrem "
            "Mitgliederverzeichnis steht. Bitte löschen Sie meine Daten im Online-Verzeichnis. "
            "Meine Mitgliedschaft läuft weiter.",
            "publication_optout",
        ),
    ],
)
def test_a_quoted_reply_a_past_complaint_or_a_link_keeps_the_request(
    subject: str, text: str, main: str
) -> None:
    """A company's reply quoted, an Art. 77 complaint lodged earlier, what a button seemed to do,
    a repository link: the request in the letter's own words is read (and a file in a public
    repository, or data "im Online-Verzeichnis", is taken off there, no erasure)."""
    got, _, reasons = _read(subject, text)
    assert got[:1] == [main], (got, reasons)
    if main != "erasure":
        assert "erasure" not in got, (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Jag får ert nyhetsbrev två gånger i veckan. Det vore skönt om ni tog bort mig från "
        "nyhetsbrevet.",
        "Depuis la mise à jour, l'application s'affiche en anglais. Pouvez-vous remettre comme "
        "avant ?",
        "Ich habe aus Versehen meinen Handyvertrag gekündigt. Bitte die Kündigung rückgängig "
        "machen, Rufnummer und Daten sollen so bleiben.",
        "Jag beställde ett presentkort till min mamma. Det står fel namn på kortet: det ska stå "
        "Birgitta, inte Brigitta. Kan ni skicka ett nytt kort?",
    ],
)
def test_a_newsletter_a_setting_a_contract_or_a_gift_card_is_no_erasure_or_correction(
    text: str,
) -> None:
    got, _, reasons = _read("", text)
    assert not set(got) & DESTRUCTIVE, (got, reasons)
