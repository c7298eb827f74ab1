"""The gaps found in the eleventh session (rules/README.md, "Eleventh session"), as short letters
of our own, each group with look-alikes that must keep their reading:

- the items of a list introduced by a condition ("the right to erasure where:") are the law's
  grounds: "- I withdraw my consent" below it withdraws nothing;
- data asked off a website ("delete my personal data from your website"), the photo and name
  "published on the page" named as what to delete: a publication opt-out, whatever the subject
  line says; an account or everything held still erases;
- a business about a review of its premises asks nothing of its own data;
- the copy sent straight to another company (Art. 20(2)), a move to another service with the
  archive asked, the score an algorithm gave (Art. 15(1)(h)), a disputed record kept but not
  passed on until checked (Art. 18(1)(a)), a page taken out of the search results for one's name.
"""

from __future__ import annotations

import pytest
from gap_letters import read as _read

from mailbot.classify import DESTRUCTIVE, classify, load_rules


@pytest.mark.parametrize(
    ("subject", "text", "language"),
    [
        (
            "Erasure request",
            "Hello,\n\nI ask you to erase all my personal data. Under Article 17 I have the right "
            "to have my data erased where:\n- the data are no longer needed\n- I withdraw my "
            "consent\n- the data were processed unlawfully\n\nPlease confirm within 30 days.",
            "en",
        ),
        (
            "Begäran om radering",
            "Hej!\n\nJag begär att alla mina personuppgifter raderas. Enligt artikel 17 har jag "
            "rätt att få mina personuppgifter raderade när:\n- uppgifterna inte längre behövs\n"
            "- jag återkallar mitt samtycke\n- uppgifterna behandlas olagligt\n\nMvh Elin",
            "sv",
        ),
        (
            "Poistopyyntö",
            "Hei,\n\npyydän poistamaan kaikki tietoni. Minulla on oikeus saada tiedot poistetuksi, "
            "kun:\n- tietoja ei enää tarvita\n- peruutan suostumukseni\n\nTerveisin Aino",
            "fi",
        ),
        (
            "Antrag auf Löschung",
            "Guten Tag,\n\nich beantrage die Löschung meiner Daten. Ich habe ein Recht auf "
            "Löschung, wenn:\n- die Daten nicht mehr notwendig sind\n- ich meine Einwilligung "
            "widerrufe\n\nMit freundlichen Grüßen",
            "de",
        ),
        (
            "Demande d'effacement",
            "Bonjour,\n\nje demande l'effacement de mes données. J'ai le droit d'obtenir "
            "l'effacement lorsque :\n- les données ne sont plus nécessaires\n- je retire mon "
            "consentement\n\nCordialement",
            "fr",
        ),
    ],
)
def test_the_items_under_a_condition_are_grounds_not_a_withdrawal(
    subject: str, text: str, language: str
) -> None:
    got = classify(subject=subject, text=text, rules=load_rules())
    assert (got.intents, got.language) == (["erasure"], language), got.reasons


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the list asks: the items are what is asked, not conditions
        (
            "Hello,\n\nplease do the following:\n- delete my account\n- withdraw my consent "
            "to the newsletter\n\nThanks",
            {"erasure", "consent_withdrawal"},
        ),
        (
            "Hej,\n\njag begär följande:\n- radera mitt konto\n- jag återkallar mitt samtycke "
            "till nyhetsbrevet\n\nTack",
            {"erasure", "consent_withdrawal"},
        ),
        # "where:" without the law is no condition; "om:" is "for:" (adversarial review)
        (
            "Hello,\n\nhere is what needs changing and where:\n- my surname is misspelt on my "
            "account, it is Lowe, not Low\n- my address on the invoices is the old one\n\nThanks",
            {"rectification"},
        ),
        (
            "Hej,\n\njag ansöker härmed om:\n- att ni raderar mitt konto\n- att ni slutar skicka "
            "reklam till mig\n\nMvh",
            {"erasure", "marketing_optout"},
        ),
        # an item that acts now under the law's conditions still does
        (
            "Dear Sir or Madam,\n\nUnder Article 17 GDPR you must erase personal data where:\n"
            "- the data are no longer necessary\n- the data subject withdraws consent, which I "
            "hereby do\n\nPlease erase my personal data.",
            {"erasure", "consent_withdrawal"},
        ),
    ],
)
def test_a_list_of_requests_still_asks_each(text: str, want: set[str]) -> None:
    got, _, reasons = _read("", text)
    assert set(got) == want, (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Hei,\n\nmietin tilini lopettamista. Voisitteko kertoa, mitä tapahtuu, jos:\n- pyydän "
        "poistamaan kaikki tietoni\n- peruutan markkinointisuostumukseni\n\nKiitos",
        "Hello,\n\nbefore I decide: could you tell me what happens if:\n- I ask you to delete all "
        "my data while a return is open\n- I withdraw my marketing consent\n\nThanks",
        "Hej,\n\njag undrar vad som händer med mina bonuspoäng om:\n- ni raderar mina uppgifter\n"
        "- jag säger upp medlemskapet\n\nMvh",
        "Hallo,\n\nwas passiert mit meinen Sparplänen, wenn:\n- ich Sie auffordere, alle meine "
        "Daten zu löschen\n- ich das Depot kündige\n\nDanke",
    ],
)
def test_a_list_of_what_the_writer_weighs_asks_nothing_yet(text: str) -> None:
    got, _, reasons = _read("", text)
    assert not set(got) & DESTRUCTIVE, (got, reasons)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Lettre de demande de suppression de données personnelles",
            "Madame, Monsieur,\n\nPar la présente, je vous informe de ma volonté de supprimer mes "
            "données personnelles de votre site web www.club-exemple.fr, comme le prévoit "
            "l'article 17.1 du RGPD.\n\nJe vous demande ainsi de supprimer les données me "
            "concernant, à savoir : ma photographie et mes nom et prénom publiés sur la page "
            "« Sorties 2023 », car je n'ai jamais consenti à leur publication.\n\nClaire Dubois",
        ),
        (
            "Request to delete personal data",
            "I hereby ask you to delete my personal data from your website under Article 17(1) "
            "GDPR. I ask you to delete the following data about me: my photograph and my name "
            'published on the page "Gallery".',
        ),
        (
            "Henkilötietojen poistopyyntö",
            "Haluan, että henkilötietoni poistetaan verkkosivustoltanne tietosuoja-asetuksen 17 "
            "artiklan mukaisesti. Pyydän poistamaan seuraavat tiedot: valokuvani ja nimeni, "
            'jotka on julkaistu sivulla "Galleria".',
        ),
        (
            "",
            "Hej,\n\njag satt i styrelsen till 2022 men mitt namn och min bild ligger fortfarande "
            'kvar under "Styrelse". Ta bort mina uppgifter från er hemsida.\n\nMvh Jonas',
        ),
        (
            "",
            "Please remove my personal data from your website, my name is still on the team page.",
        ),
    ],
)
def test_data_asked_off_the_website_is_a_publication_opt_out(subject: str, text: str) -> None:
    """Taking the photo and name off the page is the request: a publication opt-out, no erasure
    of the register's record, whatever the subject line says (where words of erasing were read,
    a person looks)."""
    got, review, reasons = _read(subject, text)
    assert got == ["publication_optout"], (got, reasons)
    assert review or not any(r.startswith("erasure/") and "(+" in r for r in reasons), reasons


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        # a webshop's customer: the same words, the register's record (adversarial review)
        (
            "",
            "Hello, I bought from your shop twice as a guest. Please delete my details from your "
            "website, including my saved card and delivery address.",
        ),
        (
            "",
            "Hej, jag har handlat hos er några gånger. Radera mina uppgifter från er hemsida, även "
            "mitt sparade kort.",
        ),
        (
            "",
            "Bonjour, j'ai commandé deux fois dans votre boutique. Merci de supprimer mes données "
            "de votre site, y compris ma carte enregistrée.",
        ),
        ("", "Please delete my account and all my data from your website."),
        ("", "Je vous demande de supprimer mon compte et toutes mes données de votre site."),
        (
            "",
            "Radera mitt konto från er webbplats och alla uppgifter ni har om mig.",
        ),
        (
            "Delete my data",
            "Please delete all my personal data from your database. I registered on your website "
            "in 2021.",
        ),
    ],
)
def test_an_account_or_everything_held_is_still_erased(subject: str, text: str) -> None:
    got, _, reasons = _read(subject, text)
    assert got[:1] == ["erasure"], (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Madame, Monsieur,\n\nUn avis publié sur votre plateforme par « Marc T. » contient des "
        "propos diffamatoires portant atteinte à notre établissement. Nous vous demandons la "
        "suppression immédiate de cet avis.\n\nLa direction, Hôtel du Port",
        "Hello,\n\na review of our restaurant on your site is fake and damages our reputation. "
        "Please delete the review.\n\nThe management",
        "Hallo,\n\neine Bewertung unseres Restaurants auf Ihrem Portal ist erfunden. Bitte löschen "
        "Sie die Bewertung.\n\nDie Inhaber",
    ],
)
def test_a_business_about_a_review_of_its_premises_erases_nothing(text: str) -> None:
    got, _, reasons = _read("", text)
    assert not set(got) & DESTRUCTIVE, (got, reasons)


def test_a_review_naming_the_writer_still_erases_the_name() -> None:
    got, _, reasons = _read(
        "",
        "Hello, a review about our restaurant shows my full name and home address. Please "
        "delete my name from the review.",
    )
    assert got[:1] == ["erasure"], (got, reasons)


@pytest.mark.parametrize(
    ("text", "main"),
    [
        (
            "Je vous demande de transmettre directement mes données à la société ExempleBanque, "
            "conformément à l'article 20.",
            "portability",
        ),
        ("Please transmit my data directly to ExampleBank under Article 20(2).", "portability"),
        (
            "Bitte übermitteln Sie meine Daten direkt an die Beispielbank gemäß Art. 20 DSGVO.",
            "portability",
        ),
        (
            "Je souhaite migrer vers un autre service. Comment obtenir une archive complète de ce "
            "que j'ai saisi chez vous ?",
            "portability",
        ),
        (
            "Ich möchte zu einem anderen Anbieter wechseln und bitte um ein vollständiges Archiv "
            "meiner Einträge.",
            "portability",
        ),
        (
            "Je voudrais connaître le score que votre algorithme m'a attribué et sur quelles "
            "données il s'appuie.",
            "access",
        ),
        ("I would like to know the score your algorithm gave me and the data behind it.", "access"),
        (
            "Jag vill veta vilken poäng er algoritm har gett mig och vilka uppgifter den bygger på.",
            "access",
        ),
        (
            "Je conteste le montant que vous m'attribuez. Tant que ce n'est pas vérifié, merci de "
            "ne pas transmettre ces données à des tiers, sans pour autant les effacer.",
            "restriction",
        ),
        (
            "I dispute the amount you say I owe. Until it is checked, please do not pass this "
            "data to third parties.",
            "restriction",
        ),
        (
            "Ich bestreite den Betrag. Bis das geprüft ist, geben Sie diese Daten bitte nicht an "
            "Dritte weiter.",
            "restriction",
        ),
        (
            "Bonjour, je souhaite le retrait de la page suivante des résultats de recherche "
            "associés à mon nom : https://annuaire.example.fr/personnes/jean-martin",
            "publication_optout",
        ),
    ],
)
def test_rights_asked_in_words_the_rules_lacked(text: str, main: str) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == [main], (got, reasons)
    assert not set(got) & DESTRUCTIVE, (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Please send my data directly to me at my home address.",
        "To book the fitting, please pass my details directly to the installer.",
        "Merci de transmettre directement mes informations à votre technicien pour le rendez-vous.",
        "Bitte übermitteln Sie meine Daten direkt an die Partnerwerkstatt für den Termin.",
        "I'd like to know when my product rating will appear, the system says pending.",
        "While I work abroad until March, please do not forward my post to the old address.",
        "Merci de supprimer les produits épuisés des résultats de recherche de votre boutique.",
        "Until I get my refund I will not pay the invoice.",
        "Bis das geklärt ist, zahle ich nicht.",
        "I'd like to know how your scoring system works in general, for my thesis.",
        "Je ne trouve pas le formulaire de suppression dans les résultats de recherche de votre "
        "site.",
    ],
)
def test_look_alikes_ask_no_portability_restriction_access_or_opt_out(text: str) -> None:
    got, _, reasons = _read("", text)
    assert not set(got) & {"portability", "restriction", "publication_optout", "access"}, (
        got,
        reasons,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Hello,\n\nmy husband and I booked a city break through you and uploaded our passports "
        "so that our hotel could pre-register us. The trip is over: please delete our passport "
        "scans and our booking details from your records.\n\nAnna and Tom",
        "Hallo,\n\nwir haben über Sie eine Reise gebucht und unsere Pässe hochgeladen, damit "
        "unser Hotel uns anmelden kann. Bitte löschen Sie unsere Daten aus Ihren "
        "Unterlagen.\n\nAnna und Tom",
    ],
)
def test_a_couple_about_their_hotel_booking_still_erases(text: str) -> None:
    """ "Our hotel" is the one they stayed at: no business writes (adversarial review)."""
    got, _, reasons = _read("", text)
    assert got[:1] == ["erasure"], (got, reasons)


@pytest.mark.parametrize(
    ("text", "main"),
    [
        ("Jag vill rätta mina personuppgifter.", "rectification"),
        ("Conformément au RGPD, communiquez-moi les informations me concernant.", "access"),
        ("Bitte löschen Sie meinen Zugang.", "erasure"),
        ("Senden Sie mir bitte eine Kopie meiner Kundendaten.", "access"),
        ("I don't want to use your service. Stop emailing me.", "marketing_optout"),
    ],
)
def test_one_line_requests(text: str, main: str) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == [main], (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Ich habe am 2. März die Löschung meines Kontos beantragt. Erwartetes Verhalten wäre eine "
        "Bestätigung innerhalb eines Monats gewesen. Bitte löschen Sie mein Konto jetzt.",
        "Expected behaviour: you delete my account within a month. Please delete my account now.",
    ],
)
def test_a_heading_word_in_a_customers_prose_keeps_the_request(text: str) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == ["erasure"], (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Bitte löschen Sie den Dauerauftrag vom Girokonto, die neue Bankverbindung folgt.",
        "Poistakaa vanha tilinumeroni, uusi on FI21 1234 5600 0007 85.",
        "Ihr System löscht alle Buchungsdaten 30 Tage nach der Abreise, richtig so.",
    ],
)
def test_a_standing_order_an_account_number_or_a_systems_routine_is_no_erasure(
    text: str,
) -> None:
    """Compound nouns ("Girokonto", "tilinumeroni", "Buchungsdaten") are not the customer's data
    asked deleted (adversarial review of a compound reading that was taken back)."""
    got, _, reasons = _read("", text)
    assert "erasure" not in got, (got, reasons)


def test_a_bug_report_whose_headings_lost_their_markup_asks_nothing() -> None:
    text = (
        "Décrivez le bug\nEn tant que superadmin, je veux supprimer un compte expert mais le "
        "bouton Supprimer n'est pas cliquable, contrairement à l'article 17 du RGPD.\n\n"
        "Comportement attendu\n\nLe bouton est utilisable et je peux procéder à l'effacement du "
        "compte."
    )
    got, review, reasons = _read("Impossible de supprimer un compte expert", text)
    assert (got, review) == ([], True), (got, reasons)


def test_an_ellipsis_trails_on_in_a_letter_typed_in_lower_case() -> None:
    """ "... used... is what I told my bank": one sentence, so the telling covers the wish, in
    lower case too (a writer who never capitalises ends sentences at every full stop, not at an
    ellipsis)."""
    text = (
        "Hi,\nJust a note: I moved in March. I want my old address removed and the new one "
        "used... is what I told my bank, and they did it the same day. You already have the new "
        "one on file, so all good.\nMark"
    )
    for letter in (text, text.lower()):
        got, _, reasons = _read("", letter)
        assert not set(got) & DESTRUCTIVE, (letter[:40], got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "I object to the processing of my personal data for the newsletter and marketing "
        "communications.",
        "Je m'oppose au traitement de mes données personnelles pour la newsletter.",
        "Ich widerspreche der Verarbeitung meiner Daten für den Newsletter und "
        "Marketingmitteilungen.",
        "Jag invänder mot behandlingen av mina uppgifter för nyhetsbrev och marknadsföring.",
        "Vastustan tietojeni käsittelyä uutiskirjettä ja markkinointia varten.",
    ],
)
def test_an_objection_to_processing_for_marketing_is_the_opt_out(text: str) -> None:
    """The objection was absorbed by the marketing word and the bare nouns asked nothing: the
    letter read no right at all (Art. 21(2))."""
    got, _, reasons = _read("", text)
    assert got[:1] == ["marketing_optout"], (got, reasons)


def test_an_objection_beside_a_newsletter_liked_is_no_opt_out() -> None:
    got, _, reasons = _read(
        "", "I object to the use of my data for profiling, but I like your newsletter."
    )
    assert got == ["objection"], (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Hi,\n\nI bought a voucher in your online shop and the checkout saved my card. Please "
        "remove my saved card details and my delivery address from your website.\n\nTom",
        "Hallo,\n\nich habe als Gast in Ihrem Onlineshop bestellt. Bitte löschen Sie meine Daten "
        "von Ihrer Website, also Adresse, Telefonnummer und Bestellhistorie.\n\nTimo",
        "Hei,\n\nolen tilannut teiltä verkossa pari kertaa. Poistakaa tietoni "
        "verkkosivuiltanne, eli osoite, puhelinnumero ja tilaushistoria.\n\nRiikka",
    ],
)
def test_a_shops_record_named_beside_a_removal_from_its_website_goes_to_a_person(
    text: str,
) -> None:
    """The site may keep the customer's record (a saved card, the order history) rather than
    publish it: a person looks which is meant. Read as erasure, it deleted customers whose photo
    was to come off a testimonials page beside "keep my customer account" (third review): the
    opt-out stays the reading, never an erasure without a person."""
    got, review, reasons = _read("", text)
    assert review, (got, reasons)
    assert "erasure" not in got, (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Please take my photo off your testimonials page, but do not delete my customer account "
        "or my saved card.",
        "Bitte nehmen Sie mein Foto von Ihrer Kundenstimmen-Seite, meine Kundenkarte und mein "
        "Kundenkonto möchte ich behalten.",
    ],
)
def test_a_photo_off_a_testimonials_page_beside_a_kept_account_erases_nothing(text: str) -> None:
    got, _, reasons = _read("", text)
    assert "erasure" not in got, (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Please remove my photo and name from your website's team page.",
        "Bitte entfernen Sie mein Foto von Ihrer Website.",
        "Poistakaa kuvani verkkosivuiltanne.",
    ],
)
def test_a_photo_or_name_off_the_website_stays_a_publication_opt_out(text: str) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == ["publication_optout"], (got, reasons)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Poistakaa vanha sähköpostiosoitteeni, uusi on anu@example.fi.", ["rectification"]),
        (
            "Bitte löschen Sie meine alte E-Mail-Adresse, die neue ist anu@example.de.",
            ["rectification"],
        ),
        (
            "Supprimez mon ancienne adresse e-mail, la nouvelle est anu@example.fr.",
            ["rectification"],
        ),
    ],
)
def test_an_old_value_removed_and_the_new_one_given_is_a_correction(
    text: str, want: list[str]
) -> None:
    """Not the customer's erasure (adversarial review): a person looks."""
    got, review, reasons = _read("", text)
    assert (got, review) == (want, True), (got, reasons)


def test_an_old_account_deleted_beside_a_new_address_is_still_an_erasure() -> None:
    got, _, reasons = _read(
        "", "Please delete my old account and all my data. My new email is anu@example.com."
    )
    assert got[:1] == ["erasure"], (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Bis die Reklamation geklärt ist, kann ich das Gerät nicht nutzen. Wann kommt ein "
        "Techniker?",
        "Tills felet är utrett kan jag inte använda bilen, så kan ni ordna en lånebil?",
        "Huoltoliike sanoi, että kunnes vika on selvitetty, laitetta ei saa käyttää.",
        "Jag vill veta varför mina poäng från köpet inte har registrerats i systemet.",
    ],
)
def test_a_broken_device_or_missing_points_ask_no_restriction_or_access(text: str) -> None:
    got, _, reasons = _read("", text)
    assert not set(got) & {"restriction", "access"}, (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Hiermit verlange ich die Löschung sämtlicher Daten zu meiner Person, einschließlich "
        "meiner alten Anschrift. Meine neue Anschrift lautet Am Hang 12, 79100 Freiburg; ich nenne "
        "sie nur für die Bestätigung, speichern Sie sie bitte nicht.",
        "Je vous demande d'effacer l'ensemble de mes données, y compris mon ancienne adresse. Ma "
        "nouvelle adresse est le 3 impasse du Moulin, uniquement pour la confirmation.",
        "Please delete the account registered under my old email address together with all the "
        "data. My new email is x@example.com, send the confirmation there.",
        "Radera mitt konto och alla mina uppgifter, även min gamla e-postadress. Min nya e-post är "
        "x@example.se.",
    ],
)
def test_an_old_value_erased_with_everything_stays_an_erasure_and_no_correction(
    text: str,
) -> None:
    """The old value is part of what is erased and the new one is where to confirm (third
    review): erasure, and no rectification beside it."""
    got, _, reasons = _read("", text)
    assert got == ["erasure"], (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "I got married. Could you please get rid of my old surname on my account? My new surname "
        "is Patel.",
        "Jag har gift mig och heter nu Lind i efternamn. Kan ni ta bort mitt gamla efternamn från "
        "kontot och skriva Lind i stället?",
    ],
)
def test_an_old_name_removed_from_the_account_is_a_correction(text: str) -> None:
    got, _, reasons = _read("", text)
    assert "erasure" not in got and got[:1] == ["rectification"], (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "L'utente giulia.conti@example.it non desidera più ricevere email da Hotel Bellavista.",
        "The user anna@example.com no longer wishes to receive emails from Hotel Bellavista.",
    ],
)
def test_a_mailing_footers_unsubscribe_text_is_an_opt_out(text: str) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == ["marketing_optout"], (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Bitte löschen Sie die Konto-Benachrichtigung per SMS, die E-Mail reicht mir.",
        "Bitte löschen Sie den Dauerauftrag vom Tagesgeld-Konto.",
        "Bitte löschen Sie mein PowerShell-Katalog-Konto.",
        "Bitte löschen Sie meine Giro-Konto-Vollmacht.",
        "Bitte löschen Sie mein Tagesgeld-Konto-Limit.",
    ],
)
def test_a_hyphenated_compound_is_left_to_a_person(text: str) -> None:
    """A hyphenated compound was read as the account deleted for one published letter and
    deleted standing orders and SMS notifications in the fourth review (adversarial20): a
    compound, closed or hyphenated, whose last part is not the account or the data is left to
    a person; so is a compound of three (twelfth session: reading "mein PowerShell-Katalog-Konto"
    also read "Jetzt löschen Sie mein Premium-Plus-Konto einfach, ohne mich zu fragen!")."""
    got, _, reasons = _read("", text)
    assert "erasure" not in got, (got, reasons)


def test_a_pull_requests_title_without_its_object_takes_the_name_off() -> None:
    got, _, reasons = _read(
        "Remove from list of contributors", "It's an old email address, but easiest to just remove."
    )
    assert got[:1] == ["publication_optout"], (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "My data was destroyed in the fire at your office, I read.",
        "I have a box of old account statements and tax records that I want destroyed: do you "
        "offer a shredding service?",
        "Je ne veux surtout pas que mes données soient détruites tant que le litige dure.",
    ],
)
def test_destroyed_in_a_story_a_shredding_question_or_a_refusal_erases_nothing(
    text: str,
) -> None:
    """ "Destroyed" as a word of erasure was taken back (adversarial20: papers at home, a fire,
    a refusal read as erasures)."""
    got, _, reasons = _read("", text)
    assert "erasure" not in got, (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "I do not object to you using my e-mail address for the newsletter, but I object to "
        "credit scoring.",
        "I object to the click tracking in your newsletter; I still want to receive it.",
        "Je m'oppose au prélèvement de 3 euros pour la lettre d'information, je ne l'ai jamais "
        "commandée.",
    ],
)
def test_an_objection_beside_a_newsletter_kept_is_no_opt_out(text: str) -> None:
    got, _, reasons = _read("", text)
    assert "marketing_optout" not in got, (got, reasons)
