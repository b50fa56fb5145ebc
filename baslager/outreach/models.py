"""Call campaigns to employers: who to call, who calls, what was said and what it led to.

Everything here is organisation data about employers, like the employers themselves; scouts
take part only in the campaigns they are callers in, which the views and services check.
"""

from auditlog.registry import auditlog
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.openings.models import OpeningKind
from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import OrganisationOwned


class CampaignStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    CLOSED = "closed", _("Closed")


class Campaign(OrganisationOwned):
    """The filters are kept, not only the list they produced, so the target list can be extended
    with employers registered later."""

    access_policy = AccessPolicy.ORGANISATION

    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    script = models.TextField(_("call script"), blank=True)
    industries = models.ManyToManyField(
        "taxonomy.Industry", blank=True, related_name="+", verbose_name=_("industries")
    )
    # Lists of Employer.size_band, Employer.kommun_code and Employer.stage values; empty: any.
    size_bands = models.JSONField(_("sizes"), default=list, blank=True)
    kommun_codes = models.JSONField(_("municipalities"), default=list, blank=True)
    stages = models.JSONField(_("pipeline stages"), default=list, blank=True)
    reservation_minutes = models.PositiveSmallIntegerField(
        _("reservation time (minutes)"),
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_("How long an employer stays reserved for a caller who took it."),
    )
    status = models.CharField(
        _("status"), max_length=6, choices=CampaignStatus.choices, default=CampaignStatus.ACTIVE
    )
    callers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="outreach_campaigns",
        verbose_name=_("callers"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.status == CampaignStatus.ACTIVE

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


class TargetState(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    CALLBACK = "callback", _("Call back")
    DONE = "done", _("Done")


class Outcome(models.TextChoices):
    NO_ANSWER = "no_answer", _("No answer")
    CALL_BACK = "call_back", _("Call back at a set time")
    WRONG_PERSON = "wrong_person", _("Wrong person")
    NOT_INTERESTED = "not_interested", _("Not interested")
    INTERESTED = "interested", _("Interested")
    MEETING_BOOKED = "meeting_booked", _("Meeting booked")


class CampaignTarget(OrganisationOwned):
    """One employer on a campaign's list. ``reserved_by`` holds it until ``reserved_until``;
    after that anyone may take it again, so a caller who walks away blocks nobody for long."""

    access_policy = AccessPolicy.ORGANISATION

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="targets", verbose_name=_("campaign")
    )
    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.CASCADE,
        related_name="campaign_targets",
        verbose_name=_("employer"),
    )
    state = models.CharField(
        _("state"), max_length=8, choices=TargetState.choices, default=TargetState.WAITING
    )
    callback_at = models.DateTimeField(_("call back at"), null=True, blank=True)
    # Who promised the call back: the queue gives it to them. None: anyone may make it.
    callback_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("call back by"),
    )
    reserved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reserved by"),
    )
    reserved_until = models.DateTimeField(_("reserved until"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("calls"), default=0)
    last_outcome = models.CharField(
        _("latest outcome"), max_length=16, choices=Outcome.choices, blank=True
    )
    last_called_at = models.DateTimeField(_("latest call"), null=True, blank=True)
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("campaign target")
        verbose_name_plural = _("campaign targets")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "employer"], name="campaign_target_unique_employer"
            )
        ]
        # One index per queue the next employer is taken from (see services.target_take_next).
        indexes = [
            models.Index(
                fields=["campaign", "state", "attempts", "id"], name="campaign_target_fresh"
            ),
            models.Index(
                fields=["campaign", "state", "last_called_at", "id"],
                name="campaign_target_again",
            ),
            models.Index(
                fields=["campaign", "state", "callback_at", "id"], name="campaign_target_callback"
            ),
            models.Index(fields=["campaign", "reserved_by"], name="campaign_target_reserved"),
        ]

    def __str__(self) -> str:
        return str(self.employer)

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


class Call(OrganisationOwned):
    access_policy = AccessPolicy.ORGANISATION

    target = models.ForeignKey(
        CampaignTarget, on_delete=models.CASCADE, related_name="calls", verbose_name=_("employer")
    )
    caller = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("caller"),
    )
    called_at = models.DateTimeField(_("called at"))
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    callback_at = models.DateTimeField(_("call back at"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-called_at", "-pk"]

    @property
    def reached(self) -> bool:
        return self.outcome != Outcome.NO_ANSWER

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


class Willingness(models.TextChoices):
    YES = "yes", _("Yes")
    MAYBE = "maybe", _("Maybe")
    NO = "no", _("No")


class NeedsSurvey(OrganisationOwned):
    """What an employer said about its needs, on a call that reached someone."""

    access_policy = AccessPolicy.ORGANISATION

    call = models.OneToOneField(
        Call, on_delete=models.CASCADE, related_name="survey", verbose_name=_("call")
    )
    competence_needs = models.TextField(_("competence needs"), blank=True)
    takes_interns = models.CharField(
        _("takes interns (praktik)"), max_length=5, choices=Willingness.choices, blank=True
    )
    takes_work_trainees = models.CharField(
        _("takes work trainees"), max_length=5, choices=Willingness.choices, blank=True
    )
    low_threshold_tasks = models.TextField(
        _("tasks someone without the specialist's training could do"), blank=True
    )
    supervisors = models.PositiveSmallIntegerField(
        _("supervisors available"), null=True, blank=True
    )
    supervised_participants = models.PositiveSmallIntegerField(
        _("participants they can supervise"), null=True, blank=True
    )
    # The task the free text became in the employer's catalogue of low-threshold tasks.
    low_threshold_task = models.ForeignKey(
        "openings.LowThresholdTask",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("low-threshold task"),
    )

    class Meta:
        verbose_name = _("needs survey")
        verbose_name_plural = _("needs surveys")

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


class Horizon(models.TextChoices):
    NOW = "now", _("Now")
    SIX_MONTHS = "6m", _("Within 6 months")
    TWELVE_MONTHS = "12m", _("Within 12 months")


# Kinds of opening a recruitment need can turn into.
NEED_KINDS = [
    (kind.value, kind.label)
    for kind in (
        OpeningKind.JOB,
        OpeningKind.INTERNSHIP,
        OpeningKind.WORK_TRAINING,
        OpeningKind.EDUCATION,
    )
]


class RecruitmentNeed(OrganisationOwned):
    access_policy = AccessPolicy.ORGANISATION

    survey = models.ForeignKey(
        NeedsSurvey, on_delete=models.CASCADE, related_name="needs", verbose_name=_("survey")
    )
    horizon = models.CharField(_("when"), max_length=3, choices=Horizon.choices)
    kind = models.CharField(
        _("kind of opening"), max_length=20, choices=NEED_KINDS, default=OpeningKind.JOB
    )
    occupation = models.ForeignKey(
        "taxonomy.Occupation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("occupation"),
    )
    how_many = models.PositiveSmallIntegerField(
        _("how many"), default=1, validators=[MinValueValidator(1)]
    )
    requirements = models.TextField(_("requirements"), blank=True)
    opening = models.ForeignKey(
        "openings.Opening",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("opening"),
    )

    class Meta:
        verbose_name = _("recruitment need")
        verbose_name_plural = _("recruitment needs")
        ordering = ["pk"]

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


class FollowUpKind(models.TextChoices):
    CALL_BACK = "call_back", _("Call back")
    SEND_MATERIAL = "send_material", _("Send material")
    MEETING = "meeting", _("Meeting")


class FollowUp(OrganisationOwned):
    """Something a caller promised an employer, on the caller's own task list."""

    access_policy = AccessPolicy.ORGANISATION

    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.CASCADE,
        related_name="follow_ups",
        verbose_name=_("employer"),
    )
    target = models.ForeignKey(
        CampaignTarget,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follow_ups",
        verbose_name=_("campaign target"),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="follow_ups",
        verbose_name=_("assigned to"),
    )
    kind = models.CharField(_("kind"), max_length=14, choices=FollowUpKind.choices)
    due_at = models.DateTimeField(_("due"))
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("done by"),
    )

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due_at", "pk"]
        indexes = [models.Index(fields=["assignee", "done_at", "due_at"], name="follow_up_open")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.employer}"

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


auditlog.register(Campaign, m2m_fields={"callers", "industries"})
# Reservations change on every "next employer"; the calls record what was done.
auditlog.register(CampaignTarget, exclude_fields=["reserved_by", "reserved_until"])
auditlog.register(Call)
auditlog.register(NeedsSurvey)
auditlog.register(RecruitmentNeed)
auditlog.register(FollowUp)
