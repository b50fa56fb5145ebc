"""Recording what was sent to SCB."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from baslager.organisations.models import Membership
from baslager.projects.models import Project

from .models import ExportBatch
from .selectors import export_statuses


@transaction.atomic
def export_batch_submit(*, project: Project, membership: Membership, month: date) -> ExportBatch:
    """Record that ``month``'s rows as they stand now were sent to SCB.

    Months go in chronological order: only the earliest month that must be sent may be recorded,
    so a correction is always followed by every later month."""
    statuses = export_statuses(project=project, membership=membership, today=timezone.localdate())
    earliest = next((status for status in statuses if status.must_be_sent), None)
    if earliest is None or earliest.month_rows.month != month:
        raise ValidationError(
            _("Send the months in order: the next month to send is %(month)s.")
            % {"month": f"{earliest.month_rows.month:%Y-%m}" if earliest else "–"},
            code="out_of_order",
        )
    batch, _created = ExportBatch.objects.update_or_create(
        project=project,
        month=month,
        defaults={
            "organisation_id": project.organisation_id,
            "fingerprint": earliest.month_rows.fingerprint,
            "row_count": len(earliest.month_rows.rows),
            "submitted_at": timezone.now(),
            "submitted_by": membership.user,
        },
    )
    return batch
