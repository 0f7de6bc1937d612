//! Decisions the maire takes by delegation of the council (CGCT L2122-22):
//! they are entered in the register of deliberations by date (R2122-7-1)
//! with their own numbering, and reported to the next council (L2122-23).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::texte::Alinea;
use super::{NumeroDeliberation, SeanceId};

/// "D2024/007": the year, then the order of the decision in the year.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub struct NumeroDecision(String);

impl NumeroDecision {
    pub fn new(texte: &str) -> Result<NumeroDecision, String> {
        let b = texte.as_bytes();
        let forme = b.len() == 9
            && b[0] == b'D'
            && b[5] == b'/'
            && b[1..5].iter().all(u8::is_ascii_digit)
            && b[6..].iter().all(u8::is_ascii_digit);
        if forme {
            Ok(NumeroDecision(texte.to_owned()))
        } else {
            Err(format!(
                "le numéro de décision « {texte} » doit avoir la forme DAAAA/NNN (par exemple D2024/007)"
            ))
        }
    }

    pub fn annee(&self) -> i32 {
        self.0[1..5].parse().unwrap_or_default()
    }

    pub fn rang(&self) -> u32 {
        self.0[6..].parse().unwrap_or_default()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for NumeroDecision {
    type Error = String;
    fn try_from(texte: String) -> Result<Self, Self::Error> {
        NumeroDecision::new(&texte)
    }
}

impl From<NumeroDecision> for String {
    fn from(n: NumeroDecision) -> String {
        n.0
    }
}

impl std::fmt::Display for NumeroDecision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl JsonSchema for NumeroDecision {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "NumeroDecision".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^D[0-9]{4}/[0-9]{3}$",
            "description": "Numéro de décision du maire, DAAAA/NNN (par exemple D2024/007)."
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct DecisionMaire {
    pub numero: NumeroDecision,
    pub date: NaiveDate,
    pub objet: String,
    /// The delegation relied on, as cited: "CGCT L2122-22, 4°".
    pub fondement: String,
    /// The council's deliberation that gave the delegation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable, type = "string")]
    pub deliberation_delegation: Option<NumeroDeliberation>,
    /// Considérants and the decision itself.
    pub texte: Vec<Alinea>,
    /// The séance where the maire reported it to the council (L2122-23).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub compte_rendu_seance: Option<SeanceId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numero_de_decision() {
        let n = NumeroDecision::new("D2024/007").unwrap();
        assert_eq!((n.annee(), n.rang()), (2024, 7));
        for faux in [
            "2024/007",
            "D24/007",
            "D2024-007",
            "d2024/007",
            "D2024/07",
            "",
        ] {
            assert!(NumeroDecision::new(faux).is_err(), "{faux}");
        }
    }
}
