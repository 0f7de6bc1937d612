//! Deliberations: the acts of the council, numbered in the register.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use chrono::{NaiveDate, NaiveDateTime};

use super::actes::{NatureActe, NumeroActes};
use super::texte::Alinea;
use super::{ConventionId, EluId, NumeroDeliberation, Presence, SeanceId};

/// Where a deliberation stands between drafting and exécutoire.
/// The variants are in lifecycle order, so `statut >= Statut::Signe` means signed.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema, TS,
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
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
        #[ts(optional = nullable)]
        blancs_nuls: u32,
    },
}

fn est_zero(n: &u32) -> bool {
    *n == 0
}

/// How the council voted (L2121-21).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Sens {
    Pour,
    Contre,
    Abstention,
}

/// A named vote, for a scrutin public (L2121-21).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct VoteNominatif {
    pub elu: EluId,
    pub sens: Sens,
}

/// A member who does not take part in this item (conflict of interest,
/// L2131-11): never assumed, always recorded with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct NonParticipation {
    pub elu: EluId,
    pub motif: String,
}

/// Why a deliberation corrects an earlier one: a signed act never changes,
/// a new deliberation rectifies or withdraws it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum GenreCorrection {
    Rectificative,
    Retrait,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The corrected deliberation.
    #[ts(type = "string")]
    pub numero: NumeroDeliberation,
    pub genre: GenreCorrection,
}

/// The signature as recorded: when, by whom, and the SHA-256 of the exact
/// PDF that was signed (`registre verify` compares a file with it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    pub le: NaiveDateTime,
    pub par: String,
    /// Lowercase hexadecimal SHA-256 of the signed PDF.
    pub empreinte_sha256: String,
    pub octets: u64,
}

/// Transmission to the préfecture through the commune's tiers de
/// télétransmission (L2131-1, L2131-2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Transmission {
    pub date: NaiveDate,
    /// The ACTES identifier returned by the TdT, e.g. 066-216601441-20240520-2024_052-DE.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub identifiant_actes: Option<String>,
    /// The date of the préfecture's acknowledgment (accusé de réception).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub date_accuse: Option<NaiveDate>,
}

/// How the act was made public (L2131-1: electronic publication is the rule
/// since 1 July 2022; display or paper remain for communes under 3,500
/// inhabitants that chose them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum ModePublication {
    Electronique,
    Affichage,
    Papier,
}

impl ModePublication {
    pub fn libelle(self) -> &'static str {
        match self {
            ModePublication::Electronique => "publication électronique",
            ModePublication::Affichage => "affichage",
            ModePublication::Papier => "mise à disposition sur papier",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    pub date: NaiveDate,
    pub mode: ModePublication,
    /// Where the act can be read online (electronic publication, R2131-1);
    /// exported as DELIB_URL in the open data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub url: Option<String>,
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
    /// The visas ("Vu le code général des collectivités territoriales…"), if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub visas: Vec<String>,
    /// The exposé: paragraphs (a plain string each) and lists, with bold and italic runs.
    pub expose: Vec<Alinea>,
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
    /// ACTES nature; a deliberation of the council is nature 1 (DE).
    #[serde(default, skip_serializing_if = "est_deliberation")]
    pub nature: NatureActe,
    /// ACTES matière, level 2 of the nomenclature ("8.1" Enseignement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matiere: Option<String>,
    /// ACTES NumeroInterne, derived from the number ("2024_052") and stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numero_actes: Option<NumeroActes>,
    /// The earlier deliberation this one rectifies or withdraws.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrige: Option<Correction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transmission: Option<Transmission>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<Publication>,
}

fn est_deliberation(n: &NatureActe) -> bool {
    *n == NatureActe::Deliberations
}
