"""The invitation letter of a scheduled TKKSD meeting (Pasal 36): numbered once, its
content following the agenda and the invited offices, signed by the Ketua for a pleno
(P37-3) and by the Sekretaris for a Rapat Teknis (P38-4); refused once held or
cancelled."""

import datetime as dt

import pytest
from django.urls import reverse

from kersa.core.errors import RuleViolation
from kersa.documents.tests.hasilkan_util import buka, teks
from kersa.governance.services import agenda_tambah, rapat_batalkan, rapat_undangan_hasilkan

pytestmark = pytest.mark.django_db

SURAT = dt.date(2026, 3, 2)


def test_p36_pleno_invitation_read_back(pleno, pemeran):
    agenda_tambah(
        rapat=pleno,
        user=pemeran.sekretariat,
        judul="Penetapan Program Kerja TKKSD Tahun 2026",
        tugas="a",
    )
    v = rapat_undangan_hasilkan(rapat=pleno, user=pemeran.sekretariat, tanggal=SURAT)
    pleno.refresh_from_db()
    assert pleno.undangan == v.dokumen
    assert v.dokumen.nomor.startswith("000.3/") and "/Und-TKKSD/2026" in v.dokumen.nomor
    isi = teks(buka(v.berkas.file.read()))
    assert v.dokumen.nomor in isi
    assert "Undangan Rapat Pleno TKKSD" in isi  # hal
    assert "Selasa, 10 Maret 2026" in isi and "09.00 WIB" in isi
    assert "Aula Sekretariat Daerah Kabupaten Barito Selatan, Buntok" in isi
    assert "1. Penetapan Program Kerja TKKSD Tahun 2026" in isi
    assert "Kepala Bagian Hukum" in isi and "Fitriani Lestari, S.H." in isi  # invited
    assert "KETUA TKKSD KABUPATEN BARITO SELATAN" in isi
    assert "EDY PURWANTO, S.SOS., M.SI." in isi and "NIP. 197003121993031007" in isi
    assert "2 Maret 2026" in isi  # the letter's date

    # Unchanged → no new version; a new agenda item → a new version, same number.
    assert rapat_undangan_hasilkan(rapat=pleno, user=pemeran.sekretariat, tanggal=SURAT) == v
    agenda_tambah(
        rapat=pleno, user=pemeran.sekretariat, judul="Evaluasi KSDD semester II", tugas="j"
    )
    v2 = rapat_undangan_hasilkan(rapat=pleno, user=pemeran.sekretariat, tanggal=SURAT)
    assert (v2.dokumen, v2.nomor) == (v.dokumen, v.nomor + 1)
    assert "2. Evaluasi KSDD semester II" in teks(buka(v2.berkas.file.read()))


def test_p38_4_technical_meeting_is_invited_by_the_secretary(teknis, pemeran):
    v = rapat_undangan_hasilkan(rapat=teknis, user=pemeran.sekretariat, tanggal=SURAT)
    isi = teks(buka(v.berkas.file.read()))
    assert "Undangan Rapat Teknis TKKSD" in isi
    assert "SEKRETARIS TKKSD KABUPATEN BARITO SELATAN" in isi
    assert "NURUL HASANAH, S.IP., M.SI." in isi
    assert "Acara menyusul." in isi and "pukul : menyusul" in isi


def test_p36_no_invitation_for_a_cancelled_meeting(pleno, pemeran, client):
    rapat_batalkan(rapat=pleno, user=pemeran.sekretariat, alasan="Bertepatan dengan reses.")
    with pytest.raises(RuleViolation) as e:
        rapat_undangan_hasilkan(rapat=pleno, user=pemeran.sekretariat, tanggal=SURAT)
    assert e.value.rule == "P36" and "dibatalkan" in e.value.detail
    pleno.refresh_from_db()
    assert pleno.undangan_id is None
    client.force_login(pemeran.sekretariat)
    r = client.post(reverse("tkksd:rapat_undangan", args=[pleno.pk]), follow=True)
    assert "Surat undangan dibuat untuk rapat yang masih terjadwal" in r.content.decode()
    assert "[P36]" in r.content.decode()


def test_p36_invitation_from_the_meeting_page(pleno, pemeran, client):
    client.force_login(pemeran.anggota)
    url = reverse("tkksd:rapat", args=[pleno.pk])
    assert 'id="hasilkan-undangan"' not in client.get(url).content.decode()
    assert client.post(reverse("tkksd:rapat_undangan", args=[pleno.pk])).status_code == 403

    client.force_login(pemeran.sekretariat)
    assert 'id="hasilkan-undangan"' in client.get(url).content.decode()
    r = client.post(reverse("tkksd:rapat_undangan", args=[pleno.pk]), follow=True)
    html = r.content.decode()
    assert "Surat undangan dihasilkan" in html and 'class="unduh-undangan"' in html
    pleno.refresh_from_db()
    assert pleno.undangan.nomor in html
    client.force_login(pemeran.anggota)  # members read and download it
    assert 'class="unduh-undangan"' in client.get(url).content.decode()


def test_documents_are_indonesian_whatever_the_page_language(teknis, pemeran):
    """A secretariat clerk reading KERSA in English still issues an Indonesian letter."""
    from django.utils import translation

    with translation.override("en"):
        v = rapat_undangan_hasilkan(rapat=teknis, user=pemeran.sekretariat, tanggal=SURAT)
    isi = teks(buka(v.berkas.file.read()))
    assert "Undangan Rapat Teknis TKKSD" in isi and "Daftar Undangan" in isi
    assert "SEKRETARIS TKKSD KABUPATEN BARITO SELATAN" in isi and "Acara menyusul." in isi
    assert "SECRETARY" not in isi and "Technical" not in isi


def test_p26_same_invitation_generated_a_minute_later_is_the_same_version(pleno, pemeran):
    """A DOCX carries no time of its own: the same content generated in another minute has
    the same bytes (SHA-256), so no needless new version is kept (P26)."""
    import time_machine
    from django.utils import timezone

    v = rapat_undangan_hasilkan(rapat=pleno, user=pemeran.sekretariat, tanggal=SURAT)
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=1, seconds=7)):
        lagi = rapat_undangan_hasilkan(rapat=pleno, user=pemeran.sekretariat, tanggal=SURAT)
    assert lagi == v
    assert v.dokumen.versi.count() == 1
