//! The versioned JSON interchange format: the register's long-term format
//! (sled is only its working store). `docs/format-echange-v1.schema.json` is
//! generated from these types; a test fails when it drifts.
//!
//! Import is a pipeline that writes nothing until every step passed: JSON
//! syntax → envelope and version → JSON Schema → typed decoding → the
//! cross-record rules of [`valider`]. Every anomaly names its field path.

use std::collections::HashSet;
use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domaine::{
    Commune, Convention, DecisionMaire, Deliberation, Elu, EtatPresence, Seance, Statut,
};
use crate::erreur::{Anomalie, Erreur, Resultat};

/// Value of the `format` field of every interchange file.
pub const FORMAT_ECHANGE: &str = "registre";
/// Current version of the interchange format.
pub const VERSION_ECHANGE: u32 = 1;

/// The whole register's content.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DonneesRegistre {
    /// Absent only for an empty register.
    #[serde(default)]
    pub commune: Option<Commune>,
    #[serde(default)]
    pub elus: Vec<Elu>,
    #[serde(default)]
    pub seances: Vec<Seance>,
    #[serde(default)]
    pub deliberations: Vec<Deliberation>,
    #[serde(default)]
    pub conventions: Vec<Convention>,
    /// Decisions of the maire by delegation (L2122-22), in the register by date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions_du_maire: Vec<DecisionMaire>,
}

impl DonneesRegistre {
    pub fn est_vide(&self) -> bool {
        self.commune.is_none()
            && self.elus.is_empty()
            && self.seances.is_empty()
            && self.deliberations.is_empty()
            && self.conventions.is_empty()
            && self.decisions_du_maire.is_empty()
    }
}

/// The file: an envelope naming the format and its version, then the register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Registre — format d'échange",
    description = "Registre des délibérations d'une commune : commune, élus, séances, délibérations, conventions."
)]
pub struct Echange {
    /// Always "registre".
    #[schemars(extend("const" = "registre"))]
    pub format: String,
    /// Version of this format; a file of a newer version is refused.
    #[schemars(range(min = 1))]
    pub version: u32,
    pub registre: DonneesRegistre,
}

impl Echange {
    pub fn nouveau(registre: DonneesRegistre) -> Echange {
        Echange {
            format: FORMAT_ECHANGE.to_owned(),
            version: VERSION_ECHANGE,
            registre,
        }
    }

    /// Pretty JSON with a final newline: stable, diff-friendly.
    pub fn en_json(&self) -> String {
        let mut texte =
            serde_json::to_string_pretty(self).expect("the interchange types always serialize");
        texte.push('\n');
        texte
    }
}

/// The JSON Schema of the interchange format, as committed in `docs/`.
pub fn schema_json() -> String {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<Echange>();
    let mut texte = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    texte.push('\n');
    texte
}

static VALIDATEUR: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let schema: Value = serde_json::from_str(&schema_json()).expect("the generated schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the generated schema compiles")
});

/// Parses and checks an interchange file; returns the register only if it is
/// entirely valid, otherwise every anomaly found (in French, with its path).
pub fn lire(texte: &str) -> Resultat<DonneesRegistre> {
    let refus = |anomalies: Vec<Anomalie>| Erreur::ImportInvalide(anomalies);
    let valeur: Value = serde_json::from_str(texte).map_err(|e| {
        refus(vec![Anomalie {
            chemin: String::new(),
            message: format!(
                "le fichier n'est pas un JSON valide (ligne {}, colonne {})",
                e.line(),
                e.column()
            ),
        }])
    })?;
    verifier_enveloppe(&valeur).map_err(|a| refus(vec![a]))?;

    let anomalies: Vec<Anomalie> = VALIDATEUR
        .iter_errors(&valeur)
        .map(|e| Anomalie {
            chemin: chemin_depuis_pointeur(e.instance_path().as_str()),
            message: message_schema(e.kind()),
        })
        .collect();
    if !anomalies.is_empty() {
        return Err(refus(anomalies));
    }

    let echange: Echange = serde_path_to_error::deserialize(&valeur).map_err(|e| {
        refus(vec![Anomalie {
            chemin: e.path().to_string(),
            message: e.inner().to_string(),
        }])
    })?;
    let anomalies = valider(&echange.registre);
    if anomalies.is_empty() {
        Ok(echange.registre)
    } else {
        Err(refus(anomalies))
    }
}

fn verifier_enveloppe(valeur: &Value) -> Result<(), Anomalie> {
    let anomalie = |chemin: &str, message: String| Anomalie {
        chemin: chemin.to_owned(),
        message,
    };
    let Some(objet) = valeur.as_object() else {
        return Err(anomalie(
            "",
            "le fichier doit contenir un objet JSON".into(),
        ));
    };
    if objet.get("format").and_then(Value::as_str) != Some(FORMAT_ECHANGE) {
        return Err(anomalie(
            "format",
            format!("ce n'est pas un fichier d'échange Registre (« format » doit valoir « {FORMAT_ECHANGE} »)"),
        ));
    }
    match objet.get("version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(VERSION_ECHANGE) => Err(anomalie(
            "version",
            format!(
                "le fichier est au format {v}, produit par une version plus récente de Registre (cette version lit jusqu'au format {VERSION_ECHANGE}) ; mettez Registre à jour"
            ),
        )),
        Some(v) if v >= 1 => Ok(()),
        _ => Err(anomalie(
            "version",
            "la version du format doit être un nombre entier positif".into(),
        )),
    }
}

/// "/registre/deliberations/0/seance" → "registre.deliberations[0].seance".
fn chemin_depuis_pointeur(pointeur: &str) -> String {
    let mut chemin = String::new();
    for segment in pointeur.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        if !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()) {
            chemin.push_str(&format!("[{segment}]"));
        } else {
            if !chemin.is_empty() {
                chemin.push('.');
            }
            chemin.push_str(&segment);
        }
    }
    chemin
}

fn message_schema(kind: &jsonschema::error::ValidationErrorKind) -> String {
    use jsonschema::error::ValidationErrorKind as K;
    match kind {
        K::Required { property } => format!(
            "champ obligatoire manquant : « {} »",
            property.as_str().unwrap_or_default()
        ),
        K::AdditionalProperties { unexpected } | K::UnevaluatedProperties { unexpected } => {
            format!("champ(s) inconnu(s) : {}", guillemets(unexpected))
        }
        K::Type { kind } => format!("type de valeur incorrect (attendu : {})", nom_type(kind)),
        K::Pattern { pattern } => format!("valeur mal formée (forme attendue : {pattern})"),
        K::Format { format } => match format.as_str() {
            "date" => "date invalide (forme attendue : AAAA-MM-JJ, par exemple 2024-05-15)".into(),
            "partial-date-time" | "time" => {
                "heure invalide (forme attendue : HH:MM:SS, par exemple 18:00:00)".into()
            }
            autre => format!("valeur au format « {autre} » invalide"),
        },
        K::Enum { options } => format!("valeur non reconnue (valeurs admises : {options})"),
        K::Constant { expected_value } => format!("la valeur doit être {expected_value}"),
        K::Minimum { limit } | K::ExclusiveMinimum { limit } => {
            format!("valeur trop petite (minimum : {limit})")
        }
        K::Maximum { limit } | K::ExclusiveMaximum { limit } => {
            format!("valeur trop grande (maximum : {limit})")
        }
        K::OneOfNotValid { .. } | K::AnyOf { .. } | K::OneOfMultipleValid { .. } => {
            "valeur qui ne correspond à aucune des formes admises (vérifiez le champ de type : « etat », « mode », « type » ou « fonction », et les champs qui l'accompagnent)".into()
        }
        _ => "valeur non conforme au format d'échange".into(),
    }
}

fn guillemets(noms: &[String]) -> String {
    noms.iter()
        .map(|n| format!("« {n} »"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn nom_type(kind: &jsonschema::error::TypeKind) -> String {
    use jsonschema::error::TypeKind;
    let nom = |t: &jsonschema::JsonType| -> &'static str {
        match t {
            jsonschema::JsonType::Null => "null",
            jsonschema::JsonType::Boolean => "vrai/faux",
            jsonschema::JsonType::Integer => "nombre entier",
            jsonschema::JsonType::Number => "nombre",
            jsonschema::JsonType::String => "texte",
            jsonschema::JsonType::Array => "liste",
            jsonschema::JsonType::Object => "objet",
        }
    };
    match kind {
        TypeKind::Single(t) => nom(t).to_owned(),
        TypeKind::Multiple(ts) => ts.iter().map(|t| nom(&t)).collect::<Vec<_>>().join(" ou "),
    }
}

/// Cross-record rules the schema cannot express: unique identifiers and
/// references that resolve.
pub fn valider(r: &DonneesRegistre) -> Vec<Anomalie> {
    let mut anomalies = Vec::new();
    let mut signaler =
        |chemin: String, message: String| anomalies.push(Anomalie { chemin, message });

    if r.commune.is_none()
        && !(r.elus.is_empty()
            && r.seances.is_empty()
            && r.deliberations.is_empty()
            && r.conventions.is_empty())
    {
        signaler(
            "registre.commune".into(),
            "la commune est obligatoire dès que le registre contient des données".into(),
        );
    }

    let elus = uniques(
        r.elus.iter().map(|e| e.id.as_str()),
        "registre.elus",
        "id",
        "l'identifiant d'élu",
        &mut signaler,
    );
    let seances = uniques(
        r.seances.iter().map(|s| s.id.as_str()),
        "registre.seances",
        "id",
        "l'identifiant de séance",
        &mut signaler,
    );
    let conventions = uniques(
        r.conventions.iter().map(|c| c.id.as_str()),
        "registre.conventions",
        "id",
        "l'identifiant de convention",
        &mut signaler,
    );
    let numeros = uniques(
        r.deliberations.iter().map(|d| d.numero.as_str()),
        "registre.deliberations",
        "numero",
        "le numéro de délibération",
        &mut signaler,
    );

    let elu_connu = |chemin: String, id: &str, signaler: &mut dyn FnMut(String, String)| {
        if !elus.contains(id) {
            signaler(
                chemin,
                format!("l'élu « {id} » n'existe pas dans « registre.elus »"),
            );
        }
    };

    if let Some(commune) = &r.commune {
        elu_connu(
            "registre.commune.maire".into(),
            &commune.maire,
            &mut signaler,
        );
    }
    for (i, e) in r.elus.iter().enumerate() {
        if let (Some(debut), Some(fin)) = (e.mandat_debut, e.mandat_fin) {
            if fin < debut {
                signaler(
                    format!("registre.elus[{i}].mandat_fin"),
                    "la fin du mandat précède son début".into(),
                );
            }
        }
    }
    for (i, s) in r.seances.iter().enumerate() {
        let base = format!("registre.seances[{i}]");
        elu_connu(format!("{base}.president"), &s.president, &mut signaler);
        for (j, sec) in s.secretaires.iter().enumerate() {
            elu_connu(format!("{base}.secretaires[{j}]"), sec, &mut signaler);
        }
        if s.date_convocation > s.date {
            signaler(
                format!("{base}.date_convocation"),
                "la convocation est datée après la séance".into(),
            );
        }
        let mut vus = HashSet::new();
        for (j, p) in s.presences.iter().enumerate() {
            elu_connu(format!("{base}.presences[{j}].elu"), &p.elu, &mut signaler);
            if !vus.insert(p.elu.as_str()) {
                signaler(
                    format!("{base}.presences[{j}].elu"),
                    format!("l'élu « {} » figure deux fois dans les présences", p.elu),
                );
            }
            if let EtatPresence::Represente { mandataire } = &p.etat {
                elu_connu(
                    format!("{base}.presences[{j}].mandataire"),
                    mandataire,
                    &mut signaler,
                );
                if mandataire == &p.elu {
                    signaler(
                        format!("{base}.presences[{j}].mandataire"),
                        "un élu ne peut pas se donner pouvoir à lui-même".into(),
                    );
                }
            }
        }
    }
    for (i, d) in r.deliberations.iter().enumerate() {
        let base = format!("registre.deliberations[{i}]");
        if !seances.contains(d.seance.as_str()) {
            signaler(
                format!("{base}.seance"),
                format!(
                    "la séance « {} » n'existe pas dans « registre.seances »",
                    d.seance
                ),
            );
        }
        if let Some(rapporteur) = &d.rapporteur {
            elu_connu(format!("{base}.rapporteur"), rapporteur, &mut signaler);
        }
        if d.objet.trim().is_empty() {
            signaler(
                format!("{base}.objet"),
                "l'objet de la délibération est vide".into(),
            );
        }
        if let Some(c) = &d.convention {
            if !conventions.contains(c.as_str()) {
                signaler(
                    format!("{base}.convention"),
                    format!("la convention « {c} » n'existe pas dans « registre.conventions »"),
                );
            }
        }
        if let Some(code) = &d.matiere {
            if let Err(message) = crate::domaine::actes::verifier_matiere(code) {
                signaler(format!("{base}.matiere"), message);
            }
        }
        if let Some(c) = &d.corrige {
            if c.numero == d.numero {
                signaler(
                    format!("{base}.corrige.numero"),
                    "une délibération ne peut pas se corriger elle-même".into(),
                );
            } else if !numeros.contains(c.numero.as_str()) {
                signaler(
                    format!("{base}.corrige.numero"),
                    format!(
                        "la délibération « {} » n'existe pas dans « registre.deliberations »",
                        c.numero
                    ),
                );
            }
        }
        // The life's records only exist from the status that creates them.
        for (present, statut, champ) in [
            (d.signature.is_some(), Statut::Signe, "signature"),
            (d.transmission.is_some(), Statut::Transmis, "transmission"),
            (d.publication.is_some(), Statut::Publie, "publication"),
        ] {
            if present && d.statut < statut {
                signaler(
                    format!("{base}.{champ}"),
                    format!(
                        "une délibération au statut « {} » ne peut pas avoir de {champ}",
                        d.statut.libelle()
                    ),
                );
            }
        }
    }
    textes_admissibles(r, &mut signaler);

    let numeros_decisions = uniques(
        r.decisions_du_maire.iter().map(|d| d.numero.as_str()),
        "registre.decisions_du_maire",
        "numero",
        "le numéro de décision",
        &mut signaler,
    );
    drop(numeros_decisions);
    for (i, x) in r.decisions_du_maire.iter().enumerate() {
        let base = format!("registre.decisions_du_maire[{i}]");
        if x.objet.trim().is_empty() {
            signaler(
                format!("{base}.objet"),
                "l'objet de la décision est vide".into(),
            );
        }
        if x.fondement.trim().is_empty() {
            signaler(
                format!("{base}.fondement"),
                "indiquez la délégation utilisée (par exemple « CGCT L2122-22, 4° »)".into(),
            );
        }
        if chrono::Datelike::year(&x.date) != x.numero.annee() {
            signaler(
                format!("{base}.numero"),
                format!("le numéro {} n'est pas de l'année de la décision", x.numero),
            );
        }
        if let Some(n) = &x.deliberation_delegation {
            if !numeros.contains(n.as_str()) {
                signaler(
                    format!("{base}.deliberation_delegation"),
                    format!("la délibération « {n} » n'existe pas dans « registre.deliberations »"),
                );
            }
        }
        if let Some(s) = &x.compte_rendu_seance {
            match r.seances.iter().find(|x| &x.id == s) {
                None => signaler(
                    format!("{base}.compte_rendu_seance"),
                    format!("la séance « {s} » n'existe pas dans « registre.seances »"),
                ),
                Some(seance) if seance.date < x.date => signaler(
                    format!("{base}.compte_rendu_seance"),
                    "une décision ne peut être rapportée au conseil avant d'avoir été prise".into(),
                ),
                Some(_) => {}
            }
        }
    }

    // The ACTES NumeroInterne is unique per collectivité.
    let mut numeros_actes = HashSet::new();
    for (i, d) in r.deliberations.iter().enumerate() {
        if let Some(n) = &d.numero_actes {
            if !numeros_actes.insert(n.as_str()) {
                signaler(
                    format!("registre.deliberations[{i}].numero_actes"),
                    format!("le numéro ACTES « {n} » est déjà utilisé"),
                );
            }
        }
    }
    for (i, c) in r.conventions.iter().enumerate() {
        if let Some(n) = &c.deliberation {
            if !numeros.contains(n.as_str()) {
                signaler(
                    format!("registre.conventions[{i}].deliberation"),
                    format!("la délibération « {n} » n'existe pas dans « registre.deliberations »"),
                );
            }
        }
    }
    anomalies
}

/// The first anomaly `valider` finds in the record at `chemin` (say
/// "registre.seances[3]"), its path renamed from `chemin` to `nom` so the
/// message names the field of the form being saved ("seance.date").
pub fn anomalie_de(r: &DonneesRegistre, chemin: &str, nom: &str) -> Option<Anomalie> {
    let sous = format!("{chemin}.");
    valider(r)
        .into_iter()
        .find(|a| a.chemin == chemin || a.chemin.starts_with(&sous))
        .map(|a| Anomalie {
            chemin: a.chemin.replacen(chemin, nom, 1),
            message: a.message,
        })
}

/// Every text of the register obeys `domaine::saisie`: printable by the
/// register's font, no control character, no HTML, a sensible length.
fn textes_admissibles(r: &DonneesRegistre, signaler: &mut dyn FnMut(String, String)) {
    use crate::domaine::saisie;
    use crate::domaine::{Article, Bloc};
    type Regle = fn(&str) -> Result<(), String>;
    /// One paragraph: long, but on one line.
    fn paragraphe(texte: &str) -> Result<(), String> {
        saisie::verifier(texte, saisie::TEXTE_MAX, false)
    }
    let (ligne, texte): (Regle, Regle) = (saisie::ligne, saisie::texte);
    let mut trouvees: Vec<(String, String)> = Vec::new();
    let mut verifier = |chemin: String, valeur: &str, regle: Regle| {
        if let Err(message) = regle(valeur) {
            trouvees.push((chemin, message));
        }
    };
    if let Some(c) = &r.commune {
        verifier("registre.commune.nom".into(), &c.nom, ligne);
    }
    for (i, e) in r.elus.iter().enumerate() {
        verifier(format!("registre.elus[{i}].prenom"), &e.prenom, ligne);
        verifier(format!("registre.elus[{i}].nom"), &e.nom, ligne);
    }
    for (i, s) in r.seances.iter().enumerate() {
        verifier(format!("registre.seances[{i}].lieu"), &s.lieu, ligne);
        for (j, point) in s.ordre_du_jour.iter().enumerate() {
            verifier(
                format!("registre.seances[{i}].ordre_du_jour[{j}]"),
                point,
                paragraphe,
            );
        }
    }
    for (i, d) in r.deliberations.iter().enumerate() {
        let base = format!("registre.deliberations[{i}]");
        verifier(format!("{base}.objet"), &d.objet, ligne);
        for (j, v) in d.visas.iter().enumerate() {
            verifier(format!("{base}.visas[{j}]"), v, paragraphe);
        }
        for (j, a) in d.expose.iter().enumerate() {
            verifier(format!("{base}.expose[{j}]"), &a.brut(), texte);
        }
        for (j, x) in d.decisions.iter().enumerate() {
            verifier(format!("{base}.decisions[{j}].verbe"), &x.verbe, ligne);
            verifier(format!("{base}.decisions[{j}].texte"), &x.texte, paragraphe);
        }
    }
    fn blocs(base: &str, liste: &[Bloc], verifier: &mut dyn FnMut(String, &str, Regle)) {
        for (k, b) in liste.iter().enumerate() {
            match b {
                Bloc::Paragraphe { texte } => {
                    verifier(format!("{base}[{k}].texte"), texte, saisie::texte)
                }
                Bloc::Liste { elements } => {
                    for (l, e) in elements.iter().enumerate() {
                        verifier(format!("{base}[{k}].elements[{l}]"), e, saisie::texte);
                    }
                }
            }
        }
    }
    fn articles(base: &str, liste: &[Article], verifier: &mut dyn FnMut(String, &str, Regle)) {
        for (k, a) in liste.iter().enumerate() {
            let ici = format!("{base}[{k}]");
            verifier(format!("{ici}.titre"), &a.titre, saisie::ligne);
            blocs(&format!("{ici}.contenu"), &a.contenu, verifier);
            articles(&format!("{ici}.sous_articles"), &a.sous_articles, verifier);
        }
    }
    for (i, c) in r.conventions.iter().enumerate() {
        let base = format!("registre.conventions[{i}]");
        verifier(format!("{base}.titre"), &c.titre, paragraphe);
        for (j, p) in c.parties.iter().enumerate() {
            verifier(format!("{base}.parties[{j}].nom"), &p.nom, paragraphe);
            verifier(
                format!("{base}.parties[{j}].representant"),
                &p.representant,
                ligne,
            );
            verifier(
                format!("{base}.parties[{j}].qualite"),
                &p.qualite,
                paragraphe,
            );
        }
        blocs(&format!("{base}.preambule"), &c.preambule, &mut verifier);
        articles(&format!("{base}.articles"), &c.articles, &mut verifier);
    }
    for (i, x) in r.decisions_du_maire.iter().enumerate() {
        let base = format!("registre.decisions_du_maire[{i}]");
        verifier(format!("{base}.objet"), &x.objet, ligne);
        verifier(format!("{base}.fondement"), &x.fondement, ligne);
        for (j, a) in x.texte.iter().enumerate() {
            verifier(format!("{base}.texte[{j}]"), &a.brut(), texte);
        }
    }
    for (chemin, message) in trouvees {
        signaler(chemin, message);
    }
}

fn uniques<'a>(
    ids: impl Iterator<Item = &'a str>,
    liste: &str,
    champ: &str,
    quoi: &str,
    signaler: &mut dyn FnMut(String, String),
) -> HashSet<&'a str> {
    let mut vus = HashSet::new();
    for (i, id) in ids.enumerate() {
        if !vus.insert(id) {
            signaler(
                format!("{liste}[{i}].{champ}"),
                format!("{quoi} « {id} » est déjà utilisé"),
            );
        }
    }
    vus
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `docs/format-echange-v1.schema.json` is generated from the types;
    /// `REGISTRE_MAJ_GENERES=1 cargo test -p registre-core` rewrites it.
    #[test]
    fn schema_json_documente_a_jour() {
        let chemin = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../docs/format-echange-v1.schema.json");
        let attendu = schema_json();
        if std::env::var_os("REGISTRE_MAJ_GENERES").is_some() {
            std::fs::write(&chemin, &attendu).unwrap();
        }
        let committe = std::fs::read_to_string(&chemin).unwrap_or_default();
        assert!(
            committe == attendu,
            "docs/format-echange-v1.schema.json is out of date: run REGISTRE_MAJ_GENERES=1 cargo test -p registre-core"
        );
    }

    fn demo() -> Value {
        serde_json::from_str(crate::demo::JSON).unwrap()
    }

    fn anomalies(valeur: &Value) -> Vec<Anomalie> {
        match lire(&valeur.to_string()) {
            Err(Erreur::ImportInvalide(a)) => a,
            autre => panic!("expected ImportInvalide, got {autre:?}"),
        }
    }

    #[test]
    fn la_demo_respecte_le_schema_et_les_regles() {
        let r = lire(crate::demo::JSON).unwrap();
        assert_eq!(r.elus.len(), 27);
        assert!(valider(&r).is_empty());
    }

    #[test]
    fn un_champ_manquant_est_nomme() {
        let mut v = demo();
        v["registre"]["deliberations"][0]
            .as_object_mut()
            .unwrap()
            .remove("objet");
        let a = anomalies(&v);
        assert_eq!(a[0].chemin, "registre.deliberations[0]");
        assert!(a[0].message.contains("« objet »"), "{:?}", a);
    }

    #[test]
    fn une_date_mal_formee_est_nommee_en_francais() {
        let mut v = demo();
        v["registre"]["seances"][0]["date"] = "15/05/2024".into();
        let a = anomalies(&v);
        assert_eq!(a[0].chemin, "registre.seances[0].date");
        assert!(a[0].message.contains("AAAA-MM-JJ"), "{:?}", a);
    }

    #[test]
    fn un_siret_a_cle_fausse_est_refuse_avec_son_chemin() {
        let mut v = demo();
        v["registre"]["commune"]["siret"] = "21660140100121".into();
        let a = anomalies(&v);
        assert_eq!(a[0].chemin, "registre.commune.siret");
        assert!(a[0].message.contains("clé de contrôle"), "{:?}", a);
    }

    #[test]
    fn une_reference_a_un_elu_inconnu_est_refusee() {
        let mut v = demo();
        v["registre"]["deliberations"][0]["rapporteur"] = "inconnu".into();
        let a = anomalies(&v);
        assert_eq!(a[0].chemin, "registre.deliberations[0].rapporteur");
        assert!(a[0].message.contains("« inconnu »"), "{:?}", a);
    }

    #[test]
    fn un_champ_inconnu_a_cote_d_un_champ_aplati_est_refuse() {
        let mut v = demo();
        v["registre"]["elus"][0]["age"] = 60.into();
        v["registre"]["seances"][0]["presences"][0]["retard"] = true.into();
        let a = anomalies(&v);
        assert!(
            a.iter()
                .any(|x| x.chemin == "registre.elus[0]" && x.message.contains("« age »")),
            "{a:?}"
        );
        assert!(
            a.iter()
                .any(|x| x.chemin == "registre.seances[0].presences[0]"
                    && x.message.contains("« retard »")),
            "{a:?}"
        );
    }

    #[test]
    fn un_champ_inconnu_est_refuse() {
        let mut v = demo();
        v["registre"]["seances"][0]["meteo"] = "beau".into();
        let a = anomalies(&v);
        assert_eq!(a[0].chemin, "registre.seances[0]");
        assert!(a[0].message.contains("« meteo »"), "{:?}", a);
    }

    #[test]
    fn un_fichier_d_une_version_plus_recente_est_refuse() {
        let mut v = demo();
        v["version"] = 2.into();
        let a = anomalies(&v);
        assert_eq!(a[0].chemin, "version");
        assert!(a[0].message.contains("plus récente"), "{:?}", a);
    }

    #[test]
    fn un_json_casse_indique_la_ligne() {
        let a = match lire("{\n  \"format\": ") {
            Err(Erreur::ImportInvalide(a)) => a,
            autre => panic!("{autre:?}"),
        };
        assert!(a[0].message.contains("ligne 2"), "{:?}", a);
    }

    #[test]
    fn deux_numeros_identiques_sont_refuses() {
        let mut v = demo();
        let d = v["registre"]["deliberations"][0].clone();
        v["registre"]["deliberations"]
            .as_array_mut()
            .unwrap()
            .push(d);
        let a = anomalies(&v);
        assert!(
            a.iter()
                .any(|x| x.chemin == "registre.deliberations[1].numero"),
            "{:?}",
            a
        );
    }

    #[test]
    fn pointeur_json_devient_chemin_lisible() {
        assert_eq!(
            chemin_depuis_pointeur("/registre/deliberations/0/seance"),
            "registre.deliberations[0].seance"
        );
        assert_eq!(chemin_depuis_pointeur(""), "");
    }
}
