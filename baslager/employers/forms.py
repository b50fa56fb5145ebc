from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from baslager.organisations.models import Membership
from baslager.participants.selectors import coach_candidates
from baslager.taxonomy.kommuner import kommun_choices
from baslager.taxonomy.models import Industry
from baslager.taxonomy.widgets import TaxonomyPicker

from .models import (
    ChainRole,
    ContactPerson,
    Employer,
    EmployerKind,
    Stage,
    Supervisor,
    SupervisorTraining,
)
from .numbers import display_number, normalise_organisation_number
from .selectors import employer_with_number, employers_with_similar_name, value_chain_partners


class EmployerForm(forms.ModelForm):
    """An employer's details. A name much like one already registered is a warning the user
    confirms with ``confirm_duplicates``; the same organisation number twice is an error."""

    organisation_number = forms.CharField(
        label=_("Organisation number"),
        required=False,
        max_length=20,
        help_text=_("NNNNNN-NNNN. A sole trader gives the owner's personal identity number."),
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
        label=_("This is a different employer from those listed above"), required=False
    )

    class Meta:
        model = Employer
        fields = [
            "name",
            "organisation_number",
            "kind",
            "industry",
            "size_band",
            "street_address",
            "postal_code",
            "city",
            "kommun_code",
            "owner",
            "notes",
        ]
        widgets = {"kind": forms.RadioSelect, "notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, membership: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.membership = membership
        self.possible_duplicates: list[Employer] = []
        self.fields["owner"].queryset = coach_candidates(organisation=membership.organisation)
        self.fields["size_band"].choices = [
            ("", _("Not known")),
            *self.fields["size_band"].choices[1:],
        ]
        if self.instance.pk:
            # A sole trader's number is the owner's personnummer: the form shows it masked, as
            # every page does, and an unchanged mask keeps the number on file.
            self.initial["organisation_number"] = display_number(self.instance.organisation_number)

    def clean_organisation_number(self) -> str:
        raw = self.cleaned_data["organisation_number"].strip()
        if self.instance.pk and raw == display_number(self.instance.organisation_number):
            return self.instance.organisation_number
        number = normalise_organisation_number(raw)
        existing = employer_with_number(
            membership=self.membership, organisation_number=number, exclude_pk=self.instance.pk
        )
        if existing is not None:
            raise ValidationError(
                _("%(name)s already has this organisation number."),
                code="duplicate",
                params={"name": existing.name},
            )
        return number

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("name", "")
        if self.errors or not name:
            return cleaned
        self.possible_duplicates = employers_with_similar_name(
            membership=self.membership, name=name, exclude_pk=self.instance.pk
        )
        if self.possible_duplicates and not cleaned.get("confirm_duplicates"):
            self.add_error(
                "confirm_duplicates",
                _(
                    "An employer with a similar name is already registered. "
                    "Check it is not the same one."
                ),
            )
        return cleaned


class MoveStageForm(forms.Form):
    to_stage = forms.ChoiceField(label=_("New stage"), choices=Stage.choices)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ContactPersonForm(forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "role", "phone", "email"]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel"})}


class SupervisorForm(forms.ModelForm):
    class Meta:
        model = Supervisor
        fields = ["name", "title", "phone", "email", "capacity", "notes"]
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }


class SupervisorTrainingForm(forms.ModelForm):
    class Meta:
        model = SupervisorTraining
        fields = ["course", "completed_on", "provider"]
        widgets = {"completed_on": forms.DateInput(attrs={"type": "date"})}


class EmployerFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False)
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", _("All")), *Stage.choices]
    )
    kind = forms.ChoiceField(
        label=_("Kind of employer"), required=False, choices=[("", _("All")), *EmployerKind.choices]
    )
    kommun = forms.ChoiceField(
        label=_("Municipality"), required=False, choices=[("", _("All")), *kommun_choices()]
    )


SUPPLIES_TO = "supplies_to"
BUYS_FROM = "buys_from"


class ValueChainLinkForm(forms.Form):
    """A link between the employer on the page and another; ``direction`` says which way the
    goods or services go."""

    direction = forms.ChoiceField(
        label=_("This employer"),
        choices=[(SUPPLIES_TO, _("supplies to")), (BUYS_FROM, _("buys from"))],
        widget=forms.RadioSelect,
        initial=SUPPLIES_TO,
    )
    other = forms.ModelChoiceField(
        label=_("Other employer"), queryset=Employer.objects.none(), empty_label=_("Choose")
    )
    role = forms.ChoiceField(
        label=_("Role in the chain"), choices=[("", _("Choose")), *ChainRole.choices]
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args, membership: Membership, employer: Employer, **kwargs):
        kwargs.setdefault("prefix", "chain")
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = value_chain_partners(
            membership=membership, employer=employer
        )
        self.fields["other"].label_from_instance = lambda other: (
            f"{other.name} ({other.city})" if other.city else other.name
        )
