"""Pages composed of panels that apps higher in the layering provide.

An app low in the layering (docs/architecture.md) cannot import the apps above it, yet its pages
may need to show what they hold: the participant page shows the plan, the case notes and the
placements. Such a page owns a ``Panels`` registry; each app above registers its panel in its
``AppConfig.ready()``. The page asks every panel for its context, collects the next steps the
panels report and renders each panel with a link to its full section page.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

# A panel's context function answers None when the member may not see the panel at all.
PanelContext = Callable[[HttpRequest, Any], dict[str, Any] | None]


@dataclass(frozen=True)
class NextStep:
    """Something to do, reported by a panel: ``when`` orders the steps (undated ones last),
    ``url`` is where it is done."""

    text: str
    url: str
    when: date | datetime | None = None

    @property
    def has_time(self) -> bool:
        return isinstance(self.when, datetime)

    @property
    def sort_key(self) -> tuple[bool, datetime]:
        if self.when is None:
            return (True, datetime.max)
        if isinstance(self.when, datetime):
            return (False, timezone.localtime(self.when).replace(tzinfo=None))
        return (False, datetime.combine(self.when, time.min))


@dataclass(frozen=True)
class Panel:
    """One section of a composed page.

    ``context(request, obj)`` returns the template's context, or None to leave the panel out;
    a ``"next_steps"`` entry (a list of ``NextStep``) feeds the page's next steps. ``url_name``
    names the section's full page, reversed with the page's URL keyword for ``obj``.
    """

    key: str
    title: str
    order: int
    template: str
    context: PanelContext
    url_name: str | None = None


@dataclass
class RenderedPanel:
    panel: Panel
    html: str
    url: str | None


@dataclass
class Composition:
    panels: list[RenderedPanel] = field(default_factory=list)
    next_steps: list[NextStep] = field(default_factory=list)


class Panels:
    """The panels of one kind of page. ``object_name`` is what the page's object is called in
    the panels' templates and ``url_kwargs(obj)`` builds the keyword arguments of its URLs."""

    def __init__(self, *, object_name: str, url_kwargs: Callable[[Any], dict[str, Any]]):
        self.object_name = object_name
        self.url_kwargs = url_kwargs
        self._panels: dict[str, Panel] = {}

    def register(self, panel: Panel) -> None:
        """Add ``panel`` to the page; called from an ``AppConfig.ready()``."""
        if panel.key in self._panels:
            raise ImproperlyConfigured(
                f"A {self.object_name} panel named {panel.key!r} is registered twice."
            )
        self._panels[panel.key] = panel

    def registered(self) -> list[Panel]:
        return sorted(self._panels.values(), key=lambda panel: (panel.order, panel.key))

    def compose(self, request: HttpRequest, obj) -> Composition:
        """Every panel the member may see, rendered in order, and the next steps they report,
        soonest first."""
        result = Composition()
        for panel in self.registered():
            context = panel.context(request, obj)
            if context is None:
                continue
            result.next_steps.extend(context.get("next_steps", ()))
            url = reverse(panel.url_name, kwargs=self.url_kwargs(obj)) if panel.url_name else None
            context = {self.object_name: obj, "panel": panel, "section_url": url, **context}
            html = render_to_string(panel.template, context, request=request)
            result.panels.append(RenderedPanel(panel=panel, html=html, url=url))
        result.next_steps.sort(key=lambda step: step.sort_key)
        return result
