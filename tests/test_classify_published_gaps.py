"""The gaps found by running the classifier on real published request letters (authorities',
consumer groups' and NGOs' templates; see "Published letters" in rules/README.md), each kept
here as short letters of our own in the same general wording (tests/letters/published_gaps/,
labels.tsv names the gap): every one gets its main right, and erasure or rectification is never
read into a letter that asks neither."""

from __future__ import annotations

import pytest
from gap_letters import GapLetters, Labelled, assert_reads_as_labelled

GAPS = GapLetters("published_gaps", look_alikes=False)
LABELS = GAPS.labels


def test_every_gap_has_letters() -> None:
    per_gap = GAPS.languages_per_gap()
    assert sorted(per_gap, key=int) == [str(n) for n in range(1, 31)]
    # the gaps of one language's rules have letters in that language, the shared ones in several
    assert all(len(per_gap[gap]) >= 3 for gap in ("1", "7", "8", "26", "27", "29", "30")), per_gap


@pytest.mark.parametrize("item", LABELS, ids=lambda item: item.file)
def test_main_right_and_no_destructive_misfire(item: Labelled) -> None:
    assert_reads_as_labelled(item, GAPS.classify(item), main_only=True)


def test_a_destructive_right_named_only_in_the_subject_line_goes_to_review() -> None:
    # gap 30: the subject names erasure or rectification and the body does not ask it (it asks
    # the other one, which is then the request, or nothing destructive): a person looks first
    items = [item for item in LABELS if item.note.startswith("gap 30:")]
    assert len(items) >= 3
    for item in items:
        got = GAPS.classify(item)
        assert got.needs_review, (item.file, got.intents, got.reasons)
        assert got.intents[:1] == list(item.intents[:1]), (item.file, got.intents)
