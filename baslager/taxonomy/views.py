from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from baslager.organisations.decorators import role_required
from baslager.organisations.models import Role

from .kinds import kind_model_or_404
from .selectors import picker_results

RESULT_LIMIT = 12


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
