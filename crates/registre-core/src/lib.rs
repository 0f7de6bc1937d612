//! Registre's core: domain types, legal rules, the sled store and the JSON
//! interchange format. No Tauri here: the desktop shell and the `registre`
//! CLI are thin adapters over this crate (see ARCHITECTURE.md).

pub mod avancement;
pub mod comptes;
pub mod convention;
pub mod cycle;
pub mod demo;
pub mod diff;
pub mod domaine;
pub mod echange;
pub mod echeancier;
mod erreur;
mod fichier;
pub mod logo;
pub mod paquet_actes;
pub mod pdf;
pub mod publication;
pub mod recherche;
mod registre;
pub mod regles;
pub mod sauvegarde;
pub mod scdl;
mod stockage;
pub mod vues;

pub use comptes::Comptes;
pub use echange::{DonneesRegistre, Echange};
pub use erreur::{Anomalie, CodeErreur, Erreur, ErreurIpc, Resultat};
pub use fichier::{ecrire_atomiquement, ecrire_dans_dossier_neuf};
pub use registre::decisions::SaisieDecision;
pub use registre::redaction::{
    empreinte, AttenteMaire, ControlePdf, Enregistrement, EntreeHistorique, Redaction, Revue,
};
pub use registre::sauvegardes::{derniere_copie_de, reparer_depuis_la_derniere_copie};
pub use registre::tableau::{ConventionEnAttente, TableauDeBord};
pub use registre::{dossier_par_defaut, Registre, Verification, IDENTIFIANT_APPLICATION};
pub use stockage::FORMAT_STOCKAGE;
pub use vues::{
    ConventionResume, DeliberationDetail, DeliberationResume, EtatRegistre, NonParticipant,
    Procuration,
};

#[cfg(test)]
mod bindings;
