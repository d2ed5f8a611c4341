from .monev import MonitoringEvaluasi, RiwayatMonev, StatusMonev, StatusTemuan, TemuanMonev
from .pembinaan import KeanggotaanAsosiasi, KegiatanPembinaan, SekretariatKerjaSama
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
    "RiwayatMonev",
    "RiwayatPerselisihan",
    "SekretariatKerjaSama",
    "StatusMonev",
    "StatusPerselisihan",
    "StatusTemuan",
    "TemuanMonev",
]
