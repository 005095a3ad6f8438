#!/usr/bin/env python3
"""Generate the trial-auditor evaluation set (protocol + consent pairs with gold files).

    python sample_protocols/eval/make_eval.py            # write every case
    python sample_protocols/eval/make_eval.py CASE ...   # write only the named cases

Each case gets a folder ``sample_protocols/eval/<case>/`` holding ``protocol.<ext>``,
``consent.<ext>`` and ``gold.yml``. The documents reuse the block model, the study
configurations and the renderers of ``sample_protocols/make_samples.py``: every case starts
from one of its five study configs (title page, synopsis, numbered sections, lab tables,
Schedule of Activities, appendices) and replaces only the sample-handling section
(protocol 8.4), Appendix B and the consent form's "What happens to my samples?" text, so
the sample-handling language is a needle in realistic boilerplate.

Output is deterministic (no randomness; reportlab ``invariant=1``; DOCX re-zipped with
fixed timestamps). Check the gold files against the auditor with ``check_eval.py``.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import make_samples as ms  # noqa: E402
from make_samples import bullets, h1, h2, h3, p, page_break, spacer_slot, table  # noqa: E402

LAB_HEADER = ["Laboratory", "Address", "Country", "Analyses"]
LAB_WIDTHS = [0.27, 0.33, 0.14, 0.26]

BASES = {
    "onc": ms.study_undisclosed_ccn,      # Phase 2 NSCLC, genomic biomarkers (WGS / RNA-seq), n=180
    "hv": ms.study_vague_disclosure,      # Phase 1 healthy volunteers, PK only, no genetics
    "card": ms.study_clean_domestic,      # Phase 3 HFpEF, optional pharmacogenomic substudy, no federal funds
    "cart": ms.study_contradiction,       # Phase 1b/2 autologous CAR-T
    "npc": ms.study_hong_kong_hedged,     # Phase 2 nasopharyngeal carcinoma, EBV / RNA biomarkers
}

# Paragraphs of the consent template (make_samples.consent_blocks) that some cases remove.
FUTURE_USE = "Your information or samples, with identifiers removed"
WGS_PARA = "The research done with your samples"
GINA_PARA = "Genetic testing risks:"

US_SAFETY_LAB = ["Midwest Central Laboratory", "500 Research Blvd, Indianapolis, IN 46202", "United States",
                 "Hematology, chemistry, coagulation, urinalysis (safety labs)"]
US_GENOMICS_LAB = ["Wasatch Genomics Laboratory", "615 Arapeen Drive, Salt Lake City, UT 84108", "United States",
                   "Whole genome sequencing, RNA-seq"]
SD_SAFETY_LAB = ["Pacific Clinical Reference Laboratory", "4410 Executive Drive, San Diego, CA 92121",
                 "United States", "Hematology, chemistry, urinalysis, serology, drug screen"]
DURHAM_LAB = ["Central Laboratory Services", "4222 Emperor Blvd, Durham, NC 27703", "United States",
              "Hematology, chemistry, NT-proBNP, HbA1c, PK"]
DURHAM_BIOBANK = ["Carolina Biorepository", "801 Capitola Drive, Durham, NC 27713", "United States",
                  "Long-term storage of serum, plasma and DNA"]
ROCHESTER_LAB = ["Heartland Genomics Center", "1 Discovery Way, Rochester, MN 55905", "United States",
                 "Targeted genotyping (optional pharmacogenomic substudy)"]
ANN_ARBOR_LAB = ["Great Lakes Clinical Laboratory", "3000 Hayes Road, Ann Arbor, MI 48105", "United States",
                 "Hematology, chemistry, coagulation, serology, CAR transgene qPCR"]

COVERED_PERSON_SCREEN = (
    "Before any shipment outside the United States, the Sponsor completed a covered-person and ownership screen "
    "of each laboratory listed in Table 5 under 28 CFR 202.211; no laboratory is a covered person, and the "
    "screening records are kept in the Trial Master File.")

# ----------------------------------------------------------------------------------------------------------
# Protocol fragments
# ----------------------------------------------------------------------------------------------------------


def labelling_para(extra=""):
    return p("Samples will be collected, labelled, processed and stored at the site in accordance with the "
             "Laboratory Manual. Each sample will be labelled with the protocol number, participant number, visit "
             "and time point only; no participant names, initials or dates of birth will appear on sample labels "
             "or requisition forms. Frozen samples will be kept at -70 C or below until shipment." + extra)


def courier_para():
    return p("All samples will be shipped by courier under controlled temperature conditions using the shipping "
             "supplies and airway bills provided in the site kits. Frozen samples will be shipped on dry ice in "
             "batches, and ambient samples will be shipped on the day of collection. The laboratories used in this "
             "study and the analyses performed by each are listed in Table 5.")


def sample_section(collection, shipment, labs, storage, *, heading="8.4 Sample Shipment and Analysis",
                   after_table=(), split_slot=False, table_caption="Table 5 Laboratories"):
    """A protocol section 8.4 in the style of make_samples: collection, shipment, lab table, storage.

    ``collection``/``shipment``/``after_table`` are lists of paragraph strings or ready blocks.
    ``split_slot`` puts the adjustable spacer (PDF page-break placement) after the lab table.
    """
    def blocks(items):
        return [x if isinstance(x, dict) else p(x) for x in items]

    b = [h2(heading), h3("8.4.1 Collection and Processing"), *blocks(collection), labelling_para(),
         h3("8.4.2 Sample Shipment"), courier_para()]
    if labs:
        b.append(table(table_caption, LAB_HEADER, labs, LAB_WIDTHS))
    if split_slot:
        b.append(spacer_slot())
    b += blocks(shipment)
    b += blocks(after_table)
    b += [h3("8.4.3 Storage and Future Use"), p(storage)]
    return b


def appendix(rows):
    """Appendix B: a sample-handling summary table (Sample | Container | Storage | Ship to)."""
    return [
        page_break(),
        h1("Appendix B Laboratory Manual Summary"),
        p("This appendix summarizes the key requirements of the Laboratory Manual. In case of discrepancy, the "
          "current version of the Laboratory Manual takes precedence for operational details, and this protocol "
          "takes precedence for the type and timing of samples."),
        table("Table B-1 Sample Handling Summary", ["Sample", "Tube / container", "Storage", "Ship to"], rows,
              [0.22, 0.26, 0.18, 0.34]),
        p("Sites must notify the courier and the receiving laboratory by email at least 24 hours before each "
          "frozen shipment and must file the shipment manifest in the Investigator Site File."),
    ]


def appendix_bullets(items):
    return [h1("Appendix B Laboratory Manual Summary"),
            p("Sample tubes, labels, requisition forms and shipping materials will be supplied by the central "
              "laboratory. Shipments are to be sent Monday to Wednesday only, with a temperature logger."),
            bullets(items)]


ONC_COLLECTION = [
    "Biomarker samples will be collected from all participants as specified in the Schedule of Activities. "
    "Exploratory biomarker research is intended to identify genomic and transcriptomic features associated with "
    "response or resistance to study intervention.",
    bullets([
        "Archival or fresh tumour tissue (formalin-fixed paraffin-embedded block or at least 15 unstained slides) "
        "collected at screening.",
        "Plasma for circulating tumour DNA (ctDNA) at C1D1, C2D1, C4D1 and at EOT (2 x 10 mL Streck tubes per "
        "time point).",
        "Whole blood for germline DNA (1 x 6 mL K2EDTA tube) at C1D1.",
    ]),
]

HV_COLLECTION = [
    "Blood samples of approximately 3 mL will be collected into K2EDTA tubes for the determination of plasma "
    "concentrations of the study drug and its active metabolite at pre-dose and at 0.25, 0.5, 1, 2, 3, 4, 6, 8, "
    "12, 24, 48 and 144 hours post-dose. Within 30 minutes of collection, samples will be centrifuged at 1500 g "
    "for 10 minutes at 4 C, and the plasma divided into primary and back-up aliquots.",
]

CARD_COLLECTION = [
    "Serum and plasma samples for exploratory cardiac and inflammatory biomarkers (including NT-proBNP, "
    "high-sensitivity troponin T, galectin-3 and soluble ST2) will be collected at randomization, Week 12, Week 24 "
    "and Week 52. Participants who provide separate consent for the optional pharmacogenomic substudy will provide "
    "a single whole blood sample for DNA extraction.",
]

NPC_COLLECTION = [
    "Archival tumour tissue will be collected from all participants for central PD-L1 testing and for extraction "
    "of DNA and RNA. Plasma for Epstein-Barr virus (EBV) DNA quantitation will be collected at screening, Cycle 3 "
    "Day 1 and end of treatment.",
]

# ----------------------------------------------------------------------------------------------------------
# Consent fragments
# ----------------------------------------------------------------------------------------------------------

GENERIC_STORAGE = ("Any samples left over after the study tests are done may be stored for up to 15 years. If you "
                   "change your mind, you can ask for your remaining samples to be destroyed by writing to the "
                   "study doctor.")

# ----------------------------------------------------------------------------------------------------------
# Cases
# ----------------------------------------------------------------------------------------------------------

NO_DOC001 = ("DOC-001", "every PDF page is generated with a real text layer")


def case(name, base, number, proto_fmt, consent_fmt, description, must_fire, must_not_fire, *, sample_blocks,
         appendix_b, samples_text, c_over=None, cs_over=None, consent_edits=(), profile=None, split_sentence=None,
         max_severity=None):
    return dict(name=name, base=base, number=number, proto_fmt=proto_fmt, consent_fmt=consent_fmt,
                description=description, must_fire=must_fire, must_not_fire=must_not_fire,
                sample_blocks=sample_blocks, appendix_b=appendix_b, samples_text=samples_text,
                c_over=c_over or {}, cs_over=cs_over or {}, consent_edits=list(consent_edits), profile=profile,
                split_sentence=split_sentence, max_severity=max_severity)


MOSCOW_SENTENCE = ("Cryopreserved peripheral blood mononuclear cells will be shipped to the immunology reference "
                   "laboratory in Moscow, Russian Federation for T-cell receptor repertoire profiling.")


def cases():
    out = []

    # 1 ---------------------------------------------------------------------------------------------------
    out.append(case(
        "ccn_undisclosed_beijing", "onc", "TA-2025-031", "docx", "pdf",
        "NSCLC biomarker study; tumour tissue and ctDNA plasma go to a sequencing laboratory in Beijing, China; "
        "the consent only says samples go 'to a laboratory'",
        [("XBT-001", "protocol 8.4.2 ships tumour tissue and plasma to Jingcheng Precision Diagnostics in Beijing, "
                     "China; the consent never says samples leave the United States"),
         ("CCN-001", "Beijing, China is a country-of-concern destination for biospecimens"),
         ("XBT-008", "material goes abroad and the consent's withdrawal text says nothing about samples already "
                     "sent there"),
         ("XBT-003", "catalogue trigger: the set difference between the protocol's destinations (China (Beijing)) and the consent's (no country named abroad) is not empty; major, as no domestic promise is contradicted")],
        [("XBT-002", "the consent has no hedged or vague foreign-transfer wording at all"),
         ("XBT-005", "there is no consent promise of domestic handling, and the protocol ships abroad"),
         ("XBT-009", "every laboratory has a city and country in Table 5"),
         ("VND-001", "Jingcheng Precision Diagnostics is not a watch-listed company")],
        sample_blocks=sample_section(
            ONC_COLLECTION,
            ["Safety laboratory samples will be analysed by Midwest Central Laboratory in Indianapolis, Indiana. "
             "Archival tumour tissue and plasma for ctDNA will be shipped to Jingcheng Precision Diagnostics Co., "
             "Ltd. in Beijing, China for whole exome sequencing and ctDNA profiling, and sequence data will be "
             "returned to the Sponsor's secure data environment."],
            [US_SAFETY_LAB,
             ["Jingcheng Precision Diagnostics Co., Ltd.", "6 Kexueyuan South Road, Haidian District, Beijing 100190",
              "China", "Whole exome sequencing, ctDNA profiling"]],
            "Residual samples may be stored for up to 15 years after the end of the study for future research "
            "related to non-small cell lung cancer."),
        appendix_b=appendix([
            ["Safety labs", "SST 5 mL, K2EDTA 2 mL", "Ambient / 2-8 C", "Midwest Central Laboratory"],
            ["ctDNA plasma", "Streck cfDNA BCT 10 mL x 2", "-70 C", "Jingcheng Precision Diagnostics"],
            ["Tumour tissue", "FFPE block or 15 slides", "Ambient", "Jingcheng Precision Diagnostics"],
        ]),
        samples_text=["Your blood and tumour samples will be sent to a laboratory for testing. Some of the testing "
                      "will look at the genes (DNA and RNA) in your tumour and in your blood.", GENERIC_STORAGE],
    ))

    # 2 ---------------------------------------------------------------------------------------------------
    out.append(case(
        "vague_global_partners", "hv", "BRX-2310-102", "txt", "docx",
        "Phase 1 PK study; PK samples go to a bioanalytical laboratory in Assen, Netherlands; the consent says only "
        "that samples may be shared with global partners 'including but not limited to' laboratories in other "
        "countries",
        [("XBT-001", "XBT-001 satisfied-by needs the country named: the consent names none while the protocol names the Netherlands, so XBT-001 fires at major (XBT-002 reports the vagueness)"),
         ("XBT-002", "the consent's only foreign-transfer wording is hedged and vague ('may be shared with the "
                     "Sponsor's global partners, including but not limited to laboratories in other countries')"),
         ("XBT-003", "catalogue trigger: the set difference between the protocol's destinations (the Netherlands (Assen)) and the consent's (no country named abroad) is not empty; major, as no domestic promise is contradicted")],
        [("CCN-001", "the only foreign destination is the Netherlands"),
         ("XBT-005", "there is no domestic-handling promise to confirm"),
         ("XBT-009", "both laboratories are located in Table 5 and in the shipping sentence")],
        sample_blocks=sample_section(
            HV_COLLECTION,
            ["Safety laboratory samples will be sent daily to Pacific Clinical Reference Laboratory in San Diego, "
             "California. PK samples will be shipped on dry ice to Nederlands Bioanalytisch Centrum B.V. in Assen, "
             "the Netherlands, where plasma concentrations will be measured using a validated LC-MS/MS method."],
            [SD_SAFETY_LAB, ["Nederlands Bioanalytisch Centrum B.V.", "Industrieweg 12, 9403 AB Assen",
                             "Netherlands", "PK (plasma BRX-2310 by LC-MS/MS)"]],
            "Residual PK samples will be destroyed no later than 5 years after the final clinical study report. No "
            "genetic testing will be performed on samples collected in this study."),
        appendix_b=appendix_bullets(["Safety samples: ambient, courier pick-up daily.",
                                     "PK plasma: dry ice, batched weekly, to Nederlands Bioanalytisch Centrum.",
                                     "Back-up aliquots: retained at the clinical research unit."]),
        samples_text=["Your blood samples will be tested for safety by a laboratory in San Diego. Your samples may "
                      "be shared with the Sponsor's global partners, including but not limited to laboratories in "
                      "other countries, for analysis.",
                      "No genetic testing will be done on your samples. Samples left over after testing will be "
                      "destroyed no later than 5 years after the end of the study."],
        cs_over={"wgs": "will not"},
    ))

    # 3 ---------------------------------------------------------------------------------------------------
    out.append(case(
        "hedged_if_needed_uk", "card", "CRD-318", "pdf", "txt",
        "HFpEF study; serum may be sent 'if needed' to a laboratory in Cambridge, United Kingdom; the consent says "
        "only that samples could possibly be analysed abroad if needed",
        [("XBT-001", "XBT-001 satisfied-by needs the country named: the consent names none while the protocol names the United Kingdom, so XBT-001 fires at major (XBT-002 reports the vagueness)"),
         ("XBT-002", "the consent's disclosure is conditional and names no country ('If needed, your samples could "
                     "possibly be analysed abroad')"),
         ("XBT-003", "catalogue trigger: the set difference between the protocol's destinations (the United Kingdom (Cambridge)) and the consent's (no country named abroad) is not empty; major, as no domestic promise is contradicted")],
        [("CCN-001", "the United Kingdom is not a country of concern"),
         ("XBT-005", "there is no domestic-handling promise"),
         NO_DOC001],
        sample_blocks=sample_section(
            CARD_COLLECTION,
            ["Samples will be shipped by overnight courier to Central Laboratory Services in Durham, North Carolina, "
             "and biomarker aliquots will be forwarded to Carolina Biorepository in Durham for storage. If needed, "
             "serum samples could be sent to Fenland Cardiac Biomarker Laboratory in Cambridge, United Kingdom for "
             "confirmatory galectin-3 testing, which is validated only at that laboratory."],
            [DURHAM_LAB, DURHAM_BIOBANK,
             ["Fenland Cardiac Biomarker Laboratory", "Granta Park, Great Abington, Cambridge CB21 6GP",
              "United Kingdom", "Confirmatory galectin-3 testing (if needed)"]],
            "Residual samples will be stored at Carolina Biorepository for up to 10 years after the end of the study "
            "and may be used for future research on heart failure."),
        appendix_b=appendix_bullets(["Kits are supplied by Central Laboratory Services, Durham, North Carolina.",
                                     "Frozen samples: ship in monthly batches on dry ice to Durham.",
                                     "Confirmatory aliquots are forwarded by the central laboratory, not by sites."]),
        samples_text=["Your samples will be sent to Central Laboratory Services in Durham, North Carolina for "
                      "testing. If needed, your samples could possibly be analysed abroad.",
                      "Your samples will be stored at Carolina Biorepository in Durham, North Carolina for up to 10 "
                      "years after the study ends."],
        cs_over={"wgs": "will not"},
    ))

    # 4 ---------------------------------------------------------------------------------------------------
    out.append(case(
        "contradiction_domestic_japan", "hv", "BRX-2207-105", "txt", "pdf",
        "Phase 1 PK study; the consent promises samples will not leave the United States while the protocol ships "
        "PK plasma to Osaka, Japan",
        [("XBT-003", "consent: 'Your samples will not leave the United States.'; protocol 8.4.2 ships PK plasma "
                     "to Kansai Bioanalysis Center in Osaka, Japan")],
        [("XBT-005", "the domestic promise is contradicted by the protocol, so it is not a pass signal"),
         ("XBT-002", "the consent's statement is a negated promise, not a hedged disclosure"),
         ("CCN-001", "Japan is not a country of concern"),
         NO_DOC001],
        sample_blocks=sample_section(
            HV_COLLECTION,
            ["Safety laboratory samples will be sent daily to Pacific Clinical Reference Laboratory in San Diego, "
             "California. PK samples will be shipped on dry ice to Kansai Bioanalysis Center K.K. in Osaka, Japan, "
             "where plasma concentrations of BRX-2207 will be measured using a validated LC-MS/MS method."],
            [SD_SAFETY_LAB, ["Kansai Bioanalysis Center K.K.", "3-1 Saito-Asagi, Ibaraki, Osaka 567-0085", "Japan",
                             "PK (plasma BRX-2207 and metabolite M3)"]],
            "Residual PK samples will be destroyed no later than 5 years after the final clinical study report. No "
            "genetic testing will be performed on samples collected in this study."),
        appendix_b=appendix_bullets(["Safety samples: ambient, courier pick-up daily.",
                                     "PK plasma: dry ice, batched weekly, to Kansai Bioanalysis Center.",
                                     "Back-up aliquots: retained at the clinical research unit."]),
        samples_text=["Your blood samples will be tested by laboratories working for the Sponsor. Your samples will "
                      "not leave the United States.",
                      "No genetic testing will be done on your samples. Samples left over after testing will be "
                      "destroyed no later than 5 years after the end of the study."],
        cs_over={"wgs": "will not"},
    ))

    # 5 ---------------------------------------------------------------------------------------------------
    out.append(case(
        "lab_location_only_in_table", "onc", "TA-2025-037", "docx", "docx",
        "NSCLC study; the shipping sentence names Lingnan Sequencing Services without a place, and only Table 5 "
        "gives its address (Shenzhen) and country (China); the consent is silent on foreign transfer",
        [("XBT-001", "protocol ships tumour tissue and germline blood to Lingnan Sequencing Services, located by "
                     "Table 5 in Shenzhen, China; the consent never mentions a transfer abroad"),
         ("CCN-001", "the laboratory's table row places it in Shenzhen, China"),
         ("XBT-003", "catalogue trigger: the set difference between the protocol's destinations (China (Shenzhen, in Table 5)) and the consent's (no country named abroad) is not empty; major, as no domestic promise is contradicted")],
        [("XBT-002", "the consent has no hedged foreign-transfer wording"),
         ("XBT-009", "every laboratory has an address and country in Table 5")],
        sample_blocks=sample_section(
            ONC_COLLECTION,
            ["Safety laboratory samples will be analysed by Midwest Central Laboratory. Archival tumour tissue and "
             "whole blood for germline DNA will be shipped to Lingnan Sequencing Services Co., Ltd. for whole exome "
             "sequencing, and results will be transferred to the Sponsor's secure data environment."],
            [US_SAFETY_LAB,
             ["Lingnan Sequencing Services Co., Ltd.", "88 Gaoxin South 7th Road, Nanshan District, Shenzhen 518057",
              "China", "Whole exome sequencing (tumour and germline)"]],
            "Residual samples may be stored for up to 15 years after the end of the study for future research "
            "related to non-small cell lung cancer."),
        appendix_b=appendix_bullets(["Safety samples: ship ambient to Midwest Central Laboratory on the day of "
                                     "collection.",
                                     "Tumour blocks and germline DNA tubes: ship to Lingnan Sequencing Services in "
                                     "monthly batches.",
                                     "Requisition forms must accompany every shipment."]),
        samples_text=["Your blood and tumour samples will be sent to a laboratory for genetic testing. Some of the "
                      "testing will look at the genes (DNA) in your tumour and in your blood.", GENERIC_STORAGE],
    ))

    # 6 ---------------------------------------------------------------------------------------------------
    out.append(case(
        "page_break_moscow", "card", "CRD-327", "pdf", "docx",
        "HFpEF study; the only sentence sending PBMCs to Moscow, Russian Federation runs across a PDF page break; "
        "the lab table lists only US laboratories; the consent names only US laboratories",
        [("XBT-001", "protocol 8.4.2 ships cryopreserved PBMCs to a laboratory in Moscow, Russian Federation (the "
                     "sentence spans two PDF pages); the consent never mentions a transfer abroad"),
         ("CCN-001", "Moscow, Russian Federation is a country-of-concern destination")],
        [("XBT-002", "the consent has no hedged foreign-transfer wording"),
         ("XBT-005", "the consent makes no domestic promise and the protocol ships abroad"),
         ("XBT-004", "not a cell-therapy study: the PBMCs are shipped for T-cell receptor profiling, not manufactured, "
                     "modified or given back"),
         NO_DOC001],
        sample_blocks=sample_section(
            CARD_COLLECTION + ["At randomization and Week 24, additional blood will be collected at selected sites "
                               "for isolation of peripheral blood mononuclear cells (PBMCs), which will be "
                               "cryopreserved in the vapour phase of liquid nitrogen."],
            ["PBMC samples will be batched at the site and shipped according to the schedule in the Laboratory "
             "Manual, once the participant has completed the corresponding visit and the requisition form has been "
             "reconciled by the study monitor. " + MOSCOW_SENTENCE + " Repertoire data will be transferred to the "
             "Sponsor's secure data environment, and residual cells will be retained by the laboratory until the "
             "end of the study."],
            [DURHAM_LAB, DURHAM_BIOBANK, ROCHESTER_LAB],
            "Residual serum and plasma will be stored at Carolina Biorepository for up to 10 years after the end of "
            "the study.", split_slot=True),
        appendix_b=appendix_bullets(["Kits are supplied by Central Laboratory Services, Durham, North Carolina.",
                                     "Frozen serum and plasma: ship in monthly batches on dry ice to Durham.",
                                     "PBMC: ship in a liquid-nitrogen dry shipper per the Laboratory Manual."]),
        samples_text=["Your samples will be sent to Central Laboratory Services in Durham, North Carolina for "
                      "testing. If you agree to the optional genetic testing, your DNA sample will be tested at "
                      "Heartland Genomics Center in Rochester, Minnesota.",
                      "Your samples will be stored at Carolina Biorepository in Durham, North Carolina for up to 10 "
                      "years after the study ends."],
        split_sentence=MOSCOW_SENTENCE,
    ))

    # 7 ---------------------------------------------------------------------------------------------------
    out.append(case(
        "cart_manufactured_abroad_suzhou", "cart", "ALP-CART-205", "pdf", "pdf",
        "Autologous CAR-T study; leukapheresis material is transduced and expanded at a facility in Suzhou, China "
        "and shipped back for infusion; the consent says only 'a manufacturing facility'",
        [("XBT-004", "cells are genetically modified in Suzhou, China and re-infused; the consent does not name the "
                     "manufacturing country"),
         ("EXP-001", "starting material is exported and the product re-imported; no 21 CFR 312.110 basis is stated"),
         ("XBT-001", "the consent never tells participants their cells leave the United States"),
         ("CCN-001", "Suzhou, China is a country-of-concern destination for the cells"),
         ("XBT-003", "catalogue trigger: the set difference between the protocol's destinations (China (Suzhou)) and the consent's (no country named abroad) is not empty; major, as no domestic promise is contradicted")],
        [("XBT-002", "the consent has no hedged foreign-transfer wording"),
         ("EXP-002", "participants are never asked to carry their own cells; a courier ships them"),
         NO_DOC001],
        sample_blocks=[
            h2("8.4 Cell and Sample Shipment"),
            h3("8.4.1 Leukapheresis Material and Manufacturing"),
            p("Leukapheresis material will be shipped fresh at 2 to 8 C, within 24 hours of collection, under "
              "chain-of-identity and chain-of-custody controls, to Jinji Lake Cell Therapy Manufacturing Co., Ltd. "
              "in Suzhou, China, where the T cells will be transduced with the lentiviral vector encoding the "
              "anti-CD19 CAR, expanded and cryopreserved. The manufactured ALP-CD19 product will be shipped back to "
              "the study site in a vapour-phase liquid nitrogen dry shipper for infusion. The target vein-to-vein "
              "time is 24 days."),
            p("Each leukapheresis bag and each manufactured product bag will carry a unique chain-of-identity number "
              "linking it to the participant number; the participant's name and date of birth will be verified at "
              "the site only."),
            h3("8.4.2 Sample Shipment and Analysis"),
            p("Blood samples for CAR transgene levels (cellular kinetics) and serum cytokines will be shipped to "
              "Great Lakes Clinical Laboratory in Ann Arbor, Michigan."),
            table("Table 5 Manufacturing Facility and Central Laboratories", LAB_HEADER, [
                ["Jinji Lake Cell Therapy Manufacturing Co., Ltd.", "218 Xinghu Street, Suzhou Industrial Park, "
                 "Suzhou, Jiangsu 215123", "China", "CAR-T manufacturing and release testing"],
                ANN_ARBOR_LAB], LAB_WIDTHS),
            h3("8.4.3 Replication-Competent Lentivirus Testing"),
            p("Testing for replication-competent lentivirus will be performed on blood samples collected at Months "
              "3, 6 and 12 and then annually for 15 years."),
        ],
        appendix_b=appendix([
            ["Leukapheresis product", "Apheresis bag, 2-8 C", "Fresh, within 24 h", "Jinji Lake Cell Therapy "
             "Manufacturing"],
            ["Manufactured ALP-CD19", "Cryobag in LN2 dry shipper", "Vapour-phase LN2", "Study site (return)"],
            ["Cellular kinetics blood", "K2EDTA 4 mL", "-70 C", "Great Lakes Clinical Laboratory"],
        ]),
        samples_text=["Your cells collected by leukapheresis will be sent to a manufacturing facility where they "
                      "will be made into ALP-CD19 and then sent back to this hospital for your infusion. Your blood "
                      "samples will be sent to a research laboratory in Ann Arbor, Michigan that measures how long "
                      "the CAR T cells stay in your blood.",
                      "A small amount of your collected cells and of the final product will be kept for at least 15 "
                      "years, as required by the FDA for gene therapy products."],
    ))

    # 8 ---------------------------------------------------------------------------------------------------
    out.append(case(
        "cart_manufactured_us", "cart", "ALP-CART-301", "docx", "docx",
        "Autologous CAR-T study manufactured in Philadelphia, Pennsylvania; both documents say cells and samples "
        "stay in the United States (domestic control for the CAR-T rules)",
        [("XBT-005", "the consent's promise that cells and samples will not be sent outside the United States is "
                     "supported by the protocol (info pass signal)")],
        [("XBT-004", "the cells are manufactured in Philadelphia, Pennsylvania, not abroad"),
         ("EXP-001", "nothing is exported or re-imported"),
         ("XBT-001", "no material leaves the United States"),
         ("XBT-003", "protocol and consent agree on domestic handling"),
         ("CCN-001", "no country-of-concern destination"),
         ("XBT-002", "'will not be sent outside the United States' is negated, not hedged"),
         ("XBT-009", "every facility is located in the United States")],
        sample_blocks=[
            h2("8.4 Cell and Sample Shipment"),
            h3("8.4.1 Leukapheresis Material and Manufacturing"),
            p("Leukapheresis material will be shipped fresh at 2 to 8 C, within 24 hours of collection, under "
              "chain-of-identity and chain-of-custody controls, to the Sponsor's manufacturing facility, Alpenglow "
              "Cell Manufacturing Center in Philadelphia, Pennsylvania, where the T cells will be transduced, "
              "expanded and cryopreserved. The manufactured ALP-CD19 product will be shipped back to the study site "
              "for infusion. Leukapheresis material and manufactured product will not be shipped outside the United "
              "States."),
            h3("8.4.2 Sample Shipment and Analysis"),
            p("Blood samples for cellular kinetics and serum cytokines will be shipped to Great Lakes Clinical "
              "Laboratory in Ann Arbor, Michigan. No samples will be sent outside the United States."),
            table("Table 5 Manufacturing Facility and Central Laboratories", LAB_HEADER, [
                ["Alpenglow Cell Manufacturing Center", "3400 Civic Center Blvd, Philadelphia, PA 19104",
                 "United States", "CAR-T manufacturing and release testing"], ANN_ARBOR_LAB], LAB_WIDTHS),
            h3("8.4.3 Replication-Competent Lentivirus Testing"),
            p("Testing for replication-competent lentivirus will be performed on blood samples collected at Months "
              "3, 6 and 12 and then annually for 15 years."),
        ],
        appendix_b=appendix_bullets(["Leukapheresis product: fresh, 2-8 C, to Alpenglow Cell Manufacturing Center, "
                                     "Philadelphia.",
                                     "Cellular kinetics blood: frozen, batched, to Great Lakes Clinical Laboratory, "
                                     "Ann Arbor."]),
        samples_text=["Your cells collected by leukapheresis will be sent to the Sponsor's manufacturing facility "
                      "in Philadelphia, Pennsylvania, where they will be made into ALP-CD19 and then sent back to "
                      "this hospital for your infusion. Your blood samples will be sent to a research laboratory in "
                      "Ann Arbor, Michigan.",
                      "Your samples and cells will not be sent outside the United States.",
                      "A small amount of your collected cells and of the final product will be kept for at least 15 "
                      "years, as required by the FDA for gene therapy products."],
    ))

    # 9 ---------------------------------------------------------------------------------------------------
    out.append(case(
        "negated_no_samples_abroad", "hv", "BRX-2207-104", "txt", "txt",
        "Phase 1 PK study with all laboratories in San Diego; the protocol says no samples will be sent outside the "
        "United States and the consent says the same",
        [("XBT-005", "the consent's 'will not be sent outside the United States' promise is supported by the "
                     "protocol (info pass signal)")],
        [("XBT-001", "no sample leaves the United States"),
         ("XBT-002", "'will not be sent outside the United States' is negated, not a hedged disclosure"),
         ("XBT-003", "protocol and consent agree"),
         ("CCN-001", "no foreign destination"),
         ("XBT-008", "no material goes abroad, so no withdrawal text about it is needed"),
         ("XBT-009", "laboratories are located in San Diego, California")],
        sample_blocks=sample_section(
            HV_COLLECTION,
            ["Safety laboratory samples and PK samples will be shipped to Pacific Clinical Reference Laboratory and "
             "Torrey Pines Bioanalytical, Inc., both in San Diego, California. No samples will be sent outside the "
             "United States."],
            [SD_SAFETY_LAB, ["Torrey Pines Bioanalytical, Inc.", "11099 North Torrey Pines Road, La Jolla, CA 92037",
                             "United States", "PK (plasma BRX-2207 and M3 by LC-MS/MS)"]],
            "Residual PK samples will be destroyed no later than 5 years after the final clinical study report. No "
            "genetic testing will be performed on samples collected in this study."),
        appendix_b=appendix_bullets(["Safety samples: ambient, courier pick-up daily.",
                                     "PK plasma: dry ice, batched weekly, to Torrey Pines Bioanalytical."]),
        samples_text=["Your blood samples will be tested by laboratories in San Diego, California. Your samples "
                      "will not be sent outside the United States.",
                      "No genetic testing will be done on your samples. Samples left over after testing will be "
                      "destroyed no later than 5 years after the end of the study."],
        cs_over={"wgs": "will not"},
    ))

    # 10 --------------------------------------------------------------------------------------------------
    out.append(case(
        "taiwan_disclosed", "onc", "TA-2025-044", "pdf", "docx",
        "NSCLC study; tumour tissue goes to a laboratory in Taipei, Taiwan; the consent names the laboratory, city "
        "and country and what happens on withdrawal",
        [],
        [("CCN-001", "Taiwan is not a country of concern (28 CFR 202.208 covers the PRC, Hong Kong and Macau only)"),
         ("CCN-002", "no country-of-concern destination"),
         ("XBT-001", "the consent names Formosa Precision Oncology Laboratory in Taipei, Taiwan"),
         ("XBT-002", "the consent states the transfer firmly and names the country"),
         ("XBT-003", "both documents name Taiwan"),
         ("XBT-008", "the consent says what happens to samples already sent to Taiwan if the participant leaves")],
        sample_blocks=sample_section(
            ONC_COLLECTION,
            ["Safety laboratory samples will be analysed by Midwest Central Laboratory in Indianapolis, Indiana. "
             "Tumour tissue will be shipped to Formosa Precision Oncology Laboratory in Taipei, Taiwan for targeted "
             "next-generation sequencing with the laboratory's validated lung cancer panel."],
            [US_SAFETY_LAB, ["Formosa Precision Oncology Laboratory", "99 Ruiguang Road, Neihu District, Taipei 114",
                             "Taiwan", "Targeted NGS panel"]],
            "Residual tumour tissue will be destroyed by the laboratory at the end of the study.",
            after_table=[COVERED_PERSON_SCREEN]),
        appendix_b=appendix([
            ["Safety labs", "SST 5 mL, K2EDTA 2 mL", "Ambient / 2-8 C", "Midwest Central Laboratory"],
            ["Tumour tissue", "FFPE block or 15 slides", "Ambient", "Formosa Precision Oncology Laboratory"],
        ]),
        samples_text=["Your tumour tissue will be sent to Formosa Precision Oncology Laboratory in Taipei, Taiwan, "
                      "for gene testing of your tumour. The tissue will not be returned to you; tissue left over at "
                      "the end of the study will be destroyed by that laboratory.",
                      "If you leave the study, we will ask the laboratory in Taiwan to destroy any of your samples "
                      "already sent there; results already obtained may still be used."],
    ))

    # 11 --------------------------------------------------------------------------------------------------
    out.append(case(
        "south_korea_disclosed", "hv", "BRX-2207-106", "docx", "txt",
        "Phase 1 PK study; PK plasma goes to a laboratory in Incheon, South Korea (table: 'Republic of Korea'); the "
        "consent names the laboratory and country",
        [],
        [("CCN-001", "South Korea / the Republic of Korea is not a country of concern; a bare 'Korea' must not be "
                     "read as North Korea"),
         ("XBT-001", "the consent names the laboratory in Incheon, South Korea"),
         ("XBT-002", "the disclosure is firm and names the country"),
         ("XBT-003", "both documents name South Korea"),
         ("XBT-008", "the consent says what happens to samples already sent there on withdrawal")],
        sample_blocks=sample_section(
            HV_COLLECTION,
            ["Safety laboratory samples will be sent daily to Pacific Clinical Reference Laboratory in San Diego, "
             "California. PK samples will be shipped on dry ice to Hanbit Bioanalytical Research Co., Ltd. in "
             "Incheon, Korea, where plasma concentrations will be measured using a validated LC-MS/MS method."],
            [SD_SAFETY_LAB, ["Hanbit Bioanalytical Research Co., Ltd.", "27 Songdomirae-ro, Yeonsu-gu, Incheon 21988",
                             "Republic of Korea", "PK (plasma BRX-2207 and M3)"]],
            "Residual PK samples will be destroyed no later than 5 years after the final clinical study report. No "
            "genetic testing will be performed on samples collected in this study.",
            after_table=[COVERED_PERSON_SCREEN]),
        appendix_b=appendix_bullets(["Safety samples: ambient, courier pick-up daily.",
                                     "PK plasma: dry ice, batched weekly, to Hanbit Bioanalytical Research."]),
        samples_text=["Your blood samples will be tested for safety by a laboratory in San Diego. Your samples for "
                      "measuring the study drug will be sent to Hanbit Bioanalytical Research in Incheon, South "
                      "Korea. They will not be returned and will be destroyed no later than 5 years after the study.",
                      "If you leave the study, we will ask the laboratory in South Korea to destroy any of your "
                      "samples already sent there; results already obtained may still be used.",
                      "No genetic testing will be done on your samples."],
        cs_over={"wgs": "will not"},
    ))

    # 12 --------------------------------------------------------------------------------------------------
    out.append(case(
        "hong_kong_undisclosed", "npc", "HKX-2025-311", "txt", "docx",
        "NPC study; extracted RNA is shipped to a laboratory in Kowloon, Hong Kong SAR; the consent names only the "
        "Kansas City central laboratory",
        [("CCN-001", "Hong Kong counts as China, a country of concern (28 CFR 202.208)"),
         ("XBT-001", "the consent never says samples leave the United States")],
        [("XBT-002", "the consent has no hedged foreign-transfer wording"),
         ("XBT-005", "no domestic promise, and the protocol ships abroad"),
         ("XBT-009", "every laboratory is located in Table 5")],
        sample_blocks=sample_section(
            NPC_COLLECTION,
            ["Tumour tissue and plasma samples will be shipped to Great Plains Oncology Laboratory in Kansas City, "
             "Missouri, which will extract DNA and RNA. Extracted RNA will be shipped to Kowloon Molecular Pathology "
             "Centre Ltd. in Kowloon, Hong Kong SAR for targeted RNA sequencing of the EBV-associated gene "
             "expression signature."],
            [["Great Plains Oncology Laboratory", "9200 Ward Parkway, Kansas City, MO 64114", "United States",
              "EBV DNA quantitation, PD-L1 IHC, nucleic acid extraction"],
             ["Kowloon Molecular Pathology Centre Ltd.", "8 Cornwall Street, Kowloon Tong, Kowloon", "Hong Kong SAR",
              "Targeted RNA sequencing"]],
            "Residual samples will be stored at Great Plains Oncology Laboratory for up to 10 years after the end "
            "of the study."),
        appendix_b=appendix_bullets(["FFPE blocks: ship ambient to Great Plains Oncology Laboratory.",
                                     "Plasma for EBV DNA: freeze at -70 C; ship on dry ice in batches.",
                                     "RNA aliquots are shipped onward by the central laboratory, not by sites."]),
        samples_text=["Your tumour tissue and blood samples will be sent to a central laboratory in Kansas City, "
                      "Missouri for testing, including testing of genes in your tumour.",
                      "Leftover samples may be stored for up to 10 years."],
    ))

    # 13 --------------------------------------------------------------------------------------------------
    out.append(case(
        "macau_undisclosed", "hv", "BRX-2207-107", "pdf", "txt",
        "Phase 1 PK study; PK plasma goes to a bioanalytical laboratory in Taipa, Macau; the consent says only 'a "
        "laboratory'",
        [("CCN-001", "Macau counts as China, a country of concern (28 CFR 202.208)"),
         ("XBT-001", "the consent never says samples leave the United States"),
         ("XBT-003", "catalogue trigger: the set difference between the protocol's destinations (Macau (China)) and the consent's (no country named abroad) is not empty; major, as no domestic promise is contradicted")],
        [("XBT-002", "the consent has no hedged foreign-transfer wording"),
         NO_DOC001],
        sample_blocks=sample_section(
            HV_COLLECTION,
            ["Safety laboratory samples will be sent daily to Pacific Clinical Reference Laboratory in San Diego, "
             "California. PK samples will be shipped on dry ice to Lotus Bioanalysis Laboratory Ltd. in Taipa, "
             "Macau, where plasma concentrations of BRX-2207 will be measured."],
            [SD_SAFETY_LAB, ["Lotus Bioanalysis Laboratory Ltd.", "Avenida de Guimaraes 350, Taipa", "Macau",
                             "PK (plasma BRX-2207 and M3)"]],
            "Residual PK samples will be destroyed no later than 5 years after the final clinical study report. No "
            "genetic testing will be performed on samples collected in this study."),
        appendix_b=appendix_bullets(["Safety samples: ambient, courier pick-up daily.",
                                     "PK plasma: dry ice, batched weekly, to Lotus Bioanalysis Laboratory."]),
        samples_text=["Your blood samples will be sent to a laboratory to measure the amount of study drug in your "
                      "blood.",
                      "No genetic testing will be done on your samples. Samples left over after testing will be "
                      "destroyed no later than 5 years after the end of the study."],
        cs_over={"wgs": "will not"},
    ))

    # 14 --------------------------------------------------------------------------------------------------
    out.append(case(
        "foreign_sites_us_central_lab", "card", "CRD-402", "docx", "pdf",
        "Global HFpEF study recruiting in Canada, Spain, Poland and Mexico; every sample, from every site, goes to "
        "the US central laboratory in Durham, North Carolina",
        [],
        [("XBT-001", "foreign recruiting sites are not a transfer of US participants' material; all samples go to "
                     "Durham, North Carolina"),
         ("XBT-003", "protocol and consent agree that samples stay in the United States"),
         ("CCN-001", "no country-of-concern destination"),
         ("XBT-008", "no material goes abroad"),
         ("XBT-002", "the consent's negated statement is not a hedged disclosure"),
         NO_DOC001],
        sample_blocks=sample_section(
            CARD_COLLECTION,
            ["Participants will be enrolled at sites in the United States, Canada, Spain, Poland and Mexico. Samples "
             "collected at all sites, including the sites in Canada, Spain, Poland and Mexico, will be shipped by "
             "courier to Central Laboratory Services in Durham, North Carolina, United States. Biomarker aliquots "
             "will be forwarded to Carolina Biorepository in Durham, North Carolina for storage."],
            [DURHAM_LAB, DURHAM_BIOBANK, ROCHESTER_LAB],
            "Residual samples will be stored at Carolina Biorepository for up to 10 years after the end of the "
            "study and may be used for future research on heart failure."),
        appendix_b=appendix_bullets(["Kits are supplied by Central Laboratory Services, Durham, North Carolina.",
                                     "Sites outside the United States use the international courier account and "
                                     "import permit reference in the Laboratory Manual.",
                                     "Frozen samples: ship in monthly batches on dry ice to Durham."]),
        samples_text=["Your samples will be sent to Central Laboratory Services in Durham, North Carolina for "
                      "testing, and stored at Carolina Biorepository in Durham for up to 10 years after the study "
                      "ends. Your samples will not leave the United States."],
        c_over={"sites": "Approximately 240 sites in the United States, Canada, Spain, Poland and Mexico"},
        cs_over={"wgs": "will not"},
    ))

    # 15 --------------------------------------------------------------------------------------------------
    out.append(case(
        "unnamed_vendor_no_location", "hv", "BRX-2207-108", "txt", "docx",
        "Phase 1 PK study whose protocol sends samples to 'a bioanalytical vendor selected by the Sponsor' and 'the "
        "central laboratory' with no place anywhere",
        [("XBT-009", "samples are collected but no laboratory, vendor or country is stated anywhere in the "
                     "protocol")],
        [("XBT-001", "no foreign destination is stated, so there is no undisclosed international transfer"),
         ("CCN-001", "no destination at all, let alone a country of concern"),
         ("XBT-003", "no destinations to compare"),
         ("XBT-002", "the consent does not mention transfer abroad")],
        sample_blocks=[
            h2("8.4 Sample Handling"),
            h3("8.4.1 Collection and Processing"),
            *[p(t) for t in HV_COLLECTION],
            labelling_para(),
            h3("8.4.2 Sample Shipment"),
            p("Safety laboratory samples will be sent daily to the central laboratory as described in the "
              "Laboratory Manual. PK samples will be shipped on dry ice to a bioanalytical vendor selected by the "
              "Sponsor, where plasma concentrations of BRX-2207 will be measured using a validated method."),
            table("Table 5 Sample Shipments", ["Sample", "Conditions", "Recipient", "Frequency"], [
                ["Safety laboratory samples", "Ambient", "Central laboratory", "Daily"],
                ["PK plasma (primary)", "Dry ice", "Bioanalytical vendor", "Weekly"],
                ["PK plasma (back-up)", "Dry ice", "Bioanalytical vendor", "After receipt of primary"],
            ], [0.3, 0.2, 0.3, 0.2]),
            h3("8.4.3 Sample Retention"),
            p("Residual PK samples will be destroyed no later than 5 years after the final clinical study report. "
              "No genetic testing will be performed on samples collected in this study."),
        ],
        appendix_b=appendix_bullets(["Safety samples: per the Laboratory Manual.",
                                     "PK plasma: per the Laboratory Manual.",
                                     "Back-up aliquots: retained at the clinical research unit."]),
        samples_text=["Your blood samples will be sent to a laboratory chosen by the Sponsor to measure the amount of "
                      "study drug in your blood.",
                      "No genetic testing will be done on your samples. Samples left over after testing will be "
                      "destroyed no later than 5 years after the end of the study."],
        c_over={"sites": "One clinical research unit"},
        cs_over={"wgs": "will not"},
    ))

    # 16 --------------------------------------------------------------------------------------------------
    out.append(case(
        "deidentified_justification", "card", "CRD-415", "pdf", "docx",
        "HFpEF study; serum goes to Munich, Germany and both documents present coding and de-identification as the "
        "reason the transfer is acceptable",
        [("XBT-007", "protocol: 'Because all samples are coded and de-identified before shipment, the transfer ... "
                     "to Munich, Germany ... requires no further consent'; consent repeats the argument"),
         ("XBT-008", "material goes to Germany and the withdrawal text says nothing about samples already sent")],
        [("XBT-001", "the consent names Munich, Germany"),
         ("CCN-001", "Germany is not a country of concern"),
         ("XBT-002", "the consent's transfer statement is firm and names the country"),
         NO_DOC001],
        sample_blocks=sample_section(
            CARD_COLLECTION,
            ["Safety and PK samples will be shipped by overnight courier to Central Laboratory Services in Durham, "
             "North Carolina. Because all samples are coded and de-identified before shipment, the transfer of "
             "serum biomarker samples to Isar Proteomics GmbH in Munich, Germany does not involve personal data and "
             "requires no further consent or review."],
            [DURHAM_LAB, ["Isar Proteomics GmbH", "Am Klopferspitz 19, 82152 Planegg-Martinsried, Munich",
                          "Germany", "Proteomic biomarker panel (serum)"]],
            "Residual serum will be destroyed by Isar Proteomics GmbH at the end of the study."),
        appendix_b=appendix_bullets(["Kits are supplied by Central Laboratory Services, Durham, North Carolina.",
                                     "Serum biomarker aliquots: dry ice, quarterly, to Isar Proteomics GmbH."]),
        samples_text=["Your serum samples will be sent to a laboratory in Munich, Germany for protein testing. "
                      "Because your samples are coded and your name is removed, sending them to Germany does not "
                      "put your privacy at risk.",
                      "Your other samples will be tested by Central Laboratory Services in Durham, North Carolina."],
        cs_over={"wgs": "will not"},
    ))

    # 17 --------------------------------------------------------------------------------------------------
    nih_funding = "Funding: National Cancer Institute, National Institutes of Health, award R01 CA123456"
    out.append(case(
        "nih_rare_compelling_consented", "onc", "UCR-2025-017", "docx", "pdf",
        "NIH-funded (R01 CA123456) study sending germline DNA to Guangzhou, China under the rare-and-compelling "
        "exception, with the exception documented in the protocol and specific consent in the consent form",
        [("CCN-001", "germline DNA goes to Guangzhou, China, a country of concern; the finding always needs legal "
                     "review even with an exception")],
        [("CCN-002", "the protocol documents the NOT-OD-25-160 rare-and-compelling exception and the consent form "
                     "asks for specific consent to the transfer to Guangzhou, China"),
         ("XBT-001", "the consent names the laboratory in Guangzhou, China"),
         ("XBT-003", "both documents name China")],
        sample_blocks=sample_section(
            ONC_COLLECTION,
            ["Safety laboratory samples will be analysed by Midwest Central Laboratory in Indianapolis, Indiana, "
             "and tumour sequencing will be performed by Wasatch Genomics Laboratory in Salt Lake City, Utah. For "
             "participants who give specific consent, whole blood for germline DNA will be shipped to Lingnan "
             "Population Genetics Laboratory in Guangzhou, China for comparison with an ancestry-matched reference "
             "panel that exists only at that laboratory."],
            [US_SAFETY_LAB, US_GENOMICS_LAB,
             ["Lingnan Population Genetics Laboratory", "74 Zhongshan Second Road, Yuexiu District, Guangzhou 510080",
              "China", "Germline genotyping against an ancestry-matched reference panel"]],
            "Residual samples may be stored for up to 15 years after the end of the study for future research "
            "related to non-small cell lung cancer.",
            after_table=["The investigators have determined that this distribution meets the rare and compelling "
                         "circumstances exception of NIH policy NOT-OD-25-160, and germline DNA will be sent only for "
                         "participants who give specific consent to the transfer to China in the informed consent "
                         "form. The determination and the supporting records will be retained for 10 years."]),
        appendix_b=appendix([
            ["Safety labs", "SST 5 mL, K2EDTA 2 mL", "Ambient / 2-8 C", "Midwest Central Laboratory"],
            ["Tumour tissue", "FFPE block or 15 slides", "Ambient", "Wasatch Genomics Laboratory"],
            ["Germline DNA (consented only)", "K2EDTA 6 mL", "-70 C", "Lingnan Population Genetics Laboratory"],
        ]),
        samples_text=["Your tumour samples will be sent to Wasatch Genomics Laboratory in Salt Lake City, Utah for "
                      "genetic testing. If you agree below, a blood sample for DNA testing will be sent to Lingnan "
                      "Population Genetics Laboratory in Guangzhou, China, to compare your genes with a reference "
                      "group that exists only there. China is a country of concern under U.S. rules, and its "
                      "government could seek access to samples held there. You can say no to this and still take "
                      "part in the study.",
                      "_____ (initials) I agree that my DNA sample will be sent to the laboratory in Guangzhou, "
                      "China.",
                      "If you leave the study, we will ask the laboratory in China to destroy any of your samples "
                      "already sent there; results already obtained may still be used.", GENERIC_STORAGE],
        c_over={"funding": nih_funding, "sponsor": "University Cancer Research Consortium"},
        profile={"nih": True},
    ))
    out.append(case(
        "nih_no_exception_wuhan", "npc", "HKX-2025-318", "pdf", "docx",
        "NIH-funded (R01 CA765432) NPC study sending extracted RNA to Wuhan, China with no exception cited; consent "
        "silent",
        [("CCN-001", "extracted RNA goes to Wuhan, China"),
         ("CCN-002", "NIH-funded study distributes biospecimens to China and cites none of the three NOT-OD-25-160 "
                     "exceptions"),
         ("XBT-001", "the consent never says samples leave the United States"),
         ("GEN-002", "NIH-funded genomic study whose consent has no broad-sharing / NIH repository language"),
         ("XBT-003", "catalogue trigger: the set difference between the protocol's destinations (China (Wuhan)) and the consent's (no country named abroad) is not empty; major, as no domestic promise is contradicted")],
        [("XBT-002", "the consent has no hedged foreign-transfer wording"),
         NO_DOC001],
        sample_blocks=sample_section(
            NPC_COLLECTION,
            ["Tumour tissue and plasma samples will be shipped to Great Plains Oncology Laboratory in Kansas City, "
             "Missouri, which will extract DNA and RNA. Extracted RNA will be shipped to Jianghan Transcriptomics "
             "Co., Ltd. in Wuhan, China for RNA sequencing of the EBV-associated gene expression signature."],
            [["Great Plains Oncology Laboratory", "9200 Ward Parkway, Kansas City, MO 64114", "United States",
              "EBV DNA quantitation, PD-L1 IHC, nucleic acid extraction"],
             ["Jianghan Transcriptomics Co., Ltd.", "666 Gaoxin Avenue, East Lake High-tech Zone, Wuhan 430075",
              "China", "RNA sequencing"]],
            "Residual samples will be stored at Great Plains Oncology Laboratory for up to 10 years after the end "
            "of the study."),
        appendix_b=appendix_bullets(["FFPE blocks: ship ambient to Great Plains Oncology Laboratory.",
                                     "RNA aliquots are shipped onward by the central laboratory, not by sites."]),
        samples_text=["Your tumour tissue and blood samples will be sent to a central laboratory in Kansas City, "
                      "Missouri for testing, including testing of genes in your tumour.",
                      "Leftover samples may be stored for up to 10 years."],
        c_over={"funding": "Funding: National Cancer Institute, National Institutes of Health, award R01 CA765432"},
        profile={"nih": True},
    ))
    out.append(case(
        "nih_rare_compelling_consent_silent", "onc", "UCR-2025-019", "txt", "docx",
        "NIH-funded (R01 CA123456) study; the protocol claims the rare-and-compelling exception for germline DNA sent "
        "to Guangzhou, China and says participants consent, but the consent form never mentions China, so the "
        "exception lacks the consent that explicitly covers this use (CCN-002)",
        [("CCN-001", "germline DNA goes to Guangzhou, China"),
         ("XBT-001", "the consent never says samples leave the United States"),
         ("XBT-003", "catalogue trigger: the set difference between the protocol's destinations (China (Guangzhou)) and the consent's (no country named abroad) is not empty; major, as no domestic promise is contradicted"),
         ("CCN-002", "catalogue trigger: exception (2) is claimed but the consent form never names China, so it "
                     "lacks the specific consent to the country-of-concern use")],
        [("XBT-002", "the consent has no hedged foreign-transfer wording")],
        sample_blocks=sample_section(
            ONC_COLLECTION,
            ["Safety laboratory samples will be analysed by Midwest Central Laboratory in Indianapolis, Indiana, "
             "and tumour sequencing will be performed by Wasatch Genomics Laboratory in Salt Lake City, Utah. Whole "
             "blood for germline DNA will be shipped to Lingnan Population Genetics Laboratory in Guangzhou, China "
             "for comparison with an ancestry-matched reference panel."],
            [US_SAFETY_LAB, US_GENOMICS_LAB,
             ["Lingnan Population Genetics Laboratory", "74 Zhongshan Second Road, Yuexiu District, Guangzhou 510080",
              "China", "Germline genotyping against an ancestry-matched reference panel"]],
            "Residual samples may be stored for up to 15 years after the end of the study for future research "
            "related to non-small cell lung cancer.",
            after_table=["The investigators consider this distribution to fall under the rare and compelling "
                         "circumstances exception of NIH policy NOT-OD-25-160, and participants will consent to "
                         "genetic testing in the informed consent form."]),
        appendix_b=appendix([
            ["Safety labs", "SST 5 mL, K2EDTA 2 mL", "Ambient / 2-8 C", "Midwest Central Laboratory"],
            ["Tumour tissue", "FFPE block or 15 slides", "Ambient", "Wasatch Genomics Laboratory"],
            ["Germline DNA", "K2EDTA 6 mL", "-70 C", "Lingnan Population Genetics Laboratory"],
        ]),
        samples_text=["Your blood and tumour samples will be sent to laboratories for genetic testing. Some of the "
                      "testing will look at the genes (DNA) in your tumour and in your blood.", GENERIC_STORAGE],
        c_over={"funding": nih_funding, "sponsor": "University Cancer Research Consortium"},
        profile={"nih": True},
    ))

    # 18 --------------------------------------------------------------------------------------------------
    out.append(case(
        "genomic_data_foreign_cloud", "onc", "TA-2025-052", "pdf", "docx",
        "NSCLC study; samples are sequenced in Salt Lake City, Utah, but the FASTQ/BAM/VCF files are uploaded to a "
        "cloud platform in Frankfurt, Germany; the consent mentions only the US laboratory",
        [("XBT-006", "protocol uploads sequence data to Rhein Data Cloud GmbH in Frankfurt, Germany; the consent "
                     "names no foreign country for genetic data")],
        [("XBT-001", "no biospecimen leaves the United States; only data go abroad"),
         ("XBT-004", "not a cell-therapy study; no cells are manufactured abroad"),
         ("CCN-001", "Germany is not a country of concern"),
         NO_DOC001],
        sample_blocks=sample_section(
            ONC_COLLECTION,
            ["Safety laboratory samples will be analysed by Midwest Central Laboratory in Indianapolis, Indiana. "
             "Tumour tissue, plasma and germline blood samples will be shipped to Wasatch Genomics Laboratory in "
             "Salt Lake City, Utah for whole genome sequencing and RNA-seq. No samples will be shipped outside the "
             "United States."],
            [US_SAFETY_LAB, US_GENOMICS_LAB],
            "Residual samples may be stored at Wasatch Genomics Laboratory for up to 15 years after the end of the "
            "study for future research related to non-small cell lung cancer.",
            after_table=[h3("8.4.2.1 Genomic Data Flow"),
                         "Sequence data (FASTQ, BAM and VCF files) generated by Wasatch Genomics Laboratory will be "
                         "uploaded to the Sponsor's genomic analysis platform hosted by Rhein Data Cloud GmbH in "
                         "Frankfurt, Germany, where the Sponsor's bioinformatics group and its academic "
                         "collaborators will analyse them."]),
        appendix_b=appendix([
            ["Safety labs", "SST 5 mL, K2EDTA 2 mL", "Ambient / 2-8 C", "Midwest Central Laboratory"],
            ["Tumour tissue, plasma, germline DNA", "FFPE; Streck; K2EDTA", "Ambient / -70 C",
             "Wasatch Genomics Laboratory"],
        ]),
        samples_text=["Your blood and tumour samples will be sent to Wasatch Genomics Laboratory in Salt Lake City, "
                      "Utah for genetic testing, including sequencing of your whole genome. Your samples will stay "
                      "in that laboratory.", GENERIC_STORAGE],
    ))

    # 19 --------------------------------------------------------------------------------------------------
    out.append(case(
        "wuxi_city_lab", "hv", "BRX-2207-109", "docx", "txt",
        "Phase 1 PK study; PK plasma goes to Taihu Bioanalytical Testing Co., Ltd. in the city of Wuxi, Jiangsu, "
        "China (not WuXi AppTec); consent silent",
        [("CCN-001", "the laboratory is in Wuxi, Jiangsu, China"),
         ("XBT-001", "the consent never says samples leave the United States")],
        [("VND-001", "'Wuxi' here is the city; the laboratory is not the watch-listed WuXi AppTec group"),
         ("XBT-002", "the consent has no hedged foreign-transfer wording")],
        sample_blocks=sample_section(
            HV_COLLECTION,
            ["Safety laboratory samples will be sent daily to Pacific Clinical Reference Laboratory in San Diego, "
             "California. PK samples will be shipped on dry ice to Taihu Bioanalytical Testing Co., Ltd. in Wuxi, "
             "Jiangsu Province, China, where plasma concentrations of BRX-2207 will be measured."],
            [SD_SAFETY_LAB, ["Taihu Bioanalytical Testing Co., Ltd.", "18 Xinhua Road, Xinwu District, Wuxi, "
                             "Jiangsu 214028", "China", "PK (plasma BRX-2207 and M3)"]],
            "Residual PK samples will be destroyed no later than 5 years after the final clinical study report. No "
            "genetic testing will be performed on samples collected in this study."),
        appendix_b=appendix_bullets(["Safety samples: ambient, courier pick-up daily.",
                                     "PK plasma: dry ice, batched weekly, to Taihu Bioanalytical Testing."]),
        samples_text=["Your blood samples will be sent to a laboratory to measure the amount of study drug in your "
                      "blood.",
                      "No genetic testing will be done on your samples. Samples left over after testing will be "
                      "destroyed no later than 5 years after the end of the study."],
        cs_over={"wgs": "will not"},
    ))
    out.append(case(
        "wuxi_apptec_us_site", "hv", "BRX-2207-110", "pdf", "docx",
        "Phase 1 PK study; PK plasma goes to the US site of WuXi AppTec (St. Paul, Minnesota), a watch-listed "
        "company; nothing leaves the United States",
        [("VND-001", "WuXi AppTec, a watch-listed company, is named as the bioanalytical laboratory")],
        [("CCN-001", "the WuXi AppTec site used is in St. Paul, Minnesota; the company name is not a Chinese "
                     "destination"),
         ("XBT-001", "no sample leaves the United States"),
         ("XBT-003", "both documents keep samples in the United States"),
         NO_DOC001],
        sample_blocks=sample_section(
            HV_COLLECTION,
            ["Safety laboratory samples will be sent daily to Pacific Clinical Reference Laboratory in San Diego, "
             "California. PK samples will be shipped on dry ice to WuXi AppTec Laboratory Testing Division in "
             "St. Paul, Minnesota. No samples will be sent outside the United States."],
            [SD_SAFETY_LAB, ["WuXi AppTec Laboratory Testing Division", "2540 Executive Drive, St. Paul, MN 55120",
                             "United States", "PK (plasma BRX-2207 and M3)"]],
            "Residual PK samples will be destroyed no later than 5 years after the final clinical study report. No "
            "genetic testing will be performed on samples collected in this study."),
        appendix_b=appendix_bullets(["Safety samples: ambient, courier pick-up daily.",
                                     "PK plasma: dry ice, batched weekly, to the St. Paul bioanalytical laboratory."]),
        samples_text=["Your blood samples will be tested by laboratories in San Diego, California and St. Paul, "
                      "Minnesota. Your samples will not be sent outside the United States.",
                      "No genetic testing will be done on your samples. Samples left over after testing will be "
                      "destroyed no later than 5 years after the end of the study."],
        cs_over={"wgs": "will not"},
    ))

    # 20 --------------------------------------------------------------------------------------------------
    out.append(case(
        "biobank_no_future_use", "card", "CRD-520", "txt", "docx",
        "Common Rule HFpEF study that banks serum, plasma and DNA in a Durham biorepository; the consent has "
        "neither 45 CFR 46.116(b)(9) future-use statement",
        [("ICF-004", "samples are banked for up to 15 years, the Common Rule applies (profile), and the consent has "
                     "neither the (b)(9)(i) nor the (b)(9)(ii) statement")],
        [("XBT-001", "all samples stay in the United States"),
         ("CCN-001", "no foreign destination"),
         ("ICF-007", "the consent keeps the whole-genome-sequencing statement"),
         ("GEN-001", "the consent keeps the GINA statement with the insurance caveat"),
         ("ICF-005", "the consent keeps the commercial-profit statement")],
        sample_blocks=sample_section(
            CARD_COLLECTION,
            ["Samples will be shipped by overnight courier to Central Laboratory Services in Durham, North Carolina. "
             "Biomarker aliquots and DNA will be forwarded to Carolina Biorepository in Durham, North Carolina for "
             "banking. No samples will be sent outside the United States."],
            [DURHAM_LAB, DURHAM_BIOBANK, ROCHESTER_LAB],
            "Residual serum, plasma and DNA will be banked at Carolina Biorepository for up to 15 years after the "
            "end of the study and used for future research on heart failure, cardiovascular disease and related "
            "conditions."),
        appendix_b=appendix_bullets(["Kits are supplied by Central Laboratory Services, Durham, North Carolina.",
                                     "Frozen samples: ship in monthly batches on dry ice to Durham."]),
        samples_text=["Your samples will be sent to Central Laboratory Services in Durham, North Carolina for "
                      "testing and then stored in a biobank at Carolina Biorepository in Durham for up to 15 years. "
                      "Your samples will not leave the United States."],
        consent_edits=[("drop", FUTURE_USE)],
        profile={"common_rule": True},
    ))

    # 21 --------------------------------------------------------------------------------------------------
    out.append(case(
        "wgs_statement_missing", "onc", "TA-2025-060", "pdf", "txt",
        "Common Rule NSCLC study with whole genome sequencing in Salt Lake City, Utah; the consent never says "
        "whether the research will include whole genome sequencing",
        [("ICF-007", "the protocol performs whole genome sequencing and the consent has no will / will not / might "
                     "statement on whole genome sequencing (Common Rule applies per profile)")],
        [("ICF-004", "the consent keeps the future-use statement"),
         ("XBT-001", "all samples stay in the United States"),
         ("CCN-001", "no foreign destination"),
         ("GEN-001", "the consent keeps the GINA statement"),
         NO_DOC001],
        sample_blocks=sample_section(
            ONC_COLLECTION,
            ["Safety laboratory samples will be analysed by Midwest Central Laboratory in Indianapolis, Indiana. "
             "Tumour tissue, plasma and germline blood samples will be shipped to Wasatch Genomics Laboratory in "
             "Salt Lake City, Utah for whole genome sequencing and RNA-seq. No samples will be sent outside the "
             "United States."],
            [US_SAFETY_LAB, US_GENOMICS_LAB],
            "Residual samples may be stored at Wasatch Genomics Laboratory for up to 15 years after the end of the "
            "study for future research related to non-small cell lung cancer."),
        appendix_b=appendix([
            ["Safety labs", "SST 5 mL, K2EDTA 2 mL", "Ambient / 2-8 C", "Midwest Central Laboratory"],
            ["Tumour tissue, plasma, germline DNA", "FFPE; Streck; K2EDTA", "Ambient / -70 C",
             "Wasatch Genomics Laboratory"],
        ]),
        samples_text=["Your blood and tumour samples will be sent to Wasatch Genomics Laboratory in Salt Lake City, "
                      "Utah for genetic testing. Your samples will not leave the United States.", GENERIC_STORAGE],
        consent_edits=[("drop", WGS_PARA)],
        profile={"common_rule": True},
    ))

    # 22 --------------------------------------------------------------------------------------------------
    out.append(case(
        "gina_missing", "card", "CRD-533", "docx", "docx",
        "HFpEF study with a pharmacogenomic DNA substudy in Rochester, Minnesota; the consent has no GINA statement",
        [("GEN-001", "the study genotypes DNA (pharmacogenomic substudy) and the consent has no GINA statement")],
        [("XBT-001", "all samples stay in the United States"),
         ("CCN-001", "no foreign destination"),
         ("ICF-007", "the consent keeps the whole-genome-sequencing statement")],
        sample_blocks=sample_section(
            CARD_COLLECTION,
            ["Samples will be shipped by overnight courier to Central Laboratory Services in Durham, North Carolina, "
             "and DNA samples from the optional substudy will be sent to Heartland Genomics Center in Rochester, "
             "Minnesota for pharmacogenomic genotyping. No samples will be sent outside the United States."],
            [DURHAM_LAB, DURHAM_BIOBANK, ROCHESTER_LAB],
            "Residual samples will be stored at Carolina Biorepository for up to 10 years after the end of the "
            "study."),
        appendix_b=appendix_bullets(["Kits are supplied by Central Laboratory Services, Durham, North Carolina.",
                                     "Optional DNA samples: ship ambient to Heartland Genomics Center, Rochester."]),
        samples_text=["Your samples will be sent to Central Laboratory Services in Durham, North Carolina for "
                      "testing. If you agree to the optional genetic testing, your DNA sample will be tested at "
                      "Heartland Genomics Center in Rochester, Minnesota. Your samples will not leave the United "
                      "States."],
        consent_edits=[("drop", GINA_PARA)],
        cs_over={"wgs": "will not"},
    ))

    # 23-25 compliant -------------------------------------------------------------------------------------
    compliant_not = [
        ("XBT-001", "no undisclosed transfer"), ("XBT-002", "no vague disclosure"),
        ("XBT-003", "protocol and consent agree"), ("XBT-004", "no foreign manufacture"),
        ("XBT-006", "no genetic data abroad"), ("XBT-007", "no de-identification argument"),
        ("XBT-009", "every laboratory is located"), ("CCN-001", "no country-of-concern destination"),
        ("ICF-002", "the consent template carries every basic element"),
        ("ICF-004", "the consent carries the (b)(9)(i) future-use statement"),
        ("ICF-007", "the consent carries a whole-genome-sequencing statement"),
        ("ICF-009", "the consent carries the ClinicalTrials.gov statement verbatim"),
        ("GEN-001", "the consent carries the GINA statement with the insurance caveat"),
    ]
    out.append(case(
        "compliant_domestic_cardio", "card", "CRD-610", "txt", "docx",
        "Fully compliant Common Rule HFpEF study; all laboratories in Durham and Rochester; both documents say "
        "samples stay in the United States",
        [("XBT-005", "domestic-handling promise supported by the protocol (info pass signal)")],
        compliant_not + [("XBT-008", "nothing goes abroad")],
        sample_blocks=sample_section(
            CARD_COLLECTION,
            ["Samples will be shipped by overnight courier to Central Laboratory Services in Durham, North Carolina. "
             "Biomarker aliquots will be forwarded to Carolina Biorepository in Durham, North Carolina, and DNA "
             "samples from the optional substudy will be sent to Heartland Genomics Center in Rochester, Minnesota. "
             "No samples will be sent outside the United States."],
            [DURHAM_LAB, DURHAM_BIOBANK, ROCHESTER_LAB],
            "Residual samples will be stored at Carolina Biorepository for up to 10 years after the end of the "
            "study and may be used for future research, as described in the ICF."),
        appendix_b=appendix_bullets(["Kits are supplied by Central Laboratory Services, Durham, North Carolina.",
                                     "Frozen samples: ship in monthly batches on dry ice to Durham.",
                                     "Optional DNA samples: ship ambient to Heartland Genomics Center, Rochester."]),
        samples_text=["Your samples will be sent to Central Laboratory Services in Durham, North Carolina for "
                      "testing. If you agree to the optional genetic testing, your DNA sample will be tested at "
                      "Heartland Genomics Center in Rochester, Minnesota.",
                      "Your samples will be stored at Carolina Biorepository in Durham, North Carolina for up to 10 "
                      "years after the study ends. Your samples will not leave the United States."],
        cs_over={"wgs": "will not"},
        profile={"common_rule": True, "nih": False},
        max_severity="info",
    ))
    out.append(case(
        "compliant_disclosed_uk", "hv", "BRX-2207-112", "pdf", "pdf",
        "Fully compliant Phase 1 PK study; PK plasma goes to Cambridge, United Kingdom and the consent names the "
        "laboratory, country, purpose, return and withdrawal handling",
        [],
        [c for c in compliant_not if c[0] not in ("XBT-006",)] + [
            ("XBT-008", "the consent says what happens to samples already sent to the United Kingdom"),
            ("XBT-005", "material does go abroad, so there is no domestic-handling pass signal"), NO_DOC001],
        sample_blocks=sample_section(
            HV_COLLECTION,
            ["Safety laboratory samples will be sent daily to Pacific Clinical Reference Laboratory in San Diego, "
             "California. PK samples will be shipped on dry ice to Fenland Bioanalytical Ltd. in Cambridge, United "
             "Kingdom, where plasma concentrations of BRX-2207 will be measured using a validated LC-MS/MS "
             "method."],
            [SD_SAFETY_LAB, ["Fenland Bioanalytical Ltd.", "Granta Park, Great Abington, Cambridge CB21 6GP",
                             "United Kingdom", "PK (plasma BRX-2207 and M3)"]],
            "Residual PK samples will be destroyed by Fenland Bioanalytical Ltd. no later than 5 years after the "
            "final clinical study report. No genetic testing will be performed on samples collected in this study.",
            after_table=[COVERED_PERSON_SCREEN]),
        appendix_b=appendix_bullets(["Safety samples: ambient, courier pick-up daily.",
                                     "PK plasma: dry ice, batched weekly, to Fenland Bioanalytical Ltd., Cambridge."]),
        samples_text=["Your blood samples will be tested for safety by a laboratory in San Diego, California. Your "
                      "samples for measuring the study drug will be sent to Fenland Bioanalytical Ltd., a testing "
                      "laboratory in Cambridge, United Kingdom. They will not be returned, and they will be "
                      "destroyed there no later than 5 years after the study.",
                      "If you leave the study, we will ask the laboratory in the United Kingdom to destroy any of "
                      "your samples already sent there; results already obtained may still be used.",
                      "No genetic testing will be done on your samples."],
        cs_over={"wgs": "will not",
                 "key_info_add": ["Some of your blood samples will be sent to a testing laboratory in Cambridge, United "
                                  "Kingdom, to measure the study drug, and destroyed there after the study."]},
        profile={"fda": True, "nih": False},
        max_severity="info",
    ))
    out.append(case(
        "compliant_us_oncology_genomic", "onc", "TA-2025-071", "docx", "pdf",
        "Fully compliant NSCLC study with whole genome sequencing in Salt Lake City, Utah; every laboratory and "
        "data flow in the United States",
        [("XBT-005", "domestic-handling promise supported by the protocol (info pass signal)")],
        compliant_not + [("XBT-008", "nothing goes abroad"),
                         ("GEN-002", "not NIH-funded (profile nih: false)")],
        sample_blocks=sample_section(
            ONC_COLLECTION,
            ["Safety laboratory samples will be analysed by Midwest Central Laboratory in Indianapolis, Indiana. "
             "Tumour tissue, plasma and germline blood samples will be shipped to Wasatch Genomics Laboratory in "
             "Salt Lake City, Utah for whole genome sequencing and RNA-seq, and sequence data will be stored in the "
             "Sponsor's data environment in Boston, Massachusetts. No samples or genetic data will be sent outside "
             "the United States."],
            [US_SAFETY_LAB, US_GENOMICS_LAB],
            "Residual samples may be stored at Wasatch Genomics Laboratory for up to 15 years after the end of the "
            "study for future research related to non-small cell lung cancer."),
        appendix_b=appendix([
            ["Safety labs", "SST 5 mL, K2EDTA 2 mL", "Ambient / 2-8 C", "Midwest Central Laboratory"],
            ["Tumour tissue, plasma, germline DNA", "FFPE; Streck; K2EDTA", "Ambient / -70 C",
             "Wasatch Genomics Laboratory"],
        ]),
        samples_text=["Your blood and tumour samples will be sent to Wasatch Genomics Laboratory in Salt Lake City, "
                      "Utah for genetic testing. Your samples will not leave the United States.", GENERIC_STORAGE],
        cs_over={"wgs": "will"},
        profile={"common_rule": True, "nih": False},
        max_severity="info",
    ))
    # Cases built around one clean behaviour that are also fully compliant: nothing above info may fire.
    for spec in out:
        if spec["name"] in ("cart_manufactured_us", "negated_no_samples_abroad", "south_korea_disclosed",
                            "foreign_sites_us_central_lab"):
            spec["max_severity"] = "info"
    return out


# ----------------------------------------------------------------------------------------------------------
# Building
# ----------------------------------------------------------------------------------------------------------


def edit_consent(blocks, edits):
    out = []
    for blk in blocks:
        drop = False
        for op, prefix, *rest in edits:
            if blk["kind"] == "p" and blk["text"].startswith(prefix):
                if op == "drop":
                    drop = True
                elif op == "replace":
                    blk = dict(blk, text=rest[0])
        if not drop:
            out.append(blk)
    for op, prefix, *_ in edits:  # every edit must hit something
        assert any(b["kind"] == "p" and b["text"].startswith(prefix) for b in blocks), prefix
    return out


def write_gold(folder, spec, pname, cname):
    q = json.dumps
    lines = [f"case: {spec['name']}", f"description: {q(spec['description'])}", f"protocol: {pname}",
             f"consent: {cname}"]
    if spec["profile"]:
        lines.append("profile: {" + ", ".join(f"{k}: {str(v).lower()}" for k, v in spec["profile"].items()) + "}")
    if spec["max_severity"]:
        lines.append(f"max_severity: {spec['max_severity']}   # nothing above this severity may fire")
    for key in ("must_fire", "must_not_fire"):
        items = spec[key]
        if not items:
            lines.append(f"{key}: []")
            continue
        lines.append(f"{key}:")
        lines += [f"  - {{rule: {r}, why: {q(w)}}}" for r, w in items]
    if spec.get("split"):
        lines += ["page_break_sentence:", f"  document: {pname}",
                  f"  text_start: {q(spec['split_sentence'][:48].rstrip())}",
                  f"  pages: [{spec['split'][0]}, {spec['split'][1]}]"]
    text = "\n".join(lines) + "\n"
    import yaml
    data = yaml.safe_load(text)
    assert data["case"] == spec["name"] and len(data["must_fire"] or []) == len(spec["must_fire"])
    ms.write_text(folder / "gold.yml", text)


def build(spec):
    folder = HERE / spec["name"]
    c, cs, _labs = BASES[spec["base"]]()
    c, cs = copy.deepcopy(c), copy.deepcopy(cs)
    c.update(number=spec["number"], sample_blocks=spec["sample_blocks"], appendix_b=spec["appendix_b"])
    c.update(spec["c_over"])
    cs.update(number=spec["number"], samples_text=spec["samples_text"])
    if "sponsor" in spec["c_over"]:
        cs["sponsor"] = spec["c_over"]["sponsor"]
    over = dict(spec["cs_over"])
    cs["key_info"] = list(cs["key_info"]) + list(over.pop("key_info_add", []))  # bullets added to Key Information
    cs.update(over)
    pblocks = ms.protocol_blocks(c)
    cblocks = edit_consent(ms.consent_blocks(cs), spec["consent_edits"])
    pmeta = (ms.protocol_header(c), f"{c['sponsor']} \u2013 Clinical Study Protocol {c['number']}", c["title"],
             c["sponsor"], f"Clinical Study Protocol {c['number']} Version {c['version']}")
    cmeta = (ms.consent_header(cs), f"ICF Version 1.0 \u00b7 {c['date']} \u00b7 Participant initials: ______",
             f"Informed Consent Form - {cs['number']}", cs["sponsor"], f"Informed consent form {cs['number']}")
    pname, ppages, split = ms.emit(folder, "protocol", spec["proto_fmt"], pblocks, pmeta, spec["split_sentence"])
    cname, cpages, _ = ms.emit(folder, "consent", spec["consent_fmt"], cblocks, cmeta)
    if spec["split_sentence"]:
        assert split, spec["name"]
    spec = dict(spec, split=split)
    write_gold(folder, spec, pname, cname)
    return spec["name"], pname, cname, ppages, cpages, split


def main(argv):
    specs = cases()
    names = [s["name"] for s in specs]
    assert len(names) == len(set(names))
    wanted = set(argv) or set(names)
    unknown = wanted - set(names)
    if unknown:
        raise SystemExit(f"unknown case(s): {', '.join(sorted(unknown))}")
    for spec in specs:
        if spec["name"] not in wanted:
            continue
        name, pname, cname, ppages, cpages, split = build(spec)
        extra = f" protocol pages={ppages}" if ppages else ""
        extra += f" consent pages={cpages}" if cpages else ""
        extra += f" page-break sentence on pages {split}" if split else ""
        print(f"{name}: {pname}, {cname}, gold.yml{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
