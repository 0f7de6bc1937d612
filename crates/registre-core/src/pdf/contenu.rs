//! Compaction of page content streams.
//!
//! genpdf opens a text object (BT … ET) for every run it prints, each with
//! its line height, absolute position and font. Consecutive text objects are
//! merged into one: positions become relative moves (`Td` moves the line
//! matrix from the previous line start), repeated `Tf`/`TL` are dropped, and
//! adjacent glyph strings of a `TJ` array are joined. The page looks the
//! same; its content stream is about half as long.
//!
//! A small tokenizer of our own reads the stream: lopdf 0.26's content parser
//! is slow on long pages (seconds for 40 pages). What it does not know
//! (inline images) leaves the stream untouched.

#[derive(Debug, Clone, PartialEq)]
enum Jeton {
    /// A number, with its text as written (rewritten only when changed).
    Nombre(f64, String),
    /// Names, literal strings, dictionaries: kept byte for byte.
    Brut(Vec<u8>),
    /// A hexadecimal string, decoded.
    Hex(Vec<u8>),
    Tableau(Vec<Jeton>),
}

#[derive(Debug, Clone, PartialEq)]
struct Op {
    operandes: Vec<Jeton>,
    operateur: String,
}

fn delimiteur(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn blanc(c: u8) -> bool {
    matches!(c, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

struct Lecteur<'a> {
    o: &'a [u8],
    i: usize,
}

fn valeur_hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// An operand or an operator.
enum Element {
    Jeton(Jeton),
    Operateur(String),
}

impl Lecteur<'_> {
    fn sauter_blancs(&mut self) {
        while self.i < self.o.len() {
            let c = self.o[self.i];
            if blanc(c) {
                self.i += 1;
            } else if c == b'%' {
                while self.i < self.o.len() && self.o[self.i] != b'\n' && self.o[self.i] != b'\r' {
                    self.i += 1;
                }
            } else {
                break;
            }
        }
    }

    fn mot(&mut self) -> &[u8] {
        let debut = self.i;
        while self.i < self.o.len() && !blanc(self.o[self.i]) && !delimiteur(self.o[self.i]) {
            self.i += 1;
        }
        &self.o[debut..self.i]
    }

    fn chaine_litterale(&mut self) -> Option<Vec<u8>> {
        let debut = self.i;
        let mut profondeur = 0;
        while self.i < self.o.len() {
            match self.o[self.i] {
                b'\\' => self.i += 1,
                b'(' => profondeur += 1,
                b')' => {
                    profondeur -= 1;
                    if profondeur == 0 {
                        self.i += 1;
                        return Some(self.o[debut..self.i].to_vec());
                    }
                }
                _ => {}
            }
            self.i += 1;
        }
        None
    }

    fn dictionnaire(&mut self) -> Option<Vec<u8>> {
        let debut = self.i;
        let mut profondeur = 0;
        while self.i + 1 < self.o.len() {
            match (self.o[self.i], self.o[self.i + 1]) {
                (b'<', b'<') => {
                    profondeur += 1;
                    self.i += 2;
                }
                (b'>', b'>') => {
                    profondeur -= 1;
                    self.i += 2;
                    if profondeur == 0 {
                        return Some(self.o[debut..self.i].to_vec());
                    }
                }
                (b'(', _) => {
                    self.chaine_litterale()?;
                }
                _ => self.i += 1,
            }
        }
        None
    }

    fn element(&mut self) -> Option<Option<Element>> {
        self.sauter_blancs();
        let Some(&c) = self.o.get(self.i) else {
            return Some(None);
        };
        let jeton = match c {
            b'/' => {
                let debut = self.i;
                self.i += 1;
                self.mot();
                Jeton::Brut(self.o[debut..self.i].to_vec())
            }
            b'(' => Jeton::Brut(self.chaine_litterale()?),
            b'<' if self.o.get(self.i + 1) == Some(&b'<') => Jeton::Brut(self.dictionnaire()?),
            b'<' => {
                self.i += 1;
                let mut chiffres = Vec::new();
                loop {
                    let c = *self.o.get(self.i)?;
                    self.i += 1;
                    if c == b'>' {
                        break;
                    }
                    if !blanc(c) {
                        chiffres.push(valeur_hex(c)?);
                    }
                }
                if chiffres.len() % 2 == 1 {
                    chiffres.push(0);
                }
                Jeton::Hex(chiffres.chunks(2).map(|p| p[0] << 4 | p[1]).collect())
            }
            b'[' => {
                self.i += 1;
                let mut elements = Vec::new();
                loop {
                    self.sauter_blancs();
                    if *self.o.get(self.i)? == b']' {
                        self.i += 1;
                        break;
                    }
                    match self.element()?? {
                        Element::Jeton(j) => elements.push(j),
                        Element::Operateur(_) => return None,
                    }
                }
                Jeton::Tableau(elements)
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                let texte = String::from_utf8(self.mot().to_vec()).ok()?;
                let v: f64 = texte.parse().ok()?;
                Jeton::Nombre(v, texte)
            }
            _ if delimiteur(c) => return None,
            _ => {
                let mot = String::from_utf8(self.mot().to_vec()).ok()?;
                return Some(Some(Element::Operateur(mot)));
            }
        };
        Some(Some(Element::Jeton(jeton)))
    }
}

fn lire(o: &[u8]) -> Option<Vec<Op>> {
    let mut lecteur = Lecteur { o, i: 0 };
    let mut ops = Vec::new();
    let mut operandes = Vec::new();
    while let Some(e) = lecteur.element()? {
        match e {
            Element::Jeton(j) => operandes.push(j),
            // Inline images carry raw bytes the tokenizer cannot skip.
            Element::Operateur(o) if o == "BI" => return None,
            Element::Operateur(operateur) => ops.push(Op {
                operandes: std::mem::take(&mut operandes),
                operateur,
            }),
        }
    }
    operandes.is_empty().then_some(ops)
}

fn ecrire_jeton(j: &Jeton, sortie: &mut Vec<u8>) {
    match j {
        Jeton::Nombre(_, texte) => sortie.extend_from_slice(texte.as_bytes()),
        Jeton::Brut(o) => sortie.extend_from_slice(o),
        Jeton::Hex(o) => {
            sortie.push(b'<');
            for b in o {
                sortie.extend_from_slice(format!("{b:02x}").as_bytes());
            }
            sortie.push(b'>');
        }
        Jeton::Tableau(elements) => {
            sortie.push(b'[');
            for (i, e) in elements.iter().enumerate() {
                if i > 0 && !matches!(e, Jeton::Hex(_)) {
                    sortie.push(b' ');
                }
                ecrire_jeton(e, sortie);
            }
            sortie.push(b']');
        }
    }
}

fn ecrire(ops: &[Op]) -> Vec<u8> {
    let mut sortie = Vec::new();
    for op in ops {
        for j in &op.operandes {
            ecrire_jeton(j, &mut sortie);
            sortie.push(b' ');
        }
        sortie.extend_from_slice(op.operateur.as_bytes());
        sortie.push(b'\n');
    }
    sortie
}

/// "20.5", "0", "-3.25": two decimals at most, no trailing zeros.
fn nombre(v: f64) -> Jeton {
    let v = (v * 100.0).round() / 100.0;
    let mut texte = format!("{v:.2}");
    while texte.ends_with('0') {
        texte.pop();
    }
    if texte.ends_with('.') {
        texte.pop();
    }
    if texte == "-0" {
        texte = "0".into();
    }
    Jeton::Nombre(v, texte)
}

fn compacter_ops(operations: Vec<Op>) -> Vec<Op> {
    let fin = || Op {
        operandes: vec![],
        operateur: "ET".into(),
    };
    let mut sortie: Vec<Op> = Vec::with_capacity(operations.len());
    let mut et_en_attente = false;
    let mut police: Option<Vec<Jeton>> = None;
    let mut interligne: Option<Vec<Jeton>> = None;
    let mut ligne = (0.0, 0.0);
    for mut op in operations {
        match op.operateur.as_str() {
            "BT" if et_en_attente => {
                et_en_attente = false;
                continue;
            }
            "BT" => {
                police = None;
                interligne = None;
                ligne = (0.0, 0.0);
            }
            "ET" => {
                et_en_attente = true;
                continue;
            }
            _ if et_en_attente => {
                sortie.push(fin());
                et_en_attente = false;
            }
            _ => {}
        }
        match op.operateur.as_str() {
            "Td" => {
                if let [Jeton::Nombre(x, _), Jeton::Nombre(y, _)] = op.operandes.as_slice() {
                    let (x, y) = (*x, *y);
                    op.operandes = vec![nombre(x - ligne.0), nombre(y - ligne.1)];
                    ligne = (x, y);
                }
            }
            "Tf" => {
                if police.as_ref() == Some(&op.operandes) {
                    continue;
                }
                police = Some(op.operandes.clone());
            }
            "TL" => {
                if interligne.as_ref() == Some(&op.operandes) {
                    continue;
                }
                interligne = Some(op.operandes.clone());
            }
            "TJ" => {
                if let Some(Jeton::Tableau(elements)) = op.operandes.first_mut() {
                    let mut joints: Vec<Jeton> = Vec::with_capacity(elements.len());
                    for e in elements.drain(..) {
                        match (joints.last_mut(), e) {
                            (Some(Jeton::Hex(a)), Jeton::Hex(b)) => a.extend_from_slice(&b),
                            (_, e) => joints.push(e),
                        }
                    }
                    *elements = joints;
                }
            }
            _ => {}
        }
        sortie.push(op);
    }
    if et_en_attente {
        sortie.push(fin());
    }
    sortie
}

/// The compacted stream, or `None` when it cannot be read (left as it is).
pub(crate) fn compacter(contenu: &[u8]) -> Option<Vec<u8>> {
    lire(contenu).map(|ops| ecrire(&compacter_ops(ops)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn les_objets_texte_consecutifs_sont_fusionnes_en_deplacements_relatifs() {
        let flux = b"q\nBT\n4.46 TL\n10 700 Td\n/F0 11.00 Tf\n[<0001><0002>] TJ\nET\nBT\n4.46 TL\n30.5 700 Td\n/F0 11.00 Tf\n[<0003>] TJ\nET\n0 0 1 rg\nQ\n";
        let c = compacter(flux).unwrap();
        assert_eq!(
            String::from_utf8(c).unwrap(),
            "q\nBT\n4.46 TL\n10 700 Td\n/F0 11.00 Tf\n[<00010002>] TJ\n20.5 0 Td\n[<0003>] TJ\nET\n0 0 1 rg\nQ\n"
        );
    }

    #[test]
    fn chaines_dictionnaires_et_commentaires_sont_conserves() {
        let flux = b"% note\n/OC <</MC0 (a\\)b(c)) >> BDC\n[(x) -120 <0a0B>] TJ\nEMC\n";
        let c = String::from_utf8(compacter(flux).unwrap()).unwrap();
        assert_eq!(
            c,
            "/OC <</MC0 (a\\)b(c)) >> BDC\n[(x) -120<0a0b>] TJ\nEMC\n"
        );
    }

    #[test]
    fn un_flux_illisible_est_laisse_tel_quel() {
        assert!(compacter(b"BI /W 1 ID \xff EI").is_none());
        assert!(compacter(b"[<00").is_none());
        assert!(compacter(b"1 2").is_none());
    }
}
