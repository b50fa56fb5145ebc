import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from baslager.employers.models import Employer, Stage
from baslager.leads.models import Lead, LeadStatus
from baslager.leads.services import lead_register, lead_reject, lead_verify
from baslager.taxonomy.models import Industry
from baslager.testing.personas import membership_of


def _register(user, **data):
    data.setdefault("employer_name", "Bageriet i Borås")
    data.setdefault("reason", "Skylt i fönstret: vi söker personal")
    return lead_register(membership=membership_of(user), actor=user, data=data)


def test_it_registers_a_new_lead_found_by_the_scout(world):
    lead = _register(world.scout, organisation_number="556036-0793", kommun_code="1490")
    assert (lead.organisation, lead.found_by, lead.status) == (
        world.home,
        world.scout,
        LeadStatus.NEW,
    )
    assert lead.organisation_number == "5560360793"
    assert lead.kommun_name == "Borås"
    assert lead.reviewed_at is None


def test_it_refuses_an_invalid_organisation_number(world):
    with pytest.raises(ValidationError):
        _register(world.scout, organisation_number="556036-0794")
    assert not Lead.objects.exists()


def test_it_refuses_viewers_to_register_leads(world):
    with pytest.raises(PermissionDenied):
        _register(world.viewer)
    assert not Lead.objects.exists()


@pytest.mark.parametrize(
    ("existing", "data"),
    [
        (
            {"name": "Annat namn AB", "organisation_number": "5560360793"},
            {"organisation_number": "556036-0793"},
        ),
        ({"name": "BAGERIET I BORÅS AB"}, {}),
    ],
    ids=["same number", "similar name"],
)
def test_it_warns_about_an_employer_already_registered(world, existing, data):
    Employer.objects.create(organisation=world.home, **existing)
    with pytest.raises(ValidationError) as raised:
        _register(world.scout, **data)
    assert raised.value.code == "duplicates"
    assert not Lead.objects.exists()
    lead = lead_register(
        membership=membership_of(world.scout),
        actor=world.scout,
        data={"employer_name": "Bageriet i Borås", "reason": "Ny skylt", **data},
        confirmed_duplicates=True,
    )
    assert lead.status == LeadStatus.NEW


def test_it_warns_about_an_open_lead_but_not_a_decided_one(world):
    first = _register(world.scout)
    with pytest.raises(ValidationError):
        _register(world.coach, employer_name="Bageriet i Borås, AB")
    lead_reject(
        lead=first, membership=membership_of(world.coach), actor=world.coach, reason="Nedlagt"
    )
    assert _register(world.coach, employer_name="Bageriet i Borås, AB").found_by == world.coach


def test_it_ignores_employers_of_another_organisation_when_warning(world):
    Employer.objects.create(organisation=world.other, name="Bageriet i Borås")
    assert _register(world.scout).status == LeadStatus.NEW


def test_verifying_creates_the_employer_with_the_leads_data_and_history(world):
    industry = Industry.objects.create(
        concept_id="sni-1071", label="Bagerier", code="10710", level=5
    )
    lead = _register(
        world.scout,
        organisation_number="5560360793",
        kommun_code="1490",
        industry=industry,
        street_address="Storgatan 1",
        city="Borås",
        contact_name="Berit Bagare",
        contact_phone="033-123456",
        contact_email="berit@bageriet.example",
    )
    employer = lead_verify(lead=lead, membership=membership_of(world.coach), actor=world.coach)
    assert (employer.organisation, employer.name, employer.organisation_number) == (
        world.home,
        "Bageriet i Borås",
        "5560360793",
    )
    assert (employer.stage, employer.industry, employer.kommun_code, employer.city) == (
        Stage.IDENTIFIED,
        industry,
        "1490",
        "Borås",
    )
    assert "Sam Scout" in employer.notes
    assert "Skylt i fönstret" in employer.notes
    change = employer.stage_changes.get()
    assert (change.to_stage, change.changed_by) == (Stage.IDENTIFIED, world.coach)
    contact = employer.contacts.get()
    assert (contact.name, contact.phone, contact.email) == (
        "Berit Bagare",
        "033-123456",
        "berit@bageriet.example",
    )
    lead.refresh_from_db()
    assert (lead.status, lead.employer, lead.reviewed_by, lead.found_by) == (
        LeadStatus.VERIFIED,
        employer,
        world.coach,
        world.scout,
    )
    assert lead.reviewed_at is not None


def test_verifying_can_link_the_lead_to_an_employer_already_registered(world):
    existing = Employer.objects.create(organisation=world.home, name="Bageriet i Borås AB")
    lead = lead_register(
        membership=membership_of(world.scout),
        actor=world.scout,
        data={"employer_name": "Bageriet i Borås", "reason": "Bygger ut"},
        confirmed_duplicates=True,
    )
    employer = lead_verify(
        lead=lead, membership=membership_of(world.admin), actor=world.admin, employer=existing
    )
    assert employer == existing
    assert Employer.objects.count() == 1
    lead.refresh_from_db()
    assert (lead.status, lead.employer, lead.reviewed_by) == (
        LeadStatus.VERIFIED,
        existing,
        world.admin,
    )


def test_it_will_not_create_a_second_employer_with_the_same_number(world):
    Employer.objects.create(organisation=world.home, name="Saab", organisation_number="5560360793")
    lead = lead_register(
        membership=membership_of(world.scout),
        actor=world.scout,
        data={
            "employer_name": "Saab i Trollhättan",
            "organisation_number": "5560360793",
            "reason": "X",
        },
        confirmed_duplicates=True,
    )
    with pytest.raises(ValidationError) as raised:
        lead_verify(lead=lead, membership=membership_of(world.coach), actor=world.coach)
    assert raised.value.code == "number_taken"
    lead.refresh_from_db()
    assert lead.status == LeadStatus.NEW
    assert Employer.objects.count() == 1


def test_it_refuses_to_link_to_an_employer_of_another_organisation(world):
    theirs = Employer.objects.create(organisation=world.other, name="Bageriet i Borås")
    lead = _register(world.scout)
    with pytest.raises(ValidationError):
        lead_verify(
            lead=lead, membership=membership_of(world.coach), actor=world.coach, employer=theirs
        )
    lead.refresh_from_db()
    assert lead.status == LeadStatus.NEW


@pytest.mark.parametrize("role", ["scout", "viewer"])
def test_only_coaches_and_administrators_decide_on_leads(world, role):
    user = getattr(world, role)
    lead = _register(world.scout)
    with pytest.raises(PermissionDenied):
        lead_verify(lead=lead, membership=membership_of(user), actor=user)
    with pytest.raises(PermissionDenied):
        lead_reject(lead=lead, membership=membership_of(user), actor=user, reason="Nej")
    lead.refresh_from_db()
    assert lead.status == LeadStatus.NEW
    assert not Employer.objects.exists()


def test_an_outsider_cannot_decide_on_a_lead_of_another_organisation(world):
    lead = _register(world.scout)
    with pytest.raises(PermissionDenied):
        lead_verify(lead=lead, membership=membership_of(world.outsider), actor=world.outsider)
    assert not Employer.objects.exists()


def test_rejecting_keeps_the_reason(world):
    lead = _register(world.scout)
    lead_reject(
        lead=lead, membership=membership_of(world.coach), actor=world.coach, reason=" Nedlagt "
    )
    lead.refresh_from_db()
    assert (lead.status, lead.rejection_reason, lead.reviewed_by, lead.employer) == (
        LeadStatus.REJECTED,
        "Nedlagt",
        world.coach,
        None,
    )


def test_rejecting_needs_a_reason(world):
    lead = _register(world.scout)
    with pytest.raises(ValidationError):
        lead_reject(
            lead=lead, membership=membership_of(world.coach), actor=world.coach, reason="  "
        )
    lead.refresh_from_db()
    assert lead.status == LeadStatus.NEW


def test_a_decided_lead_cannot_be_decided_again(world):
    lead = _register(world.scout)
    lead_reject(lead=lead, membership=membership_of(world.coach), actor=world.coach, reason="Nej")
    with pytest.raises(ValidationError) as raised:
        lead_verify(lead=lead, membership=membership_of(world.admin), actor=world.admin)
    assert raised.value.code == "decided"
    with pytest.raises(ValidationError):
        lead_reject(lead=lead, membership=membership_of(world.admin), actor=world.admin, reason="X")
    lead.refresh_from_db()
    assert (lead.status, lead.reviewed_by) == (LeadStatus.REJECTED, world.coach)
    assert not Employer.objects.exists()


def test_it_keeps_an_audit_trail_of_the_lead(world):
    from auditlog.models import LogEntry

    lead = _register(world.scout)
    lead_reject(lead=lead, membership=membership_of(world.coach), actor=world.coach, reason="Nej")
    actions = list(
        LogEntry.objects.get_for_object(lead).order_by("pk").values_list("action", flat=True)
    )
    assert actions == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE]
