// Watches textareas and contenteditable fields on any page (a CMS editor, a web client of a
// social network): the focused field's text goes to the service worker on every input, the
// findings are marked in the field itself, and a small panel next to the field lists them.
// Content scripts cannot be ES modules: build.mjs bundles this file with its imports into one
// classic script. Panel and marks live in shadow roots, so the page's styles do not reach them.
//
// Marks in the field, two ways:
// - contenteditable: the CSS Custom Highlight API (Chromium 105+, the manifest asks for 116).
//   Highlights are ranges over the page's own text nodes, painted by the browser: they follow
//   scrolling, wrapping and resizing by themselves and leave the page's DOM untouched, which
//   rich-text editors (TinyMCE, CKEditor, ProseMirror) would otherwise rewrite or save.
// - textarea: its text is not in the DOM, so ranges cannot reach it. A mirror of the field
//   (same box, font, padding and wrapping, transparent text) lies over it without taking
//   clicks; its marks sit on the words and it follows the field's scrolling and size.
import {
  WIDE_MARK, appendWithCode, byWeight, markLayers, renderFinding,
} from '../browser-editor/render.js';
import { PLATFORM_NAMES } from '../browser-editor/policy.js';
import { VERDICT_ICONS, iconSvg } from './icons.js';

const SEVERITY_COLOURS = { error: '#b3261e', warning: '#8a5a00', info: '#2c5f8a' };

let activeField = null;
let inFlight = false;
let again = false;
let collapsed = false;
/** The last report and the text it is about (with the DOM map of a contenteditable field). */
let shown = null;

// --- the panel ------------------------------------------------------------------------------
const host = document.createElement('div');
host.id = 'freigabe-panel-host';
host.style.cssText = 'position:absolute;z-index:2147483647;display:none;';
const shadow = host.attachShadow({ mode: 'open' });
// Static markup only; everything from the report is added as DOM nodes.
shadow.innerHTML = `
  <style>
    :host { all: initial; }
    .panel { font: 13px/1.4 system-ui, sans-serif; color: #1c2430; background: #fff;
      border: 1px solid #d5dbe3; border-radius: 8px; box-shadow: 0 6px 20px rgba(0,0,0,.14);
      width: min(32rem, calc(100vw - 2rem)); overflow: hidden; }
    header { display: flex; align-items: center; gap: .5rem; padding: .4rem .6rem;
      border-left: 4px solid #1f7a3a; background: #f3f5f8; }
    header svg { flex: none; }
    header strong { flex: 1; font-weight: 600; }
    button.toggle { all: unset; cursor: pointer; padding: 0 .3rem; color: #5b6676; }
    button.toggle:focus-visible, li:focus-visible { outline: 2px solid #0b5cad; outline-offset: -2px; }
    ol { list-style: none; margin: 0; padding: .3rem .6rem .5rem; max-height: 18rem; overflow: auto; }
    ol:empty { display: none; }
    li { padding: .3rem .4rem .3rem .55rem; border-left: 3px solid; margin: .3rem 0; cursor: pointer;
      border-radius: 0 4px 4px 0; }
    li:hover { background: #f3f5f8; }
    li .meta { display: block; font-size: 11px; color: #5b6676; }
    li .meta b { text-transform: uppercase; letter-spacing: .04em; }
    p { margin: 0; }
    p.help { margin-top: .15rem; color: #5b6676; font-size: 12px; }
    p.waiver { margin-top: .15rem; font-style: italic; font-size: 12px; }
    li:has(.waived) { opacity: .55; }
    code { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; background: #eef1f5;
      padding: 0 .25em; border-radius: 3px; }
    .collapsed ol { display: none; }
    .failed header { border-left-color: #b3261e; }
  </style>
  <div class="panel" role="region" aria-label="freigabe">
    <header><span class="icon"></span><strong aria-live="polite"></strong>
      <button class="toggle" type="button" aria-expanded="true" title="Befunde ein-/ausklappen">▾</button></header>
    <ol></ol>
  </div>`;
const panel = shadow.querySelector('.panel');
const icon = shadow.querySelector('.icon');
const title = shadow.querySelector('strong');
const list = shadow.querySelector('ol');
const toggle = shadow.querySelector('button.toggle');

toggle.addEventListener('click', () => {
  collapsed = !collapsed;
  panel.classList.toggle('collapsed', collapsed);
  toggle.setAttribute('aria-expanded', String(!collapsed));
  toggle.textContent = collapsed ? '▸' : '▾';
});

// A click (or Enter) on a finding selects its words in the field.
function selectFinding(item) {
  const span = item && shown?.report.diagnostics[Number(item.dataset.index)]?.span;
  if (!span || shown.field !== activeField) return;
  if (activeField instanceof HTMLTextAreaElement) {
    activeField.focus();
    activeField.setSelectionRange(span.start_utf16, span.end_utf16);
    return;
  }
  const range = shown.map && rangeOf(shown.map, span);
  if (range) {
    activeField.focus();
    const selection = activeField.ownerDocument.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
}
list.addEventListener('click', (event) => selectFinding(event.target.closest('li')));
list.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') selectFinding(event.target.closest('li'));
});

// --- marks over a textarea -------------------------------------------------------------------
const mirrorHost = document.createElement('div');
mirrorHost.id = 'freigabe-marks-host';
mirrorHost.style.cssText = 'position:absolute;top:0;left:0;z-index:2147483646;pointer-events:none;display:none;';
const mirrorShadow = mirrorHost.attachShadow({ mode: 'open' });
mirrorShadow.innerHTML = `
  <style>
    :host { all: initial; }
    .marks { position: relative; overflow: hidden; }
    .layer { position: absolute; inset: 0; box-sizing: border-box; margin: 0; overflow: hidden;
      border-style: solid; border-color: transparent; color: transparent; }
    mark { color: transparent; background: none; border-radius: 2px;
      text-decoration: underline 2px; text-decoration-skip-ink: none; text-underline-offset: 2px; }
    mark.error { background: rgba(179, 38, 30, .13); text-decoration-color: #b3261e; }
    mark.warning { background: rgba(230, 160, 0, .2); text-decoration-color: #8a5a00; }
    mark.info { text-decoration-color: #2c5f8a; }
    mark.wide { background: none; text-decoration-style: dotted; }
    mark.waived { opacity: .4; }
  </style>
  <div class="marks"></div>`;
const marks = mirrorShadow.querySelector('.marks');

/** What the mirror copies from the textarea so its text wraps exactly like the field's. */
const MIRRORED = [
  'direction', 'fontFamily', 'fontFeatureSettings', 'fontKerning', 'fontSize', 'fontStretch',
  'fontStyle', 'fontVariant', 'fontWeight', 'hyphens', 'letterSpacing', 'lineHeight',
  'overflowWrap', 'paddingBottom', 'paddingLeft', 'paddingTop', 'tabSize', 'textAlign',
  'textIndent', 'textTransform', 'whiteSpace', 'wordBreak', 'wordSpacing',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
];

function placeMirror() {
  const field = shown?.field;
  if (!(field instanceof HTMLTextAreaElement) || !field.isConnected || marks.childElementCount === 0) {
    mirrorHost.style.display = 'none';
    return;
  }
  const rect = field.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) {
    mirrorHost.style.display = 'none';
    return;
  }
  const style = getComputedStyle(field);
  // The field's scrollbar takes room from the text: the mirror gives it to the padding.
  const bar = field.offsetWidth - field.clientWidth
    - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
  for (const layer of marks.children) {
    for (const property of MIRRORED) layer.style[property] = style[property];
    layer.style.paddingRight = `${parseFloat(style.paddingRight) + bar}px`;
    layer.scrollTop = field.scrollTop;
    layer.scrollLeft = field.scrollLeft;
  }
  marks.style.width = `${rect.width}px`;
  marks.style.height = `${rect.height}px`;
  mirrorHost.style.top = `${rect.top + window.scrollY}px`;
  mirrorHost.style.left = `${rect.left + window.scrollX}px`;
  mirrorHost.style.display = 'block';
}

// --- marks in a contenteditable field --------------------------------------------------------
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TR', 'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/**
 * The text of a contenteditable field as the engine gets it, with the text node each part
 * comes from: text nodes as they are, a line break for `<br>` and between blocks. (innerText
 * would also do that, but gives no way back from an offset to a node.)
 */
function editableText(field) {
  let text = '';
  const pieces = [];
  const breakLine = () => {
    if (text && !text.endsWith('\n')) text += '\n';
  };
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        // Indentation of the page's HTML source between blocks is not text.
        if (child.data.includes('\n') && !child.data.trim()) continue;
        pieces.push({ node: child, start: text.length });
        text += child.data;
      } else if (child.nodeName === 'BR') {
        text += '\n';
      } else if (child.nodeType === Node.ELEMENT_NODE && !SKIPPED.has(child.nodeName)) {
        const block = BLOCKS.has(child.nodeName);
        if (block) breakLine();
        walk(child);
        if (block) breakLine();
      }
    }
  };
  walk(field);
  return { text, pieces };
}

/** The DOM position of a UTF-16 offset into `editableText`'s text. */
function positionOf(pieces, offset) {
  for (const { node, start } of pieces) {
    if (offset >= start && offset <= start + node.data.length) return [node, offset - start];
  }
  return null;
}

function rangeOf(map, span) {
  const from = positionOf(map.pieces, span.start_utf16);
  const to = positionOf(map.pieces, span.end_utf16);
  if (!from || !to || !from[0].isConnected || !to[0].isConnected) return null;
  const range = new Range();
  range.setStart(...from);
  range.setEnd(...to);
  return range;
}

const HIGHLIGHT_NAMES = ['error', 'warning', 'info', 'error-wide', 'warning-wide', 'info-wide', 'waived'];
const highlights = new Map();
if (globalThis.CSS?.highlights && globalThis.Highlight) {
  for (const name of HIGHLIGHT_NAMES) {
    const highlight = new Highlight();
    highlights.set(name, highlight);
    CSS.highlights.set(`freigabe-${name}`, highlight);
  }
}

function highlightName(diagnostic) {
  if (diagnostic.waived) return 'waived';
  const { start_utf16: start, end_utf16: end } = diagnostic.span;
  // As in the editor: a passage is underlined, a word painted.
  return end - start > WIDE_MARK ? `${diagnostic.severity}-wide` : diagnostic.severity;
}

function markEditable(map, diagnostics) {
  for (const highlight of highlights.values()) highlight.clear();
  if (!map) return;
  for (const diagnostic of diagnostics) {
    if (!diagnostic.span || diagnostic.span.end_utf16 <= diagnostic.span.start_utf16) continue;
    const range = rangeOf(map, diagnostic.span);
    if (range) highlights.get(highlightName(diagnostic))?.add(range);
  }
}

// --- showing a report ------------------------------------------------------------------------
function place() {
  placeMirror();
  if (!activeField?.isConnected) {
    host.style.display = 'none';
    return;
  }
  const rect = activeField.getBoundingClientRect();
  host.style.top = `${rect.bottom + window.scrollY + 6}px`;
  host.style.display = 'block';
  // Under the field's left edge, but not past the window's right edge.
  const room = document.documentElement.clientWidth - host.offsetWidth - 8;
  host.style.left = `${Math.max(0, Math.min(rect.left, room)) + window.scrollX}px`;
}

function clearMarks() {
  shown = null;
  marks.replaceChildren();
  markEditable(null, []);
  placeMirror();
}

function findingItem(diagnostic, index, { severityNames, lang }) {
  const item = document.createElement('li');
  item.dataset.rule = diagnostic.rule;
  item.dataset.index = String(index);
  item.tabIndex = 0;
  item.style.borderLeftColor = SEVERITY_COLOURS[diagnostic.severity];
  const meta = document.createElement('span');
  meta.className = 'meta';
  const severity = document.createElement('b');
  severity.textContent = severityNames[diagnostic.severity];
  severity.style.color = SEVERITY_COLOURS[diagnostic.severity];
  const platform = diagnostic.platform ? ` · ${PLATFORM_NAMES[diagnostic.platform] ?? diagnostic.platform}` : '';
  meta.append(severity, ` · ${diagnostic.rule}${platform}`);
  item.append(meta, renderFinding(diagnostic, { lang }));
  return item;
}

function render(answer, field, text, map) {
  if (!host.isConnected) document.documentElement.append(host);
  if (!mirrorHost.isConnected) document.documentElement.append(mirrorHost);
  panel.classList.toggle('failed', Boolean(answer.error));
  if (answer.error) {
    clearMarks();
    const where = answer.error.line ? ` (Zeile ${answer.error.line}:${answer.error.column})` : '';
    title.textContent = `freigabe: Regelwerk fehlerhaft${where}`;
    icon.replaceChildren(iconSvg('block', 18));
    const item = document.createElement('li');
    item.append(appendWithCode(document.createElement('p'), answer.error.message));
    if (answer.error.help) {
      const help = appendWithCode(document.createElement('p'), answer.error.help);
      help.className = 'help';
      item.append(help);
    }
    list.replaceChildren(item);
    place();
    return;
  }
  const { report, summary } = answer;
  shown = { report, field, text, map };
  title.textContent = `freigabe: ${summary}`;
  icon.replaceChildren(iconSvg(report.verdict, 18));
  panel.dataset.verdict = report.verdict;
  shadow.querySelector('header').style.borderLeftColor = VERDICT_ICONS[report.verdict].colour;
  list.replaceChildren(
    ...byWeight(report.diagnostics).map(({ diagnostic, index }) => findingItem(diagnostic, index, answer)),
  );
  if (field instanceof HTMLTextAreaElement) {
    markEditable(null, []);
    marks.replaceChildren(...markLayers(text, report.diagnostics, { className: 'layer' }));
  } else {
    marks.replaceChildren();
    markEditable(map, report.diagnostics);
  }
  place();
}

// One request at a time; keystrokes during a check lead to one more check afterwards.
async function checkActive() {
  if (inFlight) {
    again = true;
    return;
  }
  inFlight = true;
  try {
    while (activeField) {
      again = false;
      const field = activeField;
      const map = field instanceof HTMLTextAreaElement ? null : editableText(field);
      const text = map ? map.text : field.value;
      if (!text.trim()) {
        host.style.display = 'none';
        clearMarks();
        chrome.runtime.sendMessage({ type: 'clear' });
      } else {
        const answer = await chrome.runtime.sendMessage({ type: 'check', text });
        if (answer && field === activeField) render(answer, field, text, map);
      }
      if (!again) break;
    }
  } catch {
    // The extension was reloaded or removed: this content script is orphaned.
  } finally {
    inFlight = false;
  }
}

// The editable element an event target belongs to: a textarea, or the outermost
// contenteditable element (the editing host).
function fieldOf(target) {
  if (target instanceof HTMLTextAreaElement) return target.readOnly ? null : target;
  if (!(target instanceof HTMLElement) || !target.isContentEditable) return null;
  let field = target;
  while (field.parentElement?.isContentEditable) field = field.parentElement;
  return field;
}

function textOf(field) {
  return field instanceof HTMLTextAreaElement ? field.value : editableText(field).text;
}

// The field's size changes (the user drags its corner, the page reflows): marks follow.
const resized = new ResizeObserver(() => place());

function activate(field) {
  if (field !== activeField) {
    resized.disconnect();
    resized.observe(field);
    if (shown && shown.field !== field) clearMarks();
  }
  activeField = field;
  checkActive();
}

function watch(event) {
  const field = fieldOf(event.target);
  if (field) activate(field);
}
document.addEventListener('focusin', watch, true);
document.addEventListener('input', watch, true);
// Capture: scrolling inside the textarea (no bubbling) moves the mirror's text as well.
window.addEventListener('scroll', place, { passive: true, capture: true });
window.addEventListener('resize', place, { passive: true });

// Fields a page adds later (a CMS opening a saved draft): a pre-filled one is checked at
// once when no field is active yet; a removed active field takes its panel with it.
function firstPrefilled(nodes) {
  for (const node of nodes) {
    if (!(node instanceof HTMLElement)) continue;
    const candidates = [node, ...node.querySelectorAll('textarea, [contenteditable]')];
    const field = candidates.map(fieldOf).find((f) => f && textOf(f).trim());
    if (field) return field;
  }
  return null;
}
new MutationObserver((mutations) => {
  if (activeField && !activeField.isConnected) {
    activeField = null;
    host.style.display = 'none';
    clearMarks();
  }
  if (activeField) return;
  const field = firstPrefilled(mutations.flatMap((m) => [...m.addedNodes]));
  if (field) activate(field);
}).observe(document.documentElement, { childList: true, subtree: true });

const initial = firstPrefilled([document.body]);
if (initial) activate(initial);
