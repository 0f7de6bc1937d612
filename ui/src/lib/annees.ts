import type { DeliberationResume } from "../bindings/DeliberationResume";

/** Les années des séances des délibérations du registre, la plus récente d'abord. */
export function anneesDuRegistre(deliberations: readonly DeliberationResume[]): number[] {
  return [...new Set(deliberations.map((d) => Number(d.date_seance.slice(0, 4))).filter((a) => a > 0))].sort(
    (a, b) => b - a,
  );
}
