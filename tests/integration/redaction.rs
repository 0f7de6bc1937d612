//! Drafting, the mayor's review and signed-means-frozen, through the core
//! and through the CLI on temporary databases.

use registre_core::cycle::{Acteur, DemandeTransition, Role};
use registre_core::domaine::{Decision, NatureActe, Scrutin, Statut, Vote};
use registre_core::{CodeErreur, ErreurIpc, Redaction, Registre};

use crate::aide::{base_demo, maintenant, registre, reussit};

fn plus(minutes: i64) -> chrono::NaiveDateTime {
    maintenant() + chrono::Duration::minutes(minutes)
}

fn cantine(numero: &str, prix: &str) -> Redaction {
    Redaction {
        numero: numero.into(),
        seance: "2024-05-15".into(),
        objet: "TARIFS DE LA CANTINE SCOLAIRE".into(),
        rapporteur: Some("carola-karine".into()),
        visas: vec!["Vu le code général des collectivités territoriales".into()],
        expose: format!("Le repas passe à **{prix} €** pour l'année _2024-2025_.\n\n- maternelle\n- élémentaire"),
        decisions: vec![Decision {
            verbe: "fixe".into(),
            texte: format!("le prix du repas à {prix} €."),
        }],
        vote: Vote::Unanimite,
        scrutin: Scrutin::Ordinaire,
        nature: NatureActe::Deliberations,
        matiere: Some("8.1".into()),
        convention: None,
        corrige: None,
        statut: None,
    }
}

fn ouvrir() -> (tempfile::TempDir, Registre, Acteur, Acteur) {
    let dir = tempfile::tempdir().unwrap();
    let r = Registre::ouvrir(dir.path()).unwrap();
    r.charger_demo(maintenant()).unwrap();
    let clerc = r.acteur(Role::Secretariat).unwrap();
    let maire = r.acteur(Role::Maire).unwrap();
    (dir, r, clerc, maire)
}

#[test]
fn une_nouvelle_deliberation_recoit_le_numero_suivant_et_son_numero_actes() {
    let (_dir, r, clerc, _) = ouvrir();
    assert_eq!(r.proposer_numero("2024-05-15").unwrap(), "2024/053");
    let e = r
        .enregistrer_redaction(cantine("", "3,50"), &clerc, maintenant())
        .unwrap();
    assert_eq!(e.numero, "2024/053");
    assert_eq!(e.statut, Statut::Brouillon);
    let d = r.lire_deliberation("2024/053").unwrap();
    assert_eq!(d.numero_actes.as_deref(), Some("2024_053"));
    assert_eq!(d.matiere.as_deref(), Some("8.1 Enseignement"));
    assert_eq!(d.decisions[0].verbe, "FIXE");
    // The exposé is stored as structure, and comes back as typed.
    assert_eq!(
        r.lire_redaction("2024/053").unwrap().expose,
        cantine("", "3,50").expose
    );
    assert_eq!(r.proposer_numero("2024-05-15").unwrap(), "2024/054");
}

#[test]
fn une_matiere_inconnue_est_refusee_en_nommant_le_champ() {
    let (_dir, r, clerc, _) = ouvrir();
    let mut f = cantine("", "3,50");
    f.matiere = Some("8.12".into());
    let e: ErreurIpc = r
        .enregistrer_redaction(f, &clerc, maintenant())
        .unwrap_err()
        .into();
    assert_eq!(e.code, CodeErreur::DonneeInvalide);
    assert!(
        e.message.contains("matiere") && e.message.contains("8.12"),
        "{}",
        e.message
    );
    assert_eq!(r.lister_deliberations().unwrap().len(), 1, "nothing saved");
}

#[test]
fn l_autosauvegarde_ne_multiplie_pas_les_versions() {
    let (_dir, r, clerc, _) = ouvrir();
    let v1 = r
        .enregistrer_redaction(cantine("", "3,50"), &clerc, maintenant())
        .unwrap();
    // Saves by the same person within ten minutes make one version, the
    // creation included.
    let v1bis = r
        .enregistrer_redaction(cantine("2024/053", "3,60"), &clerc, plus(1))
        .unwrap();
    let v1ter = r
        .enregistrer_redaction(cantine("2024/053", "3,70"), &clerc, plus(2))
        .unwrap();
    assert_eq!((v1.version, v1bis.version, v1ter.version), (1, 1, 1));
    let v2 = r
        .enregistrer_redaction(cantine("2024/053", "3,80"), &clerc, plus(30))
        .unwrap();
    assert_eq!(v2.version, 2);
    let h = r.historique("2024/053").unwrap();
    assert_eq!(
        h.iter().map(|e| e.libelle.as_str()).collect::<Vec<_>>(),
        ["Création", "Modification"]
    );
    assert_eq!(
        r.version("2024/053", 1).unwrap().decisions[0].texte,
        "le prix du repas à 3,70 €."
    );
}

#[test]
fn le_maire_voit_ce_qui_a_change_depuis_sa_lecture_puis_signe_et_l_acte_est_fige() {
    let (_dir, r, clerc, maire) = ouvrir();
    r.enregistrer_redaction(cantine("", "3,50"), &clerc, maintenant())
        .unwrap();
    r.changer_statut(
        "2024/053",
        &DemandeTransition::Soumettre,
        &clerc,
        plus(1),
        None,
    )
    .unwrap();
    let attente = r.a_relire().unwrap();
    assert_eq!(
        attente
            .iter()
            .map(|a| a.numero.as_str())
            .collect::<Vec<_>>(),
        ["2024/052", "2024/053"],
        "oldest first"
    );
    assert!(r.revue("2024/053").unwrap().version_lue.is_none());
    r.marquer_lu("2024/053", &maire, plus(2)).unwrap();
    assert!(r.revue("2024/053").unwrap().changements.is_empty());

    r.enregistrer_redaction(cantine("2024/053", "3,80"), &clerc, plus(3))
        .unwrap();
    let revue = r.revue("2024/053").unwrap();
    assert_eq!(revue.version_lue, Some(1));
    let champs: Vec<&str> = revue.changements.iter().map(|c| c.champ.as_str()).collect();
    assert_eq!(champs, ["Exposé", "Dispositif"]);
    let retire: Vec<&str> = revue.changements[1]
        .morceaux
        .iter()
        .filter(|m| m.genre == registre_core::diff::Genre::Retire)
        .map(|m| m.texte.trim())
        .collect();
    assert_eq!(retire, ["3,50"]);

    let c = r
        .commenter("2024/053", "Voir avec la trésorerie", &maire, plus(4))
        .unwrap();
    let e: ErreurIpc = r
        .changer_statut(
            "2024/053",
            &DemandeTransition::BonPourSignature,
            &maire,
            plus(5),
            None,
        )
        .unwrap_err()
        .into();
    assert_eq!(e.code, CodeErreur::TransitionRefusee);
    r.resoudre_commentaire("2024/053", c.id, &clerc, plus(6))
        .unwrap();
    r.changer_statut(
        "2024/053",
        &DemandeTransition::BonPourSignature,
        &maire,
        plus(7),
        None,
    )
    .unwrap();
    r.changer_statut(
        "2024/053",
        &DemandeTransition::Signer,
        &maire,
        plus(8),
        None,
    )
    .unwrap();

    let signe = r.pdf_signe("2024/053").unwrap();
    assert!(signe.starts_with(b"%PDF"));
    let controle = r.controler_pdf(&signe).unwrap();
    assert_eq!(controle.deliberation.as_deref(), Some("2024/053"));
    let mut altere = signe.clone();
    altere.push(b'\n');
    assert!(r.controler_pdf(&altere).unwrap().deliberation.is_none());

    let e: ErreurIpc = r
        .enregistrer_redaction(cantine("2024/053", "9,99"), &clerc, plus(9))
        .unwrap_err()
        .into();
    assert_eq!(e.code, CodeErreur::ActeSigne);
    assert!(
        e.message.contains("ne peut plus être modifié"),
        "{}",
        e.message
    );
    assert_eq!(
        r.lire_deliberation("2024/053").unwrap().decisions[0].texte,
        "le prix du repas à 3,80 €."
    );
    let etapes: Vec<String> = r
        .historique("2024/053")
        .unwrap()
        .into_iter()
        .map(|e| e.libelle)
        .collect();
    assert_eq!(
        etapes,
        [
            "Création",
            "Statut « Soumis au maire »",
            "Lu par le maire",
            "Modification",
            "Commentaire : Voir avec la trésorerie",
            "Commentaire n° 1 résolu",
            "Statut « Bon pour signature »",
            "Statut « Signé »",
        ]
    );
}

#[test]
fn un_modele_donne_un_nouveau_brouillon_sans_vote_ni_convention() {
    let (_dir, r, clerc, _) = ouvrir();
    let e = r
        .creer_depuis("2024/052", "2024-05-15", &clerc, maintenant())
        .unwrap();
    let d = r.lire_redaction(&e.numero).unwrap();
    assert_eq!(e.numero, "2024/053");
    assert!(d.objet.starts_with("CONVENTION DE PARTENARIAT"));
    assert_eq!(d.convention, None);
    assert_eq!(d.matiere.as_deref(), Some("8.1"));
}

#[test]
fn la_cli_suit_le_meme_cycle_et_verifie_le_pdf_signe() {
    let dir = base_demo();
    let db = dir.path();
    let fichier = db.join("redaction.json");
    std::fs::write(
        &fichier,
        serde_json::to_string(&cantine("", "3,50")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        reussit(db, &["draft", "save", fichier.to_str().unwrap()]),
        "2024/053\n"
    );
    reussit(db, &["status", "2024/053", "soumettre"]);
    let refus = registre(db, &["status", "2024/053", "signer", "--par", "maire"]);
    assert_ne!(refus.code, 0);
    assert!(
        refus.stderr.contains("« Bon pour signature »"),
        "{}",
        refus.stderr
    );
    reussit(
        db,
        &["--par", "maire", "status", "2024/053", "bon-pour-signature"],
    );
    let signature = reussit(db, &["--par", "maire", "status", "2024/053", "signer"]);
    assert!(signature.contains("SHA-256"), "{signature}");

    let pdf = db.join("signe.pdf");
    reussit(
        db,
        &["pdf", "signe", "2024/053", "-o", pdf.to_str().unwrap()],
    );
    assert!(reussit(db, &["verify", pdf.to_str().unwrap()]).starts_with("CONFORME"));
    let autre = db.join("autre.pdf");
    // Another act's extract (the signed act's own extract, rendered in the
    // same second, would be byte-identical: rendering is deterministic).
    reussit(
        db,
        &["pdf", "extrait", "2024/052", "-o", autre.to_str().unwrap()],
    );
    let s = registre(db, &["verify", autre.to_str().unwrap()]);
    assert_eq!(s.code, 4);
    assert!(s.stdout.starts_with("NON CONFORME"), "{}", s.stdout);

    std::fs::write(
        &fichier,
        serde_json::to_string(&cantine("2024/053", "9,99")).unwrap(),
    )
    .unwrap();
    let refus = registre(db, &["draft", "save", fichier.to_str().unwrap()]);
    assert_ne!(refus.code, 0);
    assert!(
        refus.stderr.contains("ne peut plus être modifié"),
        "{}",
        refus.stderr
    );
    let h: serde_json::Value =
        serde_json::from_str(&reussit(db, &["history", "2024/053", "--json"])).unwrap();
    let libelles: Vec<&str> = h
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["libelle"].as_str().unwrap())
        .collect();
    assert_eq!(
        libelles,
        [
            "Création",
            "Statut « Soumis au maire »",
            "Statut « Bon pour signature »",
            "Statut « Signé »"
        ]
    );
}

#[test]
fn un_trou_dans_la_numerotation_est_signale_jusqu_a_ce_que_son_motif_soit_enregistre() {
    let dir = base_demo();
    let db = dir.path();
    let fichier = db.join("redaction.json");
    std::fs::write(
        &fichier,
        serde_json::to_string(&cantine("2024/054", "3,50")).unwrap(),
    )
    .unwrap();
    reussit(db, &["draft", "save", fichier.to_str().unwrap()]);
    let check = registre(db, &["check", "2024/054"]);
    assert!(
        check.stdout.contains("numerotation_lacunaire") && check.stdout.contains("2024/053"),
        "{}",
        check.stdout
    );
    reussit(
        db,
        &[
            "draft",
            "skip",
            "2024/053",
            "--motif",
            "Point retiré de l'ordre du jour",
        ],
    );
    let check = reussit(db, &["check", "2024/054"]);
    assert!(!check.contains("numerotation_lacunaire"), "{check}");
    // A cancelled number is never proposed again.
    assert_eq!(
        reussit(db, &["draft", "numero", "2024-05-15"]),
        "2024/055\n"
    );
    let refus = registre(db, &["draft", "skip", "2024/054", "--motif", "x"]);
    assert_ne!(refus.code, 0);
    assert!(refus.stderr.contains("numero"), "{}", refus.stderr);
}
