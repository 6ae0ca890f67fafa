import { describe, expect, test } from 'vitest';
import { findQuotes } from '@/utils/text/quotes';

const kinds = (text: string) => findQuotes(text).map((q) => [text.slice(q.start, q.end), q.kind]);

describe('quotation marks', () => {
  test.each([
    ['amid the collapse of “opposition” forces', [['“opposition”', 'scare']]],
    ['The crucial word here is “by”.', [['“by”', 'mention']]],
    [
      'We move New Jersey to "likely" instead of "safe."',
      [
        ['"likely"', 'mention'],
        ['"safe."', 'speech'],
      ],
    ],
    ['Looking at just the seats considered "safe," Clinton would start ahead.', [['"safe,"', 'speech']]],
    [
      'It ignores the bureaucracy – or the “deep state,” as Trump supporters might call it.',
      [['“deep state,”', 'speech']],
    ],
    [
      'The ideology rests on the belief that whites face extinction from a “rising tide” of migrants.',
      [['“rising tide”', 'speech']],
    ],
    ['Whites face no “rising tide” at all, whatever the ideology holds.', [['“rising tide”', 'scare']]],
    ['The criteria for “negative” coverage includes stories about the horse race.', [['“negative”', 'mention']]],
    ['Trump won 80 percent of voters who rated “change” as their top priority.', [['“change”', 'mention']]],
    ['Some commentators suggest he may have been "blackballed" from the sport.', [['"blackballed"', 'speech']]],
    [
      'The voters rated “change” highly, and the “elite” shrugged.',
      [
        ['“change”', 'scare'],
        ['“elite”', 'scare'],
      ],
    ],
    ['a legal way to send a “signal” to the government', [['“signal”', 'scare']]],
    // Another name for what was just named, and a term defined in an apposition.
    ['About 25 percent of players are left-handed (or “southpaws”).', [['“southpaws”', 'name']]],
    [
      'There is an exception for banks acting as a “market maker,” a business line that lets markets work.',
      [['“market maker,”', 'name']],
    ],
    ['amid the collapse of “opposition” forces (or what is left of them)', [['“opposition”', 'scare']]],
    ['the “reform,” a plan, was passed', [['“reform,”', 'scare']]],
    // A bill's or a ruling's own term, quoted in a sentence about it; a "Bill" who is a person is not one.
    [
      'They back legislation offered by Rep. Diane Black to impose a “moratorium” on federal funds.',
      [['“moratorium”', 'speech']],
    ],
    ['Bill Clinton had already gone too far in “enlarging” NATO.', [['“enlarging”', 'scare']]],
    // A speaker named in the sentence, with the cue after the quote.
    ['As an example of “control,” he pointed to what Nigeria did.', [['“control,”', 'speech']]],
    [
      '“We take this very seriously, and will pursue them”, Secretary Steven Mnuchin said.',
      [['“We take this very seriously, and will pursue them”', 'speech']],
    ],
    ['The minister said: “No comment.”', [['“No comment.”', 'speech']]],
    ['“Terrible,” she said.', [['“Terrible,”', 'speech']]],
    [
      'The report, titled “Pillars of Russia’s Disinformation”, was released.',
      [['“Pillars of Russia’s Disinformation”', 'name']],
    ],
    ['the operation called “Euphrates Shield”', [['“Euphrates Shield”', 'name']]],
    ['so-called "moderate" rebels', [['"moderate"', 'scare']]],
    ['He is 6" tall and 7" wide', []],
    // A short quote in a sentence that credits a speaker is a partial quotation of that speaker.
    ['Trump told reporters he would “absolutely” extend an invitation.', [['“absolutely”', 'speech']]],
    ['They condemned Trump for “sensationalizing” the death.', [['“sensationalizing”', 'speech']]],
    ['The minister called the plan “reckless” on Monday.', [['“reckless”', 'speech']]],
    // The writer's framing of what someone did is not a speaker's words.
    ['This move was described by Washington as a legal way to send a “signal”.', [['“signal”', 'scare']]],
    // A category someone considers, a word someone used, a term a speaker named after the quote: theirs.
    ['Economists consider a “normal” level to be between 5 and 6 percent.', [['“normal”', 'speech']]],
    ['Footage of Cruz referring to a basketball "ring" trailed the senator.', [['"ring"', 'speech']]],
    [
      'Organized labor was a central "pillar," as Grover Norquist described it, of the party.',
      [['"pillar,"', 'speech']],
    ],
    [
      'Mr. Trump has presented himself as a president bent on unblocking a Washington “system” that frustrates “real” Americans.',
      [
        ['“system”', 'speech'],
        ['“real”', 'speech'],
      ],
    ],
    [
      'They put him in the care of the so-called "sherpa," former Arizona Sen. Jon Kyl, who guides him.',
      [['"sherpa,"', 'name']],
    ],
    ['It is hard to see how a large "D" party can recover.', [['"D"', 'name']]],
    ['He had "no problem" with her comments, he made sure to point out.', [['"no problem"', 'speech']]],
    ['Their notion that Mr. Zimmerman was a “wannabe cop” brought scorn.', [['“wannabe cop”', 'speech']]],
    [
      'His escapades are excused as sophisticated “three-dimensional chess” by his supporters.',
      [['“three-dimensional chess”', 'speech']],
    ],
    ['In 2001 she identified as "white" on her voter registration card.', [['"white"', 'speech']]],
    ['Remember Dan Quayle\'s public misspelling of "potato" at the school.', [['"potato"', 'mention']]],
    ['But he was a "yes" on the last extension of the debt ceiling.', [['"yes"', 'name']]],
    ['After Sanders mentioned winning the "popular vote" in Iowa, the crowd chanted.', [['"popular vote"', 'speech']]],
    [
      'Holt confronted her with a finding by FBI director James Comey that she had been “extremely careless” with secrets.',
      [['“extremely careless”', 'speech']],
    ],
    ['Pledging to uncover the "truth" about the shooting, he hired a lawyer.', [['"truth"', 'speech']]],
    [
      'A running press critique was that he should have done more to “reach out” to the other side.',
      [['“reach out”', 'speech']],
    ],
    ['He restrained himself to a brief attack on the “witch hunt” and a taunt.', [['“witch hunt”', 'speech']]],
    [
      'Under 18 USC 1512, someone can commit obstruction by "corruptly" destroying records.',
      [['"corruptly"', 'speech']],
    ],
    [
      'The EU cannot be a democracy as it has a "cracy" [rule] but not a "demos" [people].',
      [
        ['"cracy"', 'mention'],
        ['"demos"', 'mention'],
      ],
    ],
    ['The question of “theocracy,” (literally, the rule of God), turns on which God.', [['“theocracy,”', 'mention']]],
    [
      'Sechin allegedly raised the sanctions, which Page allegedly “reacted positively” to.',
      [['“reacted positively”', 'speech']],
    ],
    [
      'I call them "government" instead of "public" schools.',
      [
        ['"government"', 'mention'],
        ['"public"', 'mention'],
      ],
    ],
    ['Barabak avers that this reform must “overcome” widespread apathy.', [['“overcome”', 'speech']]],
    ['Obama ran on a “no lobbyist” pledge that he broke.', [['“no lobbyist”', 'name']]],
    ['A son-in-law is considered a “relative” by the 1967 anti-nepotism law.', [['“relative”', 'speech']]],
    ['Chaffetz is promising to undertake “years” of investigations.', [['“years”', 'speech']]],
    // The writer's own distance stays.
    ['We consider this so-called “normal” level absurd.', [['“normal”', 'scare']]],
    ['Should the administration arm the so-called "moderate" Syrian rebels?', [['"moderate"', 'scare']]],
    // Someone's characterisation, with the quote deep in its complement, is theirs.
    [
      'He has described the company as a threat to U.S. national security and an integral part of the party’s “dystopian” system of control.',
      [['“dystopian”', 'speech']],
    ],
    // Numbers and single capitalised words are names and labels, not scare quotes.
    [
      'The receipt shows the number “2” next to the word “Guests”.',
      [
        ['“2”', 'name'],
        ['“Guests”', 'mention'],
      ],
    ],
    ['So-called “moderate” rebels.', [['“moderate”', 'scare']]],
    // A comma the writer put inside the marks does not make a name a scare quote.
    ['The leaks, “Vaultgate,” filled the papers.', [['“Vaultgate,”', 'name']]],
    // Single marks, told apart from apostrophes.
    ['It isn’t the players’ union that calls it ‘theft’ here.', [['‘theft’', 'speech']]],
    ["amid the collapse of 'opposition' forces in the ’90s", [["'opposition'", 'scare']]],
    ['Don’t call it a comeback; it’s the ’90s.', []],
    // Words named or listed as words, and terms set against each other.
    [
      'Older words, like “excellence” and “originality,” remain.',
      [
        ['“excellence”', 'mention'],
        ['“originality,”', 'mention'],
      ],
    ],
    [
      'In 1995, “pro-choice” led “pro-life” by 23 points.',
      [
        ['“pro-choice”', 'mention'],
        ['“pro-life”', 'mention'],
      ],
    ],
    ['The word “white” is capitalised here.', [['“white”', 'mention']]],
    // Labels and verdicts someone else gave, reported by the writer.
    [
      'NBC published what the network hyped as a “potential bombshell” in September.',
      [['“potential bombshell”', 'speech']],
    ],
    ['The report labels Benghazi as the “wild east” of Libya.', [['“wild east”', 'speech']]],
    ['Lawmakers, who claimed Mr. Obama had “reversed course” on it, met.', [['“reversed course”', 'speech']]],
    ['In his remarks, Clinton railed against the “insurance model” as a whole.', [['“insurance model”', 'speech']]],
    ['Harris, forever to be known as a “walking, talking show”, spoke.', [['“walking, talking show”', 'name']]],
    // A keyword in capitals, and a coined name of several words introduced as one.
    ['Text “HOME” to 741741 for help.', [['“HOME”', 'name']]],
    ['The House voted to repeal the so-called “Cadillac tax” on Wednesday.', [['“Cadillac tax”', 'name']]],
    ['The so-called “moderate” rebels fled.', [['“moderate”', 'scare']]],
    // A fact-checker's rating, reported.
    ['PolitiFact rated the claim as “false” in March.', [['“false”', 'speech']]],
    // The writer picking up a speaker's words to turn them is still the writer's distance from them.
    ['There are no doubts that the words “all individuals” don’t include them.', [['“all individuals”', 'scare']]],
    // Terms the writer introduces and defines on the spot, or names as a policy, a law, a programme.
    [
      'Families of “mixed status” – typically, noncitizen parents with citizen children – could face a choice.',
      [['“mixed status”', 'name']],
    ],
    [
      'The FDA issued guidance on such “convalescent plasma,” which contains antibodies to the virus.',
      [['“convalescent plasma,”', 'name']],
    ],
    [
      'Democrats have no “winner-take-all states” (where whoever comes first gets all the delegates).',
      [['“winner-take-all states”', 'name']],
    ],
    ['It prevented "normal order" – the process by which both chambers lay out budgets.', [['"normal order"', 'name']]],
    ['The tax applies to costly plans (hence the “Cadillac tax” nickname).', [['“Cadillac tax”', 'name']]],
    [
      'Pharmacists could provide emergency contraception, also known as the "morning-after pill," without a prescription.',
      [['"morning-after pill,"', 'name']],
    ],
    ['Migrants face prosecution under the "zero tolerance" policy.', [['"zero tolerance"', 'name']]],
    ['He joined after Reagan’s 1986 “amnesty” bill.', [['“amnesty”', 'name']]],
    [
      'The “remain” campaign made its case; a third “no” vote emerged.',
      [
        ['“remain”', 'name'],
        ['“no”', 'name'],
      ],
    ],
    ['Democrats say they plan to move “expeditiously” on hearings.', [['“expeditiously”', 'speech']]],
    // A bare "say" after the quote is often about something else.
    ['They pass it off as a “choice”, a lesson they say they do not believe.', [['“choice”', 'scare']]],
    // A term the article also uses without marks is one the writer took up, when it is more than one word.
    [
      'As “social distancing” spreads, people meet online. Social distancing rules stay in place.',
      [['“social distancing”', 'name']],
    ],
    // Words named as a group, item after item.
    [
      'The smears "racist," "fascist," and "Nazi" are so overused as to be meaningless.',
      [
        ['"racist,"', 'mention'],
        ['"fascist,"', 'mention'],
        ['"Nazi"', 'mention'],
      ],
    ],
    // A speaker or a reporting verb anywhere in the sentence; a speaker carried over by "He …".
    ['Brazile did not allege, as CNN reported, that the DNC “robbed” Sanders.', [['“robbed”', 'speech']]],
    ['The panel found "no evidence" of ties.', [['"no evidence"', 'speech']]],
    ['Trump heralded the plan as a "historic breakthrough," even so.', [['"historic breakthrough,"', 'speech']]],
    ['Justice Alito’s “not true” rejoinder is illustrative.', [['“not true”', 'speech']]],
    ['“No clue,” agrees a woman next to him.', [['“No clue,”', 'speech']]],
    ['He was also branded a “traitor” by rivals.', [['“traitor”', 'speech']]],
    [
      'Mr. Sokolski says he need not dig deep. He lists three: that the deal is “silent” on Bushehr.',
      [['“silent”', 'speech']],
    ],
    // …and what stays the writer's own marks.
    ['Trump keeps using these “facts” anyway – because he can.', [['“facts”', 'scare']]],
    ['Computer “glitches” seem massive. The glitches were fixed.', [['“glitches”', 'scare']]],
    ['The minister said the plan was sound. The “reform” was passed anyway.', [['“reform”', 'scare']]],
    ['The minister said the plan was sound.\n\nHe wants a “reform” now.', [['“reform”', 'scare']]],
    ['The “democratic” regime jailed them.', [['“democratic”', 'scare']]],
    ['It used the SPLC’s work to identify "hate" groups.', [['"hate"', 'scare']]],
  ])('%j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  test('a quote may close in the next paragraph', () => {
    const text = 'if these “opposition\n\norganizations” fight on';
    expect(kinds(text)).toEqual([['“opposition\n\norganizations”', 'scare']]);
  });

  test('a quote that goes on in the next paragraph reopens there', () => {
    const text = '“The first paragraph of a long statement goes on.\n\n“And the second ends it,” he said.';
    const quotes = findQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.kind).toBe('speech');
  });

  test('a straight quote that goes on in the next paragraph reopens there with a straight mark', () => {
    const text =
      'Warren said: "This ban is dangerous and exceptionally cruel.\n\n"We will fight this. And we will win."\n\nThe vote is on Monday.';
    const quotes = findQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(text.slice(quotes[0]!.start, quotes[0]!.end)).toContain('exceptionally cruel');
    expect(text.slice(quotes[0]!.start, quotes[0]!.end)).toContain('we will win');
    // Without the mark that reopens it, a straight quote still stops at the paragraph's end.
    expect(findQuotes('He said "no\n\nThe vote is on Monday.')).toEqual([]);
  });

  test('two apostrophes typed for a closing double mark close a quote', () => {
    expect(kinds('“It was ugly, what these kids were involved in,’’ he said.')).toEqual([
      ['“It was ugly, what these kids were involved in,’’', 'speech'],
    ]);
  });

  test('a short quote in a line that reads as a headline is a speaker’s (related links, subheadings)', () => {
    const text = 'The story\n\nMore: Veteran says mob was ‘scary’ in viral video\n\nThe council met on Monday.';
    expect(kinds(text)).toEqual([['‘scary’', 'speech']]);
    const prose = 'The story\n\nThe council’s ‘reform’ was passed on Monday after a long debate in the chamber.';
    expect(kinds(prose)).toEqual([['‘reform’', 'scare']]);
  });

  test('an unclosed mark is not a quote', () => {
    expect(findQuotes(`He said “no ${'word '.repeat(500)}`)).toEqual([]);
  });
});
