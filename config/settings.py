"""Settings for Basläger, read from the environment (twelve-factor).

DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS and DEBUG are the ones that matter;
SQLite in the project folder is the embedded default.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(int(default))).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not os.environ.get("BASLAGER_TESTING"):
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=1 for development).")
    SECRET_KEY = "insecure-development-key-only-for-debug-and-tests"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "auditlog",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    # Basläger's apps, lowest first: an app imports only apps listed before it
    # (docs/architecture.md, "Imports go down"; baslager/core/tests/test_layering.py).
    "baslager.core",
    "baslager.accounts",
    "baslager.taxonomy",
    "baslager.organisations",
    "baslager.participants",
    "baslager.audit",
    "baslager.messaging",
    "baslager.phases",
    "baslager.plans",
    "baslager.calendars",
    "baslager.journal",
    "baslager.employers",
    "baslager.projects",
    "baslager.openings",
    "baslager.handbook",
    "baslager.placements",
    "baslager.outreach",
    "baslager.leads",
    "baslager.imports",
    "baslager.matching",
    "baslager.proposals",
    "baslager.employability",
    "baslager.socioeconomics",
    "baslager.esf",
    "baslager.targets",
    "baslager.cases",
    "baslager.today",
    "baslager.search",
    "baslager.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "baslager.organisations.middleware.ActiveMembershipMiddleware",
    "baslager.organisations.middleware.RequireSecondFactorMiddleware",
    "baslager.core.middleware.NoStoreForSignedInMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "baslager" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "baslager.organisations.context_processors.membership",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'baslager.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and IMMEDIATE transactions keep concurrent writers from failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "baslager_cache",
    }
}
if os.environ.get("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    }

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = ["baslager.accounts.backends.StaffAuthenticationBackend"]

# allauth: staff sign in with email and password, then TOTP. Nobody signs up by themselves.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_ADAPTER = "baslager.accounts.adapters.StaffAccountAdapter"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PREVENT_ENUMERATION = True
# Five failed attempts on one account lock it for 15 minutes; many from one address do too.
ACCOUNT_RATE_LIMITS = {
    "login_failed": os.environ.get("LOGIN_FAILED_RATE", "20/15m/ip,5/15m/key"),
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Basläger"
# Mail: EMAIL_URL (smtp://user:password@host:587?tls=1, or smtps:// for implicit TLS on 465) or
# the EMAIL_* variables. In development without either, mail is printed to the console.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
if os.environ.get("EMAIL_URL"):
    from urllib.parse import parse_qs, unquote, urlsplit

    _email = urlsplit(os.environ["EMAIL_URL"])
    if _email.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured("EMAIL_URL must start with smtp:// or smtps://.")
    _email_query = {key: values[-1] for key, values in parse_qs(_email.query).items()}
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_SSL = _email.scheme == "smtps" or _email_query.get("ssl", "0") in {"1", "true"}
    EMAIL_USE_TLS = not EMAIL_USE_SSL and _email_query.get("tls", "1") in {"1", "true"}
    EMAIL_PORT = _email.port or (465 if EMAIL_USE_SSL else 587)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Basläger <no-reply@localhost>")
if DEBUG and "EMAIL_HOST" not in os.environ and "EMAIL_URL" not in os.environ:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# SMS: the console in development; 46elks in production when its API user is set, and without
# it every SMS fails visibly rather than vanishing.
ELKS_API_USERNAME = os.environ.get("ELKS_API_USERNAME", "")
ELKS_API_PASSWORD = os.environ.get("ELKS_API_PASSWORD", "")
ELKS_API_URL = os.environ.get("ELKS_API_URL", "https://api.46elks.com/a1")
SMS_SENDER = os.environ.get("SMS_SENDER", "Baslager")
if DEBUG:
    _sms_backend = "ConsoleBackend"
else:
    _sms_backend = "FortySixElksBackend" if ELKS_API_USERNAME else "NotConfiguredBackend"
SMS_BACKEND = os.environ.get("SMS_BACKEND", f"baslager.messaging.sms.{_sms_backend}")
# Links in messages sent by the workers, who have no request to build them from.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000" if DEBUG else "").rstrip("/")

# Background work: the database queue, run by `manage.py db_worker`; `manage.py run_scheduler`
# enqueues the daily jobs.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A message that cannot be delivered is tried this many times, further apart each time.
MESSAGE_MAX_ATTEMPTS = int(os.environ.get("MESSAGE_MAX_ATTEMPTS", "5"))
MESSAGE_RETRY_BASE_SECONDS = int(os.environ.get("MESSAGE_RETRY_BASE_SECONDS", "60"))
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"

SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "sv"
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and figures per language (config/formats/<code>/formats.py): Swedish with a decimal
# comma and Swedish month names, English with dates nobody can misread.
FORMAT_MODULE_PATH = ["config.formats"]


def available_languages() -> list[tuple[str, str]]:
    """Swedish and English always; any other language that has a translation file in locale/.

    Adding Arabic is then a matter of adding locale/ar/LC_MESSAGES/django.po (and .mo).
    """
    from django.conf.locale import LANG_INFO

    languages = [("sv", _("Swedish")), ("en", _("English"))]
    locale_dir = BASE_DIR / "locale"
    if locale_dir.is_dir():
        for path in sorted(locale_dir.iterdir()):
            code = path.name.replace("_", "-").lower()
            if code not in {"sv", "en"} and (path / "LC_MESSAGES" / "django.mo").exists():
                languages.append((code, LANG_INFO.get(code, {}).get("name_local", code)))
    return languages


LANGUAGES = available_languages()
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Where the JobTech taxonomy export lies; the import command and tests read it from here.
BASLAGER_DATA_DIR = Path(os.environ.get("BASLAGER_DATA_DIR", BASE_DIR.parent / "shared" / "data"))

AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False

X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if env_bool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
