"""P26: registering agreements an office already has, one by one and from a spreadsheet."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import openpyxl
import pytest
import tablib
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from kersa.agreements import impor, services
from kersa.agreements.choices import Status, TahapTerdaftar
from kersa.agreements.models import Ksdd, RiwayatTahap
from kersa.core.errors import RuleViolation
from kersa.deadlines.models import Tenggat
from kersa.demo.skenario import baris_impor as baris
from kersa.documents.contoh import unggahan_pdf
from kersa.regions.models import Wilayah
from kersa.reporting import statistik
from kersa.reporting.selectors import laporan_semester_daftar

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def waktu():
    # Monday 16 November 2026, semester II 2026.
    with time_machine.travel(dt.datetime(2026, 11, 16, 9, 0, tzinfo=WIB), tick=False) as t:
        yield t


def xlsx(rows: list[dict]) -> bytes:
    ds = tablib.Dataset(headers=[k for k, _f, _d in impor.KOLOM])
    for r in rows:
        ds.append([r.get(k, "") for k in ds.headers])
    return ds.export("xlsx")


def _argumen(user, **ubah):
    from kersa.agreements.forms import RegistrasiForm

    data = impor._nilai_form(baris(**ubah), impor._Acuan())
    form = RegistrasiForm(data=data, user=user)
    assert form.is_valid(), form.errors
    return form.argumen()


def test_p26_registered_pks_in_pelaksanaan_with_history_and_clocks(waktu, pemeran):
    """P26: a running PKS is registered in pelaksanaan; one history row says the earlier
    stages happened on paper; the PKS end and this semester's report clock start."""
    arg = _argumen(pemeran.sekretariat)
    arg["pks"]["pindaian"] = unggahan_pdf("pks.pdf", "PKS ditandatangani")
    arg["kb"]["pindaian"] = unggahan_pdf("kb.pdf", "KB ditandatangani")
    k = services.ksdd_daftarkan(user=pemeran.sekretariat, **arg)
    assert k.status == Status.PELAKSANAAN
    r = RiwayatTahap.objects.get(ksdd=k)
    assert (r.aksi, r.dari, r.ke, r.rule) == ("daftarkan", "penyusunan_kak", "pelaksanaan", "P26")
    assert "di atas kertas" in r.alasan and "Persiapan" in r.alasan
    assert r.berkas.count() == 2
    pks = k.naskah.get(jenis="pks")
    assert pks.tanggal_ditandatangani == dt.date(2024, 3, 11)
    assert [p.nama for p in pks.penandatangan.all()] == ["Rahmat Hidayat", "Jimmy Carter"]
    tenggat = dict(Tenggat.objects.filter(ksdd=k).values_list("rule", "jatuh_tempo"))
    assert tenggat == {
        "P19-3": dt.date(2029, 2, 4),
        "P12-2": dt.date(2027, 3, 10),
        "P27-1": dt.date(2026, 12, 31),
    }


def test_p26_scan_required_on_the_page(waktu, pemeran):
    """P26: registered one by one, each signed document comes with its scan."""
    arg = _argumen(pemeran.sekretariat)
    with pytest.raises(RuleViolation) as e:
        services.ksdd_daftarkan(user=pemeran.sekretariat, **arg)
    assert {p.field for p in e.value.pelanggaran} == {"kb_pindaian", "pks_pindaian"}
    assert not Ksdd.objects.exists()


def test_p26_registered_kb_goes_to_dprd_when_p21_1_requires_it(waktu, pemeran):
    """P26, P21-1: a signed KB whose funding is not budgeted waits for DPRD approval."""
    arg = _argumen(
        pemeran.sekretariat,
        tahap="kb",
        dianggarkan_apbd="tidak",
        nomor_dpa="",
        **{
            f"pks_{k}": ""
            for k in (
                "tentang",
                "tanggal",
                "tempat",
                "mulai",
                "berakhir",
                "nomor_daerah",
                "penandatangan_daerah",
                "jabatan_daerah",
                "nomor_mitra",
                "penandatangan_mitra",
                "jabatan_mitra",
            )
        },
    )
    k = services.ksdd_daftarkan(user=pemeran.sekretariat, pindaian_wajib=False, **arg)
    assert k.status == Status.PERMOHONAN_DPRD
    assert not k.naskah.filter(jenis="pks").exists()


def test_p21_1_registered_pks_needing_dprd_names_its_approval(waktu, pemeran):
    """P21-1: a PKS that needed DPRD approval is registered with that approval's date."""
    arg = _argumen(pemeran.sekretariat, dianggarkan_apbd="tidak", nomor_dpa="")
    with pytest.raises(RuleViolation) as e:
        services.ksdd_daftarkan(user=pemeran.sekretariat, pindaian_wajib=False, **arg)
    assert [p.rule for p in e.value.pelanggaran] == ["P21-1"]
    arg["dprd"] = {"nomor": "170/05/DPRD/2024", "tanggal": dt.date(2024, 3, 1)}
    k = services.ksdd_daftarkan(user=pemeran.sekretariat, pindaian_wajib=False, **arg)
    assert "170/05/DPRD/2024" in k.riwayat.get().alasan


def test_p26_p13_pks_signed_before_its_kb_is_refused(waktu, pemeran):
    arg = _argumen(pemeran.sekretariat, pks_tanggal="01-01-2024")
    with pytest.raises(RuleViolation) as e:
        services.ksdd_daftarkan(user=pemeran.sekretariat, pindaian_wajib=False, **arg)
    assert [(p.rule, p.field) for p in e.value.pelanggaran] == [("P13", "pks_tanggal")]


def test_p26_ended_ksdd_starts_no_clock(waktu, pemeran):
    arg = _argumen(
        pemeran.sekretariat,
        tahap="berakhir",
        tanggal_berakhir_ksdd="01-06-2026",
        alasan_berakhir="Diakhiri atas kesepakatan para pihak.",
    )
    k = services.ksdd_daftarkan(user=pemeran.sekretariat, pindaian_wajib=False, **arg)
    assert k.status == Status.DIAKHIRI
    assert not Tenggat.objects.filter(ksdd=k).exists()


def test_p26_only_the_secretariat_registers(waktu, pemeran):
    arg = _argumen(pemeran.sekretariat)
    with pytest.raises(PermissionDenied):
        services.ksdd_daftarkan(user=pemeran.operator, pindaian_wajib=False, **arg)


def test_p26_p19_3_p7_1_import_of_200_refused_whole_then_imported(waktu, pemeran, client):
    """P26 (done means): 200 rows with an unknown region code, a KB of 6 years and an
    end before the start are refused whole with exactly those 3 errors; nothing saved.
    Without them, the rest is imported and appears in the next semester report, the
    dashboard and the public register."""
    rows = [baris(i) for i in range(1, 201)]
    rows[16]["mitra"] = "99.99"  # row 18 of the file
    rows[76]["kb_berakhir"] = "05-02-2030"  # row 78: six years
    rows[141]["pks_berakhir"] = "10-03-2023"  # row 143: before its start
    dataset = impor.baca_berkas(xlsx(rows), "ksdd.xlsx")
    hasil = impor.impor_ksdd(user=pemeran.sekretariat, dataset=dataset)
    assert [(s.baris, s.kolom) for s in hasil.kesalahan] == [
        (18, "mitra"),
        (78, "kb_berakhir"),
        (143, "pks_berakhir"),
    ]
    pesan = [s.pesan for s in hasil.kesalahan]
    assert "99.99" in pesan[0] and "tidak dikenal" in pesan[0]
    assert "paling lama 5 tahun (Pasal 19 ayat 3)" in pesan[1] and "[P19-3]" in pesan[1]
    assert "harus setelah tanggal mulai" in pesan[2]
    assert hasil.tersimpan == [] and not Ksdd.objects.exists()
    assert not RiwayatTahap.objects.exists() and not Tenggat.objects.exists()

    del rows[141], rows[76], rows[16]
    dataset = impor.baca_berkas(xlsx(rows), "ksdd.xlsx")
    hasil = impor.impor_ksdd(user=pemeran.sekretariat, dataset=dataset)
    assert hasil.kesalahan == [] and len(hasil.tersimpan) == 197
    assert Ksdd.objects.filter(status=Status.PELAKSANAAN).count() == 197

    # P27: the semester report of semester II 2026 lists every one, with its clock.
    halaman = laporan_semester_daftar(user=pemeran.sekretariat, tahun=2026, semester=2)
    laporan = [
        b
        for n in halaman.paginator.page_range
        for b in laporan_semester_daftar(
            user=pemeran.sekretariat, tahun=2026, semester=2, halaman=n
        ).object_list
    ]
    assert halaman.paginator.count == 197 and len(laporan) == 197
    assert all(b.tenggat is not None for b in laporan)
    # P28: monitoring counts the agency's KSDD in pelaksanaan.
    from kersa.oversight.selectors.monev import monev_ksdd_pilihan

    assert monev_ksdd_pilihan(pemeran.operator.perangkat_daerah).count() == 197
    # The dashboard: 197 in stage h, on the page.
    qs = statistik.ksdd_dasbor(user=pemeran.sekretariat, saring=statistik.Saring())
    tahap = {b.kode: b.nilai for b in statistik.per_tahap(qs).baris}
    assert tahap["h"] == 197
    client.force_login(pemeran.sekretariat)
    dasbor = client.get(reverse("dasbor:daftar")).content.decode()
    assert "h. Pelaksanaan" in dasbor and ">197<" in dasbor.replace(" ", "")
    # The public register lists them.
    assert statistik.ksdd_publik().count() == 197


def test_p26_import_can_save_the_good_rows_and_return_the_rejected(waktu, pemeran, client):
    """P26: the user may save the good rows; the rejected ones come back as a file with
    their reasons (through the import page)."""
    rows = [baris(1), baris(2, mitra="99.99"), baris(3)]
    client.force_login(pemeran.sekretariat)
    url = reverse("agreements:impor")
    r = client.post(
        url,
        {
            "berkas": _upload(xlsx(rows)),
            "simpan_sebagian": "on",
        },
    )
    assert r.status_code == 200
    assert Ksdd.objects.count() == 2
    assert "Baris 3, kolom mitra" in r.content.decode()
    unduh = client.get(reverse("agreements:impor_ditolak"))
    assert unduh.status_code == 200
    wb = openpyxl.load_workbook(io.BytesIO(unduh.content))
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert header[-1] == "kesalahan" and ws.max_row == 2
    assert ws.cell(2, header.index("mitra") + 1).value == "99.99"


def test_p26_import_page_refuses_whole_by_default(waktu, pemeran, client):
    rows = [baris(1), baris(2, kb_berakhir="05-02-2030")]
    client.force_login(pemeran.sekretariat)
    r = client.post(reverse("agreements:impor"), {"berkas": _upload(xlsx(rows))})
    assert r.status_code == 200
    assert Ksdd.objects.count() == 0
    isi = r.content.decode()
    assert "Baris 3, kolom kb_berakhir" in isi and "Pasal 19 ayat 3" in isi


def test_p26_csv_import_and_template(waktu, pemeran, client):
    client.force_login(pemeran.sekretariat)
    t = client.get(reverse("agreements:impor_templat") + "?format=xlsx")
    wb = openpyxl.load_workbook(io.BytesIO(t.content))
    assert [c.value for c in wb.worksheets[0][1]] == [k for k, _f, _d in impor.KOLOM]
    t = client.get(reverse("agreements:impor_templat") + "?format=csv")
    assert t.content.decode("utf-8-sig").splitlines()[0].startswith("tahap,judul,")
    ds = tablib.Dataset(headers=[k for k, _f, _d in impor.KOLOM])
    ds.append([baris(1).get(k, "") for k in ds.headers])
    hasil = impor.impor_ksdd(
        user=pemeran.sekretariat, dataset=impor.baca_berkas(ds.export("csv").encode(), "a.csv")
    )
    assert hasil.kesalahan == [] and len(hasil.tersimpan) == 1


def test_p26_register_page_registers_one_with_scans(waktu, pemeran, client):
    """P26: the page registers one existing PKS with its scan; it shows in the register."""
    client.force_login(pemeran.sekretariat)
    data = impor._nilai_form(baris(1), impor._Acuan())
    data["mitra"] = ["62.13"]
    data["mitra_lain"] = ""
    data["kb_pindaian"] = unggahan_pdf("kb.pdf")
    data["pks_pindaian"] = unggahan_pdf("pks.pdf")
    r = client.post(reverse("agreements:daftarkan"), data)
    assert r.status_code == 302, r.content.decode()[:3000]
    k = Ksdd.objects.get()
    assert r.url == reverse("agreements:detail", args=[k.pk])
    assert k.naskah.get(jenis="pks").berkas_ditandatangani is not None
    halaman = client.get(r.url).content.decode()
    assert "di atas kertas, sebelum register" in halaman
    assert "Didaftarkan setelah ditandatangani (Pasal 26)" in halaman
    daftar = client.get(reverse("agreements:daftar"))
    assert k.nomor_register in daftar.content.decode()
    assert Wilayah.objects.get(kode="62.13") in k.mitra.all()


def _upload(isi: bytes, nama: str = "ksdd.xlsx"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(nama, isi)


def test_tahap_terdaftar_choices():
    assert TahapTerdaftar.values == ["kb", "pelaksanaan", "berakhir"]
