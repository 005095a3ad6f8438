"""Generate realistic benchmark documents: an N-page protocol PDF and a consent DOCX (not committed; cached)."""

from __future__ import annotations

import random
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
WORDS = ("the study participant investigator sponsor dose visit assessment adverse event laboratory sample plasma "
         "serum treatment randomization baseline week safety efficacy endpoint analysis population protocol "
         "procedure consent criteria exclusion inclusion schedule monitoring record report data site").split()
NEEDLES = [
    "Plasma samples for pharmacokinetic analysis will be shipped on dry ice to the central laboratory in "
    "Indianapolis, Indiana.",
    "Tumour tissue and blood samples will be shipped to the sequencing laboratory in Shanghai, China for whole "
    "genome sequencing.",
    "Serum samples may be sent to laboratories outside the United States for exploratory biomarker analysis.",
    "No samples will be sent to Russia.",
]


def _paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def protocol_pdf(pages: int) -> Path:
    """A protocol of about `pages` pages: title page, numbered sections, tables, running header and footer."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    path = OUT / f"protocol_{pages}.pdf"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(pages)
    styles = getSampleStyleSheet()
    story = [Paragraph("CLINICAL STUDY PROTOCOL", styles["Title"]),
             Paragraph("A Phase 3 Randomized Study of Benchmarkumab in Adults. Protocol Number: BM-2026-300. "
                       "Sponsor: Benchmark Pharma, Inc. IND 123456.", styles["BodyText"]), PageBreak()]
    for page in range(1, pages):
        if page % 6 == 1:
            story.append(Paragraph(f"{page // 6 + 1} SECTION TITLE {page // 6 + 1}", styles["Heading1"]))
        story.append(Paragraph(f"{page // 6 + 1}.{page % 6 + 1} Subsection", styles["Heading2"]))
        for number in range(4):
            text = _paragraph(rng, 95)
            if number == 2 and page % 25 == 0:
                text += " " + NEEDLES[(page // 25) % len(NEEDLES)]
            story.append(Paragraph(text, styles["BodyText"]))
        if page % 4 == 0:
            table = Table([["Assessment", "Screening", "Week 4", "Week 12"]] +
                          [[rng.choice(WORDS).title(), "X", "X", ""] for _ in range(6)])
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
            story.append(table)
        story.append(PageBreak())

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
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
            document.add_paragraph("You " + _paragraph(rng, 80).lower())
        document.add_paragraph("Your samples will be tested at a laboratory.", style="List Bullet")
    document.save(str(path))
    return path
