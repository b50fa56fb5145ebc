"""The employer handbook: the organisation's library of checklists for a placement.

Each placement gets its own copies of the active checklists (see baslager/placements), so editing
the library never changes a placement already under way.
"""

from auditlog.registry import auditlog
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import OrganisationOwned


class ChecklistStage(models.TextChoices):
    """The stages of a placement, in the order they come."""

    BEFORE_ARRIVAL = "before_arrival", _("Before arrival")
    FIRST_DAY = "first_day", _("First day")
    FIRST_WEEK = "first_week", _("First week")
    FOLLOW_UP = "follow_up", _("Follow-up")


STAGE_ORDER = {stage: index for index, stage in enumerate(ChecklistStage.values)}


class Responsible(models.TextChoices):
    """Who sees to one item of a checklist."""

    COACH = "coach", _("Coach")
    SUPERVISOR = "supervisor", _("Supervisor")
    PARTICIPANT = "participant", _("Participant")


class ChecklistTemplate(OrganisationOwned):
    access_policy = AccessPolicy.ORGANISATION

    stage = models.CharField(_("stage"), max_length=16, choices=ChecklistStage.choices)
    title = models.CharField(_("title"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Only active checklists are given to new placements."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("checklist")
        verbose_name_plural = _("checklists")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


class ChecklistTemplateItem(OrganisationOwned):
    access_policy = AccessPolicy.ORGANISATION

    checklist = models.ForeignKey(
        ChecklistTemplate,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("checklist"),
    )
    text = models.CharField(_("item"), max_length=300)
    guidance = models.TextField(_("guidance"), blank=True)
    who = models.CharField(
        _("who"), max_length=12, choices=Responsible.choices, default=Responsible.COACH
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


auditlog.register(ChecklistTemplate)
auditlog.register(ChecklistTemplateItem)
