//! Legal size of the municipal council by population (CGCT L2121-2), kept
//! as dated data.

use chrono::NaiveDate;

/// One version of the L2121-2 table, in force from `depuis`.
struct Bareme {
    depuis: (i32, u32, u32),
    /// (population from which the row applies, number of councillors), ascending.
    lignes: &'static [(u32, u32)],
}

const LIGNES_COMMUNES: [(u32, u32); 18] = [
    (100, 11),
    (500, 15),
    (1_500, 19),
    (2_500, 23),
    (3_500, 27),
    (5_000, 29),
    (10_000, 33),
    (20_000, 35),
    (30_000, 39),
    (40_000, 43),
    (50_000, 45),
    (60_000, 49),
    (80_000, 53),
    (100_000, 55),
    (150_000, 59),
    (200_000, 61),
    (250_000, 65),
    (300_000, 69),
];

const fn bareme(moins_de_100: u32) -> [(u32, u32); 19] {
    let mut lignes = [(0, moins_de_100); 19];
    let mut i = 0;
    while i < 18 {
        lignes[i + 1] = LIGNES_COMMUNES[i];
        i += 1;
    }
    lignes
}

const AVANT_2014: [(u32, u32); 19] = bareme(9);
const DEPUIS_2014: [(u32, u32); 19] = bareme(7);

/// Loi n° 2013-403 du 17 mai 2013 lowered the smallest councils from 9 to 7
/// members from the 2014 general elections (first round on 23 March 2014).
const BAREMES: &[Bareme] = &[
    Bareme {
        depuis: (1900, 1, 1),
        lignes: &AVANT_2014,
    },
    Bareme {
        depuis: (2014, 3, 23),
        lignes: &DEPUIS_2014,
    },
];

/// Number of seats of the council of a commune of `population` inhabitants,
/// under the L2121-2 table in force on `date`.
pub fn effectif_legal(population: u32, date: NaiveDate) -> u32 {
    let bareme = BAREMES
        .iter()
        .rev()
        .find(|b| {
            let (a, m, j) = b.depuis;
            NaiveDate::from_ymd_opt(a, m, j).is_some_and(|d| d <= date)
        })
        .unwrap_or(&BAREMES[0]);
    bareme
        .lignes
        .iter()
        .rev()
        .find(|(a_partir_de, _)| population >= *a_partir_de)
        .map(|(_, sieges)| *sieges)
        .unwrap_or(bareme.lignes[0].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn le(d: &str) -> NaiveDate {
        d.parse().unwrap()
    }

    #[test]
    fn effectif_aux_bornes_des_tranches() {
        let d = le("2024-05-15");
        assert_eq!(effectif_legal(99, d), 7);
        assert_eq!(effectif_legal(100, d), 11);
        assert_eq!(effectif_legal(3_499, d), 23);
        assert_eq!(effectif_legal(3_500, d), 27);
        assert_eq!(effectif_legal(4_999, d), 27);
        assert_eq!(effectif_legal(5_000, d), 29);
        assert_eq!(effectif_legal(299_999, d), 65);
        assert_eq!(effectif_legal(2_000_000, d), 69);
    }

    #[test]
    fn les_plus_petits_conseils_comptaient_9_membres_avant_2014() {
        assert_eq!(effectif_legal(80, le("2008-03-16")), 9);
        assert_eq!(effectif_legal(80, le("2014-03-23")), 7);
    }
}
