"""Money and shares as the calculator shows them, in the page's language."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def sek(value) -> str:
    """Whole kronor with thousands grouped: 437 500."""
    return number_format(round(value), 0, force_grouping=True)


@register.filter
def msek(value) -> str:
    """Millions of kronor with one decimal: 72,0."""
    return number_format(value / 1_000_000, 1, force_grouping=True)


@register.filter
def share(value) -> str:
    """A fraction as a whole percentage: 0.2795 → 28 %."""
    return f"{number_format(value * 100, 0)} %"


@register.filter
def people(value) -> str:
    """A number of people, with one decimal only when it has one: 9,5 or 10."""
    return number_format(value, 0 if float(value).is_integer() else 1)
