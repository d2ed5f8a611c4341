"""The API's pages: DRF's page numbers, with the refusal of a page that does not exist in
Bahasa Indonesia (DRF's Indonesian catalogue leaves "Invalid page." in English)."""

from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination


class HalamanKersa(PageNumberPagination):
    # ``{message}`` is Django's own paginator message, translated by Django.
    invalid_page_message = _("Halaman “{page_number}” tidak ada: {message}")
