//! Crash safety: the CLI is killed with SIGKILL at arbitrary instants while
//! it replaces the whole register; after each kill the database must open
//! and hold exactly one of the two registers, never a mix, and a write the
//! CLI acknowledged (exit 0) before the kill must be there.

use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::aide::{base_demo, reussit};

fn registre_en_json(db: &std::path::Path) -> Value {
    let mut v: Value = serde_json::from_str(&reussit(db, &["export", "json"])).unwrap();
    // Order of records inside a list is the store's; compare as sets.
    for liste in ["elus", "seances", "deliberations", "conventions"] {
        if let Some(a) = v["registre"][liste].as_array_mut() {
            a.sort_by_key(|x| x.to_string());
        }
    }
    v
}

#[test]
fn un_arret_brutal_pendant_un_import_ne_laisse_jamais_un_registre_melange() {
    // Two registers that differ: the demo, and the demo with a renewed convention.
    let a = base_demo();
    let b = base_demo();
    reussit(
        b.path(),
        &["convention", "renouveler", "ent-ecole-2024-2025"],
    );
    let dir = tempfile::tempdir().unwrap();
    let (fichier_a, fichier_b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    reussit(
        a.path(),
        &["export", "json", "-o", fichier_a.to_str().unwrap()],
    );
    reussit(
        b.path(),
        &["export", "json", "-o", fichier_b.to_str().unwrap()],
    );
    let (attendu_a, attendu_b) = (registre_en_json(a.path()), registre_en_json(b.path()));
    assert_ne!(attendu_a, attendu_b);

    let db = base_demo();
    // How long one import takes here, to spread the kill instants from
    // "before anything" to "after the end": every phase of the write is hit.
    let debut = std::time::Instant::now();
    reussit(
        db.path(),
        &["import", "--remplacer", fichier_a.to_str().unwrap()],
    );
    let duree = debut.elapsed().as_millis() as u64 + 1;
    let mut acquittes = 0;
    for i in 0..40u64 {
        let (fichier, attendu) = if i % 2 == 0 {
            (&fichier_b, &attendu_b)
        } else {
            (&fichier_a, &attendu_a)
        };
        let avant = registre_en_json(db.path());
        let mut enfant = Command::new(env!("CARGO_BIN_EXE_registre"))
            .arg("--db")
            .arg(db.path())
            .args(["import", "--remplacer", fichier.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(duree * 3 * ((i * 7) % 40) / 80));
        let deja_fini = enfant.try_wait().unwrap();
        let _ = enfant.kill(); // SIGKILL on Unix
        let statut = enfant.wait().unwrap();
        let apres = registre_en_json(db.path());
        if deja_fini.is_some_and(|s| s.success()) || statut.success() {
            acquittes += 1;
            assert_eq!(
                &apres, attendu,
                "an acknowledged import is missing (round {i})"
            );
        } else {
            assert!(
                apres == avant || &apres == attendu,
                "round {i}: the register is neither the old one nor the new one"
            );
        }
    }
    // Both outcomes were exercised: some imports finished, some were cut.
    assert!(acquittes > 0 && acquittes < 40, "acknowledged: {acquittes}");
}

/// Small writes of the drafting circuit (a comment: the comment and its
/// history entry, one transaction) killed at spread instants: every
/// acknowledged comment is there after reopening, and the comments and the
/// history always agree — never a comment without its history entry.
#[test]
fn un_arret_brutal_pendant_les_ecritures_de_redaction_ne_perd_rien_d_acquitte() {
    let db = base_demo();
    let debut = std::time::Instant::now();
    reussit(db.path(), &["comment", "2024/052", "mesure"]);
    let duree = debut.elapsed().as_millis() as u64 + 1;
    let mut acquittes: Vec<String> = vec!["mesure".into()];
    for i in 0..40u64 {
        let texte = format!("commentaire {i}");
        let mut enfant = Command::new(env!("CARGO_BIN_EXE_registre"))
            .arg("--db")
            .arg(db.path())
            .args(["comment", "2024/052", &texte])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(duree * 2 * ((i * 13) % 40) / 40));
        let deja_fini = enfant.try_wait().unwrap();
        let _ = enfant.kill();
        let statut = enfant.wait().unwrap();
        if deja_fini.is_some_and(|s| s.success()) || statut.success() {
            acquittes.push(texte);
        }
    }
    let revue: Value =
        serde_json::from_str(&reussit(db.path(), &["review", "2024/052", "--json"])).unwrap();
    let commentaires: Vec<String> = revue["commentaires"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["texte"].as_str().unwrap().to_owned())
        .collect();
    for a in &acquittes {
        assert!(commentaires.contains(a), "acknowledged comment lost: {a}");
    }
    let historique: Value =
        serde_json::from_str(&reussit(db.path(), &["history", "2024/052", "--json"])).unwrap();
    let dans_l_historique: Vec<String> = historique
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"]["type"] == "commentaire")
        .map(|e| e["action"]["texte"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        dans_l_historique, commentaires,
        "comments and history disagree"
    );
    assert!(
        acquittes.len() > 1 && acquittes.len() < 41,
        "acknowledged: {}",
        acquittes.len()
    );
}
