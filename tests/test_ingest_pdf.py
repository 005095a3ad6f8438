"""PDF ingestion: pages, headers/footers, hyphenation, page-spanning sentences, tables, empty pages."""

from __future__ import annotations

import pytest

from auditor.document.build import build
from auditor.document.locate import locate, pages_of
from auditor.ingest import ingest
from builders import write_lines_pdf, write_table_pdf

PAGES = [
    ["1 INTRODUCTION", "", "This study tests a new drug in adults with cancer.", "",
     "2 SAMPLE HANDLING", "", "2.1 Shipment", "",
     "Plasma samples will be collected at every visit and the sam-",
     "ples will be frozen at the site. Tumour tissue will be shipped to the sequencing"],
    ["laboratory in Shanghai, China for whole genome sequencing.", "",
     "3 STATISTICS", "", "The anti-tumour effect and the anti-",
     "tumour response are summarised by arm."],
    ["4 SAFETY", "", "Adverse events are recorded at every visit."],
]


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    path = write_lines_pdf(tmp_path_factory.mktemp("pdf") / "protocol.pdf", PAGES)
    return build(ingest(path), "D1")


def test_page_count_and_furniture_kept_out_of_body(document):
    assert document.pages == 3
    assert "CONFIDENTIAL" not in document.text
    assert "Page 1 of 3" not in document.text
    assert {f.kind for f in document.furniture} == {"header", "footer"}
    assert len([f for f in document.furniture if f.kind == "footer"]) == 3


def test_hyphenation_joined_unless_the_compound_exists(document):
    assert "the samples will be frozen" in document.text
    assert "sam- ples" not in document.text
    assert "anti-tumour response" in document.text  # "anti-tumour" occurs elsewhere, so the hyphen stays


def test_sentence_across_page_break_is_one_sentence_with_both_pages(document):
    start = document.text.index("Tumour tissue will be shipped")
    sentence = next(s for s in document.sentences if s.span.start <= start < s.span.end)
    quote = document.text[sentence.span.start : sentence.span.end]
    assert quote.endswith("in Shanghai, China for whole genome sequencing.")
    assert pages_of(document, sentence.span) == (1, 2)


def test_sections_and_locations(document):
    titles = [(s.number, s.title, s.level) for s in document.sections]
    assert ("2.1", "Shipment", 2) in titles
    start = document.text.index("Plasma samples")
    location = locate(document, document.sentences[[s.span.start for s in document.sentences].index(start)].span)
    assert location.page == 1
    assert location.section == "2 SAMPLE HANDLING › 2.1 Shipment"


def test_table_rows_keep_their_cells(tmp_path):
    document = build(ingest(write_table_pdf(tmp_path / "t.pdf")), "D1")
    rows = [b for b in document.blocks if b.kind == "table_row"]
    cells = [tuple(document.text[c.start : c.end] for c in b.cells) for b in rows]
    assert ("Shanghai Genomics Laboratory", "1200 Zhangheng Road, Shanghai", "China") in cells
    assert cells[0] == ("Laboratory", "Address", "Country")
    order = [document.text[b.span.start : b.span.end][:20] for b in document.blocks]
    assert order.index("Laboratory | Address") < order.index("Samples are shipped ")
    assert document.text.count("Shanghai Genomics Laboratory") == 1  # not also as loose lines


def test_pages_without_text_are_reported_not_fatal(tmp_path):
    path = write_lines_pdf(tmp_path / "scan.pdf", [["1 INTRODUCTION", "Text on page one."], [], ["Text on page three."]],
                           blank_pages=(1,))
    raw = ingest(path)
    assert raw.pages_without_text == (2,)
    assert "Text on page three." in build(raw, "D1").text


_MARK = {}


def _marked_range(path, start, stop):
    """The worker's reader, leaving a mark that it ran (in the worker process)."""
    open(_MARK["file"], "w").write(f"{start}-{stop}")
    return _REAL_RANGE(path, start, stop)


def test_long_pdf_read_in_two_processes_gives_the_same_pages(monkeypatch, tmp_path):
    """The second half of a long PDF is read by a forked process; the pages must be exactly those read in one."""
    from pathlib import Path

    from auditor.ingest import from_pdf
    from conftest import SAMPLES

    global _REAL_RANGE
    _REAL_RANGE = from_pdf._read_range
    _MARK["file"] = tmp_path / "worker-ran"
    path = Path(SAMPLES / "undisclosed_ccn" / "protocol.pdf")
    pdf = from_pdf.open_pdf(path)
    try:
        alone = from_pdf.read_pages(pdf)
        monkeypatch.setattr(from_pdf, "PARALLEL_PAGES", 2)
        monkeypatch.setattr(from_pdf, "_read_range", _marked_range)
        split = from_pdf.read_pages_split(path, pdf)
    finally:
        pdf.close()
    assert len(alone) > 2 and split == alone
    assert (tmp_path / "worker-ran").read_text() == f"{len(alone) // 2}-{len(alone)}"


def _pdfs():
    from conftest import CORPUS, SAMPLES

    found = sorted(SAMPLES.rglob("*.pdf"))[:12]
    return found + (sorted(CORPUS.glob("*.pdf"))[:6] if CORPUS.is_dir() else [])


def test_path_bounds_are_what_pypdfium2_objects_give(tmp_path):
    """The ruled-page test reads path bounds through pdfium's C calls: the same as pypdfium2's page objects."""
    import pypdfium2 as pdfium

    from auditor.ingest.from_pdf import _path_bounds

    table = tmp_path / "table.pdf"
    write_table_pdf(table)
    checked = 0
    for path in [table, *_pdfs()]:
        pdf = pdfium.PdfDocument(str(path))
        try:
            for index in range(min(len(pdf), 40)):
                page = pdf[index]
                expected = [o.get_bounds() for o in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_PATH], max_depth=2)]
                assert list(_path_bounds(page.raw)) == expected, (path.name, index + 1)
                checked += bool(expected)
                page.close()
        finally:
            pdf.close()
    assert checked  # at least one page had paths


def test_table_cues_lowercased_match_as_ignorecase_does():
    """ASCII page text searched lower-cased finds a cue exactly where the case-insensitive pattern does."""
    from auditor.ingest.from_pdf import _table_cues

    prefixes, lowered, _exact = _table_cues()
    assert lowered is not None
    texts = ["Central LABORATORY | Shipment of samples", "VENDOR list", "no cue here at all", "Ship-to: BioReference",
             "sub-contractor", "The Courier collects", "xlaboratory", "Lab Manual v2"]
    for text in texts:
        assert bool(lowered.search(text.lower())) == bool(prefixes.search(text)), text


def test_each_field_of_a_pdf_field_block_is_its_own_paragraph(tmp_path):
    """Label and value columns on a title page: the next label starts a paragraph, a wrapped value does not."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    path = tmp_path / "protocol.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    pdf.setFont("Helvetica", 10)
    y = 700
    for label, value in [("Sponsor:", "Sonoran Regenerative Institute, LLC (SRI)"),
                         ("Partner clinic:", "Clinica Regenerativa Frontera (CRF), Tijuana, Baja California, Mexico;"),
                         ("", "Sub-investigator Dra. Lucia Benavides-Orr"),
                         ("Funding:", "Participant program fees. No federal funding.")]:
        if label:
            pdf.drawString(72, y, label)
        pdf.drawString(200, y, value)
        y -= 13
    pdf.drawString(72, 600, "Samples are kept at SRI. They are")
    pdf.drawString(72, 587, "Note: not shared.")  # prose: a paragraph not opening with a field goes on
    pdf.showPage()
    pdf.save()
    paragraphs = [b.text for b in ingest(path).blocks if b.kind == "paragraph"]
    assert paragraphs == ["Sponsor: Sonoran Regenerative Institute, LLC (SRI)",
                          "Partner clinic: Clinica Regenerativa Frontera (CRF), Tijuana, Baja California, Mexico; "
                          "Sub-investigator Dra. Lucia Benavides-Orr",
                          "Funding: Participant program fees. No federal funding.",
                          "Samples are kept at SRI. They are Note: not shared."]
