from collections.abc import Iterable
from typing import Any

from django.db import transaction

from baslager.accounts.models import User
from baslager.organisations.models import Membership

from . import identity
from .models import IdKind, Participant, ParticipantLanguage, SpecialCategoryData, WorkExperience
from .signals import participant_registered

PARTICIPANT_FIELDS = (
    "first_name",
    "last_name",
    "id_kind",
    "id_number",
    "email",
    "phone",
    "street_address",
    "postal_code",
    "city",
    "preferred_language",
    "needs_interpreter",
    "gender",
    "birth_date",
    "kommun_code",
    "labour_market_status",
    "unemployed_since",
    "entry_date",
)

MAPPING_FIELDS = (
    "education_level",
    "education_country",
    "driving_licences",
    "interests",
    "dreams_and_goals",
    "hours_per_week",
    "available_from",
    "available_days",
    "max_travel_km",
    "max_travel_minutes",
    "support_needs",
    "adaptations",
)

SPECIAL_CATEGORY_FIELDS = (
    "has_disability",
    "disability_description",
    "health_notes",
    "addiction_history",
    "country_of_birth",
    "foreign_background",
    "third_country_national",
    "minority",
    "arrived_in_sweden",
    "collection_attempted_at",
)


def _apply(instance, fields: Iterable[str], data: dict[str, Any]) -> None:
    for field in fields:
        if field in data:
            setattr(instance, field, data[field])


def _fill_identity(participant: Participant) -> None:
    """Keep the number consistent with its kind, and take the birth date from it when missing."""
    if participant.id_kind == IdKind.NONE:
        participant.id_number = ""
        return
    if participant.id_number and participant.birth_date is None:
        participant.birth_date = identity.parse(participant.id_number).birth_date


@transaction.atomic
def participant_register(
    *, membership: Membership, actor: User, data: dict[str, Any]
) -> Participant:
    """Intake: the participant joins the organisation with ``actor`` as coach; the phases put
    them in the first phase (``participant_registered``)."""
    participant = Participant(organisation=membership.organisation)
    _apply(participant, PARTICIPANT_FIELDS, data)
    _fill_identity(participant)
    participant.save()
    participant.coaches.add(actor)
    participant_registered.send(
        sender=Participant, participant=participant, membership=membership, actor=actor
    )
    return participant


@transaction.atomic
def participant_update(*, participant: Participant, data: dict[str, Any]) -> Participant:
    _apply(participant, PARTICIPANT_FIELDS, data)
    _fill_identity(participant)
    participant.save()
    return participant


def _save_rows(participant: Participant, saved: Iterable, deleted: Iterable) -> None:
    # Deletions first, so a language removed and added again in one go meets no unique clash.
    for row in deleted:
        if row.pk is not None and row.participant_id == participant.pk:
            row.delete()
    for row in saved:
        row.participant = participant
        row.organisation_id = participant.organisation_id
        row.save()


@transaction.atomic
def participant_languages_save(
    *,
    participant: Participant,
    saved: Iterable[ParticipantLanguage],
    deleted: Iterable[ParticipantLanguage] = (),
) -> None:
    _save_rows(participant, saved, deleted)


@transaction.atomic
def participant_experiences_save(
    *,
    participant: Participant,
    saved: Iterable[WorkExperience],
    deleted: Iterable[WorkExperience] = (),
) -> None:
    _save_rows(participant, saved, deleted)


@transaction.atomic
def participant_mapping_save(
    *,
    participant: Participant,
    data: dict[str, Any],
    languages: tuple[Iterable[ParticipantLanguage], Iterable[ParticipantLanguage]] = ((), ()),
    experiences: tuple[Iterable[WorkExperience], Iterable[WorkExperience]] = ((), ()),
) -> Participant:
    """Competence mapping: the participant's fields, skills, languages and experience at once."""
    _apply(participant, MAPPING_FIELDS, data)
    participant.save()
    if "skills" in data:
        participant.skills.set(data["skills"])
    participant_languages_save(participant=participant, saved=languages[0], deleted=languages[1])
    participant_experiences_save(
        participant=participant, saved=experiences[0], deleted=experiences[1]
    )
    return participant


@transaction.atomic
def participant_coaches_set(*, participant: Participant, coaches: Iterable[User]) -> Participant:
    participant.coaches.set(coaches)
    return participant


@transaction.atomic
def special_category_save(*, participant: Participant, data: dict[str, Any]) -> SpecialCategoryData:
    record = SpecialCategoryData.objects.filter(participant=participant).first()
    if record is None:
        record = SpecialCategoryData(
            participant=participant, organisation_id=participant.organisation_id
        )
    _apply(record, SPECIAL_CATEGORY_FIELDS, data)
    record.save()
    return record
