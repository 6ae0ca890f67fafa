import { describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import { extractArticle, isBoilerplateElement, originalPublisher } from '@/utils/extract';
import { HAS_SEED, ROOT, SEED_HTML, SEED_URL, documentOf, fixture, html } from './helpers';

describe('extraction of our own pages', () => {
  test('the demo article: headline, byline, publisher, body without boilerplate', () => {
    const { article, blocks } = extractArticle(html(resolve(ROOT, 'demo/article.html')));
    expect(article.title).toMatch(/Lataminah/);
    expect(article.byline).toBeTruthy();
    expect(article.publisher).toBe('The Meridian Ledger');
    expect(article.lang).toBe('en');
    expect(blocks[0]!.tagName).toBe('H1');
    expect(article.text).toMatch(/Khan Shaykhun/);
    for (const boilerplate of [/Most read/i, /Subscribe/i, /fictional outlet/i, /Related stories/i])
      expect(article.text).not.toMatch(boilerplate);
  });

  test('the fixture article leaves out menus, sidebar, footer and comments', () => {
    const { article } = extractArticle(fixture('news-article.html'));
    expect(article.text).toMatch(/so-called/);
    expect(article.text).not.toMatch(/©/);
  });

  test('whitespace is collapsed and every character maps back to its text node', () => {
    const doc = documentOf(
      '<html><body><article><h1>Head  line</h1><p>One   two\n three <b>four</b> five.</p><p>Six<br>seven.</p><p>' +
        'x'.repeat(30) +
        ' and more text, enough to be prose.</p></article></body></html>',
    );
    const { article, runs } = extractArticle(doc);
    expect(article.text.startsWith('Head line\n\nOne two three four five.\n\nSix\nseven.')).toBe(true);
    for (const run of runs) {
      const fromNode = run.node.data.slice(run.nodeStart, run.nodeStart + run.length);
      const fromText = article.text.slice(run.start, run.start + run.length);
      expect(fromText.replace(/\s/g, ' ')).toBe(fromNode.replace(/\s/g, ' '));
    }
  });

  test.each([
    [
      '<p>The original source of this article is <a>South Front</a><br>Copyright © South Front, 2017</p>',
      'South Front',
    ],
    ['<p>This article first appeared in The Conversation.</p>', 'Conversation'],
    ['<p>Originally published by Inter Press Service.</p>', 'Inter Press Service'],
    ['<p>Nothing to see here.</p>', null],
  ])('original publisher in %j', (body, expected) => {
    expect(originalPublisher(documentOf(`<html><body>${body}</body></html>`), null)).toBe(expected);
  });
});

describe.skipIf(!HAS_SEED)('the seed article', () => {
  const { article } = extractArticle(html(SEED_HTML), SEED_URL);
  const paragraphs = article.text.split('\n\n');

  test('metadata', () => {
    expect(article.title).toBe('Video: Syrian Army Advancing on Al Qaeda Militant Stronghold of Lataminah');
    expect(article.byline).toBe('South Front');
    expect(article.publisher).toBe('Global Research');
    expect(article.originalPublisher).toBe('South Front');
    expect(article.published).toMatch(/^2017-04-26/);
  });

  test('the body is the eleven paragraphs after the headline', () => {
    expect(paragraphs[0]).toBe(article.title);
    expect(paragraphs).toHaveLength(12);
    expect(paragraphs[1]).toMatch(/^Syrian government forces have regained/);
    expect(paragraphs[11]).toMatch(/send a “signal” to the Syrian government\.$/);
    for (const p of paragraphs)
      expect(p).not.toMatch(/please support|Copyright|Disclaimer|Become a Member|fair use|Most Popular/);
  });
});

describe('extraction on the shapes real pages take', () => {
  const para = (n: number) =>
    `<p>Paragraph ${n} of the story, in which the council met again, argued about the budget, and voted late.</p>`;

  test('a story container named with taxonomy and state classes is still read', () => {
    const doc = documentOf(
      `<html><body><nav><a href="/">Home</a></nav><article class="post tag-budget category-local modal-enabled">` +
        `<h1>Council passes budget</h1><div class="entry-content">${[1, 2, 3, 4].map(para).join('')}</div>` +
        `<div class="post-tags tags"><a href="/tag/a">Budget</a> <a href="/tag/b">Council</a></div></article>` +
        `<div class="comments"><p>A reader wrote a long comment about this, with several clauses, and more.</p></div>` +
        `</body></html>`,
    );
    const { article, bodyStart } = extractArticle(doc);
    expect(article.text.slice(0, bodyStart)).toBe('Council passes budget\n\n');
    expect(article.text).toMatch(/Paragraph 1 .*\n\nParagraph 4/s);
    expect(article.text).not.toMatch(/reader wrote|Budget Council/);
  });

  test('paragraphs split by <br><br> inside a div are the body', () => {
    const text = [1, 2, 3].map(
      (n) => `Line ${n}: the minister said the plan would go ahead, despite the protests, next spring.`,
    );
    const doc = documentOf(`<html><body><h1>Plan</h1><div class="txt">${text.join('<br><br>')}</div></body></html>`);
    const { article } = extractArticle(doc);
    expect(article.text).toBe(`Plan\n\n${text.join('\n')}`);
  });

  test('a story split over sibling sections of one kind is read whole', () => {
    const doc = documentOf(
      `<html><body><main><h1>Split story</h1><div class="story-body story-body-1">${[1, 2].map(para).join('')}</div>` +
        `<div class="ad">Advertisement</div><div class="story-body story-body-2">${[3, 4, 5, 6].map(para).join('')}` +
        `</div></main><aside>${para(99)}</aside></body></html>`,
    );
    const { article } = extractArticle(doc);
    for (const n of [1, 2, 3, 6]) expect(article.text).toContain(`Paragraph ${n} `);
    expect(article.text).not.toMatch(/Paragraph 99|Advertisement/);
  });

  test('a kicker before the story and taxonomy links after it are left out', () => {
    const doc = documentOf(
      `<html><body><article><h1>Head</h1><div class="x"><p>Review</p>${[1, 2, 3].map(para).join('')}` +
        `<p><a href="/t/1">Tag: budgets</a></p></div></article></body></html>`,
    );
    const { article } = extractArticle(doc);
    expect(article.text).not.toMatch(/Review|Tag: budgets/);
    expect(article.text).toMatch(/Paragraph 3/);
  });

  test('Chinese and Japanese paragraphs count as paragraphs though they are short in characters', () => {
    const zh = [
      '政府今天宣布了新的预算计划，议会将在下周进行表决。',
      '反对派表示，该计划对地方政府不公平，并要求修改。',
    ];
    const doc = documentOf(
      `<html lang="zh"><body><div class="nav"><a href="/">首页</a></div><div class="main">` +
        `<h1>预算</h1>${zh.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`,
    );
    const { article } = extractArticle(doc);
    expect(article.lang).toBe('zh');
    for (const p of zh) expect(article.text).toContain(p);
  });
});

describe('the text-run map on whole pages', () => {
  test.each([
    ['demo/article.html', null],
    ['tests/fixtures/pages/news-article.html', null],
    ...(HAS_SEED ? [[SEED_HTML, SEED_URL] as [string, string]] : []),
  ])('every run of %s maps onto its text node', (file, url) => {
    const { article, runs } = extractArticle(html(resolve(ROOT, file)), url);
    let covered = 0;
    for (const run of runs) {
      const fromNode = run.node.data.slice(run.nodeStart, run.nodeStart + run.length);
      expect(article.text.slice(run.start, run.start + run.length).replace(/\s/g, ' ')).toBe(
        fromNode.replace(/\s/g, ' '),
      );
      covered += run.length;
    }
    // Everything but the separators between blocks and lines comes from a text node.
    expect(covered).toBe(article.text.replace(/\n/g, '').length);
  });
});

describe('the extraction benchmark metric', () => {
  test('token 4-gram shingles, precision and recall averaged over pages', async () => {
    const { shingleMatch, scoreOf } = await import('../../scripts/eval-articles.metric');
    expect(shingleMatch('a b c d e', 'a b c d')).toEqual([0.5, 0, 0.5]);
    const one = scoreOf([shingleMatch('a b c d e', 'a b c d')]);
    expect([one.p, one.r]).toEqual([1, 0.5]);
    const two = scoreOf([shingleMatch('a b c d e', 'a b c d'), shingleMatch('w x y z', 'w x y z q r')]);
    expect(two.p).toBeCloseTo((1 + 1 / 3) / 2);
    expect(two.r).toBeCloseTo(0.75);
    expect(two.f1).toBeCloseTo((2 * two.p * two.r) / (two.p + two.r));
  });
});

describe('containers named for what is not the story', () => {
  const div = (attrs: string) =>
    documentOf(`<!doctype html><html><body><div ${attrs}>x</div></body></html>`).body.firstElementChild!;
  test.each([
    ['class="sidebar"', true],
    ['class="Sidebar"', true],
    ['id="post-COMMENTS"', true],
    ['class="relatedStories"', true],
    ['class="READ-MORE"', true],
    ['class="you_may_like"', true],
    ['class="Recommendations"', true],
    ['class="sr-only"', true],
    ['style="display: NONE"', true],
    ['role="navigation"', true],
    ['class="popover2"', true],
    ['class="medium-rectangle medium-rectangle-1"', true],
    ['class="ad-leaderboard"', true],
    ['id="site_terms"', true],
    // A story's own container, whatever else it is named for.
    ['class="article-body sidebar-aware"', false],
    ['class="tag-elections entry-content"', false],
    ['class="StoryBody"', false],
    ['class="adventure"', false],
    ['class="metamorphosis"', false],
    ['class="footnotes"', false],
    ['class="section2 story"', false],
    ['class=""', false],
  ])('%s: %s', (attrs, expected) => {
    expect(isBoilerplateElement(div(attrs))).toBe(expected);
  });
});

describe('the headline', () => {
  const para = (n: number) =>
    `<p>Paragraph ${n} of the story, in which the council met again, argued about the budget, and voted late.</p>`;
  test("is the story's h1, not the site's logo that the title also holds, nor a label set as an h1", () => {
    const { article } = extractArticle(
      documentOf(
        `<html><head><title>Budget passes after a long night | The Town Paper</title></head><body><header><h1>` +
          `<a href="/">The Town Paper</a></h1></header><div class="main"><h1>Budget passes after a long night</h1>` +
          `<div class="tools"><h1>Share</h1></div><div class="body">${[1, 2, 3, 4].map(para).join('')}</div></div></body></html>`,
      ),
    );
    expect(article.text.startsWith('Budget passes after a long night\n\nParagraph 1 ')).toBe(true);
    expect(article.text).not.toContain('The Town Paper');
    expect(article.text).not.toContain('Share');
  });
});

describe("the headline, when the h1 is the site's logo", () => {
  const para = (n: number) =>
    `<p>Paragraph ${n} of the story, in which the council met again, argued about the budget, and voted late.</p>`;
  test.each<[string, string, string]>([
    [
      "a blog theme's h3 under a logo h1 linking home",
      `<h1 id="banner"><a href="http://www.townblog.example/">Town Blog</a></h1><h2 class="date">October 10, 2012</h2>` +
        `<div class="entry"><h3 class="entry-header">Budget passes after a long night</h3><div class="entry-body">` +
        `${[1, 2, 3, 4].map(para).join('')}</div></div>`,
      'Budget passes after a long night\n\nParagraph 1 ',
    ],
    [
      'an h2 after a menu of more than five h2 section names, with the lead set apart above the story',
      `<h1><a href="https://www.paper.example/">Paper</a></h1><nav>${[
        'News',
        'Sport',
        'Arts',
        'Money',
        'Travel',
        'Food',
      ]
        .map((n) => `<h2>${n}</h2>`)
        .join(
          '',
        )}</nav><h2>Follow us</h2><h2 class="headline">Budget passes after a long night</h2><div class="lead">` +
        `<p>The lead of the story, set apart above the rest of it by the page's layout, says what happened.</p></div>` +
        `<div class="side"><p>Share</p></div><div class="text">${[1, 2, 3, 4, 5].map(para).join('')}</div>`,
      "Budget passes after a long night\n\nThe lead of the story, set apart above the rest of it by the page's layout, says what happened.\n\nParagraph 1 ",
    ],
  ])('%s', (_name, body, start) => {
    const doc = documentOf(
      `<html><head><title>Budget passes after a long night - Town Blog</title></head><body>${body}</body></html>`,
    );
    const { article } = extractArticle(doc);
    expect(article.text.startsWith(start)).toBe(true);
    expect(article.text).not.toMatch(/Town Blog|^Paper/);
  });
});

describe('failure kinds found on real pages: what must be read and what must be left out', () => {
  const para = (n: number) =>
    `<p>Paragraph ${n} of the story, in which the council met again, argued about the budget, and voted late.</p>`;
  const story = [1, 2, 3, 4].map(para).join('');
  const page = (inner: string) => documentOf(`<html><body><nav><a href="/">Home</a></nav>${inner}</body></html>`);
  // A teaser of a stream of "recommended" stories: picture link, then a wrapper holding its headline and summary.
  const teaser = (n: number) =>
    `<li class="content"><div class="wrapper"><a class="img" href="/s/${n}"><img src="x.jpg"></a><div class="body">` +
    `<div class="body-wrap"><h3><a href="/s/${n}">Other story number ${n}</a></h3><p class="summary">Summary ${n}: ` +
    `officials in another town said on Thursday that the long-delayed bridge would open, after years of work.</p>` +
    `</div><div class="attribution"><span>Agency</span></div></div></div></li>`;
  test.each<[string, string, string[], string[]]>([
    [
      "the lead picture's caption, before the first paragraph, is read in its place",
      `<article><h1>Budget passes</h1><div class="entry-content"><figure class="wp-caption"><img src="a.jpg">` +
        `<figcaption class="wp-caption-text">Councillors vote on the budget at the town hall on Tuesday. ` +
        `<span class="media-credit">Jo Smith</span></figcaption></figure>${story}</div></article>`,
      ['Budget passes\n\nCouncillors vote on the budget at the town hall on Tuesday. Jo Smith\n\nParagraph 1 '],
      [],
    ],
    [
      'a caption further down the story stays out',
      `<article><h1>Budget passes</h1><div class="entry-content">${story}<figure><img src="b.jpg">` +
        `<figcaption>The mayor leaves the hall after the vote on Tuesday night.</figcaption></figure>${para(5)}</div></article>`,
      ['Paragraph 4 ', 'Paragraph 5 '],
      ['The mayor leaves'],
    ],
    [
      'a lead caption of a keyword and a credit is left out, as a kicker is',
      `<article><h1>Budget passes</h1><div class="entry-content"><figure><img src="a.jpg">` +
        `<figcaption class="caption">work / <span>PhotoAgency</span></figcaption></figure>${story}</div></article>`,
      ['Paragraph 1 '],
      ['PhotoAgency'],
    ],
    [
      "a teaser card's caption is not the story's",
      `<article><h1>Budget passes</h1><div class="entry-content"><a href="/other"><figure><img src="a.jpg">` +
        `<figcaption>Another story about something else entirely, read this.</figcaption></figure></a>${story}</div></article>`,
      ['Paragraph 1 '],
      ['Another story'],
    ],
    [
      'a standfirst set as an h2 under the headline is read',
      `<article><header><h1>Budget passes</h1><h2 class="article-lead">The council approved next year's budget ` +
        `after a late session, ending a month of disputes.</h2></header><div class="body">${story}</div></article>`,
      [
        "Budget passes\n\nThe council approved next year's budget after a late session, ending a month of disputes.\n\nParagraph 1 ",
      ],
      [],
    ],
    [
      'a standfirst set as a heading without a full stop, ten words or more, is read',
      `<article><header><h1>Budget passes</h1><h2 class="short-teaser">The mayor believes the town should be ` +
        `spending on its roads first</h2></header><div class="body">${story}</div></article>`,
      ['Budget passes\n\nThe mayor believes the town should be spending on its roads first\n\nParagraph 1 '],
      [],
    ],
    [
      "with no h1 the story's, an h2 the title holds is the headline, with the standfirst under it; the site's name is not",
      `<meta property="og:title" content="Budget passes after a long night | The Town Paper"><div id="top"></div>` +
        `<div class="post"><h2>The Town Paper</h2><h2>Budget passes after a long night</h2><p class="dek">The council ` +
        `approved next year's budget after a late session, ending a month of disputes.</p><div class="entry">${story}</div></div>`,
      [
        "Budget passes after a long night\n\nThe council approved next year's budget after a late session, ending a month of disputes.\n\nParagraph 1 ",
      ],
      [],
    ],
    [
      "a site's warning bar between the headline and the story is not its lead",
      `<h1>Budget passes</h1><section id="warning-bar"><div class="wrapper"><p><strong>Unsupported browser:</strong> ` +
        `Your browser does not meet modern web standards. <a href="/test">See how it scores</a></p></div></section>` +
        `<section class="body">${story}</section>`,
      ['Budget passes\n\nParagraph 1 '],
      ['Unsupported browser'],
    ],
    [
      "the headline said again as a gallery's title is said once, and an address alone between the headline and the story is no lead",
      `<h1>Budget passes</h1><div class="info"><div id="articleUrl" class="hide">http://www.example.com/news/` +
        `budget-passes-after-a-long-night-in-the-council.html?service=artBody</div></div><div class="body">${[1, 2].map(para).join('')}` +
        `<div class="gallery"><h3>Budget passes</h3><img src="g.jpg"></div>${[3, 4].map(para).join('')}</div>`,
      [
        'Budget passes\n\nParagraph 1 ',
        'Paragraph 2 of the story, in which the council met again, argued about the budget, and voted late.\n\nParagraph 3 ',
      ],
      ['service=artBody'],
    ],
    [
      'a short heading between the headline and the story is not a standfirst',
      `<article><header><h1>Budget passes</h1><h2>Local politics</h2></header><div class="body">${story}</div></article>`,
      ['Budget passes\n\nParagraph 1 '],
      ['Local politics'],
    ],
    [
      'a stream of teasers with summaries beside the story is not more of it',
      `<div class="page"><div class="main"><h1>Budget passes</h1><div class="body">${[1, 2, 3, 4, 5].map(para).join('')}</div></div>` +
        `<div class="stream"><div class="bd"><h2>Recommended for you</h2><ul>${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(teaser).join('')}</ul></div></div></div>`,
      ['Paragraph 1 ', 'Paragraph 5 '],
      ['Summary 1:', 'Other story', 'Recommended'],
    ],
    [
      'a story split over sibling containers of its own kind is still read whole',
      `<div class="page"><h1>Budget passes</h1><div class="story-part">${[1, 2].map(para).join('')}</div>` +
        `<div class="story-part">${[3, 4, 5].map(para).join('')}</div></div>`,
      ['Paragraph 1 ', 'Paragraph 5 '],
      [],
    ],
    [
      'a sidebar of widgets with a few short paragraphs is not read with the story',
      `<div id="content"><div id="main"><div class="post"><h1>Budget passes</h1>${[1, 2, 3, 4].map(para).join('')}</div></div>` +
        `<div id="sidebar" class="col-right">${[1, 2, 3, 4, 5, 6]
          .map(
            (n) =>
              `<div class="widget"><p>Widget ${n}: I coach small firms and solo workers, in Iowa and Nebraska.</p></div>`,
          )
          .join('')}</div></div>`,
      ['Paragraph 1 ', 'Paragraph 4 '],
      ['Widget 1'],
    ],
    [
      "a layout's sidebar-named frame around the story's paragraphs is read",
      `<article><h1>Budget passes</h1><div class="l-sidebar-fixed"><div class="l-col__main">${story}</div></div></article>`,
      ['Paragraph 1 ', 'Paragraph 4 '],
      [],
    ],
    [
      'a line that only announces other stories is left out, in other languages too; a sentence starting so is not',
      `<article><h1>Budget passes</h1><div class="entry-content">${story}<p>Auch interessant ist, dass der Rat ` +
        `bis spät in die Nacht tagte.</p><p><strong>Auch interessant:</strong></p><p><strong>À lire aussi</strong></p>` +
        `<ul><li><a href="/a">Other story A</a></li><li><a href="/b">Other story B</a></li></ul></div></article>`,
      ['Paragraph 4 ', 'Auch interessant ist, dass'],
      ['Auch interessant:', 'lire aussi', 'Other story'],
    ],
    [
      'after a line announcing other stories at the end, a heading and a promotion are the tail, not the story',
      `<article><h1>Budget passes</h1><div class="entry-content">${story}<p><strong>Auch interessant:</strong></p><ul>` +
        `<li><a href="/a">Other story A</a></li><li><a href="/b">Other story B</a></li></ul><hr><h3>Your job board</h3>` +
        `<p><b>We do what we love every day. So can you! Thousands of jobs are waiting for you on our job board.</b></p></div></article>`,
      ['Paragraph 4 '],
      ['Your job board', 'We do what we love'],
    ],
    [
      'a line announcing other stories in the middle of the story leaves the paragraphs after it in',
      `<article><h1>Budget passes</h1><div class="entry-content">${[1, 2, 3].map(para).join('')}<p>Read also:</p><ul>` +
        `<li><a href="/a">Other story A</a></li></ul>${[4, 5, 6, 7].map(para).join('')}</div></article>`,
      ['Paragraph 3 ', 'Paragraph 4 ', 'Paragraph 7 '],
      ['Read also', 'Other story A'],
    ],
    [
      "an address set as text (structured data's image, a page's own address in a hidden holder) is not the story's; a sentence with an address in it is",
      `<article><h1>Budget passes</h1><div class="body">${[1, 2].map(para).join('')}<div class="info"><div itemprop="image">` +
        `https://img.example/a/b_1200x675.jpg</div></div><div id="articleUrl" class="hide">http://www.example.com/news/` +
        `budget-passes.html?service=artBody</div>${[3, 4].map(para).join('')}<p>The full budget is at ` +
        `https://town.example/budget for anyone to read.</p></div></article>`,
      ['Paragraph 1 ', 'The full budget is at https://town.example/budget'],
      ['img.example', 'service=artBody'],
    ],
    [
      "a blog's like button and its loading line are not the story",
      `<article class="post"><h1>Budget passes</h1><div class="entry-content">${story}<div class="sharedaddy sd-like ` +
        `jetpack-likes-widget-wrapper"><div class="likes-widget-placeholder">Like this: Loading, please wait...</div>` +
        `</div></div></article>`,
      ['Paragraph 4 '],
      ['Loading'],
    ],
    [
      'a subheading after the last paragraph with no text under it (a map, a box of job links) is left out',
      `<article><h1>Budget passes</h1><div class="entry-content">${story}<div class="block"><h2>The map to save:</h2>` +
        `</div><iframe src="https://maps.example/embed"></iframe><div class="jobs"><h4>FIND THE RIGHT ONE</h4>` +
        `<div><a href="/jobs/1">Clerk (m/f/d)</a></div><div><a href="/jobs/2">Planner (m/f/d)</a></div></div></div></article>`,
      ['Paragraph 4 '],
      ['The map to save', 'FIND THE RIGHT ONE', 'Clerk'],
    ],
    [
      'a subheading in the story, and one over a closing list of short lines, are read',
      `<article><h1>Budget passes</h1><div class="entry-content">${[1, 2].map(para).join('')}<h2>What comes next</h2>` +
        `${[3, 4].map(para).join('')}<h3>Sources</h3><ul><li>Council minutes, 3 March</li><li>Budget office</li></ul></div></article>`,
      ['What comes next', 'Sources', 'Council minutes, 3 March'],
      [],
    ],
    [
      'a line of a few words ending in a colon before a list is read; a one-word kicker is not',
      `<article><h1>Budget passes</h1><div class="entry-content"><p>Exclusive:</p><p><b>Blind and partially sighted ` +
        `people:</b></p><ul>${[1, 2, 3].map((n) => `<li>Point ${n}: ask before you help, and say who you are, then offer an arm.</li>`).join('')}</ul>${story}</div></article>`,
      ['Blind and partially sighted people:\n\nPoint 1:', 'Paragraph 4 '],
      ['Exclusive'],
    ],
    [
      'a teaser card in the story (a linked headline and a line of summary) is left out, wherever it sits',
      `<article><h1>Budget passes</h1><div class="entry-content">${[1, 2].map(para).join('')}<div class="card">` +
        `<h3><a href="/other-story">Bridge to open in spring</a></h3><p>Officials said the bridge would open soon.</p>` +
        `</div>${[3, 4].map(para).join('')}<x-teaser><x-link href="/faq"><h3>Questions and answers</h3></x-link>` +
        `<div><p>Find answers to your questions about the budget and the council.</p></div>` +
        `<x-button href="/faq"></x-button></x-teaser></div></article>`,
      ['Paragraph 2 ', 'Paragraph 4 '],
      ['Bridge to open', 'Officials said', 'Questions and answers', 'Find answers'],
    ],
    [
      'a card whose headline is a line of one link, with its summary, is left out; a list of links with notes is not a card',
      `<article><h1>Budget passes</h1><div class="body">${[1, 2].map(para).join('')}<div class="card-embed"><a href="/hotels">` +
        `<img src="h.jpg"></a><div class="card-info"><div class="hed"><a href="/hotels">The best hotels in the country</a>` +
        `</div><div class="dek">Beauty is not always far away: we show the best hotels from the coast to the lakes.</div>` +
        `</div></div>${[3, 4].map(para).join('')}<p>Where the money goes, in the council's own words:</p><ul><li>` +
        `<a href="/doc/roads">Roads and bridges, the report</a></li><li>Schools, which get a fifth more than last year</li></ul></div></article>`,
      ['Paragraph 2 ', 'Paragraph 4 ', 'Schools, which get a fifth more'],
      ['The best hotels', 'Beauty is not always'],
    ],
    [
      "a section under a linked subheading is the story's, and so is a blog post's header linking to the post itself",
      `<link rel="canonical" href="https://blog.example/2024/05/budget-passes/"><article><div class="entry-content">` +
        `<header><h2><a href="https://blog.example/2024/05/budget-passes/">Budget passes</a></h2><p class="lede">The ` +
        `council approved the budget on Tuesday night.</p></header>${[1, 2].map(para).join('')}` +
        `<div class="section"><h3><a href="https://app.example">The app we used</a></h3>${[3, 4].map(para).join('')}</div></div></article>`,
      ['The council approved the budget', 'Paragraph 3 ', 'Paragraph 4 '],
      [],
    ],
    [
      "boilerplate lines are whole phrases: a story's sentence that starts with the same word is read",
      `<article><h1>Budget passes</h1><div class="entry-content">${story}<p>If you like to share your favourite ` +
        `songs with friends, the new app is made for you.</p><p>Subscribers will pay more from May, the paper said.</p>` +
        `<p>Copyright holders argued the law went too far.</p><p>If you enjoyed this article, please share it.</p>` +
        `<p>Subscribe to our newsletter for more.</p><p>Copyright 2018 The Example Times.</p></div></article>`,
      ['If you like to share', 'Subscribers will pay more', 'Copyright holders argued'],
      ['If you enjoyed', 'Subscribe to', 'Copyright 2018'],
    ],
    [
      "read anyway, a story inside a read-more widget's wrapper, the page's only prose, is read",
      `<article><h1>Budget passes</h1><div id="article_content"><div id="outbrain_readmore">${story}</div></div></article>`,
      ['Budget passes\n\nParagraph 1 ', 'Paragraph 4 '],
      [],
    ],
    [
      'read anyway, a gallery post of short lines and no prose gives its lines, not only its headline',
      `<article><h1>Film swap</h1><div class="entry-content"><h3>Places</h3><p>Anna: Japan.</p><p>Ben: Germany.</p>` +
        `<h3>Film</h3><p>Colour film 400.</p></div></article><footer><p>Copyright 2018.</p></footer>`,
      ['Film swap\n\n', 'Anna: Japan.', 'Colour film 400.'],
      ['Copyright'],
    ],
    [
      'posts embedded from a social network are read as the page shows them, and a story that goes through many keeps them all',
      `<article><h1>Budget passes</h1><div class="entry-content">${[1, 2].map(para).join('')}` +
        `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The vote was a disgrace and everyone knows it ` +
        `<a href="https://t.co/x1">pic.twitter.com/x1</a></p>&mdash; A Councillor (@acouncillor) ` +
        `<a href="https://twitter.com/acouncillor/status/1">March 2, 2017</a></blockquote>${[3, 4].map(para).join('')}</div></article>`,
      ['Paragraph 2 ', 'The vote was a disgrace', 'Paragraph 4 '],
      [],
    ],
    [
      'a label over a list of other stories goes with the list, in a box or at the end; a subheading over a link stays',
      `<article><h1>Budget passes</h1><div class="entry-content">${[1, 2].map(para).join('')}<div class="box">` +
        `<h2>Related Stories</h2><ul><li><a href="/a">Bridge to open in spring</a></li><li><a href="/b">Mayor ` +
        `re-elected</a></li></ul></div>${para(3)}<h3>Where the money goes</h3><p><a href="/doc">The report</a></p>` +
        `<p><a href="/annex">Its annex</a></p>${para(4)}<p>ALSO:</p><ul><li><a href="/c">Schools get more</a></li>` +
        `<li><a href="/d">Roads get less</a></li></ul></div></article>`,
      ['Paragraph 2 ', 'Paragraph 3 ', 'Where the money goes', 'Paragraph 4 '],
      ['Related Stories', 'ALSO:', 'Bridge to open'],
    ],
    [
      'a subheading over a short list of names, not links, is read with it',
      `<article><h1>Film swap</h1><div class="entry-content">${[1, 2, 3].map(para).join('')}<h3>Order of exposures</h3>` +
        `<ol><li>Anna.</li><li>Ben.</li></ol>${para(4)}</div></article>`,
      ['Order of exposures', 'Paragraph 4 '],
      [],
    ],
    [
      "a picture's caption set as a line of text, saying what its alt says, is left out in the story as a figcaption is",
      `<article><h1>Budget passes</h1><div class="entry-content">${[1, 2].map(para).join('')}<div class="media">` +
        `<div class="thumb"><img src="a.jpg" alt="The mayor leaves the hall after the vote on Tuesday night."></div>` +
        `<span class="caption">The mayor leaves the hall after the vote on Tuesday night. (AP Photo)</span></div>` +
        `${para(3)}<div class="img-box"><img src="b.jpg" alt="Councillors in the hall"><div>Councillors in the hall ` +
        `on Monday, before the vote.</div></div>${para(4)}<p><img src="c.jpg" alt="Paragraph 5 of the story, in which">` +
        `Paragraph 5 of the story, in which the mayor spoke last and the hall emptied before midnight.</p></div></article>`,
      ['Paragraph 2 ', 'Paragraph 3 ', 'Paragraph 4 ', 'Paragraph 5 of the story'],
      ['The mayor leaves the hall', 'Councillors in the hall'],
    ],
    [
      "the lead picture's caption set as a line of text, before the first paragraph, is read in its place",
      `<article><h1>Budget passes</h1><div class="entry-content"><div class="media"><img src="a.jpg" ` +
        `alt="Councillors vote on the budget at the town hall on Tuesday."><div class="cap">Councillors vote on the ` +
        `budget at the town hall on Tuesday.</div></div>${story}</div></article>`,
      ['Budget passes\n\nCouncillors vote on the budget at the town hall on Tuesday.\n\nParagraph 1 '],
      [],
    ],
    [
      "the site's terms in a popover, however long, are not the story",
      `<div id="pop2" class="popover2"><form><div id="site_terms">${[1, 2, 3, 4, 5, 6]
        .map(
          (n) =>
            `<p>Term ${n}. The Website is owned and managed by the Company and as a user you are granted a ` +
            `non-exclusive, revocable license to access the Website under its terms and conditions of use, which ` +
            `may change at any time without notice to you or to anyone else.</p>`,
        )
        .join('')}</div></form></div><article><h1>Budget passes</h1><div class="body">${story}</div></article>`,
      ['Budget passes\n\nParagraph 1 ', 'Paragraph 4 '],
      ['Term 1.', 'revocable license'],
    ],
    [
      "a teaser of another story cut short with '…' and a link to read on is left out; a section of the story that trails off is read",
      `<article><h1>Budget passes</h1><div class="entry-content">${[1, 2].map(para).join('')}<div class="section">` +
        `<h3>What the mayor said</h3><p>The mayor spoke for an hour about roads, schools and the harbour, and then ` +
        `paused…</p><p>Nobody in the hall said a word until the clerk called the vote, long after midnight.</p></div>` +
        `${[3, 4].map(para).join('')}<div class="section"><h3>And then…</h3><p>The clerk read the names out, ` +
        `slowly…</p></div><div class="story-teaser"><h2>Nine women who changed the town</h2><p>They ran the ` +
        `council, the paper and the port long before anyone wrote it down. A new book gives them back their names, ` +
        `one by one, with letters and photographs never shown before.</p><p>Sixty years long, we were told that …</p>` +
        `<div class="more">Read on</div><a href="/people/nine-women">Link to the story</a></div></div></article>`,
      ['Paragraph 2 ', 'What the mayor said', 'Nobody in the hall', 'Paragraph 4 ', 'The clerk read the names out'],
      ['Nine women', 'They ran the council', 'Sixty years', 'Read on'],
    ],
    [
      "a post's tags after the last paragraph, a long line of links, are left out; a closing sentence with links is read",
      `<article><h1>Budget passes</h1><div class="entry-content">${story}<p>The full report is <a href="/r">on the ` +
        `council's site</a>, with <a href="/a">its annex</a>.</p><div class="keywords">` +
        ['Budget', 'Council', 'Harbour', 'Mayor', 'Roads', 'Schools', 'Taxes', 'Town hall', 'Vote', 'Winter session']
          .flatMap((t) => [t, `${t} archive`, `${t} in pictures`])
          .map((t) => `<a href="/tag/${t}">${t}</a>`)
          .join(' ') +
        `</div></div></article>`,
      ['Paragraph 4 ', 'The full report is on the council'],
      ['Winter session', 'Harbour'],
    ],
    [
      "a reader's contact form set in the story is left out",
      `<article><h1>Budget passes</h1><div class="entry-content">${story}` +
        `<p>Were you at the vote? Tell us what you saw.</p><div class="contact"><form action="/contact"><fieldset>` +
        `<legend>Your contact details</legend><label for="n">Name</label><input id="n"><label for="c">Comments ` +
        `(required)</label><textarea id="c"></textarea></fieldset><p>If you are happy to be contacted by one of our ` +
        `reporters, please leave a telephone number where we can reach you.</p></form></div></div></article>`,
      ['Budget passes\n\nParagraph 1 ', 'Paragraph 4 ', 'Were you at the vote?'],
      ['Your contact details', 'Comments (required)', 'If you are happy to be contacted'],
    ],
    [
      'a story inside a form around the whole page is read',
      `<form id="aspnetForm" action="/page.aspx"><article><h1>Budget passes</h1><div class="entry-content">${story}` +
        `</div></article></form>`,
      ['Budget passes\n\nParagraph 1 ', 'Paragraph 4 '],
      [],
    ],
    [
      "the outlet's calls to its readers closing a story (an address, a handle, a number) are left out; the story's own are read",
      `<article><h1>Budget passes</h1><div class="entry-content">${[1, 2, 3].map(para).join('')}<p>Residents can ` +
        `write to the council at budget@town.example until Friday, the clerk said.</p>${para(4)}<p>Jo Smith covers the ` +
        `town hall. Follow her on Twitter @josmith.</p><p>Got a tip? Email us at tips@paper.example or call ` +
        `+44 20 7946 0000.</p></div></article>`,
      ['budget@town.example', 'Paragraph 4 '],
      ['Follow her on Twitter', 'Got a tip?'],
    ],
    [
      'an ad slot named for its size, with its label, is not the story',
      `<article><h1>Budget passes</h1><div class="entry-content">${[1, 2].map(para).join('')}<div class="medium-rectangle">` +
        `<label class="ad-label">Werbung</label><div id="slot-1"></div></div>${[3, 4].map(para).join('')}</div></article>`,
      ['Paragraph 2 ', 'Paragraph 3 '],
      ['Werbung'],
    ],
    [
      "a picture's credit after it, in the story, is left out; a subheading or a line introducing a list after a picture is read",
      `<article><h1>Budget passes</h1><div class="entry-content">${para(1)}<div class="pic"><a href="#"><img src="a.jpg">` +
        `</a><div class="article__credit">Alamy</div></div>${para(2)}<p class="insertcaption"><img src="b.jpg">` +
        `<span>Bild: shutterstock</span></p>${para(3)}<img src="c.jpg"><p><strong>Remaining staff</strong></p>` +
        `${para(4)}<img src="d.jpg"><div role="heading">„Harbour Lodge“, Westport</div>${para(5)}<img src="e.jpg">` +
        `<p>Where the money goes:</p><ul><li>Schools, which get a fifth more than last year</li></ul></div></article>`,
      ['Remaining staff', '„Harbour Lodge“, Westport', 'Where the money goes:', 'Paragraph 5 '],
      ['Alamy', 'shutterstock'],
    ],
  ])('%s', (_name, inner, present, absent) => {
    const { article } = extractArticle(page(inner));
    for (const s of present) expect(article.text).toContain(s);
    for (const s of absent) expect(article.text).not.toContain(s);
  });
});
