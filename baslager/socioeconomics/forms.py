from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from .calculation import Parameters, ProjectCost
from .models import TAX_SHARE_KEYS, Actor, Assumption, AssumptionKey, CostItem, ParameterSet, Unit
from .selectors import EXTERNAL, assumptions_in_order, parameters_from

COSTS_PREFIX = "costs"
LONGEST_HORIZON = 60


class ParameterSetForm(forms.ModelForm):
    class Meta:
        model = ParameterSet
        fields = ["name", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


def source_url_field() -> forms.URLField:
    return forms.URLField(
        label=_("Link to the source"), required=False, max_length=500, assume_scheme="https"
    )


class CostItemForm(forms.ModelForm):
    source_url = source_url_field()

    class Meta:
        model = CostItem
        fields = [
            "actor",
            "label",
            "kind",
            "amount_per_year",
            "source",
            "source_url",
            "is_estimate",
        ]
        widgets = {"source": forms.Textarea(attrs={"rows": 2})}


CostItemFormSet = inlineformset_factory(
    ParameterSet, CostItem, form=CostItemForm, extra=1, can_delete=True
)


class AssumptionForm(forms.ModelForm):
    source_url = source_url_field()

    class Meta:
        model = Assumption
        fields = ["value", "source", "source_url", "is_estimate"]
        widgets = {"source": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        unit = Unit(self.instance.unit)
        self.fields["value"].label = f"{self.instance.get_key_display()} ({unit.label})"

    def clean_value(self):
        value = self.cleaned_data["value"]
        if self.instance.key == AssumptionKey.HORIZON:
            if value != value.to_integral_value() or not 1 <= value <= LONGEST_HORIZON:
                raise ValidationError(
                    _("Give a whole number of years from 1 to %(most)s.")
                    % {"most": LONGEST_HORIZON}
                )
        elif self.instance.unit == Unit.PERCENT and value > 100:
            raise ValidationError(_("A share cannot be more than 100 %."))
        return value


class ParameterForms:
    """The set's name, its cost rows and its assumptions, validated and saved together."""

    def __init__(self, parameter_set: ParameterSet, data=None):
        self.parameter_set = parameter_set
        self.form = ParameterSetForm(data, instance=parameter_set)
        self.costs = CostItemFormSet(data, instance=parameter_set, prefix=COSTS_PREFIX)
        self.assumptions = [
            AssumptionForm(data, instance=assumption, prefix=assumption.key)
            for assumption in assumptions_in_order(parameter_set)
        ]
        self.problem = None

    @property
    def all_forms(self) -> list:
        return [self.form, self.costs, *self.assumptions]

    def is_valid(self) -> bool:
        if not all([form.is_valid() for form in self.all_forms]):
            return False
        shares = sum(
            (f.cleaned_data["value"] for f in self.assumptions if f.instance.key in TAX_SHARE_KEYS),
            Decimal(0),
        )
        if shares > 100:
            self.problem = _("The shares of the production value add up to more than 100 %.")
            return False
        return True

    def _rows(self, deleted: bool) -> list[CostItem]:
        """Rows kept (or deleted), in the order given; an untouched empty row is neither."""
        return [
            form.instance
            for form in self.costs.forms
            if (form.instance.pk or form.has_changed())
            and bool(form.cleaned_data.get("DELETE")) == deleted
        ]

    def parameters(self) -> Parameters:
        """The calculation's parameters from the valid, unsaved forms."""
        return parameters_from(self._rows(deleted=False), [f.instance for f in self.assumptions])

    def save_arguments(self) -> dict:
        return {
            "data": self.form.cleaned_data,
            "cost_items": self._rows(deleted=False),
            "deleted_items": [item for item in self._rows(deleted=True) if item.pk],
            "assumptions": [form.instance for form in self.assumptions],
        }


FINANCED_BY = [Actor.KOMMUN, Actor.STATE, Actor.FORSAKRINGSKASSAN, Actor.REGION]


class WhatIfForm(forms.Form):
    """A project to try the parameters on: how many take part, how many reach work, what it costs
    and who pays; the rest of the cost is paid by outside funders such as ESF+."""

    participants = forms.IntegerField(label=_("Participants"), min_value=1, max_value=100_000)
    share_into_work = forms.DecimalField(
        label=_("Share reaching work (%)"), min_value=0, max_value=100, decimal_places=1
    )
    project_cost = forms.DecimalField(
        label=_("Project cost (SEK)"), min_value=0, max_digits=12, decimal_places=0
    )
    project_years = forms.DecimalField(
        label=_("Project length (years)"), min_value=Decimal("0.1"), max_value=20, decimal_places=1
    )
    paid_by_kommun = forms.DecimalField(
        label=_("Paid by the municipality (%)"), min_value=0, max_value=100, decimal_places=1
    )
    paid_by_state = forms.DecimalField(
        label=_("Paid by the state and Arbetsförmedlingen (%)"),
        min_value=0,
        max_value=100,
        decimal_places=1,
    )
    paid_by_forsakringskassan = forms.DecimalField(
        label=_("Paid by Försäkringskassan (%)"), min_value=0, max_value=100, decimal_places=1
    )
    paid_by_region = forms.DecimalField(
        label=_("Paid by the region (%)"), min_value=0, max_value=100, decimal_places=1
    )

    DEFAULTS = {
        "participants": 20,
        "share_into_work": 25,
        "project_cost": 3_000_000,
        "project_years": 2,
        "paid_by_kommun": 50,
        "paid_by_state": 0,
        "paid_by_forsakringskassan": 0,
        "paid_by_region": 0,
    }

    def clean(self):
        data = super().clean()
        paid = [data.get(f"paid_by_{actor}") for actor in FINANCED_BY]
        if None not in paid and sum(paid) > 100:
            raise ValidationError(_("The shares paid add up to more than 100 %."))
        return data

    def people(self) -> float:
        data = self.cleaned_data
        return data["participants"] * float(data["share_into_work"]) / 100

    def cost(self) -> ProjectCost:
        data = self.cleaned_data
        shares = {actor: float(data[f"paid_by_{actor}"]) / 100 for actor in FINANCED_BY}
        shares[EXTERNAL] = 1 - sum(shares.values())
        return ProjectCost(
            total=float(data["project_cost"]), years=float(data["project_years"]), shares=shares
        )
