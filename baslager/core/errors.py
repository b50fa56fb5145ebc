"""One list of every error on a page, for the summary at its top that links to each field;
over forms and formsets alike."""

from dataclasses import dataclass

from django.forms import BaseForm, BaseFormSet
from django.forms.forms import NON_FIELD_ERRORS


@dataclass(frozen=True)
class ErrorItem:
    target: str
    label: str
    message: str


def _target(bound_field) -> str:
    # Radio buttons and checkboxes have no element with the field's own id; link to the first.
    if getattr(bound_field.field.widget, "use_fieldset", False):
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id or ""


def _form_items(form: BaseForm, row: int | None) -> list[ErrorItem]:
    items: list[ErrorItem] = []
    for name, errors in form.errors.items():
        if name == NON_FIELD_ERRORS or name not in form.fields:
            items += [ErrorItem("", "", str(error)) for error in errors]
            continue
        bound = form[name]
        label = str(bound.label) if row is None else f"{bound.label} ({row})"
        items += [ErrorItem(_target(bound), label, str(error)) for error in errors]
    return items


def error_items(*forms: BaseForm | BaseFormSet) -> list[ErrorItem]:
    items: list[ErrorItem] = []
    for form in forms:
        if form is None or not form.is_bound:
            continue
        if isinstance(form, BaseFormSet):
            items += [ErrorItem("", "", str(error)) for error in form.non_form_errors()]
            for row, row_form in enumerate(form.forms, start=1):
                items += _form_items(row_form, row)
        else:
            items += _form_items(form, None)
    return items
