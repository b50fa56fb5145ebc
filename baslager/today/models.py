"""A member's choice to get their start page by e-mail each morning."""

from auditlog.registry import auditlog
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import Membership, OrganisationOwned


class DailyDigest(OrganisationOwned):
    """Opt-in, one per membership: removing the row is how the member stops it."""

    access_policy = AccessPolicy.ORGANISATION

    membership = models.OneToOneField(
        Membership, on_delete=models.CASCADE, related_name="daily_digest"
    )
    created_at = models.DateTimeField(_("chosen"), auto_now_add=True)

    class Meta:
        verbose_name = _("daily digest")
        verbose_name_plural = _("daily digests")

    def __str__(self) -> str:
        return str(self.membership)

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


auditlog.register(DailyDigest)
