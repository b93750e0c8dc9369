"""Open the HTML report in headless Chromium: no console errors, charts drawn, a screenshot.

Skipped when no Chromium is installed. The page under test is the real report with a small
probe script added at the top of <head> that records errors and console.error calls into the
DOM, which `--dump-dom` then prints.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from example_report import example_claims

from casualty.reconcile import reconcile

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
)
PROBE = """<script>
window.__errors = [];
window.addEventListener("error", function (e) { window.__errors.push(String(e.message)); });
window.addEventListener("unhandledrejection", function (e) {
  window.__errors.push("unhandled rejection: " + String(e.reason));
});
(function () {
  var original = console.error;
  console.error = function () {
    window.__errors.push(Array.prototype.join.call(arguments, " "));
    return original.apply(console, arguments);
  };
})();
window.addEventListener("load", function () {
  setTimeout(function () {
    var out = document.createElement("pre");
    out.id = "probe-errors";
    out.textContent = JSON.stringify(window.__errors);
    document.body.appendChild(out);
  }, 1000);
});
</script>"""


def _browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no headless Chromium installed")


def _run(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("plotly")
    from casualty.render.html import render_html

    html = render_html(reconcile(example_claims()))
    probed = html.replace("<head>", "<head>" + PROBE, 1)
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(probed, encoding="utf-8")
    return path


def test_report_opens_without_console_errors_and_draws_charts(page: Path, tmp_path: Path) -> None:
    browser = _browser()
    result = _run(
        browser, tmp_path / "profile", "--virtual-time-budget=15000", "--dump-dom", page.as_uri()
    )
    assert result.returncode == 0, result.stderr[-2000:]
    found = re.search(r'<pre id="probe-errors">(.*?)</pre>', result.stdout, re.S)
    assert found, "the page did not finish loading"
    errors = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert errors == []
    # plotly replaces each chart div with its SVG drawing
    assert result.stdout.count('class="main-svg"') >= 2
    assert "not mentioned" in result.stdout


def test_report_screenshot(page: Path, tmp_path: Path) -> None:
    browser = _browser()
    shot = tmp_path / "report.png"
    result = _run(
        browser,
        tmp_path / "profile",
        "--virtual-time-budget=15000",
        "--window-size=1280,1600",
        f"--screenshot={shot}",
        page.as_uri(),
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 20_000  # a blank page compresses to a few kilobytes
