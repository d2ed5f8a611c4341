"""KERSA's URLs plus the bare view the scale benchmark measures pages against
(``config.settings.bench`` only)."""

from django.http import HttpResponse
from django.urls import path

from config.urls import *  # noqa: F403
from config.urls import urlpatterns as _kersa


def polos(request):
    """The bare view: the whole middleware stack, no query of ours, no template."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("_bench/polos/", polos), *_kersa]
