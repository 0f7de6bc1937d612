//! Conventions as records the clerk enters and edits in the app: listed,
//! read, checked live while typed, saved with the register's checks, and
//! frozen once the deliberation approving them is signed.

use super::Registre;
use crate::domaine::{Convention, Statut};
use crate::echange;
use crate::erreur::{Erreur, Resultat};
use crate::regles::{self, Diagnostic};
use crate::vues::ConventionResume;

impl Registre {
    /// The conventions, by title.
    pub fn lister_conventions(&self) -> Resultat<Vec<ConventionResume>> {
        let mut v: Vec<ConventionResume> = self
            .stockage
            .conventions()?
            .iter()
            .map(ConventionResume::from)
            .collect();
        v.sort_by(|a, b| a.titre.cmp(&b.titre));
        Ok(v)
    }

    pub fn lire_convention(&self, id: &str) -> Resultat<Convention> {
        self.stockage.convention(id)?.ok_or_else(|| {
            Erreur::Introuvable(format!(
                "La convention « {id} » n'existe pas dans le registre."
            ))
        })
    }

    /// The checks of a convention as typed (nothing saved): totals,
    /// periods, parties, placeholders, against its deliberation if any.
    pub fn verifier_convention(&self, c: &Convention) -> Resultat<Vec<Diagnostic>> {
        let d = self.deliberation_de(c)?;
        Ok(regles::verifier_convention(c, d.as_ref()))
    }

    /// Saves a convention (a new one when `id` is empty, named after its
    /// title), with the faulty field named; refused once the deliberation
    /// approving it is signed.
    pub fn enregistrer_convention(&self, mut c: Convention) -> Resultat<Convention> {
        let mut donnees = self.stockage.lire_tout()?;
        if c.id.trim().is_empty() {
            let pris: Vec<String> = donnees.conventions.iter().map(|x| x.id.clone()).collect();
            c.id = super::identifiant_lisible(&c.titre, "convention", &pris);
        }
        let avant = donnees.conventions.iter().find(|x| x.id == c.id).cloned();
        for version in [avant.as_ref(), Some(&c)].into_iter().flatten() {
            if let Some(d) = self.deliberation_de(version)? {
                if d.statut >= Statut::Signe {
                    return Err(Erreur::ActeSigne(format!(
                        "La convention « {} » est annexée à la délibération n° {}, qui a le statut « {} » : elle ne peut plus être modifiée. Une nouvelle convention passe par une nouvelle délibération.",
                        c.id,
                        d.numero,
                        d.statut.libelle()
                    )));
                }
            }
        }
        let rang = match donnees.conventions.iter().position(|x| x.id == c.id) {
            Some(i) => {
                donnees.conventions[i] = c.clone();
                i
            }
            None => {
                donnees.conventions.push(c.clone());
                donnees.conventions.len() - 1
            }
        };
        let chemin = format!("registre.conventions[{rang}]");
        if let Some(a) = echange::anomalie_de(&donnees, &chemin, "convention") {
            return Err(Erreur::DonneeInvalide(a));
        }
        self.stockage.enregistrer_convention(&c)?;
        Ok(c)
    }

    /// The deliberation approving a convention, by either side of the link.
    fn deliberation_de(&self, c: &Convention) -> Resultat<Option<crate::domaine::Deliberation>> {
        if let Some(n) = &c.deliberation {
            if let Some(d) = self.stockage.deliberation(n.as_str())? {
                return Ok(Some(d));
            }
        }
        Ok(self
            .stockage
            .deliberations()?
            .into_iter()
            .find(|d| d.convention.as_deref() == Some(c.id.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cycle::{DemandeTransition, Role};

    fn le() -> chrono::NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2024, 5, 20)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    #[test]
    fn une_convention_se_saisit_se_verifie_et_se_fige_a_la_signature() {
        let dir = tempfile::tempdir().unwrap();
        let r = Registre::ouvrir(dir.path()).unwrap();
        r.charger_demo(le()).unwrap();
        let mut c = r.lire_convention("ent-ecole-2024-2025").unwrap();
        // A new one from the same data: id from its title.
        c.id = String::new();
        c.deliberation = None;
        c.titre = "Convention ÉNT école 2025-2026".into();
        let nouvelle = r.enregistrer_convention(c.clone()).unwrap();
        assert_eq!(nouvelle.id, "convention-ent-ecole-2025-2026");
        assert_eq!(r.lister_conventions().unwrap().len(), 2);
        // Live checks of an unsaved text.
        let mut fausse = nouvelle.clone();
        fausse.articles[0].contenu = vec![crate::domaine::Bloc::Paragraphe {
            texte: "{{inconnu}}".into(),
        }];
        assert!(r
            .verifier_convention(&fausse)
            .unwrap()
            .iter()
            .any(|d| d.code == regles::CodeDiagnostic::ChampDeConventionInvalide));
        // A bad party is refused with its field.
        let mut sans_nom = nouvelle.clone();
        sans_nom.parties[0].nom = "<b>".into();
        let e = r.enregistrer_convention(sans_nom).unwrap_err().to_string();
        assert!(e.contains("convention.parties[0].nom"), "{e}");
        // Signing 2024/052 freezes its annexed convention.
        let maire = r.acteur(Role::Maire).unwrap();
        r.changer_statut(
            "2024/052",
            &DemandeTransition::BonPourSignature,
            &maire,
            le(),
            None,
        )
        .unwrap();
        r.changer_statut("2024/052", &DemandeTransition::Signer, &maire, le(), None)
            .unwrap();
        let mut figee = r.lire_convention("ent-ecole-2024-2025").unwrap();
        figee.titre.push_str(" (modifiée)");
        let e = r.enregistrer_convention(figee).unwrap_err();
        assert!(matches!(e, Erreur::ActeSigne(_)), "{e}");
    }
}
