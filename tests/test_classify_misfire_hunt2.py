"""The fourth session's misfire hunt (tests/letters/misfire2/, rules/README.md "Misfire hunt,
fourth session"): letters that talk of deleting or correcting without asking it must never get
erasure or rectification, and the requests beside them must still be read. Each case below is a
general form of one trap, with the request it must not swallow."""

from __future__ import annotations

import pytest

from mailbot.classify import DESTRUCTIVE, classify, load_rules


def _read(text: str, subject: str = "") -> tuple[list[str], bool]:
    got = classify(subject=subject, text=text, rules=load_rules())
    return got.intents, got.needs_review


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        # a word in quotation marks is talked about
        (
            "",
            "Ihr Mitarbeiter wollte meinen Namen 'berichtigen'. Er ist korrekt, ändern Sie nichts.",
        ),
        (
            "",
            "J'ai reçu un courriel confirmant une « demande d'effacement » que je n'ai pas envoyée."
            " Ne faites rien.",
        ),
        ("", 'Your e-mail speaks of my "deletion request". I sent none.'),
        # a correction of no one's data: a price, a web page
        ("", "The price of the winter coat on your website is wrong. Please correct it."),
        ("", "Priset på vinterjackan är fel på er webbplats. Rätta det."),
        (
            "Fehler auf Ihrer Website",
            "Bei den Versandkosten steht der alte Betrag. Bitte korrigieren Sie das.",
        ),
        ("", "Le prix affiché sur votre page est faux, corrigez-le svp."),
        ("", "Hinta on väärin verkkokaupassanne. Korjatkaa se."),
        # the subject names the matter, the body says no
        ("Account deletion", "Please don't delete my account. I'm coming back in spring."),
        ("Kontolöschung", "Bitte löschen Sie mein Konto nicht, ich nutze es wieder."),
        ("Suppression de compte", "Surtout ne supprimez pas mon compte."),
        ("Tilin poisto", "Älkää poistako tiliäni."),
        # someone else's deletion told
        ("", "My ex-husband says he asked you to delete his account."),
        ("", "Min bror bad er förra veckan att radera hans konto."),
        ("", "Entinen puolisoni kertoi pyytäneensä teitä poistamaan hänen tilinsä."),
        ("", "Mein Ex-Freund behauptet, er habe Sie gebeten, sein Konto zu löschen."),
        ("", "Ma voisine m'a raconté que vous aviez supprimé son compte."),
        # done, or no data
        ("", "Mon ancien compte a bien été supprimé, merci."),
        ("", "Please delete my Thursday 2pm booking and move it to Friday."),
    ],
)
def test_talk_of_deleting_or_correcting_is_never_destructive(subject: str, text: str) -> None:
    intents, _ = _read(text, subject)
    assert not set(intents) & DESTRUCTIVE, (subject, text, intents)


@pytest.mark.parametrize(
    ("subject", "text", "first"),
    [
        # an elided article is no quotation mark
        ("", "Je vous demande l'effacement de mes données.", "erasure"),
        ("", "Bitte löschen Sie mein Konto.", "erasure"),
        # the writer's data named: a correction
        ("", "My address on your website is wrong, please correct it.", "rectification"),
        ("", "Min adress är fel hos er. Rätta det.", "rectification"),
        ("", "Mein Nachname ist falsch geschrieben. Bitte korrigieren Sie das.", "rectification"),
        # a subject alone, a body that does not refuse: the subject's request
        ("Account deletion", "I no longer use it. Thank you.", "erasure"),
        # a parent asks for a child
        ("", "I am her mother. Please delete her account.", "erasure"),
        # keep it, use it for nothing else (Art 18(1)(b))
        (
            "",
            "Radera inte mina uppgifter, men ni får inte använda dem till något annat tills"
            " tvisten är avgjord.",
            "restriction",
        ),
        (
            "",
            "Löschen Sie meine Daten bitte nicht. Verarbeiten Sie sie aber nicht mehr für andere"
            " Zwecke.",
            "restriction",
        ),
        # one item of data deleted, the membership kept
        ("", "Avsluta inte mitt medlemskap, men radera mitt gamla telefonnummer.", "erasure"),
        ("", "Älkää sulkeko tiliäni, mutta poistakaa vanhat toimitusosoitteeni.", "erasure"),
    ],
)
def test_the_requests_beside_them_are_still_read(subject: str, text: str, first: str) -> None:
    intents, _ = _read(text, subject)
    assert intents[:1] == [first], (subject, text, intents)


def test_a_correction_of_nothing_named_goes_to_a_person() -> None:
    got = classify(
        subject="",
        text="The price on your website is wrong. Please correct it.",
        rules=load_rules(),
    )
    assert "rectification" not in got.intents
    assert got.needs_review
    assert any("no data about the writer named" in r for r in got.reasons), got.reasons
