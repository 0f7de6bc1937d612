//! The annual register rendered slice by slice, in bounded memory.
//!
//! printpdf 0.3 keeps every page's operations in memory until it writes
//! (about 0.7 MB a page of text), so one genpdf document of 800 pages
//! needs 600 MB. The register is cut instead into slices of whole leaves
//! (a slice always starts where a `Bloc::Feuillet` opens a new leaf, so its
//! layout does not depend on what came before), each laid out as a small
//! genpdf document whose page count starts where the previous one ended;
//! its pages are compacted, compressed and moved at once into one lopdf
//! document, and the slice is dropped before the next one is laid out.
//!
//! Every slice uses the same four font subsets, made once from the text of
//! the whole register: the assembled file keeps the fonts of the first
//! slice and points the pages of the others to them.
//!
//! Only the slices holding cross-references (the cover's leaf count, the
//! tables' leaf numbers) need the whole register counted first: they are
//! measured where they stand (no printing) and printed at the end. Every
//! other slice is laid out once, printing, which also counts it.

use std::collections::{BTreeMap, HashMap};

use lopdf::{Document as Pdf, Object, ObjectId};

use super::finition::compacter_les_pages;
use super::mise_en_page::{
    bloc_a_des_renvois, longueur_du_bloc, rendre_tranche, sous_ensembles, Bloc, Document, Renvois,
    Tranche, PAGINATION_CHANGEE,
};
use super::polices::SousEnsemble;
use crate::avancement::Avancement;
use crate::erreur::{Erreur, Resultat};

/// Characters of text after which a slice closes, at the next leaf: about
/// 40 pages of a register. Measured on 200 deliberations: 50,000 gives
/// 2.1 s and +29 MB of peak memory, 75,000 2.0 s and +38 MB, 150,000
/// 1.75 s and +66 MB (docs/performances-pdf.md).
pub(crate) const TAILLE_DE_TRANCHE: usize = 75_000;

/// A slice: a range of the document's blocks, the header in force on its
/// first page, and whether it holds cross-references.
#[derive(Debug, Clone, PartialEq)]
struct Decoupe {
    debut: usize,
    fin: usize,
    entete: String,
    renvois: bool,
}

/// Cuts `blocs` into slices of whole leaves of about `taille` characters;
/// a slice with cross-references never shares one without. The
/// `Bloc::Feuillet` opening a slice is left out of it (its header becomes
/// the slice's): a genpdf document starts on a fresh page already.
fn decouper(blocs: &[Bloc], taille: usize) -> Vec<Decoupe> {
    // Leaves: (first block, end, header, cross-references, characters).
    let mut feuilles: Vec<(usize, usize, String, bool, usize)> = Vec::new();
    let mut courante = (0, 0, String::new(), false, 0);
    for (i, bloc) in blocs.iter().enumerate() {
        if let Bloc::Feuillet(entete) = bloc {
            courante.1 = i;
            feuilles.push(std::mem::replace(
                &mut courante,
                (i + 1, i + 1, entete.clone(), false, 0),
            ));
            continue;
        }
        courante.3 |= bloc_a_des_renvois(bloc);
        courante.4 += longueur_du_bloc(bloc);
    }
    courante.1 = blocs.len();
    feuilles.push(courante);

    let mut tranches: Vec<(Decoupe, usize)> = Vec::new();
    for (debut, fin, entete, renvois, longueur) in feuilles {
        match tranches.last_mut() {
            Some((t, l)) if t.renvois == renvois && *l < taille => {
                // The leaf's own Feuillet (block debut - 1) comes along.
                t.fin = fin;
                *l += longueur;
            }
            _ => tranches.push((
                Decoupe {
                    debut,
                    fin,
                    entete,
                    renvois,
                },
                longueur,
            )),
        }
    }
    tranches.into_iter().map(|(t, _)| t).collect()
}

/// The register laid out and assembled, before finishing.
pub(crate) struct Assemble {
    pub pdf: Pdf,
    pub pages: usize,
    pub polices: Vec<SousEnsemble>,
}

/// Lays out `document` slice by slice (slices of about `taille`
/// characters) and assembles the slices into one PDF, page contents
/// already compacted and compressed. Each slice laid out is a step of
/// `avancement` (slices with cross-references are laid out twice), and a
/// cancellation stops at the next slice.
pub(crate) fn rendre_par_tranches(
    document: &Document,
    taille: usize,
    avancement: &Avancement,
) -> Resultat<Assemble> {
    let interne = |e: String| Erreur::Interne(format!("génération du PDF impossible : {e}"));
    let polices = sous_ensembles(document).map_err(interne)?;
    let mut assemblage = Assemblage::default();
    let mut avant = 0;
    let mut reperes = BTreeMap::new();
    let mut a_imprimer = Vec::new();
    let decoupes = decouper(&document.blocs, taille);
    let total = decoupes.len() + decoupes.iter().filter(|d| d.renvois).count();
    let mut fait = 0;
    avancement.etape(fait, total)?;
    for (rang, d) in decoupes.into_iter().enumerate() {
        let tranche = Tranche {
            blocs: &document.blocs[d.debut..d.fin],
            entete: d.entete,
            pages_avant: avant,
        };
        let passe =
            rendre_tranche(document, &tranche, &polices, !d.renvois, None).map_err(interne)?;
        if d.renvois {
            a_imprimer.push((rang, tranche, passe.pages));
        } else {
            assemblage.ajouter(rang, &passe.octets).map_err(interne)?;
        }
        avant += passe.pages;
        reperes.extend(passe.reperes);
        fait += 1;
        avancement.etape(fait, total)?;
    }
    let renvois = Renvois {
        pages: avant,
        reperes,
    };
    for (rang, tranche, pages) in a_imprimer {
        let passe =
            rendre_tranche(document, &tranche, &polices, true, Some(&renvois)).map_err(interne)?;
        if passe.pages != pages {
            return Err(interne(PAGINATION_CHANGEE.into()));
        }
        assemblage.ajouter(rang, &passe.octets).map_err(interne)?;
        fait += 1;
        avancement.etape(fait, total)?;
    }
    let pdf = assemblage.terminer().map_err(interne)?;
    Ok(Assemble {
        pdf,
        pages: avant,
        polices,
    })
}

fn erreur(e: lopdf::Error) -> String {
    format!("assemblage du PDF : {e}")
}

/// The PDF being assembled: the first slice added, into which the pages of
/// the others are moved; pages are ordered by slice at the end.
#[derive(Default)]
struct Assemblage {
    pdf: Option<Pdf>,
    /// The font dictionary and the page tree root of `pdf`.
    polices: Option<ObjectId>,
    racine_des_pages: Option<ObjectId>,
    /// Pages of each slice, by the slice's rank.
    pages: BTreeMap<usize, Vec<ObjectId>>,
}

/// The font dictionary the pages of a printpdf document share.
fn dictionnaire_des_polices(pdf: &Pdf, pages: &[ObjectId]) -> Result<ObjectId, String> {
    let page = pages.first().ok_or("une tranche sans page")?;
    let page = pdf.get_dictionary(*page).map_err(erreur)?;
    let ressources = match page.get(b"Resources").map_err(erreur)? {
        Object::Reference(id) => pdf.get_dictionary(*id).map_err(erreur)?,
        Object::Dictionary(d) => d,
        _ => return Err("ressources de page illisibles".into()),
    };
    ressources
        .get(b"Font")
        .and_then(Object::as_reference)
        .map_err(erreur)
}

fn racine_des_pages(pdf: &Pdf) -> Result<ObjectId, String> {
    pdf.catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(erreur)
}

impl Assemblage {
    /// Adds the pages of the slice of rank `rang`, written by genpdf.
    fn ajouter(&mut self, rang: usize, octets: &[u8]) -> Result<(), String> {
        let mut tranche = Pdf::load_mem(octets).map_err(erreur)?;
        compacter_les_pages(&mut tranche, true);
        let pages: Vec<ObjectId> = tranche.page_iter().collect();
        let (Some(cible), Some(polices), Some(racine)) =
            (&mut self.pdf, self.polices, self.racine_des_pages)
        else {
            self.polices = Some(dictionnaire_des_polices(&tranche, &pages)?);
            self.racine_des_pages = Some(racine_des_pages(&tranche)?);
            self.pdf = Some(tranche);
            self.pages.insert(rang, pages);
            return Ok(());
        };
        // The slice's fonts are the same subsets as the first slice's, and
        // its page tree is replaced: both map to the assembled file's, so
        // they are not copied.
        let correspondances = HashMap::from([
            (dictionnaire_des_polices(&tranche, &pages)?, polices),
            (racine_des_pages(&tranche)?, racine),
        ]);
        let mut copie = Copie {
            source: &mut tranche,
            cible,
            correspondances,
        };
        let copiees = pages.into_iter().map(|p| copie.objet(p)).collect();
        self.pages.insert(rang, copiees);
        Ok(())
    }

    /// Orders the pages by slice and lists the pages' optional content
    /// groups (one per page in printpdf) in the catalog.
    fn terminer(self) -> Result<Pdf, String> {
        let (Some(mut pdf), Some(racine)) = (self.pdf, self.racine_des_pages) else {
            return Err("aucune tranche rendue".into());
        };
        let pages: Vec<ObjectId> = self.pages.into_values().flatten().collect();
        let mut groupes = Vec::new();
        for page in &pages {
            let page = pdf.get_dictionary(*page).map_err(erreur)?;
            let ressources = match page.get(b"Resources") {
                Ok(Object::Reference(id)) => pdf.get_dictionary(*id).ok(),
                Ok(Object::Dictionary(d)) => Some(d),
                _ => None,
            };
            if let Some(Ok(Object::Dictionary(proprietes))) =
                ressources.map(|r| r.get(b"Properties"))
            {
                groupes.extend(
                    proprietes
                        .iter()
                        .filter(|(_, v)| matches!(v, Object::Reference(_)))
                        .map(|(_, v)| v.clone()),
                );
            }
        }
        let arbre = pdf
            .get_object_mut(racine)
            .and_then(Object::as_dict_mut)
            .map_err(erreur)?;
        arbre.set("Count", Object::Integer(pages.len() as i64));
        arbre.set(
            "Kids",
            Object::Array(pages.iter().map(|p| Object::Reference(*p)).collect()),
        );
        let catalogue = pdf
            .trailer
            .get(b"Root")
            .and_then(Object::as_reference)
            .map_err(erreur)?;
        let catalogue = pdf
            .get_object_mut(catalogue)
            .and_then(Object::as_dict_mut)
            .map_err(erreur)?;
        if let Ok(Object::Dictionary(oc)) = catalogue.get_mut(b"OCProperties") {
            oc.set("OCGs", Object::Array(groupes.clone()));
            if let Ok(Object::Dictionary(defaut)) = oc.get_mut(b"D") {
                defaut.set("Order", Object::Array(groupes.clone()));
                defaut.set("ON", Object::Array(groupes));
            }
        }
        Ok(pdf)
    }
}

/// Moves objects from one PDF into another, renumbering them; an object
/// already in `correspondances` is not copied again.
struct Copie<'a> {
    source: &'a mut Pdf,
    cible: &'a mut Pdf,
    correspondances: HashMap<ObjectId, ObjectId>,
}

impl Copie<'_> {
    fn objet(&mut self, id: ObjectId) -> ObjectId {
        if let Some(nouveau) = self.correspondances.get(&id) {
            return *nouveau;
        }
        let nouveau = self.cible.new_object_id();
        self.correspondances.insert(id, nouveau);
        let mut objet = self.source.objects.remove(&id).unwrap_or(Object::Null);
        self.references(&mut objet);
        self.cible.objects.insert(nouveau, objet);
        nouveau
    }

    fn references(&mut self, objet: &mut Object) {
        match objet {
            Object::Reference(id) => *id = self.objet(*id),
            Object::Array(a) => a.iter_mut().for_each(|o| self.references(o)),
            Object::Dictionary(d) => d.iter_mut().for_each(|(_, o)| self.references(o)),
            Object::Stream(s) => s.dict.iter_mut().for_each(|(_, o)| self.references(o)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::mise_en_page::{renvoi_total, Alignement, Paragraphe};

    fn p(texte: &str) -> Bloc {
        Bloc::Paragraphe(Paragraphe::new(Alignement::Gauche).normal(texte))
    }

    #[test]
    fn les_tranches_commencent_a_un_feuillet_et_isolent_les_renvois() {
        let blocs = vec![
            p(&format!("{} feuillets", renvoi_total())),
            Bloc::Feuillet("A".into()),
            p("aaaa"),
            Bloc::Feuillet("B".into()),
            p("bbbb"),
            Bloc::Feuillet("C".into()),
            p("cccc"),
            Bloc::Feuillet("T".into()),
            p(&format!("table {}", renvoi_total())),
        ];
        let d = decouper(&blocs, 8);
        let vue: Vec<(usize, usize, &str, bool)> = d
            .iter()
            .map(|t| (t.debut, t.fin, t.entete.as_str(), t.renvois))
            .collect();
        assert_eq!(
            vue,
            [
                (0, 1, "", true),
                // A and B share a slice (8 characters), C starts another.
                (2, 5, "A", false),
                (6, 7, "C", false),
                (8, 9, "T", true),
            ]
        );
    }
}
