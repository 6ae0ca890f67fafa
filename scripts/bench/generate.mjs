// Generated pages for the benchmark: news articles of any length written from templates, with the kinds of
// phrasing Gloss marks at about the rate a partisan story carries them, and pages that are not articles (a section
// front, a forum thread, a long documentation page, a product listing). Everything is made up here from a seed,
// so a run can be repeated page for page. The places, people and outlets are fictional.

/** A small seeded generator (mulberry32): the same seed, the same page. */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(next() * list.length)];
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, pick, int, chance: (p) => next() < p };
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (s) => escape(s).replace(/"/g, '&quot;');

const TOWNS = ['Varnholt', 'Kessarine', 'Dorovsk', 'Altamuro', 'Sel Harun', 'Brisk Ferry', 'Oulmette', 'Tarrow'];
const REGIONS = ['the northern province', 'the coastal districts', 'the river valley', 'the eastern highlands'];
const PEOPLE = [
  ['Minister', 'Ilse Marrow'],
  ['Governor', 'Tomas Reydel'],
  ['General', 'Aurel Vasko'],
  ['Senator', 'Priya Okonjo'],
  ['Mayor', 'Henrik Solberg'],
  ['spokeswoman', 'Lena Chart'],
  ['prosecutor', 'Dmitri Halloran'],
  ['envoy', 'Samira Oduya'],
];
const BODIES = [
  'the interior ministry',
  'the regional council',
  'the electoral commission',
  'the health agency',
  'the defence ministry',
  'the central bank',
  'the ombudsman’s office',
  'the port authority',
];
const GROUPS = ['the Free Valley Front', 'the Harun Brigades', 'the Workers’ Alliance', 'the Civic Renewal party'];
const TOPICS = [
  'the water treaty',
  'the ceasefire talks',
  'the budget vote',
  'the pipeline deal',
  'the emergency decree',
  'the border inspections',
  'the vaccination drive',
  'the grain corridor',
];
const NUMBERS = ['two', 'three', 'a dozen', 'about forty', 'more than 200', '1,400', 'nearly 9,000', 'six'];
const DAYS = ['on Monday', 'on Tuesday', 'late on Wednesday', 'on Thursday', 'early on Friday', 'over the weekend'];
const NOUNS = ['convoy', 'checkpoint', 'warehouse', 'clinic', 'bridge', 'depot', 'school', 'market'];
const LOADED = ['brutal', 'shameless', 'reckless', 'sinister', 'disgraceful', 'callous', 'blatant', 'ruthless'];
const CHARGED = ['slammed', 'blasted', 'lashed out at', 'railed against', 'ripped into'];
const SCARE = ['reform', 'moderate', 'experts', 'peacekeepers', 'humanitarian', 'independent', 'opposition'];
const VERBS = ['said', 'told reporters', 'wrote in a statement', 'said in an interview', 'told the assembly'];

// Sentences a careful wire story would carry: attributed, specific, neutral.
const NEUTRAL = [
  (r) =>
    `${cap(r.pick(BODIES))} ${r.pick(VERBS)} ${r.pick(DAYS)} that ${r.pick(NUMBERS)} inspectors had reached ${r.pick(TOWNS)}.`,
  (r) =>
    `The ${r.pick(NOUNS)} outside ${r.pick(TOWNS)} reopened ${r.pick(DAYS)}, according to figures from ${r.pick(BODIES)}.`,
  (r) => `${person(r)} ${r.pick(VERBS)} that ${r.pick(TOPICS)} would be discussed again next month.`,
  (r) => `Residents of ${r.pick(TOWNS)} described long queues for fuel and bread ${r.pick(DAYS)}.`,
  (r) =>
    `The figures could not be independently verified, and ${r.pick(BODIES)} did not respond to a request for comment.`,
  (r) => `${cap(r.pick(GROUPS))} said ${r.pick(NUMBERS)} of its members had been detained near the ${r.pick(NOUNS)}.`,
  (r) =>
    `The vote on ${r.pick(TOPICS)} passed by ${r.int(40, 90)} to ${r.int(10, 39)}, with ${r.int(2, 12)} abstentions.`,
  (r) =>
    `Trucks carrying ${r.pick(['flour', 'medicine', 'diesel', 'tents', 'seed grain'])} crossed into ${r.pick(REGIONS)} for the first time since March.`,
  (r) => `${person(r)}, who took office in ${r.int(2015, 2025)}, has promised a review of ${r.pick(TOPICS)}.`,
  (r) =>
    `Court records show the case was filed in ${r.pick(TOWNS)} in ${r.pick(['January', 'April', 'June', 'October'])}.`,
  (r) =>
    `A report published by ${r.pick(BODIES)} ${r.pick(DAYS)} put the cost of the repairs at ${r.int(3, 90)} million.`,
  (r) => `Observers from ${r.pick(BODIES)} were allowed into ${r.pick(TOWNS)} for four hours, they said.`,
  (r) => `The road between ${r.pick(TOWNS)} and ${r.pick(TOWNS)} remained closed to civilian traffic.`,
  (r) => `Local officials said the ${r.pick(NOUNS)} had been damaged but not destroyed.`,
  (r) =>
    `Talks are expected to resume in ${r.pick(TOWNS)} after the holiday, two diplomats familiar with the schedule said.`,
  (r) => `“We will publish the full list once every family has been told,” ${person(r)} said.`,
  (r) =>
    `“Nobody here has seen a doctor in three weeks,” said a teacher in ${r.pick(TOWNS)} who asked that her name not be used.`,
];

// Sentences with the phrasing the rules look for: doubt, vague attribution, certainty, labels, loaded words,
// exaggeration, speculation, scare quotes, and mentions that context notes cover.
const FLAGGED = [
  (r) => `The attack was supposedly carried out by ${r.pick(GROUPS)}, which denies any role.`,
  (r) =>
    `The so-called ${r.pick(['peace plan', 'reform package', 'security zone', 'expert panel'])} has been criticised from all sides.`,
  (r) => `Some unnamed officials in ${r.pick(TOWNS)} claim the figures were inflated.`,
  (r) => `Sources say the ${r.pick(NOUNS)} was emptied days before the inspection.`,
  (r) => `There is no doubt that ${r.pick(TOPICS)} will fail without outside money.`,
  (r) => `Everyone knows who was behind the blockade of ${r.pick(TOWNS)}.`,
  (r) => `The ${r.pick(LOADED)} crackdown in ${r.pick(TOWNS)} left the market empty.`,
  (r) => `${person(r)} ${r.pick(CHARGED)} the council over ${r.pick(TOPICS)}.`,
  (r) => `The government calls it a “${r.pick(SCARE)}” mission, though no mandate has been published.`,
  (r) => `This looks like another attempt to delay ${r.pick(TOPICS)}.`,
  () => 'It is no coincidence that the inspections stopped the week before the vote.',
  (r) => `The regime in ${r.pick(TOWNS)} has ignored every deadline since spring.`,
  (r) => `Critics say the plan will lead to the total collapse of ${r.pick(BODIES)}.`,
  (r) => `The flooding was described as an unprecedented disaster for ${r.pick(REGIONS)}.`,
  (r) => `Experts say ${r.pick(TOPICS)} is already too late to save.`,
  (r) => `It is widely believed that the ${r.pick(NOUNS)} was used to store weapons.`,
  () => 'The army will likely launch a new offensive before the rains.',
  (r) => `The staggering cost of ${r.pick(TOPICS)} has never been explained.`,
  (r) => `Make no mistake: ${cap(r.pick(GROUPS))} wants the talks to collapse.`,
  (r) => `Reportedly, ${r.pick(NUMBERS)} families left ${r.pick(TOWNS)} overnight.`,
  (r) => `The fighters withdrew to what officials called a terrorist stronghold east of ${r.pick(TOWNS)}.`,
  () => 'The mainstream media ignored the report for a week.',
  (r) => `The real reason behind ${r.pick(TOPICS)} is the port’s revenue.`,
  () => 'Opponents dismissed the inquiry as a sham and a cover-up.',
  (r) => `The alleged chemical attack in Idlib was raised again at the session in ${r.pick(TOWNS)}.`,
  () => 'Inspectors from the OPCW were cited by both sides during the debate.',
  () => 'A delegate compared the dispute to the row over the downing of MH17, which a missile shot down in 2014.',
  () => 'Fighters linked to Hamas and to Hezbollah were mentioned in the envoy’s briefing.',
  () => 'The White Helmets said their crews had been turned back at the checkpoint.',
  () => 'Speakers in the debate invoked the Nord Stream explosion and the sabotage inquiries that followed.',
];

function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function person(r) {
  const [role, name] = r.pick(PEOPLE);
  return `${cap(role)} ${name}`;
}
const wordCount = (s) => s.split(/\s+/).filter(Boolean).length;

/** Inline markup as real bodies carry it: links, emphasis, a footnote-like span now and then. */
function inline(r, sentence) {
  if (r.chance(0.12)) {
    const words = sentence.split(' ');
    const at = r.int(1, Math.max(1, words.length - 3));
    const span = r.int(1, 3);
    const inner = words.slice(at, at + span).join(' ');
    const tag = r.pick(['a', 'em', 'strong', 'a']);
    const open = tag === 'a' ? `<a href="/topics/${r.int(1, 400)}/">` : `<${tag}>`;
    return (
      escape(words.slice(0, at).join(' ')) +
      ' ' +
      open +
      escape(inner) +
      `</${tag}> ` +
      escape(words.slice(at + span).join(' '))
    );
  }
  return escape(sentence);
}

const STYLE = `body{margin:0;font:18px/1.6 Georgia,serif;color:#222;background:#fbfaf7}
header{background:#1d2b36;color:#fff;padding:12px 24px}header .logo{font:bold 26px Georgia,serif}
nav a{color:#cbd6df;margin-right:12px;font:14px Arial,sans-serif;text-decoration:none}
.wrap{max-width:1080px;margin:0 auto;padding:20px;display:flex;gap:32px}main{flex:1;min-width:0}
aside{width:260px;font:14px/1.5 Arial,sans-serif}h1{font-size:36px;line-height:1.15}
.byline{font:14px Arial,sans-serif;color:#666}.ad{border:1px dashed #aaa;height:120px;color:#999;text-align:center}
blockquote{border-left:3px solid #1d2b36;margin:1em 0;padding-left:1em;font-style:italic}
figure{margin:1.2em 0}figure div{background:#ddd;height:220px}figcaption{font:13px Arial,sans-serif;color:#555}
footer{background:#eee;color:#555;font:13px Arial,sans-serif;padding:18px 24px}`;

function chrome(site) {
  const sections = ['World', 'Politics', 'Business', 'Health', 'Climate', 'Opinion', 'Culture', 'Sport'];
  return {
    header: `<header><div class="logo">${site}</div><nav>${sections
      .map((s) => `<a href="/${s.toLowerCase()}/">${s}</a>`)
      .join('')}</nav></header>`,
    footer: `<footer><p>© 2026 ${site}. All rights reserved.</p><p><a href="/about/">About</a> · <a href="/contact/">Contact</a> · <a href="/privacy/">Privacy</a> · <a href="/terms/">Terms</a></p></footer>`,
  };
}

function aside(r) {
  const items = Array.from(
    { length: 6 },
    () =>
      `<li><a href="/world/2026/0${r.int(1, 9)}/${r.int(10, 28)}/story-${r.int(100, 999)}/">${escape(cap(r.pick(TOPICS)))}: what happens next in ${r.pick(TOWNS)}</a></li>`,
  ).join('');
  return `<aside><h2>Most read</h2><ol>${items}</ol><div class="ad">Advertisement</div><h2>Newsletter</h2><form action="/newsletter/"><input type="email" aria-label="Email address" placeholder="Email address"> <button>Sign up</button></form></aside>`;
}

/**
 * A news article of about `words` words of body text, with its page around it.
 * @returns {{ html: string, path: string, words: number }}
 */
export function generateArticle(words, seed = 1) {
  const r = random(seed * 7919 + words);
  const site = 'The Northern Courier';
  const town = r.pick(TOWNS);
  const title = `Talks on ${cap(r.pick(TOPICS)).replace(/^The /, '')} stall as ${town} waits for aid`;
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const path = `/world/2026/11/${String(r.int(1, 28)).padStart(2, '0')}/${slug}/`;
  const body = [];
  let count = 0;
  let paragraphs = 0;
  while (count < words) {
    paragraphs++;
    if (paragraphs % 9 === 0) {
      const sub = `${cap(r.pick(['what', 'who', 'why']))} ${r.pick(['the council', 'the envoys', 'the families'])} ${r.pick(['want', 'fear', 'expect'])} in ${r.pick(TOWNS)}`;
      body.push(`<h2>${escape(sub)}</h2>`);
      count += wordCount(sub);
    }
    if (paragraphs % 13 === 0) {
      const q = `“We were told the ${r.pick(NOUNS)} would be safe. Then the shelling started again, and nobody came,” said a resident of ${r.pick(TOWNS)}.`;
      body.push(`<blockquote><p>${escape(q)}</p></blockquote>`);
      count += wordCount(q);
      continue;
    }
    if (paragraphs % 17 === 0) {
      const c = `A damaged ${r.pick(NOUNS)} in ${r.pick(TOWNS)} ${r.pick(DAYS)}. Photo: staff photographer`;
      body.push(`<figure><div role="img" aria-label="photo"></div><figcaption>${escape(c)}</figcaption></figure>`);
      continue;
    }
    if (paragraphs % 11 === 0) {
      body.push(`<div class="ad" aria-hidden="true">Advertisement</div>`);
      body.push(
        `<p class="related"><strong>Read more:</strong> <a href="/world/2026/10/0${r.int(1, 9)}/${r.pick(TOWNS).toLowerCase().replace(/ /g, '-')}-explainer/">${escape(cap(r.pick(TOPICS)))}, explained</a></p>`,
      );
    }
    const n = r.int(2, 5);
    const sentences = [];
    for (let i = 0; i < n; i++) {
      // About one sentence in four carries phrasing Gloss marks.
      const s = (r.chance(0.26) ? r.pick(FLAGGED) : r.pick(NEUTRAL))(r);
      sentences.push(inline(r, s));
      count += wordCount(s);
    }
    body.push(`<p>${sentences.join(' ')}</p>`);
  }
  const { header, footer } = chrome(site);
  const author = 'Maren Ilves';
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: title,
    datePublished: '2026-11-20T08:00:00Z',
    author: { '@type': 'Person', name: author },
    publisher: { '@type': 'Organization', name: site },
  });
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} | ${site}</title>
<meta property="og:type" content="article">
<meta property="og:title" content="${attr(title)}">
<meta property="og:site_name" content="${site}">
<meta property="article:published_time" content="2026-11-20T08:00:00Z">
<link rel="canonical" href="http://www.northern-courier.example${path}">
<script type="application/ld+json">${ld}</script>
<style>${STYLE}</style>
</head>
<body>
${header}
<div class="wrap">
<main>
<p class="crumbs"><a href="/">Home</a> › <a href="/world/">World</a></p>
<article>
<h1>${escape(title)}</h1>
<p class="byline">By <a rel="author" href="/staff/maren-ilves/">${author}</a> · <time datetime="2026-11-20T08:00:00Z">20 November 2026</time></p>
<div class="article-body">
${body.join('\n')}
</div>
<div class="share"><a href="/share/email/">Email</a> · <a href="/share/x/">Share</a> · <a href="/print/">Print</a></div>
</article>
<section class="comments"><h2>Comments</h2><p>Comments are closed for this story.</p></section>
</main>
${aside(r)}
</div>
${footer}
</body>
</html>
`;
  return { html, path, words: count };
}

/** A section front: a lead story and `cards` teasers, each an <article> with a headline and a summary. */
export function generateSectionFront(cards = 120, seed = 2) {
  const r = random(seed);
  const site = 'The Northern Courier';
  const { header, footer } = chrome(site);
  const teaser = () => {
    const head = `${cap(r.pick(TOPICS))}: ${r.pick(NUMBERS)} ${r.pick(['families', 'workers', 'inspectors', 'councillors'])} in ${r.pick(TOWNS)} ${r.pick(['wait', 'protest', 'vote', 'return'])}`;
    const path = `/world/2026/11/${String(r.int(1, 28)).padStart(2, '0')}/${head
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}/`;
    return `<article class="card"><a class="sec" href="/world/">World</a><h3><a href="${path}">${escape(head)}</a></h3><p>${escape(r.pick(NEUTRAL)(r))}</p></article>`;
  };
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>World news | ${site}</title>
<meta property="og:type" content="website"><meta property="og:site_name" content="${site}">
<style>${STYLE}.grid{display:grid;grid-template-columns:repeat(3,1fr);gap:16px}</style></head>
<body>${header}<main><section class="lead">${teaser()}</section><div class="grid">${Array.from({ length: cards }, teaser).join('\n')}</div></main>${footer}</body></html>
`;
  return { html, path: '/world/' };
}

/** A forum thread: `posts` short posts by different people, under a story-like slug. */
export function generateForumThread(posts = 150, seed = 3) {
  const r = random(seed);
  const names = ['riverfox', 'marta_k', 'oldsailor', 'n.idris', 'quietbean', 'tallgrass', 'vek', 'pollyanna77'];
  const replies = [
    'Has anyone tried resetting the router before calling the support line?',
    'Same here, mine dropped twice last night and came back after a few minutes.',
    'I think it is the firmware. The last update changed the channel settings.',
    'Thanks, that worked for me. Marking this as solved.',
    'Does this also happen on the older model or only the new one?',
    'Support told me to wait for the next patch, which is not very helpful.',
    'You can pin the channel in the advanced menu, it is under wireless settings.',
  ];
  const list = Array.from({ length: posts }, (_, i) => {
    const text = Array.from({ length: r.int(1, 3) }, () => r.pick(replies)).join(' ');
    return `<li class="post" id="p${i}"><div class="who"><a href="/u/${r.pick(names)}/">${r.pick(names)}</a> <span>${r.int(1, 23)}h ago</span></div><p>${escape(text)}</p><div class="actions"><a href="#reply">Reply</a> · <a href="#quote">Quote</a> · ${r.int(0, 40)} likes</div></li>`;
  }).join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Wifi keeps dropping every evening after the update - Home networking - Tinker Forums</title>
<style>body{font:15px/1.5 Arial,sans-serif;margin:0}.post{border-bottom:1px solid #ddd;padding:8px 16px;list-style:none}</style></head>
<body><header><a href="/">Tinker Forums</a> › <a href="/c/home-networking/">Home networking</a></header>
<main><h1>Wifi keeps dropping every evening after the update</h1><ol class="thread">${list}</ol></main>
<footer><a href="/rules/">Forum rules</a></footer></body></html>
`;
  return { html, path: '/t/wifi-keeps-dropping-every-evening-after-the-update/' };
}

/** A long documentation page: headings, explanatory prose, code and parameter tables. */
export function generateDocs(sections = 40, seed = 4) {
  const r = random(seed);
  const verbs = ['returns', 'accepts', 'writes', 'reads', 'closes', 'opens', 'retries', 'validates'];
  const things = ['the queue', 'a message', 'the connection', 'a batch', 'the cursor', 'the lease', 'a handle'];
  const prose = () =>
    Array.from(
      { length: r.int(3, 6) },
      () =>
        `The ${r.pick(['push', 'pull', 'ack', 'drain', 'peek'])} call ${r.pick(verbs)} ${r.pick(things)} and ${r.pick(verbs)} ${r.pick(things)} when the timeout of ${r.int(1, 60)} seconds expires.`,
    ).join(' ');
  const body = Array.from(
    { length: sections },
    (_, i) =>
      `<section id="s${i}"><h2>${i + 1}. ${cap(r.pick(things))} ${r.pick(['options', 'errors', 'lifecycle', 'limits'])}</h2><p>${prose()}</p><p>${prose()}</p><pre><code>queue.push(${r.pick(['msg', 'batch', 'item'])}, { timeout: ${r.int(1, 60)} })\n  .then((ack) =&gt; log(ack.id));</code></pre><table><tr><th>Option</th><th>Default</th></tr><tr><td>timeout</td><td>${r.int(1, 60)}</td></tr><tr><td>retries</td><td>${r.int(0, 5)}</td></tr></table></section>`,
  ).join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Queue client guide — Relay docs</title>
<style>body{font:15px/1.6 system-ui,sans-serif;margin:0;display:flex}nav{width:240px}main{flex:1;max-width:820px}</style></head>
<body><nav><a href="/docs/">Docs home</a><ul>${Array.from({ length: sections }, (_, i) => `<li><a href="#s${i}">Section ${i + 1}</a></li>`).join('')}</ul></nav>
<main><h1>Queue client guide</h1>${body}</main></body></html>
`;
  return { html, path: '/docs/queue/guide' };
}

/** A shop's listing: `items` products, with the listing's structured data. */
export function generateListing(items = 80, seed = 5) {
  const r = random(seed);
  const kinds = ['tent', 'stove', 'sleeping bag', 'headlamp', 'rain jacket', 'water filter', 'trekking pole'];
  const list = Array.from(
    { length: items },
    (_, i) =>
      `<li class="product"><a href="/shop/item-${i}"><div class="img"></div><h3>${cap(r.pick(kinds))} ${r.pick(['Lite', 'Pro', 'Trail', 'Summit'])} ${r.int(1, 9)}</h3></a><p class="price">€${r.int(9, 400)}.${r.int(10, 99)}</p><p>${r.int(1, 5)}★ (${r.int(1, 900)} reviews)</p><button>Add to basket</button></li>`,
  ).join('\n');
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'ItemList', numberOfItems: items });
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Camping gear | Trailhead Outfitters</title>
<meta property="og:type" content="website"><script type="application/ld+json">${ld}</script>
<style>ul{display:grid;grid-template-columns:repeat(4,1fr);list-style:none}</style></head>
<body><header><a href="/">Trailhead Outfitters</a></header><main><h1>Camping gear</h1><ul>${list}</ul></main><footer>Free returns within 30 days.</footer></body></html>
`;
  return { html, path: '/shop/camping/' };
}
