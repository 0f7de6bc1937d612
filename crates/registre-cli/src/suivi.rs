//! The drafting and review commands of `registre`: drafts as JSON, status
//! changes, comments, the mayor's review, the history and the check of a
//! signed PDF. Each one is a thin call into the core, dated here (the core
//! reads no clock).

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use registre_core::cycle::{Acteur, DemandeTransition, Role};
use registre_core::domaine::{ModePublication, Publication, Transmission};
use registre_core::{diff, ecrire_atomiquement, Erreur, Redaction, Registre};

/// Exit code of `registre verify` when the file is not a recorded signed PDF.
pub const CODE_PDF_NON_CONFORME: u8 = 4;

#[derive(Clone, Copy, ValueEnum)]
pub enum Profil {
    /// La secrétaire de mairie, qui rédige.
    Secretariat,
    /// Le maire, qui relit et signe.
    Maire,
}

#[derive(Subcommand)]
pub enum ActionBrouillon {
    /// Affiche la rédaction d'une délibération en JSON (à modifier puis « draft save »).
    Get { numero: String },
    /// Enregistre une rédaction JSON (numéro vide : nouvelle délibération, numéro proposé).
    Save { fichier: PathBuf },
    /// Crée un brouillon à partir d'une délibération antérieure (même convention renouvelée…).
    From {
        modele: String,
        /// Séance de la nouvelle délibération (par exemple 2025-05-14).
        #[arg(long)]
        seance: String,
    },
    /// Propose le prochain numéro libre pour une séance.
    Numero { seance: String },
    /// Laisse un numéro inutilisé en enregistrant pourquoi (pas de trou inexpliqué dans la numérotation).
    Skip {
        numero: String,
        #[arg(long)]
        motif: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Etape {
    /// Brouillon → soumis au maire.
    Soumettre,
    /// Retour en brouillon (avec --motif).
    Renvoyer,
    /// Soumis au maire → bon pour signature (le maire).
    BonPourSignature,
    /// Bon pour signature → signé (le maire) ; enregistre l'empreinte SHA-256 du PDF.
    Signer,
    /// Signé → transmis en préfecture (avec --date, --identifiant, --accuse).
    Transmettre,
    /// Transmis → publié (avec --date et --mode).
    Publier,
    /// Publié → exécutoire.
    Executoire,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Mode {
    Electronique,
    Affichage,
    Papier,
}

#[derive(clap::Args)]
pub struct ArgsStatut {
    pub numero: String,
    #[arg(value_enum)]
    pub etape: Etape,
    /// Motif d'un renvoi en brouillon.
    #[arg(long)]
    pub motif: Option<String>,
    /// Date de transmission ou de publication, AAAA-MM-JJ.
    #[arg(long, value_parser = crate::date_iso)]
    pub date: Option<chrono::NaiveDate>,
    /// Identifiant ACTES renvoyé par le tiers de télétransmission.
    #[arg(long)]
    pub identifiant: Option<String>,
    /// Date de l'accusé de réception de la préfecture, AAAA-MM-JJ.
    #[arg(long, value_parser = crate::date_iso)]
    pub accuse: Option<chrono::NaiveDate>,
    /// Mode de publication.
    #[arg(long, value_enum)]
    pub mode: Option<Mode>,
    /// Adresse de l'acte publié en ligne (publication électronique).
    #[arg(long)]
    pub url: Option<String>,
    /// À la signature : le fichier PDF exact qui a été signé (sinon il est produit maintenant).
    #[arg(long, value_name = "FICHIER")]
    pub pdf: Option<PathBuf>,
}

fn maintenant() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

pub fn acteur(registre: &Registre, profil: Profil) -> Result<Acteur, Erreur> {
    registre.acteur(match profil {
        Profil::Secretariat => Role::Secretariat,
        Profil::Maire => Role::Maire,
    })
}

fn lire(chemin: &Path) -> Result<Vec<u8>, Erreur> {
    std::fs::read(chemin).map_err(|source| Erreur::EntreeSortie {
        chemin: chemin.to_path_buf(),
        source,
    })
}

fn manque(option: &str, etape: &str) -> Erreur {
    Erreur::Transition(format!("« {etape} » demande l'option {option}."))
}

pub fn brouillon(
    registre: &Registre,
    action: ActionBrouillon,
    profil: Profil,
) -> Result<String, Erreur> {
    Ok(match action {
        ActionBrouillon::Get { numero } => {
            crate::en_json(&registre.lire_redaction(&numero)?) + "\n"
        }
        ActionBrouillon::Save { fichier } => {
            let texte = String::from_utf8_lossy(&lire(&fichier)?).into_owned();
            let redaction: Redaction = serde_json::from_str(&texte).map_err(|e| {
                Erreur::DonneeInvalide(registre_core::Anomalie {
                    chemin: e.line().to_string(),
                    message: format!(
                        "le fichier « {} » n'est pas une rédaction valide (ligne {}, colonne {}) : {e}",
                        fichier.display(),
                        e.line(),
                        e.column()
                    ),
                })
            })?;
            let e = registre.enregistrer_redaction(
                redaction,
                &acteur(registre, profil)?,
                maintenant(),
            )?;
            eprintln!(
                "Délibération n° {} enregistrée (version {}, statut « {} »).",
                e.numero,
                e.version,
                e.statut.libelle()
            );
            format!("{}\n", e.numero)
        }
        ActionBrouillon::From { modele, seance } => {
            let e = registre.creer_depuis(
                &modele,
                &seance,
                &acteur(registre, profil)?,
                maintenant(),
            )?;
            eprintln!(
                "Brouillon n° {} créé à partir de la délibération n° {modele}.",
                e.numero
            );
            format!("{}\n", e.numero)
        }
        ActionBrouillon::Numero { seance } => format!("{}\n", registre.proposer_numero(&seance)?),
        ActionBrouillon::Skip { numero, motif } => {
            let a = registre.annuler_numero(
                &numero,
                &motif,
                &acteur(registre, profil)?,
                maintenant(),
            )?;
            format!("Numéro {} laissé inutilisé : {}\n", a.numero, a.motif)
        }
    })
}

pub fn statut(registre: &Registre, a: ArgsStatut, profil: Profil) -> Result<String, Erreur> {
    let demande = match a.etape {
        Etape::Soumettre => DemandeTransition::Soumettre,
        Etape::Renvoyer => DemandeTransition::RenvoyerEnBrouillon {
            motif: a.motif.ok_or_else(|| manque("--motif", "renvoyer"))?,
        },
        Etape::BonPourSignature => DemandeTransition::BonPourSignature,
        Etape::Signer => DemandeTransition::Signer,
        Etape::Transmettre => DemandeTransition::Transmettre(Transmission {
            date: a.date.ok_or_else(|| manque("--date", "transmettre"))?,
            identifiant_actes: a.identifiant,
            date_accuse: a.accuse,
        }),
        Etape::Publier => DemandeTransition::Publier(Publication {
            date: a.date.ok_or_else(|| manque("--date", "publier"))?,
            mode: match a.mode.ok_or_else(|| manque("--mode", "publier"))? {
                Mode::Electronique => ModePublication::Electronique,
                Mode::Affichage => ModePublication::Affichage,
                Mode::Papier => ModePublication::Papier,
            },
            url: a.url,
        }),
        Etape::Executoire => DemandeTransition::RendreExecutoire,
    };
    let pdf = a.pdf.as_deref().map(lire).transpose()?;
    let e = registre.changer_statut(
        &a.numero,
        &demande,
        &acteur(registre, profil)?,
        maintenant(),
        pdf,
    )?;
    let mut t = format!(
        "Délibération n° {} : statut « {} ».\n",
        e.numero,
        e.statut.libelle()
    );
    if let DemandeTransition::Signer = demande {
        let detail = registre.lire_deliberation(&e.numero)?;
        if let Some(s) = detail.signature {
            t.push_str(&format!(
                "PDF signé enregistré : {} octets, SHA-256 {}\n",
                s.octets, s.empreinte_sha256
            ));
        }
    }
    Ok(t)
}

pub fn historique(registre: &Registre, numero: &str, json: bool) -> Result<String, Erreur> {
    let h = registre.historique(numero)?;
    if json {
        return Ok(crate::en_json(&h) + "\n");
    }
    let mut t = format!("Historique de la délibération n° {numero}\n");
    for e in h {
        t.push_str(&format!(
            "{:>3}  {}  v{:<3} {:<22} {}  — {}\n",
            e.rang,
            e.le.format("%d/%m/%Y %H:%M:%S"),
            e.version,
            e.statut.libelle(),
            e.libelle,
            e.par.nom
        ));
    }
    Ok(t)
}

pub fn revue(registre: &Registre, numero: &str, lu: bool, json: bool) -> Result<String, Erreur> {
    let r = registre.revue(numero)?;
    if lu {
        let maire = acteur(registre, Profil::Maire)?;
        let version = registre.marquer_lu(numero, &maire, maintenant())?;
        eprintln!("Version {version} marquée comme lue par {}.", maire.nom);
    }
    if json {
        return Ok(crate::en_json(&r) + "\n");
    }
    let mut t = format!(
        "Délibération n° {} [{}], version {}\n{}\n\n",
        r.numero,
        r.statut.libelle(),
        r.version,
        r.objet
    );
    match r.version_lue {
        None => t.push_str("Première lecture : le maire n'a encore lu aucune version.\n"),
        Some(v) if r.changements.is_empty() => {
            t.push_str(&format!("Aucun changement depuis la version {v} lue.\n"))
        }
        Some(v) => {
            t.push_str(&format!("Changements depuis la version {v} lue :\n"));
            t.push_str(&diff::en_texte(&r.changements));
        }
    }
    for c in &r.commentaires {
        t.push_str(&format!(
            "\nCommentaire n° {} de {} le {}{} :\n  {}\n",
            c.id,
            c.par.nom,
            c.le.format("%d/%m/%Y %H:%M"),
            if c.resolu.is_some() { " (résolu)" } else { "" },
            c.texte
        ));
    }
    Ok(t)
}

pub fn a_relire(registre: &Registre, json: bool) -> Result<String, Erreur> {
    let liste = registre.a_relire()?;
    if json {
        return Ok(crate::en_json(&liste) + "\n");
    }
    if liste.is_empty() {
        return Ok("Rien n'attend le maire.\n".into());
    }
    Ok(liste
        .iter()
        .map(|a| {
            format!(
                "{}  soumise {}  {}{}  {}\n",
                a.numero,
                a.soumis_le
                    .map(|d| format!("le {}", d.format("%d/%m/%Y %H:%M")))
                    .unwrap_or_else(|| "avant l'historique".into()),
                if a.a_changer_depuis_lecture {
                    "à lire"
                } else {
                    "lue"
                },
                if a.commentaires_ouverts > 0 {
                    format!(", {} commentaire(s) ouvert(s)", a.commentaires_ouverts)
                } else {
                    String::new()
                },
                a.objet
            )
        })
        .collect())
}

pub fn commenter(
    registre: &Registre,
    numero: &str,
    texte: Option<String>,
    resoudre: Option<u32>,
    profil: Profil,
) -> Result<String, Erreur> {
    let par = acteur(registre, profil)?;
    match (texte, resoudre) {
        (_, Some(id)) => {
            registre.resoudre_commentaire(numero, id, &par, maintenant())?;
            Ok(format!("Commentaire n° {id} résolu.\n"))
        }
        (Some(texte), None) => {
            let c = registre.commenter(numero, &texte, &par, maintenant())?;
            Ok(format!("Commentaire n° {} ajouté.\n", c.id))
        }
        (None, None) => Err(Erreur::Transition(
            "Indiquez le texte du commentaire, ou --resoudre ID.".into(),
        )),
    }
}

/// `Ok((texte, conforme))`.
pub fn verifier(registre: &Registre, fichier: &Path, json: bool) -> Result<(String, bool), Erreur> {
    let c = registre.controler_pdf(&lire(fichier)?)?;
    let conforme = c.deliberation.is_some();
    if json {
        return Ok((crate::en_json(&c) + "\n", conforme));
    }
    let t = match (&c.deliberation, &c.signature) {
        (Some(n), Some(s)) => format!(
            "CONFORME : « {} » est le PDF signé de la délibération n° {n}, signé le {} par {}.\nSHA-256 {}\n",
            fichier.display(),
            s.le.format("%d/%m/%Y à %H:%M"),
            s.par,
            c.empreinte_sha256
        ),
        _ => format!(
            "NON CONFORME : « {} » ne correspond à aucun PDF signé du registre.\nSHA-256 {}\n",
            fichier.display(),
            c.empreinte_sha256
        ),
    };
    Ok((t, conforme))
}

pub fn pdf_signe(registre: &Registre, numero: &str, sortie: &Path) -> Result<(), Erreur> {
    let octets = registre.pdf_signe(numero)?;
    ecrire_atomiquement(sortie, &octets)?;
    eprintln!(
        "PDF signé de la délibération n° {numero} écrit : « {} » ({} octets).",
        sortie.display(),
        octets.len()
    );
    Ok(())
}
