import { useEffect, useRef } from 'preact/hooks';
import { CATEGORY_LABELS } from '@/utils/categories';
import type { Finding, Note } from '@/utils/types';
import { NoteView } from './NoteView';

export interface CardProps {
  /** The findings under the click, most specific first. */
  findings: Finding[];
  /** Notes by id. */
  notes: Record<string, Note>;
  /** Claim and term notes attached to the same sentence, shown after the findings' own notes. */
  related: string[];
  /** Move focus into the card (it was opened from the keyboard). */
  focus: boolean;
  onClose: () => void;
}

/** The note card: why the words were marked, and the context notes that go with them. */
export function NoteCard({ findings, notes, related, focus, onClose }: CardProps) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) dialog.current?.focus();
  }, [focus]);
  const primary = findings[0];
  if (!primary) return null;
  const noteIds = [...new Set([...findings.map((f) => f.noteId), ...related])];
  const claimFirst = noteIds
    .map((id) => notes[id])
    .filter((n): n is Note => !!n)
    .sort((a, b) => rank(a) - rank(b));
  return (
    <div
      class="card"
      role="dialog"
      aria-modal="false"
      aria-labelledby="gloss-card-title"
      tabIndex={-1}
      ref={dialog}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header class="card-head">
        <h2 id="gloss-card-title" class="card-title">
          {findings
            .map((f) => CATEGORY_LABELS[f.category])
            .filter(unique)
            .join(' · ')}
        </h2>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <blockquote class="quote">{primary.text}</blockquote>
      <ul class="why">
        {findings.map((f) => (
          <li data-category={f.category} data-rule={f.ruleId}>
            <strong>{CATEGORY_LABELS[f.category]}.</strong> {f.explain}{' '}
            <span class="rule">
              Rule {f.ruleId}, confidence {Math.round(f.confidence * 100)}%
            </span>
          </li>
        ))}
      </ul>
      {claimFirst.map((note) => (
        <NoteView note={note} />
      ))}
    </div>
  );
}

// Context on the facts first, then the technique notes.
function rank(note: Note): number {
  return { claim: 0, term: 1, outlet: 2, technique: 3 }[note.kind];
}

function unique<T>(value: T, index: number, all: T[]): boolean {
  return all.indexOf(value) === index;
}
