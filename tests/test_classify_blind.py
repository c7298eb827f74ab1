"""The classify stage on a blind set (tests/letters/blind/, labels.tsv): 158 letters written
before the rules were read, in 23 languages, from consumer-organisation templates to angry
one-liners, and 30 that only sound like privacy (newsletters, footers, order changes, a job
application, a breach notice). Figures before the rules were tuned on it: 87.3% main right in
fi/sv/en/de/fr and 2 destructive misfires; these tests hold the figures after the fixes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mailbot.classify import DESTRUCTIVE, Classification, classify, classify_file, load_rules

HERE = Path(__file__).resolve().parent
BLIND = HERE / "letters" / "blind"
MAIN = ("fi", "sv", "en", "de", "fr")

sys.path.insert(0, str(HERE.parent / "bench"))
from classify_eval import Labelled, main_right, read_labels, read_letter  # noqa: E402

Results = list[tuple[Labelled, Classification]]


@pytest.fixture(scope="module")
def results() -> Results:
    rules = load_rules()
    out = []
    for item in read_labels(BLIND / "labels.tsv"):
        subject, body = read_letter(BLIND / item.file)
        out.append((item, classify(subject=subject, text=body, rules=rules)))
    return out


def _share(results: Results, languages: tuple[str, ...] | None) -> float:
    mine = [(i, g) for i, g in results if languages is None or i.language in languages]
    return sum(main_right(i, g) for i, g in mine) / len(mine)


def test_blind_set_is_big_and_varied(results: Results) -> None:
    languages = {item.language for item, _ in results}
    assert len(results) >= 120
    assert len(languages) >= 20
    assert sum(not item.intents for item, _ in results) >= 20
    assert sum(len(item.intents) > 1 for item, _ in results) >= 10


@pytest.mark.parametrize("language", MAIN)
def test_main_right_at_least_95_percent_per_main_language(results: Results, language: str) -> None:
    wrong = [i.file for i, g in results if i.language == language and not main_right(i, g)]
    assert _share(results, (language,)) >= 0.95, wrong


def test_main_right_at_least_80_percent_across_all_languages(results: Results) -> None:
    wrong = [i.file for i, g in results if not main_right(i, g)]
    assert _share(results, None) >= 0.80, wrong


def test_no_erasure_or_rectification_read_into_a_letter_asking_neither(results: Results) -> None:
    misfires = [
        (i.file, sorted((set(g.intents) & DESTRUCTIVE) - set(i.intents))) for i, g in results
    ]
    assert [m for m in misfires if m[1]] == []


def test_letters_that_ask_no_right_are_never_acted_on(results: Results) -> None:
    acted = [(i.file, g.intents) for i, g in results if not i.intents and not main_right(i, g)]
    assert acted == []


def test_removing_one_item_from_an_order_is_not_erasure() -> None:
    got = classify(
        subject="Order 4411",
        text="Hi, please delete the third product from my basket before you ship, thanks. Ella",
    )
    assert "erasure" not in got.intents


def test_naming_erasure_requests_in_a_cv_is_not_asking_for_erasure() -> None:
    got = classify(
        subject="Application",
        text="In my last job I answered access requests and erasure requests every week.",
    )
    assert "erasure" not in got.intents


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "Your system says my birthday is 2 May but it is actually 5 May. Please fix.",
            "rectification",
        ),
        ("Vad har ni för personuppgifter om mig?", "access"),
        ("Was habt ihr alles über mich gespeichert?", "access"),
        ("Mon prénom est mal orthographié sur votre site, merci de le corriger.", "rectification"),
    ],
)
def test_everyday_wording_of_a_right_is_recognised(text: str, intent: str) -> None:
    assert classify(subject="", text=text).intents[:1] == [intent]


def test_the_command_line_path_agrees_on_the_destructive_rights() -> None:
    # mailbot classify --json reads the files through classify_file (quote stripping, the
    # "Subject:" line): no erasure/rectification may appear there either.
    rules = load_rules()
    for item in read_labels(BLIND / "labels.tsv"):
        line = classify_file(BLIND / item.file, rules=rules)
        assert not (set(line["intents"]) & DESTRUCTIVE) - set(item.intents), item.file
