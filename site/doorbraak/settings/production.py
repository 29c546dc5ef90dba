from .base import *  # noqa: F403
from .env import env

SECRET_KEY = env("SECRET_KEY", required=True)
DEBUG = False
ALLOWED_HOSTS = env("ALLOWED_HOSTS", required=True, cast=list)
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", "doorbraak-prod")
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
