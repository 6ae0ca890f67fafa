/**
 * The same phrasing gets the same treatment whoever writes it. For each group or issue, one side's contested label
 * and the other side's counterpart in the same sentence frame must both be marked as labelling, and the neutral
 * civic and descriptive phrases of the same issue (a party's own name, an official title, a wire description) must
 * be left alone. Rule-level (threshold 0), then as a reader sees it at the default setting with the model.
 */
import { describe, expect, test } from 'vitest';
import { analyzeText } from '@/utils/analyze';
import { analyzePhrasing } from '@/utils/pipeline';
import { bundledPhrasingModel } from '@/utils/analyze/model-file';
import { phrasingCandidates, rawScore } from '@/utils/analyze/model';
import { SIDE_LABEL_RULES, articleFeatures, candidateFeatures } from '@/utils/analyze/model-features';
import { DEFAULT_SENSITIVITY } from '@/utils/sensitivity';
import { english, rules } from './helpers';

/** [issue, one side's label in a sentence, the other side's counterpart in the same frame] */
const COUNTERPARTS: [string, string, string][] = [
  ['the other camp', 'The radical left blocked the bill.', 'The radical right blocked the bill.'],
  ['the other camp, as nouns', 'Leftists held a rally downtown.', 'Right-wingers held a rally downtown.'],
  ['the other camp, informally', 'Lefties held a rally downtown.', 'Righties held a rally downtown.'],
  [
    'the other camp, as extremists',
    'Left-wing extremists attacked the office.',
    'Right-wing extremists attacked the office.',
  ],
  ['the parties, as extremists', 'Extremist Republicans blocked the bill.', 'Extremist Democrats blocked the bill.'],
  ['the parties, as a slogan', 'MAGA extremists blocked the bill.', 'Socialist Democrats blocked the bill.'],
  ['the parties, misspelt', 'Demonrats blocked the bill.', 'Rethuglicans blocked the bill.'],
  ['the administrations', 'The Trump regime ignored the court.', 'The Obama regime ignored the court.'],
  ['the fringe', 'Wingnuts flooded the hearing.', 'Moonbats flooded the hearing.'],
  ['the extremes', 'Fascists marched downtown.', 'Commies marched downtown.'],
  ['immigration', 'The bill would reward illegal aliens.', 'The bill would reward xenophobic voters.'],
  ['abortion', 'Pro-abortion lawmakers passed the bill.', 'Anti-choice lawmakers passed the bill.'],
  ['abortion, as extremists', 'Abortion extremists pushed the bill.', 'Forced-birth zealots pushed the bill.'],
  ['guns', 'The gun grabbers want to take your rifle.', 'The gun nuts want no limits on your rifle.'],
  ['climate', 'Climate alarmists want to ban cars.', 'Climate deniers want to keep burning coal.'],
  ['media', 'The lamestream media ignored the story.', 'Faux News ignored the story.'],
  ['media, by owner', 'The liberal media ignored the story.', 'The right-wing media ignored the story.'],
  ['race', 'The race hustlers showed up again.', 'The racists showed up again.'],
  ['the wealthy and the educated', 'Coastal elites will love the plan.', 'Wall Street elites will love the plan.'],
  ['the wealthy', 'The liberal elites got richer.', 'The fat cats got richer.'],
  ['identity', 'Woke executives pushed the policy.', 'Bigoted executives pushed the policy.'],
  ['mobs', 'A leftist mob tore down the statue.', 'A right-wing mob tore down the statue.'],
  ['dissenters in a party', 'RINOs lost the primary.', 'Never-Trumpers lost the primary.'],
];

/** Neutral civic phrases and descriptions that name the same groups: no labelling finding. */
const NEUTRAL: [string, string][] = [
  ['a party’s own name', 'The Democratic Party and the Republican Party both filed briefs.'],
  ['a party abroad named so', 'Thailand’s Democrat Party won 48 seats.'],
  ['a self-named group', 'The Democratic Socialists of America endorsed her.'],
  ['a party member', 'He is a Democrat from Ohio and she is a Republican from Texas.'],
  ['an administration', 'The Trump administration and the Obama administration both appealed.'],
  ['wire descriptions of a side', 'The left-wing party and the right-wing party formed a coalition.'],
  ['a school of thought', 'That version of history is from Marxist historian Howard Zinn.'],
  ['abortion, as a wire variant', 'The pro-abortion rights group NARAL condemned the vote.'],
  ['a wire description abroad', 'Venezuela’s leftist government blocked a referendum.'],
  ['a far-right party', 'The far-right Alternative for Germany won 10 percent of the vote.'],
  ['abortion, as style guides name the sides', 'Anti-abortion groups and abortion-rights advocates rallied.'],
  ['abortion, as the sides name themselves', 'Pro-life and pro-choice groups rallied outside the court.'],
  ['guns', 'Gun-rights groups and gun-control advocates both testified.'],
  ['immigration', 'Undocumented immigrants and immigration hawks were both at the hearing.'],
  ['climate', 'Climate scientists and skeptics of the models debated the report.'],
  ['media', 'Chinese state media and the mainstream press reported the launch.'],
  ['a civic phrase', 'The American people will decide in November.'],
  ['the verb', 'Residents woke up to dry and sunny weather.'],
  ['history', 'The Radical Republicans of the Reconstruction era pressed for civil rights.'],
  ['a historical dictator', 'The uprising toppled longtime dictator Moammar Gadhafi.'],
  ['an official title', 'The Supreme Leader of Iran addressed the assembly.'],
];

const labels = (text: string) =>
  analyzeText(text, english, { threshold: 0 })
    .findings.filter((f) => f.category === 'labeling')
    .map((f) => `${f.ruleId} on “${f.text}”`);

describe('each side’s contested label has its counterpart', () => {
  test.each(COUNTERPARTS)('%s: %j and %j', (_issue, one, other) => {
    expect(labels(one), one).not.toEqual([]);
    expect(labels(other), other).not.toEqual([]);
  });
});

describe('neutral civic and descriptive phrases are left alone', () => {
  test.each(NEUTRAL)('%s: %j', (_what, text) => {
    expect(labels(text)).toEqual([]);
  });
});

/**
 * Same frame, same score: the phrasing model scores a side's label (`SIDE_LABEL_RULES`) by its rule, its category
 * and the context, not by which label matched, so two sentences that differ only in the label get the same score.
 * Before this (features `phrasing-features/2`) it read the matched words, and seven of the pairs above were shown
 * on one side and not the other at the default setting ("Demonrats" 0.56, "Rethuglicans" 0.35).
 */
const SCORED = bundledPhrasingModel().model!;
const sideLabelScores = (text: string) => {
  const a = analyzeText(text, english, { threshold: 0 });
  const { candidates } = phrasingCandidates(
    text,
    a.sentences,
    a.quotes,
    a.findings,
    (s, e) => a.voice.isWriter(s, e),
    SCORED.vocab,
  );
  return candidates
    .filter((c) => c.finding && SIDE_LABEL_RULES.has(c.finding.ruleId))
    .map((c) => ({ start: c.start, end: c.end, score: rawScore(SCORED, 'rule', c.features) }));
};
/** The sentence with each side-label match cut out: two sentences with the same frame give the same string. */
const frame = (text: string) => {
  let out = text;
  for (const m of sideLabelScores(text).reverse()) out = `${out.slice(0, m.start)}□${out.slice(m.end)}`;
  return out;
};
const SAME_FRAME = COUNTERPARTS.filter(([, one, other]) => frame(one) === frame(other));

describe('a side’s label is scored by its rule and context, not by which label it is', () => {
  test('most pairs share their frame', () => {
    expect(SAME_FRAME.length).toBeGreaterThanOrEqual(18);
  });
  test.each(SAME_FRAME)('%s: %j and %j score alike', (_issue, one, other) => {
    const [a, b] = [sideLabelScores(one), sideLabelScores(other)];
    expect(a.length).toBeGreaterThan(0);
    expect(a.map((m) => m.score)).toEqual(b.map((m) => m.score));
  });

  /** Features of the first rule candidate of `rule` in a sentence. */
  const features = (text: string, rule: string) => {
    const a = analyzeText(text, english, { threshold: 0 });
    const f = a.findings.find((x) => x.ruleId === rule);
    if (!f) throw new Error(`${rule} does not match ${JSON.stringify(text)}`);
    const art = articleFeatures(text, a.sentences, a.findings.length, SCORED.vocab);
    return [...candidateFeatures(art, 'rule', f.start, f.end, { id: f.ruleId, category: f.category })];
  };
  test.each([
    ['labeling.political-pejoratives', 'Demonrats blocked the bill.', 'Rethuglicans blocked the bill.'],
    ['labeling.political-pejoratives', 'The gun grabbers want more.', 'The gun nuts want more.'],
    ['labeling.political-pejoratives', 'Leftists held a rally.', 'Right-wingers held a rally.'],
    ['labeling.political-pejoratives', 'The radical left cheered.', 'The radical right cheered.'],
  ])('%s: %j and %j have the same features', (rule, one, other) => {
    expect(features(one, rule)).toEqual(features(other, rule));
  });
  // Rules whose words do not name a side still read them ("ludicrous" and "absurd" are not each other's counterpart),
  // and a side's label still reads the words around it.
  test.each([
    ['loaded-language.derision', 'The plan is absurd.', 'The plan is ludicrous.'],
    ['labeling.dictator', 'The dictator spoke.', 'The strongman spoke.'],
    ['labeling.political-pejoratives', 'Demonrats blocked the bill.', 'Demonrats stalled the bill.'],
  ])('%s: %j and %j have different features', (rule, one, other) => {
    expect(features(one, rule)).not.toEqual(features(other, rule));
  });
});

describe('as a reader sees it (the model, the default setting), both sides alike', () => {
  const model = bundledPhrasingModel();
  const shown = (text: string) =>
    analyzePhrasing(text, 'en', rules, DEFAULT_SENSITIVITY, model).findings.filter((f) => f.category === 'labeling')
      .length > 0;
  const alike = ([, one, other]: [string, string, string]) =>
    expect(shown(one), `${one} shown: ${shown(one)}; ${other} shown: ${shown(other)}`).toBe(shown(other));
  test.each(COUNTERPARTS)('%s: %j and %j', (...pair) => alike(pair));
  test.each(NEUTRAL)('%s: %j', (_what, text) => {
    expect(shown(text)).toBe(false);
  });
});
