"""A member's private calendar feed: a secret address Outlook or Google Calendar subscribes to."""

from auditlog.registry import auditlog
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import Membership, OrganisationOwned


class CalendarFeed(OrganisationOwned):
    """The token is shown once, when the feed is made; only its hash is stored, as for a
    supervisor's link. A member has at most one working feed: a new one revokes the old."""

    access_policy = AccessPolicy.ORGANISATION

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    full_names = models.BooleanField(
        _("show participants' full names"),
        default=False,
        help_text=_(
            "Off: one-to-one sessions show the kind of session and the participant's initials. "
            "Your calendar provider stores what the feed shows."
        ),
    )
    only_mine = models.BooleanField(
        _("only my own sessions"),
        default=False,
        help_text=_("Off: the organisation's group activities are in the feed too."),
    )
    language = models.CharField(_("language"), max_length=10, default="sv")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.membership} · {self.created_at:%Y-%m-%d}"

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


# Each poll only moves last_fetched_at; the fetch itself is logged as an access.
auditlog.register(CalendarFeed, exclude_fields=["token_hash", "last_fetched_at"])
