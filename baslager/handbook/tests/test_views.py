from django.urls import reverse

from baslager.handbook.models import ChecklistStage, ChecklistTemplate, ChecklistTemplateItem
from baslager.handbook.services import checklist_library_for, checklist_template_save
from baslager.testing.queries import queries_to_get

LIBRARY = reverse("handbook:library")


def _formset(items, **checklist) -> dict:
    data = {
        "stage": checklist.get("stage", ChecklistStage.FIRST_DAY),
        "title": checklist.get("title", "Lager"),
        "items-TOTAL_FORMS": str(len(items)),
        "items-INITIAL_FORMS": str(sum(1 for item in items if item.get("id"))),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
        "save": "1",
    }
    for index, item in enumerate(items):
        for key, value in item.items():
            data[f"items-{index}-{key}"] = value
    return data


def test_a_coach_sees_the_default_library_by_stage(world, signed_in):
    page = signed_in(world.coach).get(LIBRARY).content.decode()
    assert "Before arrival" in page and "Follow-up" in page
    assert "Utse handledare och ersättare" in page
    assert "Håll trepartssamtal: coach, handledare och deltagare" in page


def test_scouts_and_viewers_are_refused_and_outsiders_find_nothing(world, signed_in, client_for):
    checklist = checklist_library_for(organisation=world.home).first()
    edit = reverse("handbook:edit", kwargs={"checklist": checklist.pk})
    for user in (world.scout, world.viewer):
        client = client_for(user)
        assert client.get(LIBRARY).status_code == 403
        assert client.get(edit).status_code == 403
    outsider = signed_in(world.outsider)
    assert outsider.get(edit).status_code == 404
    assert (
        outsider.post(reverse("handbook:active", kwargs={"checklist": checklist.pk})).status_code
        == 404
    )
    checklist.refresh_from_db()
    assert checklist.is_active
    outsiders_page = outsider.get(LIBRARY).content.decode()
    assert f'href="{edit}"' not in outsiders_page


def test_a_coach_adds_a_checklist(world, signed_in):
    client = signed_in(world.coach)
    response = client.post(
        reverse("handbook:create"),
        _formset(
            [
                {"text": "Visa truckområdet", "who": "supervisor", "position": "2"},
                {"text": "Gå igenom skyddsskor", "who": "supervisor", "position": "1"},
                {"text": "", "who": "coach", "position": ""},
            ],
            title="Lagerarbete",
        ),
    )
    assert response.status_code == 302
    checklist = ChecklistTemplate.objects.get(organisation=world.home, title="Lagerarbete")
    assert list(checklist.items.values_list("text", flat=True)) == [
        "Gå igenom skyddsskor",
        "Visa truckområdet",
    ]


def test_a_coach_edits_reorders_and_removes_items(world, signed_in):
    checklist = checklist_library_for(organisation=world.home).get(stage=ChecklistStage.FIRST_DAY)
    items = list(checklist.items.order_by("position"))
    rows = [
        {"id": str(item.pk), "text": item.text, "who": item.who, "position": str(item.position)}
        for item in items
    ]
    rows[0]["position"] = "99"
    rows[1]["DELETE"] = "on"
    rows[2]["text"] = "Visa nödutgångarna"
    rows.append({"text": "Ge en nyckel", "who": "supervisor", "position": ""})
    url = reverse("handbook:edit", kwargs={"checklist": checklist.pk})
    response = signed_in(world.coach).post(url, _formset(rows, title="Dag ett"))
    assert response.status_code == 302
    checklist.refresh_from_db()
    texts = list(checklist.items.order_by("position").values_list("text", flat=True))
    assert checklist.title == "Dag ett"
    assert items[1].text not in texts
    assert texts[0] == "Visa nödutgångarna"
    assert texts[-2:] == [items[0].text, "Ge en nyckel"]
    assert list(checklist.items.order_by("position").values_list("position", flat=True)) == list(
        range(1, len(texts) + 1)
    )


def test_adding_a_row_with_htmx_keeps_what_was_typed(world, signed_in):
    data = _formset([{"text": "Första", "who": "coach", "position": "1"}], title="Ny")
    data.pop("save")
    data["add_item"] = "1"
    response = signed_in(world.coach).post(
        reverse("handbook:create"), data, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="items-1-text"' in body and 'value="Första"' in body
    assert not ChecklistTemplate.objects.filter(title="Ny").exists()


def test_a_coach_deactivates_and_activates_a_checklist(world, signed_in):
    checklist = checklist_library_for(organisation=world.home).first()
    url = reverse("handbook:active", kwargs={"checklist": checklist.pk})
    client = signed_in(world.coach)
    assert client.post(url).status_code == 302
    checklist.refresh_from_db()
    assert not checklist.is_active
    assert "Deactivated" in client.get(LIBRARY).content.decode()
    client.post(url, {"active": "1"})
    checklist.refresh_from_db()
    assert checklist.is_active


def test_the_library_takes_as_many_queries_for_many_checklists_as_for_few(world, signed_in):
    client = signed_in(world.coach)
    client.get(LIBRARY)
    few = queries_to_get(client, LIBRARY)
    for number in range(5):
        checklist_template_save(
            checklist=ChecklistTemplate(organisation=world.home),
            data={"stage": ChecklistStage.FIRST_WEEK, "title": f"Extra {number}"},
            items=[ChecklistTemplateItem(text=f"Punkt {n}", who="coach") for n in range(4)],
            deleted_items=[],
        )
    assert queries_to_get(client, LIBRARY) == few
