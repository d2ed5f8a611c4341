"""Account pages: password reset with a rate limit (issue 19: twenty reset e-mails to
the Bupati in a row were possible; Django's view does the work, this one only counts),
and the user's own API tokens (issue 19: seen and revoked by their owner)."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kersa.accounts.selectors import token_api_milik
from kersa.accounts.services import token_api_cabut, token_api_cabut_semua
from kersa.core.alamat import alamat_klien

#: At most this many reset e-mails per address of the account, and per client, an hour.
BATAS_PER_JAM = {"email": 3, "alamat": 10}


def _boleh(jenis: str, nilai: str) -> bool:
    kunci = f"reset-sandi:{jenis}:{nilai}"
    cache.add(kunci, 0, timeout=3600)
    return cache.incr(kunci) <= BATAS_PER_JAM[jenis]


class ResetSandiView(auth_views.PasswordResetView):
    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        # Both counters move on every request; past either limit nothing is sent, and
        # the answer is the same "sent" page (it must not tell which accounts exist).
        ok_email = _boleh("email", email)
        ok_alamat = _boleh("alamat", alamat_klien(self.request) or "-")
        if ok_email and ok_alamat:
            return super().form_valid(form)
        return HttpResponseRedirect(self.get_success_url())


@login_required
def token_daftar(request):
    """The user's live API tokens: client name, issued, expiry; never the key."""
    return render(request, "accounts/token.html", {"daftar": token_api_milik(user=request.user)})


@login_required
@require_POST
def token_cabut(request, nomor: UUID):
    """Revoke one of the user's own tokens; another user's token is 404 (not told apart
    from a token that does not exist)."""
    if not token_api_cabut(user=request.user, nomor=nomor):
        raise Http404
    messages.success(request, _("Token API dicabut."))
    return redirect("accounts:token")


@login_required
@require_POST
def token_cabut_semua(request):
    n = token_api_cabut_semua(user=request.user)
    messages.success(request, _("%(n)d token API dicabut.") % {"n": n})
    return redirect("accounts:token")
