from django.db.models import QuerySet

from baslager.organisations.access import scoped
from baslager.organisations.models import Membership

from .models import Message, ReminderConsent


def messages_for(*, membership: Membership, status: str = "") -> QuerySet[Message]:
    """The organisation's messages the member may see, newest first."""
    messages = scoped(Message, membership).select_related("participant", "created_by")
    if status:
        messages = messages.filter(status=status)
    return messages.order_by("-created_at", "-pk")


def messages_about(*, membership: Membership, topic: str) -> QuerySet[Message]:
    """What was sent about one thing (``topic``, e.g. "placement:12"), for its own page."""
    return messages_for(membership=membership).filter(topic=topic)[:10]


def consent_history(*, participant) -> QuerySet[ReminderConsent]:
    return participant.reminder_consents.select_related("recorded_by", "withdrawn_by")
