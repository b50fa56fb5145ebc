from django.db import transaction
from django.utils import timezone

from baslager.core.secret_links import new_token, token_hash
from baslager.organisations.models import Membership

from .models import CalendarFeed


@transaction.atomic
def calendar_feed_create(
    *, membership: Membership, full_names: bool, only_mine: bool, language: str
) -> tuple[CalendarFeed, str]:
    """A new private feed for the member; any earlier one stops working. Returns the token too:
    it is stored only as a hash, so this is the one time it can be shown."""
    calendar_feed_revoke(membership=membership)
    token = new_token()
    feed = CalendarFeed.objects.create(
        organisation_id=membership.organisation_id,
        membership=membership,
        token_hash=token_hash(token),
        full_names=full_names,
        only_mine=only_mine,
        language=language,
    )
    return feed, token


@transaction.atomic
def calendar_feed_revoke(*, membership: Membership) -> int:
    """Stops every feed of the member; returns how many were still working."""
    feeds = list(
        CalendarFeed.objects.select_for_update().filter(
            membership=membership, revoked_at__isnull=True
        )
    )
    for feed in feeds:
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])
    return len(feeds)


def calendar_feed_fetched(*, feed: CalendarFeed) -> None:
    """Note when a calendar program last fetched the feed, without touching its audit history."""
    CalendarFeed.objects.filter(pk=feed.pk).update(last_fetched_at=timezone.now())
