// Rendu de l'aperçu PDF avec pdf.js, isolé ici pour être remplacé par un
// double dans les tests (jsdom n'a pas de canvas).
//
// pdf.js est chargé à la demande : il ne pèse pas sur le démarrage de
// l'application. Son worker est servi par Vite comme un fichier à part
// (import « ?url »), depuis la même origine que l'interface.
import urlWorker from "pdfjs-dist/build/pdf.worker.min.mjs?url";

/** Un document PDF chargé, prêt à dessiner ses pages. */
export interface ApercuPdf {
  /** Nombre de pages. */
  readonly pages: number;
  /**
   * Dessine la page `numero` (à partir de 1) dans `toile`, à la largeur
   * `largeur` en pixels CSS, nette sur les écrans à haute densité.
   */
  dessiner(numero: number, toile: HTMLCanvasElement, largeur: number): Promise<void>;
  /** Libère le document et son worker. */
  fermer(): Promise<void>;
}

/** Charge le PDF contenu dans `octets` (le tampon est transféré à pdf.js). */
export async function chargerApercu(octets: Uint8Array): Promise<ApercuPdf> {
  const pdfjs = await import("pdfjs-dist");
  pdfjs.GlobalWorkerOptions.workerSrc = urlWorker;
  // Pas d'eval (la CSP de l'application l'interdit) ; les polices sont
  // incorporées au PDF, aucune ressource externe n'est demandée.
  const document = await pdfjs.getDocument({ data: octets, isEvalSupported: false }).promise;
  return {
    pages: document.numPages,
    async dessiner(numero, toile, largeur) {
      const page = await document.getPage(numero);
      const naturelle = page.getViewport({ scale: 1 });
      const densite = window.devicePixelRatio || 1;
      const vue = page.getViewport({ scale: (largeur / naturelle.width) * densite });
      toile.width = Math.floor(vue.width);
      toile.height = Math.floor(vue.height);
      toile.style.width = `${largeur}px`;
      await page.render({ canvas: toile, viewport: vue }).promise;
      page.cleanup();
    },
    async fermer() {
      await document.destroy();
    },
  };
}
