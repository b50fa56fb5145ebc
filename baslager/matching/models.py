"""A coach's correction of the ranking, kept as history: each row is one decision with its reason.

The latest row for a participant and an opening is the one in force.
"""

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.participants.models import ParticipantOwned


class OverrideAction(models.TextChoices):
    PIN = "pin", _("Pin to the top")
    POSITION = "position", _("Put at a position")
    EXCLUDE = "exclude", _("Exclude")
    CLEAR = "clear", _("Back to the computed order")


class MatchOverride(ParticipantOwned):
    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.CASCADE,
        related_name="match_overrides",
        verbose_name=_("participant"),
    )
    opening = models.ForeignKey(
        "openings.Opening",
        on_delete=models.CASCADE,
        related_name="match_overrides",
        verbose_name=_("opening"),
    )
    action = models.CharField(_("change"), max_length=8, choices=OverrideAction.choices)
    position = models.PositiveSmallIntegerField(_("position"), null=True, blank=True)
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("ranking override")
        verbose_name_plural = _("ranking overrides")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["participant", "opening", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(reason=""), name="match_override_has_reason"
            ),
            models.CheckConstraint(
                condition=models.Q(action="position", position__gte=1)
                | (~models.Q(action="position") & models.Q(position__isnull=True)),
                name="match_override_position_only_when_placing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.opening}"


auditlog.register(MatchOverride)
