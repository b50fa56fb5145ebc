"""Printing pages as PDF quickly: parsed stylesheets are kept, and the page is laid out as
blocks rather than the screen's flex column (which made the socio-economic value take 5–15 s)."""

import os

from django.contrib.staticfiles import finders
from weasyprint import HTML

from baslager.core.pdf import STYLESHEETS, stylesheets


def test_the_stylesheets_are_parsed_once_and_again_when_a_file_changes():
    first = stylesheets()
    assert [id(sheet) for sheet in stylesheets()] == [id(sheet) for sheet in first]
    path = finders.find(STYLESHEETS[-1])
    stat = os.stat(path)
    try:
        os.utime(path, (stat.st_atime, stat.st_mtime + 1))
        again = stylesheets()
    finally:
        os.utime(path, (stat.st_atime, stat.st_mtime))
    assert again[0] is first[0] and again[-1] is not first[-1]


def test_the_printed_body_is_laid_out_as_blocks_not_as_a_flex_column():
    page = '<body><main class="page"><table><tr><td>1</td></tr></table></main></body>'
    document = HTML(string=page).render(stylesheets=stylesheets())
    html_box = document.pages[0]._page_box.children[0]
    body = html_box.children[0]
    assert body.element_tag == "body"
    assert type(body).__name__ == "BlockBox"
