from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.urls import reverse


def test_it_lets_operators_search_the_log_but_never_change_it(world, signed_in):
    with set_actor(world.coach):
        world.participant.city = "Södertälje"
        world.participant.save()
    entry = LogEntry.objects.filter(actor=world.coach).latest("pk")
    world.admin.is_staff = True
    world.admin.is_superuser = True
    world.admin.save()
    client = signed_in(world.admin)

    found = client.get(reverse("admin:auditlog_logentry_changelist"), {"q": "Cecilia"})
    assert found.status_code == 200
    results = list(found.context["cl"].result_list)
    assert entry in results
    assert all(row.actor == world.coach or "Cecilia" in row.object_repr for row in results), (
        "the search finds entries by or about Cecilia only"
    )

    delete_url = reverse("admin:auditlog_logentry_delete", args=[entry.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    change_url = reverse("admin:auditlog_logentry_change", args=[entry.pk])
    client.post(change_url, {"object_repr": "Ändrad"})
    entry.refresh_from_db()
    assert entry.object_repr == "Amina Hassan"
    assert LogEntry.objects.filter(pk=entry.pk).exists()
