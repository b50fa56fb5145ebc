from django.urls import reverse

from baslager.taxonomy.models import Occupation, OccupationGroup


def test_it_lets_operators_search_occupations_but_not_edit_them(db, signed_in, django_user_model):
    operator = django_user_model.objects.create_superuser("ops@example.org", "pw-long-enough-1")
    group = OccupationGroup.objects.create(
        concept_id="g", label="Truckförare", code="8344", level=4
    )
    truck = Occupation.objects.create(concept_id="o", label="Truckförare", group=group)
    Occupation.objects.create(concept_id="p", label="Pizzabagare")
    client = signed_in(operator)

    listing = client.get(reverse("admin:taxonomy_occupation_changelist"), {"q": "8344"})
    detail = client.get(reverse("admin:taxonomy_occupation_change", args=[truck.pk]))

    assert listing.status_code == 200
    assert "Truckförare" in listing.content.decode()
    assert "Pizzabagare" not in listing.content.decode()
    assert detail.status_code == 200 and 'name="_save"' not in detail.content.decode()
    assert client.get(reverse("admin:taxonomy_occupation_add")).status_code == 403
