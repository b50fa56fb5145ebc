import json
import os
import subprocess
import sys

from django.conf import settings

SHOW = (
    "import json, config.settings as s; print(json.dumps([s.EMAIL_HOST, s.EMAIL_PORT, "
    "s.EMAIL_HOST_USER, s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.EMAIL_USE_SSL, "
    "getattr(s, 'EMAIL_BACKEND', 'smtp'), s.SMS_BACKEND]))"
)


def settings_with(**environ) -> list:
    """The mail and SMS settings a fresh process reads from ``environ``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "ELKS_", "SMS_"))}
    env.pop("DEBUG", None)
    env.update({"BASLAGER_TESTING": "1", **environ})
    output = subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output)


def test_email_url_configures_smtp_with_starttls():
    assert settings_with(EMAIL_URL="smtp://mailer:p%40ss@smtp.example.se:587?tls=1")[:6] == [
        "smtp.example.se",
        587,
        "mailer",
        "p@ss",
        True,
        False,
    ]


def test_smtps_means_implicit_tls_on_465():
    host, port, _user, _password, tls, ssl, *_ = settings_with(EMAIL_URL="smtps://smtp.example.se")
    assert (host, port, tls, ssl) == ("smtp.example.se", 465, False, True)


def test_development_prints_mail_and_sms_to_the_console():
    *_, email_backend, sms_backend = settings_with(DEBUG="1", ELKS_API_USERNAME="u")
    assert email_backend == "django.core.mail.backends.console.EmailBackend"
    assert sms_backend == "baslager.messaging.sms.ConsoleBackend"


def test_production_sends_sms_through_46elks_when_configured():
    *_, sms_backend = settings_with(ELKS_API_USERNAME="u", ELKS_API_PASSWORD="p")
    assert sms_backend == "baslager.messaging.sms.FortySixElksBackend"


def test_production_without_a_provider_fails_sms_visibly():
    *_, sms_backend = settings_with()
    assert sms_backend == "baslager.messaging.sms.NotConfiguredBackend"
