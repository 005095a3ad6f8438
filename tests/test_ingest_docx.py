"""DOCX ingestion: body order, styled and bold headings, lists, tables, furniture, content controls, locations."""

from __future__ import annotations

import copy

import pytest

from auditor.document.build import build
from auditor.document.locate import locate
from auditor.ingest import ingest
from builders import write_docx


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    path = write_docx(tmp_path_factory.mktemp("docx") / "protocol.docx")
    return build(ingest(path), "D1")


def _texts(document, kind=None):
    return [document.text[b.span.start : b.span.end] for b in document.blocks if kind is None or b.kind == kind]


def _sentence_with(document, needle):
    start = document.text.index(needle)
    return next(s for s in document.sentences if s.span.start <= start < s.span.end)


def test_body_order_interleaves_the_table(document):
    assert _texts(document) == [
        "8 Sample Handling",
        "Samples will be collected at each visit.",
        "8.4 Sample Shipment",
        "Plasma will be shipped on dry ice.",
        "Laboratory | City | Country",
        "Bioanalytik Labor GmbH | Heidelberg | Germany",
        "After the table, the text goes on.",
    ]


def test_heading_styles_become_sections_with_levels_and_numbers(document):
    assert [(s.number, s.title, s.level, s.parent) for s in document.sections] == [
        ("8", "Sample Handling", 1, None),
        ("8.4", "Sample Shipment", 2, 0),
    ]
    location = locate(document, _sentence_with(document, "Plasma will be").span)
    assert location.section == "8 Sample Handling › 8.4 Sample Shipment"


def test_header_and_footer_are_furniture_not_body(document):
    assert {(f.kind, f.text) for f in document.furniture} == {
        ("header", "Protocol TA-2025-014 CONFIDENTIAL"), ("footer", "Version 2.0")}
    assert "CONFIDENTIAL" not in document.text
    assert "Version 2.0" not in document.text


def test_list_bullet_paragraph_is_a_list_item(document):
    assert _texts(document, "list_item") == ["Plasma will be shipped on dry ice."]


def test_table_rows_keep_their_cells(document):
    rows = [b for b in document.blocks if b.kind == "table_row"]
    assert [(b.table, b.row) for b in rows] == [(0, 0), (0, 1)]
    cells = [tuple(document.text[c.start : c.end] for c in b.cells) for b in rows]
    assert cells == [("Laboratory", "City", "Country"), ("Bioanalytik Labor GmbH", "Heidelberg", "Germany")]


def test_docx_has_no_pages_but_locations_have_section_and_paragraph(document):
    assert document.pages is None
    assert document.page_spans == ()
    location = locate(document, _sentence_with(document, "After the table").span)
    assert location.page is None and location.pages == ()
    assert location.section == "8 Sample Handling › 8.4 Sample Shipment"
    assert location.paragraph == 7
    assert location.quote == "After the table, the text goes on."


# --- builders for the cases the shared builder does not cover ---------------------------------------------


def _write_bold_heading_docx(path):
    import docx

    document = docx.Document()
    document.add_paragraph("This protocol describes a study of a new drug.")
    document.add_paragraph().add_run("Specimen Management").bold = True
    document.add_paragraph("Serum will be frozen at minus 80 degrees.")
    bold_sentence = document.add_paragraph()
    bold_sentence.add_run("Do not thaw the samples.").bold = True  # ends with a period: body text
    document.save(str(path))
    return path


def _write_merged_docx(path):
    import docx

    document = docx.Document()
    document.add_paragraph("Laboratories are listed below.")
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Laboratory", "City", "Country"]):
        cell.text = text
    merged = table.cell(1, 0).merge(table.cell(1, 2))
    merged.text = "Central laboratories"
    for cell, text in zip(table.rows[2].cells, ["Genomics Lab", "Basel", "Switzerland"]):
        cell.text = text
    document.save(str(path))
    return path


def _write_sdt_docx(path):
    """Wrap the second body paragraph in a block-level content control (w:sdt/w:sdtContent)."""
    import docx
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_paragraph("Before the control.")
    inside = document.add_paragraph("Tissue will be sent to the central laboratory.")
    document.add_paragraph("After the control.")
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    sdt.append(OxmlElement("w:sdtPr"))
    sdt.append(content)
    inside._p.addprevious(sdt)
    content.append(copy.deepcopy(inside._p))
    inside._p.getparent().remove(inside._p)
    assert document.element.body.find(qn("w:sdt")) is not None
    document.save(str(path))
    return path


def test_short_bold_paragraph_without_heading_style_is_a_heading(tmp_path):
    document = build(ingest(_write_bold_heading_docx(tmp_path / "bold.docx")), "D1")
    kinds = dict(zip(_texts(document), (b.kind for b in document.blocks)))
    assert kinds["Specimen Management"] == "heading"
    assert kinds["Do not thaw the samples."] == "paragraph"
    assert [s.title for s in document.sections] == ["Specimen Management"]
    assert locate(document, _sentence_with(document, "Serum").span).section == "Specimen Management"


def test_merged_cells_are_not_repeated(tmp_path):
    document = build(ingest(_write_merged_docx(tmp_path / "merged.docx")), "D1")
    rows = [tuple(document.text[c.start : c.end] for c in b.cells) for b in document.blocks if b.kind == "table_row"]
    assert rows == [("Laboratory", "City", "Country"), ("Central laboratories",), ("Genomics Lab", "Basel", "Switzerland")]
    assert document.text.count("Central laboratories") == 1


def test_content_control_paragraphs_are_read_in_order(tmp_path):
    document = build(ingest(_write_sdt_docx(tmp_path / "sdt.docx")), "D1")
    assert _texts(document) == ["Before the control.", "Tissue will be sent to the central laboratory.",
                                "After the control."]
