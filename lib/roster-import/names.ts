/**
 * Turning the cells of one export row into a roster name. Names are kept as the school wrote them
 * (only spaces are tidied): the engine ignores case and accents itself.
 */

export function tidy(cell: string | undefined): string {
  return (cell ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Case- and accent-blind form, for spotting duplicates. */
export function fold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'");
}

export interface SplitName {
  first: string;
  last: string;
  /** A title written in front of the name ("Mrs Sarah Jones"), kept for staff lists. */
  title?: string;
  /** How the cell was read, when that was not plain "Forename Surname". */
  order?: 'surname-comma' | 'surname-capitals';
}

/** Titles some reports put in front of a staff name ("Mrs Sarah Jones"): not part of the name, kept apart. */
const HONORIFICS = /^(mr|mrs|miss|ms|mx|dr|prof|sir|rev|revd)\.?$/i;

const isCapitalised = (w: string) => /\p{Lu}/u.test(w) && w === w.toUpperCase() && w.replace(/[^\p{L}]/gu, '').length > 1;

/**
 * One full-name cell: "Jack Smith", "Smith, Jack" (most MIS reports) or "SMITH Jack" (SIMS's surname
 * in capitals). Undefined when it does not hold both a forename and a surname.
 */
export function splitFullName(cell: string): SplitName | undefined {
  const text = tidy(cell);
  const comma = text.indexOf(',');
  if (comma >= 0) {
    const last = tidy(text.slice(0, comma));
    const parts = tidy(text.slice(comma + 1).replace(/,/g, ' ')).split(' ');
    const title = parts.length > 1 && HONORIFICS.test(parts[0]) ? parts.shift() : undefined;
    const first = parts.join(' ');
    return first && last ? { first, last, order: 'surname-comma', ...(title ? { title } : {}) } : undefined;
  }
  const words = text.split(' ').filter(Boolean);
  let title: string | undefined;
  while (words.length > 2 && HONORIFICS.test(words[0])) title = words.shift();
  if (words.length < 2) return undefined;
  // "SMITH Jack", "O'BRIEN Olivia Mae": surname words in capitals, then a forename that is not.
  const capitals = words.findIndex((w) => !isCapitalised(w));
  if (capitals > 0 && words.slice(capitals).every((w) => !isCapitalised(w))) {
    return { first: words.slice(capitals).join(' '), last: words.slice(0, capitals).join(' '), order: 'surname-capitals', ...(title ? { title } : {}) };
  }
  return { first: words.slice(0, -1).join(' '), last: words[words.length - 1], ...(title ? { title } : {}) };
}

/** Every way the legal and preferred parts combine, except the name itself, without repeats. */
export function nameVariants(name: string, firsts: string[], lasts: string[]): string[] {
  const seen = new Set([fold(name)]);
  const out: string[] = [];
  for (const f of firsts) {
    for (const l of lasts) {
      if (!f || !l) continue;
      const variant = `${f} ${l}`;
      if (seen.has(fold(variant))) continue;
      seen.add(fold(variant));
      out.push(variant);
    }
  }
  return out;
}
