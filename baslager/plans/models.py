"""The individual plan: goals, activities and their occurrences, and attendance."""

from datetime import timedelta
from decimal import Decimal

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import OrganisationOwned
from baslager.participants.models import ParticipantOwned


class GoalStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    ACHIEVED = "achieved", _("Achieved")
    CHANGED = "changed", _("Changed or dropped")


class Goal(ParticipantOwned):
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="goals"
    )
    title = models.CharField(_("goal"), max_length=200)
    description = models.TextField(_("how we get there"), blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=GoalStatus.choices, default=GoalStatus.PLANNED
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["target_date", "created_at"]

    def __str__(self) -> str:
        return self.title


class ActivityKind(models.TextChoices):
    TRAINING = "training", _("Training")
    WORK_TRAINING = "work_training", _("Work training")
    INTERNSHIP = "internship", _("Internship (praktik)")
    WORKPLACE_VISIT = "workplace_visit", _("Workplace visit")
    SEMINAR = "seminar", _("Seminar")
    ROLE_MODEL_MEETING = "role_model", _("Role-model meeting")
    STUDY_CIRCLE = "study_circle", _("Study circle")
    GROUP_MEETING = "group_meeting", _("Weekly group meeting")
    COACHING = "coaching", _("Coaching session")


class Activity(OrganisationOwned):
    """An activity one or many participants take part in; group activities share occurrences."""

    # A one-to-one activity's title often names its participant ("Praktik för Amina"), so only
    # those who may see its participant see it; group activities are open to the organisation.
    access_policy = AccessPolicy.SHARED_OR_PARTICIPANT
    participant_lookup = "enrolments__participant"
    shared_lookup = "is_group"

    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    location = models.CharField(_("place"), max_length=200, blank=True)
    employer = models.CharField(
        _("employer"),
        max_length=200,
        blank=True,
        help_text=_("For an internship or work training: the workplace, in free text."),
    )
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("leader"),
    )
    is_group = models.BooleanField(_("group activity"), default=False)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-starts_on", "title"]

    def __str__(self) -> str:
        return self.title

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


class Enrolment(ParticipantOwned):
    """A participant takes part in an activity as part of their plan, optionally towards a goal."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="enrolments")
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="enrolments"
    )
    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="enrolments"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["activity", "participant"], name="enrolled_once")
        ]


class Occurrence(OrganisationOwned):
    """One meeting of an activity, at a time; attendance is recorded per occurrence."""

    # Seen by whoever sees its activity.
    access_policy = AccessPolicy.SHARED_OR_PARTICIPANT
    participant_lookup = "activity__enrolments__participant"
    shared_lookup = "activity__is_group"

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="occurrences")
    starts_at = models.DateTimeField(_("starts"))
    duration_minutes = models.PositiveSmallIntegerField(_("length (minutes)"), default=60)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["activity", "starts_at"]),
            # A day's or a week's sessions of the organisation (the start page, calendars).
            models.Index(fields=["organisation", "starts_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def default_hours(self) -> Decimal:
        """Hours a participant present for the whole occurrence is credited with."""
        return (Decimal(self.duration_minutes) / 60).quantize(Decimal("0.1"))


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class Attendance(ParticipantOwned):
    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="attendance")
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(_("attendance"), max_length=8, choices=AttendanceStatus.choices)
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1, default=0)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    # Set by the service, not auto_now: bulk_update skips auto_now fields.
    recorded_at = models.DateTimeField(_("recorded"), null=True, blank=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["occurrence", "participant"], name="attended_once")
        ]


auditlog.register(Activity)
auditlog.register(Goal)
auditlog.register(Enrolment)
auditlog.register(Attendance)
