"""The gaps found by the seventh sweep of real published letters (rules/README.md, "Seventh
sweep"), each kept as short letters of our own in the same general wording
(tests/letters/published7_gaps/, labels.tsv names the gap; "look-alike" letters keep what must
still be read, or not read): every one gets exactly its labelled rights, main right first, erasure
or rectification is never read into a letter that asks neither, and a letter asking no right goes
to a person."""

from __future__ import annotations

import pytest
from gap_letters import GapLetters, Labelled, assert_reads_as_labelled

from mailbot.classify import DESTRUCTIVE, classify, load_rules

GAPS = GapLetters("published7_gaps")
LABELS = GAPS.labels


def test_every_gap_has_letters_and_look_alikes() -> None:
    per_gap = GAPS.languages_per_gap()
    look_alikes = GAPS.look_alike_gaps()
    assert sorted(per_gap, key=int) == [str(n) for n in range(1, 11)]
    # every gap but the second (new access wordings, nothing to keep apart) has a look-alike
    assert look_alikes == set(per_gap) - {"2"}, sorted(look_alikes, key=int)
    # the unticked boxes and the "cease any further processing" item in several languages
    assert {"pt", "es", "it", "en"} <= per_gap["4"], per_gap["4"]
    assert {"de", "pl", "fr", "sv"} <= per_gap["8"], per_gap["8"]


@pytest.mark.parametrize("item", LABELS, ids=lambda item: item.file)
def test_rights_and_no_destructive_misfire(item: Labelled) -> None:
    assert_reads_as_labelled(item, GAPS.classify(item))


def test_an_unticked_box_inside_a_request_chooses_nothing() -> None:
    """The misfire the sweep found in a form: "I ask for: [ ] Erasure" read the heading's request
    words and the option after the box as one request."""
    for item in (i for i in LABELS if GAPS.gap(i) == "4" and not i.intents):
        got = GAPS.classify(item)
        assert not got.intents, (item.file, got.intents, got.reasons)
        assert got.needs_review, (item.file, got.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Subject: Data request\nI ask for:\n[ ] Erasure of my personal data\n[ ] Rectification",
        "Subject: Demande\nJe demande :\n( ) l'effacement de mes données\n( ) l'accès",
        "Subject: Antrag\nIch beantrage:\n☐ Löschung meiner Daten\n☐ Auskunft",
        "Subject: Pedido\nSolicito:\n( ) Eliminação dos meus dados\n( ) Acesso aos meus dados",
    ],
)
def test_unticked_box_is_never_destructive(text: str) -> None:
    subject, _, body = text.partition("\n")
    got = classify(subject=subject.removeprefix("Subject: "), text=body, rules=load_rules())
    assert not set(got.intents) & DESTRUCTIVE, (text, got.intents, got.reasons)
    assert got.needs_review, (text, got.reasons)
