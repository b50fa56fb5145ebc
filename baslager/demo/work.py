"""The newest parts of a demo organisation: its project and who is in it, a call campaign, the
scout's leads and participants' placements.

Inserted in bulk like the rest of the demo, so no audit entries; drawn from a generator of its
own, so none of it changes the participants or employers. Runs after ``employers_load``.
"""

import random
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal

from auditlog.context import disable_auditlog

from baslager.accounts.models import User
from baslager.employers.models import Employer, Stage
from baslager.leads.models import Lead, LeadStatus
from baslager.openings.models import LowThresholdTask
from baslager.organisations.models import Membership, Role
from baslager.outreach.models import Campaign
from baslager.projects.models import Project

from . import employer_texts as words
from . import work_texts as says
from .batch import Context
from .bulk import rows_insert
from .catalogue import industry_codes
from .employers import organisation_number_make
from .schedule import at
from .work_calls import campaign_load
from .work_enrolments import enrolments_load
from .work_placements import placements_load


@dataclass(frozen=True)
class Crew:
    admin: User
    coach: User
    colleague: User
    # Only Arbetslivskraft has a scout; elsewhere a colleague does the scouting.
    scout: User | None


def work_load(ctx: Context) -> None:
    rng = random.Random(f"{ctx.seed}:{ctx.spec.key}:work")
    crew = _crew(ctx)
    _project_insert(ctx)
    enrolments_load(ctx)
    employers = list(Employer.objects.filter(organisation=ctx.organisation).order_by("pk"))
    if employers:
        campaign_load(ctx, rng, crew, employers)
        _leads_insert(ctx, rng, crew, employers)
    with disable_auditlog():
        placements_load(ctx, rng, crew)


def _crew(ctx: Context) -> Crew:
    by_role: dict[str, list[User]] = {}
    for membership in Membership.objects.filter(organisation=ctx.organisation).select_related(
        "user"
    ):
        by_role.setdefault(membership.role, []).append(membership.user)
    coaches = ctx.coaches
    scouts = by_role.get(Role.SCOUT, [])
    return Crew(
        admin=by_role[Role.ADMIN][0],
        coach=coaches[0],
        colleague=coaches[1] if len(coaches) > 1 else coaches[0],
        scout=scouts[0] if scouts else None,
    )


def project_period(key: str, today: date) -> tuple[date, date]:
    """Whole years from the year before today's, so the project is always running: Alla kan
    arbeta's 2024-01-01 to 2026-12-31 when today is in 2025."""
    spec = says.PROJECTS[key]
    starts = date(today.year - 1, spec["first_month"], 1)
    ends = date(starts.year + spec["years"], starts.month, 1) - timedelta(days=1)
    return starts, ends


def _project_insert(ctx: Context) -> None:
    spec = says.PROJECTS.get(ctx.spec.key)
    if spec is None:
        return
    starts, ends = project_period(ctx.spec.key, ctx.today)
    rows_insert(
        Project,
        [
            {
                "organisation": ctx.organisation,
                "name": spec["name"],
                "funder": spec["funder"],
                "funder_details": spec["funder_details"],
                "reference_number": spec["reference"].format(year=starts.year - 1),
                "starts_on": starts,
                "ends_on": ends,
                "planned_participants": spec["planned_participants"],
                "target_groups": spec["target_groups"],
                "purpose": spec["purpose"],
                "budget": Decimal(spec["budget"]),
                "created_at": at(starts - timedelta(days=40), time(10, 0)),
            }
        ],
    )
    project = Project.objects.get(organisation=ctx.organisation)
    # The tasks found while the project runs count towards it.
    LowThresholdTask.objects.filter(
        organisation=ctx.organisation, identified_on__gte=starts, identified_on__lte=ends
    ).update(project=project)


def _leads_insert(ctx: Context, rng: random.Random, crew: Crew, employers: list[Employer]) -> None:
    """Leads found by the scout (or, without one, a colleague): some new, some checked against
    the register, and one turned down."""
    finder = crew.scout or crew.colleague
    reviewer = crew.coach if finder != crew.coach else crew.admin
    now = at(ctx.today, time(8, 0))
    kommun, city, _postal, streets = ctx.spec.places[0]
    taken = {employer.organisation_number for employer in employers}
    rows = []
    # Leads the finder came across while calling count in the campaign's statistics.
    campaign = Campaign.objects.filter(organisation=ctx.organisation, callers=finder).first()

    def add(days_ago: int, values: dict, decided: dict | None = None) -> None:
        created = now - timedelta(days=days_ago, hours=rng.randint(0, 6))
        row = {
            "organisation": ctx.organisation,
            "found_by": finder,
            "campaign": campaign if campaign and created >= campaign.created_at else None,
            "created_at": created,
            "status": LeadStatus.NEW,
            **values,
        }
        if decided:
            row.update(decided, reviewed_by=reviewer, reviewed_at=created + timedelta(days=2))
        rows.append(row)

    def invented(name: str, trade_key: str, reason: str, role: str) -> dict:
        number = organisation_number_make(rng, "5")
        while number in taken:
            number = organisation_number_make(rng, "5")
        taken.add(number)
        first, last = (
            rng.choice(("Sara", "Johan", "Aylin", "Mehmet", "Linnea")),
            rng.choice(("Holm", "Åkesson", "Demir", "Karlsson", "Nyberg")),
        )
        return {
            "employer_name": name,
            "organisation_number": number,
            "kommun_code": kommun,
            "industry": _industry(ctx, trade_key),
            "street_address": f"{rng.choice(streets)} {rng.randint(1, 60)}",
            "city": city,
            "contact_name": f"{first} {last} ({role.lower()})",
            "contact_phone": f"070-174 06 {rng.randint(5, 99):02d}",
            "reason": reason,
        }

    for position, lead in enumerate(says.LEADS.get(ctx.spec.key, ())):
        add(1 + 4 * position, invented(*lead))
    # Employers already in the register that the finder spotted anew: the coach linked them.
    known = [e for e in employers if e.stage in (Stage.IDENTIFIED, Stage.CONTACTED)]
    wanted = 2 if crew.scout else 1
    for position, employer in enumerate(rng.sample(known, min(wanted, len(known)))):
        values = {
            "employer_name": employer.name,
            "organisation_number": employer.organisation_number,
            "kommun_code": employer.kommun_code,
            "industry": employer.industry_id,
            "street_address": employer.street_address,
            "city": employer.city,
            "reason": says.VERIFIED_REASONS[position],
        }
        add(18 + 9 * position, values, {"status": LeadStatus.VERIFIED, "employer": employer})
    if crew.scout:
        *lead, rejection = says.REJECTED[0]
        add(26, invented(*lead), {"status": LeadStatus.REJECTED, "rejection_reason": rejection})
    rows_insert(Lead, [{**_LEAD_BLANKS, **row} for row in rows])


_LEAD_BLANKS = {
    "contact_name": "",
    "contact_phone": "",
    "contact_email": "",
    "reviewed_by": None,
    "reviewed_at": None,
    "rejection_reason": "",
    "employer": None,
    "campaign": None,
}


def _industry(ctx: Context, trade_key: str) -> int | None:
    industries = ctx.catalogue.industries
    codes = industry_codes(words.TRADE[trade_key])
    return next((industries[code] for code in codes if code in industries), None)
