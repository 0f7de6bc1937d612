//! The commune whose register this is: identity, address, size, and the
//! tribunal administratif named in the recourse mention (R421-5 CJA).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{EluId, ModePublication, Siret};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Adresse {
    /// Lines before the postcode, e.g. "31 avenue du Canigou".
    pub lignes: Vec<String>,
    pub code_postal: String,
    pub ville: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct TribunalAdministratif {
    /// "Tribunal Administratif de Montpellier".
    pub nom: String,
    /// As printed in the recourse mention, e.g. "Espace Pitot – 6 Rue Pitot – 34 063 Montpellier cedex 02".
    pub adresse: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Commune {
    /// Official name with its accents, e.g. "Pézilla-la-Rivière".
    pub nom: String,
    pub siret: Siret,
    pub adresse: Adresse,
    /// Population municipale: it sets the council size (L2121-2) and the
    /// convocation delay (L2121-11 / L2121-12).
    pub population: u32,
    /// Département code, e.g. "66" or "2A".
    pub departement: String,
    pub tribunal_administratif: TribunalAdministratif,
    /// The élu who is maire.
    pub maire: EluId,
    /// How the commune makes its acts public (L2131-1): electronic
    /// publication unless it chose display or paper (under 3,500
    /// inhabitants); it decides the line printed on the extract.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub mode_publication: Option<ModePublication>,
    /// Whether the secretary of the séance signs the extract beside the
    /// maire (the signature of both is required on the register since
    /// 1 July 2022; on the extract it is the commune's choice). Yes when
    /// not set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub secretaire_signe_l_extrait: Option<bool>,
}

impl Commune {
    pub fn secretaire_signe_l_extrait(&self) -> bool {
        self.secretaire_signe_l_extrait.unwrap_or(true)
    }

    /// Electronic publication unless the commune chose otherwise (L2131-1).
    pub fn mode_publication(&self) -> ModePublication {
        self.mode_publication
            .unwrap_or(ModePublication::Electronique)
    }
}
