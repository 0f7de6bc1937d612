//! Open data and the préfecture: the SCDL « Délibérations » CSV, validated
//! by a real Table Schema validator (frictionless, through
//! tests/scdl/valider.py), the refusal of an invalid row with its reason,
//! and the ACTES package of a signed act.

use std::path::Path;
use std::process::Command;

use crate::aide::{base_demo, registre, reussit};

/// Validates with frictionless. CI sets REGISTRE_EXIGER_FRICTIONLESS=1 (the
/// installer puts it in place); elsewhere a missing validator skips the check.
fn valider_avec_frictionless(csv: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/scdl/valider.py");
    let sortie = Command::new("python3")
        .arg(&script)
        .arg(csv)
        .output()
        .expect("python3 runs");
    if sortie.status.code() == Some(2) && std::env::var_os("REGISTRE_EXIGER_FRICTIONLESS").is_none()
    {
        eprintln!("frictionless absent : validation externe du CSV SCDL sautée");
        return;
    }
    assert!(
        sortie.status.success(),
        "frictionless refuses the CSV: {}{}",
        String::from_utf8_lossy(&sortie.stdout),
        String::from_utf8_lossy(&sortie.stderr)
    );
}

#[test]
fn le_registre_de_demo_exporte_un_csv_scdl_que_frictionless_accepte() {
    let dir = base_demo();
    let db = dir.path();
    reussit(
        db,
        &["--par", "maire", "status", "2024/052", "bon-pour-signature"],
    );
    reussit(db, &["--par", "maire", "status", "2024/052", "signer"]);
    reussit(
        db,
        &[
            "status",
            "2024/052",
            "transmettre",
            "--date",
            "2024-05-20",
            "--accuse",
            "2024-05-21",
        ],
    );
    reussit(
        db,
        &[
            "status",
            "2024/052",
            "publier",
            "--date",
            "2024-05-22",
            "--mode",
            "electronique",
            "--url",
            "https://pezilla-la-riviere.fr/actes/2024-052.pdf",
        ],
    );
    let csv = db.join("deliberations.csv");
    reussit(
        db,
        &[
            "export",
            "scdl",
            "--year",
            "2024",
            "-o",
            csv.to_str().unwrap(),
        ],
    );
    let texte = std::fs::read_to_string(&csv).unwrap();
    let lignes: Vec<&str> = texte.lines().collect();
    assert_eq!(lignes.len(), 2, "{texte}");
    assert!(lignes[0].starts_with("COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,"));
    assert!(lignes[1].starts_with("Pézilla-la-Rivière,21660140100120,2024/052,2024-05-15,8.1,domaines de compétences par thèmes/enseignement,"), "{}", lignes[1]);
    assert!(
        lignes[1].ends_with(
            ",PREF066,2024-05-21,27,23,23,0,0,https://pezilla-la-riviere.fr/actes/2024-052.pdf"
        ),
        "{}",
        lignes[1]
    );
    valider_avec_frictionless(&csv);
    // Another year: header only.
    assert_eq!(
        reussit(db, &["export", "scdl", "--year", "2023"])
            .lines()
            .count(),
        1
    );
}

#[test]
fn une_deliberation_signee_sans_matiere_bloque_l_export_avec_son_numero() {
    let dir = base_demo();
    let export: serde_json::Value =
        serde_json::from_str(&reussit(dir.path(), &["export", "json"])).unwrap();
    let mut modifie = export.clone();
    let d = &mut modifie["registre"]["deliberations"][0];
    d["statut"] = "signe".into();
    d.as_object_mut().unwrap().remove("matiere");
    let autre = tempfile::tempdir().unwrap();
    let fichier = autre.path().join("registre.json");
    std::fs::write(&fichier, modifie.to_string()).unwrap();
    reussit(autre.path(), &["import", fichier.to_str().unwrap()]);
    let csv = autre.path().join("d.csv");
    let s = registre(
        autre.path(),
        &["export", "scdl", "-o", csv.to_str().unwrap()],
    );
    assert_ne!(s.code, 0);
    assert!(
        s.stderr.contains("délibération n° 2024/052") && s.stderr.contains("matière ACTES"),
        "{}",
        s.stderr
    );
    assert!(!csv.exists(), "nothing written");
}

#[test]
fn la_deliberation_2024_052_signee_donne_un_paquet_actes_complet() {
    let dir = base_demo();
    let db = dir.path();
    let paquet = db.join("paquet");
    let refus = registre(db, &["actes", "2024/052", "-o", paquet.to_str().unwrap()]);
    assert_ne!(refus.code, 0);
    assert!(
        refus.stderr.contains("seul un acte signé"),
        "{}",
        refus.stderr
    );
    assert!(!paquet.exists(), "nothing written for an unsigned act");

    reussit(
        db,
        &["--par", "maire", "status", "2024/052", "bon-pour-signature"],
    );
    reussit(db, &["--par", "maire", "status", "2024/052", "signer"]);
    let liste = reussit(
        db,
        &[
            "actes",
            "2024/052",
            "-o",
            paquet.to_str().unwrap(),
            "--classification",
            "2024-01-10",
        ],
    );
    let racine = "066-216601401-20240515-2024_052-DE-1-1";
    assert_eq!(
        liste,
        format!("{racine}_1.pdf\n{racine}_2.pdf\nmetadonnees.json\nacte.xml\n")
    );
    let signe = db.join("signe.pdf");
    reussit(
        db,
        &["pdf", "signe", "2024/052", "-o", signe.to_str().unwrap()],
    );
    assert_eq!(
        std::fs::read(paquet.join(format!("{racine}_1.pdf"))).unwrap(),
        std::fs::read(&signe).unwrap(),
        "the package carries the signed PDF byte for byte"
    );
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(paquet.join("metadonnees.json")).unwrap()).unwrap();
    assert_eq!(m["numero_interne"], "2024_052");
    assert_eq!(m["matiere_code"], "8.1");
    assert_eq!(m["nature_lettres"], "DE");
    let xml: String = std::fs::read(paquet.join("acte.xml"))
        .unwrap()
        .iter()
        .map(|&b| b as char)
        .collect();
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"));
    assert!(xml
        .contains("<actes:ClassificationDateVersion>2024-01-10</actes:ClassificationDateVersion>"));
    // A second run does not overwrite a package.
    let encore = registre(db, &["actes", "2024/052", "-o", paquet.to_str().unwrap()]);
    assert_ne!(encore.code, 0);
    assert!(
        encore.stderr.contains("n'est pas vide"),
        "{}",
        encore.stderr
    );
}

#[test]
fn la_publication_d_une_periode_donne_les_pdf_signes_et_une_page_index() {
    let dir = base_demo();
    let db = dir.path();
    let vide = db.join("vide");
    reussit(
        db,
        &[
            "export",
            "publication",
            "--du",
            "2024-05-01",
            "--au",
            "2024-05-31",
            "-o",
            vide.to_str().unwrap(),
        ],
    );
    let index = std::fs::read_to_string(vide.join("index.html")).unwrap();
    assert!(
        index.contains("Aucun acte pour cette période"),
        "a draft is not published"
    );

    reussit(
        db,
        &["--par", "maire", "status", "2024/052", "bon-pour-signature"],
    );
    reussit(db, &["--par", "maire", "status", "2024/052", "signer"]);
    let site = db.join("site");
    reussit(
        db,
        &[
            "export",
            "publication",
            "--du",
            "2024-05-01",
            "--au",
            "2024-05-31",
            "--en-ligne",
            "2024-05-22",
            "-o",
            site.to_str().unwrap(),
        ],
    );
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(index.contains("Mis en ligne le 22/05/2024"), "{index}");
    assert!(index.contains("au moins deux mois"), "{index}");
    assert!(
        index.contains("href=\"deliberation-2024-052.pdf\""),
        "{index}"
    );
    let signe = db.join("signe.pdf");
    reussit(
        db,
        &["pdf", "signe", "2024/052", "-o", signe.to_str().unwrap()],
    );
    assert_eq!(
        std::fs::read(site.join("deliberation-2024-052.pdf")).unwrap(),
        std::fs::read(&signe).unwrap()
    );
}
