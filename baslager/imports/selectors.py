from django.db.models import Count, QuerySet

from baslager.employers.models import ContactPerson, Employer
from baslager.organisations.access import get_scoped_or_404, scoped
from baslager.organisations.models import Membership

from .models import ImportBatch, ImportRow, Outcome, RowStatus


def batch_detail(*, membership: Membership, public_id) -> ImportBatch:
    return get_scoped_or_404(
        ImportBatch.objects.select_related("created_by"), membership, public_id=public_id
    )


def recent_batches(*, membership: Membership, limit: int = 10) -> QuerySet[ImportBatch]:
    return scoped(ImportBatch, membership).select_related("created_by")[:limit]


def row_counts(*, batch: ImportBatch) -> dict[str, int]:
    """How many rows the preview found of each status, in one query."""
    counts = dict.fromkeys(RowStatus.values, 0)
    for entry in batch.rows.values("status").annotate(count=Count("pk")).order_by():
        counts[entry["status"]] = entry["count"]
    return counts


def preview_rows(*, batch: ImportBatch, status: str = "") -> QuerySet[ImportRow]:
    rows = batch.rows.select_related("existing", "leader").order_by("index")
    return rows.filter(status=status) if status else rows


def failed_rows(*, batch: ImportBatch) -> QuerySet[ImportRow]:
    return batch.rows.filter(outcome=Outcome.FAILED).order_by("index")


def employers_for_export(employers: QuerySet[Employer]) -> QuerySet[Employer]:
    return employers.select_related("industry", "owner")


def contacts_for_export(*, membership: Membership, employers: QuerySet[Employer]):
    return (
        scoped(ContactPerson, membership)
        .filter(employer__in=employers.values("pk"))
        .select_related("employer")
        .order_by("employer__name", "employer__pk", "name", "pk")
    )
