import re
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .kinds import kind_model_or_404
from .linker import link as link_text
from .selectors import picker_results

NAME = re.compile(r"^[\w-]{1,100}$")
RESULT_LIMIT = 12
SUGGESTION_LIMIT = 5
LINKED_KINDS = ("occupation", "skill")


def member_required(view):
    """Run the view for anyone who is a member of the active organisation, whatever the role.

    The taxonomy sits below ``organisations``, so it reads the membership the organisations'
    middleware set on the request rather than importing its roles."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if getattr(request, "membership", None) is None:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@require_GET
@login_required
@member_required
def search(request, kind: str):
    """Matches for a taxonomy picker: the ``_results.html`` fragment swapped under the box."""
    kind_model_or_404(kind)
    field = request.GET.get("field", "")
    query = request.GET.get("q") or request.GET.get(f"{field}_query", "")
    query = query.strip()[:200]
    return render(
        request,
        "taxonomy/widgets/_results.html",
        {
            "hits": picker_results(kind=kind, text=query, limit=RESULT_LIMIT),
            "query": query,
            "field": field,
            "multiple": request.GET.get("multiple") == "1",
        },
    )


@require_GET
@login_required
@member_required
def link(request):
    """Concepts a free text is about (a former job, a dream), as suggestions under the text box;
    ``target`` is the id of the picker a choice fills, ``field`` its name."""
    kind = request.GET.get("kind", "occupation")
    if kind not in LINKED_KINDS:
        kind = "occupation"
    source = request.GET.get("source", "")
    query = (request.GET.get("q") or (request.GET.get(source, "") if source else "")).strip()[:300]
    return render(
        request,
        "taxonomy/widgets/_suggestions.html",
        {
            "suggestions": link_text(query, kind=kind, limit=SUGGESTION_LIMIT),
            "query": query,
            # Both land in a script attribute: only name and id characters may pass.
            "field": _html_name(request.GET.get("field", "")),
            "target": _html_name(request.GET.get("target", "")),
        },
    )


def _html_name(value: str) -> str:
    return value if NAME.match(value) else ""
