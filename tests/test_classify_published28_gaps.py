"""The gaps found in the sixth session (rules/README.md, "Sixth session"): by putting every labelled
letter through harmless changes (all lower case, German without umlauts) and by the 28th to 34th
sweeps of real published letters, as short letters of our own in the same general wording:

- a writer who never starts a sentence with a capital after a full stop still ends sentences
  there ("hey, correct me if i'm wrong ... i left that job. can you change it to ...");
- German typed without umlauts ("Loeschung", "Einschraenkung", "gemaess") reads as with them
  (the rules file's `spellings`);
- a copy of one's patient file is an access request; an appeal against an official decision
  ("Widerspruch gegen den Bescheid", "opposition au commandement de payer") is no objection; a
  complaint under Art 77 named in the subject line is a letter to the authority;
- a later request announced ("I reserve the right to request a copy") is not made;
- what the company offered ("you offered to only restrict my data") is not asked;
- a subject line's word that the body explains otherwise ("Opt-out request" over an opt-out of
  an AI training dataset) gives way to the body's right."""

from __future__ import annotations

import pytest
from gap_letters import assert_main as _assert_main
from gap_letters import read as _read

from mailbot.classify import DESTRUCTIVE, RulesError, classify, load_rules

# ---------------------------------------------------------------- lower case


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "hey, correct me if i'm wrong but i think you still have my old work email as my "
            "contact. i left that job. can you change it to kim.r@mailbox.example?",
            "rectification",
        ),
        (
            "moi. olin asiakkaana 2019-2021. haluun et kaikki mun tiedot poistetaan. onks se "
            "mahdollista? jos ei oo niin kertokaa miks.",
            "erasure",
        ),
    ],
)
def test_a_letter_in_lower_case_reads_as_written_with_capitals(text: str, intent: str) -> None:
    _assert_main(text, intent)
    capitalised = ". ".join(s[:1].upper() + s[1:] for s in text.split(". "))
    _assert_main(capitalised, intent)


def test_a_third_partys_deletion_told_in_lower_case_asks_nothing() -> None:
    text = (
        "my ex-husband says he asked you to delete his account. we share a surname, so please "
        "make sure nobody touches mine by mistake."
    )
    intents, _, reasons = _read("", text)
    assert not set(intents) & DESTRUCTIVE, (intents, reasons)


def test_a_question_after_a_lower_case_request_does_not_cancel_it() -> None:
    # the question "is that possible?" is its own sentence, not part of the request
    intents, _, reasons = _read(
        "", "hei. haluan että kaikki tietoni poistetaan. onko se mahdollista?"
    )
    assert intents[:1] == ["erasure"], reasons
    assert not any("both asked and question" in r for r in reasons), reasons


# ---------------------------------------------------------------- German without umlauts


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "Sehr geehrte Damen und Herren, ich verlange die Einschraenkung der Verarbeitung "
            "meiner Daten gemaess Art. 18 DSGVO, bis meine Beschwerde geklaert ist.",
            "restriction",
        ),
        (
            "Hallo, mein Nachname ist bei Ihnen falsch geschrieben. Bitte aendern Sie ihn in "
            "Mueller.",
            "rectification",
        ),
        (
            "Bitte nehmen Sie meinen Eintrag aus dem oeffentlichen Mitgliederverzeichnis auf "
            "Ihrer Website heraus, ich moechte dort nicht mehr veroeffentlicht werden.",
            "publication_optout",
        ),
    ],
)
def test_german_typed_without_umlauts_reads_as_with_them(text: str, intent: str) -> None:
    _assert_main(text, intent)
    umlauts = text.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü").replace("Mü", "Mue")
    _assert_main(umlauts, intent)


def test_a_third_partys_deletion_without_umlauts_asks_nothing() -> None:
    text = (
        "Mein Ex-Freund hat Ihnen geschrieben, dass er sein Konto loeschen lassen will. Bitte "
        "achten Sie darauf, dass mein eigenes Konto davon nicht betroffen ist."
    )
    intents, _, reasons = _read("", text)
    assert "erasure" not in intents, reasons


def test_spellings_must_map_single_letters(tmp_path) -> None:
    folder = tmp_path / "rules" / "intents"
    folder.mkdir(parents=True)
    (folder / "de-extra.yaml").write_text("language: de\nspellings: {ae: ä}\n", encoding="utf-8")
    with pytest.raises(RulesError, match="spellings"):
        load_rules(extra_dirs=[tmp_path / "rules"])


def test_a_controllers_file_with_spellings_matches_both_spellings(tmp_path) -> None:
    folder = tmp_path / "rules" / "intents"
    folder.mkdir(parents=True)
    (folder / "de-extra.yaml").write_text(
        "language: de\n"
        "spellings: {ö: oe}\n"
        "intents:\n"
        "  erasure:\n"
        "    patterns:\n"
        "      - [1.0, '\\bmein\\s+kundenkärtchen\\s+zerstören\\b']\n",
        encoding="utf-8",
    )
    rules = load_rules(extra_dirs=[tmp_path / "rules"])
    for verb in ("zerstören", "zerstoeren"):
        got = classify(subject="", text=f"Bitte mein Kundenkärtchen {verb}.", rules=rules)
        assert any("kundenkartchen" in r for r in got.reasons), got.reasons


# ---------------------------------------------------------------- sweeps 28 to 34


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Kopie meiner Patientenakte",
            "Sehr geehrte Damen und Herren, hiermit bitte ich um eine vollständige Kopie meiner "
            "Patientenakte einschließlich aller Befunde und Arztbriefe.",
        ),
        (
            "",
            "Ich mache von meinem Recht auf Akteneinsicht nach § 630g BGB Gebrauch und bitte um "
            "Übersendung der Unterlagen als PDF.",
        ),
    ],
)
def test_a_copy_of_ones_patient_file_is_access(subject: str, text: str) -> None:
    _assert_main(text, "access", subject)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Widerspruch gegen den Bescheid vom 3. Mai",
            "Sehr geehrte Damen und Herren, gegen Ihren Bescheid vom 3. Mai lege ich hiermit "
            "Widerspruch ein. Die Begründung reiche ich nach.",
        ),
        (
            "Opposition au commandement de payer",
            "Madame, Monsieur, je forme opposition totale au commandement de payer reçu le 2 mars. "
            "Je vous prie de prendre note de cette opposition.",
        ),
        (
            "Opposition à la modification du bail",
            "Madame, Monsieur, je conteste la modification du bail qui m'a été notifiée.",
        ),
    ],
)
def test_an_appeal_against_a_decision_is_no_objection(subject: str, text: str) -> None:
    intents, _, reasons = _read(subject, text)
    assert "objection" not in intents, reasons


def test_an_objection_to_processing_in_the_same_words_stays_one() -> None:
    _assert_main(
        "Hiermit lege ich Widerspruch gegen die Verarbeitung meiner Daten auf Grundlage Ihres "
        "berechtigten Interesses ein.",
        "objection",
    )


def test_a_complaint_under_art_77_is_a_letter_to_the_authority() -> None:
    intents, review, reasons = _read(
        "Beschwerde gemäß Art. 77 DSGVO gegen die Beispiel GmbH",
        "Sehr geehrte Damen und Herren, die Beispiel GmbH hat meinen Antrag auf Löschung meiner "
        "Daten ignoriert. Ich bitte Sie, das Unternehmen zur Löschung anzuweisen.",
    )
    assert not set(intents) & DESTRUCTIVE and review, (intents, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "I reserve the right to request a copy of my records at a later date.",
        "Je me réserve le droit de demander une copie de mon dossier.",
        "Jag förbehåller mig rätten att begära ett registerutdrag senare.",
        "Pidätän oikeuden pyytää jäljennöksen tiedoistani myöhemmin.",
        "Ich behalte mir vor, eine Kopie meiner Patientenakte anzufordern.",
    ],
)
def test_a_request_announced_for_later_is_not_made(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert intents == [] and review, reasons


@pytest.mark.parametrize(
    "text",
    [
        "Hello, you offered to only restrict my data instead. I don't want that. I want all my "
        "data deleted for good.",
        "Hallo, Sie haben mir angeboten, meine Daten nur zu sperren. Das möchte ich nicht. Ich "
        "will, dass alle meine Daten gelöscht werden.",
        "Bonjour, vous m'avez proposé de seulement limiter le traitement de mes données. Je ne "
        "le souhaite pas. Je veux que toutes mes données soient effacées.",
        "Hej, ni erbjöd er att bara begränsa behandlingen av mina uppgifter. Det vill jag inte. "
        "Jag vill att alla mina uppgifter raderas.",
        "Hei, tarjositte, että tietojeni käsittelyä vain rajoitettaisiin. En halua sitä. "
        "Haluan, että kaikki tietoni poistetaan.",
    ],
)
def test_what_the_company_offered_is_not_asked(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert intents == ["erasure"], reasons


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            'Please change my marketing preferences to "none" - no emails, no texts.',
            "marketing_optout",
        ),
        ("Please stop passing my contact details to your commercial partners.", "marketing_optout"),
        (
            "Merci de ne plus transmettre mes coordonnées à vos partenaires commerciaux.",
            "marketing_optout",
        ),
        (
            "Bitte geben Sie meine Kontaktdaten nicht mehr an Ihre Werbepartner weiter.",
            "marketing_optout",
        ),
        (
            "I no longer want my purchases used to give me personalised recommendations.",
            "objection",
        ),
        (
            "Je ne souhaite plus que mes achats servent à des recommandations personnalisées.",
            "objection",
        ),
        (
            "Ich möchte nicht mehr, dass meine Einkäufe für personalisierte Empfehlungen genutzt werden.",
            "objection",
        ),
        ("Jag vill inte längre att mina köp används för personliga rekommendationer.", "objection"),
        (
            "En halua, että ostoshistoriaani käytetään enää henkilökohtaisiin suosituksiin.",
            "objection",
        ),
        (
            "I am requesting removal of an image of me from Google Search results.",
            "publication_optout",
        ),
        (
            "Make sure that my details are not visible on your website anymore.",
            "publication_optout",
        ),
        (
            "I'm requesting the removal of a username that appears in your search tool.",
            "publication_optout",
        ),
        ("Wer hat Ihnen meine Visitenkarte gegeben?", "access"),
        ("älkää lähettäkö minulle enää", "marketing_optout"),
        ("Peru uutiskirjeen tilaus", "marketing_optout"),
        ("je préfère ne plus recevoir vos emails", "marketing_optout"),
        ("Käyttäjä on pyytänyt henkilökohtaisten tietojen vientiä.", "portability"),
        (
            "Vi vill att ni raderar samtliga personuppgifter ni har om oss och vår personal.",
            "erasure",
        ),
        (
            "Da die Forderung bestritten ist, widerspreche ich einer Übermittlung dieser "
            "Forderung an Auskunfteien wie die SCHUFA.",
            "objection",
        ),
    ],
)
def test_sweep_wordings(text: str, intent: str) -> None:
    _assert_main(text, intent)


def test_settings_changed_are_no_rectification() -> None:
    for text in (
        'Please change my marketing preferences to "none". I cannot reach the setting myself.',
        'Bitte ändern Sie meine Werbeeinstellungen auf "keine", ich komme nicht an die Einstellung.',
    ):
        intents, _, reasons = _read("", text)
        assert "rectification" not in intents, reasons


def test_a_feature_asked_is_no_opt_out() -> None:
    intents, _, reasons = _read(
        "Add unsubscribe option to email",
        "Add an 'unsubscribe' link to your emails, otherwise people will mark them as spam.",
    )
    assert "marketing_optout" not in intents, reasons


def test_a_generic_subject_gives_way_to_what_the_body_asks() -> None:
    intents, _, reasons = _read(
        "Opt-out request",
        "I would like to opt out from future inclusion of my repositories in your training data.",
    )
    assert intents == ["objection"], reasons
    # a body that asks nothing else keeps the subject's reading
    intents, _, reasons = _read("Opt-out request", "Please stop sending me your offers.")
    assert intents[:1] == ["marketing_optout"], reasons


def test_a_subject_line_alone_asks_the_account_deletion() -> None:
    intents, _, reasons = _read("Begäran om kontoradering", "")
    assert intents == ["erasure"], reasons


def test_a_newsletter_cancelled_earlier_is_told_not_asked() -> None:
    intents, _, reasons = _read(
        "", "Poistakaa tilini ja kaikki tietoni. Uutiskirjeen peruutin jo itse."
    )
    assert intents == ["erasure"], reasons


@pytest.mark.parametrize(
    "text",
    [
        # a link about account deletion the company sent
        "Jag skrev om min försenade leverans och ni svarar med en länk om kontoradering.",
        # a court's public judgment asked for: public records, not the writer's data
        "Pyydän jäljennöstä asiassa annetusta tuomiosta sekä tiedon siitä, onko saatavilla muita "
        "julkisia oikeudenkäyntiasiakirjoja.",
    ],
)
def test_near_misses_of_the_new_wordings_ask_nothing(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert not intents or review, reasons


@pytest.mark.parametrize(
    "text",
    [
        "My name is wrong, but please don't change anything, I'll sort it out myself.",
        "Nimeni on väärin, mutta älkää muuttako mitään, hoidan asian itse.",
        "Mitt namn är fel, men ändra ingenting, jag löser det själv.",
        "Mon nom est faux, mais ne changez rien, je m'en occupe moi-même.",
        "Mein Name stimmt nicht, bitte aber nichts ändern, ich kläre das selbst.",
    ],
)
def test_data_said_wrong_with_no_change_wanted_is_no_rectification(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert "rectification" not in intents and review, reasons


def test_a_statement_that_requires_not_is_not_cancelled_by_it() -> None:
    # "stimmt nicht" is the statement itself; a later "nicht" in another clause is the value
    _assert_main("mein geburtsdatum stimmt nicht, ist der 03.07.1990 nicht 1909", "rectification")


def test_a_spaced_dash_ends_the_clause_a_negation_reaches() -> None:
    _assert_main(
        "Bitte die Verarbeitung meiner Daten einschränken – aber nichts löschen.", "restriction"
    )
    # and a negation before the dash still cancels what follows it in its own clause
    intents, _, reasons = _read("", "Bitte nicht löschen – ich brauche das Konto noch.")
    assert "erasure" not in intents, reasons


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Ei kiinnosta, poistakaa numeroni.", "erasure"),
        ("Pas intéressé, supprimez mon numéro.", "erasure"),
        ("Kein Interesse, löschen Sie meine Nummer.", "erasure"),
        ("Stop processing my data for fraud detection! I don't like it.", "objection"),
        (
            "I contest the accuracy of my data and want processing restricted until verified.",
            "restriction",
        ),
        ("Please send me all CCTV footage where I appear from my March visits.", "access"),
        ("Could you provide me with an overview of all this information?", "access"),
        ("Where did you buy my personal data?", "access"),
        (
            "Another company will handle my services now. Please provide them with all personal "
            "data you have stored regarding me.",
            "portability",
        ),
        ("Request: Please remove my listing.", "publication_optout"),
        (
            "I would like to request removing my signature from the open letter.",
            "publication_optout",
        ),
        (
            "Please refrain from sending unsolicited emails to my commit address.",
            "marketing_optout",
        ),
        ("My name is Wolberger, not Wolberg.", "rectification"),
    ],
)
def test_sweep_38_39_wordings(text: str, intent: str) -> None:
    _assert_main(text, intent)


@pytest.mark.parametrize(
    "text",
    [
        # an address taken off marketing lists is the opt-out, not an erasure
        "Poistakaa sähköpostiosoitteeni markkinointilistoiltanne heti.",
        "Bitte entfernen Sie meine E-Mail-Adresse aus allen Werbe- und Marketing-Verteilern.",
        "Supprimez mon adresse e-mail de votre liste de diffusion.",
        # a feature asked in general words
        "Il n'y a pas d'option pour supprimer son compte sur votre site, ai-je mal cherché ?",
        # an organisation taken off a list is no person's erasure
        "Je réitère cette demande de suppression de l'EHESP de la liste.",
    ],
)
def test_near_misses_of_sweep_38_39_read_no_erasure(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert "erasure" not in intents, reasons


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Pyydän saada nähtäväkseni kaikki minua koskevat henkilötiedot.", "access"),
        (
            "Pyydän, että rajoitatte minua koskevien merkintöjen käsittelyä siihen saakka, kunnes "
            "asia on ratkaistu.",
            "restriction",
        ),
        ("Kiellän kaiken puhelinmyynnin numerooni.", "marketing_optout"),
        ("haluun et mut unohdetaan, kaikki tiedot pois teidän rekistereistä", "erasure"),
        ("Peruutan tietosuoja-asetuksen nojalla molemmat suostumukset.", "consent_withdrawal"),
        ("Hej, jag vill ha ett utdrag. Mitt kundnummer är 88213.", "access"),
        ("Jag begär att ni rättar felaktiga personuppgifter om mig.", "rectification"),
        ("Stryk mitt nummer från er ringlista.", "marketing_optout"),
        (
            "Sluta använda mina uppgifter under tiden, tills vi har rett ut det här.",
            "restriction",
        ),
        (
            "Diese Einwilligung in die Verarbeitung meiner Gesundheitsdaten widerrufe ich hiermit.",
            "consent_withdrawal",
        ),
        (
            "Ich verlange, dass Sie meine Daten bis zur Klärung nicht weiter verwenden.",
            "restriction",
        ),
        (
            "Je souhaiterais récupérer, au titre du droit à la portabilité, l'historique de mes "
            "consommations dans un format lisible par machine.",
            "portability",
        ),
        ("Notre client s'oppose formellement au profilage dont il fait l'objet.", "objection"),
        (
            "Je souhaiterais que mon nom soit retiré des résultats publiés sur votre site.",
            "publication_optout",
        ),
        ("can you send me a copy of whatever you've got stored about me?", "access"),
        ("I want you to limit how you use the data on my account.", "restriction"),
    ],
)
def test_bodies_that_needed_their_subject_line(text: str, intent: str) -> None:
    _assert_main(text, intent)


def test_a_publication_prohibition_said_before_a_withdrawal_stays_the_main_right() -> None:
    intents, _, reasons = _read(
        "",
        "Kiellän nimeni ja valokuvieni julkaisemisen seuran verkkosivuilla. Peruutan samalla "
        "antamani suostumuksen valokuvieni käyttämiseen seuran viestinnässä.",
    )
    assert intents[:2] == ["publication_optout", "consent_withdrawal"], reasons
    # and the withdrawal said first keeps the old reading (the opt-out its consequence)
    intents, _, reasons = _read(
        "",
        "Peruutamme luvan lapsemme kuvien julkaisemiseen. Emme halua, että kuvia julkaistaan "
        "jatkossa verkkosivuilla.",
    )
    assert intents[:1] == ["consent_withdrawal"], reasons


@pytest.mark.parametrize(
    "text",
    [
        "We received a request to delete your account. Please click the link below to confirm "
        "the deletion. If you did not make this request, ignore this email.",
        "Begäran om borttagning av konto. Klicka på länken nedan för att bekräfta att ditt konto "
        "tas bort. Om du inte gjorde denna begäran, kontakta oss.",
        "Wir haben eine Anfrage zur Löschung Ihres Kontos erhalten. Klicken Sie auf den folgenden "
        "Link, um die Löschung zu bestätigen.",
        "Nous avons reçu une demande de suppression de votre compte. Veuillez cliquer sur le lien "
        "suivant https://example.org/?confirm=1 pour confirmer votre choix.",
        "Saimme pyynnön tilisi poistamisesta. Jos et tehnyt tätä pyyntöä, voit jättää viestin "
        "huomiotta.",
    ],
)
def test_the_companys_confirmation_mail_asks_no_erasure(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert "erasure" not in intents and review, reasons


def test_a_forwarded_confirmation_read_with_a_refusal_erases_nothing() -> None:
    intents, _, reasons = _read(
        "",
        "I got this: 'We received a request to delete your account. Click the link below to "
        "confirm.' I never asked for that. Do not delete my account.",
    )
    assert "erasure" not in intents, reasons


@pytest.mark.parametrize(
    "text",
    [
        "How do I withdraw consent?",
        "Wie widerrufe ich meine Einwilligung?",
        "Hur återkallar jag mitt samtycke?",
        "Miten voin perua suostumukseni?",
    ],
)
def test_a_question_how_to_withdraw_withdraws_nothing_yet(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert "consent_withdrawal" not in intents and review, reasons


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "Je conteste l'exactitude de mes données, veuillez suspendre leur traitement.",
            "restriction",
        ),
        ("Je souhaite récupérer mes données dans un format exploitable.", "portability"),
        ("[x] Je ne souhaite plus recevoir les actualités de l'association", "marketing_optout"),
        ("Bitte löschen Sie meinen Benutzeraccount.", "erasure"),
        (
            "My real name appears on Google since I posted in your forum. I don't want to be "
            "found with my real name!",
            "publication_optout",
        ),
        ("I withdraw my consent. How do I check that it worked?", "consent_withdrawal"),
    ],
)
def test_sweep_40_wordings(text: str, intent: str) -> None:
    _assert_main(text, intent)


@pytest.mark.parametrize(
    "text",
    [
        "Before we can process your data access request, we need to confirm that you are the "
        "account holder. Please reply from your registered address.",
        "Hi Alex, the copy of your data you requested is ready. Download it from the link below.",
        "Um Ihre Anfrage zur Löschung Ihrer Daten bearbeiten zu können, senden Sie uns bitte eine "
        "Kopie Ihres Ausweises.",
        "Afin de traiter votre demande d'accès à vos données, nous devons vérifier votre identité.",
    ],
)
def test_the_company_speaking_of_the_customers_request_asks_nothing(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert not intents or review, reasons
    assert not set(intents) & DESTRUCTIVE, reasons


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "While my dispute is ongoing, please put my data on hold – keep it, but don't use it.",
            "restriction",
        ),
        (
            "Reklamaationi on kesken. Sillä välin tietojani ei saa käyttää mihinkään muuhun kuin "
            "säilyttämiseen.",
            "restriction",
        ),
        (
            "En hyväksy sitä. Lopettakaa minun viestieni käyttäminen tähän tarkoitukseen.",
            "objection",
        ),
        ("Meine Zustimmung dazu gilt ab sofort nicht mehr.", "consent_withdrawal"),
        (
            "Bitte übermitteln Sie meine Verbrauchsdaten direkt an meinen neuen Anbieter.",
            "portability",
        ),
        ("Dann bitte ich Sie, meine Bewerbungsunterlagen zu vernichten.", "erasure"),
        ("Pourriez-vous retirer mon nom de cet article ou l'anonymiser ?", "publication_optout"),
        (
            "Je refuse que mes données de navigation servent à vos statistiques d'audience.",
            "objection",
        ),
        ("Envoyez-moi d'abord une copie de mes données, puis effacez-les.", "access"),
        (
            "Mon adresse e-mail a changé, pouvez-vous la mettre à jour ? La nouvelle est "
            "c.roux@example.fr.",
            "rectification",
        ),
        ("Un de vos commerciaux m'a appelé. D'où tenez-vous ce numéro ?", "access"),
    ],
)
def test_blind20_wordings(text: str, intent: str) -> None:
    _assert_main(text, intent)


def test_a_privacy_notice_updated_is_no_correction() -> None:
    intents, _, reasons = _read(
        "", "Luin päivitetystä tietosuojaselosteestanne, että viestejä käytetään tekoälyyn."
    )
    assert "rectification" not in intents, reasons


@pytest.mark.parametrize(
    "text",
    [
        # a capitalised letter's abbreviation ends no sentence: the condition stays with the request
        "If you still hold anything about me after 5 p.m. today, please delete my account.",
        "Wenn Sie gem. meinem letzten Schreiben noch Daten haben, löschen Sie bitte alles.",
        # a negation between dashes inside the request still cancels it
        "mein Konto – bitte nicht – löschen, nur sperren.",
        "mein Konto bitte auf keinen Fall – auch nicht teilweise – löschen.",
    ],
)
def test_review_findings_read_no_unconditional_erasure(text: str) -> None:
    intents, review, reasons = _read("", text)
    assert "erasure" not in intents or review, reasons


def test_respelling_keeps_lookbehinds_group_names_and_capitals() -> None:
    from mailbot.classify import _respelt

    spellings = {"ä": "ae", "ö": "oe", "ü": "ue"}
    assert _respelt("(?<!für )daten", spellings) == "(?<!für )daten"
    assert _respelt("(?P<größe>x)ö", spellings) == "(?P<größe>x)öe?"
    assert _respelt("Übermittlung", spellings) == "Üe?bermittlung"
    assert _respelt("[äa]", spellings) == "[äa]"
    assert _respelt("\\wö+", spellings) == "\\w(?:öe?)+"


def test_a_name_told_with_a_not_later_is_no_correction() -> None:
    intents, _, reasons = _read(
        "",
        "Mein Name ist Anna Müller und ich bin nicht Ihre Kundin. Ich möchte nicht mehr "
        "angerufen werden.",
    )
    assert intents == ["marketing_optout"], reasons


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "Prin prezenta, solicit eliminarea următoarelor URL-uri din rezultatele de căutare "
            "Google, deoarece conțin informațiile mele personale.",
            "publication_optout",
        ),
        (
            "Conforme o art. 18 da LGPD, solicito a correção dos seguintes dados do meu cadastro.",
            "rectification",
        ),
        ("Nie chcę więcej dostawać maili od was.", "marketing_optout"),
    ],
)
def test_sweep_33_other_languages(text: str, intent: str) -> None:
    _assert_main(text, intent)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Klagomål till IMY",
            "Hej IMY, jag bad Bilpoolen AB radera mina uppgifter för tre månader sedan och har inte "
            "fått något svar.",
        ),
        (
            "Action required: confirm your data deletion request",
            "Hi Sam, we received a request to erase the personal data linked to this email address. "
            "Please confirm by clicking the button below.",
        ),
        (
            "Bitte bestätigen Sie die Löschung Ihres Kundenkontos",
            "Guten Tag, Sie haben die Löschung Ihres Kontos beantragt. Klicken Sie auf „Löschung "
            "bestätigen“, um den Vorgang abzuschließen.",
        ),
        (
            "",
            "Mein Kollege Herr Albers hat bei Ihnen die Löschung seiner Daten beantragt. Schicken "
            "Sie die Bestätigung direkt an ihn.",
        ),
    ],
)
def test_misfire9_traps_read_no_erasure(subject: str, text: str) -> None:
    intents, _, reasons = _read(subject, text)
    assert "erasure" not in intents, reasons


def test_a_complaint_lodged_and_told_keeps_the_letters_request() -> None:
    # 'J'ai déposé une réclamation auprès de l'autorité' tells of a complaint; the letter is not
    # addressed to the authority
    _assert_main(
        "J'ai déposé une réclamation auprès de l'autorité de protection des données. En "
        "attendant la décision, je demande la limitation du traitement de ces informations.",
        "restriction",
    )


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "Siihen asti tiedot pitää jäädyttää, eli niitä ei saa käyttää mihinkään muuhun.",
            "restriction",
        ),
        ("Voisitteko muuttaa nimen asiakasrekisteriin oikeaksi?", "rectification"),
        (
            "Kan ni plocka bort mig därifrån? Jag vill inte att det syns för alla.",
            "publication_optout",
        ),
        ("Jag vill att även kopiorna och allt annat om mig försvinner.", "erasure"),
        (
            "Could you take my old review off your site? It shows my full name.",
            "publication_optout",
        ),
        ("I want to know where you got it from and what else you have on me.", "access"),
        (
            "You've got my email as jon.smtih@mailbox.org - it should be jon.smith@mailbox.org. "
            "Can you fix that on my account?",
            "rectification",
        ),
        ("Now I'd also like my card details, address and order history erased.", "erasure"),
        (
            "Bitte entfernen Sie meinen Eintrag aus dem Online-Mitgliederverzeichnis.",
            "publication_optout",
        ),
        (
            "je veux plus recevoir vos mails, virez mon adresse de toutes vos listes de diffusion",
            "marketing_optout",
        ),
        ("I'm withdrawing from your wellbeing study, please note it.", "consent_withdrawal"),
    ],
)
def test_misfire9_requests(text: str, intent: str) -> None:
    _assert_main(text, intent)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "En halua olla enää teidän järjestelmässä. Sulkekaa mun tili ja tuhotkaa kaikki.",
            "erasure",
        ),
        ("Pitäkää se siis jäissä, kunnes selvitys on tullut.", "restriction"),
        ("Otan sen luvan takaisin, eli tietojani ei saa enää luovuttaa.", "consent_withdrawal"),
        (
            "Det ja:et tar jag tillbaka nu, mitt DNA ska inte användas i era studier.",
            "consent_withdrawal",
        ),
        ("I would like copies of the recordings of all my calls since August.", "access"),
        (
            "I need you to keep them, but don't do anything else with them in the meantime.",
            "restriction",
        ),
        (
            "I'd like to formally object to my data being used for this analytics project.",
            "objection",
        ),
        ("Danach sollen bitte alle meine Daten gelöscht werden.", "erasure"),
        (
            "Die Einwilligung zur Übertragung nehme ich mit sofortiger Wirkung zurück.",
            "consent_withdrawal",
        ),
        (
            "Tu pourrais faire le nécessaire pour qu'on m'efface du fichier des adhérents ?",
            "erasure",
        ),
        (
            "Je reviens sur mon accord : vous n'avez plus le droit d'utiliser nos enregistrements.",
            "consent_withdrawal",
        ),
    ],
)
def test_blind21_wordings(text: str, intent: str) -> None:
    _assert_main(text, intent)


@pytest.mark.parametrize(
    "text",
    [
        "Andra föräldrars uppgifter syns i skolappen under Klasslista.",
        "Ehdotus: olisi kätevää, jos kuukauden kulut saisi ladattua Exceliin.",
        "Please delete the recordings of my calls once the case is closed, that's all.",
    ],
)
def test_blind21_near_misses(text: str) -> None:
    intents, _, reasons = _read("", text)
    assert "rectification" not in intents and "portability" not in intents, reasons
    assert "access" not in intents, reasons


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "Pyydämme, että nimemme poistetaan verkossa olevasta luettelosta ja lehden "
            "verkkoversiosta.",
            "publication_optout",
        ),
        ("Jag vill att min profil tas bort från er webbplats.", "publication_optout"),
        ("Pyydän hävittämään nimeni ja osoitteeni jäsenrekisteristä.", "erasure"),
        ("Haluan tietää, ketkä ovat katselleet potilastietojani viime vuonna.", "access"),
        ("Uppgifterna ska endast lagras och inte behandlas på annat sätt.", "restriction"),
        (
            "Jag drar därför tillbaka mitt samtycke till att uppgifter samlas in.",
            "consent_withdrawal",
        ),
        ("Från och med i dag gäller inte mitt samtycke.", "consent_withdrawal"),
        (
            "Mitt personnummer står fel. Därför vill jag att felet rättas i samtliga system.",
            "rectification",
        ),
    ],
)
def test_blind22_wordings(text: str, intent: str) -> None:
    _assert_main(text, intent)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Hakutulosten poistopyyntö",
            "Nimelläni tehtävistä hauista tulee poistaa seuraavat linkit.",
        ),
        (
            "",
            "OIKAISUVAATIMUS. Vaadin, että päätös oikaistaan siten, että maksu määrätään uudelleen.",
        ),
        ("", "Tack för hjälpen med att ta bort dubbelkontot. Skönt att slippa dubbla mejl!"),
    ],
)
def test_blind22_near_misses_read_no_erasure_or_correction(subject: str, text: str) -> None:
    intents, _, reasons = _read(subject, text)
    assert not set(intents) & DESTRUCTIVE and "marketing_optout" not in intents, reasons


def test_a_rules_file_with_a_key_twice_fails_to_load(tmp_path) -> None:
    # YAML lets a second `suppress:` silently replace the first; a rules file must not lose a list
    folder = tmp_path / "rules" / "intents"
    folder.mkdir(parents=True)
    (folder / "de-extra.yaml").write_text(
        "language: de\n"
        "intents:\n"
        "  erasure:\n"
        "    suppress:\n"
        "      - 'eins'\n"
        "    patterns:\n"
        "      - [1.0, 'zwei']\n"
        "    suppress:\n"
        "      - 'drei'\n",
        encoding="utf-8",
    )
    with pytest.raises(RulesError, match="twice"):
        load_rules(extra_dirs=[tmp_path / "rules"])


def test_a_complaint_to_the_authority_stays_one_in_a_neighbour_language() -> None:
    # read as Czech, it is addressed to the authority; the Slovak rules (a neighbour tried when
    # the Czech reading asks nothing) do not know the authority's name and must not take over
    intents, review, reasons = _read(
        "Stížnost na správce – nevyřízená žádost o výmaz",
        "Úřad pro ochranu osobních údajů, Praha 7. Podávám stížnost na společnost Příklad s.r.o. "
        "Dne 1. 3. jsem tuto společnost požádal o výmaz svých osobních údajů.",
    )
    assert "erasure" not in intents and review, reasons


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Data request",
            "Hello, Option A – I would like you to delete all my personal data. Option B – I would "
            "like a copy of my data in a machine-readable format. [Choose one option and delete "
            "the other before sending.] Option B please.",
        ),
        (
            "Angående mina personuppgifter",
            "ALTERNATIV 1 (om du vill att dina uppgifter raderas): [beskriv vilka uppgifter som ska "
            "raderas] ALTERNATIV 2: Jag återkallar härmed mitt samtycke.",
        ),
        (
            "Rättelse – vår klient",
            "Vi begär att uppgiften rättas. Vår klient begär varken radering eller begränsning.",
        ),
        (
            "Opposition au profilage",
            "Je m'oppose à ce traitement. Je n'exerce pas à ce stade mes droits d'accès ou "
            "d'effacement.",
        ),
        (
            "Tietopyyntö",
            "Pyydän jäljennöksen kaikista minua koskevista henkilötiedoista. Tiedoksenne: asetus "
            "antaa minulle myös oikeuden tietojen oikaisuun ja poistamiseen.",
        ),
        (
            "Plainte contre la société TéléVente Plus",
            "J'ai demandé en décembre à TéléVente Plus l'effacement de mes données. Je sollicite "
            "l'intervention de la CNIL.",
        ),
    ],
)
def test_rights_named_but_not_asked_are_not_erased(subject: str, text: str) -> None:
    intents, _, reasons = _read(subject, text)
    assert "erasure" not in intents and "rectification" not in intents[:0] + [
        i for i in intents if i == "rectification" and "rättas" not in text
    ], reasons


def test_a_button_label_in_brackets_is_kept() -> None:
    from mailbot.classify import _without_placeholders

    assert "[Ja, avregistrera mig]" in _without_placeholders("Vill du? [Ja, avregistrera mig]")
    assert "[x]" in _without_placeholders("[x] Löschung")
    assert "Choose" not in _without_placeholders("[Choose one option and delete the other.]")


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Förslag: API-endpoint för att radera konton",
            "Det vore smidigt med en endpoint för att radera konton. Finns det intresse?",
        ),
        (
            "[Suggestion] Permettre la suppression de compte depuis l'interface",
            "Aujourd'hui, pour supprimer un compte, l'utilisateur doit écrire à l'administrateur.",
        ),
        (
            "Daten einschränken, NICHT löschen",
            "Bis das geklärt ist, sollen meine Daten nur gespeichert werden.",
        ),
    ],
)
def test_blind24_traps_read_no_erasure(subject: str, text: str) -> None:
    intents, _, reasons = _read(subject, text)
    assert "erasure" not in intents, reasons


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Take down my speaker bio & photo from the 2019 archive page.", "publication_optout"),
        ("Small PR: removes myself from ACKNOWLEDGEMENTS.md.", "publication_optout"),
        ("Plocka bort den från sajten, jag vill inte att den ligger ute.", "publication_optout"),
        (
            "I made an account on your demo. Would you mind closing and wiping that account?",
            "erasure",
        ),
        ("I need an admin to switch the account email to ruth.huang@proton.me.", "rectification"),
        ("Keep my reading history out of the recommendation engine.", "objection"),
        ("Kan ni stryka mina svar helt innan ni publicerar datan?", "erasure"),
    ],
)
def test_blind24_wordings(text: str, intent: str) -> None:
    _assert_main(text, intent)


def test_a_rights_list_whose_line_breaks_were_lost_keeps_its_lead_in() -> None:
    text = (
        "Ihre Rechte als betroffene Person – Online-Formular. Sie haben das Recht auf: "
        "• Auskunft (Art. 15 DSGVO) • Berichtigung (Art. 16 DSGVO) • Löschung (Art. 17 DSGVO) "
        "• Einschränkung der Verarbeitung (Art. 18 DSGVO)\n\n"
        "Gewähltes Recht: Einschränkung der Verarbeitung. Bis zur Klärung soll der Vermerk nicht "
        "verwendet werden."
    )
    intents, _, reasons = _read("", text)
    assert not set(intents) & DESTRUCTIVE, reasons
