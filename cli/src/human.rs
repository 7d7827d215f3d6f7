//! `--format human`: diagnostics rendered like a compiler's, with the draft text, the span
//! underlined, the help and suggestions, then a summary.

use annotate_snippets::renderer::Renderer;
use annotate_snippets::{AnnotationKind, Group, Level, Patch, Snippet, normalize_untrusted_str};
use anstyle::{AnsiColor, Style};
use freigabe::{Diagnostic, Lang, Report, Severity, Verdict, Waived};

use crate::document::Document;
use crate::lang::tr;
use freigabe::lang::{counted, grouped};

/// The renderer for every human-readable output. Styled: the output stream strips colour
/// when it is not a terminal or `NO_COLOR` is set. No hyperlinks: paths stay plain text.
pub fn renderer() -> Renderer {
    Renderer::styled().hyperlink(false)
}

/// Renders the report for the draft read from `file`, shown as `document`.
pub fn render(report: &Report, document: &Document<'_>, file: &str, lang: Lang) -> String {
    let renderer = renderer();
    let mut out = String::new();
    for diagnostic in &report.diagnostics {
        let groups = diagnostic_groups(diagnostic, document, file, lang);
        if diagnostic.waived.is_some() {
            // Dimmed as a whole: rendered without colours, each line dim (stripped with
            // the colours when the output is not a terminal).
            let dim = Style::new().dimmed();
            let plain = Renderer::plain().hyperlink(false).render(&groups);
            let lines: Vec<String> = plain.lines().map(|l| format!("{dim}{l}{dim:#}")).collect();
            out.push_str(&lines.join("\n"));
        } else {
            out.push_str(&renderer.render(&groups));
        }
        out.push_str("\n\n");
    }
    out.push_str(&summary(report, lang));
    out.push('\n');
    out
}

/// The title with the annotated text and help, then one group per suggestion.
fn diagnostic_groups<'a>(
    diagnostic: &'a Diagnostic,
    document: &'a Document<'a>,
    file: &'a str,
    lang: Lang,
) -> Vec<Group<'a>> {
    let title = level(diagnostic.severity, lang)
        .primary_title(diagnostic.message.as_str())
        .id(diagnostic.rule.as_str());
    let mut main = match diagnostic.span {
        Some(span) => {
            let label = diagnostic.platform.map(|platform| {
                let name = platform
                    .facts()
                    .map_or(platform.as_str(), |facts| facts.name.as_str());
                tr(lang, format!("für {name}"), format!("for {name}"))
            });
            title.element(
                Snippet::source(document.source)
                    .path(file)
                    .line_start(1)
                    .annotation(
                        AnnotationKind::Primary
                            .span(document.range(&span))
                            .label(label),
                    ),
            )
        }
        None => Group::with_title(title),
    };
    if let Some(help) = &diagnostic.help {
        main = main.element(
            Level::HELP
                .with_name(tr(lang, "Hilfe", "help"))
                .message(normalize_untrusted_str(help)),
        );
    }
    if let Some(waived) = &diagnostic.waived {
        main = main.element(
            Level::NOTE
                .with_name(tr(lang, "Ausnahme", "waived"))
                .message(normalize_untrusted_str(&waived_line(waived, lang)).to_owned()),
        );
    }
    let mut groups = vec![main];
    for suggestion in &diagnostic.suggestions {
        let title = Level::HELP
            .with_name(tr(lang, "Vorschlag", "suggestion"))
            .secondary_title(suggestion_title(
                &suggestion.replacement,
                suggestion.span.start == suggestion.span.end,
                lang,
            ));
        groups.push(
            title.element(
                Snippet::source(document.source)
                    .path(file)
                    .line_start(1)
                    .patch(Patch::new(
                        document.range(&suggestion.span),
                        document.replacement(&suggestion.replacement),
                    )),
            ),
        );
    }
    groups
}

/// „{reason} — {by}, {date}“: why and by whom a finding was waived.
fn waived_line(waived: &Waived, lang: Lang) -> String {
    match waived.date(lang) {
        Some(date) => format!("{} — {}, {date}", waived.reason, waived.by),
        None => format!("{} — {}", waived.reason, waived.by),
    }
}

/// "ersetzen durch `…`", or "entfernen"/"einfügen `…`" for pure deletions and
/// insertions. A replacement with line breaks is not quoted: the diff below shows it.
fn suggestion_title(replacement: &str, insertion: bool, lang: Lang) -> String {
    let quoted = normalize_untrusted_str(replacement);
    match (
        replacement.is_empty(),
        replacement.contains(['\n', '\r']),
        insertion,
    ) {
        (true, _, _) => tr(lang, "Entfernen", "remove"),
        (false, true, true) => tr(lang, "Einfügen", "insert"),
        (false, true, false) => tr(lang, "Ersetzen", "replace"),
        (false, false, true) => tr(
            lang,
            format!("Einfügen: `{quoted}`"),
            format!("insert `{quoted}`"),
        ),
        (false, false, false) => tr(
            lang,
            format!("Ersetzen durch `{quoted}`"),
            format!("replace with `{quoted}`"),
        ),
    }
}

/// The level with its localized name: Fehler/Warnung/Hinweis or error/warning/info.
fn level(severity: Severity, lang: Lang) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR.with_name(tr(lang, "Fehler", "error")),
        Severity::Warning => Level::WARNING.with_name(tr(lang, "Warnung", "warning")),
        _ => Level::INFO.with_name(tr(lang, "Hinweis", "info")),
    }
}

/// `freigabe: blockiert · 1 Fehler, 0 Warnungen, 0 Hinweise` and the measures line
/// (`facebook 743/63.206`).
fn summary(report: &Report, lang: Lang) -> String {
    let (verdict, style) = match report.verdict {
        Verdict::Block => (tr(lang, "blockiert", "block"), AnsiColor::BrightRed),
        Verdict::Warn => (tr(lang, "Warnung", "warn"), AnsiColor::Yellow),
        _ => (tr(lang, "bestanden", "pass"), AnsiColor::BrightGreen),
    };
    let style = Style::new().fg_color(Some(style.into())).bold();
    // Waived findings are counted on their own, not under their severity.
    let count = |severity: Severity| {
        report
            .diagnostics
            .iter()
            .filter(|d| d.counts() && d.severity == severity)
            .count()
    };
    let nouns = [
        (Severity::Error, ("Fehler", "Fehler"), ("error", "errors")),
        (
            Severity::Warning,
            ("Warnung", "Warnungen"),
            ("warning", "warnings"),
        ),
        (Severity::Info, ("Hinweis", "Hinweise"), ("info", "infos")),
    ];
    let noun = |n: usize, de: (&str, &str), en: (&str, &str)| {
        let (one, many) = if lang == Lang::En { en } else { de };
        counted(u64::try_from(n).unwrap_or(u64::MAX), one, many, lang)
    };
    let mut counts: Vec<String> = nouns
        .into_iter()
        .map(|(severity, de, en)| noun(count(severity), de, en))
        .collect();
    let waived = report.count_waived();
    if waived > 0 {
        counts.push(noun(
            waived,
            ("Ausnahme", "Ausnahmen"),
            ("waived", "waived"),
        ));
    }
    let counts = counts.join(", ");
    let mut out = format!("freigabe: {style}{verdict}{style:#} · {counts}");
    let measures = report
        .measures
        .iter()
        .map(|(platform, m)| {
            format!(
                "{platform} {}/{}",
                grouped(m.length, lang),
                grouped(m.limit, lang)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ");
    if !measures.is_empty() {
        out.push('\n');
        out.push_str(&measures);
    }
    out
}
