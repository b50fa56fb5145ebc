"""Resursbanken: the participants, as mapped at intake and kept up to date.

Special-category data (health, disability, origin) lives in ``SpecialCategoryData``,
a table of its own, under the RESTRICTED access policy.
"""

import uuid
from datetime import date

from auditlog.registry import auditlog
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import OrganisationOwned
from baslager.taxonomy.kommuner import kommun_name


class IdKind(models.TextChoices):
    PERSONNUMMER = "personnummer", _("Personal identity number")
    SAMORDNINGSNUMMER = "samordningsnummer", _("Coordination number")
    NONE = "none", _("None")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("Other")
    NOT_STATED = "not_stated", _("Not stated")


class LabourMarketStatus(models.TextChoices):
    UNEMPLOYED = "unemployed", _("Unemployed")
    INACTIVE = "inactive", _("Inactive (not looking for work)")
    EMPLOYED = "employed", _("Employed, including self-employed")


class ParticipantStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")


class DrivingLicence(models.TextChoices):
    AM = "AM", "AM"
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    A = "A", "A"
    B = "B", "B"
    BE = "BE", "BE"
    C1 = "C1", "C1"
    C = "C", "C"
    CE = "CE", "CE"
    D1 = "D1", "D1"
    D = "D", "D"
    TRUCK = "truck", _("Forklift licence")
    TAXI = "taxi", _("Taxi licence")


class PreferredLanguage(models.TextChoices):
    """Languages coaches most often meet, by ISO 639-1 code."""

    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    SOMALI = "so", _("Somali")
    TIGRINYA = "ti", _("Tigrinya")
    PERSIAN = "fa", _("Persian (Farsi, Dari)")
    KURDISH = "ku", _("Kurdish")
    TURKISH = "tr", _("Turkish")
    BOSNIAN = "bs", _("Bosnian, Croatian, Serbian")
    POLISH = "pl", _("Polish")
    SPANISH = "es", _("Spanish")
    FRENCH = "fr", _("French")
    GERMAN = "de", _("German")
    RUSSIAN = "ru", _("Russian")
    UKRAINIAN = "uk", _("Ukrainian")
    THAI = "th", _("Thai")
    AMHARIC = "am", _("Amharic")


class Weekday(models.IntegerChoices):
    MONDAY = 1, _("Monday")
    TUESDAY = 2, _("Tuesday")
    WEDNESDAY = 3, _("Wednesday")
    THURSDAY = 4, _("Thursday")
    FRIDAY = 5, _("Friday")
    SATURDAY = 6, _("Saturday")
    SUNDAY = 7, _("Sunday")


class Participant(OrganisationOwned):
    access_policy = AccessPolicy.PARTICIPANT
    participant_lookup = ""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    id_kind = models.CharField(
        _("kind of identity number"), max_length=20, choices=IdKind.choices, default=IdKind.NONE
    )
    id_number = models.CharField(
        _("identity number"), max_length=12, blank=True, help_text=_("Stored as 12 digits.")
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=6, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, blank=True, choices=PreferredLanguage.choices
    )
    needs_interpreter = models.BooleanField(_("needs an interpreter"), default=False)
    gender = models.CharField(
        _("gender"), max_length=12, choices=Gender.choices, default=Gender.NOT_STATED
    )
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    kommun_code = models.CharField(_("municipality"), max_length=4, blank=True)

    education_level = models.ForeignKey(
        "taxonomy.EducationLevel",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("highest education"),
    )
    education_country = models.CharField(_("country of education"), max_length=100, blank=True)
    skills = models.ManyToManyField(
        "taxonomy.Skill", blank=True, related_name="+", verbose_name=_("skills")
    )
    driving_licences = models.JSONField(_("driving licences"), default=list, blank=True)
    interests = models.TextField(_("interests"), blank=True)
    dreams_and_goals = models.TextField(
        _("dreams and goals"), blank=True, help_text=_("In the participant's own words.")
    )

    hours_per_week = models.PositiveSmallIntegerField(
        _("available hours a week"), null=True, blank=True
    )
    available_from = models.DateField(_("available from"), null=True, blank=True)
    available_days = models.JSONField(_("available days"), default=list, blank=True)
    max_travel_km = models.PositiveSmallIntegerField(
        _("can travel at most (km)"), null=True, blank=True
    )
    max_travel_minutes = models.PositiveSmallIntegerField(
        _("can travel at most (minutes)"), null=True, blank=True
    )

    entry_date = models.DateField(_("entry date"), default=date.today)
    labour_market_status = models.CharField(
        _("labour-market status at entry"),
        max_length=12,
        choices=LabourMarketStatus.choices,
        blank=True,
    )
    unemployed_since = models.DateField(_("unemployed since"), null=True, blank=True)
    support_needs = models.TextField(_("support needs"), blank=True)
    adaptations = models.TextField(_("adaptations"), blank=True)

    coaches = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="caseload", verbose_name=_("coaches")
    )
    current_phase = models.ForeignKey(
        "phases.Phase",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participants",
        verbose_name=_("phase"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ParticipantStatus.choices,
        default=ParticipantStatus.ACTIVE,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["last_name", "first_name"]
        indexes = [
            models.Index(fields=["organisation", "status", "current_phase"]),
            models.Index(fields=["organisation", "last_name", "first_name"]),
            # Finding one participant by number (the list's and the search box's POST): SQLite
            # cannot use the partial unique index below for a number given as a parameter.
            models.Index(fields=["organisation", "id_number"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "id_number"],
                condition=~models.Q(id_number=""),
                name="one_participant_per_id_number",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def kommun_name(self) -> str:
        return kommun_name(self.kommun_code)

    @property
    def driving_licence_labels(self) -> list[str]:
        labels = dict(DrivingLicence.choices)
        return [str(labels.get(code, code)) for code in self.driving_licences]

    @property
    def available_day_labels(self) -> list[str]:
        labels = dict(Weekday.choices)
        return [str(labels[day]) for day in sorted(self.available_days) if day in labels]

    @property
    def id_number_masked(self) -> str:
        from .identity import mask

        return mask(self.id_number)

    def age_on(self, day: date) -> int | None:
        if self.birth_date is None:
            return None
        return relativedelta(day, self.birth_date).years

    @property
    def is_long_term_unemployed(self) -> bool:
        """ESF+: unemployed continuously for over 6 months if under 25 at entry, else over 12."""
        if self.labour_market_status != LabourMarketStatus.UNEMPLOYED or not self.unemployed_since:
            return False
        age = self.age_on(self.entry_date)
        months = 6 if age is not None and age < 25 else 12
        return self.unemployed_since + relativedelta(months=months) < self.entry_date

    def get_additional_data(self) -> dict:
        return {"participant": str(self.public_id), "organisation": self.organisation_id}

    def check_case_open(self) -> None:
        """New work (a phase, a placement, a proposal, a project, an activity) needs an open case;
        a closed one stays as it was until it is opened again."""
        if self.status == ParticipantStatus.ENDED:
            raise ValidationError(
                _("The case of %(name)s is closed. Open it again first."),
                code="case_closed",
                params={"name": self.full_name},
            )


class ParticipantOwned(OrganisationOwned):
    """Base for rows that belong to one participant; scoped through them."""

    access_policy = AccessPolicy.PARTICIPANT
    participant_lookup = "participant"

    class Meta:
        abstract = True

    def get_additional_data(self) -> dict:
        return {
            "participant": str(self.participant.public_id),
            "organisation": self.organisation_id,
        }


class CefrLevel(models.TextChoices):
    A1 = "A1", _("A1 Breakthrough")
    A2 = "A2", _("A2 Waystage")
    B1 = "B1", _("B1 Threshold")
    B2 = "B2", _("B2 Vantage")
    C1 = "C1", _("C1 Effective operational proficiency")
    C2 = "C2", _("C2 Mastery")
    NATIVE = "native", _("Mother tongue")


class SfiCourse(models.TextChoices):
    A = "A", _("SFI course A")
    B = "B", _("SFI course B")
    C = "C", _("SFI course C")
    D = "D", _("SFI course D")


class ParticipantLanguage(ParticipantOwned):
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="languages")
    language = models.ForeignKey(
        "taxonomy.Language", on_delete=models.PROTECT, related_name="+", verbose_name=_("language")
    )
    cefr_level = models.CharField(
        _("level (CEFR)"), max_length=6, choices=CefrLevel.choices, blank=True
    )
    sfi_course = models.CharField(
        _("SFI course"), max_length=1, choices=SfiCourse.choices, blank=True
    )
    sfi_completed = models.BooleanField(_("SFI course passed"), default=False)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        constraints = [
            models.UniqueConstraint(fields=["participant", "language"], name="one_row_per_language")
        ]


class WorkExperience(ParticipantOwned):
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="experiences"
    )
    occupation = models.ForeignKey(
        "taxonomy.Occupation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("occupation"),
    )
    title = models.CharField(_("title in own words"), max_length=200, blank=True)
    years = models.DecimalField(_("years"), max_digits=4, decimal_places=1, null=True, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("work experience")
        verbose_name_plural = _("work experience")


class TriState(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    REFUSED = "refused", _("Does not want to answer")
    UNKNOWN = "", _("Not asked")


class SpecialCategoryData(OrganisationOwned):
    """Health, disability and origin (GDPR art. 9), kept apart and read only by the participant's
    own coaches and administrators. Tri-state answers keep a refusal apart from a question never
    asked."""

    access_policy = AccessPolicy.RESTRICTED
    participant_lookup = "participant"

    participant = models.OneToOneField(
        Participant, on_delete=models.CASCADE, related_name="special_category_data"
    )
    has_disability = models.CharField(
        _("disability"), max_length=8, choices=TriState.choices, blank=True
    )
    disability_description = models.TextField(_("disability and its consequences"), blank=True)
    health_notes = models.TextField(_("health"), blank=True)
    addiction_history = models.TextField(_("history of addiction"), blank=True)
    country_of_birth = models.CharField(_("country of birth"), max_length=100, blank=True)
    foreign_background = models.CharField(
        _("foreign background"), max_length=8, choices=TriState.choices, blank=True
    )
    third_country_national = models.CharField(
        _("third-country national"), max_length=8, choices=TriState.choices, blank=True
    )
    minority = models.CharField(
        _("minority, including Roma"), max_length=8, choices=TriState.choices, blank=True
    )
    arrived_in_sweden = models.DateField(_("arrived in Sweden"), null=True, blank=True)
    collection_attempted_at = models.DateField(_("asked on"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("special-category data")
        verbose_name_plural = _("special-category data")

    def get_additional_data(self) -> dict:
        return {
            "participant": str(self.participant.public_id),
            "organisation": self.organisation_id,
            "special_category": True,
        }


auditlog.register(Participant, m2m_fields={"coaches", "skills"})
auditlog.register(ParticipantLanguage)
auditlog.register(WorkExperience)
auditlog.register(SpecialCategoryData)
