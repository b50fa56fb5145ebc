from django import template

from baslager.organisations.access import scoped

from ..models import Project
from ..selectors import enrolments_of_participant

register = template.Library()


@register.inclusion_tag("projects/_participant_projects.html", takes_context=True)
def participant_projects(context, participant):
    """The participant's projects for their page, scoped to the signed-in member."""
    membership = getattr(context["request"], "membership", None)
    return {
        "participant": participant,
        "enrolments": enrolments_of_participant(membership=membership, participant=participant),
        "may_enrol": scoped(Project, membership).exists(),
    }
