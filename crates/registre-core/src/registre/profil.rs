//! The commune's profile (Paramètres): name, SIRET, address, population,
//! tribunal administratif, publication mode, whether the secretary signs
//! the extract; and its logo. It is printed on every document, and the population sets
//! the legal thresholds (council size, convocation delay).

use super::Registre;
use crate::domaine::Commune;
use crate::echange;
use crate::erreur::{Erreur, Resultat};
use crate::logo::Logo;

impl Registre {
    /// The logo as the clerk chose it, if any (checked when it was kept).
    pub fn logo(&self) -> Resultat<Option<Logo>> {
        self.stockage
            .logo()?
            .map(|octets| Logo::lire(octets).map_err(|m| Erreur::invalide("commune.logo", m)))
            .transpose()
    }

    /// Keeps the commune's logo after checking it is a PNG or JPEG of a
    /// sensible size (refused with the field `commune.logo` named); from
    /// then on it is printed on the documents. Signed acts keep their PDF.
    pub fn enregistrer_logo(&self, octets: Vec<u8>) -> Resultat<Logo> {
        let logo = Logo::lire(octets).map_err(|m| Erreur::invalide("commune.logo", m))?;
        self.stockage.enregistrer_logo(Some(&logo.octets))?;
        Ok(logo)
    }

    pub fn retirer_logo(&self) -> Resultat<()> {
        self.stockage.enregistrer_logo(None)
    }

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
    use crate::registre::essais::{le_20_mai, registre_demo};

    /// The XObject named `Logo` on the first page, if any.
    fn logo_de_la_premiere_page(pdf: &[u8]) -> Option<lopdf::Dictionary> {
        let doc = lopdf::Document::load_mem(pdf).unwrap();
        let page = *doc.get_pages().get(&1).unwrap();
        let (ressources, references) = doc.get_page_resources(page);
        let mut dictionnaires: Vec<&lopdf::Dictionary> = ressources.into_iter().collect();
        for r in references {
            dictionnaires.push(doc.get_dictionary(r).unwrap());
        }
        let id = dictionnaires.iter().find_map(|d| {
            d.get(b"XObject")
                .ok()?
                .as_dict()
                .ok()?
                .get(b"Logo")
                .ok()?
                .as_reference()
                .ok()
        })?;
        Some(
            doc.get_object(id)
                .unwrap()
                .as_stream()
                .unwrap()
                .dict
                .clone(),
        )
    }

    #[test]
    fn le_logo_est_garde_imprime_sur_l_extrait_et_suit_la_sauvegarde() {
        use crate::pdf::DemandePdf;
        let (_dir, r) = registre_demo();
        let le = le_20_mai();
        let extrait = DemandePdf::Extrait("2024/052".into());
        assert!(logo_de_la_premiere_page(&r.rendre_pdf(&extrait, le).unwrap().octets).is_none());

        // A GIF is refused, the field named, and nothing is kept.
        let e = r.enregistrer_logo(b"GIF89a".to_vec()).unwrap_err();
        assert!(e.to_string().contains("commune.logo"), "{e}");
        assert_eq!(r.logo().unwrap(), None);

        let png = crate::logo::tests::png_rgba();
        let logo = r.enregistrer_logo(png.clone()).unwrap();
        assert!(logo
            .url_de_donnees()
            .starts_with("data:image/png;base64,iVBORw0KGgo"));
        let pdf = r.rendre_pdf(&extrait, le).unwrap().octets;
        let image = logo_de_la_premiere_page(&pdf).expect("le logo est sur la première page");
        assert_eq!(image.get(b"Subtype").unwrap().as_name().unwrap(), b"Image");
        assert_eq!(image.get(b"Width").unwrap().as_i64().unwrap(), 3);
        assert!(image.has(b"SMask"), "la transparence du PNG est gardée");
        assert_eq!(
            pdf,
            r.rendre_pdf(&extrait, le).unwrap().octets,
            "reproductible"
        );
        // The register's leaves bear no logo.
        let registre = r
            .rendre_pdf(&DemandePdf::Registre(2024), le)
            .unwrap()
            .octets;
        assert!(logo_de_la_premiere_page(&registre).is_none());

        // A backup carries it; a restore puts it back.
        let sauvegarde = r.sauvegarder(le).unwrap();
        r.retirer_logo().unwrap();
        assert_eq!(r.logo().unwrap(), None);
        r.restaurer(&sauvegarde).unwrap();
        assert_eq!(r.logo().unwrap().map(|l| l.octets), Some(png));
    }

    #[test]
    fn le_profil_de_la_commune_se_modifie_et_refuse_un_champ_faux_en_le_nommant() {
        let (_dir, r) = registre_demo();
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
