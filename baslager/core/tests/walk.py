"""Every URL pattern of the project, and real objects to fill in their keyword arguments.

The walk in ``test_every_url.py`` (and the second-factor test in accounts) reverse each named
pattern with objects of ``world.home`` that belong to ``world.participant``, so a view that forgets
to scope its query shows up as a leak, not as a 404 for a missing object.
"""

import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from baslager.accounts.models import User
from baslager.employability.models import AnsweredHow, Assessment, Occasion
from baslager.employability.services import assessment_record, questionnaire_for
from baslager.employers.models import Employer, Supervisor
from baslager.handbook.models import ChecklistTemplate
from baslager.imports.models import ImportBatch
from baslager.journal.models import CaseNote, CaseNoteVersion
from baslager.leads.models import Lead
from baslager.openings.models import LowThresholdTask, Opening, OpeningKind
from baslager.organisations.models import Membership, Role
from baslager.outreach.models import (
    Call,
    Campaign,
    CampaignTarget,
    FollowUp,
    FollowUpKind,
    Horizon,
    NeedsSurvey,
    Outcome,
    RecruitmentNeed,
)
from baslager.participants.models import (
    IdKind,
    ParticipantLanguage,
    SpecialCategoryData,
    WorkExperience,
)
from baslager.phases.models import Phase
from baslager.placements.models import Placement, PlacementChecklistItem, SupervisorLink
from baslager.placements.services import placement_create
from baslager.plans.models import (
    Activity,
    ActivityKind,
    Attendance,
    AttendanceStatus,
    Enrolment,
    Goal,
    Occurrence,
)
from baslager.projects.models import (
    ExitReason,
    ExitSituation,
    Project,
    ProjectEnrolment,
    SituationKind,
    SixMonthFollowUp,
)
from baslager.projects.services import project_enrolment_enter, project_enrolment_exit
from baslager.proposals.models import Proposal
from baslager.proposals.services import proposal_create
from baslager.targets.models import ProjectTarget, TargetKind
from baslager.taxonomy.models import Language, Occupation

# allauth's own pages, the language switch and Django's admin are not ours to walk;
# the admin gets a test of its own.
SKIPPED_PREFIXES = ("accounts/", "i18n/", "operator/")

# Keyword arguments that point at data of one participant.
PARTICIPANT_KWARGS = frozenset(
    {"participant", "note", "goal", "enrolment", "experience", "language"}
    | {"placement", "item", "token"}
    | {"proposal"}
    | {"assessment"}
    | {"project_enrolment", "situation", "follow_up_6m"}
)
# Keyword arguments that point at any object of the organisation (``kind``: shared reference data).
ORGANISATION_KWARGS = PARTICIPANT_KWARGS | {
    "phase",
    "activity",
    "occurrence",
    "member",
    "employer",
    "opening",
    "supervisor",
    "task",
    "checklist",
    "campaign",
    "target",
    "need",
    "follow_up",
    "project",
    "lead",
    "batch",
    "question",
    "project_target",
}

IDENTITY_NUMBER = "198705142389"
NOTE_TEXT = "Berättade om sin sömnbrist och oro inför praktiken"
HEALTH_TEXT = "Diabetes typ 1, behöver regelbundna pauser"


@dataclass(frozen=True)
class Route:
    name: str | None
    route: str
    kwarg_names: frozenset[str]

    @property
    def label(self) -> str:
        return self.name or f"<unnamed {self.route}>"


def project_routes() -> list[Route]:
    """All URL patterns of the project outside ``SKIPPED_PREFIXES``, through every include."""
    return [r for r in _walk(get_resolver().url_patterns, "", None, frozenset()) if _ours(r)]


def _ours(route: Route) -> bool:
    return not route.route.startswith(SKIPPED_PREFIXES)


def _walk(patterns, prefix: str, namespace: str | None, kwargs: frozenset[str]):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        names = kwargs | frozenset(entry.pattern.regex.groupindex)
        if isinstance(entry, URLResolver):
            inner = entry.namespace
            if namespace and inner:
                inner = f"{namespace}:{inner}"
            yield from _walk(entry.url_patterns, route, inner or namespace, names)
        elif isinstance(entry, URLPattern):
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            yield Route(name=name, route=route, kwarg_names=names)


def sensitive_strings(world) -> list[str]:
    """What must never appear in a page for someone outside ``world.participant``'s caseload."""
    participant = world.participant
    number = participant.id_number
    return [
        participant.first_name,
        participant.last_name,
        number,
        f"{number[:8]}-{number[8:]}",
        f"{number[2:8]}-{number[8:]}",
        NOTE_TEXT,
        HEALTH_TEXT,
    ]


def build_kwargs_registry(world) -> dict[str, object]:
    """One object per URL keyword name, all in ``world.home`` and tied to ``world.participant``."""
    home, participant, coach = world.home, world.participant, world.coach
    participant.id_kind = IdKind.PERSONNUMMER
    participant.id_number = IDENTITY_NUMBER
    participant.save()
    SpecialCategoryData.objects.create(
        organisation=home, participant=participant, health_notes=HEALTH_TEXT
    )
    note = CaseNote.objects.create(organisation=home, participant=participant, author=coach)
    CaseNoteVersion.objects.create(note=note, text=NOTE_TEXT, written_by=coach)
    activity = Activity.objects.create(
        organisation=home, kind=ActivityKind.TRAINING, title="Truckkörkort", is_group=True
    )
    goal = Goal.objects.create(organisation=home, participant=participant, title="Truckkort")
    enrolment = Enrolment.objects.create(
        organisation=home, activity=activity, participant=participant, goal=goal
    )
    occurrence = Occurrence.objects.create(
        organisation=home, activity=activity, starts_at=timezone.now() - timedelta(days=1)
    )
    Attendance.objects.create(
        organisation=home,
        occurrence=occurrence,
        participant=participant,
        status=AttendanceStatus.PRESENT,
        hours=2,
    )
    experience = WorkExperience.objects.create(
        organisation=home, participant=participant, title="Lagerarbetare", years=2
    )
    language = ParticipantLanguage.objects.create(
        organisation=home,
        participant=participant,
        language=Language.objects.create(concept_id="walk-ar", label="Arabiska", iso_code="ar"),
    )
    employer = Employer.objects.create(organisation=home, name="Lagerbolaget AB")
    supervisor = Supervisor.objects.create(
        organisation=home, employer=employer, name="Stina Handledare"
    )
    opening = Opening.objects.create(organisation=home, employer=employer, title="Lagerarbetare")
    project = Project.objects.create(
        organisation=home,
        name="Alla kan arbeta",
        funder="esf_plus",
        starts_on=timezone.localdate() - timedelta(days=100),
        ends_on=timezone.localdate() + timedelta(days=600),
    )
    return {
        **_outreach_objects(world, employer),
        **_placement_objects(world, employer, supervisor),
        **_employability_objects(world),
        "proposal": proposal_create(
            membership=Membership.objects.get(user=coach, organisation=home),
            actor=coach,
            participant=participant,
            opening=opening,
        ).public_id,
        "participant": participant.public_id,
        "note": note.public_id,
        "phase": Phase.objects.filter(organisation=home).order_by("position").first().pk,
        "activity": activity.pk,
        "occurrence": occurrence.pk,
        "goal": goal.pk,
        "enrolment": enrolment.pk,
        "experience": experience.pk,
        "language": language.pk,
        "member": _member_with_one_id(world),
        "kind": "occupation",
        "employer": employer.public_id,
        "supervisor": supervisor.pk,
        "opening": opening.public_id,
        **_project_objects(world, project),
        "project_target": ProjectTarget.objects.create(
            organisation=home, project=project, kind=TargetKind.PARTICIPANTS, value=20
        ).pk,
        "task": LowThresholdTask.objects.create(
            organisation=home,
            employer=employer,
            title="Plocka returer",
            identified_on=timezone.localdate(),
        ).pk,
        "lead": Lead.objects.create(
            organisation=home,
            found_by=world.scout,
            employer_name="Lagerbolaget",
            reason="Skylt om att de anställer",
        ).pk,
        "batch": ImportBatch.objects.create(
            organisation=home, created_by=coach, file_name="arbetsgivare.csv", file_kind="csv"
        ).public_id,
    }


def _project_objects(world, project) -> dict:
    """The participant in ``project``, left ten days ago, with a situation after exit and the
    six-month follow-up that came with the exit."""
    today = timezone.localdate()
    enrolment, _ = project_enrolment_enter(
        participant=world.participant,
        project=project,
        entry_date=today - timedelta(days=50),
        actor=world.coach,
    )
    project_enrolment_exit(
        enrolment=enrolment,
        exit_date=today - timedelta(days=10),
        exit_reason=ExitReason.FOUND_WORK,
        actor=world.coach,
    )
    situation = ExitSituation.objects.create(
        organisation=world.home,
        enrolment=enrolment,
        kind=SituationKind.JOB_SEEKING,
        occurred_on=today - timedelta(days=5),
        evidence_kind="participant_statement",
    )
    return {
        "project": project.pk,
        "project_enrolment": enrolment.pk,
        "situation": situation.pk,
        "follow_up_6m": enrolment.follow_ups_6m.get().pk,
    }


def _placement_objects(world, employer, supervisor) -> dict:
    """The participant's placement with ``supervisor``; its checklists come from home's library."""
    placement = placement_create(
        membership=Membership.objects.get(user=world.coach, organisation=world.home),
        actor=world.coach,
        data={
            "participant": world.participant,
            "employer": employer,
            "supervisor": supervisor,
            "kind": OpeningKind.INTERNSHIP,
            "starts_on": timezone.localdate(),
        },
    )
    return {
        "placement": placement.public_id,
        "item": PlacementChecklistItem.objects.filter(checklist__placement=placement).first().pk,
        "checklist": ChecklistTemplate.objects.filter(organisation=world.home).first().pk,
        # Not a working token but a random guess, so the walk checks that guessing a supervisor's
        # link answers 404 to everyone, signed in or not. The working link is tested in
        # baslager/placements/tests/test_supervisor_page.py.
        "token": secrets.token_urlsafe(32),
    }


def _employability_objects(world) -> dict:
    """The participant's self-assessment at entry, one of home's questions and a language of its
    questionnaire (``language_code`` names a language, not an object, so it is no scope test)."""
    questionnaire = questionnaire_for(organisation=world.home)
    questions = list(questionnaire.questions.all())
    assessment = assessment_record(
        participant=world.participant,
        questionnaire=questionnaire,
        occasion=Occasion.ENTRY,
        language="sv",
        answered_how=AnsweredHow.PAPER,
        values={question.pk: 3 for question in questions},
        entered_by=world.coach,
    )
    return {
        "assessment": assessment.public_id,
        "question": questions[0].pk,
        "language_code": "en",
    }


def _outreach_objects(world, employer) -> dict:
    """A campaign the coach and the scout call in, with one answered call and its needs."""
    home = world.home
    campaign = Campaign.objects.create(organisation=home, name="Vårens ringrunda")
    campaign.callers.set([world.admin, world.coach, world.scout])
    target = CampaignTarget.objects.create(organisation=home, campaign=campaign, employer=employer)
    call = Call.objects.create(
        organisation=home,
        target=target,
        caller=world.coach,
        called_at=timezone.now(),
        outcome=Outcome.INTERESTED,
    )
    survey = NeedsSurvey.objects.create(organisation=home, call=call)
    need = RecruitmentNeed.objects.create(
        organisation=home,
        survey=survey,
        horizon=Horizon.NOW,
        occupation=Occupation.objects.create(concept_id="walk-occ", label="Truckförare"),
    )
    follow_up = FollowUp.objects.create(
        organisation=home,
        employer=employer,
        target=target,
        assignee=world.coach,
        kind=FollowUpKind.SEND_MATERIAL,
        due_at=timezone.now(),
    )
    return {
        "campaign": campaign.pk,
        "target": target.pk,
        "need": need.pk,
        "follow_up": follow_up.pk,
    }


def _member_with_one_id(world) -> int:
    """A coach of ``world.home`` whose User pk and Membership pk are the same number, so the
    ``member`` kwarg finds them whichever of the two a view looks up. The id lies far above the
    sequences, so rows the test creates later cannot collide with it."""
    pk = 1000 + max(
        User.objects.order_by("-pk").values_list("pk", flat=True).first() or 0,
        Membership.objects.order_by("-pk").values_list("pk", flat=True).first() or 0,
    )
    user = User.objects.create_user(
        "member@home.example", "correct horse battery staple", full_name="Mona Medlem", pk=pk
    )
    Membership.objects.create(pk=pk, user=user, organisation=world.home, role=Role.COACH)
    return pk


def route_problems(routes: list[Route], registry: dict) -> list[str]:
    """Patterns the walk cannot build a URL for: each is a failure with a hint how to fix it."""
    problems = []
    for route in routes:
        if route.name is None:
            problems.append(f"{route.route} has no name: give it name=... so it can be walked")
        elif unknown := sorted(route.kwarg_names - registry.keys()):
            problems.append(
                f"{route.name} ({route.route}) uses unknown keyword(s) {unknown}: use the names in "
                "docs/architecture.md, or add them to build_kwargs_registry in "
                "baslager/core/tests/walk.py"
            )
    return problems


def url_for(route: Route, registry: dict) -> str:
    return reverse(route.name, kwargs={name: registry[name] for name in route.kwarg_names})


# Files, not pages: PDFs, workbooks and exports answer with a download (and PDFs take long).
DOWNLOADS = re.compile(r"pdf|excel|export|download")


def whole_pages(user, registry: dict) -> list[str]:
    """The URLs of the whole HTML pages ``user`` may open: those answering a GET with 200 and a
    complete document (not an htmx fragment, not a file)."""
    client = Client()
    client.force_login(user)
    pages = []
    for route in project_routes():
        if route.name is None or DOWNLOADS.search(route.name):
            continue
        url = url_for(route, registry)
        response = client.get(url)
        if (
            response.status_code == 200
            and response["Content-Type"].startswith("text/html")
            and response.content.lstrip()[:15].lower() == b"<!doctype html>"
        ):
            pages.append(url)
    return pages


def participant_data_fingerprint(world) -> tuple:
    """A snapshot of ``world.participant``'s data and home's records, to show no request changed
    them."""
    participant = type(world.participant).objects.get(pk=world.participant.pk)
    mine = {"participant": participant}

    def rows(model, *fields, **lookup):
        return tuple(model.objects.filter(**lookup).order_by("pk").values_list("pk", *fields))

    return (
        participant.updated_at,
        participant.current_phase_id,
        participant.status,
        participant.id_number,
        rows(type(participant).coaches.through, "user_id", participant=participant),
        rows(CaseNote, "occurred_on", **mine),
        rows(CaseNoteVersion, "text", note__participant=participant),
        rows(Goal, "title", "status", "target_date", **mine),
        rows(Enrolment, "goal_id", "activity_id", **mine),
        rows(Attendance, "status", "hours", **mine),
        rows(WorkExperience, "title", "years", **mine),
        rows(ParticipantLanguage, "language_id", "cefr_level", **mine),
        rows(SpecialCategoryData, "updated_at", **mine),
        rows(Placement, "status", "supervisor_id", "starts_on", "ends_on", **mine),
        rows(PlacementChecklistItem, "done_at", checklist__placement__participant=participant),
        rows(SupervisorLink, "revoked_at", placement__participant=participant),
        rows(Proposal, "status", "consent_given_at", "placement_id", **mine),
        rows(Assessment, "occasion", "answered_on", **mine),
        rows(ProjectEnrolment, "entry_date", "exit_date", "exit_reason", **mine),
        rows(ExitSituation, "occurred_on", "kind", enrolment__participant=participant),
        rows(SixMonthFollowUp, "answered_at", "cancelled_at", enrolment__participant=participant),
        rows(Membership, "role", "user_id", organisation=world.home),
        rows(Phase, "name", "position", "is_active", organisation=world.home),
        rows(Activity, "title", organisation=world.home),
        rows(Occurrence, "starts_at", organisation=world.home),
    )
