//! Structured text for the exposé and the visas: paragraphs and bulleted
//! lists of runs that may be bold or italic. Stored as data, never as HTML,
//! so the PDF, the diff and the legal checks read the same structure.
//!
//! The clerk types it with three light marks, turned into structure here
//! (the core owns the rule; the UI only inserts the marks):
//! `**gras**`, `_italique_`, a line starting with `- ` for a list item,
//! and a blank line between paragraphs.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A run of text with its emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    pub texte: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(optional = nullable)]
    pub gras: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(optional = nullable)]
    pub italique: bool,
}

impl Segment {
    pub fn simple(texte: impl Into<String>) -> Segment {
        Segment {
            texte: texte.into(),
            gras: false,
            italique: false,
        }
    }
}

/// One block of the exposé. A paragraph without emphasis is stored as a
/// plain string, which keeps interchange files of format 1 valid and short.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(untagged)]
pub enum Alinea {
    Simple(String),
    Paragraphe { paragraphe: Vec<Segment> },
    Liste { liste: Vec<Vec<Segment>> },
}

impl From<&str> for Alinea {
    fn from(texte: &str) -> Alinea {
        Alinea::Simple(texte.to_owned())
    }
}

impl Alinea {
    /// The plain text (list items one per line, prefixed "- "): what the
    /// legal checks search and what the diff compares.
    pub fn brut(&self) -> String {
        match self {
            Alinea::Simple(t) => t.clone(),
            Alinea::Paragraphe { paragraphe } => brut_segments(paragraphe),
            Alinea::Liste { liste } => liste
                .iter()
                .map(|e| format!("- {}", brut_segments(e)))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// The runs of a paragraph (a plain one is a single run); `None` for a list.
    pub fn segments(&self) -> Option<Vec<Segment>> {
        match self {
            Alinea::Simple(t) => Some(vec![Segment::simple(t.clone())]),
            Alinea::Paragraphe { paragraphe } => Some(paragraphe.clone()),
            Alinea::Liste { .. } => None,
        }
    }
}

fn brut_segments(segments: &[Segment]) -> String {
    segments.iter().map(|s| s.texte.as_str()).collect()
}

/// The whole text, plain, one block per line group.
pub fn brut(alineas: &[Alinea]) -> String {
    alineas
        .iter()
        .map(Alinea::brut)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Parses the clerk's marks into structure. Never fails: an unmatched mark
/// is kept as typed.
pub fn depuis_saisie(saisie: &str) -> Vec<Alinea> {
    let saisie = saisie.replace("\r\n", "\n");
    let mut alineas = Vec::new();
    for bloc in saisie.split("\n\n") {
        let lignes: Vec<&str> = bloc
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
            .collect();
        if lignes.is_empty() {
            continue;
        }
        // Consecutive list lines form one list; other lines join a paragraph.
        let mut paragraphe: Vec<&str> = Vec::new();
        let mut liste: Vec<Vec<Segment>> = Vec::new();
        for ligne in lignes {
            let l = ligne.trim_start();
            if let Some(element) = l.strip_prefix("- ").or_else(|| l.strip_prefix("• ")) {
                if !paragraphe.is_empty() {
                    alineas.push(paragraphe_depuis(&paragraphe.join(" ")));
                    paragraphe.clear();
                }
                liste.push(segments_depuis(element.trim()));
            } else {
                if !liste.is_empty() {
                    alineas.push(Alinea::Liste {
                        liste: std::mem::take(&mut liste),
                    });
                }
                paragraphe.push(l);
            }
        }
        if !paragraphe.is_empty() {
            alineas.push(paragraphe_depuis(&paragraphe.join(" ")));
        }
        if !liste.is_empty() {
            alineas.push(Alinea::Liste { liste });
        }
    }
    alineas
}

fn paragraphe_depuis(texte: &str) -> Alinea {
    let segments = segments_depuis(texte);
    match segments.as_slice() {
        [] => Alinea::Simple(String::new()),
        [seul] if !seul.gras && !seul.italique => Alinea::Simple(seul.texte.clone()),
        _ => Alinea::Paragraphe {
            paragraphe: segments,
        },
    }
}

/// Splits `**…**` and `_…_` runs. A mark opens only if it closes later in
/// the text; `_` inside a word (snake_case, 2024_052) is not a mark.
fn segments_depuis(texte: &str) -> Vec<Segment> {
    let car: Vec<char> = texte.chars().collect();
    let mut segments: Vec<Segment> = Vec::new();
    let mut courant = String::new();
    let (mut gras, mut italique) = (false, false);
    let pousser =
        |segments: &mut Vec<Segment>, courant: &mut String, gras: bool, italique: bool| {
            if courant.is_empty() {
                return;
            }
            match segments.last_mut() {
                Some(s) if s.gras == gras && s.italique == italique => s.texte.push_str(courant),
                _ => segments.push(Segment {
                    texte: courant.clone(),
                    gras,
                    italique,
                }),
            }
            courant.clear();
        };
    let mut i = 0;
    while i < car.len() {
        let reste = &car[i..];
        if reste.starts_with(&['*', '*']) && (gras || ferme(&car[i + 2..], "**")) {
            pousser(&mut segments, &mut courant, gras, italique);
            gras = !gras;
            i += 2;
            continue;
        }
        let debut_de_mot = i == 0 || !car[i - 1].is_alphanumeric();
        let fin_de_mot = i + 1 >= car.len() || !car[i + 1].is_alphanumeric();
        if car[i] == '_'
            && ((italique && fin_de_mot)
                || (!italique && debut_de_mot && ferme(&car[i + 1..], "_")))
        {
            pousser(&mut segments, &mut courant, gras, italique);
            italique = !italique;
            i += 1;
            continue;
        }
        courant.push(car[i]);
        i += 1;
    }
    pousser(&mut segments, &mut courant, gras, italique);
    segments
}

/// Whether `marque` closes somewhere in `reste` (for `_`, at a word end).
fn ferme(reste: &[char], marque: &str) -> bool {
    let m: Vec<char> = marque.chars().collect();
    (0..reste.len()).any(|j| {
        reste[j..].starts_with(&m)
            && (marque != "_" || j + 1 >= reste.len() || !reste[j + 1].is_alphanumeric())
            && j > 0
    })
}

/// The text with the clerk's marks, for editing: `depuis_saisie` of it gives
/// the same structure back.
pub fn vers_saisie(alineas: &[Alinea]) -> String {
    alineas
        .iter()
        .map(|a| match a {
            Alinea::Simple(t) => t.clone(),
            Alinea::Paragraphe { paragraphe } => saisie_segments(paragraphe),
            Alinea::Liste { liste } => liste
                .iter()
                .map(|e| format!("- {}", saisie_segments(e)))
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn saisie_segments(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|s| {
            let mut t = s.texte.clone();
            if s.italique {
                t = format!("_{t}_");
            }
            if s.gras {
                t = format!("**{t}**");
            }
            t
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gras(t: &str) -> Segment {
        Segment {
            texte: t.into(),
            gras: true,
            italique: false,
        }
    }

    fn italique(t: &str) -> Segment {
        Segment {
            texte: t.into(),
            gras: false,
            italique: true,
        }
    }

    #[test]
    fn des_paragraphes_sans_mise_en_forme_restent_des_chaines() {
        let a = depuis_saisie("Premier paragraphe.\n\nSecond\nsur deux lignes.");
        assert_eq!(
            a,
            vec![
                Alinea::from("Premier paragraphe."),
                Alinea::from("Second sur deux lignes.")
            ]
        );
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            r#"["Premier paragraphe.","Second sur deux lignes."]"#
        );
    }

    #[test]
    fn gras_italique_et_listes_sont_structures() {
        let a = depuis_saisie(
            "Le montant est de **45 €** par _école_.\n\nLes écoles :\n- **Pézilla** maternelle\n- élémentaire",
        );
        assert_eq!(
            a[0],
            Alinea::Paragraphe {
                paragraphe: vec![
                    Segment::simple("Le montant est de "),
                    gras("45 €"),
                    Segment::simple(" par "),
                    italique("école"),
                    Segment::simple("."),
                ]
            }
        );
        assert_eq!(a[1], Alinea::from("Les écoles :"));
        assert_eq!(
            a[2],
            Alinea::Liste {
                liste: vec![
                    vec![gras("Pézilla"), Segment::simple(" maternelle")],
                    vec![Segment::simple("élémentaire")],
                ]
            }
        );
    }

    #[test]
    fn un_souligne_dans_un_mot_ou_une_marque_orpheline_reste_du_texte() {
        assert_eq!(
            depuis_saisie("Numéro 2024_052 et snake_case, **non fermé"),
            vec![Alinea::from("Numéro 2024_052 et snake_case, **non fermé")]
        );
    }

    #[test]
    fn la_saisie_fait_l_aller_retour() {
        let saisie = "Vu le **CGCT**, _notamment_ son article L2121-29 ;\n\n- un\n- **deux** et _trois_\n\nFin.";
        let a = depuis_saisie(saisie);
        assert_eq!(vers_saisie(&a), saisie);
        assert_eq!(depuis_saisie(&vers_saisie(&a)), a);
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<Vec<Alinea>>(&json).unwrap(), a);
    }

    #[test]
    fn le_texte_brut_sert_aux_controles() {
        let a = depuis_saisie("Année **2024-2025**.\n\n- a\n- b");
        assert_eq!(brut(&a), "Année 2024-2025.\n\n- a\n- b");
    }
}
