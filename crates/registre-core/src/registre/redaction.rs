//! Drafting and the mayor's review on an open register: creating and
//! editing a deliberation, its statuses, comments, the mayor's readings, the
//! signature with the SHA-256 of the signed PDF, and the history that keeps
//! every step. The rules themselves are in [`crate::cycle`] and
//! [`crate::diff`]; this module loads, applies and stores in one transaction.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::Registre;
use crate::avancement::Avancement;
use crate::cycle::{
    self, Acteur, Action, Commentaire, Contexte, DemandeTransition, Evenement, NumeroAnnule,
    Resolution, Role,
};
use crate::diff::{self, ChampModifie};
use crate::domaine::{
    actes, texte, Correction, Decision, Deliberation, NatureActe, NumeroActes, NumeroDeliberation,
    Scrutin, Signature, Statut, Vote,
};
use crate::erreur::{Anomalie, Erreur, Resultat};
use crate::stockage::Ecriture;
use crate::{echange, pdf};

/// A deliberation as the drafting form edits it. The exposé travels as the
/// clerk types it (marks `**gras**`, `_italique_`, `- ` for a list item); the
/// core turns it into structure. Attendance changes, nominal votes and
/// non-participants are kept as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Redaction {
    /// Empty for a new deliberation: the next number of the séance's year is given.
    pub numero: String,
    pub seance: String,
    pub objet: String,
    #[ts(optional = nullable)]
    pub rapporteur: Option<String>,
    pub visas: Vec<String>,
    pub expose: String,
    pub decisions: Vec<Decision>,
    pub vote: Vote,
    pub scrutin: Scrutin,
    pub nature: NatureActe,
    #[ts(optional = nullable)]
    pub matiere: Option<String>,
    #[ts(optional = nullable)]
    pub convention: Option<String>,
    #[ts(optional = nullable)]
    pub corrige: Option<Correction>,
    /// Read only: the status when read (a save ignores it), so the form
    /// knows whether the text may still be edited.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub statut: Option<Statut>,
}

/// What a save returns: the number (given to a new deliberation) and the
/// version now in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Enregistrement {
    pub numero: String,
    pub version: u32,
    pub statut: Statut,
}

/// One line of a deliberation's history.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EntreeHistorique {
    pub rang: u32,
    pub le: NaiveDateTime,
    pub par: Acteur,
    pub action: Action,
    pub libelle: String,
    pub version: u32,
    pub statut: Statut,
}

/// What the mayor's review view shows for one deliberation.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Revue {
    pub numero: String,
    pub objet: String,
    pub statut: Statut,
    /// Current version of the text.
    pub version: u32,
    /// The version the mayor last read; none before his first reading.
    #[ts(optional = nullable)]
    pub version_lue: Option<u32>,
    /// What changed since that version (empty when he has read the current one).
    pub changements: Vec<ChampModifie>,
    pub commentaires: Vec<Commentaire>,
}

/// A line of the mayor's "à relire" list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AttenteMaire {
    pub numero: String,
    pub objet: String,
    pub date_seance: chrono::NaiveDate,
    pub statut: Statut,
    /// When it was submitted to him (the oldest come first); unknown for an
    /// act imported already submitted, which then comes first.
    #[ts(optional = nullable)]
    pub soumis_le: Option<NaiveDateTime>,
    pub version: u32,
    #[ts(optional = nullable)]
    pub version_lue: Option<u32>,
    /// Changed since his last reading (or never read).
    pub a_changer_depuis_lecture: bool,
    pub commentaires_ouverts: u32,
}

/// Whether a PDF file is one the register recorded at a signature.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ControlePdf {
    pub empreinte_sha256: String,
    /// The deliberation whose signed PDF has exactly these bytes, if any.
    #[ts(optional = nullable)]
    pub deliberation: Option<String>,
    #[ts(optional = nullable)]
    pub signature: Option<Signature>,
}

/// Lowercase hexadecimal SHA-256.
pub fn empreinte(octets: &[u8]) -> String {
    Sha256::digest(octets)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Registre {
    /// Who acts in a role: the clerk, or the maire named in the commune's profile.
    pub fn acteur(&self, role: Role) -> Resultat<Acteur> {
        Ok(match role {
            Role::Secretariat => Acteur::secretariat(),
            Role::Maire => {
                let commune = self.stockage.commune()?;
                let nom = commune
                    .and_then(|c| {
                        self.stockage
                            .elus()
                            .ok()?
                            .into_iter()
                            .find(|e| e.id == c.maire)
                    })
                    .map(|e| e.nom_complet())
                    .unwrap_or_else(|| "le maire".into());
                Acteur::maire(&nom)
            }
        })
    }

    /// The next free number of the séance's year ("2024/053" after
    /// "2024/052"): numbers follow the séances' order and never reuse one.
    pub fn proposer_numero(&self, seance: &str) -> Resultat<String> {
        let s = self.lire_seance(seance)?;
        let annee = chrono::Datelike::year(&s.date);
        // Cancelled numbers are never given again.
        let dernier = self
            .stockage
            .numeros_de_l_annee(&annee.to_string())?
            .iter()
            .filter_map(|n| n.get(5..)?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        if dernier >= 999 {
            return Err(Erreur::invalide(
                "numero",
                format!("l'année {annee} a déjà 999 délibérations"),
            ));
        }
        Ok(format!("{annee}/{:03}", dernier + 1))
    }

    /// Records why a number is left unused, so the numbering has no
    /// unexplained hole; refused for a number in use.
    pub fn annuler_numero(
        &self,
        numero: &str,
        motif: &str,
        par: &Acteur,
        le: NaiveDateTime,
    ) -> Resultat<NumeroAnnule> {
        let n = NumeroDeliberation::new(numero).map_err(|m| Erreur::invalide("numero", m))?;
        if self.stockage.deliberation(numero)?.is_some() {
            return Err(Erreur::invalide(
                "numero",
                format!("le numéro {n} est celui d'une délibération du registre"),
            ));
        }
        if motif.trim().is_empty() {
            return Err(Erreur::invalide(
                "motif",
                "indiquez pourquoi ce numéro n'est pas utilisé",
            ));
        }
        let a = NumeroAnnule {
            numero: n.to_string(),
            motif: motif.trim().to_owned(),
            le,
            par: par.clone(),
        };
        self.stockage.annuler_numero(&a)?;
        Ok(a)
    }

    pub fn numeros_annules(&self) -> Resultat<Vec<NumeroAnnule>> {
        self.stockage.numeros_annules()
    }

    /// The deliberation as the drafting form edits it.
    pub fn lire_redaction(&self, numero: &str) -> Resultat<Redaction> {
        let d = self.deliberation(numero)?;
        Ok(Redaction {
            numero: d.numero.to_string(),
            seance: d.seance.clone(),
            objet: d.objet.clone(),
            rapporteur: d.rapporteur.clone(),
            visas: d.visas.clone(),
            expose: texte::vers_saisie(&d.expose),
            decisions: d.decisions.clone(),
            vote: d.vote.clone(),
            scrutin: d.scrutin,
            nature: d.nature,
            matiere: d.matiere.clone(),
            convention: d.convention.clone(),
            corrige: d.corrige,
            statut: Some(d.statut),
        })
    }

    /// Creates (empty `numero`) or updates a draft. Refused once the mayor
    /// has declared it bon pour signature, and for good once signed. Every
    /// save is a version in the history; saves by the same person within a
    /// few minutes (autosave) make one version.
    pub fn enregistrer_redaction(
        &self,
        r: Redaction,
        par: &Acteur,
        le: NaiveDateTime,
    ) -> Resultat<Enregistrement> {
        let nouvelle = r.numero.trim().is_empty();
        let numero = if nouvelle {
            self.proposer_numero(&r.seance)?
        } else {
            NumeroDeliberation::new(r.numero.trim())
                .map_err(|m| Erreur::invalide("numero", m))?
                .to_string()
        };
        let existante = self.stockage.deliberation(&numero)?;
        if nouvelle && existante.is_some() {
            return Err(Erreur::invalide(
                "numero",
                format!("le numéro {numero} est déjà pris"),
            ));
        }
        if let Some(d) = &existante {
            cycle::exiger_modifiable(d).map_err(Erreur::ActeSigne)?;
        }
        let d = self.construire(r, &numero, existante.as_ref())?;
        if existante.as_ref() == Some(&d) {
            let version = self.version_courante(&numero)?;
            return Ok(Enregistrement {
                numero,
                version,
                statut: d.statut,
            });
        }
        let historique = self.historique_ou_base(existante.as_ref(), par, le)?;
        let derniere = historique.last();
        let version = derniere.map(|e| e.version).unwrap_or(0);
        let lue = self.stockage.lecture(&numero)?;
        let evenement = match derniere {
            // Autosave: replace the last creation or modification unless
            // the mayor has read that version since.
            Some(e) if cycle::fusionne_avec(e, par, le) && lue != Some(e.version) => Evenement {
                rang: e.rang,
                le,
                par: par.clone(),
                action: e.action.clone(),
                version: e.version,
                deliberation: d.clone(),
            },
            _ => Evenement {
                rang: derniere.map(|e| e.rang + 1).unwrap_or(1),
                le,
                par: par.clone(),
                action: if existante.is_some() {
                    Action::Modification
                } else {
                    Action::Creation
                },
                version: version + 1,
                deliberation: d.clone(),
            },
        };
        let version = evenement.version;
        let mut evenements = historique
            .iter()
            .filter(|e| e.rang > self.rangs_stockes(&numero))
            .cloned()
            .collect::<Vec<_>>();
        evenements.push(evenement);
        self.stockage.ecrire(&Ecriture {
            numero: &numero,
            deliberation: Some(&d),
            evenements,
            ..Ecriture::default()
        })?;
        Ok(Enregistrement {
            numero,
            version,
            statut: d.statut,
        })
    }

    /// Starts a new draft from an earlier deliberation (the same convention
    /// renewed every year): objet, visas, exposé, dispositif, matière are
    /// copied; the vote, the attendance and the signature are not.
    pub fn creer_depuis(
        &self,
        modele: &str,
        seance: &str,
        par: &Acteur,
        le: NaiveDateTime,
    ) -> Resultat<Enregistrement> {
        let m = self.lire_redaction(modele)?;
        self.lire_seance(seance)?;
        self.enregistrer_redaction(
            Redaction {
                numero: String::new(),
                seance: seance.to_owned(),
                vote: Vote::Unanimite,
                convention: None,
                corrige: None,
                ..m
            },
            par,
            le,
        )
    }

    /// Moves a deliberation to its next status after checking the rules of
    /// [`cycle::appliquer`]. At signature, `pdf_signe` is the exact file the
    /// mayor signed; when none is given, the final PDF (without the PROJET
    /// mark) is rendered now. Its bytes and SHA-256 are recorded.
    pub fn changer_statut(
        &self,
        numero: &str,
        demande: &DemandeTransition,
        par: &Acteur,
        le: NaiveDateTime,
        pdf_signe: Option<Vec<u8>>,
    ) -> Resultat<Enregistrement> {
        let mut d = self.deliberation(numero)?;
        let depuis = d.statut;
        let detail = self.lire_deliberation(numero)?;
        let seance = self.lire_seance(&d.seance)?;
        let commentaires_ouverts = self
            .stockage
            .commentaires(numero)?
            .iter()
            .filter(|c| c.resolu.is_none())
            .count();
        cycle::appliquer(
            &mut d,
            demande,
            &Contexte {
                par,
                date_seance: seance.date,
                diagnostics: &detail.diagnostics,
                commentaires_ouverts,
            },
        )
        .map_err(Erreur::Transition)?;
        let mut octets = None;
        if matches!(demande, DemandeTransition::Signer) {
            let fichier = match pdf_signe {
                Some(f) => f,
                None => self.rendre_final(&d, le)?,
            };
            d.signature = Some(Signature {
                le,
                par: par.nom.clone(),
                empreinte_sha256: empreinte(&fichier),
                octets: fichier.len() as u64,
            });
            octets = Some(fichier);
        }
        let historique = self.historique_ou_base(Some(&self.deliberation(numero)?), par, le)?;
        let derniere = historique.last().expect("the baseline exists");
        let motif = match demande {
            DemandeTransition::RenvoyerEnBrouillon { motif } => Some(motif.trim().to_owned()),
            _ => None,
        };
        let mut evenements: Vec<Evenement> = historique
            .iter()
            .filter(|e| e.rang > self.rangs_stockes(numero))
            .cloned()
            .collect();
        evenements.push(Evenement {
            rang: derniere.rang + 1,
            le,
            par: par.clone(),
            action: Action::Transition {
                de: depuis,
                vers: d.statut,
                motif,
            },
            version: derniere.version,
            deliberation: d.clone(),
        });
        self.stockage.ecrire(&Ecriture {
            numero,
            deliberation: Some(&d),
            evenements,
            pdf: octets.as_deref(),
            ..Ecriture::default()
        })?;
        Ok(Enregistrement {
            numero: numero.to_owned(),
            version: derniere.version,
            statut: d.statut,
        })
    }

    /// Adds a comment on the current version.
    pub fn commenter(
        &self,
        numero: &str,
        texte_commentaire: &str,
        par: &Acteur,
        le: NaiveDateTime,
    ) -> Resultat<Commentaire> {
        let d = self.deliberation(numero)?;
        let texte_commentaire = texte_commentaire.trim();
        if texte_commentaire.is_empty() {
            return Err(Erreur::invalide("commentaire", "le commentaire est vide"));
        }
        let id = self
            .stockage
            .commentaires(numero)?
            .iter()
            .map(|c| c.id)
            .max()
            .unwrap_or(0)
            + 1;
        let historique = self.historique_ou_base(Some(&d), par, le)?;
        let derniere = historique.last().expect("the baseline exists");
        let commentaire = Commentaire {
            id,
            le,
            par: par.clone(),
            texte: texte_commentaire.to_owned(),
            version: derniere.version,
            resolu: None,
        };
        self.noter(
            numero,
            &d,
            historique,
            Action::Commentaire {
                id,
                texte: commentaire.texte.clone(),
            },
            par,
            le,
            Some(&commentaire),
            None,
        )?;
        Ok(commentaire)
    }

    pub fn resoudre_commentaire(
        &self,
        numero: &str,
        id: u32,
        par: &Acteur,
        le: NaiveDateTime,
    ) -> Resultat<Commentaire> {
        let d = self.deliberation(numero)?;
        let mut c = self
            .stockage
            .commentaires(numero)?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or_else(|| {
                Erreur::Introuvable(format!(
                    "La délibération n° {numero} n'a pas de commentaire n° {id}."
                ))
            })?;
        if c.resolu.is_some() {
            return Ok(c);
        }
        c.resolu = Some(Resolution {
            le,
            par: par.clone(),
        });
        let historique = self.historique_ou_base(Some(&d), par, le)?;
        self.noter(
            numero,
            &d,
            historique,
            Action::CommentaireResolu { id },
            par,
            le,
            Some(&c),
            None,
        )?;
        Ok(c)
    }

    /// Records that the mayor has read the current version: the next
    /// review shows only what changes after it.
    pub fn marquer_lu(&self, numero: &str, par: &Acteur, le: NaiveDateTime) -> Resultat<u32> {
        if par.role != Role::Maire {
            return Err(Erreur::Transition(
                "Seul le maire marque une délibération comme lue.".into(),
            ));
        }
        let d = self.deliberation(numero)?;
        let historique = self.historique_ou_base(Some(&d), par, le)?;
        let version = historique.last().expect("the baseline exists").version;
        if self.stockage.lecture(numero)? == Some(version) {
            return Ok(version);
        }
        self.noter(
            numero,
            &d,
            historique,
            Action::Lecture,
            par,
            le,
            None,
            Some(version),
        )?;
        Ok(version)
    }

    /// What the mayor sees: the current text's changes since his last
    /// reading, and the comments.
    pub fn revue(&self, numero: &str) -> Resultat<Revue> {
        let d = self.deliberation(numero)?;
        let historique = self.stockage.historique(numero)?;
        let version = historique.last().map(|e| e.version).unwrap_or(1);
        let version_lue = self.stockage.lecture(numero)?;
        let changements = match version_lue {
            Some(v) if v < version => historique
                .iter()
                .rev()
                .find(|e| e.version == v)
                .map(|e| diff::comparer(&e.deliberation, &d))
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        Ok(Revue {
            numero: numero.to_owned(),
            objet: d.objet.clone(),
            statut: d.statut,
            version,
            version_lue,
            changements,
            commentaires: self.stockage.commentaires(numero)?,
        })
    }

    /// Everything waiting for the mayor (submitted to him), oldest first.
    pub fn a_relire(&self) -> Resultat<Vec<AttenteMaire>> {
        let seances = self.stockage.seances()?;
        let mut attentes = Vec::new();
        for d in self.stockage.deliberations()? {
            if d.statut != Statut::SoumisAuMaire {
                continue;
            }
            let numero = d.numero.to_string();
            let historique = self.stockage.historique(&numero)?;
            let soumis_le = historique
                .iter()
                .rev()
                .find(|e| {
                    matches!(
                        e.action,
                        Action::Transition {
                            vers: Statut::SoumisAuMaire,
                            ..
                        }
                    )
                })
                .map(|e| e.le);
            let date_seance = seances
                .iter()
                .find(|s| s.id == d.seance)
                .map(|s| s.date)
                .unwrap_or_default();
            let version = historique.last().map(|e| e.version).unwrap_or(1);
            let version_lue = self.stockage.lecture(&numero)?;
            attentes.push(AttenteMaire {
                soumis_le,
                objet: d.objet.clone(),
                date_seance,
                statut: d.statut,
                version,
                version_lue,
                a_changer_depuis_lecture: version_lue != Some(version),
                commentaires_ouverts: self
                    .stockage
                    .commentaires(&numero)?
                    .iter()
                    .filter(|c| c.resolu.is_none())
                    .count() as u32,
                numero,
            });
        }
        attentes.sort_by(|a, b| (a.soumis_le, &a.numero).cmp(&(b.soumis_le, &b.numero)));
        Ok(attentes)
    }

    /// The whole history of a deliberation, oldest first.
    pub fn historique(&self, numero: &str) -> Resultat<Vec<EntreeHistorique>> {
        self.deliberation(numero)?;
        Ok(self
            .stockage
            .historique(numero)?
            .into_iter()
            .map(|e| EntreeHistorique {
                libelle: e.action.libelle(),
                statut: e.deliberation.statut,
                rang: e.rang,
                le: e.le,
                par: e.par,
                action: e.action,
                version: e.version,
            })
            .collect())
    }

    /// One version of the text, as it stood (for "voir cette version").
    pub fn version(&self, numero: &str, version: u32) -> Resultat<Deliberation> {
        self.stockage
            .historique(numero)?
            .into_iter()
            .rev()
            .find(|e| e.version == version)
            .map(|e| e.deliberation)
            .ok_or_else(|| {
                Erreur::Introuvable(format!(
                    "La délibération n° {numero} n'a pas de version {version}."
                ))
            })
    }

    /// The PDF recorded at signature, byte for byte.
    pub fn pdf_signe(&self, numero: &str) -> Resultat<Vec<u8>> {
        self.deliberation(numero)?;
        self.stockage.pdf_signe(numero)?.ok_or_else(|| {
            Erreur::Introuvable(format!(
                "La délibération n° {numero} n'a pas de PDF signé enregistré."
            ))
        })
    }

    /// Says whether `octets` is exactly a PDF recorded at a signature.
    pub fn controler_pdf(&self, octets: &[u8]) -> Resultat<ControlePdf> {
        let empreinte_sha256 = empreinte(octets);
        let trouvee = self.stockage.deliberations()?.into_iter().find(|d| {
            d.signature
                .as_ref()
                .is_some_and(|s| s.empreinte_sha256 == empreinte_sha256)
        });
        Ok(ControlePdf {
            empreinte_sha256,
            deliberation: trouvee.as_ref().map(|d| d.numero.to_string()),
            signature: trouvee.and_then(|d| d.signature),
        })
    }

    /// The history entries an import writes: for each deliberation it
    /// creates or changes, an "Import" version (after a baseline of the old
    /// text when that had no history yet).
    pub(super) fn evenements_import(
        &self,
        nouvelles: &crate::echange::DonneesRegistre,
        le: NaiveDateTime,
    ) -> Resultat<Vec<Evenement>> {
        let par = Acteur::secretariat();
        let mut evenements = Vec::new();
        for d in &nouvelles.deliberations {
            let numero = d.numero.to_string();
            let actuelle = self.stockage.deliberation(&numero)?;
            let mut historique = self.historique_ou_base(actuelle.as_ref(), &par, le)?;
            let stockes = self.rangs_stockes(&numero);
            if historique.last().map(|e| &e.deliberation) == Some(d) {
                evenements.extend(historique.into_iter().filter(|e| e.rang > stockes));
                continue;
            }
            let (rang, version) = historique
                .last()
                .map(|e| (e.rang + 1, e.version + 1))
                .unwrap_or((1, 1));
            historique.push(Evenement {
                rang,
                le,
                par: par.clone(),
                action: Action::Import,
                version,
                deliberation: d.clone(),
            });
            evenements.extend(historique.into_iter().filter(|e| e.rang > stockes));
        }
        Ok(evenements)
    }

    /// The SCDL open-data CSV of the adopted deliberations (of `annee`
    /// when given); refused, with every faulty deliberation named, when a
    /// row would break the schema.
    pub fn exporter_scdl(&self, annee: Option<i32>) -> Resultat<String> {
        let commune = self
            .stockage
            .commune()?
            .ok_or_else(|| Erreur::invalide("commune", "le registre n'a pas encore de commune"))?;
        let lignes = crate::scdl::lignes(
            &commune,
            &self.stockage.seances()?,
            &self.stockage.elus()?,
            &self.stockage.deliberations()?,
            annee,
        )
        .map_err(Erreur::ExportInvalide)?;
        Ok(crate::scdl::csv(&lignes))
    }

    /// The ACTES package of a signed act: the signed PDF, the annexed
    /// convention as a PDF, the TdT metadata and the `actes:Acte` XML.
    /// `classification` is the date of the commune's ACTES classification
    /// (given by its TdT), when known.
    pub fn paquet_actes(
        &self,
        numero: &str,
        classification: Option<chrono::NaiveDate>,
        le: NaiveDateTime,
    ) -> Resultat<(
        crate::paquet_actes::Metadonnees,
        Vec<crate::paquet_actes::Fichier>,
    )> {
        let d = self.deliberation(numero)?;
        let commune = self
            .stockage
            .commune()?
            .ok_or_else(|| Erreur::invalide("commune", "le registre n'a pas encore de commune"))?;
        let seance = self.lire_seance(&d.seance)?;
        let pdf_signe = if d.statut >= Statut::Signe {
            self.pdf_signe(numero)?
        } else {
            Vec::new()
        };
        let mut annexes = Vec::new();
        if let (Some(id), true) = (&d.convention, d.statut >= Statut::Signe) {
            let source = pdf::source_convention(&self.stockage, id)?;
            annexes.push((id.clone(), pdf::convention(&source, le)?.octets));
        }
        let autres_numeros = self
            .stockage
            .deliberations()?
            .into_iter()
            .filter(|x| x.numero != d.numero)
            .filter_map(|x| x.numero_actes.map(|n| n.to_string()))
            .collect();
        crate::paquet_actes::preparer(&crate::paquet_actes::Entree {
            commune: &commune,
            deliberation: &d,
            date_decision: seance.date,
            pdf_signe: &pdf_signe,
            annexes,
            autres_numeros,
            classification,
            prepare_le: le,
        })
        .map_err(|refus| {
            Erreur::ExportInvalide(
                refus
                    .into_iter()
                    .map(|message| Anomalie {
                        chemin: format!("délibération n° {numero}"),
                        message,
                    })
                    .collect(),
            )
        })
    }

    /// The files for the commune's website: the signed PDF of each act
    /// whose séance falls between `du` and `au`, and the index page dated
    /// `mise_en_ligne` (R2131-1). Acts not yet signed are left out.
    pub fn publication(
        &self,
        du: chrono::NaiveDate,
        au: chrono::NaiveDate,
        mise_en_ligne: chrono::NaiveDate,
    ) -> Resultat<Vec<crate::paquet_actes::Fichier>> {
        self.publication_suivie(du, au, mise_en_ligne, &Avancement::muet())
    }

    /// The same, each signed act read reported to `avancement`, which may
    /// cancel it between acts.
    pub fn publication_suivie(
        &self,
        du: chrono::NaiveDate,
        au: chrono::NaiveDate,
        mise_en_ligne: chrono::NaiveDate,
        avancement: &Avancement,
    ) -> Resultat<Vec<crate::paquet_actes::Fichier>> {
        if au < du {
            return Err(Erreur::invalide(
                "au",
                "la fin de la période précède son début",
            ));
        }
        let commune = self
            .stockage
            .commune()?
            .ok_or_else(|| Erreur::invalide("commune", "le registre n'a pas encore de commune"))?;
        let seances = self.stockage.seances()?;
        let mut retenues: Vec<(Deliberation, chrono::NaiveDate)> = self
            .stockage
            .deliberations()?
            .into_iter()
            .filter(|d| d.statut >= Statut::Signe)
            .filter_map(|d| {
                let date = seances.iter().find(|s| s.id == d.seance)?.date;
                (du..=au).contains(&date).then_some((d, date))
            })
            .collect();
        retenues.sort_by(|a, b| a.0.numero.cmp(&b.0.numero));
        let total = retenues.len();
        let mut actes = Vec::new();
        avancement.etape(0, total)?;
        for (rang, (d, date)) in retenues.into_iter().enumerate() {
            if rang > 0 {
                avancement.etape(rang, total)?;
            }
            let numero = d.numero.to_string();
            actes.push(crate::publication::ActePublie {
                octets: self.pdf_signe(&numero)?,
                fichier: crate::publication::nom_de_fichier(&numero),
                date_seance: date,
                objet: d.objet,
                numero,
            });
        }
        avancement.etape(total, total)?;
        Ok(crate::publication::fichiers(
            &commune.nom,
            du,
            au,
            mise_en_ligne,
            actes,
        ))
    }

    fn deliberation(&self, numero: &str) -> Resultat<Deliberation> {
        NumeroDeliberation::new(numero).map_err(|m| Erreur::invalide("numero", m))?;
        self.stockage.deliberation(numero)?.ok_or_else(|| {
            Erreur::Introuvable(format!(
                "La délibération n° {numero} n'existe pas dans le registre."
            ))
        })
    }

    fn version_courante(&self, numero: &str) -> Resultat<u32> {
        Ok(self
            .stockage
            .historique(numero)?
            .last()
            .map(|e| e.version)
            .unwrap_or(1))
    }

    /// The number of history entries already stored (entries of higher
    /// rang returned by [`Self::historique_ou_base`] are still to write).
    fn rangs_stockes(&self, numero: &str) -> u32 {
        self.stockage
            .historique(numero)
            .ok()
            .and_then(|h| h.last().map(|e| e.rang))
            .unwrap_or(0)
    }

    /// The stored history; for a record that predates it (an import, the
    /// demo, a format-1 database), a baseline "Import" entry of its current
    /// text is added first, dated now, so every change has a version before it.
    fn historique_ou_base(
        &self,
        d: Option<&Deliberation>,
        par: &Acteur,
        le: NaiveDateTime,
    ) -> Resultat<Vec<Evenement>> {
        let Some(d) = d else {
            return Ok(Vec::new());
        };
        let historique = self.stockage.historique(d.numero.as_str())?;
        if !historique.is_empty() {
            return Ok(historique);
        }
        Ok(vec![Evenement {
            rang: 1,
            le,
            par: par.clone(),
            action: Action::Import,
            version: 1,
            deliberation: d.clone(),
        }])
    }

    /// Appends one entry that does not change the text (comment, reading).
    #[allow(clippy::too_many_arguments)]
    fn noter(
        &self,
        numero: &str,
        d: &Deliberation,
        historique: Vec<Evenement>,
        action: Action,
        par: &Acteur,
        le: NaiveDateTime,
        commentaire: Option<&Commentaire>,
        lecture: Option<u32>,
    ) -> Resultat<()> {
        let stockes = self.rangs_stockes(numero);
        let derniere = historique.last().expect("the baseline exists").clone();
        let mut evenements: Vec<Evenement> = historique
            .into_iter()
            .filter(|e| e.rang > stockes)
            .collect();
        evenements.push(Evenement {
            rang: derniere.rang + 1,
            le,
            par: par.clone(),
            action,
            version: derniere.version,
            deliberation: d.clone(),
        });
        self.stockage.ecrire(&Ecriture {
            numero,
            evenements,
            commentaire,
            lecture,
            ..Ecriture::default()
        })
    }

    /// Builds the record from the form, keeping what the form does not edit.
    fn construire(
        &self,
        r: Redaction,
        numero: &str,
        existante: Option<&Deliberation>,
    ) -> Resultat<Deliberation> {
        let numero = NumeroDeliberation::new(numero).map_err(|m| Erreur::invalide("numero", m))?;
        let seance = self.stockage.seance(&r.seance)?.ok_or_else(|| {
            Erreur::invalide(
                "seance",
                format!("la séance « {} » n'existe pas dans le registre", r.seance),
            )
        })?;
        if chrono::Datelike::year(&seance.date) != numero.annee() {
            return Err(Erreur::invalide(
                "numero",
                format!(
                    "le numéro {numero} n'est pas de l'année de la séance du {}",
                    seance.date.format("%d/%m/%Y")
                ),
            ));
        }
        if let Some(c) = &r.corrige {
            match self.stockage.deliberation(c.numero.as_str())? {
                Some(corrigee) if corrigee.statut >= Statut::Signe => {}
                Some(_) => {
                    return Err(Erreur::invalide(
                        "corrige.numero",
                        format!(
                            "la délibération n° {} n'est pas signée : corrigez-la directement",
                            c.numero
                        ),
                    ))
                }
                None => {
                    return Err(Erreur::invalide(
                        "corrige.numero",
                        format!("la délibération n° {} n'existe pas", c.numero),
                    ))
                }
            }
        }
        if let Some(code) = r.matiere.as_deref().filter(|c| !c.trim().is_empty()) {
            actes::verifier_matiere(code.trim()).map_err(|m| Erreur::invalide("matiere", m))?;
        }
        let vide = |o: Option<String>| o.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        let mut d = match existante {
            Some(e) => e.clone(),
            None => Deliberation {
                numero: numero.clone(),
                seance: seance.id.clone(),
                objet: String::new(),
                rapporteur: None,
                visas: Vec::new(),
                expose: Vec::new(),
                vote: Vote::Unanimite,
                decisions: Vec::new(),
                statut: Statut::Brouillon,
                convention: None,
                mouvements: Vec::new(),
                scrutin: Scrutin::Ordinaire,
                ne_prennent_pas_part: Vec::new(),
                votes_nominatifs: Vec::new(),
                vote_du_president: None,
                nature: NatureActe::Deliberations,
                matiere: None,
                numero_actes: None,
                corrige: None,
                signature: None,
                transmission: None,
                publication: None,
            },
        };
        if d.seance != seance.id {
            // Attendance changes belong to the séance they were recorded in.
            d.mouvements.clear();
        }
        d.seance = seance.id;
        d.objet = r.objet.trim().to_owned();
        d.rapporteur = vide(r.rapporteur);
        d.visas = r
            .visas
            .into_iter()
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect();
        d.expose = texte::depuis_saisie(&r.expose);
        d.decisions = r
            .decisions
            .into_iter()
            .map(|x| Decision {
                verbe: x.verbe.trim().to_uppercase(),
                texte: x.texte.trim().to_owned(),
            })
            .filter(|x| !(x.verbe.is_empty() && x.texte.is_empty()))
            .collect();
        d.vote = r.vote;
        d.scrutin = r.scrutin;
        d.nature = r.nature;
        d.matiere = vide(r.matiere);
        d.convention = vide(r.convention);
        d.corrige = r.corrige;
        if d.numero_actes.is_none() {
            d.numero_actes = Some(NumeroActes::depuis_numero(&d.numero));
        }
        // The same cross-record rules as an import, on the register as it
        // would be: the faulty field is named, nothing is written.
        let mut donnees = self.stockage.lire_tout()?;
        match donnees
            .deliberations
            .iter()
            .position(|x| x.numero == d.numero)
        {
            Some(i) => donnees.deliberations[i] = d.clone(),
            None => donnees.deliberations.push(d.clone()),
        }
        let rang = donnees
            .deliberations
            .iter()
            .position(|x| x.numero == d.numero)
            .expect("just placed");
        let chemin = format!("registre.deliberations[{rang}]");
        if let Some(a) = echange::anomalie_de(&donnees, &chemin, "deliberation") {
            return Err(Erreur::DonneeInvalide(a));
        }
        Ok(d)
    }

    /// The final PDF of a deliberation about to be signed: the extract with
    /// its annexed convention, without the PROJET mark.
    fn rendre_final(&self, d: &Deliberation, le: NaiveDateTime) -> Resultat<Vec<u8>> {
        let mut source = pdf::source_extrait(&self.stockage, d.numero.as_str())?;
        source.deliberation = d.clone();
        let rendu = if source.convention.is_some() {
            pdf::dossier(&source, le)?
        } else {
            pdf::extrait(&source, le)?
        };
        Ok(rendu.octets)
    }
}
