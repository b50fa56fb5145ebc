"""The organisation's parameters for the socio-economic calculation (calculation.py), each with
where it comes from, so a funder can see which figures are the organisation's own and which are
estimates."""

from auditlog.registry import auditlog
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import OrganisationOwned


class Actor(models.TextChoices):
    """Who pays for a person's exclusion, and who gains when they reach work."""

    KOMMUN = "kommun", _("Municipality")
    STATE = "state", _("The state and Arbetsförmedlingen")
    FORSAKRINGSKASSAN = "forsakringskassan", _("Försäkringskassan")
    REGION = "region", _("Region (health care)")
    JUSTICE = "justice", _("The justice system")
    PERSON = "person", _("The person")


class CostKind(models.TextChoices):
    REAL = "real", _("Real (uses resources)")
    FINANCIAL = "financial", _("Financial (a transfer)")


class Unit(models.TextChoices):
    SEK = "sek", _("SEK")
    PERCENT = "percent", "%"  # a symbol, the same in every language
    YEARS = "years", _("years")


class AssumptionKey(models.TextChoices):
    PRODUCTION_VALUE = "production_value", _("Production value per full-time person-year")
    EMPLOYMENT_RATE = "employment_rate", _("Share of full time worked after exit")
    HORIZON = "horizon_years", _("Horizon")
    DISCOUNT_RATE = "discount_rate", _("Discount rate")
    DEADWEIGHT = "deadweight", _("Deadweight: share who would have reached work anyway")
    DURABILITY = "durability", _("Durability: share still in work a year later")
    SHARE_KOMMUN = "share_kommun", _("Share of the production value to the municipality")
    SHARE_STATE = "share_state", _("Share of the production value to the state")
    SHARE_REGION = "share_region", _("Share of the production value to the region")


UNITS = {
    AssumptionKey.PRODUCTION_VALUE: Unit.SEK,
    AssumptionKey.HORIZON: Unit.YEARS,
}
# Shares of the production value each actor gets in taxes and contributions; the person keeps
# the rest.
TAX_SHARE_KEYS = {
    AssumptionKey.SHARE_KOMMUN: Actor.KOMMUN,
    AssumptionKey.SHARE_STATE: Actor.STATE,
    AssumptionKey.SHARE_REGION: Actor.REGION,
}


def unit_of(key: str) -> str:
    return UNITS.get(key, Unit.PERCENT)


class ParameterSet(OrganisationOwned):
    access_policy = AccessPolicy.ORGANISATION

    name = models.CharField(_("name"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("parameter set")
        verbose_name_plural = _("parameter sets")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


class Sourced(OrganisationOwned):
    """A figure with where it comes from."""

    source = models.TextField(_("source"))
    source_url = models.URLField(_("link to the source"), max_length=500, blank=True)
    is_estimate = models.BooleanField(
        _("estimate"),
        default=True,
        help_text=_("Untick when the figure is your organisation's own, checked figure."),
    )

    class Meta:
        abstract = True

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


class CostItem(Sourced):
    """What one person's exclusion costs one actor in a year, for one item."""

    access_policy = AccessPolicy.ORGANISATION

    parameter_set = models.ForeignKey(
        ParameterSet,
        on_delete=models.CASCADE,
        related_name="cost_items",
        verbose_name=_("parameter set"),
    )
    actor = models.CharField(_("who pays"), max_length=20, choices=Actor.choices)
    label = models.CharField(_("cost item"), max_length=200)
    amount_per_year = models.DecimalField(
        _("SEK per person-year"), max_digits=12, decimal_places=0, validators=[MinValueValidator(0)]
    )
    kind = models.CharField(_("kind of cost"), max_length=10, choices=CostKind.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("cost of exclusion")
        verbose_name_plural = _("costs of exclusion")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.label


class Assumption(Sourced):
    """One scalar parameter of the calculation, in the unit its key gives."""

    access_policy = AccessPolicy.ORGANISATION

    parameter_set = models.ForeignKey(
        ParameterSet,
        on_delete=models.CASCADE,
        related_name="assumptions",
        verbose_name=_("parameter set"),
    )
    key = models.CharField(_("parameter"), max_length=20, choices=AssumptionKey.choices)
    value = models.DecimalField(
        _("value"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )

    class Meta:
        verbose_name = _("assumption")
        verbose_name_plural = _("assumptions")
        constraints = [
            models.UniqueConstraint(fields=["parameter_set", "key"], name="one_value_per_key")
        ]

    def __str__(self) -> str:
        return self.get_key_display()

    @property
    def unit(self) -> str:
        return unit_of(self.key)


auditlog.register(ParameterSet)
auditlog.register(CostItem)
auditlog.register(Assumption)
