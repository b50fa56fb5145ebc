"""Reads: a participant's assessments over time, and the derived "increased perceived
employability" that the project targets and funder reports count."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Avg, Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from baslager.core.secret_links import token_hash
from baslager.organisations.access import get_scoped_or_404, scoped
from baslager.organisations.models import Membership
from baslager.participants.models import Participant
from baslager.projects.models import Project

from .models import (
    DEFAULT_INCREASE_THRESHOLD,
    Answer,
    Assessment,
    AssessmentLink,
    Occasion,
    Question,
    Questionnaire,
)


def employability_increased(
    participant: Participant,
    project: Project | None = None,
    between: tuple[date | None, date | None] | None = None,
    *,
    threshold: Decimal | None = None,
) -> bool | None:
    """Whether the participant's perceived employability increased.

    Compares the average answer (1–5, questions left unanswered not counted) of the first
    assessment made at entry with that of the last one made at exit or, without one, the latest
    assessment after the entry one. True when it rose by at least ``threshold`` (by default the
    organisation's setting, 0.5 unless changed), False otherwise; None when there is no entry
    assessment or nothing after it, so the participant is left out rather than counted as "no".

    ``project`` counts only assessments made for that project; ``between = (first day, last
    day)`` only those answered in that period (either end may be None). The caller has already
    decided the participant may be counted: for many participants use
    ``employability_increased_for``, which takes a constant number of queries.
    """
    return employability_increased_for(
        [participant.pk],
        organisation_id=participant.organisation_id,
        project=project,
        between=between,
        threshold=threshold,
    )[participant.pk]


def employability_increased_for(
    participant_ids: Iterable[int],
    *,
    organisation_id: int,
    project: Project | None = None,
    between: tuple[date | None, date | None] | None = None,
    threshold: Decimal | None = None,
) -> dict[int, bool | None]:
    """``employability_increased`` for many participants of one organisation, in two queries:
    participant pk → True, False or None."""
    ids = list(participant_ids)
    if threshold is None:
        threshold = increase_threshold(organisation_id=organisation_id)
    rows = (
        Assessment.objects.filter(organisation_id=organisation_id, participant_id__in=ids)
        .annotate(average=Avg("answers__value"))
        .filter(average__isnull=False)
        .order_by("answered_on", "pk")
        .values_list("participant_id", "occasion", "average")
    )
    if project is not None:
        rows = rows.filter(project=project)
    if between is not None:
        first_day, last_day = between
        if first_day is not None:
            rows = rows.filter(answered_on__gte=first_day)
        if last_day is not None:
            rows = rows.filter(answered_on__lte=last_day)
    history: dict[int, list[tuple[str, Decimal]]] = {pk: [] for pk in ids}
    for participant_id, occasion, average in rows:
        history[participant_id].append((occasion, Decimal(str(average))))
    return {pk: _increased(history[pk], threshold) for pk in ids}


def _increased(history: list[tuple[str, Decimal]], threshold: Decimal) -> bool | None:
    entry_at = next(
        (i for i, (occasion, _) in enumerate(history) if occasion == Occasion.ENTRY), None
    )
    if entry_at is None:
        return None
    later = history[entry_at + 1 :]
    if not later:
        return None
    exits = [average for occasion, average in later if occasion == Occasion.EXIT]
    final = exits[-1] if exits else later[-1][1]
    # Rounded as shown to people (two decimals), so a rise shown as 0.50 counts as 0.5.
    return round(final - history[entry_at][1], 2) >= threshold


def increase_threshold(*, organisation_id: int) -> Decimal:
    value = (
        Questionnaire.objects.filter(organisation_id=organisation_id)
        .values_list("increase_threshold", flat=True)
        .first()
    )
    return DEFAULT_INCREASE_THRESHOLD if value is None else value


def participant_for_assessment(*, membership: Membership, public_id) -> Participant:
    return get_scoped_or_404(Participant, membership, public_id=public_id)


def assessment_detail(*, membership: Membership, public_id) -> Assessment:
    return get_scoped_or_404(
        Assessment.objects.select_related("participant"), membership, public_id=public_id
    )


def active_questions(*, questionnaire: Questionnaire) -> list[Question]:
    return list(questionnaire.questions.filter(is_active=True).order_by("position", "pk"))


def open_link(*, participant: Participant) -> AssessmentLink | None:
    """The participant's link that still opens the questions, if any."""
    return (
        participant.employability_links.filter(
            revoked_at__isnull=True, assessment__isnull=True, expires_at__gt=timezone.now()
        )
        .select_related("created_by")
        .first()
    )


def link_by_token(*, token: str) -> AssessmentLink:
    """The open link with this token, or 404 for a wrong, used, revoked or expired one alike.

    The participant has no account and so no membership: the token itself is the permission,
    which is why this lookup of participant data does not go through ``scoped``."""
    link = (
        AssessmentLink.objects.filter(
            token_hash=token_hash(token),
            revoked_at__isnull=True,
            assessment__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .select_related("questionnaire", "participant")
        .first()
    )
    if link is None:
        raise Http404
    return link


@dataclass(frozen=True)
class QuestionRow:
    question: Question
    values: list[int | None]  # one per assessment, in the order of ``History.assessments``

    @property
    def first_and_last(self) -> tuple[int | None, int | None]:
        """The answers at the first assessment and at the latest (None where skipped or not
        asked then)."""
        return (self.values[0], self.values[-1]) if self.values else (None, None)


@dataclass(frozen=True)
class History:
    """A participant's assessments, oldest first, with the average of each and every answer by
    question."""

    assessments: list[Assessment]
    averages: list[Decimal | None]
    questions: list[QuestionRow]
    increased: bool | None


def history(*, membership: Membership, participant: Participant) -> History:
    """The participant's assessments in three queries, however many there are."""
    assessments = list(
        scoped(Assessment, membership)
        .filter(participant=participant)
        .annotate(average=Avg("answers__value"))
        .select_related("entered_by", "project")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.select_related("question")))
        .order_by("answered_on", "pk")
    )
    questions: dict[int, Question] = {}
    by_assessment = []
    for assessment in assessments:
        values = {}
        for answer in assessment.answers.all():
            questions.setdefault(answer.question_id, answer.question)
            values[answer.question_id] = answer.value
        by_assessment.append(values)
    ordered = sorted(questions.values(), key=lambda q: (not q.is_active, q.position, q.pk))
    averages = [
        None if a.average is None else Decimal(str(a.average)).quantize(Decimal("0.01"))
        for a in assessments
    ]
    history_rows = [(a.occasion, avg) for a, avg in zip(assessments, averages, strict=True)]
    threshold = increase_threshold(organisation_id=participant.organisation_id)
    return History(
        assessments=assessments,
        averages=averages,
        questions=[
            QuestionRow(question=q, values=[values.get(q.pk) for values in by_assessment])
            for q in ordered
        ],
        increased=_increased([row for row in history_rows if row[1] is not None], threshold),
    )


def projects_to_choose(*, membership: Membership) -> QuerySet[Project]:
    return scoped(Project, membership).order_by("-starts_on", "name")
