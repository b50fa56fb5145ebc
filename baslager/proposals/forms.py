from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baslager.openings.models import Opening, OpeningKind, OpeningStatus
from baslager.organisations.access import scoped
from baslager.organisations.models import Membership
from baslager.placements.forms import DATE_INPUT, OpeningChoiceField, ParticipantChoiceField
from baslager.placements.selectors import participants_to_place

from .models import GenderDominatedField, ProposalSource, ProposalStatus


class ProposalCreateForm(forms.Form):
    participant = ParticipantChoiceField(
        label=_("Participant"), queryset=None, to_field_name="public_id"
    )
    opening = OpeningChoiceField(label=_("Opening"), queryset=None, to_field_name="public_id")
    source = forms.ChoiceField(
        label=_("Source"),
        choices=ProposalSource.choices,
        initial=ProposalSource.MANUAL,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, membership: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = participants_to_place(membership=membership)
        self.fields["opening"].queryset = (
            scoped(Opening, membership)
            .exclude(status=OpeningStatus.CLOSED)
            .select_related("employer")
            .order_by("title", "pk")
        )


class AdvanceForm(forms.Form):
    to_status = forms.ChoiceField(label=_("Next step"), choices=ProposalStatus.choices)
    note = forms.CharField(
        label=_("Note, reason or result"),
        required=False,
        help_text=_("Needed when the proposal is declined, withdrawn or ended."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    starts_on = forms.DateField(
        label=_("Placement starts"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("Required when you mark the proposal as started."),
    )
    ends_on = forms.DateField(label=_("Planned end"), required=False, widget=DATE_INPUT)
    kind = forms.ChoiceField(
        label=_("Kind of placement"),
        required=False,
        choices=[("", _("As the opening says")), *OpeningKind.choices],
    )
    ended_on = forms.DateField(
        label=_("Ended on"), required=False, widget=DATE_INPUT, initial=timezone.localdate
    )

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end date cannot be before the start date."))
        return cleaned


class ReferenceForm(forms.ModelForm):
    class Meta:
        model = GenderDominatedField
        fields = ["ssyk_code", "label", "dominant_gender", "dominant_share", "source"]


class PeopleFilterForm(forms.Form):
    what = forms.ChoiceField(
        label=_("Count"),
        choices=[("proposals", _("Proposals")), ("placements", _("Placements"))],
    )
    code = forms.CharField(label=_("SSYK code"), required=False, max_length=4)
    gender = forms.ChoiceField(
        label=_("Gender"),
        required=False,
        choices=[("", _("All")), ("woman", _("Women")), ("man", _("Men")), ("other", _("Other"))],
    )
    norm_breaking = forms.BooleanField(label=_("Norm-breaking only"), required=False)
