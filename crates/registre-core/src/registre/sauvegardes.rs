//! Backups of an open register: a manual « Sauvegarder sous… », the
//! automatic copies (on close, daily) with rotation, and « Restaurer… »,
//! which checks the whole file before replacing anything.

use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::Registre;
use crate::echange::DonneesRegistre;
use crate::erreur::{Erreur, Resultat};
use crate::sauvegarde;

impl Registre {
    /// The whole register, records and their life, as one JSON text.
    pub fn sauvegarder(&self, le: NaiveDateTime) -> Resultat<String> {
        Ok(sauvegarde::ecrire(
            self.stockage.lire_tout()?,
            self.stockage.lire_cycle()?,
            le,
        ))
    }

    /// Replaces the register with a backup, after checking all of it; on
    /// any anomaly nothing is changed.
    pub fn restaurer(&self, texte: &str) -> Resultat<DonneesRegistre> {
        let contenu = sauvegarde::lire(texte)?;
        self.stockage.restaurer(&contenu)?;
        Ok(contenu.donnees)
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
