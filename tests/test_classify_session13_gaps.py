"""The gaps found in the thirteenth session (rules/README.md, "Thirteenth session"), as short
letters of our own, each with look-alikes that must keep their reading."""

from __future__ import annotations

import pytest
from gap_letters import read as _read


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Close account",
            "Hi, I would like to close and delete my account. Can you point me on how to do it? "
            "Thanks!",
        ),
        ("Delete account", "Hello, I want my profile deleted. Could you tell me how?"),
        (
            "Unable to delete account",
            "You advertise privacy everywhere, yet I'm unable to delete my account. Please advise "
            "how I may delete my account.",
        ),
        ("Can't delete my profile", "The settings page has no button for it."),
    ],
)
def test_the_way_asked_or_the_writer_unable_erases_nothing(subject: str, text: str) -> None:
    got, review, reasons = _read(subject, text)
    assert "erasure" not in got and review, (got, reasons)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Delete account",
            "Please delete my account. Can you tell me how I can download my invoices first?",
        ),
        (
            "Unable to delete account",
            "I'm unable to delete my account in the app. Please delete it for me.",
        ),
        (
            "Can't delete my account",
            "Please delete my account, the button in settings does nothing.",
        ),
        ("", "I would like to delete my account. How long will that take?"),
        (
            "",
            "I hereby request erasure of my data under Article 17. If there is a form, how do I do "
            "that?",
        ),
        ("", "Please delete my profile. How do I do that for my late father's profile?"),
        (
            "Can't delete my account",
            "Can't delete my account myself, so delete it on your end and confirm.",
        ),
    ],
)
def test_an_erasure_asked_beside_a_question_or_a_failed_attempt_still_erases(
    subject: str, text: str
) -> None:
    got, _, reasons = _read(subject, text)
    assert got[:1] == ["erasure"], (got, reasons)


def test_what_deleting_an_account_should_do_is_a_claim_not_a_request() -> None:
    got, _, reasons = _read(
        "Invites survive account deletion",
        "Removing my account should remove all my information. The invite address still blocks a "
        "new sign-up.",
    )
    assert "erasure" not in got, (got, reasons)


def test_a_request_followed_by_what_deleting_should_do_still_erases() -> None:
    got, _, reasons = _read(
        "", "Please delete my account. Deleting my account should also delete my photos."
    )
    assert got[:1] == ["erasure"], (got, reasons)


def test_a_condition_about_a_change_is_still_a_condition() -> None:
    got, _, reasons = _read(
        "", "If the mailmap gets regenerated, will it update my email address automatically?"
    )
    assert "rectification" not in got, (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        'Could you please remove me from the "Credits and Contributors" page? I would rather not '
        "be listed.",
        "Please take my name off the list of signatories, I no longer support the letter.",
    ],
)
def test_a_list_of_names_left_is_the_publication_opt_out(text: str) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == ["publication_optout"] and "erasure" not in got, (got, reasons)


def test_a_commit_that_exposed_the_writers_mail_is_a_public_place() -> None:
    got, _, reasons = _read(
        "Personal data in commit",
        "A maintainer added me as co-author and exposed my private mail in the commit. So please "
        "remove this information.",
    )
    assert got[:1] == ["publication_optout"] and "erasure" not in got, (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Meine E-Mail-Adresse hat sich geändert. Sie erreichen mich ab sofort unter "
        "anna.neu@example.de.",
        "My email address has changed, please use tom@new.example from now on.",
        "Min e-postadress har ändrats, använd den nya i fortsättningen.",
    ],
)
def test_a_change_of_contact_details_told_stays_with_a_person(text: str) -> None:
    # Three tries (twelfth and thirteenth sessions) read these as rectifications; each review
    # found partners, colleagues, auto-replies and fraud mails written the same way.
    got, review, reasons = _read("", text)
    assert "rectification" not in got and review, (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Je demande l'accès aux renseignements personnels que vous détenez à mon sujet.",
        "Je sollicite l'accès à l'ensemble des données me concernant.",
        "Je souhaite avoir accès à mes renseignements personnels.",
        "Ich beantrage Zugang zu den Daten, die Sie über mich gespeichert haben.",
        "Ich möchte Einsicht in die über mich gespeicherten Daten.",
        "Pyydän pääsyä minua koskeviin henkilötietoihin.",
        "Please give me access to the records you hold about me.",
    ],
)
def test_access_asked_with_the_word_access_itself(text: str) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == ["access"], (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Je demande l'accès aux données de santé de ma mère que vous détenez.",
        "Haluan päästä käsiksi tietoihini, salasana ei toimi.",
        "Ich möchte wieder Zugriff auf meine Daten im Kundenkonto, das Passwort geht nicht.",
    ],
)
def test_another_persons_data_or_a_login_asks_no_access(text: str) -> None:
    got, _, reasons = _read("", text)
    assert "access" not in got, (got, reasons)


def test_a_colloquial_french_how_question_withdraws_nothing() -> None:
    got, _, reasons = _read("", "Ma fille a 12 ans, comment je retire mon consentement ?")
    assert "consent_withdrawal" not in got, (got, reasons)


def test_a_french_withdrawal_after_a_how_told_still_withdraws() -> None:
    got, _, reasons = _read(
        "", "Je ne sais pas comment faire en ligne, donc je retire mon consentement par ce mail."
    )
    assert got[:1] == ["consent_withdrawal"], (got, reasons)


@pytest.mark.parametrize(
    ("subject", "text", "want"),
    [
        ("", "Would you mind deleting my account? I no longer use it.", "erasure"),
        ("", "Would you mind updating my profile? I changed my surname to Lind.", "rectification"),
        ("", "Thanks, I'd appreciate if you could erase my data.", "erasure"),
    ],
)
def test_polite_gerunds_and_a_request_that_follows_appreciate_if(
    subject: str, text: str, want: str
) -> None:
    got, _, reasons = _read(subject, text)
    assert got[:1] == [want], (got, reasons)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("", "Do you mind if I delete my account later myself?"),
        ("", "Would you mind changing my password reset link? It expired."),
        (
            "",
            "I'd appreciate if you could explain what happens to my data if you delete my account.",
        ),
        (
            "Änderung unserer Anschrift",
            "Unsere neue Anschrift lautet: Birkenweg 2, 12345 Neustadt.",
        ),
        ("", "Wann wird die Änderung meiner Anschrift im Portal sichtbar?"),
        (
            "",
            "Ich fordere Sie auf, die Aktualisierung meiner Anschrift über externe Quellen "
            "einzustellen.",
        ),
    ],
)
def test_their_look_alikes_change_or_erase_nothing(subject: str, text: str) -> None:
    got, _, reasons = _read(subject, text)
    assert not {"erasure", "rectification"} & set(got), (got, reasons)


@pytest.mark.parametrize(
    ("subject", "text", "want"),
    [
        ("Re: Tilbud til din bedrift", "Ikke kontakt meg igjen.", ["marketing_optout"]),
        ("Re: Tilbud", "Kontakt mig ikke igen, tak.", ["marketing_optout"]),
        ("Avregistrering", "Hej, jag vill inte ha fler nyhetsbrev från er.", ["marketing_optout"]),
        (
            "Avregistrering av enskild näringsverksamhet",
            "Jag anmäler härmed att min firma Lindqvists Måleri ska avregistreras.",
            [],
        ),
        ("Invändning mot utmätning", "Den utmätta bilen tillhör mig, inte gäldenären.", []),
        (
            "Invändning",
            "Jag invänder mot att ni behandlar mina uppgifter för profilering.",
            ["objection"],
        ),
    ],
)
def test_nordic_opt_outs_and_register_or_enforcement_look_alikes(
    subject: str, text: str, want: list[str]
) -> None:
    got, _, reasons = _read(subject, text)
    assert got[:1] == want, (got, reasons)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Automatic reply: Your data request",
            "I am out of the office. Back Monday. Please note my new email address is "
            "k.berg@newco.example - please update your records.",
        ),
        (
            "Autosvar",
            "Jag har semester till 12 augusti. Min nya e-postadress är k.holm@firma.example, "
            "vänligen uppdatera era register.",
        ),
        (
            "Undeliverable: Ihre Löschanfrage",
            "Bitte löschen Sie alle meine Daten.",
        ),
    ],
)
def test_a_pasted_auto_reply_or_bounce_asks_nothing(subject: str, text: str) -> None:
    got, review, reasons = _read(subject, text)
    assert got == [] and review, (got, reasons)


def test_a_reply_to_an_auto_reply_that_asks_still_counts() -> None:
    got, _, reasons = _read(
        "Re: Automatic reply: Your data request", "No, I really want you to delete my account now."
    )
    assert got[:1] == ["erasure"], (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Bonjour, pareil pour moi. Pouvez-vous m'enlever des listes ? Merci",
        "Merci de supprimer mon adresse de vos listes de diffusion.",
        "Retirez notre adresse de votre fichier de prospection svp",
    ],
)
def test_a_french_mailing_list_or_prospecting_file_left_is_the_opt_out(text: str) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == ["marketing_optout"], (got, reasons)


def test_a_french_customer_file_is_no_mailing_list() -> None:
    got, _, reasons = _read(
        "", "Merci de supprimer mon adresse de votre fichier clients, je ne suis plus client."
    )
    assert "marketing_optout" not in got, (got, reasons)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Ich finde keinen Button, um meinen Account selbst zu löschen. Kann man so etwas "
            "einbauen?",
            [],
        ),
        (
            "Ich finde keinen Button, um meinen Account zu löschen. Bitte löschen Sie meinen "
            "Account.",
            ["erasure"],
        ),
        ("Pourrait-on corriger les fautes d'orthographe dans ce message d'erreur ? Merci !", []),
        (
            "Pourriez-vous corriger la faute d'orthographe dans mon nom ? C'est Dupont, pas "
            "Dupond.",
            ["rectification"],
        ),
    ],
)
def test_a_missing_button_or_a_message_typo_is_no_request_of_the_writers_data(
    text: str, want: list[str]
) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == want, (got, reasons)


def test_an_auto_reply_subject_without_its_marks_is_still_one() -> None:
    got, review, reasons = _read(
        "Reponse automatique",
        "Je serai absent jusqu'au 20 juin. Ma nouvelle adresse e-mail est p.durand@societe.example, "
        "merci de mettre à jour vos fichiers.",
    )
    assert got == [] and review, (got, reasons)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("I do not wish to be contacted in the future!", "marketing_optout"),
        (
            "I am writing to ask that I am removed from your junk mailing list. Your leaflets go "
            "straight to the bin.",
            "marketing_optout",
        ),
        (
            "I request all the information I am entitled to under section 7(1) of the Data "
            "Protection Act 1998.",
            "access",
        ),
        (
            "I am disputing the following inaccurate information on my credit report: the account "
            "ending 1189 was never late.",
            "rectification",
        ),
    ],
)
def test_published90_english_requests(text: str, want: str) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == [want], (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to be contacted about future studies, but keep my questionnaire answers.",
        "I don't want to be contacted by phone about my order, email me instead.",
        "Please remove the article about the fire from your website, it has the wrong date.",
    ],
)
def test_their_look_alikes_opt_out_of_nothing(text: str) -> None:
    got, _, reasons = _read("", text)
    assert not {"marketing_optout", "publication_optout"} & set(got), (got, reasons)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "I ask that you no longer process my data, as is my right under section 10 of the Data "
            "Protection Act 1998.",
            "objection",
        ),
        (
            "Formal notice under section 11 of the Data Protection Act 1998: no direct marketing "
            "to me.",
            "marketing_optout",
        ),
        (
            "I refuse consent for my identifiable information to be transferred out of your "
            "practice systems. Please record my dissent.",
            "objection",
        ),
    ],
)
def test_older_uk_notices_and_a_dissent(text: str, want: str) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == [want], (got, reasons)


def test_a_past_objection_asked_about_objects_to_nothing() -> None:
    got, _, reasons = _read(
        "", "Did you stop processing my data? I asked that you no longer process my data last year."
    )
    assert "objection" not in got, (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Would you mind closing my ticket #4411? The issue is solved.",
        "Would you mind removing my colleague from the CC list?",
        "Would you give me access to the records you keep on me if I asked, or is there a fee?",
        "Wie lange dauert es, bis man Einsicht in die über mich gespeicherten Daten bekommt?",
        "Combien de temps faut-il pour obtenir l'accès aux données me concernant ?",
        "Mon ex-mari demande l'accès aux données me concernant, je refuse.",
        "Je voudrais retrouver l'accès aux données de mon espace client me concernant, le mot de "
        "passe est refusé.",
        "Haluan päästä käsiksi henkilötietoihini Omat sivut -palvelussa, mutta tunnukseni eivät "
        "toimi.",
        "Merci de me retirer de la liste des invités pour samedi.",
    ],
)
def test_the_later_patterns_look_alikes_adversarial27(text: str) -> None:
    got, _, reasons = _read("", text)
    assert not {"erasure", "access", "marketing_optout"} & set(got), (got, reasons)


@pytest.mark.parametrize(
    ("subject", "text", "want"),
    [
        (
            "Ikke kontakt",
            "Ikke kontakt meg igjen før etter sommeren, da er jeg klar for et nytt tilbud.",
            "",
        ),
        (
            "",
            "Firman ska avregistreras i juni, så ta bort oss från era utskick redan nu.",
            "marketing_optout",
        ),
    ],
)
def test_wishes_that_only_defer_and_a_deregistration_beside_mailings(
    subject: str, text: str, want: str
) -> None:
    got, _, reasons = _read(subject, text)
    assert got[:1] == ([want] if want else []), (got, reasons)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("Automatic reply after automatic reply", "Please just delete my account."),
        ("Autosvar hela tiden", "Jag får bara autosvar. Radera mitt konto."),
        ("Out of Office AutoReply: Your request", "Please update your records with my new number."),
        (
            "Autosvar - Ditt ärende 55810",
            "Min nya e-postadress är a@b.example, uppdatera era register.",
        ),
        ("Delivery Status Notification (Failure)", "> Please delete my account."),
    ],
)
def test_a_subject_that_reads_like_an_auto_reply_goes_to_a_person(subject: str, text: str) -> None:
    # A machine's subject and a person's that starts with the same words cannot be told apart
    # (adversarial27 and 28 tried both ways): a person looks, nothing is acted on.
    got, review, reasons = _read(subject, text)
    assert got == [] and review, (got, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "I am disputing the following incorrect entries on my March statement: you charged me "
        "twice.",
        "I am disputing this incorrect information in your letter, that I still owe £310.",
        "Is our school a public authority under section 7 of the Data Protection Act 2018?",
        "Does section 10 of the Data Protection Act 1998 still apply to special category data?",
        "If I ask that you no longer process my data, will my warranty still be valid?",
        "Please record my dissent from the board's decision to close the library.",
        "What happens if I refuse consent for my data to be transferred to the new supplier?",
        "I do not wish to be contacted again by your collection agent; write to my solicitor.",
        "My request that I be removed from your mailing list was dealt with last year, but "
        "now I would like to sign up again.",
    ],
)
def test_adversarial28_look_alikes_ask_none_of_those_rights(text: str) -> None:
    got, _, reasons = _read("", text)
    assert not {"rectification", "access", "objection", "marketing_optout"} & set(got), (
        got,
        reasons,
    )


def test_a_change_made_by_the_writer_beside_one_asked_still_corrects() -> None:
    got, _, reasons = _read(
        "",
        "I need to change my phone number there myself, but please could you also correct my "
        "date of birth to 4 May 1990?",
    )
    assert got[:1] == ["rectification"], (got, reasons)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Annan suostumukseni tallentaa kerätyt henkilötiedot. Ymmärrän, että voin pyytää "
            "ylläpitäjää poistamaan tietoni.",
            [],
        ),
        ("Ymmärrän, että voin perua suostumukseni. Poistakaa kuitenkin tietoni heti.", ["erasure"]),
        ("Können Sie mir die Behandlungsunterlagen zuschicken?", ["access"]),
        ("Können Sie mir die Behandlungsunterlagen meiner Mutter zuschicken?", []),
    ],
)
def test_published93_a_consent_text_and_a_patients_records(text: str, want: list[str]) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == want, (got, reasons)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "I made a subject access request on 3 March. It is now the middle of May. Where is my "
            "data?",
            ["access"],
        ),
        (
            "Please note my formal objection to the scheme under which you share my customer "
            "details with partners.",
            ["objection"],
        ),
        ("Können Sie mir meine Krankenakte bitte als PDF zuschicken?", ["access"]),
    ],
)
def test_adversarial29_requests_kept(text: str, want: list[str]) -> None:
    got, _, reasons = _read("", text)
    assert got[:1] == want, (got, reasons)


@pytest.mark.parametrize(
    ("subject", "text", "want"),
    [
        (
            "Delete user data",
            "A tool that lets moderators delete user information would be useful. Today a member "
            "wanted 200 of his posts deleted.",
            [],
        ),
        ("Delete user data", "Please delete my account and all my user data.", ["erasure"]),
    ],
)
def test_other_users_data_deleted_by_a_tool_is_a_feature(
    subject: str, text: str, want: list[str]
) -> None:
    got, _, reasons = _read(subject, text)
    assert got[:1] == want, (got, reasons)
