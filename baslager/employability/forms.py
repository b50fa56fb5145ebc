import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baslager.organisations.models import Membership

from .defaults import PHRASE_KEYS, SCALE_POINTS
from .models import REQUIRED_LANGUAGES, Occasion, Question, Questionnaire
from .selectors import projects_to_choose

SKIPPED = "skip"
PHRASE_LABELS = {
    "title": _("Heading"),
    "intro": _("Instructions"),
    "skip": _("The answer for skipping a question"),
    "submit": _("The send button"),
    "thanks": _("Thanks after sending"),
    "entry": _("The occasion at entry"),
    "interim": _("The occasion along the way"),
    "exit": _("The occasion at exit"),
    "average": _("The word for the average"),
}
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")


class AssessmentStartForm(forms.Form):
    """When and in which language; the button pressed says how it will be answered."""

    occasion = forms.ChoiceField(label=_("Occasion"), choices=Occasion.choices)
    language = forms.ChoiceField(label=_("Language of the questions"))
    project = forms.ModelChoiceField(label=_("Project"), queryset=None, required=False)

    def __init__(self, *args, questionnaire: Questionnaire, membership: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = questionnaire.language_choices()
        self.fields["project"].queryset = projects_to_choose(membership=membership)


class AnswersForm(forms.Form):
    """One set of radio buttons per question: 1–5 in the chosen language, or skip. A question
    left without a choice counts as skipped, but at least one must be answered."""

    def __init__(
        self,
        *args,
        questionnaire: Questionnaire,
        questions: list[Question],
        language: str,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        scale = questionnaire.scale(language)
        choices = [
            (str(value), f"{value} – {scale[value - 1]}") for value in range(1, SCALE_POINTS + 1)
        ]
        choices.append((SKIPPED, questionnaire.phrase(language, "skip")))
        self.questions = questions
        for number, question in enumerate(questions, start=1):
            self.fields[self.field_name(question)] = forms.ChoiceField(
                label=f"{number}. {question.text_in(language)}",
                choices=choices,
                widget=forms.RadioSelect,
                required=False,
            )

    @staticmethod
    def field_name(question: Question) -> str:
        return f"question_{question.pk}"

    def clean(self):
        cleaned = super().clean()
        answers = [cleaned.get(self.field_name(question)) for question in self.questions]
        if not any(value not in ("", SKIPPED, None) for value in answers):
            raise forms.ValidationError(_("Answer at least one question."), code="empty")
        return cleaned

    def values(self) -> dict[int, int | None]:
        """Question pk → 1–5, or None for skipped."""
        result = {}
        for question in self.questions:
            raw = self.cleaned_data.get(self.field_name(question)) or SKIPPED
            result[question.pk] = None if raw == SKIPPED else int(raw)
        return result

    def answer_fields(self):
        return [self[self.field_name(question)] for question in self.questions]


class PaperEntryForm(AnswersForm):
    """The coach types in a form the participant filled in on paper."""

    occasion = forms.ChoiceField(label=_("Occasion"), choices=Occasion.choices)
    answered_on = forms.DateField(
        label=_("Date on the form"), widget=forms.DateInput(attrs={"type": "date"})
    )
    language = forms.ChoiceField(label=_("Language of the form"))
    project = forms.ModelChoiceField(label=_("Project"), queryset=None, required=False)

    def __init__(self, *args, questionnaire, questions, language, membership, **kwargs):
        super().__init__(
            *args, questionnaire=questionnaire, questions=questions, language=language, **kwargs
        )
        self.fields["language"].choices = questionnaire.language_choices()
        self.fields["project"].queryset = projects_to_choose(membership=membership)
        self.fields["answered_on"].initial = timezone.localdate()

    def clean_answered_on(self):
        day = self.cleaned_data["answered_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."), code="future")
        return day

    def meta_fields(self):
        return [self[name] for name in ("occasion", "answered_on", "language", "project")]


class QuestionnaireForm(forms.ModelForm):
    class Meta:
        model = Questionnaire
        fields = ["title", "is_active", "increase_threshold"]


class QuestionForm(forms.Form):
    """The question in each of the questionnaire's languages; Swedish and English are required."""

    is_active = forms.BooleanField(
        label=_("Asked"),
        required=False,
        initial=True,
        help_text=_("A question no longer asked keeps the answers already given to it."),
    )

    def __init__(self, *args, questionnaire: Questionnaire, question: Question, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name in questionnaire.language_choices():
            self.fields[f"text_{code}"] = forms.CharField(
                label=name,
                max_length=300,
                required=code in REQUIRED_LANGUAGES,
                initial=question.texts.get(code, ""),
                help_text=""
                if code in REQUIRED_LANGUAGES
                else _("Left empty, the Swedish text is shown."),
            )
        # The new field order: texts first, then whether the question is asked.
        self.order_fields([name for name in self.fields if name != "is_active"] + ["is_active"])
        if question.pk:
            self.fields["is_active"].initial = question.is_active

    def texts(self) -> dict[str, str]:
        return {
            name.removeprefix("text_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("text_")
        }


class LanguageForm(forms.Form):
    """Everything the participant reads in one language: the words around the questions and the
    questions themselves, with the Swedish beside each as help."""

    code = forms.CharField(
        label=_("Language code"),
        max_length=12,
        help_text=_("ISO 639 code in small letters, such as ar, so, ti or prs (Dari)."),
    )
    name = forms.CharField(
        label=_("Name of the language, in the language itself"),
        max_length=60,
        help_text=_("For example العربية, Soomaali or ትግርኛ."),
    )

    def __init__(self, *args, questionnaire: Questionnaire, code: str | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire
        self.questions = list(questionnaire.questions.order_by("position", "pk"))
        required = code in REQUIRED_LANGUAGES
        current = questionnaire.languages.get(code, {}) if code else {}
        swedish = questionnaire.languages.get("sv", {})
        if code:
            del self.fields["code"]
            self.code = code
        self.fields["name"].initial = current.get("name", "")
        for key in PHRASE_KEYS:
            self.fields[key] = forms.CharField(
                label=PHRASE_LABELS[key],
                required=required,
                initial=current.get(key, ""),
                help_text=swedish.get(key, ""),
                widget=forms.Textarea(attrs={"rows": 2}) if key == "intro" else None,
            )
        scale = current.get("scale") or [""] * SCALE_POINTS
        for value in range(1, SCALE_POINTS + 1):
            self.fields[f"scale_{value}"] = forms.CharField(
                label=_("Answer %(value)s") % {"value": value},
                max_length=60,
                initial=scale[value - 1],
                help_text=(swedish.get("scale") or [""] * SCALE_POINTS)[value - 1],
            )
        for number, question in enumerate(self.questions, start=1):
            self.fields[f"question_{question.pk}"] = forms.CharField(
                label=_("Question %(number)s") % {"number": number},
                max_length=300,
                required=False,
                initial=question.texts.get(code, "") if code else "",
                help_text=question.texts.get("sv", ""),
            )

    def clean_code(self):
        code = self.cleaned_data["code"].strip().lower()
        if not LANGUAGE_CODE.match(code):
            raise forms.ValidationError(
                _("Write a language code such as ar or so."), code="invalid"
            )
        if code in self.questionnaire.languages:
            raise forms.ValidationError(
                _("The questionnaire already has this language."), code="exists"
            )
        return code

    def language_code(self) -> str:
        return getattr(self, "code", None) or self.cleaned_data["code"]

    def texts(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "scale": [data[f"scale_{value}"] for value in range(1, SCALE_POINTS + 1)],
            **{key: data[key] for key in PHRASE_KEYS},
        }

    def question_texts(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data[f"question_{q.pk}"] for q in self.questions}

    def phrase_fields(self):
        return [self[key] for key in PHRASE_KEYS]

    def scale_fields(self):
        return [self[f"scale_{value}"] for value in range(1, SCALE_POINTS + 1)]

    def question_fields(self):
        return [self[f"question_{q.pk}"] for q in self.questions]
