//! Consistency checks of a convention and of the deliberation that approves
//! it: the period each text names, the amounts written in the articles
//! against the computed total, dates and parties. Warnings: they catch the
//! slips a mayor would otherwise sign (the reference deliberation approves
//! the convention "pour l'année scolaire 2023-2024" while it covers 2024-2025).

use std::sync::LazyLock;

use regex::Regex;

use super::diagnostics::{CodeDiagnostic, Diagnostic, Gravite};
use crate::domaine::{euros, Article, Bloc, Convention, Debut, Deliberation};

/// A span of two consecutive years, "2024-2025" or "2024/2025".
static ANNEES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(20[0-9]{2}) ?[-/–] ?(20[0-9]{2})\b").expect("valid regex"));

/// "2 x 45€ soit 90€", "2 × 45 € soit 90 €".
static CALCUL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d+) ?[x×] ?(\d+(?:,\d{1,2})?) ?€ ?(?:soit|=) ?(\d+(?:,\d{1,2})?) ?€")
        .expect("valid regex")
});

/// Where a text sits, as the message names it, and the text.
type Passage = (String, String);

fn passages_deliberation(d: &Deliberation) -> Vec<Passage> {
    let mut p = vec![("l'objet de la délibération".to_owned(), d.objet.clone())];
    p.extend(
        d.expose
            .iter()
            .map(|t| ("l'exposé de la délibération".to_owned(), t.brut())),
    );
    p.extend(
        d.decisions
            .iter()
            .map(|x| (format!("la décision « {} »", x.verbe), x.texte.clone())),
    );
    p
}

fn passages_convention(c: &Convention) -> Vec<Passage> {
    let mut p = vec![("le titre de la convention".to_owned(), c.titre.clone())];
    p.extend(textes_blocs(&c.preambule).map(|t| ("le préambule".to_owned(), t)));
    fn articles(liste: &[Article], p: &mut Vec<Passage>) {
        for a in liste {
            let ou = format!("l'article {} de la convention", a.numero);
            p.push((ou.clone(), a.titre.clone()));
            p.extend(textes_blocs(&a.contenu).map(|t| (ou.clone(), t)));
            articles(&a.sous_articles, p);
        }
    }
    articles(&c.articles, &mut p);
    p
}

fn textes_blocs(blocs: &[Bloc]) -> impl Iterator<Item = String> + '_ {
    blocs.iter().flat_map(|b| match b {
        Bloc::Paragraphe { texte } => vec![texte.clone()],
        Bloc::Liste { elements } => elements.clone(),
    })
}

fn centimes(texte: &str) -> Option<u64> {
    let (euros, cents) = texte.split_once(',').unwrap_or((texte, "0"));
    let cents = format!("{cents:0<2}");
    Some(euros.parse::<u64>().ok()? * 100 + cents.parse::<u64>().ok()?)
}

fn avertir(code: CodeDiagnostic, ou: &str, message: String) -> Diagnostic {
    Diagnostic {
        code,
        gravite: Gravite::Avertissement,
        message,
        article: format!("Cohérence : {ou}"),
    }
}

/// The deliberation and its annex agree: a text that speaks of « la
/// convention ci-annexée » has one annexed, and an annexed convention is
/// named in the text (the annex is part of the act the council votes).
pub fn verifier_annexe(d: &Deliberation) -> Option<Diagnostic> {
    let textes = std::iter::once(d.objet.clone())
        .chain(d.expose.iter().map(|a| a.brut()))
        .chain(d.decisions.iter().map(|x| x.texte.clone()));
    let cite = textes
        .map(|t| t.to_lowercase())
        .any(|t| t.contains("ci-annex") || t.contains("ci annex") || t.contains("en annexe"));
    match (cite, d.convention.is_some()) {
        (true, false) => Some(avertir(
            CodeDiagnostic::AnnexeAbsente,
            "le dispositif",
            "Le texte cite une convention « ci-annexée », mais aucune convention n'est annexée à la délibération.".into(),
        )),
        (false, true) => Some(avertir(
            CodeDiagnostic::AnnexeNonCitee,
            "le dispositif",
            "Une convention est annexée, mais le texte ne la cite pas : écrivez par exemple « APPROUVE la convention ci-annexée ».".into(),
        )),
        _ => None,
    }
}

/// Checks a convention, and the deliberation approving it when given. The
/// texts are checked as printed: placeholders filled from the data.
pub fn verifier_convention(c: &Convention, d: Option<&Deliberation>) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let remplie = match crate::convention::remplie(c) {
        Ok(r) => r,
        Err(erreurs) => {
            for (ou, message) in erreurs {
                // Printed as is, the placeholder would reach the signed PDF.
                diagnostics.push(Diagnostic {
                    code: CodeDiagnostic::ChampDeConventionInvalide,
                    gravite: Gravite::Erreur,
                    message: format!("{} : {message}.", majuscule(&ou)),
                    article: format!("Cohérence : {ou}"),
                });
            }
            c.clone()
        }
    };
    let c = &remplie;
    let periode = c.periode.as_ref();

    if let Some(attendue) = periode.and_then(|p| p.annee_scolaire.as_deref()) {
        let mut passages = d.map(passages_deliberation).unwrap_or_default();
        passages.extend(passages_convention(c));
        for (ou, texte) in passages {
            for m in ANNEES.captures_iter(&texte) {
                let (debut, fin): (i32, i32) =
                    (m[1].parse().unwrap_or(0), m[2].parse().unwrap_or(0));
                if fin != debut + 1 {
                    continue;
                }
                let nommee = format!("{debut}-{fin}");
                if nommee != attendue {
                    diagnostics.push(avertir(
                        CodeDiagnostic::PeriodeIncoherente,
                        &ou,
                        format!(
                            "{} mentionne l'année scolaire {} alors que la convention couvre l'année scolaire {attendue} : « …{}… ».",
                            majuscule(&ou),
                            &m[0],
                            extrait(&texte, m.get(0).map_or(0, |x| x.start()))
                        ),
                    ));
                }
            }
        }
    }

    if let Some(f) = &c.conditions_financieres {
        for (ou, texte) in passages_convention(c) {
            for m in CALCUL.captures_iter(&texte) {
                let quantite: u64 = m[1].parse().unwrap_or(0);
                let (unitaire, total) = (centimes(&m[2]), centimes(&m[3]));
                let (Some(unitaire), Some(total)) = (unitaire, total) else {
                    continue;
                };
                let mut ecarts = Vec::new();
                if quantite * unitaire != total {
                    ecarts.push(format!(
                        "{quantite} × {} font {}, pas {}",
                        euros(unitaire),
                        euros(quantite * unitaire),
                        euros(total)
                    ));
                }
                if quantite != u64::from(f.quantite()) {
                    ecarts.push(format!(
                        "la convention compte {} {}(s), pas {quantite}",
                        f.quantite(),
                        f.unite
                    ));
                }
                if unitaire != f.montant_unitaire_centimes {
                    ecarts.push(format!(
                        "le montant unitaire est de {}, pas {}",
                        euros(f.montant_unitaire_centimes),
                        euros(unitaire)
                    ));
                }
                if total != f.total_centimes() && quantite * unitaire == total {
                    ecarts.push(format!(
                        "le total calculé est de {}",
                        euros(f.total_centimes())
                    ));
                }
                if !ecarts.is_empty() {
                    diagnostics.push(avertir(
                        CodeDiagnostic::MontantIncoherent,
                        &ou,
                        format!(
                            "{} écrit « {} » : {}.",
                            majuscule(&ou),
                            &m[0],
                            ecarts.join(" ; ")
                        ),
                    ));
                }
            }
        }
    }

    if let Some(p) = periode {
        let debut = match &p.debut {
            Debut::Le { date } => Some(*date),
            Debut::ALaSignature => c.date_signature,
        };
        if let (Some(debut), Some(fin)) = (debut, p.fin) {
            if fin < debut {
                diagnostics.push(avertir(
                    CodeDiagnostic::FinAvantDebut,
                    "durée de la convention",
                    format!(
                        "La convention se termine le {} avant de commencer le {}.",
                        fin.format("%d/%m/%Y"),
                        debut.format("%d/%m/%Y")
                    ),
                ));
            }
        }
    }
    for partie in &c.parties {
        if partie.representant.trim().is_empty() {
            diagnostics.push(avertir(
                CodeDiagnostic::PartieSansRepresentant,
                "parties",
                format!(
                    "La partie « {} » n'a pas de représentant pour signer.",
                    partie.nom
                ),
            ));
        }
    }
    diagnostics
}

fn majuscule(texte: &str) -> String {
    let mut c = texte.chars();
    c.next()
        .map(|p| p.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A few words around `position`, to show the clerk where the slip is.
fn extrait(texte: &str, position: usize) -> String {
    let debut = texte[..position]
        .char_indices()
        .rev()
        .nth(30)
        .map_or(0, |(i, _)| i);
    let fin = texte[position..]
        .char_indices()
        .nth(20)
        .map_or(texte.len(), |(i, _)| position + i);
    texte[debut..fin].trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;

    fn reference() -> (Convention, Deliberation) {
        let r = demo::donnees();
        (r.conventions[0].clone(), r.deliberations[0].clone())
    }

    #[test]
    fn l_annexe_et_le_texte_se_repondent() {
        let (_, mut d) = reference();
        assert_eq!(
            verifier_annexe(&d),
            None,
            "the reference says « ci-annexée »"
        );
        d.convention = None;
        assert_eq!(
            verifier_annexe(&d).map(|x| x.code),
            Some(CodeDiagnostic::AnnexeAbsente)
        );
        let (_, mut d) = reference();
        for x in d.decisions.iter_mut() {
            x.texte = x.texte.replace("ci-annexée ", "");
        }
        assert_eq!(
            verifier_annexe(&d).map(|x| x.code),
            Some(CodeDiagnostic::AnnexeNonCitee)
        );
    }

    #[test]
    fn un_montant_ecrit_par_un_champ_est_juste_et_un_champ_inconnu_bloque() {
        let (mut c, d) = reference();
        c.articles[0].contenu = vec![crate::domaine::Bloc::Paragraphe {
            texte: "{{quantite}} × {{montant_unitaire}} = {{total}} {{taxe}}".into(),
        }];
        let codes: Vec<CodeDiagnostic> = verifier_convention(&c, Some(&d))
            .into_iter()
            .map(|x| x.code)
            .collect();
        assert!(
            !codes.contains(&CodeDiagnostic::MontantIncoherent),
            "{codes:?}"
        );
        assert!(!codes.contains(&CodeDiagnostic::ChampDeConventionInvalide));
        c.articles[0].contenu = vec![crate::domaine::Bloc::Paragraphe {
            texte: "{{montant}}".into(),
        }];
        let d2 = verifier_convention(&c, Some(&d));
        let e = d2
            .iter()
            .find(|x| x.code == CodeDiagnostic::ChampDeConventionInvalide)
            .expect("an unknown placeholder is reported");
        assert_eq!(e.gravite, Gravite::Erreur);
        assert!(e.message.starts_with("L'article"), "{}", e.message);
    }

    #[test]
    fn les_deux_incoherences_de_periode_du_document_de_reference_sont_signalees() {
        let (c, d) = reference();
        let diagnostics = verifier_convention(&c, Some(&d));
        let periodes: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|x| x.code == CodeDiagnostic::PeriodeIncoherente)
            .collect();
        assert_eq!(periodes.len(), 2, "{diagnostics:#?}");
        assert!(
            periodes[0]
                .message
                .starts_with("La décision « APPROUVE » mentionne l'année scolaire 2023-2024"),
            "{periodes:#?}"
        );
        assert_eq!(
            periodes[1].article,
            "Cohérence : l'article 4 de la convention"
        );
        assert!(diagnostics
            .iter()
            .all(|x| x.gravite == Gravite::Avertissement));
    }

    #[test]
    fn le_calcul_de_l_article_9_est_juste_et_conforme_aux_donnees() {
        let (c, _) = reference();
        assert_eq!(
            c.conditions_financieres.as_ref().unwrap().total_centimes(),
            9000
        );
        assert!(!verifier_convention(&c, None)
            .iter()
            .any(|x| x.code == CodeDiagnostic::MontantIncoherent));
    }

    #[test]
    fn un_total_faux_dans_le_texte_est_signale() {
        let (mut c, _) = reference();
        let Bloc::Paragraphe { texte } = &mut c.articles[8].contenu[0] else {
            panic!("article 9")
        };
        *texte = texte.replace("soit 90€", "soit 95€");
        let d = verifier_convention(&c, None);
        let m = d
            .iter()
            .find(|x| x.code == CodeDiagnostic::MontantIncoherent)
            .expect("montant");
        assert!(
            m.message
                .contains("2 × 45\u{A0}€ font 90\u{A0}€, pas 95\u{A0}€"),
            "{}",
            m.message
        );
    }

    #[test]
    fn un_nombre_d_ecoles_different_des_beneficiaires_est_signale() {
        let (mut c, _) = reference();
        c.conditions_financieres
            .as_mut()
            .unwrap()
            .beneficiaires
            .pop();
        let d = verifier_convention(&c, None);
        assert!(
            d.iter().any(|x| x.code == CodeDiagnostic::MontantIncoherent
                && x.message.contains("1 école(s), pas 2")),
            "{d:#?}"
        );
    }

    #[test]
    fn une_fin_avant_le_debut_et_une_partie_sans_representant() {
        let (mut c, _) = reference();
        c.periode.as_mut().unwrap().fin = Some("2024-04-01".parse().unwrap());
        c.parties[0].representant = " ".into();
        let codes: Vec<_> = verifier_convention(&c, None)
            .into_iter()
            .map(|x| x.code)
            .collect();
        assert!(codes.contains(&CodeDiagnostic::FinAvantDebut));
        assert!(codes.contains(&CodeDiagnostic::PartieSansRepresentant));
    }

    #[test]
    fn une_convention_coherente_ne_donne_rien() {
        let (mut c, mut d) = reference();
        d.decisions[0].texte = d.decisions[0].texte.replace("2023-2024", "2024-2025");
        for a in c.articles.iter_mut() {
            for b in a.contenu.iter_mut() {
                if let Bloc::Paragraphe { texte } = b {
                    *texte = texte.replace("2023-2024", "2024-2025");
                }
            }
        }
        let diagnostics = verifier_convention(&c, Some(&d));
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    }
}
