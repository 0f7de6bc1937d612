//! Shared helpers: run the CLI, make temporary databases.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Sortie {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn registre(db: &Path, args: &[&str]) -> Sortie {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(env!("CARGO_BIN_EXE_registre"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("REGISTRE_DB")
        .output()
        .expect("the registre binary runs");
    Sortie {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}

pub fn reussit(db: &Path, args: &[&str]) -> String {
    let s = registre(db, args);
    assert_eq!(s.code, 0, "registre {args:?} failed: {}", s.stderr);
    s.stdout
}

/// A temporary folder with a database already holding the demo register.
pub fn base_demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    reussit(dir.path(), &["demo"]);
    dir
}

pub fn copier_dossier(source: &Path, cible: &Path) {
    std::fs::create_dir_all(cible).unwrap();
    for entree in std::fs::read_dir(source).unwrap() {
        let entree = entree.unwrap();
        let destination = cible.join(entree.file_name());
        if entree.file_type().unwrap().is_dir() {
            copier_dossier(&entree.path(), &destination);
        } else {
            std::fs::copy(entree.path(), destination).unwrap();
        }
    }
}

pub fn fixture(nom: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(nom)
}

/// A fixed "now" for the core's API (the core never reads the clock).
pub fn maintenant() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2024, 5, 20)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}
