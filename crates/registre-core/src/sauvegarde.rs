//! Backups: one self-contained JSON file holding everything the working
//! store holds — the register in the interchange format (its records), plus
//! the life of each deliberation (history, comments, readings, cancelled
//! numbers) and the signed PDFs (base64). A restore validates the whole file
//! first (interchange rules, signed PDFs against their recorded SHA-256)
//! and then replaces the store in one transaction: the current data stays
//! until the new data is fully in place.
//!
//! Automatic copies (on each close of the app, and daily) go to a folder
//! beside the database; only the last N are kept.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::cycle::{Commentaire, Evenement, NumeroAnnule};
use crate::echange::{DonneesRegistre, Echange};
use crate::erreur::{Anomalie, Erreur, Resultat};

pub const TYPE_SAUVEGARDE: &str = "registre-sauvegarde";
/// 2 added the commune's logo (`logo`, optional): a version-1 file reads
/// as before, and a Registre that knows only version 1 refuses a version-2
/// file by its version rather than by an unknown field.
pub const VERSION_SAUVEGARDE: u32 = 2;
/// Automatic copies kept when nothing else is configured.
pub const A_GARDER_PAR_DEFAUT: usize = 10;

/// The life of the deliberations, as stored beside the records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cycle {
    pub historique: Vec<Evenement>,
    /// Comments by deliberation number.
    pub commentaires: BTreeMap<String, Vec<Commentaire>>,
    /// The version of each deliberation the mayor last read.
    pub lectures: BTreeMap<String, u32>,
    pub numeros_annules: Vec<NumeroAnnule>,
    /// The signed PDFs, base64, by deliberation number.
    pub pdf_signes: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sauvegarde {
    #[serde(rename = "type")]
    pub type_: String,
    pub version: u32,
    pub cree_le: NaiveDateTime,
    /// The records, exactly as `registre export json` writes them.
    pub echange: serde_json::Value,
    pub cycle: Cycle,
    /// The commune's logo file (PNG or JPEG), base64, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
}

/// What a restore writes, once everything has been checked.
pub(crate) struct Contenu {
    pub donnees: DonneesRegistre,
    pub cycle: Cycle,
    pub pdf: BTreeMap<String, Vec<u8>>,
    pub logo: Option<Vec<u8>>,
}

pub(crate) fn ecrire(
    donnees: DonneesRegistre,
    cycle: Cycle,
    logo: Option<&[u8]>,
    le: NaiveDateTime,
) -> String {
    let echange = serde_json::to_value(Echange::nouveau(donnees)).expect("records serialize");
    let s = Sauvegarde {
        type_: TYPE_SAUVEGARDE.into(),
        version: VERSION_SAUVEGARDE,
        cree_le: le,
        echange,
        cycle,
        logo: logo.map(base64_ecrire),
    };
    serde_json::to_string_pretty(&s).expect("a backup serializes") + "\n"
}

/// Reads and checks a backup; nothing is written here.
pub(crate) fn lire(texte: &str) -> Resultat<Contenu> {
    let refus = |chemin: &str, message: String| {
        Erreur::ImportInvalide(vec![Anomalie {
            chemin: chemin.into(),
            message,
        }])
    };
    let s: Sauvegarde = serde_json::from_str(texte).map_err(|e| {
        refus(
            "",
            format!(
                "ce fichier n'est pas une sauvegarde Registre lisible (ligne {}, colonne {}) : {e}",
                e.line(),
                e.column()
            ),
        )
    })?;
    if s.type_ != TYPE_SAUVEGARDE {
        return Err(refus(
            "type",
            format!("« {} » n'est pas une sauvegarde Registre", s.type_),
        ));
    }
    if s.version > VERSION_SAUVEGARDE {
        return Err(refus(
            "version",
            format!(
                "sauvegarde de version {} : cette version de Registre lit jusqu'à la version {VERSION_SAUVEGARDE}",
                s.version
            ),
        ));
    }
    let donnees = crate::echange::lire(&s.echange.to_string())?;
    let mut pdf = BTreeMap::new();
    let mut anomalies = Vec::new();
    for (numero, b64) in &s.cycle.pdf_signes {
        let chemin = format!("cycle.pdf_signes.{numero}");
        let Some(octets) = base64_lire(b64) else {
            anomalies.push(Anomalie {
                chemin,
                message: "le PDF signé n'est pas du base64 valide".into(),
            });
            continue;
        };
        // A signed PDF must still be the one whose SHA-256 was recorded.
        let attendue = donnees
            .deliberations
            .iter()
            .find(|d| d.numero.as_str() == numero)
            .and_then(|d| d.signature.as_ref())
            .map(|sig| sig.empreinte_sha256.clone());
        match attendue {
            Some(e) if e == crate::empreinte(&octets) => {
                pdf.insert(numero.clone(), octets);
            }
            Some(_) => anomalies.push(Anomalie {
                chemin,
                message: format!(
                    "le PDF signé de la délibération n° {numero} ne correspond pas à l'empreinte SHA-256 enregistrée à sa signature"
                ),
            }),
            None => anomalies.push(Anomalie {
                chemin,
                message: format!(
                    "la délibération n° {numero} n'a pas de signature enregistrée pour ce PDF"
                ),
            }),
        }
    }
    for d in &donnees.deliberations {
        if d.signature.is_some() && !s.cycle.pdf_signes.contains_key(d.numero.as_str()) {
            anomalies.push(Anomalie {
                chemin: "cycle.pdf_signes".into(),
                message: format!(
                    "le PDF signé de la délibération n° {} manque à la sauvegarde",
                    d.numero
                ),
            });
        }
    }
    let mut logo = None;
    if let Some(b64) = &s.logo {
        match base64_lire(b64)
            .ok_or_else(|| "le logo n'est pas du base64 valide".to_string())
            .and_then(crate::logo::Logo::lire)
        {
            Ok(l) => logo = Some(l.octets),
            Err(message) => anomalies.push(Anomalie {
                chemin: "logo".into(),
                message,
            }),
        }
    }
    if !anomalies.is_empty() {
        return Err(Erreur::ImportInvalide(anomalies));
    }
    Ok(Contenu {
        donnees,
        cycle: s.cycle,
        pdf,
        logo,
    })
}

/// The folder of automatic copies: beside the database, so that losing
/// the database folder does not lose them.
pub fn dossier_automatique(base: &Path) -> PathBuf {
    let nom = base
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "registre".into());
    base.with_file_name(format!("{nom}-sauvegardes"))
}

/// "registre-20240515-183000.json": sorts by date, Windows-safe.
pub fn nom_automatique(le: NaiveDateTime) -> String {
    format!("registre-{}.json", le.format("%Y%m%d-%H%M%S"))
}

/// The automatic copies in `dossier`, oldest first.
pub fn copies(dossier: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dossier)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("registre-") && n.ends_with(".json"))
        })
        .collect();
    v.sort();
    v
}

/// The date of the newest automatic copy, read from its name.
pub fn derniere_copie(dossier: &Path) -> Option<NaiveDateTime> {
    copies(dossier).last().and_then(|p| {
        let nom = p.file_name()?.to_str()?;
        NaiveDateTime::parse_from_str(&nom[9..24], "%Y%m%d-%H%M%S").ok()
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub(crate) fn base64_ecrire(octets: &[u8]) -> String {
    let mut s = String::with_capacity(octets.len().div_ceil(3) * 4);
    for bloc in octets.chunks(3) {
        let n = (u32::from(bloc[0]) << 16)
            | (u32::from(*bloc.get(1).unwrap_or(&0)) << 8)
            | u32::from(*bloc.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= bloc.len() {
                s.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

pub(crate) fn base64_lire(texte: &str) -> Option<Vec<u8>> {
    let texte = texte.trim_end_matches('=');
    let mut octets = Vec::with_capacity(texte.len() * 3 / 4);
    let mut n: u32 = 0;
    let mut bits = 0;
    for c in texte.bytes() {
        let v = ALPHABET.iter().position(|&a| a == c)? as u32;
        n = (n << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            octets.push((n >> bits) as u8);
            n &= (1 << bits) - 1;
        }
    }
    Some(octets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn le_base64_fait_l_aller_retour() {
        for octets in [&b""[..], b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar"] {
            let t = base64_ecrire(octets);
            assert_eq!(base64_lire(&t).unwrap(), octets, "{t}");
        }
        assert_eq!(base64_ecrire(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64_ecrire(b"fo"), "Zm8=");
        assert!(base64_lire("Zm9v!").is_none());
    }

    #[test]
    fn les_copies_automatiques_sont_a_cote_de_la_base_et_datees() {
        let d = chrono::NaiveDate::from_ymd_opt(2024, 5, 15)
            .unwrap()
            .and_hms_opt(18, 30, 0)
            .unwrap();
        assert_eq!(nom_automatique(d), "registre-20240515-183000.json");
        assert_eq!(
            dossier_automatique(Path::new("/x/registre-db")),
            PathBuf::from("/x/registre-db-sauvegardes")
        );
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(nom_automatique(d)), "{}").unwrap();
        std::fs::write(dir.path().join("autre.json"), "{}").unwrap();
        assert_eq!(derniere_copie(dir.path()), Some(d));
    }
}
