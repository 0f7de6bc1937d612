//! The page model the extract and the convention are written in (paragraphs
//! of styled runs, side-by-side columns, page breaks), and its rendering with
//! genpdf through elements of our own: genpdf 0.2 has no justified text, no
//! footer and no page total, so paragraphs break and justify their lines
//! here, a page decorator prints the footer and the PROJET mark, and the
//! document is laid out twice: the first pass only measures (nothing is
//! printed) to count the pages and note on which page each `Bloc::Repere`
//! fell; the second prints, with the page total and the cross-references
//! (`renvoi_total`, `renvoi_feuillet`) filled in.
//!
//! A register (R2121-9 CGCT) is printed in numbered leaves instead of
//! "Page n / N": see `Feuilletage` and `Bloc::Feuillet`.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use genpdf::error::Error as ErreurGenpdf;
use genpdf::fonts::{FontData, FontFamily};
use genpdf::render::Area;
use genpdf::style::{Color, Style};
use genpdf::{Context, Element, Margins, Mm, PageDecorator, Position, RenderResult, Size};

use super::polices::{sous_ensemble, Face, SousEnsemble};

fn mm(v: f64) -> Mm {
    Mm::from(v)
}

fn val(m: Mm) -> f64 {
    m.into()
}

/// Body text size, in points.
pub(crate) const TAILLE_TEXTE: u8 = 11;
const TAILLE_PIED: u8 = 9;
const TAILLE_PROJET: u8 = 24;
const MARGE_HAUT: f64 = 20.0;
const MARGE_BAS: f64 = 20.0;
const MARGE_COTES: f64 = 22.0;
/// Distance of the footer's baseline zone from the bottom edge.
const PIED_DEPUIS_LE_BAS: f64 = 11.0;
/// Distance of a leaf's running header from the top edge.
const HAUT_DE_L_ENTETE: f64 = 9.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Graisse {
    Normal,
    Gras,
    Italique,
    GrasItalique,
}

impl Graisse {
    fn face(self) -> Face {
        match self {
            Graisse::Normal => Face::Regulier,
            Graisse::Gras => Face::Gras,
            Graisse::Italique => Face::Italique,
            Graisse::GrasItalique => Face::GrasItalique,
        }
    }

    fn style(self, taille: u8) -> Style {
        let s = Style::new().with_font_size(taille);
        match self {
            Graisse::Normal => s,
            Graisse::Gras => s.bold(),
            Graisse::Italique => s.italic(),
            Graisse::GrasItalique => s.bold().italic(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Segment {
    pub texte: String,
    pub graisse: Graisse,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Alignement {
    Gauche,
    Centre,
    Droite,
    Justifie,
}

/// A paragraph: styled runs of one size, aligned, with an optional bullet
/// hanging in the left indent.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Paragraphe {
    pub segments: Vec<Segment>,
    pub taille: u8,
    pub alignement: Alignement,
    /// Left indent of every line, mm.
    pub retrait: f64,
    /// Printed on the first line, before the indent (a hanging bullet).
    pub puce: Option<Segment>,
    /// Where the bullet starts, mm from the left edge (less than `retrait`).
    pub retrait_puce: f64,
    /// Space after the paragraph, mm.
    pub espace_apres: f64,
    /// Room (mm) that must remain below this paragraph on its page, else it
    /// moves to the next one: keeps a heading with what follows.
    pub garder_avec_suivant: f64,
}

impl Paragraphe {
    pub fn new(alignement: Alignement) -> Paragraphe {
        Paragraphe {
            segments: Vec::new(),
            taille: TAILLE_TEXTE,
            alignement,
            retrait: 0.0,
            puce: None,
            retrait_puce: 0.0,
            espace_apres: 2.5,
            garder_avec_suivant: 0.0,
        }
    }

    pub fn avec(mut self, graisse: Graisse, texte: impl Into<String>) -> Paragraphe {
        self.segments.push(Segment {
            texte: texte.into(),
            graisse,
        });
        self
    }

    pub fn normal(self, texte: impl Into<String>) -> Paragraphe {
        self.avec(Graisse::Normal, texte)
    }

    pub fn gras(self, texte: impl Into<String>) -> Paragraphe {
        self.avec(Graisse::Gras, texte)
    }

    pub fn italique(self, texte: impl Into<String>) -> Paragraphe {
        self.avec(Graisse::Italique, texte)
    }

    pub fn taille(mut self, taille: u8) -> Paragraphe {
        self.taille = taille;
        self
    }

    pub fn apres(mut self, mm: f64) -> Paragraphe {
        self.espace_apres = mm;
        self
    }

    pub fn retrait(mut self, mm: f64) -> Paragraphe {
        self.retrait = mm;
        self
    }

    pub fn puce(mut self, graisse: Graisse, texte: impl Into<String>) -> Paragraphe {
        self.puce = Some(Segment {
            texte: texte.into(),
            graisse,
        });
        self
    }

    /// Moves the bullet right of the left edge, e.g. to indent a list.
    pub fn retrait_puce(mut self, mm: f64) -> Paragraphe {
        self.retrait_puce = mm;
        self
    }

    pub fn garder_avec_suivant(mut self, mm: f64) -> Paragraphe {
        self.garder_avec_suivant = mm;
        self
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Bloc {
    Paragraphe(Paragraphe),
    /// Side-by-side columns of equal width, kept on one page (signatures).
    Colonnes(Vec<Vec<Paragraphe>>),
    /// A table row: side-by-side cells whose widths are in the ratio of
    /// `poids`, kept on one page.
    Rangee {
        poids: Vec<usize>,
        cellules: Vec<Vec<Paragraphe>>,
    },
    Espace(f64),
    SautDePage,
    /// Starts a new leaf whose running header (top right) reads this text,
    /// e.g. "Séance du 15 mai 2024": a page break that changes the header
    /// before the next page is decorated.
    Feuillet(String),
    /// Notes the page it falls on under this key, for `renvoi_feuillet`.
    Repere(String),
}

/// Register leaves (R2121-9): every leaf after the cover bears the
/// commune's name and the séance's date at its top and "Feuillet n° k" at
/// its foot, k continuous across the document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Feuilletage {
    /// Pages before leaf 1 (the certificate of cotation), printed bare.
    pub pages_de_garde: usize,
    /// Top left of every leaf: "Commune de Pézilla-la-Rivière".
    pub entete: String,
}

/// Opens and closes a cross-reference in a paragraph's text.
const RENVOI_DEBUT: char = '⟦';
const RENVOI_FIN: char = '⟧';
/// What a cross-reference reads in the measuring pass: as wide as most
/// leaf numbers, so the second pass lays the text out the same way.
const RENVOI_PROVISOIRE: &str = "000";

/// Stands, in a paragraph, for the number of leaves of the document (or
/// of pages without `Feuilletage`).
pub(crate) fn renvoi_total() -> String {
    format!("{RENVOI_DEBUT}total{RENVOI_FIN}")
}

/// Stands, in a paragraph, for the leaf (or page) of `Bloc::Repere(cle)`.
pub(crate) fn renvoi_feuillet(cle: &str) -> String {
    format!("{RENVOI_DEBUT}f:{cle}{RENVOI_FIN}")
}

/// Replaces every cross-reference of `texte` with what `valeur` gives for
/// its key ("total" or "f:<repère>").
fn substituer(texte: &str, valeur: &dyn Fn(&str) -> String) -> String {
    let mut sortie = String::with_capacity(texte.len());
    let mut reste = texte;
    while let Some(debut) = reste.find(RENVOI_DEBUT) {
        sortie.push_str(&reste[..debut]);
        let apres = &reste[debut + RENVOI_DEBUT.len_utf8()..];
        match apres.find(RENVOI_FIN) {
            Some(fin) => {
                sortie.push_str(&valeur(&apres[..fin]));
                reste = &apres[fin + RENVOI_FIN.len_utf8()..];
            }
            None => {
                sortie.push_str(&reste[debut..]);
                reste = "";
            }
        }
    }
    sortie.push_str(reste);
    sortie
}

fn a_des_renvois(p: &Paragraphe) -> bool {
    p.segments.iter().any(|s| s.texte.contains(RENVOI_DEBUT))
}

fn paragraphe_renvoye(p: &Paragraphe, valeur: &dyn Fn(&str) -> String) -> Paragraphe {
    if !a_des_renvois(p) {
        return p.clone();
    }
    let mut p = p.clone();
    for s in &mut p.segments {
        s.texte = substituer(&s.texte, valeur);
    }
    p
}

/// A document ready to render: blocks, the footer's left part, the PROJET
/// mark, and the PDF metadata.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Document {
    pub blocs: Vec<Bloc>,
    /// "Délibération n° 2024/052": the footer adds " — Page n / N".
    pub pied: String,
    pub projet: bool,
    /// Numbered leaves instead of pages (the annual register).
    pub feuilletage: Option<Feuilletage>,
}

pub(crate) const MARQUE_PROJET: &str = "PROJET";

impl Document {
    pub(crate) fn texte_du_pied(&self, page: usize, total: Option<usize>) -> String {
        if let Some(f) = &self.feuilletage {
            return format!(
                "{} — Feuillet n° {}",
                self.pied,
                page.saturating_sub(f.pages_de_garde)
            );
        }
        match total {
            Some(total) => format!("{} — Page {page} / {total}", self.pied),
            None => format!("{} — Page {page} / {page}", self.pied),
        }
    }

    /// The characters each face has to carry.
    fn caracteres(&self) -> BTreeMap<Face, BTreeSet<char>> {
        let mut jeux: BTreeMap<Face, BTreeSet<char>> =
            Face::TOUTES.iter().map(|f| (*f, BTreeSet::new())).collect();
        let mut ajouter = |g: Graisse, t: &str| {
            jeux.get_mut(&g.face())
                .expect("every face has a set")
                .extend(t.chars());
        };
        let provisoire = |_: &str| RENVOI_PROVISOIRE.to_owned();
        let mut paragraphe = |p: &Paragraphe| {
            for s in p.segments.iter().chain(p.puce.iter()) {
                if s.texte.contains(RENVOI_DEBUT) {
                    ajouter(s.graisse, &substituer(&s.texte, &provisoire));
                } else {
                    ajouter(s.graisse, &s.texte);
                }
            }
        };
        for b in &self.blocs {
            match b {
                Bloc::Paragraphe(p) => paragraphe(p),
                Bloc::Colonnes(colonnes)
                | Bloc::Rangee {
                    cellules: colonnes, ..
                } => colonnes.iter().flatten().for_each(&mut paragraphe),
                Bloc::Feuillet(_) | Bloc::Espace(_) | Bloc::SautDePage | Bloc::Repere(_) => {}
            }
        }
        // The running headers, printed in italics by the decorator.
        let entetes = self.blocs.iter().filter_map(|b| match b {
            Bloc::Feuillet(entete) => Some(entete.as_str()),
            _ => None,
        });
        for entete in entetes.chain(self.feuilletage.iter().map(|f| f.entete.as_str())) {
            ajouter(Graisse::Italique, entete);
        }
        ajouter(Graisse::Normal, &self.texte_du_pied(0, Some(0)));
        ajouter(Graisse::Normal, "0123456789 ");
        if self.projet {
            ajouter(Graisse::Gras, MARQUE_PROJET);
        }
        jeux
    }
}

/// What a rendering gives back before post-processing.
pub(crate) struct Rendu {
    pub octets: Vec<u8>,
    pub pages: usize,
    /// Subsets in genpdf's font order: regular, bold, italic, bold italic.
    pub polices: Vec<SousEnsemble>,
}

/// The four subsets (regular, bold, italic, bold italic) holding every
/// character the document prints: one cheap pass over its text.
pub(crate) fn sous_ensembles(document: &Document) -> Result<Vec<SousEnsemble>, String> {
    let mut jeux = document.caracteres();
    Face::TOUTES
        .iter()
        .map(|f| sous_ensemble(f.octets(), &jeux.remove(f).unwrap_or_default()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("sous-ensemble de police : {e}"))
}

pub(crate) fn rendre(document: &Document) -> Result<Rendu, String> {
    let polices = sous_ensembles(document)?;
    let tout = Tranche {
        blocs: &document.blocs,
        entete: String::new(),
        pages_avant: 0,
    };
    // The measuring pass prints nothing: it counts the pages and notes the
    // repères, which the printing pass needs before it starts.
    let mesure = rendre_tranche(document, &tout, &polices, false, None)?;
    let renvois = Renvois {
        pages: mesure.pages,
        reperes: mesure.reperes,
    };
    let finale = rendre_tranche(document, &tout, &polices, true, Some(&renvois))?;
    if finale.pages != renvois.pages {
        return Err(PAGINATION_CHANGEE.into());
    }
    Ok(Rendu {
        octets: finale.octets,
        pages: finale.pages,
        polices,
    })
}

pub(crate) const PAGINATION_CHANGEE: &str = "la pagination a changé entre les deux passes";

/// A run of a document's blocks laid out as a PDF of its own: the whole
/// document, or one slice of the annual register (`assemblage`).
pub(crate) struct Tranche<'a> {
    pub blocs: &'a [Bloc],
    /// The running header in force on its first page (a slice starts with
    /// the leaf its `Bloc::Feuillet` opened).
    pub entete: String,
    /// Pages of the document before this run: the footer and the repères
    /// count from there.
    pub pages_avant: usize,
}

/// What the cross-references of a document resolve to.
pub(crate) struct Renvois {
    /// Pages of the whole document.
    pub pages: usize,
    /// Page (counted from the document's first) of every repère.
    pub reperes: BTreeMap<String, usize>,
}

/// What one pass gives back: the bytes (empty for the measuring pass), the
/// pages of the run and the page of every repère (counted from the
/// document's first page).
pub(crate) struct Passe {
    pub octets: Vec<u8>,
    pub pages: usize,
    pub reperes: BTreeMap<String, usize>,
}

/// Whether a block holds a cross-reference (`renvoi_total`,
/// `renvoi_feuillet`), so that it can only be printed once the whole
/// document is counted.
pub(crate) fn bloc_a_des_renvois(bloc: &Bloc) -> bool {
    match bloc {
        Bloc::Paragraphe(p) => a_des_renvois(p),
        Bloc::Colonnes(c) | Bloc::Rangee { cellules: c, .. } => {
            c.iter().flatten().any(a_des_renvois)
        }
        Bloc::Espace(_) | Bloc::SautDePage | Bloc::Feuillet(_) | Bloc::Repere(_) => false,
    }
}

/// The characters of a block's text: how the register's slices are sized.
pub(crate) fn longueur_du_bloc(bloc: &Bloc) -> usize {
    let paragraphe = |p: &Paragraphe| -> usize {
        p.segments
            .iter()
            .chain(p.puce.iter())
            .map(|s| s.texte.len())
            .sum()
    };
    match bloc {
        Bloc::Paragraphe(p) => paragraphe(p),
        Bloc::Colonnes(c) | Bloc::Rangee { cellules: c, .. } => {
            c.iter().flatten().map(paragraphe).sum()
        }
        Bloc::Feuillet(t) | Bloc::Repere(t) => t.len(),
        Bloc::Espace(_) | Bloc::SautDePage => 0,
    }
}

fn erreur_genpdf(e: ErreurGenpdf) -> String {
    format!("mise en page : {e}")
}

/// One layout of a run of the document: measuring only when `imprimer` is
/// false; the cross-references read `renvois` (provisional numbers without).
pub(crate) fn rendre_tranche(
    document: &Document,
    tranche: &Tranche<'_>,
    polices: &[SousEnsemble],
    imprimer: bool,
    renvois: Option<&Renvois>,
) -> Result<Passe, String> {
    let garde = document
        .feuilletage
        .as_ref()
        .map_or(0, |f| f.pages_de_garde);
    let valeur = |cle: &str| -> String {
        let Some(m) = renvois else {
            return RENVOI_PROVISOIRE.to_owned();
        };
        if cle == "total" {
            return m.pages.saturating_sub(garde).to_string();
        }
        cle.strip_prefix("f:")
            .and_then(|r| m.reperes.get(r))
            .map_or_else(|| "?".to_owned(), |p| p.saturating_sub(garde).to_string())
    };
    let donnees = |i: usize| FontData::new(polices[i].octets.clone(), None).map_err(erreur_genpdf);
    let famille = FontFamily {
        regular: donnees(0)?,
        bold: donnees(1)?,
        italic: donnees(2)?,
        bold_italic: donnees(3)?,
    };
    let mut doc = genpdf::Document::new(famille);
    doc.set_minimal_conformance();
    doc.set_font_size(TAILLE_TEXTE);
    let compteur = Rc::new(Cell::new(tranche.pages_avant));
    let entete = Rc::new(RefCell::new(tranche.entete.clone()));
    let reperes = Rc::new(RefCell::new(BTreeMap::new()));
    doc.set_page_decorator(Decor {
        pied: document.pied.clone(),
        projet: document.projet,
        feuilletage: document.feuilletage.clone(),
        total: renvois.map(|m| m.pages),
        pages: compteur.clone(),
        entete: entete.clone(),
        imprimer,
    });
    let cellules = |c: &[Vec<Paragraphe>]| -> Vec<Vec<Paragraphe>> {
        c.iter()
            .map(|col| col.iter().map(|p| paragraphe_renvoye(p, &valeur)).collect())
            .collect()
    };
    for bloc in tranche.blocs {
        match bloc {
            Bloc::Paragraphe(p) => doc.push(ElementParagraphe::new(
                paragraphe_renvoye(p, &valeur),
                imprimer,
            )),
            Bloc::Colonnes(c) => doc.push(ElementColonnes {
                poids: vec![1; c.len().max(1)],
                colonnes: cellules(c),
                imprimer,
            }),
            Bloc::Rangee { poids, cellules: c } => doc.push(ElementColonnes {
                poids: poids.clone(),
                colonnes: cellules(c),
                imprimer,
            }),
            Bloc::Espace(mm) => doc.push(Espace(*mm)),
            Bloc::SautDePage => doc.push(genpdf::elements::PageBreak::new()),
            Bloc::Feuillet(texte) => doc.push(SautDeFeuillet {
                texte: texte.clone(),
                entete: entete.clone(),
                fait: false,
            }),
            Bloc::Repere(cle) => doc.push(Repere {
                cle: cle.clone(),
                page: compteur.clone(),
                reperes: reperes.clone(),
            }),
        }
    }
    let mut octets = Vec::new();
    if imprimer {
        doc.render(&mut octets).map_err(erreur_genpdf)?;
    } else {
        // The measuring pass stops once the last block is laid out: writing
        // the PDF (fonts embedded, their ToUnicode maps built by scanning
        // every code point, streams compressed) would be thrown away.
        let fin = Rc::new(Cell::new(false));
        doc.push(FinDeMesure(fin.clone()));
        match doc.render(std::io::sink()) {
            Err(_) if fin.get() => {}
            resultat => resultat.map_err(erreur_genpdf)?,
        }
    }
    let reperes = reperes.take();
    Ok(Passe {
        octets,
        pages: compteur.get() - tranche.pages_avant,
        reperes,
    })
}

struct Decor {
    pied: String,
    projet: bool,
    feuilletage: Option<Feuilletage>,
    total: Option<usize>,
    pages: Rc<Cell<usize>>,
    /// The running header set by the last `Bloc::Feuillet`.
    entete: Rc<RefCell<String>>,
    /// False in the measuring pass: nothing is drawn.
    imprimer: bool,
}

impl Decor {
    fn texte_du_pied(&self, page: usize) -> Option<String> {
        let document = Document {
            blocs: Vec::new(),
            pied: self.pied.clone(),
            projet: self.projet,
            feuilletage: self.feuilletage.clone(),
        };
        match &self.feuilletage {
            // The cover is no leaf: it bears neither number nor header.
            Some(f) if page <= f.pages_de_garde => None,
            _ => Some(document.texte_du_pied(page, self.total)),
        }
    }
}

impl PageDecorator for Decor {
    fn decorate_page<'a>(
        &mut self,
        context: &Context,
        mut area: Area<'a>,
        _style: Style,
    ) -> Result<Area<'a>, ErreurGenpdf> {
        let page = self.pages.get() + 1;
        self.pages.set(page);
        let marges = Margins::trbl(MARGE_HAUT, MARGE_COTES, MARGE_BAS, MARGE_COTES);
        if !self.imprimer {
            area.add_margins(marges);
            return Ok(area);
        }
        let polices = &context.font_cache;
        let largeur = area.size().width;
        let hauteur = area.size().height;

        let style = Graisse::Normal.style(TAILLE_PIED);
        if let Some(pied) = self.texte_du_pied(page) {
            let x = (largeur - style.str_width(polices, &pied)) / 2.0;
            area.print_str(
                polices,
                Position::new(x, hauteur - mm(PIED_DEPUIS_LE_BAS)),
                style,
                &pied,
            )?;
        }

        // R2121-9: every leaf bears the commune's name and the séance date.
        let entete_courante = self
            .feuilletage
            .as_ref()
            .filter(|f| page > f.pages_de_garde);
        if let Some(f) = entete_courante {
            let style = Graisse::Italique.style(TAILLE_PIED);
            let y = mm(HAUT_DE_L_ENTETE);
            area.print_str(polices, Position::new(mm(MARGE_COTES), y), style, &f.entete)?;
            let droite = self.entete.borrow();
            let l = style.str_width(polices, &droite);
            area.print_str(
                polices,
                Position::new(largeur - mm(MARGE_COTES) - l, y),
                style,
                droite.as_str(),
            )?;
        }

        if self.projet {
            let style = Graisse::Gras
                .style(TAILLE_PROJET)
                .with_color(Color::Rgb(200, 30, 30));
            let l = style.str_width(polices, MARQUE_PROJET);
            // Top right, or centred between the two halves of a leaf's
            // running header, which it would otherwise cover.
            let x = if entete_courante.is_some() {
                (largeur - l) / 2.0
            } else {
                largeur - mm(MARGE_COTES) - l
            };
            area.print_str(polices, Position::new(x, mm(7.0)), style, MARQUE_PROJET)?;
        }

        area.add_margins(marges);
        Ok(area)
    }
}

/// `Bloc::Feuillet`: sets the running header, then breaks the page, so the
/// decorator of the next page prints the new header.
struct SautDeFeuillet {
    texte: String,
    entete: Rc<RefCell<String>>,
    fait: bool,
}

impl Element for SautDeFeuillet {
    fn render(
        &mut self,
        _context: &Context,
        _area: Area<'_>,
        _style: Style,
    ) -> Result<RenderResult, ErreurGenpdf> {
        if self.fait {
            return Ok(RenderResult::default());
        }
        self.fait = true;
        self.entete.replace(std::mem::take(&mut self.texte));
        // Not (0, 0): genpdf takes that for an element that fits nowhere.
        Ok(RenderResult {
            size: Size::new(1, 0),
            has_more: true,
        })
    }
}

/// Last element of a measuring pass: notes that the layout is complete and
/// stops genpdf before it writes anything.
struct FinDeMesure(Rc<Cell<bool>>);

impl Element for FinDeMesure {
    fn render(
        &mut self,
        _context: &Context,
        _area: Area<'_>,
        _style: Style,
    ) -> Result<RenderResult, ErreurGenpdf> {
        self.0.set(true);
        Err(ErreurGenpdf::new(
            "fin de la passe de mesure",
            genpdf::error::ErrorKind::Internal,
        ))
    }
}

/// `Bloc::Repere`: notes the current page under its key.
struct Repere {
    cle: String,
    page: Rc<Cell<usize>>,
    reperes: Rc<RefCell<BTreeMap<String, usize>>>,
}

impl Element for Repere {
    fn render(
        &mut self,
        _context: &Context,
        _area: Area<'_>,
        _style: Style,
    ) -> Result<RenderResult, ErreurGenpdf> {
        self.reperes
            .borrow_mut()
            .insert(std::mem::take(&mut self.cle), self.page.get());
        Ok(RenderResult::default())
    }
}

/// Vertical space; swallowed at the bottom of a page.
struct Espace(f64);

impl Element for Espace {
    fn render(
        &mut self,
        _context: &Context,
        area: Area<'_>,
        _style: Style,
    ) -> Result<RenderResult, ErreurGenpdf> {
        let h = mm(self.0.min(val(area.size().height)));
        Ok(RenderResult {
            size: Size::new(0, h),
            has_more: false,
        })
    }
}

/// A word: fragments of one or more styles printed without a break (a
/// fragment may hold a fixed space, as in "exercice :").
#[derive(Debug, Clone, PartialEq)]
struct Mot {
    fragments: Vec<Segment>,
}

impl Mot {
    fn texte(&self) -> String {
        self.fragments.iter().map(|f| f.texte.as_str()).collect()
    }
}

/// Signs that French typography keeps with the previous word (after a
/// space), and those kept with the next one. A lone hyphen goes with the
/// next word: at the end of a line, text extractors (pdftotext) take it for
/// a hyphenation and drop it.
const COLLES_AU_PRECEDENT: [&str; 6] = [":", ";", "!", "?", "»", "€"];
const COLLES_AU_SUIVANT: [&str; 2] = ["«", "-"];

/// Splits styled runs into words, keeping "«" / "»" / ":" with their word.
fn mots(segments: &[Segment]) -> Vec<Mot> {
    let mut bruts: Vec<Mot> = Vec::new();
    let mut courant: Option<Mot> = None;
    for s in segments {
        for c in s.texte.chars() {
            if c == ' ' || c == '\n' {
                bruts.extend(courant.take());
                continue;
            }
            let mot = courant.get_or_insert_with(|| Mot {
                fragments: Vec::new(),
            });
            match mot.fragments.last_mut() {
                Some(f) if f.graisse == s.graisse => f.texte.push(c),
                _ => mot.fragments.push(Segment {
                    texte: c.to_string(),
                    graisse: s.graisse,
                }),
            }
        }
    }
    bruts.extend(courant);

    let mut resultat: Vec<Mot> = Vec::new();
    let mut attache_au_suivant = false;
    for mot in bruts {
        let texte = mot.texte();
        let coller = attache_au_suivant || COLLES_AU_PRECEDENT.contains(&texte.as_str());
        match resultat.last_mut() {
            Some(precedent) if coller => {
                let graisse = precedent
                    .fragments
                    .last()
                    .map_or(Graisse::Normal, |f| f.graisse);
                precedent.fragments.push(Segment {
                    texte: " ".into(),
                    graisse,
                });
                precedent.fragments.extend(mot.fragments);
            }
            _ => resultat.push(mot),
        }
        attache_au_suivant = COLLES_AU_SUIVANT.contains(&texte.as_str());
    }
    resultat
}

/// One laid-out line: fragments at x positions (mm from the paragraph's left).
#[derive(Debug, Clone, PartialEq)]
struct Ligne {
    fragments: Vec<(f64, Segment)>,
}

/// Breaks `p` into lines of `largeur` and places every fragment; `mesure`
/// gives a fragment's width in mm.
fn mettre_en_lignes(p: &Paragraphe, largeur: f64, mesure: &dyn Fn(&Segment) -> f64) -> Vec<Ligne> {
    let disponible = (largeur - p.retrait).max(1.0);
    let espace = mesure(&Segment {
        texte: " ".into(),
        graisse: Graisse::Normal,
    });
    let mots: Vec<(Mot, f64)> = mots(&p.segments)
        .into_iter()
        .map(|m| {
            let l = m.fragments.iter().map(mesure).sum();
            (m, l)
        })
        .collect();

    // Greedy breaking.
    let mut groupes: Vec<Vec<&(Mot, f64)>> = Vec::new();
    let mut groupe: Vec<&(Mot, f64)> = Vec::new();
    let mut occupe = 0.0;
    for m in &mots {
        let avec = if groupe.is_empty() {
            m.1
        } else {
            occupe + espace + m.1
        };
        if !groupe.is_empty() && avec > disponible + 1e-6 {
            groupes.push(std::mem::take(&mut groupe));
            occupe = m.1;
        } else {
            occupe = avec;
        }
        groupe.push(m);
    }
    if !groupe.is_empty() || groupes.is_empty() {
        groupes.push(groupe);
    }

    let derniere = groupes.len() - 1;
    let mut lignes = Vec::with_capacity(groupes.len());
    for (i, groupe) in groupes.into_iter().enumerate() {
        let mots_l: f64 = groupe.iter().map(|m| m.1).sum();
        let n = groupe.len();
        let naturelle = mots_l + espace * n.saturating_sub(1) as f64;
        let etire = if n > 1 {
            (disponible - mots_l) / (n - 1) as f64
        } else {
            espace
        };
        let (mut x, ecart) = match p.alignement {
            // A line that would stretch its spaces past three times their
            // width stays ragged: wide gaps read badly and make text
            // extractors see columns.
            Alignement::Justifie if i < derniere && n > 1 && etire <= 3.0 * espace => {
                (p.retrait, etire)
            }
            Alignement::Centre => (p.retrait + (disponible - naturelle) / 2.0, espace),
            Alignement::Droite => (p.retrait + disponible - naturelle, espace),
            _ => (p.retrait, espace),
        };
        let mut fragments = Vec::new();
        if i == 0 {
            if let Some(puce) = &p.puce {
                fragments.push((p.retrait_puce, puce.clone()));
            }
        }
        for (mot, _) in groupe {
            for f in &mot.fragments {
                fragments.push((x, f.clone()));
                x += mesure(f);
            }
            x += ecart;
        }
        lignes.push(Ligne { fragments });
    }
    lignes
}

fn hauteur_de_ligne(context: &Context, taille: u8) -> f64 {
    Graisse::Normal
        .style(taille)
        .line_height(&context.font_cache)
        .into()
}

fn lignes_pour(context: &Context, p: &Paragraphe, largeur: f64) -> Vec<Ligne> {
    let mesure = |s: &Segment| {
        s.graisse
            .style(p.taille)
            .str_width(&context.font_cache, &s.texte)
            .into()
    };
    mettre_en_lignes(p, largeur, &mesure)
}

fn imprimer_ligne(
    context: &Context,
    area: &Area<'_>,
    p: &Paragraphe,
    ligne: &Ligne,
    y: f64,
) -> Result<(), ErreurGenpdf> {
    for (x, f) in &ligne.fragments {
        if f.texte.trim().is_empty() {
            continue;
        }
        area.print_str(
            &context.font_cache,
            Position::new(*x, y),
            f.graisse.style(p.taille),
            &f.texte,
        )?;
    }
    Ok(())
}

struct ElementParagraphe {
    p: Paragraphe,
    lignes: Option<Vec<Ligne>>,
    prochaine: usize,
    imprimer: bool,
}

impl ElementParagraphe {
    fn new(p: Paragraphe, imprimer: bool) -> ElementParagraphe {
        ElementParagraphe {
            p,
            lignes: None,
            prochaine: 0,
            imprimer,
        }
    }
}

impl Element for ElementParagraphe {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        _style: Style,
    ) -> Result<RenderResult, ErreurGenpdf> {
        let largeur = val(area.size().width);
        let hauteur = val(area.size().height);
        let lignes = self
            .lignes
            .get_or_insert_with(|| lignes_pour(context, &self.p, largeur));
        let h = hauteur_de_ligne(context, self.p.taille);
        if self.prochaine == 0 {
            let besoin = h * lignes.len().min(2) as f64 + self.p.garder_avec_suivant;
            if besoin > hauteur {
                return Ok(RenderResult {
                    size: Size::new(0, 0),
                    has_more: true,
                });
            }
        }
        let mut y = 0.0;
        while self.prochaine < lignes.len() {
            if y + h > hauteur + 1e-6 {
                return Ok(RenderResult {
                    size: Size::new(largeur, y),
                    has_more: true,
                });
            }
            if self.imprimer {
                imprimer_ligne(context, &area, &self.p, &lignes[self.prochaine], y)?;
            }
            y += h;
            self.prochaine += 1;
        }
        // Done: the lines are not needed any more, so a long document does
        // not keep every laid-out line until the end.
        self.lignes = None;
        self.p.segments = Vec::new();
        y = (y + self.p.espace_apres).min(hauteur);
        Ok(RenderResult {
            size: Size::new(largeur, y),
            has_more: false,
        })
    }
}

struct ElementColonnes {
    /// Relative widths, one per column.
    poids: Vec<usize>,
    colonnes: Vec<Vec<Paragraphe>>,
    imprimer: bool,
}

impl Element for ElementColonnes {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        _style: Style,
    ) -> Result<RenderResult, ErreurGenpdf> {
        let zones = area.split_horizontally(&self.poids);
        let mises: Vec<Vec<(Vec<Ligne>, f64)>> = self
            .colonnes
            .iter()
            .zip(&zones)
            .map(|(c, zone)| {
                // A small gutter on the right of each column.
                let largeur = val(zone.size().width) - 4.0;
                c.iter()
                    .map(|p| {
                        (
                            lignes_pour(context, p, largeur),
                            hauteur_de_ligne(context, p.taille),
                        )
                    })
                    .collect()
            })
            .collect();
        let hauteur_colonne = |i: usize| -> f64 {
            mises[i]
                .iter()
                .zip(&self.colonnes[i])
                .map(|((l, h), p)| l.len() as f64 * h + p.espace_apres)
                .sum()
        };
        let hauteur = (0..mises.len()).map(hauteur_colonne).fold(0.0, f64::max);
        if hauteur > val(area.size().height) {
            return Ok(RenderResult {
                size: Size::new(0, 0),
                has_more: true,
            });
        }
        for (i, zone) in zones
            .iter()
            .enumerate()
            .take(self.colonnes.len())
            .filter(|_| self.imprimer)
        {
            let mut y = 0.0;
            for ((lignes, h), p) in mises[i].iter().zip(&self.colonnes[i]) {
                for ligne in lignes {
                    imprimer_ligne(context, zone, p, ligne, y)?;
                    y += h;
                }
                y += p.espace_apres;
            }
        }
        self.colonnes = Vec::new();
        Ok(RenderResult {
            size: Size::new(area.size().width, hauteur),
            has_more: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mesure_fixe(s: &Segment) -> f64 {
        s.texte.chars().count() as f64
    }

    #[test]
    fn les_deux_points_et_guillemets_restent_avec_leur_mot() {
        let p = Paragraphe::new(Alignement::Gauche)
            .gras("Membres en exercice")
            .normal(" : 27 « collectivité » 45 € TTC GARRIGA - 0660710N");
        let textes: Vec<String> = mots(&p.segments).iter().map(Mot::texte).collect();
        assert_eq!(
            textes,
            [
                "Membres",
                "en",
                "exercice :",
                "27",
                "« collectivité »",
                "45 €",
                "TTC",
                "GARRIGA",
                "- 0660710N"
            ]
        );
        let m = &mots(&p.segments)[2];
        assert_eq!(m.fragments[0].graisse, Graisse::Gras);
        assert_eq!(m.fragments.last().unwrap().graisse, Graisse::Normal);
    }

    #[test]
    fn la_justification_remplit_les_lignes_sauf_la_derniere() {
        let p = Paragraphe::new(Alignement::Justifie).normal("aa bb cc dd ee ff gg");
        // Words of 2 mm, spaces of 1 mm, 9 mm wide: three words a line.
        let lignes = mettre_en_lignes(&p, 9.0, &mesure_fixe);
        assert_eq!(lignes.len(), 3);
        let fin = |l: &Ligne| {
            let (x, s) = l.fragments.last().unwrap();
            x + mesure_fixe(s)
        };
        assert!((fin(&lignes[0]) - 9.0).abs() < 1e-9);
        assert!((fin(&lignes[1]) - 9.0).abs() < 1e-9);
        assert!(
            (fin(&lignes[2]) - 2.0).abs() < 1e-9,
            "last line not stretched"
        );
    }

    #[test]
    fn une_ligne_trop_etiree_reste_en_drapeau() {
        // "aaaaaa b": a 10 mm line, two words of 6 + 1 mm, one space of 1 mm:
        // justifying would make a 3 mm gap, three times the space: allowed;
        // at 12 mm the gap would be 5 mm: the line stays ragged.
        let p = Paragraphe::new(Alignement::Justifie).normal("aaaaaa b ccccccccccccc");
        let l = mettre_en_lignes(&p, 10.0, &mesure_fixe);
        assert_eq!(l[0].fragments[1].0, 9.0);
        let l = mettre_en_lignes(&p, 12.0, &mesure_fixe);
        assert_eq!(l[0].fragments[1].0, 7.0);
    }

    #[test]
    fn centrage_et_puce_en_retrait() {
        let p = Paragraphe::new(Alignement::Centre).normal("abc");
        let l = mettre_en_lignes(&p, 9.0, &mesure_fixe);
        assert_eq!(l[0].fragments[0].0, 3.0);
        let p = Paragraphe::new(Alignement::Gauche)
            .retrait(2.0)
            .puce(Graisse::Normal, "►")
            .gras("APPROUVE")
            .normal(" la convention");
        let l = mettre_en_lignes(&p, 12.0, &mesure_fixe);
        assert_eq!(
            l[0].fragments[0],
            (
                0.0,
                Segment {
                    texte: "►".into(),
                    graisse: Graisse::Normal
                }
            )
        );
        assert_eq!(l[0].fragments[1].0, 2.0);
        assert_eq!(l[1].fragments[0].0, 2.0, "hanging indent");
    }

    #[test]
    fn la_puce_d_une_liste_peut_etre_en_retrait() {
        let p = Paragraphe::new(Alignement::Justifie)
            .retrait(4.0)
            .puce(Graisse::Normal, "•")
            .retrait_puce(1.0)
            .normal("aa bb cc dd");
        let l = mettre_en_lignes(&p, 12.0, &mesure_fixe);
        assert_eq!(l[0].fragments[0].0, 1.0);
        assert_eq!(l[0].fragments[1].0, 4.0);
        assert_eq!(l[1].fragments[0].0, 4.0, "hanging indent");
    }
}
