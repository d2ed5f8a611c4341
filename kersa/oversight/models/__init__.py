from .monev import MonitoringEvaluasi, RiwayatMonev, StatusMonev, StatusTemuan, TemuanMonev
from .pembinaan import (
    KeanggotaanAsosiasi,
    KegiatanPembinaan,
    RiwayatKeanggotaan,
    SekretariatKerjaSama,
    StatusKeanggotaan,
)
from .perselisihan import (
    BerkasPerselisihan,
    Perselisihan,
    RapatMusyawarah,
    RiwayatPerselisihan,
    StatusPerselisihan,
)

__all__ = [
    "BerkasPerselisihan",
    "KeanggotaanAsosiasi",
    "KegiatanPembinaan",
    "MonitoringEvaluasi",
    "Perselisihan",
    "RapatMusyawarah",
    "RiwayatKeanggotaan",
    "RiwayatMonev",
    "RiwayatPerselisihan",
    "SekretariatKerjaSama",
    "StatusKeanggotaan",
    "StatusMonev",
    "StatusPerselisihan",
    "StatusTemuan",
    "TemuanMonev",
]
