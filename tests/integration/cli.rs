//! The `registre` command line: its contract, end to end on a real database.

use serde_json::Value;

use crate::aide::{base_demo, registre, reussit};

#[test]
fn demo_puis_show_json_rend_les_donnees_de_l_extrait() {
    let db = base_demo();
    let d: Value =
        serde_json::from_str(&reussit(db.path(), &["show", "2024/052", "--json"])).unwrap();
    assert_eq!(d["numero"], "2024/052");
    assert_eq!(d["commune"], "Pézilla-la-Rivière");
    assert_eq!(
        d["objet"],
        "CONVENTION DE PARTENARIAT ACADEMIE DE MONTPELLIER/COMMUNE MISE A DISPOSITION D'UN ENT (ENVIRONNEMENT NUMERIQUE DE TRAVAIL) 2024/2025"
    );
    assert_eq!(d["date_seance"], "2024-05-15");
    assert_eq!(d["heure_seance"], "18:00:00");
    assert_eq!(d["date_convocation"], "2024-05-07");
    assert_eq!(d["president"], "Jean-Paul BILLES");
    assert_eq!(d["secretaires"], serde_json::json!(["Laurence BARBERA"]));
    assert_eq!(d["rapporteur"], "Karine CAROLA");
    assert_eq!(
        d["comptes"],
        serde_json::json!({"en_exercice": 27, "presents": 22, "absents": 5, "representes": 1, "votants": 23, "ne_prennent_pas_part": 0})
    );
    assert_eq!(d["presents"].as_array().unwrap().len(), 22);
    assert_eq!(d["presents"][21], "Christian FALZON");
    assert_eq!(
        d["procurations"],
        serde_json::json!([{"mandant": "Yves ESCAPE", "mandataire": "Guy PALOFFIS"}])
    );
    assert_eq!(
        d["absents_excuses"],
        serde_json::json!([
            "Marc BILLES",
            "Nicolas OLIVE",
            "Chrystelle CARLOS",
            "Evelyne SARRAZIN"
        ])
    );
    assert_eq!(
        d["formule_vote"],
        "à l'unanimité des membres présents et représentés"
    );
    assert_eq!(d["decisions"][0]["verbe"], "APPROUVE");
    assert_eq!(d["decisions"][1]["verbe"], "AUTORISE");
    assert!(d["expose"][0]
        .as_str()
        .unwrap()
        .contains("45 € TTC/école/an"));
    assert_eq!(d["convention"]["id"], "ent-ecole-2024-2025");
    assert_eq!(d["convention"]["annee_scolaire"], "2024-2025");
    assert_eq!(d["convention"]["fin"], "2025-09-01");
    assert_eq!(
        d["convention"]["montant"],
        "2 école(s) × 45\u{a0}€ TTC = 90\u{a0}€ TTC"
    );
    assert_eq!(d["issue"], "adoptee");
    // The reference document's own slip: it approves the convention "pour
    // l'année scolaire 2023-2024" while the convention covers 2024-2025.
    let codes: Vec<&str> = d["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["periode_incoherente", "periode_incoherente"]);
}

#[test]
fn show_texte_imprime_l_extrait_lisible() {
    let db = base_demo();
    let texte = reussit(db.path(), &["show", "2024/052"]);
    assert!(texte.contains("Membres en exercice : 27"), "{texte}");
    assert!(
        texte.contains("Yves ESCAPE (Pouvoir à Guy PALOFFIS)"),
        "{texte}"
    );
    assert!(texte.contains("► APPROUVE la convention"), "{texte}");
}

#[test]
fn list_donne_numero_date_objet_statut() {
    let db = base_demo();
    let liste: Value = serde_json::from_str(&reussit(db.path(), &["list", "--json"])).unwrap();
    assert_eq!(liste.as_array().unwrap().len(), 1);
    assert_eq!(liste[0]["numero"], "2024/052");
    assert_eq!(liste[0]["date_seance"], "2024-05-15");
    assert_eq!(liste[0]["statut"], "soumis_au_maire");
    let texte = reussit(db.path(), &["list"]);
    assert!(
        texte.starts_with("2024/052  15/05/2024  Soumis au maire"),
        "{texte}"
    );
}

#[test]
fn show_d_un_numero_absent_echoue_en_francais() {
    let db = base_demo();
    let s = registre(db.path(), &["show", "2024/999"]);
    assert_ne!(s.code, 0);
    assert!(
        s.stderr.contains("n'existe pas dans le registre"),
        "{}",
        s.stderr
    );
    let s = registre(db.path(), &["show", "52"]);
    assert_ne!(s.code, 0);
    assert!(s.stderr.contains("AAAA/NNN"), "{}", s.stderr);
}

#[test]
fn demo_refuse_d_ecraser_un_registre_existant() {
    let db = base_demo();
    let s = registre(db.path(), &["demo"]);
    assert_ne!(s.code, 0);
    assert!(
        s.stderr.contains("contient déjà des données"),
        "{}",
        s.stderr
    );
}

#[test]
fn export_puis_import_fait_l_aller_retour_a_l_identique() {
    let db = base_demo();
    let dir = tempfile::tempdir().unwrap();
    let fichier = dir.path().join("registre export.json");
    reussit(
        db.path(),
        &["export", "json", "-o", fichier.to_str().unwrap()],
    );
    let autre = tempfile::tempdir().unwrap();
    reussit(autre.path(), &["import", fichier.to_str().unwrap()]);
    let premier = std::fs::read_to_string(&fichier).unwrap();
    let second = reussit(autre.path(), &["export", "json"]);
    assert_eq!(premier, second);
    let v: Value = serde_json::from_str(&premier).unwrap();
    assert_eq!(v["format"], "registre");
    assert_eq!(v["version"], 1);
}

#[test]
fn import_malforme_ne_change_rien_et_nomme_le_champ() {
    let db = base_demo();
    let avant = reussit(db.path(), &["export", "json"]);
    let mut v: Value = serde_json::from_str(&avant).unwrap();
    v["registre"]["seances"][0]["date_convocation"] = "07/05/2024".into();
    v["registre"]["deliberations"][0]["objet"] = "Objet modifié".into();
    let dir = tempfile::tempdir().unwrap();
    let fichier = dir.path().join("faux.json");
    std::fs::write(&fichier, v.to_string()).unwrap();

    let s = registre(
        db.path(),
        &["import", "--remplacer", fichier.to_str().unwrap()],
    );
    assert_ne!(s.code, 0);
    assert!(
        s.stderr.contains("registre.seances[0].date_convocation"),
        "{}",
        s.stderr
    );
    assert!(s.stderr.contains("rien n'a été modifié"), "{}", s.stderr);
    assert_eq!(reussit(db.path(), &["export", "json"]), avant);

    let vide = tempfile::tempdir().unwrap();
    let s = registre(vide.path(), &["import", fichier.to_str().unwrap()]);
    assert_ne!(s.code, 0);
    assert_eq!(reussit(vide.path(), &["list", "--json"]).trim(), "[]");
}

#[test]
fn import_d_un_fichier_qui_n_est_pas_du_json_indique_la_ligne() {
    let db = tempfile::tempdir().unwrap();
    let fichier = db.path().join("casse.json");
    std::fs::write(&fichier, "{\n  \"format\": \"registre\",\n  oups\n}").unwrap();
    let s = registre(db.path(), &["import", fichier.to_str().unwrap()]);
    assert_ne!(s.code, 0);
    assert!(
        s.stderr.contains("n'est pas un JSON valide (ligne 3"),
        "{}",
        s.stderr
    );
}

#[test]
fn import_dans_un_registre_non_vide_exige_remplacer() {
    let db = base_demo();
    let dir = tempfile::tempdir().unwrap();
    let fichier = dir.path().join("export.json");
    reussit(
        db.path(),
        &["export", "json", "-o", fichier.to_str().unwrap()],
    );
    let s = registre(db.path(), &["import", fichier.to_str().unwrap()]);
    assert_ne!(s.code, 0);
    assert!(
        s.stderr.contains("contient déjà des données"),
        "{}",
        s.stderr
    );
    reussit(
        db.path(),
        &["import", "--remplacer", fichier.to_str().unwrap()],
    );
}

#[test]
fn import_d_un_fichier_absent_echoue_proprement() {
    let db = tempfile::tempdir().unwrap();
    let s = registre(db.path(), &["import", "/nulle/part/registre.json"]);
    assert_ne!(s.code, 0);
    assert!(
        s.stderr.contains("/nulle/part/registre.json"),
        "{}",
        s.stderr
    );
}

#[test]
fn une_base_ouverte_ailleurs_donne_un_message_clair_sans_panique() {
    let db = base_demo();
    let ouvert = registre_core::Registre::ouvrir(db.path()).unwrap();
    let s = registre(db.path(), &["list"]);
    assert_eq!(s.code, 1, "{}", s.stderr);
    assert!(
        s.stderr.contains("déjà ouverte par une autre instance"),
        "{}",
        s.stderr
    );
    assert!(!s.stderr.contains("panicked"), "{}", s.stderr);
    drop(ouvert);
    reussit(db.path(), &["list"]);
}

#[test]
fn un_chemin_avec_espaces_et_accents_fonctionne() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("Mairie de Pézilla").join("Registre élu");
    reussit(&db, &["demo"]);
    assert!(reussit(&db, &["list"]).contains("2024/052"));
}

#[test]
fn check_du_registre_de_reference_signale_les_deux_periodes_incoherentes_sans_bloquer() {
    let db = base_demo();
    let s = registre(db.path(), &["check"]);
    assert_eq!(s.code, 0, "warnings only: {}", s.stderr);
    assert!(s.stdout.starts_with("2024/052 :\n"), "{}", s.stdout);
    assert!(
        s.stdout.contains("[AVERTISSEMENT] Cohérence : la décision « APPROUVE » (periode_incoherente) : La décision « APPROUVE » mentionne l'année scolaire 2023-2024 alors que la convention couvre l'année scolaire 2024-2025"),
        "{}",
        s.stdout
    );
    assert!(
        s.stdout.contains(
            "[AVERTISSEMENT] Cohérence : l'article 4 de la convention (periode_incoherente)"
        ),
        "{}",
        s.stdout
    );
    assert_eq!(
        s.stdout.matches("[AVERTISSEMENT]").count(),
        2,
        "{}",
        s.stdout
    );
    assert!(!s.stdout.contains("[ERREUR]"), "{}", s.stdout);
}

#[test]
fn check_signale_les_erreurs_avec_leur_article_et_sort_en_code_3() {
    let db = base_demo();
    let mut v: Value = serde_json::from_str(&reussit(db.path(), &["export", "json"])).unwrap();
    v["registre"]["seances"][0]["date_convocation"] = "2024-05-12".into();
    for p in v["registre"]["seances"][0]["presences"]
        .as_array_mut()
        .unwrap()
    {
        if p["elu"] == "olive-nicolas" {
            p["etat"] = "represente".into();
            p["mandataire"] = "paloffis-guy".into();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let fichier = dir.path().join("seance.json");
    std::fs::write(&fichier, v.to_string()).unwrap();
    reussit(
        db.path(),
        &["import", "--remplacer", fichier.to_str().unwrap()],
    );

    let s = registre(db.path(), &["check", "2024/052"]);
    assert_eq!(s.code, 3, "{}", s.stderr);
    assert!(
        s.stdout
            .contains("[ERREUR] CGCT L2121-12 (delai_convocation_insuffisant)"),
        "{}",
        s.stdout
    );
    assert!(
        s.stdout.contains("Guy PALOFFIS détient 2 pouvoirs"),
        "{}",
        s.stdout
    );
    assert!(
        !s.stdout.contains("total_des_voix_incoherent"),
        "{}",
        s.stdout
    );
    let j: Value = serde_json::from_str(&registre(db.path(), &["check", "--json"]).stdout).unwrap();
    let codes: Vec<&str> = j[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "delai_convocation_insuffisant",
            "pouvoirs_multiples",
            "periode_incoherente",
            "periode_incoherente"
        ]
    );
}

#[test]
fn convention_renouvelee_pour_2025_2026_en_une_commande() {
    let db = base_demo();
    let s = registre(
        db.path(),
        &["convention", "renouveler", "ent-ecole-2024-2025", "--json"],
    );
    assert_eq!(s.code, 0, "{}", s.stderr);
    let c: Value = serde_json::from_str(&s.stdout).unwrap();
    assert_eq!(c["id"], "ent-ecole-2025-2026");
    assert_eq!(c["periode"]["annee_scolaire"], "2025-2026");
    assert_eq!(c["periode"]["fin"], "2026-09-01");
    assert_eq!(
        c["conditions_financieres"]["montant_unitaire_centimes"],
        4500
    );
    assert!(c["deliberation"].is_null());
    let export: Value = serde_json::from_str(&reussit(db.path(), &["export", "json"])).unwrap();
    assert_eq!(
        export["registre"]["conventions"].as_array().unwrap().len(),
        2
    );
}

#[test]
fn echeances_des_conventions_a_une_date_donnee() {
    let db = base_demo();
    let texte = reussit(
        db.path(),
        &[
            "convention",
            "echeances",
            "--au",
            "2025-07-15",
            "--jours",
            "60",
        ],
    );
    assert!(
        texte.starts_with("ent-ecole-2024-2025  fin le 01/09/2025 (dans 48 jour(s))"),
        "{texte}"
    );
    let s = registre(
        db.path(),
        &["convention", "echeances", "--au", "2025-01-15"],
    );
    assert_eq!(s.code, 0);
    assert_eq!(s.stdout, "");
    assert!(s.stderr.contains("Aucune convention"), "{}", s.stderr);
    let s = registre(
        db.path(),
        &["convention", "echeances", "--au", "15/07/2025"],
    );
    assert_ne!(s.code, 0);
}

/// Windows users keep their data under names such as « Mairie de Pézilla »:
/// a database, backups and documents in folders with spaces and accents.
#[test]
fn les_chemins_avec_espaces_et_accents_fonctionnent() {
    let parent = tempfile::tempdir().unwrap();
    let base = parent
        .path()
        .join("Mairie de Pézilla-la-Rivière")
        .join("registre des délibérations");
    reussit(&base, &["demo"]);
    let pdf = parent
        .path()
        .join("Documents signés")
        .join("extrait n° 2024-052 (été).pdf");
    std::fs::create_dir_all(pdf.parent().unwrap()).unwrap();
    reussit(
        &base,
        &["pdf", "dossier", "2024/052", "-o", pdf.to_str().unwrap()],
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let copie = reussit(&base, &["backup"]);
    assert!(
        copie.contains("registre des délibérations-sauvegardes"),
        "{copie}"
    );
    let export = parent.path().join("Export données ouvertes.json");
    reussit(&base, &["export", "json", "-o", export.to_str().unwrap()]);
    let autre = parent.path().join("Copie à côté");
    reussit(&autre, &["import", export.to_str().unwrap()]);
    assert_eq!(reussit(&autre, &["list"]), reussit(&base, &["list"]));
}

/// A tmpfs of `taille` mounted on a temporary folder, unmounted on drop.
/// Needs the right to mount (root on the CI machines); elsewhere the test
/// that uses it says so and checks nothing.
struct DisquePetit {
    dossier: tempfile::TempDir,
}

impl DisquePetit {
    fn monter(taille: &str) -> Option<DisquePetit> {
        let dossier = tempfile::tempdir().ok()?;
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={taille}"), "tmpfs"])
            .arg(dossier.path())
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        ok.then_some(DisquePetit { dossier })
    }
}

impl Drop for DisquePetit {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.dossier.path())
            .status();
    }
}

#[test]
fn un_disque_plein_donne_un_message_clair_et_aucun_fichier_a_moitie_ecrit() {
    let db = base_demo();
    let Some(disque) = DisquePetit::monter("48k") else {
        eprintln!("montage d'un tmpfs impossible ici : test du disque plein sauté");
        return;
    };
    let pdf = disque.dossier.path().join("dossier.pdf");
    let s = registre(
        db.path(),
        &["pdf", "dossier", "2024/052", "-o", pdf.to_str().unwrap()],
    );
    assert_ne!(s.code, 0);
    assert!(s.stderr.contains("le disque est plein"), "{}", s.stderr);
    let restes: Vec<_> = std::fs::read_dir(disque.dossier.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(restes.is_empty(), "left behind: {restes:?}");
    // The register itself is untouched and still answers.
    assert!(reussit(db.path(), &["list"]).contains("2024/052"));
}

#[test]
fn elu_save_ajoute_un_conseiller_puis_ferme_son_mandat_et_refuse_un_nom_vide() {
    let db = base_demo();
    let avant: Value =
        serde_json::from_str(&reussit(db.path(), &["elu", "list", "--json"])).unwrap();
    let fichier = db.path().join("nouvel élu.json");
    let mut elu = serde_json::json!({
        "id": "",
        "civilite": "madame",
        "prenom": "Élodie",
        "nom": "DURAND",
        "fonction": "conseiller",
        "mandat_debut": "2024-06-01"
    });
    std::fs::write(&fichier, elu.to_string()).unwrap();
    let id = reussit(db.path(), &["elu", "save", fichier.to_str().unwrap()]);
    assert_eq!(id.trim(), "durand-elodie");

    elu["id"] = id.trim().into();
    elu["mandat_fin"] = "2025-12-31".into();
    std::fs::write(&fichier, elu.to_string()).unwrap();
    reussit(db.path(), &["elu", "save", fichier.to_str().unwrap()]);
    let texte = reussit(db.path(), &["elu", "list"]);
    assert!(
        texte.contains(
            "durand-elodie  Élodie DURAND  Conseillère municipale  (mandat terminé le 31/12/2025)"
        ),
        "{texte}"
    );

    elu["nom"] = " ".into();
    std::fs::write(&fichier, elu.to_string()).unwrap();
    let s = registre(db.path(), &["elu", "save", fichier.to_str().unwrap()]);
    assert_ne!(s.code, 0);
    assert!(s.stderr.contains("elu.nom"), "{}", s.stderr);
    let apres: Value =
        serde_json::from_str(&reussit(db.path(), &["elu", "list", "--json"])).unwrap();
    assert_eq!(
        apres.as_array().unwrap().len(),
        avant.as_array().unwrap().len() + 1
    );
}

#[test]
fn logo_garde_une_image_png_refuse_un_gif_en_nommant_le_champ_et_se_retire() {
    let db = base_demo();
    // A 1 × 1 PNG, byte for byte.
    let png: [u8; 70] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F,
        0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0xFC,
        0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x05, 0x02, 0x00, 0x5F, 0xC8, 0xF1, 0xD2, 0x00, 0x00,
        0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];
    let image = db.path().join("logo de la mairie.png");
    std::fs::write(&image, png).unwrap();
    assert!(registre(db.path(), &["logo"]).stderr.contains("Aucun logo"));
    reussit(db.path(), &["logo", image.to_str().unwrap()]);
    assert_eq!(reussit(db.path(), &["logo"]), "logo : 1 × 1 pixels, 1 Ko\n");

    let gif = db.path().join("logo.gif");
    std::fs::write(&gif, b"GIF89a\x01\x00\x01\x00").unwrap();
    let s = registre(db.path(), &["logo", gif.to_str().unwrap()]);
    assert_ne!(s.code, 0);
    assert!(
        s.stderr.contains("commune.logo") && s.stderr.contains("PNG ou JPEG"),
        "{}",
        s.stderr
    );
    assert_eq!(
        reussit(db.path(), &["logo"]),
        "logo : 1 × 1 pixels, 1 Ko\n",
        "l'ancien logo reste"
    );

    reussit(db.path(), &["logo", "--retirer"]);
    assert!(registre(db.path(), &["logo"]).stderr.contains("Aucun logo"));
}
