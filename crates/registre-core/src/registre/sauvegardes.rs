//! Backups of an open register: a manual « Sauvegarder sous… », the
//! automatic copies (on close, daily) with rotation, and « Restaurer… »,
//! which checks the whole file before replacing anything.

use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::Registre;
use crate::avancement::Avancement;
use crate::echange::DonneesRegistre;
use crate::erreur::{Erreur, Resultat};
use crate::sauvegarde;

impl Registre {
    /// The whole register, records and their life, as one JSON text.
    pub fn sauvegarder(&self, le: NaiveDateTime) -> Resultat<String> {
        self.sauvegarder_suivi(le, &Avancement::muet())
    }

    /// The same in three steps reported to `avancement` (the records, then
    /// the history and the signed PDFs, then the file's text), which may
    /// cancel it between them.
    pub fn sauvegarder_suivi(
        &self,
        le: NaiveDateTime,
        avancement: &Avancement,
    ) -> Resultat<String> {
        avancement.etape(0, 3)?;
        let donnees = self.stockage.lire_tout()?;
        avancement.etape(1, 3)?;
        let cycle = self.stockage.lire_cycle()?;
        let logo = self.stockage.logo()?;
        avancement.etape(2, 3)?;
        let texte = sauvegarde::ecrire(donnees, cycle, logo.as_deref(), le);
        avancement.etape(3, 3)?;
        Ok(texte)
    }

    /// Replaces the register with a backup, after checking all of it; on
    /// any anomaly nothing is changed.
    pub fn restaurer(&self, texte: &str) -> Resultat<DonneesRegistre> {
        self.restaurer_suivi(texte, &Avancement::muet())
    }

    /// The same in two steps reported to `avancement`: the whole file read
    /// and checked, then the register replaced. Cancelled before the
    /// replacement, nothing has changed; once it started, it completes.
    pub fn restaurer_suivi(
        &self,
        texte: &str,
        avancement: &Avancement,
    ) -> Resultat<DonneesRegistre> {
        avancement.etape(0, 2)?;
        let contenu = sauvegarde::lire(texte)?;
        avancement.etape(1, 2)?;
        // The last moment to stop: after this, the register is replaced.
        avancement.verifier()?;
        self.stockage.restaurer(&contenu)?;
        // Written: reported, but no longer cancellable.
        let _ = avancement.etape(2, 2);
        Ok(contenu.donnees)
    }

    /// How many automatic copies are kept (10 unless the clerk chose).
    pub fn copies_a_garder(&self) -> Resultat<usize> {
        Ok(self
            .stockage
            .copies_a_garder()?
            .map(|n| n as usize)
            .unwrap_or(sauvegarde::A_GARDER_PAR_DEFAUT))
    }

    /// Sets how many automatic copies are kept: 1 to 365.
    pub fn definir_copies_a_garder(&self, n: u32) -> Resultat<usize> {
        if !(1..=365).contains(&n) {
            return Err(Erreur::invalide(
                "copies_a_garder",
                format!("garder {n} copie(s) n'est pas possible : choisissez entre 1 et 365"),
            ));
        }
        self.stockage.definir_copies_a_garder(n)?;
        Ok(n as usize)
    }

    /// The folder of the automatic copies, beside the database.
    pub fn dossier_sauvegardes(&self) -> PathBuf {
        sauvegarde::dossier_automatique(self.dossier())
    }

    /// Writes an automatic copy and keeps only the `garder` newest ones.
    /// `seulement_si_plus_vieille_que` (in hours) makes it the daily copy:
    /// nothing is written when the newest copy is more recent than that.
    pub fn sauvegarde_automatique(
        &self,
        le: NaiveDateTime,
        garder: usize,
        seulement_si_plus_vieille_que: Option<i64>,
    ) -> Resultat<Option<PathBuf>> {
        let dossier = self.dossier_sauvegardes();
        if let (Some(heures), Some(derniere)) = (
            seulement_si_plus_vieille_que,
            sauvegarde::derniere_copie(&dossier),
        ) {
            if le - derniere < chrono::Duration::hours(heures) {
                return Ok(None);
            }
        }
        if self.stockage.est_vide()? {
            return Ok(None);
        }
        std::fs::create_dir_all(&dossier).map_err(|source| Erreur::EntreeSortie {
            chemin: dossier.clone(),
            source,
        })?;
        let chemin = dossier.join(sauvegarde::nom_automatique(le));
        crate::ecrire_atomiquement(&chemin, self.sauvegarder(le)?)?;
        let copies = sauvegarde::copies(&dossier);
        let garder = garder.max(1);
        if copies.len() > garder {
            for ancienne in &copies[..copies.len() - garder] {
                // A copy that cannot be removed only costs disk space.
                let _ = std::fs::remove_file(ancienne);
            }
        }
        Ok(Some(chemin))
    }
}

/// The newest automatic copy of the register in `dossier`, if any: what a
/// damaged register can be rebuilt from.
pub fn derniere_copie_de(dossier: &std::path::Path) -> Option<PathBuf> {
    sauvegarde::copies(&sauvegarde::dossier_automatique(dossier)).pop()
}

/// Rebuilds a register that no longer opens (damaged files) from its newest
/// automatic copy. The copy is checked whole first; the damaged folder is
/// kept aside (renamed, never deleted) for whoever investigates; then a new
/// register is created in its place and filled from the copy. Returns the
/// open register and the copy used.
pub fn reparer_depuis_la_derniere_copie(
    dossier: &std::path::Path,
    le: NaiveDateTime,
) -> Resultat<(Registre, PathBuf)> {
    let copie = derniere_copie_de(dossier).ok_or_else(|| {
        Erreur::Introuvable(format!(
            "Aucune copie automatique du registre n'a été trouvée dans « {} ».",
            sauvegarde::dossier_automatique(dossier).display()
        ))
    })?;
    let texte = std::fs::read_to_string(&copie).map_err(|source| Erreur::EntreeSortie {
        chemin: copie.clone(),
        source,
    })?;
    // Nothing moves before the copy is known to be good.
    sauvegarde::lire(&texte)?;
    let nom = dossier
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "registre".into());
    let a_cote = dossier.with_file_name(format!("{nom}-endommage-{}", le.format("%Y%m%d-%H%M%S")));
    if dossier.exists() {
        std::fs::rename(dossier, &a_cote).map_err(|source| Erreur::EntreeSortie {
            chemin: dossier.to_path_buf(),
            source,
        })?;
    }
    let registre = Registre::ouvrir(dossier)?;
    registre.restaurer(&texte)?;
    Ok((registre, copie))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn le(heure: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2024, 5, 20)
            .unwrap()
            .and_hms_opt(heure, 0, 0)
            .unwrap()
    }

    #[test]
    fn une_sauvegarde_de_version_1_sans_logo_se_restaure_encore_et_une_plus_recente_est_refusee() {
        let dir = tempfile::tempdir().unwrap();
        let r = Registre::ouvrir(dir.path()).unwrap();
        r.charger_demo(le(9)).unwrap();
        let mut v: serde_json::Value =
            serde_json::from_str(&r.sauvegarder(le(10)).unwrap()).unwrap();
        assert_eq!(v["version"], 2);
        assert!(v.get("logo").is_none(), "sans logo, pas de champ");
        v["version"] = 1.into();
        r.restaurer(&v.to_string()).unwrap();
        v["version"] = 3.into();
        let e = r.restaurer(&v.to_string()).unwrap_err().to_string();
        assert!(e.contains("lit jusqu'à la version 2"), "{e}");
    }

    #[test]
    fn une_sauvegarde_suivie_rapporte_trois_etapes_et_annulee_ne_rend_rien() {
        let dir = tempfile::tempdir().unwrap();
        let r = Registre::ouvrir(dir.path()).unwrap();
        r.charger_demo(le(9)).unwrap();
        let etapes = std::sync::Mutex::new(Vec::new());
        let suivi = Avancement::new(crate::avancement::Annulation::default(), |fait, total| {
            etapes.lock().unwrap().push((fait, total))
        });
        let texte = r.sauvegarder_suivi(le(10), &suivi).unwrap();
        drop(suivi);
        assert_eq!(texte, r.sauvegarder(le(10)).unwrap());
        assert_eq!(
            etapes.into_inner().unwrap(),
            vec![(0, 3), (1, 3), (2, 3), (3, 3)]
        );

        let annulation = crate::avancement::Annulation::default();
        let suivi = Avancement::new(annulation.clone(), |fait, _| {
            if fait == 1 {
                annulation.annuler();
            }
        });
        assert!(matches!(
            r.sauvegarder_suivi(le(10), &suivi),
            Err(Erreur::Annulee)
        ));
    }

    #[test]
    fn une_restauration_annulee_apres_la_verification_ne_change_rien() {
        let dir = tempfile::tempdir().unwrap();
        let r = Registre::ouvrir(dir.path()).unwrap();
        r.charger_demo(le(9)).unwrap();
        let sauvegarde = r.sauvegarder(le(10)).unwrap();
        let mut c = r.lire_commune().unwrap();
        c.nom = "Autre-Nom".into();
        r.enregistrer_commune(c).unwrap();

        let annulation = crate::avancement::Annulation::default();
        let suivi = Avancement::new(annulation.clone(), |fait, _| {
            if fait == 1 {
                annulation.annuler();
            }
        });
        assert!(matches!(
            r.restaurer_suivi(&sauvegarde, &suivi),
            Err(Erreur::Annulee)
        ));
        assert_eq!(
            r.lire_commune().unwrap().nom,
            "Autre-Nom",
            "rien n'a été remplacé"
        );

        let etapes = std::sync::Mutex::new(Vec::new());
        let suivi = Avancement::new(crate::avancement::Annulation::default(), |fait, total| {
            etapes.lock().unwrap().push((fait, total))
        });
        r.restaurer_suivi(&sauvegarde, &suivi).unwrap();
        drop(suivi);
        assert_eq!(etapes.into_inner().unwrap(), vec![(0, 2), (1, 2), (2, 2)]);
        assert_eq!(r.lire_commune().unwrap().nom, "Pézilla-la-Rivière");
    }

    #[test]
    fn un_registre_endommage_est_reconstruit_depuis_sa_derniere_copie_et_garde_de_cote() {
        let parent = tempfile::tempdir().unwrap();
        let dossier = parent.path().join("registre-db");
        {
            let r = Registre::ouvrir(&dossier).unwrap();
            r.charger_demo(le(9)).unwrap();
            r.sauvegarde_automatique(le(10), 10, None).unwrap();
        }
        // Damage: the format key no longer reads.
        {
            let db = sled::open(dossier.join("sled")).unwrap();
            db.open_tree("meta")
                .unwrap()
                .insert("format_stockage", &b"xx"[..])
                .unwrap();
            db.flush().unwrap();
        }
        let e = Registre::ouvrir(&dossier).err().expect("damaged");
        assert!(matches!(e, Erreur::BaseEndommagee(_)), "{e}");
        let (r, copie) = reparer_depuis_la_derniere_copie(&dossier, le(11)).unwrap();
        assert!(copie.ends_with("registre-20240520-100000.json"));
        assert_eq!(r.lister_deliberations().unwrap().len(), 1);
        assert!(parent
            .path()
            .join("registre-db-endommage-20240520-110000")
            .join("sled")
            .exists());
    }

    #[test]
    fn le_nombre_de_copies_gardees_se_choisit_entre_1_et_365() {
        let dir = tempfile::tempdir().unwrap();
        let r = Registre::ouvrir(dir.path()).unwrap();
        assert_eq!(r.copies_a_garder().unwrap(), 10);
        r.definir_copies_a_garder(3).unwrap();
        assert_eq!(r.copies_a_garder().unwrap(), 3);
        let e = r.definir_copies_a_garder(0).unwrap_err().to_string();
        assert!(e.contains("copies_a_garder"), "{e}");
        assert_eq!(r.copies_a_garder().unwrap(), 3);
    }

    #[test]
    fn sans_copie_rien_ne_bouge() {
        let parent = tempfile::tempdir().unwrap();
        let dossier = parent.path().join("registre-db");
        std::fs::create_dir_all(&dossier).unwrap();
        let e = reparer_depuis_la_derniere_copie(&dossier, le(11))
            .err()
            .unwrap();
        assert!(matches!(e, Erreur::Introuvable(_)), "{e}");
        assert!(dossier.exists());
    }
}
