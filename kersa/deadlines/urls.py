from django.urls import path

from .views import kalender, tenggat

app_name = "deadlines"
urlpatterns: list = [
    # Calendar page(s): views/kalender.py.  Tenggat page and .ics feed: views/tenggat.py.
    path("kalender/", kalender.kalender_sekarang, name="kalender_sekarang"),
    path("kalender/<int:tahun>/", kalender.kalender_tahun, name="kalender"),
    path("", tenggat.daftar, name="daftar"),
    path("kalender-saya/<str:token>.ics", tenggat.ics, name="ics"),
]
