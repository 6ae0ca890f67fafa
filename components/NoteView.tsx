import type { Note } from '@/utils/types';
import { t } from '@/utils/i18n';

const KIND_LABEL: Record<Note['kind'], string> = {
  technique: 'note_kindTechnique',
  claim: 'note_kindClaim',
  term: 'note_kindTerm',
  outlet: 'note_kindOutlet',
};

/** One context note: its text, its sources as links, and when it was last checked. Text only, never HTML. */
export function NoteView({ note, headingLevel = 3 }: { note: Note; headingLevel?: 2 | 3 | 4 }) {
  const Heading = `h${headingLevel}` as 'h3';
  return (
    <section class="note" data-note-id={note.id} data-kind={note.kind}>
      <p class="note-kind">{t(KIND_LABEL[note.kind])}</p>
      <Heading class="note-title">{note.title}</Heading>
      {note.body.split(/\n{2,}/).map((para) => (
        <p class="note-body">{para}</p>
      ))}
      {note.rating && (
        <p class="note-rating">
          {t('note_rating', note.rating.name)}
          {note.provenance.importedFrom ? ` (${note.provenance.importedFrom})` : ''}
        </p>
      )}
      {note.sources.length > 0 && (
        <>
          <p class="note-sources-label">{t('note_sources')}</p>
          <ul class="note-sources">
            {note.sources.map((s) => (
              <li>
                <a href={s.url} target="_blank" rel="noopener noreferrer">
                  {s.title}
                </a>
                {[s.publisher, s.date].filter(Boolean).length > 0 && (
                  <span class="source-meta"> — {[s.publisher, s.date].filter(Boolean).join(', ')}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="note-reviewed">
        {t('note_reviewed', note.reviewed)} · {note.provenance.author}
        {note.provenance.license ? ` · ${note.provenance.license}` : ''}
      </p>
    </section>
  );
}
