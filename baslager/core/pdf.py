"""Pages as PDF, with WeasyPrint: the page's own template, printed with the print stylesheet.

    return render_pdf(request, "targets/dashboard.html", context, "mål.pdf")

The context gets ``for_print = True`` so a template can leave out buttons and forms. Stylesheets
and images are read from the static files on disk; nothing else is fetched, so a page cannot make
the server ask for any other address while it prints.
"""

import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

PRINT_STYLESHEET = "baslager/print.css"


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


def pdf_bytes(request, template_name: str, context: dict) -> bytes:
    html = render_to_string(template_name, {**context, "for_print": True}, request=request)
    fetcher = StaticFilesFetcher()
    stylesheet = CSS(filename=finders.find(PRINT_STYLESHEET), url_fetcher=fetcher)
    return HTML(
        string=html, base_url=request.build_absolute_uri("/"), url_fetcher=fetcher
    ).write_pdf(stylesheets=[stylesheet])


def render_pdf(request, template_name: str, context: dict, filename: str) -> HttpResponse:
    """``template_name`` rendered with ``context`` as a PDF download named ``filename``."""
    response = HttpResponse(
        pdf_bytes(request, template_name, context), content_type="application/pdf"
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
