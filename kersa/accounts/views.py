"""Password reset with a rate limit (issue 19: twenty reset e-mails to the Bupati in a
row were possible). Django's view does the work; this one only counts."""

from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.http import HttpResponseRedirect

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
