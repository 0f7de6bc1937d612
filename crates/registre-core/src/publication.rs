//! Electronic publication (L2131-1, R2131-1): for the signed acts of a
//! period, their PDFs and an HTML index page the commune puts on its
//! website. The page shows the date the acts went online and recalls that
//! each act stays online for at least two months.

use chrono::NaiveDate;

use crate::paquet_actes::{echapper, Fichier};

/// One act of the page.
pub struct ActePublie {
    pub numero: String,
    pub date_seance: NaiveDate,
    pub objet: String,
    pub fichier: String,
    pub octets: Vec<u8>,
}

/// A PDF file name safe on Windows and on web servers: "2024-052.pdf".
pub fn nom_de_fichier(numero: &str) -> String {
    format!("deliberation-{}.pdf", numero.replace('/', "-"))
}

/// The index page, in French, self-contained (no script, no external style).
pub fn page_index(
    commune: &str,
    du: NaiveDate,
    au: NaiveDate,
    mise_en_ligne: NaiveDate,
    actes: &[ActePublie],
) -> String {
    let jour = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    // R2131-1: online for at least two months from this date.
    let jusqu_au = mise_en_ligne
        .checked_add_months(chrono::Months::new(2))
        .unwrap_or(mise_en_ligne);
    let mut lignes = String::new();
    for a in actes {
        lignes.push_str(&format!(
            "      <tr><td>{}</td><td>{}</td><td>{}</td><td><a href=\"{}\">PDF</a></td></tr>\n",
            echapper(&a.numero),
            jour(a.date_seance),
            echapper(&a.objet),
            echapper(&a.fichier)
        ));
    }
    if actes.is_empty() {
        lignes.push_str("      <tr><td colspan=\"4\">Aucun acte pour cette période.</td></tr>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n  <meta charset=\"utf-8\">\n  <title>Délibérations du conseil municipal — {c}</title>\n  <style>body{{font-family:serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}table{{border-collapse:collapse;width:100%}}th,td{{border:1px solid #555;padding:.4rem;text-align:left;vertical-align:top}}</style>\n</head>\n<body>\n  <h1>Commune de {c}</h1>\n  <h2>Délibérations du conseil municipal du {du} au {au}</h2>\n  <p>Mis en ligne le {ml}. Conformément à l'article R2131-1 du code général des collectivités territoriales, chaque acte reste en ligne au moins deux mois, soit au moins jusqu'au {fin}, dans un format non modifiable.</p>\n  <table>\n    <thead><tr><th scope=\"col\">Numéro</th><th scope=\"col\">Séance</th><th scope=\"col\">Objet</th><th scope=\"col\">Acte</th></tr></thead>\n    <tbody>\n{lignes}    </tbody>\n  </table>\n</body>\n</html>\n",
        c = echapper(commune),
        du = jour(du),
        au = jour(au),
        ml = jour(mise_en_ligne),
        fin = jour(jusqu_au),
    )
}

/// The files to put online: each act's PDF, then `index.html`.
pub fn fichiers(
    commune: &str,
    du: NaiveDate,
    au: NaiveDate,
    mise_en_ligne: NaiveDate,
    actes: Vec<ActePublie>,
) -> Vec<Fichier> {
    let index = page_index(commune, du, au, mise_en_ligne, &actes);
    let mut fichiers: Vec<Fichier> = actes
        .into_iter()
        .map(|a| Fichier {
            nom: a.fichier,
            octets: a.octets,
        })
        .collect();
    fichiers.push(Fichier {
        nom: "index.html".into(),
        octets: index.into_bytes(),
    });
    fichiers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jour(m: u32, j: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, m, j).unwrap()
    }

    #[test]
    fn la_page_rappelle_la_date_de_mise_en_ligne_et_les_deux_mois() {
        let page = page_index(
            "Pézilla-la-Rivière",
            jour(5, 1),
            jour(5, 31),
            jour(5, 22),
            &[ActePublie {
                numero: "2024/052".into(),
                date_seance: jour(5, 15),
                objet: "CONVENTION <ENT> & ÉCOLES".into(),
                fichier: nom_de_fichier("2024/052"),
                octets: vec![],
            }],
        );
        assert!(page.contains("Mis en ligne le 22/05/2024"));
        assert!(page.contains("au moins jusqu'au 22/07/2024"));
        assert!(page.contains("R2131-1"));
        assert!(page.contains("CONVENTION &lt;ENT&gt; &amp; ÉCOLES"));
        assert!(page.contains("href=\"deliberation-2024-052.pdf\""));
    }
}
