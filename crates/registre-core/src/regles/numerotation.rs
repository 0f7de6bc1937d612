//! The register's numbering: "AAAA/NNN", continuous within a year, never
//! reused. A number left unused (an item withdrawn from the agenda, a
//! numbering slip) must have its reason recorded, or the register shows a
//! hole no one can explain (R2121-9: the register is kept on numbered
//! leaves, without blanks).
//!
//! The register may start in the middle of a year (the first deliberations
//! entered in Registre): only holes between known numbers are reported.

use super::diagnostics::{CodeDiagnostic, Diagnostic, Gravite};

/// The numbers missing just before `numero` in its year: those between the
/// previous used or cancelled number and it, without a recorded reason.
/// `connus` are the year's numbers in use or cancelled, in any order.
pub fn manquants_avant(numero: &str, connus: &[String]) -> Vec<String> {
    let Some((annee, rang)) = decouper(numero) else {
        return Vec::new();
    };
    let precedent = connus
        .iter()
        .filter_map(|n| decouper(n))
        .filter(|(a, r)| *a == annee && *r < rang)
        .map(|(_, r)| r)
        .max();
    match precedent {
        Some(p) => (p + 1..rang).map(|r| format!("{annee}/{r:03}")).collect(),
        None => Vec::new(),
    }
}

fn decouper(numero: &str) -> Option<(&str, u32)> {
    let (annee, rang) = numero.split_once('/')?;
    Some((annee, rang.parse().ok()?))
}

/// The warning shown on the deliberation that follows a hole.
pub fn diagnostic_lacune(numero: &str, manquants: &[String]) -> Option<Diagnostic> {
    let (premier, dernier) = (manquants.first()?, manquants.last()?);
    let trou = if premier == dernier {
        format!("le numéro {premier} n'est pas utilisé")
    } else {
        format!("les numéros {premier} à {dernier} ne sont pas utilisés")
    };
    Some(Diagnostic {
        code: CodeDiagnostic::NumerotationLacunaire,
        gravite: Gravite::Avertissement,
        message: format!(
            "Avant la délibération n° {numero}, {trou} et aucun motif n'est enregistré. Enregistrez le motif (point retiré de l'ordre du jour, erreur de numérotation…) : registre draft skip NUMERO --motif …"
        ),
        article: "CGCT R2121-9".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn un_trou_entre_deux_numeros_est_signale() {
        let connus = n(&["2024/050", "2024/052", "2024/055"]);
        assert_eq!(manquants_avant("2024/052", &connus), n(&["2024/051"]));
        assert_eq!(
            manquants_avant("2024/055", &connus),
            n(&["2024/053", "2024/054"])
        );
        let d = diagnostic_lacune("2024/055", &n(&["2024/053", "2024/054"])).unwrap();
        assert!(d.message.contains("2024/053 à 2024/054"), "{}", d.message);
    }

    #[test]
    fn le_debut_d_annee_et_les_autres_annees_ne_comptent_pas() {
        // The register starts at 052 this year: nothing before it is a hole.
        assert!(manquants_avant("2024/052", &n(&["2024/052", "2023/120"])).is_empty());
        assert!(diagnostic_lacune("2024/052", &[]).is_none());
    }

    #[test]
    fn un_numero_annule_avec_motif_comble_le_trou() {
        // 053 cancelled with a reason is among the known numbers.
        let connus = n(&["2024/052", "2024/053", "2024/054"]);
        assert!(manquants_avant("2024/054", &connus).is_empty());
    }
}
