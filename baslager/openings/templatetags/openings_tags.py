from django import template

from ..selectors import openings_at_employer

register = template.Library()


@register.inclusion_tag("openings/_employer_openings.html", takes_context=True)
def employer_openings(context, employer):
    """The openings of ``employer``, for its detail page; scoped to the signed-in member."""
    membership = getattr(context["request"], "membership", None)
    return {
        "employer": employer,
        "openings": openings_at_employer(membership=membership, employer=employer),
    }
