/**
 * What people read is typeset the en-GB way (docs/wording.md), whoever wrote the words: the rules'
 * messages, the advice, a school's own clause. Curly apostrophes and quotation marks; the person's
 * own words inside a message keep their letters. Pure, and small enough for the content script.
 */
export function typeset(s: string): string {
  // Every rule below turns a straight ' or "; without one there is nothing to do (most messages).
  if (s.indexOf("'") < 0 && s.indexOf('"') < 0) return s;
  return s
    .replace(/(\p{L}|\p{N})'(?=\p{L})/gu, '$1’')
    .replace(/(\p{L}s)'(?=\s|$|[.,;:!?])/gu, '$1’')
    .replace(/"([^"\n]*)"/g, '“$1”')
    .replace(/(^|[\s(])'([^'\n]*)'(?=$|[\s.,;:!?)])/g, '$1‘$2’');
}
