"""Perceived employability: a short self-assessment the participant fills in at entry, along the
way and at exit, and the questionnaire each organisation keeps for it.

The questionnaire and its questions are organisation data (ORGANISATION policy); assessments and
their answers, and the one-time links participants answer on their own phones with, are the
participant's data (PARTICIPANT policy).
"""

import uuid
from datetime import timedelta
from decimal import Decimal

from auditlog.registry import auditlog
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import OrganisationOwned

from .defaults import SCALE_POINTS

# Every question must read in these; other languages fall back to Swedish where a text is missing.
REQUIRED_LANGUAGES = ("sv", "en")
FALLBACK_LANGUAGE = "sv"
# Written right to left; Django's list plus Dari and Pashto, which coaches meet often.
RTL_LANGUAGES = frozenset(settings.LANGUAGES_BIDI) | {"prs", "ps"}
# An increase of at least this much in the average (on the 1–5 scale) counts as "increased".
DEFAULT_INCREASE_THRESHOLD = Decimal("0.5")


class Questionnaire(OrganisationOwned):
    """The organisation's self-assessment, one per organisation, with the words around the
    questions in each of its languages: ``languages = {code: {"name", "scale": [5 labels],
    "title", "intro", "skip", "submit", "thanks", "entry", "interim", "exit", "average"}}``."""

    access_policy = AccessPolicy.ORGANISATION

    title = models.CharField(_("title"), max_length=200)
    is_active = models.BooleanField(
        _("in use"), default=True, help_text=_("Only a questionnaire in use can be answered.")
    )
    languages = models.JSONField(_("languages"), default=dict)
    increase_threshold = models.DecimalField(
        _("increase that counts"),
        max_digits=3,
        decimal_places=2,
        default=DEFAULT_INCREASE_THRESHOLD,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("4"))],
        help_text=_(
            "How much the average on the 1–5 scale must rise from entry to exit to count as "
            "increased perceived employability."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("self-assessment questionnaire")
        verbose_name_plural = _("self-assessment questionnaires")
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="one_questionnaire_per_org")
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        missing = [code for code in REQUIRED_LANGUAGES if code not in self.languages]
        if missing:
            raise ValidationError(
                _("Swedish and English cannot be removed."), code="required_language"
            )

    def language_codes(self) -> list[str]:
        """Swedish and English first, then the organisation's own languages by code."""
        others = sorted(code for code in self.languages if code not in REQUIRED_LANGUAGES)
        return [*REQUIRED_LANGUAGES, *others]

    def language_choices(self) -> list[tuple[str, str]]:
        return [(code, self.languages[code].get("name") or code) for code in self.language_codes()]

    def phrase(self, language: str, key: str) -> str:
        """A text around the questions in ``language``, or in Swedish where it has none."""
        own = self.languages.get(language, {}).get(key)
        return own or self.languages.get(FALLBACK_LANGUAGE, {}).get(key, "")

    def scale(self, language: str) -> list[str]:
        own = self.languages.get(language, {}).get("scale") or []
        if len(own) == SCALE_POINTS and all(own):
            return own
        return self.languages.get(FALLBACK_LANGUAGE, {}).get("scale") or [""] * SCALE_POINTS

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


class Question(OrganisationOwned):
    """One statement of the questionnaire, ``texts = {language code: text}``. A deactivated
    question is no longer asked, but the answers given to it are kept."""

    access_policy = AccessPolicy.ORGANISATION

    questionnaire = models.ForeignKey(
        Questionnaire,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("questionnaire"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    texts = models.JSONField(_("texts"), default=dict)
    is_active = models.BooleanField(_("asked"), default=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text_in(FALLBACK_LANGUAGE)

    def clean(self):
        if any(not (self.texts.get(code) or "").strip() for code in REQUIRED_LANGUAGES):
            raise ValidationError(
                _("Write the question in both Swedish and English."), code="required_language"
            )

    def text_in(self, language: str) -> str:
        """The question in ``language``, or in Swedish when nobody has translated it yet."""
        return self.texts.get(language) or self.texts.get(FALLBACK_LANGUAGE, "")

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


class Occasion(models.TextChoices):
    """When in the participant's time with us an assessment was made, in the order they come."""

    ENTRY = "entry", _("At entry")
    INTERIM = "interim", _("Along the way")
    EXIT = "exit", _("At exit")


class AnsweredHow(models.TextChoices):
    SCREEN = "screen", _("On screen, by the participant")
    PAPER = "paper", _("On paper, typed in by the coach")


class Assessment(OrganisationOwned):
    """One time the participant answered the questionnaire."""

    access_policy = AccessPolicy.PARTICIPANT
    participant_lookup = "participant"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.CASCADE,
        related_name="employability_assessments",
        verbose_name=_("participant"),
    )
    questionnaire = models.ForeignKey(
        Questionnaire,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("questionnaire"),
    )
    project = models.ForeignKey(
        "projects.Project",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employability_assessments",
        verbose_name=_("project"),
    )
    occasion = models.CharField(_("occasion"), max_length=8, choices=Occasion.choices)
    answered_on = models.DateField(_("date"))
    language = models.CharField(_("language"), max_length=12)
    answered_how = models.CharField(_("answered"), max_length=8, choices=AnsweredHow.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entered by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["answered_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_occasion_display()} {self.answered_on}"

    def get_additional_data(self) -> dict:
        return {
            "participant": str(self.participant.public_id),
            "organisation": self.organisation_id,
        }


class Answer(OrganisationOwned):
    """The participant's answer to one question, 1–5; empty when they chose not to answer."""

    access_policy = AccessPolicy.PARTICIPANT
    participant_lookup = "assessment__participant"

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="answers", verbose_name=_("assessment")
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="answers", verbose_name=_("question")
    )
    value = models.PositiveSmallIntegerField(
        _("answer"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(SCALE_POINTS)],
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "question"], name="one_answer_a_question"
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__gte=1, value__lte=5),
                name="answer_on_the_scale",
            ),
        ]

    def get_additional_data(self) -> dict:
        return {
            "participant": str(self.assessment.participant.public_id),
            "organisation": self.organisation_id,
        }


# A participant's link works for a week, and for one set of answers.
LINK_LIFETIME = timedelta(days=7)


class AssessmentLink(OrganisationOwned):
    """A one-time secret link the participant, who has no account, answers on their own phone
    with. The token itself is shown once, when it is made; the page behind it shows the questions
    in the chosen language and nothing else."""

    access_policy = AccessPolicy.PARTICIPANT
    participant_lookup = "participant"

    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.CASCADE,
        related_name="employability_links",
        verbose_name=_("participant"),
    )
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="+", verbose_name=_("questionnaire")
    )
    project = models.ForeignKey(
        "projects.Project",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("project"),
    )
    occasion = models.CharField(_("occasion"), max_length=8, choices=Occasion.choices)
    language = models.CharField(_("language"), max_length=12)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("made by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    assessment = models.OneToOneField(
        Assessment,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="link",
        verbose_name=_("answers"),
    )

    class Meta:
        verbose_name = _("self-assessment link")
        verbose_name_plural = _("self-assessment links")
        ordering = ["-created_at", "-pk"]

    def get_additional_data(self) -> dict:
        return {
            "participant": str(self.participant.public_id),
            "organisation": self.organisation_id,
        }


auditlog.register(Questionnaire)
auditlog.register(Question)
auditlog.register(Assessment)
auditlog.register(Answer)
auditlog.register(AssessmentLink, exclude_fields=["token_hash"])
