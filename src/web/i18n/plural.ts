/**
 * ICU-style plural selection, `{count, plural, one {# rule} other {# rules}}`, on the platform's
 * Intl.PluralRules (the i18n libraries that do this are not dependencies of the console). Exact
 * matches (`=0`) win over categories; `other` is the fallback; `#` is the number.
 */
import type { MessageVars } from './translate';

const PLURAL_START = /\{(\w+),\s*plural,/g;

/** The end of the `{…}` block whose opening brace is at `open` (the index of its `}`). */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  throw new Error(`Unbalanced braces in message "${text}"`);
}

/** `one {…} other {…}` as selector → text. */
function parseOptions(body: string): Map<string, string> {
  const options = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{', i);
    if (open < 0) break;
    const selector = body.slice(i, open).trim();
    const close = closingBrace(body, open);
    options.set(selector, body.slice(open + 1, close));
    i = close + 1;
  }
  return options;
}

/** Replaces every plural block of `template` with the form its number selects. */
export function selectPlurals(
  template: string,
  vars: MessageVars,
  rules: Intl.PluralRules,
): string {
  let out = '';
  let from = 0;
  PLURAL_START.lastIndex = 0;
  for (let match = PLURAL_START.exec(template); match; match = PLURAL_START.exec(template)) {
    const close = closingBrace(template, match.index);
    const value = Number(vars[match[1]!]);
    const options = parseOptions(template.slice(match.index + match[0].length, close));
    const chosen =
      options.get(`=${value}`) ?? options.get(rules.select(value)) ?? options.get('other') ?? '';
    out +=
      template.slice(from, match.index) +
      selectPlurals(chosen, vars, rules).replace(/#/g, String(value));
    from = close + 1;
    PLURAL_START.lastIndex = from;
  }
  return out + template.slice(from);
}
