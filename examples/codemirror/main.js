// The example page: a CodeMirror editor linted against a shipped policy. `freigabe` is the
// npm package; index.html maps it to the local web build with an import map.
import init, { Engine } from 'freigabe';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { freigabeLinter } from './freigabe-lint.js';
import { PLATFORM_NAMES, summarise } from '../browser-editor/policy.js';

const status = document.getElementById('status');
const counters = document.getElementById('counters');

// Counters and the status line in German, as the editor writes them.
function showCounters(report) {
  counters.replaceChildren(
    ...Object.entries(report.measures).map(([platform, { length, limit }]) => {
      const item = document.createElement('li');
      item.dataset.platform = platform;
      item.className = length > limit ? 'over' : '';
      item.textContent = `${PLATFORM_NAMES[platform] ?? platform} ${length.toLocaleString('de-DE')} / ${limit.toLocaleString('de-DE')}`;
      return item;
    }),
  );
  status.textContent = summarise(report, 'de');
}

async function fetchPolicy() {
  // Relative to the page (the bundle lives in dist/).
  const response = await fetch(new URL('../../policies/paderborn.toml', document.baseURI));
  if (!response.ok) throw new Error(`policies/paderborn.toml: HTTP ${response.status}`);
  return response.text();
}

await init();
// `extends = "base.toml"` resolves to the base policy bundled in the package.
const engine = new Engine(await fetchPolicy(), { lang: 'de', path: 'paderborn.toml' });

new EditorView({
  parent: document.getElementById('editor'),
  state: EditorState.create({
    doc: 'Libori 2026 beginnt! 🎉 ',
    extensions: [
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': 'Beitragstext' }),
      keymap.of(lintKeymap),
      lintGutter(),
      freigabeLinter(engine, {
        draft: () => ({ account: 'buergermeister', platforms: ['facebook', 'instagram', 'x'] }),
        onReport: showCounters,
      }),
    ],
  }),
});
document.body.dataset.ready = 'true';
