from django import template

from ..selectors import verified_leads_of

register = template.Library()


@register.inclusion_tag("leads/_credit.html", takes_context=True)
def lead_credit(context, employer):
    """Who found ``employer``, for its page: the verified leads that brought it in."""
    membership = getattr(context["request"], "membership", None)
    return {"credited_leads": verified_leads_of(membership=membership, employer=employer)}
