/**
 * Imported fact-checks: pick a ClaimReview file (or one `gloss import` wrote), see every import with who
 * published it, under what licence and how many claims it holds, and remove one. Everything shown is text:
 * strings from an imported file are never rendered as HTML.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ImportsReply, ImportSummary, OptionsToBackground } from '@/utils/messages';
import { t } from '@/utils/i18n';
import { LIMITS } from '@/utils/dataset/claimreview';
import { streamFile, type Entry } from '@/utils/dataset/review-stream';

/** A file `gloss import` wrote goes in one message, and so must fit in one. */
const MAX_MESSAGE_BYTES = 48 * 1024 * 1024;
/**
 * Reviews per message to the background while a ClaimReview file streams in, and characters read per slice:
 * sized so that neither the page's slices nor the background's batches come near 100 ms
 * (`npm run eval:claims` measures both on 100,000 reviews).
 */
const BATCH = 200;
const SLICE_CHARS = 128 * 1024;

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string }
  | { kind: 'done'; text: string; skipped: { at: string; reason: string }[]; skippedCount: number }
  | { kind: 'error'; text: string };

/** A turn for the page between two slices of work: a task of its own, not a microtask. */
const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The text of a file (or of its first bytes): `Blob.text()`, or a FileReader where that is missing. */
function readText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'));
    reader.readAsText(file);
  });
}

async function ask(message: OptionsToBackground): Promise<ImportsReply> {
  const reply = (await browser.runtime.sendMessage(message)) as ImportsReply | undefined;
  if (!reply) return { ok: false, error: t('datasets_noAnswer'), imports: [] };
  return reply;
}

export function Datasets() {
  const [imports, setImports] = useState<ImportSummary[] | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [license, setLicense] = useState('');

  const apply = (reply: ImportsReply) => {
    setImports(reply.imports);
    if (!reply.ok) setStatus({ kind: 'error', text: reply.error });
    return reply;
  };

  useEffect(() => {
    void ask({ type: 'gloss:imports-list' })
      .then(apply)
      .catch((e: Error) => setStatus({ kind: 'error', text: e.message }));
  }, []);

  async function onFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > LIMITS.input) {
      setStatus({ kind: 'error', text: t('datasets_tooLarge', file.name) });
      input.value = '';
      return;
    }
    setStatus({ kind: 'busy', what: t('datasets_importing', file.name) });
    let session: string | undefined;
    try {
      const fileName = file.name;
      const licence = license.trim() || undefined;
      let reply: ImportsReply;
      // A dataset `gloss import` wrote is checked as a whole; ClaimReview data streams in, review by review,
      // read from the file a megabyte at a time (never decoded or held whole in the page).
      const head = await readText(file.slice(0, 4096));
      if (/"format"\s*:\s*"gloss-imported-notes"/.test(head)) {
        if (file.size > MAX_MESSAGE_BYTES) throw new Error(t('datasets_tooLarge', file.name));
        const text = await readText(file);
        reply = apply(await ask({ type: 'gloss:imports-add', fileName, text, license: licence }));
      } else {
        const begin = apply(await ask({ type: 'gloss:imports-begin', fileName, license: licence }));
        if (!begin.ok || !begin.session) return;
        session = begin.session;
        const batch: Entry[] = [];
        let sent = 0;
        const send = async (entries: Entry[]) => {
          const answer = await ask({ type: 'gloss:imports-batch', session: session!, entries });
          if (!answer.ok) throw new Error(answer.error);
          sent += entries.length;
        };
        for await (const slice of streamFile(file, { budget: SLICE_CHARS, yieldTo: turn })) {
          batch.push(...slice.entries);
          while (batch.length >= BATCH) await send(batch.splice(0, BATCH));
          setStatus({
            kind: 'busy',
            what: t('datasets_reading', [
              fileName,
              String(Math.floor(slice.progress * 100)),
              String(sent + batch.length),
            ]),
          });
        }
        if (batch.length) await send(batch);
        setStatus({ kind: 'busy', what: t('datasets_saving', [String(sent), fileName]) });
        reply = apply(await ask({ type: 'gloss:imports-commit', session }));
        session = undefined;
      }
      if (reply.ok && reply.added)
        setStatus({
          kind: 'done',
          text:
            reply.added.count === 1
              ? t('datasets_importedOne', file.name)
              : t('datasets_imported', [String(reply.added.count), file.name]),
          skipped: reply.added.skipped,
          skippedCount: reply.added.skippedCount,
        });
    } catch (error) {
      setStatus({ kind: 'error', text: t('datasets_importFailed', (error as Error).message) });
    } finally {
      // Whatever stopped the import, the background drops what it was given: nothing is half-imported.
      if (session) void ask({ type: 'gloss:imports-abort', session }).catch(() => undefined);
      input.value = '';
    }
  }

  async function remove(item: ImportSummary) {
    setStatus({ kind: 'busy', what: t('datasets_removing', item.name) });
    try {
      const reply = apply(await ask({ type: 'gloss:imports-remove', id: item.id }));
      if (reply.ok) setStatus({ kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'error', text: t('datasets_removeFailed', (error as Error).message) });
    }
  }

  const busy = status.kind === 'busy';
  return (
    <section class="gloss-datasets" aria-labelledby="gloss-datasets-title">
      <h2 id="gloss-datasets-title">{t('datasets_title')}</h2>
      <p>{t('datasets_help')}</p>
      <p>
        <label>
          {t('datasets_license')}{' '}
          <input
            type="text"
            value={license}
            maxLength={200}
            placeholder="e.g. CC-BY-4.0"
            onInput={(e) => setLicense((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
      </p>
      <p>
        <label>
          {t('datasets_file')}{' '}
          <input type="file" accept=".json,.jsonl,.jsonld,application/json" disabled={busy} onChange={onFile} />
        </label>
      </p>
      <div role="status" aria-live="polite">
        {status.kind === 'busy' && <p>{status.what}</p>}
        {status.kind === 'done' && (
          <div>
            <p>{status.text}</p>
            {status.skippedCount > 0 && (
              <details>
                <summary>
                  {status.skippedCount === 1
                    ? t('datasets_skippedOne')
                    : t('datasets_skipped', String(status.skippedCount))}
                </summary>
                <ul>
                  {status.skipped.map((s) => (
                    <li key={s.at}>
                      {s.at}: {s.reason}
                    </li>
                  ))}
                  {status.skippedCount > status.skipped.length && (
                    <li>{t('datasets_more', String(status.skippedCount - status.skipped.length))}</li>
                  )}
                </ul>
              </details>
            )}
          </div>
        )}
      </div>
      {status.kind === 'error' && <p role="alert">{status.text}</p>}
      {imports === null ? (
        <p>{t('datasets_loading')}</p>
      ) : imports.length === 0 ? (
        <p>{t('datasets_none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('datasets_colImport')}</th>
              <th scope="col">{t('datasets_colPublisher')}</th>
              <th scope="col">{t('datasets_colLicense')}</th>
              <th scope="col">{t('datasets_colClaims')}</th>
              <th scope="col">{t('datasets_colImported')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('datasets_colActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {imports.map((item) => (
              <tr key={item.id}>
                <td>
                  {item.name}
                  {item.importedFrom !== item.name && <div>{t('datasets_from', item.importedFrom)}</div>}
                </td>
                <td>{item.publishers.join(', ') || t('datasets_unknown')}</td>
                <td>{item.license}</td>
                <td>{item.count.toLocaleString()}</td>
                <td>{item.importedAt.slice(0, 10)}</td>
                <td>
                  <button type="button" disabled={busy} onClick={() => void remove(item)}>
                    {t('datasets_remove')} <span class="visually-hidden">{item.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
