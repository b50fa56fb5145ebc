"""Swedish formats: ISO dates where dates stand in rows, Swedish month and day names in words
("tors 29 okt", "29 oktober 2026"), a decimal comma and a space between thousands ("37,5 %").

``DAY_FORMAT``, ``DAY_TIME_FORMAT`` and ``DAY_DATETIME_FORMAT`` are our own names, read with
the ``local_date`` filter (baslager.core.templatetags.baslager_formats): Django's ``M`` would
capitalise the abbreviated month ("Okt"), which Swedish does not."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
DAY_FORMAT = "D j b"
DAY_DATETIME_FORMAT = "D j b Y, H:i"
DAY_TIME_FORMAT = "D j b, H:i"
SHORT_DAY_FORMAT = "j b"
SHORT_DAY_YEAR_FORMAT = "j b Y"
SHORT_DAY_TIME_FORMAT = "j b, H:i"
SHORT_DAY_YEAR_TIME_FORMAT = "j b Y, H:i"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
