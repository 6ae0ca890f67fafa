/**
 * What a reviewer checks in the bundled notes before a release, as data: claim notes resting on fewer than two
 * publishers or on no official record, sources without a date, mirrors cited as if they were the original, notes
 * without a statement of what they do not cover, and review dates shared by many notes. `npm run check:notes`
 * prints it; `tests/unit/notes-audit.test.ts` holds the dataset to it.
 */
import type { NoteFile } from './schema';

/** Sites that republish other people's documents. Cite the original; a copy only where nothing else exists, and
 * then with "copy" in its title. */
export const MIRROR_HOSTS = [
  'docslib.org',
  'wikimili.com',
  'wikisum.wiki',
  'vdocuments.site',
  'vdocuments.net',
  'vdocuments.mx',
  'readkong.com',
  'studylib.net',
  'scribd.com',
  'yumpu.com',
  'dokumen.pub',
  'pdfcoffee.com',
  'documents.pub',
  'wiki.studentb.eu',
  'everybodywiki.com',
  'web.archive.org',
  'archive.ph',
  'archive.today',
  'news247worldpressuk.com',
  // Copies of Wikipedia and of other encyclopedias under other names.
  'owiki.org',
  'piglix.com',
  'hubbry.com',
  'cloudflare-ipfs.com',
  'the-uncensored-wiki.com',
  'wikiclassic.com',
  'hyperlinked.wiki',
  'zxc.wiki',
  'wikirank.net',
  'bfjaawards.com',
  'sports-isao.org',
];

/**
 * Hosts of issuing bodies and official records: governments, parliaments, courts, the UN and its agencies,
 * intergovernmental bodies. A source there is the body's own document.
 */
const OFFICIAL_HOSTS = [
  /(^|\.)gov(\.[a-z]{2})?$/,
  /(^|\.)gc\.ca$/,
  /(^|\.)gouv\.fr$/,
  /(^|\.)diplomatie\.gouv\.fr$/,
  /(^|\.)mil$/,
  /(^|\.)un\.org$/,
  /(^|\.)undocs\.org$/,
  /(^|\.)ohchr\.org$/,
  /(^|\.)unhcr\.org$/,
  /(^|\.)opcw\.org$/,
  /(^|\.)icc-cpi\.int$/,
  /(^|\.)icj-cij\.org$/,
  /(^|\.)icty\.org$/,
  /(^|\.)irmct\.org$/,
  /(^|\.)nato\.int$/,
  /(^|\.)europa\.eu$/,
  /(^|\.)coe\.int$/,
  /(^|\.)echr\.coe\.int$/,
  /(^|\.)osce\.org$/,
  /(^|\.)who\.int$/,
  /(^|\.)iaea\.org$/,
  /(^|\.)parliament\.uk$/,
  /(^|\.)legislation\.gov\.uk$/,
  /(^|\.)nationalarchives\.gov\.uk$/,
  /(^|\.)federalregister\.gov$/,
  /(^|\.)congress\.gov$/,
  /(^|\.)govinfo\.gov$/,
  /(^|\.)supremecourt\.gov$/,
  /(^|\.)uscourts\.gov$/,
  /(^|\.)courtlistener\.com$/,
  /(^|\.)justice\.gov$/,
  /(^|\.)defense\.gov$/,
  /(^|\.)state\.gov$/,
  /(^|\.)treasury\.gov$/,
  /(^|\.)whitehouse\.gov$/,
  /(^|\.)archives\.gov$/,
  /(^|\.)mid\.ru$/,
  /(^|\.)kremlin\.ru$/,
  /(^|\.)mil\.ru$/,
  /(^|\.)government\.nl$/,
  /(^|\.)om\.nl$/,
  /(^|\.)courtmh17\.com$/,
  /(^|\.)prosecutionservice\.nl$/,
  /(^|\.)reliefweb\.int$/,
  /(^|\.)rechtspraak\.nl$/,
  /(^|\.)onderzoeksraad\.nl$/,
  /(^|\.)bundesregierung\.de$/,
  /(^|\.)bundestag\.de$/,
  /(^|\.)admin\.ch$/,
  /(^|\.)gov\.ua$/,
  /(^|\.)mfa\.gov\.[a-z]{2}$/,
  /(^|\.)fmprc\.gov\.cn$/,
  /(^|\.)sana\.sy$/,
  /(^|\.)ofcom\.org\.uk$/,
  /(^|\.)parl\.ca$/,
  /(^|\.)ourcommons\.ca$/,
  /(^|\.)aph\.gov\.au$/,
  /(^|\.)gov\.au$/,
  /(^|\.)aklagare\.se$/, // the Swedish Prosecution Authority
  // Court judgments as the courts hand them down, republished whole by a legal information institute (as courtlistener.com).
  /(^|\.)bailii\.org$/,
];

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export function isMirror(url: string): boolean {
  const host = hostOf(url);
  return MIRROR_HOSTS.some((m) => host === m || host.endsWith(`.${m}`));
}

export function isOfficial(url: string): boolean {
  const host = hostOf(url);
  return OFFICIAL_HOSTS.some((re) => re.test(host));
}

/** The sentence in a body that says what the note leaves out. */
const SCOPE =
  /\b(?:does not|doesn't|do not) (?:cover|address|assess|judge|rate|settle|say|rule|describe|include|weigh)\b/i;

export interface NotesAudit {
  total: number;
  sources: number;
  /** Claim notes whose sources come from fewer than two publishers. */
  fewPublishers: string[];
  /** `note id: source title` for every source with neither a date nor the day it was read. */
  undated: string[];
  /** Sources dated only by the day they were read (living pages without a date of their own). */
  consulted: number;
  /** Claim notes with no source from an issuing body, court or official record (and no reason why none exists). */
  noOfficial: string[];
  /** `note id: reason` for claim notes that say no official body has ruled on the claim (`noIssuingBody`). */
  noIssuingBody: string[];
  /** Claim notes that say no official body has ruled, yet cite an official record: one of the two is wrong. */
  issuingBodyContradicted: string[];
  /** Claim notes whose body does not say what the note does not cover. */
  noScope: string[];
  /** Mirror hosts cited, with how often, and the sources among them not named as a copy. */
  mirrors: Record<string, number>;
  unnamedCopies: string[];
  /** Review dates and how many notes carry each, most common first. */
  reviewDates: [string, number][];
  /** Notes reviewed before their newest source was published. */
  reviewedBeforeSource: string[];
}

export function auditNotes(notes: NoteFile[]): NotesAudit {
  const audit: NotesAudit = {
    total: notes.length,
    sources: 0,
    fewPublishers: [],
    undated: [],
    consulted: 0,
    noOfficial: [],
    noIssuingBody: [],
    issuingBodyContradicted: [],
    noScope: [],
    mirrors: {},
    unnamedCopies: [],
    reviewDates: [],
    reviewedBeforeSource: [],
  };
  const dates = new Map<string, number>();
  for (const note of notes) {
    dates.set(note.reviewed, (dates.get(note.reviewed) ?? 0) + 1);
    audit.sources += note.sources.length;
    for (const s of note.sources) {
      if (!s.date && !s.accessed) audit.undated.push(`${note.id}: ${s.title}`);
      if (!s.date && s.accessed) audit.consulted++;
      // A note cannot have been checked against a source before it was published or read.
      for (const d of [s.date, s.accessed])
        if (d && d.slice(0, note.reviewed.length) > note.reviewed) audit.reviewedBeforeSource.push(note.id);
      if (isMirror(s.url)) {
        const host = hostOf(s.url);
        audit.mirrors[host] = (audit.mirrors[host] ?? 0) + 1;
        if (!/\bcop(y|ies)\b|\barchived?\b/i.test(s.title)) audit.unnamedCopies.push(`${note.id}: ${s.url}`);
      }
    }
    if (note.kind !== 'claim') continue;
    if (!SCOPE.test(note.body)) audit.noScope.push(note.id);
    const publishers = new Set(note.sources.map((s) => s.publisher.trim().toLowerCase()));
    if (publishers.size < 2) audit.fewPublishers.push(note.id);
    const official = note.sources.some((s) => isOfficial(s.url));
    if (note.noIssuingBody) {
      audit.noIssuingBody.push(`${note.id}: ${note.noIssuingBody}`);
      if (official) audit.issuingBodyContradicted.push(note.id);
    } else if (!official) audit.noOfficial.push(note.id);
  }
  audit.reviewDates = [...dates].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  audit.reviewedBeforeSource = [...new Set(audit.reviewedBeforeSource)];
  return audit;
}

/** The audit as a reviewer reads it. */
export function formatAudit(audit: NotesAudit): string {
  const lines: string[] = [`${audit.total} notes, ${audit.sources} sources`];
  const list = (title: string, items: string[]) => {
    lines.push('', `${title}: ${items.length}`);
    for (const item of items) lines.push(`  ${item}`);
  };
  list('claim notes with fewer than two publishers', audit.fewPublishers);
  list('sources without a date', audit.undated);
  lines.push(`  (${audit.consulted} more are living pages dated by the day they were read: "consulted")`);
  list('claim notes without a source from the issuing body or an official record', audit.noOfficial);
  list('claim notes on which no official body has ruled (the reason they give)', audit.noIssuingBody);
  list('claim notes that say no official body has ruled but cite an official record', audit.issuingBodyContradicted);
  list('claim notes that do not say what they do not cover', audit.noScope);
  list(
    'mirror sites cited',
    Object.entries(audit.mirrors).map(([host, n]) => `${host} ×${n}`),
  );
  list('copies not named as copies', audit.unnamedCopies);
  list('notes reviewed before a source they cite', audit.reviewedBeforeSource);
  lines.push('', 'review dates (notes sharing a date were checked that day):');
  for (const [date, n] of audit.reviewDates) lines.push(`  ${date} ${n}`);
  return lines.join('\n');
}
