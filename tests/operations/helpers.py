"""Helpers for tests that run the real processes: a scratch PostgreSQL database, free ports, HTTP fetches."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import need_service

ROOT = Path(__file__).resolve().parents[2]
PY = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable


def postgres_url():
    url = os.environ.get("DATABASE_URL", "")
    need_service("PostgreSQL", url.startswith("postgres"))
    return url


@contextmanager
def scratch_database(base_url, label):
    """A new, empty PostgreSQL database next to the test database (dropped afterwards), as a URL."""
    import psycopg

    name = f"doorbraak_{label}_{uuid.uuid4().hex[:8]}"
    admin_url = base_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def database_url_of_this_test():
    """The (migrated) test database as a URL, for real processes started by a transactional test."""
    from django.db import connection

    d = connection.settings_dict
    return f"postgres://{d['USER']}:{d['PASSWORD']}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, timeout=10):
    """(status, body) for a GET; HTTP errors are answers too."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def wait_for(url, timeout=90, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"process exited with {process.returncode} before {url} answered")
        try:
            if fetch(url, timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {timeout}s")


def manage(env, *args, check=True, input=None):
    return subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=check, capture_output=True,
                          text=True, input=input, timeout=300)


def generated_cases(n, seed=11):
    """n schema-valid fictional records from bench/generate_cases.py, as JSON Lines."""
    import json
    import random

    sys.path.insert(0, str(ROOT / "bench"))
    from generate_cases import make_record

    rng = random.Random(seed)
    return "\n".join(json.dumps(make_record(i, rng), ensure_ascii=False) for i in range(n)) + "\n"
