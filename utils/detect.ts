/**
 * Is this page a news article? Evidence from structured data, meta tags, the URL and the shape of the page's
 * prose, each weighed and named in `reasons`. Cheap when the answer is no.
 */
import type { Detection } from './types';
import { jsonLdItems } from './dom/structured';
import { metaContent } from './dom/walk';
import { mainContainer } from './extract';

const NEWS_TYPES =
  /^(NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|LiveBlogPosting)$/;
const ARTICLE_TYPES = /^(Article|BlogPosting|Report|SatiricalArticle)$/;
const NOT_ARTICLE_TYPES =
  /^(Product|CollectionPage|ItemList|SearchResultsPage|FAQPage|ProfilePage|QAPage|Recipe|Course|SoftwareApplication|Book|Movie|Event)$/;

interface Evidence {
  weight: number;
  reason: string;
}

export function urlEvidence(url: string | null): Evidence | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  if (/\/(tag|tags|topic|topics|category|categories|section|search|author|authors)(\/|$)/i.test(path))
    return { weight: -1.5, reason: 'url: a tag, section, search or author page' };
  if (/\/(19|20)\d\d\/[01]?\d\//.test(path) || /[-_/](19|20)\d\d[01]\d[0-3]\d([-_/.]|$)/.test(path))
    return { weight: 1, reason: 'url: a dated story path' };
  const slug = path.split('/').filter(Boolean).pop() ?? '';
  if (slug.split(/[-_]/).filter((w) => /[a-z]/i.test(w)).length >= 4)
    return { weight: 0.75, reason: 'url: a story slug' };
  if (
    /\/(wiki|docs?|documentation|manual|reference|api|product|products|shop|store|forum|forums|thread|threads)\//i.test(
      path,
    )
  )
    return { weight: -1, reason: 'url: an encyclopedia, documentation, shop or forum path' };
  if (path === '/' || path === '') return { weight: -1, reason: 'url: a home page' };
  return null;
}

export function detectArticle(doc: Document, url: string | null = null): Detection {
  const evidence: Evidence[] = [];
  const items = jsonLdItems(doc);
  const types = new Set(items.flatMap((i) => i.types));
  if ([...types].some((t) => NEWS_TYPES.test(t)))
    evidence.push({ weight: 2.5, reason: 'structured data: a NewsArticle' });
  else if ([...types].some((t) => ARTICLE_TYPES.test(t)))
    evidence.push({ weight: 1.25, reason: 'structured data: an Article' });
  if ([...types].some((t) => NOT_ARTICLE_TYPES.test(t)))
    evidence.push({ weight: -1.5, reason: 'structured data: a product, listing or other non-article' });

  const ogType = metaContent(doc, 'meta[property="og:type"]')?.toLowerCase();
  if (ogType === 'article') evidence.push({ weight: 1, reason: 'open graph: og:type article' });
  else if (ogType && ogType !== 'website') evidence.push({ weight: -0.5, reason: `open graph: og:type ${ogType}` });
  if (metaContent(doc, 'meta[property="article:published_time"], meta[name="article:published_time"]'))
    evidence.push({ weight: 0.75, reason: 'meta: article:published_time' });

  const u = urlEvidence(url);
  if (u) evidence.push(u);

  const declared = evidence.reduce((s, e) => s + e.weight, 0);
  // Nothing on the page says "news" and the URL says "not a story": stop before reading the DOM.
  if (declared <= -1) return decide(evidence, declared);

  const main = mainContainer(doc);
  const prose = main?.score ?? 0;
  const paragraphs = main?.paragraphs ?? 0;
  if (prose >= 1500 && paragraphs >= 3)
    evidence.push({ weight: 1, reason: `dom: one block of running prose (${paragraphs} paragraphs)` });
  else if (prose < 500 || paragraphs < 2) evidence.push({ weight: -2, reason: 'dom: no block of running prose' });
  const teasers = doc.querySelectorAll('article').length;
  if (teasers >= 6) evidence.push({ weight: -1.5, reason: `dom: ${teasers} teaser cards` });
  if (doc.querySelector('time[datetime], [itemprop="datePublished"]'))
    evidence.push({ weight: 0.25, reason: 'dom: a dated element' });
  if (doc.querySelector('[rel="author"], .byline, [itemprop="author"]'))
    evidence.push({ weight: 0.25, reason: 'dom: a byline' });
  return decide(
    evidence,
    evidence.reduce((s, e) => s + e.weight, 0),
  );
}

function decide(evidence: Evidence[], score: number): Detection {
  const confidence = 1 / (1 + Math.exp(-(score - 1.5) * 1.5));
  return {
    isArticle: score >= 1.5,
    confidence: Math.round(confidence * 1000) / 1000,
    reasons: evidence.map((e) => `${e.weight > 0 ? '+' : ''}${e.weight} ${e.reason}`),
  };
}
