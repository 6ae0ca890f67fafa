import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        document: 'readonly',
        window: 'readonly',
        location: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        CSS: 'readonly',
        Highlight: 'readonly',
        // Declared so that no-eval and no-implied-eval see calls through them.
        globalThis: 'readonly',
        self: 'readonly',
        setTimeout: 'readonly',
        setInterval: 'readonly',
        clearTimeout: 'readonly',
        clearInterval: 'readonly',
        requestAnimationFrame: 'readonly',
        queueMicrotask: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nothing from a page or a dataset is ever parsed as HTML or run as code.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        {
          property: 'innerHTML',
          message: 'Build nodes or use textContent: strings from pages and datasets are never HTML.',
        },
        {
          property: 'outerHTML',
          message: 'Build nodes or use textContent: strings from pages and datasets are never HTML.',
        },
        { property: 'insertAdjacentHTML', message: 'Build nodes instead.' },
        { property: 'createContextualFragment', message: 'Build nodes instead.' },
        { property: 'setHTMLUnsafe', message: 'Build nodes instead.' },
        { property: 'parseFromString', message: 'Strings from pages and datasets are never parsed as markup.' },
        { property: 'srcdoc', message: 'Strings from pages and datasets are never HTML.' },
        { object: 'document', property: 'write', message: 'Never write into the page.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Text only: strings from pages and datasets are never rendered as HTML.',
        },
      ],
    },
  },
  {
    // The extension itself runs no remote code: everything it runs ships in the package.
    files: ['entrypoints/**', 'components/**', 'utils/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Text only: strings from pages and datasets are never rendered as HTML.',
        },
        {
          selector: 'ImportExpression[source.type!="Literal"], ImportExpression[source.value=/^(https?:)?\\/\\//]',
          message: 'No remote or computed imports: everything Gloss runs ships with it.',
        },
        {
          selector: "CallExpression[callee.name='importScripts']",
          message: 'No remote code: everything Gloss runs ships with it.',
        },
      ],
    },
  },
  {
    // Tests read the page's serialised DOM to prove it is unchanged.
    files: ['tests/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
