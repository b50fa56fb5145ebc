from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from baslager.organisations.models import Membership
from baslager.outreach import selectors, services
from baslager.outreach.models import Horizon, Outcome
from baslager.taxonomy.models import Occupation

from .factories import campaign_for, employers


def _call(campaign, caller, outcome, **extra):
    target = services.target_take_next(campaign=campaign, caller=caller)
    return services.call_log(target=target, caller=caller, outcome=outcome, **extra)


def test_it_counts_calls_and_conversion_per_caller_and_overall(world):
    employers(world.home, 8)
    campaign = campaign_for(world, world.coach, world.scout, world.colleague)
    _call(campaign, world.coach, Outcome.NO_ANSWER)
    _call(campaign, world.coach, Outcome.INTERESTED)
    meeting = _call(
        campaign, world.coach, Outcome.MEETING_BOOKED, meeting_at=timezone.now() + timedelta(1)
    )
    _call(campaign, world.scout, Outcome.NOT_INTERESTED)
    _call(campaign, world.scout, Outcome.NO_ANSWER)
    survey = services.needs_survey_save(
        call=meeting,
        membership=Membership.objects.get(user=world.coach),
        actor=world.coach,
        data={},
        needs=[
            {"horizon": Horizon.NOW, "occupation": occupation, "how_many": 1}
            for occupation in (
                Occupation.objects.create(concept_id="o1", label="Kock"),
                Occupation.objects.create(concept_id="o2", label="Städare"),
            )
        ],
    )
    services.recruitment_need_to_opening(
        need=survey.needs.first(),
        membership=Membership.objects.get(user=world.coach),
        actor=world.coach,
    )

    stats = selectors.campaign_statistics(campaign=campaign)

    rows = {row.caller: row for row in stats.callers}
    assert set(rows) == {world.coach, world.scout, world.colleague}
    coach, scout, colleague = rows[world.coach], rows[world.scout], rows[world.colleague]
    figures = lambda row: (row.calls, row.reached, row.interested, row.meetings, row.openings)  # noqa: E731
    assert figures(coach) == (3, 2, 2, 1, 1)
    assert figures(scout) == (2, 1, 0, 0, 0)
    assert figures(colleague) == (0, 0, 0, 0, 0)
    assert figures(stats.overall) == (5, 3, 2, 1, 1)
    assert (stats.total, stats.done, stats.waiting, stats.done_share) == (8, 3, 5, 38)
    assert (coach.reached_share, coach.interested_share, colleague.reached_share) == (67, 100, None)


def test_it_counts_in_the_same_number_of_queries_however_many_callers_and_calls(world):
    employers(world.home, 30)
    campaign = campaign_for(world, world.coach)
    _call(campaign, world.coach, Outcome.INTERESTED)
    with CaptureQueriesContext(connection) as few:
        selectors.campaign_statistics(campaign=campaign)
    campaign.callers.add(world.scout, world.colleague, world.admin)
    for caller in (world.scout, world.colleague, world.admin):
        for outcome in Outcome.values:
            if outcome not in (Outcome.CALL_BACK, Outcome.MEETING_BOOKED):
                _call(campaign, caller, outcome)
    with CaptureQueriesContext(connection) as many:
        selectors.campaign_statistics(campaign=campaign)
    assert len(many) == len(few) <= 5


def test_it_lists_only_open_follow_ups_of_the_signed_in_person_the_earliest_due_first(world):
    employers(world.home, 3)
    campaign = campaign_for(world, world.coach, world.colleague)
    now = timezone.now()
    _call(campaign, world.coach, Outcome.WRONG_PERSON, material_due=now + timedelta(days=2))
    _call(campaign, world.coach, Outcome.CALL_BACK, callback_at=now - timedelta(hours=1))
    _call(campaign, world.colleague, Outcome.WRONG_PERSON, material_due=now)
    mine = selectors.my_follow_ups(membership=Membership.objects.get(user=world.coach))
    assert [f.due_at for f in mine] == [now - timedelta(hours=1), now + timedelta(days=2)]
    services.follow_up_complete(follow_up=mine[0], actor=world.coach)
    assert len(selectors.my_follow_ups(membership=Membership.objects.get(user=world.coach))) == 1
