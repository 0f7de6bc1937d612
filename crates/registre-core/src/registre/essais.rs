//! What the registre's unit tests share: a demo register in a folder of
//! its own.

use chrono::NaiveDateTime;

use super::Registre;

/// The day the demo is loaded, 20 May 2024 at 9 h (after the séance).
pub(crate) fn le_20_mai() -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2024, 5, 20)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

/// The demo register (Pézilla-la-Rivière), open in a temporary folder kept
/// as long as the returned guard lives.
pub(crate) fn registre_demo() -> (tempfile::TempDir, Registre) {
    let dir = tempfile::tempdir().unwrap();
    let r = Registre::ouvrir(dir.path()).unwrap();
    r.charger_demo(le_20_mai()).unwrap();
    (dir, r)
}
