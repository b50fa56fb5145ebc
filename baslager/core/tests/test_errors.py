from django import forms

from baslager.core.errors import ErrorItem, error_items


class PersonForm(forms.Form):
    name = forms.CharField(label="Name")
    days = forms.MultipleChoiceField(
        label="Days",
        choices=[("mon", "Monday"), ("tue", "Tuesday")],
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        raise forms.ValidationError("Something is off.")


class RowForm(forms.Form):
    title = forms.CharField(label="Title")


RowFormSet = forms.formset_factory(RowForm, min_num=1, validate_min=True)


def test_it_links_each_field_error_to_its_field_and_lists_form_errors_unlinked():
    form = PersonForm(data={"name": ""})

    items = error_items(form)

    assert ErrorItem("id_name", "Name", "This field is required.") in items
    assert ErrorItem("", "", "Something is off.") in items


def test_it_links_a_group_of_checkboxes_to_its_first_box():
    form = PersonForm(data={"name": "Ada"})

    items = error_items(form)

    assert ErrorItem("id_days_0", "Days", "This field is required.") in items


def test_it_numbers_formset_rows_and_keeps_errors_about_the_whole_formset():
    formset = RowFormSet(
        data={
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "0",
            "form-0-title": "",
            "form-1-title": "x",
        },
    )

    items = error_items(formset)

    assert items == [ErrorItem("id_form-0-title", "Title (1)", "This field is required.")]


def test_it_passes_over_forms_that_were_not_posted():
    assert error_items(PersonForm(), RowFormSet(), None) == []


def test_it_gathers_forms_and_formsets_in_the_order_given():
    formset = RowFormSet(data={"form-TOTAL_FORMS": "0", "form-INITIAL_FORMS": "0"})

    items = error_items(PersonForm(data={"name": "Ada", "days": ["mon"]}), formset)

    assert [item.message for item in items] == [
        "Something is off.",
        "Please submit at least 1 form.",
    ]
