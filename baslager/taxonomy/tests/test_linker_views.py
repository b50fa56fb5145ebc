import json
import re
from html import unescape

import pytest
from django import forms
from django.urls import reverse

from baslager.openings.forms import OpeningForm
from baslager.participants.forms import MappingForm, experience_formset_class
from baslager.taxonomy.linker_widgets import SuggestingTextarea, SuggestingTextInput
from baslager.taxonomy.models import Occupation, OccupationGroup
from baslager.testing.personas import membership_of


@pytest.fixture
def occupations(db):
    group = OccupationGroup.objects.create(
        concept_id="g9111", label="Städare", code="9111", level=4
    )
    Occupation.objects.create(concept_id="o1", label="Hotellstädare", group=group)
    Occupation.objects.create(concept_id="o2", label="Kock")


def link_url(**params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{reverse('taxonomy:link')}?{query}"


def test_it_sends_anonymous_visitors_to_sign_in(client, occupations):
    response = client.get(link_url(q="städare"))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_it_suggests_occupations_that_fill_the_picker(world, client_for, occupations):
    response = client_for(world.coach).get(
        link_url(
            source="experiences-0-title",
            **{"experiences-0-title": "jobbade som städare på hotell"},
            field="experiences-0-occupation",
            target="id_experiences-0-occupation",
        ),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    html = response.content.decode()

    assert response.templates[0].name == "taxonomy/widgets/_suggestions.html"
    assert "Choose</span> Hotellstädare" in html
    assert "9111 Städare" in html
    assert "getElementById('id_experiences-0-occupation_chips')" in html
    assert 'name="experiences-0-occupation"' in html
    assert "Kock" not in html


def test_without_a_picker_it_only_shows_what_the_text_points_to(world, client_for, occupations):
    html = client_for(world.coach).get(link_url(q="hotellstädare")).content.decode()

    assert "Hotellstädare" in html
    assert "<button" not in html


def test_it_lets_no_script_through_the_target(world, client_for, occupations):
    html = (
        client_for(world.coach)
        .get(link_url(q="städare", target="x');alert(1);('", field="a b"))
        .content.decode()
    )

    assert "alert" not in html
    assert "<button" not in html


def test_it_says_when_nothing_is_found(world, client_for, occupations):
    html = (
        client_for(world.coach)
        .get(link_url(q="qqqxxz"), HTTP_ACCEPT_LANGUAGE="en")
        .content.decode()
    )

    assert "No occupation found for this text." in html
    assert client_for(world.coach).get(link_url(q="")).content.decode().strip() == ""


class ExperienceRow(forms.Form):
    title = forms.CharField(widget=SuggestingTextInput("occupation", picker="occupation"))
    dream = forms.CharField(widget=SuggestingTextarea("occupation"))


def test_the_widget_asks_for_suggestions_for_the_picker_of_its_row():
    html = ExperienceRow(prefix="experiences-2").as_div()

    assert f'hx-get="{reverse("taxonomy:link")}"' in html
    assert 'hx-target="#id_experiences-2-title_suggestions"' in html
    assert 'id="id_experiences-2-title_suggestions"' in html
    vals = json.loads(unescape(re.search(r'hx-vals="([^"]*)"', html)[1]))
    assert vals == {
        "source": "experiences-2-title",
        "kind": "occupation",
        "field": "experiences-2-occupation",
        "target": "id_experiences-2-occupation",
    }
    assert "<textarea" in html


def test_the_experience_opening_and_dream_boxes_suggest_occupations(world):
    experiences = experience_formset_class(extra=1)(prefix="experiences")
    row = str(experiences.forms[0]["title"])
    opening = str(OpeningForm(membership=membership_of(world.coach))["title"])
    dream = str(MappingForm()["dreams_and_goals"])

    assert "id_experiences-0-occupation" in row
    assert "id_occupation" in opening
    assert "id_dreams_and_goals_suggestions" in dream
