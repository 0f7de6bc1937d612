//! Search on an open register: the index of [`crate::recherche`] kept in
//! memory for each open register, rebuilt when the store changed, and the
//! hits read back from the store for their extracts.
//!
//! The `Registre` struct has no room for the index, so it lives in a
//! process-wide cache keyed by the register's lock file handle (shared by
//! all clones of one open register, dropped with the last one). It is stale
//! as soon as the store's write generation moved: this process is the
//! register's only writer, so the comparison is exact. A hit that no longer
//! matches what was indexed (a write between reading the generation and the
//! records) still forces a rebuild.

use std::fs::File;
use std::sync::{Arc, Mutex, PoisonError, Weak};

use super::Registre;
use crate::erreur::{Erreur, Resultat};
use crate::recherche::{
    GenreFiche, Index, RequeteRecherche, ResultatsRecherche, Source, StatistiquesIndex,
};

struct EntreeCache {
    registre: Weak<File>,
    generation: u64,
    index: Arc<Index>,
}

/// One entry per open register of this process (the app has one; tests
/// open many). Entries of closed registers are dropped at the next search.
static CACHE: Mutex<Vec<EntreeCache>> = Mutex::new(Vec::new());

impl Registre {
    /// Searches the deliberations and conventions (see [`RequeteRecherche`]).
    /// The first search of an open register builds the index; later ones
    /// reuse it until the store changes.
    pub fn rechercher(&self, requete: &RequeteRecherche) -> Resultat<ResultatsRecherche> {
        let mut index = self.index_recherche(false)?;
        for _ in 0..3 {
            let lus = index.resultats(requete, |genre, cle| -> Resultat<Option<Source>> {
                Ok(match genre {
                    GenreFiche::Deliberation => {
                        self.stockage.deliberation(cle)?.map(Source::Deliberation)
                    }
                    GenreFiche::Convention => {
                        self.stockage.convention(cle)?.map(Source::Convention)
                    }
                })
            })?;
            match lus {
                Some(resultats) => return Ok(resultats),
                // Freshly built from the store, read back from the same
                // store: it matches unless another thread wrote in between,
                // and then the next round sees the new state.
                None => index = self.index_recherche(true)?,
            }
        }
        Err(Erreur::Interne(
            "l'index de recherche ne suit pas le registre : réessayez".into(),
        ))
    }

    /// Builds the search index now (the app calls it in the background after
    /// opening, so that the first search is immediate), or reuses it.
    pub fn preparer_recherche(&self) -> Resultat<StatistiquesIndex> {
        Ok(self.index_recherche(false)?.statistiques())
    }

    fn index_recherche(&self, reconstruire: bool) -> Resultat<Arc<Index>> {
        let moi = Arc::downgrade(&self._verrou);
        // Read before the records: a write after this point makes the next
        // search rebuild, never keep a stale index.
        let generation = self.stockage.generation();
        let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
        cache.retain(|e| e.registre.strong_count() > 0);
        let position = cache.iter().position(|e| e.registre.ptr_eq(&moi));
        if let Some(e) = position.map(|i| &cache[i]) {
            if !reconstruire && e.generation == generation {
                return Ok(Arc::clone(&e.index));
            }
        }
        let index = Arc::new(Index::construire_flux(
            self.stockage.parcourir_deliberations(),
            self.stockage.parcourir_conventions(),
        )?);
        let entree = EntreeCache {
            registre: moi,
            generation,
            index: Arc::clone(&index),
        };
        match position {
            Some(i) => cache[i] = entree,
            None => cache.push(entree),
        }
        Ok(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recherche::GenreFiche;

    fn le() -> chrono::NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2024, 5, 20)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap()
    }

    fn cherche(r: &Registre, texte: &str) -> Vec<String> {
        r.rechercher(&RequeteRecherche {
            texte: texte.into(),
            ..Default::default()
        })
        .unwrap()
        .trouvailles
        .into_iter()
        .map(|t| t.cle)
        .collect()
    }

    #[test]
    fn l_index_suit_les_ecritures_du_registre() {
        let dir = tempfile::tempdir().unwrap();
        let r = Registre::ouvrir(dir.path()).unwrap();
        assert!(cherche(&r, "ecole").is_empty());
        r.charger_demo(le()).unwrap();
        assert_eq!(cherche(&r, "pezilla ecole"), ["ent-ecole-2024-2025"]);
        // A write right after a search: the new convention is found.
        let nouvelle = r.renouveler_convention("ent-ecole-2024-2025").unwrap();
        let mut trouvees = cherche(&r, "pezilla ecole");
        trouvees.sort();
        let mut attendues = vec!["ent-ecole-2024-2025".to_owned(), nouvelle.id.clone()];
        attendues.sort();
        assert_eq!(trouvees, attendues);
        // A clone shares the index; the filters apply.
        let conventions = r
            .clone()
            .rechercher(&RequeteRecherche {
                texte: "numerique".into(),
                genre: Some(GenreFiche::Convention),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(conventions.total, 2);
        assert_eq!(r.preparer_recherche().unwrap().fiches, 3);
    }

    #[test]
    fn un_registre_rouvert_a_son_propre_index() {
        let dir = tempfile::tempdir().unwrap();
        {
            let r = Registre::ouvrir(dir.path()).unwrap();
            assert!(cherche(&r, "numerique").is_empty());
        }
        let r = Registre::ouvrir(dir.path()).unwrap();
        r.charger_demo(le()).unwrap();
        assert_eq!(cherche(&r, "numerique").len(), 2);
    }
}
