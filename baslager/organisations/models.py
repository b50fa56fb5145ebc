import uuid

from auditlog.registry import auditlog
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    COACH = "coach", _("Coach")
    SCOUT = "scout", _("Scout")
    VIEWER = "viewer", _("Viewer")


class AccessPolicy:
    """How ``access.scoped`` limits a model's rows; see baslager/organisations/access.py."""

    ORGANISATION = "organisation"
    PARTICIPANT = "participant"
    RESTRICTED = "restricted"
    # Open to the organisation when shared (a group activity) or when nobody takes part in it;
    # otherwise it names its participants, so it follows the participant policy.
    SHARED_OR_PARTICIPANT = "shared_or_participant"


class Organisation(models.Model):
    """A work-integration organisation, municipal unit or project owner: the tenant."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200, unique=True)
    kommun_code = models.CharField(_("municipality code"), max_length=4, blank=True)
    coaches_see_all_participants = models.BooleanField(
        _("coaches see all participants"),
        default=False,
        help_text=_(
            "When off, a coach sees only the participants they coach. "
            "Special-category data and case notes stay with each participant's own coaches."
        ),
    )
    days_without_contact = models.PositiveSmallIntegerField(
        _("days without contact"),
        default=21,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_(
            "A participant with no case note and no attended session for this many days is "
            "shown on their coach's start page."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict:
        return {"organisation": self.pk}


class Membership(models.Model):
    """A user's one role in one organisation."""

    access_policy = AccessPolicy.ORGANISATION

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    title = models.CharField(
        _("title"),
        max_length=100,
        blank=True,
        help_text=_("For example job coach or resource broker."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} · {self.get_role_display()}"

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def is_coach(self) -> bool:
        return self.role == Role.COACH

    @property
    def works_with_participants(self) -> bool:
        return self.role in (Role.ADMIN, Role.COACH)


class OrganisationOwned(models.Model):
    """Base for every record that belongs to one organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )

    class Meta:
        abstract = True


class StateChange(OrganisationOwned):
    """One step in a record's history from one state to another: when, by whom and why.

    Subclasses add ``from_<state_field>`` and ``to_<state_field>`` choice fields.
    """

    access_policy = AccessPolicy.ORGANISATION
    state_field: str

    changed_at = models.DateTimeField(_("when"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        abstract = True
        ordering = ["-changed_at", "-pk"]

    @property
    def from_label(self) -> str:
        return getattr(self, f"get_from_{self.state_field}_display")()

    @property
    def to_label(self) -> str:
        return getattr(self, f"get_to_{self.state_field}_display")()


auditlog.register(Organisation)
auditlog.register(Membership)
