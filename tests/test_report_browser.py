"""The HTML report in a real browser (Chromium driven by Playwright): layout, filters, keyboard, no network, no XSS.

The report is made with the real command line, opened from a file:// address, and checked against the page contract:
  section#summary (severity counts); section#findings > article.finding[data-severity][data-family][data-documents];
  section#flows > svg#flow-diagram[role=img] with at least one `.concern` edge; select#filter-severity,
  select#filter-family, select#filter-document, input#search[type=search]; filtering sets `hidden` on the findings
  that do not match; p#filter-count[aria-live=polite] reads "N of M findings shown"; a CSP meta forbids the network.

Needs the `playwright` Python package and a system Chromium (never `playwright install`). Without them these tests
are skipped, unless AUDITOR_BROWSER_TESTS=required (set by .ci/run), where a missing browser is an error.
Browser path: /usr/bin/chromium, or AUDITOR_CHROMIUM.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES

CHROMIUM = Path(os.environ.get("AUDITOR_CHROMIUM", "/usr/bin/chromium"))
REQUIRED = os.environ.get("AUDITOR_BROWSER_TESTS", "").lower() == "required"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]
STUDY = SAMPLES / "undisclosed_ccn"
SEVERITIES = ["critical", "major", "minor", "info"]
# The full page goes to test-output/ on every run; the first screen goes to docs/ only when asked
# (UPDATE_DOCS=1), because the report shows the audit time and the committed picture should not churn.
FULL_PAGE = ROOT / "test-output" / "report.png"
DOCS_SCREEN = ROOT / "docs" / "report-screenshot.png"


MISSING = ""  # why the browser tests cannot run here, if they cannot
try:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import expect, sync_playwright
except ImportError:
    MISSING = "the `playwright` Python package is not installed (pip install -e '.[test]')"
if not MISSING and not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
    MISSING = f"no Chromium at {CHROMIUM} (apt-get install chromium, or set AUDITOR_CHROMIUM)"
if MISSING and not REQUIRED:
    pytest.skip(f"browser tests skipped: {MISSING}", allow_module_level=True)


@pytest.fixture(scope="module", autouse=True)
def _browser_required():
    """Under AUDITOR_BROWSER_TESTS=required (CI), each test fails, rather than skips, without a browser."""
    if MISSING:
        pytest.fail(f"{MISSING}, but AUDITOR_BROWSER_TESTS=required", pytrace=False)


COUNT = re.compile(r"(\d+)\s+of\s+(\d+)\s+findings?\s+shown", re.IGNORECASE)

# Runs in every page before its own scripts (through DevTools, so the page's CSP does not apply to it): it records
# the CSP violations the page causes, which a `request` listener cannot see (a blocked request never starts).
RECORD_CSP = """
window.__auditorTestCsp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__auditorTestCsp.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));
"""

# One row per article.finding, in page order.
ARTICLES = """els => els.map(e => ({
  hidden: e.hasAttribute('hidden'),
  rendered: e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden',
  severity: e.dataset.severity || '', family: e.dataset.family || '',
  documents: (e.dataset.documents || '').split(/\\s+/).filter(Boolean),
  text: e.textContent || ''}))"""


# ---------------------------------------------------------------------------------------------------------- fixtures

def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=180)


@dataclass
class Report:
    html: Path
    data: dict  # the JSON report of the same documents: what the page has to show

    @property
    def families(self) -> set[str]:
        return {f["rule_id"].split("-")[0] for f in self.data["findings"]}

    @property
    def document_ids(self) -> set[str]:
        return {d["id"] for d in self.data["documents"]}


@dataclass
class Session:
    page: object
    url: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__auditorTestCsp || []")

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if u.split("#")[0] != self.url]

    def assert_quiet(self) -> None:
        """No request but the file itself, no dialog, no script error, no CSP violation."""
        assert not self.foreign_requests(), f"the page made network requests: {self.foreign_requests()}"
        assert not self.dialogs, f"the page opened dialogs: {self.dialogs}"
        assert not self.errors, f"script errors in the page: {self.errors}"
        assert not self.csp_violations(), f"the page tried things its CSP forbids: {self.csp_violations()}"


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        try:
            instance = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        except PlaywrightError as exc:
            pytest.fail(f"Chromium at {CHROMIUM} did not start: {exc}", pytrace=False)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Report:
    folder = tmp_path_factory.mktemp("browser-report")
    html, data = folder / "report.html", folder / "report.json"
    documents = [str(STUDY / "protocol.pdf"), str(STUDY / "consent.docx")]
    for fmt, out in (("html", html), ("json", data)):
        result = _cli("audit", *documents, "--format", fmt, "-o", str(out))
        assert result.returncode == 0, result.stderr
    return Report(html, json.loads(data.read_text(encoding="utf-8")))


@pytest.fixture
def open_page(browser):
    """open_page(path) -> Session: the file in a fresh context that records requests, dialogs and script errors."""
    contexts, sessions = [], []

    def _open(path: Path) -> Session:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
        contexts.append(context)
        context.add_init_script(RECORD_CSP)
        page = context.new_page()
        session = Session(page, path.resolve().as_uri())
        sessions.append(session)
        page.on("request", lambda request: session.requests.append(request.url))
        page.on("pageerror", lambda error: session.errors.append(str(error)))

        def _dialog(dialog):
            session.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", _dialog)
        # Belt and braces: should the CSP ever let something through, it must still not reach the network.
        context.route(re.compile(r"^(?!file:).*"), lambda route: route.abort())
        page.goto(session.url, wait_until="load")
        return session

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture
def sample(open_page, report) -> Session:
    session = open_page(report.html)
    yield session
    # Every test with the sample report also proves the page stayed offline and quiet while it was used.
    leaked = session.foreign_requests()
    if leaked or session.dialogs or session.errors:
        pytest.fail(f"requests {leaked}, dialogs {session.dialogs}, script errors {session.errors}", pytrace=False)


# ----------------------------------------------------------------------------------------------------------- helpers

def articles(page) -> list[dict]:
    return page.locator("#findings article.finding").evaluate_all(ARTICLES)


def option_values(page, select_id: str) -> list[str]:
    return page.locator(f"#{select_id} option").evaluate_all("els => els.map(o => o.value)")


def assert_shown(page, should_show, why: str) -> None:
    """The findings for which should_show(article) holds are shown, the others carry `hidden`; the count agrees."""
    rows = articles(page)
    expected = [should_show(row) for row in rows]
    total, shown = len(rows), sum(expected)
    assert 0 < total
    counter = page.locator("#filter-count")
    expect(counter, f"count text after {why}").to_contain_text(
        re.compile(rf"\b{shown}\s+of\s+{total}\s+findings?\s+shown", re.IGNORECASE))
    rows = articles(page)  # again: the count updates with the articles, so they are settled now
    for index, (row, show) in enumerate(zip(rows, expected)):
        label = f"finding {index + 1} ({row['severity']} {row['family']} {row['documents']}) after {why}"
        assert row["hidden"] is (not show), f"{label}: hidden={row['hidden']}, expected {not show}"
        assert row["rendered"] is show, f"{label}: rendered={row['rendered']}, expected {show}"


def tab_until(page, element_id: str, limit: int = 400) -> list[str]:
    """Press Tab until #element_id has the focus; return the ids (or tags) focused on the way."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => document.activeElement && (document.activeElement.id || "
                                "document.activeElement.tagName.toLowerCase())")
        seen.append(focused)
        if focused == element_id:
            return seen
    raise AssertionError(f"#{element_id} never got the focus in {limit} Tab presses; focused: {seen[:60]}")


def clear_search(page) -> None:
    search = page.locator("#search")
    search.focus()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.press("Backspace")


# ------------------------------------------------------------------------------------------------------------- tests

def test_summary_shows_the_severity_counts(sample, report):
    summary = sample.page.locator("section#summary")
    expect(summary).to_be_visible()
    text = " ".join(summary.inner_text().split())
    for severity in SEVERITIES:
        count = report.data["summary"].get(severity, 0)
        pattern = rf"(\b{count}\b\W*{severity}|{severity}\W*\b{count}\b)"
        assert re.search(pattern, text, re.IGNORECASE), f"summary lacks '{count} {severity}': {text!r}"


def test_flow_diagram_is_visible_and_marks_the_country_of_concern(sample, report):
    assert any(f["country_of_concern"] for f in report.data["flows"]), "the sample must have a country-of-concern flow"
    diagram = sample.page.locator("section#flows svg#flow-diagram")
    expect(diagram).to_be_visible()
    expect(diagram).to_have_attribute("role", "img")
    box = diagram.bounding_box()
    assert box and box["width"] > 50 and box["height"] > 50, f"the diagram is too small to read: {box}"
    concern = diagram.locator(".concern")
    assert concern.count() >= 1, "no element with class `concern` in the flow diagram"


def test_every_finding_is_visible_and_matches_the_json_report(sample, report):
    page = sample.page
    rows = articles(page)
    findings = report.data["findings"]
    assert len(rows) == len(findings), f"{len(rows)} articles for {len(findings)} findings"
    for index, row in enumerate(rows):
        assert not row["hidden"] and row["rendered"], f"finding {index + 1} is not visible on load"
        assert row["severity"] in SEVERITIES, f"finding {index + 1}: data-severity={row['severity']!r}"
        assert row["documents"] and set(row["documents"]) <= report.document_ids, \
            f"finding {index + 1}: data-documents={row['documents']} (documents: {sorted(report.document_ids)})"
    assert sorted((r["severity"], r["family"]) for r in rows) == \
        sorted((f["severity"], f["rule_id"].split("-")[0]) for f in findings)
    for finding in findings:  # each rule id is shown in an article of its family
        assert any(finding["rule_id"] in r["text"] and r["family"] == finding["rule_id"].split("-")[0] for r in rows), \
            finding["rule_id"]
    counter = page.locator("#filter-count")
    expect(counter).to_have_attribute("aria-live", "polite")
    expect(counter).to_contain_text(re.compile(rf"\b{len(rows)}\s+of\s+{len(rows)}\s+findings?\s+shown", re.I))


def test_severity_filter(sample, report):
    page = sample.page
    assert [v.lower() for v in option_values(page, "filter-severity")] == ["all", *SEVERITIES]
    assert report.data["summary"].get("critical"), "the sample must have critical findings"
    for severity in SEVERITIES:
        page.select_option("#filter-severity", severity)
        assert_shown(page, lambda row, s=severity: row["severity"] == s, f"severity {severity}")
    page.select_option("#filter-severity", "all")
    assert_shown(page, lambda row: True, "severity all")


def test_critical_filter_hides_the_rest_and_updates_the_count(sample, report):
    page = sample.page
    total = len(report.data["findings"])
    critical = report.data["summary"]["critical"]
    assert 0 < critical < total
    page.select_option("#filter-severity", "critical")
    expect(page.locator("#filter-count")).to_contain_text(
        re.compile(rf"\b{critical}\s+of\s+{total}\s+findings?\s+shown", re.I))
    expect(page.locator("article.finding[data-severity=critical]")).to_have_count(critical)
    for article in page.locator("article.finding[data-severity=critical]").all():
        expect(article).to_be_visible()
    for article in page.locator("article.finding:not([data-severity=critical])").all():
        expect(article).to_be_hidden()
        expect(article).to_have_attribute("hidden", re.compile(".*"))


def test_family_filter(sample, report):
    page = sample.page
    values = option_values(page, "filter-family")
    assert values and values[0].lower() == "all", values
    assert set(values[1:]) == report.families, f"family options {values[1:]}, findings' families {report.families}"
    assert len(report.families) > 1
    for family in sorted(report.families):
        page.select_option("#filter-family", family)
        assert_shown(page, lambda row, f=family: row["family"] == f, f"family {family}")
    page.select_option("#filter-family", "all")
    assert_shown(page, lambda row: True, "family all")


def test_document_filter(sample, report):
    page = sample.page
    values = option_values(page, "filter-document")
    assert values and values[0].lower() == "all", values
    assert set(values[1:]) == report.document_ids, f"document options {values[1:]}, documents {report.document_ids}"
    for document in sorted(report.document_ids):
        page.select_option("#filter-document", document)
        assert_shown(page, lambda row, d=document: d in row["documents"], f"document {document}")
    page.select_option("#filter-document", "all")
    assert_shown(page, lambda row: True, "document all")


def test_filters_combine(sample):
    page = sample.page
    page.select_option("#filter-severity", "critical")
    page.select_option("#filter-document", "D2")
    assert_shown(page, lambda row: row["severity"] == "critical" and "D2" in row["documents"], "critical + D2")
    page.select_option("#filter-severity", "all")
    assert_shown(page, lambda row: "D2" in row["documents"], "all severities + D2")
    page.select_option("#filter-document", "all")
    assert_shown(page, lambda row: True, "both back to all")


def _search_term(report) -> str:
    """A rule id that names one finding, e.g. XBT-008."""
    return sorted(f["rule_id"] for f in report.data["findings"])[-1]


def test_search_filters_findings_by_text(sample, report):
    page = sample.page
    expect(page.locator("input#search")).to_have_attribute("type", "search")
    term = _search_term(report)
    total = len(report.data["findings"])
    for typed in (term, term.lower()):  # case does not matter
        clear_search(page)
        page.locator("#search").press_sequentially(typed, delay=10)
        counter = page.locator("#filter-count")
        expect(counter).not_to_contain_text(re.compile(rf"\b{total}\s+of\s+{total}\b"))
        match = COUNT.search(counter.inner_text())
        assert match, counter.inner_text()
        rows = articles(page)
        shown = [r for r in rows if not r["hidden"]]
        assert int(match.group(1)) == len(shown) and int(match.group(2)) == total, counter.inner_text()
        assert any(term in r["text"] for r in shown), f"searching {typed!r} hid the finding {term}"
        for row in rows:
            assert row["rendered"] is (not row["hidden"])
            if not row["hidden"]:
                assert typed.lower() in row["text"].lower(), f"searching {typed!r} left a non-matching finding shown"
    clear_search(page)
    page.locator("#search").press_sequentially("no finding says zqxjv", delay=5)
    assert_shown(page, lambda row: False, "a search that matches nothing")
    clear_search(page)
    assert_shown(page, lambda row: True, "clearing the search")


def test_keyboard_reaches_every_filter(sample, report):
    page = sample.page
    wanted = {"filter-severity", "filter-family", "filter-document", "search"}
    focused: list[str] = []
    for _ in range(400):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("() => document.activeElement && (document.activeElement.id || "
                                     "document.activeElement.tagName.toLowerCase())"))
        if wanted <= set(focused):
            break
    assert wanted <= set(focused), f"Tab never reached {sorted(wanted - set(focused))}; focused: {focused[:60]}"
    # Then use the search box from the keyboard alone.
    if page.evaluate("document.activeElement.id") != "search":
        tab_until(page, "search")
    term = _search_term(report)
    total = len(report.data["findings"])
    page.keyboard.type(term, delay=10)
    expect(page.locator("#filter-count")).not_to_contain_text(re.compile(rf"\b{total}\s+of\s+{total}\b"))
    assert any(term in r["text"] and not r["hidden"] for r in articles(page))


def test_page_makes_no_network_request(sample):
    page = sample.page
    page.wait_for_load_state("networkidle")
    # Use every control, so a lazily loaded asset would show up too.
    for select_id in ("filter-severity", "filter-family", "filter-document"):
        for value in option_values(page, select_id):
            page.select_option(f"#{select_id}", value)
        page.select_option(f"#{select_id}", "all")
    page.locator("#search").press_sequentially("china", delay=5)
    for summary in page.locator("details > summary").all()[:20]:
        if summary.is_visible():
            summary.click()
    page.wait_for_timeout(300)
    assert sample.requests and sample.requests[0].split("#")[0] == sample.url, sample.requests
    sample.assert_quiet()
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    assert re.search(r"default-src\s+'none'", policy), f"CSP does not forbid the network: {policy!r}"
    assert "connect-src" not in policy or re.search(r"connect-src\s+'none'", policy), policy


def test_full_page_screenshot(sample):
    page = sample.page
    page.wait_for_load_state("networkidle")
    image = page.screenshot(full_page=True, type="png")
    assert image[:8] == b"\x89PNG\r\n\x1a\n" and len(image) > 10_000
    FULL_PAGE.parent.mkdir(parents=True, exist_ok=True)
    FULL_PAGE.write_bytes(image)
    if os.environ.get("UPDATE_DOCS"):
        DOCS_SCREEN.parent.mkdir(parents=True, exist_ok=True)
        DOCS_SCREEN.write_bytes(page.screenshot(full_page=False, type="png"))


# ------------------------------------------------------------------------------------------------------ hostile input

HOSTILE = ("8.4 Sample Shipment\n\n"
           "Plasma samples will be shipped to a laboratory in Shanghai, China "
           "<script>window.__pwned=1</script> <img src=x onerror=\"window.__pwned=2\"> "
           "<a href=\"javascript:window.__pwned=3\">details</a> <svg onload=alert(4)></svg> "
           "\"><script>alert(5)</script> '-alert(6)-' [more](javascript:alert(7)).\n\n"
           "8.5 Data\n\nGenetic data will be sent to BGI in Shenzhen, China <img src=x onerror=alert(8)>.\n")


def test_hostile_document_text_stays_inert(open_page, tmp_path):
    protocol = tmp_path / "protocol <img src=x onerror=alert(9)>.txt"
    protocol.write_text(HOSTILE, encoding="utf-8")
    consent = tmp_path / "consent.txt"
    consent.write_text("Your samples will be tested. <script>window.__pwned=10</script> You may stop at any time.\n",
                       encoding="utf-8")
    out = tmp_path / "hostile.html"
    result = _cli("audit", "--protocol", str(protocol), "--consent", str(consent), "--format", "html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    session = open_page(out)
    page = session.page
    page.wait_for_timeout(300)  # an image error handler would run after load

    # The payload is on the page as text (so the test means something) ...
    body = page.locator("body").inner_text()
    assert "<script>window.__pwned=1</script>" in body and 'onerror="window.__pwned=2"' in body
    # ... and did nothing.
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert not session.dialogs, session.dialogs
    markup = page.evaluate("""() => ({
        links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))
                 .filter(h => !/^(https?:|#)/i.test(h.trim())),
        handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))
                 .filter(n => n.startsWith('on')),
        images: document.querySelectorAll('img:not([src^="data:"])').length,
        scripts: [...document.scripts].filter(s => /pwned|alert/.test(s.textContent)).length,
        svgs: [...document.querySelectorAll('svg')].filter(s => s.id !== 'flow-diagram' && !s.closest('#flow-diagram')).length,
    })""")
    assert markup == {"links": [], "handlers": [], "images": 0, "scripts": 0, "svgs": 0}, markup

    # Typing markup into the search box must not turn it into markup either.
    search = page.locator("#search")
    search.press_sequentially('<img src=x onerror="window.__pwned=11">', delay=2)
    clear_search(page)
    search.press_sequentially("Shanghai", delay=2)
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    session.assert_quiet()
