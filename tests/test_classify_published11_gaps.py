"""The gaps found by the eleventh and twelfth sweeps of real published letters and the eighth
blind set (rules/README.md, "Eleventh and twelfth sweeps"), each kept as short letters of our own
in the same general wording (tests/letters/published11_gaps/, labels.tsv names the gap;
"look-alike" letters keep what must still be read, or not read): every one gets exactly its
labelled rights, main right first, erasure or rectification is never read into a letter that asks
neither (a right the law grants told, anonymisation talked about, an address the writer updated,
an erasure announced or refused), and a letter asking no right goes to a person."""

from __future__ import annotations

import pytest
from gap_letters import GapLetters, Labelled, assert_reads_as_labelled

from mailbot.classify import DESTRUCTIVE, classify, load_rules

GAPS = GapLetters("published11_gaps")
LABELS = GAPS.labels


def test_every_gap_has_letters_and_look_alikes() -> None:
    per_gap = GAPS.languages_per_gap()
    look_alikes = GAPS.look_alike_gaps()
    assert sorted(per_gap, key=int) == [str(n) for n in range(1, 14)]
    assert look_alikes == set(per_gap), sorted(look_alikes, key=int)
    # the gaps found in several languages are checked in each of them
    assert {"en", "fr"} <= per_gap["1"], per_gap["1"]
    assert {"en", "de", "fr", "fi", "sv"} <= per_gap["8"], per_gap["8"]
    assert {"en", "de", "fr", "fi", "sv"} <= per_gap["10"], per_gap["10"]
    assert {"en", "fr", "fi"} <= per_gap["11"], per_gap["11"]
    assert {"en", "de", "sv"} <= per_gap["12"], per_gap["12"]


@pytest.mark.parametrize("item", LABELS, ids=lambda item: item.file)
def test_rights_and_no_destructive_misfire(item: Labelled) -> None:
    assert_reads_as_labelled(item, GAPS.classify(item), other_languages_reviewed=True)


@pytest.mark.parametrize(
    "text",
    [
        # anonymisation talked about is no request
        "We use Google Analytics with IP anonymisation.",
        "Gilt die IP-Anonymisierung auch für die App?",
        # the writer updated it
        "Päivitin osoitteen itse Oma tili -sivulle.",
        # a right the law grants, told
        "The GDPR gives me a right of access.",
        # the controller's side
        "Thank you for your letter requesting access to personal data.",
        # an erasure refused
        "Bitte achtet darauf, dass ihr meine Daten nicht löscht.",
        # the wish itself negated, before its clause (read as erasure before the fourth session)
        "I don't want you to delete my data.",
        "I do not want you to erase my account.",
        "Ich will nicht, dass ihr meine Daten löscht.",
        "Ich möchte nicht, dass Sie mein Konto löschen.",
        "En halua, että poistatte tietoni.",
        "Je ne veux pas que vous supprimiez mes données.",
        "Jag vill inte att ni raderar mina uppgifter.",
        # a request denied, not made
        "Ich habe nie verlangt, dass Sie meine Daten löschen.",
        "En ole koskaan pyytänyt poistamaan tietojani.",
        "I never asked you to delete anything.",
    ],
)
def test_talk_told_and_refused_are_never_destructive(text: str) -> None:
    got = classify(subject="", text=text, rules=load_rules())
    assert not set(got.intents) & DESTRUCTIVE, (text, got.intents, got.reasons)


@pytest.mark.parametrize(
    ("subject", "text", "intent"),
    [
        ("", "J'exerce mon droit d'accès.", "access"),
        ("Auskunftsbegehren", "Bitte beantworten Sie mein Ersuchen.", "access"),
        ("Subject Access Request - Erasure", "Please erase my data.", "erasure"),
        ("", "Haluan saada tietoni koneluettavassa muodossa.", "portability"),
        ("", "Bitte anonymisieren Sie meine Daten.", "erasure"),
        ("", "Anonymisera mina uppgifter.", "erasure"),
        ("", "Please take it out of the gallery.", "publication_optout"),
        ("", "Merci de me retirer de l'annuaire.", "publication_optout"),
        ("", "Voisitteko ottaa mun nimen sieltä pois?", "publication_optout"),
        ("", "LOPETTAKAA NE TEKSTARIT", "marketing_optout"),
        ("", "Nuke my account.", "erasure"),
        ("", "Ich will, dass ihr meine Daten löscht.", "erasure"),
        ("", "Ich bitte um Berichtigung meiner Adresse.", "rectification"),
        ("", "Send over whatever personal data you've collected on me.", "access"),
        # the wish negated, then asked after all
        (
            "",
            "Ich möchte nicht, dass Sie meine Daten weiter nutzen, sondern dass Sie sie löschen.",
            "erasure",
        ),
        ("", "Take me off your list.", "marketing_optout"),
        ("", "Je voudrais recevoir toutes les infos que vous avez sur moi.", "access"),
    ],
)
def test_the_requests_still_ask(subject: str, text: str, intent: str) -> None:
    got = classify(subject=subject, text=text, rules=load_rules())
    assert got.intents[:1] == [intent], (text, got.intents, got.reasons)
