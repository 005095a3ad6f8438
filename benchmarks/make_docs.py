"""Generate realistic benchmark documents: an N-page protocol PDF and a consent DOCX (not committed; cached)."""

from __future__ import annotations

import random
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
# Filler calibrated on the real protocols in ../shared/corpus (20 PDFs over 500 KB, measured 2026-11-22 with
# auditor's own sentence splitter): 11-17 words per sentence, about 375 words per page, and 2-14 % of sentences
# (median 8 %) naming a specimen; the filler below gives about 15 words per sentence and 10 % specimen sentences.
# Earlier versions drew every word from a 36-word list that included "sample", "plasma" and "serum", which made
# 60 % of the sentences (each 57 words long) specimen sentences: seven times the real share.
SUBJECTS = ["The investigator", "The sponsor", "Each participant", "The study team", "The site staff",
            "The medical monitor", "The safety review committee", "Participants in the treatment arm"]
VERBS = ["will review", "must document", "should record", "will assess", "will report", "must confirm",
         "will evaluate", "may adjust"]
OBJECTS = ["all adverse events", "the dose of study drug", "concomitant medications", "eligibility criteria",
           "vital signs and weight", "protocol deviations", "the schedule of assessments", "serious adverse events",
           "any dose interruption", "the informed consent process", "compliance with study treatment",
           "the results of the physical examination"]
TAILS = ["at each scheduled visit", "within 24 hours of becoming aware of the event", "before the first dose",
         "according to the schedule of activities", "during the screening period", "at the end of treatment visit",
         "in the electronic case report form", "for the duration of the study", "as described in Section 9",
         "until the event resolves or stabilises"]
SPECIMEN_SENTENCES = [
    "Blood samples for haematology and clinical chemistry will be collected at each visit.",
    "Urine samples will be tested locally for pregnancy in women of childbearing potential.",
    "Serum samples will be analysed by the central laboratory for anti-drug antibodies.",
    "Plasma samples for pharmacokinetic analysis will be collected before and after dosing.",
    "Archival tumour tissue must be available for biomarker testing before randomisation.",
]
NEEDLES = [
    "Plasma samples for pharmacokinetic analysis will be shipped on dry ice to the central laboratory in "
    "Indianapolis, Indiana.",
    "Tumour tissue and blood samples will be shipped to the sequencing laboratory in Shanghai, China for whole "
    "genome sequencing.",
    "Serum samples may be sent to laboratories outside the United States for exploratory biomarker analysis.",
    "No samples will be sent to Russia.",
]
TABLE_ROWS = ["Physical examination", "Vital signs", "ECG", "Haematology", "Chemistry", "Adverse events",
              "Concomitant medications", "Study drug dispensing"]


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.10:
        return rng.choice(SPECIMEN_SENTENCES)
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _embed_fonts(styles) -> str:
    """Switch every style to an embedded, subset TrueType family (Bitstream Vera, shipped with reportlab), the way
    Word and LibreOffice export PDFs; returns the regular face's name. Real protocols embed their fonts, and font
    programs are much of what a PDF reader pays for; the base-14 fonts cost a reader nothing."""
    import os

    import reportlab
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    faces = {"Vera": "Vera.ttf", "Vera-Bold": "VeraBd.ttf", "Vera-Italic": "VeraIt.ttf",
             "Vera-BoldItalic": "VeraBI.ttf"}
    for name, file in faces.items():
        pdfmetrics.registerFont(TTFont(name, os.path.join(fonts, file)))
    for bold, italic, name in ((0, 0, "Vera"), (1, 0, "Vera-Bold"), (0, 1, "Vera-Italic"), (1, 1, "Vera-BoldItalic")):
        addMapping("Vera", bold, italic, name)
    for style in styles.byName.values():
        if not hasattr(style, "fontName"):
            continue
        bold = "Bold" in style.fontName
        style.fontName = "Vera-Bold" if bold else "Vera"
    return "Vera"


def protocol_pdf(pages: int, embedded_fonts: bool = True) -> Path:
    """A protocol of about `pages` pages: title page, numbered sections, tables, running header and footer.

    With `embedded_fonts` (the default) the text is set in an embedded TrueType subset, as exported protocols are;
    without, in the base-14 Helvetica that no real protocol uses and that costs a PDF reader nothing."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    path = OUT / f"protocol_{pages}{'' if embedded_fonts else '_base14'}.pdf"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(pages)
    styles = getSampleStyleSheet()
    font = _embed_fonts(styles) if embedded_fonts else "Helvetica"
    story = [Paragraph("CLINICAL STUDY PROTOCOL", styles["Title"]),
             Paragraph("A Phase 3 Randomized Study of Benchmarkumab in Adults. Protocol Number: BM-2026-300. "
                       "Sponsor: Benchmark Pharma, Inc. IND 123456.", styles["BodyText"]), PageBreak()]
    for page in range(1, pages):
        if page % 6 == 1:
            story.append(Paragraph(f"{page // 6 + 1} SECTION TITLE {page // 6 + 1}", styles["Heading1"]))
        story.append(Paragraph(f"{page // 6 + 1}.{page % 6 + 1} Subsection", styles["Heading2"]))
        for number in range(4):
            text = _paragraph(rng, 6)
            if number == 2 and page % 25 == 0:
                text += " " + NEEDLES[(page // 25) % len(NEEDLES)]
            story.append(Paragraph(text, styles["BodyText"]))
        if page % 4 == 0:
            table = Table([["Assessment", "Screening", "Week 4", "Week 12"]] +
                          [[row, "X", "X", ""] for row in rng.sample(TABLE_ROWS, 6)])
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONTNAME", (0, 0), (-1, -1), font)]))
            story.append(table)
        story.append(PageBreak())

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawString(72, 760, "Protocol BM-2026-300 Version 1.0 CONFIDENTIAL")
        canvas.drawString(72, 30, f"Page {doc.page} of {pages}")
        canvas.restoreState()

    SimpleDocTemplate(str(path), pagesize=letter, invariant=1).build(story, onFirstPage=furniture,
                                                                   onLaterPages=furniture)
    return path


def consent_docx(pages: int = 30) -> Path:
    """A consent form of about `pages` pages with headings, lists and a table."""
    import docx

    path = OUT / f"consent_{pages}.docx"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Consent form BM-2026-300"
    document.add_heading("Research Participant Information and Consent Form", level=1)
    for page in range(pages):
        document.add_heading(f"What will happen in part {page + 1}?", level=2)
        for _ in range(5):
            document.add_paragraph("You will be asked about your health. " + _paragraph(rng, 4))
        document.add_paragraph("Your samples will be tested at a laboratory.", style="List Bullet")
    document.save(str(path))
    return path
