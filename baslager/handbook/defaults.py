"""The checklists every organisation starts with, written by the team.

This is data, not interface text: the organisation edits its own copy in the library, so the
Swedish wording lives here rather than in the message catalogue. Each item is
(text, who, guidance); guidance may be empty.
"""

from .models import ChecklistStage, Responsible

COACH, SUPERVISOR, PARTICIPANT = Responsible.COACH, Responsible.SUPERVISOR, Responsible.PARTICIPANT

DEFAULT_LIBRARY: list[tuple[str, str, list[tuple[str, str, str]]]] = [
    (
        ChecklistStage.BEFORE_ARRIVAL,
        "Före start",
        [
            (
                "Utse handledare och ersättare",
                COACH,
                "Ersättaren tar över när handledaren är sjuk eller ledig, så att deltagaren "
                "aldrig står utan någon att fråga.",
            ),
            (
                "Gå igenom arbetsuppgifterna och vad som är lätt att börja med",
                SUPERVISOR,
                "Välj två eller tre uppgifter som går att lära sig första veckan och som ger "
                "något färdigt att visa upp.",
            ),
            (
                "Kom överens om anpassningar och stöd som deltagaren behöver",
                COACH,
                "Berätta bara det deltagaren har sagt ja till att arbetsgivaren får veta.",
            ),
            ("Ordna arbetskläder, skyddsutrustning och passerkort", SUPERVISOR, ""),
            (
                "Kom överens om arbetstider, raster och vem deltagaren ringer vid sjukdom",
                SUPERVISOR,
                "Skriv ner telefonnumret och tiden man senast ska ringa.",
            ),
            (
                "Informera arbetskamraterna om att en praktikant börjar",
                SUPERVISOR,
                "Namn, startdag och vem som är handledare räcker.",
            ),
            (
                "Skicka adress, vägbeskrivning, starttid och handledarens namn till deltagaren",
                COACH,
                "Gå gärna eller åk resvägen tillsammans en gång före start.",
            ),
            ("Boka uppföljningsmöte efter första veckan", COACH, ""),
        ],
    ),
    (
        ChecklistStage.FIRST_DAY,
        "Första dagen",
        [
            ("Ta emot deltagaren vid entrén och hälsa välkommen", SUPERVISOR, ""),
            (
                "Visa runt på arbetsplatsen: omklädningsrum, toalett, fikarum och arbetsplats",
                SUPERVISOR,
                "",
            ),
            (
                "Gå igenom säkerhet: nödutgångar, återsamlingsplats, brandsläckare "
                "och första hjälpen",
                SUPERVISOR,
                "",
            ),
            ("Presentera arbetskamraterna och vem man frågar om vad", SUPERVISOR, ""),
            ("Ät lunch eller fika tillsammans", SUPERVISOR, ""),
            (
                "Ge en första enkel arbetsuppgift och visa hur den görs",
                SUPERVISOR,
                "Visa, gör tillsammans, låt deltagaren göra själv medan du finns nära.",
            ),
            ("Lämna ut nycklar, passerkort och arbetskläder", SUPERVISOR, ""),
            (
                "Avsluta dagen med en kort avstämning: hur gick det, vad händer i morgon?",
                SUPERVISOR,
                "",
            ),
            ("Ring eller sms:a deltagaren efter första dagen", COACH, ""),
        ],
    ),
    (
        ChecklistStage.FIRST_WEEK,
        "Första veckan",
        [
            (
                "Stäm av kort med deltagaren varje dag",
                SUPERVISOR,
                "Fem minuter i slutet av dagen räcker.",
            ),
            (
                "Lägg till en ny arbetsuppgift när den första sitter",
                SUPERVISOR,
                "",
            ),
            ("Gå igenom rutiner för frånvaro, tidrapport och raster en gång till", SUPERVISOR, ""),
            (
                "Hör av dig till handledaren och fråga hur veckan går",
                COACH,
                "Fråga också om något behöver ändras i uppgifter, tider eller stöd.",
            ),
            ("Skriv ner tre saker som gått bra och en sak som varit svår", PARTICIPANT, ""),
            ("Se över om anpassningarna fungerar eller behöver ändras", COACH, ""),
            ("Kom överens om vad deltagaren ska lära sig de kommande veckorna", SUPERVISOR, ""),
        ],
    ),
    (
        ChecklistStage.FOLLOW_UP,
        "Uppföljning",
        [
            (
                "Håll trepartssamtal: coach, handledare och deltagare",
                COACH,
                "Boka samtalet på arbetsplatsen, helst efter två till fyra veckor.",
            ),
            (
                "Gå igenom vad deltagaren har lärt sig och vilka uppgifter som fungerar",
                SUPERVISOR,
                "",
            ),
            ("Deltagaren berättar hur praktiken känns och vad hen vill utveckla", PARTICIPANT, ""),
            ("Stäm av närvaro och arbetstider", COACH, ""),
            (
                "Utvärdera praktiken tillsammans med handledaren",
                COACH,
                "Vad fungerade, vad skulle arbetsplatsen göra annorlunda nästa gång?",
            ),
            (
                "Bestäm nästa steg: förlängning, anställning, utbildning eller ny praktik",
                COACH,
                "",
            ),
            ("Skriv ett intyg eller referens om praktiken", SUPERVISOR, ""),
            ("Tacka arbetsplatsen och handledaren", COACH, ""),
        ],
    ),
]
