"""The people every test can use: one organisation with each role, and an outsider.

Like healthchecks' alice/bob/charlie: ``home`` is the organisation under test,
``other`` is a second organisation whose members must never see ``home``'s data.
"""

from dataclasses import dataclass

from baslager.accounts.models import User
from baslager.organisations.models import Membership, Organisation, Role
from baslager.participants.models import Participant
from baslager.phases.services import phase_ladder_create_default


@dataclass
class World:
    home: Organisation
    other: Organisation
    admin: User
    coach: User
    colleague: User
    scout: User
    viewer: User
    outsider: User
    participant: Participant
    colleagues_participant: Participant
    outsiders_participant: Participant


def make_user(organisation: Organisation, role: str, email: str, name: str) -> User:
    user = User.objects.create_user(email, "correct horse battery staple", full_name=name)
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


def membership_of(user: User, organisation: Organisation | None = None) -> Membership:
    """The user's membership (of ``organisation``, for someone in several)."""
    memberships = Membership.objects.select_related("organisation").filter(user=user)
    if organisation is not None:
        memberships = memberships.filter(organisation=organisation)
    return memberships.get()


def make_participant(organisation: Organisation, *coaches: User, **fields) -> Participant:
    fields.setdefault("first_name", "Amina")
    fields.setdefault("last_name", "Testsson")
    phase = organisation_first_phase(organisation)
    participant = Participant.objects.create(
        organisation=organisation, current_phase=phase, **fields
    )
    participant.coaches.set(coaches)
    return participant


def organisation_first_phase(organisation: Organisation):
    from baslager.phases.models import Phase

    return Phase.objects.filter(organisation=organisation).order_by("position").first()


def build_world() -> World:
    home = Organisation.objects.create(name="Hemmaorganisationen", kommun_code="0181")
    other = Organisation.objects.create(name="Andra organisationen", kommun_code="2280")
    phase_ladder_create_default(organisation=home)
    phase_ladder_create_default(organisation=other)
    admin = make_user(home, Role.ADMIN, "admin@home.example", "Alma Admin")
    coach = make_user(home, Role.COACH, "coach@home.example", "Cecilia Coach")
    colleague = make_user(home, Role.COACH, "colleague@home.example", "Kalle Kollega")
    scout = make_user(home, Role.SCOUT, "scout@home.example", "Sam Scout")
    viewer = make_user(home, Role.VIEWER, "viewer@home.example", "Vera Viewer")
    outsider = make_user(other, Role.ADMIN, "admin@other.example", "Olle Outsider")
    return World(
        home=home,
        other=other,
        admin=admin,
        coach=coach,
        colleague=colleague,
        scout=scout,
        viewer=viewer,
        outsider=outsider,
        participant=make_participant(home, coach, first_name="Amina", last_name="Hassan"),
        colleagues_participant=make_participant(
            home, colleague, first_name="Bertil", last_name="Berg"
        ),
        outsiders_participant=make_participant(
            other, outsider, first_name="Olga", last_name="Annan"
        ),
    )
