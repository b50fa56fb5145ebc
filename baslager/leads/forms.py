from django import forms
from django.utils.translation import gettext_lazy as _

from baslager.employers.models import Employer
from baslager.employers.numbers import normalise_organisation_number
from baslager.organisations.models import Membership
from baslager.outreach.models import CampaignStatus
from baslager.outreach.selectors import campaign_list
from baslager.taxonomy.kommuner import kommun_choices
from baslager.taxonomy.models import Industry
from baslager.taxonomy.widgets import TaxonomyPicker

from .models import Lead, LeadStatus
from .selectors import PossibleDuplicates, lead_finders, possible_duplicates


class LeadForm(forms.ModelForm):
    """A new lead. Possible duplicates are shown before anything is saved; the person confirms
    with ``confirm_duplicates`` that this is another employer, or that the lead adds something."""

    organisation_number = forms.CharField(
        label=_("Organisation number"),
        required=False,
        max_length=20,
        help_text=_("If you know it: NNNNNN-NNNN."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    kommun_code = forms.ChoiceField(
        label=_("Municipality"),
        required=False,
        choices=[("", _("Choose a municipality")), *kommun_choices()],
    )
    industry = forms.ModelChoiceField(
        label=_("Industry (SNI)"),
        required=False,
        queryset=Industry.objects.all(),
        widget=TaxonomyPicker("industry"),
    )
    confirm_duplicates = forms.BooleanField(
        label=_("Register the lead anyway: it is a different employer, or it adds something new"),
        required=False,
    )

    class Meta:
        model = Lead
        fields = [
            "employer_name",
            "organisation_number",
            "reason",
            "kommun_code",
            "industry",
            "street_address",
            "city",
            "contact_name",
            "contact_phone",
            "contact_email",
            "campaign",
        ]
        widgets = {
            "reason": forms.Textarea(attrs={"rows": 4}),
            "contact_phone": forms.TextInput(attrs={"type": "tel"}),
        }

    def __init__(self, *args, membership: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.membership = membership
        self.duplicates = PossibleDuplicates()
        campaign = self.fields["campaign"]
        campaign.queryset = campaign_list(membership=membership).filter(
            status=CampaignStatus.ACTIVE
        )
        campaign.empty_label = _("Not from a campaign")

    def clean_organisation_number(self) -> str:
        return normalise_organisation_number(self.cleaned_data["organisation_number"])

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("employer_name", "")
        if self.errors or not name:
            return cleaned
        self.duplicates = possible_duplicates(
            membership=self.membership,
            name=name,
            organisation_number=cleaned.get("organisation_number", ""),
        )
        if self.duplicates and not cleaned.get("confirm_duplicates"):
            self.add_error(
                "confirm_duplicates",
                _("This employer may already be registered. Check the list before you go on."),
            )
        return cleaned


NEW_EMPLOYER = "new"


class VerifyForm(forms.Form):
    """Verify a lead by registering a new employer, or by linking it to a possible duplicate.
    The choice must be sent, so an empty POST verifies nothing."""

    employer = forms.ChoiceField(
        label=_("How to verify"), widget=forms.RadioSelect, initial=NEW_EMPLOYER
    )

    def __init__(self, *args, candidates: list[Employer], **kwargs):
        kwargs.setdefault("prefix", "verify")
        super().__init__(*args, **kwargs)
        self.candidates = {str(employer.public_id): employer for employer in candidates}
        self.fields["employer"].choices = [
            (NEW_EMPLOYER, _("Register a new employer from the lead")),
            *(
                (key, _("Link to %(name)s, already registered") % {"name": employer.name})
                for key, employer in self.candidates.items()
            ),
        ]

    def clean_employer(self) -> Employer | None:
        chosen = self.cleaned_data["employer"]
        return None if chosen == NEW_EMPLOYER else self.candidates[chosen]


class RejectForm(forms.Form):
    rejection_reason = forms.CharField(
        label=_("Why is the lead rejected?"),
        help_text=_("The person who found it reads this."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "reject")
        super().__init__(*args, **kwargs)


class LeadFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *LeadStatus.choices]
    )
    found_by = forms.ModelChoiceField(
        label=_("Found by"), required=False, queryset=Lead.objects.none(), empty_label=_("All")
    )

    def __init__(self, *args, membership: Membership, by_finder: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if by_finder:
            self.fields["found_by"].queryset = lead_finders(membership=membership)
        else:
            del self.fields["found_by"]
