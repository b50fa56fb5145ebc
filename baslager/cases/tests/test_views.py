from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from baslager.cases.models import CaseClosure, ClosureReason
from baslager.cases.services import case_close, case_reopen
from baslager.participants.models import ParticipantStatus
from baslager.phases.models import Phase
from baslager.placements.models import PlacementStatus
from baslager.plans.models import Occurrence
from baslager.projects.models import ExitReason
from baslager.projects.services import project_enrolment_enter, project_enrolment_exit
from baslager.projects.tests.factories import make_project
from baslager.proposals.models import Proposal, ProposalStatus
from baslager.testing.personas import membership_of

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _url(name, participant):
    return reverse(f"cases:{name}", kwargs={"participant": participant.public_id})


def _detail(participant):
    return reverse("participants:detail", kwargs={"participant": participant.public_id})


def _closed(world, participant=None):
    return case_close(
        participant=participant or world.participant,
        membership=membership_of(world.admin),
        actor=world.admin,
        closed_on=TODAY(),
        reason=ClosureReason.WORK,
        note="Anställd på lagret",
    )


def test_the_confirmation_page_lists_what_changes_and_changes_nothing(world, open_case, signed_in):
    sessions = Occurrence.objects.count()
    response = signed_in(world.coach).get(_url("close", world.participant))

    assert response.status_code == 200
    page = response.content.decode()
    assert "3 coming sessions are cancelled" in page and "Samtal med coach" in page
    assert "2 placements end on the closing date" in page and "Lagerbolaget AB" in page
    assert "1 proposal is withdrawn" in page and "Truckförare" in page
    assert "Exit from Alla kan arbeta" in page
    assert "Amina is no longer expected at these: Veckomöte." in page
    enrolment = open_case["enrolment"].pk
    assert f'name="exit-{enrolment}-exit_reason"' in page
    assert f'name="situation-{enrolment}-kind"' in page
    world.participant.refresh_from_db()
    assert world.participant.status == ParticipantStatus.ACTIVE
    assert Occurrence.objects.count() == sessions
    assert not Proposal.objects.filter(status=ProposalStatus.WITHDRAWN).exists()


def _post(client, world, open_case, **data):
    enrolment = open_case["enrolment"].pk
    values = {
        "closed_on": TODAY().isoformat(),
        "reason": ClosureReason.WORK,
        "note": "",
        f"exit-{enrolment}-exit_date": TODAY().isoformat(),
        f"exit-{enrolment}-exit_reason": ExitReason.FOUND_WORK,
        **data,
    }
    confirmed = client.get(_url("close", world.participant)).context["items"].fingerprint
    values.setdefault("confirmed", confirmed)
    return client.post(_url("close", world.participant), values)


def test_one_post_closes_the_case(world, open_case, signed_in):
    client = signed_in(world.coach)
    response = _post(client, world, open_case)

    assert response.status_code == 302 and response.url == _detail(world.participant)
    world.participant.refresh_from_db()
    assert world.participant.status == ParticipantStatus.ENDED
    open_case["placement"].refresh_from_db()
    assert open_case["placement"].status == PlacementStatus.ENDED
    closure = CaseClosure.objects.get()
    assert closure.closed_by == world.coach and closure.reason == ClosureReason.WORK


def test_a_known_situation_is_recorded_and_a_wrong_one_keeps_what_was_typed(
    world, open_case, signed_in
):
    enrolment = open_case["enrolment"].pk
    client = signed_in(world.coach)
    wrong = {
        "note": "Fick jobb",
        f"situation-{enrolment}-kind": "employment",
        f"situation-{enrolment}-occurred_on": TODAY().isoformat(),
        f"situation-{enrolment}-evidence_kind": "participant_statement",
    }
    response = _post(client, world, open_case, **wrong)

    assert response.status_code == 200
    assert "Say which form of employment it is." in response.content.decode()
    assert "Fick jobb" in response.content.decode()
    world.participant.refresh_from_db()
    assert world.participant.status == ParticipantStatus.ACTIVE

    response = _post(
        client, world, open_case, **wrong, **{f"situation-{enrolment}-employment_form": "ordinary"}
    )
    assert response.status_code == 302
    assert open_case["enrolment"].situations.get().employment_form == "ordinary"


def test_a_list_changed_since_it_was_shown_is_shown_again(world, open_case, signed_in):
    response = _post(signed_in(world.coach), world, open_case, confirmed="s;p;o;e")

    assert response.status_code == 200
    assert "changed meanwhile" in response.content.decode()
    world.participant.refresh_from_db()
    assert world.participant.status == ParticipantStatus.ACTIVE


def test_a_missing_exit_reason_is_asked_for(world, open_case, signed_in):
    enrolment = open_case["enrolment"].pk
    response = _post(
        signed_in(world.coach), world, open_case, **{f"exit-{enrolment}-exit_reason": ""}
    )
    assert response.status_code == 200
    assert not CaseClosure.objects.exists()


def test_access(world, signed_in):
    close, reopen = _url("close", world.participant), _url("reopen", world.participant)
    for user, status in ((world.colleague, 404), (world.outsider, 404)):
        assert signed_in(user).get(close).status_code == status
        assert signed_in(user).post(close, {"reason": "work"}).status_code == status
        assert signed_in(user).post(reopen, {"reason": "x"}).status_code == status
    for user in (world.scout, world.viewer):
        assert signed_in(user).get(close).status_code == 403
        assert signed_in(user).post(reopen).status_code == 403
    assert signed_in(world.admin).get(close).status_code == 200
    world.participant.refresh_from_db()
    assert world.participant.status == ParticipantStatus.ACTIVE


def test_the_participant_page_says_why_the_case_closed_and_offers_to_reopen(world, signed_in):
    _closed(world)
    page = signed_in(world.coach).get(_detail(world.participant)).content.decode()

    closed_on = TODAY().isoformat()
    assert f"Closed on {closed_on} because: Found work" in page
    assert "Anställd på lagret" in page and "Closed by Alma Admin" in page
    assert _url("reopen", world.participant) in page
    assert _url("close", world.participant) not in page


def test_the_participant_page_in_swedish(world, client_for):
    _closed(world)
    client = client_for(world.coach)
    page = client.get(_detail(world.participant), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    closed_on = TODAY().isoformat()
    assert f"Avslutat {closed_on} eftersom: Fick arbete" in page
    assert "Öppna ärendet igen" in page


def test_closing_an_open_case_is_offered_once_every_project_is_left(world, signed_in):
    client = signed_in(world.coach)
    enrolment, _ = project_enrolment_enter(
        participant=world.participant,
        project=make_project(world),
        entry_date=TODAY() - timedelta(days=30),
        actor=world.coach,
    )
    assert (
        "Every project exit is recorded"
        not in client.get(_detail(world.participant)).content.decode()
    )
    project_enrolment_exit(
        enrolment=enrolment, exit_date=TODAY(), exit_reason=ExitReason.COMPLETED, actor=world.coach
    )
    page = client.get(_detail(world.participant)).content.decode()
    assert "Every project exit is recorded" in page and _url("close", world.participant) in page


def test_reopen_puts_the_participant_back_on_the_board(world, signed_in):
    _closed(world)
    board = reverse("phases:board")
    client = signed_in(world.coach)
    assert world.participant.full_name not in client.get(board).content.decode()
    ended = client.get(board, {"status": "ended"}).content.decode()
    assert world.participant.full_name in ended

    phase = Phase.objects.filter(organisation=world.home).order_by("position")[1]
    page = client.get(_url("reopen", world.participant)).content.decode()
    assert "Closed on" in page and "Found work" in page
    response = client.post(_url("reopen", world.participant), {"phase": phase.pk, "reason": ""})
    assert response.status_code == 200
    response = client.post(
        _url("reopen", world.participant), {"phase": phase.pk, "reason": "Tillbaka efter flytt"}
    )

    assert response.status_code == 302
    world.participant.refresh_from_db()
    assert (world.participant.status, world.participant.current_phase) == ("active", phase)
    assert world.participant.full_name in client.get(board).content.decode()
    assert (
        world.participant.full_name not in client.get(board, {"status": "ended"}).content.decode()
    )
    page = client.get(_detail(world.participant)).content.decode()
    assert "opened again by Cecilia Coach" in page and "Tillbaka efter flytt" in page


def test_a_case_opened_again_is_not_offered_to_close_for_the_exits_before(world, signed_in):
    world.participant.entry_date = TODAY() - timedelta(days=60)
    world.participant.save()
    enrolment, _ = project_enrolment_enter(
        participant=world.participant,
        project=make_project(world),
        entry_date=TODAY() - timedelta(days=30),
        actor=world.coach,
    )
    project_enrolment_exit(
        enrolment=enrolment,
        exit_date=TODAY() - timedelta(days=5),
        exit_reason=ExitReason.COMPLETED,
        actor=world.coach,
    )
    _closed(world)
    case_reopen(
        participant=world.participant,
        actor=world.coach,
        phase=world.participant.current_phase,
        reason="Tillbaka",
    )
    page = signed_in(world.coach).get(_detail(world.participant)).content.decode()
    assert "Every project exit is recorded" not in page
    assert _url("close", world.participant) in page


def test_closing_or_reopening_the_wrong_way_round_goes_back_to_the_page(world, signed_in):
    client = signed_in(world.coach)
    assert client.get(_url("reopen", world.participant)).url == _detail(world.participant)
    _closed(world)
    assert client.get(_url("close", world.participant)).url == _detail(world.participant)
