"""Dates and times of demo activities, relative to the current week so the demo looks current."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from baslager.plans.models import Activity, ActivityKind, Occurrence

from . import texts


@dataclass(frozen=True)
class Slot:
    """A recurring time: ``weekday`` 0 = Monday, in the weeks ``weeks`` from the current one."""

    weekday: int
    at: time
    minutes: int
    weeks: tuple[int, ...]


WEEKLY_MEETING = Slot(1, time(10, 0), 90, tuple(range(-8, 5)))
STUDY_CIRCLE = Slot(3, time(13, 0), 120, tuple(range(-5, 6)))
ROLE_MODEL = Slot(2, time(14, 0), 90, (-6, -2, 3))
WORKPLACE_VISIT = Slot(4, time(9, 30), 120, (-3, 2))
SEMINAR = Slot(0, time(13, 0), 120, (-4, 1))
COACHING = Slot(2, time(10, 0), 60, (-6, -4, -2, 0, 2))


@dataclass
class Scheduled:
    """An activity and its occurrences, each with a stable serial for deterministic attendance."""

    activity: Activity
    occurrences: list[tuple[int, date, Occurrence]] = field(default_factory=list)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=timezone.get_default_timezone())


def hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.1"))


def possessive(name: str) -> str:
    return name if name[-1:].lower() in "sxz" else f"{name}s"


def schedule(
    activity: Activity, slot: Slot, *, today: date, serial: int, not_before: date | None = None
) -> Scheduled:
    monday = week_start(today)
    scheduled = Scheduled(activity)
    for week in slot.weeks:
        day = monday + timedelta(days=7 * week + slot.weekday)
        if not_before and day < not_before:
            continue
        occurrence = Occurrence(
            organisation=activity.organisation,
            activity=activity,
            starts_at=at(day, slot.at),
            duration_minutes=slot.minutes,
        )
        scheduled.occurrences.append((serial * 100 + week + 50, day, occurrence))
    if scheduled.occurrences:
        activity.starts_on = scheduled.occurrences[0][1]
        activity.ends_on = scheduled.occurrences[-1][1]
    return scheduled


def group_activities(*, organisation, spec, coach, index: int, today: date) -> dict[str, Scheduled]:
    """What a coach's group meets for: weekly meeting, study circle, role model, visit, seminar."""
    first_name = coach.full_name.split(" ")[0]
    employer, _ = spec.employers[index % len(spec.employers)]

    def activity(kind, title, description, location=None, employer_name=""):
        return Activity(
            organisation=organisation,
            kind=kind,
            title=title,
            description=description,
            location=location or spec.venue,
            employer=employer_name,
            leader=coach,
            is_group=True,
        )

    plan = {
        "weekly": (
            activity(
                ActivityKind.GROUP_MEETING,
                f"Veckomöte – {possessive(first_name)} grupp",
                "Alla i gruppen träffas: erfarenhetsutbyte, veckans planering och fika.",
            ),
            WEEKLY_MEETING,
        ),
        "circle": (
            activity(
                ActivityKind.STUDY_CIRCLE,
                texts.STUDY_CIRCLES[index % len(texts.STUDY_CIRCLES)],
                "Lokal studiecirkel där deltagarna lär sig tillsammans, med fika.",
            ),
            STUDY_CIRCLE,
        ),
        "role_model": (
            activity(
                ActivityKind.ROLE_MODEL_MEETING,
                texts.ROLE_MODELS[index % len(texts.ROLE_MODELS)],
                "En person som gått från långtidsarbetslöshet till arbete berättar om sin resa.",
            ),
            ROLE_MODEL,
        ),
        "visit": (
            activity(
                ActivityKind.WORKPLACE_VISIT,
                f"Studiebesök på {employer}",
                f"Vi besöker {employer}, ser hur arbetet går till och träffar personalen.",
                location=employer,
                employer_name=employer,
            ),
            WORKPLACE_VISIT,
        ),
        "seminar": (
            activity(
                ActivityKind.SEMINAR,
                texts.SEMINARS[index % len(texts.SEMINARS)],
                "Seminarium för alla deltagare, med frågestund.",
            ),
            SEMINAR,
        ),
    }
    return {
        key: schedule(act, slot, today=today, serial=index * 10 + position)
        for position, (key, (act, slot)) in enumerate(plan.items())
    }
