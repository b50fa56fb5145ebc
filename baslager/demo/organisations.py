"""The two demo organisations, their staff logins and where they work."""

from dataclasses import dataclass

from baslager.organisations.models import Role

from . import people, texts

PASSWORD = "baslager-demo"


@dataclass(frozen=True)
class Staff:
    email: str
    full_name: str
    role: str
    title: str


@dataclass(frozen=True)
class OrganisationSpec:
    key: str
    name: str
    kommun_code: str
    coaches_see_all_participants: bool
    domain: str
    staff: tuple[Staff, ...]
    minimum_coaches: int
    mix: tuple
    places: tuple
    employers: tuple
    venue: str
    work_training: str
    employed_share: float
    inactive_share: float
    # Low-threshold tasks identified at the employers, and how many become openings together.
    low_threshold_tasks: int
    task_bundles: int


ARBETSLIVSKRAFT = OrganisationSpec(
    key="arbetslivskraft",
    name="Arbetslivskraft (demo)",
    kommun_code="0181",
    coaches_see_all_participants=False,
    domain="arbetslivskraft.example",
    staff=(
        Staff("admin@arbetslivskraft.example", "Helena Sjöberg", Role.ADMIN, "Verksamhetsansvarig"),
        Staff("coach@arbetslivskraft.example", "Karin Nilsson", Role.COACH, "Jobbcoach"),
        Staff("scout@arbetslivskraft.example", "Ahmed Yousef", Role.SCOUT, "Arbetsgivarkontakt"),
        Staff("viewer@arbetslivskraft.example", "Lena Berg", Role.VIEWER, "Styrelseledamot"),
        Staff("leila.haddad@arbetslivskraft.example", "Leila Haddad", Role.COACH, "Resursmäklare"),
        Staff("mikael.lund@arbetslivskraft.example", "Mikael Lund", Role.COACH, "Jobbcoach"),
    ),
    minimum_coaches=3,
    mix=people.ARBETSLIVSKRAFT_MIX,
    places=texts.PLACES_SODERTALJE,
    employers=texts.EMPLOYERS_SODERTALJE,
    venue="Arbetslivskrafts lokal, Storgatan 14, Södertälje",
    work_training="Arbetslivskrafts second hand-butik",
    employed_share=0.02,
    inactive_share=0.13,
    low_threshold_tasks=4,
    task_bundles=1,
)

ALLA_KAN_ARBETA = OrganisationSpec(
    key="allakanarbeta",
    name="Alla kan arbeta (demo)",
    kommun_code="2280",
    coaches_see_all_participants=True,
    domain="allakanarbeta.example",
    staff=(
        Staff("admin@allakanarbeta.example", "Eva Lindholm", Role.ADMIN, "Projektledare"),
        Staff(
            "coach@allakanarbeta.example", "Anders Öberg", Role.COACH, "Sysselsättningskoordinator"
        ),
        Staff("fatuma.abdi@allakanarbeta.example", "Fatuma Abdi", Role.COACH, "Jobbcoach"),
    ),
    minimum_coaches=2,
    mix=people.ALLA_KAN_ARBETA_MIX,
    places=texts.PLACES_HARNOSAND,
    employers=texts.EMPLOYERS_HARNOSAND,
    venue="Mötesplatsen, Nybrogatan 5, Härnösand",
    work_training="Mötesplatsens kafé",
    employed_share=0.02,
    inactive_share=0.38,
    # The project's goal is 20 tasks offered to everyone regardless of gender; 16 found so far.
    low_threshold_tasks=16,
    task_bundles=3,
)

DEMO_ORGANISATIONS = (ARBETSLIVSKRAFT, ALLA_KAN_ARBETA)
