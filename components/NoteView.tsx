import { useState } from 'preact/hooks';
import type { Note } from '@/utils/types';
import { t } from '@/utils/i18n';

const KIND_LABEL: Record<Note['kind'], string> = {
  technique: 'note_kindTechnique',
  claim: 'note_kindClaim',
  term: 'note_kindTerm',
  outlet: 'note_kindOutlet',
};

let serial = 0;

/** "Publisher, date" under a source; a living page without a date of its own says when it was read. */
export function sourceMeta(s: Note['sources'][number]): string {
  const when = s.date ?? (s.accessed ? t('note_consulted', s.accessed) : undefined);
  return [s.publisher, when].filter(Boolean).join(', ');
}

/**
 * One context note: its summary first, the full text one action away ("Read more"), its sources one action away
 * behind their count, and when it was last checked. A note without a summary (an imported fact-check) shows its text as it is.
 * Text only, never HTML.
 */
export function NoteView({ note, headingLevel = 3 }: { note: Note; headingLevel?: 2 | 3 | 4 }) {
  const Heading = `h${headingLevel}` as 'h3';
  const [open, setOpen] = useState(false);
  const [listed, setListed] = useState(false);
  const [id] = useState(() => `gloss-note-${++serial}`);
  const summary = note.summary?.trim();
  const showBody = !summary || open;
  const count = note.sources.length;
  return (
    <section class="note" data-note-id={note.id} data-kind={note.kind}>
      <p class="note-kind">{t(KIND_LABEL[note.kind])}</p>
      <Heading class="note-title">{note.title}</Heading>
      {summary && <p class="note-summary">{summary}</p>}
      {showBody && (
        <div class="note-full" id={`${id}-body`}>
          {note.body.split(/\n{2,}/).map((para) => (
            <p class="note-body">{para}</p>
          ))}
        </div>
      )}
      {(summary || count > 0) && (
        <p class="note-actions">
          {summary && (
            <button
              type="button"
              class="note-more"
              aria-expanded={open}
              aria-controls={`${id}-body`}
              onClick={() => setOpen(!open)}
            >
              {open ? t('note_readLess') : t('note_readMore')}
            </button>
          )}
          {count > 0 && (
            <button
              type="button"
              class="note-sources-label"
              aria-expanded={listed}
              aria-controls={`${id}-sources`}
              onClick={() => setListed(!listed)}
            >
              {count === 1 ? t('note_sourcesOne') : t('note_sourcesCount', String(count))}
            </button>
          )}
        </p>
      )}
      {note.rating && (
        <p class="note-rating">
          {t('note_rating', note.rating.name)}
          {note.provenance.importedFrom ? ` (${note.provenance.importedFrom})` : ''}
        </p>
      )}
      {count > 0 && listed && (
        <ul class="note-sources" id={`${id}-sources`} aria-label={t('note_sources')}>
          {note.sources.map((s) => (
            <li>
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
              </a>
              {sourceMeta(s) && <span class="source-meta"> — {sourceMeta(s)}</span>}
            </li>
          ))}
        </ul>
      )}
      <p class="note-reviewed">
        {t('note_reviewed', note.reviewed)} · {note.provenance.author}
        {note.provenance.license ? ` · ${note.provenance.license}` : ''}
      </p>
    </section>
  );
}
