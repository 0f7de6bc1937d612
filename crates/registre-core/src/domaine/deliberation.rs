//! Deliberations: the acts of the council, numbered in the register.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ConventionId, EluId, NumeroDeliberation, Presence, SeanceId};

/// Where a deliberation stands between drafting and exécutoire.
/// The variants are in lifecycle order, so `statut >= Statut::Signe` means signed.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema, TS,
)]
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
        /// Blank and void ballots, in a secret ballot only; like abstentions,
        /// they are not suffrages exprimés (L2121-20).
        #[serde(default, skip_serializing_if = "est_zero")]
        blancs_nuls: u32,
    },
}

fn est_zero(n: &u32) -> bool {
    *n == 0
}

/// How the council voted (L2121-21).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scrutin {
    /// Show of hands, the ordinary case.
    #[default]
    Ordinaire,
    /// Public ballot, asked by a quarter of the members present: the register
    /// records each voter's name and vote.
    Public,
    /// Secret ballot, asked by a third of the members present, or for a
    /// nomination; the president has no casting vote (L2121-20).
    Secret,
}

impl Scrutin {
    fn est_ordinaire(&self) -> bool {
        *self == Scrutin::Ordinaire
    }
}

/// One voter's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sens {
    Pour,
    Contre,
    Abstention,
}

/// A named vote, for a scrutin public (L2121-21).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteNominatif {
    pub elu: EluId,
    pub sens: Sens,
}

/// A member who does not take part in this item (conflict of interest,
/// L2131-11): never assumed, always recorded with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NonParticipation {
    pub elu: EluId,
    pub motif: String,
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
    /// Attendance changes for this item (arrivals, departures, a pouvoir
    /// given on leaving): attendance is checked per item, not per séance.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mouvements: Vec<Presence>,
    #[serde(default, skip_serializing_if = "Scrutin::est_ordinaire")]
    pub scrutin: Scrutin,
    /// Members who "ne prennent pas part au vote" (L2131-11).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ne_prennent_pas_part: Vec<NonParticipation>,
    /// Each voter's choice, for a scrutin public (L2121-21).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub votes_nominatifs: Vec<VoteNominatif>,
    /// How the president voted, which decides a tie outside a secret ballot
    /// (L2121-20); read from the nominal votes when there are some.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote_du_president: Option<Sens>,
}
