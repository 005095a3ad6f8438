"""Plain-text and Markdown ingestion: numbered headings, paragraphs, lists, pipe tables, pages, TOC lines, cp1252."""

from __future__ import annotations

import pytest

from auditor.document.build import build
from auditor.document.locate import locate
from auditor.ingest import ingest

_EARLY = "".join(f"{n} {title}\n\nText of section {n}.\n\n" for n, title in
                 enumerate(["INTRODUCTION", "OBJECTIVES", "STUDY DESIGN", "STUDY POPULATION", "TREATMENT",
                            "ASSESSMENTS", "SAFETY"], start=1))
PROTOCOL = _EARLY + """SECTION 8

8.1 Sample Collection

Blood is drawn at each visit.

8.4 Laboratories

8.4.1 Packaging

Samples are packed
on dry ice and
shipped weekly.

8.4.2 Sample Shipment

Plasma will be shipped to the central laboratory.

Appendix B Laboratory Manual

The manual is attached.
"""


def _doc(tmp_path, content, name="doc.txt", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    return build(ingest(path), "D1")


def _blocks(document):
    return [(b.kind, document.text[b.span.start : b.span.end]) for b in document.blocks]


def _section_of(document, needle):
    start = document.text.index(needle)
    sentence = next(s for s in document.sentences if s.span.start <= start < s.span.end)
    return locate(document, sentence.span)


def test_numbered_headings_build_the_section_tree(tmp_path):
    document = _doc(tmp_path, PROTOCOL)
    sections = {s.title: (s.number, s.level, document.sections[s.parent].title if s.parent is not None else None)
                for s in document.sections}
    assert sections["Section 8"] == ("Section 8", 1, None)
    assert sections["Sample Collection"] == ("8.1", 2, "Section 8")
    assert sections["Laboratories"] == ("8.4", 2, "Section 8")
    assert sections["Packaging"] == ("8.4.1", 3, "Laboratories")
    assert sections["Sample Shipment"] == ("8.4.2", 3, "Laboratories")
    assert sections["Laboratory Manual"] == ("Appendix B", 1, None)
    assert _section_of(document, "Plasma will be").section == "Section 8 › 8.4 Laboratories › 8.4.2 Sample Shipment"
    assert _section_of(document, "The manual").section == "Appendix B Laboratory Manual"


def test_wrapped_lines_join_into_one_paragraph(tmp_path):
    document = _doc(tmp_path, PROTOCOL)
    assert ("paragraph", "Samples are packed on dry ice and shipped weekly.") in _blocks(document)


def test_numbered_subsection_right_after_named_section_at_document_start(tmp_path):
    document = _doc(tmp_path, "SECTION 8 SAMPLE HANDLING\n\n8.1 Sample Collection\n\nBlood is drawn.\n")
    assert [(s.number, s.level) for s in document.sections] == [("Section 8", 1), ("8.1", 2)]


@pytest.mark.parametrize("separator", ["\n", "\n\n"], ids=["tight-list", "spaced-list"])
def test_numbered_list_inside_a_section_is_not_a_section(tmp_path, separator):
    items = separator.join(["1. Age 18 or older", "2. Signed informed consent", "3. Adequate organ function"])
    early = "".join(f"{n} {t}\n\nText.\n\n" for n, t in enumerate(["INTRODUCTION", "OBJECTIVES", "DESIGN", "RISKS"], 1))
    content = early + f"5 STUDY POPULATION\n\n5.1 Inclusion Criteria\n\n{items}\n\n5.2 Exclusion Criteria\n\nNone.\n"
    document = _doc(tmp_path, content)
    numbers = [s.number for s in document.sections]
    assert numbers == ["1", "2", "3", "4", "5", "5.1", "5.2"]
    assert _section_of(document, "Age 18").section == "5 STUDY POPULATION › 5.1 Inclusion Criteria"
    assert "heading" not in {kind for kind, text in _blocks(document) if text.startswith(("1.", "2.", "3."))}


MARKDOWN = """# Study Protocol

## Sample Handling

Samples are **frozen** at the site.

| Laboratory | Country |
|---|---|
| **Genomics Lab** | Germany |
| Central Lab | United States |

After the table.
"""


def test_markdown_headings_tables_and_emphasis(tmp_path):
    document = _doc(tmp_path, MARKDOWN, name="protocol.md")
    assert document.format == "markdown"
    assert [(s.title, s.level, s.parent) for s in document.sections] == [("Study Protocol", 1, None),
                                                                          ("Sample Handling", 2, 0)]
    assert _blocks(document) == [
        ("heading", "Study Protocol"), ("heading", "Sample Handling"),
        ("paragraph", "Samples are frozen at the site."),
        ("table_row", "Laboratory | Country"), ("table_row", "Genomics Lab | Germany"),
        ("table_row", "Central Lab | United States"), ("paragraph", "After the table."),
    ]
    rows = [b for b in document.blocks if b.kind == "table_row"]
    assert [b.row for b in rows] == [0, 1, 2]
    assert [document.text[c.start : c.end] for c in rows[1].cells] == ["Genomics Lab", "Germany"]
    assert "---" not in document.text and "**" not in document.text


def test_form_feeds_split_pages(tmp_path):
    document = _doc(tmp_path, "1 INTRODUCTION\n\nText on page one.\f2 SAMPLES\n\nPlasma is shipped on page two."
                              "\fPage three text.\n")
    assert document.pages == 3
    assert [p.page for p in document.page_spans] == [1, 2, 3]
    location = _section_of(document, "Plasma is shipped")
    assert (location.page, location.section) == (2, "2 SAMPLES")
    assert _section_of(document, "Page three").page == 3


def test_text_without_form_feeds_has_no_pages(tmp_path):
    document = _doc(tmp_path, PROTOCOL)
    assert document.pages is None
    assert _section_of(document, "Plasma will be").page is None


def test_table_of_contents_line_is_not_a_heading(tmp_path):
    document = _doc(tmp_path, "TABLE OF CONTENTS\n\n8.4 Sample Shipment ........ 45\n\n9 Statistics .......... 50\n\n"
                              "1 INTRODUCTION\n\nText.\n")
    assert [s.title for s in document.sections] == ["TABLE OF CONTENTS", "INTRODUCTION"]
    assert ("paragraph", "8.4 Sample Shipment ........ 45") in _blocks(document)


def test_cp1252_text_decodes(tmp_path):
    document = _doc(tmp_path, "Samples go to the Caf\u00e9 M\u00fcnchen lab \u2013 \u201cas agreed\u201d.\n",
                    encoding="cp1252")
    assert document.text == "Samples go to the Caf\u00e9 M\u00fcnchen lab \u2013 \u201cas agreed\u201d."


def test_utf8_with_bom_decodes(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffM\u00fcnchen laboratory.\n".encode("utf-8"))
    assert build(ingest(path), "D1").text == "M\u00fcnchen laboratory."


def test_running_header_is_furniture_and_the_cut_sentence_goes_on(tmp_path):
    """Text exported without form feeds keeps its page headers; the sentence they cut is one sentence again."""
    path = tmp_path / "protocol.txt"
    path.write_text("9.5 Biomarkers\n\nSerum will be relayed on dry ice to Donghu BioAssay Co., Ltd. in the East Lake High-Tech\n\n"
                    "Protocol HLV327 | Version 3.0 | 14 April 2026                  Page 38 of 96\nCONFIDENTIAL\n\n"
                    "Development Zone of Wuhan, Hubei Province, where the panel is run.\n\n9.6 Retention\n\nKept 5 years.\n")
    raw = ingest(path)
    texts = [b.text for b in raw.blocks]
    assert ("Serum will be relayed on dry ice to Donghu BioAssay Co., Ltd. in the East Lake High-Tech Development Zone "
            "of Wuhan, Hubei Province, where the panel is run.") in texts
    assert [f.text for f in raw.furniture] == ["Protocol HLV327 | Version 3.0 | 14 April 2026                  Page 38 of 96",
                                               "CONFIDENTIAL"]
    assert not any("Page 38" in t for t in texts)


def test_a_finished_paragraph_before_a_running_header_stays_whole(tmp_path):
    path = tmp_path / "protocol.txt"
    path.write_text("Blood is drawn at each visit.\n\nPage 3 of 9\n\nUrine is collected at screening.\n")
    assert [b.text for b in ingest(path).blocks] == ["Blood is drawn at each visit.", "Urine is collected at screening."]


def test_space_aligned_table_becomes_rows(tmp_path):
    path = tmp_path / "protocol.txt"
    path.write_text("Table 9-1. Laboratories\n\n"
                    "Vendor                                 Service                     Location\n"
                    "Cumberland Clinical Laboratory         Safety laboratory tests     Nashville, Tennessee\n"
                    "Donghu BioAssay Technology Co., Ltd.   Exploratory protein panel   Wuhan, Hubei\n\n"
                    "Sponsor:        Helix Pharma\nPhase:          2\nSites:          12\n\n"
                    "Samples are frozen.  They are shipped.  Results come back.\n")
    rows = [b for b in ingest(path).blocks if b.kind == "table_row"]
    assert [r.cells for r in rows] == [("Vendor", "Service", "Location"),
                                       ("Cumberland Clinical Laboratory", "Safety laboratory tests", "Nashville, Tennessee"),
                                       ("Donghu BioAssay Technology Co., Ltd.", "Exploratory protein panel", "Wuhan, Hubei")]
    assert [r.row for r in rows] == [0, 1, 2]


def test_numbered_heading_right_after_a_paragraph_line(tmp_path):
    path = tmp_path / "protocol.txt"
    path.write_text("7 COLLABORATION\n\n7.1 Group\nThe work is shared with a partner.\n7.2 Genotyping\nDNA is genotyped.\n"
                    "Inclusion criteria:\n1. Age 18 or older.\n2. Signed consent\n")
    blocks = ingest(path).blocks
    assert [(b.kind, b.text) for b in blocks[:5]] == [("heading", "7 COLLABORATION"), ("heading", "7.1 Group"),
                                                     ("paragraph", "The work is shared with a partner."),
                                                     ("heading", "7.2 Genotyping"), ("paragraph", "DNA is genotyped. Inclusion criteria:")]
    assert [b.kind for b in blocks[5:]] == ["list_item", "list_item"]


def test_a_wrapped_cell_joins_its_row(tmp_path):
    path = tmp_path / "protocol.txt"
    path.write_text("Function                     Vendor                                   Address\n"
                    "Safety laboratory            Ironwood Clinical Laboratories           Rockville, Maryland 20850, USA\n"
                    "Genomic profiling laboratory Qiantang Precision Genomics Co., Ltd.    Building 6, 1180 Bin'an Road,\n"
                    "                                                                      Hangzhou, Zhejiang 310052, PRC\n"
                    "Imaging                      Lantern Imaging Core                     Madison, Wisconsin 53715, USA\n")
    rows = [b.cells for b in ingest(path).blocks if b.kind == "table_row"]
    # (the first two cells are one here: the source has a single space between them)
    assert rows[2] == ("Genomic profiling laboratory Qiantang Precision Genomics Co., Ltd.",
                       "Building 6, 1180 Bin'an Road, Hangzhou, Zhejiang 310052, PRC")
    assert len(rows) == 4


def test_a_row_whose_every_cell_wraps_joins_into_one(tmp_path):
    """Every column wraps at once: the next line's first cell is filled too, but a cell above is left open."""
    path = tmp_path / "protocol.txt"
    path.write_text("Function                     Organization                                  Address\n"
                    "---------------------------  --------------------------------------------  -----------------------\n"
                    "Manufacture, QC release      Orchidstone Cell Processing Facility          Units 701-712, Harbourview\n"
                    "(the \"Manufacturing          (Orchidstone Vector Therapeutics Limited)     Centre, Shatin,\n"
                    "Facility\")                                                                 Hong Kong SAR\n"
                    "VCN, ISA; storage of         Orchidstone Translational Genomics            Units 601-608, Shatin,\n"
                    "residual DNA/cell pellets    Laboratory                                    Hong Kong SAR\n"
                    "plasma                       Prairie Laboratory                            Omaha, NE 68131, USA\n")
    rows = [b.cells for b in ingest(path).blocks if b.kind == "table_row"]
    assert rows[2] == ('Manufacture, QC release (the "Manufacturing Facility")',
                       "Orchidstone Cell Processing Facility (Orchidstone Vector Therapeutics Limited)",
                       "Units 701-712, Harbourview Centre, Shatin, Hong Kong SAR")
    assert rows[3][0] == "VCN, ISA; storage of residual DNA/cell pellets"
    assert rows[4][0] == "plasma"  # a lowercase first cell under a closed row is a row of its own
    assert len(rows) == 5


def test_a_wrapped_pipe_row_joins_its_row(tmp_path):
    path = tmp_path / "protocol.txt"
    path.write_text("Specimen             | Laboratory                         | Location\n"
                    "Safety labs          | Site clinical laboratories         | Each participating site, USA\n"
                    "Plasma PK (primary)  | Tianfu Meridian Bioanalytical Co.  | No. 88 Keyuan South Road,\n"
                    "                     |                                    | Chengdu, Sichuan 610041, China\n"
                    "Plasma PK (back-up)  | LRETC Biorepository                | Columbus, Ohio, USA\n")
    rows = [b.cells for b in ingest(path).blocks if b.kind == "table_row"]
    assert rows[2] == ("Plasma PK (primary)", "Tianfu Meridian Bioanalytical Co.",
                       "No. 88 Keyuan South Road, Chengdu, Sichuan 610041, China")
    assert len(rows) == 4


def test_heading_prefilter_never_drops_a_heading():
    """parse_heading looks further only at lines starting with a digit or a heading word's first letter: every line
    its patterns could match starts so (each case IGNORECASE folds to one of those letters)."""
    import re

    from auditor.ingest import headings

    words = re.search(r"\(\?P<word>([^)]*)\)", headings._NAMED.pattern).group(1).split("|")
    initials = {chr(c) for c in range(0x110000) if any(re.fullmatch(w[0], chr(c), re.IGNORECASE) for w in words)}
    assert initials == set(headings._NAMED_INITIALS)
    assert all(headings.parse_heading(line) for line in ("4. Sample Handling", "Appendix B", "SECTION 8 VENDORS",
                                                         "Part 2: Optional Research", "8.4.2 Sample Shipment"))


def test_a_paragraph_opening_with_a_run_in_numbered_title_keeps_its_section_and_its_text(tmp_path):
    path = tmp_path / "protocol.txt"
    path.write_text("6. DATA FLOW\n\n6.2 Secondary analysis. Alignment, joint calling and imputation are performed\n"
                    "by the analysis partner in Kowloon, Hong Kong.\n6.3 Ancestry report. The report is generated on\n"
                    "the Platform.\n\n7.2 Genotyping\nDNA is extracted at the site.\n")
    raw = ingest(path)
    assert [(b.kind, b.text) for b in raw.blocks] == [
        ("heading", "6. DATA FLOW"), ("heading", "6.2 Secondary analysis."),
        ("paragraph", "Alignment, joint calling and imputation are performed by the analysis partner in Kowloon, Hong Kong."),
        ("heading", "6.3 Ancestry report."), ("paragraph", "The report is generated on the Platform."),
        ("heading", "7.2 Genotyping"), ("paragraph", "DNA is extracted at the site.")]


def test_a_numbered_subsection_after_a_sentence_end_is_its_own_paragraph(tmp_path):
    path = tmp_path / "protocol.txt"
    path.write_text("9 SAMPLES\n\n9.1.2 Processing: serum is aliquoted and frozen.\n9.1.3 Shipment: two aliquots are "
                    "shipped to\nthe laboratory in Havana, Cuba.\n9.4 No genetic testing is performed. The dose is\n"
                    "2.5 mg daily.\n")
    texts = [b.text for b in ingest(path).blocks]
    # a wrapped run-in title ("9.1.3 Shipment:") is the heading of the paragraph it opens
    assert texts == ["9 SAMPLES", "9.1.2 Processing: serum is aliquoted and frozen.", "9.1.3 Shipment:",
                     "two aliquots are shipped to the laboratory in Havana, Cuba.",
                     "9.4 No genetic testing is performed. The dose is 2.5 mg daily."]


def test_a_markdown_rule_line_in_a_plain_text_table_keeps_the_table_whole(tmp_path):
    path = tmp_path / "protocol.txt"
    path.write_text("APPENDIX C.  LABORATORIES\n\n| Function | Organization | Country |\n|----------|--------------|---------|\n"
                    "| Safety labs | Site laboratories | USA |\n| Immunogenicity | Kanto Bioassay K.K. | Japan |\n")
    from auditor.ingest import ingest

    rows = [b for b in ingest(path).blocks if b.kind == "table_row"]
    assert [b.row for b in rows] == [0, 1, 2] and len({b.table for b in rows}) == 1
    assert not [b for b in ingest(path).blocks if b.kind == "paragraph"]


def test_markdown_keeps_fill_in_lines_and_drops_emphasis(tmp_path):
    path = tmp_path / "consent.md"
    path.write_text("## Signatures\n\nParticipant: ______________  Signature: ______________  Date: ______\n\n"
                    "This is __important__ and **bold**.\n")
    from auditor.ingest import ingest

    texts = [b.text for b in ingest(path).blocks]
    assert "Participant: ______________  Signature: ______________  Date: ______" in texts
    assert "This is important and bold." in texts


def test_a_sentence_cut_by_a_page_break_and_a_running_header_is_one_paragraph(tmp_path):
    path = tmp_path / "protocol.txt"
    header = "PRA-2310-203 v3.0                         CONFIDENTIAL                                Page {} of 88\n\n"
    path.write_text(header.format(41) + "8.3 HBV sequencing. To detect target-site variants at virologic breakthrough, "
                    "plasma aliquots\nare batched every 3 months by the regional sample hubs and shipped on dry ice to\n\f"
                    + header.format(42) + "the Macao Institute of Viral Genomics, Macao SAR, China, for sequencing.\n\n"
                    "8.4 Safety. Adverse events are recorded.\n\f" + header.format(43) + "9 STATISTICS\n\nThe sample size is 240.\n")
    from auditor.ingest import ingest

    raw = ingest(path)
    joined = [b for b in raw.blocks if "shipped on dry ice to the Macao Institute" in b.text]
    assert len(joined) == 1 and [p for _, p in joined[0].page_starts] == [1, 2]
    assert any(b.text == "9 STATISTICS" for b in raw.blocks)  # a new section after a page break stays apart


def test_a_numbered_line_cut_mid_sentence_is_a_paragraph(tmp_path):
    path = tmp_path / "protocol.txt"
    path.write_text("8 SAMPLES\n\n8.3  Serum aliquots are therefore shipped on dry ice every\n     6 months to the reference "
                    "laboratory.\n\n8.4  Retention and destruction\n\nSamples are kept for 5 years.\n")
    from auditor.ingest import ingest

    blocks = [(b.kind, b.text) for b in ingest(path).blocks]
    assert ("paragraph", "8.3  Serum aliquots are therefore shipped on dry ice every 6 months to the reference laboratory.") in blocks
    assert ("heading", "8.4  Retention and destruction") in blocks


def test_a_numbered_question_is_a_heading_in_a_consent_form():
    from auditor.ingest.headings import parse_heading

    assert parse_heading("2. Why is this study being done?").title == "Why is this study being done?"
    assert parse_heading("3. What will happen?") is not None
    assert parse_heading("4. The dose was reduced?") is None  # a question that opens with no question word


def test_a_running_header_beside_each_page_count_is_furniture_and_the_cut_sentence_joins(tmp_path):
    page = "Some filler text for the page that ends here.\n\n"
    header = "YOB-2201-NAMD-02 Amendment 2 (v3.0)                     Yangtze Ocular Biopharma (US) Inc.\n"
    text = (page + "Confidential                                                 Page 1 of 3\n" + header + "\n"
            + "Plasma samples are stored at the central laboratory and batch-shipped\n\n"
            + "Confidential                                                 Page 2 of 3\n" + header + "\n"
            + "on dry ice every 8 weeks to the TMC for analysis.\n\n" + page
            + "Confidential                                                 Page 3 of 3\n" + header)
    path = tmp_path / "protocol.txt"
    path.write_text(text)
    blocks = [b.text for b in ingest(path).blocks]
    assert not any("Yangtze" in b for b in blocks)
    assert any("batch-shipped on dry ice every 8 weeks to the TMC" in b for b in blocks)


def test_a_two_column_table_under_a_rule_of_dashes_becomes_rows(tmp_path):
    path = tmp_path / "protocol.txt"
    path.write_text("Role                               Organization\n"
                    "---------------------------------  ------------------------------------------------\n"
                    "Sponsor                            Yangtze Ocular Biopharma (US) Inc., San Diego, California\n"
                    "Bioanalytical and biomarker        Translational Medicine Center (TMC), Yangtze Ocular Biopharma\n"
                    "laboratory                         Co., Ltd., Building 3, Pudong New Area, Shanghai 201203\n"
                    "Data Monitoring Committee          Independent\n")
    rows = [b.cells for b in ingest(path).blocks if b.kind == "table_row"]
    assert ("Bioanalytical and biomarker laboratory",
            "Translational Medicine Center (TMC), Yangtze Ocular Biopharma Co., Ltd., Building 3, Pudong New Area, "
            "Shanghai 201203") in rows
    assert rows[-1] == ("Data Monitoring Committee", "Independent")


def test_each_field_of_a_title_page_field_block_is_its_own_paragraph(tmp_path):
    """'Sponsor:   X' / 'Partner clinic:   Y, Tijuana' read as one paragraph would put X in Tijuana."""
    document = _doc(tmp_path, "STUDY PROTOCOL\n\n"
                    "Sponsor:                 Sonoran Regenerative Institute, LLC (SRI)\n"
                    "Partner clinic:          Clinica Regenerativa Frontera (CRF), Tijuana, Baja California, Mexico;\n"
                    "                         Sub-investigator Dra. Lucia Benavides-Orr\n"
                    "Funding:\tParticipant program fees. No federal funding.\n"
                    "Note: the fees are refundable\n"
                    "until Day -1.\n")
    paragraphs = [text for kind, text in _blocks(document) if kind == "paragraph"]
    assert paragraphs == [
        "Sponsor:                 Sonoran Regenerative Institute, LLC (SRI)",
        "Partner clinic:          Clinica Regenerativa Frontera (CRF), Tijuana, Baja California, Mexico; "
        "Sub-investigator Dra. Lucia Benavides-Orr",
        "Funding:\tParticipant program fees. No federal funding. Note: the fees are refundable until Day -1."]
