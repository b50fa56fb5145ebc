"""Swedish demo content for the employer side: trades, tasks, notes and opening texts.

Data, not interface text, so not translated. Every employer is invented; a name may by chance
match a real business. SNI codes are SNI 2007 (five digits); with only the starter taxonomy's
21 sections loaded the demo falls back to the section letter.
"""

from dataclasses import dataclass

from baslager.employers.models import EmployerKind

COMPANY = EmployerKind.COMPANY
PUBLIC = EmployerKind.PUBLIC_SECTOR
SOCIAL = EmployerKind.SOCIAL_ENTERPRISE
PRODUCER = EmployerKind.SMALL_PRODUCER
ASSOCIATION = EmployerKind.ASSOCIATION

# The legal form a name implies: the organisation-number group digit, or a sole trader.
AB, PUBLIC_BODY, ECONOMIC, NON_PROFIT, SOLE = "5", "2", "7", "8", "sole"


@dataclass(frozen=True)
class Trade:
    key: str
    kind: str
    # (pattern, legal form); patterns use {surname} (possessive), {first}, {place} (a district),
    # {kommun} (as in "Härnösands kommun") and {x}.
    names: tuple[tuple[str, str], ...]
    sni: str
    section: str
    sizes: tuple[str, ...]
    occupations: tuple[str, ...]
    roles: tuple[str, ...]
    supervisor_titles: tuple[str, ...]
    areas: tuple[str, ...]
    # How often generated employers are of this trade; 0: only the named demo employers.
    weight: int


TRADES = (
    Trade(
        "bygg", COMPANY,
        (("{surname} Bygg AB", AB), ("{place} Bygg & Montage AB", AB),
         ("{surname} Bygg & Renovering AB", AB)),
        "41200", "F", ("1-9", "1-9", "10-49", "10-49", "50-249"),
        ("Träarbetare/Snickare", "Byggstädare", "Målare", "Väg- och anläggningsarbetare"),
        ("VD", "Arbetsledare", "Platschef"), ("Arbetsledare", "Lagbas", "Snickare"),
        ("carpentry",), 4,
    ),
    Trade(
        "maleri", COMPANY,
        (("{place} Måleri AB", AB), ("{surname} Måleri", SOLE),
         ("{surname} Måleri & Tapetsering AB", AB)),
        "43341", "F", ("1-9",), ("Målare",), ("Ägare", "VD"), ("Målare", "Arbetsledare"),
        ("carpentry",), 2,
    ),
    Trade(
        "snickeri", COMPANY,
        (("{surname} Snickeri", SOLE), ("{place} Snickeri & Inredning AB", AB)),
        "16230", "C", ("1-9", "10-49"), ("Träarbetare/Snickare", "Målare"),
        ("Ägare", "Verkstadsansvarig"), ("Snickare", "Verkstadsansvarig"),
        ("carpentry",), 1,
    ),
    Trade(
        "stad", COMPANY,
        (("{place} Städservice AB", AB), ("{surname} Städ & Fönsterputs AB", AB),
         ("Städbolaget {x} AB", AB)),
        "81210", "N", ("1-9", "10-49", "10-49", "50-249"),
        ("Städare", "Fönsterputsare", "Byggstädare", "Arbetsledare städ"),
        ("VD", "Arbetsledare", "Driftchef"), ("Arbetsledare", "Städledare"),
        ("cleaning",), 4,
    ),
    Trade(
        "restaurang", COMPANY,
        (("Restaurang {x}", AB), ("{surname} Pizzeria", SOLE), ("{place} Kök & Bar AB", AB),
         ("Grillen i {place}", AB)),
        "56100", "I", ("1-9", "1-9", "10-49"),
        ("Köksbiträde", "Diskare", "Pizzabagare", "Restaurangbiträde", "Servitör/Servitris",
         "Kock à la carte", "Gatuköksbiträde"),
        ("Restaurangchef", "Köksmästare", "Ägare"), ("Köksmästare", "Kock", "Restaurangchef"),
        ("kitchen",), 5,
    ),
    Trade(
        "kafe", COMPANY,
        (("{place} Konditori", AB), ("Kafé {x}", AB), ("{surname} Bageri & Kafé", SOLE)),
        "56100", "I", ("1-9",),
        ("Kafébiträde/Konditoribiträde", "Bagare/Konditor", "Kallskänka"),
        ("Ägare", "Kaféföreståndare"), ("Kaféföreståndare", "Konditor"),
        ("kitchen",), 3,
    ),
    Trade(
        "bageri", COMPANY,
        (("{surname} Bageri AB", AB),),
        "10710", "C", ("1-9", "10-49"),
        ("Bagare/Konditor", "Kafébiträde/Konditoribiträde",
         "Butikssäljare, dagligvaror/Medarbetare, dagligvaror"),
        ("Ägare", "Bageriansvarig"), ("Bagare", "Bageriansvarig"), ("kitchen",), 1,
    ),
    Trade(
        "livs", COMPANY,
        (("{place} Livs AB", AB), ("{surname} Livs", SOLE), ("Matbutiken i {place} AB", AB),
         ("{place} Närlivs AB", AB)),
        "47112", "G", ("1-9", "10-49", "10-49"),
        ("Butikssäljare, dagligvaror/Medarbetare, dagligvaror", "Kassapersonal",
         "Lagerarbetare/Terminalarbetare"),
        ("Butikschef", "Ägare", "Biträdande butikschef"), ("Butikschef", "Avdelningsansvarig"),
        ("retail",), 5,
    ),
    Trade(
        "fackhandel", COMPANY,
        (("{place} Järn & Färg AB", AB), ("{surname} Blommor AB", AB),
         ("{place} Zoo & Fritid AB", AB), ("{place} Sport AB", AB)),
        "47520", "G", ("1-9",), ("Butikssäljare, fackhandel", "Kassapersonal"),
        ("Butikschef", "Ägare"), ("Butikschef", "Säljare"), ("retail",), 3,
    ),
    Trade(
        "lager", COMPANY,
        (("{place} Logistik AB", AB), ("{surname} Åkeri AB", AB),
         ("{place} Transport & Lager AB", AB)),
        "52100", "H", ("10-49", "50-249", "50-249", "250+"),
        ("Lagerarbetare/Terminalarbetare", "Truckförare", "Distributionsförare",
         "Expressarbetare/Flyttkarl/Stadsbud"),
        ("HR-ansvarig", "Lagerchef", "Platschef"), ("Lagerchef", "Teamledare", "Truckförare"),
        ("warehouse",), 3,
    ),
    Trade(
        "bil", COMPANY,
        (("{place} Bilvård AB", AB), ("{surname} Däck & Bilservice", SOLE),
         ("{place} Bil & Däck AB", AB)),
        "45200", "G", ("1-9", "10-49"), ("Bilrekonditionerare", "Däckmontör"),
        ("Verkstadschef", "Ägare"), ("Verkstadschef", "Bilmekaniker"), ("car",), 2,
    ),
    Trade(
        "fastighet", COMPANY,
        (("{place} Fastighetsservice AB", AB), ("{surname} Fastighetsskötsel AB", AB),
         ("Bostadsbolaget {x} AB", AB)),
        "81100", "N", ("10-49", "50-249"),
        ("Fastighetsskötare", "Park- och trädgårdsarbetare", "Städare"),
        ("Förvaltare", "Driftchef", "HR-ansvarig"), ("Fastighetsskötare", "Bovärd"),
        ("garden", "cleaning"), 3,
    ),
    Trade(
        "tradgard", COMPANY,
        (("{surname} Trädgårdstjänst", SOLE), ("{place} Trädgård & Mark AB", AB)),
        "81300", "N", ("1-9",), ("Park- och trädgårdsarbetare",),
        ("Ägare", "Arbetsledare"), ("Trädgårdsmästare", "Arbetsledare"),
        ("garden",), 2,
    ),
    Trade(
        "frisor", COMPANY,
        (("Salong {x}", SOLE), ("{first} {surname} Hårstudio", SOLE), ("Frisör {x} AB", AB)),
        "96021", "S", ("0", "1-9"), ("Frisör",), ("Ägare",), ("Frisör",), ("salon",),
        2,
    ),
    Trade(
        "tvatteri", COMPANY,
        (("{place} Tvätteri AB", AB), ("Tvätteriet {x} AB", AB)),
        "96011", "S", ("10-49",), ("Maskinoperatör tvätt och textilbehandling",),
        ("Produktionschef", "VD"), ("Arbetsledare", "Maskinoperatör"), ("laundry",),
        1,
    ),
    Trade(
        "verkstad", COMPANY,
        (("{place} Mekaniska AB", AB), ("{place} Plåt & Svets AB", AB),
         ("{surname} Mekaniska Verkstad AB", AB), ("{x} Förpackning AB", AB)),
        "25620", "C", ("10-49", "50-249", "50-249"),
        ("Montör metallprodukter", "Svetsare", "Maskinoperatör mekanisk verkstad",
         "Maskinoperatör förpackning och påfyllning"),
        ("Produktionschef", "HR-ansvarig", "VD"), ("Produktionsledare", "Montör", "Svetsare"),
        ("warehouse",), 3,
    ),
    Trade(
        "omsorg", COMPANY,
        (("{place} Hemtjänst AB", AB), ("Omsorg {x} AB", AB), ("{x} Assistans AB", AB)),
        "88101", "Q", ("10-49", "50-249"),
        ("Hemvårdare", "Undersköterska, hemtjänst, äldreboende och habilitering",
         "Personlig assistent", "Vårdbiträde", "Ledsagare"),
        ("Verksamhetschef", "Samordnare", "HR-ansvarig"), ("Undersköterska", "Samordnare"),
        ("care",), 3,
    ),
    Trade(
        "vardboende", COMPANY,
        (("Vårdboendet {x}", AB), ("{x} Äldreboende AB", AB)),
        "87301", "Q", ("10-49", "50-249"),
        ("Undersköterska, hemtjänst, äldreboende och habilitering", "Vårdbiträde",
         "Måltidsbiträde"),
        ("Verksamhetschef", "Enhetschef"), ("Undersköterska", "Sjuksköterska"),
        ("care",), 1,
    ),
    Trade(
        "hotell", COMPANY,
        (("{place} Hotell & Konferens AB", AB), ("Hotell {x}", AB), ("{x} Vandrarhem", SOLE)),
        "55101", "I", ("1-9", "10-49"),
        ("Städare", "Receptionist", "Köksbiträde", "Servitör/Servitris"),
        ("Hotellchef", "Ägare"), ("Våningsansvarig", "Receptionist"), ("kitchen", "cleaning"),
        2,
    ),
    Trade(
        "atervinning", COMPANY,
        (("{place} Återvinning AB", AB), ("{kommun} Miljö & Återvinning AB", AB)),
        "38110", "E", ("50-249",), ("Återvinningsarbetare på ÅVC", "Renhållningsförare"),
        ("Driftchef", "HR-ansvarig"), ("Arbetsledare", "Maskinförare"), ("warehouse",),
        1,
    ),
    Trade(
        "forskola", COMPANY,
        (("Förskolan {x} AB", AB), ("Föräldrakooperativet {x} ekonomisk förening", ECONOMIC)),
        "85100", "P", ("10-49",), ("Barnskötare", "Måltidsbiträde"),
        ("Rektor", "Förskolechef"), ("Barnskötare", "Förskollärare"), ("preschool",),
        2,
    ),
    Trade(
        "kommun_aldre", PUBLIC,
        (("{kommun} kommun, Äldreomsorgen", PUBLIC_BODY),
         ("{kommun} kommun, Hemtjänsten {place}", PUBLIC_BODY),
         ("{kommun} kommun, Särskilt boende {x}", PUBLIC_BODY)),
        "87301", "Q", ("50-249", "250+"),
        ("Undersköterska, hemtjänst, äldreboende och habilitering", "Vårdbiträde", "Hemvårdare"),
        ("Enhetschef", "Verksamhetschef", "HR-konsult"), ("Undersköterska", "Enhetschef"),
        ("care",), 1,
    ),
    Trade(
        "kommun_maltid", PUBLIC,
        (("{kommun} kommun, Måltidsservice", PUBLIC_BODY),
         ("{kommun} kommun, Skolköket i {place}", PUBLIC_BODY)),
        "56290", "I", ("10-49", "50-249"),
        ("Måltidsbiträde", "Kock storhushåll", "Diskare"),
        ("Kostchef", "Köksansvarig"), ("Kock", "Köksansvarig"), ("kitchen",), 1,
    ),
    Trade(
        "kommun_park", PUBLIC,
        (("{kommun} kommun, Park och natur", PUBLIC_BODY),
         ("{kommun} kommun, Fastighetsavdelningen", PUBLIC_BODY)),
        "81300", "N", ("10-49", "50-249"),
        ("Park- och trädgårdsarbetare", "Fastighetsskötare", "Kontorsvaktmästare"),
        ("Enhetschef", "Arbetsledare"), ("Arbetsledare", "Parkarbetare"), ("garden", "office"),
        1,
    ),
    Trade(
        "kommun_forskola", PUBLIC,
        (("{kommun} kommun, Förskolan {x}", PUBLIC_BODY),),
        "85100", "P", ("10-49",), ("Barnskötare", "Måltidsbiträde", "Elevassistent"),
        ("Rektor", "Biträdande rektor"), ("Barnskötare", "Förskollärare"), ("preschool",),
        1,
    ),
    Trade(
        "asf", SOCIAL,
        (("{x} ekonomisk förening (ASF)", ECONOMIC),
         ("Kooperativet {x} ekonomisk förening (ASF)", ECONOMIC)),
        "47792", "G", ("1-9", "10-49"),
        ("Butikssäljare, fackhandel", "Kafébiträde/Konditoribiträde", "Sömmerska konfektion",
         "Park- och trädgårdsarbetare"),
        ("Verksamhetsledare", "Ordförande", "Arbetsledare"), ("Arbetsledare", "Handledare"),
        ("secondhand", "kitchen"), 3,
    ),
    Trade(
        "cykel", SOCIAL,
        (("{place} Cykelverkstad ekonomisk förening (ASF)", ECONOMIC),),
        "95290", "S", ("1-9",), ("Butikssäljare, fackhandel", "Montör metallprodukter"),
        ("Verksamhetsledare", "Verkstadsansvarig"), ("Cykelmekaniker", "Verkstadsansvarig"),
        ("bike",), 0,
    ),
    Trade(
        "kooperativ", COMPANY,
        (("Ekonomisk förening {x}", ECONOMIC), ("{place} Bygdekök ekonomisk förening", ECONOMIC)),
        "56290", "I", ("1-9",), ("Köksbiträde", "Måltidsbiträde", "Kock storhushåll"),
        ("Ordförande", "Köksansvarig"), ("Köksansvarig", "Kock"), ("kitchen",), 1,
    ),
    Trade(
        "odling", PRODUCER,
        (("{surname} Gård", SOLE), ("{place} Bigård", SOLE), ("{surname} Lammgård", SOLE),
         ("{place} Grönsaksodling AB", AB), ("{place} Handelsträdgård AB", AB)),
        "01130", "A", ("0", "1-9"),
        ("Park- och trädgårdsarbetare", "Butikssäljare, dagligvaror/Medarbetare, dagligvaror",
         "Lagerarbetare/Terminalarbetare"),
        ("Ägare", "Odlingsansvarig"), ("Trädgårdsmästare", "Ägare"), ("garden", "production"),
        3,
    ),
    Trade(
        "foradling", PRODUCER,
        (("{place} Ysteri AB", AB), ("{place} Mikrobryggeri AB", AB), ("{place} Rökeri AB", AB),
         ("{place} Musteri", SOLE)),
        "10890", "C", ("1-9",),
        ("Maskinoperatör förpackning och påfyllning", "Lagerarbetare/Terminalarbetare",
         "Butikssäljare, dagligvaror/Medarbetare, dagligvaror"),
        ("Ägare", "VD"), ("Produktionsansvarig", "Ägare"), ("production",), 2,
    ),
    Trade(
        "secondhand", ASSOCIATION,
        (("{x} Second Hand", NON_PROFIT), ("Second hand-butiken {x}", NON_PROFIT)),
        "47792", "G", ("0", "1-9"), ("Butikssäljare, fackhandel", "Kassapersonal"),
        ("Butiksansvarig", "Ordförande"), ("Butiksansvarig", "Volontärsamordnare"),
        ("secondhand",), 1,
    ),
    Trade(
        "forening", ASSOCIATION,
        (("{place} IF", NON_PROFIT), ("{place} Hembygdsförening", NON_PROFIT),
         ("Föreningen {x}", NON_PROFIT), ("Stiftelsen {x}", NON_PROFIT),
         ("{place} Bygdegårdsförening", NON_PROFIT)),
        "94990", "S", ("0", "1-9"),
        ("Kafébiträde/Konditoribiträde", "Fastighetsskötare", "Kontorsvaktmästare", "Städare"),
        ("Ordförande", "Kassör", "Verksamhetsledare"), ("Verksamhetsledare", "Vaktmästare"),
        ("association", "office"), 3,
    ),
)  # fmt: skip
TRADE = {trade.key: trade for trade in TRADES}

# The named demo employers of texts.EMPLOYERS_*: their trade and legal form.
NAMED = {
    "Ronna Bageri": ("bageri", AB),
    "Café Kanalen": ("kafe", AB),
    "Geneta förskola": ("kommun_forskola", PUBLIC_BODY),
    "Hovsjö Städ & Service AB": ("stad", AB),
    "Södertälje Cykelverkstad": ("cykel", ECONOMIC),
    "Mälardalens Lager & Logistik AB": ("lager", AB),
    "Vårdboendet Solgläntan": ("vardboende", AB),
    "Järna Handelsträdgård": ("odling", SOLE),
    "Härnö Snickeri": ("snickeri", SOLE),
    "Café Magasinet": ("kafe", AB),
    "Härnösands Second Hand": ("secondhand", NON_PROFIT),
    "Säbrå Trädgård": ("odling", SOLE),
    "Ålsta folkhögskolas kök": ("kommun_maltid", PUBLIC_BODY),
    "Vårdboendet Kastanjen": ("kommun_aldre", PUBLIC_BODY),
}

# Districts and villages that names draw on, by the kommun code of the employer's address.
DISTRICTS = {
    "0181": (
        "Ronna", "Hovsjö", "Geneta", "Fornhöjden", "Järna", "Mölnbo", "Enhörna", "Pershagen",
        "Östertälje", "Saltskog", "Södertälje",
    ),
    "0127": ("Tumba", "Storvreten", "Hågelby", "Botkyrka"),
    "0140": ("Nykvarn", "Turinge"),
    "0128": ("Rönninge", "Salem"),
    "2280": (
        "Härnö", "Säbrå", "Gånsvik", "Högsjö", "Brunne", "Utansjö", "Bondsjö", "Älandsbro",
        "Härnösand", "Stigsjö",
    ),
    "2282": ("Kramfors", "Ådalen", "Bollstabruk", "Nyland"),
}  # fmt: skip
FANCY = (
    "Linden", "Solrosen", "Lärkan", "Blåklinten", "Kvarnen", "Ekbacken", "Sjöbris", "Fyren",
    "Tallkotten", "Vävaren", "Humlan", "Ängsliljan", "Björkdungen", "Gröna Händer", "Återbruket",
    "Kompassen", "Vågen", "Nyckeln", "Bryggan", "Hamnen", "Skutan", "Rönnbäret",
)  # fmt: skip

EMPLOYER_NOTES = (
    "Ägaren är positiv till praktik men vill träffa deltagaren först.",
    "Har tagit emot praktikanter via Arbetsförmedlingen tidigare, med gott resultat.",
    "Behöver förstärkning inför sommarsäsongen.",
    "Träffade dem på företagarfrukosten; tipsade själva om fler företag i området.",
    "Tar gärna emot någon med nystartsjobb om stödet är klart från start.",
    "Vill ha en skriftlig överenskommelse om praktikens upplägg.",
    "Svårt att nå på telefon, bäst att mejla HR.",
    "Många i personalen går i pension de närmaste åren.",
    "Har en lugn lokal som passar för arbetsträning i liten skala.",
    "Frågade om lönebidrag för en tidigare praktikant.",
)
STAGE_NOTES = {
    "identified": ("Tips från en deltagare.", "Hittad via kommunens företagsregister.", ""),
    "contacted": ("Ringde och presenterade oss.", "Mejl med vår broschyr, följde upp på telefon."),
    "interested": ("Möte på plats, vill veta mer om praktik.", "Intresserade av handledarstöd."),
    "partner": ("Första praktikanten började.", "Överenskommelse om samarbete undertecknad."),
    "recruiting": ("Vill anställa efter praktiken.", "Har behov av två personer till hösten."),
}
TRAINING_PROVIDERS = ("Arbetsförmedlingen", "Folkuniversitetet", "Arbetslivskrafts handledarkurs")
SUPERVISOR_NOTES = (
    "Lugn och tydlig, bra med nya medarbetare.",
    "Talar arabiska och engelska utöver svenska.",
    "Har själv börjat via praktik.",
    "Föredrar att få veta i förväg vem som kommer.",
)


@dataclass(frozen=True)
class Task:
    area: str
    title: str
    done_today_by: str
    hours: str
    language: str
    physical: str
    supervision: str
    description: str


TASKS = (
    Task("kitchen", "Diska och plocka in i köket", "kocken", "6", "A2", "medium", "some",
         "Diskmaskinen körs efter lunchen; porslinet ska in i rätt skåp."),
    Task("kitchen", "Skala och skära grönsaker till lunchen", "kocken", "5", "A1", "low", "some",
         "Förberedelser enligt en bildlista som sitter på väggen."),
    Task("kitchen", "Duka av och torka borden efter lunchen", "serveringspersonalen", "4", "",
         "low", "none", "Samla disk, torka bord och stolar, sopa under borden."),
    Task("kitchen", "Fylla på kaffe, bröd och pålägg", "kaféföreståndaren", "3", "A1", "low",
         "none", "Hålla fikabordet i ordning under dagen."),
    Task("retail", "Packa upp och prismärka varor", "butikschefen", "8", "A2", "medium", "some",
         "Leveransen kommer tisdagar och fredagar; varorna märks och ställs på plats."),
    Task("retail", "Fylla på hyllor och fronta varor", "kassapersonalen", "6", "", "medium",
         "none", "Dra fram varorna så att hyllorna ser fulla ut."),
    Task("retail", "Sortera pantflaskor och returer", "butikschefen", "3", "", "medium", "none",
         "Tömma pantautomaten och sortera backar och returer till lagret."),
    Task("secondhand", "Sortera inlämnade kläder", "butiksansvarig och volontärerna", "8", "",
         "low", "some", "Sortera efter sort och skick; det som inte säljs går till återvinning."),
    Task("secondhand", "Ånga och hänga upp kläder", "butiksansvarig", "5", "", "low", "none",
         "Kläderna ångas, hängs på galge och prismärks."),
    Task("secondhand", "Prismärka böcker och husgeråd", "volontärerna", "4", "A2", "low", "some",
         "Priser enligt en enkel prislista."),
    Task("garden", "Rensa ogräs i rabatterna", "trädgårdsmästaren", "6", "", "medium", "some",
         "Säsong april–oktober, mest förmiddagar."),
    Task("garden", "Kratta löv och sopa gångar", "fastighetsskötaren", "5", "", "medium", "none",
         "Gångar och entréer hålls fria, på hösten mest löv."),
    Task("garden", "Vattna och plantera om i växthuset", "trädgårdsmästaren", "4", "A1", "low",
         "some", "Vattning efter schema och omplantering av sticklingar."),
    Task("production", "Etikettera och packa produkter", "ägaren", "5", "A1", "low", "some",
         "Etiketter på burkar och flaskor, packning i kartonger till butikerna."),
    Task("production", "Diska kärl och redskap i produktionen", "ägaren", "4", "", "medium",
         "some", "Enligt hygienrutinen som gås igenom första dagen."),
    Task("care", "Servera fika och umgås med de boende", "undersköterskorna", "6", "A2", "low",
         "some", "Eftermiddagsfika på avdelningen, samtal och sällskap."),
    Task("care", "Hämta och lämna tvätt på avdelningarna", "undersköterskorna", "4", "A1",
         "medium", "none", "Tvättsäckar till tvättstugan och rena kläder tillbaka."),
    Task("care", "Följa med de boende på promenad", "undersköterskorna", "4", "A2", "low",
         "close", "Korta promenader i närområdet, alltid med personal i närheten."),
    Task("care", "Torka av rullatorer och hjälpmedel", "undersköterskorna", "3", "", "low",
         "none", "Rengöring enligt lista varje vecka."),
    Task("bike", "Tvätta och ladda elcyklar", "cykelmekanikern", "6", "", "medium", "some",
         "Cyklarna tvättas, batterierna laddas och lämnas klara för uthyrning."),
    Task("bike", "Plocka isär skrotcyklar till reservdelar", "cykelmekanikern", "5", "",
         "medium", "some", "Delar som går att använda sorteras i lådor."),
    Task("carpentry", "Sopa och städa verkstaden", "snickarna", "5", "", "medium", "none",
         "Verkstaden städas varje eftermiddag så att den är klar till nästa dag."),
    Task("carpentry", "Sortera spill och kapbitar", "snickarna", "3", "", "high", "some",
         "Spillvirke sorteras för återbruk eller till container."),
    Task("warehouse", "Vika kartonger och fylla på emballage", "lagerarbetarna", "6", "", "low",
         "none", "Emballaget ska alltid finnas vid packborden."),
    Task("warehouse", "Plasta in pallar inför utleverans", "truckförarna", "5", "A1", "medium",
         "some", "Pallarna plastas för hand och märks med fraktsedel."),
    Task("cleaning", "Fylla på städvagnarna", "städarna", "4", "", "low", "none",
         "Papper, tvål och påsar fylls på inför varje pass."),
    Task("cleaning", "Vika moppar och trasor från tvätten", "städarna", "4", "", "low", "none",
         "Moppar och trasor viks och sorteras efter färg."),
    Task("preschool", "Diska och torka av leksaker", "barnskötarna", "4", "", "low", "none",
         "Leksakerna rengörs en gång i veckan enligt hygienrutinen."),
    Task("preschool", "Duka fram frukost och mellanmål", "förskollärarna", "5", "A2", "low",
         "some", "Dukning och avdukning i matsalen."),
    Task("laundry", "Vika handdukar och lakan", "maskinoperatörerna", "8", "", "medium", "none",
         "Vikning vid bord, i egen takt."),
    Task("car", "Dammsuga och torka ur bilar", "bilmekanikerna", "6", "", "medium", "some",
         "Bilarna görs i ordning innan kunden hämtar dem."),
    Task("salon", "Tvätta och vika handdukar", "frisören", "3", "", "low", "none",
         "Handdukarna tvättas i salongens maskin."),
    Task("association", "Sköta kiosken under hemmamatcherna", "styrelsen", "4", "A2", "low",
         "some", "Kaffe, korv och godis; kassan räknas med en ledare."),
    Task("office", "Skanna och arkivera papper", "ekonomiassistenten", "5", "A2", "low", "some",
         "Fakturor och gamla pärmar skannas och arkiveras digitalt."),
    Task("office", "Sortera post och källsortera", "receptionisten", "3", "", "low", "none",
         "Internpost delas ut och sopor sorteras i miljörummet."),
)  # fmt: skip

# Shorter titles for occupation labels that are long or have alternatives.
TITLES = {
    "Undersköterska, hemtjänst, äldreboende och habilitering": "Undersköterska",
    "Butikssäljare, dagligvaror/Medarbetare, dagligvaror": "Butiksmedarbetare",
    "Butikssäljare, fackhandel": "Butikssäljare",
    "Lagerarbetare/Terminalarbetare": "Lagerarbetare",
    "Kafébiträde/Konditoribiträde": "Kafébiträde",
    "Expressarbetare/Flyttkarl/Stadsbud": "Flyttarbetare",
    "Träarbetare/Snickare": "Snickare",
    "Bagare/Konditor": "Bagare",
    "Maskinoperatör förpackning och påfyllning": "Maskinoperatör, förpackning",
    "Maskinoperatör tvätt och textilbehandling": "Tvätteriarbetare",
    "Återvinningsarbetare på ÅVC": "Återvinningsarbetare",
}
HEAVY = {"Lagerarbetare/Terminalarbetare", "Byggstädare", "Träarbetare/Snickare",
         "Expressarbetare/Flyttkarl/Stadsbud", "Väg- och anläggningsarbetare", "Diskare",
         "Återvinningsarbetare på ÅVC", "Park- och trädgårdsarbetare"}  # fmt: skip
LIGHT = {"Kafébiträde/Konditoribiträde", "Receptionist", "Kassapersonal", "Kontorsvaktmästare",
         "Frisör", "Tolk"}  # fmt: skip
DRIVERS = {"Distributionsförare": "C", "Renhållningsförare": "C", "Truckförare": "truck",
           "Hemvårdare": "B", "Budbilsförare": "B"}  # fmt: skip

DESCRIPTIONS = {
    "job": (
        "{employer} söker en {title} till arbetslaget. Du får en ordentlig introduktion och "
        "en fast kontaktperson de första veckorna.",
        "Vi växer och behöver en {title}. Erfarenhet är bra men inget krav – viljan att lära "
        "sig räknas mest.",
    ),
    "internship": (
        "Praktik hos {employer} med chans till anställning efteråt. Du lär dig arbetet steg "
        "för steg tillsammans med erfarna kollegor.",
        "Prova på arbetet som {title} i fyra till tolv veckor, med uppföljning varannan vecka.",
    ),
    "work_training": (
        "Arbetsträning i lugn takt hos {employer}. Vi börjar med några timmar om dagen och "
        "ökar när det känns rätt.",
        "En lugn arbetsplats där du tränar på fasta tider och enkla arbetsuppgifter som {title}.",
    ),
    "education": (
        "Lärlingsplats där du varvar arbete hos {employer} med teori på Komvux.",
        "Utbildningsplats som {title}: tre dagar på arbetsplatsen och två i skolan.",
    ),
}
SCHEDULES = (
    "Vardagar 7–16", "Måndag–fredag 8–12", "Dagtid, vardagar", "Tisdag–torsdag 9–15",
    "Förmiddagar", "Schema med varannan helg", "Kvällar och helger", "Måndag–fredag 10–14",
)  # fmt: skip
ACCESSIBILITY = (
    "Entrén har ramp och dörröppnare; hiss finns.",
    "Allt i markplan, men toaletten är inte anpassad för rullstol.",
    "Det finns ett lugnt pausrum.",
    "Nära busshållplats; parkering på gården.",
    "Trappa till personalrummet, ingen hiss.",
)
PHYSICAL_TEXTS = {
    "low": ("Mest sittande eller lätt arbete.", "Lätta lyft, går att variera ställning."),
    "medium": ("Mycket stående och gående.", "Lyft upp till 10 kg förekommer."),
    "high": ("Tunga lyft upp till 25 kg.", "Arbete utomhus i alla väder."),
}
STATUS_NOTES = {
    "open": ("Publicerad för matchning.", "Klar att matcha efter mötet med arbetsgivaren.", ""),
    "filled": ("Tillsatt med en deltagare.", "Platsen är tillsatt.", ""),
    "closed": ("Arbetsgivaren drog tillbaka behovet.", "Tiden gick ut.", "Ingen match hittades."),
}

# A small value chain per organisation: (supplier, customer, role, note). "trade:<key>" stands
# for the first generated employer of that trade; links to employers not loaded are left out.
CHAINS = {
    "arbetslivskraft": (
        ("Järna Handelsträdgård", "Café Kanalen", "raw_material",
         "Grönsaker och bär varje vecka under säsongen."),
        ("Ronna Bageri", "Café Kanalen", "processing", "Bröd och kanelbullar varje morgon."),
        ("Järna Handelsträdgård", "trade:livs", "sales_channel",
         "Trädgårdens grönsaker säljs i en egen hylla."),
        ("Hovsjö Städ & Service AB", "Café Kanalen", "service", "Städning två kvällar i veckan."),
    ),
    "allakanarbeta": (
        ("Säbrå Trädgård", "Ålsta folkhögskolas kök", "raw_material",
         "Potatis, rotfrukter och örter."),
        ("Ålsta folkhögskolas kök", "Café Magasinet", "processing",
         "Soppor och smörgåsar till caféet."),
        ("trade:odling", "Café Magasinet", "raw_material", "Råvaror till caféets bakverk."),
        ("Säbrå Trädgård", "trade:livs", "sales_channel", "Grönsakslådor i butiken på fredagar."),
    ),
}  # fmt: skip
