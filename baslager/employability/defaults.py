"""The default self-assessment the team wrote: short statements in plain language about how ready
a person feels for work, answered on a scale from 1 ("not true at all") to 5 ("completely true").

Every organisation starts with a copy (see ``services.questionnaire_for``) and may then change the
statements, add its own and add languages. The words are kept simple on purpose: many participants
read Swedish as a second language or find long forms hard.
"""

# The words around the questions, per language. ``scale`` names the answers 1 to 5.
DEFAULT_LANGUAGES = {
    "sv": {
        "name": "Svenska",
        "title": "Hur ser du på dig själv och arbete?",
        "intro": (
            "Läs varje mening. Välj hur bra den stämmer för dig just nu. "
            "Det finns inga rätta eller fel svar. Du kan hoppa över en fråga."
        ),
        "scale": [
            "Stämmer inte alls",
            "Stämmer lite",
            "Stämmer delvis",
            "Stämmer bra",
            "Stämmer helt",
        ],
        "skip": "Vill inte svara",
        "submit": "Skicka mina svar",
        "thanks": "Tack för dina svar!",
        "entry": "I början",
        "interim": "Under tiden",
        "exit": "I slutet",
        "average": "Medelvärde",
    },
    "en": {
        "name": "English",
        "title": "How do you see yourself and work?",
        "intro": (
            "Read each sentence. Choose how true it is for you right now. "
            "There are no right or wrong answers. You can skip a question."
        ),
        "scale": [
            "Not true at all",
            "A little true",
            "Partly true",
            "Mostly true",
            "Completely true",
        ],
        "skip": "I don't want to answer",
        "submit": "Send my answers",
        "thanks": "Thank you for your answers!",
        "entry": "At the start",
        "interim": "Along the way",
        "exit": "At the end",
        "average": "Average",
    },
}

# What a language needs besides its name: the texts the participant sees around the questions.
PHRASE_KEYS = ("title", "intro", "skip", "submit", "thanks", "entry", "interim", "exit", "average")
SCALE_POINTS = 5

DEFAULT_QUESTIONS = [
    {"sv": "Jag vet vilka jobb jag kan söka.", "en": "I know which jobs I can apply for."},
    {"sv": "Jag kan berätta om vad jag är bra på.", "en": "I can tell others what I am good at."},
    {
        "sv": "Jag vet hur jag söker ett jobb.",
        "en": "I know how to apply for a job.",
    },
    {"sv": "Jag klarar en arbetsdag.", "en": "I can manage a working day."},
    {
        "sv": "Jag kommer i tid och håller det jag lovar.",
        "en": "I am on time and do what I have promised.",
    },
    {
        "sv": "Jag kan samarbeta med andra på en arbetsplats.",
        "en": "I can work together with others at a workplace.",
    },
    {"sv": "Jag vet var jag kan få hjälp.", "en": "I know where I can get help."},
    {"sv": "Jag tror på mig själv.", "en": "I believe in myself."},
    {
        "sv": "Jag tror att jag kommer att få ett arbete inom ett år.",
        "en": "I believe I will get a job within a year.",
    },
]
