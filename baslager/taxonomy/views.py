import re

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from baslager.organisations.decorators import role_required
from baslager.organisations.models import Role

from .kinds import kind_model_or_404
from .linker import link as link_text
from .selectors import picker_results

NAME = re.compile(r"^[\w-]{1,100}$")
RESULT_LIMIT = 12
SUGGESTION_LIMIT = 5
LINKED_KINDS = ("occupation", "skill")


@require_GET
@login_required
@role_required(*Role.values)
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
@role_required(*Role.values)
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
