//! PDF rendering of the register's documents: the extract of a
//! deliberation, its annexed convention, and both in one file (the
//! "dossier" sent to the préfecture); for a séance, its convocation, the
//! list of its deliberations and its procès-verbal; and the annual register
//! in numbered leaves, with its tables, ready to be bound.
//!
//! Rendering is a pure function of the records and of the date passed in
//! (no clock is read): the same input gives the same bytes. Layout is done
//! with genpdf 0.2 through our own elements (`mise_en_page`), fonts are
//! Liberation Serif subsets built per document (`polices`), and the bytes
//! are finished with lopdf (`finition`): compressed streams, real font
//! names, UTF-16 metadata. See docs/performances-pdf.md for sizes and timings.

mod assemblage;
mod contenu;
mod documents;
mod documents_seance;
mod finition;
mod mise_en_page;
pub mod nombres;
mod polices;
mod proces_verbal;
mod registre_annuel;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::avancement::Avancement;
use crate::domaine::{Commune, Convention, Deliberation, Elu, NumeroDeliberation, Seance, Statut};
use crate::erreur::{Erreur, Resultat};
use crate::stockage::Stockage;

pub use documents::majuscules_sans_accents;

use finition::Metadonnees;
use mise_en_page::{Bloc, Document, Feuilletage};

/// Everything an extract (and its annexed convention) is printed from.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceExtrait {
    pub commune: Commune,
    pub seance: Seance,
    /// The council's members (for names, civilités and the counts).
    pub elus: Vec<Elu>,
    pub deliberation: Deliberation,
    /// The annexed convention, if any.
    pub convention: Option<Convention>,
}

/// A convention printed on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceConvention {
    pub commune: Commune,
    pub convention: Convention,
    /// The approving deliberation's number and state (footer, PROJET mark).
    pub deliberation: Option<(NumeroDeliberation, Statut)>,
}

/// Everything a séance's documents (convocation, list of deliberations)
/// are printed from.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceSeance {
    pub commune: Commune,
    pub seance: Seance,
    /// The council's members (the maire's name and civilité).
    pub elus: Vec<Elu>,
    /// The séance's deliberations, in number order.
    pub deliberations: Vec<Deliberation>,
}

/// One séance of the annual register and its deliberations.
#[derive(Debug, Clone, PartialEq)]
pub struct SeanceDuRegistre {
    pub seance: Seance,
    /// In number order.
    pub deliberations: Vec<Deliberation>,
}

/// Everything the annual register (R2121-9) is printed from.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRegistre {
    pub commune: Commune,
    pub annee: i32,
    pub elus: Vec<Elu>,
    /// The year's séances in date order.
    pub seances: Vec<SeanceDuRegistre>,
    /// The maire's decisions by delegation of the year, by date: entered in
    /// the same register (R2122-7-1), between the séances.
    pub decisions: Vec<crate::domaine::DecisionMaire>,
}

/// Which document to render, as the CLI and the app ask for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "document", content = "cle")]
pub enum DemandePdf {
    /// The extract of the deliberation with this number ("2024/052").
    Extrait(String),
    /// The convention with this identifier.
    Convention(String),
    /// The extract followed by its annexed convention.
    Dossier(String),
    /// The list of the deliberations of the séance with this identifier
    /// ("2024-05-15"), to display and put online (L2121-25).
    Liste(String),
    /// The convocation to the séance with this identifier (L2121-10).
    Convocation(String),
    /// The procès-verbal of the séance with this identifier (L2121-15).
    ProcesVerbal(String),
    /// The register of the deliberations of this year, in numbered leaves
    /// with its tables (R2121-9).
    Registre(i32),
}

/// The two documents the app offers for a deliberation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DocumentDeliberation {
    /// The extract alone.
    Extrait,
    /// The extract and its annexed convention (the extract alone when the
    /// deliberation has none).
    Dossier,
}

/// The two documents the app offers for a séance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DocumentSeance {
    /// The list of the séance's deliberations (L2121-25).
    Liste,
    /// The convocation to the séance (L2121-10).
    Convocation,
    /// The procès-verbal of the séance (L2121-15).
    ProcesVerbal,
}

impl DemandePdf {
    /// The request for one of a deliberation's documents.
    pub fn deliberation(numero: impl Into<String>, document: DocumentDeliberation) -> Self {
        let numero = numero.into();
        match document {
            DocumentDeliberation::Extrait => DemandePdf::Extrait(numero),
            DocumentDeliberation::Dossier => DemandePdf::Dossier(numero),
        }
    }

    /// The request for one of a séance's documents.
    pub fn seance(id: impl Into<String>, document: DocumentSeance) -> Self {
        let id = id.into();
        match document {
            DocumentSeance::Liste => DemandePdf::Liste(id),
            DocumentSeance::Convocation => DemandePdf::Convocation(id),
            DocumentSeance::ProcesVerbal => DemandePdf::ProcesVerbal(id),
        }
    }

    /// A file name for this document that every file system accepts
    /// (Windows included): ASCII letters, digits and hyphens only, e.g.
    /// `Deliberation-2024-052-dossier.pdf` or `Convention-ent-2024-2025.pdf`.
    pub fn nom_de_fichier(&self) -> String {
        let annee;
        let (prefixe, cle, suffixe) = match self {
            DemandePdf::Extrait(numero) => ("Deliberation", numero, "-extrait"),
            DemandePdf::Dossier(numero) => ("Deliberation", numero, "-dossier"),
            DemandePdf::Convention(id) => ("Convention", id, ""),
            DemandePdf::Liste(id) => ("Liste-deliberations", id, ""),
            DemandePdf::Convocation(id) => ("Convocation", id, ""),
            DemandePdf::ProcesVerbal(id) => ("Proces-verbal", id, ""),
            DemandePdf::Registre(a) => {
                annee = a.to_string();
                ("Registre-des-deliberations", &annee, "")
            }
        };
        // Accented letters lose their accent; anything else not ASCII
        // alphanumeric separates words with a single hyphen.
        let mut ascii = String::with_capacity(cle.len());
        for c in cle.chars() {
            if c.is_ascii_alphanumeric() {
                ascii.push(c);
                continue;
            }
            let base = majuscules_sans_accents(&c.to_string());
            if !base.is_empty() && base.chars().all(|b| b.is_ascii_alphabetic()) {
                ascii.push_str(&if c.is_lowercase() {
                    base.to_ascii_lowercase()
                } else {
                    base
                });
            } else {
                ascii.push('-');
            }
        }
        let mots: Vec<&str> = std::iter::once(prefixe)
            .chain(ascii.split('-').filter(|m| !m.is_empty()))
            .collect();
        let nom = mots.join("-");
        format!("{nom}{suffixe}.pdf")
    }
}

/// A rendered PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfRendu {
    pub octets: Vec<u8>,
    pub pages: usize,
}

/// Whether the document is still a draft: "PROJET" is printed on every page
/// until the maire has declared it bon pour signature.
pub fn est_un_projet(statut: Statut) -> bool {
    matches!(statut, Statut::Brouillon | Statut::SoumisAuMaire)
}

fn auteur(commune: &Commune) -> String {
    format!("Commune de {}", commune.nom)
}

fn pied(numero: &str) -> String {
    format!("Délibération n° {numero}")
}

fn produire(
    blocs: Vec<Bloc>,
    pied: String,
    projet: bool,
    meta: &Metadonnees,
) -> Resultat<PdfRendu> {
    produire_document(
        Document {
            blocs,
            pied,
            projet,
            feuilletage: None,
        },
        meta,
    )
}

fn produire_document(document: Document, meta: &Metadonnees) -> Resultat<PdfRendu> {
    let interne = |e: String| Erreur::Interne(format!("génération du PDF impossible : {e}"));
    let rendu = mise_en_page::rendre(&document).map_err(interne)?;
    let octets = finition::finir(&rendu.octets, &rendu.polices, meta).map_err(interne)?;
    Ok(PdfRendu {
        octets,
        pages: rendu.pages,
    })
}

/// The annual register, rendered slice by slice so that its memory does not
/// grow with its pages (`assemblage`).
fn produire_registre(
    document: Document,
    meta: &Metadonnees,
    avancement: &Avancement,
) -> Resultat<PdfRendu> {
    let interne = |e: String| Erreur::Interne(format!("génération du PDF impossible : {e}"));
    let rendu =
        assemblage::rendre_par_tranches(&document, assemblage::TAILLE_DE_TRANCHE, avancement)?;
    drop(document);
    avancement.verifier()?;
    let octets =
        finition::finir_document(rendu.pdf, &rendu.polices, meta, false).map_err(interne)?;
    Ok(PdfRendu {
        octets,
        pages: rendu.pages,
    })
}

fn meta_extrait(s: &SourceExtrait, edition: NaiveDateTime, avec_convention: bool) -> Metadonnees {
    let d = &s.deliberation;
    let mut sujet = format!(
        "Extrait du registre des délibérations du conseil municipal, séance du {}",
        s.seance.date.format("%d/%m/%Y")
    );
    if let (true, Some(c)) = (avec_convention, &s.convention) {
        sujet.push_str(&format!(", et convention annexée : {}", c.titre));
    }
    Metadonnees {
        titre: format!("Délibération n° {} — {}", d.numero, d.objet),
        auteur: auteur(&s.commune),
        sujet,
        mots_cles: format!(
            "délibération; {}; conseil municipal; {}",
            d.numero, s.commune.nom
        ),
        date: edition,
    }
}

/// The extract of a deliberation.
pub fn extrait(source: &SourceExtrait, edition: NaiveDateTime) -> Resultat<PdfRendu> {
    let d = &source.deliberation;
    produire(
        documents::extrait(source)?,
        pied(d.numero.as_str()),
        est_un_projet(d.statut),
        &meta_extrait(source, edition, false),
    )
}

/// The extract followed, from a new page, by its annexed convention (the
/// extract alone when there is none).
pub fn dossier(source: &SourceExtrait, edition: NaiveDateTime) -> Resultat<PdfRendu> {
    let d = &source.deliberation;
    let mut blocs = documents::extrait(source)?;
    if let Some(c) = &source.convention {
        blocs.push(Bloc::SautDePage);
        blocs.extend(documents::convention_seule(c));
    }
    produire(
        blocs,
        pied(d.numero.as_str()),
        est_un_projet(d.statut),
        &meta_extrait(source, edition, true),
    )
}

/// A convention on its own.
pub fn convention(source: &SourceConvention, edition: NaiveDateTime) -> Resultat<PdfRendu> {
    let c = &source.convention;
    let (pied, projet, sujet) = match &source.deliberation {
        Some((numero, statut)) => (
            pied(numero.as_str()),
            est_un_projet(*statut),
            format!("Convention annexée à la délibération n° {numero}"),
        ),
        // Not yet approved by any deliberation: a draft by nature.
        None => (
            format!("Convention {}", c.id),
            true,
            "Convention".to_owned(),
        ),
    };
    produire(
        documents::convention(source),
        pied,
        projet,
        &Metadonnees {
            titre: c.titre.clone(),
            auteur: auteur(&source.commune),
            sujet,
            mots_cles: format!("convention; {}", c.id),
            date: edition,
        },
    )
}

fn pied_seance(seance: &Seance) -> String {
    format!("Séance du {}", seance.date.format("%d/%m/%Y"))
}

fn meta_seance(s: &SourceSeance, titre: &str, edition: NaiveDateTime) -> Metadonnees {
    let date = s.seance.date.format("%d/%m/%Y");
    Metadonnees {
        titre: format!("{titre} — séance du {date}"),
        auteur: auteur(&s.commune),
        sujet: format!("{titre} du conseil municipal, séance du {date}"),
        mots_cles: format!(
            "séance; {}; conseil municipal; {}",
            s.seance.id, s.commune.nom
        ),
        date: edition,
    }
}

/// The list of a séance's deliberations with their outcome, displayed in
/// mairie and put online within one week (L2121-25). Never a draft: it is
/// published as the séance ended.
pub fn liste(source: &SourceSeance, edition: NaiveDateTime) -> Resultat<PdfRendu> {
    produire(
        documents_seance::liste(source)?,
        pied_seance(&source.seance),
        false,
        &meta_seance(source, "Liste des délibérations", edition),
    )
}

/// The convocation of the members to a séance (L2121-10), with its agenda.
pub fn convocation(source: &SourceSeance, edition: NaiveDateTime) -> Resultat<PdfRendu> {
    produire(
        documents_seance::convocation(source)?,
        pied_seance(&source.seance),
        false,
        &meta_seance(source, "Convocation du conseil municipal", edition),
    )
}

/// The procès-verbal of a séance (L2121-15), with lines left to write the
/// tenor of the discussions. A draft (PROJET) while one of its
/// deliberations still is.
pub fn proces_verbal(source: &SourceSeance, edition: NaiveDateTime) -> Resultat<PdfRendu> {
    produire(
        proces_verbal::proces_verbal(source)?,
        format!("Procès-verbal — {}", pied_seance(&source.seance)),
        source.deliberations.iter().any(|d| est_un_projet(d.statut)),
        &meta_seance(source, "Procès-verbal", edition),
    )
}

/// The annual register (R2121-9): a cover stating the number of leaves,
/// the deliberations by séance on numbered leaves, a closing leaf per
/// séance, the tables by date and by objet. A draft (PROJET) while one of
/// its deliberations still is.
pub fn registre_annuel(source: &SourceRegistre, edition: NaiveDateTime) -> Resultat<PdfRendu> {
    registre_annuel_suivi(source, edition, &Avancement::muet())
}

/// The annual register, each slice laid out reported to `avancement`,
/// which may cancel it between slices.
pub fn registre_annuel_suivi(
    source: &SourceRegistre,
    edition: NaiveDateTime,
    avancement: &Avancement,
) -> Resultat<PdfRendu> {
    let deliberations = source.seances.iter().flat_map(|x| &x.deliberations);
    let projet = deliberations.clone().any(|d| est_un_projet(d.statut));
    let nombre = deliberations.count();
    let document = Document {
        blocs: registre_annuel::registre(source)?,
        pied: format!("Registre des délibérations {}", source.annee),
        projet,
        feuilletage: Some(Feuilletage {
            pages_de_garde: 1,
            entete: auteur(&source.commune),
        }),
    };
    produire_registre(
        document,
        &Metadonnees {
            titre: format!(
                "Registre des délibérations {} — {}",
                source.annee,
                auteur(&source.commune)
            ),
            auteur: auteur(&source.commune),
            sujet: format!(
                "Registre des délibérations du conseil municipal, année {} : {} séance(s), {nombre} délibération(s)",
                source.annee,
                source.seances.len()
            ),
            mots_cles: format!(
                "registre; délibérations; {}; conseil municipal; {}",
                source.annee, source.commune.nom
            ),
            date: edition,
        },
        avancement,
    )
}

fn introuvable_deliberation(numero: &str) -> Erreur {
    Erreur::Introuvable(format!(
        "La délibération n° {numero} n'existe pas dans le registre."
    ))
}

fn endommagee(quoi: String) -> Erreur {
    Erreur::BaseEndommagee(quoi)
}

fn commune(stockage: &Stockage) -> Resultat<Commune> {
    stockage
        .commune()?
        .ok_or_else(|| endommagee("le registre n'a pas de commune".into()))
}

/// Gathers an extract's records from the store.
pub(crate) fn source_extrait(stockage: &Stockage, numero: &str) -> Resultat<SourceExtrait> {
    NumeroDeliberation::new(numero).map_err(|m| Erreur::invalide("numero", m))?;
    let deliberation = stockage
        .deliberation(numero)?
        .ok_or_else(|| introuvable_deliberation(numero))?;
    let seance = stockage.seance(&deliberation.seance)?.ok_or_else(|| {
        endommagee(format!(
            "la délibération {numero} renvoie à la séance « {} », absente du registre",
            deliberation.seance
        ))
    })?;
    let convention = match &deliberation.convention {
        Some(id) => Some(stockage.convention(id)?.ok_or_else(|| {
            endommagee(format!(
                "la délibération {numero} renvoie à la convention « {id} », absente du registre"
            ))
        })?),
        None => None,
    };
    Ok(SourceExtrait {
        commune: commune(stockage)?,
        seance,
        elus: stockage.elus()?,
        deliberation,
        convention: convention.map(|c| imprimable(&c)),
    })
}

/// The convention as printed: its placeholders (`{{total}}`…) filled from
/// its data. One that fails to fill is printed as typed; its legal check
/// reports the faulty placeholder and blocks the signature.
fn imprimable(c: &Convention) -> Convention {
    crate::convention::remplie(c).unwrap_or_else(|_| c.clone())
}

pub(crate) fn source_convention(stockage: &Stockage, id: &str) -> Resultat<SourceConvention> {
    let convention = imprimable(&stockage.convention(id)?.ok_or_else(|| {
        Erreur::Introuvable(format!(
            "La convention « {id} » n'existe pas dans le registre."
        ))
    })?);
    let deliberation = match &convention.deliberation {
        Some(numero) => {
            let d = stockage
                .deliberation(numero.as_str())?
                .ok_or_else(|| introuvable_deliberation(numero.as_str()))?;
            Some((d.numero, d.statut))
        }
        None => None,
    };
    Ok(SourceConvention {
        commune: commune(stockage)?,
        convention,
        deliberation,
    })
}

/// Gathers a séance's records from the store.
pub(crate) fn source_seance(stockage: &Stockage, id: &str) -> Resultat<SourceSeance> {
    let seance = stockage.seance(id)?.ok_or_else(|| {
        Erreur::Introuvable(format!("La séance « {id} » n'existe pas dans le registre."))
    })?;
    let mut deliberations: Vec<Deliberation> = stockage
        .deliberations()?
        .into_iter()
        .filter(|d| d.seance == seance.id)
        .collect();
    deliberations.sort_by(|a, b| a.numero.cmp(&b.numero));
    Ok(SourceSeance {
        commune: commune(stockage)?,
        seance,
        elus: stockage.elus()?,
        deliberations,
    })
}

/// Gathers the year's séances and deliberations from the store, séances in
/// date order and deliberations in number order.
pub(crate) fn source_registre(stockage: &Stockage, annee: i32) -> Resultat<SourceRegistre> {
    use chrono::Datelike;
    let mut seances: Vec<Seance> = stockage
        .seances()?
        .into_iter()
        .filter(|s| s.date.year() == annee)
        .collect();
    if seances.is_empty() {
        return Err(Erreur::Introuvable(format!(
            "Le registre ne contient aucune séance en {annee}."
        )));
    }
    seances.sort_by(|a, b| (a.date, a.heure, &a.id).cmp(&(b.date, b.heure, &b.id)));
    let mut deliberations = stockage.deliberations()?;
    deliberations.sort_by(|a, b| a.numero.cmp(&b.numero));
    let seances = seances
        .into_iter()
        .map(|seance| SeanceDuRegistre {
            deliberations: deliberations
                .iter()
                .filter(|d| d.seance == seance.id)
                .cloned()
                .collect(),
            seance,
        })
        .collect();
    let mut decisions: Vec<crate::domaine::DecisionMaire> = stockage
        .decisions_maire()?
        .into_iter()
        .filter(|d| d.date.year() == annee)
        .collect();
    decisions.sort_by(|a, b| (a.date, &a.numero).cmp(&(b.date, &b.numero)));
    Ok(SourceRegistre {
        commune: commune(stockage)?,
        annee,
        elus: stockage.elus()?,
        seances,
        decisions,
    })
}

/// Gathers and renders what `demande` names (used by `Registre::rendre_pdf`).
pub(crate) fn rendre_depuis(
    stockage: &Stockage,
    demande: &DemandePdf,
    edition: NaiveDateTime,
    avancement: &Avancement,
) -> Resultat<PdfRendu> {
    let mut rendu = match demande {
        DemandePdf::Extrait(numero) => extrait(&source_extrait(stockage, numero)?, edition)?,
        DemandePdf::Dossier(numero) => dossier(&source_extrait(stockage, numero)?, edition)?,
        DemandePdf::Convention(id) => convention(&source_convention(stockage, id)?, edition)?,
        DemandePdf::Liste(id) => liste(&source_seance(stockage, id)?, edition)?,
        DemandePdf::Convocation(id) => convocation(&source_seance(stockage, id)?, edition)?,
        DemandePdf::ProcesVerbal(id) => proces_verbal(&source_seance(stockage, id)?, edition)?,
        // The register's leaves bear the commune's name in their running
        // header (R2121-9), not its logo.
        DemandePdf::Registre(annee) => {
            return registre_annuel_suivi(&source_registre(stockage, *annee)?, edition, avancement)
        }
    };
    if let Some(octets) = stockage.logo()? {
        let interne = |e: String| Erreur::Interne(format!("génération du PDF impossible : {e}"));
        let logo = crate::logo::Logo::lire(octets).map_err(interne)?;
        rendu.octets = finition::apposer_logo(&rendu.octets, &logo).map_err(interne)?;
    }
    Ok(rendu)
}

#[cfg(test)]
mod mesures;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_registre;
