//! The core's `Registre` API as the shell uses it.

use registre_core::{CodeErreur, ErreurIpc, Registre};

#[test]
fn un_registre_neuf_est_vide_puis_accueille_la_demo() {
    let dir = tempfile::tempdir().unwrap();
    let r = Registre::ouvrir(dir.path()).unwrap();
    let etat = r.etat().unwrap();
    assert_eq!(etat.commune, None);
    assert_eq!(etat.nombre_deliberations, 0);
    r.charger_demo().unwrap();
    let etat = r.etat().unwrap();
    assert_eq!(etat.commune.as_deref(), Some("Pézilla-la-Rivière"));
    assert_eq!(etat.nombre_deliberations, 1);
    assert_eq!(r.lister_deliberations().unwrap()[0].numero, "2024/052");
}

#[test]
fn les_erreurs_portent_un_code_stable_pour_l_interface() {
    let dir = tempfile::tempdir().unwrap();
    let r = Registre::ouvrir(dir.path()).unwrap();
    r.charger_demo().unwrap();
    let e: ErreurIpc = r.lire_deliberation("2024/999").unwrap_err().into();
    assert_eq!(e.code, CodeErreur::Introuvable);
    let e: ErreurIpc = r.charger_demo().unwrap_err().into();
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
        .charger_demo()
        .unwrap();
    let r = Registre::ouvrir(dir.path()).unwrap();
    assert_eq!(
        r.lire_deliberation("2024/052").unwrap().comptes.presents,
        22
    );
}
