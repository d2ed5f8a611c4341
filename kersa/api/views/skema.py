"""The schema view that builds the schema once.

Apart from ``schema.py``: drf-spectacular's views module reads ``DEFAULT_SCHEMA_CLASS``
(``schema.SkemaKersa``) when imported, so importing it from ``schema.py`` is a cycle."""

import threading
from typing import ClassVar

from django.utils import translation
from drf_spectacular.views import SpectacularAPIView
from rest_framework.response import Response


class SkemaTersimpan(SpectacularAPIView):
    """``/api/schema/`` built once per process and language, not on every request.

    drf-spectacular walks every view and serializer for each request (1–2 s on the
    reference machine, issue 14); the schema changes only with the code, i.e. with a
    release, which restarts the processes. The schema is public in content
    (``SERVE_PUBLIC``: it does not depend on who asks), so one copy serves everyone; the
    view's permission still decides who may read it."""

    _simpanan: ClassVar[dict[tuple, dict]] = {}
    _kunci_gembok: ClassVar[threading.Lock] = threading.Lock()

    def _get_schema_response(self, request):
        version = self.api_version or request.version or self._get_version_parameter(request)
        kunci = (version, translation.get_language())
        with self._kunci_gembok:
            data = self._simpanan.get(kunci)
            if data is None:
                generator = self.generator_class(
                    urlconf=self.urlconf, api_version=version, patterns=self.patterns
                )
                data = generator.get_schema(request=request, public=self.serve_public)
                self._simpanan[kunci] = data
        nama = self._get_filename(request, version)
        return Response(data=data, headers={"Content-Disposition": f'inline; filename="{nama}"'})
