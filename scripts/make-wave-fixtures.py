#!/usr/bin/env python3
"""Makes fixtures/waves/westmark-2025 and westmark-2026: two survey waves of the Net-Zero
Neighbourhoods mission (the hand-made mission of fixtures/warnings, cleaned: ids for names,
known kinds, undirected ties), a year apart, with the changes a mission team would see:

  - joined in 2026: Warmth Heat Pumps Ltd, Climate Policy Lab, Westmark Youth Council
  - left after 2025: Westmark Gas (the gas utility)
  - renamed: the energy cooperative's id was `coop-westmark` in 2025 (same name)
  - energy and housing had no tie in 2025; in 2026 they have several
  - commitment rose for four actors and fell for one
  - in 2025 the tenants' union was only consulted; in 2026 it is a partner

And fixtures/healthy-lives-2040/wave-2025: the example mission's first survey wave, a year
before its sheets:

  - joined in 2026: the food bank network, the sports federation, two community groups and the
    nature-and-health CSO
  - left after 2025: the National Obesity Alliance and the Pharmacy Chain Group
  - renamed: the colleges' id was `vocational-colleges` in 2025 (same name)
  - food and research, and food and health, had no tie in 2025
  - six actors active in 2026 were only pledged in 2025

Deterministic; the tests read the committed files.
  python3 scripts/make-wave-fixtures.py
"""
import csv
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "fixtures", "warnings", "net-zero-neighbourhoods")
OUT = os.path.join(ROOT, "fixtures", "waves")
KINDS = {"NGO": "cso", "charity": "cso", "foundation": "funder", "think tank": "research", "Community Group": "community"}


def read(name):
    with open(os.path.join(SOURCE, name), encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f, delimiter=";") if r and any(c.strip() for c in r)]
    return rows


def main():
    rows = read("actors.csv")[1:]  # the title row goes
    header, actors = rows[0], rows[1:]
    names = {}
    clean = []
    for r in actors:
        a = dict(zip(header, r))
        a["kind"] = KINDS.get(a["kind"], a["kind"])
        a["sector"] = a["sector"].replace("; ", "|")
        for k in ("influence", "interest"):
            a[k] = a[k].replace(",", ".")
        names[a["name"]] = a["id"]
        clean.append(a)
    ties = []
    seen = set()
    for r in read("ties.csv")[1:]:
        s, t, relation, strength, commitment, _ = r
        s, t = names.get(s, s), names.get(t, t)
        if (frozenset((s, t)), relation) in seen:
            continue  # the hand-made sheet repeats two ties; a clean wave does not
        seen.add((frozenset((s, t)), relation))
        ties.append({"source": s, "target": t, "relation": relation, "strength": strength, "commitment": commitment})

    def write(folder, actors, ties):
        os.makedirs(os.path.join(OUT, folder), exist_ok=True)
        with open(os.path.join(OUT, folder, "actors.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
            w.writeheader()
            w.writerows(actors)
        with open(os.path.join(OUT, folder, "ties.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=["source", "target", "relation", "strength", "commitment"], lineterminator="\n")
            w.writeheader()
            w.writerows(ties)

    write("westmark-2026", clean, ties)

    joined = {"heatpump", "policy-lab", "youth-council"}
    earlier = [dict(a) for a in clean if a["id"] not in joined]
    for a in earlier:
        if a["id"] == "energy-coop":
            a["id"] = "coop-westmark"
        a["commitment"] = {"min-housing": "pledged", "city-south": "pledged", "bank": "exploring", "installers": "exploring",
                           "gridco": "active"}.get(a["id"], a["commitment"])
    earlier.append({"id": "gas-utility", "name": "Westmark Gas", "kind": "business", "sector": "energy", "level": "regional",
                    "influence": "4", "interest": "2", "stance": "opposed", "voices": "", "commitment": "none"})
    energy = {"min-energy", "energy-agency", "gridco", "installers", "energy-coop"}
    housing = {"min-housing", "housing-agency", "builders", "tenants-union", "housing-coop"}
    rename = {"energy-coop": "coop-westmark"}
    earlier_ties = []
    for t in ties:
        if t["source"] in joined or t["target"] in joined:
            continue
        ends = {t["source"], t["target"]}
        if ends & energy and ends & housing:
            continue  # energy and housing did not yet work together
        if "tenants-union" in ends and t["relation"] == "partnership":
            t = dict(t, relation="consultation", commitment="")
        earlier_ties.append(dict(t, source=rename.get(t["source"], t["source"]), target=rename.get(t["target"], t["target"])))
    earlier_ties += [
        {"source": "gas-utility", "target": "min-energy", "relation": "partnership", "strength": "2", "commitment": "exploring"},
        {"source": "gas-utility", "target": "gridco", "relation": "partnership", "strength": "2", "commitment": "exploring"},
        {"source": "gas-utility", "target": "city-north", "relation": "information", "strength": "1", "commitment": ""},
    ]
    write("westmark-2025", earlier, earlier_ties)
    print("wrote fixtures/waves/westmark-2025 and westmark-2026")
    dated(clean, ties, earlier, earlier_ties, joined)
    healthy_lives()


def dated(actors, ties, earlier, earlier_ties, joined):
    """fixtures/waves/westmark-dated: both Westmark waves in one pair of sheets, with
    valid_from/valid_until: the newcomers and the new energy-housing ties from 2026, the gas
    utility and its ties until the end of 2025 (ids as in 2026; commitment as in 2026)."""
    folder = os.path.join(OUT, "westmark-dated")
    os.makedirs(folder, exist_ok=True)
    new_ties = {(t["source"], t["target"], t["relation"]) for t in ties}
    old_keys = {(t["source"].replace("coop-westmark", "energy-coop"), t["target"].replace("coop-westmark", "energy-coop"), t["relation"]) for t in earlier_ties}
    with open(os.path.join(folder, "actors.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "kind", "sector", "commitment", "valid_from", "valid_until"])
        for a in actors:
            w.writerow([a["id"], a["name"], a["kind"], a["sector"], a["commitment"], "2026-01-15" if a["id"] in joined else "", ""])
        w.writerow(["gas-utility", "Westmark Gas", "business", "energy", "none", "", "2025-12-31"])
    with open(os.path.join(folder, "ties.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "relation", "strength", "valid_from", "valid_until"])
        for t in ties:
            key = (t["source"], t["target"], t["relation"])
            w.writerow([t["source"], t["target"], t["relation"], t["strength"], "" if key in old_keys else "2026-03-01", ""])
        for t in earlier_ties:
            key = (t["source"].replace("coop-westmark", "energy-coop"), t["target"].replace("coop-westmark", "energy-coop"), t["relation"])
            if key not in new_ties:
                w.writerow([key[0], key[1], key[2], t["strength"], "", "2025-12-31"])
    print("wrote fixtures/waves/westmark-dated")


def healthy_lives():
    folder = os.path.join(ROOT, "fixtures", "healthy-lives-2040")
    with open(os.path.join(folder, "actors.csv"), encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields, actors = reader.fieldnames, list(reader)
    with open(os.path.join(folder, "ties.csv"), encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        tie_fields, ties = reader.fieldnames, list(reader)
    joined = {"cso-foodbank", "cso-sportsfed", "comm-eastside", "comm-walking-club", "cso-nature-health"}
    rename = {"colleges": "vocational-colleges"}
    sector = {a["id"]: a["sector"].split("|")[0] for a in actors}
    lower = [a["id"] for a in actors if a["commitment"] == "active" and a["id"] not in joined][:6]
    earlier = []
    for a in actors:
        if a["id"] in joined:
            continue
        a = dict(a, id=rename.get(a["id"], a["id"]))
        if a["id"] in lower:
            a["commitment"] = "pledged"
        earlier.append(a)
    blank = {k: "" for k in fields}
    earlier.append(dict(blank, id="cso-obesity", name="National Obesity Alliance", kind="cso", sector="health", level="national",
                        influence="2", interest="5", stance="supportive", commitment="active"))
    earlier.append(dict(blank, id="pharmacy-chain", name="Pharmacy Chain Group", kind="business", sector="health", level="national",
                        influence="3", interest="2", stance="neutral", commitment="exploring"))
    earlier_ties = []
    for t in ties:
        ends = {t["source"], t["target"]}
        if ends & joined:
            continue
        pair = {sector[t["source"]], sector[t["target"]]}
        if pair in ({"food", "research"}, {"food", "health"}) and t["relation"] != "opposition":
            continue  # food worked on its own in 2025
        earlier_ties.append(dict(t, source=rename.get(t["source"], t["source"]), target=rename.get(t["target"], t["target"])))
    blank_tie = {k: "" for k in tie_fields}
    for s, t, r, w, c in [("cso-obesity", "min-health", "partnership", "2", "active"), ("cso-obesity", "cso-diabetes", "partnership", "2", "active"),
                          ("cso-obesity", "phi", "information", "1", ""), ("pharmacy-chain", "gp-assoc", "partnership", "1", "exploring"),
                          ("pharmacy-chain", "min-health", "information", "1", "")]:
        earlier_ties.append(dict(blank_tie, source=s, target=t, relation=r, strength=w, commitment=c))
    out = os.path.join(folder, "wave-2025")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "actors.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(earlier)
    with open(os.path.join(out, "ties.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=tie_fields, lineterminator="\n")
        w.writeheader()
        w.writerows(earlier_ties)
    print("wrote fixtures/healthy-lives-2040/wave-2025")


if __name__ == "__main__":
    main()
