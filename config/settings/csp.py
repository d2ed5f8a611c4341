"""Content-Security-Policy (django-csp 4; issue 19 "No Content-Security-Policy").

Scripts come from this server, or carry the response's nonce
(``nonce="{{ request.csp_nonce }}"``; django-csp adds ``'nonce-…'`` to the header only
on a response whose template used it). Inline handler attributes (``onchange=``) are
refused by such a policy: behaviours are in ``kersa/core/static/kersa/kersa.js``, wired
by ``data-`` attributes. Styles come from this server only: templates have no
``style=`` attribute and no ``<style>`` block (a test checks). Images from this server
and ``data:`` URLs. No plugins, no framing (``X-Frame-Options: DENY`` too), forms post
to this server only. The API docs (Swagger UI, Redoc) need inline scripts and are
exempted in ``kersa/api/urls.py``.
"""

from csp.constants import NONCE, NONE, SELF

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
