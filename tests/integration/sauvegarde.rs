//! Backups: a full copy restores the register, its history and its signed
//! PDFs; a damaged backup is refused without touching anything; automatic
//! copies rotate.

use registre_core::cycle::{DemandeTransition, Role};
use registre_core::{CodeErreur, ErreurIpc, Registre};

use crate::aide::{base_demo, maintenant, registre, reussit};

fn plus(minutes: i64) -> chrono::NaiveDateTime {
    maintenant() + chrono::Duration::minutes(minutes)
}

#[test]
fn une_sauvegarde_restaure_le_registre_son_historique_et_ses_pdf_signes() {
    let dir = base_demo();
    let db = dir.path();
    reussit(
        db,
        &["--par", "maire", "status", "2024/052", "bon-pour-signature"],
    );
    reussit(db, &["--par", "maire", "status", "2024/052", "signer"]);
    let signe = db.join("signe.pdf");
    reussit(
        db,
        &["pdf", "signe", "2024/052", "-o", signe.to_str().unwrap()],
    );
    let fichier = db.join("sauvegarde.json");
    reussit(db, &["backup", "-o", fichier.to_str().unwrap()]);
    let historique_avant = reussit(db, &["history", "2024/052", "--json"]);

    // After the backup: a new draft and a comment, which the restore drops.
    reussit(db, &["draft", "from", "2024/052", "--seance", "2024-05-15"]);
    reussit(db, &["comment", "2024/052", "Remarque après la sauvegarde"]);
    assert_eq!(reussit(db, &["list"]).lines().count(), 2);

    reussit(db, &["restore", fichier.to_str().unwrap()]);
    assert_eq!(reussit(db, &["list"]).lines().count(), 1);
    assert_eq!(
        reussit(db, &["history", "2024/052", "--json"]),
        historique_avant
    );
    assert!(reussit(db, &["verify", signe.to_str().unwrap()]).starts_with("CONFORME"));
    let sortie = db.join("signe-restaure.pdf");
    reussit(
        db,
        &["pdf", "signe", "2024/052", "-o", sortie.to_str().unwrap()],
    );
    assert_eq!(
        std::fs::read(&sortie).unwrap(),
        std::fs::read(&signe).unwrap()
    );
}

#[test]
fn une_sauvegarde_alteree_est_refusee_et_rien_ne_change() {
    let dir = base_demo();
    let db = dir.path();
    reussit(
        db,
        &["--par", "maire", "status", "2024/052", "bon-pour-signature"],
    );
    reussit(db, &["--par", "maire", "status", "2024/052", "signer"]);
    let fichier = db.join("sauvegarde.json");
    reussit(db, &["backup", "-o", fichier.to_str().unwrap()]);
    let mut s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&fichier).unwrap()).unwrap();
    // Another PDF under the signed act's number: its SHA-256 differs.
    s["cycle"]["pdf_signes"]["2024/052"] = "JVBERi0xLjcKJWZhdXg=".into();
    std::fs::write(&fichier, s.to_string()).unwrap();
    reussit(db, &["draft", "from", "2024/052", "--seance", "2024-05-15"]);

    let refus = registre(db, &["restore", fichier.to_str().unwrap()]);
    assert_ne!(refus.code, 0);
    assert!(refus.stderr.contains("SHA-256"), "{}", refus.stderr);
    assert_eq!(reussit(db, &["list"]).lines().count(), 2, "nothing changed");

    std::fs::write(&fichier, "{ pas du json").unwrap();
    let refus = registre(db, &["restore", fichier.to_str().unwrap()]);
    assert!(
        refus.stderr.contains("sauvegarde Registre"),
        "{}",
        refus.stderr
    );
}

#[test]
fn les_copies_automatiques_sont_quotidiennes_et_les_plus_anciennes_s_effacent() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("registre-db");
    let r = Registre::ouvrir(&base).unwrap();
    assert_eq!(
        r.sauvegarde_automatique(maintenant(), 2, None).unwrap(),
        None,
        "empty: nothing to save"
    );
    r.charger_demo(maintenant()).unwrap();
    for heures in 0..3 {
        assert!(r
            .sauvegarde_automatique(plus(heures * 60), 2, None)
            .unwrap()
            .is_some());
    }
    let dossier = dir.path().join("registre-db-sauvegardes");
    let mut noms: Vec<String> = std::fs::read_dir(&dossier)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    noms.sort();
    assert_eq!(
        noms,
        [
            "registre-20240520-103000.json",
            "registre-20240520-113000.json"
        ]
    );
    // The daily copy: not again within 24 hours of the newest one.
    assert_eq!(
        r.sauvegarde_automatique(plus(200), 2, Some(24)).unwrap(),
        None
    );
    assert!(r
        .sauvegarde_automatique(plus(120 + 24 * 60), 2, Some(24))
        .unwrap()
        .is_some());
    let maire = r.acteur(Role::Maire).unwrap();
    // A restore of a copy brings back what it held.
    r.changer_statut(
        "2024/052",
        &DemandeTransition::RenvoyerEnBrouillon {
            motif: "test".into(),
        },
        &maire,
        plus(3000),
        None,
    )
    .unwrap();
    let copie = registre_core::sauvegarde::copies(&dossier).pop().unwrap();
    r.restaurer(&std::fs::read_to_string(copie).unwrap())
        .unwrap();
    assert_eq!(
        r.lire_deliberation("2024/052").unwrap().statut,
        registre_core::domaine::Statut::SoumisAuMaire
    );
    let e: ErreurIpc = r.restaurer("{}").unwrap_err().into();
    assert_eq!(e.code, CodeErreur::ImportInvalide);
}
