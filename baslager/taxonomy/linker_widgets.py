"""A text box that suggests taxonomy concepts for what is written in it.

    title = forms.CharField(widget=SuggestingTextInput("occupation", picker="occupation"))

As the coach writes ("jobbade som städare på hotell"), occupations the linker finds appear under
the box; choosing one puts it into the occupation picker named ``picker`` of the same form (or
formset row). Without ``picker`` the suggestions only show what the text points to. Without
JavaScript the box is a plain text box.
"""

import json

from django import forms
from django.urls import reverse


class _Suggesting:
    template_name = "taxonomy/widgets/suggesting.html"

    def __init__(self, kind: str = "occupation", picker: str = "", attrs=None):
        super().__init__(attrs)
        self.kind = kind
        self.picker = picker

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget_id = widget["attrs"].get("id") or f"id_{name}"
        widget["attrs"]["id"] = widget_id
        prefix = name.rpartition("-")[0]
        picker_name = f"{prefix}-{self.picker}" if prefix and self.picker else self.picker
        suggestions_id = f"{widget_id}_suggestions"
        widget["suggestions_id"] = suggestions_id
        widget["input_template_name"] = self.input_template_name
        vals = {"source": name, "kind": self.kind}
        if picker_name:
            vals.update(field=picker_name, target=f"id_{picker_name}")
        widget["attrs"].update(
            {
                "hx-get": reverse("taxonomy:link"),
                "hx-trigger": "input changed delay:300ms",
                "hx-sync": "this:replace",
                "hx-target": f"#{suggestions_id}",
                "hx-vals": json.dumps(vals),
                "aria-controls": suggestions_id,
            }
        )
        return context


class SuggestingTextInput(_Suggesting, forms.TextInput):
    input_template_name = "django/forms/widgets/text.html"


class SuggestingTextarea(_Suggesting, forms.Textarea):
    input_template_name = "django/forms/widgets/textarea.html"
