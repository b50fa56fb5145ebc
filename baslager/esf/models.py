"""What has been reported to SCB: one batch per project and month, with a fingerprint of its rows.

SCB takes participants month by month in chronological order, and correcting an earlier month
means re-submitting every later one (domain-rules §1.6). The fingerprint tells whether a month's
rows have changed since they were submitted; the submission times tell whether a later month was
submitted before an earlier one was corrected. Batches hold no personal data.
"""

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import OrganisationOwned


class ExportBatch(OrganisationOwned):
    access_policy = AccessPolicy.ORGANISATION

    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.CASCADE,
        related_name="esf_export_batches",
        verbose_name=_("project"),
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month reported."))
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    row_count = models.PositiveIntegerField(_("rows"))
    submitted_at = models.DateTimeField(_("submitted"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
    )

    class Meta:
        verbose_name = _("SCB export batch")
        verbose_name_plural = _("SCB export batches")
        ordering = ["project", "month"]
        constraints = [
            models.UniqueConstraint(fields=["project", "month"], name="one_batch_per_month"),
            models.CheckConstraint(
                condition=models.Q(month__day=1), name="batch_month_is_first_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} · {self.month:%Y-%m}"

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


auditlog.register(ExportBatch)
