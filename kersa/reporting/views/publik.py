"""Register publik (placeholder until built)."""

from django.shortcuts import render


def daftar(request):
    return render(request, "reporting/publik.html")
