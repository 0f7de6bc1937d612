//! The sled working store: its on-disk layout, its format version and the
//! stepwise migrations between formats.
//!
//! Layout (format 1): tree `meta` holds `format_stockage` (u32, big endian)
//! and `commune` (JSON); trees `elus`, `seances`, `deliberations` and
//! `conventions` map an identifier to the record's JSON, the same JSON as in
//! the interchange format, so every record round-trips through it.
//!
//! Format 2 adds the life of each deliberation: `historique` (key
//! `numero \0 rang`, u32 big endian, → [`Evenement`] JSON: every version,
//! transition and comment), `commentaires` (key `numero \0 id` →
//! [`Commentaire`] JSON), `lectures` (key `numero` → the version the mayor
//! last read, u32 big endian) and `pdf_signes` (key `numero` → the bytes of
//! the PDF recorded at signature), `numeros_annules` (key `numero` →
//! [`NumeroAnnule`] JSON: a number left unused, with its reason) and
//! `decisions_maire` (key `numero` "D2024/007" → the maire's decision by
//! delegation, interchange JSON). A format-1 database gains the empty trees;
//! a Registre of format 1 refuses a format-2 database, which it would edit
//! without keeping the history.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::Serialize;
use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::{Transactional, Tree};

use crate::cycle::{Commentaire, Evenement, NumeroAnnule};
use crate::domaine::{Commune, Convention, DecisionMaire, Deliberation, Elu, Seance};
use crate::echange::DonneesRegistre;
use crate::erreur::{Erreur, Resultat};

/// Current on-disk format; bump it with a new step in [`MIGRATIONS`].
pub const FORMAT_STOCKAGE: u32 = 2;

const CLE_FORMAT: &[u8] = b"format_stockage";
/// sled's page cache.
const CACHE_SLED_OCTETS: u64 = 64 * 1024 * 1024;
const CLE_COMMUNE: &[u8] = b"commune";
/// The commune's logo file (PNG or JPEG bytes), when it has one.
const CLE_LOGO: &[u8] = b"logo";
/// How many automatic backup copies to keep (u32, big endian).
const CLE_COPIES: &[u8] = b"copies_a_garder";

/// One step: takes a database of format `n` to format `n + 1`. A step must be
/// idempotent: a crash between the step and the version bump re-runs it.
pub(crate) type Migration = fn(&sled::Db) -> Resultat<()>;

/// `MIGRATIONS[i]` migrates format `i + 1` to `i + 2`. Format 1's fixture is
/// `tests/fixtures/stockage-v1/`.
pub(crate) const MIGRATIONS: &[Migration] = &[format_1_vers_2];

const ARBRES_FORMAT_2: [&str; 6] = [
    "historique",
    "commentaires",
    "lectures",
    "pdf_signes",
    "numeros_annules",
    "decisions_maire",
];

/// Format 2: the trees of the deliberations' life, empty. A deliberation's
/// history starts with a baseline entry the first time it changes.
fn format_1_vers_2(db: &sled::Db) -> Resultat<()> {
    for nom in ARBRES_FORMAT_2 {
        db.open_tree(nom)?;
    }
    Ok(())
}

/// Everything one step of a deliberation's life writes, applied in one
/// transaction: after a crash, all of it or none of it is there.
#[derive(Default)]
pub(crate) struct Ecriture<'a> {
    pub deliberation: Option<&'a Deliberation>,
    /// Inserted under their (numero, rang); an existing rang is replaced.
    pub evenements: Vec<Evenement>,
    pub commentaire: Option<&'a Commentaire>,
    pub numero: &'a str,
    pub lecture: Option<u32>,
    pub pdf: Option<&'a [u8]>,
}

fn cle_rang(numero: &str, rang: u32) -> Vec<u8> {
    let mut cle = numero.as_bytes().to_vec();
    cle.push(0);
    cle.extend_from_slice(&rang.to_be_bytes());
    cle
}

/// The deliberation number of a `numero \0 rang` key.
fn numero_de_cle(cle: &[u8]) -> String {
    let fin = cle.iter().position(|&b| b == 0).unwrap_or(cle.len());
    String::from_utf8_lossy(&cle[..fin]).into_owned()
}

fn prefixe(numero: &str) -> Vec<u8> {
    let mut cle = numero.as_bytes().to_vec();
    cle.push(0);
    cle
}

#[derive(Clone)]
pub(crate) struct Stockage {
    db: sled::Db,
    meta: Tree,
    elus: Tree,
    seances: Tree,
    deliberations: Tree,
    conventions: Tree,
    historique: Tree,
    commentaires: Tree,
    lectures: Tree,
    pdf_signes: Tree,
    numeros_annules: Tree,
    decisions_maire: Tree,
    /// Counts the writes of this process since opening (it is the only
    /// writer: `registre.verrou`): derived data such as the search index
    /// compares it to know whether it is stale.
    generation: Arc<AtomicU64>,
}

impl Stockage {
    pub(crate) fn ouvrir(dossier: &Path) -> Resultat<Stockage> {
        Self::ouvrir_avec(dossier, MIGRATIONS)
    }

    pub(crate) fn ouvrir_avec(dossier: &Path, migrations: &[Migration]) -> Resultat<Stockage> {
        let db = ouvrir_sled(dossier)?;
        migrer(&db, dossier, migrations)?;
        let arbre = |nom: &str| db.open_tree(nom);
        Ok(Stockage {
            meta: arbre("meta")?,
            elus: arbre("elus")?,
            seances: arbre("seances")?,
            deliberations: arbre("deliberations")?,
            conventions: arbre("conventions")?,
            historique: arbre("historique")?,
            commentaires: arbre("commentaires")?,
            lectures: arbre("lectures")?,
            pdf_signes: arbre("pdf_signes")?,
            numeros_annules: arbre("numeros_annules")?,
            decisions_maire: arbre("decisions_maire")?,
            generation: Arc::new(AtomicU64::new(0)),
            db,
        })
    }

    /// Changes with every write (see the field).
    pub(crate) fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Flushes to disk, then tells derived data that the store changed.
    fn valider_ecriture(&self) -> Resultat<()> {
        self.db.flush()?;
        self.generation.fetch_add(1, Ordering::Release);
        Ok(())
    }

    pub(crate) fn commune(&self) -> Resultat<Option<Commune>> {
        self.meta
            .get(CLE_COMMUNE)?
            .map(|v| decoder(&v, "commune"))
            .transpose()
    }

    pub(crate) fn nombre_deliberations(&self) -> usize {
        self.deliberations.len()
    }

    pub(crate) fn est_vide(&self) -> Resultat<bool> {
        Ok(self.commune()?.is_none()
            && self.elus.is_empty()
            && self.seances.is_empty()
            && self.deliberations.is_empty()
            && self.conventions.is_empty()
            && self.decisions_maire.is_empty())
    }

    pub(crate) fn deliberations(&self) -> Resultat<Vec<Deliberation>> {
        tous(&self.deliberations, "délibération")
    }

    /// The deliberations one at a time, for work that must not hold the
    /// whole register in memory (the search index).
    pub(crate) fn parcourir_deliberations(
        &self,
    ) -> impl Iterator<Item = Resultat<Deliberation>> + '_ {
        self.deliberations
            .iter()
            .values()
            .map(|v| decoder(&v?, "délibération"))
    }

    pub(crate) fn parcourir_conventions(&self) -> impl Iterator<Item = Resultat<Convention>> + '_ {
        self.conventions
            .iter()
            .values()
            .map(|v| decoder(&v?, "convention"))
    }

    pub(crate) fn deliberation(&self, numero: &str) -> Resultat<Option<Deliberation>> {
        un(&self.deliberations, numero, "délibération")
    }

    pub(crate) fn seance(&self, id: &str) -> Resultat<Option<Seance>> {
        un(&self.seances, id, "séance")
    }

    pub(crate) fn seances(&self) -> Resultat<Vec<Seance>> {
        tous(&self.seances, "séance")
    }

    pub(crate) fn elus(&self) -> Resultat<Vec<Elu>> {
        tous(&self.elus, "élu")
    }

    pub(crate) fn convention(&self, id: &str) -> Resultat<Option<Convention>> {
        un(&self.conventions, id, "convention")
    }

    pub(crate) fn conventions(&self) -> Resultat<Vec<Convention>> {
        tous(&self.conventions, "convention")
    }

    pub(crate) fn lire_tout(&self) -> Resultat<DonneesRegistre> {
        Ok(DonneesRegistre {
            commune: self.commune()?,
            elus: self.elus()?,
            seances: self.seances()?,
            deliberations: self.deliberations()?,
            conventions: self.conventions()?,
            decisions_du_maire: self.decisions_maire()?,
        })
    }

    pub(crate) fn copies_a_garder(&self) -> Resultat<Option<u32>> {
        Ok(self
            .meta
            .get(CLE_COPIES)?
            .and_then(|v| <[u8; 4]>::try_from(v.as_ref()).ok())
            .map(u32::from_be_bytes))
    }

    pub(crate) fn definir_copies_a_garder(&self, n: u32) -> Resultat<()> {
        self.meta.insert(CLE_COPIES, &n.to_be_bytes())?;
        self.valider_ecriture()
    }

    /// Writes the commune's profile and waits until it is on disk.
    pub(crate) fn enregistrer_commune(&self, c: &Commune) -> Resultat<()> {
        self.meta.insert(CLE_COMMUNE, encoder(c))?;
        self.valider_ecriture()
    }

    pub(crate) fn logo(&self) -> Resultat<Option<Vec<u8>>> {
        Ok(self.meta.get(CLE_LOGO)?.map(|v| v.to_vec()))
    }

    /// Writes (or with `None` removes) the logo and waits until it is on disk.
    pub(crate) fn enregistrer_logo(&self, octets: Option<&[u8]>) -> Resultat<()> {
        match octets {
            Some(o) => self.meta.insert(CLE_LOGO, o)?,
            None => self.meta.remove(CLE_LOGO)?,
        };
        self.valider_ecriture()
    }

    /// Writes one élu and waits until it is on disk.
    pub(crate) fn enregistrer_elu(&self, elu: &Elu) -> Resultat<()> {
        self.elus.insert(elu.id.as_bytes(), encoder(elu))?;
        self.valider_ecriture()
    }

    /// Writes one séance and waits until it is on disk.
    pub(crate) fn enregistrer_seance(&self, seance: &Seance) -> Resultat<()> {
        self.seances.insert(seance.id.as_bytes(), encoder(seance))?;
        self.valider_ecriture()
    }

    /// Writes one convention and waits until it is on disk.
    pub(crate) fn enregistrer_convention(&self, c: &Convention) -> Resultat<()> {
        self.conventions.insert(c.id.as_bytes(), encoder(c))?;
        self.valider_ecriture()
    }

    /// A deliberation's history, oldest first.
    pub(crate) fn historique(&self, numero: &str) -> Resultat<Vec<Evenement>> {
        self.historique
            .scan_prefix(prefixe(numero))
            .values()
            .map(|v| decoder(&v?, "historique"))
            .collect()
    }

    pub(crate) fn commentaires(&self, numero: &str) -> Resultat<Vec<Commentaire>> {
        self.commentaires
            .scan_prefix(prefixe(numero))
            .values()
            .map(|v| decoder(&v?, "commentaire"))
            .collect()
    }

    /// The version of the text the mayor last read, if any.
    pub(crate) fn lecture(&self, numero: &str) -> Resultat<Option<u32>> {
        Ok(self
            .lectures
            .get(numero.as_bytes())?
            .and_then(|v| <[u8; 4]>::try_from(v.as_ref()).ok())
            .map(u32::from_be_bytes))
    }

    pub(crate) fn pdf_signe(&self, numero: &str) -> Resultat<Option<Vec<u8>>> {
        Ok(self.pdf_signes.get(numero.as_bytes())?.map(|v| v.to_vec()))
    }

    pub(crate) fn decisions_maire(&self) -> Resultat<Vec<DecisionMaire>> {
        tous(&self.decisions_maire, "décision du maire")
    }

    /// Writes one decision of the maire and waits until it is on disk.
    pub(crate) fn enregistrer_decision_maire(&self, d: &DecisionMaire) -> Resultat<()> {
        self.decisions_maire
            .insert(d.numero.as_str().as_bytes(), encoder(d))?;
        self.valider_ecriture()
    }

    pub(crate) fn numeros_annules(&self) -> Resultat<Vec<NumeroAnnule>> {
        tous(&self.numeros_annules, "numéro annulé")
    }

    /// The register's numbers of one year ("2024/…"), in use or cancelled.
    pub(crate) fn numeros_de_l_annee(&self, annee: &str) -> Resultat<Vec<String>> {
        let prefixe = format!("{annee}/");
        let mut numeros = Vec::new();
        for arbre in [&self.deliberations, &self.numeros_annules] {
            for cle in arbre.scan_prefix(prefixe.as_bytes()).keys() {
                numeros.push(String::from_utf8_lossy(&cle?).into_owned());
            }
        }
        Ok(numeros)
    }

    pub(crate) fn annuler_numero(&self, a: &NumeroAnnule) -> Resultat<()> {
        self.numeros_annules
            .insert(a.numero.as_bytes(), encoder(a))?;
        self.valider_ecriture()
    }

    /// Applies one step of a deliberation's life in one transaction, then
    /// waits until it is on disk.
    pub(crate) fn ecrire(&self, e: &Ecriture) -> Resultat<()> {
        let deliberation = e.deliberation.map(|d| (d.numero.to_string(), encoder(d)));
        let evenements: Vec<(Vec<u8>, Vec<u8>)> = e
            .evenements
            .iter()
            .map(|ev| (cle_rang(e.numero, ev.rang), encoder(ev)))
            .collect();
        let commentaire = e
            .commentaire
            .map(|c| (cle_rang(e.numero, c.id), encoder(c)));
        let resultat: Result<(), TransactionError<()>> = (
            &self.deliberations,
            &self.historique,
            &self.commentaires,
            &self.lectures,
            &self.pdf_signes,
        )
            .transaction(|(td, th, tc, tl, tp)| {
                if let Some((cle, valeur)) = &deliberation {
                    td.insert(cle.as_bytes(), valeur.as_slice())?;
                }
                for (cle, valeur) in &evenements {
                    th.insert(cle.as_slice(), valeur.as_slice())?;
                }
                if let Some((cle, valeur)) = &commentaire {
                    tc.insert(cle.as_slice(), valeur.as_slice())?;
                }
                if let Some(version) = e.lecture {
                    tl.insert(e.numero.as_bytes(), &version.to_be_bytes())?;
                }
                if let Some(pdf) = e.pdf {
                    tp.insert(e.numero.as_bytes(), pdf)?;
                }
                Ok::<(), ConflictableTransactionError<()>>(())
            });
        fin_de_transaction(resultat)?;
        self.valider_ecriture()
    }

    /// The life of every deliberation, for a backup.
    pub(crate) fn lire_cycle(&self) -> Resultat<crate::sauvegarde::Cycle> {
        let mut cycle = crate::sauvegarde::Cycle {
            historique: tous(&self.historique, "historique")?,
            numeros_annules: self.numeros_annules()?,
            ..Default::default()
        };
        for paire in self.commentaires.iter() {
            let (cle, valeur) = paire?;
            let numero = numero_de_cle(&cle);
            let c: Commentaire = decoder(&valeur, "commentaire")?;
            cycle.commentaires.entry(numero).or_default().push(c);
        }
        for paire in self.lectures.iter() {
            let (cle, valeur) = paire?;
            if let Ok(octets) = <[u8; 4]>::try_from(valeur.as_ref()) {
                cycle.lectures.insert(
                    String::from_utf8_lossy(&cle).into_owned(),
                    u32::from_be_bytes(octets),
                );
            }
        }
        for paire in self.pdf_signes.iter() {
            let (cle, valeur) = paire?;
            cycle.pdf_signes.insert(
                String::from_utf8_lossy(&cle).into_owned(),
                crate::sauvegarde::base64_ecrire(&valeur),
            );
        }
        Ok(cycle)
    }

    /// Replaces everything (records and their life) in one transaction,
    /// then flushes: a restore is all or nothing.
    pub(crate) fn restaurer(&self, c: &crate::sauvegarde::Contenu) -> Resultat<()> {
        let arbres = [
            &self.elus,
            &self.seances,
            &self.deliberations,
            &self.conventions,
            &self.historique,
            &self.commentaires,
            &self.lectures,
            &self.pdf_signes,
            &self.numeros_annules,
            &self.decisions_maire,
        ];
        let mut a_effacer = Vec::new();
        for t in arbres {
            a_effacer.push(t.iter().keys().collect::<Result<Vec<_>, _>>()?);
        }
        let r = &c.donnees;
        let mut nouvelles: Vec<Vec<(Vec<u8>, Vec<u8>)>> = vec![
            r.elus
                .iter()
                .map(|e| (e.id.as_bytes().to_vec(), encoder(e)))
                .collect(),
            r.seances
                .iter()
                .map(|s| (s.id.as_bytes().to_vec(), encoder(s)))
                .collect(),
            r.deliberations
                .iter()
                .map(|d| (d.numero.as_str().as_bytes().to_vec(), encoder(d)))
                .collect(),
            r.conventions
                .iter()
                .map(|x| (x.id.as_bytes().to_vec(), encoder(x)))
                .collect(),
            c.cycle
                .historique
                .iter()
                .map(|e| (cle_rang(e.deliberation.numero.as_str(), e.rang), encoder(e)))
                .collect(),
            c.cycle
                .commentaires
                .iter()
                .flat_map(|(n, v)| v.iter().map(move |x| (cle_rang(n, x.id), encoder(x))))
                .collect(),
            c.cycle
                .lectures
                .iter()
                .map(|(n, v)| (n.as_bytes().to_vec(), v.to_be_bytes().to_vec()))
                .collect(),
            c.pdf
                .iter()
                .map(|(n, o)| (n.as_bytes().to_vec(), o.clone()))
                .collect(),
            c.cycle
                .numeros_annules
                .iter()
                .map(|a| (a.numero.as_bytes().to_vec(), encoder(a)))
                .collect(),
            r.decisions_du_maire
                .iter()
                .map(|d| (d.numero.as_str().as_bytes().to_vec(), encoder(d)))
                .collect(),
        ];
        let commune = r.commune.as_ref().map(encoder);
        nouvelles.shrink_to_fit();
        let mut tous_les_arbres: Vec<&Tree> = arbres.to_vec();
        tous_les_arbres.push(&self.meta);
        let resultat: Result<(), TransactionError<()>> =
            tous_les_arbres.as_slice().transaction(|vues| {
                for (i, vue) in vues.iter().take(arbres.len()).enumerate() {
                    for cle in &a_effacer[i] {
                        vue.remove(cle)?;
                    }
                    for (cle, valeur) in &nouvelles[i] {
                        vue.insert(cle.as_slice(), valeur.as_slice())?;
                    }
                }
                let meta = &vues[arbres.len()];
                match &commune {
                    Some(x) => meta.insert(CLE_COMMUNE, x.as_slice())?,
                    None => meta.remove(CLE_COMMUNE)?,
                };
                match &c.logo {
                    Some(l) => meta.insert(CLE_LOGO, l.as_slice())?,
                    None => meta.remove(CLE_LOGO)?,
                };
                Ok::<(), ConflictableTransactionError<()>>(())
            });
        fin_de_transaction(resultat)?;
        self.valider_ecriture()
    }

    /// Replaces the whole content in one sled transaction, then flushes to
    /// disk: after a crash the store holds either the old or the new register,
    /// never a mix.
    /// `evenements` (the history entries of the deliberations the import
    /// creates or changes) are written in the same transaction; the history
    /// of every record is kept, even of one the import removes.
    pub(crate) fn remplacer(&self, r: &DonneesRegistre, evenements: &[Evenement]) -> Resultat<()> {
        // The record trees, replaced whole; then the history (added to) and
        // the meta tree (the commune).
        let arbres = [
            &self.elus,
            &self.seances,
            &self.deliberations,
            &self.conventions,
            &self.decisions_maire,
        ];
        let mut a_effacer = Vec::new();
        for t in arbres {
            a_effacer.push(t.iter().keys().collect::<Result<Vec<_>, _>>()?);
        }
        let nouvelles: [Vec<(String, Vec<u8>)>; 5] = [
            encoder_par_cle(r.elus.iter().map(|e| (e.id.clone(), e))),
            encoder_par_cle(r.seances.iter().map(|s| (s.id.clone(), s))),
            encoder_par_cle(r.deliberations.iter().map(|d| (d.numero.to_string(), d))),
            encoder_par_cle(r.conventions.iter().map(|c| (c.id.clone(), c))),
            encoder_par_cle(
                r.decisions_du_maire
                    .iter()
                    .map(|d| (d.numero.to_string(), d)),
            ),
        ];
        let commune = r.commune.as_ref().map(encoder);
        let historique: Vec<(Vec<u8>, Vec<u8>)> = evenements
            .iter()
            .map(|ev| {
                (
                    cle_rang(ev.deliberation.numero.as_str(), ev.rang),
                    encoder(ev),
                )
            })
            .collect();
        let mut tous_les_arbres: Vec<&Tree> = arbres.to_vec();
        tous_les_arbres.push(&self.historique);
        tous_les_arbres.push(&self.meta);
        let resultat: Result<(), TransactionError<()>> =
            tous_les_arbres.as_slice().transaction(|vues| {
                for (i, vue) in vues.iter().take(arbres.len()).enumerate() {
                    for cle in &a_effacer[i] {
                        vue.remove(cle)?;
                    }
                    for (cle, valeur) in &nouvelles[i] {
                        vue.insert(cle.as_bytes(), valeur.as_slice())?;
                    }
                }
                let th = &vues[arbres.len()];
                for (cle, valeur) in &historique {
                    th.insert(cle.as_slice(), valeur.as_slice())?;
                }
                let meta = &vues[arbres.len() + 1];
                match &commune {
                    Some(c) => meta.insert(CLE_COMMUNE, c.as_slice())?,
                    None => meta.remove(CLE_COMMUNE)?,
                };
                Ok::<(), ConflictableTransactionError<()>>(())
            });
        fin_de_transaction(resultat)?;
        self.valider_ecriture()
    }
}

fn fin_de_transaction(resultat: Result<(), TransactionError<()>>) -> Resultat<()> {
    match resultat {
        Ok(()) => Ok(()),
        Err(TransactionError::Storage(e)) => Err(e.into()),
        Err(TransactionError::Abort(())) => {
            Err(Erreur::Interne("écriture du registre abandonnée".into()))
        }
    }
}

/// Opens sled, waiting a little when its own file lock is still held. Our
/// `registre.verrou` already excludes other processes, so a held sled lock
/// can only be a database this process just dropped whose background
/// threads are still finishing (sled's own tests block for the same reason).
fn ouvrir_sled(dossier: &Path) -> Resultat<sled::Db> {
    const ESSAIS: u32 = 40;
    for essai in 1.. {
        // sled caches up to 1 GB by default; a commune's register needs far
        // less, and the clerk's PC runs other programs (measured with the
        // search benchmark: docs/performances-recherche.md).
        let config = sled::Config::new()
            .path(dossier.join("sled"))
            .cache_capacity(CACHE_SLED_OCTETS);
        match config.open() {
            Err(sled::Error::Io(e))
                if essai < ESSAIS && e.to_string().contains("could not acquire lock") =>
            {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            resultat => return resultat.map_err(|e| erreur_ouverture(dossier, e)),
        }
    }
    unreachable!("the loop returns by its last attempt")
}

fn erreur_ouverture(dossier: &Path, e: sled::Error) -> Erreur {
    match e {
        sled::Error::Io(source) => Erreur::EntreeSortie {
            chemin: dossier.to_path_buf(),
            source,
        },
        sled::Error::Corruption { .. } => Erreur::BaseEndommagee(format!(
            "les fichiers de « {} » sont corrompus ({e})",
            dossier.display()
        )),
        autre => Erreur::Stockage(autre),
    }
}

fn lire_format(db: &sled::Db) -> Resultat<Option<u32>> {
    let meta = db.open_tree("meta")?;
    match meta.get(CLE_FORMAT)? {
        None => Ok(None),
        Some(v) => {
            let octets: [u8; 4] = v.as_ref().try_into().map_err(|_| {
                Erreur::BaseEndommagee("la clé de version du format est illisible".into())
            })?;
            Ok(Some(u32::from_be_bytes(octets)))
        }
    }
}

fn ecrire_format(db: &sled::Db, format: u32) -> Resultat<()> {
    db.open_tree("meta")?
        .insert(CLE_FORMAT, &format.to_be_bytes())?;
    db.flush()?;
    Ok(())
}

/// Brings the database to the current format, one step at a time, or
/// refuses a database written by a newer Registre without touching it.
fn migrer(db: &sled::Db, dossier: &Path, migrations: &[Migration]) -> Resultat<()> {
    let cible = 1 + migrations.len() as u32;
    let format = match lire_format(db)? {
        Some(f) => f,
        None => {
            let vide = db
                .tree_names()
                .iter()
                .all(|nom| db.open_tree(nom).map(|t| t.is_empty()).unwrap_or(false));
            if !vide {
                return Err(Erreur::BaseEndommagee(format!(
                    "« {} » contient des données sans version de format : ce n'est pas une base Registre",
                    dossier.display()
                )));
            }
            ecrire_format(db, cible)?;
            return Ok(());
        }
    };
    if format > cible {
        return Err(Erreur::BaseTropRecente {
            chemin: dossier.to_path_buf(),
            trouve: format,
            gere: cible,
        });
    }
    if format == 0 {
        return Err(Erreur::BaseEndommagee(
            "version de format 0 inconnue".into(),
        ));
    }
    for etape in format..cible {
        migrations[(etape - 1) as usize](db)?;
        ecrire_format(db, etape + 1)?;
    }
    Ok(())
}

fn encoder<T: Serialize>(valeur: &T) -> Vec<u8> {
    serde_json::to_vec(valeur).expect("domain records always serialize")
}

fn encoder_par_cle<'a, T: Serialize + 'a>(
    enregistrements: impl Iterator<Item = (String, &'a T)>,
) -> Vec<(String, Vec<u8>)> {
    enregistrements
        .map(|(cle, valeur)| (cle, encoder(valeur)))
        .collect()
}

fn decoder<T: DeserializeOwned>(octets: &[u8], quoi: &str) -> Resultat<T> {
    serde_json::from_slice(octets).map_err(|e| {
        Erreur::BaseEndommagee(format!("un enregistrement « {quoi} » est illisible ({e})"))
    })
}

fn un<T: DeserializeOwned>(arbre: &Tree, cle: &str, quoi: &str) -> Resultat<Option<T>> {
    arbre
        .get(cle.as_bytes())?
        .map(|v| decoder(&v, quoi))
        .transpose()
}

fn tous<T: DeserializeOwned>(arbre: &Tree, quoi: &str) -> Resultat<Vec<T>> {
    arbre.iter().values().map(|v| decoder(&v?, quoi)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format_de(dossier: &Path) -> u32 {
        let db = sled::open(dossier.join("sled")).unwrap();
        lire_format(&db).unwrap().unwrap()
    }

    #[test]
    fn une_base_neuve_recoit_le_format_courant() {
        let dir = tempfile::tempdir().unwrap();
        drop(Stockage::ouvrir(dir.path()).unwrap());
        assert_eq!(format_de(dir.path()), FORMAT_STOCKAGE);
    }

    #[test]
    fn une_base_plus_recente_est_refusee_sans_etre_modifiee() {
        let dir = tempfile::tempdir().unwrap();
        {
            let db = sled::open(dir.path().join("sled")).unwrap();
            ecrire_format(&db, FORMAT_STOCKAGE + 1).unwrap();
        }
        let err = Stockage::ouvrir(dir.path()).err().expect("refused");
        assert!(
            matches!(err, Erreur::BaseTropRecente { trouve, .. } if trouve == FORMAT_STOCKAGE + 1)
        );
        assert!(err.to_string().contains("plus récente"), "{err}");
        assert_eq!(format_de(dir.path()), FORMAT_STOCKAGE + 1);
    }

    fn etape_renomme_objet(db: &sled::Db) -> Resultat<()> {
        // A format-2 change for the test: "intitule" becomes "objet".
        let t = db.open_tree("deliberations")?;
        for paire in t.iter() {
            let (cle, valeur) = paire?;
            let texte = String::from_utf8_lossy(&valeur).replace("\"intitule\"", "\"objet\"");
            t.insert(cle, texte.as_bytes())?;
        }
        Ok(())
    }

    fn etape_ajoute_marque(db: &sled::Db) -> Resultat<()> {
        db.open_tree("meta")?.insert("etape3", "faite")?;
        Ok(())
    }

    #[test]
    fn les_migrations_s_appliquent_une_a_une_dans_l_ordre() {
        let dir = tempfile::tempdir().unwrap();
        {
            let db = sled::open(dir.path().join("sled")).unwrap();
            ecrire_format(&db, 1).unwrap();
            db.open_tree("deliberations")
                .unwrap()
                .insert("2024/052", r#"{"intitule":"X"}"#)
                .unwrap();
            db.flush().unwrap();
        }
        let s =
            Stockage::ouvrir_avec(dir.path(), &[etape_renomme_objet, etape_ajoute_marque]).unwrap();
        let v = s.deliberations.get("2024/052").unwrap().unwrap();
        assert_eq!(&v[..], br#"{"objet":"X"}"#);
        assert!(s.meta.get("etape3").unwrap().is_some());
        drop(s);
        assert_eq!(format_de(dir.path()), 3);
    }

    fn etape_en_echec(_: &sled::Db) -> Resultat<()> {
        Err(Erreur::Interne("échec simulé".into()))
    }

    #[test]
    fn une_migration_en_echec_laisse_la_version_intacte() {
        let dir = tempfile::tempdir().unwrap();
        {
            let db = sled::open(dir.path().join("sled")).unwrap();
            ecrire_format(&db, 1).unwrap();
        }
        assert!(Stockage::ouvrir_avec(dir.path(), &[etape_en_echec]).is_err());
        assert_eq!(format_de(dir.path()), 1);
    }

    #[test]
    fn des_donnees_sans_version_ne_sont_pas_prises_pour_une_base_registre() {
        let dir = tempfile::tempdir().unwrap();
        {
            let db = sled::open(dir.path().join("sled")).unwrap();
            db.open_tree("autre").unwrap().insert("k", "v").unwrap();
            db.flush().unwrap();
        }
        let err = Stockage::ouvrir(dir.path()).err().unwrap();
        assert!(matches!(err, Erreur::BaseEndommagee(_)), "{err}");
    }
}
