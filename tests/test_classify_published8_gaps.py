"""The gaps found by the eighth sweep of real published letters in the languages other than
fi/sv/en/de/fr (rules/README.md, "Eighth sweep"), each kept as short letters of our own in the same
general wording (tests/letters/published8_gaps/, labels.tsv names the gap; "look-alike" letters keep
what must still be read, or not read): every one gets exactly its labelled rights, main right
first, erasure or rectification is never read into a letter that asks neither, a letter asking no
right goes to a person, and a destructive reading in these languages always does."""

from __future__ import annotations

import pytest
from gap_letters import GapLetters, Labelled, assert_reads_as_labelled

from mailbot.classify import DESTRUCTIVE, classify, load_rules

GAPS = GapLetters("published8_gaps")
LABELS = GAPS.labels


def test_every_gap_has_letters_and_look_alikes() -> None:
    per_gap = GAPS.languages_per_gap()
    look_alikes = GAPS.look_alike_gaps()
    assert sorted(per_gap, key=int) == [str(n) for n in range(1, 20)]
    # every gap but the last (second rights of an erasure letter) has a look-alike
    assert look_alikes == set(per_gap) - {"18"}, sorted(look_alikes, key=int)
    # the nested rights list is a change in code: checked in two languages
    assert {"pl", "en"} <= per_gap["2"], per_gap["2"]


@pytest.mark.parametrize("item", LABELS, ids=lambda item: item.file)
def test_rights_and_no_destructive_misfire(item: Labelled) -> None:
    assert_reads_as_labelled(item, GAPS.classify(item), other_languages_reviewed=True)


@pytest.mark.parametrize(
    "text",
    [
        # a rights list nested in a mentioned list: the inner items are listed, not asked
        "I understand that I have the right to:\n1) ask the controller for:\n"
        "a) erasure of my personal data;\nb) rectification of my data.",
        "Ich weiß, dass ich das Recht habe auf:\n1. gegenüber dem Verantwortlichen:\n"
        "a) Löschung meiner Daten,\nb) Berichtigung meiner Daten.",
        "Wiem, że przysługuje mi prawo do:\n1) żądania od administratora:\n"
        "a) usunięcia moich danych osobowych,\nb) sprostowania moich danych.",
        # a complaint to the authority, a file, a pay register, a consent stated
        "Subject: Reclamación por falta de respuesta al derecho de supresión\n"
        "Ejercité mi derecho de supresión ante la empresa en marzo.",
        "Prašau ištrinti šį failą, kodo jame nėra.",
        "Îmi pot exercita următoarele drepturi: de acces; de a mă opune prelucrării; de a "
        "solicita ștergerea datelor.",
    ],
)
def test_listed_or_told_rights_are_never_destructive(text: str) -> None:
    got = classify(subject="", text=text, rules=load_rules())
    assert not set(got.intents) & DESTRUCTIVE, (text, got.intents, got.reasons)
    assert got.needs_review, (text, got.reasons)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "Please do the following:\n1. in all of your systems:\na) delete all of my personal data;"
            "\nb) confirm it to me.",
            "erasure",
        ),
        ("Proszę o usunięcie mojego konta.", "erasure"),
        ("Ik maak bezwaar tegen de verwerking van mijn persoonsgegevens.", "objection"),
        ("Vznáším námitku proti zpracování mých osobních údajů.", "objection"),
        ("Fjern mit navn fra opslaget.", "publication_optout"),
    ],
)
def test_the_requests_beside_them_still_ask(text: str, intent: str) -> None:
    got = classify(subject="", text=text, rules=load_rules())
    assert got.intents[:1] == [intent], (text, got.intents, got.reasons)
