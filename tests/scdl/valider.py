#!/usr/bin/env python3
"""Validates a CSV file against the SCDL « Délibérations » Table Schema with
frictionless, the reference Table Schema validator.

    python3 tests/scdl/valider.py FICHIER.csv [SCHEMA.json]

Exit 0 when valid; 1 with each error on stderr; 2 when frictionless is
missing. The schema's custom checks (SIRET key, nomenclature, sums) are not
Table Schema: Registre enforces them in Rust before writing (core `scdl`).
"""
import json
import sys
from pathlib import Path

try:
    from frictionless import Resource, Schema
except ImportError:
    print("frictionless n'est pas installé : pip install frictionless", file=sys.stderr)
    sys.exit(2)

racine = Path(__file__).resolve().parents[2]
fichier = Path(sys.argv[1])
chemin_schema = Path(sys.argv[2]) if len(sys.argv) > 2 else racine / "docs" / "scdl-deliberations-2.1.3.schema.json"

descripteur = json.loads(chemin_schema.read_text(encoding="utf-8"))
# Keep the Table Schema part: fields (and missing values if any).
schema = Schema.from_descriptor({k: v for k, v in descripteur.items() if k in ("fields", "missingValues", "primaryKey")})
# Relative to its folder: frictionless refuses absolute paths as unsafe.
resource = Resource(path=fichier.name, basepath=str(fichier.resolve().parent), schema=schema, format="csv", encoding="utf-8")
rapport = resource.validate()
if rapport.valid:
    print(f"{fichier} : valide ({rapport.tasks[0].stats.get('rows')} ligne(s))")
    sys.exit(0)
for tache in rapport.tasks:
    for erreur in tache.errors:
        print(f"{fichier} : {erreur.type} : {erreur.message}", file=sys.stderr)
sys.exit(1)
