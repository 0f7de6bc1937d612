//! The commune's profile (Paramètres): name, SIRET, address, population,
//! tribunal administratif, publication mode, whether the secretary signs
//! the extract. It is printed on every document, and the population sets
//! the legal thresholds (council size, convocation delay).

use super::Registre;
use crate::domaine::Commune;
use crate::echange;
use crate::erreur::{Erreur, Resultat};

impl Registre {
    pub fn lire_commune(&self) -> Resultat<Commune> {
        self.stockage.commune()?.ok_or_else(|| {
            Erreur::Introuvable(
                "Le registre n'a pas encore de commune : chargez la démonstration ou importez un registre."
                    .into(),
            )
        })
    }

    /// Saves the profile after the register's checks, the faulty field
    /// named. Signed acts keep their recorded PDF: a new name or address
    /// only shows on documents printed from now on.
    pub fn enregistrer_commune(&self, mut c: Commune) -> Resultat<Commune> {
        c.nom = c.nom.trim().to_owned();
        c.departement = c.departement.trim().to_uppercase();
        let refus = |chemin: &str, message: &str| {
            Err(Erreur::invalide(format!("commune.{chemin}"), message))
        };
        if c.nom.is_empty() {
            return refus("nom", "le nom de la commune est vide");
        }
        if c.population == 0 {
            return refus(
                "population",
                "la population municipale doit être d'au moins 1 habitant",
            );
        }
        let d = c.departement.as_str();
        let departement_valide = (d.len() == 2
            && (d.bytes().all(|b| b.is_ascii_digit()) || d == "2A" || d == "2B"))
            || (d.len() == 3 && d.starts_with("97") && d.bytes().all(|b| b.is_ascii_digit()));
        if !departement_valide {
            return refus("departement", "le département s'écrit sur deux chiffres (66), 2A, 2B ou trois chiffres outre-mer (974)");
        }
        if c.tribunal_administratif.nom.trim().is_empty() {
            return refus(
                "tribunal_administratif.nom",
                "le tribunal administratif est cité dans la mention des voies de recours : indiquez-le",
            );
        }
        let mut donnees = self.stockage.lire_tout()?;
        donnees.commune = Some(c.clone());
        if let Some(a) = echange::anomalie_de(&donnees, "registre.commune", "commune") {
            return Err(Erreur::DonneeInvalide(a));
        }
        self.stockage.enregistrer_commune(&c)?;
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use crate::Registre;

    #[test]
    fn le_profil_de_la_commune_se_modifie_et_refuse_un_champ_faux_en_le_nommant() {
        let dir = tempfile::tempdir().unwrap();
        let r = Registre::ouvrir(dir.path()).unwrap();
        let le = chrono::NaiveDate::from_ymd_opt(2024, 5, 20)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        r.charger_demo(le).unwrap();
        let mut c = r.lire_commune().unwrap();
        c.mode_publication = Some(crate::domaine::ModePublication::Affichage);
        c.secretaire_signe_l_extrait = Some(false);
        r.enregistrer_commune(c.clone()).unwrap();
        assert_eq!(r.lire_commune().unwrap(), c);
        let mut faux = c.clone();
        faux.departement = "6".into();
        let e = r.enregistrer_commune(faux).unwrap_err().to_string();
        assert!(e.contains("commune.departement"), "{e}");
        let mut faux = c.clone();
        faux.maire = "inconnu".into();
        let e = r.enregistrer_commune(faux).unwrap_err().to_string();
        assert!(e.contains("commune.maire"), "{e}");
        let mut faux = c;
        faux.nom = "<b>X</b>".into();
        assert!(r.enregistrer_commune(faux).is_err());
        assert_eq!(
            r.lire_commune().unwrap().mode_publication,
            Some(crate::domaine::ModePublication::Affichage)
        );
    }
}
