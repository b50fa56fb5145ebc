"""Dates in the formats of the page's language that Django has no name for.

    {% load baslager_formats %}{{ occurrence.starts_at|local_date:"DAY_FORMAT" }}

gives "tors 29 okt" on a Swedish page and "Thu 29 Oct" on an English one; the names are defined
in config/formats/<language>/formats.py.
"""

from django import template
from django.utils import dateformat
from django.utils.formats import get_format_modules
from django.utils.translation import get_language

register = template.Library()

# For languages without a format module of ours.
FALLBACK = {
    "DAY_FORMAT": "D j M",
    "DAY_TIME_FORMAT": "D j M, H:i",
    "DAY_DATETIME_FORMAT": "D j M Y, H:i",
    "SHORT_DAY_FORMAT": "j M",
    "SHORT_DAY_YEAR_FORMAT": "j M Y",
    "SHORT_DAY_TIME_FORMAT": "j M, H:i",
    "SHORT_DAY_YEAR_TIME_FORMAT": "j M Y, H:i",
}


def local_format(name: str) -> str:
    for module in get_format_modules(get_language()):
        if hasattr(module, name):
            return getattr(module, name)
    return FALLBACK[name]


@register.filter(expects_localtime=True)
def local_date(value, name: str) -> str:
    if value in (None, ""):
        return ""
    return dateformat.format(value, local_format(name))
