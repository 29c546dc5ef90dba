"""gunicorn for the web process: several sync workers, 127.0.0.1 unless BIND says otherwise (a TLS proxy in front)."""

import os

pythonpath = "site"
bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("WEB_THREADS", "1"))
timeout = 30  # a page slower than this is a bug; the worker is replaced rather than left hanging
graceful_timeout = 20
max_requests = 2000  # recycle workers now and then, so a slow leak never grows
max_requests_jitter = 200
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms id=%({x-request-id}o)s'
errorlog = "-"
