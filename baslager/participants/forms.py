from django import forms
from django.core.exceptions import ValidationError
from django.forms import inlineformset_factory
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from baslager.accounts.models import User
from baslager.organisations.access import scoped
from baslager.organisations.models import Membership
from baslager.taxonomy.kommuner import kommun_choices
from baslager.taxonomy.linker_widgets import SuggestingTextarea, SuggestingTextInput
from baslager.taxonomy.models import EducationLevel, Language, Occupation, Skill
from baslager.taxonomy.widgets import TaxonomyPicker

from . import identity
from .models import (
    CefrLevel,
    DrivingLicence,
    IdKind,
    LabourMarketStatus,
    Participant,
    ParticipantLanguage,
    SfiCourse,
    SpecialCategoryData,
    TriState,
    Weekday,
    WorkExperience,
)
from .selectors import coach_candidates, participant_by_id_number

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ParticipantForm(forms.ModelForm):
    """Intake and basic details. The identity number is typed freely and stored as 12 digits."""

    id_number = forms.CharField(
        label=_("Identity number"),
        required=False,
        max_length=20,
        help_text=_("YYMMDD-NNNN or YYYYMMDDNNNN."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    kommun_code = forms.ChoiceField(
        label=_("Municipality"),
        required=False,
        choices=[("", _("Choose a municipality")), *kommun_choices()],
    )

    class Meta:
        model = Participant
        fields = [
            "first_name",
            "last_name",
            "id_kind",
            "id_number",
            "birth_date",
            "gender",
            "email",
            "phone",
            "street_address",
            "postal_code",
            "city",
            "kommun_code",
            "preferred_language",
            "needs_interpreter",
            "entry_date",
            "labour_market_status",
            "unemployed_since",
        ]
        widgets = {
            "id_kind": forms.RadioSelect,
            "gender": forms.RadioSelect,
            "labour_market_status": forms.RadioSelect,
            "birth_date": DATE_INPUT,
            "entry_date": DATE_INPUT,
            "unemployed_since": DATE_INPUT,
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
        }

    def __init__(self, *args, membership: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.membership = membership
        self.fields["labour_market_status"].choices = [
            ("", _("Not recorded")),
            *LabourMarketStatus.choices,
        ]
        self.fields["labour_market_status"].required = False
        if self.instance.pk and self.instance.id_number:
            # Never echo the full number into a form; an empty box keeps the stored one.
            self.initial["id_number"] = ""
            self.fields["id_number"].help_text = _(
                "Now %(masked)s. Leave empty to keep it, or type a new number."
            ) % {"masked": self.instance.id_number_masked}

    def clean_postal_code(self):
        code = self.cleaned_data["postal_code"].replace(" ", "")
        if code and (len(code) != 5 or not code.isdigit()):
            raise ValidationError(_("A postal code has five digits, e.g. 151 73."))
        return f"{code[:3]} {code[3:]}" if code else ""

    def clean(self):
        cleaned = super().clean()
        self._clean_identity(cleaned)
        self._clean_unemployment(cleaned)
        return cleaned

    def _clean_identity(self, cleaned):
        kind = cleaned.get("id_kind")
        typed = cleaned.get("id_number", "")
        if kind is None:
            return
        if kind == IdKind.NONE:
            if typed:
                self.add_error(
                    "id_number",
                    _("Choose the kind of number, or leave the number empty."),
                )
            cleaned["id_number"] = ""
            return
        if not typed:
            if self.instance.pk and self.instance.id_number and self.instance.id_kind == kind:
                cleaned["id_number"] = self.instance.id_number
                return
            self.add_error("id_number", _("Type the number, or choose “None” as the kind."))
            return
        try:
            number = identity.validate(typed, kind)
        except ValidationError as error:
            self.add_error("id_number", error)
            return
        cleaned["id_number"] = number.digits
        self._check_duplicate(number.digits)
        birth_date = cleaned.get("birth_date")
        if birth_date is None and "birth_date" not in self.errors:
            cleaned["birth_date"] = number.birth_date
        elif birth_date is not None and birth_date != number.birth_date:
            self.add_error(
                "birth_date",
                _("The date of birth does not match the identity number (%(date)s).")
                % {"date": number.birth_date.isoformat()},
            )

    def _check_duplicate(self, digits: str):
        existing = participant_by_id_number(
            organisation=self.membership.organisation, id_number=digits
        )
        if existing is None or existing.pk == self.instance.pk:
            return
        if scoped(Participant, self.membership).filter(pk=existing.pk).exists():
            link = format_html(
                '<a href="{}">{}</a>',
                reverse("participants:detail", kwargs={"participant": existing.public_id}),
                existing.full_name,
            )
            message = format_html(
                _("This number is already registered for {participant}."), participant=link
            )
        else:
            message = _(
                "This number is already registered in your organisation, for a participant "
                "you do not coach. Ask an administrator."
            )
        self.add_error("id_number", ValidationError(message, code="duplicate"))

    def _clean_unemployment(self, cleaned):
        since = cleaned.get("unemployed_since")
        if since is None:
            return
        if cleaned.get("labour_market_status") != LabourMarketStatus.UNEMPLOYED:
            self.add_error(
                "unemployed_since", _("Give this date only for someone who is unemployed.")
            )
        elif cleaned.get("entry_date") and since > cleaned["entry_date"]:
            self.add_error("unemployed_since", _("This date is after the entry date."))


class MappingForm(forms.ModelForm):
    education_level = forms.ModelChoiceField(
        label=_("Highest education"),
        required=False,
        queryset=EducationLevel.objects.all(),
        widget=TaxonomyPicker("education"),
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("Skills"),
        required=False,
        queryset=Skill.objects.all(),
        widget=TaxonomyPicker("skill", multiple=True),
    )
    driving_licences = forms.MultipleChoiceField(
        label=_("Driving licences"),
        required=False,
        choices=DrivingLicence.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    available_days = forms.TypedMultipleChoiceField(
        label=_("Available days"),
        required=False,
        coerce=int,
        choices=Weekday.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Participant
        fields = [
            "education_level",
            "education_country",
            "skills",
            "driving_licences",
            "interests",
            "dreams_and_goals",
            "hours_per_week",
            "available_from",
            "available_days",
            "max_travel_km",
            "max_travel_minutes",
            "support_needs",
            "adaptations",
        ]
        widgets = {
            "available_from": DATE_INPUT,
            "interests": forms.Textarea(attrs={"rows": 3}),
            # Shows the occupations a dream points to while the coach writes it down.
            "dreams_and_goals": SuggestingTextarea("occupation", attrs={"rows": 4}),
            "support_needs": forms.Textarea(attrs={"rows": 3}),
            "adaptations": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_hours_per_week(self):
        hours = self.cleaned_data["hours_per_week"]
        if hours is not None and hours > 168:
            raise ValidationError(_("A week has 168 hours."))
        return hours


class LanguageForm(forms.ModelForm):
    language = forms.ModelChoiceField(
        label=_("Language"), queryset=Language.objects.all(), widget=TaxonomyPicker("language")
    )

    class Meta:
        model = ParticipantLanguage
        fields = ["language", "cefr_level", "sfi_course", "sfi_completed"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cefr_level"].choices = [("", _("No level given")), *CefrLevel.choices]
        self.fields["sfi_course"].choices = [("", _("No SFI course")), *SfiCourse.choices]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("sfi_completed") and not cleaned.get("sfi_course"):
            self.add_error("sfi_course", _("Choose which SFI course was passed."))
        if not cleaned.get("cefr_level") and not cleaned.get("sfi_course"):
            self.add_error("cefr_level", _("Give a level, or an SFI course."))
        return cleaned


class ExperienceForm(forms.ModelForm):
    occupation = forms.ModelChoiceField(
        label=_("Occupation"),
        required=False,
        queryset=Occupation.objects.all(),
        widget=TaxonomyPicker("occupation"),
    )

    class Meta:
        model = WorkExperience
        fields = ["occupation", "title", "years", "country", "description"]
        widgets = {
            # A former job in any words suggests occupations for the picker above it.
            "title": SuggestingTextInput("occupation", picker="occupation"),
            "description": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("occupation") and not cleaned.get("title"):
            self.add_error("title", _("Choose an occupation or write a title."))
        years = cleaned.get("years")
        if years is not None and years < 0:
            self.add_error("years", _("Years cannot be negative."))
        return cleaned


def language_formset_class(extra: int):
    return inlineformset_factory(
        Participant, ParticipantLanguage, form=LanguageForm, extra=extra, can_delete=True
    )


def experience_formset_class(extra: int):
    return inlineformset_factory(
        Participant, WorkExperience, form=ExperienceForm, extra=extra, can_delete=True
    )


class SpecialCategoryForm(forms.ModelForm):
    class Meta:
        model = SpecialCategoryData
        fields = [
            "collection_attempted_at",
            "has_disability",
            "disability_description",
            "health_notes",
            "addiction_history",
            "country_of_birth",
            "foreign_background",
            "third_country_national",
            "minority",
            "arrived_in_sweden",
        ]
        widgets = {
            "collection_attempted_at": DATE_INPUT,
            "arrived_in_sweden": DATE_INPUT,
            "has_disability": forms.RadioSelect,
            "foreign_background": forms.RadioSelect,
            "third_country_national": forms.RadioSelect,
            "minority": forms.RadioSelect,
            "disability_description": forms.Textarea(attrs={"rows": 3}),
            "health_notes": forms.Textarea(attrs={"rows": 3}),
            "addiction_history": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("has_disability", "foreign_background", "third_country_national", "minority"):
            self.fields[name].choices = [
                (TriState.UNKNOWN.value, TriState.UNKNOWN.label),
                (TriState.YES.value, TriState.YES.label),
                (TriState.NO.value, TriState.NO.label),
                (TriState.REFUSED.value, TriState.REFUSED.label),
            ]


class CoachesForm(forms.Form):
    coaches = forms.ModelMultipleChoiceField(
        label=_("Coaches"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, membership: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coaches"].queryset = coach_candidates(organisation=membership.organisation)


class IdentitySearchForm(forms.Form):
    id_number = forms.CharField(
        label=_("Identity number"),
        max_length=20,
        help_text=_("Personal identity number or coordination number."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    def clean_id_number(self):
        return identity.parse(self.cleaned_data["id_number"]).digits
