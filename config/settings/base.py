"""Base settings for KERSA. Values come from the environment (12-factor).

Per-environment modules (dev, test, production) import from here and change
only what differs. Optional integrations live in their own small modules
(``tasks.py``, ``security.py``) imported at the end.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from .penyimpanan import penyimpanan_default

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="dev-insecure-kersa-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    # API tokens that expire and are stored hashed (issue 19); the model is
    # accounts.TokenApi (KNOX_TOKEN_MODEL in settings/api.py).
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_htmx",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "simple_history",
    # History the database keeps: triggers refuse UPDATE/DELETE of history rows (PostgreSQL).
    "pgtrigger",
    "axes",
    "kersa.core",
    "kersa.beranda",
    "kersa.demo",
    "kersa.accounts",
    "kersa.regions",
    "kersa.agreements",
    "kersa.documents",
    "kersa.deadlines",
    "kersa.notifications",
    "kersa.planning",
    "kersa.governance",
    "kersa.reporting",
    "kersa.oversight",
    "kersa.api",
    # Electronic signature, verification page and second factor (issue 16).
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Backup codes, each usable once: the recovery path of the second factor (issue 19).
    "django_otp.plugins.otp_static",
    "kersa.tte",
]

# knox's own migrations create its AuthToken table although the model is swapped for
# accounts.TokenApi; that orphan table (a foreign key to the user, no model) made every
# flush of the test database fail on PostgreSQL. Unmigrated, the swapped model gets no
# table at all.
MIGRATION_MODULES = {"knox": None}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy with a nonce per response (settings/csp.py).
    "csp.middleware.CSPMiddleware",
    # Compressed HTML on slow lines; since Django 4.2 GZipMiddleware pads each answer
    # with random bytes ("Heal The Breach"), and Django masks the CSRF token per request.
    "django.middleware.gzip.GZipMiddleware",
    "kersa.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # A body larger than allowed is refused with 413 before anything reads it.
    "kersa.core.middleware.BatasUkuranPermintaanMiddleware",
    # Bahasa Indonesia unless the user chose English with the switch (not the browser).
    "kersa.core.middleware.BahasaIndonesiaDahuluMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A NUL byte in a query or body is refused with 400 before any view reads it.
    "kersa.core.middleware.TolakKarakterNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # A user with an enrolled second factor finishes the login with it (issue 16).
    "kersa.tte.middleware.FaktorKeduaMiddleware",
    "kersa.core.middleware.BatasDiamMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # django-axes must be last (STACK.md)
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "kersa" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "kersa.core.context_processors.kersa",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'kersa.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process and the worker share the file (STACK.md).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        # ASVS 2.1.1: at least 12 characters ("kersa123" was accepted).
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first (STACK.md)
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "beranda:home"
LOGOUT_REDIRECT_URL = "login"

# django-axes: lock an account+address after repeated failures.
# Idle timeout of a web session (minutes); the session itself lasts at most 12 hours.
KERSA_IDLE_MENIT = env.int("KERSA_IDLE_MENIT", default=60)
SESSION_COOKIE_AGE = 12 * 60 * 60
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.5  # hours
# ASVS 2.2.1 / issue 19: a username is locked after 5 failures from any addresses, and
# an address after 5 failures over any usernames (a spray), each on its own.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# Proxies in front that append to X-Forwarded-For (0: the header is not believed).
KERSA_PROXY_COUNT = env.int("KERSA_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "kersa.core.alamat.alamat_klien"
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"
AXES_RESET_ON_SUCCESS = True

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    # Local disk, or an S3-compatible bucket when KERSA_S3_BUCKET is set (penyimpanan.py).
    "default": penyimpanan_default(env),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
# Files are never served from MEDIA_URL directly: see documents.views (permission checked).
MEDIA_URL = "/berkas-privat/"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="KERSA <kersa@localhost>")

# --- KERSA domain configuration ------------------------------------------------
# P1-2: the home region is configuration, not code.
KERSA_HOME_REGION = env("KERSA_HOME_REGION", default="62.04")
# Largest upload accepted for a letter or attachment (bytes).
KERSA_MAX_UPLOAD_BYTES = env.int("KERSA_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
# Bounded request bodies (issue 19; docs/deployment.md). A body other than a signed-in
# user's multipart upload is at most KERSA_MAX_BODY (413 otherwise, before it is read);
# an upload at most KERSA_MAX_BODY_UNGGAH (the most files a form takes, 4 for the KAK,
# of the limit each, and the fields).
KERSA_MAX_BODY = env.int("KERSA_MAX_BODY", default=1024 * 1024)
KERSA_MAX_BODY_UNGGAH = env.int(
    "KERSA_MAX_BODY_UNGGAH", default=4 * KERSA_MAX_UPLOAD_BYTES + 1024 * 1024
)
# Form fields and JSON bodies held in memory; files are streamed by the handlers below.
DATA_UPLOAD_MAX_MEMORY_SIZE = KERSA_MAX_BODY
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Small requests in memory; larger files to a temporary file cut at the limit + 1 byte.
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "kersa.documents.unggah.BerkasTerbatasUploadHandler",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

from .api import *  # noqa: E402,F403
from .csp import *  # noqa: E402,F403
from .tasks import *  # noqa: E402,F403
from .tte import *  # noqa: E402,F403

SIMPLE_HISTORY_REVERT_DISABLED = True  # revert would bypass the workflow guards (STACK.md)
KERSA_BASE_URL = env("KERSA_BASE_URL", default="http://127.0.0.1:8000")

# Generated documents (kersa/documents): the seat printed in agreements and under
# letters, the letterhead's address line, the Garuda emblem image (a placeholder is
# printed until one is given), and LibreOffice for DOCX -> PDF.
KERSA_KEDUDUKAN_DAERAH = env("KERSA_KEDUDUKAN_DAERAH", default="Buntok")
KERSA_ALAMAT_KOP = env("KERSA_ALAMAT_KOP", default="")
KERSA_LAMBANG_GARUDA = env("KERSA_LAMBANG_GARUDA", default="") or None
# P20-4, P24-4: the offices that initial the extra original of a KB/PKS, from the top
# (comma-separated); empty: read from the record (documents.konteks.perjanjian).
KERSA_PARAF_HIERARKI = env.list("KERSA_PARAF_HIERARKI", default=[])
KERSA_SOFFICE = env("KERSA_SOFFICE", default="") or None
KERSA_BATAS_KONVERSI_DETIK = env.int("KERSA_BATAS_KONVERSI_DETIK", default=60)
