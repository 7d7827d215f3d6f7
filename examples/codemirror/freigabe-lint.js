// A CodeMirror 6 lint source backed by a freigabe Engine. The report's UTF-16 offsets are
// JavaScript string indices and therefore CodeMirror document positions, so no conversion is
// needed; suggestions become actions that apply the replacement. The tooltip shows message
// and help as the editor does (code in backticks as code), with the editor's render.js.
import { linter } from '@codemirror/lint';
import { renderFinding } from '../browser-editor/render.js';

/** How a suggestion's button reads when it deletes the words. */
const REMOVE_LABEL = { de: 'entfernen', en: 'remove' };

/**
 * Converts a freigabe report into CodeMirror diagnostics. Findings about the whole draft
 * (no span, e.g. a platform the account does not use) sit at the start of the document.
 */
export function toDiagnostics(report, { lang = 'de' } = {}) {
  return report.diagnostics.map((finding) => {
    const from = finding.span?.start_utf16 ?? 0;
    const to = finding.span?.end_utf16 ?? 0;
    return {
      from,
      to,
      severity: finding.severity,
      source: finding.platform ? `${finding.rule} · ${finding.platform}` : finding.rule,
      // Plain text for screen readers and the lint panel's list; the tooltip renders it.
      message: finding.help ? `${finding.message}\n${finding.help}` : finding.message,
      renderMessage: (view) => renderFinding(finding, { lang, document: view.dom.ownerDocument }),
      markClass: `freigabe-${finding.rule.replace('.', '-')}`,
      actions: finding.suggestions
        .filter((suggestion) => suggestion.span)
        .map((suggestion) => ({
          name: suggestion.replacement ? `„${suggestion.replacement}“` : REMOVE_LABEL[lang] ?? REMOVE_LABEL.de,
          // `from` is where the finding is now (CodeMirror maps it through later edits); the
          // suggestion keeps its distance to it.
          apply(view, currentFrom) {
            const start = currentFrom + (suggestion.span.start_utf16 - from);
            const end = start + (suggestion.span.end_utf16 - suggestion.span.start_utf16);
            view.dispatch({ changes: { from: start, to: end, insert: suggestion.replacement } });
          },
        })),
    };
  });
}

/**
 * The lint extension. `engine` is a freigabe `Engine`; `draft()` returns the other draft
 * fields (account, platforms, …) at lint time; `onReport` sees each full report (for
 * counters). `delay` is CodeMirror's pause after typing (a check takes well under 1 ms).
 */
export function freigabeLinter(engine, { draft = () => ({}), onReport, lang = 'de', delay = 150 } = {}) {
  return linter(
    (view) => {
      const report = engine.check({ ...draft(), text: view.state.doc.toString() });
      onReport?.(report);
      return toDiagnostics(report, { lang });
    },
    { delay },
  );
}
