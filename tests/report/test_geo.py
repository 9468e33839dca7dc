"""The packaged boundaries and the UTM 32N projection, checked against independent facts."""

from __future__ import annotations

from importlib.resources import files

import numpy as np
import pytest

from kl_survey import municipalities as mun
from kl_survey.report import geo

A, F, K0 = 6_378_137.0, 1 / 298.257222101, 0.9996
E2 = F * (2 - F)


def test_one_shape_per_municipality_with_the_registers_name_and_region() -> None:
    shapes = geo.shapes()
    assert len(shapes) == 98
    assert {(s.code, s.name, s.region) for s in shapes.values()} == {
        (m.code, m.name, m.region) for m in mun.register()}


def test_provenance_and_attribution_ship_with_the_data() -> None:
    folder = files("kl_survey.resources") / "geo"
    readme = (folder / "README.md").read_text("utf-8")
    assert "Kort: Klimadatastyrelsen, DAGI" in readme
    assert "Datakollektivet/map-generator" in readme
    assert "CC BY 4.0" in readme
    assert geo.ATTRIBUTION == "Kort: Klimadatastyrelsen, DAGI"


def _meridian_arc(lat_deg: float) -> float:
    """Distance from the equator along a meridian, by numerical integration: an
    independent check of the series the projection uses."""
    phi = np.linspace(0.0, np.radians(lat_deg), 200_001)
    m = A * (1 - E2) / (1 - E2 * np.sin(phi) ** 2) ** 1.5
    return float(np.trapezoid(m, phi))


@pytest.mark.parametrize("lat", [54.5, 56.0, 57.8])
def test_central_meridian_maps_to_the_scaled_meridian_arc(lat: float) -> None:
    x, y = geo.utm32(np.array([9.0]), np.array([lat]))
    assert x[0] == pytest.approx(500_000.0, abs=1e-6)
    assert y[0] == pytest.approx(K0 * _meridian_arc(lat), abs=0.01)


@pytest.mark.parametrize(("lon", "lat"), [(8.1, 55.0), (12.57, 55.68), (15.1, 55.1)])
def test_projection_is_conformal_out_to_bornholm(lon: float, lat: float) -> None:
    """Transverse Mercator preserves angles: the meridian and the parallel stay at right
    angles and are scaled alike, also six degrees from the central meridian."""
    d = 1e-5
    x0, y0 = geo.utm32(np.array([lon]), np.array([lat]))
    x1, y1 = geo.utm32(np.array([lon]), np.array([lat + d]))
    x2, y2 = geo.utm32(np.array([lon + d]), np.array([lat]))
    north = np.array([x1[0] - x0[0], y1[0] - y0[0]])
    east = np.array([x2[0] - x0[0], y2[0] - y0[0]])
    phi = np.radians(lat)
    m = A * (1 - E2) / (1 - E2 * np.sin(phi) ** 2) ** 1.5  # meridian radius
    n = A / np.sqrt(1 - E2 * np.sin(phi) ** 2)  # prime vertical radius
    h = np.linalg.norm(north) / (m * np.radians(d))
    k = np.linalg.norm(east) / (n * np.cos(phi) * np.radians(d))
    assert h == pytest.approx(k, rel=1e-5)
    assert abs(np.dot(north, east)) / (np.linalg.norm(north) * np.linalg.norm(east)) < 1e-5


# Reference coordinates from PROJ (pyproj 3.7.2, EPSG:4326 -> EPSG:25832), computed
# once outside the test suite; PROJ is not a dependency of kl-survey.
PROJ = [
    ((12.5683, 55.6761), (724_351.928637642, 6_175_804.02212861)),  # Københavns Rådhus
    ((9.0, 56.0), (500_000.0, 6_206_079.587128013)),
    ((15.1, 55.1), (888_982.3411151072, 6_122_928.563989489)),  # Bornholm
    ((8.07, 55.0), (440_510.1572168296, 6_095_186.927277882)),  # Rømø, the west edge
    ((10.6, 57.75), (595_227.6440897059, 6_402_002.054858883)),  # Skagen
]


@pytest.mark.parametrize(("lonlat", "expected"), PROJ)
def test_projection_agrees_with_proj_to_the_millimetre(
        lonlat: tuple[float, float], expected: tuple[float, float]) -> None:
    x, y = geo.utm32(np.array([lonlat[0]]), np.array([lonlat[1]]))
    assert (x[0], y[0]) == pytest.approx(expected, abs=0.001)


def test_frederiksberg_is_a_hole_in_koebenhavn_oriented_for_the_nonzero_rule() -> None:
    rings = geo.shapes()[101].rings
    areas = [geo._signed_area(r) for r in rings]
    assert any(a > 0 for a in areas) and any(a < 0 for a in areas)
    hole = rings[int(np.argmin(areas))]
    fx0, fy0, fx1, fy1 = geo.shapes()[147].bounds()
    assert fx0 - 0.01 <= hole[:, 0].min() and hole[:, 0].max() <= fx1 + 0.01
    assert fy0 - 0.01 <= hole[:, 1].min() and hole[:, 1].max() <= fy1 + 0.01


def test_bornholm_lies_east_of_everything_else() -> None:
    rest = geo.bounds(geo.mainland_codes())
    bornholm = geo.bounds((geo.BORNHOLM,))
    assert bornholm[0] > rest[2] + 100  # more than 100 km east of Zealand's coast
    assert len(geo.GREATER_COPENHAGEN) == 18
