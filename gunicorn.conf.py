"""gunicorn's settings for the site, read from this directory by default
(``gunicorn portal.wsgi``); every value can be overridden by the environment.

Threaded workers (``gthread``): a slow or half-open client holds one of a
worker's threads, not the whole worker. With the default sync workers, two
such clients freeze a two-worker server until ``timeout``; with eight threads
per worker it takes sixteen. The reverse proxy is the real defence (nginx
reads whole requests before it passes them on, and buffers responses); this
is the second line. See docs/resilience.md."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# A request that takes longer than this is killed and its worker replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then, so that a slow leak never grows for ever.
max_requests = 5000
max_requests_jitter = 500
# Bounds on what a client may send before Django sees it.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# The site logs each request itself, as JSON with its id and duration and without
# the visitor's address (portal/settings/logs.py); gunicorn's own access log, which
# records addresses, is off unless asked for.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"

# Prometheus metrics in multi-process mode (portal/core/metrics.py): every worker
# writes its counters to PROMETHEUS_MULTIPROC_DIR; the folder is emptied at start,
# and a dead worker's live gauges are dropped.
_metrics_dir = os.environ.get("PROMETHEUS_MULTIPROC_DIR")


def on_starting(server):
    if _metrics_dir:
        os.makedirs(_metrics_dir, exist_ok=True)
        for name in os.listdir(_metrics_dir):
            if name.endswith(".db"):
                os.remove(os.path.join(_metrics_dir, name))


def child_exit(server, worker):
    if _metrics_dir:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
