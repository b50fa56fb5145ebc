from django.core.paginator import Paginator
from django.template import RequestContext, Template
from django.test import RequestFactory


def render(page_number: int, source: str = '{% include "includes/_pagination.html" %}') -> str:
    request = RequestFactory().get("/list/", {"q": "Ada", "page": page_number})
    page = Paginator(range(30), 10).page(page_number)
    return Template("{% load i18n %}" + source).render(RequestContext(request, {"page": page}))


def test_it_links_to_the_neighbouring_pages_keeping_the_query():
    html = render(2)

    assert '<nav class="pagination" aria-label="Pages">' in html
    assert '<a href="?q=Ada&amp;page=1" rel="prev">Previous</a>' in html
    assert "<span>Page 2 of 3</span>" in html
    assert '<a href="?q=Ada&amp;page=3" rel="next">Next</a>' in html


def test_it_offers_no_link_beyond_the_first_and_last_page():
    assert 'rel="prev"' not in render(1)
    assert 'rel="next"' not in render(3)


def test_it_takes_a_name_and_link_texts_from_the_page():
    html = render(
        2,
        '{% include "includes/_pagination.html" with pages_label="Pages of notes" '
        'previous_text="Newer" next_text="Older" %}',
    )

    assert 'aria-label="Pages of notes"' in html
    assert 'rel="prev">Newer</a>' in html
    assert 'rel="next">Older</a>' in html


def test_it_shows_nothing_when_everything_fits_on_one_page():
    request = RequestFactory().get("/list/")
    page = Paginator(range(5), 10).page(1)
    template = Template('{% include "includes/_pagination.html" %}')

    assert template.render(RequestContext(request, {"page": page})).strip() == ""
