//! French number words and dates in words, as the opening sentence of an
//! extract writes them: "L'an deux mille vingt-quatre, le quinze mai".
//!
//! Spelling: the **traditional** rules (before the 1990 rectifications),
//! which the reference extract follows: hyphens only inside the tens-and-units
//! group below one hundred ("vingt-quatre", "quatre-vingt-un"), spaces around
//! "cent" and "mille" ("deux mille vingt-quatre", "deux cent un"), "et"
//! without hyphens ("vingt et un", "soixante et onze"); "vingt" and "cent"
//! take an s when multiplied and ending the number ("quatre-vingts",
//! "deux cents"); "mille" never does.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

const UNITES: [&str; 17] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize",
];

const DIZAINES: [&str; 7] = [
    "",
    "dix",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
];

const MOIS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// 0..=99, `final_` telling whether nothing follows (for "quatre-vingts").
fn moins_de_cent(n: u32, final_: bool) -> String {
    debug_assert!(n < 100);
    match n {
        0..=16 => UNITES[n as usize].to_owned(),
        17..=19 => format!("dix-{}", UNITES[(n - 10) as usize]),
        20..=69 => {
            let (d, u) = (n / 10, n % 10);
            match u {
                0 => DIZAINES[d as usize].to_owned(),
                1 => format!("{} et un", DIZAINES[d as usize]),
                _ => format!("{}-{}", DIZAINES[d as usize], UNITES[u as usize]),
            }
        }
        70..=79 => match n {
            71 => "soixante et onze".to_owned(),
            _ => format!("soixante-{}", moins_de_cent(n - 60, true)),
        },
        80 if final_ => "quatre-vingts".to_owned(),
        80 => "quatre-vingt".to_owned(),
        _ => format!("quatre-vingt-{}", moins_de_cent(n - 80, true)),
    }
}

/// 0..=999 without "zéro" for 0 inside a larger number.
fn moins_de_mille(n: u32, final_: bool) -> String {
    let (c, reste) = (n / 100, n % 100);
    let centaines = match c {
        0 => String::new(),
        1 => "cent".to_owned(),
        _ if reste == 0 && final_ => format!("{} cents", UNITES[c as usize]),
        _ => format!("{} cent", UNITES[c as usize]),
    };
    match (centaines.is_empty(), reste) {
        (true, _) => moins_de_cent(reste, final_),
        (false, 0) => centaines,
        (false, _) => format!("{centaines} {}", moins_de_cent(reste, final_)),
    }
}

/// A cardinal number in words, 0 to 999 999.
pub fn en_lettres(n: u32) -> String {
    assert!(n < 1_000_000, "en_lettres: {n} dépasse 999 999");
    if n < 1000 {
        return moins_de_mille(n, true);
    }
    let (milliers, reste) = (n / 1000, n % 1000);
    // "mille" is invariable and takes no "un"; the thousands group is never
    // final, so "quatre-vingt mille", "deux cent mille".
    let tete = match milliers {
        1 => "mille".to_owned(),
        _ => format!("{} mille", moins_de_mille(milliers, false)),
    };
    if reste == 0 {
        tete
    } else {
        format!("{tete} {}", moins_de_mille(reste, true))
    }
}

/// The day of the month as the register writes it: "premier", then cardinals.
pub fn jour_en_lettres(jour: u32) -> String {
    if jour == 1 {
        "premier".to_owned()
    } else {
        en_lettres(jour)
    }
}

pub fn nom_du_mois(mois: u32) -> &'static str {
    MOIS[(mois.clamp(1, 12) - 1) as usize]
}

/// "L'an deux mille vingt-quatre, le quinze mai à 18 h".
pub fn ouverture_de_seance(date: NaiveDate, heure: NaiveTime) -> String {
    format!(
        "L'an {}, le {} {} à {}",
        en_lettres(date.year().max(0) as u32),
        jour_en_lettres(date.day()),
        nom_du_mois(date.month()),
        heure_courte(heure)
    )
}

/// "18 h", "18 h 30": the form of the reference extract.
pub fn heure_courte(heure: NaiveTime) -> String {
    if heure.minute() == 0 {
        format!("{} h", heure.hour())
    } else {
        format!("{} h {:02}", heure.hour(), heure.minute())
    }
}

/// "30 avril 2024", "1er mai 2024".
pub fn date_longue(date: NaiveDate) -> String {
    let jour = if date.day() == 1 {
        "1er".to_owned()
    } else {
        date.day().to_string()
    };
    format!("{jour} {} {}", nom_du_mois(date.month()), date.year())
}

/// The day of the week of `date`, in French and in lower case: "mercredi".
pub fn jour_de_la_semaine(date: NaiveDate) -> &'static str {
    match date.weekday() {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    }
}

/// "mercredi 15 mai 2024", "samedi 1er juin 2024".
pub fn date_longue_avec_jour(date: NaiveDate) -> String {
    format!("{} {}", jour_de_la_semaine(date), date_longue(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nombres_de_la_reference_et_cas_limites() {
        let attendus = [
            (0, "zéro"),
            (1, "un"),
            (10, "dix"),
            (16, "seize"),
            (17, "dix-sept"),
            (19, "dix-neuf"),
            (20, "vingt"),
            (21, "vingt et un"),
            (22, "vingt-deux"),
            (30, "trente"),
            (31, "trente et un"),
            (61, "soixante et un"),
            (69, "soixante-neuf"),
            (70, "soixante-dix"),
            (71, "soixante et onze"),
            (72, "soixante-douze"),
            (77, "soixante-dix-sept"),
            (79, "soixante-dix-neuf"),
            (80, "quatre-vingts"),
            (81, "quatre-vingt-un"),
            (89, "quatre-vingt-neuf"),
            (90, "quatre-vingt-dix"),
            (91, "quatre-vingt-onze"),
            (99, "quatre-vingt-dix-neuf"),
            (100, "cent"),
            (101, "cent un"),
            (121, "cent vingt et un"),
            (180, "cent quatre-vingts"),
            (200, "deux cents"),
            (201, "deux cent un"),
            (280, "deux cent quatre-vingts"),
            (999, "neuf cent quatre-vingt-dix-neuf"),
            (1000, "mille"),
            (1001, "mille un"),
            (1080, "mille quatre-vingts"),
            (1100, "mille cent"),
            (1200, "mille deux cents"),
            (1971, "mille neuf cent soixante et onze"),
            (2000, "deux mille"),
            (2001, "deux mille un"),
            (2024, "deux mille vingt-quatre"),
            (2080, "deux mille quatre-vingts"),
            (2200, "deux mille deux cents"),
            (9999, "neuf mille neuf cent quatre-vingt-dix-neuf"),
            (80_000, "quatre-vingt mille"),
            (200_000, "deux cent mille"),
        ];
        for (n, texte) in attendus {
            assert_eq!(en_lettres(n), texte, "{n}");
        }
    }

    #[test]
    fn nombres_de_0_a_9999_suivent_les_regles_traditionnelles() {
        for n in 0..=9999 {
            let t = en_lettres(n);
            assert!(
                !t.contains("  ") && !t.starts_with(' ') && !t.ends_with(' '),
                "{n}: {t}"
            );
            // Traditional spelling: no hyphen next to "cent" or "mille".
            assert!(!t.contains("-cent") && !t.contains("cent-"), "{n}: {t}");
            assert!(!t.contains("-mille") && !t.contains("mille-"), "{n}: {t}");
            assert!(!t.contains("milles"), "{n}: {t}");
            // "zéro" only alone; "un mille" never.
            assert!(n == 0 || !t.contains("zéro"), "{n}: {t}");
            assert!(
                !t.starts_with("un mille") && !t.starts_with("un cent"),
                "{n}: {t}"
            );
            // "cents" / "vingts" only at the very end.
            for pluriel in ["cents", "vingts"] {
                if let Some(i) = t.find(pluriel) {
                    assert_eq!(i + pluriel.len(), t.len(), "{n}: {t}");
                }
            }
            // "et un" / "et onze" only for 21..71, never for 81 or 91.
            if t.contains(" et ") {
                let d = n % 100;
                assert!(matches!(d, 21 | 31 | 41 | 51 | 61 | 71), "{n}: {t}");
            }
        }
    }

    #[test]
    fn le_premier_du_mois_s_ecrit_premier() {
        assert_eq!(jour_en_lettres(1), "premier");
        assert_eq!(jour_en_lettres(21), "vingt et un");
        assert_eq!(jour_en_lettres(31), "trente et un");
        let d = NaiveDate::from_ymd_opt(2024, 5, 1).unwrap();
        let h = NaiveTime::from_hms_opt(18, 0, 0).unwrap();
        assert_eq!(
            ouverture_de_seance(d, h),
            "L'an deux mille vingt-quatre, le premier mai à 18 h"
        );
        assert_eq!(date_longue(d), "1er mai 2024");
    }

    #[test]
    fn ouverture_de_la_seance_de_reference() {
        let d = NaiveDate::from_ymd_opt(2024, 5, 15).unwrap();
        let h = NaiveTime::from_hms_opt(18, 0, 0).unwrap();
        assert_eq!(
            ouverture_de_seance(d, h),
            "L'an deux mille vingt-quatre, le quinze mai à 18 h"
        );
        let h = NaiveTime::from_hms_opt(20, 30, 0).unwrap();
        assert_eq!(heure_courte(h), "20 h 30");
        assert_eq!(
            date_longue(NaiveDate::from_ymd_opt(2024, 4, 30).unwrap()),
            "30 avril 2024"
        );
    }

    #[test]
    fn jours_de_la_semaine_en_francais() {
        let jour = |a, m, j| jour_de_la_semaine(NaiveDate::from_ymd_opt(a, m, j).unwrap());
        // One known week, Monday 13 to Sunday 19 May 2024.
        let semaine = [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ];
        for (i, attendu) in semaine.iter().enumerate() {
            assert_eq!(jour(2024, 5, 13 + i as u32), *attendu);
        }
        // Leap day, turn of the year, a century not leap.
        assert_eq!(jour(2024, 2, 29), "jeudi");
        assert_eq!(jour(2024, 12, 31), "mardi");
        assert_eq!(jour(2025, 1, 1), "mercredi");
        assert_eq!(jour(2100, 3, 1), "lundi");
        assert_eq!(jour(2000, 2, 29), "mardi");
    }

    #[test]
    fn date_longue_avec_le_jour_de_la_semaine() {
        let d = |a, m, j| NaiveDate::from_ymd_opt(a, m, j).unwrap();
        assert_eq!(
            date_longue_avec_jour(d(2024, 5, 15)),
            "mercredi 15 mai 2024"
        );
        assert_eq!(date_longue_avec_jour(d(2024, 6, 1)), "samedi 1er juin 2024");
    }
}
