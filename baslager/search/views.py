from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from . import selectors


@require_http_methods(["GET", "POST"])
def search(request):
    """The header's search box posts here. A name goes on to the address (so results can be
    kept and shared); a number is searched at once and never leaves the POST body."""
    membership = request.membership
    if request.method == "POST":
        query = request.POST.get("q", "").strip()
        if not selectors.is_number(query):
            return redirect(f"{reverse('search:results')}?{urlencode({'q': query})}")
        groups = selectors.search_by_number(membership=membership, number=query)
        context = {"groups": groups, "searched": True, "by_number": True}
        return render(request, "search/results.html", context)
    query = request.GET.get("q", "").strip()
    number_in_address = selectors.is_number(query)
    context = {
        "query": "" if number_in_address else query,
        "number_in_address": number_in_address,
        "searched": bool(query) and not number_in_address,
        "groups": selectors.search_by_name(membership=membership, query=query),
    }
    return render(request, "search/results.html", context)
