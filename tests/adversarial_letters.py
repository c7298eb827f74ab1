"""Letters written in the seventh session by a reviewer who read that session's classifier
changes and aimed at their weak side (tests/test_classify_adversarial.py): each one probes one
change; `want` are the rights it must read, `bad` the destructive rights it must not.
Our own writing, not copied."""

# probe: the change each letter aims at.
L = []


def add(id, probe, subject, text, want=(), bad=()):
    L.append(dict(id=id, probe=probe, subject=subject, text=text, want=set(want), bad=set(bad)))


# ---------------------------------------------------------------- negation_wish (real requests)
add(
    "en_wish_so",
    "negation_wish",
    "My data",
    "Hi,\n\nI cancelled my subscription last month. I don't want your company holding my details "
    "any longer so please delete everything you have on me.\n\nThanks,\nMark Ellis",
    want={"erasure"},
)
add(
    "en_wish_never",
    "negation_wish",
    "",
    "Hello, my brother set up this account using my email. I never wanted this account so delete it "
    "and all my information please.\nRegards, Tom",
    want={"erasure"},
)
add(
    "en_wish_rect",
    "negation_wish",
    "Address",
    "Hello,\nI moved in March. I don't want any more letters going to my old flat so please update "
    "my address to 14 Mill Lane, Leeds LS6 2AB.\nThanks, Priya Shah",
    want={"rectification"},
)
add(
    "de_wish_und",
    "negation_wish",
    "Löschung",
    "Sehr geehrte Damen und Herren,\n\nich möchte nicht, dass meine Daten weiter gespeichert werden "
    "und verlange deren Löschung.\n\nMit freundlichen Grüßen\nKarin Vogt",
    want={"erasure"},
)
add(
    "fr_wish_et",
    "negation_wish",
    "Mon compte",
    "Bonjour,\n\nJe ne souhaite plus être client chez vous et je vous demande de supprimer mon compte "
    "ainsi que toutes mes données.\n\nCordialement,\nJulien Marchand",
    want={"erasure"},
)
add(
    "fr_wish_et2",
    "negation_wish",
    "",
    "Madame, Monsieur,\nJe ne veux plus avoir affaire à votre société et vous demande d'effacer "
    "toutes mes données personnelles de vos fichiers.\nSophie Lambert",
    want={"erasure"},
)
add(
    "sv_wish_sa",
    "negation_wish",
    "Mitt konto",
    "Hej!\nJag vill inte ha något mer med er att göra så radera mitt konto och alla mina uppgifter.\n"
    "/Lena Holm",
    want={"erasure"},
)
add(
    "sv_wish_rect",
    "negation_wish",
    "Fel adress",
    "Hej,\nJag vill inte att fler brev hamnar hos fel person så ändra min adress till Storgatan 5, "
    "411 38 Göteborg.\nMvh Erik Lund",
    want={"rectification"},
)
add(
    "fi_wish_joten",
    "negation_wish",
    "tili",
    "moi\nen halua enää olla teidän asiakas joten poistakaa kaikki mun tiedot\nt. Jari",
    want={"erasure"},
)
add(
    "fi_wish_formal",
    "negation_wish",
    "Tietojeni poistaminen",
    "Hei,\nEn halua että tietojani säilytetään teillä enää joten poistakaa ne kaikki.\nTerveisin "
    "Satu Laine",
    want={"erasure"},
)

# ---------------------------------------------------------------- list_tail (real requests)
add(
    "en_list",
    "list_tail",
    "Stop",
    "Please stop emailing me, don't call me, and delete all my details.\nJ. Carter",
    want={"erasure"},
)
add(
    "de_list",
    "list_tail",
    "Kontakt",
    "Guten Tag,\nbitte kontaktieren Sie mich nicht mehr, und löschen Sie alle meine Daten.\n"
    "Gruß, Peter Brandt",
    want={"erasure"},
)
add(
    "fr_list",
    "list_tail",
    "",
    "Bonjour,\nNe m'appelez plus, ne m'écrivez plus, et supprimez définitivement mes coordonnées "
    "de votre fichier.\nM. Roux",
    want={"erasure"},
)
add(
    "sv_list",
    "list_tail",
    "",
    "Hej,\nKontakta mig inte igen, och radera alla mina uppgifter.\nAnna Berg",
    want={"erasure"},
)
add(
    "fi_list",
    "list_tail",
    "",
    "Hei,\nälkää soittako minulle, ja poistakaa puhelinnumeroni ja muut tietoni rekisteristänne.\n"
    "Mikko Heikkinen",
    want={"erasure"},
)
add(
    "en_list_rect",
    "list_tail",
    "Wrong address",
    "Hello,\nDon't send anything to my old address, and update my address to 5 Park Road, "
    "York YO1 7HH.\nThanks, Dan Webb",
    want={"rectification"},
)

# ---------------------------------------------------------------- _refused_destructive (real requests)
add(
    "en_refuse_access_del",
    "refusal",
    "Subject access request",
    "Dear Sir or Madam,\n\nPlease send me a copy of all personal data you hold about me. Please "
    "also delete my old mobile number 07700 900123 from your records, I no longer use it. Do not "
    "delete my account, I still use it.\n\nKind regards,\nHelen Moss",
    want={"access", "erasure"},
)
add(
    "de_refuse_access_del",
    "refusal",
    "Auskunft nach Art. 15 DSGVO",
    "Sehr geehrte Damen und Herren,\n\nbitte senden Sie mir eine Kopie aller zu meiner Person "
    "gespeicherten Daten. Außerdem bitte ich Sie, meine alte Bankverbindung zu löschen. Mein "
    "Kundenkonto selbst löschen Sie bitte nicht.\n\nMit freundlichen Grüßen\nThomas Krüger",
    want={"access", "erasure"},
)
add(
    "fr_refuse_access_rect",
    "refusal",
    "Demande d'accès",
    "Bonjour,\n\nMerci de me transmettre une copie de mes données personnelles. Par ailleurs, mon "
    "adresse est erronée : merci de la corriger, j'habite désormais 12 rue des Lilas, 69003 Lyon. "
    "Ne modifiez rien d'autre dans mon dossier.\n\nCordialement,\nAnne Dupont",
    want={"access", "rectification"},
)
add(
    "en_refuse_main_rect",
    "refusal",
    "",
    "Hi, my date of birth is wrong on my account: it says 1987, it should be 1978. Please don't "
    "change anything else. And send me a copy of what you hold on me.\nRuth Green",
    want={"rectification"},
)
add(
    "sv_refuse_main_rect",
    "refusal",
    "",
    "Hej, mitt efternamn är felstavat hos er, det ska vara Sjöberg och inte Sjöborg. Ändra inget "
    "annat på mitt konto. Skicka också en kopia av mina personuppgifter.\nKarin Sjöberg",
    want={"rectification"},
)
add(
    "fi_refuse_further",
    "refusal",
    "Tarkastuspyyntö",
    "Hei,\nhaluan kopion kaikista minua koskevista tiedoista. Poistakaa myös vanha "
    "puhelinnumeroni 040 123 4567, mutta älkää poistako asiakastiliäni.\nTerveisin Anu Koski",
    want={"access", "erasure"},
)
add(
    "en_refuse_marketing",
    "refusal",
    "Unsubscribe",
    "Please remove me from your mailing list and delete my email address from your systems. Don't "
    "delete my customer account though, I still order from you.\nThanks, Olivia Reed",
    want={"erasure"},
)
add(
    "de_refuse_consent",
    "refusal",
    "Widerruf meiner Einwilligung",
    "Sehr geehrte Damen und Herren,\n\nhiermit widerrufe ich meine Einwilligung zur Nutzung meiner "
    "Daten für Werbung und bitte um Löschung meiner Daten aus Ihrem Werbeverteiler. Meine Rechnungen "
    "löschen Sie bitte nicht, die brauche ich für die Steuer.\n\nMit freundlichen Grüßen\nJana Roth",
    want={"erasure"},
)

# ---------------------------------------------------------------- _quoted (real requests quoted)
add(
    "en_quote_reminder",
    "quoted",
    "Second request - no reply",
    'Hello,\n\nOn 2 March I sent you the following: "Please delete my account (username: kittyk92) '
    'and all personal data you hold about me." I have had no reply and it has now been over a '
    "month. Please confirm when this will be done.\n\nRegards,\nKate Lowe",
    want={"erasure"},
)
add(
    "fr_quote_own",
    "quoted",
    "Relance",
    "Bonjour,\n\nMa demande est pourtant simple : « Supprimez mon compte et toutes les données qui y "
    "sont liées. » Je n'ai toujours pas de réponse.\n\nPaul Girard",
    want={"erasure"},
)
add(
    "sv_quote_own",
    "quoted",
    "Påminnelse",
    "Hej,\nJag skrev till er redan i maj: ”Jag vill att ni raderar mitt konto och alla mina "
    "personuppgifter.” Jag har fortfarande inte fått något svar, så jag upprepar min begäran.\n"
    "Maria Ek",
    want={"erasure"},
)
add(
    "de_quote_own",
    "quoted",
    "Erinnerung",
    "Sehr geehrte Damen und Herren,\n\nich wiederhole meine Forderung vom Mai: „Löschen Sie "
    "sämtliche zu meiner Person gespeicherten Daten.“ Eine Antwort habe ich bis heute nicht "
    "erhalten.\n\nFrank Weber",
    want={"erasure"},
)
add(
    "fi_quote_own",
    "quoted",
    "Muistutus",
    'Hei,\nkirjoitin teille jo huhtikuussa: "Pyydän poistamaan kaikki minua koskevat tiedot '
    'rekisteristänne." Vastausta ei ole kuulunut.\nLeena Aho',
    want={"erasure"},
)
add(
    "en_quote_policy_own",
    "quoted",
    "",
    'Dear team,\nAs your own privacy policy says, "you may ask us at any time to delete your '
    'personal data", and that is exactly what I am doing with this email.\nBest, Alan Price',
    want={"erasure"},
)
add(
    "en_quote_name",
    "quoted",
    "Wrong surname",
    'Hello, my surname is "Nyström", not "Nystrom". Please correct this in your records.\n'
    "Thanks, Eva Nyström",
    want={"rectification"},
)
add(
    "sv_quote_name",
    "quoted",
    "",
    "Hej! Mitt efternamn stavas ”Lindqvist” och inte ”Lindkvist” som ni har skrivit. Rätta det, tack.\n"
    "Johan Lindqvist",
    want={"rectification"},
)
add(
    "de_quote_name",
    "quoted",
    "",
    "Guten Tag, mein Nachname lautet „Schmidt-Bauer“ und nicht „Schmid-Bauer“. Bitte korrigieren "
    "Sie das.\nMfG Lisa Schmidt-Bauer",
    want={"rectification"},
)
add(
    "fi_quote_name",
    "quoted",
    "",
    'Hei, sukunimeni on "Mäkinen" eikä "Mäkelä" niin kuin teillä lukee. Korjatkaa se.\n'
    "Tiina Mäkinen",
    want={"rectification"},
)

# ---------------------------------------------------------------- third-person offers (suppress_all)
add(
    "en_offer_agent",
    "offer_suppress",
    "",
    "Hello,\nThe agent on the phone suggested that I put this in writing, so I am asking you to "
    "delete my account and all my data.\nThanks, Rachel Burns",
    want={"erasure"},
)
add(
    "en_offer_staff",
    "offer_suppress",
    "Request",
    "Hi, your support staff advised me to email this address, so here it is: please erase all "
    "personal data you hold about me.\nSam Oduya",
    want={"erasure"},
)
add(
    "de_offer",
    "offer_suppress",
    "",
    "Sehr geehrte Damen und Herren,\nIhr Kundenservice hat mir empfohlen, mich schriftlich an Sie "
    "zu wenden, daher bitte ich hiermit um die Löschung meines Kontos und aller meiner Daten.\n"
    "Mit freundlichen Grüßen\nUwe Lang",
    want={"erasure"},
)
add(
    "fr_offer",
    "offer_suppress",
    "",
    "Bonjour,\nVotre conseiller m'a conseillé de vous écrire à cette adresse, je vous demande donc "
    "de supprimer mon compte et toutes mes données.\nCordialement, Claire Fabre",
    want={"erasure"},
)
add(
    "sv_offer",
    "offer_suppress",
    "",
    "Hej,\nKundtjänst rådde mig att mejla hit, så jag ber er radera mitt konto och alla "
    "uppgifter ni har om mig.\nMvh Sara Nilsson",
    want={"erasure"},
)
add(
    "fi_offer",
    "offer_suppress",
    "",
    "Hei,\nasiakaspalvelunne neuvoi lähettämään tämän tähän osoitteeseen, joten pyydän poistamaan "
    "kaikki tietoni rekisteristänne.\nTerveisin Pekka Salo",
    want={"erasure"},
)
add(
    "en_offer_rect",
    "offer_suppress",
    "",
    "Hi, the receptionist suggested that I email you directly, so please correct my date of birth "
    "to 14/02/1990, it is wrong in your system.\nThanks, Amy Cole",
    want={"rectification"},
)

# ---------------------------------------------------------------- "I tried to" mention
add(
    "en_tried",
    "tried_mention",
    "",
    "Hi, I tried to delete my account in the app but the button does nothing, so I need you to "
    "delete it and all my data for me.\nBen Turner",
    want={"erasure"},
)
add(
    "en_tried_rect",
    "tried_mention",
    "",
    "Hello, I have tried to update my address online several times without success so I am "
    "asking you to change my address to 22 Elm Street, Bristol BS1 4DJ.\nNina Hart",
    want={"rectification"},
)
add(
    "fr_tried",
    "tried_mention",
    "",
    "Bonjour,\nJ'ai essayé de supprimer mon compte depuis l'application sans succès, je vous "
    "demande donc de supprimer mon compte et toutes mes données vous-mêmes.\nLucas Petit",
    want={"erasure"},
)
add(
    "sv_tried",
    "tried_mention",
    "",
    "Hej, jag har försökt radera kontot i appen men det går inte, så radera mitt konto och alla "
    "mina uppgifter åt mig.\n/Oskar",
    want={"erasure"},
)
add(
    "fi_tried",
    "tried_mention",
    "",
    "Hei, yritin poistaa tilin sovelluksessa mutta se ei onnistu, joten poistakaa tilini ja kaikki "
    "tietoni.\nVille",
    want={"erasure"},
)
add(
    "de_tried",
    "tried_mention",
    "",
    "Hallo, ich habe mehrfach versucht, mein Konto in der App zu löschen, es klappt nicht, also "
    "löscht mein Konto und alle meine Daten.\nGruß Timo",
    want={"erasure"},
)

# ---------------------------------------------------------------- under the right to X
add(
    "en_under_right_erasure",
    "exercise",
    "",
    "Dear Sir/Madam,\nUnder the right to erasure I am asking you to delete my account and the "
    "data linked to it.\nYours faithfully, George Hill",
    want={"erasure"},
)
add(
    "en_no_request_under",
    "exercise",
    "Access request",
    "Dear DPO,\nPlease send me a copy of all my personal data. At this stage I am making no request "
    "under the right to erasure; I only want to see what you hold.\nRegards, Irene Fox",
    want={"access"},
    bad={"erasure"},
)
add(
    "de_grundlage_only",
    "exercise",
    "Auskunft",
    "Sehr geehrte Damen und Herren,\nich bitte um Auskunft über meine gespeicherten Daten. Ich "
    "stelle keinen Antrag auf Grundlage des Rechts auf Löschung, es geht mir nur um die Auskunft.\n"
    "MfG Stefan Wolf",
    want={"access"},
    bad={"erasure"},
)
add(
    "en_request_under_rect_story",
    "exercise",
    "Access request",
    "Dear team,\nI am requesting a copy of my data. Last year my mother sent you requests under the "
    "right to rectification and the right to erasure on my behalf, and I want to know how they "
    "were handled.\nBest, Carl Moore",
    want={"access"},
    bad={"erasure", "rectification"},
)

# ---------------------------------------------------------------- public_place
add(
    "en_public_google_name",
    "public_place",
    "",
    "Hi, when I google my name the first result is my old profile on your site. I want my data "
    "deleted from your database entirely, not just hidden from search.\nLaura Kent",
    want={"erasure"},
)
add(
    "en_public_broker",
    "public_place",
    "Delete my information",
    "Your website says you collect information from publicly available sources. I found my home "
    "address and phone number on your site. Delete my personal information from your database.\n"
    "Mark Stone",
    want={"erasure"},
)
add(
    "en_public_found_contact",
    "public_place",
    "Erasure",
    "Hello, I found this email address through Google. Please delete my customer data, including "
    "my address and phone number, from your systems.\nKind regards, Jo Baker",
    want={"erasure"},
)
add(
    "de_public_found",
    "public_place",
    "Löschung",
    "Guten Tag,\nIhre Datenschutz-Adresse habe ich über Google gefunden. Bitte löschen Sie meine "
    "Kundendaten vollständig aus Ihrem System.\nMfG Heike Braun",
    want={"erasure"},
)
add(
    "fr_public_found",
    "public_place",
    "",
    "Bonjour,\nJ'ai trouvé votre adresse e-mail sur Google. Je vous demande d'effacer mes données "
    "personnelles de votre fichier clients.\nCordialement, Marc Blanc",
    want={"erasure"},
)
add(
    "sv_public_found",
    "public_place",
    "",
    "Hej,\nJag hittade er mejladress via Google. Radera mina personuppgifter ur ert kundregister.\n"
    "Per Ström",
    want={"erasure"},
)
add(
    "fi_public_found",
    "public_place",
    "",
    "Hei,\nlöysin tämän osoitteen Googlesta. Pyydän poistamaan henkilötietoni "
    "asiakasrekisteristänne.\nRiikka Nieminen",
    want={"erasure"},
)

# ---------------------------------------------------------------- spanning negations cleared (no erasure asked)
add(
    "en_span_erasure_would",
    "clear_spanning",
    "Access request",
    "Hello,\nPlease don't erase my profile, erasure would wipe out all my history with you. I only "
    "want a copy of the data you hold on me.\nGreg Hall",
    want={"access"},
    bad={"erasure"},
)
add(
    "en_span_deletion",
    "clear_spanning",
    "Copy of my data",
    "Hi,\nDo not delete anything, a deletion now would cost me all my loyalty points. For now I just "
    "want a copy of my data.\nSue Ward",
    want={"access"},
    bad={"erasure"},
)
add(
    "de_span",
    "clear_spanning",
    "Auskunft",
    "Hallo,\nbitte löschen Sie nichts, eine Löschung würde alle meine Fotos vernichten. Ich möchte "
    "nur wissen, welche Daten Sie über mich gespeichert haben.\nGruß Jens Otto",
    want={"access"},
    bad={"erasure"},
)
add(
    "fr_span",
    "clear_spanning",
    "Accès",
    "Bonjour,\nNe supprimez surtout pas mon compte, la suppression de mes données me ferait perdre "
    "mes photos. Je veux seulement une copie de mes données.\nNadia Haddad",
    want={"access"},
    bad={"erasure"},
)
add(
    "sv_span",
    "clear_spanning",
    "Registerutdrag",
    "Hej,\nRadera inte mitt konto, en radering skulle göra att jag förlorar alla mina bilder. Jag "
    "vill bara ha ett registerutdrag.\nLinda Ås",
    want={"access"},
    bad={"erasure"},
)
add(
    "fi_span",
    "clear_spanning",
    "Tarkastuspyyntö",
    "Hei,\nälkää poistako tiliäni, poistaminen hävittäisi kaikki kuvani. Haluan vain kopion "
    "tiedoistani.\nSari Lehto",
    want={"access"},
    bad={"erasure"},
)

# ---------------------------------------------------------------- deferral hides a refusal (no erasure asked)
add(
    "en_defer_story",
    "deferral",
    "Please don't",
    "Hello,\nMy ex-partner emailed you last week asking you to delete my account. Please do not "
    "delete my account, I have used it every day until now and want to keep it. Instead please "
    "send me a copy of all data you have on me.\nChris Doyle",
    want={"access"},
    bad={"erasure"},
)
add(
    "fr_defer_story",
    "deferral",
    "Mon compte",
    "Bonjour,\nMon fils vous a demandé de supprimer mon compte sans me prévenir. Ne supprimez pas "
    "mon compte, même si je ne m'y connecte qu'une fois par mois. Envoyez-moi plutôt une copie de "
    "mes données.\nMichel Faure",
    want={"access"},
    bad={"erasure"},
)
add(
    "de_defer_story",
    "deferral",
    "Mein Konto",
    "Hallo,\nmein Sohn hat Sie gebeten, mein Konto zu löschen. Löschen Sie mein Konto bitte nicht, "
    "ich habe davon erst nach einer Woche erfahren. Schicken Sie mir stattdessen eine Kopie meiner "
    "Daten.\nGerda Fuchs",
    want={"access"},
    bad={"erasure"},
)
add(
    "sv_defer_story",
    "deferral",
    "Mitt konto",
    "Hej,\nmin man bad er radera mitt konto. Radera inte mitt konto, jag såg hans mejl först efter "
    "en vecka. Skicka mig i stället en kopia av mina uppgifter.\nEva Lind",
    want={"access"},
    bad={"erasure"},
)
add(
    "fi_defer_story",
    "deferral",
    "Tilini",
    "Hei,\npoikani pyysi teitä poistamaan tilini. Älkää poistako tiliäni, huomasin asian vasta kun "
    "palasin lomalta. Lähettäkää minulle sen sijaan kopio tiedoistani.\nAila Virta",
    want={"access"},
    bad={"erasure"},
)
add(
    "en_defer_real",
    "deferral",
    "Export then delete",
    "Hi,\nPlease send me all my data in a machine-readable format. Do not delete my account until I "
    "have confirmed that I received the file, then delete it.\nTara Quinn",
    want={"portability", "erasure"},
)

# ---------------------------------------------------------------- new suppress / negation words (real requests)
add(
    "en_will_delete",
    "suppress_consequence",
    "Close my account",
    "Hi,\nI understand this will delete all my saved games, that's fine - delete my account and "
    "all my data.\nLiam",
    want={"erasure"},
)
add(
    "en_not_an_option",
    "suppress_out_of_question",
    "",
    "Please delete all my data, keeping it is not an option for me after what happened.\nZoe Grant",
    want={"erasure"},
)
add(
    "fr_pas_question",
    "suppress_pas_question",
    "",
    "Bonjour,\nJe veux que vous supprimiez mon compte, pas question que vous gardiez mes données "
    "après ça.\nKarim Benali",
    want={"erasure"},
)
add(
    "fr_done_never",
    "suppress_told_as_done",
    "Rectification",
    "Bonjour,\nMon nom n'a jamais été corrigé malgré trois relances : corrigez-le immédiatement, "
    "c'est Lefèvre et non Lefebvre.\nAnne Lefèvre",
    want={"rectification"},
)
add(
    "de_hat_geaendert",
    "suppress_told_as_done",
    "Namensänderung",
    "Guten Tag,\nmein Nachname hat sich durch Heirat geändert, er lautet jetzt Becker statt Wagner; "
    "ändern Sie das in Ihrer Kundendatei.\nMaria Becker",
    want={"rectification"},
)
add(
    "de_ihre_angaben",
    "suppress_your_answer",
    "Falsches Geburtsdatum",
    "Sehr geehrte Damen und Herren,\nbitte korrigieren Sie Ihre Angaben zu meiner Person: mein "
    "Geburtsdatum ist der 12.03.1980, nicht der 21.03.1980.\nMfG Olaf Kern",
    want={"rectification"},
)
add(
    "de_loeschen_lassen",
    "suppress_had_deleted",
    "Konto",
    "Hallo,\nich habe keine Lust mehr auf Ihren Service und will mein Konto samt allen Daten "
    "löschen lassen.\nGruß Sven",
    want={"erasure"},
)
add(
    "sv_bor_ratta",
    "suppress_bug_suggestion",
    "Fel personnummer",
    "Hej,\nNi har skrivit fel personnummer på mig. Ni bör rätta mitt personnummer omgående, det ska "
    "vara 850412-1234.\nMvh Ali Hassan",
    want={"rectification"},
)
add(
    "sv_sjalv_avslutade",
    "suppress_self_deleted",
    "",
    "Hej,\nJag avslutade abonnemanget själv i januari, så radera alla mina uppgifter nu.\nIda",
    want={"erasure"},
)
add(
    "sv_inget_annat",
    "negation_after_inget",
    "",
    "Hej, mitt efternamn är nu Berg efter giftermålet. Ändra inget annat än efternamnet på mitt "
    "konto.\nSofia Berg",
    want={"rectification"},
)
add(
    "sv_ni_har_ratt",
    "second_person_mention",
    "",
    "Hej,\nNi har rätt i att jag var kund hos er fram till 2019, men nu vill jag att ni raderar mitt "
    "konto och alla mina uppgifter.\nMvh Göran",
    want={"erasure"},
)
add(
    "fi_sloppy_en_halua",
    "negation_after_fi",
    "",
    "moi poistakaa mun tiedot en halua enää mitään postia teiltä\nt. Kimmo",
    want={"erasure"},
)
add(
    "fi_ei_kay",
    "negation_after_fi",
    "",
    "Hei poistakaa kaikki tietoni koska tämä ei käy enää\nMarjo",
    want={"erasure"},
)

# ---------------------------------------------------------------- new informal patterns (no erasure/rectification asked)
add(
    "de_app_loescht",
    "informal_imperative",
    "Auskunft",
    "Hallo,\nIhre App löscht ständig meine Daten, seit dem letzten Update ist alles weg. Ich möchte "
    "wissen, welche Daten Sie über mich gespeichert haben.\nGruß Nico",
    want={"access"},
    bad={"erasure"},
)
add(
    "de_aktualisiert_adresse",
    "informal_imperative",
    "Widerspruch",
    "Sehr geehrte Damen und Herren,\nIhre Software aktualisiert die Adresse Ihrer Kunden "
    "automatisch aus dem Melderegister. Dem widerspreche ich für meine Daten.\nMfG Ralf Sommer",
    want={"objection"},
    bad={"rectification"},
)

# ================================================================ batch 2
# spanning negation cleared, erasure main (no subject naming another right)
add(
    "en_span_main",
    "clear_spanning",
    "My account",
    "Hello,\nI got your notice that inactive accounts will be removed. Please don't erase my "
    "profile, erasure would wipe out all my history with you. Also, could you send me a copy of my "
    "data?\nGreg Hall",
    want={"access"},
    bad={"erasure"},
)
add(
    "en_span_alone",
    "clear_spanning",
    "",
    "Hi,\nI saw the message in the app about closing old accounts. Please do not delete my account, "
    "a deletion would mean losing all my photos. I will log in this week.\nMaya",
    bad={"erasure"},
)
add(
    "sv_span2",
    "clear_spanning",
    "",
    "Hej,\nRadera inte kontot, raderingen skulle ta bort alla mina bilder. Jag loggar in i helgen.\n"
    "Linda",
    bad={"erasure"},
)
add(
    "de_span2",
    "clear_spanning",
    "",
    "Hallo,\nbitte löschen Sie nichts, eine Löschung meiner Daten würde alle meine Fotos vernichten. "
    "Ich melde mich diese Woche wieder an.\nJens",
    bad={"erasure"},
)
add(
    "fi_span2",
    "clear_spanning",
    "",
    "Hei,\nälkää poistako mitään, poistaminen veisi kaikki tietoni. Kirjaudun sisään tällä viikolla.\n"
    "Sari",
    bad={"erasure"},
)
add(
    "fr_span2",
    "clear_spanning",
    "",
    "Bonjour,\nNe supprimez pas mon compte, la suppression de mes données me ferait perdre toutes mes "
    "photos. Je me reconnecte cette semaine.\nNadia",
    bad={"erasure"},
)

# deferral controls: the same letters without the deferring word
add(
    "en_defer_story_ctrl",
    "deferral_control",
    "Please don't",
    "Hello,\nMy ex-partner emailed you last week asking you to delete my account. Please do not "
    "delete my account, I use it every day and want to keep it. Instead please "
    "send me a copy of all data you have on me.\nChris Doyle",
    want={"access"},
    bad={"erasure"},
)
add(
    "fr_defer_story_ctrl",
    "deferral_control",
    "Mon compte",
    "Bonjour,\nMon fils vous a demandé de supprimer mon compte sans me prévenir. Ne supprimez pas "
    "mon compte, même si je ne m'y connecte pas souvent. Envoyez-moi plutôt une copie de "
    "mes données.\nMichel Faure",
    want={"access"},
    bad={"erasure"},
)
add(
    "de_defer_story_ctrl",
    "deferral_control",
    "Mein Konto",
    "Hallo,\nmein Sohn hat Sie gebeten, mein Konto zu löschen. Löschen Sie mein Konto bitte nicht, "
    "ich habe davon nichts gewusst. Schicken Sie mir stattdessen eine Kopie meiner "
    "Daten.\nGerda Fuchs",
    want={"access"},
    bad={"erasure"},
)
add(
    "sv_defer_story_ctrl",
    "deferral_control",
    "Mitt konto",
    "Hej,\nmin man bad er radera mitt konto. Radera inte mitt konto, jag visste inget om hans mejl. "
    "Skicka mig i stället en kopia av mina uppgifter.\nEva Lind",
    want={"access"},
    bad={"erasure"},
)
add(
    "fi_defer_story_ctrl",
    "deferral_control",
    "Tilini",
    "Hei,\npoikani pyysi teitä poistamaan tilini. Älkää poistako tiliäni, en tiennyt asiasta mitään. "
    "Lähettäkää minulle sen sijaan kopio tiedoistani.\nAila Virta",
    want={"access"},
    bad={"erasure"},
)
# deferral: real erasure after export
add(
    "sv_defer_real",
    "deferral",
    "Flytt av data",
    "Hej,\nSkicka mig alla mina uppgifter i ett maskinläsbart format. Radera inte mitt konto förrän "
    "jag har bekräftat att filen kommit fram, sedan ska allt bort.\nTove",
    want={"portability", "erasure"},
)
add(
    "de_defer_real",
    "deferral",
    "Datenübertragung und Löschung",
    "Hallo,\nbitte schicken Sie mir meine Daten in einem maschinenlesbaren Format. Löschen Sie mein "
    "Konto erst, wenn ich den Empfang bestätigt habe.\nGruß Ute",
    want={"portability", "erasure"},
)
add(
    "fr_defer_real",
    "deferral",
    "Portabilité puis suppression",
    "Bonjour,\nMerci de m'envoyer mes données dans un format lisible par machine. Ne supprimez mon "
    "compte qu'après confirmation de ma part que j'ai bien reçu le fichier.\nLéa",
    want={"portability", "erasure"},
)

# exercise (b): a right named in a story after 'requests under the'
add(
    "en_exercise_story",
    "exercise",
    "Copy of my data",
    "Hello,\nI am writing a thesis on how companies deal with requests under the right to be "
    "forgotten. For myself, I'd just like a copy of the personal data you hold about me.\n"
    "Best, Hanna Berg",
    want={"access"},
    bad={"erasure"},
)
add(
    "en_exercise_story2",
    "exercise",
    "",
    "Hi,\nMy neighbour keeps telling me about her requests under the right to be forgotten, but I "
    "am happy with your service. I only want to know what data you keep about me.\nPaula",
    want={"access"},
    bad={"erasure"},
)
add(
    "de_exercise_story",
    "exercise",
    "Auskunft",
    "Hallo,\nich schreibe eine Hausarbeit über Anträge in Ausübung des Rechts auf Vergessenwerden. "
    "Für mich selbst möchte ich nur Auskunft, welche Daten Sie über mich gespeichert haben.\n"
    "Gruß Lea",
    want={"access"},
    bad={"erasure"},
)

# suppress consequence, second attempt
add(
    "en_will_remove",
    "suppress_consequence",
    "Account deletion",
    "Hello,\nPlease delete my account and all my data, even though this will remove my saved games "
    "and my credit.\nThanks, Liam",
    want={"erasure"},
)
add(
    "en_will_remove2",
    "suppress_consequence",
    "",
    "Hello,\nPlease delete my account and all my data, even though this will remove my saved games "
    "and my credit.\nThanks, Liam",
    want={"erasure"},
)
# sv 'inget' after the verb
add(
    "sv_inget2",
    "negation_after_inget",
    "Nytt efternamn",
    "Hej! Jag har gift mig och heter nu Berg. Uppdatera inget annat än efternamnet i mitt konto.\n"
    "Sofia Berg",
    want={"rectification"},
)
add(
    "sv_inget3",
    "negation_after_inget",
    "",
    "Hej, radera inget annat än mitt gamla telefonnummer ur ert register, kontot vill jag behålla.\n"
    "Mvh Kalle",
    want={"erasure"},
)
# second person 'you have the' + match
add(
    "en_you_have_the",
    "second_person_mention",
    "",
    "Hello,\nYou have the data of my late father in your customer system and I want you to delete "
    "it, he died in January.\nRegards, Joan Wells",
    want={"erasure"},
)
add(
    "sv_du_har_ratt",
    "second_person_mention",
    "",
    "Hej Anna på kundtjänst,\nDu har rätt i att jag fortfarande har ett konto, men radera det och "
    "alla mina uppgifter nu.\nMvh Bengt",
    want={"erasure"},
)
add(
    "sv_ni_har_ratt_rect",
    "second_person_mention",
    "",
    "Hej,\nNi har rätt namn på mig men fel adress, ändra min adress till Storgatan 12, 753 20 "
    "Uppsala.\nMvh Kerstin",
    want={"rectification"},
)
# negation_wish more
add(
    "en_wish_wish",
    "negation_wish",
    "",
    "Dear Sir,\nI do not wish to remain on your database therefore please erase all my personal "
    "data.\nYours faithfully, R. Patel",
    want={"erasure"},
)
add(
    "fi_wish_sloppy2",
    "negation_wish",
    "",
    "en halua enää mitään teiltä poistakaa mun tiedot ja tili\nMarko",
    want={"erasure"},
)
add(
    "de_wish_und2",
    "negation_wish",
    "Konto",
    "Hallo,\nich will nicht, dass Sie meine Nummer noch länger haben und bitte Sie, mein Konto und "
    "alle meine Daten zu löschen.\nGruß Bernd",
    want={"erasure"},
)

# ================================================================ batch 3: silent misses (another right read, no review)
add(
    "en_tried_access",
    "tried_mention",
    "Subject access request",
    "Hello,\nPlease send me a copy of all personal data you hold about me. I tried to delete my "
    "account in the app as well but it just shows an error, so I need you to delete the account "
    "and all my data for me.\nRegards, Dev Patel",
    want={"access", "erasure"},
)
add(
    "de_tried_access",
    "tried_mention",
    "Auskunft und Löschung",
    "Hallo,\nich möchte wissen, welche Daten Sie über mich gespeichert haben. Ich habe auch "
    "versucht, mein Konto selbst zu löschen, das geht aber nicht, also löscht mein Konto und alle "
    "meine Daten.\nGruß Timo Berg",
    want={"access", "erasure"},
)
add(
    "fr_tried_access",
    "tried_mention",
    "Demande d'accès",
    "Bonjour,\nJe souhaite recevoir une copie de mes données personnelles. J'ai aussi essayé de "
    "fermer mon compte depuis l'application, en vain ; je vous demande donc de supprimer mon compte "
    "et toutes mes données.\nLucas Petit",
    want={"access", "erasure"},
)
add(
    "sv_tried_access",
    "tried_mention",
    "Registerutdrag",
    "Hej,\nJag vill ha ett registerutdrag. Jag har också försökt ändra min adress i appen utan att "
    "det fungerar, så ändra min adress till Björkvägen 3, 123 45 Farsta.\nMvh Oskar Lind",
    want={"access", "rectification"},
)
add(
    "fi_tried_access",
    "tried_mention",
    "Tarkastuspyyntö",
    "Hei,\nhaluan tietää mitä tietoja minusta on tallennettu. Yritin myös vaihtaa osoitettani "
    "sovelluksessa mutta se ei onnistu, joten vaihtakaa osoitteeni: Koivutie 3, 33100 Tampere.\n"
    "Ville Koivu",
    want={"access", "rectification"},
)
add(
    "en_offer_access",
    "offer_suppress",
    "Subject access request",
    "Dear DPO,\nPlease send me a copy of my personal data. Your support staff advised me to email "
    "this address, so please also erase my old phone number from your records.\nSam Oduya",
    want={"access", "erasure"},
)
add(
    "sv_offer_access",
    "offer_suppress",
    "Begäran om registerutdrag",
    "Hej,\nJag vill ha ett utdrag av mina personuppgifter. Kundtjänst rådde mig att skriva hit, så "
    "jag ber er samtidigt radera mitt gamla telefonnummer.\nSara Nilsson",
    want={"access", "erasure"},
)
add(
    "fr_offer_access",
    "offer_suppress",
    "Demande d'accès",
    "Bonjour,\nMerci de m'adresser une copie de mes données. Votre conseiller m'a suggéré de vous "
    "écrire directement, je vous demande donc aussi de corriger mon adresse : 4 rue Victor Hugo, "
    "33000 Bordeaux.\nClaire Fabre",
    want={"access", "rectification"},
)
add(
    "fi_offer_access",
    "offer_suppress",
    "Tarkastuspyyntö",
    "Hei,\nhaluan kopion tiedoistani. Asiakaspalvelu neuvoi kirjoittamaan tänne, joten korjatkaa "
    "samalla sukunimi: oikea on Virtanen eikä Virtamo.\nPekka Virtanen",
    want={"access", "rectification"},
)
add(
    "en_quote_access",
    "quoted",
    "Subject access request - reminder",
    "Hello,\nI am still waiting for the copy of my data I asked for in April, and for an answer to "
    'the second part of that email: "Please also delete my old address at 3 Hill Road from your '
    'records." Neither has happened.\nKate Lowe',
    want={"access", "erasure"},
)
add(
    "sv_quote_access",
    "quoted",
    "Påminnelse om registerutdrag",
    "Hej,\nJag väntar fortfarande på registerutdraget och på svar på det jag skrev den 2 maj: ”Ändra "
    "också min adress till Ekvägen 4, 123 45 Farsta.” Inget av detta har hänt.\nMaria Ek",
    want={"access", "rectification"},
)
add(
    "sv_ni_har_ratt_access",
    "second_person_mention",
    "Registerutdrag",
    "Hej,\nJag vill ha ett registerutdrag. Ni har rätt i att jag inte har handlat på länge, men "
    "radera då mitt konto och alla mina uppgifter också.\nMvh Göran",
    want={"access", "erasure"},
)
add(
    "en_will_remove_access",
    "suppress_consequence",
    "Subject access request",
    "Hello,\nPlease send me a copy of all data you hold about me. After that, please delete my "
    "account and all my data, even if it will remove my order history.\nLiam Byrne",
    want={"access", "erasure"},
)
add(
    "fr_pas_question_access",
    "suppress_pas_question",
    "Demande d'accès",
    "Bonjour,\nJe souhaite obtenir une copie de mes données. Ensuite effacez mes données, pas "
    "question que vous les gardiez après la fin de mon contrat.\nKarim Benali",
    want={"access", "erasure"},
)
add(
    "sv_bor_ratta_access",
    "suppress_bug_suggestion",
    "Registerutdrag",
    "Hej,\nJag vill ha ett registerutdrag. Ni bör också rätta mitt efternamn, det stavas Åberg.\n"
    "Mvh Ali Åberg",
    want={"access", "rectification"},
)
add(
    "de_ihre_angaben_access",
    "suppress_your_answer",
    "Auskunft",
    "Guten Tag,\nbitte teilen Sie mir mit, welche Daten Sie über mich gespeichert haben, und "
    "korrigieren Sie Ihre Angaben zu meiner Anschrift: ich wohne seit Mai in der Gartenstr. 5, "
    "10115 Berlin.\nOlaf Kern",
    want={"access", "rectification"},
)
add(
    "fr_done_never_access",
    "suppress_told_as_done",
    "Demande d'accès",
    "Bonjour,\nMerci de m'envoyer une copie de mes données. Mon adresse n'a toujours pas été "
    "modifiée malgré trois courriers, faites-le enfin : 8 rue Pasteur, 75011 Paris.\nAnne Roy",
    want={"access", "rectification"},
)
add(
    "en_wish_access",
    "negation_wish",
    "Subject access request",
    "Hello,\nPlease send me a copy of all data you hold on me. I don't want you keeping my card "
    "details any longer so delete them from your systems.\nKim",
    want={"access", "erasure"},
)

# more (b)
add(
    "de_entfernt_beitraege",
    "informal_imperative",
    "Auskunft",
    "Hallo,\nIhre Moderation entfernt ständig meine Beiträge ohne Begründung. Ich möchte wissen, "
    "welche Daten Sie über mich gespeichert haben.\nGruß Kai",
    want={"access"},
    bad={"erasure"},
)
add(
    "en_condition_refusal_story",
    "negation_in_condition",
    "Copy of my data",
    "Hello,\nMy wife emailed you yesterday asking you to delete my account. If possible, please do "
    "not delete my account, I still use it. Please send me a copy of my data instead.\nTom Reid",
    want={"access"},
    bad={"erasure"},
)

# ================================================================ batch 4
add(
    "en_span_rect",
    "clear_spanning",
    "",
    "Hello,\nI saw you are cleaning up customer addresses. Please do not update my address, the old "
    "address should be kept as my billing address. Thank you.\nNora Pike",
    bad={"rectification"},
)
add(
    "en_wish_marketing",
    "negation_wish",
    "",
    "Hi, I don't want your newsletters any more so delete my account please.\nAndy",
    want={"erasure"},
)
add(
    "en_exercise_story3",
    "exercise",
    "Your privacy policy",
    "Hello,\nYour privacy policy is vague about what you do with requests under the right to be "
    "forgotten. I'd like a copy of the data you hold about me.\nRegards, Omar Aziz",
    want={"access"},
    bad={"erasure"},
)
