"""The gaps found by the nineteenth to twenty-first sweeps of real published letters (rules/README.md,
"Fifth session"), as short letters of our own in the same general wording:

- delisting from a search engine ("remove the link from the search results for my name") and links
  or URLs taken off the web are publication opt-outs, never an erasure of the customer (three
  blind collectors labelled them so; reading erasure would delete a customer who asked a page to
  go), while an erasure beside a link or a search engine named in another sentence stays one;
- a published template's placeholders ("{{ $json.request.id }}", "${fullName}", "{id_data}") are
  code, not words of the letter ("json" was read as a machine-readable copy);
- "o.g." (oben genannt) no longer ends a sentence."""

from __future__ import annotations

import pytest
from gap_letters import assert_main as _assert_main
from gap_letters import read as _read

from mailbot.classify import DESTRUCTIVE


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Request for delisting",
            "Searching for my name shows three links to a ten-year-old forum thread about my "
            "divorce. Please delist these URLs under Article 17 GDPR.",
        ),
        (
            "",
            "Please remove the link to the old club newsletter from the search results for my "
            "name. It is outdated and shows my home address.",
        ),
        (
            "Antrag auf Auslistung",
            "Bei der Suche nach meinem Namen erscheint ein alter Zeitungsartikel. Ich beantrage "
            "die Auslistung dieses Links nach Art. 17 DSGVO.",
        ),
        (
            "",
            "Bitte entfernen Sie den Link zu dem Artikel über meinen Unfall aus den "
            "Suchergebnissen zu meinem Namen.",
        ),
        (
            "Demande de déréférencement",
            "Je vous demande de déréférencer les deux pages suivantes qui apparaissent quand on "
            "cherche mon nom et prénom.",
        ),
        (
            "",
            "Pyydän poistamaan hakutuloksista linkin vanhaan lehtijuttuun, joka näkyy nimelläni "
            "haettaessa.",
        ),
        (
            "",
            "Jag begär att länken till artikeln om mig tas bort från sökresultaten för mitt namn.",
        ),
        ("", "Jeg beder om, at linket fjernes fra søgeresultaterne for mit navn."),
        ("", "Jeg ber om at lenken fjernes fra søkeresultatene for navnet mitt."),
        # links or URLs taken off the web
        ("", "Please delete the following URLs, they show photos of me that I never agreed to."),
        ("", "Please remove the links below; they lead to an old article about me."),
        ("", "Deshalb bitte ich um Löschung o.g. URLs, auf denen Fotos von mir zu sehen sind."),
        ("", "Bitte entfernen Sie die folgenden Links, die zu Bildern von mir führen."),
        (
            "",
            "Je vous demande de supprimer les liens suivants qui renvoient vers des photos de moi.",
        ),
        ("", "Pyydän poistamaan alla olevat linkit, jotka johtavat kuviini."),
        ("", "Jag begär att ni tar bort följande länkar till bilder på mig."),
    ],
)
def test_delisting_and_links_taken_off_are_publication_never_erasure(
    subject: str, text: str
) -> None:
    intents, _, reasons = _read(subject, text)
    assert intents[:1] == ["publication_optout"], (text, intents, reasons)
    assert not set(intents) & DESTRUCTIVE, (text, intents, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Please delete my account and all my data. My profile also shows up in Google search "
        "results.",
        "Please delete my account. Here is the link to it: https://shop.example/u/anna",
        "I used the link in your email to delete my account but it did not work, so please "
        "delete my account and all data you hold on me.",
        "Bitte löschen Sie mein Konto und alle meine Daten. Den Link zu meinem Profil finden Sie "
        "unten.",
        "Je vous demande de supprimer mon compte ; le lien de désinscription ne fonctionne pas.",
        "Poistakaa tilini ja kaikki tietoni. Linkki tilin poistoon ei toimi.",
        "Radera mitt konto och alla mina uppgifter, länken för att avsluta kontot fungerar inte.",
    ],
)
def test_an_erasure_beside_a_link_or_a_search_engine_is_still_erasure(text: str) -> None:
    _assert_main(text, "erasure")


def test_a_broken_link_on_a_website_asks_nothing() -> None:
    intents, review, reasons = _read("", "Please remove the broken link from your website.")
    assert not intents or review, (intents, reasons)
    assert not set(intents) & DESTRUCTIVE


def test_template_placeholders_are_not_read() -> None:
    # the controller's own message template, as a workflow exports it: "json" of a placeholder
    # was a machine-readable copy (portability)
    text = (
        "Guten Tag {{ $json.request.first_name }} {{ $json.request.last_name }},\n\n"
        "Ihr Auskunftsersuchen {{ $json.request.request_id }} wurde bearbeitet. Das Passwort "
        "erhalten Sie separat.\n\nIhr Datenschutz-Team"
    )
    intents, _, reasons = _read("", text)
    assert "portability" not in intents, reasons
    # the placeholders of a generator's letter leave its request as it is
    intents, _, reasons = _read(
        "Subject access request",
        "I, ${fullName}, ask for a copy of all personal data you hold on me ({id_data}).\n"
        "{% if runs %}This includes {{ runs_list }}.{% endif %}\n${fullName}",
    )
    assert intents == ["access"], (intents, reasons)


def test_a_placeholder_word_never_becomes_a_right() -> None:
    bare, _, _ = _read("", "Hallo, wie geht es Ihnen?")
    with_code, _, reasons = _read("", "Hallo {{ export.json }}, wie geht es Ihnen? ${csv_format}")
    assert with_code == bare == [], reasons


@pytest.mark.parametrize(
    "text",
    [
        "Your subject access request has been processed. Please download your data from the "
        "link below; the password follows by text message.",
        "Ihr Auskunftsersuchen wurde bearbeitet. Bitte laden Sie die Daten unter folgendem Link "
        "herunter.",
        "Votre demande d'accès a été traitée. Vous pouvez télécharger vos données via le lien "
        "ci-dessous.",
        "Tietopyyntösi on käsitelty. Voit ladata tietosi alla olevasta linkistä.",
        "Din begäran om registerutdrag har behandlats. Du kan ladda ner dina uppgifter via länken "
        "nedan.",
    ],
)
def test_the_companys_notice_that_an_access_request_was_processed_asks_nothing(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert not intents or review, (text, intents, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "I sent you my access request on 3 May and it still has not been processed. Please send "
        "me a copy of my data.",
        "Your access request form does not work, so I ask by email: please send me a copy of all "
        "personal data you hold about me.",
        "Mein Auskunftsersuchen vom 3. Mai ist noch nicht beantwortet. Bitte senden Sie mir eine "
        "Kopie meiner Daten.",
    ],
)
def test_a_writers_own_access_request_is_still_read(text: str) -> None:
    _assert_main(text, "access")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # Dutch (Flemish model letter): access named as "toegang tot mijn persoonsgegevens"
        ("Ik vraag toegang tot mijn persoonsgegevens op grond van artikel 15 AVG.", "access"),
        (
            "Hierbij dien ik een verzoek in om toegang tot de persoonsgegevens die u over mij "
            "verwerkt.",
            "access",
        ),
        # Spanish administrative model: the data updated in the file
        (
            "Comunico los siguientes datos actualizados y solicito que se actualicen en mi "
            "expediente.",
            "rectification",
        ),
    ],
)
def test_other_languages_main_right(text: str, intent: str) -> None:
    _assert_main(text, intent)


def test_dutch_access_to_the_customer_data_of_others_is_no_request() -> None:
    intents, review, _ = _read(
        "", "Uw medewerkers hebben toegang tot de klantgegevens via het portaal."
    )
    assert not intents or review


@pytest.mark.parametrize(
    "text",
    [
        "Bitte löschen Sie meine Daten. Ich lehne die Verarbeitung aller meiner Daten "
        "(einschließlich Profiling) gemäß Art. 21 DSGVO ab.",
        "Veuillez effacer mes données. Je rejette le traitement de toutes mes données "
        "conformément à l'article 21 du RGPD.",
        "Les pido que supriman mis datos. Además, rechazo el tratamiento de todos mis datos "
        "personales conforme al artículo 21 del RGPD.",
        "Proszę o usunięcie moich danych. Odmawiam przetwarzania wszelkich moich danych "
        "osobowych zgodnie z art. 21 RODO.",
    ],
)
def test_processing_refused_under_article_21_is_an_objection_beside_the_erasure(
    text: str,
) -> None:
    intents, _, reasons = _read("", text)
    assert intents[:1] == ["erasure"] and "objection" in intents, (text, intents, reasons)


# Misfire hunt 6 (tests/letters/misfire6/): the company's side of the conversation.


@pytest.mark.parametrize(
    "text",
    [
        "To the Information Commissioner's Office\n\nI wish to complain about Harbour Gyms Ltd. "
        "In May I asked them to delete my account; they said it was done, yet their emails "
        "still come. Please look into it.",
        "Tietosuojavaltuutetun toimistolle\n\nTeen valituksen Pihapuu Oy:stä. Pyysin heitä "
        "korjaamaan osoitteeni, mutta osoite on yhä väärin. Pyydän, että selvitätte asian.",
        "Till Integritetsskyddsmyndigheten\n\nJag vill klaga på Bokhörnan AB. Jag bad dem radera "
        "mina uppgifter i mars men de har inte svarat. Jag ber er granska saken.",
        "An den Landesbeauftragten für Datenschutz\n\nIch beschwere mich über die Radhaus GmbH. "
        "Ich habe die Löschung meiner Daten verlangt, aber nichts ist geschehen.",
        "À la CNIL\n\nJe souhaite déposer une plainte contre la société Ventoux. Je leur ai "
        "demandé d'effacer mes données en avril, sans réponse.",
    ],
)
def test_a_complaint_to_the_supervisory_authority_erases_nothing(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert not set(intents) & DESTRUCTIVE, (text, intents, reasons)
    assert review or not intents


@pytest.mark.parametrize(
    "text",
    [
        "Please delete my account and all my data. If you do not, I will complain to the "
        "Information Commissioner's Office.",
        "Poistakaa tietoni. Muussa tapauksessa teen valituksen tietosuojavaltuutetulle.",
    ],
)
def test_a_request_that_names_the_authority_as_a_threat_is_still_an_erasure(text: str) -> None:
    _assert_main(text, "erasure")


@pytest.mark.parametrize(
    "text",
    [
        # a newsletter, a notice, an acknowledgement, an internal note, a help page
        "Hi! This month we launched a page where you can download, edit or permanently delete "
        "your account in a few clicks. Have a look under My account.",
        "Right to rectification. You have the right to have inaccurate data corrected. You can "
        "update your name and address yourself under My Profile, or contact us and we will "
        "correct it.",
        "Nous accusons réception de votre demande de suppression de compte. Vous recevrez une "
        "confirmation dès que vos données auront été effacées.",
        "Note interne : les demandes de suppression reçues par téléphone doivent être saisies "
        "dans l'outil RGPD.",
        "Wie kann ich mein Konto löschen?\nTippen Sie auf Profil > Einstellungen > Konto "
        "löschen. Nach der Bestätigung wird Ihr Konto nach 30 Tagen gelöscht.",
        "Du har rätt att få felaktiga uppgifter rättade. Det mesta kan du ändra själv under "
        "Mina sidor, annars rättar vi uppgifterna åt dig.",
        "Nyt voit muuttaa yhteystietojasi ja tarvittaessa poistaa tilisi muutamalla klikkauksella.",
        # forwarded: the company's words are quoted, the writer asks only whether it is genuine
        "Is this message really from you? I never asked for anything.\n\nYour account will be "
        "deleted within 24 hours unless you confirm your details at the link below.",
    ],
)
def test_the_company_speaking_asks_no_erasure_or_rectification(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert not set(intents) & DESTRUCTIVE, (text, intents, reasons)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("I hope you can delete my account this week.", "erasure"),
        ("You can delete all your data about me now, I no longer use the service.", "erasure"),
        ("I have sent you two deletion requests already. Please delete my account now.", "erasure"),
        ("Vous pouvez supprimer mon compte, je n'utilise plus le service.", "erasure"),
        ("Kan du radera mitt konto? Jag använder det inte längre.", "erasure"),
        ("My address is wrong. You can correct it to 5 Main Street.", "rectification"),
    ],
)
def test_a_request_in_the_same_words_is_still_read(text: str, intent: str) -> None:
    _assert_main(text, intent)


@pytest.mark.parametrize(
    ("text", "intents"),
    [
        (
            "I would therefore like to request that my signature be removed from the list.",
            ["publication_optout"],
        ),
        (
            "Please remove me and all of my personally identifiable information from this list.",
            ["publication_optout"],
        ),
        ("I request that the following data is removed from your training set: all.", ["erasure"]),
    ],
)
def test_twenty_second_sweep(text: str, intents: list[str]) -> None:
    got, _, reasons = _read("", text)
    assert got == intents, (text, got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        # a ministry's rights page: 'we ask you to tell us which data is wrong', 'you can ask'
        "Jos havaitset, että tietosi ovat virheellisiä, voit pyytää niiden korjaamista. "
        "Tällaisessa tapauksessa pyydämme sinua kertomaan, mikä tieto on virheellinen ja miten "
        "tietoja tulisi muuttaa.",
        # a controller's acknowledgement template
        "Dear [Enter Name]\n\nThank you for recent your [letter/email] received on [date] "
        "requesting access to personal information regarding [subject]. We aim to process the "
        "request within 30 days.",
    ],
)
def test_twenty_seventh_sweep_company_texts(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert not set(intents) & DESTRUCTIVE and (review or not intents), (text, intents, reasons)


def test_a_lawyers_we_ask_is_still_a_request() -> None:
    intents, _, reasons = _read(
        "", "Päämiehemme puolesta pyydämme teitä poistamaan kaikki hänen henkilötietonsa."
    )
    assert intents[:1] == ["erasure"], reasons


@pytest.mark.parametrize(
    "text",
    [
        # an app's "how to delete your account" page in other languages (twenty-sixth sweep):
        # nobody writes in the first person, so no erasure is read
        "Si deseas borrar tu cuenta y todos tus datos personales, envía una solicitud a soporte. "
        "Nos comprometemos a eliminar toda tu información en siete días.",
        "Se desideri rimuovere il tuo account e tutti i dati associati, segui le istruzioni. La "
        "cancellazione non può essere annullata.",
        "Zaloguj się do swojego konta i znajdź opcję Usuń Konto. Wszystkie Twoje dane zostaną "
        "usunięte z naszej bazy danych.",
    ],
)
def test_other_languages_company_pages_are_not_erasure(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert not set(intents) & DESTRUCTIVE, (text, intents, reasons)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # formal letters in the third person and imperatives with "me" are still requests
        (
            "Il sottoscritto Mario Rossi chiede, ai sensi dell'art. 17 del GDPR, la cancellazione "
            "di tutti i dati personali che lo riguardano.",
            "erasure",
        ),
        (
            "El abajo firmante solicita la supresión de todos sus datos personales conforme al "
            "artículo 17 del RGPD.",
            "erasure",
        ),
        ("Toglietemi dalla mailing list, grazie.", "marketing_optout"),
        (
            "Het e-mailadres dat bij jullie bekend is, klopt niet meer. Willen jullie het "
            "wijzigen in p.jansen@example.nl?",
            "rectification",
        ),
        ("Usuńcie moje konto i wszystkie dane.", "erasure"),
        # a claim disputed: the transfer to credit agencies forbidden (de), an objection
        (
            "Da die Forderung bestritten ist, untersage ich Ihnen jegliche Übermittlung von Daten "
            "zu dieser Forderung an Auskunfteien.",
            "objection",
        ),
    ],
)
def test_other_languages_requests_still_read(text: str, intent: str) -> None:
    _assert_main(text, intent)


def test_an_objection_to_a_rent_increase_is_no_objection_to_processing() -> None:
    intents, review, reasons = _read(
        "Hyresökning invändning", "Jag motsätter mig hyresökningen på 8 %. Kan vi diskutera detta?"
    )
    assert not intents or review, reasons


# blind16 (tests/letters/blind16/): model letters that keep the data or refuse an erasure.


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "Ordinarily I would ask you to erase my data. However, I need the records preserved, "
            "so I oppose erasure and request instead that you restrict the processing.",
            "restriction",
        ),
        (
            "Je considère ce traitement comme illicite. Toutefois, je m'oppose pour l'instant à "
            "l'effacement de ces données et je demande la limitation du traitement.",
            "restriction",
        ),
        (
            "Vaadin, että tallenne jätetään poistamatta ja sen käsittely rajoitetaan pelkkään "
            "säilyttämiseen. En tällä kirjeellä pyydä tietojen poistamista.",
            "restriction",
        ),
        (
            "Pyydän, että toimitatte tietoni koneellisesti luettavassa muodossa. Tietojen "
            "siirtäminen ei edellytä, että tietoni poistetaan, enkä pyydä poistamista.",
            "portability",
        ),
        (
            "Ich beantrage, mir meine Daten in einem maschinenlesbaren Format zu übermitteln. Dies "
            "lässt mein Recht auf Löschung unberührt; eine Löschung beantrage ich jedoch nicht.",
            "portability",
        ),
    ],
)
def test_the_data_kept_is_no_erasure(text: str, intent: str) -> None:
    intents, _, reasons = _read("", text)
    assert intents[:1] == [intent] and "erasure" not in intents, (text, intents, reasons)


@pytest.mark.parametrize(
    "text",
    [
        'Please remove my name, photograph and contact details from the "Meet the team" page of '
        "your website.",
        "Ich bitte euch, meinen Namen und meinen Wohnort aus der öffentlichen Mitgliederliste auf "
        "der Vereinshomepage zu entfernen.",
    ],
)
def test_taken_off_a_web_page_is_publication(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert intents[:1] == ["publication_optout"] and "erasure" not in intents, (intents, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Please remove me from your website and delete all my data, I no longer use the service.",
        "Bitte löschen Sie mein Konto und entfernen Sie mich von Ihrer Website.",
    ],
)
def test_an_account_or_all_data_deleted_beside_a_web_page_is_still_erasure(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert "erasure" in intents, (text, intents, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "To: Data Protection Commission\n\nI wish to lodge a complaint under Article 77 GDPR "
        "about a retailer. I asked them to erase my account and they did not.",
        "An das\nAmtsgericht Köln\n\nKLAGE\n\nDer Kläger verlangt Auskunft nach Art. 15 DSGVO.",
        "Commission nationale de l'informatique et des libertés\nService des plaintes\n\nJe "
        "dépose une plainte : la société continue la prospection malgré mon opposition.",
    ],
)
def test_a_letter_to_an_authority_or_a_court_asks_the_company_nothing(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert intents == [] and review, (text, intents, reasons)


# misfire7 (tests/letters/misfire7/): deleting words in requests for other rights.


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "I've closed my account and I see it will be deleted after 14 days. Before you delete "
            "my account I want a copy of all the personal data you hold about me.",
            "access",
        ),
        (
            "Ennen kuin poistatte tilini, haluan kopion kaikista minusta tallennetuista tiedoista.",
            "access",
        ),
        (
            "J'ai bien noté que mon compte sera supprimé à la fin du mois. Avant que vous ne "
            "supprimiez mon compte, je voudrais recevoir une copie de mes données.",
            "access",
        ),
        (
            "I've been going back and forth about asking you to erase all my data, but I've "
            "decided against it. I object to the use of my data for market research.",
            "objection",
        ),
        (
            "Förra veckan funderade jag på att begära att ni raderar allt om mig. Jag har ändrat "
            "mig. Däremot vill jag veta vilka uppgifter ni har om mig.",
            "access",
        ),
        (
            "Bitte löschen Sie mich aus Ihrem Newsletter-Verteiler. Mein Kundenkonto soll bestehen "
            "bleiben.",
            "marketing_optout",
        ),
        (
            "Mich würde interessieren, nach welchen Fristen Sie Daten ehemaliger Kunden löschen. "
            "Außerdem bitte ich um Auskunft nach Art. 15 DSGVO.",
            "access",
        ),
        (
            "Hi, could you delete the picture of me on your Facebook page from the open day? I'd "
            "rather it wasn't online anymore.",
            "publication_optout",
        ),
    ],
)
def test_deleting_words_in_a_request_for_another_right(text: str, intent: str) -> None:
    intents, _, reasons = _read("", text)
    assert intents[:1] == [intent] and not set(intents) & DESTRUCTIVE, (text, intents, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Please delete my account. I asked before and you said it would be done, but I can "
        "still log in.",
        "Poistakaa kaikki tietoni. Olen aiemmin pyytänyt poistoa, mutta tilini on yhä olemassa.",
        "Radera mitt konto och alla mina uppgifter, tack.",
    ],
)
def test_an_erasure_asked_again_is_still_read(text: str) -> None:
    _assert_main(text, "erasure")


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        # an erasure in a numbered list whose lead-in is the writer's ("I request the following:")
        (
            "Anfrage",
            "Sehr geehrte Damen und Herren,\n\nhiermit beantrage ich:\n\n1. Auskunft über die "
            "gespeicherten Daten.\n2. Eine Kopie der Daten.\n3. Die Empfänger.\n4. Die Löschung "
            "aller Daten nach Übersendung der Kopie.\n\nMit freundlichen Grüßen\nMax Muster",
        ),
        (
            "Demande",
            "Madame, Monsieur,\n\nJe vous demande :\n\n1. La confirmation du traitement.\n2. Une "
            "copie des données.\n3. La liste des destinataires.\n4. L'effacement de toutes les "
            "données après l'envoi de la copie.\n\nCordialement\nJean",
        ),
        # the writer's subject over an impersonal body, far from any "I"
        (
            "Erasure request",
            "Dear Sir or Madam,\n\nI have been your customer since 2015. Last year the contract "
            "ended. The account has not been used since then. Your records still contain the "
            "personal data from the contract. Pursuant to Article 17 GDPR, all personal data "
            "concerning the data subject must be erased without undue delay.\n\nYours faithfully",
        ),
    ],
)
def test_an_erasure_far_from_the_writers_words_is_still_read(subject: str, text: str) -> None:
    intents, _, reasons = _read(subject, text)
    assert "erasure" in intents, (intents, reasons)


# blind17 (tests/letters/blind17/): representatives writing in the third person.


@pytest.mark.parametrize(
    "text",
    [
        "Shelter Housing Advice acts for Mr Marcus Reid, who rented the flat between 2018 and "
        "2021. The tenancy ended in 2021. The documents were kept since then. They are no longer "
        "needed for any purpose. The personal data of the former tenant must be erased, to the "
        "extent that retention is not required by law.",
        "L'association agit à la demande de son adhérent, Monsieur Bertrand, qui lui a donné "
        "mandat. Le projet a été abandonné. Rien ne justifie la conservation. Les données de "
        "Monsieur Bertrand doivent être effacées.",
    ],
)
def test_a_representatives_impersonal_erasure_is_read(text: str) -> None:
    _assert_main(text, "erasure")


def test_a_controllers_reply_to_a_lawyer_is_no_request() -> None:
    text = (
        "Kiitämme kirjeestänne, jossa esititte päämiehenne Tiina Halosen puolesta pyynnön hänen "
        "henkilötietojensa poistamisesta. Olemme käsitelleet pyynnön.\n\nHalosen asiakastili on "
        "poistettu järjestelmästämme 21.2.2025. Yhtiö on ilmoittanut poistamisesta niille "
        "palveluntarjoajille, joille tietoja on luovutettu."
    )
    intents, _, reasons = _read("", text)
    assert not set(intents) & DESTRUCTIVE, (intents, reasons)


def test_a_companys_greeting_to_its_customer_is_no_representative() -> None:
    text = (
        "Hyvä asiakkaamme,\n\npäivitämme tietosuojaselosteemme. Sinulla on oikeus tarkastaa "
        "tietosi ja vaatia tietojen poistamista. Voit myös peruuttaa suostumuksesi milloin "
        "tahansa.\n\nAsiakaspalvelu"
    )
    intents, review, reasons = _read("Tietosuojaselosteemme päivittyy", text)
    assert not intents or review, (intents, reasons)


# blind18 (tests/letters/blind18/): forms whose options run together.


@pytest.mark.parametrize(
    ("text", "intents"),
    [
        (
            "Mitä haluat tehdä?\n☐ Pyydän kopion tiedoistani\n☐ Pyydän korjaamaan tietojani\n"
            "☒ Kiellän suoramarkkinoinnin\n☐ Pyydän poistamaan tietoni\n☐ Peruutan suostumukseni",
            ["marketing_optout"],
        ),
        (
            "Which rights would you like to exercise?\n☐ Access – get a copy of my data\n"
            "☒ Data portability – send my transaction history as a CSV file\n"
            "☐ Rectification – correct my data\n☐ Erasure – delete my data",
            ["portability"],
        ),
        (
            "Please select the request type:\n[ ] Access to my data\n[ ] Deletion of my data\n"
            "[x] Restrict how my data is used\n[ ] Withdraw consent",
            ["restriction"],
        ),
    ],
)
def test_only_the_ticked_options_of_a_form_are_asked(text: str, intents: list[str]) -> None:
    got, _, reasons = _read("", text)
    assert got == intents, (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        'Which right should I choose?\n- Want your data gone? Choose "Erasure".\n- Tired of '
        'adverts? Choose "Stop marketing".\n- Changing providers? Choose "Portability".',
        "Vous recevez cette lettre car vous êtes abonné(e) sur mesdonnees.example. Se désabonner",
        "Voit esimerkiksi pyytää kopion tiedoistasi, pyytää tietojen poistamista tai kieltää "
        "suoramarkkinoinnin.",
    ],
)
def test_a_help_page_or_a_footer_asks_nothing(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert not intents or review, (text, intents, reasons)
