// Mise en forme des dates et heures à la française, sans dépendre du fuseau
// horaire de la machine : les valeurs ISO sont découpées telles quelles.
import { MOIS } from "./fr";

const DATE_ISO = /^(\d{4})-(\d{2})-(\d{2})/;
const HEURE_ISO = /^(\d{1,2}):(\d{2})/;

/** "2024-05-15" → "15/05/2024" (valeur inchangée si elle n'est pas ISO). */
export function dateCourte(iso: string): string {
  const m = DATE_ISO.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** "2024-05-15" → "15 mai 2024", "2024-05-01" → "1er mai 2024". */
export function dateLongue(iso: string): string {
  const m = DATE_ISO.exec(iso);
  if (!m) return iso;
  const jour = Number(m[3]);
  const mois = MOIS[Number(m[2]) - 1];
  if (mois === undefined || jour < 1 || jour > 31) return iso;
  return `${jour === 1 ? "1er" : String(jour)} ${mois} ${m[1]}`;
}

/** "18:00:00" → "18 h", "18:30:00" → "18 h 30". */
export function heure(iso: string): string {
  const m = HEURE_ISO.exec(iso);
  if (!m) return iso;
  const h = Number(m[1]);
  return m[2] === "00" ? `${h} h` : `${h} h ${m[2]}`;
}

/** "2024-05-15T14:32:10" → "15 mai 2024 à 14 h 32". */
export function dateHeure(iso: string): string {
  const [jour, temps] = iso.split("T");
  if (jour === undefined || temps === undefined) return dateLongue(iso);
  const m = HEURE_ISO.exec(temps);
  if (!m) return dateLongue(jour);
  return `${dateLongue(jour)} à ${Number(m[1])} h ${m[2]}`;
}

/** Heure locale d'un instant, minutes toujours écrites : "14 h 32", "9 h 05". */
export function heureMinute(d: Date): string {
  return `${d.getHours()} h ${String(d.getMinutes()).padStart(2, "0")}`;
}

/** La date locale du jour au format ISO ("2024-05-15"). */
export function aujourdHuiIso(d: Date = new Date()): string {
  const deux = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${deux(d.getMonth() + 1)}-${deux(d.getDate())}`;
}

/** Un nombre d'octets avec séparateur des milliers à la française : "51 234". */
export function nombre(n: number | bigint): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}

/** Un instant ISO (UTC, "…Z") en date et heure locales ISO : "2024-05-15T14:32". */
export function isoLocal(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const deux = (n: number) => String(n).padStart(2, "0");
  return `${aujourdHuiIso(d)}T${deux(d.getHours())}:${deux(d.getMinutes())}`;
}
