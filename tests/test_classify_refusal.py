"""A writer who says not to delete or change anything (seventh session, tests/letters/misfire10):
the other words of deleting or correcting in that letter tell a story (a clerk's offer, the
company's page, a relative's request) and ask nothing; the right the letter asks is read alone
and a person looks. A negation that only defers ("not until the transfer is confirmed") refuses
nothing."""

from __future__ import annotations

import pytest

from mailbot.classify import classify, load_rules


def _read(text: str, subject: str = "") -> tuple[list[str], bool]:
    got = classify(subject=subject, text=text, rules=load_rules())
    return got.intents, got.needs_review


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "Please send me a copy of all personal data you hold about me. Your chat agent "
            "offered to delete my account instead. I do not want you to delete anything, I "
            "still use the account. My sister asked you to delete her data last year.",
            "access",
        ),
        (
            "Bitte schicken Sie mir eine Kopie meiner Daten nach Art. 15 DSGVO. Ihr Support riet "
            "mir, mein Konto zu löschen. Löschen Sie bitte nichts, ich nutze das Konto weiter. "
            "Meine Frau hat letztes Jahr die Löschung ihrer Daten verlangt.",
            "access",
        ),
        (
            "Je souhaite recevoir une copie de mes données personnelles. Votre service client m'a "
            "proposé de supprimer mon compte. Ne supprimez rien, j'utilise toujours ce compte. "
            "Ma sœur a fait supprimer ses données l'an dernier.",
            "access",
        ),
        (
            "Haluan saada kopion kaikista minua koskevista henkilötiedoista. Asiakaspalvelu "
            "ehdotti, että poistatte tilini. Älkää poistako mitään, käytän tiliä edelleen. "
            "Siskoni pyysi viime vuonna, että hänen tietonsa poistetaan.",
            "access",
        ),
        (
            "Jag vill få ett registerutdrag med alla personuppgifter ni har om mig. Kundtjänst "
            "föreslog att ni raderar mitt konto. Radera inte något, jag använder kontot "
            "fortfarande. Min syster bad förra året att hennes uppgifter raderas.",
            "access",
        ),
        (
            "Jag begär att ni begränsar behandlingen av mina uppgifter medan tvisten pågår. "
            "Handläggaren sa att felaktiga uppgifter rättas automatiskt. Rätta eller ändra inte "
            "heller något innan tvisten är avgjord.",
            "restriction",
        ),
    ],
)
def test_a_refused_destructive_right_is_not_read_from_the_story(text: str, asked: str) -> None:
    intents, review = _read(text)
    assert intents == [asked]
    assert review  # the letter talks of deleting or correcting: a person looks


@pytest.mark.parametrize(
    "text",
    [
        "Please send my order history as a CSV file to the new shop. Please delete my account "
        "afterwards, but do not delete it until the transfer has been confirmed.",
        "Bitte übermitteln Sie meine Daten im CSV-Format an den neuen Anbieter. Löschen Sie "
        "danach mein Konto, aber erst, wenn die Übertragung bestätigt ist.",
        "Skicka min kontohistorik i CSV-format till den nya banken. Radera sedan mitt konto; "
        "raderingen ska inte ske förrän överföringen är bekräftad.",
    ],
)
def test_a_deferred_erasure_is_still_asked(text: str) -> None:
    intents, _ = _read(text)
    assert intents == ["portability", "erasure"]


@pytest.mark.parametrize(
    "text",
    [
        # the main right keeps its reading whatever negation a threat carries
        "Please delete my account and all my data. If you do not delete it within a month I "
        "will complain to the ICO.",
        "Löschen Sie bitte alle meine Daten. Sollten Sie sie nicht löschen, beschwere ich mich "
        "bei der Aufsichtsbehörde.",
    ],
)
def test_erasure_asked_first_stays_asked(text: str) -> None:
    intents, _ = _read(text)
    assert intents[0] == "erasure"
