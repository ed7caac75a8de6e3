/**
 * Checking a CSS selector from a policy (siteOverrides) without a page to try it on: the policy is
 * validated in the background worker, the options page and the CLI, none of which may run it against
 * a site. css-what parses it; on top of that we refuse what parses but can never match an element
 * (a dangling combinator, a pseudo-element, a pseudo-class browsers do not know), so a typo is
 * reported where IT wrote it instead of silently matching nothing.
 */
import { parse, type Selector } from 'css-what';

/** Pseudo-classes that browsers support in querySelector/closest and that make sense on a live page. */
const KNOWN_PSEUDO = new Set([
  'has', 'not', 'is', 'where', 'matches',
  'first-child', 'last-child', 'only-child', 'first-of-type', 'last-of-type', 'only-of-type',
  'nth-child', 'nth-last-child', 'nth-of-type', 'nth-last-of-type',
  'empty', 'root', 'scope', 'defined',
  'checked', 'disabled', 'enabled', 'required', 'optional', 'read-only', 'read-write', 'placeholder-shown',
  'focus', 'focus-within', 'focus-visible', 'hover', 'active', 'link', 'any-link', 'visited', 'target',
  'lang', 'dir',
]);

const SELECTOR_LISTS = new Set(['has', 'not', 'is', 'where', 'matches']);
const NTH = /^\s*(?:odd|even|[+-]?\d*n\s*(?:[+-]\s*\d+)?|[+-]?\d+)(?:\s+of\s+.+)?\s*$/i;
const COMBINATORS = new Set(['child', 'descendant', 'sibling', 'adjacent', 'parent', 'column']);

function check(list: Selector[][], nested: boolean): string | undefined {
  for (const compound of list) {
    if (!compound.length) return 'an empty part between commas';
    const first = compound[0];
    const last = compound[compound.length - 1];
    // Inside :has() a selector may start with a combinator ("> a"), never elsewhere; none may end with one.
    if (COMBINATORS.has(last.type)) return 'it ends with a combinator (">", "+", "~" or a space) with nothing after it';
    if (!nested && COMBINATORS.has(first.type) && first.type !== 'descendant') return 'it starts with a combinator';
    for (const token of compound) {
      if (token.type === 'pseudo-element') return `"::${token.name}" is a pseudo-element, which matches no element on the page`;
      if (token.type !== 'pseudo') continue;
      if (!KNOWN_PSEUDO.has(token.name)) return `":${token.name}" is not a pseudo-class browsers know`;
      if (SELECTOR_LISTS.has(token.name)) {
        if (!Array.isArray(token.data)) return `":${token.name}()" needs a selector inside its brackets`;
        const inner = check(token.data, token.name === 'has');
        if (inner) return inner;
      } else if (token.name.startsWith('nth-') && (typeof token.data !== 'string' || !NTH.test(token.data))) {
        return `":${token.name}()" needs a formula such as 2, odd or 2n+1`;
      }
    }
  }
  return undefined;
}

/** Why `selector` is not a usable CSS selector, or undefined when it is. */
export function selectorProblem(selector: string): string | undefined {
  if (!selector.trim()) return 'it is empty';
  let parsed: Selector[][];
  try {
    parsed = parse(selector);
  } catch (error) {
    return `it does not parse (${(error as Error).message})`;
  }
  return check(parsed, false);
}

/** Why `source` is not a usable regular expression, or undefined when it is. */
export function patternProblem(source: string): string | undefined {
  try {
    new RegExp(source);
    return undefined;
  } catch (error) {
    return `it is not a valid regular expression (${(error as Error).message.replace(/^Invalid regular expression: /, '')})`;
  }
}
