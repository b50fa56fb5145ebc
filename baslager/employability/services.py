import dataclasses
from collections.abc import Callable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from baslager.accounts.models import User
from baslager.core.secret_links import new_token, token_hash
from baslager.messaging.models import Channel, Message
from baslager.messaging.services import message_send, participant_recipient
from baslager.organisations.models import Organisation
from baslager.participants.models import Participant
from baslager.projects.models import Project

from .defaults import DEFAULT_LANGUAGES, DEFAULT_QUESTIONS
from .models import (
    LINK_LIFETIME,
    REQUIRED_LANGUAGES,
    Answer,
    AnsweredHow,
    Assessment,
    AssessmentLink,
    Question,
    Questionnaire,
)


def questionnaire_for(*, organisation: Organisation) -> Questionnaire:
    """The organisation's questionnaire, made from the team's default set the first time it is
    needed. Organisations are created in several places, so the defaults are made here rather
    than at each of them."""
    questionnaire = Questionnaire.objects.filter(organisation=organisation).first()
    return questionnaire or _create_default(organisation)


@transaction.atomic
def _create_default(organisation: Organisation) -> Questionnaire:
    # Locking the organisation makes a second request wait here and then find the default made.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    existing = Questionnaire.objects.filter(organisation=organisation).first()
    if existing is not None:
        return existing
    questionnaire = Questionnaire.objects.create(
        organisation=organisation,
        title=_("Perceived employability"),
        languages={code: dict(texts) for code, texts in DEFAULT_LANGUAGES.items()},
    )
    Question.objects.bulk_create(
        Question(
            organisation=organisation,
            questionnaire=questionnaire,
            position=position,
            texts=dict(texts),
        )
        for position, texts in enumerate(DEFAULT_QUESTIONS, start=1)
    )
    return questionnaire


def _check_same_organisation(organisation_id: int, *objects) -> None:
    if any(obj is not None and obj.organisation_id != organisation_id for obj in objects):
        raise ValidationError(_("Choose from your own organisation."), code="organisation")


def _check_language(questionnaire: Questionnaire, language: str) -> None:
    if language not in questionnaire.languages:
        raise ValidationError(
            _("The questionnaire has no texts in that language."), code="language"
        )


@transaction.atomic
def assessment_record(
    *,
    participant: Participant,
    questionnaire: Questionnaire,
    occasion: str,
    language: str,
    answered_how: str,
    values: dict[int, int | None],
    answered_on: date | None = None,
    project: Project | None = None,
    entered_by: User | None = None,
) -> Assessment:
    """Saves one self-assessment with its answers: ``values`` maps each asked question's pk to
    1–5, or None where the participant chose not to answer. Questions not asked are left out."""
    _check_same_organisation(participant.organisation_id, questionnaire, project)
    _check_language(questionnaire, language)
    if not questionnaire.is_active:
        raise ValidationError(_("The questionnaire is not in use."), code="inactive")
    questions = list(questionnaire.questions.filter(is_active=True, pk__in=values))
    if not questions:
        raise ValidationError(_("There are no questions to answer."), code="no_questions")
    assessment = Assessment(
        organisation_id=participant.organisation_id,
        participant=participant,
        questionnaire=questionnaire,
        project=project,
        occasion=occasion,
        answered_on=answered_on or timezone.localdate(),
        language=language,
        answered_how=answered_how,
        entered_by=entered_by,
    )
    assessment.full_clean(exclude=["organisation", "participant", "questionnaire", "project"])
    assessment.save()
    answers = [
        Answer(
            organisation_id=participant.organisation_id,
            assessment=assessment,
            question=question,
            value=values[question.pk],
        )
        for question in questions
    ]
    for answer in answers:
        answer.full_clean(exclude=["organisation", "assessment", "question"])
    Answer.objects.bulk_create(answers)
    return assessment


@transaction.atomic
def assessment_delete(*, assessment: Assessment) -> None:
    """Removes an assessment typed in by mistake; the audit log keeps what it held."""
    for answer in assessment.answers.all():
        answer.delete()
    assessment.delete()


@transaction.atomic
def assessment_link_create(
    *,
    participant: Participant,
    questionnaire: Questionnaire,
    occasion: str,
    language: str,
    project: Project | None = None,
    actor: User,
) -> tuple[AssessmentLink, str]:
    """A one-time link for the participant to answer on their own phone; an earlier link that is
    still open stops working. Returns the token too: it is stored only as a hash, so this is the
    one time it can be shown."""
    _check_same_organisation(participant.organisation_id, questionnaire, project)
    _check_language(questionnaire, language)
    assessment_link_revoke(participant=participant)
    token = new_token()
    link = AssessmentLink.objects.create(
        organisation_id=participant.organisation_id,
        participant=participant,
        questionnaire=questionnaire,
        project=project,
        occasion=occasion,
        language=language,
        token_hash=token_hash(token),
        created_by=actor,
        expires_at=timezone.now() + LINK_LIFETIME,
    )
    return link, token


@transaction.atomic
def assessment_link_send(
    *,
    participant: Participant,
    questionnaire: Questionnaire,
    occasion: str,
    language: str,
    project: Project | None = None,
    actor: User,
    channel: str,
    link_url: Callable[[str], str],
) -> Message:
    """A one-time link sent to the participant by ``channel`` instead of copied by hand, in the
    language of the questions; no link is made when there is no address to send it to."""
    link, token = assessment_link_create(
        participant=participant,
        questionnaire=questionnaire,
        occasion=occasion,
        language=language,
        project=project,
        actor=actor,
    )
    return message_send(
        organisation=participant.organisation,
        template="assessment_link",
        recipient=dataclasses.replace(participant_recipient(participant), language=language),
        channel=channel,
        event_key=f"assessment_link:{link.pk}:{Channel(channel).value}",
        context={
            "first_name": participant.first_name,
            "organisation": participant.organisation.name,
            "link": link_url(token),
            "expires_at": link.expires_at,
        },
        participant=participant,
        topic=f"assessment_link:{participant.pk}",
        actor=actor,
    )


@transaction.atomic
def assessment_link_revoke(*, participant: Participant) -> int:
    """Stops the participant's open links; returns how many there were."""
    links = list(
        participant.employability_links.filter(revoked_at__isnull=True, assessment__isnull=True)
    )
    for link in links:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return len(links)


@transaction.atomic
def assessment_link_answer(*, link: AssessmentLink, values: dict[int, int | None]) -> Assessment:
    """The participant's answers through their link, which then stops working."""
    # Locked, so answers sent twice at once make one assessment, not two.
    link = AssessmentLink.objects.select_for_update().get(pk=link.pk)
    if link.assessment_id is not None or link.revoked_at is not None:
        raise ValidationError(_("This link has already been used."), code="used")
    assessment = assessment_record(
        participant=link.participant,
        questionnaire=link.questionnaire,
        occasion=link.occasion,
        language=link.language,
        answered_how=AnsweredHow.SCREEN,
        values=values,
        project=link.project,
        entered_by=None,
    )
    link.assessment = assessment
    link.save(update_fields=["assessment"])
    return assessment


@transaction.atomic
def questionnaire_edit(*, questionnaire: Questionnaire, data: dict) -> Questionnaire:
    for field in ("title", "is_active", "increase_threshold"):
        if field in data:
            setattr(questionnaire, field, data[field])
    questionnaire.full_clean(exclude=["organisation"])
    questionnaire.save()
    return questionnaire


@transaction.atomic
def question_save(*, question: Question, texts: dict[str, str], is_active: bool = True) -> Question:
    """Saves a new or changed question with its texts; empty texts are dropped, so a language
    without one falls back to Swedish. A new question goes last."""
    question.texts = {code: text.strip() for code, text in texts.items() if text.strip()}
    question.is_active = is_active
    if question.pk is None:
        last = (
            Question.objects.filter(questionnaire_id=question.questionnaire_id)
            .order_by("-position")
            .values_list("position", flat=True)
            .first()
        )
        question.position = (last or 0) + 1
    question.full_clean(exclude=["organisation", "questionnaire"])
    question.save()
    return question


@transaction.atomic
def question_move(*, question: Question, up: bool) -> None:
    """Swaps the question with the one before (``up``) or after it, numbering all 1, 2, 3…"""
    questions = list(question.questionnaire.questions.order_by("position", "pk"))
    index = next(i for i, row in enumerate(questions) if row.pk == question.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(questions):
        questions[index], questions[other] = questions[other], questions[index]
    changed = []
    for position, row in enumerate(questions, start=1):
        if row.position != position:
            row.position = position
            changed.append(row)
    for row in changed:
        row.save(update_fields=["position"])


@transaction.atomic
def language_save(
    *,
    questionnaire: Questionnaire,
    code: str,
    texts: dict,
    question_texts: dict[int, str],
) -> Questionnaire:
    """Adds or changes one language: the words around the questions (``texts``: name, scale and
    the phrases) and each question's text in it (by question pk; empty falls back to Swedish)."""
    if code in REQUIRED_LANGUAGES and any(not text.strip() for text in question_texts.values()):
        raise ValidationError(
            _("Every question needs a text in Swedish and English."), code="required_language"
        )
    questionnaire.languages = {**questionnaire.languages, code: texts}
    questionnaire.full_clean(exclude=["organisation"])
    questionnaire.save()
    for question in questionnaire.questions.filter(pk__in=question_texts):
        text = question_texts[question.pk].strip()
        if question.texts.get(code, "") == text:
            continue
        question.texts = {**question.texts, code: text} if text else _without(question.texts, code)
        question.save(update_fields=["texts"])
    return questionnaire


def _without(texts: dict, code: str) -> dict:
    return {key: value for key, value in texts.items() if key != code}
