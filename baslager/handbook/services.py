from django.db import transaction
from django.db.models import QuerySet

from baslager.organisations.models import Organisation

from .defaults import DEFAULT_LIBRARY
from .models import ChecklistTemplate, ChecklistTemplateItem

TEMPLATE_FIELDS = ("stage", "title")
ITEM_FIELDS = ("text", "guidance", "who", "position")


def checklist_library_for(*, organisation: Organisation) -> QuerySet[ChecklistTemplate]:
    """The organisation's checklists, starting it off with the default set the first time.

    Organisations are created in several places, so the defaults are made here, when the library
    is first needed, rather than at each of them."""
    library = ChecklistTemplate.objects.filter(organisation=organisation)
    if not library.exists():
        _create_defaults(organisation)
    return library


@transaction.atomic
def _create_defaults(organisation: Organisation) -> None:
    # Locking the organisation makes a second request wait here and then find the defaults made.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    if ChecklistTemplate.objects.filter(organisation=organisation).exists():
        return
    for position, (stage, title, items) in enumerate(DEFAULT_LIBRARY, start=1):
        checklist = ChecklistTemplate.objects.create(
            organisation=organisation, stage=stage, title=title, position=position
        )
        ChecklistTemplateItem.objects.bulk_create(
            ChecklistTemplateItem(
                organisation=organisation,
                checklist=checklist,
                text=text,
                who=who,
                guidance=guidance,
                position=index,
            )
            for index, (text, who, guidance) in enumerate(items, start=1)
        )


@transaction.atomic
def checklist_template_save(
    *,
    checklist: ChecklistTemplate,
    data: dict,
    items: list[ChecklistTemplateItem],
    deleted_items: list[ChecklistTemplateItem],
) -> ChecklistTemplate:
    """Saves a new or changed checklist with its items (unsaved rows from a formset), then numbers
    the items 1, 2, 3… in the order their positions give."""
    for field in TEMPLATE_FIELDS:
        if field in data:
            setattr(checklist, field, data[field])
    if checklist.pk is None:
        last = (
            ChecklistTemplate.objects.filter(organisation_id=checklist.organisation_id)
            .order_by("-position")
            .values_list("position", flat=True)
            .first()
        )
        checklist.position = (last or 0) + 1
    checklist.save()
    for item in deleted_items:
        item.delete()
    for item in items:
        item.checklist = checklist
        item.organisation_id = checklist.organisation_id
        item.save()
    _renumber(checklist)
    return checklist


def _renumber(checklist: ChecklistTemplate) -> None:
    rows = list(checklist.items.order_by("position", "pk"))
    changed = []
    for index, item in enumerate(rows, start=1):
        if item.position != index:
            item.position = index
            changed.append(item)
    ChecklistTemplateItem.objects.bulk_update(changed, ["position"])


@transaction.atomic
def checklist_template_set_active(*, checklist: ChecklistTemplate, active: bool) -> None:
    checklist.is_active = active
    checklist.save(update_fields=["is_active", "updated_at"])
