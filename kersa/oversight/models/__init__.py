from .pembinaan import KeanggotaanAsosiasi, KegiatanPembinaan, SekretariatKerjaSama

__all__ = ["KeanggotaanAsosiasi", "KegiatanPembinaan", "SekretariatKerjaSama"]
