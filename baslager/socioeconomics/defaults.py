"""The parameters every organisation starts with, from the domain brief (domain-rules.md §2).

This is data, not interface text: the organisation edits its own copy, so the Swedish wording
lives here rather than in the message catalogue. Every default is an estimate. The brief has no
split of the cost per actor (it was not retrievable from Nilsson's reports), so the split below
is the team's own assumption and says so in its source.
"""

from .models import Actor, AssumptionKey, CostKind

JONKOPING_URL = "https://docplayer.se/3053442"
TEAM_SPLIT = (
    "Antagande av Baslägers team, ersätt med era egna siffror. Nilssons fördelning per aktör gick "
    "inte att hämta. Raderna och produktionsvärdet (400 000 kr × 75 %) blir tillsammans 437 500 kr "
    "per person och år, som i Jönköpingsprojektet (omkring 70 mnkr per år för 160 personer)."
)
TAX_SPLIT = (
    "Antagande av Baslägers team, ersätt med era egna siffror: arbetsgivaravgifter 31,42 % av "
    "lönen till staten (omkring 24 % av produktionsvärdet), kommunalskatt omkring 21 % och "
    "regionskatt omkring 11,5 % av lönen (omkring 15 % och 8 % av produktionsvärdet), före "
    "jobbskatteavdrag. Personen behåller resten."
)

# (actor, cost item, SEK per person-year, kind)
DEFAULT_COSTS = [
    (Actor.KOMMUN, "Försörjningsstöd", 90_000, CostKind.FINANCIAL),
    (
        Actor.KOMMUN,
        "Socialtjänstens och arbetsmarknadsenhetens handläggning och insatser",
        20_000,
        CostKind.REAL,
    ),
    (Actor.STATE, "Arbetsförmedlingens handläggning och program", 10_000, CostKind.REAL),
    (
        Actor.FORSAKRINGSKASSAN,
        "Ersättningar (sjukpenning, aktivitetsersättning)",
        5_000,
        CostKind.FINANCIAL,
    ),
    (Actor.REGION, "Hälso- och sjukvård, psykiatri", 12_500, CostKind.REAL),
]

# key → (value in the key's unit, source, link)
DEFAULT_ASSUMPTIONS = {
    AssumptionKey.PRODUCTION_VALUE: (
        400_000,
        "Antagande av Baslägers team, ersätt med era egna siffror: en heltidslön på omkring "
        "25 400 kr i månaden plus arbetsgivaravgifter 31,42 %.",
        "",
    ),
    AssumptionKey.EMPLOYMENT_RATE: (
        75,
        "Antagande av Baslägers team, ersätt med era egna siffror. Med kostnadsraderna ger det "
        "Jönköpingsprojektets omkring 437 500 kr per person och år (70 mnkr / 160 personer).",
        JONKOPING_URL,
    ),
    AssumptionKey.HORIZON: (
        15,
        "Enklare väg till jobb: 9 personer till egen försörjning, 72 mnkr under 15 år (Nilsson och "
        "Lundmark enligt projektet; inte bekräftat i rapporterna).",
        "",
    ),
    AssumptionKey.DISCOUNT_RATE: (
        3.5,
        "Antagande av Baslägers team: den ränta Nilsson använde gick inte att hämta. 3,5 % är den "
        "reala kalkylränta Trafikverkets ASEK anger för offentliga investeringar.",
        "",
    ),
    AssumptionKey.DEADWEIGHT: (
        10,
        "Enklare väg till jobb, efter SCB: av dem som varit inaktiva i tre år tar sig i dag en av "
        "tio ur utanförskapet nästa år.",
        "",
    ),
    AssumptionKey.DURABILITY: (
        90,
        "Antagande av Baslägers team, ersätt med era egna siffror: en av tio lämnar arbetet varje "
        "år.",
        "",
    ),
    AssumptionKey.SHARE_KOMMUN: (15, TAX_SPLIT, ""),
    AssumptionKey.SHARE_STATE: (24, TAX_SPLIT, ""),
    AssumptionKey.SHARE_REGION: (8, TAX_SPLIT, ""),
}
