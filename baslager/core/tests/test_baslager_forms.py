from django import forms
from django.template import Context, Template


class NoteForm(forms.Form):
    title = forms.CharField(label="Title")
    remark = forms.CharField(label="Remark", required=False, help_text="A line or two.")
    urgent = forms.BooleanField(label="Urgent", required=False)
    days = forms.MultipleChoiceField(
        label="Days",
        choices=[("mon", "Monday"), ("tue", "Tuesday")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    step = forms.IntegerField(required=False, widget=forms.HiddenInput)


def render(source: str, **context) -> str:
    return Template("{% load baslager_forms %}" + source).render(Context(context))


def field(bound, **options) -> str:
    return render('{% include "includes/_field.html" %}', field=bound, **options)


def test_it_summarises_errors_as_an_alert_with_a_heading_and_links_to_the_fields():
    html = render("{% error_summary form %}", form=NoteForm(data={}))

    assert 'class="error-summary" role="alert"' in html
    assert 'aria-labelledby="error-summary-title"' in html
    assert '<h2 id="error-summary-title">Please correct the following</h2>' in html
    assert '<a href="#id_title">Title: This field is required.</a>' in html


def test_it_summarises_several_forms_and_formsets_in_one_list():
    formset = forms.formset_factory(NoteForm)(
        data={"rows-TOTAL_FORMS": "1", "rows-INITIAL_FORMS": "0", "rows-0-remark": "x"},
        prefix="rows",
    )

    html = render("{% error_summary form rows %}", form=NoteForm(data={}), rows=formset)

    assert html.count("<li>") == 2
    assert '<h2 id="error-summary-title">' in html
    assert '<a href="#id_title">Title: This field is required.</a>' in html
    assert '<a href="#id_rows-0-title">Title (1): This field is required.</a>' in html


def test_it_gives_the_summary_of_a_prefixed_form_its_own_heading_id():
    html = render("{% error_summary form %}", form=NoteForm(data={}, prefix="new"))

    assert '<h2 id="new-error-summary-title">' in html
    assert 'href="#id_new-title"' in html


def test_it_shows_no_summary_for_a_valid_form_an_unposted_one_or_a_missing_name():
    assert render("{% error_summary form %}", form=NoteForm(data={"title": "x"})).strip() == ""
    assert render("{% error_summary form %}", form=NoteForm()).strip() == ""
    assert render("{% error_summary nothing %}").strip() == ""


def test_it_labels_a_field_and_marks_it_optional_only_when_it_is():
    form = NoteForm()

    assert '<label for="id_title">Title</label>' in field(form["title"])
    remark = field(form["remark"])
    assert '<label for="id_remark">Remark <span class="muted">(optional)</span></label>' in remark
    assert '<p class="help" id="id_remark_helptext">A line or two.</p>' in remark


def test_it_leaves_out_the_optional_marker_when_asked():
    html = field(NoteForm()["remark"], optional_marker=False)

    assert '<label for="id_remark">Remark</label>' in html


def test_it_puts_a_checkbox_inside_its_label():
    html = field(NoteForm()["urgent"])

    assert html.count("<label") == 1
    assert '<label for="id_urgent" class="field__check"><input type="checkbox"' in html
    assert "(optional)" not in html


def test_it_groups_choices_in_a_fieldset_with_a_legend():
    html = field(NoteForm()["days"])

    assert '<fieldset class="field__choices" id="id_days"' in html
    assert "<legend>Days</legend>" in html
    assert '<label for="id_days_0"><input type="checkbox" name="days" value="mon"' in html


def test_it_shows_field_errors_unless_told_not_to():
    form = NoteForm(data={})

    assert 'id="id_title_error"' in field(form["title"])
    assert 'aria-invalid="true"' in field(form["title"])
    assert "This field is required." not in field(form["title"], show_errors=False)


def test_it_renders_a_hidden_field_bare():
    html = field(NoteForm()["step"])

    assert html.strip() == '<input type="hidden" name="step" id="id_step">'
