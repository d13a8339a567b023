#!/usr/bin/env python3
"""Writes the POLECAT test fixtures (run once; the outputs are committed).

The header is the one printed in the public Temporal Graph Benchmark repository
(shenyangHuang/TGB, tgb/datasets/tkgl_polecat/tkgl_polecat.py). The rows are made up for the
tests: they carry the malformations the published files are known for (tabs after the last
column, single quotes inside values, several values joined by semicolons, None for empty).

Usage: Scripts/reference/make-polecat-fixtures.py Tests/DiploGraphTests/Fixtures
"""
import sys
import zipfile

HEADER = ("Event ID\tEvent Date\tEvent Type\tEvent Mode\tIntensity\tQuad Code\tContexts\tActor Name\tActor Country\t"
          "Actor COW\tPrimary Actor Sector\tActor Sectors\tActor Title\tActor Name Raw\tWikipedia Actor ID\tRecipient Name\t"
          "Recipient Country\tRecipient COW\tPrimary Recipient Sector\tRecipient Sectors\tRecipient Title\tRecipient Name Raw\t"
          "Wikipedia Recipient ID\tPlacename\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\tGeoNames ID\tRaw Placename\t"
          "Feature Type\tSource\tPublication Date\tStory People\tStory Organizations\tStory Locations\tLanguage\tVersion").split("\t")


def row(**values):
    names = {"id": "Event ID", "date": "Event Date", "type": "Event Type", "mode": "Event Mode", "contexts": "Contexts",
             "actor": "Actor Name", "actor_country": "Actor Country", "actor_sector": "Primary Actor Sector",
             "recipient": "Recipient Name", "recipient_country": "Recipient Country",
             "recipient_sector": "Primary Recipient Sector", "people": "Story People"}
    fields = ["None"] * len(HEADER)
    for key, value in values.items():
        fields[HEADER.index(names[key])] = value
    return "\t".join(fields)


GOOD = [
    # Tabs after the last column.
    row(id="pc1", date="2023-01-15", type="consult", mode="visit", contexts="diplomatic", actor="Antony Blinken",
        actor_country="USA", actor_sector="GOV", recipient="Wang Yi", recipient_country="CHN", recipient_sector="GOV") + "\t\t",
    # A compound actor: countries, sectors and names joined by semicolons.
    row(id="pc2", date="2023-02-24", type="ACCUSE", contexts="military;diplomatic", actor="Joe Biden;Emmanuel Macron",
        actor_country="USA;FRA", actor_sector="GOV;MIL", recipient="Vladimir Putin", recipient_country="RUS", recipient_sector="GOV"),
    # Single quotes inside values.
    row(id="pc3", date="2023-04-08", type="assault", mode="conventional", actor="China's 'Eastern Theater' command",
        actor_country="CHN", actor_sector="MIL", recipient="Taiwan", recipient_country="TWN", people="O'Brien"),
]
BAD_AND_SKIPPED = [
    row(id="pc4", date="2023-05-01", type="reject", actor="Kim Jong Un", actor_country="PRK", recipient_country="None"),
    row(id="pc5", date="2023-05-02", type="protest", actor_country="USA", recipient_country="USA"),
    row(id="pc6", date="2023-05-03", type="request", actor_country="KOR", recipient_country="JPN"),
    row(id="pc7", date="None", type="coerce", actor_country="RUS", recipient_country="UKR"),
    row(id="pc8", date="2023-05-05", type="DANCE", actor_country="RUS", recipient_country="UKR"),
    "pc9\t2023-05-06\tsanction",
    row(id="pc10", date="2023-05-07", type="sanction", actor_country="USA", recipient_country="IRN") + "\t\tstray",
]


def main(folder):
    with open(f"{folder}/polecat-sample.txt", "w", newline="") as f:
        f.write("\t".join(HEADER) + "\t\n")
        for line in GOOD + BAD_AND_SKIPPED:
            f.write(line + "\r\n")
        f.write("\n")
    with zipfile.ZipFile(f"{folder}/polecat-2023.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("ngecEventsDV-2023/", "")
        z.writestr("ngecEventsDV-2023/2023-Jan.txt", "\t".join(HEADER) + "\n" + GOOD[0] + "\n")
        z.writestr("ngecEventsDV-2023/2023-Feb.txt", "\t".join(HEADER) + "\n" + "\n".join(GOOD[1:]) + "\n")
        z.writestr("__MACOSX/ngecEventsDV-2023/._2023-Jan.txt", "not data")
        z.writestr("ngecEventsDV-2023/codebook.pdf", "not data")
    with zipfile.ZipFile(f"{folder}/polecat-nodata.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("README.md", "This archive holds no data file.\n")


if __name__ == "__main__":
    main(sys.argv[1])
