from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.forms import BaseForm


def save_valid_form(request, form: BaseForm, save: Callable[[dict], object]):
    """Runs ``save`` on the form's valid data when the request is a POST, and returns what it
    returns; the services' own rules come back as form errors (and ``None``)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return save(form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return None
