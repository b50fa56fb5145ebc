from django.db.models import Prefetch, Q, QuerySet

from baslager.accounts.models import User
from baslager.organisations.access import get_scoped_or_404, may_read_restricted, scoped
from baslager.organisations.models import Membership, Organisation, Role

from .models import Participant, ParticipantLanguage, SpecialCategoryData, WorkExperience

COACH_ROLES = (Role.ADMIN, Role.COACH)


def participant_list(*, membership: Membership, search: str = "") -> QuerySet[Participant]:
    """The participants ``membership`` may see, for a list: phase and coaches in fixed queries."""
    queryset = (
        scoped(Participant, membership)
        .select_related("current_phase")
        .prefetch_related(Prefetch("coaches", queryset=User.objects.order_by("full_name")))
    )
    for word in search.split():
        queryset = queryset.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    return queryset.order_by("last_name", "first_name", "pk")


def participant_detail(*, membership: Membership, public_id) -> Participant:
    """One participant with everything their page shows, in a fixed number of queries."""
    queryset = Participant.objects.select_related(
        "current_phase", "education_level"
    ).prefetch_related(
        Prefetch(
            "languages",
            queryset=ParticipantLanguage.objects.select_related("language").order_by(
                "language__label"
            ),
        ),
        Prefetch(
            "experiences",
            queryset=WorkExperience.objects.select_related("occupation").order_by("pk"),
        ),
        "skills",
        Prefetch("coaches", queryset=User.objects.order_by("full_name")),
    )
    return get_scoped_or_404(queryset, membership, public_id=public_id)


def participant_for_membership(*, membership: Membership, public_id) -> Participant:
    return get_scoped_or_404(Participant, membership, public_id=public_id)


def participant_by_id_number(*, organisation: Organisation, id_number: str) -> Participant | None:
    """Whoever in the organisation holds ``id_number``, visible to the caller or not: a duplicate
    must be caught even when the coach cannot see the other participant."""
    return Participant.objects.filter(organisation=organisation, id_number=id_number).first()


def coach_candidates(*, organisation: Organisation) -> QuerySet[User]:
    """Members who may coach participants in ``organisation``."""
    return (
        User.objects.filter(
            memberships__organisation=organisation, memberships__role__in=COACH_ROLES
        )
        .distinct()
        .order_by("full_name")
    )


def participant_visible_by_id_number(*, membership: Membership, id_number: str):
    # Ordered by pk, not by name, so the database looks the number up in its index instead of
    # walking the organisation's names in order.
    return scoped(Participant, membership).filter(id_number=id_number).order_by("pk").first()


def may_read_special_category(*, membership: Membership, participant: Participant) -> bool:
    return may_read_restricted(membership, participant)


def special_category_data(
    *, membership: Membership, participant: Participant
) -> SpecialCategoryData | None:
    """The participant's special-category data, or None when none is recorded or it is out of
    ``membership``'s reach; callers check ``may_read_special_category`` first to tell them apart."""
    return scoped(SpecialCategoryData, membership).filter(participant=participant).first()
