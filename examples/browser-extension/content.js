// Watches textareas and contenteditable fields on any page (a CMS editor, a web client of a
// social network): the focused field's text goes to the service worker on every input, and a
// small panel next to the field lists the findings. Classic script (content scripts cannot be
// ES modules); the panel lives in a shadow root so the page's styles do not reach it.
(() => {
  const SEVERITY_COLOURS = { error: '#b3261e', warning: '#8a5a00', info: '#2c5f8a' };
  const VERDICT_COLOURS = { block: '#b3261e', warn: '#8a5a00', pass: '#1f7a3a' };

  let activeField = null;
  let inFlight = false;
  let again = false;
  let collapsed = false;
  let lastReport = null;

  const host = document.createElement('div');
  host.id = 'freigabe-panel-host';
  host.style.cssText = 'position:absolute;z-index:2147483647;display:none;';
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = `
    <style>
      :host { all: initial; }
      .panel { font: 13px/1.4 system-ui, sans-serif; color: #1c2430; background: #fff;
        border: 1px solid #d5dbe3; border-radius: 8px; box-shadow: 0 6px 20px rgba(0,0,0,.14);
        max-width: 28rem; overflow: hidden; }
      header { display: flex; align-items: center; gap: .5rem; padding: .35rem .6rem;
        border-left: 4px solid #1f7a3a; background: #f3f5f8; }
      header strong { flex: 1; }
      button.toggle { all: unset; cursor: pointer; padding: 0 .3rem; color: #5b6676; }
      button.toggle:focus-visible { outline: 2px solid #0b5cad; }
      ol { list-style: none; margin: 0; padding: .3rem .6rem .5rem; max-height: 14rem; overflow: auto; }
      li { padding: .25rem 0 .25rem .5rem; border-left: 3px solid; margin: .25rem 0; cursor: pointer; }
      li .rule { display: block; font-size: 11px; color: #5b6676; }
      .collapsed ol { display: none; }
      .failed header { border-left-color: #b3261e; }
    </style>
    <div class="panel" role="region" aria-label="freigabe">
      <header><span aria-hidden="true">✓</span><strong aria-live="polite"></strong>
        <button class="toggle" type="button" aria-expanded="true" title="Befunde ein-/ausklappen">▾</button></header>
      <ol></ol>
    </div>`;
  const panel = shadow.querySelector('.panel');
  const title = shadow.querySelector('strong');
  const list = shadow.querySelector('ol');
  const toggle = shadow.querySelector('button.toggle');

  toggle.addEventListener('click', () => {
    collapsed = !collapsed;
    panel.classList.toggle('collapsed', collapsed);
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.textContent = collapsed ? '▸' : '▾';
  });

  // A click on a finding selects its words (textareas index text in UTF-16, like the report).
  list.addEventListener('click', (event) => {
    const item = event.target.closest('li');
    const span = item && lastReport?.diagnostics[Number(item.dataset.index)]?.span;
    if (span && activeField instanceof HTMLTextAreaElement) {
      activeField.focus();
      activeField.setSelectionRange(span.start_utf16, span.end_utf16);
    }
  });

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
    return field instanceof HTMLTextAreaElement ? field.value : field.innerText;
  }

  function place() {
    if (!activeField?.isConnected) {
      host.style.display = 'none';
      return;
    }
    const rect = activeField.getBoundingClientRect();
    host.style.top = `${rect.bottom + window.scrollY + 6}px`;
    host.style.left = `${rect.left + window.scrollX}px`;
    host.style.display = 'block';
  }

  function render(answer) {
    if (!host.isConnected) document.documentElement.append(host);
    panel.classList.toggle('failed', Boolean(answer.error));
    if (answer.error) {
      lastReport = null;
      const where = answer.error.line ? ` (Zeile ${answer.error.line}:${answer.error.column})` : '';
      title.textContent = `freigabe: Regelwerk fehlerhaft${where}`;
      list.replaceChildren(Object.assign(document.createElement('li'), { textContent: answer.error.message }));
      place();
      return;
    }
    const { report, summary, severityNames } = answer;
    lastReport = report;
    title.textContent = `freigabe: ${summary}`;
    shadow.querySelector('header').style.borderLeftColor = VERDICT_COLOURS[report.verdict];
    list.replaceChildren(
      ...report.diagnostics.map((diagnostic, index) => {
        const item = document.createElement('li');
        item.dataset.rule = diagnostic.rule;
        item.dataset.index = String(index);
        item.style.borderLeftColor = SEVERITY_COLOURS[diagnostic.severity];
        const rule = document.createElement('span');
        rule.className = 'rule';
        rule.textContent = `${severityNames[diagnostic.severity]} · ${diagnostic.rule}${diagnostic.platform ? ` · ${diagnostic.platform}` : ''}`;
        item.append(rule, diagnostic.message);
        item.title = diagnostic.help ?? '';
        return item;
      }),
    );
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
        const text = textOf(field);
        if (!text.trim()) {
          host.style.display = 'none';
          chrome.runtime.sendMessage({ type: 'clear' });
        } else {
          const answer = await chrome.runtime.sendMessage({ type: 'check', text });
          if (answer && field === activeField) render(answer);
        }
        if (!again) break;
      }
    } catch {
      // The extension was reloaded or removed: this content script is orphaned.
    } finally {
      inFlight = false;
    }
  }

  function watch(event) {
    const field = fieldOf(event.target);
    if (!field) return;
    activeField = field;
    checkActive();
  }
  document.addEventListener('focusin', watch, true);
  document.addEventListener('input', watch, true);
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
    }
    if (activeField) return;
    const field = firstPrefilled(mutations.flatMap((m) => [...m.addedNodes]));
    if (field) {
      activeField = field;
      checkActive();
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  const initial = firstPrefilled([document.body]);
  if (initial) {
    activeField = initial;
    checkActive();
  }
})();
