from datetime import date, datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .indicators import GENDERS, INDICATORS


class PeriodForm(forms.Form):
    starts_on = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            raise ValidationError(
                {"ends_on": _("The end of the period cannot be before its start.")},
                code="ends_before_start",
            )
        return cleaned


def period_of(request, project) -> tuple[PeriodForm, date, date]:
    """The period asked for in the query string, or the project's whole period."""
    form = PeriodForm(request.GET if "starts_on" in request.GET else None)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["starts_on"], form.cleaned_data["ends_on"]
    if not form.is_bound:
        form = PeriodForm(initial={"starts_on": project.starts_on, "ends_on": project.ends_on})
    return form, project.starts_on, project.ends_on


class CellForm(PeriodForm):
    """One figure of the report: an indicator, optionally one gender, or its refusals."""

    code = forms.ChoiceField(choices=[(code, code) for code in INDICATORS])
    gender = forms.ChoiceField(
        required=False, choices=[("", "")] + [(g.value, g.value) for g in GENDERS]
    )
    refused = forms.BooleanField(required=False)


def parse_month(value: str) -> date:
    try:
        return datetime.strptime(value, "%Y-%m").date()
    except ValueError as exc:
        raise ValidationError(_("Give the month as YYYY-MM."), code="bad_month") from exc


class MonthField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        return parse_month(value) if value else None


class SubmitForm(forms.Form):
    month = MonthField(label=_("Month"))


class DownloadForm(forms.Form):
    month = MonthField(label=_("Month"), required=False)
    format = forms.ChoiceField(
        label=_("Format"), choices=[("csv", "CSV"), ("xlsx", "Excel")], required=False
    )
