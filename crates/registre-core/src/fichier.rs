//! Writing the files the user asks for (PDF, JSON export): the content goes
//! to a temporary file beside the target, is synced, then renamed over it,
//! so a crash or a full disk never leaves a half-written file under the
//! name the user chose.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::erreur::{Erreur, Resultat};

/// Writes `contenu` to `chemin` atomically (temporary `<chemin>.part`, then
/// rename; an existing file is replaced). On failure the temporary file is
/// removed and the target is left as it was.
pub fn ecrire_atomiquement(chemin: &Path, contenu: impl AsRef<[u8]>) -> Resultat<()> {
    let io = |source| Erreur::EntreeSortie {
        chemin: chemin.to_path_buf(),
        source,
    };
    let mut temporaire = chemin.as_os_str().to_owned();
    temporaire.push(".part");
    let temporaire = PathBuf::from(temporaire);
    let ecrire = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&temporaire)?;
        f.write_all(contenu.as_ref())?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&temporaire, chemin)
    };
    ecrire().map_err(|e| {
        let _ = std::fs::remove_file(&temporaire);
        io(e)
    })
}

/// Writes a set of files (an ACTES package, a publication) into a folder
/// that is new or empty, so a package is never mixed with an earlier one.
pub fn ecrire_dans_dossier_neuf(
    dossier: &Path,
    fichiers: &[crate::paquet_actes::Fichier],
) -> Resultat<()> {
    let io = |source| Erreur::EntreeSortie {
        chemin: dossier.to_path_buf(),
        source,
    };
    if dossier.exists() && std::fs::read_dir(dossier).map_err(io)?.next().is_some() {
        return Err(Erreur::invalide(
            "dossier",
            format!("le dossier « {} » n'est pas vide", dossier.display()),
        ));
    }
    std::fs::create_dir_all(dossier).map_err(io)?;
    for f in fichiers {
        ecrire_atomiquement(&dossier.join(&f.nom), &f.octets)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ecrit_puis_remplace_sans_laisser_de_fichier_temporaire() {
        let dossier = tempfile::tempdir().unwrap();
        let chemin = dossier.path().join("Délibération 2024-052 (copie).pdf");
        ecrire_atomiquement(&chemin, b"premier").unwrap();
        ecrire_atomiquement(&chemin, b"second").unwrap();
        assert_eq!(std::fs::read(&chemin).unwrap(), b"second");
        let noms: Vec<_> = std::fs::read_dir(dossier.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(noms.len(), 1, "{noms:?}");
    }

    #[test]
    fn un_dossier_absent_donne_une_erreur_d_entree_sortie_nommant_le_fichier() {
        let dossier = tempfile::tempdir().unwrap();
        let chemin = dossier.path().join("absent").join("d.pdf");
        let erreur = ecrire_atomiquement(&chemin, b"x").unwrap_err();
        assert!(matches!(erreur, Erreur::EntreeSortie { .. }), "{erreur:?}");
        assert!(erreur.to_string().contains("d.pdf"), "{erreur}");
        assert!(!chemin.exists());
    }
}
