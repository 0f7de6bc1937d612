//! The one error type of the core crate, and its stable codes for the UI.
//!
//! Every message is French and names what the clerk can act on. The UI never
//! parses messages: it reads [`CodeErreur`] and maps it to its own catalogue.

use std::path::PathBuf;

use serde::Serialize;
use ts_rs::TS;

/// One problem found in imported data: where (a JSON path such as
/// `deliberations[0].seance`) and what, in French.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Anomalie {
    pub chemin: String,
    pub message: String,
}

impl std::fmt::Display for Anomalie {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.chemin.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "champ « {} » : {}", self.chemin, self.message)
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Erreur {
    #[error("La base de données « {0} » est déjà ouverte par une autre instance de Registre (application ou ligne de commande). Fermez-la puis réessayez.")]
    BaseOccupee(PathBuf),

    #[error("La base de données « {chemin} » a été écrite par une version plus récente de Registre (format {trouve}, cette version lit jusqu'au format {gere}). Mettez Registre à jour ; la base n'a pas été modifiée.")]
    BaseTropRecente {
        chemin: PathBuf,
        trouve: u32,
        gere: u32,
    },

    #[error("La base de données est endommagée : {0}")]
    BaseEndommagee(String),

    #[error("{0}")]
    Introuvable(String),

    #[error("Donnée invalide : {0}")]
    DonneeInvalide(Anomalie),

    #[error("{}", format_import(.0))]
    ImportInvalide(Vec<Anomalie>),

    #[error("{0}")]
    ActeSigne(String),

    /// A long operation stopped at the user's request; nothing was written.
    #[error("Opération annulée : rien n'a été écrit.")]
    Annulee,

    /// An export refused because some rows would be invalid (each listed).
    #[error("{}", format_export(.0))]
    ExportInvalide(Vec<Anomalie>),

    /// A status change refused by its preconditions (`cycle::appliquer`).
    #[error("{0}")]
    Transition(String),

    #[error("Le registre contient déjà des données ({0}) : le chargement est refusé pour ne rien écraser.")]
    RegistreNonVide(String),

    #[error("Erreur d'accès au fichier « {chemin} » : {}", en_francais(.source))]
    EntreeSortie {
        chemin: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("Erreur interne du stockage : {0}")]
    Stockage(#[from] sled::Error),

    #[error("Erreur interne : {0}")]
    Interne(String),
}

fn format_import(anomalies: &[Anomalie]) -> String {
    let mut texte = String::from("Le fichier n'a pas été importé, rien n'a été modifié.");
    for anomalie in anomalies.iter().take(20) {
        texte.push_str("\n  - ");
        texte.push_str(&anomalie.to_string());
    }
    if anomalies.len() > 20 {
        texte.push_str(&format!(
            "\n  … et {} autre(s) anomalie(s).",
            anomalies.len() - 20
        ));
    }
    texte
}

/// The system's error in French words the clerk can act on; the OS text
/// (in English) stays in brackets for whoever helps her.
fn en_francais(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let cause = match e.kind() {
        K::NotFound => "le fichier ou le dossier n'existe pas",
        K::PermissionDenied => "accès refusé (droits insuffisants)",
        K::StorageFull => {
            "le disque est plein : libérez de la place, rien n'a été enregistré à moitié"
        }
        K::ReadOnlyFilesystem => "le support est en lecture seule",
        K::AlreadyExists => "un fichier de ce nom existe déjà",
        K::NotADirectory => "un élément du chemin n'est pas un dossier",
        K::IsADirectory => "c'est un dossier, pas un fichier",
        K::InvalidFilename => "le nom de fichier n'est pas valide",
        K::ResourceBusy => "le fichier est utilisé par un autre programme",
        K::QuotaExceeded => "le quota de disque est dépassé",
        K::InvalidData => "le contenu du fichier n'est pas lisible",
        _ => "opération impossible",
    };
    format!("{cause} ({e})")
}

fn format_export(anomalies: &[Anomalie]) -> String {
    let mut texte = String::from("L'export n'a pas été produit :");
    for anomalie in anomalies {
        texte.push_str(&format!("\n  - {} : {}", anomalie.chemin, anomalie.message));
    }
    texte
}

/// Stable, machine-readable codes; the UI maps each one to French text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CodeErreur {
    BaseOccupee,
    BaseTropRecente,
    BaseEndommagee,
    Introuvable,
    DonneeInvalide,
    ImportInvalide,
    RegistreNonVide,
    ActeSigne,
    ExportInvalide,
    TransitionRefusee,
    EntreeSortie,
    /// The shell refused a path the user did not choose in a dialog.
    CheminNonAutorise,
    /// A long operation cancelled by the user: not a failure.
    Annulee,
    Interne,
}

impl Erreur {
    pub fn code(&self) -> CodeErreur {
        match self {
            Erreur::BaseOccupee(_) => CodeErreur::BaseOccupee,
            Erreur::BaseTropRecente { .. } => CodeErreur::BaseTropRecente,
            Erreur::BaseEndommagee(_) => CodeErreur::BaseEndommagee,
            Erreur::Introuvable(_) => CodeErreur::Introuvable,
            Erreur::DonneeInvalide(_) => CodeErreur::DonneeInvalide,
            Erreur::ImportInvalide(_) => CodeErreur::ImportInvalide,
            Erreur::RegistreNonVide(_) => CodeErreur::RegistreNonVide,
            Erreur::ActeSigne(_) => CodeErreur::ActeSigne,
            Erreur::Annulee => CodeErreur::Annulee,
            Erreur::ExportInvalide(_) => CodeErreur::ExportInvalide,
            Erreur::Transition(_) => CodeErreur::TransitionRefusee,
            Erreur::EntreeSortie { .. } => CodeErreur::EntreeSortie,
            Erreur::Stockage(_) | Erreur::Interne(_) => CodeErreur::Interne,
        }
    }

    pub(crate) fn invalide(chemin: impl Into<String>, message: impl Into<String>) -> Self {
        Erreur::DonneeInvalide(Anomalie {
            chemin: chemin.into(),
            message: message.into(),
        })
    }
}

/// What crosses the IPC boundary when a command fails.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErreurIpc {
    pub code: CodeErreur,
    pub message: String,
    /// For a refused import or export: one French reason per anomaly, so
    /// the UI lists them without reading the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub motifs: Option<Vec<String>>,
    /// For a refused record: the faulty field's path ("elu.nom"), so the
    /// form marks that field without reading the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub champ: Option<String>,
}

impl From<Erreur> for ErreurIpc {
    fn from(erreur: Erreur) -> Self {
        let motifs: Vec<String> = match &erreur {
            Erreur::ImportInvalide(a) => a.iter().map(ToString::to_string).collect(),
            Erreur::ExportInvalide(a) => a
                .iter()
                .map(|x| format!("{} : {}", x.chemin, x.message))
                .collect(),
            _ => Vec::new(),
        };
        let champ = match &erreur {
            Erreur::DonneeInvalide(a) => Some(a.chemin.clone()),
            _ => None,
        };
        ErreurIpc {
            code: erreur.code(),
            message: erreur.to_string(),
            motifs: (!motifs.is_empty()).then_some(motifs),
            champ,
        }
    }
}

pub type Resultat<T> = Result<T, Erreur>;
