//! `Registre`: the one entry point the shell and the CLI use. It owns the
//! exclusive lock on the database directory and the sled store.

pub mod conventions;
pub mod decisions;
pub mod documents;
pub mod elus;
#[cfg(test)]
pub(crate) mod essais;
pub mod profil;
pub mod recherche;
pub mod redaction;
pub mod sauvegardes;
pub mod tableau;

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::convention::{self, Echeance};
use crate::domaine::{Convention, Seance, Statut};
use crate::echange::{self, DonneesRegistre, Echange};
use crate::erreur::{Erreur, Resultat};
use crate::regles::{self, Diagnostic};
use crate::stockage::Stockage;
use crate::vues::{
    self, Contexte, DeliberationDetail, DeliberationResume, EluResume, EtatRegistre, SeanceResume,
};
use crate::{demo, domaine::NumeroDeliberation};

/// Tauri's bundle identifier; the app-data folder is named after it, so the
/// app and the CLI find the same register by default.
pub const IDENTIFIANT_APPLICATION: &str = "fr.registre.desktop";

/// Default database folder: `<app data>/fr.registre.desktop/registre-db`
/// (`%APPDATA%\…` on Windows, `~/.local/share/…` on Linux).
pub fn dossier_par_defaut() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(IDENTIFIANT_APPLICATION).join("registre-db"))
}

/// "Convention ENT école 2024-2025" → "convention-ent-ecole-2024-2025",
/// "CAROLA Karine" → "carola-karine": a stable, Windows-safe identifier
/// (`defaut` when the text has no letter), suffixed until unused.
fn identifiant_lisible(texte: &str, defaut: &str, pris: &[String]) -> String {
    let plie: String = crate::recherche::plier(texte)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let mut base: String = plie
        .split('-')
        .filter(|m| !m.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    if base.is_empty() {
        base = defaut.into();
    }
    std::iter::once(base.clone())
        .chain((2..).map(|i| format!("{base}-{i}")))
        .find(|id| !pris.contains(id))
        .expect("an unused identifier exists")
}

/// "2024-05-15", or "2024-05-15-b" when that day already has a séance.
fn identifiant_libre(seances: &[Seance], date: chrono::NaiveDate) -> String {
    let base = date.format("%Y-%m-%d").to_string();
    std::iter::once(base.clone())
        .chain(('b'..='z').map(|l| format!("{base}-{l}")))
        .find(|id| !seances.iter().any(|s| &s.id == id))
        .unwrap_or_else(|| format!("{base}-{}", seances.len()))
}

/// The diagnostics of one deliberation, as `registre check` prints them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Verification {
    pub numero: String,
    pub diagnostics: Vec<crate::regles::Diagnostic>,
}

/// Attempts to take the register's lock, 25 ms apart (one second in all).
const ESSAIS_VERROU: u32 = 40;

/// An open register. Cheap to clone; the lock is released with the last clone.
#[derive(Clone)]
pub struct Registre {
    stockage: Stockage,
    dossier: PathBuf,
    _verrou: Arc<File>,
}

impl Registre {
    /// Opens (or creates) the register in `dossier`. A second process gets
    /// [`Erreur::BaseOccupee`] instead of waiting or corrupting anything.
    pub fn ouvrir(dossier: &Path) -> Resultat<Registre> {
        let io = |source| Erreur::EntreeSortie {
            chemin: dossier.to_path_buf(),
            source,
        };
        std::fs::create_dir_all(dossier).map_err(io)?;
        let verrou = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dossier.join("registre.verrou"))
            .map_err(io)?;
        // A lock just released can stay held for an instant: a process
        // closing (the app writes its backup on close), or a child forked
        // by another thread of this process that has not yet exec'd and
        // still shares the lock's file description. Wait a little before
        // saying another Registre holds it.
        let mut essais = 0;
        loop {
            match verrou.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if essais < ESSAIS_VERROU => {
                    essais += 1;
                    std::thread::sleep(std::time::Duration::from_millis(25));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(Erreur::BaseOccupee(dossier.to_path_buf()))
                }
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
        }
        let stockage = Stockage::ouvrir(dossier)?;
        Ok(Registre {
            stockage,
            dossier: dossier.to_path_buf(),
            _verrou: Arc::new(verrou),
        })
    }

    pub fn dossier(&self) -> &Path {
        &self.dossier
    }

    pub fn etat(&self) -> Resultat<EtatRegistre> {
        Ok(EtatRegistre {
            commune: self.stockage.commune()?.map(|c| c.nom),
            nombre_deliberations: self.stockage.nombre_deliberations() as u32,
            emplacement: self.dossier.display().to_string(),
        })
    }

    /// Loads the reference commune (Pézilla-la-Rivière, séance of 15 May
    /// 2024) into an empty register; refuses to overwrite anything.
    pub fn charger_demo(&self, le: chrono::NaiveDateTime) -> Resultat<()> {
        self.exiger_vide()?;
        let donnees = demo::donnees();
        let evenements = self.evenements_import(&donnees, le)?;
        self.stockage.remplacer(&donnees, &evenements)
    }

    /// Imports an interchange file. All or nothing: on any anomaly nothing is
    /// written. Into a register that holds data only when `remplacer` is set.
    /// Every deliberation the file creates or changes gets an "Import"
    /// entry in its history, dated `le`.
    pub fn importer(
        &self,
        texte: &str,
        remplacer: bool,
        le: chrono::NaiveDateTime,
    ) -> Resultat<DonneesRegistre> {
        let donnees = echange::lire(texte)?;
        if !remplacer {
            self.exiger_vide()?;
        }
        self.exiger_actes_signes_intacts(&donnees)?;
        let evenements = self.evenements_import(&donnees, le)?;
        self.stockage.remplacer(&donnees, &evenements)?;
        Ok(donnees)
    }

    /// A replacement may not change a signed act: its deliberation, its
    /// séance (attendance and counts are printed in it) and its annexed
    /// convention must come back identical. Corrections go through a new
    /// deliberation.
    fn exiger_actes_signes_intacts(&self, nouvelles: &DonneesRegistre) -> Resultat<()> {
        let actuelles = self.stockage.lire_tout()?;
        for d in actuelles
            .deliberations
            .iter()
            .filter(|d| d.statut >= Statut::Signe)
        {
            let refus = |quoi: String| {
                Err(Erreur::ActeSigne(format!(
                    "Import refusé, rien n'a été modifié : la délibération n° {} a le statut « {} » et {quoi}. Un acte signé ne change plus ; une correction passe par une nouvelle délibération.",
                    d.numero,
                    d.statut.libelle()
                )))
            };
            match nouvelles
                .deliberations
                .iter()
                .find(|n| n.numero == d.numero)
            {
                None => return refus("le fichier ne la contient pas".into()),
                Some(n) if n != d => return refus("le fichier la modifie".into()),
                Some(_) => {}
            }
            let seance = |r: &DonneesRegistre| r.seances.iter().find(|s| s.id == d.seance).cloned();
            if seance(&actuelles) != seance(nouvelles) {
                return refus(format!("le fichier modifie sa séance du {}", d.seance));
            }
            if let Some(id) = &d.convention {
                let convention =
                    |r: &DonneesRegistre| r.conventions.iter().find(|c| &c.id == id).cloned();
                if convention(&actuelles) != convention(nouvelles) {
                    return refus(format!("le fichier modifie sa convention annexée « {id} »"));
                }
            }
        }
        Ok(())
    }

    pub fn exporter(&self) -> Resultat<Echange> {
        Ok(Echange::nouveau(self.stockage.lire_tout()?))
    }

    pub fn lister_deliberations(&self) -> Resultat<Vec<DeliberationResume>> {
        let seances = self.stockage.seances()?;
        Ok(self
            .stockage
            .deliberations()?
            .into_iter()
            .map(|d| DeliberationResume {
                numero: d.numero.to_string(),
                date_seance: seances
                    .iter()
                    .find(|s| s.id == d.seance)
                    .map(|s| s.date)
                    .unwrap_or_default(),
                objet: d.objet,
                statut: d.statut,
            })
            .collect())
    }

    pub fn lire_deliberation(&self, numero: &str) -> Resultat<DeliberationDetail> {
        NumeroDeliberation::new(numero).map_err(|m| Erreur::invalide("numero", m))?;
        let d = self.stockage.deliberation(numero)?.ok_or_else(|| {
            Erreur::Introuvable(format!(
                "La délibération n° {numero} n'existe pas dans le registre."
            ))
        })?;
        let endommagee = |quoi: String| {
            Erreur::BaseEndommagee(format!(
                "la délibération {numero} renvoie à {quoi}, absent(e) du registre"
            ))
        };
        let commune = self
            .stockage
            .commune()?
            .ok_or_else(|| endommagee("la commune".into()))?;
        let seance = self
            .stockage
            .seance(&d.seance)?
            .ok_or_else(|| endommagee(format!("la séance « {} »", d.seance)))?;
        let convention = match &d.convention {
            Some(id) => Some(
                self.stockage
                    .convention(id)?
                    .ok_or_else(|| endommagee(format!("la convention « {id} »")))?,
            ),
            None => None,
        };
        let elus = self.stockage.elus()?;
        let mut detail = vues::detail(
            &Contexte {
                commune: &commune,
                seance: &seance,
                elus: &elus,
                convention: convention.as_ref(),
            },
            &d,
        )?;
        let connus = self.stockage.numeros_de_l_annee(&numero[..4])?;
        let manquants = regles::numerotation::manquants_avant(numero, &connus);
        detail
            .diagnostics
            .extend(regles::numerotation::diagnostic_lacune(numero, &manquants));
        Ok(detail)
    }

    /// The legal checks of one deliberation, or of all of them in order.
    pub fn verifier(&self, numero: Option<&str>) -> Resultat<Vec<Verification>> {
        let numeros = match numero {
            Some(n) => vec![n.to_owned()],
            None => self
                .stockage
                .deliberations()?
                .into_iter()
                .map(|d| d.numero.to_string())
                .collect(),
        };
        numeros
            .into_iter()
            .map(|numero| {
                let detail = self.lire_deliberation(&numero)?;
                Ok(Verification {
                    numero,
                    diagnostics: detail.diagnostics,
                })
            })
            .collect()
    }

    pub fn lister_seances(&self) -> Resultat<Vec<SeanceResume>> {
        let deliberations = self.stockage.deliberations()?;
        let mut seances: Vec<SeanceResume> = self
            .stockage
            .seances()?
            .into_iter()
            .map(|s| {
                let siennes = deliberations.iter().filter(|d| d.seance == s.id);
                SeanceResume {
                    nombre_deliberations: siennes.clone().count() as u32,
                    figee: siennes.clone().any(|d| d.statut >= Statut::Signe),
                    id: s.id,
                    date: s.date,
                    heure: s.heure,
                    lieu: s.lieu,
                }
            })
            .collect();
        seances.sort_by_key(|s| std::cmp::Reverse((s.date, s.heure)));
        Ok(seances)
    }

    pub fn lire_seance(&self, id: &str) -> Resultat<Seance> {
        self.stockage.seance(id)?.ok_or_else(|| {
            Erreur::Introuvable(format!("La séance « {id} » n'existe pas dans le registre."))
        })
    }

    /// The élus: the maire first, then in alphabetical order.
    pub fn lister_elus(&self) -> Resultat<Vec<EluResume>> {
        let maire = self.stockage.commune()?.map(|c| c.maire);
        let mut elus = self.stockage.elus()?;
        elus.sort_by(|a, b| {
            let rang = |e: &crate::domaine::Elu| {
                (
                    Some(&e.id) != maire.as_ref(),
                    e.nom.clone(),
                    e.prenom.clone(),
                )
            };
            rang(a).cmp(&rang(b))
        });
        Ok(elus.iter().map(EluResume::from).collect())
    }

    /// The legal checks of a séance as typed, before it is saved: what the
    /// editor shows live.
    pub fn verifier_seance(&self, seance: &Seance) -> Resultat<Vec<Diagnostic>> {
        let commune = self
            .stockage
            .commune()?
            .ok_or_else(|| Erreur::invalide("commune", "le registre n'a pas encore de commune"))?;
        Ok(regles::verifier_seance(
            &commune,
            &self.stockage.elus()?,
            seance,
        ))
    }

    /// Saves a séance (a new one when `id` is empty, named after its date).
    /// Refused with the faulty field named when a reference does not resolve,
    /// and refused outright once one of its deliberations is signed: a signed
    /// act is never changed silently. Legal diagnostics do not block saving:
    /// the register records what happened, and the checks say what is wrong.
    pub fn enregistrer_seance(&self, mut seance: Seance) -> Resultat<Seance> {
        let mut donnees = self.stockage.lire_tout()?;
        if seance.id.trim().is_empty() {
            seance.id = identifiant_libre(&donnees.seances, seance.date);
        }
        if let Some(d) = donnees
            .deliberations
            .iter()
            .find(|d| d.seance == seance.id && d.statut >= Statut::Signe)
        {
            return Err(Erreur::ActeSigne(format!(
                "La séance du {} ne peut plus être modifiée : la délibération n° {} a le statut « {} ». Une correction passe par une nouvelle délibération.",
                seance.date.format("%d/%m/%Y"),
                d.numero,
                d.statut.libelle()
            )));
        }
        let rang = match donnees.seances.iter().position(|s| s.id == seance.id) {
            Some(i) => {
                donnees.seances[i] = seance.clone();
                i
            }
            None => {
                donnees.seances.push(seance.clone());
                donnees.seances.len() - 1
            }
        };
        let chemin = format!("registre.seances[{rang}]");
        if let Some(a) = echange::anomalie_de(&donnees, &chemin, "seance") {
            return Err(Erreur::DonneeInvalide(a));
        }
        self.stockage.enregistrer_seance(&seance)?;
        Ok(seance)
    }

    /// Duplicates a convention for the next period and saves the copy, ready
    /// for its own deliberation and signature.
    pub fn renouveler_convention(&self, id: &str) -> Resultat<Convention> {
        let conventions = self.stockage.conventions()?;
        let c = conventions.iter().find(|c| c.id == id).ok_or_else(|| {
            Erreur::Introuvable(format!(
                "La convention « {id} » n'existe pas dans le registre."
            ))
        })?;
        if c.periode.is_none() {
            return Err(Erreur::invalide(
                "periode",
                format!(
                    "la convention « {id} » n'a pas de période : rien à décaler pour la renouveler"
                ),
            ));
        }
        let ids: Vec<String> = conventions.iter().map(|c| c.id.clone()).collect();
        let nouvelle = convention::renouveler(c, &ids);
        self.stockage.enregistrer_convention(&nouvelle)?;
        Ok(nouvelle)
    }

    /// Conventions ending within `jours` days of `au` ("today" is passed in).
    pub fn echeances(&self, au: chrono::NaiveDate, jours: u32) -> Resultat<Vec<Echeance>> {
        Ok(convention::echeances(
            &self.stockage.conventions()?,
            au,
            jours,
        ))
    }

    fn exiger_vide(&self) -> Resultat<()> {
        if self.stockage.est_vide()? {
            Ok(())
        } else {
            let quoi = match self.stockage.commune()? {
                Some(c) => format!("commune de {}", c.nom),
                None => "données partielles".into(),
            };
            Err(Erreur::RegistreNonVide(quoi))
        }
    }
}

// PDF rendering (module `pdf`): gathers the records of a deliberation or a
// convention and renders them; `edition` dates the file's metadata.
impl Registre {
    pub fn rendre_pdf(
        &self,
        demande: &crate::pdf::DemandePdf,
        edition: chrono::NaiveDateTime,
    ) -> Resultat<crate::pdf::PdfRendu> {
        self.rendre_pdf_suivi(demande, edition, &crate::avancement::Avancement::muet())
    }

    /// The same, reporting its progress (the annual register, slice by
    /// slice) to `avancement`, which may cancel it.
    pub fn rendre_pdf_suivi(
        &self,
        demande: &crate::pdf::DemandePdf,
        edition: chrono::NaiveDateTime,
        avancement: &crate::avancement::Avancement,
    ) -> Resultat<crate::pdf::PdfRendu> {
        crate::pdf::rendre_depuis(&self.stockage, demande, edition, avancement)
    }
}
