"""Settings shared by every environment; dev.py, test.py and production.py change only what differs."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from .env import env

PROJECT_DIR = Path(__file__).resolve().parent.parent  # site/doorbraak
BASE_DIR = PROJECT_DIR.parent.parent  # the checkout

SECRET_KEY = env("SECRET_KEY", "")
DEBUG = env("DEBUG", False, cast=bool)
ALLOWED_HOSTS = env("ALLOWED_HOSTS", ["localhost", "127.0.0.1"], cast=list)
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS", [], cast=list)

INSTALLED_APPS = [
    "anonymity",
    "casebook",
    "consultation",
    "learning",
    "search",
    "signals",
    "accounts",
    "audit",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks_db",
    "axes",
    "django_ratelimit",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "doorbraak.request_id.RequestIdMiddleware",  # first: every later log line carries the id
    "django.middleware.security.SecurityMiddleware",
    "doorbraak.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "doorbraak.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "doorbraak.middleware.PrivateWhenSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.SessionPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "accounts.throttle.SignInThrottleMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

# Content-Security-Policy (django-csp; doorbraak.middleware): scripts, styles and everything else from this site
# only, no inline script or style, no plugins, never framed. The Wagtail admin gets what it needs on top.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
WAGTAIL_ADMIN_PREFIX = "/cms/"  # where doorbraak/urls.py mounts the Wagtail admin

ROOT_URLCONF = "doorbraak.urls"
WSGI_APPLICATION = "doorbraak.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "doorbraak.context_processors.return_path",
            ],
        },
    },
]

# The embedded SQLite must survive a handful of simultaneous users: WAL lets readers go on while one writes,
# IMMEDIATE transactions take the write lock at BEGIN (so two writers queue instead of one failing with 'database
# is locked' when both started by reading), and the busy timeout is how long a writer waits in that queue.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def database_config(url):
    # Health checks: a persistent connection that PostgreSQL closed (a restart) is replaced before a request
    # uses it, instead of failing that request.
    config = dj_database_url.parse(url, conn_max_age=env("DATABASE_CONN_MAX_AGE", 0, cast=int),
                                   conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config


# SQLite by default so the run command works on a bare machine; DATABASE_URL names PostgreSQL elsewhere.
DATABASES = {"default": database_config(env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'doorbraak.sqlite3'}"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out username before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2  # a reset link works for two hours (and once)

# Sign-in protection (accounts/). django-axes locks a username, and separately a client address, for
# AXES_COOLOFF_TIME after AXES_FAILURE_LIMIT wrong passwords (its counts live in the database, so they hold across
# web workers). On top of that accounts/throttle.py limits failed posts to every sign-in form per client address
# (successful sign-ins never count), and reset mails per address.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "accounts.network.client_ip"
AXES_VERBOSE = False
SIGN_IN_RATE = "30/10m"  # FAILED posts per client address to the sign-in, two-factor and new-password forms
PASSWORD_RESET_RATE = "10/h"  # reset requests per client address
PASSWORD_RESET_PER_EMAIL_RATE = "3/h"  # reset mails to one address
API_RATE = env("API_RATE", "120/m")  # /api/v1/ requests per signed-in user, or per address for anonymous callers
# Proxies in front of the site that append to X-Forwarded-For (accounts/network.py); 0 = trust REMOTE_ADDR only.
TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT", 0, cast=int)

# Rate limits count in the cache. The default (per process) is exact for the embedded single-process server;
# with several web workers set CACHE_URL to a shared Redis (redis://…) so the limits hold across them.
CACHE_URL = env("CACHE_URL", "")
if CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]  # per-process counts, see above
# The signalering's protected tables (signals/cache.py) must be shared by every process: the task worker warms them
# after a publish for the web workers. Without Redis the database holds them (table made by a signals migration).
CACHES["signals"] = dict(CACHES["default"]) if CACHE_URL else {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "signals_cache",
    # One computation stores a whole mesh of views; never cull a third of them at random.
    "OPTIONS": {"MAX_ENTRIES": 100_000},
}
RATELIMIT_USE_CACHE = "default"

# Read audit (audit/): every read of a case with one of these visibilities (page, API, search answer) and every
# export is recorded; admins read the log in the CMS ('Leeslog'); `manage.py prune_audit_log` (daily) removes
# entries older than the retention.
AUDITED_VISIBILITIES = env("AUDITED_VISIBILITIES", ["restricted"], cast=list)
AUDIT_RETENTION_DAYS = env("AUDIT_RETENTION_DAYS", 365, cast=int)
# Issue 11: closed consultation requests are purged this many days after closing (purge_consultations).
CONSULTATION_RETENTION_DAYS = env("CONSULTATION_RETENTION_DAYS", 2 * 365, cast=int)

# Editors, moderators and admins (accounts.policy) verify a second factor (django-otp: authenticator app, backup
# codes) before anything else, and their session ends when the browser closes. Every session ends when idle.
REQUIRE_TWO_FACTOR = env("REQUIRE_TWO_FACTOR", True, cast=bool)
OTP_TOTP_ISSUER = "Doorbraak"
SESSION_IDLE_TIMEOUT = env("SESSION_IDLE_TIMEOUT", 2 * 60 * 60, cast=int)  # seconds, members
PRIVILEGED_SESSION_IDLE_TIMEOUT = env("PRIVILEGED_SESSION_IDLE_TIMEOUT", 30 * 60, cast=int)  # seconds
SESSION_COOKIE_AGE = 12 * 60 * 60  # never longer than a working day
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Dutch first, English available. Template strings are written in Dutch; locale/en holds the English.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False  # content is Dutch; the interface is translated, pages are not
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATICFILES_DIRS = [BASE_DIR / "static_src"]
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))  # uploaded images and documents
MEDIA_URL = "/media/"

WAGTAIL_SITE_NAME = "Doorbraak"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
# The admin's own search stays on the database; the professional search (search/) is ours, on Elasticsearch.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatars from a third party: it would learn who uses the admin

# Wagtail queues its search and reference-index updates through django-tasks.
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}

# Professional search (search/). Without ELASTICSEARCH_URL it runs on the database.
# A cluster is given as every node's address, comma-separated; the client fails over between them.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", "")
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", "doorbraak-dev")
# New indexes get these (a rebuild applies changes). One shard suits this corpus; a replica needs a second node.
SEARCH_INDEX_SHARDS = env("SEARCH_INDEX_SHARDS", 1, cast=int)
SEARCH_INDEX_REPLICAS = env("SEARCH_INDEX_REPLICAS", 0, cast=int)

# Anonymity checks run in one long-lived process that holds deduce; web workers ask it over HTTP.
ANONYMITY_CHECK_URL = env("ANONYMITY_CHECK_URL", "")

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env("EMAIL_PORT", 25, cast=int)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env("EMAIL_USE_TLS", False, cast=bool)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Doorbraak <noreply@localhost>")

# Every log line carries the request id (doorbraak.request_id); LOG_FORMAT=json gives one JSON object per line.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "doorbraak.request_id.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "doorbraak.request_id.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id"],
                             "formatter": env("LOG_FORMAT", "plain")}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
