from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .models import TokenApi, User


@admin.register(User)
class KersaUserAdmin(UserAdmin):
    fieldsets = (
        *UserAdmin.fieldsets,
        (_("Kepegawaian"), {"fields": ("perangkat_daerah", "nip", "jabatan")}),
    )
    list_display = ("username", "first_name", "last_name", "perangkat_daerah", "is_active")
    list_filter = ("groups", "perangkat_daerah", "is_active")
    autocomplete_fields = ("perangkat_daerah",)


@admin.register(TokenApi)
class TokenApiAdmin(admin.ModelAdmin):
    """API tokens (issue 19): an administrator sees and revokes them; the key is never
    shown (only its digest is stored) and tokens are not made here."""

    list_display = ("user", "nama", "created", "expiry")
    search_fields = ("user__username", "nama")
    fields = ("user", "nama", "nomor", "created", "expiry")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
