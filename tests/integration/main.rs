//! The one integration-test binary (ripgrep's layout): the core and the
//! `registre` CLI on temporary databases.

mod aide;
mod cli;
#[cfg(unix)]
mod panne;
mod pdf;
mod redaction;
mod registre;
mod sauvegarde;
mod scdl;
mod stockage;
