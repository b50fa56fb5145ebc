from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from baslager.projects.models import Project

from .models import ProjectTarget

TARGET_FIELDS = ("kind", "value", "baseline", "note")


def _save(target: ProjectTarget, data: dict) -> ProjectTarget:
    for name in TARGET_FIELDS:
        setattr(target, name, data.get(name, getattr(target, name)))
    target.full_clean(exclude=["organisation", "project"], validate_unique=False)
    duplicate = (
        ProjectTarget.objects.filter(project_id=target.project_id, kind=target.kind)
        .exclude(pk=target.pk)
        .exists()
    )
    if duplicate:
        raise ValidationError(
            {"kind": _("The project already has a target of this kind: edit that one.")}
        )
    target.save()
    return target


@transaction.atomic
def project_target_create(*, project: Project, data: dict) -> ProjectTarget:
    return _save(ProjectTarget(organisation_id=project.organisation_id, project=project), data)


@transaction.atomic
def project_target_update(*, target: ProjectTarget, data: dict) -> ProjectTarget:
    return _save(target, data)


@transaction.atomic
def project_target_delete(*, target: ProjectTarget) -> None:
    target.delete()
