"""A scout who finds an employer while calling is credited in the campaign's statistics."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from baslager.leads.services import lead_register, lead_reject, lead_verify
from baslager.outreach.selectors import campaign_statistics
from baslager.outreach.tests.factories import campaign_for, employers
from baslager.testing.personas import membership_of


def _lead(world, campaign, name):
    return lead_register(
        membership=membership_of(world.scout),
        actor=world.scout,
        data={"employer_name": name, "reason": "Skylt: vi anställer", "campaign": campaign},
    )


def test_the_campaign_credits_the_scout_with_leads_found_and_verified(world):
    employers(world.home, 3)
    campaign = campaign_for(world, world.coach, world.scout)
    found = [_lead(world, campaign, name) for name in ("Kvarnbageriet", "Åkeri Nord", "Tvätten")]
    coach = membership_of(world.coach)
    lead_verify(lead=found[0], membership=coach, actor=world.coach)
    lead_reject(lead=found[1], membership=coach, actor=world.coach, reason="Finns inte längre")
    _lead(world, None, "Utanför kampanjen")

    stats = campaign_statistics(campaign=campaign)
    scout = next(row for row in stats.callers if row.caller == world.scout)
    assert (scout.leads_found, scout.leads_verified) == (3, 1)
    assert (stats.overall.leads_found, stats.overall.leads_verified) == (3, 1)


def test_a_lead_can_only_be_credited_to_a_campaign_the_scout_calls_in(world):
    employers(world.home, 1)
    campaign = campaign_for(world, world.coach)
    with pytest.raises(ValidationError):
        _lead(world, campaign, "Kvarnbageriet")


def test_the_campaign_page_shows_the_scouts_leads(world, signed_in):
    employers(world.home, 2)
    campaign = campaign_for(world, world.coach, world.scout)
    _lead(world, campaign, "Kvarnbageriet")
    client = signed_in(world.scout)
    page = client.get(reverse("outreach:campaign", kwargs={"campaign": campaign.pk}))
    body = page.content.decode()
    assert "Leads found" in body
    assert f"{reverse('leads:create')}?campaign={campaign.pk}" in body
    form = client.get(reverse("leads:create"), {"campaign": campaign.pk}).content.decode()
    assert f'<option value="{campaign.pk}" selected>' in form
