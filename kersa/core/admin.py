"""Admin pieces shared by every room."""


class HanyaBacaMixin:
    """Read-only in the admin: records of the regulation are changed only through the
    services (history, clocks, files and versions are never edited in place)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
