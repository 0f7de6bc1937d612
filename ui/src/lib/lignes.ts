// Tables whose whole row opens a record: one click handler on the <tbody>
// (the row's button carries keyboard focus and its click bubbles up here),
// and focus given back to the row the clerk came from.

/** The row key read from `data-<attribut>` of the clicked row. */
function cleDeLigne(cible: EventTarget | null, attribut: string): string | undefined {
  const element = cible instanceof Element ? cible : null;
  return element?.closest<HTMLTableRowElement>(`tr[data-${attribut}]`)?.dataset[attribut];
}

/** An attachment for <tbody>: a click anywhere in a row calls `ouvrir` with its key. */
export function ouvrirAuClic(attribut: string, ouvrir: (cle: string) => void) {
  return (tbody: HTMLTableSectionElement) => {
    const surClic = (ev: MouseEvent) => {
      const cle = cleDeLigne(ev.target, attribut);
      if (cle !== undefined) ouvrir(cle);
    };
    tbody.addEventListener("click", surClic);
    return () => tbody.removeEventListener("click", surClic);
  };
}

/** Focuses the button of the row whose `data-<attribut>` is `cle`. */
export function focaliserLigne(corps: HTMLTableSectionElement, attribut: string, cle: string): void {
  for (const ligne of corps.querySelectorAll<HTMLTableRowElement>(`tr[data-${attribut}]`)) {
    if (ligne.dataset[attribut] === cle) {
      ligne.querySelector("button")?.focus();
      return;
    }
  }
}
