//! What the extract and the convention say, block by block, in the order of
//! the reference extract (délibération 2024/052 of Pézilla-la-Rivière).

use crate::comptes::{comptes_deliberation, formule_vote, presences_pour};
use crate::domaine::{
    Alinea, Article, Bloc as BlocConvention, Civilite, Commune, Convention, Correction, Elu,
    EtatPresence, GenreCorrection, ModePublication, Seance, Segment,
};
use crate::erreur::{Erreur, Resultat};

use super::mise_en_page::{Alignement, Bloc, Graisse, Paragraphe};
use super::nombres::{date_longue, ouverture_de_seance};
use super::{SourceConvention, SourceExtrait};

/// "Pézilla-la-Rivière" → "PEZILLA-LA-RIVIERE", as the extract's heading
/// writes the commune (capitals without accents, like the reference).
pub fn majuscules_sans_accents(texte: &str) -> String {
    let mut sortie = String::with_capacity(texte.len());
    for c in texte.chars() {
        let base = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' => "A",
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "E",
            'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => "I",
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => "O",
            'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => "U",
            'ç' | 'Ç' => "C",
            'ñ' | 'Ñ' => "N",
            'ÿ' | 'Ÿ' | 'ý' | 'Ý' => "Y",
            'œ' | 'Œ' => "OE",
            'æ' | 'Æ' => "AE",
            _ => {
                sortie.extend(c.to_uppercase());
                continue;
            }
        };
        sortie.push_str(base);
    }
    sortie
}

pub(crate) fn elu<'a>(elus: &'a [Elu], id: &str, numero: &str) -> Resultat<&'a Elu> {
    elus.iter().find(|e| e.id == id).ok_or_else(|| {
        Erreur::BaseEndommagee(format!(
            "la délibération {numero} renvoie à l'élu « {id} », absent du registre"
        ))
    })
}

pub(crate) fn civilite_longue(c: Civilite) -> &'static str {
    match c {
        Civilite::Monsieur => "Monsieur",
        Civilite::Madame => "Madame",
    }
}

/// "Membres en exercice : 27": bold label, plain value.
pub(crate) fn ligne_etiquetee(etiquette: &str, valeur: &str) -> Paragraphe {
    Paragraphe::new(Alignement::Justifie)
        .gras(etiquette)
        .normal(format!(" : {valeur}"))
}

pub(crate) fn justifie(texte: &str) -> Paragraphe {
    Paragraphe::new(Alignement::Justifie).normal(texte)
}

fn graisse(s: &Segment) -> Graisse {
    match (s.gras, s.italique) {
        (false, false) => Graisse::Normal,
        (true, false) => Graisse::Gras,
        (false, true) => Graisse::Italique,
        (true, true) => Graisse::GrasItalique,
    }
}

fn avec_segments(p: Paragraphe, segments: &[Segment]) -> Paragraphe {
    segments
        .iter()
        .fold(p, |p, s| p.avec(graisse(s), s.texte.as_str()))
}

/// Where a list item's bullet stands and where its text (and every
/// following line of it) starts, mm from the left margin.
const RETRAIT_PUCE: f64 = 4.0;
const RETRAIT_LISTE: f64 = 9.0;

/// An exposé block: a justified paragraph of bold and italic runs, or a
/// bulleted list with a hanging indent (one paragraph per item).
pub(crate) fn alinea(a: &Alinea) -> Vec<Paragraphe> {
    match a {
        Alinea::Simple(texte) => vec![justifie(texte)],
        Alinea::Paragraphe { paragraphe } => {
            vec![avec_segments(
                Paragraphe::new(Alignement::Justifie),
                paragraphe,
            )]
        }
        Alinea::Liste { liste } => {
            let dernier = liste.len().saturating_sub(1);
            liste
                .iter()
                .enumerate()
                .map(|(i, element)| {
                    avec_segments(
                        Paragraphe::new(Alignement::Justifie)
                            .retrait(RETRAIT_LISTE)
                            .puce(Graisse::Normal, "•")
                            .retrait_puce(RETRAIT_PUCE),
                        element,
                    )
                    .apres(if i == dernier { 2.5 } else { 1.0 })
                })
                .collect()
        }
    }
}

/// « Délibération rectificative de la délibération n° 2024/052 ».
pub(crate) fn ligne_de_correction(c: &Correction) -> String {
    match c.genre {
        GenreCorrection::Rectificative => {
            format!(
                "Délibération rectificative de la délibération n° {}",
                c.numero
            )
        }
        GenreCorrection::Retrait => format!("Retrait de la délibération n° {}", c.numero),
    }
}

pub(crate) fn date_courte(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The footer lines on transmission and publication: dates filled when the
/// register knows them, blank otherwise (the clerk completes the signed
/// paper by hand). A commune that chose its publication mode gets only
/// its line; one that did not gets both, as on the reference extract.
fn lignes_de_suivi(commune: &Commune, d: &crate::domaine::Deliberation) -> Vec<String> {
    let mut transmis = "Transmis en Préfecture le :".to_owned();
    let mut actes = None;
    if let Some(t) = &d.transmission {
        transmis.push_str(&format!(" {}", date_courte(t.date)));
        if let Some(accuse) = t.date_accuse {
            transmis.push_str(&format!(
                " (accusé de réception du {})",
                date_courte(accuse)
            ));
        }
        actes = t
            .identifiant_actes
            .as_deref()
            .filter(|i| !i.trim().is_empty())
            .map(|i| format!("Identifiant ACTES : {}", i.trim()));
    }
    let mut affiche = "Affiché le :".to_owned();
    let mut publie = "Publié le :".to_owned();
    if let Some(p) = &d.publication {
        let date = date_courte(p.date);
        match p.mode {
            ModePublication::Affichage => affiche.push_str(&format!(" {date}")),
            ModePublication::Electronique => publie.push_str(&format!(" {date}")),
            ModePublication::Papier => publie.push_str(&format!(" {date} ({})", p.mode.libelle())),
        }
    }
    let publication: Vec<String> = match commune.mode_publication {
        None => vec![affiche, publie],
        Some(ModePublication::Affichage) => vec![affiche],
        Some(_) => vec![publie],
    };
    std::iter::once(transmis)
        .chain(actes)
        .chain(publication)
        .collect()
}

/// One deliberation with the records its text is printed from: what the
/// extract, the register and the procès-verbal share.
#[derive(Clone, Copy)]
pub(crate) struct Acte<'a> {
    pub commune: &'a Commune,
    pub seance: &'a Seance,
    pub elus: &'a [Elu],
    pub deliberation: &'a crate::domaine::Deliberation,
}

impl<'a> Acte<'a> {
    pub(crate) fn de_l_extrait(s: &'a SourceExtrait) -> Acte<'a> {
        Acte {
            commune: &s.commune,
            seance: &s.seance,
            elus: &s.elus,
            deliberation: &s.deliberation,
        }
    }

    pub(crate) fn nom(&self, id: &str) -> Resultat<String> {
        elu(self.elus, id, self.deliberation.numero.as_str()).map(Elu::nom_complet)
    }
}

pub(crate) fn extrait(s: &SourceExtrait) -> Resultat<Vec<Bloc>> {
    let acte = Acte::de_l_extrait(s);
    let d = &s.deliberation;
    let numero = d.numero.as_str();
    let mut b = Vec::new();
    let mut p = |para: Paragraphe| b.push(Bloc::Paragraphe(para));

    let centre = |t: &str| {
        Paragraphe::new(Alignement::Centre)
            .gras(t)
            .taille(12)
            .apres(0.5)
    };
    p(centre(&format!(
        "COMMUNE DE {}",
        majuscules_sans_accents(&s.commune.nom)
    )));
    p(centre("EXTRAIT DU REGISTRE DES DELIBERATIONS"));
    p(centre("DU CONSEIL MUNICIPAL").apres(6.0));
    p(centre(&format!("Délibération N° {numero}"))
        .taille(13)
        .apres(5.0));
    b.extend(assemblee(&acte)?);
    b.extend(texte_de_l_acte(&acte)?);
    b.push(Bloc::Espace(3.0));
    let mut p = |para: Paragraphe| b.push(Bloc::Paragraphe(para));
    // The closing formula stays on the page of the signatures (about 25 mm
    // for the titles, the room to sign and the names).
    p(ainsi_fait().garder_avec_suivant(37.0));
    p(Paragraphe::new(Alignement::Gauche)
        .italique("Pour extrait conforme au registre des délibérations,")
        .apres(5.0)
        .garder_avec_suivant(30.0));
    if s.commune.secretaire_signe_l_extrait() {
        let secretaires = secretaires(&acte)?;
        b.push(signatures(&acte, &secretaires)?);
    } else {
        // The commune has the extract signed by the maire alone (the
        // register itself keeps both signatures).
        let maire = elu(&s.elus, &s.commune.maire, numero)?;
        b.push(signature_du_maire(maire, 14.0));
    }
    b.push(Bloc::Espace(6.0));
    let mut p = |para: Paragraphe| b.push(Bloc::Paragraphe(para));
    for ligne in lignes_de_suivi(&s.commune, d) {
        p(Paragraphe::new(Alignement::Gauche)
            .italique(ligne)
            .apres(1.0));
    }
    b.push(Bloc::Espace(4.0));
    let ta = &s.commune.tribunal_administratif;
    b.push(Bloc::Paragraphe(
        Paragraphe::new(Alignement::Justifie)
            .taille(9)
            .italique(format!(
                "La présente délibération peut faire l'objet d'un recours pour excès de pouvoir devant le {} – {} dans un délai de deux mois à compter de la réception par le représentant de l'Etat et de sa publication. Le tribunal administratif peut être saisi par l'application informatique \"Télérecours citoyens\" accessible par le site Internet www.telerecours.fr. Elle peut également faire l'objet, dans le même délai, d'un recours gracieux ou hiérarchique.",
                ta.nom, ta.adresse
            )),
    ));
    Ok(b)
}

/// "Ainsi fait et délibéré les jour, mois et an susdits."
pub(crate) fn ainsi_fait() -> Paragraphe {
    Paragraphe::new(Alignement::Gauche)
        .italique("Ainsi fait et délibéré les jour, mois et an susdits.")
}

/// The names of the séance's secrétaire(s) (L2121-15).
pub(crate) fn secretaires(a: &Acte<'_>) -> Resultat<Vec<String>> {
    a.seance.secretaires.iter().map(|id| a.nom(id)).collect()
}

/// The signatures of the maire and the secrétaire(s) de séance, side by
/// side: since 1 July 2022 (L2121-23 CGCT) they sign the register and its
/// extracts.
pub(crate) fn signatures(a: &Acte<'_>, secretaires: &[String]) -> Resultat<Bloc> {
    let numero = a.deliberation.numero.as_str();
    let maire = elu(a.elus, &a.commune.maire, numero)?;
    let secretaires_elus = a
        .seance
        .secretaires
        .iter()
        .map(|id| elu(a.elus, id, numero))
        .collect::<Resultat<Vec<_>>>()?;
    Ok(bloc_de_signatures(
        maire,
        &secretaires_elus,
        secretaires,
        14.0,
    ))
}

/// The two signature columns: titles agreed with the signatories' civilité
/// and number, `espace` mm left to sign, then the names.
pub(crate) fn bloc_de_signatures(
    maire: &Elu,
    secretaires: &[&Elu],
    noms_secretaires: &[String],
    espace: f64,
) -> Bloc {
    let titre_secretaire = match secretaires {
        [_, _, ..] => "LES SECRÉTAIRES DE SÉANCE,",
        [s] if s.civilite == Civilite::Madame => "LA SECRÉTAIRE DE SÉANCE,",
        _ => "LE SECRÉTAIRE DE SÉANCE,",
    };
    Bloc::Colonnes(vec![
        colonne_du_maire(maire, espace),
        colonne_de_signature(titre_secretaire, noms_secretaires, espace),
    ])
}

/// The maire's signature alone, in the right-hand column: the acts the
/// maire signs without a secretary (extract when the commune so chooses,
/// decisions, the register's cover).
pub(crate) fn signature_du_maire(maire: &Elu, espace: f64) -> Bloc {
    Bloc::Colonnes(vec![Vec::new(), colonne_du_maire(maire, espace)])
}

fn colonne_du_maire(maire: &Elu, espace: f64) -> Vec<Paragraphe> {
    let titre = match maire.civilite {
        Civilite::Monsieur => "LE MAIRE,",
        Civilite::Madame => "LA MAIRE,",
    };
    colonne_de_signature(titre, &[maire.nom_complet()], espace)
}

/// One signature column: the title, `espace` mm left to sign, the names.
fn colonne_de_signature(titre: &str, noms: &[String], espace: f64) -> Vec<Paragraphe> {
    let mut c = vec![Paragraphe::new(Alignement::Centre)
        .gras(titre)
        .apres(espace)];
    for n in noms {
        c.push(Paragraphe::new(Alignement::Centre).gras(n).apres(0.5));
    }
    c
}

/// The counts, the opening sentence and the attendance for one item, as
/// the extract prints them (the séance's attendance updated by the item's
/// arrivals and departures), down to the date of the convocation.
pub(crate) fn assemblee(a: &Acte<'_>) -> Resultat<Vec<Bloc>> {
    let s = a;
    let d = a.deliberation;
    let nom = |id: &str| a.nom(id);
    let seance = a.seance;
    let numero = d.numero.as_str();
    // Counts and attendance for this item: the séance's, updated by the
    // item's arrivals and departures (per-item attendance).
    let c = comptes_deliberation(seance, d, a.elus);
    let mut b = Vec::new();
    let mut p = |para: Paragraphe| b.push(Bloc::Paragraphe(para));

    for (etiquette, valeur) in [
        ("Membres en exercice", c.en_exercice),
        ("Membres présents", c.presents),
        ("Membres absents", c.absents),
        ("Dont membres représentés", c.representes),
    ] {
        p(ligne_etiquetee(etiquette, &valeur.to_string()).apres(0.5));
    }
    b.push(Bloc::Espace(4.0));
    let mut p = |para: Paragraphe| b.push(Bloc::Paragraphe(para));

    let president = elu(s.elus, &seance.president, numero)?;
    p(justifie(&format!(
        "{}, les membres du conseil municipal de la commune de {} se sont réunis, {} sous la présidence de {} {}, {}.",
        ouverture_de_seance(seance.date, seance.heure),
        s.commune.nom,
        seance.lieu,
        civilite_longue(president.civilite),
        president.nom_complet(),
        president.libelle_fonction()
    )));

    let mut presents = Vec::new();
    let mut pouvoirs = Vec::new();
    let mut excuses = Vec::new();
    let mut absents = Vec::new();
    for presence in &presences_pour(seance, d) {
        match &presence.etat {
            EtatPresence::Present => presents.push(nom(&presence.elu)?),
            EtatPresence::AbsentExcuse => excuses.push(nom(&presence.elu)?),
            EtatPresence::Absent => absents.push(nom(&presence.elu)?),
            EtatPresence::Represente { mandataire } => pouvoirs.push(format!(
                "{} (Pouvoir à {})",
                nom(&presence.elu)?,
                nom(mandataire)?
            )),
        }
    }
    p(ligne_etiquetee(
        "Sont présents",
        &format!("{}.", presents.join(", ")),
    ));
    if !pouvoirs.is_empty() {
        p(ligne_etiquetee(
            "Absents excusés ayant donné pouvoir",
            &pouvoirs.join(", "),
        ));
    }
    if !excuses.is_empty() {
        p(ligne_etiquetee("Absents excusés", &excuses.join(", ")));
    }
    if !absents.is_empty() {
        p(ligne_etiquetee("Absents", &absents.join(", ")));
    }
    let secretaires = secretaires(a)?;
    let etiquette = if secretaires.len() > 1 {
        "Secrétaires de séance"
    } else {
        "Secrétaire de séance"
    };
    p(ligne_etiquetee(
        etiquette,
        &format!("{}.", secretaires.join(", ")),
    ));
    p(ligne_etiquetee(
        "Date de la convocation",
        &seance.date_convocation.format("%d/%m/%Y").to_string(),
    )
    .apres(6.0));
    Ok(b)
}

/// The deliberation itself: its objet, rapporteur, visas, exposé, who
/// does not take part, the vote and the dispositif.
pub(crate) fn texte_de_l_acte(a: &Acte<'_>) -> Resultat<Vec<Bloc>> {
    let d = a.deliberation;
    let nom = |id: &str| a.nom(id);
    let numero = d.numero.as_str();
    let mut b = Vec::new();
    let mut p = |para: Paragraphe| b.push(Bloc::Paragraphe(para));
    let titre = Paragraphe::new(Alignement::Centre)
        .gras(&d.objet)
        .taille(12)
        .garder_avec_suivant(15.0);
    match &d.corrige {
        Some(c) => {
            p(titre.apres(1.5));
            p(Paragraphe::new(Alignement::Centre)
                .italique(ligne_de_correction(c))
                .apres(5.0)
                .garder_avec_suivant(10.0));
        }
        None => p(titre.apres(5.0)),
    }
    if let Some(id) = &d.rapporteur {
        let r = elu(a.elus, id, numero)?;
        let etiquette = match r.civilite {
            Civilite::Madame => "RAPPORTEURE",
            Civilite::Monsieur => "RAPPORTEUR",
        };
        p(ligne_etiquetee(etiquette, &r.nom_complet()).apres(4.0));
    }
    // The visas, one per line, then the exposé (the order of French acts).
    let visas: Vec<&str> = d
        .visas
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .collect();
    for (i, visa) in visas.iter().enumerate() {
        let apres = if i + 1 == visas.len() { 3.5 } else { 1.0 };
        p(justifie(visa).apres(apres));
    }
    for a in &d.expose {
        for para in alinea(a) {
            p(para);
        }
    }
    if !d.ne_prennent_pas_part.is_empty() {
        let noms = d
            .ne_prennent_pas_part
            .iter()
            .map(|n| Ok(format!("{} ({})", nom(&n.elu)?, n.motif)))
            .collect::<Resultat<Vec<_>>>()?;
        let etiquette = if noms.len() > 1 {
            "Ne prennent pas part au vote"
        } else {
            "Ne prend pas part au vote"
        };
        p(ligne_etiquetee(etiquette, &noms.join(", ")));
    }
    p(justifie(&format!(
        "Le conseil municipal, après en avoir délibéré, {},",
        formule_vote(&d.vote)
    ))
    .apres(3.5));
    for decision in &d.decisions {
        p(Paragraphe::new(Alignement::Justifie)
            .retrait(7.0)
            .puce(Graisse::Normal, "►")
            .gras(&decision.verbe)
            .normal(format!(" {}", decision.texte))
            .apres(3.0));
    }
    Ok(b)
}

fn blocs_de_convention(blocs: &[BlocConvention], sortie: &mut Vec<Bloc>) {
    for bloc in blocs {
        match bloc {
            BlocConvention::Paragraphe { texte } => {
                sortie.push(Bloc::Paragraphe(justifie(texte)));
            }
            BlocConvention::Liste { elements } => {
                for e in elements {
                    sortie.push(Bloc::Paragraphe(
                        Paragraphe::new(Alignement::Gauche)
                            .retrait(6.0)
                            .puce(Graisse::Normal, "-")
                            .normal(e)
                            .apres(1.5),
                    ));
                }
                sortie.push(Bloc::Espace(1.5));
            }
        }
    }
}

fn article(a: &Article, niveau: usize, sortie: &mut Vec<Bloc>) {
    let titre = if niveau == 0 {
        Paragraphe::new(Alignement::Gauche).gras(format!("Article {} – {} :", a.numero, a.titre))
    } else {
        Paragraphe::new(Alignement::Gauche).avec(
            Graisse::GrasItalique,
            format!("Article {} {}", a.numero, a.titre),
        )
    };
    sortie.push(Bloc::Paragraphe(titre.apres(2.0).garder_avec_suivant(12.0)));
    blocs_de_convention(&a.contenu, sortie);
    for sous in &a.sous_articles {
        article(sous, niveau + 1, sortie);
    }
    sortie.push(Bloc::Espace(2.0));
}

pub(crate) fn convention(s: &SourceConvention) -> Vec<Bloc> {
    convention_seule(&s.convention)
}

pub(crate) fn convention_seule(c: &Convention) -> Vec<Bloc> {
    let mut b = Vec::new();
    if let Some(entete) = &c.entete {
        b.push(Bloc::Paragraphe(
            Paragraphe::new(Alignement::Gauche)
                .gras(entete)
                .taille(13)
                .apres(4.0),
        ));
    }
    if let Some(date) = c.date_document {
        b.push(Bloc::Paragraphe(
            Paragraphe::new(Alignement::Droite)
                .normal(format!("le {}", date_longue(date)))
                .apres(6.0),
        ));
    }
    b.push(Bloc::Paragraphe(
        Paragraphe::new(Alignement::Centre)
            .gras(&c.titre)
            .taille(13)
            .apres(6.0),
    ));
    for (i, partie) in c.parties.iter().enumerate() {
        let amorce = if i == 0 { "Entre :" } else { "Et :" };
        b.push(Bloc::Paragraphe(
            Paragraphe::new(Alignement::Gauche)
                .normal(amorce)
                .apres(2.5),
        ));
        b.push(Bloc::Paragraphe(
            Paragraphe::new(Alignement::Gauche)
                .gras(&partie.nom)
                .apres(0.5),
        ));
        if let Some(siret) = &partie.siret {
            b.push(Bloc::Paragraphe(
                Paragraphe::new(Alignement::Gauche)
                    .normal(format!("SIRET : {siret}"))
                    .apres(0.5),
            ));
        }
        for ligne in &partie.adresse {
            b.push(Bloc::Paragraphe(
                Paragraphe::new(Alignement::Gauche).normal(ligne).apres(0.5),
            ));
        }
        b.push(Bloc::Paragraphe(
            Paragraphe::new(Alignement::Justifie)
                .normal(format!(
                    "Représentée par {}, en sa qualité de {}",
                    partie.representant, partie.qualite
                ))
                .apres(2.5),
        ));
        b.push(Bloc::Paragraphe(
            Paragraphe::new(Alignement::Gauche)
                .normal(format!("Ci-après dénommée « {} »", partie.designation))
                .apres(4.0),
        ));
    }
    for note in &c.notes {
        b.push(Bloc::Paragraphe(
            Paragraphe::new(Alignement::Justifie)
                .italique(note)
                .taille(10),
        ));
    }
    b.push(Bloc::Espace(2.0));
    b.push(Bloc::Paragraphe(
        Paragraphe::new(Alignement::Gauche)
            .normal("Il est convenu ce qui suit :")
            .apres(4.0),
    ));
    if !c.preambule.is_empty() {
        b.push(Bloc::Paragraphe(
            Paragraphe::new(Alignement::Gauche)
                .gras("Préambule :")
                .apres(2.0)
                .garder_avec_suivant(12.0),
        ));
        blocs_de_convention(&c.preambule, &mut b);
        b.push(Bloc::Espace(2.0));
    }
    for a in &c.articles {
        article(a, 0, &mut b);
    }
    let date = c
        .date_signature
        .map(|d| format!(" {}", d.format("%d/%m/%Y")))
        .unwrap_or_default();
    b.push(Bloc::Paragraphe(
        Paragraphe::new(Alignement::Gauche)
            .normal(format!("A {}, le{date}", c.lieu_signature))
            .apres(6.0),
    ));
    b.push(Bloc::Colonnes(
        c.parties
            .iter()
            .map(|partie| {
                vec![
                    Paragraphe::new(Alignement::Gauche)
                        .gras(format!("{} :", partie.nom))
                        .apres(1.0),
                    Paragraphe::new(Alignement::Gauche)
                        .normal(format!("Représentée par {}", partie.representant))
                        .apres(1.0),
                    Paragraphe::new(Alignement::Gauche).italique(&partie.qualite),
                ]
            })
            .collect(),
    ));
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn le_nom_de_la_commune_passe_en_capitales_sans_accents() {
        assert_eq!(
            majuscules_sans_accents("Pézilla-la-Rivière"),
            "PEZILLA-LA-RIVIERE"
        );
        assert_eq!(majuscules_sans_accents("Saint-Étienne"), "SAINT-ETIENNE");
        assert_eq!(majuscules_sans_accents("Œuilly"), "OEUILLY");
        assert_eq!(
            majuscules_sans_accents("L'Haÿ-les-Roses"),
            "L'HAY-LES-ROSES"
        );
        assert_eq!(
            majuscules_sans_accents("Montréal-la-Cluse"),
            "MONTREAL-LA-CLUSE"
        );
    }
}
