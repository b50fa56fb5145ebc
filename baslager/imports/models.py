"""Employers and contact people read from a spreadsheet, previewed, then imported in chunks.

A batch keeps what the file said, row by row, so the preview can show every problem before
anything is written and the import can resume where it stopped. The rows live in their own table
rather than in one JSON field on the batch: a page of the preview then reads 50 rows, not
20,000, and saving the batch after each chunk does not rewrite (and audit) the whole file.
"""

import uuid

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import OrganisationOwned


class FileKind(models.TextChoices):
    XLSX = "xlsx", _("Excel workbook")
    CSV = "csv", _("CSV file")


class BatchStatus(models.TextChoices):
    PREVIEWED = "previewed", _("Previewed")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class DuplicatePolicy(models.TextChoices):
    SKIP = "skip", _("Skip them: leave the registered employer as it is")
    UPDATE = (
        "update",
        _("Update them: fill in the registered employer's empty fields and add new contact people"),
    )


class ImportBatch(OrganisationOwned):
    access_policy = AccessPolicy.ORGANISATION

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    file_name = models.CharField(_("file name"), max_length=255)
    file_kind = models.CharField(_("kind of file"), max_length=4, choices=FileKind.choices)
    # Per sheet read: {"name", "headers": [...], "mapping": {field: column index}}.
    sheets = models.JSONField(_("columns found"), default=list)
    status = models.CharField(
        _("status"), max_length=10, choices=BatchStatus.choices, default=BatchStatus.PREVIEWED
    )
    duplicate_policy = models.CharField(
        _("employers already registered"),
        max_length=6,
        choices=DuplicatePolicy.choices,
        default=DuplicatePolicy.SKIP,
    )
    total = models.PositiveIntegerField(_("rows"), default=0)
    position = models.PositiveIntegerField(_("rows processed"), default=0)
    created_count = models.PositiveIntegerField(_("employers created"), default=0)
    updated_count = models.PositiveIntegerField(_("employers updated"), default=0)
    contacts_count = models.PositiveIntegerField(_("contact people added"), default=0)
    skipped_count = models.PositiveIntegerField(_("rows skipped"), default=0)
    failed_count = models.PositiveIntegerField(_("rows failed"), default=0)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.file_name

    @property
    def percent(self) -> int:
        return 100 if not self.total else self.position * 100 // self.total

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


class RowStatus(models.TextChoices):
    NEW = "new", _("New employer")
    EXISTING = "existing", _("Already registered")
    IN_FILE = "in_file", _("Same employer as an earlier row")
    ERROR = "error", _("Error")


class Outcome(models.TextChoices):
    CREATED = "created", _("Employer created")
    UPDATED = "updated", _("Employer updated")
    ADDED = "added", _("Added to the employer")
    SKIPPED = "skipped", _("Skipped")
    FAILED = "failed", _("Failed")


class ImportRow(OrganisationOwned):
    """One row of the file: its cells by field, what the preview found, and what the import did.

    Written in bulk (no audit entry per row): the employers and contact people the rows become
    are audited one by one, through the employer services."""

    access_policy = AccessPolicy.ORGANISATION

    batch = models.ForeignKey(
        ImportBatch, on_delete=models.CASCADE, related_name="rows", verbose_name=_("import")
    )
    index = models.PositiveIntegerField(_("position in the file"))
    sheet = models.CharField(_("sheet"), max_length=100, blank=True)
    line = models.PositiveIntegerField(_("row"))
    data = models.JSONField(_("cells"), default=dict)
    # The row's cells under the sheet's headers, in their order, so that the preview can map the
    # columns to fields again without the file.
    cells = models.JSONField(_("cells as read"), default=list)
    status = models.CharField(_("status"), max_length=8, choices=RowStatus.choices)
    # [{"field": ..., "level": "error" | "warning", "text": ...}], in the uploader's language.
    messages = models.JSONField(_("messages"), default=list)
    existing = models.ForeignKey(
        "employers.Employer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("registered employer"),
    )
    leader = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("first row of the same employer"),
    )
    outcome = models.CharField(_("outcome"), max_length=8, choices=Outcome.choices, blank=True)
    outcome_message = models.TextField(_("reason"), blank=True)
    employer = models.ForeignKey(
        "employers.Employer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("employer"),
    )

    class Meta:
        verbose_name = _("imported row")
        verbose_name_plural = _("imported rows")
        ordering = ["batch", "index"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "index"], name="import_row_unique_index")
        ]
        indexes = [
            models.Index(fields=["batch", "status"], name="import_row_status"),
            models.Index(fields=["batch", "outcome"], name="import_row_outcome"),
        ]

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


# Progress and counts change with every chunk; only the steps that matter (upload, confirm,
# finish, cancel) belong in the log.
auditlog.register(
    ImportBatch,
    exclude_fields=[
        "position",
        "created_count",
        "updated_count",
        "contacts_count",
        "skipped_count",
        "failed_count",
    ],
)
auditlog.register(ImportRow)
