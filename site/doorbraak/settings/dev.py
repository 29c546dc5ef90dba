from .base import *  # noqa: F403
from .env import env

DEBUG = env("DEBUG", True, cast=bool)
# A development key only; production.py refuses to start without SECRET_KEY.
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret")
ALLOWED_HOSTS = env("ALLOWED_HOSTS", ["*"], cast=list)
# The demo accounts work without an authenticator app; REQUIRE_TWO_FACTOR=true tries the real thing.
REQUIRE_TWO_FACTOR = env("REQUIRE_TWO_FACTOR", False, cast=bool)

# The embedded default database lives in var/ (git-ignored); a fresh clone does not have it yet.
(BASE_DIR / "var").mkdir(exist_ok=True)  # noqa: F405
