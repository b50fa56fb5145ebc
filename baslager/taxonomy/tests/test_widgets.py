import pytest
from django import forms
from django.http import QueryDict

from baslager.taxonomy.models import Industry, Occupation, OccupationGroup, Skill
from baslager.taxonomy.widgets import TaxonomyPicker


class ProfileForm(forms.Form):
    occupation = forms.ModelChoiceField(
        queryset=Occupation.objects.all(), widget=TaxonomyPicker("occupation")
    )
    skills = forms.ModelMultipleChoiceField(
        queryset=Skill.objects.all(), widget=TaxonomyPicker("skill", multiple=True), required=False
    )
    note = forms.CharField()


@pytest.fixture
def concepts(db):
    group = OccupationGroup.objects.create(
        concept_id="g9111", label="Städare", code="9111", level=4
    )
    return {
        "cleaner": Occupation.objects.create(concept_id="o1", label="Lokalvårdare", group=group),
        "driver": Occupation.objects.create(concept_id="o2", label="Truckförare"),
        "cleaning": Skill.objects.create(concept_id="s1", label="Städning"),
        "windows": Skill.objects.create(concept_id="s2", label="Fönsterputsning"),
    }


def test_it_keeps_chosen_values_as_hidden_inputs_and_chips_when_the_form_has_errors(concepts):
    data = QueryDict(mutable=True)
    data["occupation"] = str(concepts["cleaner"].pk)
    data.setlist("skills", [str(concepts["cleaning"].pk), str(concepts["windows"].pk)])
    form = ProfileForm(data)

    assert not form.is_valid()
    html = str(form["occupation"]) + str(form["skills"])

    assert f'type="hidden" name="occupation" value="{concepts["cleaner"].pk}"' in html
    assert f'type="hidden" name="skills" value="{concepts["cleaning"].pk}"' in html
    assert f'type="hidden" name="skills" value="{concepts["windows"].pk}"' in html
    assert "Lokalvårdare" in html and "9111" in html
    assert "Städning" in html and "Fönsterputsning" in html
    assert html.count('class="chip"') == 3


def test_it_renders_a_labelled_search_box_wired_to_the_search_view(concepts):
    form = ProfileForm()
    html = str(form["occupation"])
    label = form["occupation"].label_tag()

    assert 'id="id_occupation"' in html and 'for="id_occupation"' in label
    assert 'name="occupation_query"' in html
    assert 'hx-get="/taxonomy/search/occupation/"' in html
    assert 'hx-trigger="input changed delay:200ms"' in html
    assert 'aria-live="polite"' in html
    assert 'class="chip"' not in html


def test_it_renders_initial_instances_as_chips(concepts):
    form = ProfileForm(initial={"occupation": concepts["driver"], "skills": [concepts["windows"]]})
    html = str(form["occupation"]) + str(form["skills"])

    assert f'name="occupation" value="{concepts["driver"].pk}"' in html
    assert f'name="skills" value="{concepts["windows"].pk}"' in html


def test_it_cleans_chosen_primary_keys_to_instances(concepts):
    data = QueryDict(mutable=True)
    data.update({"occupation": str(concepts["driver"].pk), "note": "ok"})
    data.setlist("skills", [str(concepts["cleaning"].pk)])
    form = ProfileForm(data)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["occupation"] == concepts["driver"]
    assert list(form.cleaned_data["skills"]) == [concepts["cleaning"]]


def test_it_resolves_text_left_in_the_box_to_the_best_match_without_javascript(concepts):
    data = QueryDict(mutable=True)
    data.update({"occupation_query": "truckförar", "skills_query": "stadning", "note": "ok"})
    data.setlist("skills", [str(concepts["windows"].pk)])
    form = ProfileForm(data)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["occupation"] == concepts["driver"]
    assert set(form.cleaned_data["skills"]) == {concepts["windows"], concepts["cleaning"]}


def test_it_reports_a_missing_required_choice(concepts):
    form = ProfileForm(QueryDict("note=ok"))

    assert not form.is_valid()
    assert "occupation" in form.errors
    assert 'aria-invalid="true"' in str(form["occupation"])


class WorkplaceForm(forms.Form):
    industry = forms.ModelChoiceField(
        queryset=Industry.objects.all(), widget=TaxonomyPicker("industry")
    )


def test_it_picks_industries_by_label_or_sni_code_and_shows_the_code_on_the_chip(db):
    section = Industry.objects.create(
        concept_id="i", label="Hotell- och restaurangverksamhet", code="I", level=1
    )
    restaurants = Industry.objects.create(
        concept_id="i5610", label="Restaurangverksamhet", code="5610", level=4, parent=section
    )

    by_code = WorkplaceForm(QueryDict("industry_query=56.10"))
    by_label = WorkplaceForm(QueryDict("industry_query=restaurangverksamhet"))

    assert by_code.is_valid() and by_code.cleaned_data["industry"] == restaurants
    assert by_label.is_valid() and by_label.cleaned_data["industry"] == restaurants
    html = str(WorkplaceForm(initial={"industry": restaurants})["industry"])
    assert 'hx-get="/taxonomy/search/industry/"' in html
    assert "Restaurangverksamhet" in html and "56.10" in html


def test_it_refuses_unknown_kinds():
    with pytest.raises(ValueError):
        TaxonomyPicker("planet")
