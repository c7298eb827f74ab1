"""The gaps found by the sixth sweep of real published letters (rules/README.md, "Sixth sweep"),
each kept as short letters of our own in the same general wording (tests/letters/published6_gaps/,
labels.tsv names the gap; "look-alike" letters keep what must still be read, or not read): every
one gets exactly its labelled rights, main right first, erasure or rectification is never read
into a letter that asks neither, and a letter asking no right goes to a person."""

from __future__ import annotations

import pytest
from gap_letters import GapLetters, Labelled, assert_reads_as_labelled

GAPS = GapLetters("published6_gaps")
LABELS = GAPS.labels


def test_every_gap_has_letters() -> None:
    per_gap = GAPS.languages_per_gap()
    assert sorted(per_gap, key=int) == [str(n) for n in range(1, 10)]
    # Art 15(1)'s own words and "remove me from your website" are written in all five languages
    for gap in ("1", "6"):
        assert {"fi", "sv", "en", "de", "fr"} <= per_gap[gap], (gap, per_gap[gap])


@pytest.mark.parametrize("item", LABELS, ids=lambda item: item.file)
def test_rights_and_no_destructive_misfire(item: Labelled) -> None:
    assert_reads_as_labelled(item, GAPS.classify(item))


def test_remove_me_from_the_website_is_no_erasure() -> None:
    """The misfire of the sweep: the erasure words inside the publication opt-out belong to it."""
    for item in (i for i in LABELS if i.note.startswith("gap 6:")):
        got = GAPS.classify(item)
        assert "erasure" not in got.intents, (item.file, got.intents, got.reasons)
        assert any("absorbed" in r or "publication_optout" in r for r in got.reasons), got.reasons
