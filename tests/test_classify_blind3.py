"""The classify stage on a third blind set (tests/letters/blind3/, labels.tsv): 150 letters written
before the rules were read, 28 each in fi/sv/en/de/fr and 10 in es/it/nl/pl/pt/da/et, about 60%
modelled on the request letters authorities and consumer groups publish (headings, numbered
sub-requests, placeholders, law citations, threats to go to the authority, bilingual ones), the
rest casual (slang, no diacritics, typos, problems described instead of rights named, subject
line only, the request only in a quoted earlier message) and 15 that only look like requests.

Figures before the rules were tuned on it (python bench/classify_eval.py tests/letters/blind3):
main right fi 85.7%, sv 89.3%, en 82.1%, de 78.6%, fr 78.6% (82.9% in the five, 84.0% across
all); the five "see below" reminders were read as erasure without review. These tests hold the
figures after the fixes, read the way `mailbot classify --json FILE` reads a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mailbot.classify import DESTRUCTIVE, classify, classify_file, load_rules

HERE = Path(__file__).resolve().parent
BLIND3 = HERE / "letters" / "blind3"
MAIN = ("fi", "sv", "en", "de", "fr")

# (file, language, intents main first), as labelled
Label = tuple[str, str, tuple[str, ...]]
Results = list[tuple[Label, dict[str, Any]]]


def _labels() -> list[Label]:
    lines = (BLIND3 / "labels.tsv").read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines[1:]:
        file, language, intents, _note = line.split("\t", 3)
        out.append((file, language, tuple(i for i in intents.split(",") if i)))
    return out


@pytest.fixture(scope="module")
def results() -> Results:
    rules = load_rules()
    return [(label, classify_file(BLIND3 / label[0], rules=rules)) for label in _labels()]


def _main_right(label: Label, got: dict[str, Any]) -> bool:
    want = label[2]
    if not want:  # a letter that asks nothing: no right, or at least a person looks first
        return not got["intents"] or got["needs_review"]
    return got["intents"][:1] == [want[0]]


def _share(results: Results, languages: tuple[str, ...] | None) -> float:
    mine = [(lb, g) for lb, g in results if languages is None or lb[1] in languages]
    return sum(_main_right(lb, g) for lb, g in mine) / len(mine)


def test_blind3_set_is_big_and_varied(results: Results) -> None:
    assert len(results) >= 150
    assert len({lb[1] for lb, _ in results}) >= 12
    assert sum(not lb[2] for lb, _ in results) >= 15
    assert sum(len(lb[2]) > 1 for lb, _ in results) >= 10
    assert all(g.get("error") is None for _, g in results)


@pytest.mark.parametrize("language", MAIN)
def test_main_right_at_least_95_percent_per_main_language(results: Results, language: str) -> None:
    wrong = [lb[0] for lb, g in results if lb[1] == language and not _main_right(lb, g)]
    assert _share(results, (language,)) >= 0.95, wrong


def test_main_right_at_least_95_percent_across_all_languages(results: Results) -> None:
    wrong = [lb[0] for lb, g in results if not _main_right(lb, g)]
    assert _share(results, None) >= 0.95, wrong


def test_no_erasure_or_rectification_read_into_a_letter_asking_neither(results: Results) -> None:
    misfires = [
        (lb[0], sorted((set(g["intents"]) & DESTRUCTIVE) - set(lb[2]))) for lb, g in results
    ]
    assert [m for m in misfires if m[1]] == []


def test_language_of_every_letter_is_detected(results: Results) -> None:
    assert [(lb[0], g["language"]) for lb, g in results if g["language"] != lb[1]] == []


def test_a_see_below_reminder_is_read_from_the_quote_but_always_reviewed(results: Results) -> None:
    reminders = [(lb, g) for lb, g in results if "quoted-only" in _note(lb[0])]
    assert len(reminders) == 5
    for label, got in reminders:
        assert got["intents"][:1] == ["erasure"], label[0]
        assert got["needs_review"] is True, label[0]


def _note(file: str) -> str:
    for line in (BLIND3 / "labels.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith(file + "\t"):
            return line.split("\t", 3)[3]
    return ""


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # short Swedish letters that langid alone takes for Norwegian
        ("Jag lyckas inte ta bort en vara ur varukorgen, den ligger kvar.", "sv"),
        ("Ni har fel adress på mig", "sv"),
        ("Ring mig inte mer", "sv"),
        # ... and the neighbours stay themselves
        ("Jeg vil gerne have slettet mine oplysninger", "da"),
        ("Jeg ønsker innsyn i mine personopplysninger", "nb"),
    ],
)
def test_short_scandinavian_letters_keep_their_language(text: str, language: str) -> None:
    assert classify(subject="", text=text).language == language


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Why is my photo on your website? I never agreed. Take it down.", "publication_optout"),
        ("Varför står mitt namn på er hemsida? Ta bort det.", "publication_optout"),
        ("Teidän laskut tulee vanhaan osoitteeseen. Voisitteko korjata sen?", "rectification"),
        ("Ni skickar post till min gamla adress. Kan ni ändra det?", "rectification"),
        (
            "Vous écrivez toujours à mon ancienne adresse, merci de la mettre à jour.",
            "rectification",
        ),
        ("Nicht löschen bitte, sperren Sie sie nur bis zum Urteil.", "restriction"),
        ("Verkauft meine Adresse nicht weiter!", "objection"),
        ("Arrêtez de me démarcher au téléphone.", "marketing_optout"),
        ("macht mein konto weg, danke", "erasure"),
        ("Haluan että kaikki tietoni hävitetään.", "erasure"),
    ],
)
def test_everyday_wording_found_in_the_third_round(text: str, intent: str) -> None:
    assert classify(subject="", text=text).intents[:1] == [intent]


@pytest.mark.parametrize(
    "text",
    [
        # taking a photo off the website is no erasure of the person's data ...
        "Please remove my photo from your website.",
        # ... and an account deleted from a web shop is no publication opt-out
        "Please delete my account from your online store.",
    ],
)
def test_website_wording_does_not_swap_erasure_and_publication(text: str) -> None:
    got = classify(subject="", text=text).intents
    assert ("erasure" in got) == ("account" in text)
    assert ("publication_optout" in got) == ("photo" in text)


def test_no_more_newsletters_and_delete_everything_is_an_erasure_first() -> None:
    got = classify(
        subject="",
        text="I don't want your newsletter any more, and delete everything you hold on me too.",
    )
    assert got.intents[:2] == ["erasure", "marketing_optout"]


def test_a_vendors_template_for_answering_requests_is_not_a_request() -> None:
    got = classify(
        subject="Draft for review",
        text="Attached is our template for responding to subject access requests. Please fill in"
        " the retention section and send it back.",
    )
    assert got.intents == [] or got.needs_review
    assert not set(got.intents) & DESTRUCTIVE
