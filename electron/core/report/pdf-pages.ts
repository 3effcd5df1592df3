/**
 * Where the targets of a PDF's internal links fall: the 1-based page of each named destination.
 * Chromium (Skia) writes every element an `<a href="#id">` links to as a named destination in the
 * catalog's /Dests dictionary (`/id [page 0 R /XYZ x y z]`), and its objects as plain text (no
 * object streams), so reading them needs no PDF library: only the page tree, in order.
 */

/** Object number → the object's dictionary text (up to its stream, if any). */
function objects(pdf: Buffer): Map<number, string> {
  const text = pdf.toString('latin1');
  const found = new Map<number, string>();
  const start = /(?:^|[\r\n])(\d+) 0 obj\b/g;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    const from = match.index + match[0].length;
    const ends = [text.indexOf('endobj', from), text.indexOf('stream', from)].filter((at) => at >= 0);
    found.set(Number(match[1]), text.slice(from, Math.min(...ends)));
  }
  return found;
}

const ref = (dict: string, key: string): number | undefined => {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  return match ? Number(match[1]) : undefined;
};

/** Page objects in reading order: the page tree from the catalog's /Pages, kids left to right. */
function pageOrder(all: Map<number, string>, node: number, out: number[] = []): number[] {
  const dict = all.get(node) ?? '';
  if (!/\/Type\s*\/Pages\b/.test(dict)) {
    out.push(node);
    return out;
  }
  const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '';
  for (const kid of kids.matchAll(/(\d+)\s+0\s+R/g)) pageOrder(all, Number(kid[1]), out);
  return out;
}

/** Page (1-based) of each named destination; names are plain ASCII ids (toc1, toc2…). */
export function destinationPages(pdf: Buffer): Map<string, number> {
  const all = objects(pdf);
  const catalog = [...all.values()].find((dict) => /\/Type\s*\/Catalog\b/.test(dict));
  const root = catalog ? ref(catalog, 'Pages') : undefined;
  const dests = catalog ? ref(catalog, 'Dests') : undefined;
  const pages = new Map<string, number>();
  if (root === undefined || dests === undefined) return pages;
  const order = pageOrder(all, root);
  for (const match of (all.get(dests) ?? '').matchAll(/\/([A-Za-z0-9_-]+)\s*\[\s*(\d+)\s+0\s+R/g)) {
    const index = order.indexOf(Number(match[2]));
    if (index >= 0) pages.set(match[1], index + 1);
  }
  return pages;
}
