//! The four Liberation Serif 2 faces (SIL OFL 1.1, see `fonts/OFL.txt`),
//! compiled in, and a TrueType subsetter that keeps only the glyphs a
//! document uses.
//!
//! The subset keeps every glyph id where it was (unused glyphs become empty,
//! their metrics zero), so `hmtx` and `loca` stay indexable by the original
//! ids and composite glyphs need no renumbering; the zeroed runs compress to
//! almost nothing. It gets a fresh `cmap` (format 4) holding only the
//! characters used: genpdf measures with it and printpdf builds the PDF
//! `ToUnicode` map and width array from it, so both see the subset only.
//! Dropped: layout tables (GSUB, GPOS, GDEF, kern: genpdf does no shaping),
//! `name` (its licence text alone weighs more than the glyphs; the PDF names
//! the font itself), glyph names (`post` becomes version 3), and the
//! device tables (hdmx, LTSH, VDMX). Hinting (`fpgm`, `prep`, `cvt `, `gasp`)
//! is kept because glyph programs call into it.

use std::collections::{BTreeMap, BTreeSet};

/// A face of the family: its file and the style it serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Face {
    Regulier,
    Gras,
    Italique,
    GrasItalique,
}

impl Face {
    pub(crate) const TOUTES: [Face; 4] = [
        Face::Regulier,
        Face::Gras,
        Face::Italique,
        Face::GrasItalique,
    ];

    pub(crate) fn octets(self) -> &'static [u8] {
        match self {
            Face::Regulier => include_bytes!("../../fonts/LiberationSerif-Regular.ttf"),
            Face::Gras => include_bytes!("../../fonts/LiberationSerif-Bold.ttf"),
            Face::Italique => include_bytes!("../../fonts/LiberationSerif-Italic.ttf"),
            Face::GrasItalique => include_bytes!("../../fonts/LiberationSerif-BoldItalic.ttf"),
        }
    }
}

/// What the PDF font descriptor needs, read from the original font.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct InfosPolice {
    /// PostScript name, e.g. "LiberationSerif-Bold".
    pub nom_postscript: String,
    pub unites_par_em: u16,
    /// xMin, yMin, xMax, yMax in font units.
    pub boite: [i16; 4],
    pub ascendante: i16,
    pub descendante: i16,
    pub hauteur_capitales: i16,
    pub angle_italique: f64,
}

/// A subset font and its descriptor data.
pub(crate) struct SousEnsemble {
    pub octets: Vec<u8>,
    pub infos: InfosPolice,
}

pub(crate) type Erreur = String;

struct Police<'a> {
    octets: &'a [u8],
    tables: BTreeMap<[u8; 4], &'a [u8]>,
}

fn u16_a(b: &[u8], i: usize) -> Result<u16, Erreur> {
    b.get(i..i + 2)
        .map(|s| u16::from_be_bytes([s[0], s[1]]))
        .ok_or_else(|| format!("police tronquée (octet {i})"))
}

fn i16_a(b: &[u8], i: usize) -> Result<i16, Erreur> {
    u16_a(b, i).map(|v| v as i16)
}

fn u32_a(b: &[u8], i: usize) -> Result<u32, Erreur> {
    b.get(i..i + 4)
        .map(|s| u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
        .ok_or_else(|| format!("police tronquée (octet {i})"))
}

impl<'a> Police<'a> {
    fn lire(octets: &'a [u8]) -> Result<Police<'a>, Erreur> {
        let nombre = u16_a(octets, 4)? as usize;
        let mut tables = BTreeMap::new();
        for t in 0..nombre {
            let e = 12 + 16 * t;
            let etiquette: [u8; 4] = octets
                .get(e..e + 4)
                .and_then(|s| s.try_into().ok())
                .ok_or("répertoire des tables tronqué")?;
            let debut = u32_a(octets, e + 8)? as usize;
            let longueur = u32_a(octets, e + 12)? as usize;
            let donnees = octets
                .get(debut..debut + longueur)
                .ok_or_else(|| format!("table {:?} hors du fichier", etiquette))?;
            tables.insert(etiquette, donnees);
        }
        for requise in [
            b"head", b"hhea", b"maxp", b"hmtx", b"loca", b"glyf", b"cmap",
        ] {
            if !tables.contains_key(requise) {
                return Err(format!(
                    "table {} absente",
                    String::from_utf8_lossy(requise)
                ));
            }
        }
        Ok(Police { octets, tables })
    }

    fn table(&self, etiquette: &[u8; 4]) -> &'a [u8] {
        self.tables.get(etiquette).copied().unwrap_or(&[])
    }

    fn nombre_glyphes(&self) -> Result<usize, Erreur> {
        Ok(u16_a(self.table(b"maxp"), 4)? as usize)
    }

    fn loca(&self) -> Result<Vec<usize>, Erreur> {
        let longue = i16_a(self.table(b"head"), 50)? == 1;
        let loca = self.table(b"loca");
        (0..=self.nombre_glyphes()?)
            .map(|g| {
                if longue {
                    u32_a(loca, 4 * g).map(|v| v as usize)
                } else {
                    u16_a(loca, 2 * g).map(|v| 2 * v as usize)
                }
            })
            .collect()
    }

    /// The glyph of `c` through the font's Unicode cmap (format 4 or 12).
    fn glyphe(&self, c: char) -> Result<u16, Erreur> {
        let cmap = self.table(b"cmap");
        let nombre = u16_a(cmap, 2)? as usize;
        let mut format4 = None;
        let mut format12 = None;
        for i in 0..nombre {
            let e = 4 + 8 * i;
            let (plateforme, codage) = (u16_a(cmap, e)?, u16_a(cmap, e + 2)?);
            let debut = u32_a(cmap, e + 4)? as usize;
            let format = u16_a(cmap, debut)?;
            let unicode = plateforme == 0 || (plateforme == 3 && (codage == 1 || codage == 10));
            match format {
                4 if unicode => format4 = Some(debut),
                12 if unicode => format12 = Some(debut),
                _ => {}
            }
        }
        let code = c as u32;
        if let Some(t) = format12 {
            let groupes = u32_a(cmap, t + 12)? as usize;
            for g in 0..groupes {
                let e = t + 16 + 12 * g;
                let (debut, fin, glyphe) =
                    (u32_a(cmap, e)?, u32_a(cmap, e + 4)?, u32_a(cmap, e + 8)?);
                if (debut..=fin).contains(&code) {
                    return Ok((glyphe + code - debut) as u16);
                }
            }
            return Ok(0);
        }
        let Some(t) = format4 else {
            return Err("pas de cmap Unicode (format 4 ou 12)".into());
        };
        if code > 0xFFFF {
            return Ok(0);
        }
        let segments = u16_a(cmap, t + 6)? as usize / 2;
        let fins = t + 14;
        let debuts = fins + 2 * segments + 2;
        let deltas = debuts + 2 * segments;
        let decalages = deltas + 2 * segments;
        for s in 0..segments {
            if u32::from(u16_a(cmap, fins + 2 * s)?) < code {
                continue;
            }
            let debut = u32::from(u16_a(cmap, debuts + 2 * s)?);
            if debut > code {
                return Ok(0);
            }
            let delta = u16_a(cmap, deltas + 2 * s)?;
            let decalage = u16_a(cmap, decalages + 2 * s)? as usize;
            if decalage == 0 {
                return Ok((code as u16).wrapping_add(delta));
            }
            let adresse = decalages + 2 * s + decalage + 2 * (code - debut) as usize;
            let g = u16_a(cmap, adresse)?;
            return Ok(if g == 0 { 0 } else { g.wrapping_add(delta) });
        }
        Ok(0)
    }

    fn nom_postscript(&self) -> Option<String> {
        let name = self.table(b"name");
        let nombre = u16_a(name, 2).ok()? as usize;
        let chaines = u16_a(name, 4).ok()? as usize;
        let mut mac = None;
        for i in 0..nombre {
            let e = 6 + 12 * i;
            let (plateforme, id) = (u16_a(name, e).ok()?, u16_a(name, e + 6).ok()?);
            if id != 6 {
                continue;
            }
            let longueur = u16_a(name, e + 8).ok()? as usize;
            let debut = chaines + u16_a(name, e + 10).ok()? as usize;
            let octets = name.get(debut..debut + longueur)?;
            if plateforme == 3 {
                let unites: Vec<u16> = octets
                    .chunks_exact(2)
                    .map(|p| u16::from_be_bytes([p[0], p[1]]))
                    .collect();
                return String::from_utf16(&unites).ok();
            }
            if plateforme == 1 {
                mac = Some(String::from_utf8_lossy(octets).into_owned());
            }
        }
        mac
    }

    fn infos(&self) -> Result<InfosPolice, Erreur> {
        let head = self.table(b"head");
        let hhea = self.table(b"hhea");
        let os2 = self.table(b"OS/2");
        let post = self.table(b"post");
        let ascendante = i16_a(hhea, 4)?;
        Ok(InfosPolice {
            nom_postscript: self
                .nom_postscript()
                .unwrap_or_else(|| "LiberationSerif".into()),
            unites_par_em: u16_a(head, 18)?,
            boite: [
                i16_a(head, 36)?,
                i16_a(head, 38)?,
                i16_a(head, 40)?,
                i16_a(head, 42)?,
            ],
            ascendante,
            descendante: i16_a(hhea, 6)?,
            hauteur_capitales: if u16_a(os2, 0).unwrap_or(0) >= 2 {
                i16_a(os2, 88)?
            } else {
                ascendante
            },
            angle_italique: f64::from(u32_a(post, 4).unwrap_or(0) as i32) / 65536.0,
        })
    }
}

/// Glyph ids of a composite glyph's components.
fn composants(glyphe: &[u8]) -> Result<Vec<u16>, Erreur> {
    let mut ids = Vec::new();
    if glyphe.len() < 10 || i16_a(glyphe, 0)? >= 0 {
        return Ok(ids);
    }
    let mut i = 10;
    loop {
        let drapeaux = u16_a(glyphe, i)?;
        ids.push(u16_a(glyphe, i + 2)?);
        i += 4;
        i += if drapeaux & 0x0001 != 0 { 4 } else { 2 };
        if drapeaux & 0x0008 != 0 {
            i += 2;
        } else if drapeaux & 0x0040 != 0 {
            i += 4;
        } else if drapeaux & 0x0080 != 0 {
            i += 8;
        }
        if drapeaux & 0x0020 == 0 {
            return Ok(ids);
        }
    }
}

/// A cmap table with one (3,1) format 4 subtable for `paires` (char → glyph).
fn cmap_format4(paires: &BTreeMap<u16, u16>) -> Vec<u8> {
    // Runs of consecutive codes with consecutive glyphs share a segment.
    let mut segments: Vec<(u16, u16, u16)> = Vec::new(); // (start, end, delta)
    for (&code, &glyphe) in paires {
        let delta = glyphe.wrapping_sub(code);
        match segments.last_mut() {
            Some((_, fin, d)) if *fin + 1 == code && *d == delta => *fin = code,
            _ => segments.push((code, code, delta)),
        }
    }
    segments.push((0xFFFF, 0xFFFF, 1));
    let n = segments.len() as u16;
    let mut puissance = 1u16;
    let mut selecteur = 0u16;
    while puissance * 2 <= n {
        puissance *= 2;
        selecteur += 1;
    }
    let mut s = Vec::new();
    let longueur = 16 + 8 * n;
    for v in [
        4u16,
        longueur,
        0,
        2 * n,
        2 * puissance,
        selecteur,
        2 * n - 2 * puissance,
    ] {
        s.extend_from_slice(&v.to_be_bytes());
    }
    for (_, fin, _) in &segments {
        s.extend_from_slice(&fin.to_be_bytes());
    }
    s.extend_from_slice(&0u16.to_be_bytes());
    for (debut, _, _) in &segments {
        s.extend_from_slice(&debut.to_be_bytes());
    }
    for (_, _, delta) in &segments {
        s.extend_from_slice(&delta.to_be_bytes());
    }
    for _ in &segments {
        s.extend_from_slice(&0u16.to_be_bytes());
    }
    let mut t = Vec::new();
    for v in [0u16, 1, 3, 1] {
        t.extend_from_slice(&v.to_be_bytes());
    }
    t.extend_from_slice(&12u32.to_be_bytes());
    t.extend_from_slice(&s);
    t
}

fn somme_de_controle(donnees: &[u8]) -> u32 {
    donnees.chunks(4).fold(0u32, |somme, bloc| {
        let mut mot = [0u8; 4];
        mot[..bloc.len()].copy_from_slice(bloc);
        somme.wrapping_add(u32::from_be_bytes(mot))
    })
}

const TABLES_GARDEES: [&[u8; 4]; 8] = [
    b"OS/2", b"cvt ", b"fpgm", b"gasp", b"head", b"hhea", b"maxp", b"prep",
];

/// Builds a TrueType font holding only the glyphs of `caracteres` (plus
/// .notdef and the components of composite glyphs).
pub(crate) fn sous_ensemble(
    octets: &[u8],
    caracteres: &BTreeSet<char>,
) -> Result<SousEnsemble, Erreur> {
    let police = Police::lire(octets)?;
    let infos = police.infos()?;
    let nombre = police.nombre_glyphes()?;
    let loca = police.loca()?;
    let glyf = police.table(b"glyf");

    let mut paires = BTreeMap::new();
    let mut gardes = BTreeSet::from([0u16]);
    for &c in caracteres {
        let g = police.glyphe(c)?;
        if g != 0 && (c as u32) < 0xFFFF && (g as usize) < nombre {
            paires.insert(c as u16, g);
            gardes.insert(g);
        }
    }
    let glyphe = |g: u16| -> Result<&[u8], Erreur> {
        let (debut, fin) = (loca[g as usize], loca[g as usize + 1]);
        glyf.get(debut..fin)
            .ok_or_else(|| format!("glyphe {g} hors de la table glyf"))
    };
    let mut a_voir: Vec<u16> = gardes.iter().copied().collect();
    while let Some(g) = a_voir.pop() {
        for c in composants(glyphe(g)?)? {
            if (c as usize) < nombre && gardes.insert(c) {
                a_voir.push(c);
            }
        }
    }

    // glyf and loca (long format), unused glyphs empty.
    let mut nouveau_glyf = Vec::new();
    let mut nouvelle_loca = Vec::with_capacity(4 * (nombre + 1));
    for g in 0..nombre {
        nouvelle_loca.extend_from_slice(&(nouveau_glyf.len() as u32).to_be_bytes());
        if gardes.contains(&(g as u16)) {
            nouveau_glyf.extend_from_slice(glyphe(g as u16)?);
            while nouveau_glyf.len() % 4 != 0 {
                nouveau_glyf.push(0);
            }
        }
    }
    nouvelle_loca.extend_from_slice(&(nouveau_glyf.len() as u32).to_be_bytes());

    // hmtx: zero the metrics of dropped glyphs (the last long metric stays
    // when later glyphs inherit its advance).
    let metriques_longues = u16_a(police.table(b"hhea"), 34)? as usize;
    let mut hmtx = police.table(b"hmtx").to_vec();
    for g in 0..nombre {
        if gardes.contains(&(g as u16)) {
            continue;
        }
        if g < metriques_longues {
            if g + 1 == metriques_longues && metriques_longues < nombre {
                continue;
            }
            if let Some(m) = hmtx.get_mut(4 * g..4 * g + 4) {
                m.fill(0);
            }
        } else {
            let i = 4 * metriques_longues + 2 * (g - metriques_longues);
            if let Some(m) = hmtx.get_mut(i..i + 2) {
                m.fill(0);
            }
        }
    }

    let mut head = police.table(b"head").to_vec();
    head[8..12].fill(0);
    head[50..52].copy_from_slice(&1i16.to_be_bytes());

    let mut post = police.table(b"post").get(..32).unwrap_or(&[0; 32]).to_vec();
    if post.len() < 32 {
        post.resize(32, 0);
    }
    post[0..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());

    let mut tables: BTreeMap<[u8; 4], Vec<u8>> = BTreeMap::new();
    for etiquette in TABLES_GARDEES {
        if let Some(t) = police.tables.get(etiquette) {
            tables.insert(*etiquette, t.to_vec());
        }
    }
    tables.insert(*b"head", head);
    tables.insert(*b"cmap", cmap_format4(&paires));
    tables.insert(*b"glyf", nouveau_glyf);
    tables.insert(*b"loca", nouvelle_loca);
    tables.insert(*b"hmtx", hmtx);
    tables.insert(*b"post", post);

    let octets = assembler(&police, &tables);
    Ok(SousEnsemble { octets, infos })
}

/// Writes the table directory (tags sorted, as the spec requires) and the
/// 4-byte aligned tables, then sets head.checkSumAdjustment.
fn assembler(police: &Police<'_>, tables: &BTreeMap<[u8; 4], Vec<u8>>) -> Vec<u8> {
    let n = tables.len() as u16;
    let mut puissance = 1u16;
    let mut selecteur = 0u16;
    while puissance * 2 <= n {
        puissance *= 2;
        selecteur += 1;
    }
    let mut sortie = Vec::new();
    sortie.extend_from_slice(&police.octets[0..4]);
    for v in [n, 16 * puissance, selecteur, 16 * n - 16 * puissance] {
        sortie.extend_from_slice(&v.to_be_bytes());
    }
    let mut decalage = 12 + 16 * tables.len();
    let mut corps = Vec::new();
    let mut position_head = 0;
    for (etiquette, donnees) in tables {
        if etiquette == b"head" {
            position_head = decalage + 8;
        }
        sortie.extend_from_slice(etiquette);
        sortie.extend_from_slice(&somme_de_controle(donnees).to_be_bytes());
        sortie.extend_from_slice(&(decalage as u32).to_be_bytes());
        sortie.extend_from_slice(&(donnees.len() as u32).to_be_bytes());
        corps.extend_from_slice(donnees);
        while corps.len() % 4 != 0 {
            corps.push(0);
        }
        decalage = 12 + 16 * tables.len() + corps.len();
    }
    sortie.extend_from_slice(&corps);
    let ajustement = 0xB1B0_AFBAu32.wrapping_sub(somme_de_controle(&sortie));
    sortie[position_head..position_head + 4].copy_from_slice(&ajustement.to_be_bytes());
    sortie
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caracteres(texte: &str) -> BTreeSet<char> {
        texte.chars().collect()
    }

    #[test]
    fn le_sous_ensemble_garde_les_glyphes_utilises_et_leur_cmap() {
        let texte = "Délibération N° 2024/052 « œuvre » 45 € ► ç à è";
        let s = sous_ensemble(Face::Regulier.octets(), &caracteres(texte)).unwrap();
        assert!(s.octets.len() < Face::Regulier.octets().len());
        let police = Police::lire(&s.octets).unwrap();
        let originale = Police::lire(Face::Regulier.octets()).unwrap();
        for c in texte.chars().filter(|c| *c != ' ') {
            let g = police.glyphe(c).unwrap();
            assert_ne!(g, 0, "{c} perdu");
            assert_eq!(g, originale.glyphe(c).unwrap(), "{c} renuméroté");
        }
        assert_eq!(police.glyphe('Z').unwrap(), 0);
        assert_eq!(s.infos.nom_postscript, "LiberationSerif");
        assert_eq!(s.infos.unites_par_em, 2048);
    }

    #[test]
    fn liberation_serif_a_le_triangle_des_dispositifs_dans_les_quatre_styles() {
        for face in Face::TOUTES {
            let police = Police::lire(face.octets()).unwrap();
            assert_ne!(police.glyphe('►').unwrap(), 0, "{face:?}");
            assert_ne!(police.glyphe('œ').unwrap(), 0, "{face:?}");
            assert_ne!(police.glyphe('€').unwrap(), 0, "{face:?}");
        }
    }

    #[test]
    fn le_sous_ensemble_a_des_sommes_de_controle_justes() {
        let s = sous_ensemble(Face::Gras.octets(), &caracteres("Aé")).unwrap();
        assert_eq!(somme_de_controle(&s.octets), 0xB1B0_AFBA);
        assert_eq!(s.infos.nom_postscript, "LiberationSerif-Bold");
    }
}
