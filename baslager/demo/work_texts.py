"""Swedish wording for the demo's projects, call campaign, leads and placements.

Demo content is data, not interface text, so it is written in Swedish here rather than put in
the message catalogue.
"""

from baslager.outreach.models import Outcome
from baslager.projects.models import Funder

# Per organisation key: the project it runs, ``years`` long from ``first_month`` of last year.
PROJECTS = {
    "allakanarbeta": {
        "name": "Alla kan arbeta",
        "funder": Funder.ESF_PLUS,
        "funder_details": (
            "Programområde B, social inkludering. Medfinansiering från Härnösands kommun och "
            "Samordningsförbundet Härnösand–Kramfors."
        ),
        "reference": "{year}/00456",
        "planned_participants": 120,
        "target_groups": "Långtidsarbetslösa, nyanlända och personer med funktionsnedsättning",
        "purpose": (
            "Att fler kvinnor och män långt från arbetsmarknaden kommer i arbete eller studier, "
            "genom lågtröskeljobb som tas fram tillsammans med arbetsgivare i Härnösand och "
            "Kramfors. Målet är 20 lågtröskeluppgifter som erbjuds alla oavsett kön."
        ),
        "budget": 14_850_000,
        "years": 3,
        "first_month": 1,
    },
    "arbetslivskraft": {
        "name": "Vägen tillbaka",
        "funder": Funder.KOMMUN,
        "funder_details": "Södertälje kommun, arbetsmarknadsförvaltningen (idéburet offentligt "
        "partnerskap).",
        "reference": "AMN {year}/0312",
        "planned_participants": 60,
        "target_groups": (
            "Personer med försörjningsstöd som stått utan arbete i mer än två år, och unga "
            "vuxna 18–29 år som varken arbetar eller studerar"
        ),
        "purpose": (
            "Arbetsträning och praktik med handledare hos arbetsgivare i Södertälje, så att "
            "deltagarna går vidare till anställning, studier eller insatser hos "
            "Arbetsförmedlingen."
        ),
        "budget": 4_200_000,
        "years": 2,
        "first_month": 8,
    },
}

CAMPAIGN_PURPOSE = (
    "Vi ringer arbetsgivarna i {kommun} för att ta reda på vilka de behöver anställa det "
    "kommande året, om de kan ta emot praktikanter eller arbetstränare och om det finns enkla "
    "uppgifter som någon utan specialistens utbildning kan göra."
)

CAMPAIGN_SCRIPT = """\
Hej, jag heter {{ditt namn}} och ringer från {organisation}. Vi hjälper personer som står \
långt från arbetsmarknaden att komma i arbete, och vi ringer runt till arbetsgivare i \
{kommun} för att höra hur ert behov av personal ser ut. Har du fem minuter?

1. Vilka yrken eller roller behöver ni rekrytera till nu, inom sex månader eller inom ett år?
2. Kan ni tänka er att ta emot en praktikant eller någon i arbetsträning? Hur många kan ni \
handleda samtidigt?
3. Finns det uppgifter som i dag tar tid från era specialister och som någon annan skulle \
kunna göra, till exempel disk, packning, enklare städning eller posthantering?
4. Finns det någon hos er som skulle kunna vara handledare?

Om de är intresserade: föreslå ett möte på plats, gärna inom två veckor, eller erbjud att \
skicka vårt informationsblad om praktik och arbetsträning med lönebidrag och nystartsjobb.

Om de inte har tid: fråga när det passar att ringa tillbaka och notera det.
Om de inte är intresserade: tacka för samtalet och fråga om vi får höra av oss nästa år."""

CALL_NOTES = {
    Outcome.NO_ANSWER: ("", "Ingen svarade i växeln.", "Gick till röstbrevlåda, lämnade inget."),
    Outcome.CALL_BACK: (
        "Chefen var upptagen, bad mig ringa tillbaka.",
        "Ägaren är på semester, ring efter att hen kommit tillbaka.",
        "Mitt i lunchrusningen, ring på förmiddagen i stället.",
        "Platschefen är ute på uppdrag, nås bäst före klockan nio.",
    ),
    Outcome.WRONG_PERSON: (
        "Kom till receptionen, de visste inte vem som ansvarar för rekrytering.",
        "Numret gick till ett annat företag.",
        "Personen har slutat; fick ett nytt namn att fråga efter.",
    ),
    Outcome.NOT_INTERESTED: (
        "Har inga rekryteringsplaner i år och kan inte handleda.",
        "Tar redan emot praktikanter via gymnasiet.",
        "Varslar personal just nu, hör av er nästa år.",
        "Vill inte, för lite plats i lokalen.",
    ),
    Outcome.INTERESTED: (
        "Positiv, vill gärna veta mer om arbetsträning med handledare.",
        "Behöver folk till hösten, vill ha informationsbladet.",
        "Intresserad av lågtröskeljobb, har mycket enkla uppgifter som blir liggande.",
        "Kan ta en praktikant efter sommaren.",
    ),
    Outcome.MEETING_BOOKED: (
        "Bokade möte på plats med chefen.",
        "Vi träffas hos dem och går igenom vilka uppgifter som finns.",
        "Möte bokat; de vill träffa en handledare från oss också.",
    ),
}
STAGE_NOTE = "Efter samtal"
MATERIAL_NOTE = "Skicka informationsbladet om praktik och arbetsträning."

COMPETENCE_NEEDS = (
    "Svårt att hitta folk med körkort och vana av fysiskt arbete.",
    "Behöver personal som kan börja snabbt inför högsäsongen.",
    "Saknar folk till helger och kvällar.",
    "Flera går i pension de närmaste åren.",
    "Vill hitta någon som kan lära sig på plats; utbildning är inget krav.",
)
NEED_REQUIREMENTS = (
    "Svenska på grundnivå räcker, det viktiga är att vara punktlig.",
    "Körkort B är ett plus.",
    "Ingen erfarenhet krävs, de lär upp på plats.",
    "Tål att stå och gå hela dagen.",
    "Deltid går bra i början.",
    "",
)

# Per organisation key: (employer's name, trade key, reason, contact role, kommun index).
LEADS = {
    "arbetslivskraft": (
        (
            "Hovsjö Pizzeria & Grill",
            "restaurang",
            "Lapp i fönstret: söker extrapersonal till helgerna. Ägaren verkade positiv när jag "
            "frågade.",
            "Ägare",
        ),
        (
            "Östertälje Däck & Service AB",
            "bil",
            "Har byggt ut verkstaden och ska öppna en andra hall till däcksäsongen.",
            "Verkstadschef",
        ),
        (
            "Mölnbo Gårdsbutik",
            "odling",
            "Ny gårdsbutik vid stationen, stod i Länstidningen att de behöver folk till sommaren.",
            "Ägare",
        ),
    ),
    "allakanarbeta": (
        (
            "Härnösands Kebab & Café",
            "restaurang",
            "Nyöppnat vid busstorget, ägaren frågade själv om vi har någon som kan diska.",
            "Ägare",
        ),
        (
            "Härnösands Bildemontering AB",
            "atervinning",
            "Såg annons på Platsbanken om lagerarbetare, vill gärna ta in någon på prov först.",
            "Platschef",
        ),
    ),
}
# Leads that turned out to be employers already registered: the reason the scout gave.
VERIFIED_REASONS = (
    "Har satt upp en skylt om att de anställer. Vi har dem redan i registret men ingen har "
    "pratat med dem på länge.",
    "Hörde från en deltagare att de behöver folk till lagret efter sommaren.",
)
REJECTED = (
    (
        "Salong Sax & Stil",
        "frisor",
        "Ny frisörsalong i centrum, kanske kan de ta en praktikant.",
        "Ägare",
        "Enskild firma där ägaren jobbar ensam och inte har plats för någon mer. Vi hör av oss "
        "om det ändras.",
    ),
)

PLACEMENT_RESULTS = (
    "Praktiken gick bra och ledde till en timanställning från nästa månad.",
    "Avslutad enligt plan; handledaren skriver ett intyg och deltagaren söker vidare.",
)
