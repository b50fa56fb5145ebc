from baslager.handbook.defaults import DEFAULT_LIBRARY
from baslager.handbook.models import (
    ChecklistStage,
    ChecklistTemplate,
    ChecklistTemplateItem,
    Responsible,
)
from baslager.handbook.services import (
    checklist_library_for,
    checklist_template_save,
    checklist_template_set_active,
)


def test_the_default_library_is_made_once_per_organisation(world):
    first = list(checklist_library_for(organisation=world.home))
    again = list(checklist_library_for(organisation=world.home))
    assert first == again
    assert [c.stage for c in first] == list(ChecklistStage)
    for checklist, (_stage, title, items) in zip(first, DEFAULT_LIBRARY, strict=True):
        assert checklist.title == title
        assert 6 <= checklist.items.count() <= 10
        assert list(checklist.items.values_list("text", flat=True)) == [i[0] for i in items]
    assert not ChecklistTemplate.objects.filter(organisation=world.other).exists()


def test_an_organisation_that_removed_or_deactivated_defaults_does_not_get_them_back(world):
    library = checklist_library_for(organisation=world.home)
    checklist_template_set_active(checklist=library.first(), active=False)
    library.exclude(pk=library.first().pk).delete()
    assert checklist_library_for(organisation=world.home).count() == 1


def test_saving_a_checklist_numbers_its_items_in_the_order_given(world):
    checklist_library_for(organisation=world.home)
    checklist = ChecklistTemplate(organisation=world.home)
    checklist_template_save(
        checklist=checklist,
        data={"stage": ChecklistStage.FIRST_DAY, "title": "Lager"},
        items=[
            ChecklistTemplateItem(text="Tre", who=Responsible.COACH, position=30),
            ChecklistTemplateItem(text="Ett", who=Responsible.SUPERVISOR, position=5),
            ChecklistTemplateItem(text="Två", who=Responsible.PARTICIPANT, position=10_000),
        ],
        deleted_items=[],
    )
    rows = list(checklist.items.values_list("text", "position", "organisation_id"))
    home = world.home.pk
    assert rows == [("Ett", 1, home), ("Tre", 2, home), ("Två", 3, home)]
    assert checklist.position == len(DEFAULT_LIBRARY) + 1
