"""The gaps found by the fifth sweep of real published letters (rules/README.md, "Fifth sweep"),
each kept as short letters of our own in the same general wording (tests/letters/published5_gaps/,
labels.tsv names the gap; "look-alike" letters keep what must still be read): every one gets
exactly its labelled rights, main right first, erasure or rectification is never read into a
letter that asks neither, and a letter asking no right goes to a person."""

from __future__ import annotations

import pytest
from gap_letters import GapLetters, Labelled, assert_reads_as_labelled

GAPS = GapLetters("published5_gaps")
LABELS = GAPS.labels


def test_every_gap_has_letters() -> None:
    per_gap = GAPS.languages_per_gap()
    assert sorted(per_gap, key=int) == [str(n) for n in range(1, 16)]
    # the public-records gap is shared by several languages' rules
    assert len(per_gap["9"]) >= 5, per_gap


@pytest.mark.parametrize("item", LABELS, ids=lambda item: item.file)
def test_rights_and_no_destructive_misfire(item: Labelled) -> None:
    assert_reads_as_labelled(item, GAPS.classify(item))


def test_public_records_request_says_why() -> None:
    (item,) = [i for i in LABELS if i.file == "fi_01.txt"]
    got = GAPS.classify(item)
    assert any("public-records" in reason for reason in got.reasons), got.reasons
