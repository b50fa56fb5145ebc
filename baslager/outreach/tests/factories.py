"""Employers and campaigns for the outreach tests."""

from baslager.employers.models import Employer, Stage
from baslager.organisations.models import Membership
from baslager.outreach.services import campaign_create


def employers(organisation, count: int, **fields) -> list[Employer]:
    fields.setdefault("stage", Stage.IDENTIFIED)
    return Employer.objects.bulk_create(
        Employer(organisation=organisation, name=f"Arbetsgivare {i:05d} AB", **fields)
        for i in range(count)
    )


def campaign_for(world, *callers, **data):
    membership = Membership.objects.get(user=world.coach, organisation=world.home)
    data.setdefault("name", "Vårens ringrunda")
    data.setdefault("callers", list(callers) or [world.coach])
    return campaign_create(membership=membership, actor=world.coach, data=data)
