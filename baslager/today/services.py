from django.db import transaction

from baslager.organisations.models import Membership

from .models import DailyDigest


@transaction.atomic
def daily_digest_set(*, membership: Membership, wanted: bool) -> bool:
    """Starts or stops the member's morning e-mail; returns whether it is now on."""
    if wanted:
        DailyDigest.objects.get_or_create(
            membership=membership, defaults={"organisation_id": membership.organisation_id}
        )
    else:
        DailyDigest.objects.filter(membership=membership).delete()
    return wanted
