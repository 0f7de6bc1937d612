// Declares the app's IPC commands so that each one gets an `allow-…`
// permission; capabilities/default.json grants them to the main window only.
const COMMANDES: &[&str] = &[
    "etat_registre",
    "lister_deliberations",
    "lire_deliberation",
    "charger_demo",
    "lister_seances",
    "lire_seance",
    "lister_elus",
    "verifier_seance",
    "enregistrer_seance",
    "pdf_deliberation",
    "enregistrer_pdf",
    "ouvrir_pdf",
    "enregistrer_pdf_seance",
    "ouvrir_pdf_seance",
    "proposer_numero",
    "lire_redaction",
    "enregistrer_redaction",
    "creer_depuis",
    "changer_statut",
    "commenter",
    "resoudre_commentaire",
    "marquer_lu",
    "revue",
    "a_relire",
    "historique",
    "lister_matieres",
    "controler_pdf",
    "enregistrer_pdf_signe",
    "exporter_scdl",
    "preparer_paquet_actes",
    "exporter_publication",
    "sauvegarder_sous",
    "restaurer_sauvegarde",
    "tableau_de_bord",
    "rechercher",
    "echeancier",
    "enregistrer_pdf_registre",
    "ouvrir_pdf_registre",
    "nom_fichier_pdf",
    "lire_commune",
    "enregistrer_commune",
    "lister_conventions",
    "lire_convention",
    "verifier_convention",
    "enregistrer_convention",
    "renouveler_convention",
    "lister_decisions_maire",
    "enregistrer_decision_maire",
    "reparer_registre",
    "derniere_copie",
    "copies_a_garder",
    "definir_copies_a_garder",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDES));
    if let Err(erreur) = tauri_build::try_build(attributes) {
        panic!("tauri-build : {erreur:#}");
    }
}
