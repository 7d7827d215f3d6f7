// How a finding looks, shared by the editor, the browser extension (its build copies this
// file) and the CodeMirror example (bundled by esbuild). DOM nodes only, never innerHTML:
// messages quote the user's own text, which must never become markup.

/** The line under a waived finding: „Ausnahme: Grund — Name“. */
const WAIVED_LABEL = { de: 'Ausnahme', en: 'Waived' };

/** Appends `text` to `target`, with each `backtick` part as a `<code>` element. */
export function appendWithCode(target, text) {
  text.split('`').forEach((part, index) => {
    if (index % 2 === 1) {
      const code = target.ownerDocument.createElement('code');
      code.textContent = part;
      target.append(code);
    } else if (part) {
      target.append(part);
    }
  });
  return target;
}

/**
 * The text of a finding as a `div.freigabe-finding`: the message (`p.message`), the help
 * (`p.help`, if any) and, for a finding a draft's `waivers` accepted, the class `waived` and
 * a line `p.waiver` saying who accepted it and why.
 */
export function renderFinding(diagnostic, { lang = 'de', document: doc = globalThis.document } = {}) {
  const body = doc.createElement('div');
  body.className = 'freigabe-finding';
  const paragraph = (className, text) => {
    const p = doc.createElement('p');
    p.className = className;
    body.append(appendWithCode(p, text));
  };
  paragraph('message', diagnostic.message);
  if (diagnostic.help) paragraph('help', diagnostic.help);
  const waived = diagnostic.waived;
  if (waived) {
    body.classList.add('waived');
    const who = waived.by ? ` — ${waived.by}` : '';
    paragraph('waiver', `${WAIVED_LABEL[lang] ?? WAIVED_LABEL.de}: ${waived.reason ?? ''}${who}`);
    if (waived.at) body.lastElementChild.title = waived.at;
  }
  return body;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };

/**
 * The order a list shows findings in: errors, then warnings, then hints, then what a waiver
 * accepted; within each, in the order of the text (findings without a place, such as a
 * missing imprint, first). Returns `{ diagnostic, index }`, `index` being the report's.
 */
export function byWeight(diagnostics) {
  const start = (diagnostic) => diagnostic.span?.start_utf16 ?? -1;
  const rank = (diagnostic) => (diagnostic.waived ? 3 : SEVERITY_RANK[diagnostic.severity] ?? 3);
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((a, b) => rank(a.diagnostic) - rank(b.diagnostic)
      || start(a.diagnostic) - start(b.diagnostic)
      || a.index - b.index);
}

/**
 * Marks longer than this (UTF-16 units) are passages, not words (a long sentence, the part
 * over a platform's limit): underlined, not painted, so the words inside stay readable and
 * the marks of single words stand out.
 */
export const WIDE_MARK = 40;

/**
 * Splits the findings that have a span into layers in which no two spans overlap, so each
 * mark holds exactly the words of one finding (an informal "du" inside the part that no longer
 * fits on X gets a layer of its own). Returns lists of `{ diagnostic, index }`, `index` being
 * the report's.
 */
function layersOf(diagnostics) {
  const layers = [];
  const spanned = diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .filter(({ diagnostic }) => diagnostic.span && diagnostic.span.end_utf16 > diagnostic.span.start_utf16)
    .sort((a, b) => a.diagnostic.span.start_utf16 - b.diagnostic.span.start_utf16);
  for (const item of spanned) {
    const layer = layers.find((l) => l.end <= item.diagnostic.span.start_utf16);
    if (layer) {
      layer.items.push(item);
      layer.end = item.diagnostic.span.end_utf16;
    } else {
      layers.push({ items: [item], end: item.diagnostic.span.end_utf16 });
    }
  }
  return layers.map((layer) => layer.items);
}

/**
 * Mirror layers of `text` (one `div` with `className` per overlap depth) in which each
 * finding's words are a `<mark>` (classes: severity, `wide` for passages, `waived`), placed
 * with the report's UTF-16 offsets, which are JavaScript string indices.
 */
export function markLayers(text, diagnostics, { className, document: doc = globalThis.document }) {
  return layersOf(diagnostics).map((items) => {
    const layer = doc.createElement('div');
    layer.className = className;
    let position = 0;
    for (const { diagnostic, index } of items) {
      const { start_utf16: start, end_utf16: end } = diagnostic.span;
      layer.append(text.slice(position, start));
      const mark = doc.createElement('mark');
      mark.classList.add(diagnostic.severity);
      if (end - start > WIDE_MARK) mark.classList.add('wide');
      if (diagnostic.waived) mark.classList.add('waived');
      mark.dataset.rule = diagnostic.rule;
      mark.dataset.index = String(index);
      if (diagnostic.platform) mark.dataset.platform = diagnostic.platform;
      mark.textContent = text.slice(start, end);
      layer.append(mark);
      position = end;
    }
    // A trailing newline needs a character after it, or the layer is one line short.
    layer.append(`${text.slice(position)}\u200b`);
    return layer;
  });
}
