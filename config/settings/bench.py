"""The server of ``manage.py benchmark_skala`` (issue 18): production settings over
plain HTTP on 127.0.0.1, plus one bare view (``/_bench/polos/``) to measure pages against.

Only the benchmark starts a server with these settings; never deploy them.
"""

from .production import *  # noqa: F403
from .production import STORAGES

SECURE_SSL_REDIRECT = False
# Static files are not fetched by the benchmark; the unhashed storage spares a
# collectstatic before each run (templates still resolve {% static %}).
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
ROOT_URLCONF = "kersa.demo.urls_bench"
