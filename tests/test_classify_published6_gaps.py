"""The gaps found by the sixth sweep of real published letters (rules/README.md, "Sixth sweep"),
each kept as short letters of our own in the same general wording (tests/letters/published6_gaps/,
labels.tsv names the gap; "look-alike" letters keep what must still be read, or not read): every
one gets exactly its labelled rights, main right first, erasure or rectification is never read
into a letter that asks neither, and a letter asking no right goes to a person."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from mailbot.classify import DESTRUCTIVE, Classification, classify, load_rules

HERE = Path(__file__).resolve().parent
GAPS = HERE / "letters" / "published6_gaps"

sys.path.insert(0, str(HERE.parent / "bench"))
from classify_eval import Labelled, main_right, read_labels, read_letter  # noqa: E402

LABELS = read_labels(GAPS / "labels.tsv")


def _classify(item: Labelled) -> Classification:
    subject, body = read_letter(GAPS / item.file)
    return classify(subject=subject, text=body, rules=load_rules())


def test_every_gap_has_letters() -> None:
    per_gap: dict[str, set[str]] = {}
    for item in LABELS:
        found = re.match(r"(?:look-alike of )?gap (\d+):", item.note)
        assert found, f"{item.file}: the note must name its gap"
        per_gap.setdefault(found.group(1), set()).add(item.language)
    assert sorted(per_gap, key=int) == [str(n) for n in range(1, 10)]
    # Art 15(1)'s own words and "remove me from your website" are written in all five languages
    for gap in ("1", "6"):
        assert {"fi", "sv", "en", "de", "fr"} <= per_gap[gap], (gap, per_gap[gap])


@pytest.mark.parametrize("item", LABELS, ids=lambda item: item.file)
def test_rights_and_no_destructive_misfire(item: Labelled) -> None:
    got = _classify(item)
    assert main_right(item, got), (item.note, got.intents, got.reasons)
    assert set(got.intents) == set(item.intents), (item.note, got.intents, got.reasons)
    misfire = (set(got.intents) & DESTRUCTIVE) - set(item.intents)
    assert not misfire, (item.note, got.intents, got.reasons)
    if not item.intents:
        assert got.needs_review, (item.note, got.reasons)


def test_remove_me_from_the_website_is_no_erasure() -> None:
    """The misfire of the sweep: the erasure words inside the publication opt-out belong to it."""
    for item in (i for i in LABELS if i.note.startswith("gap 6:")):
        got = _classify(item)
        assert "erasure" not in got.intents, (item.file, got.intents, got.reasons)
        assert any("absorbed" in r or "publication_optout" in r for r in got.reasons), got.reasons
