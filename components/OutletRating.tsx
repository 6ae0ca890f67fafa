import type { OutletContext } from '@/utils/types';
import { t } from '@/utils/i18n';

const pct = (p: number) => String(Math.round(p));
const score = (s: number) => s.toFixed(2);

/** The citation's address, for a link; the citation text without it. */
function splitSource(source: string): { text: string; url: string | null } {
  const m = /\s(https:\/\/\S+)$/.exec(source);
  return m ? { text: source.slice(0, m.index), url: m[1]! } : { text: source, url: null };
}

/**
 * The published rating of the site a page is on, in full (the popup): the score on its 0-1 scale, where it sits
 * among all rated domains, which rating sets rated it, the citation, and that it rates the site, not the
 * article. For a site nobody rates, says so and what that does and does not mean.
 */
export function OutletRatingSection({ outlet, host }: { outlet: OutletContext | null; host: string | null }) {
  const rating = outlet?.rating;
  if (!rating) {
    if (!host) return null;
    return (
      <section class="outlet-rating" data-rated="false">
        <p class="outlet-rating-line">
          <strong>{t('outlet_noRating')}</strong>
        </p>
        <p class="outlet-rating-why">{t('outlet_noRatingWhy')}</p>
      </section>
    );
  }
  const cite = splitSource(rating.source);
  return (
    <section class="outlet-rating" data-rated="true" data-domain={outlet!.domain}>
      <p class="outlet-rating-line">
        <strong>{outlet!.domain}</strong> — {t('outlet_rating', [score(rating.score), pct(rating.percentile)])}
      </p>
      <p class="outlet-rating-sets">{t('outlet_ratingSets', rating.sets.join('; '))}</p>
      <p class="outlet-rating-scope">{t('outlet_ratingScope')}</p>
      <p class="outlet-rating-source">
        {cite.text}{' '}
        {cite.url && (
          <a href={cite.url} target="_blank" rel="noopener noreferrer">
            {cite.url}
          </a>
        )}
      </p>
    </section>
  );
}

/** The card's one outlet line: the site's rating and that it rates the site, or that no rating is known. */
export function OutletLine({ outlet, host }: { outlet: OutletContext | null | undefined; host: string | null }) {
  const rating = outlet?.rating;
  if (!rating && !host) return null;
  return (
    <p class="outlet-line" data-rated={rating ? 'true' : 'false'}>
      <strong>{outlet?.domain ?? host}</strong>
      {' — '}
      {rating
        ? `${t('outlet_rating', [score(rating.score), pct(rating.percentile)])} ${t('outlet_ratingScope')}`
        : t('outlet_noRating')}
    </p>
  );
}
