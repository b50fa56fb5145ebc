from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baslager.employers.models import Employer, Supervisor
from baslager.openings.models import Opening, OpeningKind, OpeningStatus
from baslager.organisations.access import scoped
from baslager.organisations.models import Membership

from .models import PlacementStatus
from .selectors import participants_to_place

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SupervisorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.employer.name})"


class OpeningChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.employer.name})"


class ParticipantChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name


class PlacementCreateForm(forms.Form):
    participant = ParticipantChoiceField(
        label=_("Participant"), queryset=None, to_field_name="public_id"
    )
    opening = OpeningChoiceField(
        label=_("Opening"),
        required=False,
        queryset=None,
        to_field_name="public_id",
        empty_label=_("No opening: straight at the employer"),
    )
    employer = forms.ModelChoiceField(
        label=_("Employer"),
        required=False,
        queryset=None,
        to_field_name="public_id",
        help_text=_("Not needed when you choose an opening."),
    )
    supervisor = SupervisorChoiceField(
        label=_("Supervisor"),
        required=False,
        queryset=None,
        help_text=_("A supervisor at the same employer."),
    )
    kind = forms.ChoiceField(
        label=_("Kind of placement"),
        required=False,
        choices=[("", _("As the opening says")), *OpeningKind.choices],
    )
    starts_on = forms.DateField(label=_("Starts"), widget=DATE_INPUT)
    ends_on = forms.DateField(label=_("Planned end"), required=False, widget=DATE_INPUT)

    def __init__(self, *args, membership: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = participants_to_place(membership=membership)
        self.fields["opening"].queryset = (
            scoped(Opening, membership)
            .exclude(status=OpeningStatus.CLOSED)
            .select_related("employer")
            .order_by("title", "pk")
        )
        self.fields["employer"].queryset = scoped(Employer, membership).order_by("name", "pk")
        self.fields["supervisor"].queryset = (
            scoped(Supervisor, membership)
            .select_related("employer")
            .order_by("employer__name", "name", "pk")
        )

    def clean(self):
        cleaned = super().clean()
        opening, employer = cleaned.get("opening"), cleaned.get("employer")
        if not opening and not employer and not self.has_error("employer"):
            self.add_error("employer", _("Choose an opening or an employer."))
        if opening and employer and opening.employer_id != employer.pk:
            self.add_error("employer", _("The opening belongs to another employer."))
        if not opening and not cleaned.get("kind"):
            self.add_error("kind", _("Choose the kind of placement."))
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end date cannot be before the start date."))
        return cleaned


class PlacementEditForm(forms.Form):
    supervisor = SupervisorChoiceField(label=_("Supervisor"), required=False, queryset=None)
    kind = forms.ChoiceField(label=_("Kind of placement"), choices=OpeningKind.choices)
    starts_on = forms.DateField(label=_("Starts"), widget=DATE_INPUT)
    ends_on = forms.DateField(label=_("Planned end"), required=False, widget=DATE_INPUT)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(s.value, s.label) for s in (PlacementStatus.PLANNED, PlacementStatus.ONGOING)],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, placement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervisor"].queryset = placement.employer.supervisors.select_related(
            "employer"
        ).order_by("name", "pk")
        if placement.status == PlacementStatus.ENDED:
            del self.fields["status"]


class PlacementEndForm(forms.Form):
    ended_on = forms.DateField(label=_("Ended on"), widget=DATE_INPUT, initial=timezone.localdate)
    result_note = forms.CharField(
        label=_("Result"),
        required=False,
        max_length=500,
        help_text=_("For example: got a job, goes on to studies, ended early and why."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
