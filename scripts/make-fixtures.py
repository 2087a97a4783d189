#!/usr/bin/env python3
"""Regenerates the example missions in fixtures/ (seeded: same output every run).

    python3 scripts/make-fixtures.py

healthy-lives-2040/: a fictional national health mission, ~120 actors, CSV pair + mission.yaml.
liveable-streets/:   a fictional city mission, ~40 actors, Gephi-style `;` CSV pair, and the same
                     network as GraphML and GEXF written by networkx (pip install networkx).
What is planted in each is documented in the fixture's README.md. No real organisation is named.
"""
import csv
import os
import random

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")

# ---------------------------------------------------------------------------------------------
# Healthy Longer Lives 2040
# ---------------------------------------------------------------------------------------------

def healthy_lives():
    rng = random.Random(2040)
    actors = []  # dicts

    def add(id, name, kind, sector, level, influence, interest, stance, voices, commitment, budget="", notes=""):
        actors.append(dict(id=id, name=name, kind=kind, sector=sector, level=level, influence=influence,
                           interest=interest, stance=stance, voices=voices, commitment=commitment,
                           budget_meur=budget, notes=notes))

    # Seven ministries, each in its own sector.
    add("min-health", "Ministry of Health, Welfare and Sport", "ministry", "health", "national", 5, 5, "supportive", "", "active", 21000)
    add("min-social", "Ministry of Social Affairs and Employment", "ministry", "social", "national", 5, 3, "supportive", "", "exploring", 35000)
    add("min-educ", "Ministry of Education and Science", "ministry", "education", "national", 5, 2, "neutral", "", "exploring", 40000)
    add("min-food", "Ministry of Agriculture, Nature and Food", "ministry", "food", "national", 4, 2, "neutral", "", "none", 3000)
    add("min-econ", "Ministry of Economic Affairs", "ministry", "economy", "national", 5, 2, "neutral", "", "exploring", 6000)
    add("min-fin", "Ministry of Finance", "ministry", "finance", "national", 5, 1, "neutral", "", "none", 4000)
    add("min-housing", "Ministry of Housing and Spatial Planning", "ministry", "housing", "national", 4, 3, "supportive", "", "exploring", 9000)
    # Agencies.
    add("phi", "National Public Health Institute", "agency", "health|research", "national", 4, 5, "supportive", "", "leading", 450)
    add("food-auth", "Food and Product Safety Authority", "agency", "food", "national", 3, 3, "neutral", "", "exploring", 190)
    add("innov-agency", "National Innovation Agency", "agency", "economy|research", "national", 4, 4, "supportive", "", "active", 900, "mission-oriented calls since 2024")
    add("health-research", "Health Research and Innovation Council", "funder", "health|research", "national", 4, 5, "supportive", "", "active", 350)
    add("social-bank", "Social Insurance Bank", "agency", "social", "national", 3, 2, "neutral", "", "none", 1200)
    add("school-insp", "Schools Inspectorate", "agency", "education", "national", 3, 2, "neutral", "", "none", 80)
    add("housing-agency", "Housing and Neighbourhoods Agency", "agency", "housing", "national", 3, 3, "supportive", "", "exploring", 150)
    add("stats-office", "Central Statistics Office", "agency", "economy", "national", 2, 2, "neutral", "", "none", 200)
    add("sports-council", "National Sports Council", "agency", "health|education", "national", 2, 4, "supportive", "", "pledged", 120)
    # Regions and municipalities.
    regions = [("north", "Northmoor"), ("south", "Southvale"), ("east", "Eastfield"), ("west", "Westholm")]
    for code, name in regions:
        add(f"region-{code}", f"{name} Regional Authority", "regional-government", "health|social", "regional",
            3, 4 if code in ("east", "west") else 3, "supportive", "", "pledged" if code == "east" else "exploring")
    towns = ["Riverton", "Harbourside", "Millbrook", "Stonebridge", "Ashford", "Kingsmere", "Oakdale", "Brightwater",
             "Fenwick", "Larchmont", "Sandmouth", "Thornbury"]
    for i, t in enumerate(towns):
        add(f"muni-{t.lower()}", f"Municipality of {t}", "local-government", "social|health", "local",
            3 if i < 4 else 2, 4 if i < 6 else 2, "supportive", "", "active" if t == "Riverton" else ("pledged" if i < 4 else "exploring"))
    # Health care: insurers, hospitals, GPs.
    for code, name, c in [("care-mutual", "CareMutual Health Insurance", "active"), ("zenith", "Zenith Insurance Group", "exploring"),
                          ("solid", "Solidus Health Fund", "exploring"), ("vita", "VitaCover", "none")]:
        add(f"ins-{code}", name, "business", "health|finance", "national", 4, 3, "neutral" if c == "none" else "supportive", "", c)
    for code, name, kind, c in [("umc-lake", "Lakeside University Medical Centre", "research", "active"),
                                ("umc-north", "Northmoor Academic Hospital", "research", "pledged"),
                                ("gen-riverton", "Riverton General Hospital", "business", "pledged"),
                                ("gen-harbour", "Harbourside Hospital", "business", "exploring"),
                                ("gen-millbrook", "Millbrook Community Hospital", "business", "exploring"),
                                ("gen-ashford", "Ashford Care Group", "business", "none")]:
        add(f"hosp-{code}", name, kind, "health", "regional", 3, 3, "supportive", "patients", c)
    add("gp-assoc", "Association of General Practitioners", "cso", "health", "national", 3, 4, "supportive", "patients", "pledged")
    add("nurses-union", "Nurses and Carers Union", "cso", "health|social", "national", 2, 3, "neutral", "", "exploring")
    # Food system.
    food = [("freshway", "FreshWay Supermarkets", "supportive", "active"), ("greencart", "GreenCart Grocers", "supportive", "pledged"),
            ("dailybread", "Daily Bread Bakeries", "neutral", "exploring"), ("valleydairy", "Valley Dairy Cooperative", "neutral", "exploring"),
            ("snackco", "SnackCo Industries", "opposed", "none"), ("fizz", "Fizz Beverages", "opposed", "none"),
            ("quickbite", "QuickBite Restaurants", "neutral", "none"), ("harvest", "Harvest Foods", "neutral", "exploring"),
            ("orchard", "Orchard Fresh Produce", "supportive", "pledged"), ("meals", "CityMeals Catering", "neutral", "exploring"),
            ("grainco", "GrainCo Milling", "neutral", "none"), ("fishmarket", "North Sea Fish Market", "neutral", "none")]
    for code, name, stance, c in food:
        add(f"food-{code}", name, "business", "food", "national", 3 if code in ("freshway", "snackco", "fizz") else 2, 2, stance, "", c)
    add("food-industry", "Federation of Food and Drink Industries", "business", "food", "national", 4, 4, "neutral", "", "none")
    add("sugar-assoc", "Sugar Producers Association", "business", "food", "national", 3, 5, "opposed", "", "none", "", "lobbies against a sugar levy")
    add("farmers-union", "Farmers and Growers Union", "cso", "food", "national", 3, 3, "neutral", "rural", "exploring")
    # Economy: health tech, employers, fitness, housing corporations.
    for code, name, c in [("medisense", "MediSense Diagnostics", "pledged"), ("walkwise", "WalkWise Apps", "exploring"),
                          ("nutrilab", "NutriLab Analytics", "active"), ("careflow", "CareFlow Software", "exploring"),
                          ("fitnet", "FitNet Gyms", "exploring")]:
        add(f"biz-{code}", name, "business", "economy|health", "national", 2, 3, "supportive", "", c)
    add("employers", "Confederation of Employers", "business", "economy", "national", 4, 2, "neutral", "", "none")
    add("housing-corp-a", "Homestead Housing Corporation", "business", "housing", "regional", 2, 3, "supportive", "", "exploring")
    add("housing-corp-b", "Cornerstone Living", "business", "housing", "regional", 2, 2, "neutral", "", "none")
    # Knowledge.
    for code, name, c in [("lakeside", "Lakeside University", "active"), ("polytech", "Capital Polytechnic", "exploring"),
                          ("northmoor-u", "University of Northmoor", "pledged"), ("agri-u", "Agricultural University of Westholm", "exploring"),
                          ("open-u", "Open University for Applied Sciences", "exploring")]:
        add(f"uni-{code}", name, "university", "research|education", "national", 3, 3, "supportive", "", c)
    for code, name, sector, c in [("nutrition", "Institute for Nutrition Research", "research|food", "pledged"),
                                  ("prevention", "Centre for Prevention Science", "research|health", "active"),
                                  ("urban", "Urban Living Lab", "research|housing", "exploring"),
                                  ("behaviour", "Behavioural Insights Institute", "research|social", "exploring")]:
        add(f"res-{code}", name, "research", sector, "national", 2, 4, "supportive", "", c)
    # Funders and international.
    add("heart-fund", "Heart and Vessel Foundation", "funder", "health", "national", 3, 5, "supportive", "patients", "active", 60)
    add("lottery-fund", "Good Causes Lottery Fund", "funder", "social", "national", 3, 2, "neutral", "", "exploring", 300)
    add("intl-observatory", "European Observatory on Healthy Ageing", "international", "health|research", "international", 2, 3, "supportive", "", "exploring")
    add("intl-food-network", "Transnational Food Policy Network", "international", "food", "international", 1, 3, "supportive", "", "exploring")
    # Civil society.
    for code, name, sector, voices, c, infl in [
            ("diabetes", "Diabetes Patients Association", "health", "patients", "active", 3),
            ("heart-patients", "Heart Patients Federation", "health", "patients|older-people", "pledged", 2),
            ("mental", "Mind Matters Foundation", "health|social", "patients", "exploring", 2),
            ("rare", "Rare Conditions Alliance", "health", "patients", "exploring", 1),
            ("elderly", "Older Citizens Union", "social", "older-people", "pledged", 3),
            ("chronic", "Chronic Illness Network", "health", "patients", "exploring", 1),
            ("foodbank", "Food Bank Network", "social|food", "low-income", "active", 2),
            ("consumers", "Consumer Health Alliance", "food|health", "consumers", "pledged", 2),
            ("sportsfed", "Federation of Amateur Sports Clubs", "education|health", "", "pledged", 2),
            ("parents", "National Parents Council", "education", "parents", "exploring", 2),
            ("schools", "School Boards Association", "education", "", "exploring", 3),
            ("disability", "Disability Rights Coalition", "social", "disabled-people", "exploring", 1),
            ("migrants", "Newcomers Support Network", "social", "migrants", "none", 1),
            ("cycling", "Cyclists Union", "housing", "", "exploring", 1),
            ("green-city", "Green City Alliance", "housing", "", "pledged", 1),
            ("debt-help", "Debt Help Foundation", "social", "low-income", "exploring", 1)]:
        add(f"cso-{code}", name, "cso", sector, "national", infl, 4, "supportive", voices, c)
    # Communities: few, thinly tied, and one cut off entirely.
    for code, name, voices, c in [("eastside", "Eastside Neighbourhood Council", "low-income", "pledged"),
                                  ("harbour-residents", "Harbour Quarter Residents", "low-income", "exploring"),
                                  ("allotments", "Millbrook Allotment Gardeners", "older-people", "exploring"),
                                  ("mosque", "Stonebridge Mosque Community Kitchen", "migrants", "exploring"),
                                  ("rural-villages", "Fenwick Villages Association", "rural", "none"),
                                  ("walking-club", "Oakdale Walking Group", "older-people", "none"),
                                  ("island", "Sandmouth Island Community Trust", "rural", "none"),
                                  ("ferry-folk", "Sandmouth Ferry Users Group", "rural", "none")]:
        add(f"comm-{code}", name, "community", "social", "local", 1, 4, "supportive", voices, c)
    # Business-side health actors.
    add("pharmacy-assoc", "Community Pharmacies Association", "business", "health", "national", 2, 3, "supportive", "patients", "exploring")
    add("insurers-assoc", "Association of Health Insurers", "business", "health|finance", "national", 4, 3, "neutral", "", "exploring")
    add("advert-council", "Advertising Standards Council", "business", "economy", "national", 2, 1, "opposed", "", "none")
    add("retail-assoc", "Retail Trade Association", "business", "food|economy", "national", 3, 2, "neutral", "", "none")
    add("pension-fund", "Public Employees Pension Fund", "funder", "finance", "national", 3, 1, "neutral", "", "none")
    add("budget-office", "Budget Planning Office", "agency", "finance", "national", 4, 1, "neutral", "", "none")
    add("tax-office", "National Tax Administration", "agency", "finance", "national", 4, 1, "neutral", "", "none")
    add("occ-health", "Occupational Health Services Group", "business", "health", "national", 2, 3, "supportive", "", "exploring")
    add("healthy-schools", "Healthy Schools Programme Office", "agency", "education", "national", 2, 4, "supportive", "", "pledged")
    add("colleges", "Vocational Colleges Council", "cso", "education", "national", 2, 2, "neutral", "", "none")
    add("cso-nature-health", "Nature and Health Network", "cso", "housing|health", "national", 1, 4, "supportive", "", "exploring")
    add("cso-rural-health", "Rural Health Cooperative", "cso", "health", "regional", 1, 4, "supportive", "rural|patients", "exploring")
    add("biz-sportgoods", "Sports Goods Retailers", "business", "economy", "national", 1, 2, "neutral", "", "none")
    add("food-auction", "Fresh Produce Auction", "business", "food", "national", 2, 2, "neutral", "rural", "exploring")
    add("water-boards", "Union of Water Boards", "agency", "housing", "regional", 2, 1, "neutral", "", "none")
    add("cso-coaches", "Neighbourhood Sports Coaches Network", "cso", "social", "local", 1, 4, "supportive", "", "exploring")

    index = {a["id"]: a for a in actors}
    ties = {}  # (a, b, relation) -> dict

    def tie(a, b, relation, strength, commitment, directed=False):
        assert a in index and b in index and a != b, (a, b)
        key = (min(a, b), max(a, b), relation)
        if key in ties:
            return
        ties[key] = dict(source=a, target=b, relation=relation, strength=strength, commitment=commitment,
                         directed="true" if directed else "")

    # Ministries mandate their agencies (directed: the ministry steers).
    for m, agencies in {"min-health": ["phi", "health-research", "sports-council"], "min-food": ["food-auth"],
                        "min-econ": ["innov-agency", "stats-office"], "min-social": ["social-bank"],
                        "min-educ": ["school-insp"], "min-housing": ["housing-agency"],
                        "min-fin": ["budget-office", "tax-office"]}.items():
        for a in agencies:
            tie(m, a, "mandate", 3, "active" if m == "min-health" else "exploring")
    # The only ties between ministries: finance funds health and economy; social and health share
    # information. Health and food, health and education: no tie at all (planted silo).
    tie("min-fin", "min-health", "funding", 2, "exploring")
    tie("min-fin", "min-econ", "funding", 2, "none")
    tie("min-social", "min-health", "information", 1, "exploring")

    # The community of the willing: a cross-sector cluster of strongly committed actors.
    willing = ["phi", "muni-riverton", "uni-lakeside", "food-freshway", "cso-diabetes", "ins-care-mutual",
               "innov-agency", "res-prevention", "biz-nutrilab", "cso-foodbank", "hosp-umc-lake", "heart-fund"]
    for i, a in enumerate(willing):
        for b in willing[i + 1:]:
            if rng.random() < 0.7:
                tie(a, b, "commitment", rng.choice([3, 4, 5]), rng.choice(["active", "active", "leading"]))
    # A second, smaller willing cluster around the eastern region.
    east = ["region-east", "muni-harbourside", "comm-eastside", "cso-elderly", "hosp-gen-riverton", "res-behaviour"]
    for i, a in enumerate(east):
        for b in east[i + 1:]:
            if rng.random() < 0.75:
                tie(a, b, "partnership", rng.choice([2, 3]), rng.choice(["pledged", "active"]))
    tie("region-east", "muni-riverton", "partnership", 2, "pledged")

    # Ordinary working ties, mostly inside a sector.
    ids = [a["id"] for a in actors if not a["id"].startswith(("comm-", "min-"))]
    primary = {a["id"]: a["sector"].split("|")[0] for a in actors}
    sectors_of = {a["id"]: set(a["sector"].split("|")) for a in actors}
    health_food = {"health", "food"}
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            same = primary[a] == primary[b]
            share = bool(sectors_of[a] & sectors_of[b])
            # Health and food hardly meet outside the willing cluster (the missing bridge).
            if {primary[a], primary[b]} == health_food:
                continue
            p = 0.16 if same else (0.05 if share else 0.012)
            if rng.random() < p:
                rel = rng.choice(["information", "information", "partnership", "funding"] if same else ["information", "partnership"])
                tie(a, b, rel, rng.choice([1, 1, 2, 3]), rng.choice(["none", "exploring", "exploring", "pledged"]))
    # Ministries talk to actors of their own sector.
    for m in [a["id"] for a in actors if a["kind"] == "ministry"]:
        own = [x for x in ids if primary[x] == primary[m]]
        for x in rng.sample(own, min(len(own), 4)):
            tie(m, x, "information", 1, "exploring")
    # Regions and municipalities.
    for r in ["region-north", "region-south", "region-east", "region-west"]:
        tie(r, "min-health", "information", 1, "exploring")
        for t in rng.sample([a["id"] for a in actors if a["kind"] == "local-government"], 4):
            tie(r, t, "partnership", 2, "exploring")
    # Communities: consulted by their municipality (directed: the municipality asks), little else.
    consult = {"comm-harbour-residents": "muni-harbourside", "comm-allotments": "muni-millbrook",
               "comm-mosque": "muni-stonebridge", "comm-rural-villages": "muni-fenwick", "comm-walking-club": "muni-oakdale"}
    for c, m in consult.items():
        tie(m, c, "consultation", 1, "exploring", directed=False)
    tie("comm-eastside", "muni-riverton", "partnership", 2, "pledged")
    tie("comm-mosque", "cso-foodbank", "partnership", 1, "exploring")
    # Cut off from everyone else: two island groups that know only each other.
    tie("comm-island", "comm-ferry-folk", "partnership", 2, "none")
    # Opposition: the sugar and soft-drink lobby against the health side.
    for a, b in [("sugar-assoc", "min-health"), ("sugar-assoc", "cso-consumers"), ("food-fizz", "cso-consumers"),
                 ("food-snackco", "phi"), ("food-fizz", "min-health"), ("advert-council", "cso-consumers"),
                 ("sugar-assoc", "heart-fund")]:
        tie(a, b, "opposition", 2, "")
    # The lobby is tied to the food industry.
    for a, b in [("sugar-assoc", "food-industry"), ("food-fizz", "food-industry"), ("food-snackco", "food-industry"),
                 ("food-industry", "min-food"), ("food-industry", "retail-assoc"), ("advert-council", "food-industry")]:
        tie(a, b, "partnership", 3, "none")
    # Planted: the newcomers' network has no tie at all; nobody else is left without one.
    for key in [k for k in ties if "cso-migrants" in k[:2]]:
        del ties[key]
    degree = {a["id"]: 0 for a in actors}
    for t in ties.values():
        degree[t["source"]] += 1
        degree[t["target"]] += 1
    for a in actors:
        if degree[a["id"]] == 0 and a["id"] != "cso-migrants":
            peers = [x for x in ids if primary[x] == primary[a["id"]] and x != a["id"]]
            tie(a["id"], rng.choice(peers), "information", 1, "exploring")
    return actors, sorted(ties.values(), key=lambda t: (t["source"], t["target"], t["relation"]))


def write_csv(path, rows, fields, delimiter=","):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, delimiter=delimiter, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in fields})


MISSION = """\
# Healthy Longer Lives 2040: a fictional national mission (no real organisation is named).
name: Healthy Longer Lives 2040
goal: Everyone lives at least five more years in good health by 2040, and the gap between the richest and poorest neighbourhoods halves.
target_year: 2040
data_date: 2026-10-01
source: Stakeholder survey, wave 1 (fictional)
actors: actors.csv
ties: ties.csv
directed: false
group_by: sector
willing:
  min_commitment: pledged
expected_voices:
  - kind: cso
    min_count: 3
  - kind: community
    min_share: 0.15
  - voice: youth
    min_count: 1
  - voice: patients
    min_count: 2
  - level: local
    min_count: 5
consultation_relations: [consultation]
sensitive_columns: [stance, influence, notes]
personal_data: false
"""

LIVEABLE_MISSION = """\
# Every Street Liveable: a fictional city mission, sheets exported from Gephi with `;`.
name: Every Street Liveable
goal: By 2030 every child in Larchmont can walk or cycle safely to school, and no street exceeds the clean-air limit.
target_year: 2030
data_date: 2026-09-15
source: City workshop series (fictional)
actors: nodes.csv
ties: edges.csv
group_by: kind
willing:
  min_commitment: pledged
expected_voices:
  - kind: community
    min_share: 0.2
  - voice: youth
    min_count: 1
"""

# ---------------------------------------------------------------------------------------------
# Every Street Liveable (Gephi-style, `;`)
# ---------------------------------------------------------------------------------------------

def liveable_streets():
    rng = random.Random(7)
    nodes = []
    def add(id, label, kind, sector, level, commitment, stance):
        nodes.append(dict(Id=id, Label=label, Kind=kind, Sector=sector, Level=level, Commitment=commitment, Stance=stance))
    add("city", "City of Larchmont", "local-government", "mobility", "local", "leading", "supportive")
    add("transport-dept", "Larchmont Transport Department", "local-government", "mobility", "local", "active", "supportive")
    add("planning-dept", "Larchmont Planning Department", "local-government", "housing", "local", "active", "supportive")
    add("health-dept", "Larchmont Public Health Service", "local-government", "health", "local", "pledged", "supportive")
    add("parks", "Parks and Green Spaces Office", "local-government", "environment", "local", "pledged", "supportive")
    add("police", "Larchmont Police District", "agency", "safety", "local", "exploring", "neutral")
    add("region", "Larchmont Metropolitan Region", "regional-government", "mobility", "regional", "exploring", "supportive")
    add("transit", "Metro Transit Company", "business", "mobility", "regional", "pledged", "supportive")
    add("min-infra", "Ministry of Infrastructure", "ministry", "mobility", "national", "exploring", "neutral")
    add("innov", "Urban Innovation Fund", "funder", "economy", "national", "active", "supportive")
    for i, (code, label) in enumerate([("uni", "Larchmont University"), ("design", "School of Urban Design"),
                                       ("lab", "Streets Living Lab")]):
        add(code, label, "university" if i < 2 else "research", "research", "local", "active" if i != 1 else "pledged", "supportive")
    for code, label, c, s in [("shops", "Old Town Shopkeepers Association", "none", "opposed"),
                              ("motorists", "Motorists Club", "none", "opposed"),
                              ("parking", "ParkRight Garages", "none", "opposed"),
                              ("delivery", "QuickDrop Logistics", "exploring", "neutral"),
                              ("bikeshare", "Pedal Share", "active", "supportive"),
                              ("cafes", "Café Owners Guild", "exploring", "neutral"),
                              ("developer", "Northbank Developments", "exploring", "neutral"),
                              ("chamber", "Chamber of Commerce", "exploring", "neutral")]:
        add(code, label, "business", "economy", "local", c, s)
    for code, label, c in [("cyclists", "Larchmont Cyclists", "active"), ("walkers", "Walk Larchmont", "active"),
                           ("clean-air", "Clean Air Parents", "pledged"), ("disability", "Access For All", "exploring"),
                           ("seniors", "Senior Citizens Forum", "exploring"), ("heritage", "Heritage Society", "none"),
                           ("green", "Friends of the River Park", "pledged")]:
        add(code, label, "cso", "civil-society", "local", c, "supportive" if c != "none" else "neutral")
    for code, label, c in [("north-res", "Northbank Residents", "pledged"), ("old-town", "Old Town Residents", "exploring"),
                           ("school-a", "Brook Street Primary Parents", "active"), ("school-b", "Hill Lane School Community", "pledged"),
                           ("youth", "Larchmont Youth Council", "exploring"), ("market", "Saturday Market Traders", "none"),
                           ("tenants", "Eastgate Tenants Union", "exploring"), ("allot", "Canal Allotments", "none"),
                           ("church", "St Anne's Parish Community", "none"), ("scouts", "Riverside Scouts", "exploring")]:
        add(code, label, "community", "community", "local", c, "supportive" if c != "none" else "neutral")
    ids = [n["Id"] for n in nodes]
    sector = {n["Id"]: n["Sector"] for n in nodes}
    edges = {}
    def edge(a, b, rel, w):
        # One tie per pair, so that networkx's simple Graph can carry the same network.
        key = (min(a, b), max(a, b))
        if a != b and key not in edges:
            edges[key] = dict(Source=a, Target=b, Type="Undirected", Weight=w, Relation=rel)
    core = ["city", "transport-dept", "planning-dept", "health-dept", "cyclists", "walkers", "school-a", "lab", "bikeshare", "innov"]
    for i, a in enumerate(core):
        for b in core[i + 1:]:
            if rng.random() < 0.6:
                edge(a, b, "commitment", rng.choice([2, 2.5, 3]))
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            p = 0.22 if sector[a] == sector[b] else 0.04
            if rng.random() < p:
                edge(a, b, rng.choice(["information", "partnership"]), rng.choice([1, 1, 1.5, 2]))
    for a, b in [("shops", "transport-dept"), ("motorists", "cyclists"), ("parking", "city"), ("motorists", "transport-dept")]:
        edge(a, b, "opposition", 2)
    edge("city", "min-infra", "funding", 2)
    edge("city", "region", "mandate", 1)
    edge("youth", "city", "consultation", 1)
    return nodes, sorted(edges.values(), key=lambda e: (e["Source"], e["Target"], e["Relation"]))


def main():
    hl = os.path.join(ROOT, "healthy-lives-2040")
    os.makedirs(hl, exist_ok=True)
    actors, ties = healthy_lives()
    write_csv(os.path.join(hl, "actors.csv"), actors,
              ["id", "name", "kind", "sector", "level", "influence", "interest", "stance", "voices", "commitment", "budget_meur", "notes"])
    write_csv(os.path.join(hl, "ties.csv"), ties, ["source", "target", "relation", "strength", "commitment", "directed"])
    with open(os.path.join(hl, "mission.yaml"), "w") as f:
        f.write(MISSION)
    print(f"healthy-lives-2040: {len(actors)} actors, {len(ties)} ties")

    ls = os.path.join(ROOT, "liveable-streets")
    os.makedirs(ls, exist_ok=True)
    nodes, edges = liveable_streets()
    # European spreadsheet conventions: `;` delimiter, decimal comma.
    for e in edges:
        e["Weight"] = str(e["Weight"]).replace(".", ",")
    write_csv(os.path.join(ls, "nodes.csv"), nodes, ["Id", "Label", "Kind", "Sector", "Level", "Commitment", "Stance"], ";")
    write_csv(os.path.join(ls, "edges.csv"), edges, ["Source", "Target", "Type", "Weight", "Relation"], ";")
    import networkx as nx
    g = nx.Graph()
    for n in nodes:
        g.add_node(n["Id"], label=n["Label"], kind=n["Kind"], sector=n["Sector"], level=n["Level"],
                   commitment=n["Commitment"], stance=n["Stance"])
    for e in edges:
        g.add_edge(e["Source"], e["Target"], weight=float(e["Weight"].replace(",", ".")), relation=e["Relation"])
    nx.write_graphml(g, os.path.join(ls, "network.graphml"))
    nx.write_gexf(g, os.path.join(ls, "network.gexf"), version="1.2draft")
    with open(os.path.join(ls, "mission.yaml"), "w") as f:
        f.write(LIVEABLE_MISSION)
    print(f"liveable-streets: {len(nodes)} actors, {len(edges)} ties")


if __name__ == "__main__":
    main()
