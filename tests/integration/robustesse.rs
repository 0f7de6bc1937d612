//! Bad input everywhere: thousands of random mutations of a real register
//! file, and random values thrown at the commands, must give a French
//! refusal or a success — never a panic, never a half-written register.

use std::panic::{catch_unwind, AssertUnwindSafe};

use registre_core::cycle::Role;
use registre_core::recherche::RequeteRecherche;
use registre_core::{Redaction, Registre};
use serde_json::Value;

use crate::aide::maintenant;

/// xorshift64*: reproducible (fixed seed), no dependency.
struct Hasard(u64);

impl Hasard {
    fn suivant(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn sous(&mut self, n: usize) -> usize {
        (self.suivant() % n.max(1) as u64) as usize
    }
}

/// Values a clerk, a bad file or an attacker could put in a field.
fn valeur_hostile(h: &mut Hasard) -> Value {
    let textes = [
        String::new(),
        " ".into(),
        "<img src=x onerror=alert(1)>".into(),
        "<script>alert('x')</script>".into(),
        "Fête 🎉🎉".into(),
        "a\u{0}b\u{1b}[31m".into(),
        "é".repeat(200_000),
        "2024/052".into(),
        "2024-13-45".into(),
        "9999999999999999999999".into(),
        "../../etc/passwd".into(),
        "\u{202e}inversé".into(),
        "ligne\nsuivante".into(),
    ];
    match h.sous(6) {
        0 => Value::String(textes[h.sous(textes.len())].clone()),
        1 => Value::from(-(h.suivant() as i64).abs()),
        2 => Value::from(u64::MAX),
        3 => Value::Null,
        4 => Value::Array(vec![Value::from(1), Value::Bool(true)]),
        _ => Value::Bool(h.sous(2) == 0),
    }
}

/// Replaces, removes or retypes one random value somewhere in the tree.
fn muter(v: &mut Value, h: &mut Hasard, profondeur: usize) {
    match v {
        Value::Object(o) if !o.is_empty() => {
            let cles: Vec<String> = o.keys().cloned().collect();
            let cle = &cles[h.sous(cles.len())];
            if profondeur > 0 && h.sous(3) != 0 {
                muter(o.get_mut(cle).expect("key exists"), h, profondeur - 1);
            } else if h.sous(4) == 0 {
                o.remove(cle);
            } else {
                o.insert(cle.clone(), valeur_hostile(h));
            }
        }
        Value::Array(a) if !a.is_empty() => {
            let i = h.sous(a.len());
            if profondeur > 0 && h.sous(3) != 0 {
                muter(&mut a[i], h, profondeur - 1);
            } else if h.sous(3) == 0 {
                a.remove(i);
            } else {
                a[i] = valeur_hostile(h);
            }
        }
        _ => *v = valeur_hostile(h),
    }
}

#[test]
fn des_fichiers_d_import_abimes_sont_refuses_sans_panique_ni_ecriture() {
    let dir = tempfile::tempdir().unwrap();
    let r = Registre::ouvrir(dir.path()).unwrap();
    r.charger_demo(maintenant()).unwrap();
    let reference: Value = serde_json::from_str(&r.exporter().unwrap().en_json()).unwrap();
    let avant = r.exporter().unwrap().en_json();
    let mut h = Hasard(0x5EED_2024_0052);
    let (mut refus, mut acceptes) = (0, 0);
    for tour in 0..400 {
        let mut v = reference.clone();
        for _ in 0..=h.sous(3) {
            muter(&mut v, &mut h, 6);
        }
        let mut texte = v.to_string();
        if tour % 10 == 0 {
            // A truncated file, as a full disk leaves it.
            let coupe = h.sous(texte.len());
            texte = texte.chars().take(coupe).collect();
        }
        let resultat = catch_unwind(AssertUnwindSafe(|| r.importer(&texte, true, maintenant())));
        match resultat {
            Err(_) => panic!("import panicked on mutation {tour}: {texte:.300}"),
            Ok(Ok(_)) => {
                acceptes += 1;
                // An accepted file is a valid register: put the reference back.
                r.importer(&avant, true, maintenant()).unwrap();
            }
            Ok(Err(e)) => {
                refus += 1;
                let message = e.to_string();
                assert!(!message.is_empty());
                assert_eq!(
                    r.exporter().unwrap().en_json(),
                    avant,
                    "a refused import wrote something"
                );
            }
        }
    }
    assert!(refus > 300, "{refus} refusals, {acceptes} accepted");
}

#[test]
fn des_valeurs_hostiles_donnent_aux_commandes_un_refus_et_jamais_une_panique() {
    let dir = tempfile::tempdir().unwrap();
    let r = Registre::ouvrir(dir.path()).unwrap();
    r.charger_demo(maintenant()).unwrap();
    let clerc = r.acteur(Role::Secretariat).unwrap();
    let mut h = Hasard(0x0BAD_F00D);
    let base = r.lire_redaction("2024/052").unwrap();
    for tour in 0..300 {
        let texte = match valeur_hostile(&mut h) {
            Value::String(s) => s,
            autre => autre.to_string(),
        };
        let resultat = catch_unwind(AssertUnwindSafe(|| {
            let _ = r.lire_deliberation(&texte);
            let _ = r.lire_seance(&texte);
            let _ = r.proposer_numero(&texte);
            let _ = r.historique(&texte);
            let _ = r.rechercher(&RequeteRecherche {
                texte: texte.clone(),
                ..Default::default()
            });
            let mut f = base.clone();
            f.numero = String::new();
            match tour % 4 {
                0 => f.objet = texte.clone(),
                1 => f.expose = texte.clone(),
                2 => f.matiere = Some(texte.clone()),
                _ => f.seance = texte.clone(),
            }
            let nombre_avant = r.lister_deliberations().unwrap().len();
            if r.enregistrer_redaction(f, &clerc, maintenant()).is_err() {
                assert_eq!(r.lister_deliberations().unwrap().len(), nombre_avant);
            }
        }));
        assert!(resultat.is_ok(), "a command panicked on {texte:.200}");
    }
    // The hostile texts that must be refused, whatever the field.
    for hostile in ["<img src=x onerror=alert(1)>", "Fête 🎉", "a\u{0}b"] {
        let mut f: Redaction = base.clone();
        f.numero = String::new();
        f.objet = hostile.into();
        let e = r
            .enregistrer_redaction(f, &clerc, maintenant())
            .unwrap_err();
        assert!(e.to_string().contains("objet"), "{e}");
    }
}
