"""Differential checks of classify's prefilters (the speed rewrite of e5f4003).

classify.py decides which sentences each rule pattern runs on (numpy byte n-gram tables), starts
regexes only where a match can begin and pre-checks lower-cased text, all claimed to leave every
answer as the plain regexes give it. Here that claim is held on tricky letters (scripts, case
folding, diacritics, invisible characters, long and repetitive letters) and on a seeded
hypothesis run of about 200 letters mixed and mutated from sentences of tests/letters:

* EXPECTED_HAND / EXPECTED_SEEDED: the answers (intents, language, needs_review, confidence)
  recorded for these letters from the classifier as it was before the rewrite (with the
  rewrite's two intended changes and the later sentence-splitter ones applied), with the rules of
  RULES_FINGERPRINT. After a rules change those tests skip; record again with
  `python tests/test_classify_differential.py --record`, which records the *exact reading*
  below, not the prefiltered one.
* test_prefilters_are_exact: the same letters read with every prefilter off (each pattern on
  each sentence, plain regex searches, langid's own scorer) must give the same result, field by
  field. This one holds whatever the rules say.

Found by this fuzzing and fixed: re.IGNORECASE equates "ı" (dotless i) with i and "ſ" (long s)
with s, Greek "ϱ ϵ ϲ ϖ" with ρ ε σ π, which fold() kept, so a prefilter looking for "if" or
"process" missed "ıf" and "proceſs" that the regex itself matches; fold() now maps them (KNOWN_INEXACT
is empty). Also found: two rules starting with a bare "word characters, any number" took
seconds to minutes on a long run of letters without spaces (now anchored at a word boundary;
test_long_unbroken_text_is_fast).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from mailbot import classify as cm
from mailbot.classify import classify, load_rules

# --------------------------------------------------------------------------- building blocks

# Sentences of tests/letters/** (ours), one or two per intent and language, and some asking
# nothing or only talking about rights.
ATOMS = (
    "На основание чл. 15 от Общия регламент относно защитата на данните моля да ме уведомите дали обработвате мои лични данни и да ми предоставите копие от тях.",
    "- kopie všech mých osobních údajů, které zpracováváte;",
    "Send venligst en kopi af oplysningerne.",
    "Was habt ihr eigentlich alles über mich gespeichert?",
    "Καλησπέρα, ζητώ πρόσβαση στα προσωπικά δεδομένα που τηρείτε για μένα και αντίγραφο αυτών.",
    "Please treat this letter as a subject access request under Article 15 GDPR and, at the same time, a request for data portability under Article 20.",
    "Solicito que me faciliten copia de los datos que tratan sobre mí y la finalidad del tratamiento.",
    "Palun saatke mulle koopia minu isikuandmetest, mida te töötlete, ja teave selle kohta, milleks neid kasutatakse.",
    "Pyydän tietosuoja-asetuksen 15 artiklan perusteella jäljennöksen kaikista minusta tallennetuista henkilötiedoista sekä tiedot niiden käsittelystä.",
    "vous avez quoi sur moi exactement ?",
    "- cóip de na sonraí pearsanta go léir atá agaibh fúm;",
    "Molim vas da mi dostavite kopiju osobnih podataka koje obrađujete o meni.",
    "Kérem, küldjenek másolatot a rólam tárolt személyes adatokról, és tájékoztassanak a helyesbítéshez és a törléshez való jogaim fennállásáról is.",
    "Vorrei sapere quali dati personali avete su di me.",
    "vadovaudamasis BDAR 15 straipsniu, prašau pateikti informaciją, ar tvarkote mano asmens duomenis, ir pateikti jų kopiją.",
    "Lūdzu sniegt informāciju par maniem personas datiem, kurus jūs apstrādājat, un to kopiju.",
    "- hvilke kategorier opplysninger dere har,",
    "Als dat zo is, ontvang ik graag een kopie van die gegevens en daarnaast informatie over:",
    "Na podstawie art. 15 RODO proszę o informację, czy przetwarzają Państwo moje dane osobowe, oraz o przekazanie ich kopii.",
    "Venho por este meio solicitar o acesso aos meus dados pessoais que V.",
    "Bună ziua, doresc să aflu ce date personale dețineți despre mine și să primesc o copie a acestora.",
    "Žiadam o informáciu, aké osobné údaje o mne spracúvate, a o ich kópiu.",
    "V skladu s 15. členom Splošne uredbe o varstvu podatkov zahtevam dostop do svojih osebnih podatkov in njihovo kopijo.",
    "Jag vill ha ett registerutdrag med alla personuppgifter ni har om mig, ändamålen och förekomsten av mina rättigheter till rättelse, radering och begränsning.",
    "Ich widerrufe alle Einwilligungen, die ich Ihnen erteilt habe.",
    "I hereby withdraw that consent with effect from today, as Article 7(3) of the GDPR allows me to do at any time.",
    "mä en enää suostu siihen et te keräätte mun sijaintitietoja sovelluksen kautta. perun sen luvan minkä annoin.",
    "Je retire ce consentement à partir d'aujourd'hui.",
    "Jag återkallar mitt samtycke till att ni behandlar mina hälsouppgifter.",
    "Bitte bestätigen Sie mir die Löschung schriftlich innerhalb eines Monats.",
    "Zugleich fordere ich Sie auf, meine Daten vollständig zu löschen (Art. 17 DSGVO), und bitte um eine kurze Bestätigung.",
    'I am making this request under the right to erasure ("right to be forgotten") in the GDPR.',
    "I hereby request that you erase all personal data you hold about me, pursuant to Article 17 of the GDPR.",
    "Haluan etta poistatte minun tiedot kokonaan, en ole enaa teidan asiakas",
    "Pyydän, että poistatte kaikki tietoni.",
    "En application de l'article 17 du RGPD, je vous demande d'effacer l'ensemble des données à caractère personnel me concernant que vous détenez.",
    "Conformément à la loi fédérale sur la protection des données (LPD), je vous demande de détruire toutes les données personnelles que vous détenez à mon sujet.",
    "jag begär att ni raderar alla personuppgifter som ni har om mig, med stöd av artikel 17 i dataskyddsförordningen.",
    "Jag begär vidare att ni raderar alla personuppgifter om mig enligt artikel 17.1 b, eftersom samtycket var den rättsliga grunden, samt enligt artikel 17.1 c.",
    "Hört auf damit, ich will keine Werbung!",
    "I object to the processing of my personal data for direct marketing purposes under Article 21(2) of the GDPR.",
    "En halua mitään tarjouksia puhelimitse enkä tekstiviestillä.",
    "Je ne veux plus recevoir vos appels commerciaux ni vos SMS publicitaires.",
    "vill inte ha fler utskick",
    "5. das Bestehen eines Rechts auf Berichtigung oder Löschung oder auf Einschränkung der Verarbeitung oder eines Widerspruchsrechts gegen diese Verarbeitung;",
    "Mir ist bekannt, dass ich auch die Berichtigung oder Löschung verlangen kann; darüber entscheide ich, wenn ich Ihre Auskunft habe.",
    "Under Article 16 of the GDPR I have the right to have inaccurate personal data about me corrected without undue delay.",
    "- the existence of the right to request rectification or erasure of personal data or restriction of processing, or to object to such processing;",
    "e) oikeudesta pyytää rekisterinpitäjältä minua koskevien henkilötietojen oikaisemista tai poistamista tai käsittelyn rajoittamista tai vastustaa tällaista käsittelyä;",
    "5. tieto oikeudestani pyytää tietojen oikaisemista tai poistamista, käsittelyn rajoittamista sekä oikeudestani vastustaa käsittelyä,",
    "☐ Envoi de publicités par e-mail ☐ Newsletter mensuelle ☒ Statistiques de fréquentation de mon espace client",
    "Merci d'y joindre les finalités, les destinataires, la durée de conservation et l'existence de mes droits à la rectification, à l'effacement et à l'opposition.",
    "5. förekomsten av rätten att begära rättelse eller radering av personuppgifter eller begränsning av behandlingen eller att invända mot sådan behandling;",
    "Jag vet att jag också har rätt att få felaktiga uppgifter rättade och uppgifter raderade, men just nu vill jag bara se vad ni har.",
    "Sollten Sie Teile der Auskunft verweigern wollen, bitte ich um eine schriftliche Begründung unter Angabe der Rechtsgrundlage.",
    "2. meine Daten nicht mehr für Statistik, Analyse oder personalisierte Inhalte zu verwenden,",
    "The decision can be appealed to the administrative court.",
    "Hey, I'm moving to another provider.",
    "Vastatkaa kuukauden kuluessa.",
    "Hyvä lastensuojeluyhdistyksen henkilökunta,",
    "Je vous prie d'agréer mes salutations distinguées. [nom]",
    "J'ai reçu un mail à ce sujet.",
    "Henkilötunnus: [xxxxxx-xxxx] [Nimi]",
    "Име: [име и фамилия] Адрес: [адрес] Клиентски номер: [номер]",
    "Jag återkommer med kontaktuppgifter till dem.",
    "Skälet är min särskilda situation: jag har skyddade personuppgifter hos Skatteverket sedan förra året efter hot från en tidigare partner.",
    "Dear Data Protection Officer,",
    "Gegen diese Verarbeitung lege ich nach Art. 21 Abs. 1 DSGVO Widerspruch ein.",
    "I object to you profiling me and using my purchase history to build a customer profile.",
    "Vastustan henkilötietojeni käsittelyä, joka perustuu oikeutettuun etuunne.",
    "Je m'oppose au traitement de mes données personnelles fondé sur votre intérêt légitime, au titre de l'article 21 du RGPD.",
    "Jag motsätter mig att ni använder mina uppgifter för profilering.",
    "Ich wechsle den Anbieter.",
    "Hi there - could you send me everything I gave you in a machine-readable format (CSV/JSON)?",
    "Voitteko siirtää tietoni suoraan uudelle palveluntarjoajalle, tai lähettää ne minulle tiedostona, jonka voin viedä muualle?",
    "En application de l'article 20 du RGPD, j'exerce mon droit à la portabilité de mes données.",
    "Kan ni exportera all min träningsdata och mina pass som en fil?",
    "Bitte nehmen Sie das Bild von der Website, ich möchte nicht, dass es veröffentlicht wird.",
    "Please take it down and don't publish his picture or his name anywhere again - website, newsletter, social media, nothing.",
    "Hei, en halua että nimeni ja kuvani julkaistaan teidän verkkosivuillanne tai asiakaslehdessä.",
    "Je ne souhaite pas que mon nom et mon adresse figurent dans l'annuaire des adhérents que vous publiez, ni qu'ils soient cédés pour des étiquettes d'envoi.",
    "Hej, jag vill inte att mitt namn eller min adress publiceras i er medlemsförteckning eller lämnas ut för adressetiketter.",
    "bitte ändern Sie meine Anschrift in Ihrer Kundendatei.",
    'in Ihren Unterlagen ist mein Nachname falsch geschrieben ("Meier" statt "Meyer").',
    "Your records about me are wrong and I ask you to rectify them under Article 16 of the GDPR.",
    "Please update your records.",
    "Sukunimeni on rekisterissänne väärin: oikea muoto on Mäkelä-Virtanen.",
    "pyydän tietosuoja-asetuksen 16 artiklan perusteella korjaamaan rekisterissänne olevat virheelliset tietoni.",
    "Mon nom de famille est par ailleurs mal orthographié : « Dupond » au lieu de « Dupont ».",
    "Conformément à l'article 16 du RGPD, je vous demande de rectifier les informations inexactes suivantes me concernant :",
    "Jag begär med stöd av artikel 16 GDPR att uppgifterna kompletteras:",
    "Enligt artikel 16 GDPR begär jag att ni rättar följande felaktiga uppgifter:",
    "Bitte sperren Sie meine Daten, löschen Sie sie aber nicht, da ich sie für ein laufendes Gerichtsverfahren noch benötige.",
    "I therefore request the restriction of my data instead of erasure.",
    "Vaadin tietosuoja-asetuksen 18 artiklan 1 kohdan a alakohdan perusteella, että rajoitatte tietojeni käsittelyä siksi aikaa, kun tarkistatte tietojen oikeellisuuden.",
    "En application de l'article 18.1 a) du RGPD, je vous demande de limiter le traitement de mes données pendant la durée nécessaire à la vérification de leur exactitude.",
    "Jag bestrider riktigheten i de uppgifter ni har om mig och begär att ni begränsar behandlingen av dem tills saken är utredd, enligt artikel 18 GDPR.",
)

SUBJECTS = (
    "",
    "",
    "Request",
    "Löschung meiner Daten",
    "Tietopyyntö",
    "Re: Your order",
    "AW: Auskunft",
    "SV: Begäran om radering",
    "Demande d'accès",
    "Withdrawal of consent, objection and erasure",
    "Unsubscribe",
)
POINTERS = ("See below.", "Siehe unten.", "Katso alla.", "Se nedan.", "Voir ci-dessous.")
SEPARATORS = (" ", " ", "\n", "\n\n", "\n- ", "\n> ", "\n1. ", "\na) ", "; ", "\r\n")
PIECES = (
    ".",
    ". ",
    "! ",
    "? ",
    ",",
    ";",
    ":",
    " - ",
    " – ",
    "«",
    "»",
    '"',
    "(",
    ")",
    "…",
    "Art. 15.",
    "Art. 17 DSGVO",
    "art 7 (3)",
    "Article 21(2)",
    "am 8. Januar 2024",
    "12. März",
    "15.3.2024",
    "z. B. ",
    "e.g. ",
    "Dr. Meyer",
    "https://example.com/privacy?a=1&b=delete",
    "jane.doe+x@example.org",
    "+358 40 123 4567",
    "\u200b",
    "\u200d",
    "\u00ad",
    "\ufeff",
    "\x00",
    "\u2028",
    "\u00a0",
    "\n\n",
    "\n- ",
    "> ",
    "🙏",
)
# Look-alikes that fold() and re.IGNORECASE agree on (not those of KNOWN_INEXACT).
LOOKALIKES = {
    "k": ("\u212a", "к"),
    "K": ("\u212a",),
    "i": ("İ", "ï", "ｉ", "і"),
    "s": ("ś", "ѕ", "ｓ"),
    "ss": ("ß", "ẞ"),
    "fi": ("\ufb01",),
    "ffi": ("\ufb03",),
    "a": ("а", "ä", "ａ", "\u00aa"),
    "e": ("е", "ё", "ｅ"),
    "o": ("о", "ø", "ö", "\u00ba"),
    "c": ("с", "ç"),
    "dz": ("\u01c6", "\u01c5"),
    "ae": ("æ",),
    "oe": ("œ",),
}
MARKS = ("\u0301", "\u0300", "\u0308", "\u030c", "\u0327", "\u030a", "\u0303")


def _strip_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _lookalikes(text: str, pick: int) -> str:
    out, i = [], 0
    while i < len(text):
        for size in (3, 2, 1):
            options = LOOKALIKES.get(text[i : i + size])
            if options and (i + pick) % 3 == 0:
                out.append(options[(i + pick) % len(options)])
                i += size
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _mutate(op: str, text: str, at: int, pick: int) -> str:
    at = at % (len(text) + 1)
    if op == "upper":
        return text.upper()
    if op == "lower":
        return text.lower()
    if op == "title":
        return text.title()
    if op == "swapcase":
        return text.swapcase()
    if op == "strip_marks":
        return _strip_marks(text)
    if op == "nfd":
        return unicodedata.normalize("NFD", text)
    if op == "add_marks":
        return text[:at] + MARKS[pick % len(MARKS)] + text[at:]
    if op == "head":
        return text[:at]
    if op == "tail":
        return text[at:]
    if op == "insert":
        return text[:at] + PIECES[pick % len(PIECES)] + text[at:]
    if op == "lookalikes":
        return _lookalikes(text, pick)
    if op == "fullwidth":
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    if op == "twice":
        return text + " " + text
    if op == "long_word":
        return text[:at] + "x" * (200 + 37 * pick) + text[at:]
    if op == "squeeze":
        return text.replace(" ", ("", "  ", "\n", "\t", ".")[pick % 5])
    return text


OPS = (
    "keep",
    "keep",
    "keep",
    "upper",
    "lower",
    "title",
    "swapcase",
    "strip_marks",
    "nfd",
    "add_marks",
    "head",
    "tail",
    "insert",
    "insert",
    "lookalikes",
    "fullwidth",
    "twice",
    "long_word",
    "squeeze",
)


@st.composite
def _letters(draw: Any) -> tuple[str, str, str]:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        text = draw(st.sampled_from(ATOMS))
        for _ in range(draw(st.integers(0, 2))):
            op = draw(st.sampled_from(OPS))
            text = _mutate(op, text, draw(st.integers(0, 400)), draw(st.integers(0, 60)))
        parts.append(text)
    text = draw(st.sampled_from(SEPARATORS)).join(parts)
    subject = draw(st.sampled_from(SUBJECTS))
    history = ""
    if draw(st.integers(0, 7)) == 0:  # the new text only points at the quoted history
        history = text + "\n\n> " + draw(st.sampled_from(ATOMS))
        text = draw(st.sampled_from(POINTERS))
    return subject, text, history


@functools.cache
def seeded_letters() -> tuple[tuple[str, str, str], ...]:
    """The ~200 distinct letters of a seeded hypothesis run (the same ones each time for one hypothesis
    version: letters it no longer draws only lose their stored answer, see below)."""
    found: list[tuple[str, str, str]] = []

    @seed(20261123)
    @settings(
        max_examples=240,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(_letters())
    def collect(letter: tuple[str, str, str]) -> None:
        found.append(letter)

    collect()
    return tuple(dict.fromkeys(found))


def key(subject: str, text: str, history: str) -> str:
    return hashlib.sha256(
        repr((subject, text, history)).encode("utf-8", "surrogatepass")
    ).hexdigest()[:12]


# --------------------------------------------------------------------------- hand-picked


def _fw(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


HAND: tuple[tuple[str, str, str, str], ...] = (
    ("empty", "", "", ""),
    ("spaces", "   ", " \n\t \n", ""),
    ("punctuation only", "?!", ".,;:!?-–—«»()[]…", ""),
    ("NUL", "\x00", "\x00\x00 delete\x00 my data\x00", ""),
    ("subject only erasure", "Please delete my account", "", ""),
    ("subject only access fi", "Tarkastuspyyntö", "", ""),
    (
        "reply subject, text asks nothing",
        "AW: Löschung meiner Daten",
        "Siehe unten, ich warte noch.",
        "",
    ),
    (
        "pointer to history",
        "",
        "See below.",
        "See below.\n\n> Please delete all my personal data.\n> Jane",
    ),
    (
        "pointer fi",
        "Re: pyyntö",
        "Katso alla.",
        "Katso alla.\n> Poistakaa kaikki tietoni rekisteristänne.",
    ),
    ("art 15 dot", "", "Art. 15. Please send me a copy of my data.", ""),
    ("art 15 bare", "", "Art. 15 DSGVO", ""),
    ("article list", "", "1. Art. 17 DSGVO\n2. Art. 21 DSGVO\n3. Art. 15 DSGVO", ""),
    ("art 7(3)", "", "I withdraw my consent under Art. 7(3) GDPR.", ""),
    ("art 7 abs 3", "", "Ich widerrufe meine Einwilligung gemäß Art. 7 Abs. 3 DSGVO.", ""),
    ("art 21(2)", "", "I object to direct marketing under Article 21(2) GDPR.", ""),
    (
        "german date",
        "",
        "Ich habe am 8. Januar 2024 um Löschung gebeten. Bitte löschen Sie meine Daten.",
        "",
    ),
    (
        "german date march",
        "",
        "Mit Schreiben vom 12. März habe ich widersprochen. Löschen Sie bitte mein Konto.",
        "",
    ),
    (
        "z. B.",
        "",
        "Bitte übermitteln Sie mir meine Daten in einem maschinenlesbaren Format (z. B. CSV oder JSON).",
        "",
    ),
    ("e.g.", "", "Please send my data in a machine-readable format, e.g. JSON. Thank you.", ""),
    (
        "numbered list",
        "",
        "I request:\n1) a copy of my personal data;\n2) the erasure of my account;\n3) that you stop sending me newsletters.",
        "",
    ),
    ("bullets", "", "Please:\n- delete my data\n- confirm in writing", ""),
    ("quoted lines", "", "> Please delete my data.\n> Regards", ""),
    ("question erasure", "", "Can you delete my data?", ""),
    ("negated erasure", "", "Please do not delete my data, I only want a copy of it.", ""),
    ("condition erasure", "", "If you cannot correct my address, delete my account.", ""),
    (
        "mention rights",
        "",
        "I know I have the right to erasure and to rectification. Please send me a copy of my data.",
        "",
    ),
    ("mailing list", "", "Please remove me from your mailing list.", ""),
    (
        "url email phone",
        "",
        "Visit https://example.com/delete-my-data?x=1 or mail jane.doe+x@example.com, +358 40 123 4567.",
        "",
    ),
    (
        "rectification email",
        "",
        "My email address is wrong. The correct email address is jane.doe@example.org.",
        "",
    ),
    (
        "rectification phone",
        "",
        "Please correct my phone number: not 040 111 2222 but 050 987 6543.",
        "",
    ),
    ("all caps", "", "PLEASE DELETE ALL MY PERSONAL DATA IMMEDIATELY.", ""),
    ("all caps de", "LÖSCHUNG", "BITTE LÖSCHEN SIE ALLE MEINE DATEN NACH ART. 17 DSGVO.", ""),
    (
        "no diacritics fi",
        "",
        "Pyydan etta poistatte kaikki minua koskevat tiedot rekisteristanne.",
        "",
    ),
    ("no diacritics sv", "", "Jag begar att ni raderar alla mina personuppgifter.", ""),
    (
        "combining marks fr",
        "",
        "Je vous demande d'effacer toutes mes donne\u0301es personnelles.",
        "",
    ),
    ("NFD de", "", "Bitte lo\u0308schen Sie meine perso\u0308nlichen Daten.", ""),
    ("capital sharp s", "", "BITTE LÖSCHEN SIE MEINE DATEN GEMÄẞ ART. 17.", ""),
    ("ss for sharp s", "", "Bitte löschen Sie meine Daten gemass Art. 17 DSGVO.", ""),
    ("ligature fi", "", "Please delete my pro\ufb01le and con\ufb01rm.", ""),
    ("ligature ffi", "", "Please send me a copy of the data your o\ufb03ce holds on me.", ""),
    ("kelvin sign", "", "Please \u212aeep nothing: delete my data.", ""),
    ("dotted capital I", "", "İ WANT A COPY OF MY DATA. PLEASE DELETE İT AFTERWARDS.", ""),
    ("turkish", "", "Lütfen kişisel verilerimi silin. İtiraz ediyorum.", ""),
    ("dz digraph", "", "\u01c5elete my data please.", ""),
    ("greek", "", "Παρακαλώ διαγράψτε τα προσωπικά μου δεδομένα σύμφωνα με το άρθρο 17 ΓΚΠΔ.", ""),
    ("greek caps", "ΑΊΤΗΜΑ ΔΙΑΓΡΑΦΉΣ", "ΠΑΡΑΚΑΛΏ ΔΙΑΓΡΆΨΤΕ ΤΑ ΠΡΟΣΩΠΙΚΆ ΜΟΥ ΔΕΔΟΜΈΝΑ.", ""),
    ("greek iota dialytika", "", "ΐ ΰ Αίτημα πρόσβασης σε προσωπικά δεδομένα (άρθρο 15 ΓΚΠΔ).", ""),
    ("bulgarian", "", "Моля, изтрийте личните ми данни съгласно член 17 от ОРЗД.", ""),
    ("russian", "", "Прошу удалить мои персональные данные.", ""),
    ("armenian", "", "Խնդրում եմ ջնջել իմ անձնական տվյալները։", ""),
    ("georgian", "", "გთხოვთ წაშალოთ ჩემი პერსონალური მონაცემები.", ""),
    ("cherokee", "", "ᏣᎳᎩ ꭰꭱꭲ delete my data ᏣᎳᎩ", ""),
    ("fullwidth", "", _fw("Please delete my data."), ""),
    ("fullwidth article", "", "Ich verlange Auskunft nach " + _fw("Art. 15") + " DSGVO.", ""),
    ("math bold", "", "𝐏𝐥𝐞𝐚𝐬𝐞 𝐝𝐞𝐥𝐞𝐭𝐞 𝐦𝐲 𝐝𝐚𝐭𝐚", ""),
    ("zero width", "", "Please de\u200blete my da\u200cta. Send me a co\u200dpy.", ""),
    ("soft hyphen", "", "Please de\u00adlete my data.", ""),
    ("bom and rtl", "\ufeff", "\u202ePlease delete my data.\u202c", ""),
    ("emoji", "🙏", "Please delete my data 🙏🙏 and send me a copy 📄.", ""),
    ("nbsp", "", "Please\u00a0delete\u00a0my\u00a0data.", ""),
    ("line separators", "", "Please delete my data.\u2028Send me a copy.\u2029Thanks\x85bye", ""),
    ("long word", "", "Please delete my " + "a" * 5000 + " data.", ""),
    ("long sentence", "", "Please " + "very " * 2000 + "kindly delete my data.", ""),
    (
        "65 sentences",
        "",
        " ".join(f"Line {i} here." for i in range(64)) + " Please delete my data.",
        "",
    ),
    (
        "many sentences",
        "",
        " ".join(["Thank you."] * 300 + ["Please delete my data."] + ["Regards."] * 70),
        "",
    ),
    ("repeated letter", "Request", "Please send me a copy of my data. " * 150, ""),
    (
        "subject in text",
        "",
        "Betreff: Auskunftsersuchen nach Art. 15 DSGVO\n\nSehr geehrte Damen und Herren,\nbitte erteilen Sie mir Auskunft.",
        "",
    ),
    (
        "subject line fr",
        "",
        "Objet : demande d'effacement\n\nMadame, Monsieur,\nmerci de supprimer mon compte.",
        "",
    ),
    (
        "mixed languages",
        "",
        "Poistakaa tietoni. Please send me a copy. Bitte löschen Sie alles.",
        "",
    ),
    ("marketing and erasure", "", "No more newsletters, and delete everything you hold on me.", ""),
    ("emphasis", "", "I'd like a copy too, but above all delete my account.", ""),
    (
        "grounds in subject",
        "Withdrawal of consent, objection and erasure",
        "I withdraw my consent, I object and ask you to erase my data.",
        "",
    ),
    # KNOWN_INEXACT: the prefiltered reading differs from the regexes' own
    ("dotless i: if", "", "Please tell me ıf you hold my data.", ""),
    ("long s: process", "", "Please confirm whether you proceſs my data.", ""),
    ("dotless i: quoi", "", "Vous avez quoı sur moi ?", ""),
    # ... and three the rewrite reads as the regexes do (the old code did not)
    ("dotless i: unsubscribe", "", "Please unsubscrıbe me.", ""),
    ("long s: suoramarkkinointi", "", "Kiellän ſuoramarkkinoinnin.", ""),
    (
        "greek variant letters",
        "",
        "Καλησπέρα, παρακαλώ διαγϱάψτϵ όλα τα προσωπικά μου δεδομένα από τη βάϲη σας.",
        "",
    ),
)

# Once "dotless i: if", "long s: process" and "dotless i: quoi": re.IGNORECASE read them as i and
# s while the prefilters did not; fold() now maps ı ſ ϱ ϵ ϲ ϖ to i s ρ ε σ π, so they agree.
KNOWN_INEXACT: dict[str, str] = {}

# --------------------------------------------------------------------------- expected answers

Answer = tuple[tuple[str, ...], str, bool, float]  # intents, language, needs_review, confidence

# BEGIN EXPECTED (written by `python tests/test_classify_differential.py --record`)
RULES_FINGERPRINT = "d9cdf559fe972e42"
EXPECTED_HAND: dict[str, Answer] = {
    "empty": ((), "und", True, 0.0),
    "spaces": ((), "und", True, 0.0),
    "punctuation only": ((), "und", True, 0.0),
    "NUL": (("erasure",), "en", False, 0.79),
    "subject only erasure": (("erasure",), "en", False, 0.9),
    "subject only access fi": (("access",), "fi", False, 0.83),
    "reply subject, text asks nothing": (("erasure",), "de", True, 0.86),
    "pointer to history": (("erasure",), "en", True, 0.79),
    "pointer fi": (("erasure",), "fi", True, 0.98),
    "art 15 dot": (("access",), "en", False, 0.79),
    "art 15 bare": ((), "und", True, 0.0),
    "article list": ((), "und", True, 0.0),
    "art 7(3)": (("consent_withdrawal",), "en", False, 0.95),
    "art 7 abs 3": (("consent_withdrawal",), "de", False, 0.87),
    "art 21(2)": (("marketing_optout",), "en", False, 0.91),
    "german date": (("erasure",), "de", False, 0.98),
    "german date march": (("erasure",), "de", False, 0.94),
    "z. B.": (("portability",), "de", False, 0.62),
    "e.g.": (("portability",), "en", False, 0.62),
    "numbered list": (("access", "marketing_optout"), "en", True, 0.62),
    "bullets": (("erasure",), "en", False, 0.79),
    "quoted lines": (("erasure",), "en", False, 0.79),
    "question erasure": (("erasure",), "en", False, 0.79),
    "negated erasure": ((), "en", True, 0.0),
    "condition erasure": ((), "en", True, 0.0),
    "mention rights": (("access",), "en", False, 0.62),
    "mailing list": (("marketing_optout",), "en", False, 0.99),
    "url email phone": ((), "en", True, 0.0),
    "rectification email": (("rectification",), "en", False, 0.99),
    "rectification phone": (("rectification",), "en", False, 0.96),
    "all caps": (("erasure",), "en", False, 0.79),
    "all caps de": (("erasure",), "de", False, 0.98),
    "no diacritics fi": (("erasure",), "fi", False, 0.79),
    "no diacritics sv": (("erasure",), "sv", False, 0.94),
    "combining marks fr": (("erasure",), "fr", False, 0.79),
    "NFD de": (("erasure",), "de", False, 0.94),
    "capital sharp s": (("erasure",), "de", False, 0.97),
    "ss for sharp s": (("erasure",), "de", False, 0.97),
    "ligature fi": (("erasure",), "en", False, 0.79),
    "ligature ffi": (("access",), "en", False, 0.62),
    "kelvin sign": (("erasure",), "en", False, 0.79),
    "dotted capital I": ((), "tr", True, 0.0),
    "turkish": ((), "tr", True, 0.0),
    "dz digraph": ((), "en", True, 0.0),
    "greek": (("erasure",), "el", True, 0.83),
    "greek caps": (("erasure",), "el", True, 0.93),
    "greek iota dialytika": (("access",), "el", False, 0.93),
    "bulgarian": (("erasure",), "bg", True, 0.83),
    "russian": ((), "ru", True, 0.0),
    "armenian": ((), "el", True, 0.0),
    "georgian": ((), "is", True, 0.0),
    "cherokee": ((), "is", True, 0.0),
    "fullwidth": ((), "el", True, 0.0),
    "fullwidth article": (("access",), "de", False, 0.98),
    "math bold": ((), "el", True, 0.0),
    "zero width": ((), "en", True, 0.0),
    "soft hyphen": ((), "en", True, 0.0),
    "bom and rtl": (("erasure",), "en", False, 0.79),
    "emoji": (("erasure",), "en", False, 0.79),
    "nbsp": (("erasure",), "en", False, 0.79),
    "line separators": (("erasure",), "en", False, 0.79),
    "long word": (("erasure",), "en", False, 0.79),
    "long sentence": (("erasure",), "en", False, 0.79),
    "65 sentences": (("erasure",), "en", False, 0.79),
    "many sentences": (("erasure",), "en", False, 0.79),
    "repeated letter": (("access",), "en", False, 0.62),
    "subject in text": (("access",), "de", False, 1.0),
    "subject line fr": (("erasure",), "fr", False, 0.99),
    "mixed languages": ((), "de", True, 0.0),
    "marketing and erasure": (("erasure", "marketing_optout"), "en", False, 0.79),
    "emphasis": (("erasure",), "en", False, 0.79),
    "grounds in subject": (("erasure", "consent_withdrawal", "objection"), "en", False, 0.93),
    "dotless i: if": (("access",), "en", False, 0.66),
    "long s: process": (("access",), "en", False, 0.83),
    "dotless i: quoi": (("access",), "fr", False, 0.66),
    "dotless i: unsubscribe": (("marketing_optout",), "en", False, 0.62),
    "long s: suoramarkkinointi": (("marketing_optout",), "fi", False, 0.98),
    "greek variant letters": (("erasure",), "el", True, 0.7),
}
EXPECTED_SEEDED: dict[str, Answer] = {
    "d966861b6200": (("access",), "bg", True, 0.76),
    "f77d27a3f1a1": (("access",), "bg", True, 0.76),
    "f8346b24e85c": (("erasure",), "sv", False, 0.97),
    "fe24075a7aa1": (("access",), "bg", True, 0.76),
    "914b37fd7ac5": ((), "is", True, 0.0),
    "0713439bde78": (("access",), "bg", True, 0.76),
    "a619c9dc3fad": (("consent_withdrawal", "objection"), "en", True, 1.0),
    "3c52204d0908": (("access",), "bg", True, 0.76),
    "d4c2f78313d8": ((), "mt", True, 0.0),
    "a012c7ffdd64": (("access",), "bg", True, 0.76),
    "251b24006137": (("restriction",), "en", True, 0.88),
    "530c5941094d": ((), "en", True, 0.0),
    "c638c5926efd": (("access",), "bg", True, 0.76),
    "a15d46b22394": (("access",), "is", True, 0.79),
    "74fa5da2cfb9": (("access",), "is", True, 0.79),
    "26aef319e167": ((), "en", True, 0.0),
    "ad2d1d836351": ((), "en", True, 0.0),
    "a965233572a7": ((), "en", True, 0.0),
    "63a62ed2c605": ((), "en", True, 0.0),
    "2edaf3670d91": (("access",), "bg", True, 0.76),
    "03d497ea83c3": (("erasure",), "de", False, 0.99),
    "f2d2fbbb155f": (("erasure",), "de", False, 0.99),
    "344b49c858e4": (("access",), "es", False, 0.85),
    "cab841de23ec": ((), "sv", True, 0.0),
    "b185676389a6": ((), "en", True, 0.0),
    "0d96f010a5d7": (("access",), "de", True, 0.9),
    "9a44720e1474": (("access",), "de", True, 0.9),
    "59fcb51c7399": (("access", "erasure"), "de", True, 0.9),
    "f278709a1b44": (("erasure", "access"), "de", True, 0.73),
    "810e11ecfe96": (("erasure", "access"), "de", True, 0.73),
    "ad003c149a18": (("erasure", "access"), "de", True, 0.73),
    "501a68e6ac3a": (("erasure", "access", "objection"), "de", True, 0.86),
    "12e016432e46": (("erasure", "objection"), "de", True, 0.86),
    "49e4efdae5a1": (("portability",), "fi", False, 0.99),
    "039ae10a2934": (("objection",), "de", False, 0.81),
    "ec3daee0ac76": (("access",), "sk", True, 0.57),
    "8c5f1941c0e4": (("access",), "is", True, 0.57),
    "3b7c54978b1e": (("access",), "sk", True, 0.57),
    "676e5c9e824b": (("access",), "sk", True, 0.57),
    "eddaf3e7e873": (("access",), "sk", True, 0.57),
    "250f75a553bb": (("access",), "cs", True, 0.76),
    "582b76854fb4": ((), "en", True, 0.0),
    "971fb328490f": (("consent_withdrawal", "objection"), "en", True, 1.0),
    "74968c2d1920": (("consent_withdrawal", "objection"), "en", True, 1.0),
    "47621c98b972": (("consent_withdrawal", "objection"), "en", True, 1.0),
    "b89e8a02a93e": (("consent_withdrawal", "objection"), "en", True, 1.0),
    "26c17d123917": (("consent_withdrawal", "objection"), "en", True, 1.0),
    "02346c20a742": (("consent_withdrawal", "objection"), "en", True, 1.0),
    "223bbf9875ac": (("erasure",), "de", True, 0.86),
    "be58ce821a70": (("erasure",), "de", True, 0.86),
    "bf0ebd756253": (("erasure",), "de", True, 0.86),
    "d1e2f507438a": (("access",), "nl", True, 0.62),
    "655e402810ad": (("publication_optout",), "en", False, 0.97),
    "a237dcabdd98": (("access",), "nl", True, 0.62),
    "57b7688433b1": (("publication_optout",), "en", False, 0.97),
    "daa2ccbec193": ((), "el", True, 0.0),
    "a7e22097bd91": ((), "el", True, 0.0),
    "83564a2eaa9c": (("access",), "bg", True, 0.76),
    "2daf8549aeed": ((), "de", True, 0.0),
    "ad816f29273d": (("access",), "sv", False, 0.91),
    "61ab566913eb": (("access",), "sv", False, 0.91),
    "e50ae923a453": ((), "sv", True, 0.0),
    "cca4d66ffcfa": (("access",), "sv", False, 0.91),
    "3ad83225623e": (("access",), "sv", False, 0.91),
    "f5b7cdd77809": (("access",), "sv", False, 0.91),
    "4c42fc8e0ec5": ((), "mt", True, 0.0),
    "492d232585fd": ((), "el", True, 0.0),
    "0645f8ee7b32": ((), "el", True, 0.0),
    "ef35229159cc": ((), "is", True, 0.0),
    "237534d55af6": ((), "el", True, 0.0),
    "897c99ed13b5": ((), "el", True, 0.0),
    "3c2c0a0cbea1": ((), "mt", True, 0.0),
    "f2f867e91aa5": ((), "de", True, 0.0),
    "3182f4bb8cb6": (("access",), "hu", True, 0.57),
    "a9d593cac13d": ((), "en", True, 0.0),
    "5376ccee4f80": (("access",), "bg", True, 0.76),
    "a40b0bc3c310": ((), "en", True, 0.0),
    "fd2a93c46456": ((), "uk", True, 0.0),
    "f392a6c57fca": ((), "da", True, 0.0),
    "c1b98fcde164": ((), "uk", True, 0.0),
    "b844d04f9531": ((), "uk", True, 0.0),
    "05997cc6795f": ((), "uk", True, 0.0),
    "0480ec0b96d5": (("access",), "bg", True, 0.76),
    "af068fe45aef": (("access",), "de", True, 0.59),
    "4241b8dad350": (("access",), "de", True, 0.59),
    "3de62d4040b7": (("consent_withdrawal",), "en", True, 0.95),
    "1110a4d45c47": (("access",), "bg", True, 0.76),
    "d5fa5b7245f5": (("access",), "bg", True, 0.76),
    "c1bc18bb521c": (("consent_withdrawal",), "en", True, 0.95),
    "3cba23106d98": (("consent_withdrawal",), "en", False, 0.95),
    "13f9cfb966a6": ((), "is", True, 0.0),
    "7c12d33ff595": ((), "is", True, 0.0),
    "ed6fdc28f42e": ((), "is", True, 0.0),
    "776b6e1c4ea8": ((), "is", True, 0.0),
    "6196bc3ec28c": (("access",), "ru", True, 0.79),
    "c2f882513b00": (("access",), "bg", True, 0.76),
    "3b3bb21047a8": (("restriction",), "fi", False, 0.96),
    "8081654831eb": (("restriction",), "fi", False, 0.96),
    "d09d038b45a5": ((), "is", True, 0.0),
    "c16777a4d647": ((), "is", True, 0.0),
    "8e1720155183": ((), "ru", True, 0.0),
    "8e1722298ac6": ((), "it", True, 0.0),
    "7bdee7fb85f9": ((), "el", True, 0.0),
    "7d421424208f": ((), "el", True, 0.0),
    "4b62b551de55": (("access",), "et", True, 0.57),
    "e030c4c439ec": (("access",), "et", True, 0.57),
    "9941d04f0d2c": (("access",), "cs", True, 0.57),
    "d6f5edbf7d65": (("marketing_optout",), "fi", False, 0.62),
    "b4ed330fe49c": (("consent_withdrawal", "objection"), "en", True, 1.0),
    "2e75477ab18a": (("marketing_optout",), "fi", False, 0.62),
    "705bad1fe795": (("access",), "hr", True, 0.57),
    "e465699d1b45": ((), "mt", True, 0.0),
    "1e1cb0837650": ((), "mt", True, 0.0),
    "a62d1adf3076": ((), "de", True, 0.0),
    "aee1ce08a193": ((), "de", True, 0.0),
    "bd4dca982ff1": ((), "de", True, 0.0),
    "03c3750c3e03": ((), "el", True, 0.0),
    "6a5eecf38fa8": ((), "el", True, 0.0),
    "589dd75f126d": ((), "el", True, 0.0),
    "aa1b90a4198a": ((), "el", True, 0.0),
    "6e421aee55d4": ((), "mt", True, 0.0),
    "2802b256ef13": ((), "mt", True, 0.0),
    "e25f78c1cb15": ((), "mt", True, 0.0),
    "8c05d66cf540": (("access",), "fr", True, 0.8),
    "5b454dd72f10": ((), "mt", True, 0.0),
    "afa5198065ff": ((), "mt", True, 0.0),
    "e5d9ed45493a": ((), "mt", True, 0.0),
    "fade84efe5e5": (("erasure", "restriction", "objection"), "de", True, 0.92),
    "b63fd472521e": (("erasure",), "en", False, 0.99),
    "d1d2c4b02871": (("erasure",), "en", False, 0.88),
    "380c470cbd1a": (("erasure",), "en", False, 0.88),
    "5cddb7d3577f": (("erasure",), "en", False, 0.88),
    "ec8c9b83d7c5": (("erasure", "restriction", "objection"), "de", True, 0.92),
    "8f840f690e44": (("consent_withdrawal",), "fi", False, 0.79),
    "d4a5b72469ed": (("consent_withdrawal",), "fi", False, 0.79),
    "ef5f00827bc8": (("access",), "hu", True, 0.57),
    "13b8c416cf4b": (("access",), "hu", True, 0.57),
    "c10090933ac6": (("access",), "hu", True, 0.57),
    "b5b3f3c1ab56": (("erasure", "access"), "sv", False, 0.88),
    "722a17a90cce": (("erasure", "access"), "sv", False, 0.88),
    "7a4ec967733d": (("erasure", "access"), "sv", False, 0.88),
    "c823352564d5": (("access",), "sv", False, 0.91),
    "7422353c4c50": (("access",), "lv", True, 0.57),
    "2ef90fce2244": ((), "mt", True, 0.0),
    "707c43abf137": (("restriction",), "sv", False, 0.95),
    "799c4b098db9": (("restriction",), "sv", False, 0.95),
    "bf10c1fb7e62": (("restriction",), "sv", False, 0.95),
    "59c22b6e05cd": (("restriction",), "sv", False, 0.95),
    "79868a1aca0c": (("restriction",), "sv", False, 0.95),
    "7b6fbe8ad308": (("access",), "de", False, 0.86),
    "28b01eaaafd6": (("access",), "de", False, 0.86),
    "45e570a74d3b": ((), "fr", True, 0.0),
    "db28da349778": (("access",), "es", True, 0.85),
    "892fe81f4ca8": (("access",), "es", True, 0.85),
    "60eda34e6b7f": ((), "is", True, 0.0),
    "05d8f72823ad": ((), "is", True, 0.0),
    "a1cd549bc270": ((), "is", True, 0.0),
    "d53c896d3f54": ((), "is", True, 0.0),
    "96aa135507ab": (("rectification", "erasure"), "fi", False, 0.98),
    "20dedf068643": ((), "is", True, 0.0),
    "11e4dd46b810": ((), "fr", True, 0.0),
    "882dae997b5c": ((), "et", True, 0.0),
    "840fe6a377e6": (("access",), "el", True, 0.85),
    "673bef45e0b4": (("rectification",), "sv", True, 0.81),
    "295b50962b31": (("rectification",), "sv", False, 0.81),
    "8b24943408f1": ((), "mt", True, 0.0),
    "f5539fa22b55": ((), "mt", True, 0.0),
    "077949e4aac0": ((), "mt", True, 0.0),
    "e6d153ecc77c": ((), "uk", True, 0.0),
    "86ea6b49a54e": ((), "uk", True, 0.0),
    "6bd3da6107ad": ((), "da", True, 0.0),
    "e93d4d7184c0": ((), "sv", True, 0.0),
    "49a36876d0fd": (("access", "erasure"), "fr", False, 0.89),
    "dc1196e055d0": (("access", "erasure"), "fr", False, 0.89),
    "c6424b940da9": (("access", "erasure"), "fr", False, 0.89),
    "a4972882ab61": (("access", "erasure"), "fr", False, 0.8),
    "47f372dd58e9": (("erasure", "access"), "fr", True, 0.79),
    "d54164920dfe": ((), "mt", True, 0.0),
    "3f6ada84fcd7": ((), "mt", True, 0.0),
    "dbd7e8d23bda": ((), "mt", True, 0.0),
    "e97c312c7148": ((), "mt", True, 0.0),
    "a8c5974caa9e": ((), "mt", True, 0.0),
    "14ebd765946e": ((), "mt", True, 0.0),
    "ad006aaf2f0a": (("publication_optout",), "de", True, 0.98),
    "5f4ccee8c86d": (("publication_optout",), "de", True, 0.98),
    "eba02a181276": (("marketing_optout",), "fi", True, 0.62),
    "3b69a8b41207": (("marketing_optout",), "fi", False, 0.62),
    "d188560e7331": (("access",), "bg", True, 0.76),
    "a1549de2c188": ((), "sv", True, 0.0),
    "20e4ad1a33fe": ((), "sv", True, 0.0),
    "d1fcc29e5ae4": (("access",), "pt", False, 0.9),
    "38a393304e47": (("access",), "bg", True, 0.76),
    "4a156a0e6f53": ((), "en", True, 0.0),
    "5f0afb9c502e": ((), "sv", True, 0.0),
    "837916d68f9f": (("portability",), "de", False, 0.62),
    "b9559e1c22af": (("portability",), "de", False, 0.62),
    "83a93914a0cc": (("portability",), "de", False, 0.62),
    "552a344bdf2d": (("portability",), "de", False, 0.62),
    "ebab975f3b68": (("portability",), "de", True, 0.62),
    "be4d185a26e9": (("portability",), "de", True, 0.62),
    "3941d6aaf8fe": ((), "en", True, 0.0),
    "0fe80e06ec43": (("access",), "sv", False, 0.91),
    "d0f875378826": (("rectification", "access"), "sv", False, 0.81),
    "519299dc56bf": (("rectification", "access"), "sv", False, 0.81),
    "6f0d80130209": (("access", "rectification"), "sv", False, 0.91),
    "39e22b3238ef": (("access", "rectification"), "sv", True, 0.91),
    "262a6bd53b8d": (("access", "rectification"), "sv", True, 0.91),
    "830050cdb766": (("access", "rectification"), "sv", True, 0.91),
}
# END EXPECTED


def answer(result: cm.Classification) -> Answer:
    return (tuple(result.intents), result.language, result.needs_review, result.confidence)


@functools.cache
def rules_fingerprint() -> str:
    digest = hashlib.sha256()
    for name in sorted(load_rules().files):
        digest.update(Path(name).name.encode() + b"\0" + Path(name).read_bytes())
    return digest.hexdigest()[:16]


def _skip_when_rules_changed() -> None:
    if rules_fingerprint() != RULES_FINGERPRINT:
        pytest.skip(
            "the rules changed since these answers were recorded: run "
            "`python tests/test_classify_differential.py --record` (test_prefilters_are_exact "
            "still compares the same letters)"
        )


@contextlib.contextmanager
def exact_reading() -> Iterator[None]:
    """classify with every prefilter off: each pattern on each sentence, no lower-case
    pre-checks or lead positions, langid's own scorer."""
    from mailbot import langmodel

    plain_langid = langmodel.identifier(cm.DETECTABLE_LANGUAGES)

    def everywhere(self: Any, sentences: Any) -> list[tuple[Any, int]]:
        everything = (1 << len(sentences)) - 1
        return [(pattern, everything) for pattern in self.patterns] if sentences else []

    def sentence(text: str, subject: bool) -> Any:
        return cm._Sentence(text, cm._sentence_folded(text), subject, False)

    patches = {
        (cm._Scan, "candidates"): everywhere,
        (cm, "_sentence"): sentence,
        (cm, "_lowered"): lambda text: None,
        (cm, "_identifier"): lambda: plain_langid,
    }
    saved = {where: getattr(*where) for where in patches}
    try:
        for (owner, name), value in patches.items():
            setattr(owner, name, value)
        yield
    finally:
        for (owner, name), value in saved.items():
            setattr(owner, name, value)


def _read(letter: tuple[str, str, str]) -> cm.Classification:
    subject, text, history = letter
    return classify(subject=subject, text=text, history=history)


# --------------------------------------------------------------------------- tests


def _hand_params() -> list[Any]:
    return [
        pytest.param(case, id=case[0], marks=pytest.mark.xfail(reason=KNOWN_INEXACT[case[0]]))
        if case[0] in KNOWN_INEXACT
        else pytest.param(case, id=case[0])
        for case in HAND
    ]


@pytest.mark.parametrize("case", _hand_params())
def test_hand_picked_letters(case: tuple[str, str, str, str]) -> None:
    _skip_when_rules_changed()
    name, *letter = case
    assert answer(_read(tuple(letter))) == EXPECTED_HAND[name]


def test_seeded_letters() -> None:
    _skip_when_rules_changed()
    letters = seeded_letters()
    known = [letter for letter in letters if key(*letter) in EXPECTED_SEEDED]
    if len(known) < 150:
        pytest.skip(f"hypothesis drew other letters ({len(known)} of {len(letters)} known)")
    wrong = [
        (letter, got, want)
        for letter in known
        if (got := answer(_read(letter))) != (want := EXPECTED_SEEDED[key(*letter)])
    ]
    assert not wrong, f"{len(wrong)} of {len(known)} differ, first: {wrong[0]!r}"


def _fields(result: cm.Classification) -> tuple[Any, ...]:
    r = result
    return (r.intents, r.language, r.confidence, r.needs_review, r.details, r.reasons)


def test_prefilters_are_exact() -> None:
    letters = [tuple(case[1:]) for case in HAND if case[0] not in KNOWN_INEXACT]
    letters += seeded_letters()
    fast = [_fields(_read(letter)) for letter in letters]
    with exact_reading():
        exact = [_fields(_read(letter)) for letter in letters]
    wrong = [(letter, f, e) for letter, f, e in zip(letters, fast, exact, strict=True) if f != e]
    assert not wrong, f"{len(wrong)} of {len(letters)} differ, first: {wrong[0]!r}"


# --------------------------------------------------------------------------- recording


def _record() -> None:
    """Rewrite the EXPECTED block of this file with the exact reading's answers."""
    with exact_reading():
        hand = {case[0]: answer(_read(tuple(case[1:]))) for case in HAND}
        seeded = {key(*letter): answer(_read(letter)) for letter in seeded_letters()}
    lines = [
        "# BEGIN EXPECTED (written by `python tests/test_classify_differential.py --record`)",
        f"RULES_FINGERPRINT = {rules_fingerprint()!r}",
        "EXPECTED_HAND: dict[str, Answer] = {",
        *(f"    {name!r}: {value!r}," for name, value in hand.items()),
        "}",
        "EXPECTED_SEEDED: dict[str, Answer] = {",
        *(f"    {k!r}: {value!r}," for k, value in seeded.items()),
        "}",
    ]
    path = Path(__file__)
    source = path.read_text(encoding="utf-8")
    head, rest = source.split("\n# BEGIN EXPECTED", 1)
    tail = rest.split("\n# END EXPECTED\n", 1)[1]
    block = "\n".join(lines)
    path.write_text(f"{head}\n{block}\n# END EXPECTED\n{tail}", encoding="utf-8")
    # the block as ruff format writes it (double quotes, long entries wrapped)
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(path)], check=False)
    print(f"recorded {len(hand)} hand-picked and {len(seeded)} seeded letters")


if __name__ == "__main__":
    if sys.argv[1:] != ["--record"]:
        sys.exit("usage: python tests/test_classify_differential.py --record")
    _record()


def test_long_unbroken_text_is_fast() -> None:
    """A 100 KB run of letters without a space (attacker-sized) must not hold a worker: two rules
    once began with a bare word-character run and took minutes (quadratic backtracking)."""
    import time

    for opening, tail in (
        ("Bitte löschen Sie meine Daten. ", ""),
        ("Osoitteeni on väärin. ", ""),
        # an "@" after the run: e-mail addresses are undotted without backtracking over it
        ("Delete my account. ", "@example.com and https://example.com/a.b"),
    ):
        text = opening + "lisxistxstextenx" * 6000 + tail
        started = time.perf_counter()
        classify(subject="", text=text)
        assert time.perf_counter() - started < 5.0
