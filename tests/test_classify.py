"""The classify stage: what a user would notice, on letters written for the project
(tests/letters/, labels.tsv) and on the real-world automated mail of ../shared/corpus/eml."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

from mailbot.classify import DESTRUCTIVE, INTENTS, classify, classify_file, load_rules

HERE = Path(__file__).resolve().parent
LETTERS = HERE / "letters"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "eml"
MAIN = ("fi", "sv", "en", "de", "fr")

sys.path.insert(0, str(HERE.parent / "bench"))
from classify_eval import main_right, read_labels, read_letter  # noqa: E402


@pytest.fixture(scope="module")
def results() -> list:
    rules = load_rules()
    out = []
    for item in read_labels(LETTERS / "labels.tsv"):
        subject, body = read_letter(LETTERS / item.file)
        out.append((item, classify(subject=subject, text=body, rules=rules)))
    return out


def test_corpus_is_big_and_varied(results: list) -> None:
    requests = [i for i, _ in results if i.intents and i.language in MAIN]
    non_requests = [i for i, _ in results if not i.intents]
    assert len(requests) >= 150
    assert len(non_requests) >= 40
    assert {i for item in requests for i in item.intents} == set(INTENTS)
    assert sum(len(item.intents) > 1 for item in requests) >= 10


@pytest.mark.parametrize("language", MAIN)
def test_main_right_accuracy_per_main_language(results: list, language: str) -> None:
    mine = [(item, got) for item, got in results if item.language == language]
    wrong = [item.file for item, got in mine if not main_right(item, got)]
    assert len(wrong) <= 0.05 * len(mine), wrong


def test_no_destructive_misfire(results: list) -> None:
    misfires = [
        (item.file, got.intents)
        for item, got in results
        if (set(got.intents) & DESTRUCTIVE) - set(item.intents)
    ]
    assert misfires == []


def test_non_requests_never_become_requests_without_review(results: list) -> None:
    acted = [
        (item.file, got.intents)
        for item, got in results
        if not item.intents and got.intents and not got.needs_review
    ]
    assert acted == []


def test_language_is_detected(results: list) -> None:
    wrong = [(i.file, g.language) for i, g in results if g.language != i.language]
    assert len(wrong) <= 0.03 * len(results), wrong


# ------------------------------------------------------------------ negations, questions, context


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Älkää poistako tietojani, tarvitsen tilini vielä.", "fi"),
        ("Radera inte mitt konto, jag kommer tillbaka i vår.", "sv"),
        ("Please do not delete my account, I am only on holiday.", "en"),
        ("Bitte löschen Sie mein Konto nicht, ich brauche es noch.", "de"),
        ("Ne supprimez pas mon compte, je reviens bientôt.", "fr"),
    ],
)
def test_negated_deletion_is_not_erasure(text: str, language: str) -> None:
    got = classify(subject="", text=text)
    assert got.language == language
    assert "erasure" not in got.intents
    assert any("negated" in r for r in got.reasons)


def test_the_same_letter_without_the_negation_is_erasure() -> None:
    got = classify(subject="", text="Please delete my account, I am not coming back.")
    assert got.intents == ["erasure"]
    assert not got.needs_review


@pytest.mark.parametrize(
    "text",
    [
        "How long do you keep my data before you delete it?",
        "If you cannot deliver by Friday, just delete my order and the details I gave.",
        "Kuinka kauan säilytätte tietoja? Poistetaanko ne automaattisesti?",
    ],
)
def test_questions_and_conditions_about_deletion_are_not_erasure(text: str) -> None:
    got = classify(subject="", text=text)
    assert "erasure" not in got.intents


def test_access_template_listing_the_right_to_erasure_stays_access() -> None:
    got = classify(
        subject="Subject access request",
        text="Please give me a copy of my data and tell me about the existence of the right "
        "to request rectification or erasure of personal data.",
    )
    assert got.intents == ["access"]


def test_changing_an_orders_delivery_address_is_not_rectification() -> None:
    got = classify(
        subject="", text="Please change the delivery address of order 4411 to 1 Main St."
    )
    assert "rectification" not in got.intents


def test_mailing_list_removal_is_marketing_not_erasure() -> None:
    got = classify(subject="", text="Remove me from your mailing list, please.")
    assert got.intents == ["marketing_optout"]


def test_subject_line_names_the_main_right() -> None:
    got = classify(
        subject="Erasure request",
        text="I would like a copy of my data first. Then delete all my personal data.",
    )
    assert got.intents[0] == "erasure"
    assert "access" in got.intents


def test_unknown_language_with_a_destructive_request_goes_to_review() -> None:
    got = classify(subject="", text="Palun kustutage kõik minu isikuandmed teie andmebaasist.")
    assert got.intents == ["erasure"]
    assert got.needs_review


def test_empty_letter_asks_nothing_and_goes_to_review() -> None:
    got = classify(subject="", text="")
    assert got.intents == []
    assert got.needs_review
    assert got.language == "und"


# ------------------------------------------------------------------ details


def test_rectification_details_field_new_value_and_basis() -> None:
    got = classify(
        subject="Oikaisuvaatimus",
        text="Puhelinnumeroni ei ole 040 111 2222, vaan oikea numero on 050 987 6543. "
        "Peruste: vanha liittymä on lakkautettu.",
    )
    assert got.intents == ["rectification"]
    changes = got.details["rectification"]["changes"]
    assert {"field": "phone", "new_value": "050 987 6543"} in changes
    assert "lakkautettu" in got.details["rectification"]["basis"]


def test_rectification_email_is_extracted() -> None:
    got = classify(
        subject="",
        text="My email address has changed to kim.new@example.org. Please update your records.",
    )
    assert got.details["rectification"]["changes"] == [
        {"field": "email", "new_value": "kim.new@example.org"}
    ]


def test_objection_special_situation_or_none() -> None:
    stated = classify(
        subject="",
        text="I object to the processing of my data. My particular situation is that I am "
        "under witness protection.",
    )
    assert stated.intents == ["objection"]
    assert "witness protection" in stated.details["objection"]["special_situation"]
    bare = classify(subject="", text="I object to the processing of my personal data.")
    assert bare.details["objection"]["special_situation"] is None


def test_consent_withdrawal_names_the_consent() -> None:
    health = classify(subject="", text="Peruutan suostumukseni terveystietojeni käsittelyyn.")
    assert health.details["consent_withdrawal"]["consents"] == ["health_data"]
    everything = classify(subject="", text="I withdraw my consent.")
    assert everything.details["consent_withdrawal"]["consents"] == ["all"]


def test_marketing_channels_all_four_unless_narrowed() -> None:
    broad = classify(subject="", text="Kiellän suoramarkkinoinnin.")
    assert len(broad.details["marketing_optout"]["channels"]) == 4
    narrow = classify(subject="", text="Unsubscribe me from your newsletter please.")
    assert narrow.details["marketing_optout"]["channels"] == ["direct_marketing"]


def test_access_copy_requested() -> None:
    got = classify(subject="", text="Bitte senden Sie mir eine Kopie aller Daten über mich.")
    assert got.details["access"] == {"copy_requested": True}


# ------------------------------------------------------------------ the controller's own rules


def test_controller_folder_extends_and_overrides(tmp_path: Path) -> None:
    text = "Ich will meine Daten einfrieren lassen."
    assert "restriction" not in classify(subject="", text=text).intents
    (tmp_path / "intents").mkdir()
    (tmp_path / "intents" / "de-extra.yaml").write_text(
        "language: de\nintents:\n  restriction:\n    patterns:\n"
        "      - [1.0, '\\beinfrieren\\b']\n",
        encoding="utf-8",
    )
    extended = load_rules(extra_dirs=[tmp_path])
    assert classify(subject="", text=text, rules=extended).intents == ["restriction"]
    # a file of the same name replaces the package's: an empty English rule set finds nothing
    (tmp_path / "intents" / "en.yaml").write_text("language: en\n", encoding="utf-8")
    replaced = load_rules(extra_dirs=[tmp_path])
    assert replaced is not extended
    got = classify(subject="", text="Please delete my personal data now.", rules=replaced)
    assert "erasure" not in got.intents


def test_controller_suppress_all_silences_a_sentence_for_every_intent(tmp_path: Path) -> None:
    # a controller's own notice quoted back: its sentence carries no right at all
    text = (
        "Our newsletter says: please send me a copy of all my personal data and delete my account."
    )
    assert {"erasure", "access"} <= set(classify(subject="", text=text).intents)
    (tmp_path / "intents").mkdir()
    (tmp_path / "intents" / "en-extra.yaml").write_text(
        "language: en\ncontext:\n  suppress_all:\n    - '\\bour\\s+newsletter\\s+says\\b'\n",
        encoding="utf-8",
    )
    got = classify(subject="", text=text, rules=load_rules(extra_dirs=[tmp_path]))
    assert got.intents == [], got.reasons


def test_malformed_rules_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "fi.yaml").write_text(
        "language: fi\nintents:\n  erasure:\n    patterns:\n      - [1.0, '(']\n"
    )
    with pytest.raises(ValueError, match=r"fi\.yaml"):
        load_rules(extra_dirs=[tmp_path])


# ------------------------------------------------------------------ classify_file


def test_classify_file_plain_text_with_subject_line(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("Subject: Begäran om radering\n\nRadera alla mina uppgifter.\n")
    line = classify_file(letter)
    assert line["intents"] == ["erasure"]
    assert line["language"] == "sv"
    assert line["automated"] is False
    assert "error" not in line
    json.dumps(line)


def test_classify_file_error_line(tmp_path: Path) -> None:
    line = classify_file(tmp_path / "missing.eml")
    assert "error" in line
    assert line["intents"] == [] and line["needs_review"] is True
    assert set(line) == {
        "file",
        "language",
        "intents",
        "confidence",
        "needs_review",
        "automated",
        "error",
    }


def test_classify_file_eml_request(tmp_path: Path) -> None:
    eml = tmp_path / "req.eml"
    eml.write_bytes(
        b"From: Kim <kim@example.org>\r\nTo: privacy@example.com\r\n"
        b"Subject: =?utf-8?q?Pyynt=C3=B6_tietojen_poistamisesta?=\r\n"
        b"Message-ID: <a1@example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        b"Poistakaa kaikki tietoni.\r\n"
    )
    line = classify_file(eml)
    assert line["intents"] == ["erasure"], line
    assert line["automated"] is False


def _manifest() -> list[dict[str, str]]:
    if not (CORPUS / "MANIFEST.tsv").is_file():
        return []
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh, delimiter="\t") if r["automated"] in ("yes", "no")]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/eml is absent (not in a clone)")
@pytest.mark.parametrize("row", _manifest(), ids=lambda r: r["file"])
def test_shared_corpus_automated_detection(row: dict[str, str]) -> None:
    line = classify_file(CORPUS / row["file"])
    assert "error" not in line, line
    assert line["automated"] is (row["automated"] == "yes")
    # real mail that asks no right never becomes a request nobody looks at
    assert line["intents"] == [] or line["needs_review"]


def test_erasure_stays_the_request_when_the_subject_names_its_grounds_first() -> None:
    """A numbered template whose subject lists "consent, objection and erasure": the withdrawal
    and the objection are the grounds, erasure is what must be done (and comes first)."""
    result = classify(
        subject="Peruutan suostumukseni, vastustan käsittelyä ja vaadin tietojeni poistamista",
        text=(
            "1. Peruutan kaikki antamani suostumukset.\n"
            "2. Vastustan tietojeni käsittelyä oikeutetun edun perusteella.\n"
            "3. Vaadin kaikkien minua koskevien tietojen poistamista (17 artikla).\n"
        ),
    )
    assert result.intents[0] == "erasure"
    assert {"consent_withdrawal", "objection"} <= set(result.intents)


def test_a_german_date_does_not_end_a_sentence() -> None:
    """ "am 8. Januar" is one sentence: split there, a complaint to the authority about a request
    sent "dort" (to the company) read as a request to us."""
    from mailbot.classify import _split_sentences

    assert _split_sentences("Ich habe dort am 8. Januar Auskunft verlangt. Nichts kam.") == [
        "Ich habe dort am 8. Januar Auskunft verlangt.",
        "Nichts kam.",
    ]
    assert _split_sentences("Gemäß Art. 15. Bitte antworten Sie.") == [
        "Gemäß Art. 15.",
        "Bitte antworten Sie.",
    ]
    # nor does "for example": the format asked stays in the sentence that asks for the copy
    for text in ("Als Datei, z. B. CSV. Danke.", "As a file, e.g. JSON. Thanks."):
        assert len(_split_sentences(text)) == 2, text
