/**
 * Highlights read as an editor would, kept as a regression table. Drawn on 2026-12-07 from the held-out halves of
 * allsides-abp/ and hyperpartisan-2019/ (1,636 articles, 3,534 highlights at the default setting with the model):
 * 60 highlights taken uniformly at random (mulberry32, seed 15) and judged one by one: correct (an editor would
 * sign it as the writer's contested phrasing), debatable, or wrong, with why. 22 correct, 15 debatable, 23 wrong;
 * 13 of the 23 wrong are scare quotes on terms of art, mentions and partial quotations.
 *
 * Only the sentence needed to judge is kept (cut to 240 characters around the highlight). Each sentence is read
 * alone, so article-level features differ from the article's; `alone` says whether the sentence alone reproduces
 * the highlight today (rows where it does not are not asserted). A wrong highlight still produced is a known
 * failure (`test.fails`): fixing it makes that test fail, and the row then moves to the fixed ones.
 */
import { describe, expect, test } from 'vitest';
import type { Category } from '@/utils/categories';
import { analyzePhrasing } from '@/utils/pipeline';
import { bundledPhrasingModel } from '@/utils/analyze/model-file';
import { rules } from './helpers';

type Verdict = 'correct' | 'debatable' | 'wrong';
/** verdict, category, highlight, sentence, why, reproduced by the sentence alone when judged */
const JUDGED: [Verdict, Category, string, string, string, boolean][] = [
  [
    'wrong',
    'scare-quotes',
    '“winner-take-all states”',
    'Democrats have no “winner-take-all states” (where whoever comes in first place gets all that state’s delegates) — instead, they allot delegates proportionally based on each contest’s results.',
    'a term of art explained in the same sentence, not the writer distancing',
    false,
  ],
  [
    'debatable',
    'loaded-language',
    'despised',
    'Most often they are stirred into a potent brew by populist leaders who win voters’ trust by paying attention to those who feel ignored, even despised, by society’s rich and powerful because they hold unfashionable views.',
    'how those people feel, told by the writer; the word is theirs in spirit',
    true,
  ],
  [
    'wrong',
    'exaggeration',
    'complete collapse',
    'So uncertain has the future become that a figure as sober as former Italian Prime Minister Mario Monti does not rule out the complete collapse of the European Union.',
    'a literal prospect a named former prime minister does not rule out',
    false,
  ],
  [
    'debatable',
    'loaded-language',
    'shocking victory',
    "In the two weeks since Donald Trump's shocking victory, the press has devoted a substantial chunk of its coverage to enumerating the president-elect's many faults.",
    '"shocking" is the writer\'s; wire copy would say "surprise"',
    true,
  ],
  [
    'wrong',
    'scare-quotes',
    '“death panels”',
    'And this is happening in a bitterly divided country, where even a reform as comparatively mild as Obamacare led to widespread belief in “death panels” and armed IRS agents going door to door.',
    'a well-known slogan quoted as a false belief: a mention, not distance',
    true,
  ],
  [
    'correct',
    'scare-quotes',
    '"hate"',
    'Facebook, along with Twitter, YouTube, and Google, utilizes the work of the left-wing Southern Poverty Law Center (SPLC) to identify "hate" groups and then suppress or remove them from its platform.',
    'the marks distance the writer from the "hate" label given by a named group',
    true,
  ],
  [
    'correct',
    'exaggeration',
    'relentlessly',
    'Remember, in the aftermath of Charlottesville, the mainstream media relentlessly attacked Trump for saying both sides were responsible for violence, tacitly endorsing the violent alt-left.',
    '"relentlessly attacked" is the writer\'s own charge',
    true,
  ],
  [
    'wrong',
    'exaggeration',
    'absolutely consistent',
    'There was one place where McMaster was absolutely consistent with his previous statements: Donald Trump’s spill of intelligence from the Israelis was spurred, in part, by Trump’s ignorance on the source.',
    'an ordinary intensifier on "consistent", no overstatement',
    false,
  ],
  [
    'debatable',
    'loaded-language',
    'cowardice',
    'For critics, not speaking out against his provocations could be reasonably interpreted as complicity or cowardice.',
    'a verdict framed as what critics could reasonably conclude',
    true,
  ],
  [
    'correct',
    'vague-attribution',
    'sources told',
    'White House sources told reporters that sanctions could be in place as early as Monday.',
    'anonymous sourcing',
    true,
  ],
  [
    'wrong',
    'scare-quotes',
    '"talking"',
    'Paul\'s politician page has 1.9 million likes and 228,537 people were "talking" about him as of Tuesday:',
    'the name of a Facebook counter ("talking about"), a mention',
    true,
  ],
  [
    'debatable',
    'labeling',
    'bigotry',
    'But this conventional wisdom—that bigotry wins votes and elections—depends on imprecision around the idea of “effective.”',
    'the writer names the idea under discussion; evaluative but analytical',
    true,
  ],
  [
    'wrong',
    'scare-quotes',
    '"blind date"',
    'Surveys of women who actually went on dates with men they contacted during the "blind date" period found that they reported having a good time regardless of how much more attractive they were than the men (as rated by other OkCupid users):',
    'the name of a study period, not distance',
    false,
  ],
  [
    'correct',
    'unsupported-certainty',
    'There is no question',
    'There is no question that Hunter Biden enriched himself off a corrupt company.',
    'certainty asserted with no evidence given',
    true,
  ],
  [
    'debatable',
    'scare-quotes',
    '"white supremacist"',
    'The announcement raises concerns that "white supremacist" Brenton Tarrant could espouse his extreme views in court as he conducts his own defence.',
    'quotation marks around a charge before trial, a house style; they do distance',
    true,
  ],
  [
    'correct',
    'loaded-language',
    'bald-faced lies',
    'p might have said if Tapper refused to be silenced, if, instead, he goaded Trump by accusing him of racism, mocking his bald-faced lies, and confronting Trump with the most galling aspects of his fraudulent “university,” rather than allowin',
    '"bald-faced lies" in the writer\'s voice',
    false,
  ],
  [
    'wrong',
    'exaggeration',
    'unprecedented',
    'The unprecedented nature of the rapid spread of the coronavirus has, in many ways, fundamentally altered the current phase of the 2020 election cycle.',
    "a fair description of the pandemic's spread",
    false,
  ],
  [
    'correct',
    'loaded-language',
    'Crap',
    'Calling a network that muses of a newly elected president and his inner circle being murdered the Clinton News Network or Crap News Network just doesn’t suffice here.',
    '"Crap News Network" is name-calling by the writer',
    true,
  ],
  [
    'correct',
    'loaded-language',
    'insensitive',
    'Here are some of the shockingly insensitive, incompetent and tone-deaf things Trump said during his trip to Puerto Rico:',
    '"shockingly insensitive" is the writer\'s verdict',
    true,
  ],
  [
    'wrong',
    'exaggeration',
    'devastated cities',
    'The nearly five-year war that has devastated cities and towns across north Syria and Iraq ended in Baghouz, a minor border village where the cornered militants made their last stand, under a grueling siege for weeks.',
    'literal war damage',
    false,
  ],
  [
    'wrong',
    'scare-quotes',
    '“mixed status”',
    'Families of “mixed status” – typically, noncitizen parents with citizen children – could face a choice of either leaving the U.S. together or splitting up.',
    'a term of art, explained after the dash',
    false,
  ],
  [
    'wrong',
    'scare-quotes',
    "'to do'",
    "JUST WATCHED Congress returns with long 'to do' list Replay More Videos ...",
    'a video caption\'s idiom ("to do" list) repeated by the page',
    false,
  ],
  [
    'wrong',
    'exaggeration',
    'dramatic economic',
    "The decision I have to make is: Where is the best place for me to serve America to carry out this agenda that I have to restore the American dream given the dramatic economic changes we've had in the 21st century?",
    "the candidate's own words, a quotation without marks",
    true,
  ],
  [
    'debatable',
    'loaded-language',
    'slaughtered',
    'Those who’ve watched children slaughtered in their classrooms many times over with no discernible change in gun-control policy or decline in American gun ownership may have reason to doubt that any of these activist measures will accomplish',
    'emotive but accurate of school shootings',
    true,
  ],
  [
    'debatable',
    'exaggeration',
    'unprecedented',
    'Since taking office, Trump has threatened to attack North Korea, exchanged unprecedented insults with Kim and imposed tough sanctions.',
    'plausible as a description of the exchanges',
    true,
  ],
  [
    'wrong',
    'doubt',
    'allegedly',
    ' Mark Kirk, one of the few Senate Republicans who outright refused to support Trump, the presumptive Republican nominee allegedly called him a “loser” only interested in maintaining his seat in a contentious Senate race.',
    '"allegedly" in reporting an unconfirmed remark: ordinary care',
    true,
  ],
  [
    'correct',
    'scare-quotes',
    '“refined”',
    'Washington smelled a rat in the “refined” conceits of the Enlightenment.',
    "ironic quotation marks of the writer's own",
    true,
  ],
  [
    'correct',
    'loaded-language',
    'selfless',
    'All this extra-market cooperation — or solidarity, the term we on the Left use to describe such selfless, deep humanism — offers a hint of the better world to come, where no one does anything for profit any longer, but simply works in servi',
    "praise in the writer's voice",
    true,
  ],
  [
    'debatable',
    'loaded-language',
    'mocked',
    'People are treated as members of groups, not individuals, which leads to the absurd spectacle of poor kids’ being mocked as “privileged” by the wealthy, powerful children of doctors and lawyers.',
    'descriptive verb inside a loaded frame ("absurd spectacle")',
    true,
  ],
  [
    'wrong',
    'loaded-language',
    'absurdity',
    'Now, again, he is unique and I totally defend him against those who, for example, want him to put his holdings in a blind trust, which is an absurdity. ...',
    "a speaker's words in a transcript without marks",
    true,
  ],
  [
    'wrong',
    'loaded-language',
    'sinister',
    'These are the most advanced fighter planes in the world, shaped like boomerangs with a profile dark and sinister against a cloudy sky, enough to make a boy playing with guns think twice about shooting out streetlights.',
    'a literal, visual description of aircraft',
    true,
  ],
  [
    'wrong',
    'scare-quotes',
    '“death panels,”',
    'Appellate courts have turned back lawsuits that complain that the Affordable Care Act set up Medicare “death panels,” had been drafted in the wrong chamber of Congress or bestowed special favors to Capitol Hill employees.',
    'a slogan from lawsuits quoted as a claim: a mention',
    false,
  ],
  [
    'correct',
    'loaded-language',
    'despised',
    'This time around, a stealth anti-environmentalism was no longer necessary; he unapologetically denied climate change and despised the EPA.',
    'the writer asserts contempt as fact ("despised the EPA")',
    true,
  ],
  [
    'correct',
    'loaded-language',
    'brutal raids',
    'In the early morning hours of June 28, 1969, New York City police officers descended on the Stonewall Inn to conduct what had become their typical, humiliating, and brutal raids on gay establishments.',
    '"brutal raids" in the writer\'s voice',
    true,
  ],
  [
    'correct',
    'vague-attribution',
    'Sources told',
    'Sources told Fox News on Monday that the request is expected to be discussed Tuesday at the Senate Armed Services Committee hearing with Defense Secretary Chuck Hagel and Joint Chiefs of Staff Chairman Gen. Martin Dempsey.',
    'anonymous sourcing',
    true,
  ],
  [
    'debatable',
    'unsupported-certainty',
    'undoubtedly ramp up again when members return next month from recess',
    'While leadership race chatter will undoubtedly ramp up again when members return next month from recess, Democrats -- both Pelosi detractors and supporters -- are still largely trying to stay on message for now.',
    'a confident forecast, mild',
    true,
  ],
  [
    'wrong',
    'exaggeration',
    'unprecedented',
    ' the Israeli leader for Obama’s whole presidency, years of animosity brought to a boil by a speech to Congress that was unprecedented in having a foreign leader attack White House policy from the House floor.',
    'a factual claim about a historical first',
    false,
  ],
  [
    'wrong',
    'loaded-language',
    'Rants',
    'ebsack, Mark Lucas, Liz Mathis, Jan Michelson, Chad Olsen, David Oman, Matt Paul, Marlys Popma, Troy Price, Christopher Rants, Kim Reem, Craig Robinson, Sam Roecker, David Roederer, Nick Ryan, Tamara Scott, Joni Scotter, Karen Slifka, John ',
    'a surname (Rants) in a list of names',
    true,
  ],
  [
    'wrong',
    'scare-quotes',
    '"fascist,"',
    'The smears "racist," "fascist," "white privilege" and "Nazi" -- like "commie" of the 1950s -- are so overused as to become meaningless.',
    'words named as words ("the smears “racist,” “fascist,”")',
    false,
  ],
  [
    'correct',
    'scare-quotes',
    '“stuck”',
    'One technique that keeps people “stuck” to welfare is the structure of government benefits.',
    "the writer's own distancing quotation marks",
    true,
  ],
  [
    'correct',
    'loaded-language',
    'hypocrisy',
    'Their hypocrisy so far has been hapless, losing votes in recounts that they demanded and electors from an electoral college that they intimidated.',
    '"hypocrisy" is the writer\'s accusation',
    true,
  ],
  [
    'correct',
    'scare-quotes',
    '"wonderful"',
    'Obama spent several long minutes touting all the "wonderful" things this law has done and will continue to do, and then -- probably because he knows that the public utterly disdains his signature legislative acheivement -- he threw in some ',
    "sarcastic quotation marks in the writer's voice",
    true,
  ],
  [
    'correct',
    'loaded-language',
    'crazy views',
    'Together, they represent a growing problem for Republican leaders: What do you do when your voters choose candidates who espouse fringe, sometimes crazy views?',
    '"crazy views" in the writer\'s voice',
    true,
  ],
  [
    'debatable',
    'loaded-language',
    'blasted',
    "In a sit-down interview on Thursday, Boehner defended his comments and blasted the president's re-election campaign over its recent tactics.",
    '"blasted" as a reporting verb is common headline style',
    true,
  ],
  [
    'wrong',
    'scare-quotes',
    '"no"',
    'There was another clarification yesterday after the press ran with a terse Trumpian response—"no"—to ABC reporter Cecilia Vega\'s question about whether he believes Russia is still meddling in American politics.',
    "a speaker's one-word answer quoted",
    false,
  ],
  [
    'wrong',
    'scare-quotes',
    '“robbed”',
    'Brazile did not allege, as CNN reported in this chyron, that the DNC “robbed” Sanders of the nomination.',
    'a partial quotation of what someone alleged',
    false,
  ],
  [
    'correct',
    'loaded-language',
    'furious blast',
    'Afterward, a spokesman for Obama’s just-departed CIA director John Brennan issued a furious blast at the president: "Former CIA Director Brennan is deeply saddened and angered at Donald Trump\'s despicable display of self-aggrandizement in f',
    '"furious blast" is the writer\'s colouring of a statement',
    true,
  ],
  [
    'debatable',
    'scare-quotes',
    '“living Constitution”',
    'The whole liberal notion of a “living Constitution” is to render the actual one meaningless.',
    'an established term in quotation marks, with "liberal notion" framing',
    true,
  ],
  [
    'wrong',
    'scare-quotes',
    '“ambush”',
    'Republicans and leading business lobbies say the NLRB rule would permit “ambush” elections which give employers little time to make a counterargument to their employees after learning of an organizing drive.',
    'a partial quotation of the speakers named in the sentence ("Republicans ... say")',
    false,
  ],
  [
    'correct',
    'scare-quotes',
    '"guests"',
    'Secretary Pompeo and his "guests" will be landing at Andrews Air Force Base at 2:00 A.M. in the morning.',
    "sarcastic quotation marks of the writer's own",
    true,
  ],
  ['debatable', 'loaded-language', 'dissing', 'Trump dissing Tailgunner Joe?', 'slang in a headline question', false],
  [
    'correct',
    'loaded-language',
    'biggest lie',
    'p, will recite such quotes as “the bigger the lie, the more it will be believed,” even as their coverage rests upon the biggest lie of all: the assertion of imaginary Trump-Russia criminal collusion based on nothing more than false, fragmen',
    '"the biggest lie of all" in the writer\'s voice',
    false,
  ],
  [
    'wrong',
    'scare-quotes',
    '“air war”',
    'That means the “air war” will soon begin in earnest.',
    'a term of art (campaign advertising)',
    true,
  ],
  [
    'debatable',
    'loaded-language',
    'warlike references',
    "With so many warlike references and the promise of a new fortress America, walled off and fearful, we returned to Trump's true inner reality.",
    "the writer's characterisation of a speech",
    true,
  ],
  [
    'correct',
    'loaded-language',
    'naysayers',
    'But the naysayers refuse to admit that tax-rate incentives matter.',
    '"naysayers" is the writer\'s dismissal',
    true,
  ],
  [
    'correct',
    'loaded-language',
    'onslaught',
    'Catalonia, the bankruptcy of Mediterranean nation members, insidious terrorist attacks in major European cities and the onslaught of millions of immigrants -- mostly young, male and Muslim -- from the war-torn Middle East.',
    '"onslaught of millions of immigrants" in the writer\'s voice',
    true,
  ],
  [
    'debatable',
    'loaded-language',
    'heart-wrenching video',
    'For Valerie Castile, the heart-wrenching video of George Floyd’s life being extinguished by a Minneapolis police officer, stirred painful emotions.',
    'emotive description of a video in a feature',
    true,
  ],
  [
    'debatable',
    'scare-quotes',
    '"buzzy"',
    'Hide Caption 15 of 19 Photos: Potential 2016 presidential candidates Democrat Martin O\'Malley, the former Maryland governor, released a "buzzy" political video in November 2013 in tandem with visits to New Hampshire.',
    'a caption; the marks may quote press coverage',
    true,
  ],
  [
    'correct',
    'doubt',
    'supposedly',
    'Instead of looking in the mirror and considering her ill-advised statements about the cause of terrorism and a deserter’s supposedly meritorious record, this time she blames the backlash on the intersection of race and gender.',
    '"supposedly" casts doubt without a reason',
    true,
  ],
  [
    'wrong',
    'scare-quotes',
    '“convalescent plasma,”',
    'The FDA recently issued guidance on the investigational use of such “convalescent plasma,” which contains antibodies to the coronavirus, and clinical trials are underway.',
    'a technical term introduced in quotation marks',
    false,
  ],
];

const model = bundledPhrasingModel();
function marked(category: Category, highlight: string, sentence: string): boolean {
  const at = sentence.indexOf(highlight);
  if (at < 0) throw new Error(`"${highlight}" is not in its sentence`);
  return analyzePhrasing(sentence, 'en', rules, 'balanced', model).findings.some(
    (f) => f.category === category && f.start < at + highlight.length && f.end > at,
  );
}
const rows = (verdict: Verdict, alone: boolean) =>
  JUDGED.filter((r) => r[0] === verdict && r[5] === alone).map((r) => [r[2], r[1], r[3], r[4]] as const);

describe('highlights an editor judged correct are still made', () => {
  test.each(rows('correct', true))('%j (%s): %s', (highlight, category, sentence) => {
    expect(marked(category, highlight, sentence)).toBe(true);
  });
});

describe('highlights an editor judged wrong', () => {
  const fixed = rows('wrong', false);
  test.skipIf(!fixed.length).each(fixed.length ? fixed : [['', 'loaded-language', '', ''] as const])(
    'are no longer made: %j (%s)',
    (highlight, category, sentence) => {
      expect(marked(category, highlight, sentence)).toBe(false);
    },
  );
  // Known failures: each still marked today. When one is fixed its test fails; flip its `alone` to false.
  test.fails.each(rows('wrong', true))(
    'known wrong, still made: %j (%s) — %s — %s',
    (highlight, category, sentence) => {
      expect(marked(category, highlight, sentence)).toBe(false);
    },
  );
});

test('the table is the sample as drawn: 60 highlights, 22 correct, 15 debatable, 23 wrong', () => {
  const count = (v: Verdict) => JUDGED.filter((r) => r[0] === v).length;
  expect([JUDGED.length, count('correct'), count('debatable'), count('wrong')]).toEqual([60, 22, 15, 23]);
});
