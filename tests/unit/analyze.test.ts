/** The analysis as a whole: whose words a finding is in, attribution, thresholds, and that one scan finds it all. */
import { describe, expect, test } from 'vitest';
import { analyzeText } from '@/utils/analyze';
import { SENSITIVITIES, thresholdFor } from '@/utils/sensitivity';
import { councilParagraph, english, rules } from './helpers';
import { analyzePhrasing } from '@/utils/pipeline';

const findings = (text: string, threshold = 0.5) => analyzeText(text, english, { threshold }).findings;
const ids = (text: string, threshold = 0.5) => findings(text, threshold).map((f) => f.ruleId);

describe('whose words', () => {
  test('a quoted speaker’s words are not the writer’s phrasing', () => {
    const text = '“This is a brutal, shameless and despicable attack”, the minister said.';
    expect(findings(text)).toEqual([]);
  });

  test('the same words in the writer’s voice are marked', () => {
    expect(ids('This is a brutal, shameless and despicable attack.')).toContain('loaded-language.charged-adjectives');
  });

  test('loaded words in a clause reported from a named speaker are left to the speaker', () => {
    expect(ids('The minister said the attack was brutal and must be investigated.')).toEqual([]);
  });

  test('even-handed labels: each side’s pejoratives for the other', () => {
    for (const text of ['The radical left wants to abolish the police.', 'MAGA extremists held a rally downtown.'])
      expect(ids(text)).toContain('labeling.political-pejoratives');
  });
});

describe('the words a highlight covers', () => {
  test('a charged modifier takes in the word it qualifies', () => {
    const [f] = findings('The bumbling investigators missed the evidence.');
    expect(f?.text).toBe('bumbling investigators');
    expect(findings('It was a despicable lie.').map((x) => x.text)).toContain('despicable lie');
  });

  test('not a function word, nor past the sentence or the line', () => {
    expect(findings('The attack was brutal and long.').map((x) => x.text)).toEqual(['brutal']);
    expect(findings('The crackdown was brutal.\nCrackdowns followed.').map((x) => x.text)).toEqual(['brutal']);
  });

  test('conditions are read on the word itself: “toxic waste” stays unmarked', () => {
    expect(findings('The plant released toxic waste into the river.')).toEqual([]);
  });

  test('a head that starts another finding of the category is left to that finding', () => {
    const texts = findings('They spread brutal shameless lies.').map((x) => x.text);
    expect(texts).toEqual(['brutal', 'shameless', 'lies']);
  });

  test('a claim of certainty takes in the statement it vouches for, up to the end of the clause', () => {
    const [f] = findings('It is clear that the army fired first, and the rest is detail.');
    expect(f?.ruleId).toBe('unsupported-certainty.everyone-knows');
    expect(f?.text).toBe('It is clear that the army fired first');
    expect(findings('Make no mistake: the plan failed.').map((x) => x.text)).toEqual(['Make no mistake']);
  });

  test('the statement stops at a quotation', () => {
    const text = 'Clearly the “reform” was a failure.';
    expect(findings(text).find((x) => x.category === 'unsupported-certainty')?.text).toBe('Clearly the');
  });

  test('the same in text that is read with the Unicode rules', () => {
    const [f] = findings('İzmir’s bumbling officials missed it.');
    expect(f?.text).toBe('bumbling officials');
  });
});

describe('attribution', () => {
  test('an accusation with no source is an unsupported claim', () => {
    expect(ids('The West is secretly arming the terrorists in Idlib.')).toContain('unsupported-claim.secret-backing');
  });

  test('a claim that takes its source from the next sentence is not', () => {
    const text =
      'The West is secretly arming the terrorists in Idlib. That is what a UN panel found, according to its report.';
    expect(ids(text)).not.toContain('unsupported-claim.secret-backing');
  });

  test('a neighbour whose sourcing is vague lends no support', () => {
    const text =
      'The reports refer to some unknown military sources. This comes amid the collapse of rebel forces in the north.';
    expect(ids(text)).toContain('unsupported-claim.collapse');
    const sourced =
      'The ministry said on Monday that the lines had broken. This comes amid the collapse of rebel forces.';
    expect(ids(sourced)).not.toContain('unsupported-claim.collapse');
  });

  test('vague attribution is told from named attribution', () => {
    expect(ids('Sources say the minister will resign.')).toContain('vague-attribution.sources-say');
    expect(ids('The minister will resign, his spokesman Igor Petrov said.')).toEqual([]);
  });
});

describe('alleged: ordinary care or doubt', () => {
  test('dismissive before an investigated event, surer than bare care', () => {
    const [event] = findings('The strike followed an alleged chemical attack supposedly conducted by the army.');
    expect(event?.ruleId).toBe('doubt.alleged-event');
    expect(event!.confidence).toBeGreaterThan(0.6);
  });

  test('court reporting is left alone', () => {
    expect(findings('Prosecutors told the court the alleged attack was planned for months.', 0)).toEqual([]);
  });

  test('a bare “alleged” before a noun waits for the thorough setting', () => {
    const text = 'They sold the alleged miracle cure.';
    expect(ids(text, thresholdFor('balanced'))).toEqual([]);
    expect(ids(text, thresholdFor('thorough'))).toContain('doubt.alleged-adjective');
  });
});

describe('sensitivity', () => {
  test('precise ⊂ balanced ⊂ thorough', () => {
    expect(SENSITIVITIES.precise).toBeGreaterThan(SENSITIVITIES.balanced);
    expect(SENSITIVITIES.balanced).toBeGreaterThan(SENSITIVITIES.thorough);
    const text = 'The regime’s brutal crackdown was an utter failure, and experts say so. The dictator fled.';
    const n = (s: 'precise' | 'balanced' | 'thorough') => findings(text, thresholdFor(s)).length;
    expect(n('precise')).toBeLessThanOrEqual(n('balanced'));
    expect(n('balanced')).toBeLessThan(n('thorough'));
  });
});

describe('one scan for all rules', () => {
  test('finds what each rule finds on its own', () => {
    const text = [
      'Fresh speculation has been circulating in the media. The reports refer to some unknown military sources.',
      'There are no doubts that the so-called experts were wrong, and make no mistake: the radical left peddled lies.',
      'The bombshell report, allegedly leaked, was a sham; unnamed officials said the total collapse was near.',
    ].join('\n\n');
    const withGate = analyzeText(text, english, { threshold: 0 }).findings;
    const withoutGate = analyzeText(text, { ...english, start: undefined }, { threshold: 0 }).findings;
    expect(withGate).toEqual(withoutGate);
    expect(withGate.length).toBeGreaterThan(8);
  });

  test('time grows linearly with the text', () => {
    const paragraph =
      'The brutal regime, sources say, is secretly arming the militants. Officials said on Monday that 59 missiles were fired. ';
    const time = (k: number) => {
      const text = Array.from({ length: k }, () => paragraph).join('\n\n');
      const t0 = performance.now();
      analyzeText(text, english, { threshold: 0.5 });
      return performance.now() - t0;
    };
    time(50);
    const small = Math.max(time(200), 1);
    const large = time(1600);
    // Eight times the text: well under the sixty-four times a quadratic cost would take.
    expect(large / small).toBeLessThan(24);
  });
});

describe('scare quotes: a lone term of several words waits for the thorough setting', () => {
  const scares = (text: string, threshold = 0.5) =>
    findings(text, threshold)
      .filter((f) => f.category === 'scare-quotes')
      .map((f) => f.text);

  // A term of several words in marks, the only one in its text: a term of art, a nickname, a slogan named.
  const lone = [
    'Neither party is moving toward a fiscal “grand bargain” that would trade cuts for tax increases.',
    'Scientists estimate about 70 percent of the population would have to be immune for “herd immunity” to be effective.',
    'Iran\'s current "breakout time" is estimated to be around a year.',
    'Kids have at least one daily break for "mindful movement," and lunch is cooked on-site.',
  ];
  test.each(lone)('not at the default: %s', (text) => {
    expect(scares(text)).toEqual([]);
    expect(scares(text, 0.3)).toHaveLength(1);
  });

  // A single word in marks is the typical scare quote, alone or not.
  const single = [
    'Meanwhile, the ‘journalists’ over at CNN are still trying to get to the bottom of it.',
    'While our "allies" and adversaries have vital interests there, we do not.',
    'The Pentagon\'s plan to erase the "stain" of sexual assault does not wash with some members of Congress.',
  ];
  test.each(single)('marked: %s', (text) => expect(scares(text)).toHaveLength(1));

  test('a writer who puts two terms in marks is marked for both', () => {
    const text =
      'The “moderate rebels” took the town. Their “humanitarian corridor” was closed a day later, and the “moderate rebels” left.';
    expect(scares(text)).toEqual(['“moderate rebels”', '“humanitarian corridor”', '“moderate rebels”']);
  });

  test('the same term twice is still one term', () => {
    const text = 'The “grand bargain” failed. Nobody mourned the “Grand Bargain.”';
    expect(scares(text)).toEqual([]);
  });
});

describe('a capitalised word after a first name is a surname', () => {
  test.each([
    ['Three of them - Jessica Leeds, Samantha Holvey, and Rachel Crooks - detailed their allegations.', 'Crooks'],
    ['The caucus heard from Iowa farmers, among them Jim Rants and Mary Smith.', 'Rants'],
    ['Major events were called off, including March Madness and South by Southwest.', 'Madness'],
    ['He is represented by two London barristers, Gavin Millar and Edward Craven.', 'Craven'],
  ])('left alone: %s', (text, word) => {
    expect(findings(text, 0).filter((f) => f.text.includes(word))).toEqual([]);
  });
  test.each([
    ['Crooks ran the city for a decade.', 'Crooks'],
    ['The mayor and his Crooked Cronies ran the city.', 'Crooked'],
    ['They are crooks, every one of them.', 'crooks'],
    ['The sentence they were taught by American Marxist activists to memorize.', 'Marxist'],
  ])('still read: %s', (text, word) => {
    expect(findings(text, 0).some((f) => f.text.includes(word))).toBe(true);
  });
});

describe('a lone hedge is care, a hedge among other doubt is doubt', () => {
  const hedges = (text: string, threshold = 0.5) =>
    findings(text, threshold)
      .filter((f) => f.ruleId === 'doubt.alleged')
      .map((f) => f.text);
  test.each([
    'Ford identified two others who were allegedly present at the party.',
    'Podesta allegedly asked the campaign manager in an email late that evening.',
    'The briefings are ostensibly meant to inform the public about the virus.',
  ])('waits for the thorough setting: %s', (text) => {
    expect(hedges(text)).toEqual([]);
    expect(hedges(text, 0.3)).toHaveLength(1);
  });
  test('with other doubt in the text it is marked', () => {
    const text =
      'The army seized the district, allegedly killing ten fighters. The reports refer to some unknown military sources.';
    expect(hedges(text)).toEqual(['allegedly']);
  });
});

describe('quoted terms in a text with no other sign of the writer’s judgement wait for the thorough setting', () => {
  // About 400 words of plain council reporting, then the sentence under test.
  const plain = Array.from({ length: 12 }, (_, i) => councilParagraph(i)).join('\n\n');
  const scares = (text: string, sensitivity: 'balanced' | 'thorough' = 'balanced') =>
    analyzePhrasing(text, 'en', rules, sensitivity)
      .findings.filter((f) => f.category === 'scare-quotes')
      .map((f) => f.text);

  test.each([
    'Owners of “pass-through” businesses would pay just 15 percent.',
    'The deal would replace many of the indiscriminate "sequester" budget cuts.',
  ])('a long neutral text: %s', (sentence) => {
    const text = `${plain}\n\n${sentence}`;
    expect(scares(text)).toEqual([]);
    expect(scares(text, 'thorough')).toHaveLength(1);
  });

  test('beside a loaded word of the writer’s it is marked', () => {
    const text = `${plain}\n\nThe shameful deal would replace many of the indiscriminate "sequester" budget cuts.`;
    expect(scares(text)).toEqual(['"sequester"']);
  });

  test('a short text says too little to judge by: marked', () => {
    expect(scares('The deal would replace many of the indiscriminate "sequester" budget cuts.')).toEqual([
      '"sequester"',
    ]);
  });
});
