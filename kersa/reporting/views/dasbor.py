"""Dasbor (placeholder until built)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def daftar(request):
    return render(request, "reporting/dasbor.html")
