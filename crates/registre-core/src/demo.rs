//! The reference commune shipped as demo data: Pézilla-la-Rivière, séance of
//! 15 May 2024, délibération 2024/052 and its ENT-école convention,
//! transcribed from the reference extract. Kept in the interchange format so
//! loading it exercises the same checks as any import.

use crate::echange::{self, DonneesRegistre};

/// The demo register as an interchange file (JSON, format version 1).
pub const JSON: &str = include_str!("demo/pezilla-la-riviere.json");

pub fn donnees() -> DonneesRegistre {
    echange::lire(JSON).expect("the embedded demo register is valid (checked by its tests)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comptes::comptes;
    use crate::domaine::Vote;
    use crate::echange::Echange;

    #[test]
    fn la_seance_de_la_demo_donne_les_comptes_de_l_extrait() {
        let r = donnees();
        let c = comptes(&r.seances[0], &r.elus);
        assert_eq!(
            (c.en_exercice, c.presents, c.absents, c.representes),
            (27, 22, 5, 1)
        );
        assert_eq!(c.votants, 23);
        assert_eq!(r.deliberations[0].numero.as_str(), "2024/052");
        assert_eq!(r.deliberations[0].vote, Vote::Unanimite);
    }

    #[test]
    fn la_demo_fait_l_aller_retour_par_le_format_d_echange() {
        let reecrit: serde_json::Value =
            serde_json::from_str(&Echange::nouveau(donnees()).en_json()).unwrap();
        let original: serde_json::Value = serde_json::from_str(JSON).unwrap();
        assert_eq!(reecrit, original);
    }
}
