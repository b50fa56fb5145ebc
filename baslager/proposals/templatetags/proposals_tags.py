from django import template

from ..selectors import proposals_for_opening

register = template.Library()


@register.inclusion_tag("proposals/_opening_proposals.html", takes_context=True)
def opening_proposals(context, opening):
    """The proposals for ``opening`` whose participants the member may see; scouts see none and
    get no section."""
    membership = getattr(context["request"], "membership", None)
    return {
        "opening": opening,
        "membership": membership,
        "proposals": proposals_for_opening(membership=membership, opening=opening),
    }
