"""The classify stage on a fifth blind set (tests/letters/blind5/, labels.tsv): 155 letters written
before the rules were read, 20 each in fi/sv/en/de/fr and 55 in 18 other EU languages, about 60%
modelled on the request letters authorities and consumer groups publish (headings, numbered
sub-requests, placeholders, law citations, lawyers writing for a client, threats to go to the
authority), the rest casual (slang, no diacritics, problems described instead of rights named,
subject line only, the request only in a quoted earlier message, the main right named second),
19 of them only looking like requests (privacy-policy questions, cart, password, delivery address,
newsletter footers, a vendor's access-request template to fill in). 54 are real .eml files (plain
8bit, quoted-printable, base64, HTML-only with "Sent from" footers, multipart/alternative, replies
with In-Reply-To), read the way `mailbot classify --json FILE` reads them; the labels' note says
which path each file takes.

Figures before the rules were tuned on it (through classify_file): main right fi 90%, sv 90%, en
95%, de 100%, fr 95% (94.0% in the five), 50/55 in the other languages (92.9% across all), no
destructive misfire; sv_13 (erasure only considered: "innan jag bestämmer mig om jag vill att ni
raderar allt") was relabelled access-only after that run, which the rules then read as erasure.
Two "see below" reminders whose Re:/AW: subject named the right were acted on without review.
These tests hold the figures after the fixes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mailbot.classify import DESTRUCTIVE, classify, classify_file, load_rules

HERE = Path(__file__).resolve().parent
BLIND5 = HERE / "letters" / "blind5"
MAIN = ("fi", "sv", "en", "de", "fr")

# (file, language, intents main first, note), as labelled
Label = tuple[str, str, tuple[str, ...], str]
Results = list[tuple[Label, dict[str, Any]]]


def _labels() -> list[Label]:
    lines = (BLIND5 / "labels.tsv").read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines[1:]:
        file, language, intents, note = line.split("\t", 3)
        out.append((file, language, tuple(i for i in intents.split(",") if i), note))
    return out


@pytest.fixture(scope="module")
def results() -> Results:
    rules = load_rules()
    return [(label, classify_file(BLIND5 / label[0], rules=rules)) for label in _labels()]


def _main_right(label: Label, got: dict[str, Any]) -> bool:
    want = label[2]
    if not want:  # a letter that asks nothing: no right, or at least a person looks first
        return not got["intents"] or got["needs_review"]
    return got["intents"][:1] == [want[0]]


def _share(results: Results, languages: tuple[str, ...] | None) -> float:
    mine = [(lb, g) for lb, g in results if languages is None or lb[1] in languages]
    return sum(_main_right(lb, g) for lb, g in mine) / len(mine)


def test_blind5_set_is_big_and_varied(results: Results) -> None:
    assert len(results) >= 150
    assert len({lb[1] for lb, _ in results}) >= 23
    assert sum(not lb[2] for lb, _ in results) >= 15
    assert sum(len(lb[2]) > 1 for lb, _ in results) >= 8
    assert sum(lb[0].endswith(".eml") for lb, _ in results) >= 50
    assert all(g.get("error") is None for _, g in results)


@pytest.mark.parametrize("language", MAIN)
def test_main_right_at_least_95_percent_per_main_language(results: Results, language: str) -> None:
    wrong = [lb[0] for lb, g in results if lb[1] == language and not _main_right(lb, g)]
    assert _share(results, (language,)) >= 0.95, wrong


def test_main_right_at_least_95_percent_in_the_other_languages(results: Results) -> None:
    others = tuple({lb[1] for lb, _ in results} - set(MAIN))
    wrong = [lb[0] for lb, g in results if lb[1] in others and not _main_right(lb, g)]
    assert _share(results, others) >= 0.95, wrong


def test_no_erasure_or_rectification_read_into_a_letter_asking_neither(results: Results) -> None:
    misfires = [
        (lb[0], sorted((set(g["intents"]) & DESTRUCTIVE) - set(lb[2]))) for lb, g in results
    ]
    assert [m for m in misfires if m[1]] == []


def test_language_of_every_letter_is_detected(results: Results) -> None:
    assert [(lb[0], g["language"]) for lb, g in results if g["language"] != lb[1]] == []


def test_a_reply_over_a_quoted_request_is_read_but_always_reviewed(results: Results) -> None:
    reminders = [(lb, g) for lb, g in results if "eml reply" in lb[3]]
    assert len(reminders) == 5
    for label, got in reminders:
        assert got["intents"][:1] == [label[2][0]], label[0]
        assert got["needs_review"] is True, label[0]


def test_a_mail_of_only_a_subject_line_is_read_from_it(results: Results) -> None:
    subject_only = [(lb, g) for lb, g in results if lb[3].startswith("subject only")]
    assert len(subject_only) == 5
    assert [lb[0] for lb, g in subject_only if not _main_right(lb, g)] == []


def test_a_reply_subject_alone_never_drives_an_unreviewed_erasure() -> None:
    got = classify(subject="AW: Löschung meiner Daten", text="Siehe unten. Ich warte noch.")
    assert got.intents[:1] == ["erasure"]
    assert got.needs_review is True
    # the same words as a fresh subject are the request itself
    fresh = classify(subject="Löschung meiner Daten", text="Bitte umgehend erledigen. Danke.")
    assert fresh.intents[:1] == ["erasure"]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # the right asked first after the emphasis word is the main one, even when the other
        # right is mentioned again later in the same sentence
        (
            "My surname is misspelt on your letters, but primarily I ask for a copy of all"
            " the data you store on me, so I can see what else is wrong.",
            "access",
        ),
        (
            "Sukunimeni on kirjoitettu väärin, mutta ensisijaisesti pyydän kopion kaikista"
            " tiedoistani, jotta näen mitä muuta on väärin.",
            "access",
        ),
        ("Me emme hyväksy, että profiloitte asiakkaitanne ostojen perusteella.", "objection"),
        ("Vem sålde mitt nummer till er? Radera det omedelbart.", "erasure"),
        ("Je vous prie de corriger ma date de naissance dans votre fichier.", "rectification"),
        ("Il mio cognome nel vostro archivio è errato, per favore correggetelo.", "rectification"),
        ("I har mit gamle telefonnummer. Opdater venligst.", "rectification"),
        ("Que dados guardam sobre mim? Quero receber uma cópia.", "access"),
        ("przestańcie mi ciągle wysyłać reklamy SMS-em", "marketing_optout"),
        ("prestante mi posilat reklamni sms zpravy", "marketing_optout"),
    ],
)
def test_wordings_missing_before_this_round(text: str, intent: str) -> None:
    got = classify(subject="", text=text)
    assert got.intents[:1] == [intent], got.reasons


@pytest.mark.parametrize(
    "text",
    [
        # erasure only considered, not asked
        "Before I decide whether you should delete everything, send me a copy of my data.",
        "Innan jag bestämmer mig om ni ska radera allt vill jag se vilka uppgifter ni har.",
        "Avant de décider si je demande l'effacement, envoyez-moi une copie de mes données.",
    ],
)
def test_a_deferred_erasure_is_no_erasure(text: str) -> None:
    got = classify(subject="", text=text)
    assert got.intents[:1] == ["access"]
    assert "erasure" not in got.intents


def test_a_vendors_drafted_access_template_is_no_access_request() -> None:
    got = classify(
        subject="Template for review",
        text="Here is the subject access request form we prepared for your portal. Please fill"
        " in your DPO contact details and return it.",
    )
    assert not got.intents or got.needs_review


# Written after the rules were read (not blind): each right in the template words of the other
# languages. 8 of these 61 were missed before this round (nl restriction and portability, nb
# portability, cs and hu rectification with the data named, sl and hr objection verbs).
OTHER_LANGUAGE_TEMPLATES = [
    ("es", "consent_withdrawal", "Retiro mi consentimiento para el tratamiento de mis datos."),
    ("es", "restriction", "Solicito la limitación del tratamiento mientras se comprueba."),
    ("it", "consent_withdrawal", "Revoco il consenso al trattamento dei miei dati personali."),
    ("it", "objection", "Mi oppongo al trattamento dei miei dati per finalità di profilazione."),
    ("nl", "restriction", "Ik verzoek u de verwerking van mijn gegevens te beperken."),
    ("nl", "portability", "Ik wil mijn gegevens in een machineleesbaar bestand ontvangen."),
    ("nl", "objection", "Ik maak bezwaar tegen de verwerking van mijn persoonsgegevens."),
    ("pl", "consent_withdrawal", "Cofam zgodę na przetwarzanie moich danych osobowych."),
    ("pl", "restriction", "Żądam ograniczenia przetwarzania moich danych."),
    ("pt", "restriction", "Solicito a limitação do tratamento dos meus dados pessoais."),
    ("da", "objection", "Jeg gør indsigelse mod jeres behandling af mine personoplysninger."),
    ("da", "portability", "Send mig mine oplysninger i et maskinlæsbart format."),
    ("nb", "portability", "Jeg ønsker å få utlevert dataene mine i et maskinlesbart format."),
    ("nb", "rectification", "Adressen min er feil hos dere. Vennligst rett den."),
    ("et", "consent_withdrawal", "Võtan oma nõusoleku tagasi."),
    ("cs", "rectification", "Prosím o opravu mé adresy, kterou máte chybně."),
    ("cs", "objection", "Vznáším námitku proti zpracování mých osobních údajů."),
    ("sk", "objection", "Namietam spracúvanie mojich osobných údajov."),
    ("hu", "rectification", "Kérem, helyesbítsék a címemet, mert hibás."),
    ("hu", "objection", "Tiltakozom személyes adataim kezelése ellen."),
    ("ro", "consent_withdrawal", "Îmi retrag consimțământul pentru prelucrarea datelor mele."),
    ("el", "objection", "Αντιτίθεμαι στην επεξεργασία των προσωπικών μου δεδομένων."),
    ("lt", "consent_withdrawal", "Atšaukiu savo sutikimą tvarkyti mano asmens duomenis."),
    ("lv", "objection", "Es iebilstu pret manu personas datu apstrādi."),
    ("sl", "objection", "Ugovarjam obdelavi mojih osebnih podatkov."),
    ("hr", "objection", "Prigovaram obradi mojih osobnih podataka."),
    ("bg", "consent_withdrawal", "Оттеглям съгласието си за обработване на личните ми данни."),
]


@pytest.mark.parametrize(("language", "intent", "text"), OTHER_LANGUAGE_TEMPLATES)
def test_each_right_in_the_other_languages_template_words(
    language: str, intent: str, text: str
) -> None:
    got = classify(subject="", text=text)
    assert got.intents[:1] == [intent], got.reasons
    assert not (set(got.intents) & DESTRUCTIVE) - {intent}


@pytest.mark.parametrize(
    "text",
    [
        "Prosím o opravu faktury č. 2231.",  # an invoice to correct, no personal data named
        "Ik wil mijn bestelling wijzigen naar een ander formaat.",
    ],
)
def test_look_alikes_in_the_other_languages_are_no_destructive_request(text: str) -> None:
    got = classify(subject="", text=text)
    assert not set(got.intents) & DESTRUCTIVE


# Template headings of the other languages as the subject over a placeholder body (written
# after the rules were read). 4 of these 39 were missed before this round: es "acceso a datos
# personales", et "isikuandmetega tutvumiseks", lv "piekļūt", and pt "Pedido de retificação",
# suppressed because "pedido" is also an order.
OTHER_LANGUAGE_HEADINGS = [
    ("es", "access", "Solicitud de acceso a datos personales"),
    ("es", "rectification", "Solicitud de rectificación de datos personales"),
    ("es", "objection", "Ejercicio del derecho de oposición"),
    ("es", "portability", "Solicitud de portabilidad de los datos"),
    ("it", "access", "Richiesta di accesso ai dati personali"),
    ("it", "rectification", "Richiesta di rettifica dei dati personali"),
    ("it", "restriction", "Richiesta di limitazione del trattamento"),
    ("it", "objection", "Opposizione al trattamento dei dati personali"),
    ("nl", "erasure", "Verzoek tot verwijdering van persoonsgegevens"),
    ("nl", "rectification", "Verzoek tot rectificatie van persoonsgegevens"),
    ("nl", "objection", "Bezwaar tegen verwerking van persoonsgegevens"),
    ("pl", "rectification", "Wniosek o sprostowanie danych osobowych"),
    ("pl", "portability", "Wniosek o przeniesienie danych osobowych"),
    ("pl", "objection", "Sprzeciw wobec przetwarzania danych osobowych"),
    ("pt", "rectification", "Pedido de retificação de dados pessoais"),
    ("pt", "objection", "Direito de oposição ao tratamento de dados"),
    ("da", "erasure", "Anmodning om sletning af personoplysninger"),
    ("da", "rectification", "Anmodning om berigtigelse af personoplysninger"),
    ("nb", "access", "Begjæring om innsyn i personopplysninger"),
    ("nb", "rectification", "Krav om retting av personopplysninger"),
    ("et", "access", "Taotlus isikuandmetega tutvumiseks"),
    ("et", "rectification", "Isikuandmete parandamise taotlus"),
    ("cs", "rectification", "Žádost o opravu osobních údajů"),
    ("cs", "objection", "Námitka proti zpracování osobních údajů"),
    ("sk", "rectification", "Žiadosť o opravu osobných údajov"),
    ("hu", "access", "Kérelem a személyes adatokhoz való hozzáférésre"),
    ("hu", "rectification", "Kérelem személyes adatok helyesbítésére"),
    ("ro", "rectification", "Cerere de rectificare a datelor cu caracter personal"),
    ("ro", "objection", "Cerere de opoziție la prelucrarea datelor"),
    ("el", "rectification", "Αίτημα διόρθωσης προσωπικών δεδομένων"),
    ("lt", "rectification", "Prašymas ištaisyti asmens duomenis"),
    ("lt", "access", "Prašymas susipažinti su asmens duomenimis"),
    ("lv", "rectification", "Pieprasījums labot personas datus"),
    ("lv", "access", "Pieprasījums piekļūt personas datiem"),
    ("sl", "rectification", "Zahteva za popravek osebnih podatkov"),
    ("sl", "access", "Zahteva za seznanitev z osebnimi podatki"),
    ("hr", "rectification", "Zahtjev za ispravak osobnih podataka"),
    ("bg", "rectification", "Искане за коригиране на лични данни"),
    ("bg", "objection", "Възражение срещу обработването на лични данни"),
]


@pytest.mark.parametrize(("language", "intent", "subject"), OTHER_LANGUAGE_HEADINGS)
def test_template_headings_of_the_other_languages(language: str, intent: str, subject: str) -> None:
    got = classify(subject=subject, text="[Name]\n[Address]\n[Date]\n")
    assert got.intents[:1] == [intent], got.reasons
    assert not (set(got.intents) & DESTRUCTIVE) - {intent}


def test_a_portuguese_order_with_its_number_is_no_rectification() -> None:
    got = classify(subject="Encomenda", text="Por favor corrijam a morada do pedido nº 5512.")
    assert "rectification" not in got.intents


# Short Scandinavian one-liners: the language must be told apart (a Swedish letter read as
# Norwegian loses the Swedish rules) and the right found. Written after the rules were read; 7
# of these 21 were missed before this round ("sälj inte mina uppgifter", "glöm mig", "hva har
# dere lagret om meg", "jeg trekker samtykket mitt", "meld meg av", "hvad har I gemt om mig",
# "min adresse er forkert, ret den"). Left out: the three words "Slet min konto." are read as
# German and find nothing (review).
SCANDINAVIAN_ONE_LINERS = [
    ("sv", "erasure", "Radera mitt konto."),
    ("sv", "erasure", "Ta bort mina uppgifter."),
    ("sv", "marketing_optout", "Sluta skicka reklam."),
    ("sv", "access", "Vad har ni sparat om mig?"),
    ("sv", "rectification", "Min adress är fel, rätta den."),
    ("sv", "consent_withdrawal", "Jag tar tillbaka mitt samtycke."),
    ("sv", "objection", "Sälj inte mina uppgifter vidare."),
    ("sv", "marketing_optout", "Avregistrera mig från nyhetsbrevet."),
    ("sv", "erasure", "Glöm mig."),
    ("sv", "restriction", "Begränsa behandlingen av mina uppgifter."),
    ("nb", "erasure", "Slett kontoen min."),
    ("nb", "erasure", "Slett meg fra registeret deres."),
    ("nb", "marketing_optout", "Slutt å sende meg reklame."),
    ("nb", "access", "Hva har dere lagret om meg?"),
    ("nb", "consent_withdrawal", "Jeg trekker samtykket mitt."),
    ("nb", "marketing_optout", "Meld meg av nyhetsbrevet."),
    ("da", "marketing_optout", "Stop med at sende mig reklamer."),
    ("da", "access", "Hvad har I gemt om mig?"),
    ("da", "consent_withdrawal", "Jeg trækker mit samtykke tilbage."),
    ("da", "marketing_optout", "Afmeld mig nyhedsbrevet."),
    ("da", "rectification", "Min adresse er forkert, ret den venligst."),
]


@pytest.mark.parametrize(("language", "intent", "text"), SCANDINAVIAN_ONE_LINERS)
def test_short_scandinavian_letters_keep_their_language_and_right(
    language: str, intent: str, text: str
) -> None:
    got = classify(subject="", text=text)
    assert (got.language, got.intents[:1]) == (language, [intent]), got.reasons


@pytest.mark.parametrize(
    "text", ["Glöm mig inte när ni skickar julkort!", "Ret den fejl i fakturaen, tak."]
)
def test_scandinavian_look_alikes_are_no_destructive_request(text: str) -> None:
    got = classify(subject="", text=text)
    assert not set(got.intents) & DESTRUCTIVE


# Everyday and template wordings of the rarer rights in fi/sv/en/de/fr (written after the rules
# were read). 12 of these 40 were missed before this round: consent no longer given ("ich bin nicht
# mehr einverstanden", "je ne consens plus", "jag ger inte längre mitt samtycke", "en enää anna
# lupaa": their own negation cancelled them), "don't use my data until ...", "export ... to a
# spreadsheet file", "ladata tietoni tiedostona", "päivittäkää puhelinnumeroni", "geler
# l'utilisation", "merci de modifier mon numéro", "retirez-moi de votre liste de diffusion",
# "vernichten Sie alle Unterlagen über mich".
MAIN_LANGUAGE_WORDINGS = [
    (
        "en",
        "restriction",
        "Please put my account on hold and don't use my data until the dispute is resolved.",
    ),
    (
        "en",
        "portability",
        "Can you export all my transactions to a spreadsheet file so I can take them to another bank?",
    ),
    ("en", "publication_optout", "Please remove my name from the list of donors on your website."),
    ("en", "consent_withdrawal", "I no longer consent to you processing my fingerprint data."),
    ("en", "objection", "I don't want my data used for your analytics or profiling."),
    ("en", "access", "Under Article 15, please confirm whether you process my personal data."),
    ("en", "rectification", "Please amend my surname on your records to Smith-Jones."),
    ("en", "erasure", "Please purge all records relating to me."),
    ("en", "marketing_optout", "Opt me out of all marketing communications."),
    ("fi", "restriction", "Jäädyttäkää tietojeni käyttö, kunnes valitukseni on käsitelty."),
    (
        "fi",
        "portability",
        "Haluan ladata kaikki tietoni tiedostona, jotta voin vaihtaa palveluntarjoajaa.",
    ),
    ("fi", "publication_optout", "Poistakaa nimeni teidän verkkosivuiltanne."),
    ("fi", "consent_withdrawal", "En enää anna lupaa käyttää kuviani markkinoinnissa."),
    ("fi", "access", "Mitä tietoja teillä on minusta?"),
    ("fi", "rectification", "Päivittäkää puhelinnumeroni, uusi on 040 123 4567."),
    ("fi", "erasure", "Hävittäkää kaikki minua koskevat asiakirjat."),
    ("fi", "marketing_optout", "Älkää lähettäkö minulle enää mainoksia."),
    ("sv", "restriction", "Frys användningen av mina uppgifter tills tvisten är löst."),
    ("sv", "portability", "Jag vill ladda ner all min data som en fil för att byta leverantör."),
    ("sv", "publication_optout", "Ta bort mitt namn från listan på er hemsida."),
    (
        "sv",
        "consent_withdrawal",
        "Jag ger inte längre mitt samtycke till att ni använder mina bilder.",
    ),
    ("sv", "access", "Vilka personuppgifter behandlar ni om mig?"),
    ("sv", "rectification", "Uppdatera mitt telefonnummer, det nya är 070-1234567."),
    ("sv", "marketing_optout", "Avsluta min prenumeration på ert nyhetsbrev."),
    ("de", "restriction", "Bitte sperren Sie meine Daten, bis die Sache geklärt ist."),
    (
        "de",
        "portability",
        "Ich möchte alle meine Daten als Datei exportieren, um den Anbieter zu wechseln.",
    ),
    (
        "de",
        "publication_optout",
        "Bitte entfernen Sie meinen Namen aus der Spenderliste auf Ihrer Webseite.",
    ),
    (
        "de",
        "consent_withdrawal",
        "Ich bin nicht mehr einverstanden, dass Sie meine Fotos verwenden.",
    ),
    ("de", "access", "Welche Daten haben Sie über mich gespeichert?"),
    ("de", "rectification", "Bitte ändern Sie meine Telefonnummer, die neue lautet 0171 1234567."),
    ("de", "erasure", "Vernichten Sie bitte alle Unterlagen über mich."),
    ("de", "marketing_optout", "Bitte tragen Sie mich aus Ihrem Verteiler aus."),
    ("fr", "restriction", "Merci de geler l'utilisation de mes données jusqu'à la fin du litige."),
    (
        "fr",
        "portability",
        "Je souhaite télécharger toutes mes données dans un fichier pour changer de prestataire.",
    ),
    (
        "fr",
        "publication_optout",
        "Merci de retirer mon nom de la liste des donateurs sur votre site.",
    ),
    ("fr", "consent_withdrawal", "Je ne consens plus à l'utilisation de mes photos."),
    ("fr", "access", "Quelles données personnelles détenez-vous sur moi ?"),
    (
        "fr",
        "rectification",
        "Merci de modifier mon numéro de téléphone, le nouveau est le 06 12 34 56 78.",
    ),
    ("fr", "erasure", "Je vous demande de détruire toutes les données me concernant."),
    ("fr", "marketing_optout", "Retirez-moi de votre liste de diffusion."),
]


@pytest.mark.parametrize(("language", "intent", "text"), MAIN_LANGUAGE_WORDINGS)
def test_rarer_rights_in_the_main_languages(language: str, intent: str, text: str) -> None:
    got = classify(subject="", text=text)
    assert got.intents[:1] == [intent], got.reasons
    assert not (set(got.intents) & DESTRUCTIVE) - {intent}


@pytest.mark.parametrize(
    "text",
    [
        "Jag återkallar inte mitt samtycke.",
        "Ich widerrufe meine Einwilligung nicht.",
        "Je ne retire pas mon consentement.",
        "En peruuta suostumustani.",
        "I do not withdraw my consent.",
    ],
)
def test_a_consent_kept_is_still_no_withdrawal(text: str) -> None:
    # the patterns that carry their own negation must not make every negation a withdrawal
    assert "consent_withdrawal" not in classify(subject="", text=text).intents


# A second set of template and everyday wordings in fi/sv/en/de/fr (written after the rules were
# read); 10 of these 30 were missed before this round.
MORE_MAIN_LANGUAGE_WORDINGS = [
    (
        "en",
        "access",
        "Kindly provide me with all information you hold on me, including any recordings of phone calls.",
    ),
    ("en", "objection", "I hereby exercise my right to object under Article 21(1)."),
    ("en", "publication_optout", "I do not want my review and name shown publicly on your site."),
    ("en", "erasure", "I'd like my profile gone from your systems for good."),
    (
        "en",
        "rectification",
        "The spelling of my name on your file is incorrect; it should read 'Siobhán'.",
    ),
    ("en", "consent_withdrawal", "Consider my consent revoked as of today."),
    ("fi", "objection", "Käytän oikeuttani vastustaa henkilötietojeni käsittelyä."),
    ("fi", "access", "Toimittakaa minulle jäljennös minua koskevista henkilötiedoista."),
    ("fi", "erasure", "Haluun et mun kaikki tiedot hävitetään."),
    ("fi", "restriction", "Pyydän rajoittamaan tietojeni käsittelyä."),
    ("fi", "publication_optout", "En halua nimeäni julkiseen jäsenluetteloon."),
    ("fi", "marketing_optout", "Kieltäydyn suoramarkkinoinnista."),
    ("sv", "access", "Jag vill ta del av de personuppgifter som ni behandlar om mig."),
    ("sv", "erasure", "Jag vill att ni tar bort allt ni har om mig."),
    ("sv", "objection", "Jag vill inte att mina uppgifter används för profilering."),
    ("sv", "portability", "Skicka mina uppgifter i ett maskinläsbart format till min nya bank."),
    ("sv", "publication_optout", "Jag vill inte synas i er medlemsmatrikel på nätet."),
    (
        "de",
        "access",
        "Teilen Sie mir bitte mit, welche personenbezogenen Daten Sie über mich verarbeiten.",
    ),
    ("de", "objection", "Ich widerspreche der Verarbeitung meiner Daten zu Profilingzwecken."),
    ("de", "erasure", "Ich möchte, dass mein Konto samt aller Daten gelöscht wird."),
    ("de", "restriction", "Bitte schränken Sie die Verarbeitung meiner Daten ein."),
    ("de", "portability", "Bitte übermitteln Sie meine Daten direkt an meinen neuen Anbieter."),
    ("de", "marketing_optout", "Ich möchte keine Werbeanrufe mehr erhalten."),
    ("fr", "access", "Merci de me communiquer l'ensemble des informations me concernant."),
    ("fr", "objection", "Je refuse que mes données soient utilisées à des fins de profilage."),
    ("fr", "erasure", "Je souhaite que mon compte et toutes mes données soient supprimés."),
    ("fr", "restriction", "Je demande la limitation du traitement de mes données."),
    (
        "fr",
        "portability",
        "Merci de transmettre directement mes données à mon nouveau fournisseur.",
    ),
    ("fr", "publication_optout", "Je ne souhaite pas apparaître dans l'annuaire en ligne."),
    ("fr", "marketing_optout", "Je ne veux plus recevoir de SMS promotionnels."),
]


@pytest.mark.parametrize(("language", "intent", "text"), MORE_MAIN_LANGUAGE_WORDINGS)
def test_more_wordings_in_the_main_languages(language: str, intent: str, text: str) -> None:
    got = classify(subject="", text=text)
    assert got.intents[:1] == [intent], got.reasons
    assert not (set(got.intents) & DESTRUCTIVE) - {intent}


@pytest.mark.parametrize(
    "text",
    [
        "Vill ni att jag ska synas i er katalog? Gärna!",  # agreeing to be listed
        "Lisätkää minut jäsenluetteloon, kiitos.",  # asking to be added
    ],
)
def test_asking_to_be_listed_is_no_publication_optout(text: str) -> None:
    assert "publication_optout" not in classify(subject="", text=text).intents
