from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from baslager.employers.models import ContactPerson, Stage
from baslager.openings.models import Opening
from baslager.outreach import services
from baslager.outreach.models import (
    Call,
    Campaign,
    CampaignTarget,
    FollowUp,
    Outcome,
    RecruitmentNeed,
    TargetState,
)
from baslager.taxonomy.models import Occupation
from baslager.testing.queries import queries_to_get

from .factories import campaign_for, employers


@pytest.fixture
def campaign(world):
    employers(world.home, 5)
    return campaign_for(world, world.coach, world.scout, script="Hej, jag ringer från …")


def _pages(campaign) -> list[str]:
    kwargs = {"campaign": campaign.pk}
    target = campaign.targets.first()
    return [
        reverse("outreach:campaign", kwargs=kwargs),
        reverse("outreach:call", kwargs=kwargs),
        reverse("outreach:target", kwargs={"target": target.pk}),
    ]


def test_it_refuses_viewers_everything_of_outreach(world, client_for, campaign):
    client = client_for(world.viewer)
    for url in [reverse("outreach:campaigns"), reverse("outreach:tasks"), *_pages(campaign)]:
        assert client.get(url).status_code == 403, url
    assert client.post(_pages(campaign)[1]).status_code == 403
    assert not CampaignTarget.objects.filter(reserved_by__isnull=False).exists()


def test_it_shows_an_outsider_404_for_another_organisations_campaign(world, signed_in, campaign):
    client = signed_in(world.outsider)
    for url in _pages(campaign):
        assert client.get(url).status_code == 404, url
    for url in _pages(campaign)[1:]:
        assert client.post(url, {"outcome": Outcome.INTERESTED}).status_code == 404, url
    assert campaign.name not in client.get(reverse("outreach:campaigns")).content.decode()
    assert not Call.objects.exists()


def test_it_lets_scouts_into_their_own_campaigns_only(world, client_for, campaign):
    other = campaign_for(world, world.coach, name="Hemlig kampanj")
    client = client_for(world.scout)
    listing = client.get(reverse("outreach:campaigns")).content.decode()
    assert campaign.name in listing
    assert other.name not in listing
    for url in _pages(campaign):
        assert client.get(url).status_code == 200, url
    for url in _pages(other):
        assert client.get(url).status_code == 404, url
    assert client.post(_pages(other)[1]).status_code == 404
    assert client.get(reverse("outreach:campaign_create")).status_code == 403
    edit = reverse("outreach:campaign_edit", kwargs={"campaign": campaign.pk})
    assert client.get(edit).status_code == 403


def test_it_refuses_a_coach_who_is_not_a_caller_the_calling(world, client_for, campaign):
    client = client_for(world.colleague)
    assert client.get(_pages(campaign)[0]).status_code == 200
    assert client.post(_pages(campaign)[1]).status_code == 403
    target = campaign.targets.first()
    response = client.post(
        reverse("outreach:target", kwargs={"target": target.pk}), {"reserve": "1"}
    )
    assert response.status_code == 403
    assert not CampaignTarget.objects.filter(reserved_by__isnull=False).exists()


def test_it_creates_a_campaign_from_filters_and_counts_matches_on_the_way(world, signed_in):
    employers(world.home, 3, kommun_code="0180")
    employers(world.home, 2, kommun_code="2280")
    client = signed_in(world.coach)
    count = client.get(reverse("outreach:campaign_count"), {"kommun_codes": ["0180"]})
    assert "3 employers match" in count.content.decode()
    response = client.post(
        reverse("outreach:campaign_create"),
        {
            "name": "Stockholmsrundan",
            "script": "Hej!",
            "kommun_codes": ["0180"],
            "stages": [Stage.IDENTIFIED],
            "callers": [world.coach.pk, world.scout.pk],
            "reservation_minutes": 20,
        },
    )
    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("outreach:campaign", kwargs={"campaign": campaign.pk})
    assert (campaign.targets.count(), campaign.reservation_minutes, campaign.created_by) == (
        3,
        20,
        world.coach,
    )
    assert set(campaign.callers.all()) == {world.coach, world.scout}


def test_it_refuses_a_viewer_as_caller(world, signed_in):
    client = signed_in(world.coach)
    response = client.post(
        reverse("outreach:campaign_create"),
        {"name": "X", "callers": [world.viewer.pk], "reservation_minutes": 15},
    )
    assert response.status_code == 200
    assert not Campaign.objects.exists()


def test_a_caller_takes_logs_with_a_survey_and_goes_on_to_the_next(world, signed_in, campaign):
    client = signed_in(world.scout)
    response = client.post(reverse("outreach:call", kwargs={"campaign": campaign.pk}))
    first = CampaignTarget.objects.get(reserved_by=world.scout)
    assert response["Location"] == reverse("outreach:target", kwargs={"target": first.pk})
    ContactPerson.objects.create(
        organisation=world.home, employer=first.employer, name="Vera Vd", phone="08-123 45 67"
    )
    page = client.get(response["Location"]).content.decode()
    assert "08-123 45 67" in page and "Hej, jag ringer från" in page and "Log the call" in page

    cook = Occupation.objects.create(concept_id="occ-kock", label="Kock")
    response = client.post(
        response["Location"],
        {
            "outcome": Outcome.INTERESTED,
            "note": "Ring Vera igen i maj",
            "survey-competence_needs": "Kockar med hygienkurs",
            "survey-takes_interns": "yes",
            "needs-TOTAL_FORMS": "3",
            "needs-INITIAL_FORMS": "0",
            "needs-0-horizon": "now",
            "needs-0-kind": "job",
            "needs-0-occupation": cook.pk,
            "needs-0-how_many": "2",
            "needs-0-requirements": "Hygienkurs",
            "needs-1-kind": "job",
            "needs-1-how_many": "1",
            "needs-2-kind": "job",
            "needs-2-how_many": "1",
            "next": "1",
        },
    )
    first.refresh_from_db()
    second = CampaignTarget.objects.get(reserved_by=world.scout)
    assert response["Location"] == reverse("outreach:target", kwargs={"target": second.pk})
    assert (first.state, first.reserved_by, second.pk != first.pk) == (
        TargetState.DONE,
        None,
        True,
    )
    call = Call.objects.get()
    assert (call.caller, call.survey.competence_needs, call.survey.takes_interns) == (
        world.scout,
        "Kockar med hygienkurs",
        "yes",
    )
    need = RecruitmentNeed.objects.get()
    assert (need.occupation, need.how_many, need.requirements) == (cook, 2, "Hygienkurs")

    response = client.post(reverse("outreach:need_to_opening", kwargs={"need": need.pk}))
    opening = Opening.objects.get()
    assert response["Location"] == reverse("openings:detail", kwargs={"opening": opening.public_id})
    assert (opening.title, opening.places, opening.employer) == ("Kock", 2, first.employer)


def test_it_asks_when_to_call_back_and_saves_nothing_without(world, signed_in, campaign):
    client = signed_in(world.coach)
    client.post(reverse("outreach:call", kwargs={"campaign": campaign.pk}))
    target = CampaignTarget.objects.get(reserved_by=world.coach)
    url = reverse("outreach:target", kwargs={"target": target.pk})
    response = client.post(
        url, {"outcome": Outcome.CALL_BACK, "needs-TOTAL_FORMS": "0", "needs-INITIAL_FORMS": "0"}
    )
    assert response.status_code == 200
    assert "Say when to call back." in response.content.decode()
    assert not Call.objects.exists()


def test_it_releases_a_target_back_into_the_queue(world, client_for, campaign):
    client = client_for(world.coach)
    client.post(reverse("outreach:call", kwargs={"campaign": campaign.pk}))
    target = CampaignTarget.objects.get(reserved_by=world.coach)
    client.post(reverse("outreach:target", kwargs={"target": target.pk}), {"release": "1"})
    target.refresh_from_db()
    assert target.reserved_by is None


def test_my_tasks_shows_my_open_follow_ups_overdue_first_and_marks_them_done(
    world, signed_in, campaign
):
    now = timezone.now()
    for caller, due in ((world.coach, now - timedelta(days=1)), (world.scout, now)):
        target = services.target_take_next(campaign=campaign, caller=caller)
        services.call_log(
            target=target,
            caller=caller,
            outcome=Outcome.WRONG_PERSON,
            material_due=due,
            note=f"Broschyr till {caller}",
        )
    client = signed_in(world.coach)
    page = client.get(reverse("outreach:tasks")).content.decode()
    assert "Broschyr till Cecilia Coach" in page and "Overdue" in page
    assert "Broschyr till Sam Scout" not in page
    mine, theirs = (
        FollowUp.objects.get(assignee=world.coach),
        FollowUp.objects.get(assignee=world.scout),
    )
    done = reverse("outreach:follow_up_done", kwargs={"follow_up": theirs.pk})
    assert client.post(done).status_code == 404
    done = reverse("outreach:follow_up_done", kwargs={"follow_up": mine.pk})
    assert client.post(done, headers={"HX-Request": "true"}).status_code == 200
    mine.refresh_from_db()
    assert mine.done_by == world.coach
    assert (
        "Broschyr till Cecilia Coach" not in client.get(reverse("outreach:tasks")).content.decode()
    )


def test_list_pages_keep_a_constant_number_of_queries(world, client_for):
    employers(world.home, 3)
    campaign = campaign_for(world, world.coach, world.scout)
    target = services.target_take_next(campaign=campaign, caller=world.coach)
    services.call_log(
        target=target, caller=world.coach, outcome=Outcome.NO_ANSWER, material_due=timezone.now()
    )
    client = client_for(world.coach)
    detail = reverse("outreach:campaign", kwargs={"campaign": campaign.pk})
    urls = [reverse("outreach:campaigns"), detail, reverse("outreach:tasks")]
    few = [queries_to_get(client, url) for url in urls]

    employers(world.home, 40)
    services.campaign_targets_refresh(campaign=campaign)
    for name in ("Andra", "Tredje", "Fjärde"):
        campaign_for(world, world.coach, name=name)
    campaign.callers.add(world.admin, world.colleague)
    for caller in (world.coach, world.scout, world.admin, world.colleague):
        for _ in range(3):
            target = services.target_take_next(campaign=campaign, caller=caller)
            services.call_log(
                target=target,
                caller=caller,
                outcome=Outcome.CALL_BACK,
                callback_at=timezone.now() + timedelta(hours=1),
                material_due=timezone.now(),
            )
    many = [queries_to_get(client, url) for url in urls]
    assert many == few
