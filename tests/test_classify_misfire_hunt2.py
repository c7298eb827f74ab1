"""The fourth session's misfire hunt (tests/letters/misfire2/, rules/README.md "Misfire hunt,
fourth session"): letters that talk of deleting or correcting without asking it must never get
erasure or rectification, and the requests beside them must still be read. Each case below is a
general form of one trap, with the request it must not swallow."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailbot.classify import DESTRUCTIVE, classify, classify_file, load_rules


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
        # misfire hunt 3: the writer does it, the company confirms, the writer was told
        ("", "I'll delete the account myself this weekend, nothing for you to do."),
        ("", "Danke, ich lösche mein Konto dann selbst über die Webseite."),
        ("", "Je supprimerai mon compte moi-même ce soir."),
        ("", "Ingen fara, jag raderar kontot själv via webben."),
        (
            "Fwd: Your request to delete your account has been received",
            "?? I didn't send this. I want to keep my account.",
        ),
        ("VB: Din begäran om att radera kontot har tagits emot", "Det här har jag inte skickat."),
        (
            "",
            "Im Januar wurde mir mitgeteilt, dass mein falsches Geburtsdatum berichtigt worden sei."
            " Können Sie mir eine Kopie meiner Daten schicken?",
        ),
        ("Re: Poistopyyntö", "Kiitos, sain vahvistuksen siitä, että tietoni on poistettu."),
        # blind12 (B2B): the organisation's data, none of the writer's own
        ("", "Yrityksemme verkkolaskuosoite muuttuu. Päivittäkää tiedot asiakasrekisteriinne."),
        (
            "",
            "Our company's VAT number has changed to FI12345678. Please update the billing address"
            " on our company account and correct the invoices.",
        ),
        (
            "",
            "Merci de supprimer le compte client en doublon de notre société (SIREN 987 654 321).",
        ),
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
        # a B2B contact's own data: still read
        (
            "",
            "Lopetin työni yrityksessä. Pyydän, että poistatte nimeni ja yhteystietoni"
            " asiakasrekisteristänne.",
            "erasure",
        ),
        (
            "",
            "Unsere Firma ist umgezogen, aber vor allem ist meine Durchwahl falsch hinterlegt."
            " Bitte berichtigen Sie das.",
            "rectification",
        ),
        # a name or an entry taken off a page is a publication opt-out, not an erasure
        (
            "",
            "Kan ni ta bort mitt namn från sidan med tidigare styrelseledamöter?",
            "publication_optout",
        ),
        ("", "Bitte entfernen Sie mich von der Teamseite.", "publication_optout"),
        ("", "Voisitteko poistaa nimeni puhujalistalta?", "publication_optout"),
        ("", "Pouvez-vous enlever mon nom de la liste des intervenants ?", "publication_optout"),
        ("", "Please remove me from the all-contributors table.", "publication_optout"),
        # ... while the data itself still erases
        ("", "Bitte entfernen Sie alle meine Daten aus Ihrer Datenbank.", "erasure"),
        ("", "Please remove my account and all my data from your systems.", "erasure"),
        # a reply that points at its quoted request still asks it (read with review)
        ("AW: Löschung meiner Daten", "Siehe unten. Ich warte immer noch.", "erasure"),
        # a fresh subject is the request itself
        ("Poistopyyntö", "Asiakasnumeroni on 4411. Kiitos.", "erasure"),
        # told, but still wrong: asked again
        (
            "",
            "I was told my date of birth would be corrected, but it is still wrong. Please"
            " correct it to 3 May 1980.",
            "rectification",
        ),
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


def test_a_first_line_like_a_header_after_the_subject_is_the_letter(tmp_path: Path) -> None:
    # misfire hunt 3: "Correction: my order number is ..." under "Subject:" was taken for a
    # header, and the letter read as empty (language und)
    letter = tmp_path / "typo.txt"
    letter.write_text(
        "Subject: Correction\nCorrection: my order number is 12345, not 12354 as I wrote"
        " earlier. My question about the refund still stands.\n",
        encoding="utf-8",
    )
    line = classify_file(letter)
    assert line["language"] == "en"
    assert line["intents"] == []
    letter.write_text(
        "Subject: Please\nRectification: my surname is Virtanen, not Virtala. Please correct it"
        " in your customer register.\n",
        encoding="utf-8",
    )
    assert classify_file(letter)["intents"] == ["rectification"]
