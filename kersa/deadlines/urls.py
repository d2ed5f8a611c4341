from django.urls import path

app_name = "deadlines"
urlpatterns: list = [
    # Calendar page(s): views/kalender.py.  Tenggat page and .ics feed: views/tenggat.py.
]
