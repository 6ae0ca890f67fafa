import { useEffect, useRef, useState } from 'preact/hooks';
import { categoryLabel, t } from '@/utils/i18n';
import type { Finding, Note, OutletContext } from '@/utils/types';
import { NoteView } from './NoteView';
import { OutletLine } from './OutletRating';

export interface CardProps {
  /** The findings under the click, most specific first. */
  findings: Finding[];
  /** Notes by id. */
  notes: Record<string, Note>;
  /** Claim and term notes attached to the same sentence, shown after the findings' own notes. */
  related: string[];
  /** Move focus into the card (it was opened from the keyboard). */
  focus: boolean;
  /** Where this finding stands among the page's highlights. */
  position?: { index: number; total: number };
  onPrevious?: () => void;
  onNext?: () => void;
  onFeedback?: (kind: 'wrong' | 'not-helpful', finding: Finding) => Promise<void> | void;
  /** The site's outlet note and published rating (one line; the popup has the rest); null where neither. */
  outlet?: OutletContext | null;
  /** The page's host name, for the line that says no rating is known for this site. */
  host?: string | null;
  /** The reader's colour choice; "auto" follows the system. */
  theme?: 'auto' | 'light' | 'dark';
  onClose: () => void;
}

const FOCUSABLE = 'a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The note card: why the words were marked, and the context notes that go with them. */
export function NoteCard(props: CardProps) {
  const { findings, notes, related, focus, position, onPrevious, onNext, onFeedback, theme = 'auto', onClose } = props;
  const dialog = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [thanks, setThanks] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const primary = findings[0];
  useEffect(() => setThanks(null), [primary]);
  useEffect(() => {
    if (focus) dialog.current?.focus();
  }, [focus, primary]);
  // Whether part of the card's content is out of sight below: then a fade and a line say so.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const check = () => setMore(el.scrollHeight - el.scrollTop - el.clientHeight > 4);
    check();
    el.addEventListener('scroll', check, { passive: true });
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(check) : null;
    observer?.observe(el);
    for (const child of el.children) observer?.observe(child);
    return () => {
      el.removeEventListener('scroll', check);
      observer?.disconnect();
    };
  });
  if (!primary) return null;
  const noteIds = [...new Set([...findings.map((f) => f.noteId), ...related])];
  const shown = noteIds
    .map((id) => notes[id])
    .filter((n): n is Note => !!n)
    .sort((a, b) => rank(a) - rank(b));
  // A note on the facts (a claim or a term) leads, its summary first in the card; then what was marked and why.
  const lead = shown[0] && (shown[0].kind === 'claim' || shown[0].kind === 'term') ? shown[0] : undefined;
  const rest = lead ? shown.slice(1) : shown;

  // Tab and Shift+Tab stay inside the card while it is open; Escape closes it.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (!items.length) return;
    const root = dialog.current.getRootNode() as ShadowRoot | Document;
    const active = root.activeElement;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && (active === first || active === dialog.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const feedback = (kind: 'wrong' | 'not-helpful') => {
    void Promise.resolve(onFeedback?.(kind, primary)).then(() => setThanks(t('card_feedbackThanks')));
  };

  return (
    <div
      class="card"
      data-theme={theme}
      role="dialog"
      aria-modal="false"
      aria-labelledby="gloss-card-title"
      tabIndex={-1}
      ref={dialog}
      onKeyDown={onKeyDown}
    >
      <header class="card-head">
        <h2 id="gloss-card-title" class="card-title">
          {findings
            .map((f) => categoryLabel(f.category))
            .filter(unique)
            .join(' · ')}
        </h2>
        <button type="button" class="close" aria-label={t('card_close')} onClick={onClose}>
          ×
        </button>
      </header>
      <div
        class={more ? 'card-scroll has-more' : 'card-scroll'}
        ref={scroller}
        role="region"
        aria-label={t('card_content')}
        aria-describedby={more ? 'gloss-card-more' : undefined}
        // Scrollable from the keyboard when it overflows.
        tabIndex={more ? 0 : -1}
      >
        {lead && <NoteView note={lead} />}
        <blockquote class="quote">{primary.text}</blockquote>
        <ul class="why">
          {findings.map((f) => (
            <li data-category={f.category} data-rule={f.ruleId}>
              <strong>{categoryLabel(f.category)}.</strong> {f.explain}{' '}
              <span class="rule">{t('card_rule', [f.ruleId, String(Math.round(f.confidence * 100))])}</span>
            </li>
          ))}
        </ul>
        {rest.map((note) => (
          <NoteView note={note} />
        ))}
        {props.outlet !== undefined && <OutletLine outlet={props.outlet} host={props.host ?? null} />}
      </div>
      {more && (
        <p class="more-hint" id="gloss-card-more">
          {t('card_moreBelow')}
        </p>
      )}
      <footer class="card-foot">
        {position && position.total > 1 && (
          <span class="nav">
            <button type="button" onClick={onPrevious} aria-label={t('card_previous')}>
              ‹
            </button>
            <span class="count">{t('card_position', [String(position.index + 1), String(position.total)])}</span>
            <button type="button" onClick={onNext} aria-label={t('card_next')}>
              ›
            </button>
          </span>
        )}
        {onFeedback &&
          (thanks ? (
            <span class="thanks" role="status">
              {thanks}
            </span>
          ) : (
            <span class="feedback">
              <button type="button" onClick={() => feedback('wrong')}>
                {t('card_feedbackWrong')}
              </button>
              <button type="button" onClick={() => feedback('not-helpful')}>
                {t('card_feedbackNotHelpful')}
              </button>
            </span>
          ))}
      </footer>
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
