//! Full-text search over the register's deliberations and conventions: the
//! French folding of words (case, accents, ligatures), the tokeniser, the
//! in-memory inverted index built from the records, the query (every word
//! required, the last one as a prefix), the ranking (BM25, objet and titre
//! weighted higher), the filters, and the highlighted extracts taken from the
//! original text. Pure functions over records: the index kept for an open
//! register, and its invalidation, are in `registre::recherche`.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domaine::{Article, Bloc, Convention, Deliberation, Statut};

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GenreFiche {
    Deliberation,
    Convention,
}

/// A search as typed in the search box, with its filters. A convention
/// approved by a deliberation takes that deliberation's séance, status,
/// matière and rapporteur for the filters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RequeteRecherche {
    /// The words: every one must be found; the last one may be incomplete.
    pub texte: String,
    #[ts(optional = nullable)]
    pub annee: Option<i32>,
    #[ts(optional = nullable)]
    pub seance: Option<String>,
    #[ts(optional = nullable)]
    pub statut: Option<Statut>,
    /// ACTES matière code, "8.1"; "8" takes every matière of that family.
    #[ts(optional = nullable)]
    pub matiere: Option<String>,
    /// The rapporteur's élu id.
    #[ts(optional = nullable)]
    pub rapporteur: Option<String>,
    #[ts(optional = nullable)]
    pub genre: Option<GenreFiche>,
    /// At most this many hits are returned (20 when absent).
    #[ts(optional = nullable)]
    pub limite: Option<u32>,
}

/// A run of an extract, highlighted when it is one of the searched words:
/// the UI wraps highlighted runs in `<mark>` without parsing anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Passage {
    pub texte: String,
    pub surligne: bool,
}

/// One hit.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Trouvaille {
    pub genre: GenreFiche,
    /// The deliberation's number ("2024/052") or the convention's id.
    pub cle: String,
    /// The objet or the titre, whole, with the searched words highlighted.
    pub titre: Vec<Passage>,
    /// Where the extract comes from: "Exposé", "Dispositif", "Article 3"…
    pub champ: String,
    /// A few lines around the best match, the original text with its
    /// accents; "…" marks a cut.
    pub extrait: Vec<Passage>,
    pub score: f32,
    pub annee: Option<i32>,
    pub seance: Option<String>,
    pub statut: Option<Statut>,
    /// The annexed convention of a deliberation, or the deliberation that
    /// approves a convention.
    pub liee: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ResultatsRecherche {
    /// How many records match, before `limite`.
    pub total: u32,
    pub trouvailles: Vec<Trouvaille>,
}

/// The size of an index, for the benchmark and the logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StatistiquesIndex {
    pub fiches: u32,
    pub deliberations: u32,
    pub termes: u32,
    pub occurrences: u64,
    /// The index's own memory, approximately (terms, occurrences, records).
    pub octets: u64,
}

// ---------------------------------------------------------------------------
// Folding and words

/// Appends the folded form of `c`: lower case, no accent, ligatures spelt
/// out. Our own table, for French: it must fold the same way on every
/// platform and in every version, or a saved search would stop matching.
fn plier_caractere(c: char, sortie: &mut String) {
    let simple = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => 'u',
        'ÿ' | 'ý' | 'Ÿ' | 'Ý' => 'y',
        'ñ' | 'Ñ' => 'n',
        'œ' | 'Œ' => return sortie.push_str("oe"),
        'æ' | 'Æ' => return sortie.push_str("ae"),
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => return sortie.extend(c.to_lowercase()),
    };
    sortie.push(simple);
}

/// The folded form of a text: "Pézilla ÉCOLE Œuvre" → "pezilla ecole oeuvre".
pub fn plier(texte: &str) -> String {
    let mut sortie = String::with_capacity(texte.len());
    for c in texte.chars() {
        plier_caractere(c, &mut sortie);
    }
    sortie
}

/// A word of a text: its byte range in the original and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mot {
    pub debut: usize,
    pub fin: usize,
    pub plie: String,
}

/// Calls `f(debut, fin, plie)` for each word: a run of letters and digits.
/// Apostrophes, hyphens, slashes and spaces separate words, so
/// "l'ÉNT-école" gives "l", "ent", "ecole". One buffer for the whole text:
/// the index build goes through tens of megabytes.
fn pour_chaque_mot(texte: &str, mut f: impl FnMut(usize, usize, &str)) {
    let mut plie = String::new();
    let mut debut = None;
    for (i, c) in texte.char_indices() {
        if c.is_alphanumeric() {
            debut.get_or_insert(i);
            plier_caractere(c, &mut plie);
        } else if let Some(d) = debut.take() {
            f(d, i, &plie);
            plie.clear();
        }
    }
    if let Some(d) = debut {
        f(d, texte.len(), &plie);
    }
}

/// The words of a text, with where they are in it.
pub fn mots(texte: &str) -> Vec<Mot> {
    let mut mots = Vec::new();
    pour_chaque_mot(texte, |debut, fin, plie| {
        mots.push(Mot {
            debut,
            fin,
            plie: plie.to_owned(),
        })
    });
    mots
}

/// A single letter is an elided article or pronoun (l', d', qu'… n'): in
/// nearly every record, it would only slow the search down. Single digits
/// stay ("article 2").
fn indexable(plie: &str) -> bool {
    let mut c = plie.chars();
    match (c.next(), c.next()) {
        (Some(l), None) => !l.is_alphabetic(),
        (Some(_), Some(_)) => true,
        (None, _) => false,
    }
}

/// A word of the query, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MotRequete {
    pub plie: String,
    /// The word being typed: any word starting with it matches.
    pub prefixe: bool,
}

impl MotRequete {
    fn correspond(&self, plie: &str) -> bool {
        if self.prefixe {
            plie.starts_with(&self.plie)
        } else {
            plie == self.plie
        }
    }
}

/// The words of a query. The last one is a prefix, unless the query ends
/// with a space or punctuation (the clerk finished the word).
pub fn analyser(texte: &str) -> Vec<MotRequete> {
    let tous = mots(texte);
    let fini = texte.chars().last().is_none_or(|c| !c.is_alphanumeric());
    let dernier = tous.len().saturating_sub(1);
    let mut resultat: Vec<MotRequete> = Vec::new();
    for (i, m) in tous.into_iter().enumerate() {
        let prefixe = i == dernier && !fini;
        if !prefixe && !indexable(&m.plie) {
            continue;
        }
        // "ecole ecol": the complete word already requires more than the prefix.
        if let Some(deja) = resultat.iter_mut().find(|r| r.plie == m.plie) {
            deja.prefixe &= prefixe;
            continue;
        }
        resultat.push(MotRequete {
            plie: m.plie,
            prefixe,
        });
    }
    resultat
}

// ---------------------------------------------------------------------------
// The fields of a record

/// Words of the objet, the titre and the number count this many times: a
/// record about the searched thing ranks before one that mentions it.
const POIDS_TITRE: u16 = 3;

struct Champ {
    libelle: String,
    texte: String,
    titre: bool,
}

fn champ(libelle: impl Into<String>, texte: String, titre: bool) -> Champ {
    Champ {
        libelle: libelle.into(),
        texte,
        titre,
    }
}

fn texte_blocs(blocs: &[Bloc]) -> String {
    blocs
        .iter()
        .map(|b| match b {
            Bloc::Paragraphe { texte } => texte.clone(),
            Bloc::Liste { elements } => elements.join("\n"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn champs_articles(articles: &[Article], champs: &mut Vec<Champ>) {
    for a in articles {
        let texte = format!(
            "Article {} — {}\n{}",
            a.numero,
            a.titre,
            texte_blocs(&a.contenu)
        );
        champs.push(champ(format!("Article {}", a.numero), texte, false));
        champs_articles(&a.sous_articles, champs);
    }
}

/// What is searched in a deliberation. The rapporteur is a filter, not
/// text; the visas are the same boilerplate in every act.
fn champs_deliberation(d: &Deliberation) -> Vec<Champ> {
    let expose = d
        .expose
        .iter()
        .map(|a| a.brut())
        .collect::<Vec<_>>()
        .join("\n");
    let dispositif = d
        .decisions
        .iter()
        .map(|x| format!("{} {}", x.verbe, x.texte))
        .collect::<Vec<_>>()
        .join("\n");
    vec![
        champ("Objet", d.objet.clone(), true),
        champ("Numéro", d.numero.to_string(), true),
        champ("Exposé", expose, false),
        champ("Dispositif", dispositif, false),
    ]
}

fn champs_convention(c: &Convention) -> Vec<Champ> {
    let parties = c
        .parties
        .iter()
        .map(|p| p.nom.as_str())
        .collect::<Vec<_>>()
        .join(" ; ");
    let mut champs = vec![
        champ("Titre", c.titre.clone(), true),
        champ("Parties", parties, false),
        champ("Préambule", texte_blocs(&c.preambule), false),
    ];
    champs_articles(&c.articles, &mut champs);
    champs
}

/// A record read back from the store to build its extract.
#[derive(Debug, Clone)]
pub enum Source {
    Deliberation(Deliberation),
    Convention(Convention),
}

impl Source {
    fn champs(&self) -> Vec<Champ> {
        match self {
            Source::Deliberation(d) => champs_deliberation(d),
            Source::Convention(c) => champs_convention(c),
        }
    }

    /// What the index knows of the record: if it changed, the index is stale.
    fn empreinte(&self) -> u64 {
        match self {
            Source::Deliberation(d) => empreinte_deliberation(d, &champs_deliberation(d)),
            Source::Convention(c) => empreinte_convention(c, &champs_convention(c)),
        }
    }
}

fn empreinte_champs(champs: &[Champ], h: &mut std::hash::DefaultHasher) {
    for c in champs {
        c.texte.hash(h);
    }
}

fn empreinte_deliberation(d: &Deliberation, champs: &[Champ]) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    empreinte_champs(champs, &mut h);
    (
        &d.seance,
        d.statut,
        &d.matiere,
        &d.rapporteur,
        &d.convention,
    )
        .hash(&mut h);
    h.finish()
}

fn empreinte_convention(c: &Convention, champs: &[Champ]) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    empreinte_champs(champs, &mut h);
    c.deliberation.hash(&mut h);
    h.finish()
}

// ---------------------------------------------------------------------------
// The index

/// A record as the index knows it: what the filters and the ranking need.
#[derive(Debug, Clone)]
struct Fiche {
    genre: GenreFiche,
    cle: String,
    annee: Option<i32>,
    seance: Option<String>,
    statut: Option<Statut>,
    matiere: Option<String>,
    rapporteur: Option<String>,
    liee: Option<String>,
    /// Words in the record, for BM25's length normalisation.
    longueur: u32,
    empreinte: u64,
}

/// The records holding one term, in record order, with the term's weighted
/// frequency in each (two arrays: 6 bytes an occurrence instead of 8).
#[derive(Debug, Default, Clone)]
struct Occurrences {
    fiches: Vec<u32>,
    frequences: Vec<u16>,
}

/// The inverted index: sorted folded terms (a prefix is a range, found by
/// binary search) and, for each, the records that hold it.
#[derive(Debug, Clone, Default)]
pub struct Index {
    fiches: Vec<Fiche>,
    termes: Vec<Box<str>>,
    occurrences: Vec<Occurrences>,
    longueur_moyenne: f32,
}

/// BM25's usual constants.
const K1: f32 = 1.2;
const B: f32 = 0.75;
const LIMITE_PAR_DEFAUT: u32 = 20;

impl Index {
    /// Builds the index of every deliberation and convention.
    pub fn construire(deliberations: &[Deliberation], conventions: &[Convention]) -> Index {
        match Self::construire_flux(
            deliberations
                .iter()
                .cloned()
                .map(Ok::<_, std::convert::Infallible>),
            conventions
                .iter()
                .cloned()
                .map(Ok::<_, std::convert::Infallible>),
        ) {
            Ok(index) => index,
            Err(impossible) => match impossible {},
        }
    }

    /// Builds the index reading one record at a time (from the store), so
    /// that memory holds the index and one record, never the whole register.
    /// Deliberations come first: a convention takes its filters from the
    /// deliberation that approves it.
    pub fn construire_flux<E>(
        deliberations: impl Iterator<Item = Result<Deliberation, E>>,
        conventions: impl Iterator<Item = Result<Convention, E>>,
    ) -> Result<Index, E> {
        // What a convention borrows from its approving deliberation.
        struct Approbation {
            numero: String,
            annee: i32,
            seance: String,
            statut: Statut,
            matiere: Option<String>,
            rapporteur: Option<String>,
        }
        let mut par_numero: HashMap<String, usize> = HashMap::new();
        let mut par_convention: HashMap<String, usize> = HashMap::new();
        let mut approbations: Vec<Approbation> = Vec::new();

        let mut construction = Construction::default();
        for d in deliberations {
            let d = d?;
            let champs = champs_deliberation(&d);
            let fiche = Fiche {
                genre: GenreFiche::Deliberation,
                cle: d.numero.to_string(),
                annee: Some(d.numero.annee()),
                seance: Some(d.seance.clone()),
                statut: Some(d.statut),
                matiere: d.matiere.clone(),
                rapporteur: d.rapporteur.clone(),
                liee: d.convention.clone(),
                longueur: 0,
                empreinte: empreinte_deliberation(&d, &champs),
            };
            construction.ajouter(fiche, &champs);
            let rang = approbations.len();
            par_numero.insert(d.numero.to_string(), rang);
            if let Some(c) = &d.convention {
                par_convention.insert(c.clone(), rang);
            }
            approbations.push(Approbation {
                numero: d.numero.to_string(),
                annee: d.numero.annee(),
                seance: d.seance,
                statut: d.statut,
                matiere: d.matiere,
                rapporteur: d.rapporteur,
            });
        }
        for c in conventions {
            let c = c?;
            let approbation = c
                .deliberation
                .as_ref()
                .and_then(|n| par_numero.get(n.as_str()))
                .or_else(|| par_convention.get(c.id.as_str()))
                .map(|&rang| &approbations[rang]);
            let annee = approbation.map(|d| d.annee).or_else(|| {
                c.date_signature.or(c.date_document).map(|j| {
                    use chrono::Datelike;
                    j.year()
                })
            });
            let champs = champs_convention(&c);
            let fiche = Fiche {
                genre: GenreFiche::Convention,
                cle: c.id.clone(),
                annee,
                seance: approbation.map(|d| d.seance.clone()),
                statut: approbation.map(|d| d.statut),
                matiere: approbation.and_then(|d| d.matiere.clone()),
                rapporteur: approbation.and_then(|d| d.rapporteur.clone()),
                liee: approbation.map(|d| d.numero.clone()),
                longueur: 0,
                empreinte: empreinte_convention(&c, &champs),
            };
            construction.ajouter(fiche, &champs);
        }
        Ok(construction.terminer())
    }

    pub fn statistiques(&self) -> StatistiquesIndex {
        let occurrences: u64 = self.occurrences.iter().map(|o| o.fiches.len() as u64).sum();
        let texte = |t: &Option<String>| t.as_ref().map_or(0, String::capacity);
        let fiches: usize = self
            .fiches
            .iter()
            .map(|f| {
                std::mem::size_of::<Fiche>()
                    + f.cle.capacity()
                    + texte(&f.seance)
                    + texte(&f.matiere)
                    + texte(&f.rapporteur)
                    + texte(&f.liee)
            })
            .sum();
        let termes: usize = self
            .termes
            .iter()
            .map(|t| t.len() + std::mem::size_of::<Box<str>>() + std::mem::size_of::<Occurrences>())
            .sum();
        StatistiquesIndex {
            fiches: self.fiches.len() as u32,
            deliberations: self
                .fiches
                .iter()
                .filter(|f| f.genre == GenreFiche::Deliberation)
                .count() as u32,
            termes: self.termes.len() as u32,
            occurrences,
            octets: occurrences * 6 + (fiches + termes) as u64,
        }
    }

    /// The terms a query word stands for: one, or a range for a prefix.
    fn termes_de(&self, mot: &MotRequete) -> std::ops::Range<usize> {
        let debut = self
            .termes
            .partition_point(|t| t.as_ref() < mot.plie.as_str());
        let fin = if mot.prefixe {
            debut + self.termes[debut..].partition_point(|t| t.starts_with(mot.plie.as_str()))
        } else if self.termes.get(debut).is_some_and(|t| **t == *mot.plie) {
            debut + 1
        } else {
            debut
        };
        debut..fin
    }

    fn passe_les_filtres(&self, f: &Fiche, r: &RequeteRecherche) -> bool {
        let egal = |filtre: &Option<String>, valeur: &Option<String>| {
            filtre.as_ref().is_none_or(|x| valeur.as_ref() == Some(x))
        };
        r.genre.is_none_or(|g| g == f.genre)
            && r.annee.is_none_or(|a| f.annee == Some(a))
            && r.statut.is_none_or(|s| f.statut == Some(s))
            && egal(&r.seance, &f.seance)
            && egal(&r.rapporteur, &f.rapporteur)
            && r.matiere.as_ref().is_none_or(|m| {
                f.matiere
                    .as_ref()
                    .is_some_and(|x| x == m || x.starts_with(&format!("{m}.")))
            })
    }

    /// Every record holding all the words and passing the filters, best
    /// first, with its score; the number of them; only the first `limite`
    /// are returned. With no word, every record passing the filters, most
    /// recent number first.
    pub fn chercher(&self, mots: &[MotRequete], r: &RequeteRecherche) -> (u32, Vec<(u32, f32)>) {
        let n = self.fiches.len();
        let mut trouves: Vec<(u32, f32)> = if mots.is_empty() {
            (0..n as u32)
                .filter(|&i| self.passe_les_filtres(&self.fiches[i as usize], r))
                .map(|i| (i, 0.0))
                .collect()
        } else {
            let plages: Vec<std::ops::Range<usize>> =
                mots.iter().map(|m| self.termes_de(m)).collect();
            if plages.iter().any(|p| p.is_empty()) {
                return (0, Vec::new());
            }
            // Rarest word first: later words only touch the records that
            // still hold every earlier word.
            let mut ordre: Vec<usize> = (0..mots.len()).collect();
            let taille = |p: &std::ops::Range<usize>| -> usize {
                self.occurrences[p.clone()]
                    .iter()
                    .map(|o| o.fiches.len())
                    .sum()
            };
            ordre.sort_by_key(|&i| taille(&plages[i]));

            // Dense arrays over the records: `vus[f]` counts the words record
            // f holds so far; `meilleur[f]` is its best score for the current
            // word (a prefix stands for many terms; the best one counts).
            let mut vus = vec![0u16; n];
            let mut meilleur = vec![0f32; n];
            let mut total = vec![0f32; n];
            let nf = n as f32;
            for (rang, &i) in ordre.iter().enumerate() {
                let rang = rang as u16;
                for t in plages[i].clone() {
                    let o = &self.occurrences[t];
                    let df = o.fiches.len() as f32;
                    let idf = (1.0 + (nf - df + 0.5) / (df + 0.5)).ln();
                    for (&f, &tf) in o.fiches.iter().zip(&o.frequences) {
                        let f = f as usize;
                        let deja = vus[f];
                        if deja < rang {
                            continue;
                        }
                        let tf = tf as f32;
                        let norme = K1
                            * (1.0 - B
                                + B * self.fiches[f].longueur as f32 / self.longueur_moyenne);
                        let s = idf * tf * (K1 + 1.0) / (tf + norme);
                        if deja == rang {
                            vus[f] = rang + 1;
                            meilleur[f] = s;
                            total[f] += s;
                        } else if s > meilleur[f] {
                            total[f] += s - meilleur[f];
                            meilleur[f] = s;
                        }
                    }
                }
            }
            let tous = mots.len() as u16;
            (0..n)
                .filter(|&f| vus[f] == tous && self.passe_les_filtres(&self.fiches[f], r))
                .map(|f| (f as u32, total[f]))
                .collect()
        };
        let nombre = trouves.len() as u32;
        let limite = r.limite.unwrap_or(LIMITE_PAR_DEFAUT) as usize;
        // Ties (and the no-word listing) go to the latest number, then the id.
        let ordre = |a: &(u32, f32), b: &(u32, f32)| {
            b.1.total_cmp(&a.1).then_with(|| {
                let (fa, fb) = (&self.fiches[a.0 as usize], &self.fiches[b.0 as usize]);
                (fb.genre == GenreFiche::Deliberation, &fb.cle)
                    .cmp(&(fa.genre == GenreFiche::Deliberation, &fa.cle))
            })
        };
        if limite < trouves.len() {
            if limite == 0 {
                trouves.clear();
            } else {
                trouves.select_nth_unstable_by(limite - 1, ordre);
                trouves.truncate(limite);
            }
        }
        trouves.sort_unstable_by(ordre);
        (nombre, trouves)
    }

    /// The whole search: the hits, each read back through `lire` (from the
    /// store) for its extract. `Ok(None)` when a hit is missing or differs
    /// from what was indexed: the index is stale and must be rebuilt.
    pub fn resultats<E>(
        &self,
        r: &RequeteRecherche,
        mut lire: impl FnMut(GenreFiche, &str) -> Result<Option<Source>, E>,
    ) -> Result<Option<ResultatsRecherche>, E> {
        let mots = analyser(&r.texte);
        let (total, tete) = self.chercher(&mots, r);
        let mut trouvailles = Vec::with_capacity(tete.len());
        for (f, score) in tete {
            let fiche = &self.fiches[f as usize];
            let source = match lire(fiche.genre, &fiche.cle)? {
                Some(s) if s.empreinte() == fiche.empreinte => s,
                _ => return Ok(None),
            };
            trouvailles.push(trouvaille(fiche, &source, &mots, score));
        }
        Ok(Some(ResultatsRecherche { total, trouvailles }))
    }
}

/// Accumulates the index record by record.
#[derive(Default)]
struct Construction {
    fiches: Vec<Fiche>,
    dictionnaire: HashMap<Box<str>, u32>,
    termes: Vec<Box<str>>,
    occurrences: Vec<Occurrences>,
    /// (term, weighted frequency) of the current record; reused.
    courant: Vec<(u32, u16)>,
    longueur_totale: u64,
}

impl Construction {
    fn ajouter(&mut self, mut fiche: Fiche, champs: &[Champ]) {
        let numero = self.fiches.len() as u32;
        let mut longueur = 0u32;
        self.courant.clear();
        for c in champs {
            let poids = if c.titre { POIDS_TITRE } else { 1 };
            let (dictionnaire, termes, occurrences, courant) = (
                &mut self.dictionnaire,
                &mut self.termes,
                &mut self.occurrences,
                &mut self.courant,
            );
            pour_chaque_mot(&c.texte, |_, _, plie| {
                if !indexable(plie) {
                    return;
                }
                longueur += 1;
                let t = match dictionnaire.get(plie) {
                    Some(&t) => t,
                    None => {
                        let t = termes.len() as u32;
                        termes.push(plie.into());
                        occurrences.push(Occurrences::default());
                        dictionnaire.insert(plie.into(), t);
                        t
                    }
                };
                courant.push((t, poids));
            });
        }
        self.courant.sort_unstable_by_key(|&(t, _)| t);
        let mut i = 0;
        while i < self.courant.len() {
            let t = self.courant[i].0;
            let mut frequence = 0u16;
            while i < self.courant.len() && self.courant[i].0 == t {
                frequence = frequence.saturating_add(self.courant[i].1);
                i += 1;
            }
            let o = &mut self.occurrences[t as usize];
            o.fiches.push(numero);
            o.frequences.push(frequence);
        }
        fiche.longueur = longueur.max(1);
        self.longueur_totale += u64::from(fiche.longueur);
        self.fiches.push(fiche);
    }

    fn terminer(self) -> Index {
        let mut paires: Vec<(Box<str>, Occurrences)> =
            self.termes.into_iter().zip(self.occurrences).collect();
        paires.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (termes, mut occurrences): (Vec<_>, Vec<_>) = paires.into_iter().unzip();
        for o in &mut occurrences {
            o.fiches.shrink_to_fit();
            o.frequences.shrink_to_fit();
        }
        let longueur_moyenne = if self.fiches.is_empty() {
            1.0
        } else {
            self.longueur_totale as f32 / self.fiches.len() as f32
        };
        Index {
            fiches: self.fiches,
            termes,
            occurrences,
            longueur_moyenne,
        }
    }
}

// ---------------------------------------------------------------------------
// Extracts

/// Words around the best match in an extract.
const MOTS_PAR_EXTRAIT: usize = 24;
/// Words kept before the first match, for context.
const MOTS_AVANT: usize = 5;

fn trouvaille(fiche: &Fiche, source: &Source, mots: &[MotRequete], score: f32) -> Trouvaille {
    let champs = source.champs();
    let titre = champs
        .iter()
        .find(|c| c.titre)
        .map(|c| surligner(&c.texte, mots, 0, usize::MAX))
        .unwrap_or_default();
    let (champ, extrait) = meilleur_extrait(&champs, mots);
    Trouvaille {
        genre: fiche.genre,
        cle: fiche.cle.clone(),
        titre,
        champ,
        extrait,
        score,
        annee: fiche.annee,
        seance: fiche.seance.clone(),
        statut: fiche.statut,
        liee: fiche.liee.clone(),
    }
}

/// The body field holding the most distinct searched words (then the most
/// matches), and the window of it that holds the most of them. When only
/// the titre matches, the start of the first body field.
fn meilleur_extrait(champs: &[Champ], mots_requete: &[MotRequete]) -> (String, Vec<Passage>) {
    let mut meilleur: Option<(usize, usize, &Champ, Vec<Mot>)> = None;
    for c in champs
        .iter()
        .filter(|c| !c.titre && !c.texte.trim().is_empty())
    {
        let mots = mots(&c.texte);
        let (distincts, touches) = couverture(&mots, mots_requete);
        let mieux = match &meilleur {
            None => true,
            Some((d, t, _, _)) => (distincts, touches) > (*d, *t),
        };
        if mieux {
            meilleur = Some((distincts, touches, c, mots));
        }
    }
    let Some((_, _, champ, mots)) = meilleur else {
        return (String::new(), Vec::new());
    };
    let debut = fenetre(&mots, mots_requete);
    let fin = (debut + MOTS_PAR_EXTRAIT).min(mots.len());
    (
        champ.libelle.clone(),
        surligner(&champ.texte, mots_requete, debut, fin),
    )
}

/// (distinct query words found, words of the text that match).
fn couverture(mots: &[Mot], requete: &[MotRequete]) -> (usize, usize) {
    let mut trouves = vec![false; requete.len()];
    let mut touches = 0;
    for m in mots {
        let mut touche = false;
        for (i, r) in requete.iter().enumerate() {
            if r.correspond(&m.plie) {
                trouves[i] = true;
                touche = true;
            }
        }
        touches += usize::from(touche);
    }
    (trouves.iter().filter(|&&t| t).count(), touches)
}

/// The first word of the window of `MOTS_PAR_EXTRAIT` words with the most
/// distinct searched words, starting a little before its first match.
fn fenetre(mots: &[Mot], requete: &[MotRequete]) -> usize {
    let mut meilleur = (0usize, 0usize);
    for (i, m) in mots.iter().enumerate() {
        if !requete.iter().any(|r| r.correspond(&m.plie)) {
            continue;
        }
        let debut = i.saturating_sub(MOTS_AVANT);
        let fin = (debut + MOTS_PAR_EXTRAIT).min(mots.len());
        let (distincts, _) = couverture(&mots[debut..fin], requete);
        if distincts > meilleur.1 {
            meilleur = (debut, distincts);
        }
    }
    meilleur.0
}

/// The words `debut..fin` of `texte` as runs, searched words highlighted,
/// spaces and line breaks shown as single spaces, "…" where the text is cut.
fn surligner(texte: &str, requete: &[MotRequete], debut: usize, fin: usize) -> Vec<Passage> {
    let mots = mots(texte);
    let fin = fin.min(mots.len());
    let mut passages: Vec<Passage> = Vec::new();
    let mut pousser = |texte: &str, surligne: bool| {
        let texte = espaces_simples(texte);
        if texte.is_empty() {
            return;
        }
        match passages.last_mut() {
            Some(p) if !p.surligne && !surligne => p.texte.push_str(&texte),
            _ => passages.push(Passage { texte, surligne }),
        }
    };
    if mots.is_empty() || debut >= fin {
        pousser(texte.trim(), false);
        return passages;
    }
    let mut curseur = if debut == 0 { 0 } else { mots[debut].debut };
    if debut > 0 {
        pousser("… ", false);
    }
    for m in &mots[debut..fin] {
        if requete.iter().any(|r| r.correspond(&m.plie)) {
            pousser(&texte[curseur..m.debut], false);
            pousser(&texte[m.debut..m.fin], true);
            curseur = m.fin;
        }
    }
    if fin == mots.len() {
        pousser(texte[curseur..].trim_end(), false);
    } else {
        pousser(&texte[curseur..mots[fin - 1].fin], false);
        pousser(" …", false);
    }
    if let Some(p) = passages.first_mut() {
        if !p.surligne {
            p.texte = p.texte.trim_start().to_owned();
        }
    }
    passages
}

fn espaces_simples(texte: &str) -> String {
    let mut sortie = String::with_capacity(texte.len());
    let mut blanc = false;
    for c in texte.chars() {
        if c.is_whitespace() && c != '\u{A0}' && c != '\u{202F}' {
            if !blanc {
                sortie.push(' ');
            }
            blanc = true;
        } else {
            sortie.push(c);
            blanc = false;
        }
    }
    sortie
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domaine::{Alinea, Decision, NumeroDeliberation};

    fn demo() -> (Vec<Deliberation>, Vec<Convention>) {
        let d = crate::demo::donnees();
        (d.deliberations, d.conventions)
    }

    /// A deliberation of the demo's séance with another number and text.
    fn deliberation(numero: &str, objet: &str, expose: &str) -> Deliberation {
        let mut d = crate::demo::donnees().deliberations.remove(0);
        d.numero = NumeroDeliberation::new(numero).unwrap();
        d.objet = objet.into();
        d.expose = vec![Alinea::from(expose)];
        d.decisions = vec![Decision {
            verbe: "APPROUVE".into(),
            texte: "la proposition.".into(),
        }];
        d.convention = None;
        d
    }

    fn requete(texte: &str) -> RequeteRecherche {
        RequeteRecherche {
            texte: texte.into(),
            ..Default::default()
        }
    }

    fn cles(index: &Index, r: &RequeteRecherche) -> Vec<String> {
        let (_, tete) = index.chercher(&analyser(&r.texte), r);
        tete.iter()
            .map(|&(f, _)| index.fiches[f as usize].cle.clone())
            .collect()
    }

    fn passages(p: &[Passage]) -> String {
        p.iter()
            .map(|p| {
                if p.surligne {
                    format!("[{}]", p.texte)
                } else {
                    p.texte.clone()
                }
            })
            .collect()
    }

    #[test]
    fn le_pliage_enleve_accents_et_majuscules_et_developpe_les_ligatures() {
        assert_eq!(
            plier("Pézilla-la-Rivière ÉCOLE Œuvre Æther çà ÿ Noël Île Où"),
            "pezilla-la-riviere ecole oeuvre aether ca y noel ile ou"
        );
        assert_eq!(plier("âäáã ÂÄÁÃ îïí ôöó ùûüú"), "aaaa aaaa iii ooo uuuu");
    }

    #[test]
    fn les_mots_gardent_leur_place_dans_le_texte_original() {
        let texte = "l'ÉNT-école, n° 2024/052 : cœur";
        let m = mots(texte);
        let plies: Vec<&str> = m.iter().map(|m| m.plie.as_str()).collect();
        assert_eq!(plies, ["l", "ent", "ecole", "n", "2024", "052", "coeur"]);
        assert_eq!(&texte[m[1].debut..m[1].fin], "ÉNT");
        assert_eq!(&texte[m[6].debut..m[6].fin], "cœur");
    }

    #[test]
    fn le_dernier_mot_est_un_prefixe_tant_qu_il_est_en_cours_de_frappe() {
        let r = analyser("Pézilla ÉCO");
        assert_eq!(
            r,
            [
                MotRequete {
                    plie: "pezilla".into(),
                    prefixe: false
                },
                MotRequete {
                    plie: "eco".into(),
                    prefixe: true
                }
            ]
        );
        assert!(!analyser("pezilla ecole ").last().unwrap().prefixe);
        // The elided article is no word to look for; a letter being typed is.
        assert_eq!(analyser("l'ecole ").len(), 1);
        assert!(analyser("d")[0].prefixe);
        assert!(analyser("  ").is_empty());
    }

    #[test]
    fn tous_les_mots_sont_exiges_et_le_dernier_peut_etre_incomplet() {
        let (mut d, c) = demo();
        d.push(deliberation(
            "2024/053",
            "TARIFS DE LA CANTINE SCOLAIRE",
            "Les tarifs de la restauration scolaire sont revus.",
        ));
        let index = Index::construire(&d, &c);
        // Only the convention names the commune (a party) and the school.
        assert_eq!(
            cles(&index, &requete("pezilla ecole")),
            ["ent-ecole-2024-2025"]
        );
        assert_eq!(
            cles(&index, &requete("ENT numerique")),
            ["2024/052", "ent-ecole-2024-2025"]
        );
        assert_eq!(cles(&index, &requete("cant")), ["2024/053"]);
        assert!(cles(&index, &requete("cant ")).is_empty());
        assert!(cles(&index, &requete("cantine numerique")).is_empty());
        assert!(cles(&index, &requete("introuvable")).is_empty());
        assert_eq!(cles(&index, &requete("2024/053")), ["2024/053"]);
    }

    #[test]
    fn l_objet_pese_plus_que_l_expose() {
        let d = vec![
            deliberation(
                "2024/001",
                "SUBVENTION AUX ASSOCIATIONS",
                "La cantine des écoles sera rénovée par la commune, ainsi que le gymnase et la salle des fêtes.",
            ),
            deliberation(
                "2024/002",
                "TARIFS DE LA CANTINE",
                "Les prix sont revus chaque année par la commune, comme le prévoit le règlement intérieur.",
            ),
        ];
        let index = Index::construire(&d, &[]);
        assert_eq!(cles(&index, &requete("cantine")), ["2024/002", "2024/001"]);
        // A rare word counts more than a common one.
        let (_, tete) = index.chercher(&analyser("commune gymnase "), &requete(""));
        assert_eq!(index.fiches[tete[0].0 as usize].cle, "2024/001");
    }

    #[test]
    fn les_filtres_restreignent_et_la_convention_suit_sa_deliberation() {
        let (mut d, c) = demo();
        let mut autre = deliberation(
            "2023/010",
            "CONVENTION DE PARTENARIAT SPORTIF",
            "Un partenariat.",
        );
        autre.matiere = Some("7.5".into());
        autre.statut = Statut::Brouillon;
        autre.rapporteur = None;
        d.push(autre);
        let index = Index::construire(&d, &c);
        let avec = |f: &dyn Fn(&mut RequeteRecherche)| {
            let mut r = requete("partenariat");
            f(&mut r);
            cles(&index, &r)
        };
        assert_eq!(avec(&|_| {}).len(), 3);
        assert_eq!(avec(&|r| r.annee = Some(2023)), ["2023/010"]);
        assert_eq!(
            avec(&|r| r.genre = Some(GenreFiche::Convention)),
            ["ent-ecole-2024-2025"]
        );
        assert_eq!(
            avec(&|r| r.matiere = Some("8".into())),
            ["2024/052", "ent-ecole-2024-2025"]
        );
        assert_eq!(avec(&|r| r.matiere = Some("8.1".into())).len(), 2);
        assert!(avec(&|r| r.matiere = Some("8.10".into())).is_empty());
        assert_eq!(avec(&|r| r.statut = Some(Statut::Brouillon)), ["2023/010"]);
        assert_eq!(
            avec(&|r| r.rapporteur = Some("carola-karine".into())),
            ["2024/052", "ent-ecole-2024-2025"]
        );
        assert_eq!(avec(&|r| r.seance = Some("2024-05-15".into())).len(), 3);
        assert!(avec(&|r| r.seance = Some("2024-06-01".into())).is_empty());
        // No word: everything the filters let through, latest number first.
        let (total, tete) = index.chercher(&[], &RequeteRecherche::default());
        assert_eq!(total, 3);
        assert_eq!(index.fiches[tete[0].0 as usize].cle, "2024/052");
        // The limit cuts the list, not the count.
        let mut r = requete("partenariat");
        r.limite = Some(1);
        let (total, tete) = index.chercher(&analyser(&r.texte), &r);
        assert_eq!((total, tete.len()), (3, 1));
    }

    #[test]
    fn l_extrait_garde_les_accents_et_marque_les_mots_trouves() {
        let requete = analyser("ecoliers numer");
        let texte = "Mme CAROLA fait part du projet : un environnement numérique de travail pour les écoliers.";
        assert_eq!(
            passages(&surligner(texte, &requete, 0, usize::MAX)),
            "Mme CAROLA fait part du projet : un environnement [numérique] de travail pour les [écoliers]."
        );
        let runs = surligner("Les écoliers", &requete, 0, usize::MAX);
        assert_eq!(
            runs,
            [
                Passage {
                    texte: "Les ".into(),
                    surligne: false
                },
                Passage {
                    texte: "écoliers".into(),
                    surligne: true
                }
            ]
        );
    }

    #[test]
    fn l_extrait_est_la_fenetre_autour_des_mots_trouves() {
        let long = format!(
            "{} la cantine scolaire\n\nest gratuite {}",
            "avant ".repeat(40),
            "après ".repeat(40)
        );
        let d = vec![deliberation("2024/001", "TARIFS", &long)];
        let index = Index::construire(&d, &[]);
        let r = requete("cantine gratuite");
        let resultats = index
            .resultats(&r, |_, _| {
                Ok::<_, ()>(Some(Source::Deliberation(d[0].clone())))
            })
            .unwrap()
            .unwrap();
        let t = &resultats.trouvailles[0];
        assert_eq!(t.champ, "Exposé");
        assert_eq!(
            passages(&t.extrait),
            format!(
                "… {}la [cantine] scolaire est [gratuite] {}…",
                "avant ".repeat(4),
                "après ".repeat(15)
            )
        );
        assert_eq!(passages(&t.titre), "TARIFS");
    }

    #[test]
    fn un_article_de_convention_est_trouve_avec_son_numero() {
        let (d, c) = demo();
        let index = Index::construire(&d, &c);
        let r = requete("gouvernance pilotage");
        let resultats = index
            .resultats(&r, |genre, cle| {
                Ok::<_, ()>(match genre {
                    GenreFiche::Convention => c
                        .iter()
                        .find(|x| x.id == cle)
                        .cloned()
                        .map(Source::Convention),
                    GenreFiche::Deliberation => None,
                })
            })
            .unwrap()
            .unwrap();
        assert_eq!(resultats.total, 1);
        let t = &resultats.trouvailles[0];
        assert_eq!(
            (t.genre, t.champ.as_str()),
            (GenreFiche::Convention, "Article 1")
        );
        assert!(
            passages(&t.extrait).contains("[gouvernance] et de [pilotage]"),
            "{}",
            passages(&t.extrait)
        );
        assert_eq!(t.liee.as_deref(), Some("2024/052"));
    }

    #[test]
    fn un_resultat_qui_a_change_dans_la_base_rend_l_index_perime() {
        let (d, c) = demo();
        let index = Index::construire(&d, &c);
        let r = requete("ENT");
        let mut modifiee = d[0].clone();
        modifiee.objet = "AUTRE OBJET".into();
        let lu = index.resultats(&r, |genre, _| {
            Ok::<_, ()>(Some(match genre {
                GenreFiche::Deliberation => Source::Deliberation(modifiee.clone()),
                GenreFiche::Convention => Source::Convention(c[0].clone()),
            }))
        });
        assert_eq!(lu, Ok(None));
        let disparue = index.resultats(&r, |_, _| Ok::<_, ()>(None));
        assert_eq!(disparue, Ok(None));
    }
}
