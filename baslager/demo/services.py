"""Loading and removing the demo organisations.

``demo_data_load`` builds everything in memory and inserts it with ``bulk_create`` in chunks:
fast enough for 50,000 participants, and it leaves no audit log entries (bulk inserts send no
signals), which is right for invented data.
"""

import math
import random
from dataclasses import dataclass, field
from datetime import date

from auditlog.context import disable_auditlog
from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from baslager.accounts.models import User
from baslager.employers.models import Employer
from baslager.journal.models import CaseNote, CaseNoteVersion
from baslager.openings.models import Opening
from baslager.organisations.models import Membership, Organisation, OrganisationOwned, Role
from baslager.participants.models import Participant
from baslager.phases.models import Phase
from baslager.phases.services import phase_ladder_create_default
from baslager.plans.models import Activity, Occurrence
from baslager.taxonomy.models import Occupation

from . import people
from .batch import Batch, Context
from .catalogue import catalogue_read
from .employers import employers_load
from .generate import ascii_slug, participant_build
from .organisations import ALLA_KAN_ARBETA, ARBETSLIVSKRAFT, DEMO_ORGANISATIONS, PASSWORD
from .reminders import reminder_consents_load
from .schedule import group_activities
from .work import work_load

DEFAULT_PARTICIPANTS = 120
DEFAULT_EMPLOYERS = 80
DEFAULT_OPENINGS = 60
DEFAULT_SEED = 2014
CASELOAD = 40
CHUNK = 1000


class DemoDataMismatch(Exception):
    """The demo organisations exist with other numbers than asked for."""


@dataclass(frozen=True)
class Login:
    email: str
    role: str
    organisation: str
    password: str = PASSWORD


@dataclass
class DemoResult:
    created: bool
    participants: dict[str, int]
    logins: list[Login]
    extra_coaches: dict[str, int] = field(default_factory=dict)
    employers: dict[str, int] = field(default_factory=dict)
    openings: dict[str, int] = field(default_factory=dict)


def demo_split(*, total: int, default: int) -> dict[str, int]:
    """Half each up to the default; beyond it, nine in ten go to Arbetslivskraft."""
    alla = total // 2 if total <= default else default // 2 + (total - default) // 10
    return {ARBETSLIVSKRAFT.name: total - alla, ALLA_KAN_ARBETA.name: alla}


def demo_participant_split(*, total: int) -> dict[str, int]:
    return demo_split(total=total, default=DEFAULT_PARTICIPANTS)


def _demo_counts(model) -> dict[str, int]:
    """Rows of ``model`` per demo organisation that exists."""
    return {
        organisation.name: model.objects.filter(organisation=organisation).count()
        for organisation in Organisation.objects.filter(
            name__in=[spec.name for spec in DEMO_ORGANISATIONS]
        )
    }


def demo_participant_counts() -> dict[str, int]:
    """Participants per demo organisation that exists."""
    return _demo_counts(Participant)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {counts.get(name, 0)}" for name in sorted(counts))


def demo_logins() -> list[Login]:
    return [
        Login(staff.email, str(Role(staff.role).label), spec.name)
        for spec in DEMO_ORGANISATIONS
        for staff in spec.staff
    ]


def demo_data_load(
    *,
    participants: int | None = None,
    employers: int | None = None,
    openings: int | None = None,
    seed: int = DEFAULT_SEED,
    reset: bool = False,
    today: date | None = None,
) -> DemoResult:
    """Create the two demo organisations, unless they are there already.

    Asked for no particular numbers, existing demo data is left alone. Asked for a number of
    participants, employers or openings that differs from what exists, it raises
    ``DemoDataMismatch`` unless ``reset`` is given.
    """
    asked = {"participants": participants, "employers": employers, "openings": openings}
    defaults = {
        "participants": DEFAULT_PARTICIPANTS,
        "employers": DEFAULT_EMPLOYERS,
        "openings": DEFAULT_OPENINGS,
    }
    wanted = {
        what: demo_split(total=defaults[what] if number is None else number, default=defaults[what])
        for what, number in asked.items()
    }
    present = {
        "participants": demo_participant_counts(),
        "employers": _demo_counts(Employer),
        "openings": _demo_counts(Opening),
    }
    if present["participants"] and not reset:
        for what, number in asked.items():
            if number is not None and present[what] != wanted[what]:
                raise DemoDataMismatch(
                    f"The demo organisations have {present[what]} {what}, not {wanted[what]}."
                )
        return DemoResult(
            created=False,
            participants=present["participants"],
            logins=demo_logins(),
            employers=present["employers"],
            openings=present["openings"],
        )
    if not Occupation.objects.exists():
        call_command("load_taxonomy_starter", verbosity=0)
    with transaction.atomic():
        # Also clears demo staff left behind if the organisations were removed by hand.
        demo_data_delete()
        today = today or timezone.localdate()
        catalogue = catalogue_read()
        password = make_password(PASSWORD)
        extra = {}
        for spec in DEMO_ORGANISATIONS:
            extra[spec.name] = _organisation_load(
                spec,
                count=wanted["participants"][spec.name],
                employers=wanted["employers"][spec.name],
                openings=wanted["openings"][spec.name],
                seed=seed,
                today=today,
                catalogue=catalogue,
                password=password,
            )
    return DemoResult(
        created=True,
        participants=wanted["participants"],
        logins=demo_logins(),
        extra_coaches=extra,
        employers=wanted["employers"],
        openings=wanted["openings"],
    )


def _organisation_load(
    spec, *, count, employers, openings, seed, today, catalogue, password
) -> int:
    organisation = Organisation.objects.create(
        name=spec.name,
        kommun_code=spec.kommun_code,
        coaches_see_all_participants=spec.coaches_see_all_participants,
    )
    phases = phase_ladder_create_default(organisation=organisation)
    users = _staff_create(spec, organisation, count=count, password=password)
    coaches = [user for user, role in users if role == Role.COACH]
    groups = []
    for index, coach in enumerate(coaches):
        group = group_activities(
            organisation=organisation, spec=spec, coach=coach, index=index, today=today
        )
        Activity.objects.bulk_create([scheduled.activity for scheduled in group.values()])
        Occurrence.objects.bulk_create(
            [occ for scheduled in group.values() for _, _, occ in scheduled.occurrences],
            batch_size=500,
        )
        groups.append(group)
    context = Context(
        spec=spec,
        organisation=organisation,
        phases=phases,
        coaches=coaches,
        groups=groups,
        catalogue=catalogue,
        today=today,
        seed=seed,
        employers=employers,
        openings=openings,
    )
    rng = random.Random(f"{seed}:{spec.key}")
    for start in range(0, count, CHUNK):
        batch = Batch()
        for index in range(start, min(count, start + CHUNK)):
            participant_build(context, rng, index, batch)
        batch.save()
    employers_load(context)
    work_load(context)
    reminder_consents_load(context)
    named_coaches = sum(1 for staff in spec.staff if staff.role == Role.COACH)
    return len(coaches) - named_coaches


def _staff_create(spec, organisation, *, count, password) -> list[tuple[User, str]]:
    """The named logins, then as many more coaches as a caseload of about 40 needs."""
    staff = [(s.email, s.full_name, s.role, s.title) for s in spec.staff]
    named_coaches = sum(1 for s in spec.staff if s.role == Role.COACH)
    needed = max(spec.minimum_coaches, math.ceil(count / CASELOAD))
    emails = {email for email, *_ in staff}
    firsts, lasts = people.STAFF_FIRST_NAMES, people.STAFF_LAST_NAMES
    for number in range(needed - named_coaches):
        first = firsts[number % len(firsts)]
        last = lasts[(number // len(firsts) + number) % len(lasts)]
        email = f"{ascii_slug(first)}.{ascii_slug(last)}@{spec.domain}"
        suffix = 2
        while email in emails:
            email = f"{ascii_slug(first)}.{ascii_slug(last)}{suffix}@{spec.domain}"
            suffix += 1
        emails.add(email)
        staff.append((email, f"{first} {last}", Role.COACH, "Jobbcoach"))
    users = User.objects.bulk_create(
        [
            User(email=email, full_name=name, password=password, is_demo=True)
            for email, name, _, _ in staff
        ]
    )
    Membership.objects.bulk_create(
        Membership(user=user, organisation=organisation, role=role, title=title)
        for user, (_, _, role, title) in zip(users, staff, strict=True)
    )
    return [(user, role) for user, (_, _, role, _) in zip(users, staff, strict=True)]


def demo_data_delete() -> None:
    """Remove the demo organisations, their data and their staff, without audit entries."""
    organisations = list(
        Organisation.objects.filter(name__in=[spec.name for spec in DEMO_ORGANISATIONS])
    )
    domains = [spec.domain for spec in DEMO_ORGANISATIONS]
    with disable_auditlog(), transaction.atomic():
        CaseNoteVersion.objects.filter(note__organisation__in=organisations).delete()
        CaseNote.objects.filter(organisation__in=organisations).delete()
        Participant.objects.filter(organisation__in=organisations).delete()
        Activity.objects.filter(organisation__in=organisations).delete()
        # Whatever else other apps keep per organisation, before the phases they may point at.
        for model in apps.get_models():
            if issubclass(model, OrganisationOwned) and model is not Phase:
                model._default_manager.filter(organisation__in=organisations).delete()
        Phase.objects.filter(organisation__in=organisations).delete()
        Membership.objects.filter(organisation__in=organisations).delete()
        demo_staff = User.objects.filter(is_demo=True, memberships__isnull=True)
        for domain in domains:
            demo_staff.filter(email__endswith=f"@{domain}").delete()
        Organisation.objects.filter(pk__in=[o.pk for o in organisations]).delete()
