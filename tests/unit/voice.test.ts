import { describe, expect, test } from 'vitest';
import { readVoice, type VoiceHow } from '@/utils/analyze/voice';

/** The stretches of `text` that are not the writer's, with how each came to be someone else's. */
const others = (text: string) => readVoice(text).spans.map((s) => [s.how, text.slice(s.start, s.end)]);
/** Whether `phrase` (its first occurrence) is entirely in the writer's voice. */
const writerSays = (text: string, phrase: string) => {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`"${phrase}" is not in "${text}"`);
  return readVoice(text).isWriter(at, at + phrase.length);
};

describe('voice: what is someone else’s', () => {
  test.each<[string, string, VoiceHow]>([
    // Direct and partial quotes in every mark.
    ['“This is a disgrace,” the senator said.', 'disgrace', 'quote'],
    ['The senator said: "This is a disgrace."', 'disgrace', 'quote'],
    ['She told reporters the deal was “a total disaster” for workers.', 'disaster', 'partial-quote'],
    ['He called the ruling a ‘big victory’ for his side.', 'big victory', 'partial-quote'],
    ["He called the ruling a 'big victory' for his side.", 'big victory', 'partial-quote'],
    ['The minister called the plan « inacceptable » on Monday.', 'inacceptable', 'partial-quote'],
    ['The minister called the plan „skandalös“ on Monday.', 'skandalös', 'partial-quote'],
    ['«Absurd,» the minister said.', 'Absurd', 'quote'],
    // A person's card set after a name: other stories' headlines, closed by a "MORE" link.
    [
      'The campaign of Sen. Claire McCaskill Claire Conner McCaskillOcasio-Cortez blasts NYT editor over Midwest remarks MORE (D-Mo.) said on Monday it was attacked.',
      'blasts',
      'name',
    ],
    // A video player's caption: the title of another story, repeated by the page.
    ['JUST WATCHED Gingrich: Secretary Kerry is delusional Replay More Videos ...', 'delusional', 'name'],
    [
      'The vote.\nJUST WATCHED As Florence approaches, Trump brags about the response Replay More Videos ...',
      'brags',
      'name',
    ],
    // A verdict reported after "calling", "casting … as", "dismiss … as", "painted … as".
    ['Obama chided Mitt Romney for calling proposed military cuts devastating.', 'devastating', 'frame'],
    ['Republicans are casting ordinary acts—the counting of ballots—as potentially insidious.', 'insidious', 'frame'],
    ['They quoted the Framers, whom they usually dismiss as irrelevant bigots.', 'bigots', 'frame'],
    ['Critics painted the plan as reckless and cruel.', 'reckless', 'frame'],
    ['Trump seethed, calling McCabe a liar before lashing out at officials.', 'liar', 'frame'],
    ['Cruz listened to Trump call his wife ugly and his dad a traitor.', 'ugly', 'frame'],
    ['Ted has chosen to call people dishonest in leadership.', 'dishonest', 'frame'],
    [
      'Fox News was again a target, along with what the four lower-tier candidates called a media cabal.',
      'cabal',
      'frame',
    ],
    // Reported labels and answers.
    ['The union described the offer as “insulting”.', 'insulting', 'partial-quote'],
    ['It is what the mayor calls “a war on drivers”.', 'war on drivers', 'name'],
    ['He branded the protesters thugs and criminals.', 'thugs', 'frame'],
    ['Opponents dubbed it the death tax.', 'death tax', 'frame'],
    ['Opponents also dubbed it the death tax.', 'death tax', 'frame'],
    ['Most respondents said they had heard “a lot” about it.', 'a lot', 'partial-quote'],
    // "As X points out, …": what follows is X's.
    [
      'As the agency points out, it was the "largest source," or 35 percent, of power.',
      'largest source',
      'partial-quote',
    ],
    ['As the report notes, the plan was a “disaster” for workers.', 'disaster', 'partial-quote'],
    // Indirect speech.
    ['Trump said the media was corrupt and dishonest.', 'corrupt', 'reported'],
    // A characterisation someone else gave, with the thing characterised between the verb and "as".
    ['All have harshly criticized the president’s effects on their party as toxic.', 'toxic', 'frame'],
    ['She faced a backlash, with Democrats assailing her as woefully ignorant of policy.', 'ignorant', 'frame'],
    ['The union rejected the offer as an insult to its members.', 'insult', 'frame'],
    ['The ad dropped a week before the election, branding his voters as murderous rednecks.', 'murderous', 'frame'],
    // Words supplied in brackets at the start of a sentence mark a quoted passage.
    ['[We have] as president-elect a man whose nature as a liar is plain.', 'liar', 'quote'],
    // What someone is accused of is the accusers' account.
    ['The trio accused Mr Trump of groping, fondling, humiliating or harassing them.', 'humiliating', 'frame'],
    ['Democrats accuse Mr Trump of smearing Mr Biden.', 'smearing', 'frame'],
    ['Erdogan threatened Europe with a flood of refugees on Thursday.', 'flood of refugees', 'frame'],
    // A chat's turns by handle.
    ['dave.levinthal: High-level business would absolutely include investigations.', 'absolutely', 'transcript'],
    ['micah (Micah Cohen, politics editor): That would be a monumental change.', 'monumental', 'transcript'],
    // Reasoning and speculation reported with "that".
    ['The authors explain in detail how Ailes turned the channel into a propaganda machine.', 'propaganda', 'reported'],
    ['Obrador also reasons that the hysteria of the American media is a backlash.', 'hysteria', 'reported'],
    ['Johnston speculated that the leak was a desperate stunt.', 'desperate', 'reported'],
    ['The plan is a reckless giveaway, critics said.', 'reckless', 'reported'],
    ['The plan is a reckless giveaway, said Jane Smith, a union leader.', 'reckless', 'reported'],
    [
      "The White House shouldn't be arrogant, said David Walker, former comptroller general of the United States who has advised lawmakers on both sides of the aisle on crafting a debt resolution.",
      'arrogant',
      'reported',
    ],
    ['According to the ministry, the raid was a brutal massacre.', 'brutal', 'reported'],
    ['The raid was a brutal massacre, according to the ministry.', 'brutal', 'reported'],
    ['The test, North Korea said, was a devastating blow to its enemies.', 'devastating', 'reported'],
    ['The study found that the policy was a catastrophic failure.', 'catastrophic', 'reported'],
    ['Stenehjem told POLITICO the plan was a disgrace.', 'disgrace', 'reported'],
    ['But critics, including Trump, argue the deal is a betrayal.', 'betrayal', 'reported'],
    [
      '“Absurd” was the word, if the vote was lost by more than that, said Jane Smith, an analyst.',
      'vote was lost',
      'reported',
    ],
    // Words named as words, titles and names.
    ['The word “alien” has a long history in law.', 'alien', 'mention'],
    ['If “alien”, a Latinate word, sounds cold, that is the point.', 'alien', 'mention'],
    ['The report, titled “Pillars of Russia’s Disinformation”, was released.', 'Disinformation', 'name'],
    // A short quote inside words reported as someone's is theirs.
    ['Economists found that the system was “nearly optimal” for now.', 'nearly optimal', 'partial-quote'],
    // Quotes the writer puts around a term are the writer's distance, not the writer's label.
    ['amid the collapse of “opposition” forces', 'opposition', 'scare'],
    ['Trump keeps using these “facts” anyway – because he can.', 'facts', 'scare'],
    // A term the writer introduces is a name; words named as a group are mentions; a quoted term with a speaker
    // in its sentence is a partial quote.
    ['Families of “mixed status” – typically, noncitizen parents – could face a choice.', 'mixed status', 'name'],
    ['The smears "racist," "fascist," and "Nazi" are overused.', 'fascist', 'mention'],
    ['Brazile did not allege, as CNN reported, that the DNC “robbed” Sanders.', 'robbed', 'partial-quote'],
    ['It was also branded a “witch hunt” by his allies.', 'witch hunt', 'partial-quote'],
    // A reporting verb in -ing, and a cue after the second comma of a sentence.
    ['Head issued a statement saying he is being unfairly blamed for the rioting.', 'unfairly', 'reported'],
    ['Warren pressed the issue, alleging that Bloomberg oversaw a toxic workplace.', 'toxic', 'reported'],
    ['Ultimately, comparing the seams is relatively useless, Farid said.', 'useless', 'reported'],
    // Transcripts, interviews and posts.
    [
      'Debate night\n\nTRUMP: This is a disgrace.\n\nCLINTON: That is a lie.\n\nTRUMP: It is a hoax.',
      'hoax',
      'transcript',
    ],
    ['An interview\n\nQ: Is the plan dead?\n\nA: It is a disaster, frankly.', 'disaster', 'qa'],
    // Links to other stories and readers' comments set in the body: a label and a colon, then another story's headline.
    [
      'The vote.\n\nMore:Conyers clan lashes out at media as resignation rumors fly\n\nThe next step.',
      'lashes out',
      'name',
    ],
    ['The vote.\n\nRelated: Senator blasts the reckless plan\n\nThe next step.', 'reckless', 'name'],
    ['The vote.\n\nTalker:Trump is a known liar. Cover-ups are exactly what he does\n\nThe next step.', 'liar', 'name'],
    ['The vote.\n\nRead:Biden rips Trump over vow to deploy troops\n\nThe next step.', 'rips', 'name'],
    // A block quote whose source introduces it at the end of the paragraph before, without quotation marks.
    [
      'Trump went on to say:\n\nBoth of these programs have been recklessly gutted by this Administration.',
      'recklessly',
      'quote',
    ],
    [
      'The Daily Caller reports:\n\nAs a candidate, Clinton railed against dark money groups.\n\nThe writer again.',
      'railed against',
      'quote',
    ],
    [
      'As the New York Times reported:\n\nAdvertisement:\n\nThe startling shift in fortunes for the men was stark.',
      'startling',
      'quote',
    ],
    // A single turn in capitals after a paragraph that names its speaker and ends with a colon; turns run on in a line.
    [
      'As when Fox’s Geraldo Rivera speculates on how jurors will respond:\n\nRIVERA: They will see Michael Brown menacing that clerk.',
      'menacing',
      'transcript',
    ],
    [
      'Here is part of the debate between Trump and Cruz in March:\n\nTrump: Where did I support? Cruz: You supported it. Trump: That’s a lot of lies. Cruz: You said it.',
      'lies',
      'transcript',
    ],
    [
      'The post\n\nThe fake news media is the enemy of the people!\n\n— Donald J. Trump (@realDonaldTrump) February 17, 2017',
      'enemy of the people',
      'post',
    ],
  ])('%j: %j is %s', (text, phrase, how) => {
    expect(writerSays(text, phrase)).toBe(false);
    const at = text.indexOf(phrase);
    const span = readVoice(text).spans.find((s) => s.start <= at && s.end >= at + phrase.length);
    expect(span?.how).toBe(how);
  });
});

describe('voice: what is the writer’s own', () => {
  test.each<[string, string]>([
    ['The claims were false and the brutal regime shows no mercy.', 'brutal'],
    ['Police found the body of the slaughtered man on Monday.', 'slaughtered'],
    ['Sales of the iPhone fell by a shocking margin, and MORE falls will follow.', 'shocking'],
    ['The reckless plan, which critics said would fail, passed.', 'reckless'],
    ['Who said the plan was a disaster?', 'disaster'],
    ['Do not believe the mainstream narrative.', 'mainstream narrative'],
    ['He did not say the plan was a disaster.', 'disaster'],
    ['The senator falsely said the vote was rigged.', 'falsely'],
    ['Some sources say the attack was staged.', 'Some sources say'],
    ['It’s a disaster that isn’t over, and the players’ union knows it.', 'disaster'],
    ['The ’90s were a disaster for rock ’n’ roll.', 'disaster'],
    ['Mr. Trump’s tactics could backfire badly.', 'backfire badly'],
    ['Update: the shameful vote was delayed.', 'shameful'],
    ['Just watched the shameful vote on television.', 'shameful'],
    ['The council is calling for a reckless vote on Monday.', 'reckless'],
    ['He returned the phone call with a reckless promise.', 'reckless'],
    ['Officials answered the call to a reckless stunt.', 'reckless'],
    ['The plan was cast in bronze and the reckless vote went ahead.', 'reckless'],
    ['Trump seethed, calling McCabe a liar before lashing out at reckless officials.', 'reckless'],
    ['Officers make these quick calls only to find out later they were completely false.', 'completely false'],
    ['It would need as many ballots dismissed as possible and an unprecedented margin.', 'unprecedented'],
    ['Critics attacked the budget as well as the reckless tax plan.', 'reckless'],
    ['The accused man gave a shameful answer in court.', 'shameful'],
    ['note: the shameful vote was delayed.', 'shameful'],
    ['Once again, Trump has told his gullible supporters that the borders are open.', 'gullible'],
    ['Nobody ever said before that the shameful vote would pass.', 'shameful'],
    [
      'CNN, one of most rabid left-wing, anti-conservative channels in the United States, criticized the page.',
      'rabid',
    ],
    ['[Update] The shameful vote was delayed.', 'shameful'],
    ['The reasons that the plan was a disaster are many.', 'disaster'],
    // A verb of judging is the writer's report of the act.
    ['Trump blasted the ruling the following day.', 'blasted'],
    ['The senator defended the shameful vote on Monday.', 'shameful'],
    // A lone label at the start of a line is not a transcript.
    ['Analysis\n\nSMITH: the shameful vote was delayed.', 'shameful'],
    ['Analysis:\n\nSMITH: the shameful vote was delayed.', 'shameful'],
    [
      'Here are nine changes for Election Day:\n\nChange Election Day: the reckless choice of a Tuesday. Move it: a weekend.',
      'reckless',
    ],
    ['Edge: Clinton. Runner-up: Sanders. Edge: the shameful vote. Runner-up: a tie.', 'shameful'],
    // A label and a colon that is the writer's own, or a long paragraph after one; a link label needs its link.
    ['Also: the shameful vote was delayed again on Monday.', 'shameful'],
    [
      'More: the shameful vote was delayed again on Monday, and the senators who had promised to stand firm went home for the holiday without a word to the voters who had sent them there to settle it once and for all.',
      'shameful',
    ],
    // An introduction that is a question, or a reporting verb not at the end of its paragraph, introduces no block.
    ['What did the senator say?:\n\nThe shameful vote was delayed.', 'shameful'],
    ['The senator said: the vote was delayed.\n\nThe shameful vote went ahead.', 'shameful'],
    // Only the one paragraph after the introduction is the quote.
    ['Kolchin writes:\n\nSlavery spread.\n\nThe shameful vote went ahead.', 'shameful'],
    // A headline is the writer's, quotes in it aside.
    ['Regime’s brutal crackdown ‘a disgrace’\n\nThe body of the story.', 'brutal'],
  ])('%j: %j', (text, phrase) => {
    expect(writerSays(text, phrase)).toBe(true);
  });

  test('a headline’s short quote is a speaker’s words, the rest of the headline the writer’s', () => {
    expect(others('Minister’s ‘shameful’ U-turn\n\nThe body.')).toEqual([['partial-quote', '‘shameful’']]);
  });

  test('spans are sorted and never overlap; quotes inside reported speech stay quotes', () => {
    const text = 'She told reporters the deal was “a total disaster” for workers, and “worse” than before.';
    const { spans } = readVoice(text);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    expect(spans.filter((s) => s.how === 'partial-quote').map((s) => text.slice(s.start, s.end))).toEqual([
      '“a total disaster”',
      '“worse”',
    ]);
  });

  test('shares and kinds', () => {
    const text = 'The plan is bad, critics said.';
    const v = readVoice(text);
    expect(v.kindAt(0)).toBe('speaker');
    expect(v.kindAt(text.indexOf('critics'))).toBe('writer');
    expect(v.writerShare(0, text.length)).toBeCloseTo(1 - 'The plan is bad'.length / text.length, 5);
    expect(v.writerShare(5, 5)).toBe(1);
  });

  test('text of any size and shape never throws', () => {
    for (const text of ['', '“', '‘’', '"\'"', 'Q:', '—', '\n\n\n', 'x'.repeat(20000), 'said, '.repeat(3000)]) {
      expect(() => readVoice(text)).not.toThrow();
    }
  });
});
