"""English formats that cannot be misread on either side of the Atlantic: ISO dates where dates
stand in rows ("2026-10-29", never "10/29/2026") and the day before the month in words
("Thu 29 Oct", "29 October 2026"); a 24-hour clock, as the Swedish pages have.

``DAY_FORMAT``, ``DAY_TIME_FORMAT`` and ``DAY_DATETIME_FORMAT`` are read with the
``local_date`` filter (baslager.core.templatetags.baslager_formats)."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
DAY_FORMAT = "D j M"
DAY_DATETIME_FORMAT = "D j M Y, H:i"
DAY_TIME_FORMAT = "D j M, H:i"
SHORT_DAY_FORMAT = "j M"
SHORT_DAY_YEAR_FORMAT = "j M Y"
SHORT_DAY_TIME_FORMAT = "j M, H:i"
SHORT_DAY_YEAR_TIME_FORMAT = "j M Y, H:i"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
