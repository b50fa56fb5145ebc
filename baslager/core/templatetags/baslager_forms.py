"""Template tags shared by every app's forms."""

from django import template
from django.forms import BaseForm, BaseFormSet

from baslager.core.errors import error_items

register = template.Library()


@register.inclusion_tag("includes/_error_summary.html")
def error_summary(*forms):
    """`{% error_summary form [formset ...] %}`: every error of the given forms and formsets at the
    top of the page, each linking to its field. A name missing from the context renders as "",
    so anything that is not a form is passed over rather than failing the page."""
    present = [form for form in forms if isinstance(form, BaseForm | BaseFormSet)]
    # Two summaries on one page (two forms) need distinct ids for aria-labelledby.
    prefix = present[0].prefix if present else ""
    return {
        "errors": error_items(*present),
        "heading_id": f"{prefix}-error-summary-title" if prefix else "error-summary-title",
    }
