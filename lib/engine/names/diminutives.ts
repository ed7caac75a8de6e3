/**
 * Common diminutives and formal forms of first names (Tom ↔ Thomas ↔ Tommy), from public lists
 * (see assets/names/ATTRIBUTION.md). Used on the text's side, so it works for hashed rosters too.
 */
import data from '../../../assets/names/diminutives.json';

const MAX_RELATED = 24;
let related: Map<string, string[]> | undefined;
let formal: Set<string> | undefined;

function build(): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  for (const group of data.groups as string[][]) {
    for (const name of group) {
      let s = sets.get(name);
      if (!s) sets.set(name, (s = new Set()));
      for (const other of group) if (other !== name) s.add(other);
    }
  }
  const out = new Map<string, string[]>();
  for (const [name, s] of sets) out.set(name, [...s].slice(0, MAX_RELATED));
  return out;
}

/** The name heads a group of diminutives (Thomas for Tom, Tommy): it is a formal name. */
export function isFormalFirstName(folded: string): boolean {
  formal ??= new Set((data.groups as string[][]).map((g) => g[0]));
  return formal.has(folded);
}

/** Names that may be the same first name as `folded`, or undefined. */
export function relatedFirstNames(folded: string): readonly string[] | undefined {
  related ??= build();
  return related.get(folded);
}
