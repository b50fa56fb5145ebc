from dataclasses import dataclass

from django.db.models import Prefetch

from baslager.organisations.access import get_scoped_or_404, scoped
from baslager.organisations.models import Membership

from .models import STAGE_ORDER, ChecklistStage, ChecklistTemplate, ChecklistTemplateItem
from .services import checklist_library_for


@dataclass
class StageShelf:
    stage: ChecklistStage
    checklists: list[ChecklistTemplate]


def _with_items(queryset):
    return queryset.prefetch_related(
        Prefetch("items", queryset=ChecklistTemplateItem.objects.order_by("position", "pk"))
    )


def library_by_stage(*, membership: Membership) -> list[StageShelf]:
    """Every stage with its checklists, active ones first, items included: three queries."""
    checklist_library_for(organisation=membership.organisation)
    checklists = _with_items(scoped(ChecklistTemplate, membership)).order_by(
        "-is_active", "position", "pk"
    )
    shelves = {
        stage: StageShelf(stage=ChecklistStage(stage), checklists=[]) for stage in STAGE_ORDER
    }
    for checklist in checklists:
        shelves[checklist.stage].checklists.append(checklist)
    return list(shelves.values())


def checklists_to_copy(*, organisation) -> list[ChecklistTemplate]:
    """The organisation's active checklists in the order a placement gets them (by stage, then
    position), items included: what a new placement's own lists are copied from."""
    templates = _with_items(checklist_library_for(organisation=organisation).filter(is_active=True))
    return sorted(templates, key=lambda t: (STAGE_ORDER[t.stage], t.position, t.pk))


def checklist_detail(*, membership: Membership, pk: int) -> ChecklistTemplate:
    return get_scoped_or_404(ChecklistTemplate, membership, pk=pk)
