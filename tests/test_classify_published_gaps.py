"""The gaps found by running the classifier on real published request letters (authorities',
consumer groups' and NGOs' templates; see "Published letters" in rules/README.md), each kept
here as short letters of our own in the same general wording (tests/letters/published_gaps/,
labels.tsv names the gap): every one gets its main right, and erasure or rectification is never
read into a letter that asks neither."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from mailbot.classify import DESTRUCTIVE, Classification, classify, load_rules

HERE = Path(__file__).resolve().parent
GAPS = HERE / "letters" / "published_gaps"

sys.path.insert(0, str(HERE.parent / "bench"))
from classify_eval import Labelled, main_right, read_labels, read_letter  # noqa: E402

LABELS = read_labels(GAPS / "labels.tsv")


def _classify(item: Labelled) -> Classification:
    subject, body = read_letter(GAPS / item.file)
    return classify(subject=subject, text=body, rules=load_rules())


def test_every_gap_has_letters() -> None:
    per_gap: dict[str, set[str]] = {}
    for item in LABELS:
        found = re.match(r"gap (\d+):", item.note)
        assert found, f"{item.file}: the note must name its gap"
        per_gap.setdefault(found.group(1), set()).add(item.language)
    assert sorted(per_gap, key=int) == [str(n) for n in range(1, 31)]
    # the gaps of one language's rules have letters in that language, the shared ones in several
    assert all(len(per_gap[gap]) >= 3 for gap in ("1", "7", "8", "26", "27", "29", "30")), per_gap


@pytest.mark.parametrize("item", LABELS, ids=lambda item: item.file)
def test_main_right_and_no_destructive_misfire(item: Labelled) -> None:
    got = _classify(item)
    assert main_right(item, got), (item.note, got.intents, got.reasons)
    misfire = (set(got.intents) & DESTRUCTIVE) - set(item.intents)
    assert not misfire, (item.note, got.intents, got.reasons)


def test_a_destructive_right_named_only_in_the_subject_line_goes_to_review() -> None:
    # gap 30: the subject names erasure or rectification and the body does not ask it (it asks
    # the other one, which is then the request, or nothing destructive): a person looks first
    items = [item for item in LABELS if item.note.startswith("gap 30:")]
    assert len(items) >= 3
    for item in items:
        got = _classify(item)
        assert got.needs_review, (item.file, got.intents, got.reasons)
        assert got.intents[:1] == list(item.intents[:1]), (item.file, got.intents)
