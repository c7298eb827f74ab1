"""Adversarial letters against the eighth session's classifier changes (git 15998ce..HEAD).
Each dict: id, lang, probe (the change aimed at), subject, text, want (rights really asked), why."""

L = []


def add(id, lang, probe, subject, text, want=(), why=""):
    L.append(
        dict(id=id, lang=lang, probe=probe, subject=subject, text=text, want=set(want), why=why)
    )


# =============================================================================== English
add(
    "en_list_noticeboard",
    "en",
    "your_list",
    "",
    "Hello,\nPlease take me off your list. My full name and my lap times are on the board next to "
    "reception for every gym member and visitor to read, and I never agreed to that.\nRegards, Alan Price",
    {"publication_optout"},
    "a list shown on a noticeboard: no excluded word ('board', 'reception'), so the bare 'your list' rule reads marketing",
)
add(
    "en_list_latepayers",
    "en",
    "your_list",
    "Your list",
    "A neighbour told me my name is on your list of late payers pinned up in the stairwell. The rent "
    "was paid on the 3rd. Remove me from your list immediately.\nJ. Okafor",
    {"publication_optout"},
    "a list pinned up in a stairwell: published, but none of the excluded words",
)
add(
    "en_list_salesteam",
    "en",
    "your_list",
    "",
    "Your sales team got my address at a trade fair three years ago and still sends me offers every "
    "week. Remove me from your list.\nMaria Lopez",
    {"marketing_optout"},
    "a real mailing list, but 'team' is one of the excluded words",
)
add(
    "en_list_site",
    "en",
    "your_list",
    "",
    "I bought a phone case on your site two years ago and have had three emails a week since. Remove me "
    "from your list.\nTom",
    {"marketing_optout"},
    "a real mailing list, but 'site' is one of the excluded words",
)
add(
    "en_list_photos",
    "en",
    "your_list",
    "",
    "I don't need your photos of new kitchens in my inbox every Monday. Remove me from your list.\nSam",
    {"marketing_optout"},
    "a real mailing list, 'photos' excluded: read as a publication opt-out?",
)
add(
    "en_list_and_erase",
    "en",
    "your_list",
    "",
    "Remove me from your list and delete everything you have on me. I never signed up.\nNina Berg",
    {"marketing_optout", "erasure"},
    "look-alike: the list rule must not swallow the erasure",
)
add(
    "en_takeoff_marketing_db",
    "en",
    "take_me_off_database",
    "",
    "Take me off your marketing database, I'm sick of the promo emails.\nLiam",
    {"marketing_optout"},
    "the new 'take me off your ... database' erasure pattern: a marketing database named",
)
add(
    "en_repo_documents",
    "en",
    "public_place",
    "Erasure",
    "Dear Sir or Madam,\nI stopped being your customer in January. Please erase my data. I know you "
    "keep scans of my ID in the repository you use for customer documents; those must go too.\n"
    "Kind regards,\nRuth Adams",
    {"erasure"},
    "an internal document repository, not a public one: 'in the repository' turns erasure into publication",
)
add(
    "en_csv_export",
    "en",
    "public_place",
    "",
    "Hello,\nLast month you sent me my data export. In the data_export.csv file you sent I can see you "
    "still hold my old card number and my ex-partner's address. I want this erased. Please erase my data "
    "now.\nPeter Nilsen",
    {"erasure"},
    "a file of the export sent to the writer: the new '.csv file' public place",
)
add(
    "en_published_membership",
    "en",
    "public_place",
    "Leaving the society",
    "Dear secretary,\nI am resigning from the society at the end of the month. Two of my papers were "
    "published in the society's journal and they can of course stay. Please delete my membership "
    "details (home address, phone number, date of birth) once I have left.\nDr. Helen Shaw",
    {"erasure"},
    "'published in the' names the papers, not the data to be erased",
)
add(
    "en_repo_plus_profile",
    "en",
    "public_place",
    "Customer emails in your public repo",
    "Hi,\nThe file tests/fixtures/customers.json in your public repository contains real customer "
    "emails, mine among them. Please remove my email from that file, and also delete my customer "
    "profile in your shop, I won't be ordering again.\nAnna Kowalski",
    {"publication_optout", "erasure"},
    "both asked: the shop profile's erasure is turned into a second publication opt-out",
)
add(
    "en_earlier_emailed_refuse",
    "en",
    "own_earlier_request",
    "My account",
    "Hello,\nLast week I emailed you asking you to delete my account. Please ignore that email and do "
    "not delete anything - I have changed my mind and I'm staying.\nThanks, Kate",
    set(),
    "the own earlier request told as 'I emailed you asking', which the key's wording misses",
)
add(
    "en_earlier_reminder_partial",
    "en",
    "own_earlier_request",
    "Second request",
    "Hello,\nI asked you on 2 May to delete my account and all my data, and the account is still active. "
    "Before you delete it, send me a copy of my data. Do not delete the invoices, my accountant needs "
    "them.\nRegards, Omar Haddad",
    {"erasure", "access"},
    "a reminder: the earlier request is the request; 'do not delete the invoices' is a partial refusal",
)
add(
    "en_someone_demand",
    "en",
    "relative_mention",
    "",
    "Someone contacted you last week pretending to be me and I demand that you delete my account at "
    "once.\nGrace Liu",
    {"erasure"},
    "the someone-asked mention; the exception words lack 'I demand'",
)
add(
    "en_son_guardian",
    "en",
    "relative_mention",
    "My son's account",
    "Hello,\nMy son asked you twice to delete his gaming account. He is 13 and I am his parent. Please "
    "do it now.\nMark Evans",
    {"erasure"},
    "a parent making the child's request their own in the next sentence without naming it again",
)
add(
    "en_wife_joint",
    "en",
    "relative_mention",
    "Joint account",
    "My wife wrote to you on Monday asking you to delete our joint account. I hold that account with "
    "her and I agree: delete it.\nDavid Moss",
    {"erasure"},
    "the co-holder's own 'delete it' in the same sentence as the spouse's request told",
)
add(
    "en_restrict_marketing_all",
    "en",
    "restrict_for_marketing",
    "Restriction",
    "Hello,\nUntil you have checked whether my address is correct, please restrict the processing of my "
    "data for marketing and for every other purpose.\nJoan Clarke",
    {"restriction"},
    "Art 18(1)(a) restriction that names marketing among all purposes",
)
add(
    "en_ccpa_plus_marketing",
    "en",
    "ccpa",
    "",
    "Do not sell my personal information. And stop the promotional emails, I never asked for them.\nRob",
    {"objection", "marketing_optout"},
    "look-alike: the sale objected to and the mail stopped",
)
add(
    "en_quote_own",
    "en",
    "quotation",
    "Still waiting",
    '"Please delete my account and all the data you hold about me. I no longer use your service."\n\n'
    "That is what I wrote to you on 4 March. Five weeks later the account is still there.\n"
    "Julia Hart",
    {"erasure"},
    "the writer's own request quoted whole as a reminder: a multi-sentence quotation",
)
add(
    "en_form_conflict",
    "en",
    "form_fields",
    "Delete account",
    "Name: Jane Porter\nEmail: jane.porter@example.com\nRequest type: Copy of my data\nComments: none",
    {"access"},
    "a form's subject and its chosen request disagree",
)
add(
    "en_form_notice",
    "en",
    "form_fields",
    "Rectification of personal data",
    "Ticket: 55120\nStatus: Closed\nResolution: Name corrected\nAgent: Mark",
    set(),
    "a helpdesk's closing notice in field form: nobody asks",
)
add(
    "en_so_complaint",
    "en",
    "so_opener",
    "Deleted without asking",
    "I did not ask you to delete anything, so deleting my account was your mistake. I lost four years "
    "of notes.\nBen Carter",
    set(),
    "a negated match spanning ', so' and a bare stem after it: a complaint about a deletion",
)
add(
    "en_fix_it_bug",
    "en",
    "please_fix_it",
    "",
    "The export button on my account page gives an error 500 every time. Please fix it.\nChris",
    set(),
    "the new 'please fix it' rectification pattern on a bug report",
)
add(
    "en_update_records_inform",
    "en",
    "update_records_inform",
    "New address",
    "Hello,\nI have moved to 5 Elm Road, Bristol BS1 4QT. Please update your records and inform the "
    "insurance company you work with of my new address.\nSandra Lee",
    {"rectification"},
    "the new suppress for 'update your records and inform X' on a real address change",
)

# =============================================================================== Finnish
add(
    "fi_list_verkkokauppa",
    "fi",
    "your_list",
    "",
    "Tilasin kerran verkkokaupastanne kengät ja nyt tulee viestejä joka päivä. Poistakaa minut "
    "listaltanne.\nSanna",
    {"marketing_optout"},
    "'verkko' inside 'verkkokaupastanne' blocks the list rule (no \\b in the fi exclusion)",
)
add(
    "fi_list_tuoteluettelo",
    "fi",
    "your_list",
    "",
    "Teidän tuoteluettelonne tulevat postiluukusta joka kuukausi. Poistakaa osoitteeni listaltanne.\n"
    "Pekka Mäkinen",
    {"marketing_optout"},
    "'luettelo' inside 'tuoteluettelonne' (a catalogue mailing) blocks the list rule",
)
add(
    "fi_list_ilmoitustaulu",
    "fi",
    "your_list",
    "",
    "Nimeni ja asuntoni numero ovat listallanne, joka on taloyhtiön pesutuvan ilmoitustaululla kaikkien "
    "nähtävänä. Poistakaa minut listaltanne.\nTiina Laine",
    {"publication_optout"},
    "a list on a noticeboard: published, no excluded word",
)
add(
    "fi_list_kuvaus",
    "fi",
    "your_list",
    "",
    "Saan teiltä joka viikko tekstiviestejä, joissa on kuvaus uusista tuotteista. Ottakaa minut pois "
    "listaltanne.\nJari",
    {"marketing_optout"},
    "'kuva' inside 'kuvaus' blocks the list rule",
)
add(
    "fi_list_jasen",
    "fi",
    "your_list",
    "",
    "En ole koskaan ollut jäsenenne, mutta silti saan mainoksianne. Poistakaa minut listaltanne.\nAila",
    {"marketing_optout"},
    "'jäsen' blocks the list rule although the letter says the writer is no member",
)
add(
    "fi_earlier_poistopyynto",
    "fi",
    "own_earlier_request",
    "Tili",
    "Hei,\nLähetin eilen poistopyynnön, mutta perun sen. Älkää poistako tiliäni, haluan jatkaa "
    "asiakkaana.\nTerveisin Mika",
    set(),
    "the own earlier request as 'poistopyynnön' (no \\b before 'pyynnön')",
)
add(
    "fi_earlier_reminder_partial",
    "fi",
    "own_earlier_request",
    "Muistutus",
    "Hei,\nPyysin jo maaliskuussa, että tilini ja kaikki tietoni poistetaan, mutta tili on yhä "
    "olemassa. Lähettäkää minulle ensin kopio tiedoistani. Älkää kuitenkaan poistako laskujani, "
    "tarvitsen ne verottajaa varten.\nTerveisin Outi Salo",
    {"erasure", "access"},
    "a reminder of the own request beside a partial refusal",
)
add(
    "fi_earlier_tein_tilauksen",
    "fi",
    "own_earlier_request",
    "",
    "Hei,\nTein viime vuonna tilauksen ja haluan nyt, että tilini poistetaan. Älkää poistako kuitteja, "
    "tarvitsen ne takuuta varten. Lähettäkää myös kopio tiedoistani.\nVille",
    {"erasure", "access"},
    "'tein ... että' (an order made) matches the own-earlier-request key",
)
add(
    "fi_joku_vaadin",
    "fi",
    "relative_mention",
    "",
    "Joku soitti teille viime viikolla minun nimissäni ja vaadin nyt, että tilini poistetaan "
    "kokonaan.\nLiisa Koski",
    {"erasure"},
    "the someone-called mention; the exception words lack 'vaadin'",
)
add(
    "fi_poika_huoltaja",
    "fi",
    "relative_mention",
    "Poikani tili",
    "Poikani pyysi teitä poistamaan hänen pelitilinsä jo kahdesti. Hän on 12-vuotias ja olen hänen "
    "huoltajansa. Hoitakaa asia nyt.\nJuha Niemi",
    {"erasure"},
    "a guardian taking over the child's request",
)
add(
    "fi_aiti_kiitos",
    "fi",
    "relative_mention",
    "",
    "Äitini pyysi teitä korjaamaan osoitteensa, ja se on nyt kunnossa, kiitos.\nEija",
    set(),
    "'kiitos' (thanks) is one of the exception words: the mother's request becomes the writer's",
)
add(
    "fi_conditional_riittaisi",
    "fi",
    "conditional_refusal",
    "",
    "Älkää poistako koko tiliä, poistakaa vain vanha osoitteeni, se riittäisi minulle.\nMarja",
    {"erasure"},
    "a partial deletion asked in the same sentence as the refusal with a conditional",
)
add(
    "fi_conditional_keep",
    "fi",
    "conditional_refusal",
    "",
    "Älkää poistako tiliäni, menettäisin kaikki kuvani.\nMarja",
    set(),
    "look-alike: the refusal and its consequence",
)
add(
    "fi_joten_complaint",
    "fi",
    "so_opener",
    "Tili poistettu",
    "En pyytänyt teitä poistamaan mitään, joten poistamalla tilini teitte virheen. Menetin kaikki "
    "muistiinpanoni.\nAri",
    set(),
    "a negated match spanning ', joten' and a bare stem after it: a complaint",
)
add(
    "fi_yritin_joten",
    "fi",
    "so_opener",
    "",
    "Yritin poistaa tilini sovelluksessa, mutta se ei onnistunut, joten poistakaa se te.\nHanna",
    {"erasure"},
    "look-alike: the session's own fix",
)
add(
    "fi_date_lower",
    "fi",
    "numeric_date",
    "",
    "älkää enää soittako minulle, viimeksi soititte 3.10. poistakaa numeroni rekisteristänne\nreijo",
    {"marketing_optout", "erasure"},
    "a lower-case sentence after a numeric date is joined to the refusal before it",
)
add(
    "fi_restrict_marketing_all",
    "fi",
    "restrict_for_marketing",
    "Käsittelyn rajoittaminen",
    "Hei,\nRajoittakaa henkilötietojeni käsittelyä markkinointiin ja kaikkeen muuhunkin, kunnes "
    "osoitteeni oikeellisuus on tarkistettu.\nTerveisin Leena",
    {"restriction"},
    "Art 18(1)(a) restriction naming marketing among all purposes",
)
add(
    "fi_quote_own",
    "fi",
    "quotation",
    "Edelleen odotan",
    '"Pyydän poistamaan tilini ja kaikki tietoni. En käytä palvelua enää."\n\nNäin kirjoitin teille '
    "4. maaliskuuta. Tili on yhä olemassa.\nSeppo",
    {"erasure"},
    "the writer's own request quoted whole as a reminder",
)
add(
    "fi_form_conflict",
    "fi",
    "form_fields",
    "Tilin poisto",
    "Nimi: Matti Virtanen\nSähköposti: matti@example.com\nPyyntö: kopio tiedoistani",
    {"access"},
    "a form's subject and chosen request disagree",
)
add(
    "fi_form_notice",
    "fi",
    "form_fields",
    "Tietojen korjaus",
    "Tiketti: 4411\nTila: suljettu\nKäsittelijä: Anna",
    set(),
    "a helpdesk's closing notice in field form",
)
add(
    "fi_voinko_profiili",
    "fi",
    "fi_voitteko_tunnus",
    "",
    "Hei, voinko vaihtaa profiilikuvani jotenkin puhelimella? En löydä asetusta.\nKatja",
    set(),
    "the new 'voitteko poistaa sen tunnuksen' pattern: 'voi\\w*' and 'profiili\\w*' need no deleting verb",
)
add(
    "fi_voiko_nimimerkki",
    "fi",
    "fi_voitteko_tunnus",
    "Nimimerkki",
    "Voiko nimimerkkiä vaihtaa jälkikäteen? Haluaisin käyttää oikeaa nimeäni foorumilla.\nTimo",
    set(),
    "a how-to question about changing a nickname",
)
add(
    "fi_earlier_pyynto_access",
    "fi",
    "own_earlier_request",
    "Poistopyyntö peruttu",
    "Hei,\nLähetin eilen poistopyynnön, mutta perun sen. Älkää poistako tiliäni; lähettäkää vain kopio "
    "tiedoistani.\nTerveisin Mika",
    {"access"},
    "the own earlier request as 'poistopyynnön' beside the access now asked: the key's wording misses it",
)
add(
    "fi_marketing_nouns",
    "fi",
    "marketing_weight",
    "",
    "Markkinointi ja uutiskirjeet eivät kiinnosta. Mainoksia ei enää tänne.\nP.",
    {"marketing_optout"},
    "an opt-out made of nouns only: no match past 0.6?",
)

# =============================================================================== Swedish
add(
    "sv_list_forsokt",
    "sv",
    "your_list",
    "",
    "Jag har försökt svara STOPP på era sms men de fortsätter komma. Ta bort mig från er lista.\nErik",
    {"marketing_optout"},
    "'sök' inside 'försökt' blocks the list rule",
)
add(
    "sv_list_utbildning",
    "sv",
    "your_list",
    "",
    "Ni skickar mig mejl om era utbildningar varje vecka. Stryk mig från er lista.\nKarin",
    {"marketing_optout"},
    "'bild' inside 'utbildningar' blocks the list rule",
)
add(
    "sv_understood_mixed",
    "sv",
    "understood",
    "",
    "Hej, jag försökte avsluta prenumerationen men det gick inte. Avmeld meg fra alle utsendelser, takk.\n"
    "Ola",
    {"marketing_optout"},
    "a sure Swedish reading that set its one match aside (a tried mention) now overrules the Norwegian "
    "rules that read the stop",
)
add(
    "sv_list_anslagstavla",
    "sv",
    "your_list",
    "",
    "Mitt namn och lägenhetsnummer står på er lista över sena hyresbetalare som sitter uppe på "
    "anslagstavlan i tvättstugan. Ta bort mig från er lista.\nLinnea",
    {"publication_optout"},
    "a list on a noticeboard: published, no excluded word",
)
add(
    "sv_list_hemsida_marketing",
    "sv",
    "your_list",
    "",
    "Jag har aldrig handlat på er hemsida men får ändå reklam från er. Ta bort mig från er lista.\nJonas",
    {"marketing_optout"},
    "a real mailing list, 'hemsida' blocks the list rule",
)
add(
    "sv_earlier_mejlade",
    "sv",
    "own_earlier_request",
    "Mitt konto",
    "Hej,\nJag mejlade er i går och bad er radera mitt konto. Strunta i det, radera ingenting, jag "
    "stannar kvar.\nMvh Sara",
    set(),
    "the own earlier request told as 'jag mejlade er ... och bad er'",
)
add(
    "sv_earlier_reminder_partial",
    "sv",
    "own_earlier_request",
    "Påminnelse",
    "Hej,\nJag bad er i april att radera mitt konto och alla mina uppgifter, men kontot finns kvar. "
    "Skicka mig först en kopia av mina uppgifter. Radera inte kvittona, dem behöver jag till "
    "deklarationen.\nMvh Ulf Berg",
    {"erasure", "access"},
    "a reminder of the own request beside a partial refusal",
)
add(
    "sv_earlier_skickade_varan",
    "sv",
    "own_earlier_request",
    "",
    "Hej,\nJag skickade tillbaka varan förra veckan och vill att ni raderar mitt konto. Radera dock inte "
    "kvittot, det behöver jag. Skicka också en kopia av mina uppgifter.\nMvh Petra",
    {"erasure", "access"},
    "'jag skickade ... att' (goods returned) matches the own-earlier-request key",
)
add(
    "sv_nagon_kraver",
    "sv",
    "relative_mention",
    "",
    "Någon ringde er förra veckan och utgav sig för att vara jag, och nu kräver jag att ni raderar mitt "
    "konto.\nAnders",
    {"erasure"},
    "the someone-called mention; the exception words lack 'kräver jag'",
)
add(
    "sv_son_vardnadshavare",
    "sv",
    "relative_mention",
    "Min sons konto",
    "Min son bad er radera hans spelkonto redan i mars. Han är 12 år och jag är hans vårdnadshavare. Se "
    "till att det blir gjort nu.\nMagnus",
    {"erasure"},
    "a guardian taking over the child's request",
)
add(
    "sv_mamma_tack",
    "sv",
    "relative_mention",
    "",
    "Min mamma bad er ändra hennes adress och nu är det fixat, tack så mycket.\nEva",
    set(),
    "the mother's request told, and thanks",
)
add(
    "sv_conditional_racka",
    "sv",
    "conditional_refusal",
    "",
    "Radera inte hela kontot, radera bara mina gamla bilder, det skulle räcka för mig.\nIda",
    {"erasure"},
    "a partial deletion asked in the refusal's sentence with a conditional",
)
add(
    "sv_so_complaint",
    "sv",
    "so_opener",
    "Raderat konto",
    "Jag bad aldrig er att radera något, så raderingen av mitt konto var ert misstag. Jag har förlorat "
    "alla mina anteckningar.\nOla",
    set(),
    "a negated match spanning ', så' and a bare stem after it: a complaint",
)
add(
    "sv_sa_nyhetsbrev",
    "sv",
    "so_opener",
    "",
    "Jag vill inte att ni raderar något, så radera bara mig från nyhetsbrevet.\nLisa",
    {"marketing_optout"},
    "the negation cleared by 'så radera': the erasure read instead of the newsletter stop?",
)
add(
    "sv_sjalv_sa",
    "sv",
    "so_opener",
    "",
    "Jag har försökt ta bort kontot själv men knappen fungerar inte, så radera mitt konto åt mig.\nNils",
    {"erasure"},
    "look-alike: the session's own fix",
)
add(
    "sv_restrict_marketing_all",
    "sv",
    "restrict_for_marketing",
    "Begränsning",
    "Hej,\nBegränsa behandlingen av mina personuppgifter för marknadsföring och allt annat tills felet i "
    "min adress är utrett.\nMvh Tove",
    {"restriction"},
    "Art 18(1)(a) restriction naming marketing among all purposes",
)
add(
    "sv_restrict_marketing_only",
    "sv",
    "restrict_for_marketing",
    "",
    "Begränsa behandlingen av mina uppgifter för direktmarknadsföring.\nTove",
    {"marketing_optout"},
    "look-alike: the session's own fix",
)
add(
    "sv_understood_fel",
    "sv",
    "understood",
    "Fel i nyhetsbrevet",
    "Hej! I gårdagens nyhetsbrev stod det att butiken har öppet till 20, men den stänger 18. Och "
    "förresten orkar jag inte med fler utskick, avprenumerera mig.\nGun",
    {"marketing_optout"},
    "a newsletter's error and a stop in the same letter",
)
add(
    "sv_quote_own",
    "sv",
    "quotation",
    "Väntar fortfarande",
    "»Jag vill att ni raderar mitt konto och alla mina uppgifter. Jag använder inte tjänsten längre.»\n\n"
    "Så skrev jag till er den 4 mars. Kontot finns fortfarande kvar.\nHelena",
    {"erasure"},
    "the writer's own request quoted whole as a reminder",
)
add(
    "sv_form_conflict",
    "sv",
    "form_fields",
    "Radering av konto",
    "Namn: Anna Berg\nE-post: anna@example.com\nÄrende: Kopia av mina uppgifter",
    {"access"},
    "a form's subject and chosen request disagree",
)
add(
    "sv_form_notice",
    "sv",
    "form_fields",
    "Rättelse av personuppgifter",
    "Ärendenummer: 5512\nStatus: Avslutat\nHandläggare: Peter",
    set(),
    "a helpdesk's closing notice in field form",
)
add(
    "sv_date_lower",
    "sv",
    "numeric_date",
    "",
    "ring mig inte mer, senast ringde ni 3.10. ta bort mitt nummer ur ert register\nkjell",
    {"marketing_optout", "erasure"},
    "a lower-case sentence after a numeric date is joined to the refusal before it",
)
add(
    "sv_ratta_hemsida",
    "sv",
    "kan_ni_ratta",
    "",
    "Det står fel öppettider för butiken i Lund på er hemsida. Kan ni rätta det?\nMvh Klara",
    set(),
    "the new 'kan ni rätta det' pattern on the company's own page",
)
add(
    "sv_wife_plus_mine",
    "sv",
    "relative_mention",
    "",
    "Min fru bad er radera hennes konto, och jag vill att ni raderar mitt också.\nHans",
    {"erasure"},
    "look-alike: the writer's own request follows",
)

# =============================================================================== German
add(
    "de_list_versucht",
    "de",
    "your_list",
    "",
    "Ich habe mehrfach versucht, auf Ihre SMS mit STOPP zu antworten, es kommen trotzdem weitere. Nehmen "
    "Sie mich aus Ihrer Liste.\nJ. Braun",
    {"marketing_optout"},
    "'such' inside 'versucht' blocks the list rule",
)
add(
    "de_list_fortbildung",
    "de",
    "your_list",
    "",
    "Sie schicken mir jede Woche Angebote für Fortbildungen. Streichen Sie mich bitte aus Ihrer Liste.\n"
    "Petra Lang",
    {"marketing_optout"},
    "'bild' inside 'Fortbildungen' blocks the list rule",
)
add(
    "de_list_aushang",
    "de",
    "your_list",
    "",
    "Mein Name steht auf Ihrer Liste der säumigen Zahler, die im Treppenhaus aushängt. Entfernen Sie "
    "mich bitte aus Ihrer Liste.\nK. Yilmaz",
    {"publication_optout"},
    "a list hung up in the stairwell: published, no excluded word",
)
add(
    "de_list_onlineshop",
    "de",
    "your_list",
    "",
    "Seit ich einmal in Ihrem Onlineshop bestellt habe, bekomme ich dauernd Werbung. Löschen Sie mich "
    "aus Ihrer Liste.\nUwe",
    {"marketing_optout"},
    "'online' inside 'Onlineshop' blocks the list rule; 'Löschen Sie mich' reads erasure",
)
add(
    "de_earlier_inverted",
    "de",
    "own_earlier_request",
    "Mein Konto",
    "Guten Tag,\ngestern habe ich Sie gebeten, mein Konto zu löschen. Bitte vergessen Sie das und löschen "
    "Sie nichts, ich bleibe Kunde.\nGruß, Jan",
    set(),
    "the own earlier request with the verb first ('habe ich Sie gebeten')",
)
add(
    "de_earlier_reminder_partial",
    "de",
    "own_earlier_request",
    "Erinnerung",
    "Guten Tag,\nich hatte Sie im März gebeten, mein Konto und alle meine Daten zu löschen, es ist aber "
    "immer noch aktiv. Schicken Sie mir vorher eine Kopie meiner Daten. Die Rechnungen bitte nicht "
    "löschen, die brauche ich für die Steuer.\nMfG Sabine Wolf",
    {"erasure", "access"},
    "a reminder of the own request beside a partial refusal",
)
add(
    "de_jemand_verlange",
    "de",
    "relative_mention",
    "",
    "Jemand hat letzte Woche eine Adressänderung beantragt, ohne mein Wissen, und nun verlange ich die "
    "Löschung meines Kontos.\nT. Schulz",
    {"erasure"},
    "the someone-applied mention; the exception words lack 'verlange ich' (verb first)",
)
add(
    "de_sohn_vater",
    "de",
    "relative_mention",
    "Konto meines Sohnes",
    "Mein Sohn hat Sie schon zweimal gebeten, sein Spielerkonto zu löschen. Er ist 12 und ich bin sein "
    "Vater. Erledigen Sie das jetzt.\nFrank Roth",
    {"erasure"},
    "a guardian taking over the child's request",
)
add(
    "de_conditional_reicht",
    "de",
    "conditional_refusal",
    "",
    "Löschen Sie bitte nicht mein ganzes Konto, sondern nur meine alte Telefonnummer, das würde mir "
    "schon reichen.\nMonika",
    {"erasure"},
    "a partial deletion asked in the refusal's sentence with a conditional",
)
add(
    "de_conditional_keep",
    "de",
    "conditional_refusal",
    "",
    "Bitte löschen Sie nichts, eine Löschung würde alle meine Fotos vernichten.\nMonika",
    set(),
    "look-alike: the refusal and its consequence",
)
add(
    "de_also_complaint",
    "de",
    "so_opener",
    "Konto gelöscht",
    "Ich habe Sie nie gebeten, etwas zu löschen, also war das Löschen meines Kontos Ihr Fehler. Alle "
    "meine Notizen sind weg.\nDirk",
    set(),
    "a negated match spanning ', also' and a bare stem after it: a complaint",
)
add(
    "de_also_real",
    "de",
    "so_opener",
    "",
    "Ich habe versucht, mein Konto in der App zu löschen, aber es klappt nicht, also löscht mein Konto "
    "bitte ihr.\nLea",
    {"erasure"},
    "look-alike: the session's own fix",
)
add(
    "de_date_lower",
    "de",
    "numeric_date",
    "",
    "Ihre App löscht ständig meine Notizen, zuletzt am 3.10. bitte beheben Sie das endlich\nRalf",
    set(),
    "the date joins the bug report to 'bitte', which undoes the 'Ihre App löscht' suppress",
)
add(
    "de_restrict_werbung_all",
    "de",
    "restrict_for_marketing",
    "Einschränkung der Verarbeitung",
    "Sehr geehrte Damen und Herren,\nich verlange die Einschränkung der Verarbeitung meiner Daten, auch "
    "für Werbezwecke, bis die Richtigkeit meiner Anschrift geklärt ist.\nMfG Ute Kraus",
    {"restriction"},
    "Art 18(1)(a) restriction naming advertising too",
)
add(
    "de_restrict_werbung_only",
    "de",
    "restrict_for_marketing",
    "",
    "Bitte schränken Sie die Verarbeitung meiner Daten für Werbezwecke ein.\nUte Kraus",
    {"marketing_optout"},
    "look-alike: the session's own fix",
)
add(
    "de_quote_own",
    "de",
    "quotation",
    "Immer noch nichts",
    "„Bitte löschen Sie mein Konto und alle meine Daten. Ich nutze den Dienst nicht mehr.“\n\nDas habe "
    "ich Ihnen am 4. März geschrieben. Passiert ist nichts.\nGerd",
    {"erasure"},
    "the writer's own request quoted whole as a reminder",
)
add(
    "de_form_conflict",
    "de",
    "form_fields",
    "Kontolöschung",
    "Name: Jana Weber\nE-Mail: jana@example.com\nAnliegen: Auskunft nach Art. 15",
    {"access"},
    "a form's subject and chosen request disagree",
)
add(
    "de_form_notice",
    "de",
    "form_fields",
    "Berichtigung Ihrer Daten",
    "Vorgang: 7781\nStatus: erledigt\nBearbeiter: Herr Klein",
    set(),
    "a helpdesk's closing notice in field form",
)
add(
    "de_bitte_korrigieren_newsletter",
    "de",
    "bitte_korrigieren",
    "",
    "In Ihrem Newsletter von heute steht beim Sommerfest das falsche Datum, bitte korrigieren.\nAnke",
    set(),
    "the new 'bitte korrigieren' pattern on the company's newsletter",
)
add(
    "de_koennten_aendern",
    "de",
    "koennten_sie_das_aendern",
    "Kündigungsfrist",
    "Ihre Kündigungsfrist von drei Monaten ist unfair. Könnten Sie das bitte ändern?\nHolger",
    set(),
    "the new 'Könnten Sie das bitte ändern' pattern on a contract term",
)
add(
    "de_wife_plus_mine",
    "de",
    "relative_mention",
    "",
    "Meine Frau hat Sie gebeten, ihr Konto zu löschen, und ich möchte, dass Sie meins ebenfalls "
    "löschen.\nAxel",
    {"erasure"},
    "look-alike: the writer's own request follows",
)
add(
    "de_earlier_inverted_access",
    "de",
    "own_earlier_request",
    "Mein Konto",
    "Guten Tag,\ngestern habe ich Sie gebeten, mein Konto zu löschen. Vergessen Sie das bitte und löschen "
    "Sie nichts; schicken Sie mir nur eine Kopie meiner Daten.\nGruß, Jan",
    {"access"},
    "the own earlier request with the verb first beside the access now asked",
)
add(
    "de_keine_hefte_ok",
    "de",
    "marketing",
    "",
    "Bitte nehmen Sie mich aus Ihrer Liste, ich möchte keine Werbemails mehr.\nSilke",
    {"marketing_optout"},
    "look-alike: a plain opt-out",
)
add(
    "de_mitglieder_webseite",
    "de",
    "your_list",
    "",
    "Bitte entfernen Sie mich aus Ihrer Mitgliederliste auf der Webseite.\nSilke",
    {"publication_optout"},
    "look-alike: a published members' list",
)

# =============================================================================== French
add(
    "fr_list_publicite",
    "fr",
    "your_list",
    "",
    "Je reçois votre publicité toutes les semaines. Retirez-moi de votre liste.\nMarc",
    {"marketing_optout"},
    "'public' inside 'publicité' blocks the list rule (no \\b after the exclusion)",
)
add(
    "fr_list_bulletin",
    "fr",
    "your_list",
    "",
    "Je ne lis jamais votre bulletin. Désinscrivez-moi de votre liste.\nSophie",
    {"marketing_optout"},
    "'bulletin' (a newsletter) is one of the excluded words",
)
add(
    "fr_list_recherche",
    "fr",
    "your_list",
    "",
    "Je suis à la recherche d'un emploi et vos offres de formation ne m'intéressent pas. Retirez-moi de "
    "votre liste.\nLéa",
    {"marketing_optout"},
    "'recherche' (job-seeking) blocks the list rule",
)
add(
    "fr_list_affiche",
    "fr",
    "your_list",
    "",
    "Mon nom figure sur votre liste des mauvais payeurs affichée dans le hall de l'immeuble. Retirez-moi "
    "de votre liste.\nK. Diallo",
    {"publication_optout"},
    "a list posted in a hall: published, no excluded word",
)
add(
    "fr_earlier_vous_ai",
    "fr",
    "own_earlier_request",
    "Mon compte",
    "Bonjour,\nJe vous ai demandé hier par téléphone de supprimer mon compte. Finalement, ne supprimez "
    "rien, je reste cliente.\nCordialement, Inès",
    set(),
    "the own earlier request as 'je vous ai demandé', which the key ('j'ai demandé') misses",
)
add(
    "fr_earlier_reminder_partial",
    "fr",
    "own_earlier_request",
    "Relance",
    "Bonjour,\nJ'ai demandé le 3 mars la suppression de mon compte et de toutes mes données, et il est "
    "toujours actif. Envoyez-moi d'abord une copie de mes données. Ne supprimez pas les factures, j'en ai "
    "besoin pour mes impôts.\nCordialement, Paul Girard",
    {"erasure", "access"},
    "a reminder of the own request beside a partial refusal",
)
add(
    "fr_quelquun_exige",
    "fr",
    "relative_mention",
    "",
    "Quelqu'un vous a écrit en se faisant passer pour moi, et j'exige maintenant la suppression de mon "
    "compte.\nNadia",
    {"erasure"},
    "the someone-wrote mention; the exception words lack 'j'exige'",
)
add(
    "fr_fils_pere",
    "fr",
    "relative_mention",
    "Compte de mon fils",
    "Mon fils vous a demandé deux fois de supprimer son compte de jeu. Il a 12 ans et je suis son père. "
    "Faites-le maintenant.\nOlivier",
    {"erasure"},
    "a guardian taking over the child's request",
)
add(
    "fr_mere_merci",
    "fr",
    "relative_mention",
    "",
    "Ma mère vous a demandé de corriger son adresse, c'est fait, merci beaucoup.\nÉmilie",
    set(),
    "look-alike: the mother's request told, and thanks",
)
add(
    "fr_conditional_partial",
    "fr",
    "conditional_refusal",
    "",
    "Ne supprimez pas mon compte ; effacez seulement mon historique de localisation, ce qui ne me ferait "
    "rien perdre d'important.\nYves",
    {"erasure"},
    "a partial deletion asked in the refusal's sentence with a conditional",
)
add(
    "fr_conditional_keep",
    "fr",
    "conditional_refusal",
    "",
    "Ne supprimez pas mon compte, cela me ferait perdre toutes mes photos.\nYves",
    set(),
    "look-alike: the refusal and its consequence",
)
add(
    "fr_donc_complaint",
    "fr",
    "so_opener",
    "Compte supprimé",
    "Je ne vous ai jamais demandé de supprimer quoi que ce soit, donc supprimer mon compte sans me "
    "prévenir était une erreur de votre part.\nAlain",
    set(),
    "a negated match spanning ', donc' and a bare stem after it: a complaint",
)
add(
    "fr_alors_complaint",
    "fr",
    "so_opener",
    "",
    "Personne ne vous a demandé d'effacer mes messages, alors effacer tout l'historique sans prévenir, "
    "c'est inadmissible.\nClaire",
    set(),
    "a negated match spanning ', alors' and a bare stem after it: a complaint",
)
add(
    "fr_donc_real",
    "fr",
    "so_opener",
    "",
    "J'ai essayé de supprimer mon compte dans l'appli, ça ne marche pas, donc supprimez-le vous-mêmes.\n"
    "Hugo",
    {"erasure"},
    "look-alike: the session's own fix",
)
add(
    "fr_restrict_pub_all",
    "fr",
    "restrict_for_marketing",
    "Limitation du traitement",
    "Madame, Monsieur,\nJe vous demande de limiter le traitement de mes données à des fins de prospection "
    "comme pour toute autre finalité, le temps que vous vérifiiez l'exactitude de mon adresse.\n"
    "Hélène Roux",
    {"restriction"},
    "Art 18(1)(a) restriction naming prospection among all purposes",
)
add(
    "fr_restrict_pub_only",
    "fr",
    "restrict_for_marketing",
    "",
    "Je vous demande de limiter le traitement de mes données à des fins de prospection.\nHélène Roux",
    {"marketing_optout"},
    "look-alike: the session's own fix",
)
add(
    "fr_quote_own",
    "fr",
    "quotation",
    "Toujours rien",
    "« Je vous demande de supprimer mon compte et toutes mes données. Je n'utilise plus votre service. »"
    "\n\nC'est ce que je vous ai écrit le 4 mars. Rien n'a bougé.\nBernard",
    {"erasure"},
    "the writer's own request quoted whole as a reminder",
)
add(
    "fr_form_conflict",
    "fr",
    "form_fields",
    "Suppression de compte",
    "Nom: Claire Martin\nE-mail: claire@example.com\nDemande: copie de mes données",
    {"access"},
    "a form's subject and chosen request disagree",
)
add(
    "fr_form_notice",
    "fr",
    "form_fields",
    "Rectification de vos données",
    "Dossier: 7781\nStatut: clôturé\nAgent: M. Petit",
    set(),
    "a helpdesk's closing notice in field form",
)
add(
    "fr_photo_identite",
    "fr",
    "photo_publication",
    "",
    "Je vous demande de supprimer ma photo d'identité de votre dossier client, vous n'en avez plus "
    "besoin.\nSerge",
    {"erasure"},
    "the new 'supprimer ma photo' publication pattern on an ID photo in a client file",
)
add(
    "fr_nos_frais",
    "fr",
    "nos_coordonnees",
    "Double facturation",
    "Vous nous avez facturé deux fois ce mois-ci. Pouvez-vous supprimer ces frais de notre compte ?\n"
    "SARL Dupuis",
    set(),
    "the new 'supprimer ... notre compte' erasure pattern on a billing error",
)
add(
    "fr_possible_corriger_prix",
    "fr",
    "possible_de_corriger",
    "",
    "Le prix affiché pour le modèle X200 dans votre magasin est faux, serait-il possible de le corriger ?"
    "\nMaxime",
    set(),
    "the new 'possible de le corriger' pattern on a shop's price tag",
)
add(
    "fr_mari_merci",
    "fr",
    "relative_mention",
    "",
    "Mon mari vous a demandé la suppression de son ancien compte, c'est fait, merci pour votre rapidité.\n"
    "Chantal",
    set(),
    "the husband's request told; the right's words start inside 'vous a demandé'",
)
add(
    "fr_membres_site",
    "fr",
    "your_list",
    "",
    "Retirez-moi de votre liste des membres publiée sur le site.\nLuc",
    {"publication_optout"},
    "look-alike: a published members' list",
)
