import type { SeededRandom } from './seeded-random.js';

/** One piece of a parsed pattern, with how often it repeats. */
type Node =
  | { kind: 'chars'; chars: string; min: number; max: number }
  | { kind: 'group'; options: Node[][]; min: number; max: number };

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const ESCAPES: Record<string, string> = { d: DIGITS, w: `${UPPER}${LOWER}${DIGITS}_`, s: ' ' };
/** Unbounded repeats (`*`, `+`, `{n,}`) stop this far above their minimum. */
const OPEN_REPEAT = 3;

/**
 * A string that matches a form field's `pattern`, for the simple patterns forms use: literals,
 * escapes (`\d`, `\w`, `\s`, `\.`), classes with ranges (`[A-Z0-9-]`), groups with alternatives
 * (`(0[1-9]|1[0-2])`) and quantifiers (`?`, `*`, `+`, `{n}`, `{n,m}`). Anchors are ignored (the
 * whole string is made). Throws on anything else; the caller then skips the service.
 *
 * @example
 * samplePattern('^[A-Z0-9-]{4,20}$', random); // 'K7-Q2M'
 */
export function samplePattern(pattern: string, random: SeededRandom): string {
  const parser = { source: pattern, at: 0 };
  const sequence = parseAlternatives(parser);
  if (parser.at < pattern.length) throw new SyntaxError(`unsupported pattern ${pattern}`);
  return sequence.length === 1 ? render(sequence[0]!, random) : render(random.pick(sequence), random);
}

function render(nodes: readonly Node[], random: SeededRandom): string {
  let out = '';
  for (const node of nodes) {
    const times = random.int(node.min, node.max);
    for (let i = 0; i < times; i++) {
      out +=
        node.kind === 'chars'
          ? node.chars[random.int(0, node.chars.length - 1)]!
          : render(random.pick(node.options), random);
    }
  }
  return out;
}

interface Parser {
  source: string;
  at: number;
}

function parseAlternatives(p: Parser): Node[][] {
  const options: Node[][] = [parseSequence(p)];
  while (p.source[p.at] === '|') {
    p.at++;
    options.push(parseSequence(p));
  }
  return options;
}

function parseSequence(p: Parser): Node[] {
  const nodes: Node[] = [];
  while (p.at < p.source.length) {
    const c = p.source[p.at]!;
    if (c === '|' || c === ')') break;
    p.at++;
    if (c === '^' || c === '$') continue;
    let node: Node;
    if (c === '(') {
      if (p.source.startsWith('?:', p.at)) p.at += 2;
      const options = parseAlternatives(p);
      if (p.source[p.at] !== ')') throw new SyntaxError(`unclosed group in ${p.source}`);
      p.at++;
      node = { kind: 'group', options, min: 1, max: 1 };
    } else if (c === '[') {
      node = { kind: 'chars', chars: parseClass(p), min: 1, max: 1 };
    } else if (c === '\\') {
      node = { kind: 'chars', chars: escaped(p), min: 1, max: 1 };
    } else if (c === '.') {
      node = { kind: 'chars', chars: `${LOWER}${DIGITS}`, min: 1, max: 1 };
    } else if ('*+?{'.includes(c)) {
      throw new SyntaxError(`unsupported pattern ${p.source}`);
    } else {
      node = { kind: 'chars', chars: c, min: 1, max: 1 };
    }
    const [min, max] = quantifier(p);
    nodes.push({ ...node, min, max });
  }
  return nodes;
}

function parseClass(p: Parser): string {
  if (p.source[p.at] === '^') throw new SyntaxError(`negated classes are not supported: ${p.source}`);
  let chars = '';
  while (p.at < p.source.length && p.source[p.at] !== ']') {
    const c = p.source[p.at++]!;
    if (c === '\\') {
      chars += escaped(p);
      continue;
    }
    if (p.source[p.at] === '-' && p.source[p.at + 1] !== undefined && p.source[p.at + 1] !== ']') {
      const end = p.source[p.at + 1]!;
      p.at += 2;
      for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code++) chars += String.fromCharCode(code);
      continue;
    }
    chars += c;
  }
  if (p.source[p.at] !== ']' || chars === '') throw new SyntaxError(`bad class in ${p.source}`);
  p.at++;
  return chars;
}

function escaped(p: Parser): string {
  const c = p.source[p.at++];
  if (c === undefined) throw new SyntaxError(`dangling escape in ${p.source}`);
  const set = ESCAPES[c];
  if (set !== undefined) return set;
  if (/[a-zA-Z]/.test(c)) throw new SyntaxError(`unsupported escape \\${c} in ${p.source}`);
  return c;
}

function quantifier(p: Parser): [number, number] {
  const c = p.source[p.at];
  if (c === '?') return (p.at++, [0, 1]);
  if (c === '*') return (p.at++, [0, OPEN_REPEAT]);
  if (c === '+') return (p.at++, [1, 1 + OPEN_REPEAT]);
  if (c !== '{') return [1, 1];
  const match = /^\{(\d+)(,(\d*))?\}/.exec(p.source.slice(p.at));
  if (!match) throw new SyntaxError(`bad quantifier in ${p.source}`);
  p.at += match[0].length;
  const min = Number(match[1]);
  if (match[2] === undefined) return [min, min];
  return [min, match[3] === '' ? min + OPEN_REPEAT : Number(match[3])];
}
