"""Ambiguous and tricky place names (issue 3): each sentence gives exactly the expected destinations."""

from __future__ import annotations

import pytest

from auditor.document.build import build
from auditor.extract import extract
from auditor.ingest import ingest

CASES = [
    # Georgia: the US state near a US city or state code, the country near Tbilisi, nothing when bare
    ("Samples will be stored at Emory University in Atlanta, Georgia.", {("domestic", "US")}),
    ("Samples will be shipped to a laboratory in Tbilisi, Georgia.", {("country", "GE")}),
    ("Samples will be shipped to a laboratory in Georgia.", set()),
    ("Samples will be stored at a biorepository in Moscow, ID 83843.", {("domestic", "US")}),
    # Jersey, Jordan, Turkey, Guinea: never on their own
    ("Samples will be shipped to a laboratory in New Jersey.", {("domestic", "US")}),
    ("Samples will be shipped to a laboratory in St Helier, Jersey.", set()),
    ("Samples will be sent to Dr. Jordan for analysis.", set()),
    ("Samples will be sent to a laboratory in Amman, Jordan.", {("country", "JO")}),
    ("Blood samples will be analysed after a turkey sandwich.", set()),
    ("Blood samples will be analysed at a laboratory in Ankara, Turkey.", {("country", "TR")}),
    ("Tissue samples from guinea pig studies will be analysed.", set()),
    ("Guinea pig tissue samples will be analysed in the vivarium.", set()),
    # china the material, Wuxi the city, WuXi the company
    ("Samples will be stored in china cups at the site.", set()),
    ("Samples will be shipped to a laboratory in Wuxi, Jiangsu.", {("country", "CN")}),
    # Korea, Taiwan, Hong Kong, Macau
    ("Samples will be shipped to a laboratory in Korea.", {("vague_foreign", None)}),  # never North Korea
    ("Samples will be shipped to a laboratory in Seoul, Korea.", {("country", "KR")}),
    ("Samples will be shipped to a laboratory in Seoul, South Korea.", {("country", "KR")}),
    ("Samples will be shipped to a laboratory in Pyongyang.", {("country", "KP")}),
    ("Samples will be shipped to a laboratory in Taipei, Taiwan.", {("country", "TW")}),
    ("Samples will be shipped to a laboratory in Hong Kong.", {("country", "HK")}),
    ("Samples will be shipped to a laboratory in Macao.", {("country", "MO")}),
    # New Mexico, Paris (Texas), Moscow (Idaho)
    ("Samples will be shipped to a laboratory in Albuquerque, New Mexico.", {("domestic", "US")}),
    ("Samples will be shipped to a laboratory in Mexico City, Mexico.", {("country", "MX")}),
    ("Samples will be shipped to a laboratory in Paris, Texas.", {("domestic", "US")}),
    ("Samples will be shipped to a laboratory in Paris, France.", {("country", "FR")}),
    ("Samples will be shipped to a laboratory in Moscow.", {("country", "RU")}),
    ("Samples will be shipped to a laboratory in Moscow, Idaho.", {("domestic", "US")}),
    ("Samples will be shipped to a laboratory in Cambridge, Massachusetts.", {("domestic", "US")}),
    ("Samples will be shipped to a laboratory in Cambridge, UK.", {("country", "GB")}),
    # origins and enrolment sites are not destinations
    ("Participants will be enrolled at sites in Russia, China and Germany.", set()),
    ("Samples collected at sites in China will be shipped to the central laboratory in Indianapolis.", {("domestic", "US")}),
    ("Samples will be shipped from Germany to the United States.", {("domestic", "US")}),
    # foreign names written as US addresses; a country in a list stays the country
    ("Plasma samples are tested at Canton Biologics in Canton, Massachusetts.", {("domestic", "US")}),
    ("Samples are analysed by a laboratory in Lima, Ohio.", {("domestic", "US")}),
    ("Samples are shipped to a laboratory in Mexico, Missouri 65265.", {("domestic", "US")}),
    ("Samples are sent to the central laboratory, Salt River Clinical Chemistry, Mexico, Missouri, which reports "
     "results within 24 hours.", {("domestic", "US")}),
    ("Samples will be shipped to laboratories in Mexico, Texas and Peru.", {("country", "MX"), ("domestic", "US"), ("country", "PE")}),
    # a city word in a recipient's name, with the recipient's own place after it; a surname after a title
    ("Coded data files are transferred to Harbin Analytics LLC, Raleigh, North Carolina.", {("domestic", "US")}),
    ("Serum is shipped to Harbin Analytics LLC, Raleigh, North Carolina, a firm named after Dr. Lorraine Harbin.",
     {("domestic", "US")}),
    ("Participants who join in Canada or Spain have their cells collected at their own hospitals and shipped to "
     "Philadelphia.", {("domestic", "US")}),
    # an ambiguous name inside an address that ends in a foreign country is that country's (the address says so)
    ("Tissue blocks are shipped to Histotecnica S.A., Edificio Forum II, Santa Ana, San Jose, Costa Rica.", {("country", "CR")}),
    ("Serum is shipped to a laboratory in Santa Ana, California.", {("domestic", "US")}),
    # a US town named like a country, in an address that ends with the United States
    ("Backup cells are stored at Kennebec Valley Biostorage, LLC, China, Maine, USA.", {("domestic", "US")}),
    # a destination far from its verb, after a long list of visits and the recipient's address
    ("For each patient, the central laboratory forwards one 0.5 mL EDTA plasma aliquot from the Day 1 (pre-dose and "
     "4 h post-dose), Month 6 and Month 12 visits to the Pearl River Delta Amyloid Research Laboratory, Institute of "
     "Translational Medicine, University of Taipa, Avenida da Universidade, Taipa, Macao SAR, which performs the assays.",
     {("country", "MO")}),
    # clinics abroad where US patients take their own cells (curated: under GeoNames' million-people cut)
    ("You will bring your cells with you on the plane to the clinic in Cancun as carry-on luggage.", {("country", "MX")}),
    # a place naming an authority is no destination
    ("Your health information may be looked at or copied by the Sponsor and the U.S. Food and Drug Administration.",
     {("unknown", None)}),  # the sponsor, unlocated; not the United States
    ("Physical examination, Montreal Cognitive Assessment, and blood draw (4 x 10 mL EDTA) are done at Day 1.", set()),
    # cultured cells are biospecimens
    ("Early-passage fibroblast cultures are shipped on dry ice to the reference laboratory in Moscow.", {("country", "RU")}),
    # a receiver named before its verb, with a relative "which" and a noun-like "analysis" before it; a hyphenated
    # cohort name ending in "US" is no place
    ("Fine-mapping is led by the ILPC East Asian analysis node at the Hong Kong Psychiatric Genomics Laboratory, "
     "Victoria Harbour University, Hong Kong SAR, which will receive individual-level imputed dosages for LiRGen-US "
     "participants.", {("country", "HK")}),
    ("Member cohorts contribute imputed genotype dosages to the central analysis node in Mannheim, Germany.",
     {("country", "DE")}),
]


def _all_flows(tmp_path, text: str, role: str | None = None):
    """The flows extracted from one document holding `text` (its role given, or detected)."""
    path = tmp_path / f"{role or 'protocol'}.txt"
    path.write_text(text)
    return extract(build(ingest(path), "D1", role)).flows


def test_a_pronoun_in_the_next_step_of_a_numbered_list_refers_to_the_step_before(tmp_path):
    """'2. The cell bank freezes the cells in two vials.' / '3. You will bring it with you to ... Mexico.'"""
    text = (
        "HOW DOES THE TREATMENT WORK?\n\n1. Fat is removed from your belly in Houston.\n"
        "2. The cell bank in Houston separates cells from the fat and freezes them in two vials.\n"
        "3. You will pick up the dry shipper in Houston and bring it with you to our partner clinic in "
        "San Pedro Garza Garcia, Nuevo Leon, Mexico.\n"
    )
    flows = _all_flows(tmp_path, text, "consent")
    assert ("cells", "MX") in {(f.material, f.country) for f in flows}


def test_a_list_item_under_a_where_will_my_samples_go_title_states_where_they_go(tmp_path):
    text = (
        "WHERE WILL MY SAMPLES GO?\n\n- Safety blood tests: Meridian Central Laboratory, Indianapolis, "
        "Indiana.\n- Skin biopsies: Hanbit Genomics Inc., in Seoul, South Korea, which will extract RNA and "
        "read it to measure which genes are switched on in your skin.\n\nOTHER THINGS\n\n"
        "- Skin biopsies: we have partners in Seoul, South Korea.\n"
    )
    flows = _all_flows(tmp_path, text, "consent")
    assert {f.country for f in flows} == {"US", "KR"}
    assert len([f for f in flows if f.country == "KR"]) == 1  # the list under another title states no transfer


def test_an_abbreviation_defined_with_an_address_locates_the_recipient_it_names(tmp_path):
    """'Translational Medicine Center (TMC), ..., Shanghai' in a table: 'shipped ... to the TMC' goes to China; a
    possessor ('NDP's subcontractor listed in Appendix D') is not the recipient."""
    text = (
        "Role | Organization\n|---|---|\nBioanalytical laboratory | Translational Medicine Center (TMC), "
        "Yangtze Ocular Biopharma Co., Ltd., Building 3, Pudong New Area, Shanghai 201203\n\n"
        "8.4 Plasma PK samples are batch-shipped on dry ice every 8 weeks to the TMC for analysis.\n"
    )
    flows = _all_flows(tmp_path, text, "protocol")
    assert ("CN", "TMC") in {(f.country, f.organisation) for f in flows}


def test_a_label_letter_ends_a_sentence_and_a_hyphenated_participle_before_a_noun_is_no_action():
    from auditor.document.sentences import split
    from auditor.extract.flows import sentence_facts
    from auditor.extract.nlp import matchers

    text = "Blocks are stained by the subcontractor listed in Appendix D. Digital images are returned to NDP."
    assert len(split(text)) == 2
    assert len(split("Samples are sent to J. Smith at the laboratory.")) == 1
    m = matchers()
    title = "A Study of Culture-Expanded Adipose-Derived Stromal Cells Injected at a Clinic in Tijuana, Mexico"
    actions = [a.text for a in sentence_facts(m, m.nlp.make_doc(title), False, title).groups["ACTION"]]
    assert "Expanded" not in actions and "Injected" in actions
    batch = "Samples will be batch-shipped quarterly to the Sponsor's laboratory in South San Francisco."
    assert "shipped" in [a.text for a in sentence_facts(m, m.nlp.make_doc(batch), False, batch).groups["ACTION"]]
    verb = "T cells are lentivirus-transduced in Shenzhen."
    assert [a.text for a in sentence_facts(m, m.nlp.make_doc(verb), False, verb).groups["ACTION"]] == ["transduced"]


def test_a_place_in_a_clause_of_its_own_takes_that_clauses_negated_receiving_verb(tmp_path):
    text = (
        "No specimen, DNA or data is transferred to MGI Tech or to any other party outside the United "
        "States; personnel of the parent company located outside the United States have no access to the "
        "data.\n"
    )
    flows = _all_flows(tmp_path, text, "protocol")
    assert flows and {f.modality for f in flows} == {"negated"}


def test_an_origin_phrase_ends_at_a_table_cell(tmp_path):
    """'(all regions from Amendment 3)' in the first cell does not make the address cell an origin."""
    text = (
        "Function | Laboratory | Address\n|---|---|---|\nPK and immunogenicity (all regions from Amendment 3) | "
        "Kaskad Bioanalytical Centre LLC (KBC) | Nauchny Proyezd 19, Moscow 117246, Russian Federation\n\n"
        "9.4 All PK samples are shipped on dry ice to Kaskad Bioanalytical Centre LLC (KBC).\n"
    )
    flows = _all_flows(tmp_path, text, "protocol")
    assert "RU" in {f.country for f in flows}


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_destinations(sentence, expected, tmp_path):
    path = tmp_path / "case.txt"
    path.write_text(sentence + "\n")
    flows = extract(build(ingest(path), "D1")).flows
    assert {(f.destination_kind, f.country) for f in flows} == expected


def test_abbreviation_and_reference_lists_are_not_destinations(tmp_path):
    path = tmp_path / "protocol.txt"
    path.write_text(
        "LIST OF ABBREVIATIONS\n\nCN China samples shipped to laboratory\nRU Russia\n\n"
        "1 INTRODUCTION\n\nSamples will be analysed at the site.\n\n"
        "2 REFERENCES\n\nZhang L. Samples shipped to Beijing for sequencing. Lancet 2019;3:1-9.\n"
    )
    assert extract(build(ingest(path), "D1")).flows == ()




def _flows(tmp_path, text):
    return {(f.destination_kind, f.country, f.organisation) for f in _all_flows(tmp_path, text)}


def test_a_table_named_recipient_is_found_by_its_abbreviation_and_short_names(tmp_path):
    table = ("Laboratory                                   Activity            Address\n"
             "Arawak Virology Laboratory                   RT-qPCR             Rockville, Maryland, USA\n"
             "Centro Caribeno de Referencia en Arbovirus   PRNT50              Avenida 11, Boyeros, La Habana, Cuba\n"
             "Lingnan Neuroimmunology Reference Centre     Antibody panel      Yuexiu District, Guangzhou, PRC\n"
             "Alborz Institute of Ocular Genomics          Genotyping          Tehran, Iran\n\n")
    text = table + ("The assays are run with the Centro Caribeno de Referencia en Arbovirus (CCRA).\n\n"
                    "Serum aliquots are batched at the sponsor's Rockville laboratory and sent every 3 months to CCRA.\n\n"
                    "CSF aliquots will be forwarded quarterly to the Lingnan Centre.\n\n"
                    "DNA aliquots will be shipped on dry ice to the Alborz Institute.\n")
    found = _flows(tmp_path, text)
    assert ("country", "CU", "CCRA") in found
    assert ("country", "CN", "Lingnan Centre") in found
    assert ("country", "IR", "Alborz Institute") in found


def test_an_address_naming_a_sar_and_china_is_in_the_sar(tmp_path):
    text = ("Material        Holder                                         Location\n"
            "Plasma          Cotai Institute for Chinese Medicine Analytics  Taipa, Macau SAR, People's Republic of China\n"
            "Serum           Willamette Core Laboratory                     Portland, Oregon, USA\n\n"
            "Two plasma cryovials are exported quarterly from the Biospecimen Core to the Cotai Institute.\n")
    assert ("country", "MO", "Cotai Institute") in _flows(tmp_path, text)


def test_a_material_in_an_aside_is_not_what_the_action_acts_on(tmp_path):
    path = tmp_path / "protocol.txt"
    path.write_text("Secondary and tertiary analysis (alignment, variant calling and reversion surveillance in cfDNA) is "
                    "processed by our partner, whose platform is hosted in its data centre in Haidian District, Beijing.\n")
    flows = extract(build(ingest(path), "D1")).flows
    assert {(f.material, f.country) for f in flows} == {("genetic_data", "CN")}


def test_in_a_list_of_addresses_a_name_takes_the_place_after_it(tmp_path):
    text = ("APPENDIX 4. LABORATORY ADDRESSES FOR SHIPMENT\n\n"
            "Palisade Central Laboratory Services, 1200 Dupont Highway, Wilmington, DE 19801, USA\n"
            "Reference laboratory: Ob Valley Arbovirus Reference Laboratory, Building 3, 12 Akademika Lavrentyeva "
            "Prospekt, Novosibirsk 630090, Russian Federation\n\n"
            "1 SAMPLES\n\nPrimary aliquots are couriered in batches on dry ice to the reference laboratory (address in "
            "Appendix 4).\n")
    assert ("country", "RU", "reference laboratory") in _flows(tmp_path, text)


def test_a_cell_product_code_is_the_cells_it_was_defined_as(tmp_path):
    text = ("Investigational product: LCT-G5D, autologous T cells transduced with a lentiviral vector.\n\n"
            "6.2 Manufacture\n\nLCT-G5D is manufactured for this study by the sponsor's contract manufacturing partner, "
            "Pengcheng CellWorks Co., Ltd., at its GMP facility in Nanshan District, Shenzhen, Guangdong Province.\n")
    flows = _all_flows(tmp_path, text)
    assert {(f.material, f.action, f.country) for f in flows} == {("cells", "manufacture", "CN")}


def test_a_thing_made_for_the_product_is_not_the_product(tmp_path):
    """'the LCT-G5D lentiviral vector is manufactured ... in Belgium' places the vector, not the cells."""
    text = ("Investigational product: LCT-G5D, autologous T cells transduced with a lentiviral vector.\n\n"
            "6.2 Manufacture\n\nLCT-G5D is manufactured at the Center's facility in Baltimore, Maryland. The GMP "
            "LCT-G5D lentiviral vector is manufactured under contract by Vectora SA, Nivelles, Belgium. LCT-G5D and "
            "its plasmids are stored in Baltimore.\n")
    flows = _all_flows(tmp_path, text)
    assert {(f.material, f.action, f.country) for f in flows if f.material == "cells"} == \
        {("cells", "manufacture", "US"), ("cells", "store", "US")}


def test_a_numbered_table_reference_takes_the_row_it_names(tmp_path):
    text = ("9 SAMPLES\n\nSites ship frozen plasma monthly on dry ice to the LRETC Biorepository (Columbus, Ohio), which "
            "batches primary aliquots for bioanalysis and ships them to the bioanalytical vendor in Table 9-2.\n\n"
            "Table 9-2. Laboratory Vendors and Specimen Locations\n\n"
            "Specimen             | Laboratory                                 | Location\n"
            "Plasma PK (primary)  | Tianfu Meridian Bioanalytical Laboratories | Chengdu, Sichuan 610041, China\n"
            "Plasma PK (back-up)  | LRETC Biorepository                        | Columbus, Ohio, USA\n")
    assert ("country", "CN", None) in _flows(tmp_path, text)


def test_a_shipment_whose_recipient_is_named_in_the_sentence_before(tmp_path):
    """'... at the arbovirus reference laboratory (see Appendix C). Suncoast Central Laboratory forwards one aliquot
    ...': the sender is named, the recipient was named just before, and the appendix places it."""
    appendix = ("APPENDIX C. LABORATORY ADDRESSES\n\nSuncoast Central Laboratory\n  7100 Lake Underhill Road, Orlando, "
                "Florida 32807, United States\n\nArbovirus reference laboratory (neutralization)\n  Laboratorio de "
                "Referencia de Arbovirus del Caribe (LRAC)\n  Calle 15 No. 1052 entre 10 y 12, Vedado\n  La Habana 10400, "
                "Cuba\n  Contact: Jefa de Laboratorio, +53 7 555 0140\n")
    text = ("6 LABORATORY\n\n6.2 Serum is shipped monthly to Suncoast Central Laboratory, Orlando, Florida.\n\n"
            "6.4 Neutralizing antibody titres are determined at the designated arbovirus reference laboratory (see "
            "Appendix C). Suncoast Central Laboratory forwards one aliquot per timepoint on dry ice.\n\n" + appendix)
    assert ("country", "CU", "reference laboratory") in _flows(tmp_path, text)
    # the sentence before names the sender itself: no shipment to where the sender already is
    text = ("6 LABORATORY\n\n6.2 Serum is tested at Suncoast Central Laboratory. Suncoast Central Laboratory "
            "forwards one aliquot per timepoint on dry ice.\n\n" + appendix)
    assert not any(country == "CU" for _, country, _ in _flows(tmp_path, text))


def test_the_place_of_a_receiving_subject_is_where_the_data_go(tmp_path):
    """'The Saint Petersburg team downloads the VCF'; 'Investigators at X (Saint Petersburg, Russia) ... with read
    access to the CRAM files': the subject receives, so its place is the destination."""
    text = ("6 DATA\n\n6.2 Investigators at Neva State Medical University (Saint Petersburg, Russia) are added as "
            "members of the shared workspace, with read access to coded CRAM files.\n\n"
            "6.3 The Saint Petersburg team downloads the joint-called VCF to its own server.\n\n"
            "6.4 Samples from sites in Shanghai are received at the central laboratory in Columbus, Ohio.\n")
    flows = _flows(tmp_path, text)
    assert ("country", "RU", None) in flows
    assert not any(country == "CN" for _, country, _ in flows)  # "from sites in Shanghai" is an origin
    # another clause between the place and the verb: the place is not the receiver
    text = "8 RISKS\n\nChina is a country of concern, and its government could seek access to DNA samples held there.\n"
    assert not any(country == "CN" for _, country, _ in _flows(tmp_path, text))


def test_a_place_name_that_names_a_street_is_no_place(tmp_path):
    text = ("5 SAMPLES\n\nSerum is shipped to Hangang Clinical Reference Laboratory, 23 Teheran-ro 98-gil, Gangnam-gu, "
            "Seoul 06180, Republic of Korea. Plasma is sent to Bluegrass Labs, 100 Paris Road, Lexington, Kentucky.\n")
    countries = {country for _, country, _ in _flows(tmp_path, text)}
    assert "IR" not in countries and "FR" not in countries and "KR" in countries


def test_genotype_files_and_remote_access_from_abroad_are_genetic_data_going_there(tmp_path):
    text = ("APPENDIX B - DATA MANAGEMENT\n\nB.2 Caracas. Investigators at IMTA, Caracas, Venezuela, are given accounts on "
            "the secure research desktop. From Caracas they access, remotely, the coded genotype matrix for the "
            "association analysis.\n\nB.3 Bogota. Coded genotype files for the replication panel are transferred by "
            "encrypted file transfer to the UAB Genetic Epidemiology Unit, Carrera 7 No. 40-62, Bogota, Colombia.\n")
    flows = {(f.material, f.country) for f in _all_flows(tmp_path, text)}
    assert {("genetic_data", "VE"), ("genetic_data", "CO")} <= flows
    # a passive receiving verb after a sentence-opening "from" keeps the place an origin
    text = "5 SAMPLES\n\nFrom Shanghai, samples are received by the central laboratory in Columbus, Ohio.\n"
    assert not any(country == "CN" for _, country, _ in _flows(tmp_path, text))


def test_a_company_named_after_a_foreign_city_is_where_its_address_says(tmp_path):
    text = ("6 ANALYSIS\n\n6.4 Alignment and variant calling are performed under subcontract by Moscow Mountain "
            "Bioinformatics, LLC, 121 East Third Street, Moscow, Idaho 83843.\n\n"
            "Analysis (FASTQ, CRAM) | Moscow Mountain Bioinformatics, LLC, on RBU | Moscow, Idaho | 10 years\n")
    assert not any(country == "RU" for _, country, _ in _flows(tmp_path, text))
    # a name keeps its city when nothing but a conjunction follows ("Eurofins Genomics Shanghai and Boston")
    text = "6 SAMPLES\n\nDNA is shipped to Eurofins Genomics Shanghai and then to a laboratory in Boston, Massachusetts.\n"
    assert any(country == "CN" for _, country, _ in _flows(tmp_path, text))


def test_no_before_a_number_is_the_number_sign_and_abbreviated_streets_are_streets(tmp_path):
    text = ("5 SAMPLES\n\n5.4 DNA aliquots will be hand-carried by Dr. Ebadi in a dry shipper during his visits to No. 12, "
            "Keshavarz Boulevard, Tehran 14176.\n\n5.5 Drug product QC samples are stored at the CGMF QC Laboratory, "
            "1850 S. Havana St, Aurora, CO.\n")
    flows = {(f.country, f.modality) for f in _all_flows(tmp_path, text)}
    assert ("IR", "asserted") in flows and not any(country == "CU" for country, _ in flows)


def test_parties_placed_in_the_sentence_before_receive_what_they_download(tmp_path):
    text = ("8 DATA\n\n8.3 The Consortium partner institutions with workspace access are Leiden University Medical "
            "Center (Leiden) and the Research Centre for Hereditary Myelin Disorders, Moscow. Partners access the "
            "workspace remotely and may download variant-level data for joint analyses.\n")
    flows = {(f.material, f.country) for f in _all_flows(tmp_path, text)}
    assert {("genetic_data", "RU"), ("genetic_data", "NL")} <= flows


def test_a_sentence_pointing_to_an_appendix_table_takes_the_row_it_names(tmp_path):
    """'by NDP's histology subcontractor listed in Appendix D': the appendix's vendor table, the row sharing the
    sentence's words (histology, subcontractor), and that row's country."""
    text = ("7.3 Histopathology. Tissue capsules are processed to paraffin blocks, sectioned and stained by NDP's "
            "histology subcontractor listed in Appendix D.\n\n"
            "APPENDIX D  LABORATORIES AND VENDORS\n\n"
            "Function                 Vendor                               Address\n"
            "Serum biomarkers         Cobalt Bioanalytical Services        5100 Mineral Point Rd, Madison, WI 53705, USA\n"
            "Explant core laboratory  Northstar Device Pathology (NDP)     2500 University Ave SE, Minneapolis, MN, USA\n"
            "Histology processing     Histotecnica Centroamericana S.A.    Edificio Forum II, San Jose, Costa Rica   "
            "(subcontractor to NDP)\n")
    flows = [f for f in _all_flows(tmp_path, text) if f.sentence.start < 30]  # after the run-in title
    assert {(f.destination_kind, f.country) for f in flows} == {("country", "CR")}


def test_an_address_set_out_below_a_sentence_ending_in_a_colon_is_its_destination(tmp_path):
    text = ("8.3  Anti-EGF titre. Serum aliquots are therefore shipped on dry ice every\n     6 months to:\n\n"
            "         Laboratorio de Referencia de Inmunoensayos\n         Calle 216 esquina a 15, Atabey, Playa\n"
            "         La Habana, Cuba\n\n     Results are returned to the site by encrypted e-mail.\n")
    assert {(f.destination_kind, f.country) for f in _all_flows(tmp_path, text)} == {("country", "CU")}


def test_data_made_available_to_parties_the_next_list_item_places(tmp_path):
    text = ("### 6.2 International consortium\n"
            "- individual-level genotype and WGS-derived variant calls are made available in the federated workspace to "
            "analysts at member institutions;\n"
            "- current member institutions outside the United States include the Rotterdam Aging Genomics Unit "
            "(Rotterdam, Netherlands) and the Neva Institute (Saint Petersburg, Russian Federation);\n"
            "- analysts may download summary statistics.\n")
    path = tmp_path / "protocol.md"
    path.write_text(text)
    flows = extract(build(ingest(path), "D1")).flows
    assert {(f.material, f.country) for f in flows} == {("genetic_data", "NL"), ("genetic_data", "RU")}


def test_a_place_word_in_a_recipients_own_name_does_not_locate_it(tmp_path):
    """'Sponsor: Moscow Mountain Diagnostics, Inc. (MMD)' alone says nothing of where MMD is (Idaho here)."""
    text = ("MOSCOW MOUNTAIN DIAGNOSTICS, INC.\n1010 South Main Street, Moscow, Idaho 83843, USA\n\n"
            "Sponsor:            Moscow Mountain Diagnostics, Inc. (MMD)\n"
            "Funding:            MMD. No federal funding.\n\n"
            "9 SPECIMENS\n\n9.4 Residual aliquots are transferred from the reference laboratory to the MMD "
            "Specimen Repository.\n")
    assert not any(country == "RU" for _, country, _ in _flows(tmp_path, text))


def test_a_vendor_row_naming_a_genotype_analysis_sends_genetic_data_where_the_row_says(tmp_path):
    """'Imputation and GWAS | Lotus Peak Analytics Pte. Ltd. | Singapore (company); Macao SAR (data centre)'."""
    text = ("Table 8-1 Laboratory and data-processing vendors\n\n"
            "| Vendor | Activity | Location |\n|---|---|---|\n"
            "| Prairie Genotyping Center | DNA extraction, SNP array genotyping | Omaha, NE, USA |\n"
            "| Lotus Peak Analytics Pte. Ltd. | Imputation and GWAS (OmniCohort platform) | Singapore (company); "
            "Macao SAR (data centre) |\n")
    flows = {(f.material, f.country) for f in _all_flows(tmp_path, text)}
    assert ("genetic_data", "MO") in flows
