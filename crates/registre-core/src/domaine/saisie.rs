//! What a text field of the register may hold, whatever its source (the
//! app, the CLI, an import): printable text the register's font can print,
//! of a sensible length, without control characters or HTML markup. A
//! value that breaks a rule is refused with a French message naming the
//! field, never stored and never passed on to the PDF or the webview.

use std::sync::LazyLock;

use regex::Regex;

/// Longest single-line field (objet, lieu, names…): ACTES takes 499
/// characters for an objet; a title three times that is already a text.
pub const LIGNE_MAX: usize = 1_500;
/// Longest multi-line field (an exposé paragraph set, an article).
pub const TEXTE_MAX: usize = 100_000;

/// An opening or closing tag: `<script`, `</b`, `<img`, `<!--`.
static BALISE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<\s*/?\s*[A-Za-z!?]").expect("valid regex"));

/// The glyphs of the register's font (Liberation Serif): a character it
/// cannot print would come out as an empty box on the signed PDF.
static POLICE: LazyLock<rusttype::Font<'static>> = LazyLock::new(|| {
    rusttype::Font::from_bytes(&include_bytes!("../../fonts/LiberationSerif-Regular.ttf")[..])
        .expect("the embedded font parses")
});

fn imprimable(c: char) -> bool {
    POLICE.glyph(c).id().0 != 0
}

/// Checks one field; `multiligne` admits line breaks and tabs.
pub fn verifier(texte: &str, max: usize, multiligne: bool) -> Result<(), String> {
    let longueur = texte.chars().count();
    if longueur > max {
        return Err(format!(
            "le texte fait {longueur} caractères ; ce champ en admet {max} au plus"
        ));
    }
    if let Some(c) = texte
        .chars()
        .find(|&c| c.is_control() && !(multiligne && matches!(c, '\n' | '\r' | '\t')))
    {
        return Err(format!(
            "caractère de contrôle U+{:04X} non admis{}",
            c as u32,
            if multiligne {
                ""
            } else {
                " (ce champ tient sur une ligne)"
            }
        ));
    }
    if let Some(m) = BALISE.find(texte) {
        let extrait: String = texte[m.start()..].chars().take(12).collect();
        return Err(format!(
            "les balises HTML ne sont pas admises (« {extrait}… ») : écrivez « < » suivi d'une espace pour un signe inférieur"
        ));
    }
    if let Some(c) = texte.chars().find(|&c| !c.is_control() && !imprimable(c)) {
        return Err(format!(
            "le caractère « {c} » (U+{:04X}) ne peut pas être imprimé par la police du registre",
            c as u32
        ));
    }
    Ok(())
}

pub fn ligne(texte: &str) -> Result<(), String> {
    verifier(texte, LIGNE_MAX, false)
}

pub fn texte(texte: &str) -> Result<(), String> {
    verifier(texte, TEXTE_MAX, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn le_francais_ordinaire_passe() {
        for t in [
            "CONVENTION DE PARTENARIAT ACADEMIE DE MONTPELLIER/COMMUNE",
            "Mme CAROLA : 45 € TTC/école/an, œuvre, « guillemets », l'élève — fin",
            "montant < 1 000 € et > 10 €",
            "Île-de-France, Ç, Œ, ÿ, n° 2024/052, 3½",
        ] {
            assert_eq!(ligne(t), Ok(()), "{t}");
        }
        assert_eq!(texte("Premier.\n\n- un\n\t- deux"), Ok(()));
    }

    #[test]
    fn les_balises_html_sont_refusees() {
        for t in [
            "<img src=x onerror=alert(1)>",
            "x </b> y",
            "<script>alert(1)</script>",
            "< img src=x>",
            "<!-- commentaire -->",
        ] {
            let e = ligne(t).unwrap_err();
            assert!(e.contains("balises HTML"), "{t}: {e}");
        }
    }

    #[test]
    fn les_caracteres_de_controle_et_les_sauts_de_ligne_d_une_ligne_sont_refuses() {
        assert!(ligne("a\u{0}b").unwrap_err().contains("U+0000"));
        assert!(ligne("a\u{1b}[31m").unwrap_err().contains("U+001B"));
        assert!(ligne("deux\nlignes").unwrap_err().contains("une ligne"));
        assert!(texte("a\u{7}b").unwrap_err().contains("U+0007"));
    }

    #[test]
    fn un_emoji_que_la_police_n_imprime_pas_est_refuse() {
        let e = ligne("Fête 🎉").unwrap_err();
        assert!(e.contains("🎉") && e.contains("police"), "{e}");
    }

    #[test]
    fn un_texte_trop_long_est_refuse_avec_sa_longueur() {
        let long = "a".repeat(1_000_001);
        let e = texte(&long).unwrap_err();
        assert!(e.contains("1000001 caractères"), "{e}");
        assert!(ligne(&"b".repeat(LIGNE_MAX)).is_ok());
        assert!(ligne(&"b".repeat(LIGNE_MAX + 1)).is_err());
    }
}
