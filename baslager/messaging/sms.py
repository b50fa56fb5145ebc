"""Sending SMS through a pluggable backend, chosen by the SMS_BACKEND setting.

``ConsoleBackend`` prints (development); ``FortySixElksBackend`` posts to 46elks' HTTP API;
``NotConfiguredBackend`` refuses (production without a provider).
A backend's ``send(*, to, message)`` raises ``SmsError`` when the message was not accepted.
"""

import base64
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.utils.module_loading import import_string


class SmsError(Exception):
    pass


def normalised_number(number: str) -> str:
    """A Swedish or international number as E.164 ("070-123 45 67" → "+46701234567")."""
    digits = re.sub(r"[^\d+]", "", number)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0"):
        digits = "+46" + digits[1:]
    elif not digits.startswith("+"):
        digits = "+" + digits
    if not re.fullmatch(r"\+\d{7,15}", digits):
        raise SmsError(f"Not a phone number: {number!r}")
    return digits


class ConsoleBackend:
    def __init__(self, stream=None):
        self.stream = stream or sys.stdout

    def send(self, *, to: str, message: str) -> None:
        self.stream.write(f"SMS to {normalised_number(to)}:\n{message}\n{'-' * 40}\n")
        self.stream.flush()


class NotConfiguredBackend:
    """Production without an SMS provider: each SMS fails, so its sender sees it was not sent."""

    def send(self, *, to: str, message: str) -> None:
        raise SmsError("No SMS provider is configured (ELKS_API_USERNAME).")


class FortySixElksBackend:
    """46elks: POST {ELKS_API_URL}/sms with basic auth and the form fields from, to, message."""

    def __init__(self):
        self.url = settings.ELKS_API_URL.rstrip("/") + "/sms"
        credentials = f"{settings.ELKS_API_USERNAME}:{settings.ELKS_API_PASSWORD}"
        self.authorization = "Basic " + base64.b64encode(credentials.encode()).decode()

    def send(self, *, to: str, message: str) -> None:
        body = urllib.parse.urlencode(
            {"from": settings.SMS_SENDER, "to": normalised_number(to), "message": message}
        ).encode()
        request = urllib.request.Request(
            self.url, data=body, method="POST", headers={"Authorization": self.authorization}
        )
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                response.read()
        except urllib.error.HTTPError as error:
            raise SmsError(f"46elks answered {error.code}: {error.read()[:200]!r}") from error
        except OSError as error:
            raise SmsError(f"46elks could not be reached: {error}") from error


def get_backend():
    return import_string(settings.SMS_BACKEND)()
