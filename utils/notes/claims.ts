/** Claim notes (bundled or imported) as documents for the retrieval index. */
import type { ClaimDoc } from './bm25';

export interface ClaimLike {
  id: string;
  title?: string;
  match: { claim: string; phrases?: string[][] };
  sources?: { url: string }[];
}

export function claimDocs(notes: Iterable<ClaimLike>): ClaimDoc[] {
  const out: ClaimDoc[] = [];
  for (const n of notes) {
    const extra: string[] = [];
    if (n.title) extra.push(n.title);
    for (const group of n.match.phrases ?? []) extra.push(group.join(' '));
    out.push({ id: n.id, claim: n.match.claim, extra, url: n.sources?.[0]?.url });
  }
  return out;
}
