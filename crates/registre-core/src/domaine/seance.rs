//! Séances of the council: when, where, who presided, who was there.

use chrono::{NaiveDate, NaiveTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{EluId, SeanceId};

/// Attendance of one élu at a séance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case", tag = "etat", deny_unknown_fields)]
pub enum EtatPresence {
    Present,
    /// Absent, excused, without giving a pouvoir.
    AbsentExcuse,
    /// Absent without excuse.
    Absent,
    /// Absent, having given a written pouvoir to a colleague (L2121-20).
    Represente {
        mandataire: EluId,
    },
}

// Unknown fields are refused by the schema (see `Elu`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[schemars(extend("unevaluatedProperties" = false))]
pub struct Presence {
    pub elu: EluId,
    #[serde(flatten)]
    pub etat: EtatPresence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Seance {
    /// Stable identifier, by convention the date: "2024-05-15" (a second
    /// séance the same day takes a suffix, "2024-05-15-b").
    pub id: SeanceId,
    pub date: NaiveDate,
    pub heure: NaiveTime,
    /// "en mairie".
    pub lieu: String,
    /// The élu presiding (the maire, or who replaces him, L2121-14).
    pub president: EluId,
    /// Date the convocation was sent (L2121-10); the jours francs count from it.
    pub date_convocation: NaiveDate,
    /// Secrétaire(s) de séance named among the members (L2121-15).
    pub secretaires: Vec<EluId>,
    /// Attendance of every member in office that day, at the opening.
    pub presences: Vec<Presence>,
    /// The agenda sent with the convocation (L2121-10).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ordre_du_jour: Vec<String>,
    /// The mayor shortened the convocation delay for urgency, down to one
    /// jour franc (L2121-11, L2121-12), and reports it at the opening.
    #[serde(default, skip_serializing_if = "est_faux")]
    pub urgence: bool,
    /// Convened again after a séance without quorum: deliberates validly
    /// whatever the number present, on the same agenda, if held at least
    /// three jours francs later (L2121-17 al. 2).
    #[serde(default, skip_serializing_if = "est_faux")]
    pub sur_reconvocation: bool,
    /// When the list of the séance's deliberations was displayed in the
    /// mairie and put online (L2121-25: within a week).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub liste_affichee_le: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub liste_en_ligne_le: Option<NaiveDate>,
    /// When the procès-verbal was approved at a later séance, and published
    /// (L2121-15: within a week after).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub pv_arrete_le: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub pv_publie_le: Option<NaiveDate>,
}

fn est_faux(b: &bool) -> bool {
    !*b
}

impl Seance {
    pub fn etat_de(&self, elu: &str) -> Option<&EtatPresence> {
        self.presences
            .iter()
            .find(|p| p.elu == elu)
            .map(|p| &p.etat)
    }
}
