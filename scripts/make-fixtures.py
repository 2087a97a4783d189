#!/usr/bin/env python3
"""Regenerates the example missions in fixtures/ (seeded: same output every run).

    python3 scripts/make-fixtures.py

healthy-lives-2040/: a fictional national health mission, ~120 actors, CSV pair, 30 initiatives and their
                     participations, mission.yaml.
liveable-streets/:   a fictional city mission, ~40 actors, Gephi-style `;` CSV pair, and the same
                     network as GraphML and GEXF written by networkx (pip install networkx).
What is planted in each is documented in the fixture's README.md. No real organisation is named.
"""
import csv
import os
import random
import re

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


# The mission's portfolio: 30 initiatives and who takes part in each, with a role, a
# commitment to that initiative and, for leads and funders, the money they put in (EUR).
# What it repeats of the sheets, and adds, is in the fixture's README; in short: no initiative
# has two ministries, none has both a health and a food actor, the consulted-only communities,
# the island groups and the newcomers' network take part in nothing, and the willing cluster
# leads the two pilots that run at "active".
HEALTHY_INITIATIVES = [
    # id, name, kind, sector, budget, status, the highest commitment a member brings, members
    ("healthy-riverton", "Healthy Riverton Neighbourhoods", "pilot", "health|social", 2400000, "running", "leading",
     [("muni-riverton", "lead", 900000), ("phi", "partner", 300000), ("cso-diabetes", "partner", 0), ("ins-care-mutual", "funder", 600000),
      ("uni-lakeside", "partner", 0), ("res-prevention", "partner", 0), ("muni-thornbury", "observer", 0)]),
    ("eastfield-ageing", "Eastfield Healthy Ageing Pilot", "pilot", "social|health", 1100000, "running", "active",
     [("region-east", "lead", 500000), ("muni-harbourside", "partner", 200000), ("comm-eastside", "partner", 0), ("cso-elderly", "partner", 0),
      ("hosp-gen-riverton", "partner", 0), ("res-behaviour", "participant", 0)]),
    ("northmoor-daily-mile", "Northmoor Daily Mile in Schools", "pilot", "education|health", 350000, "running", "pledged",
     [("region-north", "lead", 150000), ("healthy-schools", "partner", 0), ("cso-sportsfed", "partner", 0), ("sports-council", "funder", 200000),
      ("uni-northmoor-u", "participant", 0)]),
    ("southvale-social-prescribing", "Southvale Social Prescribing", "pilot", "health|social", 780000, "running", "exploring",
     [("region-south", "lead", 400000), ("gp-assoc", "partner", 0), ("cso-mental", "partner", 0), ("muni-millbrook", "participant", 0),
      ("cso-coaches", "participant", 0), ("lottery-fund", "funder", 380000)]),
    ("westholm-rural-health", "Westholm Rural Health Hubs", "pilot", "health", 520000, "proposed", "exploring",
     [("region-west", "lead", 320000), ("cso-rural-health", "partner", 0), ("hosp-gen-millbrook", "partner", 0), ("muni-fenwick", "participant", 0),
      ("pharmacy-assoc", "participant", 0), ("health-research", "funder", 200000)]),
    ("harbourside-healthy-homes", "Harbourside Healthy Homes", "pilot", "housing|health", 1600000, "running", "exploring",
     [("housing-agency", "lead", 600000), ("min-housing", "funder", 1000000), ("housing-corp-a", "partner", 0), ("res-urban", "partner", 0),
      ("cso-green-city", "participant", 0), ("muni-larchmont", "participant", 0)]),
    ("millbrook-diabetes-prevention", "Millbrook Diabetes Prevention Programme", "pilot", "health", 640000, "running", "exploring",
     [("hosp-gen-millbrook", "lead", 240000), ("ins-zenith", "funder", 400000), ("cso-chronic", "partner", 0), ("pharmacy-assoc", "partner", 0),
      ("biz-medisense", "participant", 0)]),
    ("stonebridge-active-parks", "Stonebridge Active Parks", "pilot", "housing|social", 300000, "running", "exploring",
     [("muni-stonebridge", "lead", 300000), ("cso-nature-health", "partner", 0), ("cso-cycling", "partner", 0), ("water-boards", "observer", 0),
      ("cso-coaches", "participant", 0)]),
    ("prevention-cohort", "National Prevention Cohort Study", "research-programme", "research|health", 4800000, "running", "active",
     [("res-prevention", "lead", 0), ("health-research", "funder", 4800000), ("uni-lakeside", "partner", 0), ("hosp-umc-lake", "partner", 0),
      ("intl-observatory", "observer", 0), ("stats-office", "participant", 0)]),
    ("food-environment-evidence", "Food Environment Evidence Programme", "research-programme", "research|food", 1900000, "running", "exploring",
     [("res-nutrition", "lead", 0), ("innov-agency", "funder", 1900000), ("uni-agri-u", "partner", 0), ("food-auth", "partner", 0),
      ("intl-food-network", "observer", 0), ("food-valleydairy", "participant", 0)]),
    ("digital-prevention-lab", "Digital Prevention Lab", "research-programme", "research|economy", 2200000, "running", "exploring",
     [("biz-nutrilab", "lead", 0), ("innov-agency", "funder", 2200000), ("biz-careflow", "partner", 0), ("biz-walkwise", "partner", 0),
      ("uni-polytech", "partner", 0), ("hosp-umc-north", "participant", 0)]),
    ("healthy-ageing-research", "Healthy Ageing Research Network", "research-programme", "research|health", 1300000, "running", "exploring",
     [("uni-northmoor-u", "lead", 0), ("health-research", "funder", 1300000), ("hosp-umc-north", "partner", 0), ("cso-heart-patients", "partner", 0),
      ("intl-observatory", "participant", 0)]),
    ("healthy-choices-trials", "Nudging Healthy Choices Trials", "research-programme", "research|social", 450000, "running", "exploring",
     [("res-behaviour", "lead", 0), ("uni-open-u", "partner", 0), ("muni-ashford", "participant", 0), ("muni-kingsmere", "participant", 0),
      ("lottery-fund", "funder", 450000)]),
    ("work-and-health", "Work and Health Panel", "research-programme", "economy|social", 380000, "running", "exploring",
     [("occ-health", "lead", 0), ("employers", "partner", 0), ("uni-open-u", "partner", 0), ("social-bank", "funder", 380000),
      ("nurses-union", "participant", 0)]),
    ("mental-resilience", "Mental Resilience Programme", "research-programme", "health|research", 900000, "proposed", "exploring",
     [("cso-mental", "lead", 0), ("uni-lakeside", "partner", 0), ("health-research", "funder", 900000), ("gp-assoc", "participant", 0)]),
    ("school-food", "School Food Working Group", "working-group", "education|food", "", "running", "exploring",
     [("healthy-schools", "lead", 0), ("min-educ", "observer", 0), ("cso-parents", "partner", 0), ("cso-schools", "partner", 0),
      ("food-meals", "partner", 0), ("food-orchard", "participant", 0), ("res-nutrition", "participant", 0), ("colleges", "observer", 0)]),
    ("reformulation-covenant", "Reformulation Covenant", "covenant", "food", "", "running", "exploring",
     [("food-industry", "lead", 0), ("sugar-assoc", "participant", 0), ("food-fizz", "participant", 0), ("food-snackco", "participant", 0),
      ("food-dailybread", "participant", 0), ("food-grainco", "participant", 0), ("retail-assoc", "partner", 0), ("food-auth", "observer", 0),
      ("min-food", "observer", 0)]),
    ("prevention-reimbursement", "Prevention Reimbursement Working Group", "working-group", "health|finance", "", "running", "exploring",
     [("insurers-assoc", "lead", 0), ("ins-care-mutual", "partner", 0), ("ins-zenith", "partner", 0), ("ins-solid", "partner", 0),
      ("ins-vita", "observer", 0), ("gp-assoc", "participant", 0), ("min-fin", "observer", 0)]),
    ("social-supermarkets", "Social Supermarkets Table", "working-group", "social|food", 150000, "running", "pledged",
     [("cso-foodbank", "lead", 0), ("cso-debt-help", "partner", 0), ("food-greencart", "partner", 0), ("food-harvest", "participant", 0),
      ("lottery-fund", "funder", 150000)]),
    ("sport-in-every-neighbourhood", "Sport in Every Neighbourhood Alliance", "alliance", "health|education", 600000, "running", "exploring",
     [("sports-council", "lead", 600000), ("cso-sportsfed", "partner", 0), ("biz-fitnet", "partner", 0), ("biz-sportgoods", "participant", 0),
      ("cso-coaches", "participant", 0), ("muni-oakdale", "participant", 0), ("muni-brightwater", "participant", 0)]),
    ("health-data-standards", "Health Data Standards Group", "working-group", "health|economy", "", "running", "exploring",
     [("stats-office", "lead", 0), ("biz-careflow", "partner", 0), ("biz-medisense", "partner", 0), ("hosp-umc-lake", "participant", 0),
      ("phi", "observer", 0)]),
    ("dementia-care", "Dementia Care Network", "network", "health|social", 420000, "running", "exploring",
     [("hosp-gen-harbour", "lead", 120000), ("nurses-union", "partner", 0), ("cso-heart-patients", "participant", 0),
      ("muni-kingsmere", "partner", 0), ("muni-larchmont", "participant", 0), ("cso-disability", "participant", 0),
      ("region-south", "funder", 300000), ("hosp-gen-ashford", "participant", 0)]),
    ("heart-health-network", "Heart Health Network", "network", "health", 250000, "running", "exploring",
     [("heart-fund", "lead", 250000), ("cso-heart-patients", "partner", 0), ("hosp-umc-lake", "partner", 0), ("hosp-gen-ashford", "participant", 0),
      ("pharmacy-assoc", "participant", 0)]),
    ("pharmacy-prevention", "Pharmacy Prevention Network", "network", "health", "", "running", "exploring",
     [("pharmacy-assoc", "lead", 0), ("gp-assoc", "partner", 0), ("cso-chronic", "participant", 0), ("cso-rare", "participant", 0)]),
    ("healthy-municipalities", "Healthy Municipalities Network", "network", "social|health", 90000, "running", "exploring",
     [("muni-riverton", "lead", 90000), ("muni-harbourside", "participant", 0), ("muni-millbrook", "participant", 0),
      ("muni-stonebridge", "participant", 0), ("muni-ashford", "participant", 0), ("muni-kingsmere", "participant", 0),
      ("muni-oakdale", "participant", 0), ("muni-brightwater", "participant", 0), ("muni-fenwick", "participant", 0),
      ("muni-larchmont", "participant", 0), ("muni-sandmouth", "participant", 0), ("muni-thornbury", "participant", 0)]),
    ("healthy-ageing-exchange", "European Healthy Ageing Exchange", "network", "health|research", 120000, "running", "exploring",
     [("intl-observatory", "lead", 120000), ("phi", "partner", 0), ("uni-lakeside", "participant", 0), ("region-west", "participant", 0),
      ("uni-northmoor-u", "participant", 0)]),
    ("mission-call-2025", "Mission Innovation Call 2025", "funding-programme", "economy|health", 6000000, "closed", "exploring",
     [("innov-agency", "lead", 6000000), ("biz-nutrilab", "participant", 0), ("biz-medisense", "participant", 0),
      ("biz-walkwise", "participant", 0), ("res-prevention", "participant", 0), ("uni-polytech", "participant", 0)]),
    ("community-health-grants", "Community Health Grants", "funding-programme", "social", 800000, "running", "exploring",
     [("lottery-fund", "lead", 800000), ("cso-disability", "participant", 0), ("cso-debt-help", "participant", 0),
      ("cso-coaches", "participant", 0), ("cso-nature-health", "participant", 0)]),
    ("prevention-research-call", "Prevention Research Call", "funding-programme", "health|research", 5000000, "running", "exploring",
     [("health-research", "lead", 5000000), ("uni-lakeside", "participant", 0), ("uni-northmoor-u", "participant", 0),
      ("res-prevention", "participant", 0), ("res-behaviour", "participant", 0), ("res-nutrition", "participant", 0)]),
    ("healthy-work-bond", "Social Impact Bond for Healthy Work", "funding-programme", "finance|social", 3000000, "proposed", "exploring",
     [("pension-fund", "funder", 3000000), ("social-bank", "lead", 0), ("employers", "partner", 0), ("min-social", "observer", 0),
      ("cso-mental", "participant", 0)]),
]

COMMITMENT = ["none", "exploring", "pledged", "active", "leading"]


def healthy_portfolio(actors):
    """The initiatives and participations of Healthy Longer Lives 2040. A member's commitment to
    an initiative is its commitment on the actors sheet, at least exploring (it takes part), at
    most what the initiative has reached."""
    own = {a["id"]: a["commitment"] or "none" for a in actors}
    initiatives, participations = [], []
    for id, name, kind, sector, budget, status, cap, members in HEALTHY_INITIATIVES:
        initiatives.append(dict(id=id, name=name, kind=kind, sector=sector, budget=budget, status=status))
        ministries = [a for a, _, _ in members if a.startswith("min-")]
        assert len(ministries) <= 1, (id, ministries)
        for actor, role, money in members:
            assert actor in own, (id, actor)
            level = max(COMMITMENT.index(own[actor]), 1)
            commitment = COMMITMENT[min(level, COMMITMENT.index(cap))]
            participations.append(dict(actor=actor, initiative=id, role=role, commitment=commitment, budget=money or ""))
    assert len(initiatives) == 30
    return initiatives, participations


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
source: Stakeholder survey, wave 2 (fictional)
actors: actors.csv
ties: ties.csv
# Earlier survey waves, oldest first; the sheets above are the current wave.
waves:
  - label: "2025"
    actors: wave-2025/actors.csv
    ties: wave-2025/ties.csv
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
# Findings an external pack leaves out, by code: which ministries never talk is for inside.
external: {omit: [silos.unconnected-ministries]}
personal_data: false
# The portfolio: who takes part in which initiative. Its ties are added to the survey's ties.
initiatives: initiatives.csv
affiliations: participations.csv
projection: add
# Who might leave: `coalition whatif` runs these scenarios.
scenarios:
  - name: after the election
    remove: [min-health, min-social]
  - name: the innovation agency reorganised
    remove: [innov-agency]
  - name: the regions step back
    remove_kind: [regional-government]
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
    # Power and interest as the city's stakeholder-mapping workshop rated them (0-5): the
    # opposed shopkeepers sit among the players, the ministry is powerful but distant, the
    # schools and residents keen but without power.
    ratings = {
        "city": (5, 5), "transport-dept": (4, 5), "planning-dept": (4, 3), "health-dept": (3, 4), "parks": (2, 3),
        "police": (3, 2), "region": (4, 2), "transit": (4, 3), "min-infra": (5, 1), "innov": (3, 4), "uni": (2, 3),
        "design": (1, 3), "lab": (2, 5), "shops": (3, 5), "motorists": (3, 4), "parking": (2, 4), "delivery": (2, 2),
        "bikeshare": (2, 5), "cafes": (2, 3), "developer": (4, 2), "chamber": (4, 2), "cyclists": (2, 5), "walkers": (2, 5),
        "clean-air": (1, 5), "disability": (1, 4), "seniors": (1, 3), "heritage": (2, 2), "green": (1, 4),
        "north-res": (1, 4), "old-town": (1, 4), "school-a": (1, 5), "school-b": (1, 4), "youth": (1, 3),
        "market": (1, 2), "tenants": (1, 3), "allot": (0, 1), "church": (1, 1), "scouts": (0, 2),
    }
    for n in nodes:
        n["Influence"], n["Interest"] = ratings[n["Id"]]
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
    initiatives, participations = healthy_portfolio(actors)
    write_csv(os.path.join(hl, "initiatives.csv"), initiatives, ["id", "name", "kind", "sector", "budget", "status"])
    write_csv(os.path.join(hl, "participations.csv"), participations, ["actor", "initiative", "role", "commitment", "budget"])
    print(f"healthy-lives-2040: {len(actors)} actors, {len(ties)} ties, {len(initiatives)} initiatives, {len(participations)} participations")

    ls = os.path.join(ROOT, "liveable-streets")
    os.makedirs(ls, exist_ok=True)
    nodes, edges = liveable_streets()
    # European spreadsheet conventions: `;` delimiter, decimal comma.
    for e in edges:
        e["Weight"] = str(e["Weight"]).replace(".", ",")
    write_csv(os.path.join(ls, "nodes.csv"), nodes, ["Id", "Label", "Kind", "Sector", "Level", "Commitment", "Stance", "Influence", "Interest"], ";")
    write_csv(os.path.join(ls, "edges.csv"), edges, ["Source", "Target", "Type", "Weight", "Relation"], ";")
    import networkx as nx
    g = nx.Graph()
    for n in nodes:
        g.add_node(n["Id"], label=n["Label"], kind=n["Kind"], sector=n["Sector"], level=n["Level"],
                   commitment=n["Commitment"], stance=n["Stance"], influence=n["Influence"], interest=n["Interest"])
    for e in edges:
        g.add_edge(e["Source"], e["Target"], weight=float(e["Weight"].replace(",", ".")), relation=e["Relation"])
    nx.write_graphml(g, os.path.join(ls, "network.graphml"))
    gexf = os.path.join(ls, "network.gexf")
    nx.write_gexf(g, gexf, version="1.2draft")
    # networkx stamps today's date; a fixed one keeps the file the same on every run.
    with open(gexf, encoding="utf-8") as f:
        text = re.sub(r'lastmodifieddate="[0-9-]+"', 'lastmodifieddate="2026-11-29"', f.read())
    with open(gexf, "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(ls, "mission.yaml"), "w") as f:
        f.write(LIVEABLE_MISSION)
    print(f"liveable-streets: {len(nodes)} actors, {len(edges)} ties")


if __name__ == "__main__":
    main()
