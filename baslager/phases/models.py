from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import OrganisationOwned
from baslager.participants.models import ParticipantOwned

DEFAULT_LADDER = [
    ("Kartläggning", "Vi lär känna personen: kompetenser, erfarenheter, drömmar och stödbehov."),
    ("Förberedelse", "Träning, studiebesök, seminarier och förebilder inför arbetslivet."),
    ("Arbetsträning", "Träning på en arbetsplats med stöd, i egen takt."),
    ("Praktik", "Praktik hos en arbetsgivare med handledare."),
    ("Anställning/Studier", "Anställning, eget företag eller studier."),
    ("Uppföljning", "Uppföljning efter avslut."),
]


class Phase(OrganisationOwned):
    """One rung of an organisation's ladder of development phases."""

    access_policy = AccessPolicy.ORGANISATION

    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"))
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("development phase")
        verbose_name_plural = _("development phases")
        ordering = ["organisation", "position"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_phase_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


class PhaseTransition(ParticipantOwned):
    """A participant moved into ``to_phase`` on ``moved_on``, by whom and why."""

    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="phase_transitions"
    )
    from_phase = models.ForeignKey(
        Phase, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_phase = models.ForeignKey(Phase, on_delete=models.PROTECT, related_name="+")
    moved_on = models.DateField(_("date"), default=timezone.localdate)
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phase change")
        verbose_name_plural = _("phase changes")
        ordering = ["moved_on", "created_at"]
        indexes = [
            # The board reads each participant's latest move; the timeline reads them in order.
            models.Index(
                fields=["participant", "-moved_on", "-created_at"], name="phase_move_latest"
            ),
        ]


auditlog.register(Phase)
auditlog.register(PhaseTransition)
