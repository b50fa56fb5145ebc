"""Projects an organisation runs, each with its funder, period and what it set out to do.

Funders judge a project by its own numbers (participants, tasks, outcomes), so figures are
counted per project as well as for the organisation.
"""

from datetime import date, timedelta

from auditlog.registry import auditlog
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import OrganisationOwned
from baslager.participants.models import TriState


class Funder(models.TextChoices):
    ESF_PLUS = "esf_plus", _("ESF+ (European Social Fund Plus)")
    ARBETSFORMEDLINGEN = "arbetsformedlingen", _("Arbetsförmedlingen")
    KOMMUN = "kommun", _("Municipality")
    REGION = "region", _("Region")
    ARVSFONDEN = "arvsfonden", _("Allmänna arvsfonden")
    SAMORDNINGSFORBUND = "samordningsforbund", _("Samordningsförbund (Finsam)")
    OWN = "own", _("Own funds")
    OTHER = "other", _("Other funder")


class Project(OrganisationOwned):
    access_policy = AccessPolicy.ORGANISATION

    name = models.CharField(_("name"), max_length=200)
    funder = models.CharField(_("funder"), max_length=20, choices=Funder.choices)
    funder_details = models.CharField(
        _("about the funding"),
        max_length=200,
        blank=True,
        help_text=_("For example the call or programme area, and co-financiers."),
    )
    reference_number = models.CharField(
        _("reference number"),
        max_length=50,
        blank=True,
        help_text=_("The funder's case number (diarienummer), such as 2023/00123."),
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    planned_participants = models.PositiveIntegerField(
        _("planned participants"), null=True, blank=True
    )
    target_groups = models.TextField(_("target groups"), blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    budget = models.DecimalField(
        _("budget (SEK)"),
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-starts_on", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="project_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": _("The end date cannot be before the start date.")},
                code="ends_before_start",
            )

    def runs_on(self, day) -> bool:
        return self.starts_on <= day <= self.ends_on

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


auditlog.register(Project)


# Participants in projects: entry, the characteristics at entry, exit and the results.
# The ESF+ indicators (baslager/esf) read these models; the field names are part of that contract.


class ExitReason(models.TextChoices):
    COMPLETED = "completed", _("Completed the project")
    FOUND_WORK = "found_work", _("Found work")
    STARTED_STUDIES = "started_studies", _("Started studies")
    MOVED = "moved", _("Moved")
    ILLNESS = "illness", _("Illness")
    OWN_CHOICE = "own_choice", _("Left by own choice")
    OTHER = "other", _("Other reason")


class EmploymentStatusAtEntry(models.TextChoices):
    """Exactly one per participant (ESF+); long-term unemployed is a kind of unemployed."""

    UNEMPLOYED = "unemployed", _("Unemployed")
    LONG_TERM_UNEMPLOYED = "long_term_unemployed", _("Long-term unemployed")
    INACTIVE = "inactive", _("Inactive (not looking for work)")
    EMPLOYED = "employed", _("Employed, including self-employed")


class IscedBand(models.TextChoices):
    """The three education bands of EECO09–EECO11."""

    LOWER_SECONDARY_OR_LESS = "isced_0_2", _("Lower secondary or less (ISCED 0–2)")
    UPPER_OR_POST_SECONDARY = "isced_3_4", _("Upper secondary or post-secondary (ISCED 3–4)")
    TERTIARY = "isced_5_8", _("Tertiary (ISCED 5–8)")

    @classmethod
    def for_isced(cls, level: int | None) -> str:
        """The band of ISCED 2011 ``level``; "" when it is not known."""
        if level is None:
            return ""
        if level <= 2:
            return cls.LOWER_SECONDARY_OR_LESS
        return cls.UPPER_OR_POST_SECONDARY if level <= 4 else cls.TERTIARY


class Citizenship(models.TextChoices):
    EU = "eu", _("EU citizen (Swedish included)")
    THIRD_COUNTRY = "third_country", _("Third-country national")
    STATELESS = "stateless", _("Stateless or nationality undetermined")


class YesNoUnknown(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "", _("Not known")


class ProjectEnrolment(OrganisationOwned):
    """A participant in a project, from ``entry_date`` to ``exit_date`` (None while in it).

    ESF+ re-entry rule: one enrolment per participant and project. Re-entering the same project
    re-opens this row (``exit_date``/``exit_reason`` cleared, a ``ProjectReEntry`` keeps the
    earlier exit) and keeps the first ``entry_date`` and the characteristics at entry; a different
    project is a new enrolment.

    Characteristics as at entry (prefilled from the participant, editable by the coach):
    ``employment_status_at_entry`` (EmploymentStatusAtEntry, "" unknown),
    ``education_at_entry`` (IscedBand, "" unknown), ``homeless_at_entry`` and
    ``rural_at_entry`` (YesNoUnknown). Disability, minority, foreign background and citizenship
    are in ``EnrolmentSensitiveSnapshot`` (``sensitive_snapshot``), which is RESTRICTED.
    Results: ``situations`` (ExitSituation, the 28 days after exit) and ``follow_ups_6m``
    (SixMonthFollowUp).
    """

    access_policy = AccessPolicy.PARTICIPANT
    participant_lookup = "participant"

    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.CASCADE,
        related_name="project_enrolments",
        verbose_name=_("participant"),
    )
    project = models.ForeignKey(
        Project, on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("project")
    )
    entry_date = models.DateField(_("entry date"))
    exit_date = models.DateField(_("exit date"), null=True, blank=True)
    exit_reason = models.CharField(
        _("exit reason"), max_length=20, choices=ExitReason.choices, blank=True
    )
    exit_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("exit recorded by"),
    )
    employment_status_at_entry = models.CharField(
        _("employment status at entry"),
        max_length=24,
        choices=EmploymentStatusAtEntry.choices,
        blank=True,
    )
    education_at_entry = models.CharField(
        _("highest education at entry"), max_length=12, choices=IscedBand.choices, blank=True
    )
    homeless_at_entry = models.CharField(
        _("homeless or affected by housing exclusion"),
        max_length=3,
        choices=YesNoUnknown.choices,
        blank=True,
    )
    rural_at_entry = models.CharField(
        _("lives in a rural area"), max_length=3, choices=YesNoUnknown.choices, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("enrolled by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("project enrolment")
        verbose_name_plural = _("project enrolments")
        ordering = ["-entry_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "project"], name="one_enrolment_per_project"
            ),
            models.CheckConstraint(
                condition=models.Q(exit_date__isnull=True)
                | models.Q(exit_date__gte=models.F("entry_date")),
                name="enrolment_exit_after_entry",
            ),
        ]
        indexes = [models.Index(fields=["project", "entry_date"])]

    def __str__(self) -> str:
        return f"{self.participant} · {self.project}"

    @property
    def is_open(self) -> bool:
        return self.exit_date is None

    @property
    def situation_window_ends(self) -> date | None:
        """The last day of the 28 days after exit in which the immediate results are measured."""
        return self.exit_date + SITUATION_WINDOW if self.exit_date else None

    def clean(self):
        if self.exit_date and self.entry_date and self.exit_date < self.entry_date:
            raise ValidationError(
                {"exit_date": _("The exit date cannot be before the entry date.")},
                code="exit_before_entry",
            )

    def get_additional_data(self) -> dict:
        return {
            "participant": str(self.participant.public_id),
            "organisation": self.organisation_id,
        }


SITUATION_WINDOW = timedelta(days=28)


class ProjectReEntry(OrganisationOwned):
    """A participant coming back to a project they had left: the exit it replaced is kept here."""

    access_policy = AccessPolicy.PARTICIPANT
    participant_lookup = "enrolment__participant"

    enrolment = models.ForeignKey(
        ProjectEnrolment, on_delete=models.CASCADE, related_name="re_entries"
    )
    re_entered_on = models.DateField(_("re-entered on"))
    previous_exit_date = models.DateField(_("previous exit date"))
    previous_exit_reason = models.CharField(
        _("previous exit reason"), max_length=20, choices=ExitReason.choices, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("re-entry")
        verbose_name_plural = _("re-entries")
        ordering = ["re_entered_on", "pk"]

    def get_additional_data(self) -> dict:
        return self.enrolment.get_additional_data()


class EnrolmentSensitiveSnapshot(OrganisationOwned):
    """Characteristics at entry that come from special-category data (GDPR art. 9) or origin:
    RESTRICTED like ``SpecialCategoryData`` they are copied from, so only the participant's own
    coaches and administrators read them.

    ``disability`` and ``minority`` and ``foreign_background`` are tri-state (participants'
    TriState: yes / no / refused / "" not asked); ``citizenship`` is Citizenship or "" unknown;
    ``collection_attempted_at`` documents when the questions were asked, as ESF+ requires when
    someone refuses.
    """

    access_policy = AccessPolicy.RESTRICTED
    participant_lookup = "enrolment__participant"

    enrolment = models.OneToOneField(
        ProjectEnrolment, on_delete=models.CASCADE, related_name="sensitive_snapshot"
    )
    disability = models.CharField(
        _("disability"), max_length=8, choices=TriState.choices, blank=True
    )
    minority = models.CharField(
        _("minority, including Roma"), max_length=8, choices=TriState.choices, blank=True
    )
    foreign_background = models.CharField(
        _("foreign background"),
        max_length=8,
        choices=TriState.choices,
        blank=True,
        help_text=_("Both parents born outside Sweden."),
    )
    citizenship = models.CharField(
        _("citizenship"), max_length=16, choices=Citizenship.choices, blank=True
    )
    collection_attempted_at = models.DateField(_("asked on"), null=True, blank=True)

    class Meta:
        verbose_name = _("sensitive characteristics at entry")
        verbose_name_plural = _("sensitive characteristics at entry")

    def get_additional_data(self) -> dict:
        return self.enrolment.get_additional_data() | {"special_category": True}


class SituationKind(models.TextChoices):
    JOB_SEEKING = "job_seeking", _("Job seeking")
    EDUCATION = "education", _("Education or training")
    QUALIFICATION = "qualification", _("Qualification gained")
    EMPLOYMENT = "employment", _("Employment, including self-employment")
    INTERNSHIP = "internship", _("Internship")
    OTHER = "other", _("Other")


class EmploymentForm(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary employment")
    NYSTARTSJOBB = "nystartsjobb", _("Nystartsjobb")
    INTRODUKTIONSJOBB = "introduktionsjobb", _("Introduktionsjobb")
    LONEBIDRAG = "lonebidrag", _("Lönebidrag")
    SELF_EMPLOYMENT = "self_employment", _("Self-employment")
    OTHER = "other", _("Other form of employment")


class EvidenceKind(models.TextChoices):
    PARTICIPANT_STATEMENT = "participant_statement", _("The participant's own statement")
    EMPLOYER_CONFIRMATION = "employer_confirmation", _("Confirmation from the employer")
    CERTIFICATE = "certificate", _("Certificate or diploma")
    ARBETSFORMEDLINGEN = "arbetsformedlingen", _("Arbetsförmedlingen")
    OTHER = "other", _("Other evidence")


def _employment_form_problem(kind_is_employment: bool, employment_form: str) -> dict:
    if kind_is_employment and not employment_form:
        return {"employment_form": _("Say which form of employment it is.")}
    if not kind_is_employment and employment_form:
        return {"employment_form": _("A form of employment goes only with employment.")}
    return {}


class ExitSituation(OrganisationOwned):
    """One dated event in the 28 days after exit (``occurred_on`` within
    ``enrolment.exit_date`` … +28 days). Several may be recorded: the indicators count the last
    one in the window (EECR01/EECR04 exclusive), qualification and education alongside.

    ``kind`` is SituationKind; ``employment_form`` (EmploymentForm) is set exactly when the kind is
    employment; ``evidence_kind`` is EvidenceKind and ``evidence`` free text.
    """

    access_policy = AccessPolicy.PARTICIPANT
    participant_lookup = "enrolment__participant"

    enrolment = models.ForeignKey(
        ProjectEnrolment, on_delete=models.CASCADE, related_name="situations"
    )
    kind = models.CharField(_("situation"), max_length=16, choices=SituationKind.choices)
    employment_form = models.CharField(
        _("form of employment"), max_length=20, choices=EmploymentForm.choices, blank=True
    )
    occurred_on = models.DateField(_("date"))
    evidence_kind = models.CharField(_("evidence"), max_length=24, choices=EvidenceKind.choices)
    evidence = models.TextField(
        _("about the evidence"),
        blank=True,
        help_text=_("What shows it, for example who confirmed it and when."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("situation after exit")
        verbose_name_plural = _("situations after exit")
        ordering = ["occurred_on", "pk"]

    def clean(self):
        problems = _employment_form_problem(
            self.kind == SituationKind.EMPLOYMENT, self.employment_form
        )
        exit_date = self.enrolment.exit_date
        if exit_date is None:
            problems["occurred_on"] = _("Record the exit first.")
        elif self.occurred_on and not (
            exit_date <= self.occurred_on <= exit_date + SITUATION_WINDOW
        ):
            problems["occurred_on"] = _(
                "The situation must lie within 28 days of the exit: between %(start)s and %(end)s."
            ) % {
                "start": exit_date.isoformat(),
                "end": (exit_date + SITUATION_WINDOW).isoformat(),
            }
        if problems:
            raise ValidationError(problems)

    def get_additional_data(self) -> dict:
        return self.enrolment.get_additional_data()


class StatusAfterSixMonths(models.TextChoices):
    EMPLOYED = "employed", _("Employed, including self-employed")
    UNEMPLOYED = "unemployed", _("Unemployed")
    INACTIVE = "inactive", _("Inactive (not looking for work)")
    IN_EDUCATION = "in_education", _("In education or training")


IMPROVEMENT_FLAGS = (
    "precarious_to_stable",
    "underemployed_to_full",
    "higher_competences",
    "promoted",
)


class SixMonthFollowUp(OrganisationOwned):
    """The follow-up six months after exit (EECR05, EECR06), on ``assignee``'s task list.

    Created when the exit is recorded, ``due_on`` = ``exit_date`` + 6 months; cancelled
    (``cancelled_at``) if the participant re-enters before answering. The answer:
    ``employment_status`` (StatusAfterSixMonths), ``employment_form`` (EmploymentForm, with
    employment), the improved-situation flags ``precarious_to_stable``,
    ``underemployed_to_full``, ``higher_competences``, ``promoted`` (only for those employed at
    entry; a pay rise alone is none of them), ``evidence_kind``/``evidence``, ``answered_at``,
    ``answered_by``.
    """

    access_policy = AccessPolicy.PARTICIPANT
    participant_lookup = "enrolment__participant"

    enrolment = models.ForeignKey(
        ProjectEnrolment, on_delete=models.CASCADE, related_name="follow_ups_6m"
    )
    exit_date = models.DateField(_("exit date followed up"))
    due_on = models.DateField(_("due"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="six_month_follow_ups",
        verbose_name=_("assigned to"),
    )
    employment_status = models.CharField(
        _("status six months after exit"),
        max_length=16,
        choices=StatusAfterSixMonths.choices,
        blank=True,
    )
    employment_form = models.CharField(
        _("form of employment"), max_length=20, choices=EmploymentForm.choices, blank=True
    )
    precarious_to_stable = models.BooleanField(
        _("from precarious to stable employment"), default=False
    )
    underemployed_to_full = models.BooleanField(
        _("from underemployment to full employment"), default=False
    )
    higher_competences = models.BooleanField(
        _("a job needing higher competences, with more responsibility"), default=False
    )
    promoted = models.BooleanField(_("promoted"), default=False)
    evidence_kind = models.CharField(
        _("evidence"), max_length=24, choices=EvidenceKind.choices, blank=True
    )
    evidence = models.TextField(_("about the evidence"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("six-month follow-up")
        verbose_name_plural = _("six-month follow-ups")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["assignee", "due_on"])]

    @property
    def improved_situation(self) -> bool:
        return any(getattr(self, flag) for flag in IMPROVEMENT_FLAGS)

    def clean(self):
        employed = self.employment_status == StatusAfterSixMonths.EMPLOYED
        problems = _employment_form_problem(employed, self.employment_form)
        if self.improved_situation and not employed:
            problems["employment_status"] = _(
                "An improved situation needs employment six months after exit."
            )
        elif (
            self.improved_situation
            and self.enrolment.employment_status_at_entry != EmploymentStatusAtEntry.EMPLOYED
        ):
            problems["precarious_to_stable"] = _(
                "An improved situation counts only for participants employed at entry."
            )
        if problems:
            raise ValidationError(problems)

    def get_additional_data(self) -> dict:
        return self.enrolment.get_additional_data()


auditlog.register(ProjectEnrolment)
auditlog.register(ProjectReEntry)
auditlog.register(EnrolmentSensitiveSnapshot)
auditlog.register(ExitSituation)
auditlog.register(SixMonthFollowUp)
