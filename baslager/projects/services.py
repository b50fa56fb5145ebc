from django.db import transaction

from baslager.organisations.models import Membership

from .models import Project

PROJECT_FIELDS = (
    "name",
    "funder",
    "funder_details",
    "reference_number",
    "starts_on",
    "ends_on",
    "planned_participants",
    "target_groups",
    "purpose",
    "budget",
)


def _apply(project: Project, data: dict) -> Project:
    for field in PROJECT_FIELDS:
        if field in data:
            setattr(project, field, data[field])
    project.full_clean(exclude=["organisation"])
    project.save()
    return project


@transaction.atomic
def project_create(*, membership: Membership, data: dict) -> Project:
    """Raises ValidationError when the data break a project's rules."""
    return _apply(Project(organisation=membership.organisation), data)


@transaction.atomic
def project_update(*, project: Project, data: dict) -> Project:
    return _apply(project, data)
