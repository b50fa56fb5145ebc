from django import forms
from django.utils.translation import gettext_lazy as _

from baslager.organisations.access import scoped
from baslager.participants.models import SpecialCategoryData

from .models import (
    IMPROVEMENT_FLAGS,
    ExitReason,
    ExitSituation,
    Project,
    ProjectEnrolment,
    SixMonthFollowUp,
)


class ProjectForm(forms.ModelForm):
    class Meta:
        model = Project
        fields = [
            "name",
            "funder",
            "funder_details",
            "reference_number",
            "starts_on",
            "ends_on",
            "planned_participants",
            "target_groups",
            "purpose",
            "budget",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "target_groups": forms.Textarea(attrs={"rows": 3}),
            "purpose": forms.Textarea(attrs={"rows": 4}),
        }


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EnrolForm(forms.Form):
    project = forms.ModelChoiceField(queryset=Project.objects.none(), label=_("Project"))
    entry_date = forms.DateField(label=_("Entry date"), widget=DATE)

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = scoped(Project, membership)


class EntryForm(forms.ModelForm):
    class Meta:
        model = ProjectEnrolment
        fields = [
            "employment_status_at_entry",
            "education_at_entry",
            "homeless_at_entry",
            "rural_at_entry",
        ]


class SensitiveEntryForm(forms.ModelForm):
    """The participant's own special-category record, the one source of these facts: the
    enrolment's snapshot is copied from it when saved."""

    prefix = "sensitive"

    class Meta:
        model = SpecialCategoryData
        fields = [
            "has_disability",
            "minority",
            "foreign_background",
            "third_country_national",
            "collection_attempted_at",
        ]
        widgets = {"collection_attempted_at": DATE}
        help_texts = {
            "third_country_national": _("Not an EU citizen; stateless persons included."),
        }


class ExitForm(forms.Form):
    exit_date = forms.DateField(label=_("Exit date"), widget=DATE)
    exit_reason = forms.ChoiceField(
        label=_("Exit reason"), choices=[("", "---------"), *ExitReason.choices]
    )


class SituationForm(forms.ModelForm):
    class Meta:
        model = ExitSituation
        fields = ["occurred_on", "kind", "employment_form", "evidence_kind", "evidence"]
        widgets = {"occurred_on": DATE, "evidence": forms.Textarea(attrs={"rows": 2})}


class FollowUpAnswerForm(forms.ModelForm):
    class Meta:
        model = SixMonthFollowUp
        fields = [
            "employment_status",
            "employment_form",
            *IMPROVEMENT_FLAGS,
            "evidence_kind",
            "evidence",
        ]
        widgets = {"evidence": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employment_status"].required = True
