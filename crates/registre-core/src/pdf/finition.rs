//! Post-processing of genpdf's output with lopdf: what printpdf 0.3 writes
//! and a register's documents cannot keep.
//!
//! - Streams: printpdf leaves fonts and page contents uncompressed (and
//!   compresses nothing in debug builds); every stream is Flate-compressed.
//! - Fonts: printpdf names them F0…F3 with made-up descriptor values; each
//!   gets its real PostScript name with a subset tag ("ABCDEF+LiberationSerif-Bold",
//!   ISO 32000 §9.6.4), and its bounding box, ascent, descent, cap height and
//!   italic angle from the font, scaled to the PDF's 1000-unit glyph space.
//! - Metadata: printpdf writes the title as raw UTF-8 (mojibake in viewers)
//!   and the creation date from the clock; the Info dictionary is rewritten
//!   with UTF-16 text strings and the dates passed in, and the file ID is
//!   derived from the content, so the same input gives the same bytes.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use chrono::NaiveDateTime;
use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::contenu::compacter;
use super::polices::SousEnsemble;

/// The document information dictionary's contents.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Metadonnees {
    pub titre: String,
    /// The commune: "Commune de Pézilla-la-Rivière".
    pub auteur: String,
    pub sujet: String,
    pub mots_cles: String,
    /// Creation and modification date (no clock is read in the core).
    pub date: NaiveDateTime,
}

/// A PDF text string: UTF-16BE with its byte-order mark, valid for any text.
fn texte_pdf(texte: &str) -> Object {
    let mut octets = vec![0xFE, 0xFF];
    for unite in texte.encode_utf16() {
        octets.extend_from_slice(&unite.to_be_bytes());
    }
    Object::String(octets, StringFormat::Hexadecimal)
}

fn date_pdf(date: NaiveDateTime) -> Object {
    Object::String(
        date.format("D:%Y%m%d%H%M%S").to_string().into_bytes(),
        StringFormat::Literal,
    )
}

fn empreinte(graine: u64, octets: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    graine.hash(&mut h);
    octets.hash(&mut h);
    h.finish()
}

/// Six capital letters naming a subset, derived from its bytes.
pub(crate) fn etiquette_de_sous_ensemble(octets: &[u8]) -> String {
    let mut e = empreinte(0x5EED, octets);
    (0..6)
        .map(|_| {
            let c = (b'A' + (e % 26) as u8) as char;
            e /= 26;
            c
        })
        .collect()
}

/// Compacts every page content stream (see `contenu`); with `compresser`,
/// Flate-compresses it at once, so that a slice of the annual register is
/// kept compressed while the others are rendered (`assemblage`).
pub(crate) fn compacter_les_pages(doc: &mut Document, compresser: bool) {
    let contenus: Vec<ObjectId> = doc
        .page_iter()
        .flat_map(|page| doc.get_page_contents(page))
        .collect();
    for id in contenus {
        let Ok(Object::Stream(flux)) = doc.get_object_mut(id) else {
            continue;
        };
        // printpdf writes page contents unfiltered; lopdf 0.26 only
        // "decompresses" a stream that has a filter.
        let brut = if flux.dict.has(b"Filter") {
            match flux.decompressed_content() {
                Ok(brut) => brut,
                Err(_) => continue,
            }
        } else {
            flux.content.clone()
        };
        if let Some(octets) = compacter(&brut) {
            flux.set_plain_content(octets);
        }
        if compresser {
            // Best effort: a stream left plain is still a valid one.
            let _ = flux.compress();
        }
    }
}

/// Walks every dictionary of the document (top-level and nested).
fn pour_chaque_dictionnaire(objet: &mut Object, action: &mut dyn FnMut(&mut Dictionary)) {
    match objet {
        Object::Dictionary(d) => {
            action(d);
            for (_, v) in d.iter_mut() {
                pour_chaque_dictionnaire(v, action);
            }
        }
        Object::Stream(s) => {
            action(&mut s.dict);
        }
        Object::Array(a) => {
            for v in a.iter_mut() {
                pour_chaque_dictionnaire(v, action);
            }
        }
        _ => {}
    }
}

pub(crate) fn finir(
    octets: &[u8],
    polices: &[SousEnsemble],
    meta: &Metadonnees,
) -> Result<Vec<u8>, String> {
    let doc = Document::load_mem(octets).map_err(|e| format!("finition du PDF : {e}"))?;
    finir_document(doc, polices, meta, true)
}

/// Finishes a document already loaded: `pages_a_compacter` is false when its page
/// contents were compacted and compressed as they were assembled.
pub(crate) fn finir_document(
    mut doc: Document,
    polices: &[SousEnsemble],
    meta: &Metadonnees,
    pages_a_compacter: bool,
) -> Result<Vec<u8>, String> {
    // printpdf's face names are "F<index in genpdf's font cache>".
    let noms: Vec<(Vec<u8>, Vec<u8>)> = polices
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let nom = format!(
                "{}+{}",
                etiquette_de_sous_ensemble(&p.octets),
                p.infos.nom_postscript
            );
            (format!("F{i}").into_bytes(), nom.into_bytes())
        })
        .collect();
    for objet in doc.objects.values_mut() {
        pour_chaque_dictionnaire(objet, &mut |d| {
            let Ok(Object::Name(ancien)) = d.get(b"BaseFont").or_else(|_| d.get(b"FontName"))
            else {
                return;
            };
            let Some(i) = noms.iter().position(|(f, _)| f == ancien) else {
                return;
            };
            let nom = Object::Name(noms[i].1.clone());
            if d.has(b"BaseFont") {
                d.set("BaseFont", nom.clone());
            }
            if d.type_is(b"FontDescriptor") {
                d.set("FontName", nom);
                let infos = &polices[i].infos;
                let echelle = 1000.0 / f64::from(infos.unites_par_em);
                let unites = |v: i16| Object::Integer((f64::from(v) * echelle).round() as i64);
                d.set(
                    "FontBBox",
                    Object::Array(infos.boite.iter().map(|v| unites(*v)).collect()),
                );
                d.set("Ascent", unites(infos.ascendante));
                d.set("Descent", unites(infos.descendante));
                d.set("CapHeight", unites(infos.hauteur_capitales));
                d.set("ItalicAngle", Object::Real(infos.angle_italique));
                let italique = infos.angle_italique != 0.0;
                // Serif (2) + Nonsymbolic (32) + Italic (64).
                d.set(
                    "Flags",
                    Object::Integer(2 | 32 | if italique { 64 } else { 0 }),
                );
                let gras = infos.nom_postscript.contains("Bold");
                d.set("StemV", Object::Integer(if gras { 140 } else { 80 }));
            }
        });
    }

    let mut info = Dictionary::new();
    info.set("Title", texte_pdf(&meta.titre));
    info.set("Author", texte_pdf(&meta.auteur));
    info.set("Subject", texte_pdf(&meta.sujet));
    info.set("Keywords", texte_pdf(&meta.mots_cles));
    info.set("Creator", texte_pdf("Registre"));
    info.set(
        "Producer",
        texte_pdf("Registre (genpdf 0.2, printpdf 0.3, lopdf 0.26)"),
    );
    info.set("CreationDate", date_pdf(meta.date));
    info.set("ModDate", date_pdf(meta.date));
    let info_id = doc.add_object(info);
    doc.trailer.set("Info", Object::Reference(info_id));

    if let Ok(Object::Reference(racine)) = doc.trailer.get(b"Root") {
        let racine = *racine;
        if let Ok(Object::Dictionary(catalogue)) = doc.get_object_mut(racine) {
            catalogue.remove(b"Metadata");
            catalogue.set("Lang", Object::string_literal("fr-FR"));
        }
    }

    if pages_a_compacter {
        compacter_les_pages(&mut doc, false);
    }
    doc.prune_objects();
    doc.delete_zero_length_streams();
    doc.compress();

    enregistrer_avec_identifiant(doc)
}

/// Writes `doc` with a file ID that is a digest of the file written with a
/// zero ID (printpdf draws random ones): the same document always gives
/// the same bytes.
fn enregistrer_avec_identifiant(mut doc: Document) -> Result<Vec<u8>, String> {
    let zero = Object::String(vec![0; 16], StringFormat::Hexadecimal);
    doc.trailer
        .set("ID", Object::Array(vec![zero.clone(), zero]));
    let mut sortie = Vec::new();
    doc.save_to(&mut sortie)
        .map_err(|e| format!("écriture du PDF : {e}"))?;
    let marque = b"<00000000000000000000000000000000>";
    let hex: String = [empreinte(1, &sortie), empreinte(2, &sortie)]
        .iter()
        .map(|v| format!("{v:016X}"))
        .collect();
    let remplacement = format!("<{hex}>");
    let mut debut = 0;
    while let Some(i) = sortie[debut..]
        .windows(marque.len())
        .position(|w| w == marque)
    {
        let i = debut + i;
        sortie[i..i + marque.len()].copy_from_slice(remplacement.as_bytes());
        debut = i + marque.len();
    }
    Ok(sortie)
}

/// Where the logo goes: the top left margin of the first page, above the
/// text (which starts 20 mm down) and clear of the PROJET mark (right).
const LOGO_GAUCHE_MM: f64 = 22.0;
const LOGO_HAUT_MM: f64 = 5.0;
const LOGO_LARGEUR_MAX_MM: f64 = 40.0;
const LOGO_HAUTEUR_MAX_MM: f64 = 13.0;

/// Prints the commune's logo on the first page of a finished PDF, its
/// proportions kept, and writes the file again (same ID rule).
pub(crate) fn apposer_logo(octets: &[u8], logo: &crate::logo::Logo) -> Result<Vec<u8>, String> {
    use lopdf::content::Operation;
    use lopdf::Stream;

    let mut doc = Document::load_mem(octets).map_err(|e| format!("logo : {e}"))?;
    let pixels = logo.pixels()?;
    let image = |espace: &str, donnees: Vec<u8>, jpeg: bool| {
        let mut d = Dictionary::new();
        d.set("Type", Object::Name(b"XObject".to_vec()));
        d.set("Subtype", Object::Name(b"Image".to_vec()));
        d.set("Width", Object::Integer(i64::from(pixels.largeur)));
        d.set("Height", Object::Integer(i64::from(pixels.hauteur)));
        d.set("ColorSpace", Object::Name(espace.as_bytes().to_vec()));
        d.set("BitsPerComponent", Object::Integer(8));
        // A JPEG keeps its own compression; raw samples are Flate-compressed
        // with the rest of the document below.
        if jpeg {
            d.set("Filter", Object::Name(b"DCTDecode".to_vec()));
        }
        Stream::new(d, donnees)
    };
    let mut xobjet = image(pixels.espace, pixels.donnees, pixels.jpeg);
    if let Some(alpha) = pixels.alpha {
        let masque = doc.add_object(image("DeviceGray", alpha, false));
        xobjet.dict.set("SMask", Object::Reference(masque));
    }
    let id_image = doc.add_object(xobjet);
    let page = *doc
        .get_pages()
        .get(&1)
        .ok_or("logo : le document n'a pas de page")?;
    let hauteur_page = doc
        .get_object(page)
        .and_then(Object::as_dict)
        .and_then(|p| p.get(b"MediaBox"))
        .and_then(Object::as_array)
        .ok()
        .and_then(|b| {
            b.get(3)
                .and_then(|h| h.as_f64().ok().or(h.as_i64().ok().map(|i| i as f64)))
        })
        .unwrap_or(841.89);
    let pt = |mm: f64| mm * 72.0 / 25.4;
    let rapport = f64::from(pixels.largeur) / f64::from(pixels.hauteur);
    let (mut l, mut h) = (pt(LOGO_LARGEUR_MAX_MM), pt(LOGO_LARGEUR_MAX_MM) / rapport);
    if h > pt(LOGO_HAUTEUR_MAX_MM) {
        h = pt(LOGO_HAUTEUR_MAX_MM);
        l = h * rapport;
    }
    let x = pt(LOGO_GAUCHE_MM);
    let y = hauteur_page - pt(LOGO_HAUT_MM) - h;
    doc.add_xobject(page, b"Logo".to_vec(), id_image)
        .map_err(|e| format!("logo : {e}"))?;
    let mut contenu = doc
        .get_and_decode_page_content(page)
        .map_err(|e| format!("logo : {e}"))?;
    // First, in its own graphics state: whatever the page does after is
    // unchanged.
    let reel = |v: f64| Object::Real((v * 100.0).round() / 100.0);
    contenu.operations.splice(
        0..0,
        [
            Operation::new("q", vec![]),
            Operation::new(
                "cm",
                vec![reel(l), 0.into(), 0.into(), reel(h), reel(x), reel(y)],
            ),
            Operation::new("Do", vec![Object::Name(b"Logo".to_vec())]),
            Operation::new("Q", vec![]),
        ],
    );
    let encode = contenu.encode().map_err(|e| format!("logo : {e}"))?;
    doc.change_page_content(page, encode)
        .map_err(|e| format!("logo : {e}"))?;
    doc.compress();
    enregistrer_avec_identifiant(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn les_textes_pdf_sont_en_utf16_avec_marque() {
        let Object::String(o, _) = texte_pdf("Délibération") else {
            panic!()
        };
        assert_eq!(&o[..4], &[0xFE, 0xFF, 0x00, b'D']);
        assert_eq!(&o[4..6], &[0x00, 0xE9]);
    }

    #[test]
    fn l_etiquette_de_sous_ensemble_est_stable_et_en_capitales() {
        let e = etiquette_de_sous_ensemble(b"abc");
        assert_eq!(e, etiquette_de_sous_ensemble(b"abc"));
        assert_eq!(e.len(), 6);
        assert!(e.bytes().all(|b| b.is_ascii_uppercase()));
    }
}
