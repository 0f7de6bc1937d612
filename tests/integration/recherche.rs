//! `registre search` on the demo register: accents and case ignored, every
//! word required, the last one as a prefix, filters, JSON with the
//! highlighted runs.

use crate::aide::{base_demo, registre, reussit};

fn json(db: &std::path::Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&reussit(db, args)).expect("search --json prints JSON")
}

fn cles(v: &serde_json::Value) -> Vec<String> {
    v["trouvailles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["cle"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn sans_accents_ni_majuscules_la_commune_et_l_ecole_menent_a_la_convention() {
    let db = base_demo();
    let sortie = reussit(db.path(), &["search", "pezilla ecole"]);
    let lignes: Vec<&str> = sortie.lines().collect();
    assert_eq!(lignes.len(), 1, "{sortie}");
    assert!(
        lignes[0].starts_with("ent-ecole-2024-2025  convention"),
        "{sortie}"
    );
    // The original text is shown, accents kept, the searched words marked.
    assert!(
        lignes[0].contains("«École»") || lignes[0].contains("«école»"),
        "{sortie}"
    );
    assert!(lignes[0].contains("«PEZILLA»"), "{sortie}");
}

#[test]
fn ent_numerique_trouve_la_deliberation_et_sa_convention() {
    let db = base_demo();
    let v = json(db.path(), &["search", "ENT numerique", "--json"]);
    assert_eq!(v["total"], 2);
    let mut trouvees = cles(&v);
    trouvees.sort();
    assert_eq!(trouvees, ["2024/052", "ent-ecole-2024-2025"]);
    let d = v["trouvailles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["cle"] == "2024/052")
        .unwrap();
    assert_eq!(d["genre"], "deliberation");
    assert_eq!(d["statut"], "soumis_au_maire");
    assert_eq!(d["liee"], "ent-ecole-2024-2025");
    // Runs ready for <mark>: the objet's "NUMERIQUE" is one highlighted run.
    let titre = d["titre"].as_array().unwrap();
    assert!(titre
        .iter()
        .any(|p| p["texte"] == "NUMERIQUE" && p["surligne"] == true));
    let extrait: String = d["extrait"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["texte"].as_str().unwrap())
        .collect();
    assert!(extrait.to_lowercase().contains("numérique"), "{extrait}");
}

#[test]
fn un_mot_d_un_article_de_convention_et_un_mot_en_cours_de_frappe() {
    let db = base_demo();
    let v = json(db.path(), &["search", "gouvernance", "--json"]);
    assert_eq!(cles(&v), ["ent-ecole-2024-2025"]);
    assert_eq!(v["trouvailles"][0]["champ"], "Article 1");
    // "gouvern" is being typed: a prefix.
    assert_eq!(
        cles(&json(db.path(), &["search", "gouvern", "--json"])),
        ["ent-ecole-2024-2025"]
    );
    // Every word is required.
    let s = registre(db.path(), &["search", "gouvernance cantine"]);
    assert_eq!(s.code, 0);
    assert!(s.stdout.is_empty());
    assert!(s.stderr.contains("Aucun résultat"), "{}", s.stderr);
}

#[test]
fn les_filtres_de_la_ligne_de_commande() {
    let db = base_demo();
    let avec = |filtres: &[&str]| {
        let mut args = vec!["search", "numerique", "--json"];
        args.extend_from_slice(filtres);
        cles(&json(db.path(), &args))
    };
    assert_eq!(avec(&["--type", "convention"]), ["ent-ecole-2024-2025"]);
    assert_eq!(avec(&["--type", "deliberation"]), ["2024/052"]);
    assert_eq!(avec(&["--annee", "2024", "--matiere", "8.1"]).len(), 2);
    assert!(avec(&["--annee", "2023"]).is_empty());
    assert_eq!(
        avec(&["--seance", "2024-05-15", "--rapporteur", "carola-karine"]).len(),
        2
    );
    assert_eq!(avec(&["--statut", "soumis-au-maire"]).len(), 2);
    assert!(avec(&["--statut", "brouillon"]).is_empty());
    let un = json(
        db.path(),
        &["search", "numerique", "--limite", "1", "--json"],
    );
    assert_eq!((un["total"].as_u64(), cles(&un).len()), (Some(2), 1));
    let s = registre(db.path(), &["search", "x", "--statut", "perdu"]);
    assert_ne!(s.code, 0);
    assert!(s.stderr.contains("n'est pas un statut"), "{}", s.stderr);
}
