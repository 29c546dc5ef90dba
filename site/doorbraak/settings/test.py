from .base import *  # noqa: F403
from .env import env

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
# Fast hashing and immediate tasks keep the suite quick (as bakerydemo's test settings do).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests sign privileged users in with force_login; tests/security switch two-factor on to test it.
REQUIRE_TWO_FACTOR = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each test run gets its own index names; never the dev or production ones.
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", "doorbraak-test")
