from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from baslager.employers.models import Employer
from baslager.leads.models import Lead, LeadStatus
from baslager.leads.selectors import (
    lead_counts,
    lead_list,
    leads_credited_per_scout,
    possible_duplicates,
    verified_leads_of,
)
from baslager.organisations.access import scoped
from baslager.testing.personas import make_user, membership_of


def _lead(world, found_by, name="Bageriet", status=LeadStatus.NEW, days_ago=0, **fields):
    decided = status != LeadStatus.NEW
    lead = Lead.objects.create(
        organisation=fields.pop("organisation", world.home),
        found_by=found_by,
        employer_name=name,
        reason="Skylt",
        status=status,
        reviewed_at=timezone.now() if decided else None,
        **fields,
    )
    Lead.objects.filter(pk=lead.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
    return lead


def test_the_queue_puts_new_leads_first_oldest_first(world):
    verified = _lead(world, world.scout, "A", LeadStatus.VERIFIED, days_ago=9)
    newer = _lead(world, world.scout, "B", days_ago=1)
    older = _lead(world, world.scout, "C", days_ago=5)
    rejected = _lead(world, world.coach, "D", LeadStatus.REJECTED, days_ago=20)
    _lead(world, world.outsider, "E", organisation=world.other)
    leads = list(lead_list(membership=membership_of(world.coach)))
    assert leads[:2] == [older, newer]
    assert set(leads[2:]) == {verified, rejected}
    assert list(lead_list(membership=membership_of(world.coach), status=LeadStatus.NEW)) == [
        older,
        newer,
    ]
    assert list(lead_list(membership=membership_of(world.coach), found_by=world.coach)) == [
        rejected
    ]


def test_it_credits_each_scout_with_leads_found_and_verified(world):
    other_scout = make_user(world.home, "scout", "scout2@home.example", "Siv Spanare")
    for status in (LeadStatus.VERIFIED, LeadStatus.VERIFIED, LeadStatus.NEW, LeadStatus.REJECTED):
        _lead(world, world.scout, status=status)
    for status in (LeadStatus.VERIFIED, LeadStatus.NEW):
        _lead(world, other_scout, status=status)
    _lead(world, world.outsider, organisation=world.other, status=LeadStatus.VERIFIED)
    _lead(world, None)
    leads = scoped(Lead, membership_of(world.coach))
    with CaptureQueriesContext(connection) as queries:
        credits = leads_credited_per_scout(leads)
    assert [(c.scout, c.found, c.verified) for c in credits] == [
        (world.scout, 4, 2),
        (other_scout, 2, 1),
    ]
    assert len(queries) == 2
    narrowed = scoped(Lead, membership_of(world.coach)).filter(found_by=other_scout)
    assert [(c.scout, c.found) for c in leads_credited_per_scout(narrowed)] == [(other_scout, 2)]


def test_it_counts_a_scouts_own_leads_by_status(world):
    _lead(world, world.scout, status=LeadStatus.VERIFIED)
    _lead(world, world.scout)
    _lead(world, world.coach, status=LeadStatus.VERIFIED)
    assert lead_counts(membership=membership_of(world.scout), found_by=world.scout) == {
        "new": 1,
        "verified": 1,
        "rejected": 0,
    }


def test_it_finds_duplicates_by_number_and_by_name(world):
    by_number = Employer.objects.create(
        organisation=world.home, name="Helt annat", organisation_number="5560360793"
    )
    by_name = Employer.objects.create(organisation=world.home, name="Bageriet AB")
    Employer.objects.create(organisation=world.other, name="Bageriet")
    open_lead = _lead(world, world.scout, "bageriet")
    _lead(world, world.scout, "Bageriet", LeadStatus.REJECTED)
    numbered = _lead(world, world.scout, "Saab", organisation_number="5560360793")
    found = possible_duplicates(
        membership=membership_of(world.coach), name="Bageriet", organisation_number="5560360793"
    )
    assert found.employers == [by_number, by_name]
    assert found.open_leads == [open_lead, numbered]
    assert not possible_duplicates(membership=membership_of(world.coach), name="Konditoriet")
    without_itself = possible_duplicates(
        membership=membership_of(world.coach), name="Bageriet", exclude_lead_pk=open_lead.pk
    )
    assert without_itself.open_leads == []


def test_it_lists_only_the_verified_leads_of_an_employer(world):
    employer = Employer.objects.create(organisation=world.home, name="Bageriet")
    verified = _lead(world, world.scout, status=LeadStatus.VERIFIED, employer=employer)
    _lead(world, world.coach, status=LeadStatus.REJECTED, employer=employer)
    assert list(verified_leads_of(membership=membership_of(world.viewer), employer=employer)) == [
        verified
    ]
    assert not verified_leads_of(membership=membership_of(world.outsider), employer=employer)
