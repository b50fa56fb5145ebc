from django import template

from ..selectors import history

register = template.Library()


@register.inclusion_tag("employability/_participant_panel.html", takes_context=True)
def participant_employability(context, participant):
    """The participant's self-assessments in short, for their page; scoped to the member."""
    membership = getattr(context["request"], "membership", None)
    return {
        "participant": participant,
        "history": history(membership=membership, participant=participant),
    }
