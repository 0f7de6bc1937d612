//! The commune's logo: a PNG or JPEG image the clerk chooses in
//! Paramètres, kept in the register (and in its backups), and printed in
//! the top margin of the first page of the documents it produces.
//!
//! Only what a PDF needs is read here: the format, the size in pixels and,
//! for a PNG, the decoded pixels (a JPEG goes into the PDF as it is).

use std::io::Cursor;

/// Above 1 Mo, a logo is a photograph: every PDF would carry it.
pub const TAILLE_MAX: usize = 1024 * 1024;
/// Larger than any logo needs to be, printed 4 cm wide.
const COTE_MAX: u32 = 4000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatLogo {
    Png,
    Jpeg,
}

/// A checked logo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub format: FormatLogo,
    pub largeur: u32,
    pub hauteur: u32,
    pub octets: Vec<u8>,
}

/// The pixels of an image as a PDF image XObject takes them.
pub(crate) struct Pixels {
    pub largeur: u32,
    pub hauteur: u32,
    /// "DeviceRGB", "DeviceGray" or "DeviceCMYK".
    pub espace: &'static str,
    /// JPEG bytes (DCTDecode) or raw 8-bit samples.
    pub donnees: Vec<u8>,
    pub jpeg: bool,
    /// The alpha channel of a PNG, 8-bit, for a soft mask.
    pub alpha: Option<Vec<u8>>,
}

impl Logo {
    /// Checks the bytes of an image file; the refusal is a French sentence
    /// for the clerk.
    pub fn lire(octets: Vec<u8>) -> Result<Logo, String> {
        if octets.len() > TAILLE_MAX {
            return Err(format!(
                "le logo pèse {} Ko ; choisissez une image de moins de {} Ko",
                octets.len() / 1024,
                TAILLE_MAX / 1024
            ));
        }
        let (format, largeur, hauteur) = if octets.starts_with(b"\x89PNG\r\n\x1a\n") {
            let infos = png::Decoder::new(Cursor::new(&octets[..]))
                .read_info()
                .map_err(|e| format!("le fichier PNG est illisible ({e})"))?;
            let i = infos.info();
            (FormatLogo::Png, i.width, i.height)
        } else if octets.starts_with(&[0xFF, 0xD8]) {
            let (l, h, _) = dimensions_jpeg(&octets)?;
            (FormatLogo::Jpeg, l, h)
        } else {
            return Err("le logo doit être une image PNG ou JPEG".into());
        };
        if largeur == 0 || hauteur == 0 || largeur > COTE_MAX || hauteur > COTE_MAX {
            return Err(format!(
                "l'image mesure {largeur} × {hauteur} pixels ; un logo va de 1 à {COTE_MAX} pixels de côté"
            ));
        }
        Ok(Logo {
            format,
            largeur,
            hauteur,
            octets,
        })
    }

    /// The image as a `data:` URL, for the app to show it.
    pub fn url_de_donnees(&self) -> String {
        let type_mime = match self.format {
            FormatLogo::Png => "image/png",
            FormatLogo::Jpeg => "image/jpeg",
        };
        format!(
            "data:{type_mime};base64,{}",
            crate::sauvegarde::base64_ecrire(&self.octets)
        )
    }

    pub(crate) fn pixels(&self) -> Result<Pixels, String> {
        match self.format {
            FormatLogo::Jpeg => {
                let (largeur, hauteur, composantes) = dimensions_jpeg(&self.octets)?;
                let espace = match composantes {
                    1 => "DeviceGray",
                    3 => "DeviceRGB",
                    4 => "DeviceCMYK",
                    n => {
                        return Err(format!(
                            "un JPEG à {n} composantes n'est pas pris en charge"
                        ))
                    }
                };
                Ok(Pixels {
                    largeur,
                    hauteur,
                    espace,
                    donnees: self.octets.clone(),
                    jpeg: true,
                    alpha: None,
                })
            }
            FormatLogo::Png => {
                let mut decodeur = png::Decoder::new(Cursor::new(&self.octets[..]));
                // Palettes expanded, 16 bits reduced to 8: plain samples.
                decodeur.set_transformations(
                    png::Transformations::EXPAND | png::Transformations::STRIP_16,
                );
                let mut lecteur = decodeur
                    .read_info()
                    .map_err(|e| format!("le fichier PNG est illisible ({e})"))?;
                let taille = lecteur
                    .output_buffer_size()
                    .ok_or("le fichier PNG est trop grand")?;
                let mut tampon = vec![0; taille];
                let image = lecteur
                    .next_frame(&mut tampon)
                    .map_err(|e| format!("le fichier PNG est illisible ({e})"))?;
                tampon.truncate(image.buffer_size());
                let (couleurs, avec_alpha, espace) = match image.color_type {
                    png::ColorType::Grayscale => (1, false, "DeviceGray"),
                    png::ColorType::GrayscaleAlpha => (1, true, "DeviceGray"),
                    png::ColorType::Rgb => (3, false, "DeviceRGB"),
                    png::ColorType::Rgba => (3, true, "DeviceRGB"),
                    png::ColorType::Indexed => {
                        return Err("la palette du PNG n'a pas pu être développée".into())
                    }
                };
                let (donnees, alpha) = if avec_alpha {
                    let pas = couleurs + 1;
                    let mut c = Vec::with_capacity(tampon.len() / pas * couleurs);
                    let mut a = Vec::with_capacity(tampon.len() / pas);
                    for pixel in tampon.chunks_exact(pas) {
                        c.extend_from_slice(&pixel[..couleurs]);
                        a.push(pixel[couleurs]);
                    }
                    (c, Some(a))
                } else {
                    (tampon, None)
                };
                Ok(Pixels {
                    largeur: image.width,
                    hauteur: image.height,
                    espace,
                    donnees,
                    jpeg: false,
                    alpha,
                })
            }
        }
    }
}

/// Width, height and number of components from a JPEG's frame header.
fn dimensions_jpeg(o: &[u8]) -> Result<(u32, u32, u8), String> {
    let illisible = || "le fichier JPEG est illisible".to_string();
    let mut i = 2;
    while i + 4 <= o.len() {
        if o[i] != 0xFF {
            return Err(illisible());
        }
        let marqueur = o[i + 1];
        if marqueur == 0xFF {
            i += 1;
            continue;
        }
        let longueur = usize::from(u16::from_be_bytes([o[i + 2], o[i + 3]]));
        // SOF0…SOF15, except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marqueur) && ![0xC4, 0xC8, 0xCC].contains(&marqueur) {
            let s = o.get(i + 4..i + 10).ok_or_else(illisible)?;
            let hauteur = u32::from(u16::from_be_bytes([s[1], s[2]]));
            let largeur = u32::from(u16::from_be_bytes([s[3], s[4]]));
            return Ok((largeur, hauteur, s[5]));
        }
        i += 2 + longueur;
    }
    Err(illisible())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A 3 × 2 RGBA PNG, written here so the tests carry no binary file.
    pub(crate) fn png_rgba() -> Vec<u8> {
        let mut sortie = Vec::new();
        {
            let mut e = png::Encoder::new(&mut sortie, 3, 2);
            e.set_color(png::ColorType::Rgba);
            e.set_depth(png::BitDepth::Eight);
            let mut w = e.write_header().unwrap();
            let pixels: Vec<u8> = (0..6u8)
                .flat_map(|i| [i * 40, 0, 255 - i * 40, 128 + i])
                .collect();
            w.write_image_data(&pixels).unwrap();
        }
        sortie
    }

    /// The smallest JPEG header that names its size: SOI, SOF0, EOI.
    fn jpeg_minimal(largeur: u16, hauteur: u16, composantes: u8) -> Vec<u8> {
        let mut o = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00];
        o.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x0B, 0x08]);
        o.extend_from_slice(&hauteur.to_be_bytes());
        o.extend_from_slice(&largeur.to_be_bytes());
        o.extend_from_slice(&[composantes, 0x01, 0x11, 0x00]);
        o.extend_from_slice(&[0xFF, 0xD9]);
        o
    }

    #[test]
    fn un_png_est_lu_avec_sa_taille_et_son_alpha_separe() {
        let logo = Logo::lire(png_rgba()).unwrap();
        assert_eq!(
            (logo.format, logo.largeur, logo.hauteur),
            (FormatLogo::Png, 3, 2)
        );
        let p = logo.pixels().unwrap();
        assert_eq!(p.espace, "DeviceRGB");
        assert_eq!(p.donnees.len(), 3 * 2 * 3);
        assert_eq!(p.alpha.unwrap(), vec![128, 129, 130, 131, 132, 133]);
        assert_eq!(&p.donnees[3..6], &[40, 0, 215]);
    }

    #[test]
    fn un_jpeg_donne_sa_taille_et_ses_composantes() {
        let logo = Logo::lire(jpeg_minimal(640, 480, 3)).unwrap();
        assert_eq!(
            (logo.format, logo.largeur, logo.hauteur),
            (FormatLogo::Jpeg, 640, 480)
        );
        let p = logo.pixels().unwrap();
        assert!(p.jpeg);
        assert_eq!(p.espace, "DeviceRGB");
    }

    #[test]
    fn ce_qui_n_est_pas_un_logo_est_refuse_en_francais() {
        let e = Logo::lire(b"GIF89a....".to_vec()).unwrap_err();
        assert!(e.contains("PNG ou JPEG"), "{e}");
        let e = Logo::lire(vec![0; TAILLE_MAX + 1]).unwrap_err();
        assert!(e.contains("moins de 1024 Ko"), "{e}");
        let e = Logo::lire(jpeg_minimal(5000, 10, 3)).unwrap_err();
        assert!(e.contains("5000 × 10"), "{e}");
        let mut tronque = png_rgba();
        tronque.truncate(20);
        assert!(Logo::lire(tronque)
            .unwrap_err()
            .contains("PNG est illisible"));
    }
}
