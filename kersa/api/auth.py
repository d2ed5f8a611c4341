"""Token authentication of the API (issue 19): django-rest-knox's, which expires tokens
and stores only their digests, with the header ``Authorization: Token <key>`` as before."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from knox.auth import TokenAuthentication
from rest_framework import exceptions


class TokenKersa(TokenAuthentication):
    """Knox's token check; a key that is not text (bytes past ASCII) is 401, not 500.
    Only the token used is checked for expiry (knox also reads every other token of the
    user on each request: one query more per call); the user's other expired tokens are
    removed when a new one is issued (``accounts.services.token_api_buat``)."""

    def _cleanup_token(self, auth_token) -> bool:
        if auth_token.expiry is not None and auth_token.expiry < timezone.now():
            auth_token.delete()
            return True
        return False

    def authenticate_credentials(self, token):
        try:
            token.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise exceptions.AuthenticationFailed(_("Token tidak sah.")) from exc
        return super().authenticate_credentials(token)


class TokenKersaScheme(OpenApiAuthenticationExtension):
    """The schema's ``tokenAuth``: ``Authorization: Token <key>``."""

    target_class = "kersa.api.auth.TokenKersa"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return build_bearer_security_scheme_object(
            header_name="Authorization", token_prefix=self.target.authenticate_header("")
        )
