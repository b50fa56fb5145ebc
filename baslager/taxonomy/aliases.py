"""Everyday names for occupations that the taxonomy lacks, so a search finds the official one.

People say "lokalvårdare" or "vaktmästare"; JobTech calls the work "Städare" and
"Fastighetsskötare". Keys are official occupation labels, values the names people use.
"""

OCCUPATION_ALIASES: dict[str, tuple[str, ...]] = {
    "Städare": ("Lokalvårdare", "Städerska", "Lokalvård", "Städhjälp"),
    "Fastighetsskötare": ("Vaktmästare", "Fastighetsarbetare"),
    "Lagerarbetare/Terminalarbetare": ("Lagerpersonal", "Lagermedarbetare", "Plockare"),
    "Butikssäljare, dagligvaror/Medarbetare, dagligvaror": (
        "Butiksbiträde",
        "Butiksmedarbetare",
        "Expedit",
        "Varupåfyllare",
    ),
    "Köksbiträde": ("Kökshjälp", "Kökspersonal"),
    "Restaurangbiträde": ("Snabbmatsmedarbetare",),
    "Servitör/Servitris": ("Kypare",),
    "Taxiförare": ("Taxichaufför",),
    "Bussförare": ("Busschaufför",),
    "Distributionsförare": ("Lastbilschaufför", "Chaufför"),
    "Undersköterska, hemtjänst, äldreboende och habilitering": ("Hemtjänstpersonal",),
    "Vårdbiträde": ("Hemtjänstpersonal", "Vårdare"),
    "Personlig assistent": ("Assistent LSS",),
    "Barnskötare": ("Förskoleassistent",),
    "Tolk": ("Kontakttolk", "Språktolk"),
    "Maskinoperatör tvätt och textilbehandling": ("Tvätteriarbetare", "Tvätteribiträde"),
    "Maskinoperatör förpackning och påfyllning": ("Paketerare", "Handpaketerare"),
    "Sömmerska konfektion": ("Sömmerska", "Syerska"),
    "Återvinningsarbetare på ÅVC": ("Renhållningsarbetare", "Sophämtare"),
    "Expressarbetare/Flyttkarl/Stadsbud": ("Flyttarbetare",),
    "Park- och trädgårdsarbetare": ("Parkarbetare", "Trädgårdsarbetare"),
    "Väg- och anläggningsarbetare": ("Byggnadsarbetare", "Byggarbetare"),
    "Träarbetare/Snickare": ("Byggnadssnickare",),
    "Postterminalarbetare": ("Postsorterare",),
    "VVS-montör": ("Rörmokare", "Rörläggare"),
    "Personbilsmekaniker": ("Bilmekaniker",),
}
