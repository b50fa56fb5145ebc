from django.db import transaction

from baslager.organisations.models import Organisation

from .models import DEFAULT_LADDER, Phase


@transaction.atomic
def phase_ladder_create_default(*, organisation: Organisation) -> list[Phase]:
    """Give an organisation the default ladder of development phases, unless it has one."""
    existing = list(Phase.objects.filter(organisation=organisation).order_by("position"))
    if existing:
        return existing
    return Phase.objects.bulk_create(
        Phase(organisation=organisation, name=name, description=description, position=position)
        for position, (name, description) in enumerate(DEFAULT_LADDER, start=1)
    )
