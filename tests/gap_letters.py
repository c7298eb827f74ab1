"""What the gap-letter test modules share (tests/test_classify_published*_gaps.py): each sweep of
real published letters left short letters of our own in tests/letters/<folder>/, one or more per
gap found, with labels.tsv naming the gap in its note ("gap N: ..." or "look-alike of gap N: ...",
a letter that must keep being read, or not read, as it was). This module reads such a folder,
classifies its letters and holds the one check every folder makes of every letter; the modules
keep their own figures (which gaps, which languages) and their written cases."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mailbot.classify import DESTRUCTIVE, MAIN_LANGUAGES, Classification, classify, load_rules

HERE = Path(__file__).resolve().parent

sys.path.insert(0, str(HERE.parent / "bench"))
from classify_eval import Labelled, main_right, read_labels, read_letter  # noqa: E402

__all__ = [
    "GapLetters",
    "Labelled",
    "assert_adversarial",
    "assert_main",
    "assert_reads_as_labelled",
    "read",
]


class GapLetters:
    """One folder of gap letters. `look_alikes`: notes may also read "look-alike of gap N:"."""

    def __init__(self, folder: str, *, look_alikes: bool = True) -> None:
        self.folder = HERE / "letters" / folder
        self.labels = read_labels(self.folder / "labels.tsv")
        self._note = re.compile(r"(?:look-alike of )?gap (\d+):" if look_alikes else r"gap (\d+):")

    def classify(self, item: Labelled) -> Classification:
        subject, body = read_letter(self.folder / item.file)
        return classify(subject=subject, text=body, rules=load_rules())

    def gap(self, item: Labelled) -> str:
        found = self._note.match(item.note)
        assert found, f"{item.file}: the note must name its gap"
        return found.group(1)

    def languages_per_gap(self) -> dict[str, set[str]]:
        per_gap: dict[str, set[str]] = {}
        for item in self.labels:
            per_gap.setdefault(self.gap(item), set()).add(item.language)
        return per_gap

    def look_alike_gaps(self) -> set[str]:
        return {self.gap(i) for i in self.labels if i.note.startswith("look-alike")}


def assert_reads_as_labelled(
    item: Labelled,
    got: Classification,
    *,
    main_only: bool = False,
    other_languages_reviewed: bool = False,
) -> None:
    """The main right first; no erasure or rectification the letter does not ask. Unless
    `main_only`: exactly the labelled rights, and a letter asking none goes to a person.
    `other_languages_reviewed`: a destructive reading outside the five main languages goes to a
    person too."""
    assert main_right(item, got), (item.note, got.intents, got.reasons)
    if not main_only:
        assert set(got.intents) == set(item.intents), (item.note, got.intents, got.reasons)
    misfire = (set(got.intents) & DESTRUCTIVE) - set(item.intents)
    assert not misfire, (item.note, got.intents, got.reasons)
    if not main_only and not item.intents:
        assert got.needs_review, (item.note, got.reasons)
    destructive = set(got.intents) & DESTRUCTIVE
    if other_languages_reviewed and destructive and got.language not in MAIN_LANGUAGES:
        assert got.needs_review, (item.note, got.reasons)


def read(subject: str, text: str) -> tuple[list[str], bool, list[str]]:
    """A letter written in a test: its rights (main first), whether a person looks, the reasons."""
    got = classify(subject=subject, text=text, rules=load_rules())
    return got.intents, got.needs_review, got.reasons


def assert_main(text: str, intent: str, subject: str = "") -> None:
    """The letter's main right (read without a subject line unless one is given) is `intent`."""
    intents, _, reasons = read(subject, text)
    assert intents[:1] == [intent], (subject, text, intents, reasons)


def assert_adversarial(
    letter: dict, bad: set[str], known_destructive: frozenset[str], known_missed: frozenset[str]
) -> None:
    """One of an adversarial review's letters (tests/adversarial*_letters.py): no erasure or
    rectification among `bad` read into it unless it is a known destructive reading, and every
    right it asks read unless it is known to be missed."""
    got = classify(subject=letter["subject"], text=letter["text"], rules=load_rules())
    if letter["id"] not in known_destructive:
        assert not set(got.intents) & bad, (got.intents, got.reasons)
    if letter["id"] not in known_destructive | known_missed:
        assert letter["want"] <= set(got.intents), (got.intents, got.reasons)
