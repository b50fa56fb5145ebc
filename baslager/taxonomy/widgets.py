"""A search-as-you-type picker for taxonomy concepts, for ModelChoiceField and friends.

    forms.ModelChoiceField(queryset=Occupation.objects.all(), widget=TaxonomyPicker("occupation"))
    forms.ModelMultipleChoiceField(
        queryset=Skill.objects.all(), widget=TaxonomyPicker("skill", multiple=True)
    )

The chosen concepts travel as hidden inputs named like the field (primary keys) inside chips
that can be removed. The text box is named ``<field>_query``; what is left typed in it when the
form is sent (always so without JavaScript) is resolved to the best match, so the picker
still works without scripts and a re-rendered form shows that choice as a chip.
"""

from django import forms
from django.urls import reverse

from .kinds import kind_model
from .search import search


class TaxonomyPicker(forms.Widget):
    template_name = "taxonomy/widgets/picker.html"

    def __init__(self, kind: str, multiple: bool = False, attrs=None):
        kind_model(kind)
        super().__init__(attrs)
        self.kind = kind
        self.multiple = multiple

    @staticmethod
    def query_name(name: str) -> str:
        return f"{name}_query"

    def value_from_datadict(self, data, files, name):
        if hasattr(data, "getlist"):
            raw = data.getlist(name)
        else:
            raw = data.get(name)
            raw = list(raw) if isinstance(raw, list | tuple) else [raw]
        chosen = [str(value) for value in raw if value not in (None, "")]
        typed = (data.get(self.query_name(name)) or "").strip()
        if typed:
            best = search(self.kind, typed, limit=1)
            if best:
                chosen = [*chosen, str(best[0].id)] if self.multiple else [str(best[0].id)]
        if self.multiple:
            return list(dict.fromkeys(chosen))
        return chosen[-1] if chosen else None

    def use_required_attribute(self, initial) -> bool:
        # The text box is empty once a concept is chosen; a required box would block sending.
        return False

    def value_omitted_from_data(self, data, files, name):
        if self.multiple:
            # Like SelectMultiple: removing every chip sends nothing, and that means "none".
            return False
        return name not in data and self.query_name(name) not in data

    def format_value(self, value) -> list[str]:
        if value is None or value == "":
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return [str(getattr(item, "pk", item)) for item in values if item not in (None, "")]

    def chosen(self, values: list[str]) -> list:
        pks = [int(value) for value in values if value.isdigit()]
        if not pks:
            return []
        queryset = kind_model(self.kind).objects.filter(pk__in=pks)
        if self.kind == "occupation":
            queryset = queryset.select_related("group")
        found = {concept.pk: concept for concept in queryset}
        return [found[pk] for pk in dict.fromkeys(pks) if pk in found]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget_id = widget["attrs"].get("id") or f"id_{name}"
        widget["attrs"]["id"] = widget_id
        described_by = [widget["attrs"].get("aria-describedby"), f"{widget_id}_help"]
        widget["attrs"]["aria-describedby"] = " ".join(filter(None, described_by))
        widget.update(
            kind=self.kind,
            multiple=self.multiple,
            query_name=self.query_name(name),
            chosen=self.chosen(widget["value"]),
            search_url=reverse("taxonomy:search", kwargs={"kind": self.kind}),
            results_id=f"{widget_id}_results",
            chips_id=f"{widget_id}_chips",
        )
        return context
