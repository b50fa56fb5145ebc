from collections import Counter
from datetime import date

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from baslager.demo.services import demo_data_delete, demo_data_load
from baslager.demo.work import project_period
from baslager.demo.work_calls import trade_of
from baslager.employers.models import Employer
from baslager.handbook.models import ChecklistTemplate
from baslager.leads.models import Lead, LeadStatus
from baslager.openings.models import LowThresholdTask
from baslager.organisations.models import Membership, Organisation, Role
from baslager.outreach.models import (
    Call,
    Campaign,
    CampaignStatus,
    CampaignTarget,
    FollowUp,
    FollowUpKind,
    NeedsSurvey,
    RecruitmentNeed,
    TargetState,
)
from baslager.outreach.selectors import campaign_statistics
from baslager.outreach.services import CALLER_ROLES, FINAL_OUTCOMES, matching_employers
from baslager.placements.models import (
    Placement,
    PlacementChecklist,
    PlacementChecklistItem,
    PlacementStatus,
    SupervisorLink,
)
from baslager.projects.models import Funder, Project

pytestmark = pytest.mark.django_db

ALLA = "Alla kan arbeta (demo)"
ARBETSLIVSKRAFT = "Arbetslivskraft (demo)"
WORK_MODELS = (
    Project,
    Campaign,
    CampaignTarget,
    Call,
    NeedsSurvey,
    RecruitmentNeed,
    FollowUp,
    Lead,
    Placement,
    PlacementChecklist,
    PlacementChecklistItem,
    SupervisorLink,
    ChecklistTemplate,
)


def test_project_periods_are_whole_years_around_today():
    assert project_period("allakanarbeta", date(2025, 6, 1)) == (
        date(2024, 1, 1),
        date(2026, 12, 31),
    )
    assert project_period("arbetslivskraft", date(2025, 2, 1)) == (
        date(2024, 8, 1),
        date(2026, 7, 31),
    )


def test_it_knows_the_trade_of_named_and_generated_employers():
    assert trade_of("Café Kanalen").key == "kafe"
    assert trade_of("Nilssons Bygg AB 2").key == "bygg"
    assert trade_of("Ingenting som liknar ett namn") is None


def test_each_organisation_runs_a_project_its_tasks_count_towards():
    demo_data_load(participants=4)
    today = timezone.localdate()

    alla = Project.objects.get(organisation__name=ALLA)
    assert alla.name == "Alla kan arbeta" and alla.funder == Funder.ESF_PLUS
    assert alla.runs_on(today) and alla.planned_participants == 120 and alla.budget
    assert alla.target_groups.startswith("Långtidsarbetslösa, nyanlända")
    assert alla.reference_number == f"{alla.starts_on.year - 1}/00456"
    assert (alla.starts_on.month, alla.starts_on.day, alla.ends_on.month) == (1, 1, 12)
    tasks = LowThresholdTask.objects.filter(organisation=alla.organisation)
    assert {task.project_id for task in tasks} == {alla.pk}
    assert alla.low_threshold_tasks.count() == 16

    other = Project.objects.get(organisation__name=ARBETSLIVSKRAFT)
    assert other.name == "Vägen tillbaka" and other.funder == Funder.KOMMUN
    assert other.runs_on(today)
    for task in other.low_threshold_tasks.all():
        assert other.starts_on <= task.identified_on <= other.ends_on


def test_each_organisation_has_a_campaign_with_a_consistent_call_history():
    demo_data_load()
    now = timezone.now()

    for organisation in Organisation.objects.all():
        campaign = Campaign.objects.get(organisation=organisation)
        assert campaign.status == CampaignStatus.ACTIVE and "Rekryteringsbehov" in campaign.name
        assert "Hej, jag heter" in campaign.script
        callers = set(campaign.callers.all())
        members = Membership.objects.filter(organisation=organisation, role__in=CALLER_ROLES)
        assert callers <= {membership.user for membership in members}
        coach = Membership.objects.get(
            organisation=organisation, user__email__startswith="coach@"
        ).user
        assert coach in callers and len(callers) == 3
        matching = matching_employers(
            organisation_id=organisation.pk, filters={"kommun_codes": campaign.kommun_codes}
        )
        targets = list(campaign.targets.select_related("employer"))
        assert {t.employer_id for t in targets} == set(matching.values_list("pk", flat=True))
        assert all(t.employer.organisation_id == organisation.pk for t in targets)
        for target in targets:
            calls = list(target.calls.order_by("called_at"))
            assert target.attempts == len(calls)
            assert target.reserved_by_id is None
            if not calls:
                assert target.state == TargetState.WAITING and not target.last_outcome
                continue
            assert {call.caller for call in calls} <= callers
            assert all(call.called_at < now for call in calls)
            assert target.last_outcome == calls[-1].outcome
            assert target.last_called_at == calls[-1].called_at
            if calls[-1].outcome in FINAL_OUTCOMES:
                assert target.state == TargetState.DONE
            if target.state == TargetState.CALLBACK:
                assert FollowUp.objects.filter(
                    target=target,
                    kind=FollowUpKind.CALL_BACK,
                    assignee=target.callback_by,
                    due_at=target.callback_at,
                    done_at__isnull=True,
                ).exists()
        assert all(call.reached for call in Call.objects.filter(survey__isnull=False))

        statistics = campaign_statistics(campaign=campaign)
        assert {row.caller for row in statistics.callers} == callers
        assert all(row.calls and row.reached for row in statistics.callers)
        assert len({(row.calls, row.interested) for row in statistics.callers}) > 1
        assert 0 < statistics.done < statistics.total
        assert statistics.overall.openings == 1
        need = RecruitmentNeed.objects.get(organisation=organisation, opening__isnull=False)
        assert need.opening.employer_id == need.survey.call.target.employer_id
        assert need.opening.occupation_id == need.occupation_id
        assert need.survey.call.called_at < need.opening.created_at
        assert campaign.created_at < need.survey.call.called_at


def test_the_coach_and_the_scout_have_open_follow_ups_some_overdue():
    demo_data_load(participants=10)
    now = timezone.now()

    for email in ("coach@arbetslivskraft.example", "scout@arbetslivskraft.example"):
        open_ones = FollowUp.objects.filter(assignee__email=email, done_at__isnull=True)
        assert open_ones.filter(due_at__lt=now).exists(), email
        assert open_ones.filter(due_at__gt=now, kind=FollowUpKind.MEETING).exists(), email
        assert open_ones.filter(due_at__gt=now, kind=FollowUpKind.CALL_BACK).exists(), email
    done = FollowUp.objects.filter(done_at__isnull=False)
    assert all(f.done_by_id == f.assignee_id for f in done)


def test_the_scout_found_leads_that_coaches_decided_on():
    demo_data_load(participants=4)

    leads = Lead.objects.filter(found_by__email="scout@arbetslivskraft.example")
    assert Counter(leads.values_list("status", flat=True)) == {
        LeadStatus.NEW: 3,
        LeadStatus.VERIFIED: 2,
        LeadStatus.REJECTED: 1,
    }
    for lead in leads:
        assert lead.reason
        if lead.status == LeadStatus.NEW:
            assert lead.reviewed_at is None and lead.employer is None
            continue
        assert lead.reviewed_at > lead.created_at
        assert lead.reviewed_by.memberships.get().role in (Role.ADMIN, Role.COACH)
        if lead.status == LeadStatus.VERIFIED:
            assert lead.employer.organisation_id == lead.organisation_id
            assert lead.employer.name == lead.employer_name
        else:
            assert lead.rejection_reason and lead.employer is None
    new_numbers = {lead.organisation_number for lead in leads.filter(status=LeadStatus.NEW)}
    assert not Employer.objects.filter(organisation_number__in=new_numbers).exists()


def test_participants_at_work_have_placements_with_checklists_under_way():
    demo_data_load()
    today = timezone.localdate()

    for organisation in Organisation.objects.all():
        placements = list(
            Placement.objects.filter(organisation=organisation).select_related(
                "participant__current_phase", "supervisor"
            )
        )
        assert len(placements) == 8
        statuses = Counter(placement.status for placement in placements)
        assert statuses == {
            PlacementStatus.ONGOING: 6,
            PlacementStatus.PLANNED: 1,
            PlacementStatus.ENDED: 1,
        }
        coach = Membership.objects.get(
            organisation=organisation, user__email__startswith="coach@"
        ).user
        assert sum(coach in p.participant.coaches.all() for p in placements) >= 3
        templates = ChecklistTemplate.objects.filter(organisation=organisation, is_active=True)
        for placement in placements:
            assert placement.participant.organisation_id == organisation.pk
            assert placement.participant.current_phase.name in ("Arbetsträning", "Praktik")
            assert placement.supervisor.employer_id == placement.employer_id
            assert placement.opening is None or placement.opening.employer_id == (
                placement.employer_id
            )
            placement.full_clean()
            assert placement.checklists.count() == templates.count()
            items = PlacementChecklistItem.objects.filter(checklist__placement=placement)
            done = items.filter(done_at__isnull=False)
            if placement.status == PlacementStatus.ENDED:
                assert placement.ended_on < today and placement.result_note
                assert done.count() == items.count()
            elif placement.status == PlacementStatus.PLANNED:
                assert placement.starts_on > today
                assert done.count() < items.count()
            else:
                assert placement.starts_on <= today < placement.ends_on
                assert 0 < done.count() < items.count()
                assert placement.supervisor_links.filter(revoked_at__isnull=True).exists()
            assert all(item.done_at.date() < today for item in done)


def summary():
    return (
        sorted(
            Call.objects.values_list(
                "target__employer__name", "caller__email", "called_at", "outcome", "note"
            )
        ),
        sorted(RecruitmentNeed.objects.values_list("occupation__label", "kind", "how_many")),
        sorted(Lead.objects.values_list("employer_name", "status", "organisation_number")),
        sorted(
            Placement.objects.values_list(
                "participant__last_name", "employer__name", "supervisor__name", "starts_on"
            )
        ),
        sorted(
            PlacementChecklistItem.objects.values_list(
                "checklist__placement__participant__last_name", "text", "done_at"
            )
        ),
    )


def test_the_same_seed_gives_the_same_work_without_audit_entries_and_delete_removes_it():
    demo_data_load(participants=40, seed=11)
    first = summary()
    demo_data_delete()

    demo_data_load(participants=40, seed=11)

    assert summary() == first
    kinds = ContentType.objects.get_for_models(*WORK_MODELS).values()
    assert not LogEntry.objects.filter(content_type__in=kinds).exists()
    demo_data_delete()
    for model in WORK_MODELS:
        assert not model.objects.exists(), model
