import copy

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baslager.projects.forms import ExitForm, SituationForm
from baslager.projects.models import ExitSituation, ProjectEnrolment

from .models import ClosureReason
from .services import ProjectExit

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CloseForm(forms.Form):
    closed_on = forms.DateField(label=_("Closed on"), widget=DATE)
    reason = forms.ChoiceField(
        label=_("Reason"), choices=[("", "---------"), *ClosureReason.choices]
    )
    note = forms.CharField(
        label=_("In your own words"),
        required=False,
        max_length=1000,
        help_text=_("A line about why. Health and other sensitive details belong in case notes."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("closed_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["closed_on"].widget.attrs["max"] = timezone.localdate().isoformat()


class ProjectExitForms:
    """The project's own exit form for one open enrolment, and its situation form for when the
    situation within 28 days is already known (left empty, it is recorded later, as today)."""

    def __init__(self, enrolment: ProjectEnrolment, data=None):
        self.enrolment = enrolment
        self.exit = ExitForm(
            data,
            prefix=f"exit-{enrolment.pk}",
            initial={"exit_date": timezone.localdate()},
        )
        # The situation is checked against the exit being recorded now, on a copy: the
        # enrolment itself changes only in the service.
        leaving = copy.copy(enrolment)
        leaving.exit_date = (
            self.exit.cleaned_data.get("exit_date")
            if self.exit.is_bound and self.exit.is_valid()
            else None
        ) or timezone.localdate()
        self.situation = SituationForm(
            data,
            prefix=f"situation-{enrolment.pk}",
            instance=ExitSituation(organisation_id=enrolment.organisation_id, enrolment=leaving),
            empty_permitted=True,
            use_required_attribute=False,
        )

    def is_valid(self) -> bool:
        return all([self.exit.is_valid(), self.situation.is_valid()])

    def project_exit(self) -> ProjectExit:
        situation = self.situation.cleaned_data if self.situation.has_changed() else None
        return ProjectExit(**self.exit.cleaned_data, situation=situation)


class ReopenForm(forms.Form):
    phase = forms.ModelChoiceField(
        label=_("Phase"),
        queryset=None,
        empty_label=_("Choose a phase"),
        help_text=_("Where the participant goes on the board."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("Why the case is opened again, in a few words."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, phases, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].queryset = phases
