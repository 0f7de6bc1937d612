//! Progress and cancellation of the long operations: the annual
//! register's PDF, the backup and its restore, the publication export. The caller passes
//! an `Avancement`; the operation reports each step it finishes and, once
//! cancelled, stops at its next step with `Erreur::Annulee`, having
//! written nothing (files are written by the caller, after it returns).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

use crate::erreur::{Erreur, Resultat};

/// The switch a « Annuler » button turns; shared by the operation and
/// whoever may cancel it.
#[derive(Debug, Clone, Default)]
pub struct Annulation(Arc<AtomicBool>);

impl Annulation {
    pub fn annuler(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn est_annulee(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// One step of an operation, as the UI shows it: « 3 sur 8 ».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EtapeOperation {
    /// The identifier the UI gave the operation when it started it.
    pub operation: String,
    pub fait: u32,
    pub total: u32,
}

type Rapport<'a> = Box<dyn Fn(u32, u32) + Send + Sync + 'a>;

pub struct Avancement<'a> {
    annulation: Annulation,
    rapport: Rapport<'a>,
}

impl Default for Avancement<'_> {
    fn default() -> Self {
        Avancement::muet()
    }
}

impl<'a> Avancement<'a> {
    /// Nobody watches and nobody cancels: the CLI, the automatic copies.
    pub fn muet() -> Self {
        Avancement {
            annulation: Annulation::default(),
            rapport: Box::new(|_, _| {}),
        }
    }

    pub fn new(annulation: Annulation, rapport: impl Fn(u32, u32) + Send + Sync + 'a) -> Self {
        Avancement {
            annulation,
            rapport: Box::new(rapport),
        }
    }

    /// `fait` of `total` steps are done; refused once cancelled, so that the
    /// operation stops there.
    pub fn etape(&self, fait: usize, total: usize) -> Resultat<()> {
        self.verifier()?;
        let borne = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        (self.rapport)(borne(fait.min(total)), borne(total));
        Ok(())
    }

    /// Whether to go on: `Erreur::Annulee` once cancelled.
    pub fn verifier(&self) -> Resultat<()> {
        if self.annulation.est_annulee() {
            Err(Erreur::Annulee)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    #[test]
    fn les_etapes_sont_rapportees_puis_refusees_une_fois_annule() {
        let vues = Mutex::new(Vec::new());
        let annulation = Annulation::default();
        let a = Avancement::new(annulation.clone(), |fait, total| {
            vues.lock().unwrap().push((fait, total));
        });
        a.etape(1, 3).unwrap();
        a.etape(5, 3).unwrap();
        annulation.annuler();
        assert!(matches!(a.etape(3, 3), Err(Erreur::Annulee)));
        assert!(matches!(a.verifier(), Err(Erreur::Annulee)));
        drop(a);
        assert_eq!(vues.into_inner().unwrap(), vec![(1, 3), (3, 3)]);
    }
}
