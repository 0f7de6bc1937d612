//! The core's `Registre` API as the shell uses it.

use registre_core::{CodeErreur, ErreurIpc, Registre};

#[test]
fn un_registre_neuf_est_vide_puis_accueille_la_demo() {
    let dir = tempfile::tempdir().unwrap();
    let r = Registre::ouvrir(dir.path()).unwrap();
    let etat = r.etat().unwrap();
    assert_eq!(etat.commune, None);
    assert_eq!(etat.nombre_deliberations, 0);
    r.charger_demo(crate::aide::maintenant()).unwrap();
    let etat = r.etat().unwrap();
    assert_eq!(etat.commune.as_deref(), Some("Pézilla-la-Rivière"));
    assert_eq!(etat.nombre_deliberations, 1);
    assert_eq!(r.lister_deliberations().unwrap()[0].numero, "2024/052");
}

#[test]
fn les_erreurs_portent_un_code_stable_pour_l_interface() {
    let dir = tempfile::tempdir().unwrap();
    let r = Registre::ouvrir(dir.path()).unwrap();
    r.charger_demo(crate::aide::maintenant()).unwrap();
    let e: ErreurIpc = r.lire_deliberation("2024/999").unwrap_err().into();
    assert_eq!(e.code, CodeErreur::Introuvable);
    let e: ErreurIpc = r
        .charger_demo(crate::aide::maintenant())
        .unwrap_err()
        .into();
    assert_eq!(e.code, CodeErreur::RegistreNonVide);
    let e: ErreurIpc = Registre::ouvrir(dir.path()).err().unwrap().into();
    assert_eq!(e.code, CodeErreur::BaseOccupee);
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(json["code"], "base_occupee");
}

#[test]
fn les_donnees_survivent_a_la_fermeture() {
    let dir = tempfile::tempdir().unwrap();
    Registre::ouvrir(dir.path())
        .unwrap()
        .charger_demo(crate::aide::maintenant())
        .unwrap();
    let r = Registre::ouvrir(dir.path()).unwrap();
    assert_eq!(
        r.lire_deliberation("2024/052").unwrap().comptes.presents,
        22
    );
}

fn registre_demo() -> (tempfile::TempDir, Registre) {
    let dir = tempfile::tempdir().unwrap();
    let r = Registre::ouvrir(dir.path()).unwrap();
    r.charger_demo(crate::aide::maintenant()).unwrap();
    (dir, r)
}

#[test]
fn la_secretaire_enregistre_une_nouvelle_seance_puis_la_corrige() {
    let (_dir, r) = registre_demo();
    let mut seance = r.lire_seance("2024-05-15").unwrap();
    seance.id = String::new();
    seance.date = "2024-06-20".parse().unwrap();
    seance.date_convocation = "2024-06-12".parse().unwrap();
    let enregistree = r.enregistrer_seance(seance).unwrap();
    assert_eq!(enregistree.id, "2024-06-20");
    let ids: Vec<String> = r
        .lister_seances()
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, ["2024-06-20", "2024-05-15"]);

    let mut corrigee = r.lire_seance("2024-06-20").unwrap();
    corrigee.lieu = "salle des fêtes".into();
    r.enregistrer_seance(corrigee).unwrap();
    assert_eq!(r.lire_seance("2024-06-20").unwrap().lieu, "salle des fêtes");
    // A second séance on the same day gets its own identifier.
    let mut meme_jour = r.lire_seance("2024-06-20").unwrap();
    meme_jour.id = String::new();
    assert_eq!(r.enregistrer_seance(meme_jour).unwrap().id, "2024-06-20-b");
}

#[test]
fn une_seance_avec_un_mandataire_inconnu_est_refusee_en_nommant_le_champ() {
    let (_dir, r) = registre_demo();
    let avant = r.lire_seance("2024-05-15").unwrap();
    let mut seance = avant.clone();
    seance.presences[22].etat = registre_core::domaine::EtatPresence::Represente {
        mandataire: "personne".into(),
    };
    let e = r.enregistrer_seance(seance).unwrap_err();
    assert_eq!(e.code(), CodeErreur::DonneeInvalide);
    assert!(
        e.to_string().contains("seance.presences[22].mandataire"),
        "{e}"
    );
    assert_eq!(r.lire_seance("2024-05-15").unwrap(), avant);
}

#[test]
fn le_controle_en_direct_d_une_seance_ne_l_enregistre_pas() {
    let (_dir, r) = registre_demo();
    let avant = r.lire_seance("2024-05-15").unwrap();
    let mut seance = avant.clone();
    seance.date_convocation = "2024-05-13".parse().unwrap();
    let d = r.verifier_seance(&seance).unwrap();
    assert!(d.iter().any(|d| d.article == "CGCT L2121-12"), "{d:?}");
    assert_eq!(r.lire_seance("2024-05-15").unwrap(), avant);
    assert!(r.verifier_seance(&avant).unwrap().is_empty());
}

#[test]
fn une_seance_dont_une_deliberation_est_signee_ne_peut_plus_changer() {
    let (dir, r) = registre_demo();
    let mut export: serde_json::Value =
        serde_json::from_str(&r.exporter().unwrap().en_json()).unwrap();
    export["registre"]["deliberations"][0]["statut"] = "signe".into();
    r.importer(&export.to_string(), true, crate::aide::maintenant())
        .unwrap();
    let mut seance = r.lire_seance("2024-05-15").unwrap();
    seance.lieu = "ailleurs".into();
    let e = r.enregistrer_seance(seance).unwrap_err();
    assert_eq!(e.code(), CodeErreur::ActeSigne);
    assert!(e.to_string().contains("2024/052"), "{e}");
    assert_eq!(r.lire_seance("2024-05-15").unwrap().lieu, "en mairie");
    assert!(r.lister_seances().unwrap()[0].figee);
    drop(dir);
}

#[test]
fn les_elus_sont_listes_maire_en_tete_puis_par_nom() {
    let (_dir, r) = registre_demo();
    let elus = r.lister_elus().unwrap();
    assert_eq!(elus.len(), 27);
    assert_eq!(elus[0].nom, "Jean-Paul BILLES");
    assert_eq!(elus[0].fonction, "Maire");
    assert_eq!(elus[1].nom, "Laurence BARBERA");
}

#[test]
fn un_import_ne_peut_ni_modifier_ni_supprimer_un_acte_signe() {
    let (_dir, r) = registre_demo();
    let mut export: serde_json::Value =
        serde_json::from_str(&r.exporter().unwrap().en_json()).unwrap();
    export["registre"]["deliberations"][0]["statut"] = "signe".into();
    r.importer(&export.to_string(), true, crate::aide::maintenant())
        .unwrap();
    let signe = r.exporter().unwrap().en_json();

    let mut modifie = export.clone();
    modifie["registre"]["deliberations"][0]["objet"] = "AUTRE OBJET".into();
    let e = r
        .importer(&modifie.to_string(), true, crate::aide::maintenant())
        .unwrap_err();
    assert_eq!(e.code(), CodeErreur::ActeSigne);
    assert!(
        e.to_string()
            .contains("la délibération n° 2024/052 a le statut « Signé » et le fichier la modifie"),
        "{e}"
    );

    let mut seance = export.clone();
    seance["registre"]["seances"][0]["lieu"] = "ailleurs".into();
    let e = r
        .importer(&seance.to_string(), true, crate::aide::maintenant())
        .unwrap_err();
    assert!(e.to_string().contains("modifie sa séance"), "{e}");

    let mut convention = export.clone();
    convention["registre"]["conventions"][0]["titre"] = "Autre".into();
    let e = r
        .importer(&convention.to_string(), true, crate::aide::maintenant())
        .unwrap_err();
    assert!(e.to_string().contains("convention annexée"), "{e}");

    let mut supprime = export.clone();
    supprime["registre"]["deliberations"] = serde_json::json!([]);
    supprime["registre"]["conventions"][0]["deliberation"] = serde_json::Value::Null;
    let e = r
        .importer(&supprime.to_string(), true, crate::aide::maintenant())
        .unwrap_err();
    assert!(e.to_string().contains("ne la contient pas"), "{e}");

    assert_eq!(r.exporter().unwrap().en_json(), signe, "nothing changed");
    // Re-importing the same content, or adding records beside it, is fine.
    r.importer(&export.to_string(), true, crate::aide::maintenant())
        .unwrap();
}
