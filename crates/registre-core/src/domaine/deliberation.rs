//! Deliberations: the acts of the council, numbered in the register.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ConventionId, EluId, NumeroDeliberation, SeanceId};

/// Where a deliberation stands between drafting and exécutoire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Statut {
    Brouillon,
    SoumisAuMaire,
    BonPourSignature,
    Signe,
    Transmis,
    Publie,
    Executoire,
}

impl Statut {
    pub fn libelle(self) -> &'static str {
        match self {
            Statut::Brouillon => "Brouillon",
            Statut::SoumisAuMaire => "Soumis au maire",
            Statut::BonPourSignature => "Bon pour signature",
            Statut::Signe => "Signé",
            Statut::Transmis => "Transmis en préfecture",
            Statut::Publie => "Publié",
            Statut::Executoire => "Exécutoire",
        }
    }
}

/// One item of the dispositif: "► APPROUVE la convention…".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The verb in capitals: APPROUVE, AUTORISE, DÉCIDE, DIT, CHARGE…
    pub verbe: String,
    /// What follows the verb.
    pub texte: String,
}

/// The vote on a deliberation. Counts are of suffrages (a pouvoir counts for its holder).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "mode", deny_unknown_fields)]
pub enum Vote {
    /// Every member present or represented voted for.
    Unanimite,
    /// Detailed counts; abstentions are not suffrages exprimés (L2121-20).
    Detail {
        pour: u32,
        contre: u32,
        abstentions: u32,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deliberation {
    /// Register number "AAAA/NNN", e.g. "2024/052".
    pub numero: NumeroDeliberation,
    pub seance: SeanceId,
    /// The title, as printed in capitals on the extract.
    pub objet: String,
    #[serde(default)]
    pub rapporteur: Option<EluId>,
    /// The exposé, one string per paragraph.
    pub expose: Vec<String>,
    pub vote: Vote,
    /// The dispositif, in order.
    pub decisions: Vec<Decision>,
    pub statut: Statut,
    /// The convention annexed to this deliberation, if any.
    #[serde(default)]
    pub convention: Option<ConventionId>,
}
