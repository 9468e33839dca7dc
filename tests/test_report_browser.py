"""report.html in headless Chromium: charts have a real size and nothing is fetched.

Skipped locally without Chromium; under CI=true a missing browser is a failure, because
this is the only test that proves the page renders as a reader sees it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kl_survey.pipeline import run
from kl_survey.report import write_report

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "kl-2025-05" / "responses.xlsx"

# Writes every chart's rendered size into the DOM, read back with --dump-dom. Placed at
# the end of <body>, so layout is complete for everything above it.
PROBE = """<script>
(function () {
  var out = [];
  document.querySelectorAll("figure svg, figure img").forEach(function (el) {
    var r = el.getBoundingClientRect();
    out.push([el.tagName.toLowerCase(), r.width, r.height]);
  });
  var pre = document.createElement("pre");
  pre.id = "kl-sizes";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    if found is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("Chromium mangler, men CI=true kræver browsertesten")
        pytest.skip("Chromium er ikke installeret (apt-get install chromium)")
    return found


def _run(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}",
           '--host-resolver-rules=MAP * ~NOTFOUND', *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def _page_requests(netlog: Path) -> list[str]:
    """URLs the *page* asked for. Chromium's own background requests (update checks,
    account probes) carry initiator "not an origin" and are ignored."""
    doc = json.loads(netlog.read_text(encoding="utf-8"))
    names = {v: k for k, v in doc["constants"]["logEventTypes"].items()}
    urls = []
    for event in doc["events"]:
        params = event.get("params") or {}
        if names.get(event["type"]) != "URL_REQUEST_START_JOB" or "url" not in params:
            continue
        if params.get("initiator") == "not an origin":
            continue
        urls.append(params["url"])
    return [u for u in urls if not u.startswith(("file:", "data:"))]


@pytest.fixture(scope="module")
def browser() -> str:
    return _chromium()


@pytest.fixture(scope="module")
def report_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser")
    write_report(run(EXAMPLE)[0], out, formats=("html",))
    return out / "report.html"


def test_every_chart_has_a_rendered_size_and_nothing_is_fetched(
        browser: str, report_html: Path, tmp_path: Path) -> None:
    probe = tmp_path / "probe.html"
    probe.write_text(report_html.read_text(encoding="utf-8").replace("</body>",
                                                                     PROBE + "</body>"),
                     encoding="utf-8")
    netlog = tmp_path / "net.json"
    res = _run(browser, tmp_path / "profile", "--window-size=1000,1400",
               f"--log-net-log={netlog}", "--dump-dom", probe.as_uri())
    assert res.returncode == 0, res.stderr[-2000:]
    start = res.stdout.index('<pre id="kl-sizes">') + len('<pre id="kl-sizes">')
    sizes = json.loads(res.stdout[start:res.stdout.index("</pre>", start)])
    assert len(sizes) == 8
    for tag, width, height in sizes:
        assert tag == "svg"
        assert width > 300 and height > 100, (width, height)
    assert _page_requests(netlog) == []


def test_network_detector_catches_external_resources(browser: str, tmp_path: Path) -> None:
    """Control: the same check flags a page that does load something from outside."""
    page = tmp_path / "leaky.html"
    page.write_text('<html><body><img src="http://example.invalid/x.png"></body></html>',
                    encoding="utf-8")
    netlog = tmp_path / "net.json"
    res = _run(browser, tmp_path / "profile", f"--log-net-log={netlog}", "--dump-dom",
               page.as_uri())
    assert res.returncode == 0, res.stderr[-2000:]
    assert _page_requests(netlog) == ["http://example.invalid/x.png"]


def test_screenshot_is_not_blank(browser: str, report_html: Path, tmp_path: Path) -> None:
    from PIL import Image

    shot = tmp_path / "shot.png"
    res = _run(browser, tmp_path / "profile", "--window-size=1000,1600",
               f"--screenshot={shot}", report_html.as_uri())
    assert res.returncode == 0, res.stderr[-2000:]
    image = Image.open(shot).convert("L")
    assert image.size == (1000, 1600)
    dark = sum(image.histogram()[:128]) / (image.width * image.height)
    assert dark > 0.01
