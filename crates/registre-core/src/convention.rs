//! Life of a convention after its approval: renewal for the next period and
//! the list of conventions coming to an end.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::domaine::{Article, Bloc, Convention, Debut};
use crate::pdf::nombres::nom_du_mois;

/// A convention that ends soon.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Echeance {
    pub id: String,
    pub titre: String,
    pub fin: NaiveDate,
    pub jours_restants: i64,
    pub reconduction_tacite: bool,
}

/// Conventions whose end falls within `jours` days from `au` (inclusive),
/// soonest first.
pub fn echeances(conventions: &[Convention], au: NaiveDate, jours: u32) -> Vec<Echeance> {
    let mut liste: Vec<Echeance> = conventions
        .iter()
        .filter_map(|c| {
            let p = c.periode.as_ref()?;
            let fin = p.fin?;
            let restants = (fin - au).num_days();
            (0..=i64::from(jours))
                .contains(&restants)
                .then(|| Echeance {
                    id: c.id.clone(),
                    titre: c.titre.clone(),
                    fin,
                    jours_restants: restants,
                    reconduction_tacite: p.reconduction_tacite,
                })
        })
        .collect();
    liste.sort_by_key(|e| e.fin);
    liste
}

fn un_an_plus_tard(d: NaiveDate) -> NaiveDate {
    d.checked_add_months(Months::new(12)).unwrap_or(d)
}

/// The ways a date is written in the texts: "01/09/2025", "1 septembre 2025",
/// "1er septembre 2025".
fn ecritures(d: NaiveDate) -> Vec<String> {
    let mois = nom_du_mois(d.month());
    let mut v = vec![
        d.format("%d/%m/%Y").to_string(),
        format!("{} {mois} {}", d.day(), d.year()),
    ];
    if d.day() == 1 {
        v.push(format!("1er {mois} {}", d.year()));
    }
    v
}

/// The same convention for the next period: school year and dates one year
/// later in the data and in the texts, not yet dated, signed nor approved.
/// Only the convention's own period is rewritten in the texts: a year the
/// text got wrong stays as it is, and the consistency checks keep flagging it.
pub fn renouveler(c: &Convention, ids_pris: &[String]) -> Convention {
    let mut n = c.clone();
    let mut remplacements: Vec<(String, String)> = Vec::new();
    if let Some(p) = n.periode.as_mut() {
        if let Some(annee) = p.annee_scolaire.clone() {
            if let Some((a, b)) = annee.split_once('-') {
                if let (Ok(a), Ok(b)) = (a.parse::<i32>(), b.parse::<i32>()) {
                    let nouvelle = format!("{}-{}", a + 1, b + 1);
                    remplacements.push((annee.clone(), nouvelle.clone()));
                    remplacements.push((format!("{a}/{b}"), format!("{}/{}", a + 1, b + 1)));
                    p.annee_scolaire = Some(nouvelle);
                }
            }
        }
        if let Some(fin) = p.fin {
            let nouvelle = un_an_plus_tard(fin);
            remplacements.extend(ecritures(fin).into_iter().zip(ecritures(nouvelle)));
            p.fin = Some(nouvelle);
        }
        if let Debut::Le { date } = &mut p.debut {
            let nouvelle = un_an_plus_tard(*date);
            remplacements.extend(ecritures(*date).into_iter().zip(ecritures(nouvelle)));
            *date = nouvelle;
        }
    }
    let remplacer = |texte: &mut String| {
        for (ancien, nouveau) in &remplacements {
            *texte = texte.replace(ancien.as_str(), nouveau);
        }
    };
    remplacer(&mut n.titre);
    for b in n.preambule.iter_mut() {
        remplacer_bloc(b, &remplacer);
    }
    remplacer_articles(&mut n.articles, &remplacer);

    let mut id = c.id.clone();
    remplacer(&mut id);
    if id == c.id || ids_pris.contains(&id) {
        id = (2..)
            .map(|i| format!("{}-renouvellement-{i}", c.id))
            .find(|candidat| !ids_pris.contains(candidat))
            .unwrap_or_default();
    }
    n.id = id;
    n.date_document = None;
    n.date_signature = None;
    n.deliberation = None;
    n
}

/// The values an article may quote through a placeholder `{{nom}}`, so that
/// an amount, a count or a date is typed once, in the data, and printed
/// the same everywhere. A value the convention does not have is `None`.
pub fn valeurs(c: &Convention) -> Vec<(&'static str, Option<String>)> {
    let f = c.conditions_financieres.as_ref();
    let p = c.periode.as_ref();
    let taxe = f.map(|f| match f.taxe {
        crate::domaine::MentionTaxe::Ttc => "TTC".to_owned(),
        crate::domaine::MentionTaxe::Ht => "HT".to_owned(),
    });
    vec![
        (
            "montant_unitaire",
            f.map(|f| crate::domaine::euros(f.montant_unitaire_centimes)),
        ),
        ("taxe", taxe),
        ("unite", f.map(|f| f.unite.clone())),
        ("quantite", f.map(|f| f.quantite().to_string())),
        (
            "total",
            f.map(|f| crate::domaine::euros(f.total_centimes())),
        ),
        (
            "beneficiaires",
            f.filter(|f| !f.beneficiaires.is_empty()).map(|f| {
                f.beneficiaires
                    .iter()
                    .map(|b| b.nom.clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            }),
        ),
        ("annee_scolaire", p.and_then(|p| p.annee_scolaire.clone())),
        (
            "date_fin",
            p.and_then(|p| p.fin)
                .map(|d| d.format("%d/%m/%Y").to_string()),
        ),
        ("lieu_signature", Some(c.lieu_signature.clone())),
    ]
}

/// Replaces the `{{nom}}` placeholders of one text; an unknown name or a
/// value the convention lacks is an error naming it.
pub fn remplir(texte: &str, valeurs: &[(&'static str, Option<String>)]) -> Result<String, String> {
    let mut sortie = String::with_capacity(texte.len());
    let mut reste = texte;
    while let Some(debut) = reste.find("{{") {
        let Some(fin) = reste[debut + 2..].find("}}") else {
            break;
        };
        let nom = reste[debut + 2..debut + 2 + fin].trim();
        sortie.push_str(&reste[..debut]);
        match valeurs.iter().find(|(n, _)| *n == nom) {
            Some((_, Some(v))) => sortie.push_str(v),
            Some((_, None)) => {
                return Err(format!(
                    "le champ « {{{{{nom}}}}} » n'a pas de valeur dans les données de la convention"
                ))
            }
            None => {
                let connus: Vec<&str> = valeurs.iter().map(|(n, _)| *n).collect();
                return Err(format!(
                    "le champ « {{{{{nom}}}}} » est inconnu (champs possibles : {})",
                    connus.join(", ")
                ));
            }
        }
        reste = &reste[debut + 2 + fin + 2..];
    }
    sortie.push_str(reste);
    Ok(sortie)
}

/// The convention with every placeholder filled, as it is printed and
/// checked; the errors name the article or block where a placeholder fails.
pub fn remplie(c: &Convention) -> Result<Convention, Vec<(String, String)>> {
    let v = valeurs(c);
    let mut n = c.clone();
    let erreurs = std::cell::RefCell::new(Vec::new());
    let remplacer = |ou: &str, texte: &mut String| match remplir(texte, &v) {
        Ok(t) => *texte = t,
        Err(m) => erreurs.borrow_mut().push((ou.to_owned(), m)),
    };
    remplacer("le titre", &mut n.titre);
    for b in n.preambule.iter_mut() {
        remplacer_bloc(b, &|t| remplacer("le préambule", t));
    }
    fn articles(liste: &mut [Article], remplacer: &dyn Fn(&str, &mut String)) {
        for a in liste {
            let ou = format!("l'article {}", a.numero);
            remplacer(&ou, &mut a.titre);
            for b in a.contenu.iter_mut() {
                remplacer_bloc(b, &|t| remplacer(&ou, t));
            }
            articles(&mut a.sous_articles, remplacer);
        }
    }
    articles(&mut n.articles, &remplacer);
    let erreurs = erreurs.into_inner();
    if erreurs.is_empty() {
        Ok(n)
    } else {
        Err(erreurs)
    }
}

fn remplacer_bloc(b: &mut Bloc, remplacer: &dyn Fn(&mut String)) {
    match b {
        Bloc::Paragraphe { texte } => remplacer(texte),
        Bloc::Liste { elements } => elements.iter_mut().for_each(remplacer),
    }
}

fn remplacer_articles(articles: &mut [Article], remplacer: &dyn Fn(&mut String)) {
    for a in articles {
        remplacer(&mut a.titre);
        for b in a.contenu.iter_mut() {
            remplacer_bloc(b, remplacer);
        }
        remplacer_articles(&mut a.sous_articles, remplacer);
    }
}

#[cfg(test)]
mod tests_champs {
    use super::*;

    fn convention() -> Convention {
        crate::demo::donnees().conventions[0].clone()
    }

    #[test]
    fn les_champs_sont_remplis_depuis_les_donnees() {
        let c = convention();
        let v = valeurs(&c);
        assert_eq!(
            remplir(
                "{{quantite}} {{unite}}(s) × {{montant_unitaire}} {{taxe}} = {{total}} {{taxe}} pour {{ annee_scolaire }}",
                &v
            )
            .unwrap(),
            // Amounts keep their non-breaking space before the euro sign.
            "2 école(s) × 45\u{a0}€ TTC = 90\u{a0}€ TTC pour 2024-2025"
        );
        assert_eq!(
            remplir("sans champ {accolade}", &v).unwrap(),
            "sans champ {accolade}"
        );
    }

    #[test]
    fn un_champ_inconnu_ou_sans_valeur_est_nomme() {
        let mut c = convention();
        let e = remplir("{{montant}}", &valeurs(&c)).unwrap_err();
        assert!(
            e.contains("{{montant}}") && e.contains("montant_unitaire"),
            "{e}"
        );
        c.conditions_financieres = None;
        let e = remplir("{{total}}", &valeurs(&c)).unwrap_err();
        assert!(e.contains("n'a pas de valeur"), "{e}");
    }

    #[test]
    fn une_convention_remplie_ne_garde_aucun_champ_et_nomme_l_article_fautif() {
        let mut c = convention();
        c.articles[0].contenu = vec![Bloc::Paragraphe {
            texte: "Montant : {{total}}.".into(),
        }];
        let r = remplie(&c).unwrap();
        assert_eq!(
            r.articles[0].contenu[0],
            Bloc::Paragraphe {
                texte: "Montant : 90\u{a0}€.".into()
            }
        );
        c.articles[1].contenu = vec![Bloc::Paragraphe {
            texte: "{{inconnu}}".into(),
        }];
        let e = remplie(&c).unwrap_err();
        assert_eq!(e[0].0, format!("l'article {}", c.articles[1].numero));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::regles::{verifier_convention, CodeDiagnostic};

    fn reference() -> Convention {
        demo::donnees().conventions[0].clone()
    }

    fn texte_article(c: &Convention, numero: &str) -> String {
        let a = c.articles.iter().find(|a| a.numero == numero).unwrap();
        let mut t = a.titre.clone();
        for b in &a.contenu {
            if let Bloc::Paragraphe { texte } = b {
                t.push_str(texte);
            }
        }
        t
    }

    #[test]
    fn le_renouvellement_2025_2026_decale_periode_dates_et_textes() {
        let r = reference();
        let n = renouveler(&r, std::slice::from_ref(&r.id));
        assert_eq!(n.id, "ent-ecole-2025-2026");
        let p = n.periode.as_ref().unwrap();
        assert_eq!(p.annee_scolaire.as_deref(), Some("2025-2026"));
        assert_eq!(p.fin, Some("2026-09-01".parse().unwrap()));
        assert!(n.titre.ends_with("Année scolaire 2025-2026"), "{}", n.titre);
        assert!(texte_article(&n, "9").contains("l'année scolaire 2025-2026"));
        assert!(
            texte_article(&n, "10").contains("1 septembre 2026"),
            "{}",
            texte_article(&n, "10")
        );
        assert_eq!(
            (n.date_document, n.date_signature, n.deliberation.clone()),
            (None, None, None)
        );
        assert_eq!(n.conditions_financieres, r.conditions_financieres);
    }

    #[test]
    fn le_renouvellement_garde_l_erreur_de_l_article_4_visible() {
        let n = renouveler(&reference(), &[]);
        assert!(texte_article(&n, "4").contains("2023-2024"));
        let d = verifier_convention(&n, None);
        assert!(d.iter().any(
            |x| x.code == CodeDiagnostic::PeriodeIncoherente && x.message.contains("2025-2026")
        ));
    }

    #[test]
    fn un_identifiant_deja_pris_n_est_pas_reutilise() {
        let r = reference();
        let n = renouveler(&r, &["ent-ecole-2025-2026".into()]);
        assert_eq!(n.id, "ent-ecole-2024-2025-renouvellement-2");
    }

    #[test]
    fn echeances_dans_les_n_jours() {
        let c = reference();
        let au = |d: &str| d.parse::<NaiveDate>().unwrap();
        assert!(echeances(std::slice::from_ref(&c), au("2025-06-01"), 60).is_empty());
        let e = echeances(std::slice::from_ref(&c), au("2025-07-03"), 60);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].jours_restants, 60);
        assert_eq!(
            echeances(std::slice::from_ref(&c), au("2025-09-01"), 60)[0].jours_restants,
            0
        );
        assert!(echeances(std::slice::from_ref(&c), au("2025-09-02"), 60).is_empty());
    }
}
