"""A project's socio-economic value as an Excel workbook: the results per payer, and the
parameters with their sources. A figure that rests on fewer than five people reads "<5", where
the page leaves it out."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from .calculation import ActorResult
from .models import Unit

SUPPRESSED = "<5"


def _result_row(label: str, result: ActorResult, hidden: bool) -> list:
    def resting_on_people(value):
        return SUPPRESSED if hidden else value

    if not result.cost:
        payback, break_even = "–", "–"
    else:
        payback = (
            _("not within the horizon") if result.payback_year is None else result.payback_year
        )
        break_even = (
            _("never") if result.break_even_people is None else round(result.break_even_people, 1)
        )
    return [
        label,
        round(result.per_person_year.real),
        round(result.per_person_year.financial),
        round(result.per_person_year.production),
        round(result.per_person_year.total),
        resting_on_people(round(result.present_value)),
        round(result.cost),
        resting_on_people(round(result.net)),
        resting_on_people(payback),
        break_even,
    ]


def _source(sourced) -> list:
    return [sourced.source, sourced.source_url, _("Yes") if sourced.is_estimate else _("No")]


# Labels from model choices are lazy translations; openpyxl takes plain strings only.
def as_workbook(*, context: dict) -> bytes:
    """``context`` is the project page's."""
    valuation, hidden = context["valuation"], context["values_hidden"]
    workbook = Workbook()
    results = workbook.active
    results.title = _("Results")[:31]
    people = context["people"]
    results.append([context["project"].name])
    results.append([_("Participants who reached work"), SUPPRESSED if people is None else people])
    results.append([_("Horizon (years)"), valuation.horizon_years])
    results.append(
        [
            _("Payer"),
            _("Real costs avoided per person-year"),
            _("Transfers avoided per person-year"),
            _("Share of the production per person-year"),
            _("Gain per person-year in work"),
            _("Gain over the horizon"),
            _("Share of the project's cost"),
            _("Net"),
            _("Pays back in year"),
            _("Must reach work to pay back"),
        ]
    )
    for label, result in context["rows"]:
        results.append(_result_row(str(label), result, hidden))
    results.append(_result_row(_("Society (real effects)"), valuation.society, hidden))

    costs = workbook.create_sheet(_("Costs of exclusion")[:31])
    costs.append(
        [
            _("Payer"),
            _("Cost item"),
            _("Kind"),
            _("SEK per person-year"),
            _("Source"),
            _("Link to the source"),
            _("Estimate"),
        ]
    )
    for item in context["cost_items"]:
        costs.append(
            [
                str(item.get_actor_display()),
                item.label,
                str(item.get_kind_display()),
                int(item.amount_per_year),
                *_source(item),
            ]
        )
    assumptions = workbook.create_sheet(_("Assumptions")[:31])
    assumptions.append(
        [_("Parameter"), _("Value"), _("Unit"), _("Source"), _("Link to the source"), _("Estimate")]
    )
    for assumption in context["assumptions"]:
        assumptions.append(
            [
                str(assumption.get_key_display()),
                float(assumption.value),
                str(Unit(assumption.unit).label),
                *_source(assumption),
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
