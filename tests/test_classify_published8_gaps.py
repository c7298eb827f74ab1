"""The gaps found by the eighth sweep of real published letters in the languages other than
fi/sv/en/de/fr (rules/README.md, "Eighth sweep"), each kept as short letters of our own in the same
general wording (tests/letters/published8_gaps/, labels.tsv names the gap; "look-alike" letters keep
what must still be read, or not read): every one gets exactly its labelled rights, main right
first, erasure or rectification is never read into a letter that asks neither, a letter asking no
right goes to a person, and a destructive reading in these languages always does."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from mailbot.classify import DESTRUCTIVE, MAIN_LANGUAGES, Classification, classify, load_rules

HERE = Path(__file__).resolve().parent
GAPS = HERE / "letters" / "published8_gaps"

sys.path.insert(0, str(HERE.parent / "bench"))
from classify_eval import Labelled, main_right, read_labels, read_letter  # noqa: E402

LABELS = read_labels(GAPS / "labels.tsv")


def _classify(item: Labelled) -> Classification:
    subject, body = read_letter(GAPS / item.file)
    return classify(subject=subject, text=body, rules=load_rules())


def _gap(item: Labelled) -> str:
    found = re.match(r"(?:look-alike of )?gap (\d+):", item.note)
    assert found, f"{item.file}: the note must name its gap"
    return found.group(1)


def test_every_gap_has_letters_and_look_alikes() -> None:
    per_gap: dict[str, set[str]] = {}
    look_alikes: set[str] = set()
    for item in LABELS:
        per_gap.setdefault(_gap(item), set()).add(item.language)
        if item.note.startswith("look-alike"):
            look_alikes.add(_gap(item))
    assert sorted(per_gap, key=int) == [str(n) for n in range(1, 20)]
    # every gap but the last (second rights of an erasure letter) has a look-alike
    assert look_alikes == set(per_gap) - {"18"}, sorted(look_alikes, key=int)
    # the nested rights list is a change in code: checked in two languages
    assert {"pl", "en"} <= per_gap["2"], per_gap["2"]


@pytest.mark.parametrize("item", LABELS, ids=lambda item: item.file)
def test_rights_and_no_destructive_misfire(item: Labelled) -> None:
    got = _classify(item)
    assert main_right(item, got), (item.note, got.intents, got.reasons)
    assert set(got.intents) == set(item.intents), (item.note, got.intents, got.reasons)
    misfire = (set(got.intents) & DESTRUCTIVE) - set(item.intents)
    assert not misfire, (item.note, got.intents, got.reasons)
    if not item.intents:
        assert got.needs_review, (item.note, got.reasons)
    if set(got.intents) & DESTRUCTIVE and got.language not in MAIN_LANGUAGES:
        assert got.needs_review, (item.note, got.reasons)


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
