"""One search over participants, employers, openings and projects, grouped by kind.

Each kind is searched with the selector its own list page uses, so the search finds what the list
would, through the same access mechanism; a kind a role may not open is not searched at all.
Identity numbers (and organisation numbers, which for a sole trader are one) come only from a
POST body, never from an address that ends up in logs and browser history.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from baslager.employers.selectors import employer_list, employer_with_number
from baslager.openings.selectors import opening_list
from baslager.organisations.access import scoped
from baslager.organisations.models import Membership, Role
from baslager.participants import identity
from baslager.participants.selectors import participant_list, participant_visible_by_id_number
from baslager.projects.models import Project

# Each group shows this many hits, then a link to the whole list.
PER_GROUP = 5
# A query of digits (with spaces, dashes or a plus) this long is a number, not a name.
_NUMBER = re.compile(r"^[\d\s+-]+$")
NUMBER_DIGITS = 6

PARTICIPANTS, EMPLOYERS, OPENINGS, PROJECTS = "participants", "employers", "openings", "projects"
KIND_LABELS = {
    PARTICIPANTS: _("Participants"),
    EMPLOYERS: _("Employers"),
    OPENINGS: _("Openings"),
    PROJECTS: _("Projects"),
}
# The kinds each role may open, as on their list pages.
KINDS_BY_ROLE = {
    Role.ADMIN: (PARTICIPANTS, EMPLOYERS, OPENINGS, PROJECTS),
    Role.COACH: (PARTICIPANTS, EMPLOYERS, OPENINGS, PROJECTS),
    Role.SCOUT: (EMPLOYERS, OPENINGS, PROJECTS),
    Role.VIEWER: (PROJECTS,),
}


def kinds_for(membership: Membership | None) -> tuple[str, ...]:
    return KINDS_BY_ROLE.get(membership.role, ()) if membership else ()


def is_number(query: str) -> bool:
    """Whether ``query`` is a number (identity or organisation number), to be sent by POST."""
    return bool(_NUMBER.match(query)) and len(re.sub(r"\D", "", query)) >= NUMBER_DIGITS


@dataclass(frozen=True)
class Hit:
    title: str
    detail: str
    url: str


@dataclass(frozen=True)
class Group:
    kind: str
    hits: list[Hit]
    has_more: bool
    all_url: str

    @property
    def label(self) -> str:
        return str(KIND_LABELS[self.kind])


def _list_url(name: str, query: str = "") -> str:
    url = reverse(name)
    return f"{url}?{urlencode({'q': query})}" if query else url


def _group(kind: str, rows: list, to_hit, all_url: str) -> Group:
    return Group(
        kind=kind,
        hits=[to_hit(row) for row in rows[:PER_GROUP]],
        has_more=len(rows) > PER_GROUP,
        all_url=all_url,
    )


def _participant_hit(participant) -> Hit:
    return Hit(
        title=participant.full_name,
        detail=participant.current_phase.name if participant.current_phase else "",
        url=reverse("participants:detail", kwargs={"participant": participant.public_id}),
    )


def _employer_hit(employer) -> Hit:
    return Hit(
        title=employer.name,
        detail=" · ".join(filter(None, [employer.organisation_number_display, employer.city])),
        url=reverse("employers:detail", kwargs={"employer": employer.public_id}),
    )


def _opening_hit(opening) -> Hit:
    return Hit(
        title=opening.title,
        detail=f"{opening.employer.name} · {opening.get_status_display()}",
        url=reverse("openings:detail", kwargs={"opening": opening.public_id}),
    )


def _project_hit(project) -> Hit:
    return Hit(
        title=project.name,
        detail=project.reference_number,
        url=reverse("projects:detail", kwargs={"project": project.pk}),
    )


def search_by_name(*, membership: Membership, query: str) -> list[Group]:
    """Participants by name, employers by name, openings by title or occupation and projects by
    name or reference number, each kind the member may open, in a fixed number of queries (one
    per kind). Kinds without hits are left out."""
    kinds = kinds_for(membership)
    if not query.split() or is_number(query):
        return []
    take = PER_GROUP + 1
    groups = []
    if PARTICIPANTS in kinds:
        rows = list(
            participant_list(membership=membership, search=query).prefetch_related(None)[:take]
        )
        groups.append(
            _group(PARTICIPANTS, rows, _participant_hit, _list_url("participants:list", query))
        )
    if EMPLOYERS in kinds:
        rows = list(employer_list(membership=membership, search=query)[:take])
        groups.append(_group(EMPLOYERS, rows, _employer_hit, _list_url("employers:list", query)))
    if OPENINGS in kinds:
        rows = list(
            opening_list(membership=membership, search=query)
            .select_related("employer")
            .prefetch_related(None)[:take]
        )
        groups.append(_group(OPENINGS, rows, _opening_hit, _list_url("openings:list", query)))
    if PROJECTS in kinds:
        projects = scoped(Project, membership)
        for word in query.split():
            projects = projects.filter(
                Q(name__icontains=word) | Q(reference_number__icontains=word)
            )
        rows = list(projects.order_by("name", "pk")[:take])
        groups.append(_group(PROJECTS, rows, _project_hit, _list_url("projects:list")))
    return [group for group in groups if group.hits]


def search_by_number(*, membership: Membership, number: str) -> list[Group]:
    """The participant with this identity number and the employer with this organisation number,
    among those the member may open."""
    kinds = kinds_for(membership)
    groups = []
    if PARTICIPANTS in kinds:
        try:
            digits = identity.parse(number).digits
        except ValidationError:
            digits = ""
        found = digits and participant_visible_by_id_number(membership=membership, id_number=digits)
        if found:
            groups.append(
                _group(PARTICIPANTS, [found], _participant_hit, _list_url("participants:list"))
            )
    if EMPLOYERS in kinds:
        employer = employer_with_number(
            membership=membership, organisation_number=re.sub(r"\D", "", number)
        )
        if employer:
            groups.append(_group(EMPLOYERS, [employer], _employer_hit, _list_url("employers:list")))
    return groups
