"""Swedish demo content: what participants say, what coaches write, where things happen.

This is data, not interface text, so it is not translated. Employers and addresses are invented;
phone numbers come from the series PTS keeps for fiction (070-174 06 05 – 070-174 06 99).
"""

DREAMS = (
    "Jag vill jobba med barn.",
    "Öppna ett eget café med bakverk från mitt hemland.",
    "Jag vill bli undersköterska och jobba på ett äldreboende.",
    "Ta körkort och jobba som lastbilschaufför.",
    "Jag vill ha ett vanligt jobb med kollegor och egen lön.",
    "Bli elektriker som jag var i Irak, men med svensk behörighet.",
    "Jobba i en butik och prata svenska varje dag.",
    "Jag vill klara mig själv utan försörjningsstöd.",
    "Starta en egen städfirma tillsammans med min syster.",
    "Jag vill jobba i köket på en restaurang, jag älskar att laga mat.",
    "Plugga vidare till förskollärare.",
    "Jobba utomhus, gärna med parker och trädgårdar.",
    "Jag vill bli busschaufför.",
    "Få ett jobb där jag kan använda mina språk, kanske som tolk.",
    "Jag vill att mina barn ska se att jag går till jobbet.",
    "Jobba på lager, gärna med truck.",
    "Sy kläder och ha en egen liten ateljé.",
    "Jag vill jobba med datorer och lära mig programmera.",
    "Komma tillbaka till arbetslivet i lugn takt efter min sjukskrivning.",
    "Jag vill jobba som frisör igen, som i Syrien.",
    "Bli personlig assistent, jag är bra på att ta hand om människor.",
    "Jobba som snickare och bygga saker med händerna.",
    "Jag vill ha ett jobb på dagtid så att jag kan vara hemma med barnen på kvällen.",
    "Läsa in gymnasiet på Komvux och sedan bli sjuksköterska.",
)

INTERESTS = (
    "Matlagning, fotboll",
    "Sömnad och handarbete",
    "Träning på gym, promenader",
    "Trädgård och odling",
    "Läsa böcker, lära mig svenska",
    "Bilar och motorer",
    "Musik, sjunger i kör",
    "Barn och familj, föreningsliv",
    "Datorer och spel",
    "Fiske och friluftsliv",
    "Bakning",
    "Volontär i moskén/kyrkan",
    "Måla och rita",
    "Cykla, reparera cyklar",
    "Frisyrer och skönhet",
    "Schack",
)

SUPPORT_NEEDS = (
    "Behöver stöd med struktur och tider i vardagen.",
    "Behöver tolk vid längre samtal och när vi går igenom papper.",
    "Behöver hjälp att skriva CV och personligt brev.",
    "Stöd i kontakten med Försäkringskassan och Arbetsförmedlingen.",
    "Behöver träna på att åka kollektivt till nya platser.",
    "Behöver en lugn start, några timmar om dagen.",
    "Stöd att komma igång med digitala tjänster (BankID, e-post).",
    "Barnomsorg behöver lösas innan heltid är möjligt.",
)

ADAPTATIONS = (
    "Korta pass med pauser.",
    "Skriftliga instruktioner med bilder.",
    "Fast handledare på arbetsplatsen.",
    "Start efter klockan nio.",
    "Lugn miljö utan mycket buller.",
    "Möjlighet att sitta ner under arbetet.",
)

DISABILITY_DESCRIPTIONS = (
    "Adhd; behöver tydlig struktur och korta instruktioner.",
    "Dyslexi; läser helst med talsyntes.",
    "Nedsatt hörsel på ena örat; vill ha möten i lugn miljö.",
    "Ryggbesvär; tål inte tunga lyft.",
    "Autism; trivs med fasta rutiner och förvarning inför förändringar.",
    "Lindrig intellektuell funktionsnedsättning; lär sig bäst genom att göra.",
)

HEALTH_NOTES = (
    "Återkommande migrän; behöver kunna gå undan när den kommer.",
    "Sömnsvårigheter under perioder; kontakt med vårdcentralen.",
    "Har haft depression, mår bättre nu och går på samtal.",
    "Diabetes typ 2, behöver regelbundna måltider.",
    "Posttraumatisk stress; påverkar koncentrationen ibland.",
)

ADDICTION_HISTORY = (
    "Alkoholberoende tidigare, nykter sedan tre år, går på AA-möten.",
    "Tidigare narkotikaproblem, drogfri sedan två år, stöd från beroendemottagningen.",
    "Spelberoende tidigare, har stöd via kommunens spelberoendemottagning.",
)

REFERRALS = (
    "Inskriven efter remiss från Arbetsförmedlingen.",
    "Anvisad från försörjningsstöd.",
    "Kom själv efter ett informationsmöte.",
    "Tipsad av en vän som gått programmet.",
    "Remiss från socialtjänsten via samordningsförbundet.",
)

# Why a participant moved into the phase at that position (1-based) of the default ladder.
PHASE_REASONS = {
    2: (
        "Kartläggningen klar; börjar med veckomöten och studiecirkel.",
        "Har formulerat sina mål; vidare till förberedande aktiviteter.",
        "Kompetenserna är dokumenterade, vill komma igång med studiebesök.",
    ),
    3: (
        "Redo att prova arbetsträning några timmar om dagen.",
        "Har kommit i tid till alla veckomöten; börjar arbetsträning.",
        "Vill prova på arbete i lugn takt med stöd.",
    ),
    4: (
        "Praktikplats klar med handledare på plats.",
        "Arbetsträningen har gått bra; vidare till praktik hos arbetsgivare.",
        "Matchad mot en arbetsgivare som behöver rekrytera.",
    ),
    5: (
        "Fick anställning med nystartsjobb efter praktiken.",
        "Antagen till Komvux, vård- och omsorgsprogrammet.",
        "Anställd på timmar med chans till förlängning.",
        "Antagen till yrkesutbildning inom lager och logistik.",
    ),
    6: (
        "Avslut; uppföljning efter tre och sex månader.",
        "Har klarat provanställningen; följer upp en gång i månaden.",
    ),
}
STEP_BACK_REASONS = (
    "Praktiken avbröts av hälsoskäl; fortsätter med förberedande aktiviteter.",
    "Pausar arbetsträningen under en period av sjukdom i familjen.",
)

GOALS = (
    "Klara SFI kurs C",
    "Klara SFI kurs D",
    "Ta B-körkort",
    "Skriva ett CV på svenska",
    "Komma igång med en fast dygnsrytm",
    "Hitta en praktikplats inom barnomsorg",
    "Hitta en praktikplats inom handel",
    "Söka till vård- och omsorgsprogrammet på Komvux",
    "Ta truckkort",
    "Lära sig använda BankID och 1177",
    "Arbeta fyra timmar om dagen i fyra veckor",
    "Söka fem jobb i månaden",
    "Ta hygienbevis för livsmedel",
    "Få en anställning med nystartsjobb",
    "Gå en kurs i starta eget",
)
GOAL_HOW = (
    "Veckovisa samtal med coachen och läxhjälp i studiecirkeln.",
    "Praktik med handledare och uppföljning varannan vecka.",
    "Steg för steg, med delmål varje månad.",
    "Tillsammans med Arbetsförmedlingen och coachen.",
)

CASE_NOTES = (
    "Samtal om hur veckan har gått. {first} berättar att det känns bättre att ha fasta tider.",
    "Gick igenom CV:t tillsammans. {first} vill lägga till erfarenheten från hemlandet.",
    "Uppföljning på praktikplatsen med handledaren. Bra samarbete, kommer i tid.",
    "{first} var sjuk två dagar och hörde av sig i tid. Vi bokade ett nytt samtal.",
    "Trepartsmöte med Arbetsförmedlingen om fortsatt planering.",
    "Pratade om drömmen. {first} vill gärna göra ett studiebesök inom området.",
    "{first} har klarat ett delmål och var stolt över det. Nästa steg planerat.",
    "Stödsamtal efter att {first} fått avslag på en ansökan. Vi fortsätter söka tillsammans.",
    "Kartläggningssamtal med tolk. Gick igenom utbildning, arbetslivserfarenhet och intressen.",
    "Studiebesöket gick bra; {first} ställde många frågor till personalen.",
)
CORRECTIONS = (
    ("Fel datum för studiebesöket; rättat.", "Rättat datum"),
    ("Fel namn på handledaren i första versionen.", "Fel namn"),
    ("Förtydligat vad vi kom överens om.", "Förtydligande"),
)

# Occupation labels from JobTech with a title in the participant's own words.
OCCUPATIONS = (
    ("Barnskötare", "Passade barn på förskola"),
    ("Personlig assistent", "Hjälpte en äldre granne varje dag"),
    ("Köksbiträde", "Jobbade i köket på min kusins restaurang"),
    ("Truckförare", "Körde truck på ett lager"),
    ("Undersköterska, hemtjänst, äldreboende och habilitering", "Hemtjänst i tre år"),
    ("Fastighetsskötare", "Skötte trappor och gårdar"),
    ("Servitör/Servitris", "Serverade på café"),
    ("Park- och trädgårdsarbetare", "Arbetade i parker åt kommunen"),
    ("Kafébiträde/Konditoribiträde", "Bakade och sålde bröd"),
    ("Träarbetare/Snickare", "Byggde möbler och hus"),
    ("Målare", "Målade lägenheter"),
    ("Pizzabagare", "Gjorde pizza i familjens pizzeria"),
    ("Lagerarbetare/Terminalarbetare", "Plockade ordrar på lager"),
    ("Butikssäljare, dagligvaror/Medarbetare, dagligvaror", "Jobbade i livsmedelsbutik"),
    ("Bilvårdare", "Tvättade och vårdade bilar"),
    ("Distributionsförare", "Körde ut varor"),
    ("Frisör", "Klippte hår i egen salong"),
    ("Byggstädare", "Städade på byggen"),
    ("Måltidsbiträde", "Serverade mat i skolmatsal"),
    ("Tolk", "Tolkade åt grannar och vänner"),
    ("Montör metallprodukter", "Monterade delar på fabrik"),
    ("Gatuköksbiträde", "Jobbade i en grillkiosk"),
)
SKILLS = (
    "Städtjänster",
    "Städning och diskning, restaurangkök",
    "Kassavana",
    "Truckvana",
    "Lagerhållning",
    "Lagerinventering",
    "Omvårdnad",
    "Trädgårdsskötsel",
    "Sömnad",
    "Måleri",
    "Barnskötarutbildning",
    "Hygienstädning",
    "Kockutbildning",
    "Sömnadsarbeten",
    "Trädgårdsodling",
    "Kassaredovisning",
)
EXPERIENCE_NOTES = (
    "Heltid, med ansvar för att öppna på morgonen.",
    "Deltid, mest helger.",
    "Säsongsarbete på sommaren.",
    "Extrajobb utan anställningsavtal, men med bra referenser.",
    "",
)

EMPLOYERS_SODERTALJE = (
    ("Ronna Bageri", "bageriet"),
    ("Café Kanalen", "caféet"),
    ("Geneta förskola", "förskolan"),
    ("Hovsjö Städ & Service AB", "städföretaget"),
    ("Södertälje Cykelverkstad", "cykelverkstaden"),
    ("Mälardalens Lager & Logistik AB", "lagret"),
    ("Vårdboendet Solgläntan", "äldreboendet"),
    ("Järna Handelsträdgård", "handelsträdgården"),
)
EMPLOYERS_HARNOSAND = (
    ("Härnö Snickeri", "snickeriet"),
    ("Café Magasinet", "caféet"),
    ("Härnösands Second Hand", "butiken"),
    ("Säbrå Trädgård", "trädgården"),
    ("Ålsta folkhögskolas kök", "skolköket"),
    ("Vårdboendet Kastanjen", "äldreboendet"),
)

STUDY_CIRCLES = (
    "Studiecirkel: Svenska i arbetslivet",
    "Studiecirkel: Digitala vardagsverktyg",
    "Studiecirkel: Ekonomi och budget",
    "Studiecirkel: Inför körkortsteorin",
)
ROLE_MODELS = (
    "Förebildsmöte: Från försörjningsstöd till busschaufför",
    "Förebildsmöte: Hon startade eget café",
    "Förebildsmöte: Undersköterska efter fem år utanför arbetslivet",
)
SEMINARS = (
    "Seminarium: Arbetsplatsens koder och kultur",
    "Seminarium: Jämställdhet och yrkesval",
    "Seminarium: Så fungerar anställningsstöden",
)

# (kommun code, city, postal-code prefix, streets), the first being the organisation's own.
PLACES_SODERTALJE = (
    (
        "0181",
        "Södertälje",
        "151",
        (
            "Ronnavägen",
            "Hovsjövägen",
            "Genetavägen",
            "Storgatan",
            "Bergsgatan",
            "Saltskogsgatan",
            "Fornhöjdsvägen",
        ),
    ),
    ("0127", "Tumba", "147", ("Hågelbyvägen", "Tumba torg", "Storvretsvägen")),
    ("0140", "Nykvarn", "155", ("Centrumvägen", "Turingevägen")),
    ("0128", "Rönninge", "144", ("Salemsvägen", "Rönninge torg")),
)
PLACES_HARNOSAND = (
    (
        "2280",
        "Härnösand",
        "871",
        ("Storgatan", "Nybrogatan", "Brunnshusgatan", "Säbråvägen", "Gånsviksvägen", "Murberget"),
    ),
    ("2282", "Kramfors", "872", ("Limstagatan", "Torggatan")),
)

SUPERVISORS = (
    "Birgitta Holm",
    "Samir Khoury",
    "Maja Engström",
    "Goran Petrović",
    "Lotta Sandberg",
    "Hassan Abdi",
    "Ingrid Wallin",
    "Tomas Ek",
)
