/** Phrasing rules: compiled once, run over an article's text. */
import type { Category } from '../categories';
import type { Rule } from '../dataset/schema';
import { modeClasses, patternSource, splitHead, type PatternMode } from './pattern';

export type { Rule };

/** A rule as the extension runs it: without the example sentences, which are for tests. */
export type RuntimeRule = Omit<Rule, 'examples'>;

export interface RuleSet {
  lang: string;
  rules: RuntimeRule[];
}

export interface CompiledRule {
  rule: RuntimeRule;
  category: Category;
  /** The pattern anchored at `lastIndex` (sticky), for the positions where `CompiledRuleSet.start` matched. */
  at: RegExp;
  /**
   * For a pattern that ends in `@head?` or `@clause?`: the head word or the rest of the clause after the match
   * (sticky), which the highlight takes in.
   */
  head?: RegExp;
  unlessSentence?: RegExp;
  requireSentence?: RegExp;
  unlessBefore?: RegExp;
  unlessAfter?: RegExp;
  requireAfter?: RegExp;
  /** Global: every match of `unlessWithin` in the sentence, to see whether one covers the rule's match. */
  unlessWithin?: RegExp;
}

export interface CompiledRuleSet {
  lang: string;
  /** "fast" expressions run over the lower-cased text (see PatternMode). */
  mode: PatternMode;
  rules: CompiledRule[];
  /**
   * Every rule's pattern in a few expressions: one pass of each over the text finds the offsets where some rule
   * may start, and only there is each rule tried. A few scans instead of one per rule keep the analysis linear and
   * cheap. The patterns are split into expressions of at most `GATE_SOURCE` characters: V8 does not optimise an
   * expression whose source is longer than about 20,000 characters, and one pass over it then costs ten times
   * as much.
   */
  start?: RegExp[];
  /** The rules as written, for a text whose lower-cased form is not the same length (compiled "unicode" then). */
  source: RuleSet;
}

/** The longest source of one start expression (see `CompiledRuleSet.start`). */
const GATE_SOURCE = 16_000;

/**
 * Compiles a rule set. "fast" (the default) is for lower-cased text and compiles many times faster than
 * "unicode", which works on any text as it is; `analyzeText` picks the one that fits the text.
 */
export function compileRuleSet(set: RuleSet, mode: PatternMode = 'fast'): CompiledRuleSet {
  const { letters, wordStart, wordEnd } = modeClasses(mode);
  const flags = mode === 'fast' ? 'u' : 'iu';
  const bounded = (src: string) => `${wordStart}(?:${src})${wordEnd}`;
  const source = (pattern: string) => patternSource(pattern, mode);
  const rules = set.rules.map((rule): CompiledRule => {
    const wrap = <T>(what: string, make: () => T): T => {
      try {
        return make();
      } catch (error) {
        throw new Error(`${rule.id}: ${what}: ${(error as Error).message}`, { cause: error });
      }
    };
    const anywhere = (what: string, pattern: string) =>
      wrap(what, () => new RegExp(`(?<![${letters}])(?:${source(pattern)})(?![${letters}])`, flags));
    const { core, head } = wrap('pattern', () => splitHead(rule.pattern, mode));
    return {
      rule,
      category: rule.category,
      at: wrap('pattern', () => new RegExp(bounded(source(core)), `${flags}y`)),
      head,
      unlessSentence: rule.unlessSentence ? anywhere('unlessSentence', rule.unlessSentence) : undefined,
      requireSentence: rule.requireSentence ? anywhere('requireSentence', rule.requireSentence) : undefined,
      unlessBefore: rule.unlessBefore
        ? wrap('unlessBefore', () => new RegExp(`(?<![${letters}])(?:${source(rule.unlessBefore!)})[\\s,]*$`, flags))
        : undefined,
      unlessAfter: rule.unlessAfter
        ? wrap('unlessAfter', () => new RegExp(`^[\\s,]*(?:${source(rule.unlessAfter!)})(?![${letters}])`, flags))
        : undefined,
      requireAfter: rule.requireAfter
        ? wrap('requireAfter', () => new RegExp(`^[\\s,]*(?:${source(rule.requireAfter!)})(?![${letters}])`, flags))
        : undefined,
      unlessWithin: rule.unlessWithin
        ? wrap(
            'unlessWithin',
            () => new RegExp(`(?<![${letters}])(?:${source(rule.unlessWithin!)})(?![${letters}])`, `g${flags}`),
          )
        : undefined,
    };
  });
  const sources = rules.map((r) => `(?:${source(splitHead(r.rule.pattern).core)})`);
  const groups: string[][] = [];
  let size = Infinity;
  for (const src of sources) {
    if (size + src.length > GATE_SOURCE) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1]!.push(src);
    size += src.length + 1;
  }
  const start = groups.length ? groups.map((g) => new RegExp(bounded(g.join('|')), `g${flags}`)) : undefined;
  return { lang: set.lang, mode, rules, start, source: set };
}

const unicodeSets = new WeakMap<CompiledRuleSet, CompiledRuleSet>();

/** The same rules compiled for any text, once. */
export function unicodeVariant(set: CompiledRuleSet): CompiledRuleSet {
  if (set.mode === 'unicode') return set;
  let u = unicodeSets.get(set);
  if (!u) unicodeSets.set(set, (u = compileRuleSet(set.source, 'unicode')));
  return u;
}
