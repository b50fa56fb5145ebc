"""The default table of gender-dominated occupations, for organisations that have not set their own.

Figures from SCB's occupational register (yrkesregistret): the 30 most common occupations among
employees aged 16–64 in 2020, by SSYK 2012 unit group, with the share of women and men. Only the
occupations where one gender is over 60 % are listed. They are a national snapshot of one year
and an estimate for any one labour market: an administrator should check them against SCB's
latest figures and the local labour market, and may add whole fields (an SSYK major group is one
digit) on the reference page.
"""

SOURCE = (
    "SCB, Yrkesregistret med yrkesstatistik, 30 vanligaste yrkena, anställda 16–64 år, 2020 "
    "(estimate to be checked): https://www.scb.se/hitta-statistik/statistik-efter-amne/"
    "arbetsmarknad/sysselsattning-forvarvsarbete-och-arbetstider/"
    "yrkesregistret-med-yrkesstatistik/pong/tabell-och-diagram/30-vanligaste-yrkena/"
)

# (SSYK 2012 code, occupation, dominant gender, its share in per cent), as SCB published them.
DEFAULT_FIELDS: tuple[tuple[str, str, str, int], ...] = (
    ("2221", "Grundutbildade sjuksköterskor", "woman", 89),
    ("2341", "Grundskollärare", "woman", 74),
    ("2343", "Förskollärare", "woman", 96),
    ("2422", "Planerare och utredare m.fl.", "woman", 66),
    ("2512", "Mjukvaru- och systemutvecklare m.fl.", "man", 81),
    ("3322", "Företagssäljare", "man", 73),
    ("4111", "Ekonomiassistenter m.fl.", "woman", 86),
    ("4119", "Övriga kontorsassistenter och sekreterare", "woman", 79),
    ("4322", "Lager- och terminalpersonal", "man", 76),
    ("5152", "Fastighetsskötare", "man", 83),
    ("5222", "Butikssäljare, dagligvaror", "woman", 66),
    ("5223", "Butikssäljare, fackhandel", "woman", 61),
    ("5311", "Barnskötare", "woman", 91),
    ("5312", "Elevassistenter m.fl.", "woman", 63),
    ("5321", "Undersköterskor, hemtjänst, hemsjukvård och äldreboende", "woman", 90),
    ("5323", "Undersköterskor, vård- och specialavdelning", "woman", 90),
    ("5330", "Vårdbiträden", "woman", 72),
    ("5342", "Vårdare, boendestödjare", "woman", 73),
    ("5343", "Personliga assistenter", "woman", 72),
    ("7111", "Träarbetare, snickare m.fl.", "man", 99),
    ("7223", "Maskinställare och maskinoperatörer, metallarbete", "man", 85),
    ("7231", "Motorfordonsmekaniker och fordonsreparatörer", "man", 97),
    ("7411", "Installations- och serviceelektriker", "man", 98),
    ("8332", "Lastbilsförare m.fl.", "man", 92),
    ("9111", "Städare", "woman", 73),
)

# Alla kan arbeta's target: at least three internships that break gender-stereotyped patterns.
NORM_BREAKING_TARGET = 3
