import pytest
from django.urls import reverse

from baslager.employers.models import Employer, Stage
from baslager.leads.models import Lead, LeadStatus
from baslager.leads.services import lead_verify
from baslager.testing.personas import make_user
from baslager.testing.queries import queries_to_get

LIST = reverse("leads:list")
CREATE = reverse("leads:create")


@pytest.fixture
def lead(world):
    return Lead.objects.create(
        organisation=world.home,
        found_by=world.scout,
        employer_name="Bageriet i Borås",
        reason="Skylt i fönstret: vi söker personal",
        contact_name="Berit Bagare",
    )


def _url(name, lead):
    return reverse(f"leads:{name}", kwargs={"lead": lead.pk})


def _form(**data):
    return {"employer_name": "Bageriet i Borås", "reason": "Skylt i fönstret", **data}


def test_it_refuses_viewers_every_lead_page(world, client_for, lead):
    client = client_for(world.viewer)
    for url in (LIST, CREATE, _url("detail", lead)):
        assert client.get(url).status_code == 403, url
    assert client.post(CREATE, _form()).status_code == 403
    assert client.post(_url("verify", lead), {"verify-employer": "new"}).status_code == 403
    lead.refresh_from_db()
    assert lead.status == LeadStatus.NEW
    assert Lead.objects.count() == 1


def test_it_shows_an_outsider_404_for_another_organisations_lead(world, signed_in, lead):
    client = signed_in(world.outsider)
    assert client.get(_url("detail", lead)).status_code == 404
    assert client.post(_url("verify", lead), {"verify-employer": "new"}).status_code == 404
    assert client.post(_url("reject", lead), {"reject-rejection_reason": "X"}).status_code == 404
    lead.refresh_from_db()
    assert lead.status == LeadStatus.NEW
    assert not Employer.objects.exists()
    assert lead.employer_name not in client.get(LIST).content.decode()


def test_a_scout_registers_a_lead(world, signed_in):
    client = signed_in(world.scout)
    assert client.get(CREATE).status_code == 200
    response = client.post(CREATE, _form(organisation_number="556036-0793", kommun_code="1490"))
    lead = Lead.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("detail", lead)
    assert (lead.found_by, lead.organisation_number, lead.kommun_code) == (
        world.scout,
        "5560360793",
        "1490",
    )


def test_a_scout_sees_possible_duplicates_before_saving_and_may_go_on(world, signed_in):
    employer = Employer.objects.create(organisation=world.home, name="Bageriet i Borås AB")
    client = signed_in(world.scout)
    response = client.post(CREATE, _form())
    assert response.status_code == 200
    body = response.content.decode()
    assert "Possible duplicates" in body
    assert reverse("employers:detail", kwargs={"employer": employer.public_id}) in body
    assert not Lead.objects.exists()
    response = client.post(CREATE, _form(confirm_duplicates="on"))
    assert response.status_code == 302
    assert Lead.objects.get().found_by == world.scout


def test_it_shows_an_invalid_organisation_number_as_a_form_error(world, signed_in):
    response = signed_in(world.scout).post(CREATE, _form(organisation_number="556036-0794"))
    assert response.status_code == 200
    assert "This is not a valid organisation number." in response.content.decode()
    assert not Lead.objects.exists()


def test_a_scout_sees_only_their_own_leads_and_how_many_were_verified(world, signed_in, lead):
    Lead.objects.create(
        organisation=world.home, found_by=world.coach, employer_name="Kaféet", reason="Ny"
    )
    lead_verify(lead=lead, membership=world.coach.memberships.get(), actor=world.coach)
    body = signed_in(world.scout).get(LIST).content.decode()
    assert "My leads" in body
    assert "Bageriet i Borås" in body
    assert "Kaféet" not in body
    assert "You have found 1 employer that a coach has verified." in body
    assert "Top scouts" not in body


def test_a_scout_cannot_verify_or_reject_even_their_own_lead(world, signed_in, lead):
    client = signed_in(world.scout)
    page = client.get(_url("detail", lead))
    assert page.status_code == 200
    assert _url("verify", lead) not in page.content.decode()
    assert client.post(_url("verify", lead), {"verify-employer": "new"}).status_code == 403
    assert client.post(_url("reject", lead), {"reject-rejection_reason": "X"}).status_code == 403
    lead.refresh_from_db()
    assert lead.status == LeadStatus.NEW
    assert not Employer.objects.exists()


def test_a_coach_gets_the_queue_with_filters_and_top_scouts(world, signed_in, lead):
    other_scout = make_user(world.home, "scout", "scout2@home.example", "Siv Spanare")
    Lead.objects.create(
        organisation=world.home, found_by=other_scout, employer_name="Kaféet", reason="Ny"
    )
    client = signed_in(world.coach)
    body = client.get(LIST).content.decode()
    assert "Bageriet i Borås" in body and "Kaféet" in body
    assert "Top scouts" in body and "Siv Spanare" in body
    filtered = client.get(LIST, {"found_by": other_scout.pk}).content.decode()
    assert "Kaféet" in filtered
    assert "Bageriet i Borås" not in filtered
    assert "Kaféet" not in client.get(LIST, {"status": "verified"}).content.decode()


def test_a_coach_verifies_a_lead_as_a_new_employer(world, signed_in, lead):
    client = signed_in(world.coach)
    page = client.get(_url("detail", lead)).content.decode()
    assert _url("verify", lead) in page and _url("reject", lead) in page
    response = client.post(_url("verify", lead), {"verify-employer": "new"})
    assert response.status_code == 302
    lead.refresh_from_db()
    employer = Employer.objects.get()
    assert (lead.status, lead.employer, employer.stage) == (
        LeadStatus.VERIFIED,
        employer,
        Stage.IDENTIFIED,
    )
    assert employer.contacts.get().name == "Berit Bagare"


def test_a_coach_links_a_lead_to_a_duplicate_employer(world, signed_in, lead):
    existing = Employer.objects.create(organisation=world.home, name="Bageriet i Borås AB")
    client = signed_in(world.coach)
    page = client.get(_url("detail", lead)).content.decode()
    assert "Link to Bageriet i Borås AB, already registered" in page
    response = client.post(_url("verify", lead), {"verify-employer": str(existing.public_id)})
    assert response.status_code == 302
    lead.refresh_from_db()
    assert (lead.status, lead.employer) == (LeadStatus.VERIFIED, existing)
    assert Employer.objects.count() == 1


def test_it_refuses_to_link_to_an_employer_that_is_not_a_duplicate(world, signed_in, lead):
    unrelated = Employer.objects.create(organisation=world.home, name="Verkstaden")
    response = signed_in(world.coach).post(
        _url("verify", lead), {"verify-employer": str(unrelated.public_id)}
    )
    assert response.status_code == 200
    lead.refresh_from_db()
    assert lead.status == LeadStatus.NEW


def test_an_empty_post_verifies_nothing(world, signed_in, lead):
    assert signed_in(world.coach).post(_url("verify", lead), {}).status_code == 200
    lead.refresh_from_db()
    assert lead.status == LeadStatus.NEW
    assert not Employer.objects.exists()


def test_a_coach_rejects_a_lead_with_a_reason(world, signed_in, lead):
    client = signed_in(world.coach)
    response = client.post(_url("reject", lead), {"reject-rejection_reason": ""})
    assert response.status_code == 200
    lead.refresh_from_db()
    assert lead.status == LeadStatus.NEW
    response = client.post(_url("reject", lead), {"reject-rejection_reason": "Har lagt ned"})
    assert response.status_code == 302
    lead.refresh_from_db()
    assert (lead.status, lead.rejection_reason) == (LeadStatus.REJECTED, "Har lagt ned")
    scout_page = signed_in(world.scout).get(_url("detail", lead)).content.decode()
    assert "Har lagt ned" in scout_page


def test_a_decided_lead_goes_back_to_its_page(world, signed_in, lead):
    client = signed_in(world.admin)
    client.post(_url("reject", lead), {"reject-rejection_reason": "Nej"})
    response = client.post(_url("verify", lead), {"verify-employer": "new"}, follow=True)
    assert "This lead has already been decided on." in response.content.decode()
    lead.refresh_from_db()
    assert lead.status == LeadStatus.REJECTED
    assert not Employer.objects.exists()


def test_the_employer_page_credits_the_scout(world, signed_in, lead):
    employer = lead_verify(lead=lead, membership=world.coach.memberships.get(), actor=world.coach)
    url = reverse("employers:detail", kwargs={"employer": employer.public_id})
    body = signed_in(world.scout).get(url).content.decode()
    assert "Found by Sam Scout" in body
    assert _url("detail", lead) in body
    unfound = Employer.objects.create(organisation=world.home, name="Verkstaden")
    other = signed_in(world.coach).get(
        reverse("employers:detail", kwargs={"employer": unfound.public_id})
    )
    assert "Found by" not in other.content.decode()


def test_the_lead_page_credits_the_scout(world, signed_in, lead):
    body = signed_in(world.coach).get(_url("detail", lead)).content.decode()
    assert "Found by Sam Scout" in body


def test_the_menu_shows_leads_to_scouts_and_not_to_viewers(world, signed_in):
    assert (
        f'href="{LIST}"' in signed_in(world.scout).get(reverse("employers:list")).content.decode()
    )
    assert (
        f'href="{LIST}"' not in signed_in(world.viewer).get(reverse("core:home")).content.decode()
    )


@pytest.mark.parametrize("role", ["coach", "scout"])
def test_it_lists_leads_in_a_constant_number_of_queries(world, signed_in, role):
    client = signed_in(getattr(world, role))
    coach = world.coach.memberships.get()

    def add(count):
        for number in range(count):
            scout = make_user(world.home, "scout", f"s{Lead.objects.count()}@h.example", "S")
            for finder in (scout, world.scout):
                lead = Lead.objects.create(
                    organisation=world.home,
                    found_by=finder,
                    employer_name=f"Företag {finder.pk} {number}",
                    reason="Skylt",
                )
                lead_verify(lead=lead, membership=coach, actor=world.coach)

    add(2)
    few = queries_to_get(client, LIST)
    add(8)
    assert Lead.objects.count() == 20
    assert queries_to_get(client, LIST) == few
