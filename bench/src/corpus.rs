//! The generated register: 20,000 deliberations over 25 years and 5,000
//! conventions, with French administrative texts assembled from varied
//! vocabulary (objets, exposés of a few paragraphs, dispositifs, parties,
//! articles), and the queries a clerk would type. Deterministic: the same
//! seed gives the same register, so each measuring process regenerates it
//! instead of reading it back.

use chrono::NaiveDate;
use registre_core::domaine::{
    Alinea, Article, Bloc, Convention, Decision, Deliberation, NumeroDeliberation, Partie, Statut,
    Vote,
};
use registre_core::DonneesRegistre;

pub const DELIBERATIONS: usize = 20_000;
pub const CONVENTIONS: usize = 5_000;
pub const PREMIERE_ANNEE: i32 = 2000;
pub const ANNEES: usize = 25;
const SEANCES_PAR_AN: usize = 10;

/// xorshift64*: small, fast and reproducible everywhere.
pub struct Hasard(u64);

impl Hasard {
    pub fn new(graine: u64) -> Hasard {
        Hasard(graine.max(1))
    }
    pub fn suivant(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn jusqua(&mut self, n: usize) -> usize {
        (self.suivant() % n as u64) as usize
    }
    pub fn un<'a>(&mut self, liste: &[&'a str]) -> &'a str {
        liste[self.jusqua(liste.len())]
    }
    pub fn chance(&mut self, sur_cent: usize) -> bool {
        self.jusqua(100) < sur_cent
    }
}

pub const COMMUNES: &[&str] = &[
    "Pézilla-la-Rivière",
    "Perpignan",
    "Baho",
    "Villeneuve-la-Rivière",
    "Saint-Estève",
    "Le Soler",
    "Toulouges",
    "Canohès",
    "Thuir",
    "Millas",
    "Corneilla-la-Rivière",
    "Saint-Féliu-d'Amont",
    "Ille-sur-Têt",
    "Rivesaltes",
    "Espira-de-l'Agly",
    "Cabestany",
    "Elne",
    "Argelès-sur-Mer",
    "Céret",
    "Prades",
    "Font-Romeu",
    "Estagel",
    "Latour-de-France",
    "Bompas",
    "Sainte-Marie-la-Mer",
    "Canet-en-Roussillon",
    "Saint-Cyprien",
    "Pollestres",
    "Ponteilla",
    "Trouillas",
    "Llupia",
    "Castelnou",
    "Néfiach",
    "Saint-Laurent-de-la-Salanque",
];

pub const ORGANISMES: &[&str] = &[
    "l'Académie de Montpellier",
    "le Département des Pyrénées-Orientales",
    "la Région Occitanie",
    "Perpignan Méditerranée Métropole",
    "le Syndicat départemental d'énergies et d'électricité",
    "la Caisse d'allocations familiales",
    "le Service départemental d'incendie et de secours",
    "l'Office national des forêts",
    "la Fédération départementale des chasseurs",
    "l'Agence de l'eau Rhône-Méditerranée-Corse",
    "le Centre de gestion de la fonction publique territoriale",
    "La Poste",
    "l'association Les Petits Débrouillards",
    "le Conservatoire à rayonnement régional",
    "la Chambre d'agriculture",
    "l'Établissement public foncier d'Occitanie",
    "Enedis",
    "le Syndicat mixte du bassin versant de la Têt",
    "la Médiathèque départementale",
    "l'Union sportive pézillanaise",
    "le Comité des fêtes",
    "la Croix-Rouge française",
];

pub const ASSOCIATIONS: &[&str] = &[
    "Comité des fêtes",
    "Union sportive pézillanaise",
    "Club du troisième âge Les Aînés",
    "Amicale des sapeurs-pompiers",
    "Association des parents d'élèves",
    "Foyer rural",
    "Société de chasse La Diane",
    "Tennis club",
    "Les Amis de l'orgue",
    "Cobla Els Montgrins",
    "Judo club Ribéral",
    "Gymnastique volontaire",
    "Anciens combattants FNACA",
    "Coopérative scolaire de l'école Sarda Garriga",
    "Restos du cœur",
    "Secours populaire",
    "Atelier théâtre Les Tréteaux",
    "Pétanque pézillanaise",
    "Club cycliste du Ribéral",
    "Association Mémoire et patrimoine",
    "Harmonie municipale",
    "Les Randonneurs de la Têt",
];

pub const TRAVAUX: &[&str] = &[
    "réfection de la toiture de l'église Saint-Félix",
    "rénovation énergétique de l'école maternelle",
    "aménagement de la place de la République",
    "mise en accessibilité de la mairie",
    "extension du cimetière communal",
    "éclairage public à LED",
    "réhabilitation du réseau pluvial",
    "création d'une piste cyclable vers Villeneuve-la-Rivière",
    "réfection de la voirie du chemin de Baho",
    "construction d'un préau à l'école élémentaire",
    "rénovation de la salle des fêtes",
    "installation de la vidéoprotection",
    "aménagement du parc des berges de la Têt",
    "remplacement des menuiseries du groupe scolaire",
    "création d'un city-stade",
    "restauration du monument aux morts",
    "renouvellement des canalisations d'eau potable",
];

pub const POSTES: &[&str] = &[
    "adjoint technique territorial",
    "adjoint administratif principal de 2e classe",
    "agent territorial spécialisé des écoles maternelles",
    "rédacteur territorial",
    "brigadier-chef principal de police municipale",
    "animateur territorial",
    "agent de maîtrise",
    "technicien territorial",
    "adjoint d'animation",
    "attaché territorial",
];

pub const LIEUX_DITS: &[&str] = &[
    "Las Canals",
    "El Mas d'en Vila",
    "La Garrigue",
    "Les Aspres",
    "Le Ribéral",
    "Camp de la Tour",
    "Les Oliviers",
    "La Prade",
    "Mas Bertrand",
    "Els Horts",
    "La Coume",
    "Les Vignes Hautes",
];

pub const VOIES: &[&str] = &[
    "rue", "impasse", "allée", "place", "chemin", "avenue", "square",
];

pub const PERSONNES: &[&str] = &[
    "Jean Jaurès",
    "Simone Veil",
    "Aristide Maillol",
    "Pau Casals",
    "Joséphine Baker",
    "Gisèle Halimi",
    "Charles Trenet",
    "François Arago",
    "Marie Curie",
    "Louis Pasteur",
    "Olympe de Gouges",
    "Antoine de Saint-Exupéry",
    "Germaine Tillion",
    "Jean Moulin",
    "Lucie Aubrac",
    "Claude Simon",
    "Henri Matisse",
    "Raoul Dufy",
    "Pablo Neruda",
];

pub const EQUIPEMENTS: &[&str] = &[
    "la cantine scolaire",
    "l'accueil de loisirs sans hébergement",
    "la médiathèque",
    "la salle polyvalente",
    "le cimetière",
    "les jardins familiaux",
    "le marché de plein vent",
    "la halle des sports",
    "l'espace jeunes",
    "la garderie périscolaire",
    "le columbarium",
];

pub const SYNDICATS: &[&str] = &[
    "Syndicat intercommunal à vocation multiple du Ribéral",
    "Syndicat départemental d'énergies et d'électricité des Pyrénées-Orientales",
    "Syndicat mixte pour la gestion de la fourrière animale",
    "Syndicat intercommunal d'assainissement de la Têt",
    "groupement de commandes pour la fourniture de gaz naturel",
];

const COMMISSIONS: &[&str] = &[
    "des finances",
    "des travaux",
    "des affaires scolaires",
    "de l'urbanisme",
    "de la culture",
    "des sports et de la vie associative",
    "de l'environnement",
    "des affaires sociales",
];

const MATIERES: &[&str] = &[
    "1.1", "1.4", "2.1", "3.1", "3.2", "3.3", "4.1", "4.2", "5.3", "5.7", "7.1", "7.5", "8.1",
    "8.3", "8.5", "8.8", "9.1",
];

const OBJETS_CONVENTION: &[&str] = &[
    "mise à disposition d'un environnement numérique de travail pour les écoles",
    "l'entretien des espaces verts",
    "l'accueil des enfants au centre de loisirs",
    "la fourrière animale",
    "la lecture publique et le prêt de documents",
    "le déneigement des voies communales",
    "l'instruction des autorisations d'urbanisme",
    "la mise à disposition de la salle polyvalente",
    "l'organisation des transports scolaires",
    "la surveillance des baignades",
    "la prévention des incendies de forêt",
    "la télétransmission des actes au contrôle de légalité",
    "la restauration collective",
    "le raccordement au réseau de chaleur",
    "l'enseignement de la musique à l'école",
];

const TITRES_ARTICLES: &[&str] = &[
    "Objet de la convention",
    "Durée",
    "Engagements de la commune",
    "Engagements du partenaire",
    "Conditions financières",
    "Modalités de paiement",
    "Assurances et responsabilités",
    "Résiliation",
    "Règlement des litiges",
    "Communication",
    "Protection des données personnelles",
    "Évaluation et suivi",
    "Modification de la convention",
    "Propriété intellectuelle",
    "Gouvernance et pilotage",
    "Mise à disposition des locaux",
    "Entrée en vigueur",
];

fn montant(h: &mut Hasard) -> String {
    let euros = 500 + h.jusqua(250_000);
    let milliers = euros / 1000;
    if milliers > 0 {
        format!("{milliers} {:03},{:02} €", euros % 1000, h.jusqua(100))
    } else {
        format!("{euros},{:02} €", h.jusqua(100))
    }
}

fn date_texte(h: &mut Hasard, annee: i32) -> String {
    const MOIS: &[&str] = &[
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    format!("{} {} {annee}", 1 + h.jusqua(28), h.un(MOIS))
}

/// An objet and the theme words its exposé and dispositif reuse.
fn objet(h: &mut Hasard, annee: i32) -> (String, String) {
    let (objet, theme) = match h.jusqua(11) {
        0 => {
            let o = h.un(ORGANISMES);
            let c = h.un(OBJETS_CONVENTION);
            (
                format!(
                    "CONVENTION DE PARTENARIAT AVEC {} POUR {}",
                    o.to_uppercase(),
                    c.to_uppercase()
                ),
                format!("la convention avec {o} pour {c}"),
            )
        }
        1 => {
            let e = h.un(EQUIPEMENTS);
            (
                format!(
                    "TARIFS DE {} POUR L'ANNÉE {}/{}",
                    e.to_uppercase(),
                    annee,
                    annee + 1
                ),
                format!("les tarifs de {e}"),
            )
        }
        2 => {
            let a = h.un(ASSOCIATIONS);
            (
                format!(
                    "ATTRIBUTION D'UNE SUBVENTION EXCEPTIONNELLE À L'ASSOCIATION {}",
                    a.to_uppercase()
                ),
                format!("la subvention à l'association {a}"),
            )
        }
        3 => {
            let n = 1 + h.jusqua(5);
            (
                format!("DÉCISION MODIFICATIVE N° {n} DU BUDGET PRINCIPAL {annee}"),
                "les crédits du budget principal".to_owned(),
            )
        }
        4 => {
            let t = h.un(TRAVAUX);
            (
                format!(
                    "TRAVAUX DE {} — DEMANDE DE SUBVENTION AU TITRE DE LA DETR",
                    t.to_uppercase()
                ),
                format!("les travaux de {t}"),
            )
        }
        5 => {
            let p = h.un(POSTES);
            (
                format!(
                    "CRÉATION D'UN POSTE DE {} À TEMPS COMPLET",
                    p.to_uppercase()
                ),
                format!("le poste de {p}"),
            )
        }
        6 => {
            let l = h.un(LIEUX_DITS);
            let section = ["A", "B", "AB", "AC", "C", "D"][h.jusqua(6)];
            let parcelle = 1 + h.jusqua(2000);
            (
                format!(
                    "ACQUISITION DE LA PARCELLE CADASTRÉE {section} {parcelle} AU LIEU-DIT {}",
                    l.to_uppercase()
                ),
                format!("l'acquisition de la parcelle {section} {parcelle} au lieu-dit {l}"),
            )
        }
        7 => {
            let v = h.un(VOIES);
            let p = h.un(PERSONNES);
            (
                format!(
                    "DÉNOMINATION DE L'{} {}",
                    v.to_uppercase(),
                    p.to_uppercase()
                ),
                format!("la dénomination de l'{v} {p}"),
            )
        }
        8 => {
            let e = h.un(EQUIPEMENTS);
            (
                format!("RÈGLEMENT INTÉRIEUR DE {}", e.to_uppercase()),
                format!("le règlement intérieur de {e}"),
            )
        }
        9 => {
            let s = h.un(SYNDICATS);
            (
                format!("ADHÉSION AU {}", s.to_uppercase()),
                format!("l'adhésion au {s}"),
            )
        }
        _ => (
            "MISE À JOUR DU TABLEAU DES EFFECTIFS DU PERSONNEL COMMUNAL".to_owned(),
            "le tableau des effectifs".to_owned(),
        ),
    };
    (objet, theme)
}

fn paragraphe(h: &mut Hasard, theme: &str, annee: i32) -> String {
    let phrases = 2 + h.jusqua(3);
    let mut p = Vec::new();
    for _ in 0..phrases {
        let phrase = match h.jusqua(12) {
            0 => format!("Monsieur le Maire rappelle au conseil municipal que {theme} a fait l'objet d'un examen attentif lors de la réunion de la commission {} du {}.", h.un(COMMISSIONS), date_texte(h, annee)),
            1 => format!("Le montant de l'opération est estimé à {} hors taxes, financé par l'autofinancement et par une aide de {}.", montant(h), h.un(ORGANISMES)),
            2 => format!("Il est proposé à l'assemblée de se prononcer sur {theme}, conformément aux dispositions du code général des collectivités territoriales."),
            3 => format!("Cette démarche s'inscrit dans le projet de mandat, qui fait de la transition écologique et de la qualité du service public une priorité pour les habitants de {}.", h.un(COMMUNES)),
            4 => format!("La commission {} a émis un avis favorable à l'unanimité de ses membres.", h.un(COMMISSIONS)),
            5 => format!("Le dossier complet, comprenant le plan de financement et l'avis des services de l'État, est consultable en mairie aux heures d'ouverture du secrétariat."),
            6 => format!("Pour mémoire, une délibération du {} avait déjà approuvé le principe de ce projet, dont le coût global s'élève à {}.", date_texte(h, annee - 1), montant(h)),
            7 => format!("{} a fait savoir, par courrier du {}, qu'il accompagnerait la commune dans cette opération.", capitale(h.un(ORGANISMES)), date_texte(h, annee)),
            8 => format!("Les travaux seront réalisés par l'entreprise retenue après consultation, sous la conduite de {} et du service technique de {}.", h.un(PERSONNES), h.un(COMMUNES)),
            9 => format!("L'association {} sollicite le soutien de la commune pour l'organisation de ses manifestations de l'année {annee}.", h.un(ASSOCIATIONS)),
            10 => format!("Le lieu-dit {} et la {} {} sont concernés au premier chef par cette mesure.", h.un(LIEUX_DITS), h.un(VOIES), h.un(PERSONNES)),
            _ => format!("Les crédits nécessaires, soit {}, seront inscrits au budget primitif {annee}, section d'investissement.", montant(h)),
        };
        p.push(phrase);
    }
    p.join(" ")
}

fn capitale(texte: &str) -> String {
    let mut c = texte.chars();
    match c.next() {
        Some(premiere) => premiere.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn decisions(h: &mut Hasard, theme: &str, annee: i32) -> Vec<Decision> {
    let mut d = vec![Decision {
        verbe: "APPROUVE".into(),
        texte: format!("{theme} telle qu'exposée ci-dessus ;"),
    }];
    if h.chance(70) {
        d.push(Decision {
            verbe: "AUTORISE".into(),
            texte: "M. le Maire à signer tout document se rapportant à cette affaire ;".into(),
        });
    }
    if h.chance(50) {
        d.push(Decision {
            verbe: "DIT".into(),
            texte: format!(
                "que les crédits sont inscrits au budget {annee}, chapitre {}.",
                [11, 12, 65, 21, 23][h.jusqua(5)]
            ),
        });
    }
    if h.chance(30) {
        d.push(Decision {
            verbe: "CHARGE".into(),
            texte: format!(
                "M. le Maire de notifier la présente délibération à {}.",
                h.un(ORGANISMES)
            ),
        });
    }
    d
}

fn seance_id(annee: i32, rang: usize) -> String {
    format!("{annee}-{:02}-15", rang + 1)
}

/// The whole register. The commune, the élus and the séance template are
/// the demo register's.
pub fn generer() -> DonneesRegistre {
    let mut h = Hasard::new(0x5EED_2024);
    let demo = registre_core::demo::donnees();
    let modele_seance = demo.seances[0].clone();
    let modele_deliberation = demo.deliberations[0].clone();
    let elus: Vec<String> = demo.elus.iter().map(|e| e.id.clone()).collect();

    let mut seances = Vec::new();
    for a in 0..ANNEES {
        let annee = PREMIERE_ANNEE + a as i32;
        for rang in 0..SEANCES_PAR_AN {
            let date = NaiveDate::from_ymd_opt(annee, rang as u32 + 1, 15).unwrap();
            let mut s = modele_seance.clone();
            s.id = seance_id(annee, rang);
            s.date = date;
            s.date_convocation = date - chrono::Duration::days(8);
            seances.push(s);
        }
    }

    let par_an = DELIBERATIONS / ANNEES;
    let mut deliberations = Vec::with_capacity(DELIBERATIONS);
    let mut conventions = Vec::with_capacity(CONVENTIONS);
    for i in 0..DELIBERATIONS {
        let annee = PREMIERE_ANNEE + (i / par_an) as i32;
        let rang = i % par_an;
        let numero = format!("{annee}/{:03}", rang + 1);
        let (objet, theme) = objet(&mut h, annee);
        let expose: Vec<Alinea> = (0..2 + h.jusqua(3))
            .map(|_| Alinea::Simple(paragraphe(&mut h, &theme, annee)))
            .collect();
        let mut d: Deliberation = modele_deliberation.clone();
        d.numero = NumeroDeliberation::new(&numero).unwrap();
        d.seance = seance_id(annee, rang * SEANCES_PAR_AN / par_an);
        d.objet = objet;
        d.rapporteur = Some(elus[h.jusqua(elus.len())].clone());
        d.expose = expose;
        d.vote = Vote::Unanimite;
        d.decisions = decisions(&mut h, &theme, annee);
        d.statut = [
            Statut::Brouillon,
            Statut::SoumisAuMaire,
            Statut::BonPourSignature,
        ][h.jusqua(3)];
        d.matiere = Some(h.un(MATIERES).to_owned());
        d.numero_actes = None;
        d.convention = None;
        // One deliberation in four approves a convention.
        if i % 4 == 0 && conventions.len() < CONVENTIONS {
            let c = convention(&mut h, conventions.len(), &d, annee);
            d.convention = Some(c.id.clone());
            conventions.push(c);
        }
        deliberations.push(d);
    }
    DonneesRegistre {
        commune: demo.commune,
        elus: demo.elus,
        seances,
        deliberations,
        conventions,
        decisions_du_maire: Vec::new(),
    }
}

fn convention(h: &mut Hasard, rang: usize, d: &Deliberation, annee: i32) -> Convention {
    let organisme = h.un(ORGANISMES);
    let sujet = h.un(OBJETS_CONVENTION);
    let theme = format!("la convention avec {organisme} pour {sujet}");
    let partie = |nom: String, qualite: &str, designation: &str, representant: &str| Partie {
        nom,
        siret: None,
        adresse: vec![format!("{} {} {}", 1 + rang % 90, "avenue", "du Canigou")],
        representant: representant.to_owned(),
        qualite: qualite.to_owned(),
        designation: designation.to_owned(),
    };
    let articles: Vec<Article> = (0..6 + h.jusqua(7))
        .map(|i| Article {
            numero: (i + 1).to_string(),
            titre: h.un(TITRES_ARTICLES).to_owned(),
            contenu: (0..1 + h.jusqua(3))
                .map(|_| Bloc::Paragraphe {
                    texte: paragraphe(h, &theme, annee),
                })
                .collect(),
            sous_articles: Vec::new(),
        })
        .collect();
    Convention {
        id: format!("conv-{annee}-{rang:05}"),
        titre: format!(
            "Convention relative à {sujet} entre la commune de Pézilla-la-Rivière et {organisme}"
        ),
        entete: None,
        date_document: NaiveDate::from_ymd_opt(annee, 1 + (rang % 12) as u32, 1),
        parties: vec![
            partie(
                "COMMUNE DE PEZILLA-LA-RIVIERE".into(),
                "MAIRE",
                "collectivité",
                "Jean-Paul BILLES",
            ),
            partie(
                organisme.to_uppercase(),
                "Président",
                "partenaire",
                h.un(PERSONNES),
            ),
        ],
        notes: Vec::new(),
        preambule: (0..1 + h.jusqua(3))
            .map(|_| Bloc::Paragraphe {
                texte: paragraphe(h, &theme, annee),
            })
            .collect(),
        articles,
        lieu_signature: "Pézilla-la-Rivière".into(),
        date_signature: None,
        deliberation: Some(d.numero.clone()),
        periode: None,
        conditions_financieres: None,
    }
}

/// About 200 searches as typed: whole words without accents, words being
/// typed (prefixes of 3 to 6 letters), names, numbers, and a fifth with a
/// filter.
pub fn requetes() -> Vec<registre_core::recherche::RequeteRecherche> {
    use registre_core::recherche::{GenreFiche, RequeteRecherche};
    let mut h = Hasard::new(0xC0FF_EE);
    let mots: &[&str] = &[
        "cantine",
        "tarifs",
        "subvention",
        "convention",
        "partenariat",
        "travaux",
        "toiture",
        "eglise",
        "ecole",
        "maternelle",
        "numerique",
        "environnement",
        "eclairage",
        "voirie",
        "parcelle",
        "acquisition",
        "poste",
        "adjoint",
        "technique",
        "budget",
        "modificative",
        "association",
        "comite",
        "fetes",
        "cimetiere",
        "mediatheque",
        "reglement",
        "interieur",
        "syndicat",
        "energies",
        "fourriere",
        "denomination",
        "rue",
        "pezilla",
        "perpignan",
        "thuir",
        "academie",
        "montpellier",
        "departement",
        "region",
        "occitanie",
        "piste",
        "cyclable",
        "accessibilite",
        "mairie",
        "resiliation",
        "litiges",
        "assurances",
        "duree",
        "gouvernance",
        "pilotage",
        "donnees",
        "personnelles",
        "detr",
        "effectifs",
        "jaures",
        "maillol",
        "casals",
        "garrigue",
        "ribéral",
        "têt",
        "cœur",
        "restos",
        "chasse",
    ];
    let mut requetes = Vec::new();
    while requetes.len() < 200 {
        let n = 1 + h.jusqua(3);
        let mut texte: Vec<String> = (0..n).map(|_| h.un(mots).to_owned()).collect();
        // Half are being typed: the last word cut to 3–6 letters.
        if h.chance(50) {
            let dernier = texte.last_mut().unwrap();
            let garder = (3 + h.jusqua(4)).min(dernier.chars().count());
            *dernier = dernier.chars().take(garder).collect();
        }
        if h.chance(5) {
            texte = vec![format!(
                "{}/{:03}",
                PREMIERE_ANNEE + h.jusqua(ANNEES) as i32,
                1 + h.jusqua(800)
            )];
        }
        let mut r = RequeteRecherche {
            texte: texte.join(" "),
            ..Default::default()
        };
        match h.jusqua(10) {
            0 => r.annee = Some(PREMIERE_ANNEE + h.jusqua(ANNEES) as i32),
            1 => r.genre = Some(GenreFiche::Convention),
            _ => {}
        }
        requetes.push(r);
    }
    requetes
}

/// The searched text of a record, as the FTS5 table holds it: (titre, corps).
pub fn textes_deliberation(d: &Deliberation) -> (String, String) {
    let mut corps = vec![d.numero.to_string()];
    corps.extend(d.expose.iter().map(|a| a.brut()));
    corps.extend(
        d.decisions
            .iter()
            .map(|x| format!("{} {}", x.verbe, x.texte)),
    );
    (d.objet.clone(), corps.join("\n"))
}

pub fn textes_convention(c: &Convention) -> (String, String) {
    fn blocs(b: &[Bloc], corps: &mut Vec<String>) {
        for x in b {
            match x {
                Bloc::Paragraphe { texte } => corps.push(texte.clone()),
                Bloc::Liste { elements } => corps.extend(elements.iter().cloned()),
            }
        }
    }
    fn articles(a: &[Article], corps: &mut Vec<String>) {
        for x in a {
            corps.push(format!("Article {} — {}", x.numero, x.titre));
            blocs(&x.contenu, corps);
            articles(&x.sous_articles, corps);
        }
    }
    let mut corps: Vec<String> = c.parties.iter().map(|p| p.nom.clone()).collect();
    blocs(&c.preambule, &mut corps);
    articles(&c.articles, &mut corps);
    (c.titre.clone(), corps.join("\n"))
}
