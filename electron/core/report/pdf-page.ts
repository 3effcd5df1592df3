/** The PDF's printed page and the printer's shape, apart from export.ts so the desktop entry loads no report code at start. */

/**
 * Prints one HTML document to PDF bytes on A4 with {@link PDF_PAGE}'s margins and page-number
 * footer: Chromium through playwright-core in browser mode and the CLI (printWithChromium), the
 * Electron window's own Chromium in the desktop app (electron/pdf-printer.ts), which ships no other.
 */
export type PdfPrinter = (html: string) => Promise<Buffer>;

/** The printed page, the same for every printer: A4, margins in millimetres, "— n —" at the foot. */
export const PDF_PAGE = {
  margins: { top: 25, bottom: 25, left: 20, right: 20 },
  headerTemplate: '<span></span>',
  footerTemplate: '<div style="width:100%;text-align:center;font-size:10pt">— <span class="pageNumber"></span> —</div>',
} as const;
