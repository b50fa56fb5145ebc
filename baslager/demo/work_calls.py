"""A demo organisation's call campaign and the weeks of calls made in it.

The calls are planned in memory and then written as ``outreach.services.call_log`` would have
left them: each target's attempts, latest outcome and state follow from its calls, promised call
backs, meetings and material are follow-ups on the caller's list (a caller's next call to the
employer keeps their call-back promise), and the employer moves forward in the pipeline with
history when a call got somewhere.
"""

import random
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Max

from baslager.accounts.models import User
from baslager.employers.models import Employer, EmployerStageChange
from baslager.openings.models import Opening, OpeningStatus
from baslager.outreach.models import (
    NEED_KINDS,
    Call,
    Campaign,
    CampaignTarget,
    FollowUp,
    FollowUpKind,
    Horizon,
    NeedsSurvey,
    Outcome,
    RecruitmentNeed,
    TargetState,
    Willingness,
)
from baslager.outreach.services import FINAL_OUTCOMES, matching_employers, stage_after_call
from baslager.taxonomy.kommuner import kommun_name

from . import employer_texts as words
from . import work_texts as says
from .batch import Context
from .bulk import rows_insert
from .schedule import at

WEEKS = 6
# How far back the call whose need became an opening may lie; the campaign began before it.
NEED_WINDOW = 70
# Of the targets not scripted below, the share called at all, and whose calls each caller makes.
CALLED_SHARE = 0.55
CALLER_WEIGHTS = (35, 40, 25)
FIRST_OUTCOMES = ((Outcome.NO_ANSWER, 60), (Outcome.WRONG_PERSON, 10), (Outcome.CALL_BACK, 30))
LAST_OUTCOMES = (
    (Outcome.NO_ANSWER, 16),
    (Outcome.CALL_BACK, 8),
    (Outcome.WRONG_PERSON, 5),
    (Outcome.NOT_INTERESTED, 24),
    (Outcome.INTERESTED, 27),
    (Outcome.MEETING_BOOKED, 20),
)
NEED_KIND_VALUES = [kind for kind, _ in NEED_KINDS]


@dataclass
class Planned:
    caller: User
    when: datetime
    outcome: str
    callback_at: datetime | None = None
    meeting_at: datetime | None = None
    material_due: datetime | None = None
    survey: dict | None = None
    note: str = ""
    # Material is sent the day after the call, unless the demo needs it left on the list.
    material_open: bool = False


@dataclass
class Plan:
    """The calls planned for each target employer, by the employer's pk."""

    calls: dict[int, list[Planned]] = field(default_factory=dict)


def campaign_load(ctx: Context, rng: random.Random, crew, employers: list[Employer]) -> None:
    today = ctx.today
    home = ctx.spec.places[0][0]
    targets = list(
        matching_employers(organisation_id=ctx.organisation.pk, filters={"kommun_codes": [home]})
        .order_by("name", "pk")
        .only("pk", "name", "stage", "organisation_number")
    )
    if not targets:
        return
    callers = list(dict.fromkeys([crew.coach, crew.scout or crew.admin, crew.colleague]))
    started = _workday_back(today - timedelta(weeks=WEEKS))
    last_change = dict(
        EmployerStageChange.objects.filter(employer__in=targets)
        .values_list("employer")
        .annotate(last=Max("changed_at"))
        .values_list("employer", "last")
    )
    plan = Plan()
    need_day = _opening_need(ctx, rng, crew.scout or crew.coach, plan, targets, last_change)
    if need_day:
        started = min(started, need_day)
    free = [
        target
        for target in targets
        if target.pk not in plan.calls
        and last_change[target.pk].date() < today - timedelta(days=14)
    ]
    rng.shuffle(free)
    _scripted(ctx, rng, crew, plan, free)
    for target in free:
        if target.pk in plan.calls or rng.random() > CALLED_SHARE:
            continue
        first_day = max(started, last_change[target.pk].date() + timedelta(days=1))
        if first_day < today - timedelta(days=2):
            plan.calls[target.pk] = _history(ctx, rng, callers, first_day)
    campaign = _campaign_insert(ctx, crew, callers, home, started)
    _plan_save(ctx, rng, campaign, targets, plan, started)


def _scripted(ctx, rng, crew, plan, free) -> None:
    """What the coach and the scout must find on their lists: a call back that is overdue, one
    due in the next few days, a meeting coming up and material not yet sent."""
    today = ctx.today
    days = lambda n: _workday_back(today - timedelta(days=n))  # noqa: E731
    soon = lambda n: _workday_on(today + timedelta(days=n))  # noqa: E731
    for person in (crew.coach, crew.scout or crew.colleague):
        pool = [target for target in free if target.pk not in plan.calls]
        if len(pool) < 4:
            return
        overdue, due, meeting, material = pool[:4]
        plan.calls[overdue.pk] = [
            _planned(rng, person, days(11), Outcome.NO_ANSWER),
            _planned(rng, person, days(6), Outcome.CALL_BACK, callback_at=at(days(2), time(10))),
        ]
        plan.calls[due.pk] = [
            _planned(rng, person, days(3), Outcome.CALL_BACK, callback_at=at(soon(1), time(9, 30)))
        ]
        plan.calls[meeting.pk] = [
            _planned(rng, person, days(12), Outcome.NO_ANSWER),
            _planned(
                rng,
                person,
                days(5),
                Outcome.MEETING_BOOKED,
                meeting_at=at(soon(3), time(13)),
                survey=_survey(ctx, rng, meeting),
            ),
        ]
        plan.calls[material.pk] = [
            _planned(
                rng,
                person,
                days(9),
                Outcome.INTERESTED,
                material_due=at(days(4), time(16)),
                material_open=True,
                survey=_survey(ctx, rng, material),
            )
        ]


def _opening_need(ctx, rng, caller, plan, targets, last_change) -> date | None:
    """A need the caller heard of that has since become an opening (made as a draft, perhaps
    opened since). Returns the day of the call, which the campaign must have begun by."""
    by_pk = {target.pk: target for target in targets}
    earliest = ctx.today - timedelta(days=NEED_WINDOW)
    openings = (
        Opening.objects.filter(
            employer__in=[pk for pk in by_pk if pk not in plan.calls],
            status__in=(OpeningStatus.DRAFT, OpeningStatus.OPEN),
            kind__in=NEED_KIND_VALUES,
            occupation__isnull=False,
        )
        .select_related("occupation")
        .order_by("-created_at", "pk")
    )
    for opening in openings:
        when = at(_workday_back(opening.created_at.date() - timedelta(days=2)), time(10, 20))
        if when > last_change[opening.employer_id] and when.date() >= earliest:
            break
    else:
        return None
    survey = _survey(ctx, rng, by_pk[opening.employer_id])
    survey["needs"] = [
        {
            "horizon": Horizon.NOW,
            "kind": opening.kind,
            "occupation_id": opening.occupation_id,
            "how_many": opening.places,
            "requirements": rng.choice(says.NEED_REQUIREMENTS),
            "opening_id": opening.pk,
        }
    ]
    plan.calls[opening.employer_id] = [
        _planned(rng, caller, when, Outcome.INTERESTED, survey=survey)
    ]
    return when.date()


def _planned(rng, caller, day_or_moment, outcome, **extra) -> Planned:
    when = (
        day_or_moment
        if isinstance(day_or_moment, datetime)
        else at(day_or_moment, time(rng.randint(8, 15), rng.choice((5, 20, 35, 50))))
    )
    return Planned(caller, when, outcome, note=rng.choice(says.CALL_NOTES[outcome]), **extra)


def _history(ctx, rng, callers, first_day: date) -> list[Planned]:
    """One to three calls from ``first_day`` on, mostly by one caller, ending in an outcome."""
    today = ctx.today
    owner = rng.choices(callers, CALLER_WEIGHTS[: len(callers)])[0]
    span = (today - first_day).days
    count = min(rng.choices((1, 2, 3), (50, 35, 15))[0], max(1, span // 4))
    offsets = sorted(rng.sample(range(span - 1), count)) if span > count + 1 else [0]
    calls: list[Planned] = []
    for position, offset in enumerate(offsets):
        last = position == len(offsets) - 1
        choices = LAST_OUTCOMES if last else FIRST_OUTCOMES
        outcome = rng.choices([o for o, _ in choices], [w for _, w in choices])[0]
        # A promised call back is made by whoever promised it.
        caller = calls[-1].caller if calls and calls[-1].outcome == Outcome.CALL_BACK else owner
        day = _workday_back(first_day + timedelta(days=offset))
        extra = {}
        next_day = (
            _workday_back(first_day + timedelta(days=offsets[position + 1])) if not last else None
        )
        if outcome == Outcome.CALL_BACK:
            back = _workday_on(day + timedelta(days=rng.randint(2, 6)))
            extra["callback_at"] = at(min(back, next_day) if next_day else back, time(10))
        elif outcome == Outcome.MEETING_BOOKED:
            extra["meeting_at"] = at(
                _workday_on(day + timedelta(days=rng.randint(3, 12))), time(13)
            )
        if outcome == Outcome.INTERESTED and rng.random() < 0.5:
            extra["material_due"] = at(_workday_on(day + timedelta(days=2)), time(16))
        if outcome in (Outcome.INTERESTED, Outcome.MEETING_BOOKED) and rng.random() < 0.6:
            extra["survey"] = {}
        calls.append(_planned(rng, caller, day, outcome, **extra))
    return calls


def _survey(ctx, rng, employer: Employer) -> dict:
    occupations = _occupations(ctx, employer.name)
    needs = []
    for occupation in rng.sample(occupations, min(len(occupations), rng.randint(1, 2))):
        needs.append(
            {
                "horizon": rng.choice(Horizon.values),
                "kind": rng.choices(NEED_KIND_VALUES, (50, 25, 20, 5))[0],
                "occupation_id": occupation.pk,
                "how_many": rng.choices((1, 2, 3), (60, 30, 10))[0],
                "requirements": rng.choice(says.NEED_REQUIREMENTS),
            }
        )
    return {
        "competence_needs": rng.choice(says.COMPETENCE_NEEDS),
        "takes_interns": rng.choice(Willingness.values),
        "takes_work_trainees": rng.choice((Willingness.YES, Willingness.MAYBE, "")),
        "supervisors": rng.choice((None, 1, 1, 2)),
        "supervised_participants": rng.choice((None, 1, 2)),
        "needs": needs,
    }


def trade_of(name: str) -> words.Trade | None:
    """The trade a demo employer's name was made from: named employers are listed, the
    generated ones match one of their trade's name patterns."""
    if name in words.NAMED:
        return words.TRADE[words.NAMED[name][0]]
    for trade, pattern in _PATTERNS:
        if pattern.fullmatch(name):
            return trade
    return None


def _pattern(text: str) -> re.Pattern:
    parts = re.split(r"\{\w+\}", text)
    return re.compile(".+".join(re.escape(part) for part in parts) + r"( \d+)?")


_PATTERNS = [(trade, _pattern(text)) for trade in words.TRADES for text, _ in trade.names]


def _occupations(ctx, name: str) -> list:
    trade = trade_of(name)
    known = ctx.catalogue.opening_occupations
    found = [known[label] for label in trade.occupations if label in known] if trade else []
    return found or [occupation for occupation, _ in ctx.catalogue.occupations[:10]]


def _workday_back(day: date) -> date:
    return day - timedelta(days=max(0, day.weekday() - 4))


def _workday_on(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7 if day.weekday() > 4 else 0)


def _campaign_insert(ctx, crew, callers, home: str, started: date) -> Campaign:
    season = "våren" if ctx.today.month <= 6 else "hösten"
    name = f"Rekryteringsbehov {season} {ctx.today.year}"
    kommun = kommun_name(home)
    created = at(started - timedelta(days=3), time(9, 0))
    rows_insert(
        Campaign,
        [
            {
                "organisation": ctx.organisation,
                "name": name,
                "purpose": says.CAMPAIGN_PURPOSE.format(kommun=kommun),
                "script": says.CAMPAIGN_SCRIPT.format(
                    organisation=ctx.spec.name.removesuffix(" (demo)"), kommun=kommun
                ),
                "kommun_codes": [home],
                "created_by": crew.admin,
                "created_at": created,
                "updated_at": created,
            }
        ],
    )
    campaign = Campaign.objects.get(organisation=ctx.organisation, name=name)
    rows_insert(
        Campaign.callers.through, [{"campaign": campaign.pk, "user": user} for user in callers]
    )
    return campaign


def _plan_save(ctx, rng, campaign: Campaign, targets, plan: Plan, started: date) -> None:
    added = at(started - timedelta(days=3), time(9, 1))
    rows, stage_changes, moved = [], [], []
    follow_ups: list[dict] = []
    for employer in targets:
        calls = plan.calls.get(employer.pk, [])
        row = {
            "organisation": ctx.organisation,
            "campaign": campaign,
            "employer": employer.pk,
            "added_at": added,
            "attempts": len(calls),
        }
        if calls:
            last = calls[-1]
            row.update(last_outcome=last.outcome, last_called_at=last.when)
            if last.outcome in FINAL_OUTCOMES:
                row["state"] = TargetState.DONE
            elif last.outcome == Outcome.CALL_BACK:
                row.update(
                    state=TargetState.CALLBACK,
                    callback_at=last.callback_at,
                    callback_by=last.caller,
                )
            if _advance(ctx, employer, calls, stage_changes):
                moved.append(employer)
        rows.append(row)
    rows_insert(CampaignTarget, rows)
    target_pks = dict(campaign.targets.values_list("employer_id", "pk"))
    built = [
        (
            Call(
                organisation=ctx.organisation,
                target_id=target_pks[employer_pk],
                caller=planned.caller,
                called_at=planned.when,
                outcome=planned.outcome,
                callback_at=planned.callback_at,
                note=planned.note,
            ),
            planned,
            employer_pk,
        )
        for employer_pk, calls in plan.calls.items()
        for planned in calls
    ]
    Call.objects.bulk_create([call for call, _, _ in built])
    for employer_pk, calls in plan.calls.items():
        follow_ups += _follow_ups(ctx, employer_pk, target_pks[employer_pk], calls)
    rows_insert(FollowUp, follow_ups)
    _surveys_save(ctx, rng, built)
    rows_insert(EmployerStageChange, stage_changes)
    Employer.objects.bulk_update(moved, ["stage", "updated_at"])


def _advance(ctx, employer: Employer, calls: list[Planned], changes: list[dict]) -> bool:
    """As outreach.services does: forward after each call that got somewhere."""
    moved = False
    for planned in calls:
        if wanted := stage_after_call(employer.stage, planned.outcome):
            changes.append(
                {
                    "organisation": ctx.organisation,
                    "employer": employer.pk,
                    "from_stage": employer.stage,
                    "to_stage": wanted,
                    "changed_at": planned.when,
                    "changed_by": planned.caller,
                    "note": says.STAGE_NOTE,
                }
            )
            employer.stage = wanted
            employer.updated_at = planned.when
            moved = True
    return moved


def _follow_ups(ctx, employer_pk: int, target_pk: int, calls: list[Planned]) -> list[dict]:
    now = at(ctx.today, time(7, 0))
    rows: list[dict] = []

    def add(planned: Planned, kind: str, due: datetime, note: str) -> dict:
        row = {
            "organisation": ctx.organisation,
            "employer": employer_pk,
            "target": target_pk,
            "assignee": planned.caller,
            "kind": kind,
            "due_at": due,
            "note": note,
            "created_at": planned.when,
            "done_at": None,
            "done_by": None,
        }
        rows.append(row)
        return row

    for planned in calls:
        # The caller's earlier promise to call back is kept by this call.
        for row in rows:
            if (
                row["kind"] == FollowUpKind.CALL_BACK
                and row["assignee"] == planned.caller
                and row["done_at"] is None
            ):
                row.update(done_at=planned.when, done_by=planned.caller)
        if planned.callback_at:
            add(planned, FollowUpKind.CALL_BACK, planned.callback_at, planned.note)
        if planned.meeting_at:
            row = add(planned, FollowUpKind.MEETING, planned.meeting_at, planned.note)
            if planned.meeting_at < now:
                row.update(done_at=planned.meeting_at + timedelta(hours=1), done_by=planned.caller)
        if planned.material_due:
            row = add(planned, FollowUpKind.SEND_MATERIAL, planned.material_due, says.MATERIAL_NOTE)
            sent = planned.when + timedelta(days=1)
            if not planned.material_open and sent < now:
                row.update(done_at=sent, done_by=planned.caller)
    return rows


def _surveys_save(ctx, rng, built) -> None:
    surveys, needs = [], []
    targets = {
        employer.pk: employer
        for employer in Employer.objects.filter(pk__in={pk for _, _, pk in built}).only("name")
    }
    for call, planned, employer_pk in built:
        if planned.survey is None:
            continue
        data = dict(planned.survey) or _survey(ctx, rng, targets[employer_pk])
        survey = NeedsSurvey(
            organisation=ctx.organisation,
            call=call,
            **{key: value for key, value in data.items() if key != "needs"},
        )
        surveys.append(survey)
        needs.append((survey, data["needs"]))
    NeedsSurvey.objects.bulk_create(surveys)
    RecruitmentNeed.objects.bulk_create(
        RecruitmentNeed(organisation=ctx.organisation, survey=survey, **need)
        for survey, listed in needs
        for need in listed
    )
