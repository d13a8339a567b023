#!/usr/bin/env python3
"""Writes the ICEWS and GDELT test fixtures (Tests/DiploGraphTests/Fixtures/*.tab, *.tsv):
small files in the datasets' real column layouts, with rows written for the tests."""
import os

OUT = os.path.join("Tests", "DiploGraphTests", "Fixtures")

ICEWS_HEADER = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
                "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
                "City", "District", "Province", "Country", "Latitude", "Longitude"]
ICEWS_ROWS = [
    # id, date, source name, source country, text, cameo, target name, target country
    ("26001", "2017-08-08", "Donald Trump", "United States", "Threaten with military force", "138", "North Korea", "North Korea"),
    ("26002", "2018-04-27", "Moon Jae-in", "South Korea", "Host a visit", "043", "Kim Jong-Un", "North Korea"),
    ("26003", "2018-06-12", "Donald Trump", "United States", "Meet at 'third' location", "044", "Kim Jong-Un", "North Korea"),
    ("26004", "2018-06-12", "Kim Jong-Un", "North Korea", "Sign formal agreement", "057", "Donald Trump", "United States"),
    ("26005", "2018-09-18", "Moon Jae-in", "South Korea", "Mediate", "045", "Government (North Korea)", "North Korea"),
    ("26006", "2018-03-08", "Moon Jae-in", "South Korea", "Express intent to meet or negotiate", "036", "Donald Trump", "United States"),
    ("26007", "2019-04-11", "Donald Trump", "United States", "Impose embargo, boycott, or sanctions", "163", "North Korea", "North Korea"),
    ("26008", "2019-02-28", "Ri Yong-Ho", "North Korea", "Negotiate", "046", "Mike Pompeo", "United States"),
    ("26009", "2018-01-09", "Moon Jae-in", "South Korea", "Make a visit", "042", "Citizen (South Korea)", "South Korea"),
    ("26010", "2018-11-30", "UN Security Council", "", "Ease economic sanctions, boycott, embargo", "0854", "South Korea", "South Korea"),
    ("26011", "2017-09-03", "North Korea", "North Korea", "Use conventional military force", "190", "Japan", "Japan"),
    ("26012", "2020-01-01", "Kim Jong-Un", "North Korea", "Reject proposal to meet, discuss, or negotiate", "1246", "United States", "United States"),
]

# GDELT 1.0 (58 columns) and 2.0 (61 columns): geography blocks gain an ADM2 code in 2.0.
def gdelt_row(version, event_id, sqldate, a1name, a1country, a2name, a2country, code):
    row = [event_id, sqldate, sqldate[:6], sqldate[:4], f"{sqldate[:4]}.{int(sqldate[4:6]) * 8:04d}",
           (a1country + "GOV") if a1country else "", a1name, a1country, "", "", "", "", "GOV" if a1country else "", "", "",
           (a2country + "GOV") if a2country else "", a2name, a2country, "", "", "", "", "GOV" if a2country else "", "", "",
           "1", code, code[:3], code[:2], "1", "3.5", "10", "2", "10", "-1.25"]
    geo = 7 if version == 1 else 8
    for _ in range(3):
        block = ["4", "Singapore, Singapore (general), Singapore", "SN", "SN00"] + ([""] if geo == 8 else []) + ["1.3667", "103.8", "-1"]
        row += block
    row += ["20180613" if version == 1 else "20180613120000", "https://example.org/news/" + event_id]
    assert len(row) == (58 if version == 1 else 61), len(row)
    return row

GDELT_ROWS = [
    ("750001", "20180612", "DONALD TRUMP", "USA", "KIM JONG UN", "PRK", "044"),
    ("750002", "20180612", "KIM JONG UN", "PRK", "DONALD TRUMP", "USA", "057"),
    ("750003", "20180427", "MOON JAE-IN", "KOR", "KIM JONG UN", "PRK", "0431"),
    ("750004", "20170808", "UNITED STATES", "USA", "NORTH KOREA", "PRK", "138"),
    ("750005", "20180918", "SEOUL", "KOR", "SEOUL", "KOR", "042"),
    ("750006", "20181130", "UNITED NATIONS", "", "SOUTH KOREA", "KOR", "0854"),
    ("750007", "20190411", "UNITED STATES", "USA", "NORTH KOREA", "PRK", "1631"),
    ("750008", "20190630", "DONALD TRUMP", "USA", "KIM JONG UN", "PRK", "020"),
]

def main():
    with open(os.path.join(OUT, "icews-sample.tab"), "w") as f:
        f.write("\t".join(ICEWS_HEADER) + "\n")
        for (eid, date, sname, scountry, text, cameo, tname, tcountry) in ICEWS_ROWS:
            row = [eid, date, sname, "Government", scountry, text, cameo, "1.0", tname, "Government", tcountry,
                   "3" + eid, "1", "Yonhap News Agency", "Seoul", "", "Seoul", "South Korea", "37.566", "126.9784"]
            f.write("\t".join(row) + "\n")
    for version in (1, 2):
        with open(os.path.join(OUT, f"gdelt{version}-sample.tsv"), "w") as f:
            for r in GDELT_ROWS:
                f.write("\t".join(gdelt_row(version, *r)) + "\n")

main()
