"""What happens to a demo participant over time: phase moves, goals, notes, activities, attendance.

Attendance uses a hash instead of the random generator because which occurrences lie in the past
depends on the weekday the demo is loaded on.
"""

from datetime import time, timedelta
from decimal import Decimal

from baslager.journal.models import CaseNote, CaseNoteVersion
from baslager.phases.models import PhaseTransition
from baslager.plans.models import (
    Activity,
    ActivityKind,
    Attendance,
    AttendanceStatus,
    Enrolment,
    Goal,
    GoalStatus,
)

from . import texts
from .schedule import COACHING, Slot, at, hours, schedule


def _draw(seed: int, a: int, b: int) -> int:
    """A well-mixed number 0–99 from three integers (a 32-bit integer hash)."""
    x = (a * 0x9E3779B1 + b * 0x85EBCA77 + seed * 0xC2B2AE3D) & 0xFFFFFFFF
    x ^= x >> 15
    x = (x * 0x2C1B3C6D) & 0xFFFFFFFF
    x ^= x >> 12
    return x % 100


def phase_history_build(ctx, rng, participant, path, entry_date, phase_started, coach, batch):
    previous = None
    for step, (position, offset) in enumerate(zip(path, phase_started, strict=True)):
        if step == 0:
            reason = rng.choice(texts.REFERRALS)
        elif position < path[step - 1]:
            reason = rng.choice(texts.STEP_BACK_REASONS)
        else:
            reason = rng.choice(texts.PHASE_REASONS[position + 1])
        phase = ctx.phases[position]
        batch.add(
            PhaseTransition,
            organisation=ctx.organisation,
            participant=participant,
            from_phase=previous,
            to_phase=phase,
            moved_on=entry_date + timedelta(days=offset),
            moved_by=coach,
            reason=reason,
        )
        previous = phase


def goals_build(ctx, rng, participant, current, entry_date, entry_days_ago, batch):
    goals = []
    for number, title in enumerate(rng.sample(texts.GOALS, rng.randint(1, 3))):
        if number == 0 and current >= 4:
            status = GoalStatus.ACHIEVED
            target = entry_date + timedelta(days=rng.randint(30, entry_days_ago))
        elif number == 0 or current >= 2:
            status = GoalStatus.IN_PROGRESS
            target = ctx.today + timedelta(days=rng.randint(14, 200))
        else:
            status = GoalStatus.PLANNED
            target = ctx.today + timedelta(days=rng.randint(60, 300))
        goal = Goal(
            organisation=ctx.organisation,
            participant=participant,
            title=title,
            description=rng.choice(texts.GOAL_HOW),
            target_date=target,
            status=status,
        )
        batch.goals.append(goal)
        goals.append(goal)
    return goals


def case_notes_build(ctx, rng, participant, index, coach, entry_date, entry_days_ago, batch):
    count = rng.randint(1, 3)
    days = sorted(rng.sample(range(entry_days_ago), count))
    corrected = index == 0 or rng.random() < 0.03
    for number, offset in enumerate(days):
        day = entry_date + timedelta(days=offset)
        note = CaseNote(
            organisation=ctx.organisation, participant=participant, occurred_on=day, author=coach
        )
        batch.notes.append(note)
        text = rng.choice(texts.CASE_NOTES).format(first=participant.first_name)
        written = at(day, time(16, 0))
        batch.add(CaseNoteVersion, note=note, text=text, written_by=coach, written_at=written)
        if corrected and number == 0:
            addition, reason = rng.choice(texts.CORRECTIONS)
            batch.add(
                CaseNoteVersion,
                note=note,
                text=f"{text} {addition}",
                correction_reason=reason,
                written_by=coach,
                written_at=written + timedelta(hours=2),
            )


def plan_build(
    ctx, rng, participant, index, coach, current, entry_date, phase_offset, goals, batch
):
    """Enrolments in the coach's group activities, and individual coaching, work training or
    internship, with attendance recorded for the occurrences already past."""
    group = ctx.groups[index % len(ctx.groups)]
    rate = rng.randint(65, 98)
    wanted = ["weekly"] if current <= 4 else []
    if current <= 2 and rng.random() < 0.5:
        wanted.append("circle")
    if 1 <= current <= 3 and rng.random() < 0.5:
        wanted.append("role_model")
    if 1 <= current <= 2 and rng.random() < 0.4:
        wanted.append("visit")
    if rng.random() < 0.3:
        wanted.append("seminar")
    for key in wanted:
        enrol_build(ctx, participant, index, coach, group[key], entry_date, rate, None, batch)

    individual: tuple[Activity, Slot] | None = None
    if current in (2, 3):
        employer, place = rng.choice(ctx.spec.employers)
        internship = current == 3
        if not internship and rng.random() < 0.5:
            employer, place = ctx.spec.work_training, ctx.spec.work_training
        weekly = participant.hours_per_week or 20
        individual = (
            Activity(
                organisation=ctx.organisation,
                kind=ActivityKind.INTERNSHIP if internship else ActivityKind.WORK_TRAINING,
                title=f"{'Praktik' if internship else 'Arbetsträning'} på {employer}",
                description=(
                    f"Handledare på {place}: {rng.choice(texts.SUPERVISORS)}. "
                    f"{weekly} timmar i veckan; varje tillfälle är en hel vecka."
                ),
                location=employer,
                employer=employer,
                leader=coach,
                is_group=False,
            ),
            Slot(0, time(8, 0), weekly * 60, tuple(range(-8, 5))),
        )
    elif rng.random() < 0.25:
        individual = (
            Activity(
                organisation=ctx.organisation,
                kind=ActivityKind.COACHING,
                title=f"Coachningssamtal med {participant.first_name}",
                description="Enskilda samtal om planen, varannan vecka.",
                location=ctx.spec.venue,
                leader=coach,
                is_group=False,
            ),
            COACHING,
        )
    if individual is not None:
        activity, slot = individual
        started = entry_date + timedelta(days=phase_offset)
        scheduled = schedule(
            activity, slot, today=ctx.today, serial=index, not_before=max(entry_date, started)
        )
        batch.activities.append(activity)
        batch.occurrences.extend(occurrence for _, _, occurrence in scheduled.occurrences)
        enrol_build(ctx, participant, index, coach, scheduled, entry_date, rate, goals[0], batch)


def enrol_build(ctx, participant, index, coach, scheduled, entry_date, rate, goal, batch):
    batch.add(
        Enrolment,
        organisation=ctx.organisation,
        activity=scheduled.activity,
        participant=participant,
        goal=goal,
    )
    for serial, day, occurrence in scheduled.occurrences:
        if day >= ctx.today or day < entry_date:
            continue
        roll = _draw(ctx.seed, index, serial)
        if roll < rate:
            status = AttendanceStatus.PRESENT
        elif roll < rate + (100 - rate) // 2:
            status = AttendanceStatus.EXCUSED
        else:
            status = AttendanceStatus.ABSENT
        batch.add(
            Attendance,
            organisation=ctx.organisation,
            occurrence=occurrence,
            participant=participant,
            status=status,
            hours=hours(occurrence.duration_minutes)
            if status == AttendanceStatus.PRESENT
            else Decimal(0),
            recorded_by=coach,
            recorded_at=occurrence.starts_at + timedelta(minutes=occurrence.duration_minutes),
        )
