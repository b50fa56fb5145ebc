from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from baslager.employers.models import Employer
from baslager.openings.models import Opening, OpeningKind
from baslager.organisations.models import Organisation
from baslager.placements.services import placement_create
from baslager.plans.models import Activity, ActivityKind, Enrolment, Occurrence
from baslager.projects.models import ExitReason, Project
from baslager.projects.services import project_enrolment_enter, project_enrolment_exit
from baslager.proposals.models import Proposal, ProposalStatus
from baslager.testing.personas import make_participant, membership_of
from baslager.testing.queries import queries_to_get

HOME = reverse("core:home")


def test_the_start_page_is_at_the_root_for_every_role(world, signed_in):
    assert HOME == "/"
    for user in (world.admin, world.coach, world.scout, world.viewer):
        response = signed_in(user).get(HOME)

        assert response.status_code == 200
        assert [t.name for t in response.templates][0] == "today/start.html"


def _busy_caseload(world, coach, count: int) -> None:
    """``count`` participants of ``coach``, each with something on every list of the page."""
    today = timezone.localdate()
    membership = membership_of(coach)
    employer = Employer.objects.create(organisation=world.home, name=f"Hotellet {count} AB")
    project = Project.objects.create(
        organisation=world.home,
        name=f"Projekt {count}",
        funder="esf_plus",
        starts_on=today - timedelta(days=400),
        ends_on=today + timedelta(days=400),
    )
    activity = Activity.objects.create(
        organisation=world.home, kind=ActivityKind.TRAINING, title="Verkstad", leader=coach
    )
    for number in range(count):
        participant = make_participant(
            world.home, coach, first_name=f"Deltagare{number}", entry_date=today - timedelta(60)
        )
        Enrolment.objects.create(
            organisation=world.home, activity=activity, participant=participant
        )
        Occurrence.objects.create(
            organisation=world.home,
            activity=activity,
            starts_at=timezone.now() + timedelta(hours=1),
        )
        enrolment, _ = project_enrolment_enter(
            participant=participant,
            project=project,
            entry_date=today - timedelta(days=300),
            actor=coach,
        )
        project_enrolment_exit(
            enrolment=enrolment,
            exit_date=today - timedelta(days=20),
            exit_reason=ExitReason.FOUND_WORK,
            actor=coach,
        )
        placement_create(
            membership=membership,
            actor=coach,
            data={
                "participant": participant,
                "employer": employer,
                "kind": OpeningKind.INTERNSHIP,
                "starts_on": today,
            },
        )
        opening = Opening.objects.create(
            organisation=world.home, employer=employer, title=f"Städare {number}"
        )
        Proposal.objects.create(
            organisation=world.home,
            participant=participant,
            opening=opening,
            status=ProposalStatus.PRESENTED,
        )


def test_a_coach_sees_her_days_work_with_an_action_for_each(world, signed_in):
    _busy_caseload(world, world.coach, 1)
    _busy_caseload(world, world.colleague, 1)

    page = signed_in(world.coach).get(HOME).content.decode()

    for text in (
        "Verkstad",
        "Take attendance",
        "Record the situation",
        "8 days left",
        "Open the checklist",
        "Open the proposal",
        "No contact for 21 days",
        "Write a note",
        "Contact is a case note or a session the participant attended",
    ):
        assert text in page, text
    assert page.count("Deltagare0") >= 4
    assert "Kalle Kollega" not in page
    assert "Overdue in the organisation" not in page


def test_an_administrator_also_sees_the_organisations_overdue_items(world, signed_in):
    _busy_caseload(world, world.colleague, 1)
    enrolment, _ = project_enrolment_enter(
        participant=world.colleagues_participant,
        project=Project.objects.get(),
        entry_date=timezone.localdate() - timedelta(days=100),
        actor=world.colleague,
    )
    project_enrolment_exit(
        enrolment=enrolment,
        exit_date=timezone.localdate() - timedelta(days=25),
        exit_reason=ExitReason.FOUND_WORK,
        actor=world.colleague,
    )
    Organisation.objects.filter(pk=world.home.pk).update(days_without_contact=10)

    page = signed_in(world.admin).get(HOME).content.decode()

    assert "Overdue in the organisation" in page
    assert "windows closing within a week" in page and "Bertil Berg" in page
    assert "No contact for 10 days" in page


def test_the_start_page_takes_the_same_queries_for_one_or_many(world, signed_in):
    client = signed_in(world.admin)
    _busy_caseload(world, world.admin, 1)
    few = queries_to_get(client, HOME)

    _busy_caseload(world, world.admin, 4)

    assert queries_to_get(client, HOME) == few


def test_scouts_see_their_work_and_no_participant(world, signed_in):
    _busy_caseload(world, world.coach, 1)

    page = signed_in(world.scout).get(HOME).content.decode()

    assert "Your campaigns" in page and "Your leads" in page
    assert reverse("leads:create") in page
    assert "Deltagare0" not in page and world.participant.last_name not in page


def test_viewers_see_the_figures_with_small_cells_suppressed(world, signed_in):
    _busy_caseload(world, world.coach, 1)

    page = signed_in(world.viewer).get(HOME).content.decode()

    assert "Participants by development phase and gender" in page
    assert "Deltagare0" not in page and "Take attendance" not in page


def test_the_start_page_is_in_swedish_by_default(world, client_for):
    page = client_for(world.coach).get(HOME).content.decode()

    assert "Idag" in page and "Ingen kontakt på 21 dagar" in page


def test_administrators_set_the_days_without_contact(world, signed_in):
    client = signed_in(world.admin)
    data = {
        "name": world.home.name,
        "kommun_code": world.home.kommun_code,
        "days_without_contact": "14",
    }

    client.post(reverse("organisations:settings"), data)

    world.home.refresh_from_db()
    assert world.home.days_without_contact == 14
    refused = client.post(reverse("organisations:settings"), {**data, "days_without_contact": "0"})
    assert refused.status_code == 200
    assert refused.context["form"].errors["days_without_contact"]
    world.home.refresh_from_db()
    assert world.home.days_without_contact == 14
