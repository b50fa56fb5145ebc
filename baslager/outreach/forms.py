from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baslager.accounts.models import User
from baslager.employers.models import SizeBand, Stage
from baslager.organisations.models import Membership
from baslager.taxonomy.kommuner import kommun_choices
from baslager.taxonomy.models import Industry, Occupation
from baslager.taxonomy.widgets import TaxonomyPicker

from .models import Campaign, NeedsSurvey, Outcome, RecruitmentNeed, TargetState
from .services import CALLER_ROLES

FILTER_FIELDS = ("industries", "size_bands", "kommun_codes", "stages")


class CampaignForm(forms.ModelForm):
    industries = forms.ModelMultipleChoiceField(
        label=_("Industries (SNI)"),
        required=False,
        queryset=Industry.objects.all(),
        widget=TaxonomyPicker("industry", multiple=True),
        help_text=_("A section or division includes every industry under it."),
    )
    size_bands = forms.MultipleChoiceField(
        label=_("Number of employees"),
        required=False,
        choices=SizeBand.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    kommun_codes = forms.MultipleChoiceField(
        label=_("Municipalities"),
        required=False,
        choices=kommun_choices(),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    stages = forms.MultipleChoiceField(
        label=_("Pipeline stages"),
        required=False,
        choices=Stage.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    callers = forms.ModelMultipleChoiceField(
        label=_("Callers"),
        required=False,
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Campaign
        fields = [
            "name",
            "purpose",
            "script",
            "industries",
            "size_bands",
            "kommun_codes",
            "stages",
            "callers",
            "reservation_minutes",
            "status",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 2}),
            "script": forms.Textarea(attrs={"rows": 8}),
            "status": forms.RadioSelect,
        }
        help_texts = {"script": _("What to say; the callers see it beside every call.")}

    def __init__(self, *args, membership: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["callers"].queryset = (
            User.objects.filter(
                memberships__organisation_id=membership.organisation_id,
                memberships__role__in=CALLER_ROLES,
            )
            .distinct()
            .order_by("full_name", "pk")
        )
        if not self.instance.pk:
            del self.fields["status"]

    def filters(self) -> dict:
        """The filters as far as they are valid, for counting matching employers."""
        if not self.is_bound:
            return {name: self.initial.get(name) or [] for name in FILTER_FIELDS}
        self.is_valid()
        return {name: self.cleaned_data.get(name) or [] for name in FILTER_FIELDS}


class CallForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    callback_at = forms.DateTimeField(
        label=_("Call back at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("When the outcome is a call back."),
    )
    meeting_at = forms.DateTimeField(
        label=_("Meeting at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("When a meeting is booked."),
    )
    material_due = forms.DateTimeField(
        label=_("Send material by"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Fill in if you promised to send material."),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        cleaned = super().clean()
        outcome = cleaned.get("outcome")
        if outcome == Outcome.CALL_BACK:
            when = cleaned.get("callback_at")
            if when is None:
                self.add_error("callback_at", _("Say when to call back."))
            elif when < timezone.now():
                self.add_error("callback_at", _("Choose a time that has not passed."))
        if outcome == Outcome.MEETING_BOOKED and cleaned.get("meeting_at") is None:
            self.add_error("meeting_at", _("Say when the meeting is."))
        return cleaned

    @property
    def reached(self) -> bool:
        return self.cleaned_data.get("outcome") not in (None, Outcome.NO_ANSWER)


class NeedsSurveyForm(forms.ModelForm):
    prefix = "survey"

    class Meta:
        model = NeedsSurvey
        fields = [
            "competence_needs",
            "takes_interns",
            "takes_work_trainees",
            "low_threshold_tasks",
            "supervisors",
            "supervised_participants",
        ]
        widgets = {
            "competence_needs": forms.Textarea(attrs={"rows": 2}),
            "low_threshold_tasks": forms.Textarea(attrs={"rows": 2}),
            "takes_interns": forms.RadioSelect,
            "takes_work_trainees": forms.RadioSelect,
        }
        help_texts = {
            "low_threshold_tasks": _(
                "One task per line; the first line is added to the employer's low-threshold tasks."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("takes_interns", "takes_work_trainees"):
            self.fields[name].choices = [
                ("", _("Not asked")),
                *[c for c in self.fields[name].choices if c[0]],
            ]


class RecruitmentNeedForm(forms.ModelForm):
    occupation = forms.ModelChoiceField(
        label=_("Occupation"),
        queryset=Occupation.objects.all(),
        widget=TaxonomyPicker("occupation"),
    )

    class Meta:
        model = RecruitmentNeed
        fields = ["horizon", "kind", "occupation", "how_many", "requirements"]
        widgets = {"requirements": forms.Textarea(attrs={"rows": 2})}


NeedFormSet = forms.modelformset_factory(
    RecruitmentNeed, form=RecruitmentNeedForm, extra=3, max_num=12
)


def need_formset(data=None) -> forms.BaseModelFormSet:
    return NeedFormSet(data, prefix="needs", queryset=RecruitmentNeed.objects.none())


class TargetFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", _("All")), *TargetState.choices]
    )
