"""Participant records for the tests: a complete, unremarkable participant unless told."""

from dataclasses import replace
from datetime import date
from itertools import count

from baslager.esf.records import EntryStatus, Gender, Isced, ParticipantRecord

_ids = count(1)


def record(**fields) -> ParticipantRecord:
    base = ParticipantRecord(
        person_id=next(_ids),
        gender=Gender.WOMAN,
        birth_date=date(1990, 6, 15),
        entry_date=date(2025, 3, 10),
        exit_date=None,
        entry_status=EntryStatus.UNEMPLOYED,
        isced=Isced.UPPER_OR_POST_SECONDARY,
    )
    return replace(base, **fields)
