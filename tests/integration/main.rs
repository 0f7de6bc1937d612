//! The one integration-test binary (ripgrep's layout): the core and the
//! `registre` CLI on temporary databases.

mod aide;
mod cli;
mod generateur;
#[cfg(unix)]
mod panne;
mod pdf;
mod recherche;
mod redaction;
mod registre;
mod registre_annuel;
mod robustesse;
mod sauvegarde;
mod scdl;
mod stockage;
