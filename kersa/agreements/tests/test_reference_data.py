"""The regulation's reference lists: urusan (P5-4), bentuk (P9-a…i), tujuan (P3), kategori (P6)."""

import pytest

from kersa.agreements.choices import Kategori, KelompokUrusan
from kersa.agreements.models import Bentuk, Tujuan, Urusan
from kersa.agreements.reference_data import acuan_muat

pytestmark = pytest.mark.usefixtures("data_acuan_kosong")

# Pasal 5 ayat (4), word for word (the Pasal writes them in lower case; "Desa" as in the text).
URUSAN_PASAL_5_AYAT_4 = {
    KelompokUrusan.WAJIB_PELAYANAN_DASAR: [
        "pendidikan",
        "kesehatan",
        "pekerjaan umum dan penataan ruang",
        "perumahan rakyat dan kawasan permukiman",
        "ketenteraman, ketertiban umum, dan perlindungan masyarakat",
        "sosial",
    ],
    KelompokUrusan.WAJIB_NON_PELAYANAN_DASAR: [
        "tenaga kerja",
        "pemberdayaan perempuan dan perlindungan anak",
        "pangan",
        "pertanahan",
        "lingkungan hidup",
        "administrasi kependudukan dan pencatatan sipil",
        "pemberdayaan masyarakat dan Desa",
        "pengendalian penduduk dan keluarga berencana",
        "perhubungan",
        "komunikasi dan informatika",
        "koperasi, usaha kecil, dan menengah",
        "penanaman modal",
        "kepemudaan dan olah raga",
        "statistik",
        "persandian",
        "kebudayaan",
        "perpustakaan",
        "kearsipan",
    ],
    KelompokUrusan.PILIHAN: [
        "perikanan",
        "pariwisata",
        "pertanian",
        "energi dan sumber daya mineral",
        "perdagangan",
        "perindustrian",
        "transmigrasi",
    ],
}
HURUF_KELOMPOK = {
    KelompokUrusan.WAJIB_PELAYANAN_DASAR: "a",
    KelompokUrusan.WAJIB_NON_PELAYANAN_DASAR: "b",
    KelompokUrusan.PILIHAN: "c",
}

# Pasal 9: letter, name, the start and end of the definition, compensation, exchange.
BENTUK_PASAL_9 = [
    ("a", "Kerja Sama Pelayanan Bersama", "memberikan pelayanan bersama", False, False),
    ("b", "Kerja Sama Pelayanan Antardaerah", "kompensasi tertentu", True, False),
    ("c", "Kerja Sama Pengembangan Sumber Daya Manusia", "alih pengetahuan", True, False),
    ("d", "Kerja Sama Pelayanan dengan Pembayaran Retribusi", "membayar retribusi", True, False),
    ("e", "Kerja Sama Perencanaan dan Pengurusan", "melaksanakan sendiri-sendiri", False, False),
    ("f", "Kerja Sama Pembelian Penyediaan Pelayanan", "dengan pembayaran", True, False),
    ("g", "Kerja Sama Pertukaran Layanan", "(imbal layan)", False, True),
    ("h", "Kerja Sama Pemanfaatan Peralatan", "digunakan bersama", False, False),
    ("i", "Kerja Sama Kebijakan dan Pengaturan", "kebijakan dan pengaturan", False, False),
]

TUJUAN_PASAL_3 = {
    "a": "meningkatkan kerja sama dalam memecahkan permasalahan daerah",
    "b": "meningkatkan kesejahteraan masyarakat",
    "c": "mempercepat pemenuhan pelayanan kepada masyarakat",
    "d": "mempercepat pertukaran dan penguasaan ilmu pengetahuan dan teknologi",
    "e": "pemberdayaan sumber daya dan potensi daerah dalam berbagai bidang untuk "
    "meningkatkan pengembangan ekonomi masyarakat",
}


@pytest.mark.django_db
def test_p5_4_31_urusan_in_three_groups():
    hasil = acuan_muat()

    assert hasil["urusan"] == 31
    assert Urusan.objects.count() == 31
    assert list(Urusan.objects.values_list("urutan", flat=True)) == list(range(1, 32))
    for kelompok, names in URUSAN_PASAL_5_AYAT_4.items():
        rows = list(Urusan.objects.filter(kelompok=kelompok).order_by("urutan"))
        assert [u.nama.lower() for u in rows] == [n.lower() for n in names]
        huruf = HURUF_KELOMPOK[kelompok]
        assert [u.kode for u in rows] == [f"{huruf}.{i}" for i in range(1, len(names) + 1)]
    assert Urusan.objects.filter(kelompok=KelompokUrusan.WAJIB_PELAYANAN_DASAR).count() == 6
    assert Urusan.objects.filter(kelompok=KelompokUrusan.WAJIB_NON_PELAYANAN_DASAR).count() == 18
    assert Urusan.objects.filter(kelompok=KelompokUrusan.PILIHAN).count() == 7


@pytest.mark.django_db
def test_p5_4_urusan_names_are_capitalised_for_display():
    acuan_muat()

    assert Urusan.objects.get(kode="a.1").nama == "Pendidikan"
    assert Urusan.objects.get(kode="a.3").nama == "Pekerjaan Umum dan Penataan Ruang"
    assert Urusan.objects.get(kode="b.11").nama == "Koperasi, Usaha Kecil, dan Menengah"
    assert Urusan.objects.get(kode="b.14").nama == "Statistik"
    assert Urusan.objects.get(kode="c.7").nama == "Transmigrasi"
    assert str(Urusan.objects.get(kode="c.4")) == "Energi dan Sumber Daya Mineral"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kode", "nama", "kutipan", "wajib_kompensasi", "pertukaran_layanan"), BENTUK_PASAL_9
)
def test_p9_a_to_i_bentuk_nine_forms_with_definitions(
    kode, nama, kutipan, wajib_kompensasi, pertukaran_layanan
):
    """P9-a, P9-b, P9-c, P9-d, P9-e, P9-f, P9-g, P9-h, P9-i: one case per letter."""
    acuan_muat()

    bentuk = Bentuk.objects.get(kode=kode)
    assert bentuk.nama == nama
    assert bentuk.definisi.startswith("Kerja sama antar")
    assert kutipan in bentuk.definisi
    assert bentuk.definisi.endswith(".")
    assert bentuk.wajib_kompensasi is wajib_kompensasi
    assert bentuk.pertukaran_layanan is pertukaran_layanan


@pytest.mark.django_db
def test_p9_a_bentuk_nine_forms_with_definitions():
    """P9-a…i: exactly nine forms a–i; compensation for b, c, d, f; exchange for g only."""
    hasil = acuan_muat()

    assert hasil["bentuk"] == 9
    assert list(Bentuk.objects.values_list("kode", flat=True)) == list("abcdefghi")
    assert set(Bentuk.objects.filter(wajib_kompensasi=True).values_list("kode", flat=True)) == {
        "b",
        "c",
        "d",
        "f",
    }
    assert list(Bentuk.objects.filter(pertukaran_layanan=True).values_list("kode", flat=True)) == [
        "g"
    ]
    assert Bentuk.objects.get(kode="d").definisi == (
        "Kerja sama antardaerah untuk memberikan pelayanan publik tertentu dengan membayar "
        "retribusi atas jasa pelayanan."
    )
    assert str(Bentuk.objects.get(kode="a")) == "a. Kerja Sama Pelayanan Bersama"


@pytest.mark.django_db
def test_p3_five_goals():
    hasil = acuan_muat()

    assert hasil["tujuan"] == 5
    assert {t.kode: t.uraian.lower() for t in Tujuan.objects.all()} == TUJUAN_PASAL_3
    assert Tujuan.objects.get(kode="b").uraian == "Meningkatkan kesejahteraan masyarakat"


def test_p6_two_categories():
    assert Kategori.values == ["wajib", "sukarela"]
    assert [str(label) for label in Kategori.labels] == [
        "Kerja Sama Wajib",
        "Kerja Sama Sukarela",
    ]


@pytest.mark.django_db
def test_acuan_muat_is_idempotent():
    pertama = acuan_muat()
    ids = {
        model: sorted(model.objects.values_list("pk", flat=True))
        for model in (Urusan, Bentuk, Tujuan)
    }

    kedua = acuan_muat()

    assert pertama == {"urusan": 31, "bentuk": 9, "tujuan": 5, "ditulis": 45}
    assert kedua == {"urusan": 31, "bentuk": 9, "tujuan": 5, "ditulis": 0}
    for model, pks in ids.items():
        assert sorted(model.objects.values_list("pk", flat=True)) == pks


@pytest.mark.django_db
def test_acuan_muat_repairs_edited_rows():
    acuan_muat()
    Urusan.objects.filter(kode="b.9").update(nama="Salah", urutan=99)
    Bentuk.objects.filter(kode="g").update(pertukaran_layanan=False)

    hasil = acuan_muat()

    assert hasil["ditulis"] == 2
    assert (Urusan.objects.get(kode="b.9").nama, Urusan.objects.get(kode="b.9").urutan) == (
        "Perhubungan",
        15,
    )
    assert Bentuk.objects.get(kode="g").pertukaran_layanan is True
    assert Urusan.objects.count() == 31
