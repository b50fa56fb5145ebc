"""The employer side of a demo organisation: employers and their pipeline histories, contact
people, supervisors, low-threshold tasks, a value chain and openings.

Built in memory and inserted in bulk like the participants, so it leaves no audit entries. It
draws from its own random generator, seeded apart from the participants', so employers never
change anybody's story; dates are offsets from today drawn independently of today.
"""

import random
import unicodedata
import uuid
from bisect import bisect
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal
from itertools import accumulate

from baslager.accounts.models import User
from baslager.employers.models import (
    ContactPerson,
    Employer,
    EmployerStageChange,
    Stage,
    Supervisor,
    SupervisorTraining,
    ValueChainLink,
)
from baslager.openings.models import (
    EmploymentForm,
    LowThresholdTask,
    Opening,
    OpeningKind,
    OpeningStatus,
    OpeningStatusChange,
)
from baslager.participants.models import CefrLevel
from baslager.taxonomy.kommuner import kommun_name

from . import employer_texts as words
from . import people
from .batch import Context
from .bulk import rows_insert
from .catalogue import industry_codes
from .generate import ascii_slug
from .identity import identity_number_make, luhn_check_digit
from .schedule import at, possessive

CHUNK = 1000
ATTEMPTS = 12
STAGES = list(Stage.values)
STAGE_WEIGHTS = (30, 22, 16, 20, 12)
NAMED_STAGES = (Stage.PARTNER, Stage.PARTNER, Stage.RECRUITING)
# How likely an employer is to have openings, by stage.
OPENING_WEIGHTS = {
    Stage.IDENTIFIED: 0,
    Stage.CONTACTED: 1,
    Stage.INTERESTED: 3,
    Stage.PARTNER: 6,
    Stage.RECRUITING: 10,
}
KINDS = (
    (OpeningKind.JOB, 30),
    (OpeningKind.INTERNSHIP, 27),
    (OpeningKind.WORK_TRAINING, 20),
    (OpeningKind.LOW_THRESHOLD, 6),
    (OpeningKind.EDUCATION, 12),
)
FORMS = (
    (EmploymentForm.ORDINARY, 40),
    (EmploymentForm.NYSTARTSJOBB, 25),
    (EmploymentForm.INTRODUKTIONSJOBB, 15),
    (EmploymentForm.LONEBIDRAG, 20),
)
STATUSES = (
    (OpeningStatus.DRAFT, 10),
    (OpeningStatus.OPEN, 45),
    (OpeningStatus.FILLED, 25),
    (OpeningStatus.CLOSED, 20),
)
HOURS = {
    OpeningKind.JOB: (20, 25, 30, 35, 40, 40, 40),
    OpeningKind.INTERNSHIP: (20, 25, 30, 40),
    OpeningKind.WORK_TRAINING: (10, 15, 20, 25),
    OpeningKind.LOW_THRESHOLD: (10, 15, 20),
    OpeningKind.EDUCATION: (30, 40),
}
# Weeks a place lasts by kind; a job without one is permanent (None).
WEEKS = {
    OpeningKind.INTERNSHIP: (4, 6, 8, 12),
    OpeningKind.WORK_TRAINING: (12, 16, 26),
    OpeningKind.LOW_THRESHOLD: (12, 26),
    OpeningKind.EDUCATION: (40, 52),
}
FORM_TITLES = {
    EmploymentForm.NYSTARTSJOBB: "nystartsjobb",
    EmploymentForm.INTRODUKTIONSJOBB: "introduktionsjobb",
    EmploymentForm.LONEBIDRAG: "lönebidrag",
}
KIND_TITLES = {
    OpeningKind.INTERNSHIP: "Praktik som {title}",
    OpeningKind.WORK_TRAINING: "Arbetsträning som {title}",
    OpeningKind.EDUCATION: "Lärlingsplats som {title}",
}
NUMBER_PREFIXES = {"5": ("556", "559"), "2": ("212000",), "7": ("769",), "8": ("802",)}
LEGAL_SUFFIXES = (" ekonomisk förening (ASF)", " ekonomisk förening", " AB")


@dataclass
class DemoEmployer:
    public_id: uuid.UUID
    name: str
    trade: words.Trade
    stage: str
    owner: User
    place: str
    kommun_code: str
    domain: str
    first_day: date
    pk: int = 0
    supervisor_ids: list[int] = field(default_factory=list)
    tasks: list[LowThresholdTask] = field(default_factory=list)


def employers_load(ctx: Context) -> None:
    """Everything employer-side for ``ctx``'s organisation, ``ctx.employers`` employers and
    ``ctx.openings`` openings in all."""
    if not ctx.employers:
        return
    rng = random.Random(f"{ctx.seed}:{ctx.spec.key}:employers")
    employers = _employers_insert(ctx, rng)
    _supervisors_insert(ctx, rng, employers)
    _tasks_insert(ctx, rng, employers)
    _chain_insert(ctx, employers)
    _openings_insert(ctx, rng, employers)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", ascii_slug(text)).encode("ascii", "ignore").decode()


def _person(ctx: Context, rng: random.Random) -> tuple[str, str]:
    """Staff at Swedish workplaces: mostly Swedish-born, some from the local mix."""
    if rng.random() < 0.7:
        background = people.SWEDISH
    else:
        background = rng.choices([b for b, _ in ctx.spec.mix], [w for _, w in ctx.spec.mix])[0]
    return rng.choice(background.women + background.men), rng.choice(background.last_names)


def _phone(rng: random.Random) -> str:
    # The series PTS keeps for fiction, as for the participants.
    return f"070-174 06 {rng.randint(5, 99):02d}"


def _email(first: str, last: str, domain: str) -> str:
    return f"{_ascii(first)}.{_ascii(last)}@{domain}"


def _domain(name: str) -> str:
    """Kramfors Hemtjänst AB → kramforshemtjanst.example.com, whole words up to 24 letters."""
    base = name.split(",")[0]
    for suffix in LEGAL_SUFFIXES:
        base = base.removesuffix(suffix)
    parts = [part for part in _ascii(base).split(".") if part]
    label = parts[0]
    for part in parts[1:]:
        if len(label) + len(part) > 24:
            break
        label += part
    return f"{label}.example.com"


def organisation_number_make(rng: random.Random, form: str) -> str:
    """An invented number of the legal form: ten digits with the group digit first and a Luhn
    check digit, or a sole trader's twelve-digit personnummer."""
    if form == words.SOLE:
        born = date(rng.randint(1958, 1998), rng.randint(1, 12), rng.randint(1, 28))
        return identity_number_make(rng, birth_date=born, woman=rng.random() < 0.5)
    prefix = rng.choice(NUMBER_PREFIXES[form])
    nine = prefix + "".join(str(rng.randint(0, 9)) for _ in range(9 - len(prefix)))
    return f"{nine}{luhn_check_digit(nine)}"


def _employers_insert(ctx: Context, rng: random.Random) -> list[DemoEmployer]:
    spec, today = ctx.spec, ctx.today
    place_weights = [85] + [15 // max(1, len(spec.places) - 1)] * (len(spec.places) - 1)
    generated = [trade for trade in words.TRADES if trade.weight]
    trade_weights = [trade.weight for trade in generated]
    # The first generated employers are of the trades the value chain needs.
    chained = [
        words.TRADE[end.removeprefix("trade:")]
        for link in words.CHAINS[spec.key]
        for end in link[:2]
        if end.startswith("trade:")
    ]
    chained = list(dict.fromkeys(chained))
    named = list(spec.employers[: ctx.employers])
    used_names = {name for name, _ in named}
    used_numbers: set[str] = set()
    employers, rows, changes, contacts = [], [], [], []
    for index in range(ctx.employers):
        # The named employers are the ones in the organisation's own town.
        kommun, city, postal, streets = (
            spec.places[0] if index < len(named) else rng.choices(spec.places, place_weights)[0]
        )
        if index < len(named):
            name, _ = named[index]
            trade_key, form = words.NAMED[name]
            trade = words.TRADE[trade_key]
            stage_index = STAGES.index(rng.choice(NAMED_STAGES))
        else:
            serial = index - len(named)
            trade = (
                chained[serial]
                if serial < len(chained)
                else rng.choices(generated, trade_weights)[0]
            )
            name, form = _name(ctx, rng, trade, kommun, used_names)
            stage_index = rng.choices(range(len(STAGES)), STAGE_WEIGHTS)[0]
        number = organisation_number_make(rng, form)
        while number in used_numbers:
            number = organisation_number_make(rng, form)
        used_numbers.add(number)

        owner = rng.choice(ctx.coaches)
        first_days_ago = rng.randint(30 + 45 * stage_index, 120 + 150 * stage_index)
        first_day = today - timedelta(days=first_days_ago)
        offsets = [0, *sorted(rng.sample(range(1, first_days_ago), stage_index))]
        moments = [at(first_day + timedelta(days=offset), _clock(rng)) for offset in offsets]
        street = f"{rng.choice(streets)} {rng.randint(1, 80)}"
        postal_code = f"{postal} {rng.randint(30, 99)}"
        employer = DemoEmployer(
            public_id=uuid.uuid4(),
            name=name,
            trade=trade,
            stage=STAGES[stage_index],
            owner=owner,
            place=f"{street}, {postal_code} {city}",
            kommun_code=kommun,
            domain=_domain(name),
            first_day=first_day,
        )
        employers.append(employer)
        rows.append(
            {
                "organisation": ctx.organisation,
                "public_id": employer.public_id,
                "organisation_number": number,
                "name": name,
                "kind": trade.kind,
                "industry": _industry(ctx, trade),
                "size_band": rng.choice(("0", "1-9") if form == words.SOLE else trade.sizes),
                "street_address": street,
                "postal_code": postal_code,
                "city": city,
                "kommun_code": kommun,
                "stage": employer.stage,
                "owner": owner,
                "notes": rng.choice(words.EMPLOYER_NOTES) if rng.random() < 0.4 else "",
                "created_at": moments[0],
                "updated_at": moments[-1],
            }
        )
        for position, moment in enumerate(moments):
            notes = words.STAGE_NOTES[STAGES[position]]
            changes.append(
                {
                    "organisation": ctx.organisation,
                    "employer": employer,
                    "from_stage": STAGES[position - 1] if position else "",
                    "to_stage": STAGES[position],
                    "changed_at": moment,
                    "changed_by": owner,
                    "note": rng.choice(notes) if rng.random() < 0.6 else "",
                }
            )
        roles = rng.sample(trade.roles, min(len(trade.roles), rng.choices((1, 2), (65, 35))[0]))
        for role in roles:
            first, last = _person(ctx, rng)
            contacts.append(
                {
                    "organisation": ctx.organisation,
                    "employer": employer,
                    "name": f"{first} {last}",
                    "role": role,
                    "phone": _phone(rng) if rng.random() < 0.9 else "",
                    "email": _email(first, last, employer.domain) if rng.random() < 0.85 else "",
                }
            )

    rows_insert(Employer, rows)
    pks = dict(
        Employer.objects.filter(organisation=ctx.organisation).values_list("public_id", "pk")
    )
    for employer in employers:
        employer.pk = pks[employer.public_id]
    for row in (*changes, *contacts):
        row["employer"] = row["employer"].pk
    rows_insert(EmployerStageChange, changes)
    rows_insert(ContactPerson, contacts)
    return employers


def _name(ctx, rng, trade: words.Trade, kommun: str, used: set[str]) -> tuple[str, str]:
    """A name not yet taken and the legal form it implies; a few draws, then a number."""
    for _ in range(ATTEMPTS):
        pattern, form = rng.choice(trade.names)
        first, last = _person(ctx, rng)
        name = pattern.format(
            surname=possessive(last),
            first=first,
            place=rng.choice(words.DISTRICTS[kommun]),
            kommun=_kommun_genitive(kommun_name(kommun)),
            x=rng.choice(words.FANCY),
        )
        if name not in used:
            break
    candidate, number = name, 2
    while candidate in used:
        candidate = f"{name} {number}"
        number += 1
    used.add(candidate)
    return candidate, form


def _kommun_genitive(name: str) -> str:
    """Härnösand → Härnösands (kommun); Södertälje and Kramfors stay as they are."""
    return name if name[-1:].lower() in "aeiouyåäös" else f"{name}s"


def _clock(rng: random.Random) -> time:
    return time(rng.randint(8, 16), rng.choice((0, 15, 30, 45)))


def _industry(ctx: Context, trade: words.Trade) -> int | None:
    industries = ctx.catalogue.industries
    return next((industries[c] for c in industry_codes(trade) if c in industries), None)


def _supervisors_insert(ctx: Context, rng: random.Random, employers: list[DemoEmployer]) -> None:
    """One or two supervisors at each partner, two thirds of them trained."""
    supervisors, owners = [], []
    for employer in employers:
        if employer.stage not in (Stage.PARTNER, Stage.RECRUITING):
            continue
        for _ in range(rng.choices((1, 2), (60, 40))[0]):
            first, last = _person(ctx, rng)
            supervisors.append(
                Supervisor(
                    organisation=ctx.organisation,
                    employer_id=employer.pk,
                    name=f"{first} {last}",
                    title=rng.choice(employer.trade.supervisor_titles),
                    phone=_phone(rng),
                    email=_email(first, last, employer.domain),
                    capacity=rng.choice((1, 1, 2, 2, 3)),
                    notes=rng.choice(words.SUPERVISOR_NOTES) if rng.random() < 0.25 else "",
                )
            )
            owners.append(employer)
    Supervisor.objects.bulk_create(supervisors, batch_size=500)
    trainings = []
    for supervisor, employer in zip(supervisors, owners, strict=True):
        employer.supervisor_ids.append(supervisor.pk)
        if rng.random() < 2 / 3:
            trainings.append(
                {
                    "organisation": ctx.organisation,
                    "supervisor": supervisor.pk,
                    "course": "Handledarutbildning",
                    "completed_on": ctx.today - timedelta(days=rng.randint(20, 1100)),
                    "provider": rng.choice(words.TRAINING_PROVIDERS),
                }
            )
    rows_insert(SupervisorTraining, trainings)


def _tasks_insert(ctx: Context, rng: random.Random, employers: list[DemoEmployer]) -> None:
    """The organisation's low-threshold tasks, one to three at each of the employers that
    have shown interest, drawn from the kind of work each does."""
    target = ctx.spec.low_threshold_tasks
    hosts = [e for e in employers if STAGES.index(e.stage) >= 2] or list(employers)
    rng.shuffle(hosts)
    tasks: list[LowThresholdTask] = []
    for employer in hosts:
        if len(tasks) >= target:
            break
        pool = [task for task in words.TASKS if task.area in employer.trade.areas]
        pool = pool or [task for task in words.TASKS if task.area == "office"]
        days_known = (ctx.today - employer.first_day).days
        for task in rng.sample(pool, min(len(pool), rng.randint(1, 3), target - len(tasks))):
            item = LowThresholdTask(
                organisation=ctx.organisation,
                employer_id=employer.pk,
                title=task.title,
                description=task.description,
                done_today_by=task.done_today_by,
                hours_per_week=Decimal(task.hours),
                language_demand=task.language,
                physical_demands=task.physical,
                supervision=task.supervision,
                # Most are open to anyone: the project counts tasks offered regardless of gender.
                offered_to_everyone_regardless_of_gender=len(tasks) % 5 != 4,
                identified_on=ctx.today - timedelta(days=rng.randint(1, max(1, days_known - 1))),
                created_by=ctx.coaches[0] if rng.random() < 0.7 else employer.owner,
            )
            tasks.append(item)
            employer.tasks.append(item)
    LowThresholdTask.objects.bulk_create(tasks, batch_size=500)


def _chain_insert(ctx: Context, employers: list[DemoEmployer]) -> None:
    by_name = {employer.name: employer for employer in employers}
    named = {name for name, _ in ctx.spec.employers}
    for employer in employers:
        if employer.name not in named:
            by_name.setdefault(f"trade:{employer.trade.key}", employer)
    rows = [
        {
            "organisation": ctx.organisation,
            "supplier": by_name[supplier].pk,
            "customer": by_name[customer].pk,
            "role": role,
            "note": note,
        }
        for supplier, customer, role, note in words.CHAINS[ctx.spec.key]
        if supplier in by_name and customer in by_name
    ]
    rows_insert(ValueChainLink, rows)


def _openings_insert(ctx: Context, rng: random.Random, employers: list[DemoEmployer]) -> None:
    if not ctx.openings:
        return
    weights = [OPENING_WEIGHTS[employer.stage] for employer in employers]
    if not any(weights):
        weights = [1] * len(employers)
    cumulative = list(accumulate(weights))
    bundles = [employer for employer in employers if len(employer.tasks) >= 2]
    bundles = bundles[: min(ctx.spec.task_bundles, ctx.openings)]
    occupations = _occupations_by_trade(ctx)
    for start in range(0, ctx.openings, CHUNK):
        built = []
        for index in range(start, min(ctx.openings, start + CHUNK)):
            if index < len(bundles):
                built.append(_bundle_build(ctx, rng, bundles[index]))
            else:
                employer = employers[bisect(cumulative, rng.random() * cumulative[-1])]
                built.append(_opening_build(ctx, rng, employer, occupations))
        _openings_save(built)


def _occupations_by_trade(ctx: Context) -> dict[str, list]:
    known = ctx.catalogue.opening_occupations
    fallback = [occupation for occupation, _ in ctx.catalogue.occupations]
    return {
        trade.key: [known[label] for label in trade.occupations if label in known] or fallback
        for trade in words.TRADES
    }


@dataclass
class BuiltOpening:
    row: dict
    must: list[int]
    nice: list[int]
    changes: list[dict]
    tasks: list[LowThresholdTask]


def _opening_build(ctx, rng, employer: DemoEmployer, occupations) -> BuiltOpening:
    kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    if kind == OpeningKind.LOW_THRESHOLD:
        return _task_opening_build(ctx, rng, employer)
    job = kind == OpeningKind.JOB
    form = rng.choices([f for f, _ in FORMS], [w for _, w in FORMS])[0] if job else ""
    pool = occupations[employer.trade.key]
    occupation = rng.choice(pool) if pool else None
    label = occupation.label if occupation else ""
    short = words.TITLES.get(label, label.split("/")[0]) or "Medarbetare"
    lower = short[0].lower() + short[1:]
    if job:
        title = f"{short} – {FORM_TITLES[form]}" if form in FORM_TITLES else short
    else:
        title = KIND_TITLES[kind].format(title=lower)
    linked = ctx.catalogue.occupation_skills.get(occupation.pk, []) if occupation else []
    must = rng.sample(linked, min(len(linked), rng.randint(2, 4)))
    rest = [skill for skill in linked if skill not in must]
    nice = rng.sample(rest, min(len(rest), rng.randint(1, 3)))

    swedish = rng.choice(("A1", "A2", "A2", "B1", "B1", "B2")) if rng.random() < 0.5 else ""
    demands = "high" if label in words.HEAVY else "low" if label in words.LIGHT else "medium"
    status = rng.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0]
    row = {
        "kind": kind,
        "employment_form": form,
        "title": title,
        "description": rng.choice(words.DESCRIPTIONS[kind]).format(
            employer=employer.name, title=lower
        ),
        "occupation": occupation.pk if occupation else None,
        "swedish_level_needed": swedish,
        "offers_language_support": rng.random() < (0.5 if swedish != CefrLevel.B2 else 0.15),
        "driving_licence": words.DRIVERS.get(label) or ("B" if rng.random() < 0.08 else ""),
        "physical_demands": demands,
        "physical_demands_text": (
            rng.choice(words.PHYSICAL_TEXTS[demands]) if rng.random() < 0.4 else ""
        ),
        "hours_per_week": rng.choice(HOURS[kind]),
        "schedule": rng.choice(words.SCHEDULES),
        "workplace_accessibility": (rng.choice(words.ACCESSIBILITY) if rng.random() < 0.35 else ""),
        "places": rng.choices((1, 2, 3), (70, 20, 10))[0],
        "supervisor": _supervisor(rng, employer, kind),
    }
    return _with_history(ctx, rng, employer, row, status, must, nice, [])


def _task_opening_build(ctx, rng, employer: DemoEmployer) -> BuiltOpening:
    """A low-threshold opening for one simple task of the kind of work the employer does."""
    pool = [task for task in words.TASKS if task.area in employer.trade.areas]
    task = rng.choice(pool or [task for task in words.TASKS if task.area == "office"])
    row = {
        "kind": OpeningKind.LOW_THRESHOLD,
        "employment_form": "",
        "title": task.title,
        "description": (
            f"{task.description} I dag gör {task.done_today_by} detta vid sidan av sitt "
            "eget arbete; nu kan någon som vill komma igång ta över."
        ),
        "occupation": None,
        "swedish_level_needed": task.language,
        "offers_language_support": rng.random() < 0.5,
        "driving_licence": "",
        "physical_demands": task.physical,
        "physical_demands_text": "",
        "hours_per_week": rng.choice(HOURS[OpeningKind.LOW_THRESHOLD]),
        "schedule": rng.choice(words.SCHEDULES),
        "workplace_accessibility": (rng.choice(words.ACCESSIBILITY) if rng.random() < 0.35 else ""),
        "places": 1,
        "supervisor": _supervisor(rng, employer, OpeningKind.LOW_THRESHOLD),
    }
    status = rng.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0]
    return _with_history(ctx, rng, employer, row, status, [], [], [])


def _bundle_build(ctx, rng, employer: DemoEmployer) -> BuiltOpening:
    """A low-threshold opening made of the tasks identified at one employer."""
    tasks = employer.tasks
    titles = [task.title[0].lower() + task.title[1:] for task in tasks]
    listed = f"{', '.join(titles[:-1])} och {titles[-1]}"
    hours = sum(task.hours_per_week for task in tasks)
    people_now = sorted({task.done_today_by for task in tasks})
    row = {
        "kind": OpeningKind.LOW_THRESHOLD,
        "employment_form": "",
        "title": f"Lågtröskeljobb hos {employer.name}",
        "description": (
            f"Uppgifter som i dag tar tid från {' och '.join(people_now)}: {listed}. "
            f"I dag tar de ungefär {hours:.0f} timmar i veckan; den som tar över gör dem i "
            "egen takt och med stöd."
        ),
        "occupation": None,
        "swedish_level_needed": "",
        "offers_language_support": True,
        "driving_licence": "",
        "physical_demands": max((task.physical_demands for task in tasks), key=_demand_rank),
        "physical_demands_text": "",
        # A newcomer needs more time than the specialists do today.
        "hours_per_week": max(10, int(hours)),
        "schedule": rng.choice(words.SCHEDULES),
        "workplace_accessibility": rng.choice(words.ACCESSIBILITY),
        "places": 1,
        "supervisor": _supervisor(rng, employer, OpeningKind.LOW_THRESHOLD),
    }
    status = rng.choice((OpeningStatus.OPEN, OpeningStatus.FILLED))
    return _with_history(ctx, rng, employer, row, status, [], [], tasks)


def _demand_rank(demand: str) -> int:
    return ("low", "medium", "high").index(demand)


def _supervisor(rng, employer: DemoEmployer, kind: str) -> int | None:
    likely = 0.4 if kind == OpeningKind.JOB else 0.85
    if employer.supervisor_ids and rng.random() < likely:
        return rng.choice(employer.supervisor_ids)
    return None


def _status_path(rng, status: str) -> list[str]:
    draft, opened, filled, closed = (
        OpeningStatus.DRAFT,
        OpeningStatus.OPEN,
        OpeningStatus.FILLED,
        OpeningStatus.CLOSED,
    )
    if status == draft:
        return [draft]
    if status == opened:
        return [draft, opened, filled, opened] if rng.random() < 0.08 else [draft, opened]
    if status == filled:
        return [draft, opened, filled]
    return rng.choice(([draft, opened, closed], [draft, closed], [draft, opened, filled, closed]))


def _with_history(ctx, rng, employer, row, status, must, nice, tasks) -> BuiltOpening:
    """Adds where, when and the status history to ``row``."""
    path = _status_path(rng, status)
    moves = len(path) - 1
    days_ago = rng.randint(5 + 20 * moves, 60 + 120 * moves)
    created = ctx.today - timedelta(days=days_ago)
    offsets = [0, *sorted(rng.sample(range(1, days_ago), moves))]
    moments = [at(created + timedelta(days=offset), _clock(rng)) for offset in offsets]
    changes = []
    for position, moment in enumerate(moments):
        notes = words.STATUS_NOTES.get(path[position], ("",))
        changes.append(
            {
                "organisation": ctx.organisation,
                "from_status": path[position - 1] if position else "",
                "to_status": path[position],
                "changed_at": moment,
                "changed_by": employer.owner,
                "note": rng.choice(notes),
            }
        )
    kind = row["kind"]
    if status in (OpeningStatus.DRAFT, OpeningStatus.OPEN):
        starts = ctx.today + timedelta(days=rng.randint(7, 60))
    else:
        starts = moments[-1].date() + timedelta(days=rng.randint(-30, 21))
    if kind == OpeningKind.JOB:
        permanent = row["employment_form"] == EmploymentForm.ORDINARY and rng.random() < 0.6
        ends = None if permanent else starts + timedelta(weeks=52)
    else:
        ends = starts + timedelta(weeks=rng.choice(WEEKS[kind]))
    row.update(
        organisation=ctx.organisation,
        public_id=uuid.uuid4(),
        employer=employer.pk,
        place=employer.place,
        kommun_code=employer.kommun_code,
        starts_on=starts if rng.random() < 0.85 else None,
        ends_on=ends,
        status=status,
        created_at=moments[0],
        updated_at=moments[-1],
    )
    if row["starts_on"] is None:
        row["ends_on"] = None
    return BuiltOpening(row=row, must=must, nice=nice, changes=changes, tasks=tasks)


def _openings_save(built: list[BuiltOpening]) -> None:
    rows_insert(Opening, [opening.row for opening in built])
    pks = dict(
        Opening.objects.filter(
            public_id__in=[opening.row["public_id"] for opening in built]
        ).values_list("public_id", "pk")
    )
    must, nice, changes, tasks = [], [], [], []
    for opening in built:
        pk = pks[opening.row["public_id"]]
        must += [{"opening": pk, "skill": skill} for skill in opening.must]
        nice += [{"opening": pk, "skill": skill} for skill in opening.nice]
        changes += [{**change, "opening": pk} for change in opening.changes]
        tasks += [{"opening": pk, "lowthresholdtask": task.pk} for task in opening.tasks]
    rows_insert(Opening.must_have_skills.through, must)
    rows_insert(Opening.nice_to_have_skills.through, nice)
    rows_insert(OpeningStatusChange, changes)
    rows_insert(Opening.tasks.through, tasks)
