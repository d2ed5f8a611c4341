"""Who may use the KSDD endpoints at all. What each user may see and do on one KSDD
is decided by the selectors (visibility) and the services (every action)."""

from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.permissions import BasePermission

# Token first: an anonymous request is answered 401 with ``WWW-Authenticate: Token``.
AUTENTIKASI = [TokenAuthentication, SessionAuthentication]


class PunyaPeranKsdd(BasePermission):
    """A user with a KERSA role (operator, TKKSD, Bupati, DPRD, admin): the roles that
    may view KSDD at all. A user without a role gets 403."""

    message = _("Anda tidak memiliki peran untuk mengakses data KSDD.")

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm("agreements.view_ksdd"))
