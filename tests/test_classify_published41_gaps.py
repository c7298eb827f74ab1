"""The gaps found in the seventh session's 41st and 42nd sweeps of real published letters (Swiss,
German, Austrian and French generators' letters, privacy notices, Nordic templates), as short
letters of our own in the same general wording (rules/README.md, "Seventh session"):

- a privacy notice tells its reader "you have the right of access": second person, no request;
- "your answer was wrong, please correct your statements" follows up an access reply, it asks no
  rectification of the writer's data;
- a placeholder list "[données à supprimer]" is no past deletion told ("à" folds to "a");
- an access reply found incomplete ("Ihre Auskunft war unvollständig", "n'a pas été traitée de
  manière complète") asks the rest of the access.
Each has a look-alike that must keep its reading."""

from __future__ import annotations

import pytest
from gap_letters import assert_main as _assert_main
from gap_letters import read as _read

from mailbot.classify import DESTRUCTIVE


@pytest.mark.parametrize(
    "text",
    [
        "Wir verarbeiten Ihre Daten nach den gesetzlichen Vorgaben. Sie haben das Recht auf "
        "Auskunft über Herkunft und Zweck der Verarbeitung. Bei Fragen wenden Sie sich bitte an "
        "unseren Datenschutzbeauftragten.",
        "Wir speichern Ihre Bestellung zehn Jahre. Sie haben jederzeit das Recht, Auskunft über "
        "Ihre gespeicherten Daten zu erhalten.",
        "We process your data to deliver your orders. You have the right of access to your data "
        "and to a copy of it. Please contact our privacy team with any questions.",
        "Nous traitons vos données pour gérer votre abonnement. Vous avez le droit d'accès à vos "
        "données. Pour toute question, contactez notre délégué.",
    ],
)
def test_a_privacy_notice_telling_the_reader_their_rights_asks_nothing(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert intents == [], reasons
    assert review


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # look-alikes: the writer addresses the company in the second person and asks
        (
            "Sie haben meine Adresse falsch gespeichert. Bitte ändern Sie sie in Ringstraße 4.",
            "rectification",
        ),
        (
            "Ni har registrerat fel födelsedatum för mig. Det rätta är 12 april 1985. Rätta det.",
            "rectification",
        ),
        (
            "You have my surname wrong in your records: it is Lindqvist, not Lindquist. Please fix "
            "it.",
            "rectification",
        ),
        (
            "Ich habe das Recht auf Auskunft nach Art. 15 DSGVO und bitte Sie um eine Kopie meiner "
            "Daten.",
            "access",
        ),
    ],
)
def test_the_writers_own_second_person_still_asks(text: str, intent: str) -> None:
    _assert_main(text, intent)


@pytest.mark.parametrize(
    "text",
    [
        "Ihre Antwort auf mein Auskunftsersuchen war fehlerhaft. Bitte korrigieren Sie Ihre "
        "Angaben umgehend. Es fehlten insbesondere meine Nutzungsprotokolle.",
        "Your response to my access request was wrong. Please correct your answer and send the "
        "missing call recordings.",
        "Votre réponse à ma demande d'accès était incomplète. Merci de corriger votre réponse et "
        "de m'envoyer mes historiques de connexion.",
    ],
)
def test_correcting_the_companys_answer_is_an_access_follow_up(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert intents[:1] == ["access"], reasons
    assert not set(intents) & DESTRUCTIVE, reasons


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "Bitte korrigieren Sie meine Angaben: meine Adresse ist jetzt Ringstraße 4, Köln.",
            "rectification",
        ),
        (
            "Merci de corriger mon adresse dans votre fichier : j'habite 4 rue des Lilas, Lyon.",
            "rectification",
        ),
    ],
)
def test_correcting_the_writers_own_details_is_still_rectification(text: str, intent: str) -> None:
    _assert_main(text, intent)


def test_a_placeholder_list_of_data_to_delete_is_a_request() -> None:
    text = (
        "Je vous remercie pour vos précisions. Je vous prie, sur la base de vos renseignements, "
        "de supprimer les données personnelles suivantes : [liste des données à supprimer ou "
        "toutes les données]. Je vous prie de me confirmer la suppression."
    )
    _assert_main(text, "erasure")


def test_what_the_app_deleted_is_still_told_not_asked() -> None:
    # look-alike: the past deletion told ("a supprimé") keeps its reading
    intents, _, reasons = _read(
        "", "Votre application a supprimé toutes mes playlists hier soir. C'est inadmissible."
    )
    assert "erasure" not in intents, reasons


@pytest.mark.parametrize(
    "text",
    [
        "Ma requête concernant mes données personnelles du 3 mars n'a pas été traitée de manière "
        "complète. Je considère manquantes notamment les informations suivantes : mes historiques "
        "de connexion.",
        "Ihre Auskunft vom 3. März war unvollständig. Es fehlen insbesondere meine Standortdaten.",
    ],
)
def test_an_incomplete_access_reply_asks_the_rest(text: str) -> None:
    _assert_main(text, "access")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # German's informal imperative (forums, issues, a friend's shop): du and ihr forms
        ("Bitte löscht meinen Forenaccount und alle Beiträge.", "erasure"),
        ("Korrigiert bitte meinen Nachnamen, er lautet Müller, nicht Müler.", "rectification"),
        ("Hört bitte auf, mir Werbung zu schicken.", "marketing_optout"),
        ("Schick mir bitte alle Daten, die ihr über mich habt.", "access"),
    ],
)
def test_the_informal_german_imperative_asks(text: str, intent: str) -> None:
    _assert_main(text, intent)


def test_an_informal_imperative_about_a_post_is_no_erasure() -> None:
    # look-alike: the informal verb with no account or data of the writer's
    intents, _, reasons = _read(
        "", "Löscht bitte den doppelten Thread im Forum, der ist von gestern."
    )
    assert "erasure" not in intents, reasons


@pytest.mark.parametrize(
    "text",
    [
        "I noticed my e-mail addresses and my full name in the contributors file of this project "
        "and I want them removed. I found it when I looked my address up on Google.",
        "Mein Name erscheint in Ihrem Mitgliederverzeichnis, und wenn man meinen Namen googelt, "
        "ist es der erste Treffer. Bitte entfernen Sie meine Daten dort.",
    ],
)
def test_data_found_with_a_search_engine_asked_away_is_a_publication_opt_out(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert intents[:1] == ["publication_optout"], reasons
    assert "erasure" not in intents and review


def test_everything_held_asked_deleted_stays_erasure_even_when_public() -> None:
    # look-alike: the whole register's record named
    intents, _, reasons = _read(
        "",
        "Your demo shows my phone number when you search for my name on Google. Where did you "
        "get it? Then please delete everything you hold about me.",
    )
    assert "erasure" in intents, reasons


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "Por la presente solicito el acceso a mis datos conforme al artículo 15 del RGPD.",
            "access",
        ),
        (
            "Me opongo a recibir comunicaciones comerciales de su empresa por cualquier medio.",
            "marketing_optout",
        ),
    ],
)
def test_spanish_access_and_marketing_wordings(text: str, intent: str) -> None:
    _assert_main(text, intent)


def test_a_generators_optional_block_is_not_chosen() -> None:
    # "[name> ... ]": a paragraph the writer may keep, not one kept
    text = (
        "I hereby request access to my personal data under Article 15 GDPR, including the "
        "purposes and recipients.\n[data_portability>\nPlease also make the data I provided "
        "available in a structured, machine-readable format under Article 20(1) GDPR.\n]"
    )
    intents, _, reasons = _read("", text)
    assert intents == ["access"], reasons


@pytest.mark.parametrize(
    "text",
    [
        "Gerne beantworten wir Ihnen Ihre Anfrage. Bitte haben Sie Verständnis dafür, dass wir "
        "eine Auskunft gem. Art. 15 DS-GVO nur dann erteilen können, wenn uns Ihre Angaben "
        "schriftlich vorliegen.",
        "Thank you for your request. We can only provide a copy of your data once we have "
        "verified your identity.",
    ],
)
def test_the_companys_answer_to_an_access_request_asks_nothing(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert intents == [], reasons
    assert review


def test_an_access_request_citing_gem_art_15_is_read() -> None:
    # look-alike: "gem." no longer ends the sentence, the request keeps its article
    _assert_main(
        "Ich bitte um Auskunft gem. Art. 15 DSGVO über meine gespeicherten Daten.", "access"
    )


def test_forbidding_advertising_use_is_a_marketing_opt_out() -> None:
    # an Austrian Robinson-list wording: "untersage" / "verbiete" with advertising named
    _assert_main("Ich untersage die Verwendung meiner Daten für Werbezwecke.", "marketing_optout")
    _assert_main("Ich verbiete Ihnen die Nutzung meiner Daten für Werbung.", "marketing_optout")


def test_a_hungarian_privacy_notice_asks_nothing() -> None:
    # the rights listed after "Önt az alábbi jogok illetik meg:", and the company's "we can only
    # fulfil rectification and erasure requests before ..." (46th sweep)
    text = (
        "Önt az alábbi jogok illetik meg:\n- kérheti személyes adatainak helyesbítését\n- "
        "kérheti személyes adatainak törlését\n\nFelhívjuk figyelmét, hogy a helyesbítési és "
        "törlési kérelmeket csak az email továbbítását megelőzően tudjuk teljesíteni."
    )
    intents, review, reasons = _read("", text)
    assert intents == [], reasons
    assert review


def test_eliminating_unlawful_access_is_no_erasure() -> None:
    intents, _, reasons = _read(
        "",
        "Chiedo l'accesso ai miei dati ai sensi dell'articolo 15 e la descrizione dei "
        "provvedimenti adottati per eliminare i futuri accessi illeciti ai miei dati.",
    )
    assert intents[:1] == ["access"] and "erasure" not in intents, reasons


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # spoken Finnish and Swedish (rules key word_forms, blind26)
        ("haluun et mun hakemus ja cv poistetaan teidän järjestelmästä", "erasure"),
        ("voisko ne laittaa jotenki lukkoon niin et niitä vaan säilytetään", "restriction"),
        ("voisitteko siirtää mun kulutustiedot suoraan uudelle yhtiölle?", "portability"),
        ("Kan ni ändra det? Min sons födelsedatum står fel i klubbens system.", "rectification"),
        ("jag skulle vilja få ut alla uppgifter ni har om mig", "access"),
        ("kan ni fixa så jag slipper få fler nyhetsbrev? snälla", "marketing_optout"),
    ],
)
def test_spoken_finnish_and_swedish(text: str, intent: str) -> None:
    _assert_main(text, intent)


def test_a_spoken_form_is_a_whole_word() -> None:
    # look-alike: "mej" (mig) is not the start of "mejlet"
    intents, _, reasons = _read(
        "", "Jag råkade radera mejlet med min returetikett. Kan ni skicka den igen?"
    )
    assert "erasure" not in intents, reasons


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # casual English, German and French (blind27; rules key word_forms for u/ur/pls, jveux)
        ("take my pic off ur website asap pls", "publication_optout"),
        ("can u stop the promo texts, I just don't want the ads", "marketing_optout"),
        ("Can you send me an overview of what's actually held on me?", "access"),
        ("I said yes to location sharing but I'm withdrawing that now.", "consent_withdrawal"),
        (
            "Hallo, bitte schickt mir keine Kataloge und Prospekte mehr per Post.",
            "marketing_optout",
        ),
        (
            "ich hab die Standortfreigabe erlaubt, die ziehe ich hiermit zurück.",
            "consent_withdrawal",
        ),
        ("bonjour vous avez quoi comme infos sur moi ?", "access"),
        (
            "jveux recuperer mes stats et mon historique en fichier pour une autre plateforme",
            "portability",
        ),
    ],
)
def test_casual_english_german_french(text: str, intent: str) -> None:
    _assert_main(text, intent)


def test_missing_the_newsletter_is_no_opt_out() -> None:
    intents, _, reasons = _read(
        "", "hi is the newsletter still coming out? did I get unsubscribed by mistake?"
    )
    assert "marketing_optout" not in intents, reasons


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # own wordings of the rights (blind28)
        ("haluaisin tietää mitä te olette minusta koneelle pannut, ihan kaikki", "access"),
        (
            "Jag har träffat någon, så jag vill att min profil och allt försvinner på riktigt.",
            "erasure",
        ),
        ("I've changed my mind and I'm taking that permission back.", "consent_withdrawal"),
        (
            "Ich nutze mein Konto nicht mehr. Danach soll aber wirklich alles weg, auch meine Adresse.",
            "erasure",
        ),
        ("Pouvez-vous masquer mon nom sous l'avis ou mettre Anonyme ?", "publication_optout"),
        ("je suis pas d'accord avec ce systeme, arretez de me noter svp", "objection"),
    ],
)
def test_own_wordings_of_the_rights(text: str, intent: str) -> None:
    _assert_main(text, intent)


def test_a_bare_fix_it_after_an_erasure_is_no_correction() -> None:
    intents, _, reasons = _read(
        "", "vill att min profil, bilder och chattar försvinner på riktigt. kan ni fixa det?"
    )
    assert intents == ["erasure"], reasons
