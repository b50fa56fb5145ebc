from django.urls import reverse

from baslager.taxonomy.models import Industry, Occupation, OccupationGroup


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


def test_it_lets_operators_look_up_industries_by_sni_code_read_only(
    db, signed_in, django_user_model
):
    operator = django_user_model.objects.create_superuser("ops@example.org", "pw-long-enough-1")
    restaurants = Industry.objects.create(
        concept_id="r", label="Restaurangverksamhet", code="5610", level=4
    )
    Industry.objects.create(concept_id="b", label="Byggverksamhet", code="F", level=1)
    client = signed_in(operator)

    listing = client.get(reverse("admin:taxonomy_industry_changelist"), {"q": "5610"})
    detail = client.get(reverse("admin:taxonomy_industry_change", args=[restaurants.pk]))

    assert listing.status_code == 200
    assert "Restaurangverksamhet" in listing.content.decode()
    assert "Byggverksamhet" not in listing.content.decode()
    assert detail.status_code == 200 and 'name="_save"' not in detail.content.decode()
    assert client.get(reverse("admin:taxonomy_industry_add")).status_code == 403
