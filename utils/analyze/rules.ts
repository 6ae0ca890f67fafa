/** Phrasing rules: compiled once, run over an article's text. */
import type { Category } from '../categories';
import type { Rule } from '../dataset/schema';
import { compilePattern, patternSource, WORD_END, WORD_START } from './pattern';

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
  find: RegExp;
  /** The pattern anchored at `lastIndex` (sticky), for the positions where `CompiledRuleSet.start` matched. */
  at: RegExp;
  unlessSentence?: RegExp;
  requireSentence?: RegExp;
  unlessBefore?: RegExp;
  unlessAfter?: RegExp;
}

export interface CompiledRuleSet {
  lang: string;
  rules: CompiledRule[];
  /**
   * Every rule's pattern in one expression: one pass over the text finds the offsets where some rule may start,
   * and only there is each rule tried. One scan instead of one per rule keeps the analysis linear and cheap.
   */
  start?: RegExp;
}

const BOUNDED = (src: string) => `${WORD_START}(?:${src})${WORD_END}`;

function anywhere(pattern: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${patternSource(pattern)})(?![\\p{L}\\p{N}])`, 'iu');
}

export function compileRuleSet(set: RuleSet): CompiledRuleSet {
  const rules = set.rules.map((rule): CompiledRule => {
    const wrap = (what: string, make: () => RegExp) => {
      try {
        return make();
      } catch (error) {
        throw new Error(`${rule.id}: ${what}: ${(error as Error).message}`, { cause: error });
      }
    };
    return {
      rule,
      category: rule.category,
      find: wrap('pattern', () => compilePattern(rule.pattern)),
      at: wrap('pattern', () => new RegExp(BOUNDED(patternSource(rule.pattern)), 'iuy')),
      unlessSentence: rule.unlessSentence ? wrap('unlessSentence', () => anywhere(rule.unlessSentence!)) : undefined,
      requireSentence: rule.requireSentence
        ? wrap('requireSentence', () => anywhere(rule.requireSentence!))
        : undefined,
      unlessBefore: rule.unlessBefore
        ? wrap(
            'unlessBefore',
            () => new RegExp(`(?<![\\p{L}\\p{N}])(?:${patternSource(rule.unlessBefore!)})[\\s,]*$`, 'iu'),
          )
        : undefined,
      unlessAfter: rule.unlessAfter
        ? wrap(
            'unlessAfter',
            () => new RegExp(`^[\\s,]*(?:${patternSource(rule.unlessAfter!)})(?![\\p{L}\\p{N}])`, 'iu'),
          )
        : undefined,
    };
  });
  const start = rules.length
    ? new RegExp(BOUNDED(rules.map((r) => `(?:${patternSource(r.rule.pattern)})`).join('|')), 'giu')
    : undefined;
  return { lang: set.lang, rules, start };
}
