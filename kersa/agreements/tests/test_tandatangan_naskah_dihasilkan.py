"""P11 BLOCK, P20-2, P20-3 (issue 13 item 5): the KB KERSA generates is agreed as it
stands and signed without an upload of an edited copy. The generator leaves three blanks
for what the signing form records: the komparisi's day and date, the partner's own
number of the text and the place (``documents.isian_ttd``). The check at signing reads
the agreed draft with exactly those filled from the signing form; every other
placeholder still blocks, and the numbers entered must still be the title block's."""

import pytest

from kersa.agreements import services
from kersa.agreements.choices import Status
from kersa.agreements.workflow import TRANSISI
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import _penandatangan, ke_status, tanggal_ttd_kb
from kersa.demo.wilayah import demo_muat_satu
from kersa.documents.choices import AsalVersi
from kersa.documents.contoh import unggahan_pdf
from kersa.documents.isian_ttd import SAAT_TTD
from kersa.documents.models import Dokumen
from kersa.documents.selectors import laporan_disepakati
from kersa.documents.services.hasilkan import dokumen_hasilkan
from kersa.documents.services.versi import versi_dari_berkas
from kersa.documents.teks import teks_docx

pytestmark = pytest.mark.django_db

NOMOR_MITRA = "100.3/21/Pem/2026"


def _disepakati_dihasilkan(ksdd, pemeran):
    """KERSA's generated KB, unedited, recorded as the agreed draft (as the agreeing
    step does with ``rancangan_versi``)."""
    versi = dokumen_hasilkan(ksdd=ksdd, jenis="kb", user=pemeran.sekretariat)
    versi_dari_berkas(
        dokumen=versi.dokumen,
        berkas=versi.berkas,
        asal=AsalVersi.DISEPAKATI,
        user=pemeran.sekretariat,
    )
    with versi.berkas.file.open("rb") as f:
        return f.read()


def _ttd(ksdd, pemeran, *, nomor_daerah=None):
    penandatangan = _penandatangan(ksdd, pemeran, pks=False)
    penandatangan[0]["nomor_naskah"] = (
        nomor_daerah or Dokumen.objects.get(ksdd=ksdd, jenis="kb").nomor
    )
    penandatangan[1]["nomor_naskah"] = NOMOR_MITRA
    return services.ksdd_tandatangani_kb(
        ksdd=ksdd,
        user=pemeran.bupati,
        tanggal=tanggal_ttd_kb(),
        tempat="Buntok",
        penandatangan=penandatangan,
        naskah=unggahan_pdf("kb-ttd.pdf"),
    )


def test_p11_generated_kb_as_it_stands_signs_with_the_signing_forms_date_number_place(
    pemeran, ksdd
):
    demo_muat_satu("62.13")  # the partner's head on record: the draft names him
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    data = _disepakati_dihasilkan(ksdd, pemeran)
    teks = " ".join(teks_docx(data))
    # what the record cannot know yet: the generator's blanks, and nothing else
    assert "Pada hari ini, .........., tanggal" in teks
    assert "[...diisi: nomor...]" in teks and "[...diisi: tempat...]" in teks
    # before signing the page reads them as to be filled at signing, not as missing
    assert TRANSISI["tandatangani_kb"].hambatan(ksdd) == []
    _b, laporan, _a = laporan_disepakati(ksdd, "kb")
    assert any(SAAT_TTD in b for b in laporan.nomor)
    _ttd(ksdd, pemeran)
    ksdd.refresh_from_db()
    assert ksdd.status != Status.PENANDATANGANAN_KB
    kb = ksdd.naskah.get(jenis="kb")
    assert kb.tanggal_ditandatangani == tanggal_ttd_kb()
    # afterwards the agreed draft reads with the recorded values in: it passes
    _b, laporan, _a = laporan_disepakati(ksdd, "kb")
    assert laporan.lulus, laporan.pelanggaran
    assert any(NOMOR_MITRA in b for b in laporan.nomor)
    assert laporan.tanggal_komparisi == tanggal_ttd_kb()


def test_p11_generated_kb_with_another_placeholder_still_refused(pemeran, ksdd):
    """No partner's head on record: the name and the decree stay blank; those are not
    the signing form's to fill, so the signing is refused quoting them."""
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    _disepakati_dihasilkan(ksdd, pemeran)
    halaman = TRANSISI["tandatangani_kb"].hambatan(ksdd)
    with pytest.raises(RuleViolation) as exc:
        _ttd(ksdd, pemeran)
    tolak = exc.value.pelanggaran
    assert halaman and all(p.rule == "P11" for p in tolak)
    detail = " ".join(p.detail for p in tolak)
    assert "[...diisi: nama tanpa gelar...]" in detail or "[...diisi: nomor keputusan" in detail
    assert "diisi: nomor...]" not in detail and "diisi: tempat" not in detail
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENANDATANGANAN_KB


def test_p11_generated_kb_number_not_its_title_blocks_still_refused(pemeran, ksdd):
    demo_muat_satu("62.13")
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    _disepakati_dihasilkan(ksdd, pemeran)
    with pytest.raises(RuleViolation) as exc:
        _ttd(ksdd, pemeran, nomor_daerah="100.3.6/99/Pem/2026")
    (p,) = exc.value.pelanggaran
    assert (p.rule, p.field) == ("P11", "penandatangan")
    assert "tidak memuat nomor naskah 100.3.6/99/Pem/2026" in p.detail
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENANDATANGANAN_KB
