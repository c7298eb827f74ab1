"""The classify stage on a fourth blind set (tests/letters/blind4/, labels.tsv): 151 letters written
before the rules were read, 20 each in fi/sv/en/de/fr and 51 in 18 other EU languages, about 60%
modelled on the request letters authorities and consumer groups publish (headings, numbered
sub-requests, placeholders, law citations, lawyers writing for a client, threats to go to the
authority), the rest casual (slang, no diacritics, typos, problems described instead of rights
named, subject line only, the request only in a quoted earlier message), 12 of them only looking
like requests (privacy-policy questions, cart, password, delivery address, a newsletter footer, a
vendor's access-request form to fill in); 4 more non-requests (fr_21, de_21, nl_05, es_05) were
added after the rules were read.

Figures before the rules were tuned on it (python bench/classify_eval.py tests/letters/blind4, the
151 blind letters): main right fi 85%, sv 85%, en 65%, de 90%, fr 95% (84.0% in the five, 86.8%
across all; the other languages 47/51, all four misses casual marketing opt-outs); one destructive
misfire (sv_08: "uppgifterna får inte raderas" read as erasure) besides the five "see below"
reminders, which the bench reads without history (labelled with the quoted right as in blind3,
that is 90/90/70/95/100%). These tests hold the figures after the fixes, read the way
`mailbot classify --json FILE` reads a file.

phrasings.tsv (381 one-sentence requests and look-alikes, written after the rules were read, not
blind): the rules as they were before this round got 45 of 174 in fi/sv/en/de/fr and 61 of 207 in
the other languages wrong, 7 of them destructive misfires (an access template's list of rights
read as erasure or rectification in nl, da, nb, hr, hu; a thank-you for a deletion confirmed, en
and fr); the tests below hold every one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mailbot.classify import DESTRUCTIVE, classify, classify_file, load_rules

HERE = Path(__file__).resolve().parent
BLIND4 = HERE / "letters" / "blind4"
MAIN = ("fi", "sv", "en", "de", "fr")

# (file, language, intents main first, note), as labelled
Label = tuple[str, str, tuple[str, ...], str]
Results = list[tuple[Label, dict[str, Any]]]


def _labels() -> list[Label]:
    lines = (BLIND4 / "labels.tsv").read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines[1:]:
        file, language, intents, note = line.split("\t", 3)
        out.append((file, language, tuple(i for i in intents.split(",") if i), note))
    return out


@pytest.fixture(scope="module")
def results() -> Results:
    rules = load_rules()
    return [(label, classify_file(BLIND4 / label[0], rules=rules)) for label in _labels()]


def _main_right(label: Label, got: dict[str, Any]) -> bool:
    want = label[2]
    if not want:  # a letter that asks nothing: no right, or at least a person looks first
        return not got["intents"] or got["needs_review"]
    return got["intents"][:1] == [want[0]]


def _share(results: Results, languages: tuple[str, ...] | None) -> float:
    mine = [(lb, g) for lb, g in results if languages is None or lb[1] in languages]
    return sum(_main_right(lb, g) for lb, g in mine) / len(mine)


def test_blind4_set_is_big_and_varied(results: Results) -> None:
    assert len(results) >= 150
    assert len({lb[1] for lb, _ in results}) >= 23
    assert sum(not lb[2] for lb, _ in results) >= 15
    assert sum(len(lb[2]) > 1 for lb, _ in results) >= 10
    assert all(g.get("error") is None for _, g in results)


@pytest.mark.parametrize("language", MAIN)
def test_main_right_at_least_95_percent_per_main_language(results: Results, language: str) -> None:
    wrong = [lb[0] for lb, g in results if lb[1] == language and not _main_right(lb, g)]
    assert _share(results, (language,)) >= 0.95, wrong


def test_main_right_at_least_95_percent_in_the_other_languages(results: Results) -> None:
    others = tuple({lb[1] for lb, _ in results} - set(MAIN))
    wrong = [lb[0] for lb, g in results if lb[1] in others and not _main_right(lb, g)]
    assert _share(results, others) >= 0.95, wrong


def test_no_erasure_or_rectification_read_into_a_letter_asking_neither(results: Results) -> None:
    misfires = [
        (lb[0], sorted((set(g["intents"]) & DESTRUCTIVE) - set(lb[2]))) for lb, g in results
    ]
    assert [m for m in misfires if m[1]] == []


def test_language_of_every_letter_is_detected(results: Results) -> None:
    assert [(lb[0], g["language"]) for lb, g in results if g["language"] != lb[1]] == []


def test_a_see_below_reminder_is_read_from_the_quote_but_always_reviewed(results: Results) -> None:
    reminders = [(lb, g) for lb, g in results if "quoted-only" in lb[3]]
    assert len(reminders) == 5
    for label, got in reminders:
        assert got["intents"][:1] == ["erasure"], label[0]
        assert got["needs_review"] is True, label[0]


def test_a_letter_of_only_a_subject_line_is_read_from_it(results: Results) -> None:
    subject_only = [(lb, g) for lb, g in results if lb[3] == "subject only"]
    assert len(subject_only) >= 5
    assert [lb[0] for lb, g in subject_only if not _main_right(lb, g)] == []


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a lawyer's third person, the main right after "principally"
        (
            "Our client objects to the processing. Further and principally, our client requires"
            " the erasure of all personal data relating to her.",
            "erasure",
        ),
        ("Whatever consent you think you have, I'm withdrawing it.", "consent_withdrawal"),
        ("pls unsubscibe me from all your emails", "marketing_optout"),
        ("Stop selling my data to advertisers, I object.", "objection"),
        ("My date of birth is wrong on your system. Please correct it.", "rectification"),
        ("Ni har stavat mitt efternamn fel. Rätta det är ni snälla.", "rectification"),
        ("Ni ska upphöra med utskick av direktreklam till mig.", "marketing_optout"),
        ("Bitte nehmen Sie das Bild von der Website.", "publication_optout"),
        ("Mon client s'oppose à tout traitement ultérieur de ses données.", "objection"),
        ("Pouvez-vous m'envoyer une copie de mon dossier ?", "access"),
        # other EU languages: everyday marketing wordings and the publication opt-out
        ("basta con le telefonate pubblicitarie, non chiamatemi più", "marketing_optout"),
        ("prosze przestac wysylac mi reklamy na maila", "marketing_optout"),
        ("Ärge saatke mulle enam reklaami ega uudiskirju.", "marketing_optout"),
        ("Kérem, ne küldjenek több reklámot és hírlevelet.", "marketing_optout"),
        ("Verwijder mijn foto van jullie website alstublieft.", "publication_optout"),
        ("Retiren mi foto de su página web, por favor.", "publication_optout"),
    ],
)
def test_everyday_wording_found_in_the_fourth_round(text: str, intent: str) -> None:
    assert classify(subject="", text=text).intents[:1] == [intent]


def test_a_subject_line_of_nouns_is_an_erasure_request() -> None:
    assert classify(subject="Tietojeni poistaminen", text="").intents == ["erasure"]


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        # "the data must not be erased" while a restriction is asked
        ("", "Jag begär begränsning av behandlingen. Uppgifterna får inte raderas under tiden."),
        # erasure only considered later ("ggf.", "bevor ich ... entscheide")
        ("Auskunft und ggf. Löschung", "Bevor ich über eine Löschung entscheide, bitte Auskunft."),
        # a job applicant's experience with erasure requests asks for nothing
        ("", "I have three years of experience handling access requests and erasure requests."),
        # "stop sending ..." in a smaller language without what is sent is no opt-out of mail,
        # and nothing destructive either
        ("", "Přestaňte zpracovávat mé údaje."),
    ],
)
def test_erasure_is_not_read_where_it_is_refused_deferred_or_talked_about(
    subject: str, text: str
) -> None:
    got = classify(subject=subject, text=text)
    assert "erasure" not in got.intents
    assert "marketing_optout" not in got.intents


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "DSAR form template for your website",
            "Attached is our editable subject access request form template. Please fill in your"
            " company details and return it.",
        ),
        (
            "Formulär för registerutdrag - vänligen fyll i",
            "Vi skickar vår mall för begäran om registerutdrag som ni kan använda på er webbplats.",
        ),
    ],
)
def test_a_vendors_access_request_form_for_our_website_is_not_a_request(
    subject: str, text: str
) -> None:
    got = classify(subject=subject, text=text)
    assert got.intents == [] or got.needs_review
    assert "access" not in got.intents


def _phrasings() -> list[tuple[str, str, str, str]]:
    """phrasings.tsv: one-sentence requests (and look-alikes, intent empty) in each language's
    template and everyday wording for the nine rights, written after the rules were read to
    find what they still missed: language, intent, subject, text."""
    out = []
    for line in (BLIND4 / "phrasings.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        language, intent, subject, text = line.split("\t", 3)
        out.append((language, intent, subject, text))
    return out


PHRASINGS = _phrasings()


def test_the_phrasings_cover_every_right_and_many_languages() -> None:
    assert len(PHRASINGS) >= 150
    assert len({p[0] for p in PHRASINGS}) >= 20
    assert {p[1] for p in PHRASINGS} >= {
        "access",
        "portability",
        "rectification",
        "erasure",
        "restriction",
        "objection",
        "marketing_optout",
        "publication_optout",
        "consent_withdrawal",
        "",
    }


@pytest.mark.parametrize(
    ("language", "intent", "subject", "text"), PHRASINGS, ids=[p[3][:40] for p in PHRASINGS]
)
def test_template_and_everyday_phrasing_gets_its_main_right(
    language: str, intent: str, subject: str, text: str
) -> None:
    got = classify(subject=subject, text=text)
    if intent:
        assert got.intents[:1] == [intent], (language, got.intents, got.reasons)
    else:  # a look-alike: nothing asked, or a person looks first
        assert not got.intents or got.needs_review, (language, got.intents)
    assert not (set(got.intents) & DESTRUCTIVE) - {intent}, got.reasons


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ta bort mej ur era register tack", "sv"),
        ("slet mine oplysninger tak", "da"),
        ("Jeg vil have slettet min konto og alle mine data.", "da"),
        ("Jeg vil ha slettet kontoen min.", "nb"),
        ("slett meg fra registeret deres", "nb"),
        ("Tražim ograničenje obrade mojih osobnih podataka.", "hr"),
        ("Zahtevam omejitev obdelave mojih osebnih podatkov.", "sl"),
    ],
)
def test_short_letters_of_neighbour_languages_keep_their_language(text: str, language: str) -> None:
    assert classify(subject="", text=text).language == language
