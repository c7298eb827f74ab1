"""A writer who says not to delete or change anything (seventh session, tests/letters/misfire10):
the other words of deleting or correcting in that letter tell a story (a clerk's offer, the
company's page, a relative's request) and ask nothing; the right the letter asks is read alone
and a person looks. A negation that only defers ("not until the transfer is confirmed") refuses
nothing."""

from __future__ import annotations

import pytest
from gap_letters import GapLetters, read

from mailbot.classify import DESTRUCTIVE, classify, load_rules

MISFIRE10 = GapLetters("misfire10")


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "Please send me a copy of all personal data you hold about me. Your chat agent "
            "offered to delete my account instead. I do not want you to delete anything, I "
            "still use the account. My sister asked you to delete her data last year.",
            "access",
        ),
        (
            "Bitte schicken Sie mir eine Kopie meiner Daten nach Art. 15 DSGVO. Ihr Support riet "
            "mir, mein Konto zu löschen. Löschen Sie bitte nichts, ich nutze das Konto weiter. "
            "Meine Frau hat letztes Jahr die Löschung ihrer Daten verlangt.",
            "access",
        ),
        (
            "Je souhaite recevoir une copie de mes données personnelles. Votre service client m'a "
            "proposé de supprimer mon compte. Ne supprimez rien, j'utilise toujours ce compte. "
            "Ma sœur a fait supprimer ses données l'an dernier.",
            "access",
        ),
        (
            "Haluan saada kopion kaikista minua koskevista henkilötiedoista. Asiakaspalvelu "
            "ehdotti, että poistatte tilini. Älkää poistako mitään, käytän tiliä edelleen. "
            "Siskoni pyysi viime vuonna, että hänen tietonsa poistetaan.",
            "access",
        ),
        (
            "Jag vill få ett registerutdrag med alla personuppgifter ni har om mig. Kundtjänst "
            "föreslog att ni raderar mitt konto. Radera inte något, jag använder kontot "
            "fortfarande. Min syster bad förra året att hennes uppgifter raderas.",
            "access",
        ),
        (
            "Jag begär att ni begränsar behandlingen av mina uppgifter medan tvisten pågår. "
            "Handläggaren sa att felaktiga uppgifter rättas automatiskt. Rätta eller ändra inte "
            "heller något innan tvisten är avgjord.",
            "restriction",
        ),
    ],
)
def test_a_refused_destructive_right_is_not_read_from_the_story(text: str, asked: str) -> None:
    intents, _, reasons = read("", text)
    assert intents == [asked], reasons


def test_a_refused_right_dropped_goes_to_a_person() -> None:
    got = classify(
        subject="",
        text="Please send me a copy of all personal data you hold about me. Your chat agent "
        "offered to delete my account instead. I do not want you to delete anything, I still "
        "use the account. My sister asked you to delete her data last year.",
        rules=load_rules(),
    )
    assert got.intents == ["access"]
    assert got.needs_review


@pytest.mark.parametrize(
    "text",
    [
        "Please send my order history as a CSV file to the new shop. Please delete my account "
        "afterwards, but do not delete it until the transfer has been confirmed.",
        "Bitte übermitteln Sie meine Daten im CSV-Format an den neuen Anbieter. Löschen Sie "
        "danach mein Konto, aber erst, wenn die Übertragung bestätigt ist.",
        "Skicka min kontohistorik i CSV-format till den nya banken. Radera sedan mitt konto; "
        "raderingen ska inte ske förrän överföringen är bekräftad.",
    ],
)
def test_a_deferred_erasure_is_still_asked(text: str) -> None:
    intents, _, reasons = read("", text)
    assert intents == ["portability", "erasure"], reasons


@pytest.mark.parametrize(
    "text",
    [
        # the main right keeps its reading whatever negation a threat carries
        "Please delete my account and all my data. If you do not delete it within a month I "
        "will complain to the ICO.",
        "Löschen Sie bitte alle meine Daten. Sollten Sie sie nicht löschen, beschwere ich mich "
        "bei der Aufsichtsbehörde.",
    ],
)
def test_erasure_asked_first_stays_asked(text: str) -> None:
    intents, _, reasons = read("", text)
    assert intents[0] == "erasure", reasons


@pytest.mark.parametrize(
    "name",
    [
        "002_fi_verkkokauppa.txt",  # 'Teidän sivuilla lukee: "... korjata, päivittää tai poistaa."'
        "017_fi_tutkimus.txt",  # 'tiedotteessa luki, että "... tiedot voi korjata ..."'
        "023_sv_kontohistorik.txt",  # 'sa rådgivaren att "vid kontoavslut raderas historiken"'
        "073_de_newsletter.txt",  # '"Daten in deinem Kundenkonto ändern oder löschen"'
        "052_en_texts.txt",  # a long quotation of the company's texts
    ],
)
def test_the_companys_quoted_words_ask_nothing(name: str) -> None:
    label = next(i for i in MISFIRE10.labels if i.file == name)
    got = MISFIRE10.classify(label)
    assert got.intents[0] == label.intents[0]
    assert not (set(got.intents) & DESTRUCTIVE) - set(label.intents)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "Vastustan kulutustietojeni käyttöä profilointiin. Huomautan, etten halua "
            "sopimukseni irtisanomista tai tietojeni poistamista.",
            "objection",
        ),
        (
            "Jag vill ha ett registerutdrag. Jag ber inte heller om att ni ändrar eller rättar "
            "några uppgifter om mig.",
            "access",
        ),
        (
            "Jag återkallar mitt samtycke till annonsering. Radera alltså inte kontot, och ändra "
            "ingenting i mina betaluppgifter.",
            "consent_withdrawal",
        ),
        (
            "Please send me a copy of my data. I am not asking you to change or correct any of "
            "my details.",
            "access",
        ),
        # the wish and its object in two clauses (rules key negation_wish)
        (
            "Bitte senden Sie mir eine Kopie meiner Daten. Ich möchte nicht, dass Sie jetzt etwas "
            "löschen, und ich brauche die Unterlagen für die Schlichtung.",
            "access",
        ),
        (
            "Je demande la limitation du traitement de cet incident. Je ne souhaite pas que "
            "l'incident soit effacé discrètement à ce stade.",
            "restriction",
        ),
        (
            "Je retire mon consentement à la collecte par le boîtier. Je ne demande pas non plus "
            "que mes données passées soient effacées ou corrigées.",
            "consent_withdrawal",
        ),
    ],
)
def test_a_wish_negated_before_the_right_refuses_it(text: str, asked: str) -> None:
    intents, _, reasons = read("", text)
    assert intents == [asked], reasons


def test_a_negated_wish_ends_at_and() -> None:
    # 'Jag vill inte vara med längre och drar tillbaka mitt samtycke': the withdrawal is asked
    intents, _, reasons = read(
        "", "Jag vill inte vara med längre och drar tillbaka mitt samtycke från och med i dag."
    )
    assert intents == ["consent_withdrawal"], reasons


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # a negated wish about one thing, then the request in a clause of its own
        ("I don't want you to keep my data, delete it please.", "erasure"),
        ("Jag vill inte att ni sparar mina uppgifter, radera dem.", "erasure"),
        (
            "I'm therefore asking for that data under the right to data portability, in a "
            "machine-readable format such as CSV.",
            "portability",
        ),
        (
            "Ich beantrage daher unter Berufung auf das Recht auf Datenübertragbarkeit eine "
            "maschinenlesbare Kopie im CSV-Format.",
            "portability",
        ),
    ],
)
def test_a_request_after_a_negated_wish_or_under_a_named_right_is_read(
    text: str, asked: str
) -> None:
    intents, _, reasons = read("", text)
    assert intents[:1] == [asked], reasons


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # what someone at the company offered, told in the third person
        (
            "Please take our photos off your blog. Your assistant also kindly offered to correct "
            "the spelling of my husband's surname in the post, but that is beside the point.",
            "publication_optout",
        ),
        (
            "Je veux que vous arrêtiez les SMS publicitaires. Au téléphone, on m'a proposé de "
            "supprimer mon compte pour être tranquille.",
            "marketing_optout",
        ),
        (
            "Skicka min journal som fil till den nya kliniken. Receptionen erbjöd sig också att "
            "uppdatera adressen i journalen till den nya orten.",
            "portability",
        ),
        (
            "Ich widerspreche der Nutzung meiner Daten für Werbung. Der Support riet mir, mein "
            "Konto zu löschen.",
            "marketing_optout",
        ),
        (
            "Haluan siirtää tietoni koneluettavassa muodossa. Asiakaspalvelu ehdotti, että "
            "poistaisin ensin tilini.",
            "portability",
        ),
        # a contrast, and a refusal after the thing named
        (
            "Mon nom est mal orthographié : c'est Lefèvre, pas Lefevre. Je vous demande la "
            "rectification, pas l'effacement.",
            "rectification",
        ),
        (
            "Arrêtez les SMS publicitaires. Supprimer mon compte, pas question : j'y ai mes "
            "adresses de livraison.",
            "marketing_optout",
        ),
        (
            "Pyydän rajoittamaan merkinnän käsittelyä kiistan ajaksi. Merkinnän poistaminen ei "
            "käy minulle, tarvitsen sitä todisteena.",
            "restriction",
        ),
    ],
)
def test_an_offer_or_a_refused_option_is_not_asked(text: str, asked: str) -> None:
    intents, _, reasons = read("", text)
    assert intents == [asked], reasons


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # what the writer tried to do themself is told, not asked
        (
            "Please close my account and delete my data. Before writing, I tried to change my "
            "email address to an old one so the notifications would stop.",
            "erasure",
        ),
        (
            "Jag återkallar mitt samtycke till annonsspårning. Jag försökte först ändra det själv "
            "i inställningarna, men det gällde bara webbläsaren.",
            "consent_withdrawal",
        ),
        # colloquial and deliberative refusals
        (
            "Bitte löscht meinen Forenaccount und alle Beiträge. Korrigieren oder aktualisieren "
            "müsst ihr vorher nix, der Wohnort stimmt eh nicht mehr.",
            "erasure",
        ),
        (
            "Bitte schickt mir alle meine Karteikarten als CSV-Datei. Ob ich später kündige und "
            "alles löschen lasse, weiß ich noch nicht.",
            "portability",
        ),
        (
            "Je veux savoir d'où vous tenez mon numéro. Inutile aussi de corriger mon nom, votre "
            "commercial l'écorche à chaque appel.",
            "access",
        ),
    ],
)
def test_a_tried_or_waived_change_is_not_asked(text: str, asked: str) -> None:
    intents, _, reasons = read("", text)
    assert intents == [asked], reasons


def test_a_request_after_a_failed_attempt_is_asked() -> None:
    # the attempt told, then the request itself: "please" after it asks
    intents, _, reasons = read(
        "",
        "Send me a copy of my data. I tried to delete my account myself but it failed, so please "
        "delete my account too.",
    )
    assert intents == ["access", "erasure"], reasons


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # a negated list: the negation of its first item covers the last (rules key list_tail)
        (
            "Please export our thermostat history as CSV. Please don't change, clean up or delete "
            "anything in our account while you do it.",
            "portability",
        ),
        # Finnish: the object first, the negated verb after it; "just as little do I want"
        (
            "Pyydän rajoittamaan käsittelyä riidan ajaksi. Virheellisten merkintöjen "
            "oikaisemistakaan en pyydä tässä vaiheessa.",
            "restriction",
        ),
        (
            "Rajoittakaa merkinnän käsittelyä kiistan ajaksi. Yhtä vähän haluan, että sitä "
            "muutetaan jälkikäteen lievempään muotoon.",
            "restriction",
        ),
    ],
)
def test_a_refusal_in_a_list_or_in_finnish_word_order(text: str, asked: str) -> None:
    intents, _, reasons = read("", text)
    assert intents == [asked], reasons


def test_a_list_of_requests_without_a_negation_asks() -> None:
    intents, _, reasons = read(
        "",
        "Please export my history as CSV, then close, wipe or delete my account and all my data.",
    )
    assert intents == ["portability", "erasure"], reasons


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # seventh session, misfire11: the refusal in inverted or subordinate word order
        (
            "Skicka mina spellistor som fil. Därför vill jag inte att ni avslutar eller raderar "
            "mitt konto förrän jag bekräftat att importen fungerat.",
            "portability",
        ),
        (
            "Sluta skicka reklam till mig. Observera att jag inte ber om att ni ändrar eller tar "
            "bort något i min journal.",
            "marketing_optout",
        ),
        (
            "Pyydän rajoittamaan merkinnän käsittelyä. Asia on kesken, enkä tässä viestissä pyydä "
            "teitä korjaamaan tai poistamaan tekstiä.",
            "restriction",
        ),
        (
            "Je m'oppose au démarchage téléphonique. Je ne vous demande pas de supprimer ma "
            "demande de devis ni de modifier mes coordonnées.",
            "marketing_optout",
        ),
        (
            "Hören Sie auf, mich anzurufen. Ich möchte weder meinen Vertrag kündigen noch mein "
            "Kundenkonto löschen.",
            "marketing_optout",
        ),
        # corrections and deletions told as done, feared or someone else's
        (
            "Ich widerspreche der Auswertung meiner Fahrdaten. Eine Fahrt war falsch markiert; "
            "das habe ich gemeldet und es wurde korrigiert.",
            "objection",
        ),
        (
            "Je souhaite recevoir mes relevés au format CSV. L'an dernier, vous aviez corrigé un "
            "prélèvement en double, et votre relevé de mars a été rectifié depuis.",
            "portability",
        ),
        (
            "Ich widerrufe meine Einwilligung zum Bonusprogramm. Meine Frau hat voriges Jahr ihre "
            "Teilnahme beendet und alles löschen lassen.",
            "consent_withdrawal",
        ),
        (
            "Please export my course progress as a file. Your bot suggested a reset. Absolutely "
            "not, that would wipe my progress.",
            "portability",
        ),
        (
            "Skicka min träningshistorik som fil. Jag hade ett gammalt konto hos er som jag själv "
            "raderade 2019.",
            "portability",
        ),
    ],
)
def test_misfire11_kinds_are_not_asked(text: str, asked: str) -> None:
    intents, _, reasons = read("", text)
    assert intents == [asked], reasons
