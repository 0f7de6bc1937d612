//! What changed between two versions of a deliberation, field by field and
//! word by word, as the mayor reads it ("ce qui a changé depuis ma dernière
//! lecture"). A longest-common-subsequence over words: texts are a few
//! hundred words, so the quadratic table stays small.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domaine::{texte, Deliberation, Vote};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Genre {
    Egal,
    Ajoute,
    Retire,
}

/// A run of words that is kept, added or removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Morceau {
    pub genre: Genre,
    pub texte: String,
}

/// One changed field, with its French label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChampModifie {
    pub champ: String,
    pub morceaux: Vec<Morceau>,
}

/// The fields that differ, in reading order; empty when nothing changed.
pub fn comparer(avant: &Deliberation, apres: &Deliberation) -> Vec<ChampModifie> {
    champs(avant)
        .into_iter()
        .zip(champs(apres))
        .filter(|((_, a), (_, b))| a != b)
        .map(|((champ, a), (_, b))| ChampModifie {
            champ: champ.into(),
            morceaux: mots(&a, &b),
        })
        .collect()
}

/// The text of each field as the mayor reads it.
fn champs(d: &Deliberation) -> Vec<(&'static str, String)> {
    let vote = match &d.vote {
        Vote::Unanimite => "unanimité".to_owned(),
        Vote::Detail {
            pour,
            contre,
            abstentions,
            blancs_nuls,
        } => {
            let mut t = format!("pour {pour}, contre {contre}, abstentions {abstentions}");
            if *blancs_nuls > 0 {
                t.push_str(&format!(", blancs ou nuls {blancs_nuls}"));
            }
            t
        }
    };
    vec![
        ("Objet", d.objet.clone()),
        ("Rapporteur", d.rapporteur.clone().unwrap_or_default()),
        ("Visas", d.visas.join("\n")),
        ("Exposé", texte::brut(&d.expose)),
        (
            "Dispositif",
            d.decisions
                .iter()
                .map(|x| format!("{} {}", x.verbe, x.texte))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        ("Vote", vote),
        ("Matière ACTES", d.matiere.clone().unwrap_or_default()),
        (
            "Convention annexée",
            d.convention.clone().unwrap_or_default(),
        ),
    ]
}

/// Splits into words, keeping each word's following spaces and line breaks
/// with it so the runs glue back into the original text.
fn decouper(t: &str) -> Vec<&str> {
    let mut mots = Vec::new();
    let mut debut = 0;
    let mut dans_espace = false;
    for (i, c) in t.char_indices() {
        if c.is_whitespace() {
            dans_espace = true;
        } else if dans_espace {
            mots.push(&t[debut..i]);
            debut = i;
            dans_espace = false;
        }
    }
    if debut < t.len() {
        mots.push(&t[debut..]);
    }
    mots
}

/// Word diff of two texts (words compared without their trailing spaces).
pub fn mots(avant: &str, apres: &str) -> Vec<Morceau> {
    let a = decouper(avant);
    let b = decouper(apres);
    let cle = |m: &str| m.trim_end().to_owned();
    let (n, m) = (a.len(), b.len());
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if cle(a[i]) == cle(b[j]) {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut morceaux: Vec<Morceau> = Vec::new();
    let mut pousser = |genre: Genre, mot: &str| match morceaux.last_mut() {
        Some(dernier) if dernier.genre == genre => dernier.texte.push_str(mot),
        _ => morceaux.push(Morceau {
            genre,
            texte: mot.to_owned(),
        }),
    };
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && cle(a[i]) == cle(b[j]) {
            pousser(Genre::Egal, b[j]);
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            // Removed words first, as a reader expects "[-old-] {+new+}".
            pousser(Genre::Retire, a[i]);
            i += 1;
        } else {
            pousser(Genre::Ajoute, b[j]);
            j += 1;
        }
    }
    morceaux
}

/// The diff as plain text for the CLI: [-retiré-] {+ajouté+}.
pub fn en_texte(champs: &[ChampModifie]) -> String {
    let mut sortie = String::new();
    for c in champs {
        sortie.push_str(&format!("{} :\n  ", c.champ));
        for m in &c.morceaux {
            let t = m.texte.replace('\n', "\n  ");
            match m.genre {
                Genre::Egal => sortie.push_str(&t),
                Genre::Ajoute => sortie.push_str(&format!("{{+{}+}} ", t.trim_end())),
                Genre::Retire => sortie.push_str(&format!("[-{}-] ", t.trim_end())),
            }
        }
        sortie.push('\n');
    }
    sortie
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reconstituer(morceaux: &[Morceau], sans: Genre) -> String {
        morceaux
            .iter()
            .filter(|m| m.genre != sans)
            .map(|m| m.texte.as_str())
            .collect()
    }

    #[test]
    fn un_mot_change_est_retire_puis_ajoute() {
        let d = mots(
            "pour l'année scolaire 2023-2024 les écoles",
            "pour l'année scolaire 2024-2025 les écoles",
        );
        assert_eq!(
            d.iter()
                .filter(|m| m.genre != Genre::Egal)
                .map(|m| (m.genre, m.texte.trim()))
                .collect::<Vec<_>>(),
            vec![(Genre::Retire, "2023-2024"), (Genre::Ajoute, "2024-2025")]
        );
    }

    fn mots_seuls(t: &str) -> Vec<&str> {
        t.split_whitespace().collect()
    }

    /// The new text comes back exactly; the old one word for word (a kept
    /// word carries the new text's spacing).
    #[test]
    fn chaque_cote_se_reconstitue() {
        let avant = "Le conseil municipal,\napprouve la convention ci-annexée.";
        let apres = "Le conseil municipal, après en avoir délibéré,\napprouve la convention.";
        let d = mots(avant, apres);
        assert_eq!(
            mots_seuls(&reconstituer(&d, Genre::Ajoute)),
            mots_seuls(avant)
        );
        assert_eq!(reconstituer(&d, Genre::Retire), apres);
    }

    #[test]
    fn des_versions_identiques_ne_donnent_aucun_champ() {
        let d = crate::demo::donnees().deliberations[0].clone();
        assert!(comparer(&d, &d).is_empty());
        let mut e = d.clone();
        e.objet.push_str(" MODIFIÉ");
        let champs = comparer(&d, &e);
        assert_eq!(champs.len(), 1);
        assert_eq!(champs[0].champ, "Objet");
        assert!(
            en_texte(&champs).contains("{+MODIFIÉ+}"),
            "{}",
            en_texte(&champs)
        );
    }
}
