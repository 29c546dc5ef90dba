from .base import *  # noqa: F403
from .env import env

SECRET_KEY = env("SECRET_KEY", required=True)
DEBUG = False
ALLOWED_HOSTS = env("ALLOWED_HOSTS", required=True, cast=list)
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", "doorbraak-prod")
# Persistent connections (checked before each request, see database_config) spare every request a new connection.
DATABASES["default"]["CONN_MAX_AGE"] = env("DATABASE_CONN_MAX_AGE", 60, cast=int)  # noqa: F405
# Production runs a cluster: one replica keeps every shard searchable and writable when a node is lost.
SEARCH_INDEX_REPLICAS = env("SEARCH_INDEX_REPLICAS", 1, cast=int)
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed names served by WhiteNoise with far-future caching; `collectstatic` builds them.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# WhiteNoise right after SecurityMiddleware, as its documentation asks: static files need no separate web server.
MIDDLEWARE = [*MIDDLEWARE]  # noqa: F405
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
                  "whitenoise.middleware.WhiteNoiseMiddleware")
LOGGING["handlers"]["console"]["formatter"] = env("LOG_FORMAT", "json")  # noqa: F405

# HTTPS only (`manage.py check --deploy` is clean with these). Behind a TLS-terminating proxy that sets
# X-Forwarded-Proto; SECURE_SSL_REDIRECT=false only if that proxy already redirects plain HTTP itself.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", True, cast=bool)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # probes of the load balancer speak plain HTTP
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365, cast=int)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# Always, whatever the environment says: privileged roles need a second factor in production.
REQUIRE_TWO_FACTOR = True
