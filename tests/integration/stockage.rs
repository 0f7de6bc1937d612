//! On-disk formats: the committed fixture of each released format still
//! opens, and a newer format is refused without being touched.

use crate::aide::{copier_dossier, fixture, registre, reussit};

#[test]
fn la_fixture_du_format_1_s_ouvre_et_se_lit() {
    let dir = tempfile::tempdir().unwrap();
    copier_dossier(&fixture("stockage-v1"), dir.path());
    let d: serde_json::Value =
        serde_json::from_str(&reussit(dir.path(), &["show", "2024/052", "--json"])).unwrap();
    assert_eq!(d["comptes"]["en_exercice"], 27);
    assert_eq!(d["procurations"][0]["mandataire"], "Guy PALOFFIS");
}

#[test]
fn une_base_d_un_format_plus_recent_est_refusee_en_francais() {
    let dir = tempfile::tempdir().unwrap();
    copier_dossier(&fixture("stockage-v1"), dir.path());
    let futur = registre_core::FORMAT_STOCKAGE + 1;
    {
        let db = sled::open(dir.path().join("sled")).unwrap();
        db.open_tree("meta")
            .unwrap()
            .insert("format_stockage", &futur.to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    let s = registre(dir.path(), &["list"]);
    assert_ne!(s.code, 0);
    assert!(
        s.stderr.contains("version plus récente de Registre"),
        "{}",
        s.stderr
    );
    let db = sled::open(dir.path().join("sled")).unwrap();
    let v = db
        .open_tree("meta")
        .unwrap()
        .get("format_stockage")
        .unwrap()
        .unwrap();
    assert_eq!(v.as_ref(), futur.to_be_bytes());
}

#[test]
fn la_fixture_du_format_1_passe_au_format_2_et_son_historique_commence_par_une_reprise() {
    let dir = tempfile::tempdir().unwrap();
    copier_dossier(&fixture("stockage-v1"), dir.path());
    reussit(dir.path(), &["review", "2024/052", "--lu"]);
    let h: serde_json::Value =
        serde_json::from_str(&reussit(dir.path(), &["history", "2024/052", "--json"])).unwrap();
    let actions: Vec<&str> = h
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"]["type"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["import", "lecture"]);
    let db = sled::open(dir.path().join("sled")).unwrap();
    let format = db
        .open_tree("meta")
        .unwrap()
        .get("format_stockage")
        .unwrap()
        .unwrap();
    assert_eq!(format.as_ref(), 2u32.to_be_bytes());
}
