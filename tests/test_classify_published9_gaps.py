"""The gaps found by the ninth sweep of real published letters (rules/README.md, "Ninth sweep"),
each kept as short letters of our own in the same general wording (tests/letters/published9_gaps/,
labels.tsv names the gap; "look-alike" letters keep what must still be read, or not read): every
one gets exactly its labelled rights, main right first, erasure or rectification is never read
into a letter that asks neither, and a letter asking no right goes to a person."""

from __future__ import annotations

import pytest
from gap_letters import GapLetters, Labelled, assert_reads_as_labelled

from mailbot.classify import DESTRUCTIVE, classify, load_rules

GAPS = GapLetters("published9_gaps")
LABELS = GAPS.labels


def test_every_gap_has_letters_and_look_alikes() -> None:
    per_gap = GAPS.languages_per_gap()
    look_alikes = GAPS.look_alike_gaps()
    assert sorted(per_gap, key=int) == [str(n) for n in range(1, 11)]
    assert look_alikes == set(per_gap), sorted(look_alikes, key=int)
    # the photo deleted from a website is checked in two languages
    assert {"en", "fr"} <= per_gap["4"], per_gap["4"]


@pytest.mark.parametrize("item", LABELS, ids=lambda item: item.file)
def test_rights_and_no_destructive_misfire(item: Labelled) -> None:
    assert_reads_as_labelled(item, GAPS.classify(item), other_languages_reviewed=True)


@pytest.mark.parametrize(
    "text",
    [
        # one's information taken off a website erases nothing
        "I would like to remove my personal data from your website to be less findable.",
        "Please remove my photo from your website.",
        # quoted law: a penalty stated is no request
        "Je vous rappelle que :\nD'après le code pénal, est puni d'une amende le fait de ne pas "
        "procéder aux opérations demandées par une personne qui exige que soient rectifiées ou "
        "effacées les données la concernant.",
        # the writer's own text corrected
        "Ik wil mijn tekst nog corrigeren voordat ik hem opstuur.",
    ],
)
def test_website_law_and_own_text_are_never_destructive(text: str) -> None:
    got = classify(subject="", text=text, rules=load_rules())
    assert not set(got.intents) & DESTRUCTIVE, (text, got.intents, got.reasons)


@pytest.mark.parametrize(
    ("subject", "text", "intent"),
    [
        ("", "Please remove my personal data from your website and from your CRM.", "erasure"),
        (
            "Remove my personal data",
            "Please remove my details from your website.",
            "publication_optout",
        ),
        ("", "I request to delete the photo [URL] of your Internet domain.", "erasure"),
        ("", "Merci d'effacer cette photo [URL] de votre site.", "erasure"),
        (
            "",
            "Ich möchte wissen, welche Daten Sie über mein Benutzerkonto gespeichert haben.",
            "access",
        ),
        ("", "Verwenden Sie meine Daten bitte vorläufig nicht weiter.", "restriction"),
        ("", "Droit à l'oubli RGPD.", "erasure"),
        ("", "Gelieve mijn adres te corrigeren.", "rectification"),
        ("", "Hei, en halua enää vastaanottaa viestejänne.", "marketing_optout"),
        ("", "Hej, jag vill inte längre få mejl från er.", "marketing_optout"),
        (
            "",
            "Etwas, das Sie über mich gespeichert haben, ist falsch. Bitte korrigieren Sie das.",
            "rectification",
        ),
        ("", "Hola, mi apellido está mal escrito.", "rectification"),
    ],
)
def test_the_requests_still_ask(subject: str, text: str, intent: str) -> None:
    got = classify(subject=subject, text=text, rules=load_rules())
    assert got.intents[:1] == [intent], (text, got.intents, got.reasons)
