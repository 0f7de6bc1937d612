//! The maire's decisions by delegation (L2122-22) on an open register:
//! entered with their own numbering ("D2024/007"), listed by date as the
//! register keeps them (R2122-7-1).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Registre;
use crate::domaine::{texte, DecisionMaire, NumeroDecision, NumeroDeliberation};
use crate::echange;
use crate::erreur::{Erreur, Resultat};

/// A decision as typed: the text with the clerk's marks, the number left
/// empty for a new one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SaisieDecision {
    #[serde(default)]
    pub numero: String,
    pub date: NaiveDate,
    pub objet: String,
    pub fondement: String,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub deliberation_delegation: Option<String>,
    pub texte: String,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub compte_rendu_seance: Option<String>,
}

impl Registre {
    /// Creates (empty number: the next of its year) or updates a decision,
    /// after the same checks as an import; the faulty field is named.
    pub fn enregistrer_decision_maire(&self, s: SaisieDecision) -> Resultat<DecisionMaire> {
        let mut donnees = self.stockage.lire_tout()?;
        let numero = if s.numero.trim().is_empty() {
            let annee = s.date.year();
            let dernier = donnees
                .decisions_du_maire
                .iter()
                .filter(|d| d.numero.annee() == annee)
                .map(|d| d.numero.rang())
                .max()
                .unwrap_or(0);
            NumeroDecision::new(&format!("D{annee}/{:03}", dernier + 1))
        } else {
            NumeroDecision::new(s.numero.trim())
        }
        .map_err(|m| Erreur::invalide("numero", m))?;
        let deliberation_delegation = match s.deliberation_delegation.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(n) => Some(
                NumeroDeliberation::new(n)
                    .map_err(|m| Erreur::invalide("deliberation_delegation", m))?,
            ),
        };
        let d = DecisionMaire {
            numero,
            date: s.date,
            objet: s.objet.trim().to_owned(),
            fondement: s.fondement.trim().to_owned(),
            deliberation_delegation,
            texte: texte::depuis_saisie(&s.texte),
            compte_rendu_seance: s
                .compte_rendu_seance
                .map(|x| x.trim().to_owned())
                .filter(|x| !x.is_empty()),
        };
        let rang = match donnees
            .decisions_du_maire
            .iter()
            .position(|x| x.numero == d.numero)
        {
            Some(i) => {
                donnees.decisions_du_maire[i] = d.clone();
                i
            }
            None => {
                donnees.decisions_du_maire.push(d.clone());
                donnees.decisions_du_maire.len() - 1
            }
        };
        let chemin = format!("registre.decisions_du_maire[{rang}]");
        if let Some(a) = echange::anomalie_de(&donnees, &chemin, "decision") {
            return Err(Erreur::DonneeInvalide(a));
        }
        self.stockage.enregistrer_decision_maire(&d)?;
        Ok(d)
    }

    /// The decisions, by date then number; of one year when given.
    pub fn lister_decisions_maire(&self, annee: Option<i32>) -> Resultat<Vec<DecisionMaire>> {
        let mut v: Vec<DecisionMaire> = self
            .stockage
            .decisions_maire()?
            .into_iter()
            .filter(|d| annee.is_none_or(|a| d.date.year() == a))
            .collect();
        v.sort_by(|a, b| (a.date, &a.numero).cmp(&(b.date, &b.numero)));
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn le() -> chrono::NaiveDateTime {
        NaiveDate::from_ymd_opt(2024, 5, 20)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    fn saisie(date: (i32, u32, u32), objet: &str) -> SaisieDecision {
        SaisieDecision {
            numero: String::new(),
            date: NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap(),
            objet: objet.into(),
            fondement: "CGCT L2122-22, 4°".into(),
            deliberation_delegation: None,
            texte: "Considérant le besoin ;\n\n**DÉCIDE** de signer le marché.".into(),
            compte_rendu_seance: None,
        }
    }

    #[test]
    fn les_decisions_ont_leur_propre_numerotation_et_se_listent_par_date() {
        let dir = tempfile::tempdir().unwrap();
        let r = Registre::ouvrir(dir.path()).unwrap();
        r.charger_demo(le()).unwrap();
        let a = r
            .enregistrer_decision_maire(saisie((2024, 6, 3), "MARCHÉ DE FOURNITURES SCOLAIRES"))
            .unwrap();
        let b = r
            .enregistrer_decision_maire(saisie((2024, 4, 2), "LOUAGE D'UNE SALLE"))
            .unwrap();
        assert_eq!(
            (a.numero.as_str(), b.numero.as_str()),
            ("D2024/001", "D2024/002")
        );
        let liste: Vec<String> = r
            .lister_decisions_maire(Some(2024))
            .unwrap()
            .into_iter()
            .map(|d| d.numero.to_string())
            .collect();
        assert_eq!(liste, ["D2024/002", "D2024/001"], "by date");
        // They travel in the interchange format.
        let export = r.exporter().unwrap().en_json();
        assert!(export.contains("\"decisions_du_maire\""));
    }

    #[test]
    fn une_decision_incomplete_est_refusee_en_nommant_le_champ() {
        let dir = tempfile::tempdir().unwrap();
        let r = Registre::ouvrir(dir.path()).unwrap();
        r.charger_demo(le()).unwrap();
        let mut s = saisie((2024, 6, 3), "X");
        s.fondement = " ".into();
        let e = r.enregistrer_decision_maire(s).unwrap_err().to_string();
        assert!(e.contains("decision.fondement"), "{e}");
        let mut s = saisie((2024, 6, 3), "X");
        s.compte_rendu_seance = Some("2024-05-15".into());
        let e = r.enregistrer_decision_maire(s).unwrap_err().to_string();
        assert!(e.contains("avant d'avoir été prise"), "{e}");
        assert!(r.lister_decisions_maire(None).unwrap().is_empty());
    }
}
