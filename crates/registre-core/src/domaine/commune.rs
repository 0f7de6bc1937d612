//! The commune whose register this is: identity, address, size, and the
//! tribunal administratif named in the recourse mention (R421-5 CJA).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{EluId, Siret};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Adresse {
    /// Lines before the postcode, e.g. "31 avenue du Canigou".
    pub lignes: Vec<String>,
    pub code_postal: String,
    pub ville: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TribunalAdministratif {
    /// "Tribunal Administratif de Montpellier".
    pub nom: String,
    /// As printed in the recourse mention, e.g. "Espace Pitot – 6 Rue Pitot – 34 063 Montpellier cedex 02".
    pub adresse: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
}
