"""Who may use the endpoints at all. What each user may see and do on one record is
decided by the selectors (visibility) and the services (every action)."""

from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import SAFE_METHODS, BasePermission

from .auth import TokenKersa as TokenAuthentication

# Token first: an anonymous request is answered 401 with ``WWW-Authenticate: Token``.
# Tokens are django-rest-knox's (they expire; issue 19), sent as ``Token <key>``.
AUTENTIKASI = [TokenAuthentication, SessionAuthentication]


class PunyaPeranKsdd(BasePermission):
    """A user with a KERSA role (operator, TKKSD, Bupati, DPRD, admin): the roles that
    may view KSDD at all. A user without a role gets 403."""

    message = _("Anda tidak memiliki peran untuk mengakses data KSDD.")

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm("agreements.view_ksdd"))


class PunyaIzin(BasePermission):
    """The Django permissions the web page of the same room requires (``core.roles``):
    ``view.izin_baca`` for reads (``view.izin_baca_aksi[action]`` where one read needs
    more, as its web page does), ``view.izin_tulis[action]`` (one codename or a tuple
    of them) for each write. A write the view does not list is refused. A plain
    ``APIView`` has no action: its method (``"post"``) stands in."""

    message = _("Anda tidak memiliki izin untuk tindakan ini.")

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        aksi = getattr(view, "action", None) or request.method.lower()
        if request.method in SAFE_METHODS:
            izin = getattr(view, "izin_baca_aksi", {}).get(aksi, view.izin_baca)
        else:
            izin = getattr(view, "izin_tulis", {}).get(aksi)
            if izin is None:
                return False
        return user.has_perms((izin,) if isinstance(izin, str) else izin)
