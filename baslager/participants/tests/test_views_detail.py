from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from baslager.journal.services import case_note_create
from baslager.participants.models import ParticipantLanguage, WorkExperience
from baslager.plans.tests.helpers import enrol, make_activity, make_goal, make_occurrence
from baslager.projects.models import ExitReason
from baslager.projects.services import project_enrolment_enter, project_enrolment_exit
from baslager.projects.tests.factories import make_project
from baslager.taxonomy.models import Language, Skill
from baslager.testing.queries import queries_to_get


def detail_url(participant):
    return reverse("participants:detail", kwargs={"participant": participant.public_id})


def reveal_url(participant):
    return reverse("participants:reveal_id", kwargs={"participant": participant.public_id})


def accesses(participant, what):
    return LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS,
        additional_data__participant=str(participant.public_id),
        additional_data__viewed=what,
    )


def section(name, participant):
    return reverse(name, kwargs={"participant": participant.public_id})


def test_it_shows_the_overview_and_logs_the_view(world, signed_in, mapped):
    response = signed_in(world.coach).get(detail_url(mapped))

    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Amina Hassan</h1>" in page
    assert "Södertälje" in page
    assert "Arabiska" in page and "Bagare" in page
    assert "Cecilia Coach" in page
    assert 'id="phase-timeline"' in page
    assert 'id="case-notes-panel"' in page
    assert "9876" not in page
    entry = accesses(mapped, "participant_page").get()
    assert entry.actor == world.coach
    assert accesses(mapped, "case_notes").get().actor == world.coach


def test_it_is_an_overview_not_the_whole_mapping(world, signed_in, mapped):
    page = signed_in(world.coach).get(detail_url(mapped)).content.decode()

    # The dreams, the availability and the support needs are one click away, on the profile.
    assert "Jag vill öppna ett bageri." not in page
    assert "Monday, Wednesday" not in page
    assert section("participants:profile", mapped) in page


def test_it_puts_every_section_one_click_away(world, signed_in, mapped):
    page = signed_in(world.coach).get(detail_url(mapped)).content.decode()

    nav = page[page.index('aria-labelledby="sections-heading"') :]
    nav = nav[: nav.index("</nav>")]
    for name in (
        "participants:profile",
        "participants:special_category",
        "plans:plan",
        "journal:notes",
        "matching:openings",
        "placements:participant",
        "projects:participant",
        "employability:participant",
    ):
        assert f'href="{section(name, mapped)}"' in nav, name
    assert 'href="/audit/' not in nav


def test_it_links_the_audit_trail_for_administrators_only(world, signed_in):
    trail = section("audit:participant", world.participant)

    assert trail in signed_in(world.admin).get(detail_url(world.participant)).content.decode()
    assert trail not in signed_in(world.coach).get(detail_url(world.participant)).content.decode()


def test_it_shows_the_next_steps_first_and_soonest_first(world, signed_in):
    participant = world.participant
    now = timezone.now()
    for title, days in (("Jobbsökarträff", 2), ("Studiebesök", 9)):
        activity = make_activity(world.home, title=title)
        enrol(activity, participant)
        make_occurrence(activity, starts_at=now + timedelta(days=days))
    project = make_project(world)
    enrolment, _ = project_enrolment_enter(
        participant=participant,
        project=project,
        entry_date=timezone.localdate() - timedelta(days=100),
        actor=world.coach,
    )
    project_enrolment_exit(
        enrolment=enrolment,
        exit_date=timezone.localdate() - timedelta(days=20),
        exit_reason=ExitReason.COMPLETED,
        actor=world.coach,
    )

    page = signed_in(world.coach).get(detail_url(participant)).content.decode()

    steps = page[page.index('id="next-steps-heading"') : page.index('id="sections-heading"')]
    situation = reverse("projects:situation_create", kwargs={"project_enrolment": enrolment.pk})
    # The 28-day window closes in 8 days: between the two sessions.
    assert steps.index("Jobbsökarträff") < steps.index(situation) < steps.index("Studiebesök")
    assert page.index('id="next-steps-heading"') < page.index('id="phase-timeline"')


def test_a_six_month_follow_up_to_answer_is_a_next_step(world, signed_in):
    enrolment, _ = project_enrolment_enter(
        participant=world.participant,
        project=make_project(world, starts_on=timezone.localdate() - timedelta(days=500)),
        entry_date=timezone.localdate() - timedelta(days=400),
        actor=world.coach,
    )
    project_enrolment_exit(
        enrolment=enrolment,
        exit_date=timezone.localdate() - timedelta(days=200),
        exit_reason=ExitReason.COMPLETED,
        actor=world.coach,
    )
    follow_up = enrolment.follow_ups_6m.get()

    page = signed_in(world.coach).get(detail_url(world.participant)).content.decode()

    steps = page[page.index('id="next-steps-heading"') : page.index('id="sections-heading"')]
    answer = reverse("projects:follow_up_answer", kwargs={"follow_up_6m": follow_up.pk})
    assert f'href="{answer}"' in steps
    # The 28 days after the exit are long over: nothing more to record for them.
    assert "situation" not in steps


def test_it_names_the_next_session_of_a_weekly_activity_once(world, signed_in):
    activity = make_activity(world.home, title="Veckomöte")
    enrol(activity, world.participant)
    for week in range(3):
        make_occurrence(activity, starts_at=timezone.now() + timedelta(days=1 + 7 * week))

    page = signed_in(world.coach).get(detail_url(world.participant)).content.decode()

    steps = page[page.index('id="next-steps-heading"') : page.index('id="sections-heading"')]
    assert steps.count("Veckomöte") == 1


def test_it_says_when_nothing_is_waiting(world, signed_in):
    page = signed_in(world.coach).get(detail_url(world.participant)).content.decode()

    assert "Nothing waiting" in page


def test_it_keeps_case_notes_off_the_page_for_coaches_of_others(world, signed_in):
    world.home.coaches_see_all_participants = True
    world.home.save()
    page = signed_in(world.colleague).get(detail_url(world.participant)).content.decode()
    assert "Amina Hassan" in page
    assert 'id="case-notes-panel"' not in page
    assert section("journal:notes", world.participant) not in page
    assert not accesses(world.participant, "case_notes").exists()


def test_it_offers_special_category_data_only_to_own_coaches_and_administrators(world, signed_in):
    world.home.coaches_see_all_participants = True
    world.home.save()
    link = section("participants:special_category", world.participant)

    assert link in signed_in(world.coach).get(detail_url(world.participant)).content.decode()
    assert link in signed_in(world.admin).get(detail_url(world.participant)).content.decode()
    colleague_page = signed_in(world.colleague).get(detail_url(world.participant))
    assert colleague_page.status_code == 200
    assert link not in colleague_page.content.decode()


def test_it_hides_the_page_from_another_organisation(world, signed_in):
    assert signed_in(world.outsider).get(detail_url(world.participant)).status_code == 404
    assert not accesses(world.participant, "participant_page").exists()


def test_it_hides_a_colleagues_participant_from_a_coach(world, signed_in):
    assert signed_in(world.coach).get(detail_url(world.colleagues_participant)).status_code == 404


@pytest.mark.parametrize("role", ["scout", "viewer"])
def test_it_refuses_the_page_to_scouts_and_viewers(world, signed_in, role):
    assert signed_in(getattr(world, role)).get(detail_url(world.participant)).status_code == 403


def _add_one_of_everything(world, participant, number: int) -> None:
    """A language, a job, a skill, a goal, a coming session, a case note and a project the
    participant has left, each numbered so that they differ."""
    language = Language.objects.get_or_create(concept_id=f"l{number}", label=f"Språk {number}")[0]
    ParticipantLanguage.objects.create(
        organisation=world.home, participant=participant, language=language, cefr_level="A1"
    )
    WorkExperience.objects.create(
        organisation=world.home, participant=participant, title=f"Jobb {number}"
    )
    participant.skills.add(Skill.objects.get_or_create(concept_id=f"s{number}")[0])
    make_goal(participant, title=f"Mål {number}")
    activity = make_activity(world.home, title=f"Aktivitet {number}")
    enrol(activity, participant)
    make_occurrence(activity, starts_at=timezone.now() + timedelta(days=number + 1))
    case_note_create(
        participant=participant,
        occurred_on=timezone.localdate(),
        text=f"Anteckning {number}",
        author=world.coach,
    )
    enrolment, _ = project_enrolment_enter(
        participant=participant,
        project=make_project(world, name=f"Projekt {number}"),
        entry_date=timezone.localdate() - timedelta(days=100),
        actor=world.coach,
    )
    project_enrolment_exit(
        enrolment=enrolment,
        exit_date=timezone.localdate() - timedelta(days=20),
        exit_reason=ExitReason.COMPLETED,
        actor=world.coach,
    )


def test_it_builds_the_overview_in_the_same_number_of_queries_however_much_there_is(
    world, signed_in, mapped
):
    # The taxonomy rows exist first: the page keeps an index of the taxonomy per process, and
    # this test counts what the participant's own data costs, with that index warm.
    for number in range(6):
        Language.objects.create(concept_id=f"l{number}", label=f"Språk {number}")
        Skill.objects.create(concept_id=f"s{number}", label=f"Skill {number}")
    _add_one_of_everything(world, mapped, 0)
    client = signed_in(world.coach)
    queries_to_get(client, detail_url(mapped))
    before = queries_to_get(client, detail_url(mapped))
    for number in range(1, 6):
        _add_one_of_everything(world, mapped, number)
    mapped.coaches.add(world.colleague, world.admin)

    assert queries_to_get(client, detail_url(mapped)) == before


def test_it_reveals_the_full_number_on_request_and_logs_it(world, signed_in, mapped):
    response = signed_in(world.coach).post(reveal_url(mapped), HTTP_HX_REQUEST="true")

    page = response.content.decode()
    assert response.status_code == 200
    assert "19811218-9876" in page
    assert "<html" not in page
    assert accesses(mapped, "identity_number").get().actor == world.coach


def test_it_reveals_on_a_page_of_its_own_without_javascript(world, signed_in, mapped):
    response = signed_in(world.admin).post(reveal_url(mapped))

    assert "19811218-9876" in response.content.decode()
    assert "<h1>" in response.content.decode()


def test_it_reveals_only_by_post(world, signed_in, mapped):
    assert signed_in(world.coach).get(reveal_url(mapped)).status_code == 405
    assert not accesses(mapped, "identity_number").exists()


def test_it_reveals_nothing_to_another_organisation(world, signed_in, mapped):
    response = signed_in(world.outsider).post(reveal_url(mapped))

    assert response.status_code == 404
    assert not accesses(mapped, "identity_number").exists()


@pytest.mark.parametrize("role", ["scout", "viewer"])
def test_it_reveals_nothing_to_scouts_and_viewers(world, signed_in, mapped, role):
    assert signed_in(getattr(world, role)).post(reveal_url(mapped)).status_code == 403
