"""The objects of one chunk of participants, kept in memory until saved in bulk."""

from dataclasses import dataclass, field
from datetime import date

from baslager.accounts.models import User
from baslager.cases.models import CaseClosure
from baslager.journal.models import CaseNoteVersion
from baslager.organisations.models import Organisation
from baslager.participants.models import (
    Participant,
    ParticipantLanguage,
    SpecialCategoryData,
    WorkExperience,
)
from baslager.phases.models import Phase, PhaseTransition
from baslager.plans.models import (
    Attendance,
    Enrolment,
)

from .bulk import rows_insert
from .catalogue import Catalogue
from .organisations import OrganisationSpec
from .schedule import Scheduled


@dataclass
class Context:
    spec: OrganisationSpec
    organisation: Organisation
    phases: list[Phase]
    coaches: list[User]
    groups: list[dict[str, Scheduled]]
    catalogue: Catalogue
    today: date
    seed: int
    employers: int = 0
    openings: int = 0
    used_numbers: set[str] = field(default_factory=set)


@dataclass
class Batch:
    participants: list = field(default_factory=list)
    activities: list = field(default_factory=list)
    goals: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    occurrences: list = field(default_factory=list)
    rows: dict = field(default_factory=dict)

    def add(self, model, **values) -> None:
        self.rows.setdefault(model, []).append(values)

    def save(self) -> int:
        """Insert parents first so that children pick up their primary keys."""
        for rows in (self.participants, self.activities, self.goals, self.notes, self.occurrences):
            if rows:
                type(rows[0]).objects.bulk_create(rows, batch_size=500)
        order = (
            ParticipantLanguage,
            WorkExperience,
            SpecialCategoryData,
            PhaseTransition,
            Participant.coaches.through,
            Participant.skills.through,
            Enrolment,
            CaseNoteVersion,
            Attendance,
            CaseClosure,
        )
        for model in order:
            rows_insert(model, self.rows.get(model, []))
        return len(self.participants)
