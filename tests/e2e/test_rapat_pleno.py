"""End to end, in a real browser: the TKKSD secretariat schedules a Rapat Pleno, puts a
partner's offer on the agenda, sends its invitation letter (Pasal 36), records the meeting chaired by the Wakil Ketua because the
Ketua is away (P37-4) with the recommendation to accept (P18-3, P18-5), and downloads
the Berita Acara (P39). A member put in the chair first is refused (P37-3)."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from docx import Document
from playwright.sync_api import Page, expect

from kersa.agreements.choices import Pemrakarsa, Status
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.demo.tkksd import tkksd_demo
from kersa.documents.services.penomoran import penomoran_muat_default
from kersa.governance.models import Rapat
from kersa.regions.models import Wilayah
from tests.e2e.bantu import masuk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "rahasia-uji-123"


def test_p37_4_p18_3_p39_secretariat_walks_a_rapat_pleno_to_its_berita_acara(
    live_server, page: Page, acuan, pemeran
):
    penomoran_muat_default()
    tkksd_demo(pemeran.sekretariat)
    barito_timur = Wilayah.objects.get(kode="62.13")
    ksdd = ke_status(
        ksdd_baru(pemeran, pemrakarsa=Pemrakarsa.MITRA, pemrakarsa_mitra=barito_timur),
        Status.MENUNGGU_TANGGAPAN,
        pemeran,
    )
    sekretariat = pemeran.sekretariat
    tanggal = timezone.localdate() - dt.timedelta(days=3)
    page.set_default_timeout(20_000)

    masuk(page, live_server, sekretariat, PASSWORD)
    expect(page.locator("body")).to_contain_text(sekretariat.first_name)

    # The TKKSD home shows who holds each office today (Pasal 35).
    page.goto(f"{live_server.url}/tkksd/")
    expect(page.locator("#susunan-tkksd")).to_contain_text("Edy Purwanto, S.Sos., M.Si.")

    # Schedule the pleno.
    page.get_by_role("button", name="Jadwalkan rapat").click()
    page.select_option("select[name=jenis]", "pleno")
    page.fill("input[name=tanggal]", tanggal.isoformat())
    page.fill("input[name=waktu_mulai]", "09:00")
    page.fill("input[name=tempat]", "Aula Sekretariat Daerah Kabupaten Barito Selatan, Buntok")
    page.locator("form.form-kersa button[type=submit]").click()
    expect(page.locator("#status-rapat")).to_contain_text("Terjadwal")
    rapat = Rapat.objects.get()

    # The partner's offer goes on the agenda.
    page.locator("#tambah-agenda summary").click()
    page.fill("#tambah-agenda input[name=judul]", "Penawaran kerja sama Kabupaten Barito Timur")
    page.select_option("#tambah-agenda select[name=jenis]", "rekomendasi_penawaran")
    page.select_option("#tambah-agenda select[name=ksdd]", str(ksdd.pk))
    page.locator("#tambah-agenda button[type=submit]").click()
    expect(page.locator("#agenda")).to_contain_text(ksdd.nomor_register)

    # The invitation letter goes out with that agenda, signed by the Ketua (Pasal 36).
    page.locator("#hasilkan-undangan").click()
    with page.expect_download() as unduhan:
        page.locator("a.unduh-undangan").click()
    with open(unduhan.value.path(), "rb") as f:
        undangan = Document(io.BytesIO(f.read()))
    isi_undangan = "\n".join(p.text for p in undangan.paragraphs) + "\n".join(
        c.text for t in undangan.tables for r in t.rows for c in r.cells
    )
    assert "Undangan Rapat Pleno TKKSD" in isi_undangan
    assert "Penawaran kerja sama Kabupaten Barito Timur" in isi_undangan
    assert "KETUA TKKSD KABUPATEN BARITO SELATAN" in isi_undangan

    # The Ketua is away. A member chairing is refused (P37-3) and nothing typed is lost.
    form = page.locator("#form-hasil")
    ketua = rapat.kehadiran.get(jabatan__kedudukan="ketua")
    form.locator(f"input[name=hadir_{ketua.pk}]").uncheck()
    form.locator(f"input[name=ket_{ketua.pk}]").fill("dinas luar daerah")
    anggota = rapat.keputusan.jabatan.filter(kedudukan="anggota").first()
    form.locator("select[name=pimpinan]").select_option(str(anggota.pk))
    agenda = rapat.agenda.get()
    form.locator(f"textarea[name=uraian_{agenda.pk}]").fill(
        "TKKSD merekomendasikan Bupati menerima penawaran Kabupaten Barito Timur."
    )
    form.locator("textarea[name=ringkasan]").fill(
        "Rapat dibuka pukul 09.00 WIB oleh Wakil Ketua TKKSD."
    )
    page.locator("#simpan-hasil").click()
    expect(page.locator("#galat")).to_contain_text("Rapat Pleno dipimpin oleh Ketua TKKSD")
    expect(page.locator("#galat")).to_contain_text("[P37-3]")
    form = page.locator("#form-hasil")
    expect(form.locator("select[name=pimpinan]")).to_have_value(str(anggota.pk))
    expect(form.locator("textarea[name=ringkasan]")).to_have_value(
        "Rapat dibuka pukul 09.00 WIB oleh Wakil Ketua TKKSD."
    )
    expect(form.locator(f"input[name=ket_{ketua.pk}]")).to_have_value("dinas luar daerah")
    expect(page.locator("#status-rapat")).to_contain_text("Terjadwal")

    # The Wakil Ketua chairs instead (Pasal 37 ayat 4).
    wakil = rapat.keputusan.jabatan.get(kedudukan="wakil_ketua")
    form.locator("select[name=pimpinan]").select_option(str(wakil.pk))
    form.locator("input[name=alasan_pengganti]").fill(
        "Ketua TKKSD menghadiri rapat koordinasi di Palangka Raya"
    )
    agenda = rapat.agenda.get()
    form.locator(f"input[name=rekomendasi_{agenda.pk}][value=diterima]").check()
    form.locator(f"input[name=pertimbangan_{agenda.pk}][value=c]").check()
    form.locator(f"input[name=pertimbangan_{agenda.pk}][value=d]").check()
    page.locator("#simpan-hasil").click()
    expect(page.locator("#status-rapat")).to_contain_text("Selesai")
    ksdd.refresh_from_db()
    assert ksdd.rekomendasi_pleno.get().agenda == agenda

    # Generate the Berita Acara and download it.
    page.locator("#hasilkan-dokumen").click()
    with page.expect_download() as unduhan:
        page.locator("a.unduh-ba").click()
    with open(unduhan.value.path(), "rb") as f:
        docx = Document(io.BytesIO(f.read()))
    teks = "\n".join(p.text for p in docx.paragraphs)
    sel = "\n".join(c.text for t in docx.tables for r in t.rows for c in r.cells)
    semua = teks + sel
    assert "BERITA ACARA" in semua
    assert "Pada hari ini" in semua
    assert "Drs. Yusuf Riadi, M.AP. selaku Wakil Ketua" in semua
    assert "Palangka Raya" in semua
    assert "MENERIMA penawaran" in semua
    rapat.refresh_from_db()
    assert rapat.nomor in semua
