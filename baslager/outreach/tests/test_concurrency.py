"""Many callers taking "next employer" at the same moment, each over its own connection."""

import threading
import time

import pytest
from django.db import OperationalError, connection

from baslager.accounts.models import User
from baslager.employers.models import Employer
from baslager.organisations.models import Membership, Organisation, Role
from baslager.outreach import services
from baslager.outreach.models import CampaignTarget

CALLERS = 100
TARGETS = 300

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite lets one writer in at a time, so there is no race to lose",
)


def _connect_patiently() -> None:
    # The server allows about 100 connections; wait for one rather than fail the race itself.
    for _attempt in range(100):
        try:
            connection.ensure_connection()
            return
        except OperationalError:
            time.sleep(0.1)
    connection.ensure_connection()


@pytest.mark.django_db(transaction=True)
def test_no_two_of_a_hundred_simultaneous_callers_get_the_same_employer():
    organisation = Organisation.objects.create(name="Ringcentralen")
    callers = User.objects.bulk_create(
        User(email=f"caller{i}@example.org", full_name=f"Uppringare {i}", password="!")
        for i in range(CALLERS)
    )
    Membership.objects.bulk_create(
        Membership(user=user, organisation=organisation, role=Role.COACH) for user in callers
    )
    Employer.objects.bulk_create(
        Employer(organisation=organisation, name=f"Arbetsgivare {i}") for i in range(TARGETS)
    )
    campaign = services.campaign_create(
        membership=Membership.objects.filter(organisation=organisation).first(),
        actor=callers[0],
        data={"name": "Storringning", "callers": callers},
    )
    assert campaign.targets.count() == TARGETS
    # The threads need every connection the server has to spare.
    connection.close()

    barrier = threading.Barrier(CALLERS, timeout=60)
    taken: dict[int, int | None] = {}
    errors: list[BaseException] = []

    def take(caller: User) -> None:
        try:
            _connect_patiently()
            barrier.wait()
            target = services.target_take_next(campaign=campaign, caller=caller)
            taken[caller.pk] = target.pk if target else None
        except BaseException as error:  # reported below, with the others
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=take, args=(caller,)) for caller in callers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors, errors
    assert len(taken) == CALLERS and None not in taken.values()
    assert len(set(taken.values())) == CALLERS, "two callers got the same employer"
    held = dict(
        CampaignTarget.objects.filter(reserved_by__isnull=False).values_list("pk", "reserved_by")
    )
    assert held == {target: caller for caller, target in taken.items()}
