from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class KersaUserAdmin(UserAdmin):
    fieldsets = (
        *UserAdmin.fieldsets,
        (_("Kepegawaian"), {"fields": ("perangkat_daerah", "nip", "jabatan")}),
    )
    list_display = ("username", "first_name", "last_name", "perangkat_daerah", "is_active")
    list_filter = ("groups", "perangkat_daerah", "is_active")
    autocomplete_fields = ("perangkat_daerah",)
