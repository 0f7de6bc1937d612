//! Numeric thresholds of the CGCT, with their articles.

/// Population from which the convocation delay is 5 jours francs and a note
/// explicative de synthèse is due (L2121-12); below it, 3 jours francs
/// (L2121-11).
pub const SEUIL_POPULATION_CINQ_JOURS: u32 = 3_500;

/// L2121-11: communes under 3,500 inhabitants.
pub const JOURS_FRANCS_MOINS_DE_3500: i64 = 3;
/// L2121-12: communes of 3,500 inhabitants or more.
pub const JOURS_FRANCS_3500_ET_PLUS: i64 = 5;
/// L2121-11 and L2121-12: in an emergency, never below one jour franc.
pub const JOURS_FRANCS_URGENCE: i64 = 1;
/// L2121-17 al. 2: a séance convened again after a lack of quorum is held
/// "à trois jours au moins d'intervalle", read by the Conseil d'État as
/// three jours francs.
pub const JOURS_FRANCS_RECONVOCATION: i64 = 3;

/// Convocation delay required for a commune of this population (L2121-11, L2121-12).
pub fn delai_convocation(population: u32) -> i64 {
    if population < SEUIL_POPULATION_CINQ_JOURS {
        JOURS_FRANCS_MOINS_DE_3500
    } else {
        JOURS_FRANCS_3500_ET_PLUS
    }
}

/// L2121-17: "la majorité de ses membres en exercice est présente", i.e.
/// strictly more than half, counting physical presence only.
pub fn quorum(en_exercice: u32) -> u32 {
    en_exercice / 2 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delai_de_convocation_au_seuil_de_3500_habitants() {
        assert_eq!(delai_convocation(3_499), 3);
        assert_eq!(delai_convocation(3_500), 5);
        assert_eq!(delai_convocation(0), 3);
    }

    #[test]
    fn quorum_est_plus_de_la_moitie_des_membres_en_exercice() {
        assert_eq!(quorum(27), 14);
        assert_eq!(quorum(26), 14);
        assert_eq!(quorum(15), 8);
        assert_eq!(quorum(7), 4);
        assert_eq!(quorum(1), 1);
    }
}
