"""Pages as PDF, with WeasyPrint: the page's own template, printed with the print stylesheet.

    return render_pdf(request, "targets/dashboard.html", context, "mål.pdf")

The context gets ``for_print = True`` so a template can leave out buttons and forms (and
``base.html`` its stylesheet links). Stylesheets and images are read from the static files on
disk; nothing else is fetched, so a page cannot make the server ask for any other address while
it prints.

Speed: the screen and print stylesheets are parsed once per process (parsing and cascading
``app.css`` cost about 0.1 s a PDF) and reparsed only when a file changes; the print stylesheet
lays the page out as blocks, since WeasyPrint's flex layout of the screen's ``body`` laid every
table out several times over (the socio-economic value took 4–6 s instead of under 1 s).
Measure with ``bench/pdf.py``.
"""

import mimetypes
import os
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# In cascade order, as base.html links them on screen.
STYLESHEETS = ("baslager/app.css", "baslager/print.css")


class StaticFilesFetcher(URLFetcher):
    """Static files from disk; data: URIs as they are; every other address refused."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = unquote(urlsplit(url).path)
        static = settings.STATIC_URL
        found = finders.find(path[len(static) :]) if path.startswith(static) else None
        if found is None:
            raise ValueError(f"not fetched while printing: {url}")
        with open(found, "rb") as file:
            content = file.read()
        mime_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
        return URLFetcherResponse(url, content, {"Content-Type": mime_type})


@lru_cache(maxsize=2 * len(STYLESHEETS))
def _parsed(path: str, modified: float) -> CSS:
    return CSS(filename=path, url_fetcher=StaticFilesFetcher())


def stylesheets() -> list[CSS]:
    """The parsed stylesheets, from the cache unless a file changed since it was parsed."""
    paths = [finders.find(name) for name in STYLESHEETS]
    return [_parsed(path, os.stat(path).st_mtime) for path in paths]


def pdf_bytes(request, template_name: str, context: dict) -> bytes:
    html = render_to_string(template_name, {**context, "for_print": True}, request=request)
    return HTML(
        string=html, base_url=request.build_absolute_uri("/"), url_fetcher=StaticFilesFetcher()
    ).write_pdf(stylesheets=stylesheets())


def render_pdf(request, template_name: str, context: dict, filename: str) -> HttpResponse:
    """``template_name`` rendered with ``context`` as a PDF download named ``filename``."""
    response = HttpResponse(
        pdf_bytes(request, template_name, context), content_type="application/pdf"
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
