//! The séance's follow-up read from the store: the checklist of legal
//! deadlines (`echeancier`) of one séance or of the whole register.

use chrono::NaiveDate;

use crate::echeancier::{self, Echeancier};
use crate::erreur::{Erreur, Resultat};

use super::Registre;

impl Registre {
    /// The legal deadlines of the séance `seance` (its identifier), or of
    /// every séance, on the day `au` ("today" is passed in): overdue first.
    pub fn echeancier(&self, seance: Option<&str>, au: NaiveDate) -> Resultat<Echeancier> {
        let commune = self
            .stockage
            .commune()?
            .ok_or_else(|| Erreur::invalide("commune", "le registre n'a pas encore de commune"))?;
        echeancier::echeancier(
            &commune,
            &self.stockage.seances()?,
            &self.stockage.deliberations()?,
            seance,
            au,
        )
    }
}
