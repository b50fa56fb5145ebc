"""One demo participant: who they are, what they know and can do, built in memory.

Every random choice comes from the organisation's ``random.Random``, in the same order whatever
day it is: dates are offsets from today drawn independently of today, so the same seed gives the
same people, numbers and histories on any day.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from baslager.cases.models import CaseClosure, ClosureReason
from baslager.participants.models import (
    CefrLevel,
    Gender,
    IdKind,
    LabourMarketStatus,
    Participant,
    ParticipantLanguage,
    ParticipantStatus,
    SfiCourse,
    SpecialCategoryData,
    TriState,
    WorkExperience,
)

from . import texts
from .batch import Batch, Context
from .histories import case_notes_build, goals_build, phase_history_build, plan_build
from .identity import identity_number_make

PHASE_WEIGHTS = (18, 27, 18, 15, 12, 10)
PREFERRED_LANGUAGES = {"sv", "en", "ar", "so", "ti", "fa", "bs", "pl", "th", "uk"}
LICENCES = ((), ("B",), ("B", "BE"), ("AM",), ("B", "C", "CE"), ("truck",), ("B", "truck"))
LICENCE_WEIGHTS = (55, 25, 4, 4, 3, 5, 4)


def ascii_slug(text: str) -> str:
    table = str.maketrans("åäöéüćčšžłńśĳ -", "aaoeuccszlnsi..")
    return "".join(ch for ch in text.lower().translate(table) if ch.isalnum() or ch == ".")


def participant_build(ctx: Context, rng: random.Random, index: int, batch: Batch) -> None:
    spec, org, today = ctx.spec, ctx.organisation, ctx.today
    background = rng.choices([b for b, _ in spec.mix], [w for _, w in spec.mix])[0]
    gender = rng.choices(
        (Gender.WOMAN, Gender.MAN, Gender.OTHER, Gender.NOT_STATED), (48, 48, 1, 3)
    )[0]
    woman = gender == Gender.WOMAN or (gender != Gender.MAN and rng.random() < 0.5)
    first_name = rng.choice(background.women if woman else background.men)
    last_name = rng.choice(background.last_names)
    birth_date = date(rng.randint(1962, 2006), rng.randint(1, 12), rng.randint(1, 28))

    id_roll = rng.random()
    if background.newly_arrived:
        id_kind = (
            IdKind.PERSONNUMMER
            if id_roll < 0.8
            else IdKind.SAMORDNINGSNUMMER
            if id_roll < 0.92
            else IdKind.NONE
        )
    else:
        id_kind = IdKind.PERSONNUMMER if id_roll < 0.97 else IdKind.NONE
    id_number = ""
    while id_kind != IdKind.NONE and (not id_number or id_number in ctx.used_numbers):
        id_number = identity_number_make(
            rng,
            birth_date=birth_date,
            woman=woman,
            coordination=id_kind == IdKind.SAMORDNINGSNUMMER,
        )
    ctx.used_numbers.add(id_number)

    # The phase path: usually straight up the ladder, sometimes one step back.
    current = rng.choices(range(len(PHASE_WEIGHTS)), PHASE_WEIGHTS)[0]
    current = min(current, len(ctx.phases) - 1)
    path = list(range(current + 1))
    if 1 <= current <= 2 and rng.random() < 0.08:
        path = [*range(current + 2), current]
    moves = len(path) - 1
    entry_days_ago = rng.randint(20 + 40 * moves, 60 + 110 * moves)
    entry_date = today - timedelta(days=entry_days_ago)
    move_days = sorted(rng.sample(range(7, entry_days_ago), moves)) if moves else []
    phase_started = [0, *move_days]

    kommun, city, postal, streets = rng.choices(
        spec.places, [85] + [15 // max(1, len(spec.places) - 1)] * (len(spec.places) - 1)
    )[0]
    natives = background.languages
    swedish_cefr, sfi_course, sfi_done = _swedish_level(rng, background)
    needs_interpreter = swedish_cefr in (CefrLevel.A1, CefrLevel.A2) and rng.random() < 0.6
    own_code = natives[0][0] if natives[0][0] in PREFERRED_LANGUAGES else "ar"
    preferred = "sv" if swedish_cefr not in (CefrLevel.A1, CefrLevel.A2) else own_code
    if background.key == "dari":
        preferred = "fa" if preferred != "sv" else "sv"

    status_roll = rng.random()
    if status_roll < spec.employed_share:
        labour_status = LabourMarketStatus.EMPLOYED
    elif status_roll < spec.employed_share + spec.inactive_share:
        labour_status = LabourMarketStatus.INACTIVE
    else:
        labour_status = LabourMarketStatus.UNEMPLOYED
    age = participant_age(birth_date, entry_date)
    # Nobody has been out of work since before they could have worked.
    unemployed_days = min(rng.randint(60, 3650), 365 * (age - 16))
    ended = (current == 5 and rng.random() < 0.5) or (current == 4 and rng.random() < 0.2)
    band = rng.choices(
        ("compulsory", "upper_secondary", "tertiary"),
        (45, 30, 25) if background.newly_arrived else (35, 50, 15),
    )[0]
    education_levels = ctx.catalogue.education.get(band) or []

    participant = Participant(
        organisation=org,
        first_name=first_name,
        last_name=last_name,
        id_kind=id_kind,
        id_number=id_number,
        email=(
            f"{ascii_slug(first_name)}.{ascii_slug(last_name)}{rng.randint(1, 99)}@post.example"
            if rng.random() < 0.7
            else ""
        ),
        phone=f"070-174 06 {rng.randint(5, 99):02d}" if rng.random() < 0.85 else "",
        street_address=f"{rng.choice(streets)} {rng.randint(1, 60)}",
        postal_code=f"{postal} {rng.randint(30, 99)}",
        city=city,
        kommun_code=kommun,
        preferred_language=preferred,
        needs_interpreter=needs_interpreter,
        gender=gender,
        birth_date=birth_date,
        education_level=rng.choice(education_levels) if education_levels else None,
        education_country=background.country,
        driving_licences=list(rng.choices(LICENCES, LICENCE_WEIGHTS)[0]),
        interests=rng.choice(texts.INTERESTS),
        dreams_and_goals=rng.choice(texts.DREAMS),
        hours_per_week=rng.choice((10, 15, 20, 25, 30, 40)),
        available_from=entry_date + timedelta(days=rng.randint(0, 14)),
        available_days=sorted(rng.sample(range(1, 6), rng.randint(3, 5))),
        max_travel_km=rng.choice((5, 10, 15, 20, 30, 50)),
        max_travel_minutes=rng.choice((20, 30, 45, 60)),
        entry_date=entry_date,
        labour_market_status=labour_status,
        unemployed_since=(
            entry_date - timedelta(days=unemployed_days)
            if labour_status == LabourMarketStatus.UNEMPLOYED
            else None
        ),
        support_needs=rng.choice(texts.SUPPORT_NEEDS) if rng.random() < 0.45 else "",
        adaptations=rng.choice(texts.ADAPTATIONS) if rng.random() < 0.25 else "",
        current_phase=ctx.phases[path[-1]],
        status=ParticipantStatus.ENDED if ended else ParticipantStatus.ACTIVE,
    )
    batch.participants.append(participant)

    coaches = [ctx.coaches[index % len(ctx.coaches)]]
    if len(ctx.coaches) > 1 and rng.random() < 0.1:
        coaches.append(ctx.coaches[(index + 1) % len(ctx.coaches)])
    coach = coaches[0]
    for user in coaches:
        batch.add(Participant.coaches.through, participant=participant, user=user)

    _languages(ctx, rng, participant, natives, swedish_cefr, sfi_course, sfi_done, batch)
    occupations = _experiences(ctx, rng, participant, background, age, batch)
    _skills(ctx, rng, participant, occupations, batch)
    _special_category(ctx, rng, participant, background, entry_date, age, batch)
    phase_history_build(ctx, rng, participant, path, entry_date, phase_started, coach, batch)
    goals = goals_build(ctx, rng, participant, current, entry_date, entry_days_ago, batch)
    case_notes_build(ctx, rng, participant, index, coach, entry_date, entry_days_ago, batch)
    if ended:
        _closure(ctx, participant, index, current, entry_date, phase_started[-1], coach, batch)
    if not ended:
        plan_build(
            ctx,
            rng,
            participant,
            index,
            coach,
            current,
            entry_date,
            phase_started[-1],
            goals,
            batch,
        )


# Why demo cases closed: from the last phase mostly to work or studies, from the one before it
# for the other reasons a case ends. Picked by index, not drawn, so that the other choices of
# the demo stay as they were.
CLOSED_FROM_LAST_PHASE = (ClosureReason.WORK, ClosureReason.WORK, ClosureReason.STUDIES)
CLOSED_BEFORE_IT = (
    ClosureReason.OTHER_SUPPORT,
    ClosureReason.MOVED,
    ClosureReason.OWN_CHOICE,
    ClosureReason.NO_CONTACT,
    ClosureReason.NOT_ABLE,
)


def _closure(ctx, participant, index, current, entry_date, last_move, coach, batch) -> None:
    """The closing of a demo case that ended, halfway between its last move and today."""
    reasons = CLOSED_FROM_LAST_PHASE if current == 5 else CLOSED_BEFORE_IT
    last_phase_began = entry_date + timedelta(days=last_move)
    batch.add(
        CaseClosure,
        organisation=ctx.organisation,
        participant=participant,
        closed_on=last_phase_began + timedelta(days=(ctx.today - last_phase_began).days // 2),
        reason=reasons[index % len(reasons)],
        closed_by=coach,
    )


def participant_age(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def _swedish_level(rng, background):
    if not background.newly_arrived and background.key == "swedish":
        return CefrLevel.NATIVE, "", False
    if not background.newly_arrived:
        return rng.choice((CefrLevel.B1, CefrLevel.B2, CefrLevel.C1)), "", False
    cefr = rng.choices((CefrLevel.A1, CefrLevel.A2, CefrLevel.B1), (35, 40, 25))[0]
    course = {CefrLevel.A1: SfiCourse.B, CefrLevel.A2: SfiCourse.C, CefrLevel.B1: SfiCourse.D}[cefr]
    return cefr, course, rng.random() < 0.3


def _languages(ctx, rng, participant, natives, swedish_cefr, sfi_course, sfi_done, batch):
    rows = {}
    for code, label in natives:
        rows[(code, label)] = (CefrLevel.NATIVE, "", False)
    rows[("sv", "Svenska")] = (swedish_cefr, sfi_course, sfi_done)
    if rng.random() < (0.7 if natives[0][0] == "sv" else 0.3):
        rows[("en", "Engelska")] = (
            rng.choice((CefrLevel.A2, CefrLevel.B1, CefrLevel.B2)),
            "",
            False,
        )
    seen = set()
    for (code, label), (cefr, course, done) in rows.items():
        language = ctx.catalogue.language(code, label)
        if language is None or language.pk in seen:
            continue
        seen.add(language.pk)
        batch.add(
            ParticipantLanguage,
            organisation=ctx.organisation,
            participant=participant,
            language=language,
            cefr_level=cefr,
            sfi_course=course,
            sfi_completed=done,
        )


def _experiences(ctx, rng, participant, background, age, batch):
    chosen = []
    pool = ctx.catalogue.occupations
    for _ in range(rng.choices((0, 1, 2, 3), (15, 45, 30, 10))[0] if pool else 0):
        occupation, own_words = rng.choice(pool)
        if occupation in chosen:
            continue
        chosen.append(occupation)
        batch.add(
            WorkExperience,
            organisation=ctx.organisation,
            participant=participant,
            occupation=occupation,
            title=own_words,
            years=min(Decimal(rng.choice((5, 10, 20, 30, 40, 60, 80, 120))), 10 * (age - 17)) / 10,
            country="Sverige" if rng.random() < 0.4 else background.country,
            description=rng.choice(texts.EXPERIENCE_NOTES),
        )
    return chosen


def _skills(ctx, rng, participant, occupations, batch):
    skill_ids = set()
    for occupation in occupations:
        linked = ctx.catalogue.occupation_skills.get(occupation.pk, [])
        skill_ids.update(rng.sample(linked, min(2, len(linked))))
    general = ctx.catalogue.skill_ids
    skill_ids.update(rng.sample(general, min(rng.randint(1, 3), len(general))))
    for skill_id in sorted(skill_ids):
        batch.add(Participant.skills.through, participant=participant, skill_id=skill_id)


def _special_category(ctx, rng, participant, background, entry_date, age, batch):
    alla = ctx.spec.key == "allakanarbeta"
    if rng.random() > (0.7 if alla else 0.5):
        return
    disability = rng.choices(
        (TriState.YES, TriState.NO, TriState.REFUSED, TriState.UNKNOWN),
        (35, 45, 10, 10) if alla else (10, 70, 10, 10),
    )[0]
    foreign = background.key != "swedish"
    years_here = min(rng.randint(1, 9) if background.newly_arrived else rng.randint(8, 30), age - 1)
    batch.add(
        SpecialCategoryData,
        organisation=ctx.organisation,
        participant=participant,
        has_disability=disability,
        disability_description=(
            rng.choice(texts.DISABILITY_DESCRIPTIONS) if disability == TriState.YES else ""
        ),
        health_notes=rng.choice(texts.HEALTH_NOTES) if rng.random() < 0.2 else "",
        addiction_history=(
            rng.choice(texts.ADDICTION_HISTORY) if rng.random() < (0.12 if alla else 0.03) else ""
        ),
        country_of_birth=background.country,
        foreign_background=(
            TriState.YES if foreign else rng.choices((TriState.NO, TriState.REFUSED), (95, 5))[0]
        ),
        third_country_national=TriState.YES if background.third_country else TriState.NO,
        minority=rng.choices((TriState.NO, TriState.REFUSED, TriState.YES), (88, 10, 2))[0],
        arrived_in_sweden=(
            entry_date - timedelta(days=365 * years_here + rng.randint(0, 300)) if foreign else None
        ),
        collection_attempted_at=entry_date + timedelta(days=rng.randint(0, 14)),
    )
