"""Case notes. A note is never changed in place: a correction adds a version; earlier ones stay."""

import uuid

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baslager.organisations.access import AccessPolicy
from baslager.participants.models import ParticipantOwned


class CaseNote(ParticipantOwned):
    access_policy = AccessPolicy.RESTRICTED

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="case_notes"
    )
    occurred_on = models.DateField(_("date"), default=timezone.localdate)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("case note")
        verbose_name_plural = _("case notes")
        ordering = ["-occurred_on", "-created_at"]

    def __str__(self) -> str:
        return _("Case note of %(date)s") % {"date": self.occurred_on}

    def _versions(self) -> list["CaseNoteVersion"]:
        # Selectors prefetch ``version_list``; without it, one query.
        if not hasattr(self, "version_list"):
            self.version_list = list(self.versions.select_related("written_by"))
        return self.version_list

    @property
    def current_version(self) -> "CaseNoteVersion | None":
        versions = self._versions()
        return versions[-1] if versions else None

    @property
    def is_corrected(self) -> bool:
        return len(self._versions()) > 1


class CaseNoteVersion(models.Model):
    # The audit log names the fields that changed but never shows the text of a note.
    audit_values_hidden = True

    note = models.ForeignKey(CaseNote, on_delete=models.PROTECT, related_name="versions")
    text = models.TextField(_("text"))
    correction_reason = models.CharField(_("reason for correction"), max_length=200, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["written_at", "pk"]
        verbose_name = _("case note version")
        verbose_name_plural = _("case note versions")

    def __str__(self) -> str:
        return _("%(note)s, version of %(written_at)s") % {
            "note": self.note,
            "written_at": timezone.localtime(self.written_at).strftime("%Y-%m-%d %H:%M"),
        }

    def get_additional_data(self) -> dict:
        return {
            "participant": str(self.note.participant.public_id),
            "organisation": self.note.organisation_id,
        }


auditlog.register(CaseNote)
auditlog.register(CaseNoteVersion)
