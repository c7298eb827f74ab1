"""The classify stage on long, formal request letters of the kind data protection authorities and
consumer organisations publish (tests/letters/templates/, labels.tsv): the main right, no
erasure or rectification read into a letter that asks neither, and no request read into a
newsletter, a press release or a complaint that only cites the GDPR in passing."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from mailbot.classify import DESTRUCTIVE, Classification, classify, load_rules

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "letters" / "templates"
MAIN = ("fi", "sv", "en", "de", "fr")

sys.path.insert(0, str(HERE.parent / "bench"))
from classify_eval import Labelled, main_right, read_labels, read_letter  # noqa: E402

Results = list[tuple[Labelled, Classification]]


def _classify_all(variant: str) -> Results:
    """variant: "as written"; "subject in text" (the subject as a "Re:" line on top of the
    body, as in a printed letter); "no subject" (the subject line lost)."""
    rules = load_rules()
    out = []
    for item in read_labels(TEMPLATES / "labels.tsv"):
        subject, body = read_letter(TEMPLATES / item.file)
        if variant == "subject in text" and subject:
            subject, body = "", f"Re: {subject}\n\n{body}"
        elif variant == "no subject":
            subject = ""
        out.append((item, classify(subject=subject, text=body, rules=rules)))
    return out


@pytest.fixture(scope="module")
def results() -> Results:
    return _classify_all("as written")


def _main_right_share(results: Results, languages: tuple[str, ...] | None) -> float:
    mine = [(i, g) for i, g in results if languages is None or i.language in languages]
    return sum(main_right(i, g) for i, g in mine) / len(mine)


def test_template_corpus_is_big_and_varied(results: Results) -> None:
    per_language = Counter(item.language for item, _ in results)
    assert len(results) >= 100
    assert all(per_language[lang] >= 12 for lang in MAIN), per_language
    assert len(per_language) >= 20
    assert sum(not item.intents for item, _ in results) >= 15
    assert sum(len(item.intents) > 1 for item, _ in results) >= 15


@pytest.mark.parametrize("language", MAIN)
def test_main_right_at_least_95_percent_per_main_language(results: Results, language: str) -> None:
    wrong = [i.file for i, g in results if i.language == language and not main_right(i, g)]
    assert _main_right_share(results, (language,)) >= 0.95, wrong


def test_main_right_at_least_80_percent_across_all_languages(results: Results) -> None:
    wrong = [i.file for i, g in results if not main_right(i, g)]
    assert _main_right_share(results, None) >= 0.80, wrong


@pytest.mark.parametrize("variant", ["subject in text", "no subject"])
def test_main_right_holds_when_the_subject_line_is_in_the_text_or_lost(variant: str) -> None:
    results = _classify_all(variant)
    wrong = [i.file for i, g in results if not main_right(i, g)]
    assert _main_right_share(results, MAIN) >= 0.95, wrong
    assert _main_right_share(results, None) >= 0.90, wrong


@pytest.mark.parametrize("variant", ["as written", "subject in text", "no subject"])
def test_no_destructive_misfire(variant: str) -> None:
    misfires = [
        (item.file, got.intents)
        for item, got in _classify_all(variant)
        if (set(got.intents) & DESTRUCTIVE) - set(item.intents)
    ]
    assert misfires == []


def test_non_requests_never_become_requests_without_review(results: Results) -> None:
    acted = [
        (item.file, got.intents)
        for item, got in results
        if not item.intents and got.intents and not got.needs_review
    ]
    assert acted == []


def test_erasure_letters_in_other_languages_go_to_review(results: Results) -> None:
    others = [(i, g) for i, g in results if i.language not in MAIN and "erasure" in g.intents]
    assert len(others) >= 5
    assert all(g.needs_review for _, g in others), [i.file for i, g in others]


# --------------------------------------------------------------------------- single behaviours


def test_access_template_listing_all_rights_asks_access_only() -> None:
    subject, body = read_letter(TEMPLATES / "en_t01.txt")
    got = classify(subject=subject, text=body)
    assert got.intents == ["access"]
    assert got.details["access"]["copy_requested"] is True


def test_knowing_about_a_right_is_not_using_it() -> None:
    text = (
        "Please send me a copy of the personal data you hold about me. I know I could also "
        "ask you for rectification or erasure, but for now I only want to see the data."
    )
    got = classify(subject="", text=text)
    assert got.intents == ["access"]


def test_exercising_the_right_named_is_a_request() -> None:
    got = classify(subject="", text="I am exercising my right to erasure under Article 17 GDPR.")
    assert got.intents == ["erasure"]


def test_a_press_release_about_erasure_requests_asks_nothing() -> None:
    text = (
        "The authority fined a retailer that ignored requests for erasure. Customers asked "
        "the company to delete their data, but requests were closed without action."
    )
    got = classify(subject="Press release: fine for ignored erasure requests", text=text)
    assert not set(got.intents) & DESTRUCTIVE
    assert got.needs_review


BOTH = "Ich widerrufe meine Einwilligung. Bitte löschen Sie alle meine Daten."


def test_erasure_is_the_main_right_when_withdrawal_is_its_ground() -> None:
    got = classify(subject="", text=BOTH)
    assert got.intents[:2] == ["erasure", "consent_withdrawal"]


def test_a_subject_line_in_the_text_names_the_main_right() -> None:
    text = f"Max Mustermann\nMusterstraße 1\n\nBetreff: Widerruf meiner Einwilligung\n\n{BOTH}"
    got = classify(subject="", text=text)
    assert got.intents[:2] == ["consent_withdrawal", "erasure"]


def test_leaving_a_directory_is_a_publication_opt_out_not_erasure() -> None:
    got = classify(subject="", text="Please remove me from your published member directory.")
    assert got.intents == ["publication_optout"]


def test_finnish_disclosure_and_publication_ban() -> None:
    got = classify(subject="Luovutuskielto", text="Kiellän julkaisemasta nimeäni jäsenluettelossa.")
    assert got.intents == ["publication_optout"]
