/**
 * A sample of highlights for an editor to judge (issue 15's judged sample): every phrasing finding the pipeline
 * makes, with the model at the default setting, on one half of `allsides-abp/` and `hyperpartisan-2019/`, and N of
 * them drawn uniformly at random with a fixed seed (mulberry32), one JSON line each: the set, the article, the
 * category, the rule, the confidence, the words marked and the sentence around them (cut to 240 characters).
 *
 *   npm run sample:phrasing -- ../shared/corpora [--n 60] [--seed 15] [--split held-out|tune]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzePhrasing, compileRules } from '../utils/pipeline';
import { loadPhrasingModel } from '../utils/analyze/model';
import { DEFAULT_SENSITIVITY } from '../utils/sensitivity';
import type { RuleSet } from '../utils/analyze/rules';
import { readJsonl, splitOf, type Split } from './eval-phrasing';
import { mulberry32 } from './seeded';

interface Drawn {
  set: string;
  id: string;
  category: string;
  ruleId: string;
  confidence: number;
  text: string;
  sentence: string;
}

export async function main(argv: string[], root: string): Promise<number> {
  const args = [...argv];
  const take = (name: string, fallback: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? (args.splice(i, 2)[1] ?? fallback) : fallback;
  };
  const n = Number(take('--n', '60'));
  const seed = Number(take('--seed', '15'));
  const split = take('--split', 'held-out') as Split;
  const corpora = args[0];
  const abp = corpora && join(corpora, 'allsides-abp', 'abp-dev.jsonl');
  const semeval = corpora && join(corpora, 'hyperpartisan-2019', 'semeval2019-byarticle-dev.jsonl');
  if (!abp || !semeval || !existsSync(abp) || !existsSync(semeval)) {
    console.log('sample:phrasing: skipped: give the corpora folder (with allsides-abp/ and hyperpartisan-2019/)');
    return 0;
  }
  const rules = compileRules([JSON.parse(readFileSync(resolve(root, 'dataset/rules/en.json'), 'utf8')) as RuleSet]);
  const model = loadPhrasingModel(readFileSync(resolve(root, 'dataset/models/phrasing.json'), 'utf8'));
  const articles = [
    ...readJsonl<{ id: string; title: string; text: string }>(abp).map((a) => ({ set: 'allsides-abp', ...a })),
    ...readJsonl<{ id: string; title: string; text: string }>(semeval).map((a) => ({
      set: 'hyperpartisan-2019',
      ...a,
    })),
  ].filter((a) => splitOf(a.id) === split);
  const all: Drawn[] = [];
  for (const a of articles) {
    const text = `${a.title}\n\n${a.text}`;
    const result = analyzePhrasing(text, 'en', rules, DEFAULT_SENSITIVITY, model);
    for (const f of result.findings) {
      const s = result.sentences[f.sentence] ?? { start: f.start, end: f.end };
      const from = Math.max(s.start, f.start - 120);
      const to = Math.min(s.end, Math.max(f.end + 120, from + 240));
      all.push({
        set: a.set,
        id: a.id,
        category: f.category,
        ruleId: f.ruleId,
        confidence: f.confidence,
        text: f.text,
        sentence: text.slice(from, to),
      });
    }
  }
  // Fisher–Yates with the fixed generator: the first N of the shuffle are the sample.
  const random = mulberry32(seed);
  const order = all.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  console.error(
    `sample:phrasing: ${all.length} highlights on ${articles.length} ${split} articles; ${Math.min(n, all.length)} drawn (seed ${seed})`,
  );
  for (const i of order.slice(0, n)) console.log(JSON.stringify(all[i]));
  return 0;
}
