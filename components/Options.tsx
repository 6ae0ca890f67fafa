import { useEffect, useState } from 'preact/hooks';
import notes from 'virtual:gloss/notes';
import { CATEGORIES } from '@/utils/categories';
import { categoryLabel, t } from '@/utils/i18n';
import { SENSITIVITIES, type Sensitivity } from '@/utils/sensitivity';
import type { Settings, SiteMode, Theme } from '@/utils/settings';
import { loadSettings, saveSettings, takeNotice, watchSettings } from '@/utils/settings-store';
import { clearFeedback, loadFeedback, type FeedbackItem } from '@/utils/feedback';
import { Datasets } from './options/Datasets';

/** The options page: what to highlight, how sure a finding must be, where Gloss runs, and the reader's data. */
export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<FeedbackItem[]>([]);
  useEffect(() => {
    // Reading the settings is what finds (and resets) a corrupt value: take the notice after it.
    void loadSettings().then(setSettings).then(takeNotice).then(setNotice);
    void loadFeedback().then(setFeedback);
    return watchSettings(setSettings);
  }, []);
  if (!settings) return null;
  const update = (change: Partial<Settings>) => void saveSettings(change).then(setSettings);

  return (
    <main>
      <h1>{t('options_title')}</h1>
      {notice && (
        <p class="notice" role="status">
          {t('options_notice', notice)}
        </p>
      )}

      <section>
        <h2>{t('options_categories')}</h2>
        <div class="checks">
          {CATEGORIES.map((c) => (
            <label>
              <input
                type="checkbox"
                name={`category-${c}`}
                checked={settings.categories[c] !== false}
                onChange={(e) =>
                  update({ categories: { ...settings.categories, [c]: (e.target as HTMLInputElement).checked } })
                }
              />{' '}
              {categoryLabel(c)}
            </label>
          ))}
        </div>
      </section>

      <fieldset>
        <legend>{t('options_sensitivity')}</legend>
        {(Object.keys(SENSITIVITIES) as Sensitivity[]).map((s) => (
          <label>
            <input
              type="radio"
              name="sensitivity"
              value={s}
              checked={settings.sensitivity === s}
              onChange={() => update({ sensitivity: s })}
            />{' '}
            {t(`options_sensitivity_${s}`)}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('options_theme')}</legend>
        {(['auto', 'light', 'dark'] as Theme[]).map((theme) => (
          <label>
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={settings.theme === theme}
              onChange={() => update({ theme })}
            />{' '}
            {t(`options_theme_${theme}`)}
          </label>
        ))}
      </fieldset>

      <Sites settings={settings} update={update} />

      <section>
        <h2>{t('options_datasets')}</h2>
        <p>{t('options_dataset', [notes.version, notes.date, notes.license])}</p>
        <Datasets />
      </section>

      <section>
        <h2>{t('options_feedback')}</h2>
        <p>{t('options_feedbackCount', String(feedback.length))}</p>
        <button type="button" disabled={!feedback.length} onClick={() => download(feedback)}>
          {t('options_feedbackExport')}
        </button>{' '}
        <button
          type="button"
          disabled={!feedback.length}
          onClick={() => void clearFeedback().then(() => setFeedback([]))}
        >
          {t('options_feedbackClear')}
        </button>
      </section>

      <section>
        <h2>{t('options_privacy')}</h2>
        <p class="privacy">{t('options_privacyText')}</p>
      </section>
    </main>
  );
}

function Sites({ settings, update }: { settings: Settings; update: (change: Partial<Settings>) => void }) {
  const [host, setHost] = useState('');
  const [mode, setMode] = useState<SiteMode>('never');
  const entries = Object.entries(settings.sites).sort(([a], [b]) => a.localeCompare(b));
  const add = (e: Event) => {
    e.preventDefault();
    const clean = host
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .replace(/[/:].*$/, '');
    if (!/^[a-z0-9.-]+\.[a-z0-9-]+$/.test(clean)) return;
    update({ sites: { ...settings.sites, [clean]: mode } });
    setHost('');
  };
  return (
    <section>
      <h2>{t('options_sites')}</h2>
      <p class="help">{t('options_sitesHelp')}</p>
      <form class="site-form" onSubmit={add}>
        <label>
          {t('options_siteHost')}{' '}
          <input
            type="text"
            name="site"
            value={host}
            placeholder="www.example.com"
            onInput={(e) => setHost((e.target as HTMLInputElement).value)}
          />
        </label>{' '}
        <select
          name="site-mode"
          value={mode}
          onChange={(e) => setMode((e.target as HTMLSelectElement).value as SiteMode)}
        >
          <option value="never">{t('options_siteNever')}</option>
          <option value="always">{t('options_siteAlways')}</option>
        </select>{' '}
        <button type="submit">{t('options_siteAdd')}</button>
      </form>
      {entries.length > 0 && (
        <ul class="sites">
          {entries.map(([h, m]) => (
            <li>
              <span>{h}</span> — {m === 'never' ? t('options_siteNever') : t('options_siteAlways')}{' '}
              <button
                type="button"
                aria-label={t('options_siteRemove', h)}
                onClick={() => {
                  const sites = { ...settings.sites };
                  delete sites[h];
                  update({ sites });
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function download(items: FeedbackItem[]) {
  const blob = new Blob([JSON.stringify({ version: 1, exported: new Date().toISOString(), items }, null, 2)], {
    type: 'application/json',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'gloss-feedback.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
