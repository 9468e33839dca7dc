"""The 98 municipality outlines, read once and projected for drawing Danish maps.

The boundaries are package data (``resources/geo/kommuner.geojson``: DAGI 1:250 000 via
Datakollektivet/map-generator, simplified; provenance and licence in that folder's
README). GeoJSON is plain JSON, so the standard library reads it in ~50 ms; a GIS stack
(geopandas, shapely, pyproj) would add seconds of import and hundreds of MB for 98
polygons. The projection is ETRS89 / UTM zone 32N (EPSG:25832), the one Danish
authorities publish maps in, computed with Krüger's series (Karney 2011, the same
"exact" transverse Mercator PROJ uses): millimetre accuracy across the zone, and still
far below a printed line's width out at Bornholm (15° E, six degrees from the
central meridian).

Nothing here imports matplotlib: a :class:`Shape` is rings of kilometre coordinates,
ready to become one ``Path`` per municipality in :mod:`kl_survey.report.maps`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import numpy as np

#: The short attribution every map carries (CC BY 4.0 credit of the data's producer).
ATTRIBUTION = "Kort: Klimadatastyrelsen, DAGI"

BORNHOLM = 400
#: Greater Copenhagen: Byen København and Københavns omegn (Danmarks Statistik's
#: landsdele 1 and 2) plus Rudersdal: the small municipalities that need the enlarged
#: box. The box is the bounding box of these, so all of them are whole inside it.
GREATER_COPENHAGEN = (101, 147, 151, 153, 155, 157, 159, 161, 163, 165, 167, 169, 173,
                      175, 183, 185, 187, 230)

# GRS80 (the ETRS89 ellipsoid) and UTM zone 32's constants.
_A = 6_378_137.0
_F = 1 / 298.257222101
_K0 = 0.9996
_E0 = 500_000.0
_LON0 = math.radians(9.0)


@dataclass(frozen=True)
class Shape:
    """One municipality: its rings (outer rings and holes, each an (n, 2) array in km)."""

    code: int
    name: str
    region: str
    rings: tuple[np.ndarray, ...]

    def bounds(self) -> tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax) in km."""
        both = np.concatenate(self.rings)
        return (float(both[:, 0].min()), float(both[:, 1].min()),
                float(both[:, 0].max()), float(both[:, 1].max()))


def _kruger() -> tuple[float, tuple[float, ...]]:
    """Rectifying radius A and the α coefficients of Krüger's series to n⁴."""
    n = _F / (2 - _F)
    radius = _A / (1 + n) * (1 + n**2 / 4 + n**4 / 64)
    alpha = (
        n / 2 - 2 * n**2 / 3 + 5 * n**3 / 16 + 41 * n**4 / 180,
        13 * n**2 / 48 - 3 * n**3 / 5 + 557 * n**4 / 1440,
        61 * n**3 / 240 - 103 * n**4 / 140,
        49561 * n**4 / 161280,
    )
    return radius, alpha


_RADIUS, _ALPHA = _kruger()
_E2N = 2 * math.sqrt(_F / (2 - _F)) / (1 + _F / (2 - _F))  # eccentricity e = 2√n/(1+n)


def utm32(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """WGS84/ETRS89 degrees → EPSG:25832 easting and northing in metres."""
    phi = np.radians(np.asarray(lat, dtype=float))
    dlon = np.radians(np.asarray(lon, dtype=float)) - _LON0
    sin_phi = np.sin(phi)
    t = np.sinh(np.arctanh(sin_phi) - _E2N * np.arctanh(_E2N * sin_phi))
    xi = np.arctan2(t, np.cos(dlon))
    eta = np.arctanh(np.sin(dlon) / np.sqrt(1 + t * t))
    east, north = eta.copy(), xi.copy()
    for j, a in enumerate(_ALPHA, start=1):
        east += a * np.cos(2 * j * xi) * np.sinh(2 * j * eta)
        north += a * np.sin(2 * j * xi) * np.cosh(2 * j * eta)
    return _E0 + _K0 * _RADIUS * east, _K0 * _RADIUS * north


def _signed_area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y)) / 2


def _orient(ring: np.ndarray, outer: bool) -> np.ndarray:
    """Outer rings counter-clockwise, holes clockwise, whatever the file says, so the
    non-zero fill rule leaves Frederiksberg's hole in København empty."""
    ccw = _signed_area(ring) > 0
    return ring if ccw == outer else ring[::-1]


def _project_ring(coords: list[list[float]]) -> np.ndarray:
    arr = np.asarray(coords, dtype=float)[:, :2]
    x, y = utm32(arr[:, 0], arr[:, 1])
    return np.column_stack((x, y)) / 1000.0


def _polygons(geometry: dict[str, object]) -> list[list[list[list[float]]]]:
    kind, coords = geometry["type"], geometry["coordinates"]
    if kind == "Polygon":
        return [coords]  # type: ignore[list-item]
    if kind == "MultiPolygon":
        return list(coords)  # type: ignore[call-overload]
    raise ValueError(f"kommuner.geojson: unexpected geometry {kind!r}")


def geojson_text() -> str:
    return (files("kl_survey.resources") / "geo" / "kommuner.geojson").read_text("utf-8")


@cache
def shapes() -> dict[int, Shape]:
    """All 98 municipalities by code, projected to UTM 32N kilometres; read once."""
    data = json.loads(geojson_text())
    out: dict[int, Shape] = {}
    for feature in data["features"]:
        props = feature["properties"]
        rings: list[np.ndarray] = []
        for polygon in _polygons(feature["geometry"]):
            for i, ring in enumerate(polygon):
                rings.append(_orient(_project_ring(ring), outer=i == 0))
        code = int(props["code"])
        out[code] = Shape(code, str(props["name"]), str(props["region"]), tuple(rings))
    return out


def bounds(codes: tuple[int, ...] | None = None) -> tuple[float, float, float, float]:
    """Bounding box in km of the given municipalities (all when ``None``)."""
    found = shapes()
    boxes = np.array([found[c].bounds() for c in (codes or tuple(found))])
    return (float(boxes[:, 0].min()), float(boxes[:, 1].min()),
            float(boxes[:, 2].max()), float(boxes[:, 3].max()))


def mainland_codes() -> tuple[int, ...]:
    """Every municipality drawn at its true place (all but Bornholm)."""
    return tuple(c for c in shapes() if c != BORNHOLM)
