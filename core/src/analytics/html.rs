//! The quarterly report as one self-contained HTML page for a council committee.
//!
//! Everything is inline: CSS, and hand-written SVG charts (bars and shaded ranges need no
//! charting library). The page loads nothing from elsewhere and needs no script; it prints
//! on A4 with one account per page run. Every chart has a `<title>`, an `aria-label` and
//! its numbers as a table in a `<details>` element, for screen readers and for copying.
//! All text from the archive and the policy is escaped.

use jiff::civil::Date;

use crate::analytics::quarterly::{
    AccountReport, ArchiveReport, BandStatus, ElectionRise, Findings, PeriodReport, WeekCount,
    quarter_title,
};
use crate::analytics::responses::ResponseAnalysis;
use crate::lang::{Lang, decimal};

/// Appends formatted text to a `String` (infallible, unlike `write!`).
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {
        $out.push_str(&format!($($arg)*))
    };
}

/// Rules shown in a findings chart; the table lists all.
const TOP_RULES_IN_CHART: usize = 10;
/// Rules named per account in the summary.
const TOP_RULES_IN_SUMMARY: usize = 3;

const STYLE: &str = r#"
:root { --ink: #1d2733; --muted: #5b6776; --line: #d5dbe3; --band: #d9f0dd;
  --within: #2f6db5; --below: #9aa7b8; --above: #d9822b; --error: #c0392b;
  --warning: #e0a526; --info: #5b8fd1; --election: #e4dcf5; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); margin: 0 auto; max-width: 960px; padding: 24px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 32px 0 8px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; }
h3 { font-size: 17px; margin: 24px 0 8px; }
p.meta, .muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 8px; margin: 8px 0 16px; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; }
.figure b { display: block; font-size: 20px; }
.figure span { color: var(--muted); font-size: 13px; }
figure { margin: 12px 0 20px; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font: 11px system-ui, Arial, sans-serif; fill: var(--ink); }
details { font-size: 14px; margin-top: 4px; }
details summary { cursor: pointer; color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 12px; font-size: 13px; color: var(--muted); margin: 4px 0; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin-right: 4px; }
.note { background: #f3effb; border-left: 4px solid #7b61b8; padding: 6px 10px; margin: 8px 0; }
.note.rise { background: #fff1e0; border-left-color: var(--above); }
code.rule-id { font-size: 12px; color: var(--muted); }
section.account { break-before: page; }
section.quarter { break-inside: auto; }
@page { size: A4; margin: 14mm; }
@media print { body { max-width: none; padding: 0; font-size: 12px; } details { display: none; } }
"#;

/// Renders the report as one HTML page in `lang` (German by default).
pub fn render_html(report: &ArchiveReport, lang: Lang) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let organisation = report.organisation.as_deref().unwrap_or_default();
    let title = match lang {
        Lang::En => format!("Social media quarterly report {organisation}"),
        _ => format!("Social-Media-Quartalsbericht {organisation}"),
    };
    let html_lang = if lang == Lang::En { "en" } else { "de" };
    put!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(title.trim())
    );
    put!(out, "<header>\n<h1>{}</h1>\n", escape(title.trim()));
    let range = match (report.from, report.to) {
        (Some(from), Some(to)) => format!("{} – {}", date(from, lang), date(to, lang)),
        _ => t(lang, "keine Beiträge", "no posts").to_owned(),
    };
    put!(
        out,
        "<p class=\"meta\">{}: {} · {} {} · {} {} · {} <code>{}</code></p>\n</header>\n",
        t(lang, "Zeitraum", "Period"),
        escape(&range),
        number(report.records),
        t(
            lang,
            "Veröffentlichungen im Archiv",
            "publications in the archive"
        ),
        t(lang, "Prüfregeln freigabe", "rules of freigabe"),
        escape(&report.engine_version),
        t(lang, "Richtlinie", "policy"),
        escape(
            report
                .policy_digest
                .get(..19)
                .unwrap_or(&report.policy_digest)
        ),
    );
    summary(&mut out, report, lang);
    for account in &report.accounts {
        account_section(&mut out, account, lang);
    }
    problems(&mut out, report, lang);
    out.push_str("</body>\n</html>\n");
    out
}

fn summary(out: &mut String, report: &ArchiveReport, lang: Lang) {
    put!(
        out,
        "<section class=\"summary\">\n<h2>{}</h2>\n",
        t(lang, "Auf einen Blick", "At a glance")
    );
    if report.accounts.is_empty() {
        put!(
            out,
            "<p>{}</p>\n</section>\n",
            t(
                lang,
                "Im Zeitraum gibt es keine Beiträge der Konten der Richtlinie.",
                "There are no posts of the policy's accounts in the period."
            )
        );
        return;
    }
    put!(
        out,
        "<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th>\
         <th class=\"num\">{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
        t(lang, "Konto", "Account"),
        t(lang, "Beiträge", "Posts"),
        t(lang, "Wochen im Band", "Weeks in band"),
        t(
            lang,
            "Veröffentlichungen mit Fehlern / nur Warnungen",
            "Publications with errors / warnings only"
        ),
        t(lang, "Häufigste Befunde", "Top findings"),
        t(
            lang,
            "Fragen fristgerecht beantwortet",
            "Questions answered in time"
        ),
        t(lang, "Antwortzeit (Median)", "Response time (median)"),
    );
    for account in &report.accounts {
        let total = &account.total;
        let top = total
            .findings
            .by_rule
            .iter()
            .take(TOP_RULES_IN_SUMMARY)
            .map(|rule| format!("{} ({})", rule_name(&rule.rule, lang), number(rule.total)))
            .collect::<Vec<_>>()
            .join(", ");
        let (answered, median) = response_figures(total, lang);
        put!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            account_name(account),
            number(total.posts),
            weeks_in_band(account, total, lang),
            format!(
                "{} / {}",
                percent(total.findings.share_with_errors, lang),
                percent(total.findings.share_with_warnings, lang)
            ),
            if top.is_empty() {
                "–".to_owned()
            } else {
                top
            },
            answered,
            median,
        );
    }
    out.push_str("</tbody>\n</table>\n");
    put!(
        out,
        "<p class=\"muted\">{}</p>\n</section>\n",
        t(
            lang,
            "Beiträge: ein Beitrag auf mehreren Kanälen zählt einmal. Wochen: Montag bis Sonntag in der Zeitzone des Kontos; \
             das Band ist die geplante Zahl der Beiträge pro Woche. Befunde: jede Veröffentlichung wurde mit den Regeln der Richtlinie geprüft.",
            "Posts: a post on several channels counts once. Weeks: Monday to Sunday in the account's time zone; \
             the band is the planned number of posts a week. Findings: every publication was checked with the policy's rules."
        )
    );
}

/// Share of questions answered within target and the median latency, for the summary.
fn response_figures(period: &PeriodReport, lang: Lang) -> (String, String) {
    let Some(responses) = &period.responses else {
        return ("–".to_owned(), "–".to_owned());
    };
    let answered = match responses.share_within_target {
        // Not held to the default target: a share against it would read as a failure.
        Some(_) if !responses.target_set => {
            t(lang, "Kein Ziel festgelegt", "No target set").to_owned()
        }
        Some(share) => format!(
            "{} ({} {} {})",
            percent(share, lang),
            responses.answered_within_target,
            t(lang, "von", "of"),
            responses.questions
        ),
        None => "–".to_owned(),
    };
    let median = responses
        .median_minutes
        .map_or("–".to_owned(), |minutes| duration(minutes, lang));
    (answered, median)
}

/// Minutes as `45 min` or `3,5 h`.
fn duration(minutes: u32, lang: Lang) -> String {
    if minutes < 90 {
        format!("{minutes}\u{a0}min")
    } else {
        let hours = decimal(f64::from(minutes) / 60.0, 1, lang);
        format!("{hours}\u{a0}h")
    }
}

fn account_name(account: &AccountReport) -> String {
    match &account.display_name {
        Some(name) => format!(
            "{} <span class=\"muted\">({})</span>",
            escape(name),
            escape(&account.account)
        ),
        None => escape(&account.account),
    }
}

/// Share of complete weeks within the band; `–` without weeks or without a band.
fn weeks_in_band(account: &AccountReport, period: &PeriodReport, lang: Lang) -> String {
    let summary = &period.week_summary;
    if summary.weeks == 0 || (account.band.min.is_none() && account.band.max.is_none()) {
        return "–".to_owned();
    }
    format!(
        "{} ({} {} {})",
        percent(summary.share_within, lang),
        summary.within,
        t(lang, "von", "of"),
        summary.weeks
    )
}

fn band_text(account: &AccountReport, lang: Lang) -> String {
    match (account.band.min, account.band.max) {
        (Some(min), Some(max)) => match lang {
            Lang::En => format!("{min}–{max} posts a week"),
            _ => format!("{min}–{max} Beiträge pro Woche"),
        },
        (Some(min), None) => match lang {
            Lang::En => format!("at least {min} posts a week"),
            _ => format!("mindestens {min} Beiträge pro Woche"),
        },
        (None, Some(max)) => match lang {
            Lang::En => format!("at most {max} posts a week"),
            _ => format!("höchstens {max} Beiträge pro Woche"),
        },
        (None, None) => t(lang, "kein Band festgelegt", "no band set").to_owned(),
    }
}

fn account_section(out: &mut String, account: &AccountReport, lang: Lang) {
    let id = slug(&account.account);
    put!(
        out,
        "<section class=\"account\" id=\"{id}\">\n<h2>{}</h2>\n<p class=\"meta\">{} · {}: {} · {}: {}</p>\n",
        account_name(account),
        if account.kind == "private" {
            t(lang, "privates Konto", "private account")
        } else {
            t(lang, "amtliches Konto", "official account")
        },
        t(lang, "Band", "Band"),
        escape(&band_text(account, lang)),
        t(lang, "Zeitzone", "Time zone"),
        escape(&account.time_zone),
    );
    // A report of one quarter is that quarter; a longer one opens with the whole period.
    if account.quarters.len() != 1 {
        put!(
            out,
            "<h3>{} ({} – {})</h3>\n",
            t(lang, "Gesamter Zeitraum", "Whole period"),
            date(account.total.from, lang),
            date(account.total.to, lang)
        );
        period_body(out, account, &account.total, &format!("{id}-total"), lang);
    }
    for quarter in &account.quarters {
        put!(
            out,
            "<section class=\"quarter\">\n<h3>{} ({} – {})</h3>\n",
            escape(&quarter_title(&quarter.label, lang)),
            date(quarter.from, lang),
            date(quarter.to, lang)
        );
        period_body(
            out,
            account,
            quarter,
            &format!("{id}-{}", slug(&quarter.label)),
            lang,
        );
        out.push_str("</section>\n");
    }
    out.push_str("</section>\n");
}

fn period_body(
    out: &mut String,
    account: &AccountReport,
    period: &PeriodReport,
    id: &str,
    lang: Lang,
) {
    if period.posts == 0 {
        // Figures of nothing and empty charts look like a rendering fault; say it instead.
        let empty = if std::ptr::eq(period, &account.total) {
            t(
                lang,
                "Keine Beiträge im Zeitraum.",
                "No posts in the period.",
            )
        } else {
            t(
                lang,
                "Keine Beiträge in diesem Quartal.",
                "No posts in this quarter.",
            )
        };
        put!(out, "<p class=\"empty\">{empty}</p>\n");
        if let Some(responses) = &period.responses {
            latency_chart(out, responses, id, lang);
        }
        return;
    }
    let summary = &period.week_summary;
    let (answered, median) = response_figures(period, lang);
    out.push_str("<div class=\"figures\">\n");
    // A big value and a label; a value's detail in parentheses goes under the label.
    let figure = |out: &mut String, value: &str, label: &str| {
        let (value, detail) = match value.split_once(" (") {
            Some((value, detail)) => (value, format!(" ({detail}")),
            None => (value, String::new()),
        };
        put!(
            out,
            "<div class=\"figure\"><b>{value}</b><span>{label}{detail}</span></div>\n"
        );
    };
    figure(out, &number(period.posts), t(lang, "Beiträge", "posts"));
    figure(
        out,
        &decimal(summary.mean_posts, 1, lang),
        t(lang, "Beiträge pro Woche (Schnitt)", "posts a week (mean)"),
    );
    figure(
        out,
        &weeks_in_band(account, period, lang),
        t(lang, "Wochen im Band", "weeks in band"),
    );
    figure(
        out,
        &format!("{} / {}", summary.below, summary.above),
        t(lang, "Wochen darunter / darüber", "weeks below / above"),
    );
    figure(
        out,
        &format!(
            "{} / {}",
            percent(period.findings.share_with_errors, lang),
            percent(period.findings.share_with_warnings, lang)
        ),
        t(
            lang,
            "Veröffentlichungen mit Fehlern / nur Warnungen",
            "publications with errors / warnings only",
        ),
    );
    figure(
        out,
        &answered,
        t(
            lang,
            "Fragen fristgerecht beantwortet",
            "questions answered in time",
        ),
    );
    figure(
        out,
        &median,
        t(lang, "Antwortzeit (Median)", "response time (median)"),
    );
    out.push_str("</div>\n");
    for election in &period.elections {
        put!(
            out,
            "<p class=\"note\">{} <b>{}</b> {} {} ({} {}).</p>\n",
            t(lang, "Vorwahlzeit:", "Pre-election period:"),
            escape(&election.name),
            t(lang, "am", "on"),
            date(election.date, lang),
            t(lang, "ab", "from"),
            date(election.opens, lang),
        );
    }
    if let Some(rise) = &period.election_rise {
        election_rise_note(out, rise, lang);
    }
    week_chart(out, account, period, id, lang);
    findings_chart(out, &period.findings, id, lang);
    if let Some(responses) = &period.responses {
        latency_chart(out, responses, id, lang);
    }
}

/// Columns of questions per latency band, the unanswered last.
fn latency_chart(out: &mut String, responses: &ResponseAnalysis, id: &str, lang: Lang) {
    let caption = t(
        lang,
        "Antwortzeiten auf Fragen",
        "Response times to questions",
    );
    if responses.questions == 0 {
        put!(
            out,
            "<p><b>{caption}:</b> {}</p>\n",
            t(
                lang,
                "keine Fragen im Zeitraum.",
                "no questions in the period."
            )
        );
        return;
    }
    let unit = if responses.office_time {
        t(lang, "Dienstzeit", "office time")
    } else {
        t(lang, "Uhrzeit", "wall-clock time")
    };
    let (left, right, top, bottom) = (36.0, 12.0, 16.0, 30.0);
    let (width, height) = (900.0, 200.0);
    let plot_width = width - left - right;
    let plot_height = height - top - bottom;
    let buckets = &responses.buckets;
    let most = buckets.iter().map(|b| b.count).max().unwrap_or(1).max(1) as f64;
    let y = |value: f64| top + plot_height - value / most * plot_height;
    let slot = plot_width / buckets.len().max(1) as f64;
    let bar = slot * 0.6;
    let mut label = format!(
        "{caption} ({unit}): {} {}, {} {}",
        responses.questions,
        t(lang, "Fragen", "questions"),
        responses.answered,
        t(lang, "beantwortet", "answered"),
    );
    let target = if responses.target_set {
        put!(
            label,
            ", {} {} {} h",
            responses.answered_within_target,
            t(lang, "innerhalb von", "within"),
            responses.target_hours
        );
        format!("{} {} h", t(lang, "Ziel", "target"), responses.target_hours)
    } else {
        t(lang, "kein Ziel festgelegt", "no target set").to_owned()
    };
    put!(
        out,
        "<figure>\n<figcaption>{caption} <span class=\"muted\">({unit}; {target})</span></figcaption>\n\
         <svg viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" \
         aria-label=\"{}\" aria-labelledby=\"{id}-latency-title\">\n<title id=\"{id}-latency-title\">{}</title>\n",
        escape(&label),
        escape(&label)
    );
    put!(
        out,
        "<line x1=\"{left}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"var(--line)\"/>\n",
        width - right,
        y(0.0),
        y(0.0)
    );
    for (index, bucket) in buckets.iter().enumerate() {
        let x = left + index as f64 * slot + (slot - bar) / 2.0;
        let value = bucket.count as f64;
        let colour = match (bucket.key, bucket.max_minutes) {
            ("unanswered", _) => "var(--error)",
            // Without a target no answer is late.
            _ if !responses.target_set => "var(--within)",
            (_, Some(max)) if max <= responses.target_hours.saturating_mul(60) => "var(--within)",
            _ => "var(--above)",
        };
        put!(
            out,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{colour}\"><title>{}: {}</title></rect>\n\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>\n\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>\n",
            y(value),
            (y(0.0) - y(value)).max(0.0),
            escape(&bucket.label(lang)),
            bucket.count,
            x + bar / 2.0,
            y(value) - 4.0,
            bucket.count,
            x + bar / 2.0,
            height - bottom + 16.0,
            escape(&bucket.label(lang)),
        );
    }
    out.push_str("</svg>\n");
    put!(
        out,
        "<p class=\"muted\">{} {} · {}: {} ({} {}, {} {}).</p>\n",
        number(responses.unanswered.len()),
        t(lang, "Fragen unbeantwortet", "questions unanswered"),
        t(
            lang,
            "Antworten außerhalb der Dienstzeit",
            "replies outside office hours"
        ),
        responses.replies_outside_hours,
        responses.automatic_outside_hours,
        t(lang, "automatisch", "automatic"),
        responses.manual_outside_hours.len(),
        t(lang, "von Hand", "by hand"),
    );
    open_data_table(
        out,
        lang,
        &[
            (t(lang, "Antwortzeit", "Response time"), false),
            (t(lang, "Fragen", "Questions"), true),
        ],
    );
    for bucket in buckets {
        put!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td></tr>\n",
            escape(&bucket.label(lang)),
            bucket.count
        );
    }
    close_data_table(out);
}

/// The flagged rise of posts before an election, with the court's words.
fn election_rise_note(out: &mut String, rise: &ElectionRise, lang: Lang) {
    let baseline = decimal(rise.baseline_per_week, 1, lang);
    let window = decimal(rise.window_per_week, 1, lang);
    let (name, opens, day, posts) = (
        escape(&rise.election),
        date(rise.window_opens, lang),
        date(rise.measured_on, lang),
        rise.window_posts,
    );
    match lang {
        Lang::En => put!(
            out,
            "<p class=\"note rise\"><b>Flagged: more posts before the election.</b> From {opens} to {day} \
             the account posted {window} times a week ({posts} posts), against {baseline} a week in the 12 weeks \
             before the pre-election period of {name}. The Federal Constitutional Court names a growth of public \
             relations close to an election as a sign of election advertising (BVerfGE 44, 125).</p>\n"
        ),
        _ => put!(
            out,
            "<p class=\"note rise\"><b>Auffällig: mehr Beiträge vor der Wahl.</b> Vom {opens} bis {day} \
             postete das Konto {window}-mal pro Woche ({posts} Beiträge), in den 12 Wochen vor der Vorwahlzeit \
             ({name}) {baseline}-mal. Das Bundesverfassungsgericht sieht ein „Anwachsen der \
             Öffentlichkeitsarbeit in Wahlkampfnähe“ als Anzeichen unzulässiger Wahlwerbung (BVerfGE 44, 125).</p>\n"
        ),
    }
}

/// Bars of posts per week, the band as a shaded range, pre-election weeks marked.
fn week_chart(
    out: &mut String,
    account: &AccountReport,
    period: &PeriodReport,
    id: &str,
    lang: Lang,
) {
    let weeks = &period.weeks;
    if weeks.is_empty() {
        return;
    }
    let caption = t(
        lang,
        "Beiträge pro Kalenderwoche",
        "Posts per calendar week",
    );
    let (left, right, top, bottom) = (36.0, 12.0, 12.0, 34.0);
    let width = 900.0;
    let height = 230.0;
    let plot_width = width - left - right;
    let plot_height = height - top - bottom;
    let most = weeks.iter().map(|week| week.posts).max().unwrap_or(0);
    let band_top = account.band.max.or(account.band.min).unwrap_or(0) as usize;
    let y_max = (most + 1).max(band_top + 1).max(4) as f64;
    let y = |value: f64| top + plot_height - value / y_max * plot_height;
    let slot = plot_width / weeks.len() as f64;
    let bar = (slot * 0.7).max(1.0);
    let label = format!(
        "{caption}: {} {}, {} {}",
        weeks.len(),
        t(lang, "Wochen", "weeks"),
        t(lang, "Band", "band"),
        band_text(account, lang)
    );
    put!(
        out,
        "<figure>\n<figcaption id=\"{id}-weeks-caption\">{caption}</figcaption>\n\
         <svg viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" \
         aria-label=\"{}\" aria-labelledby=\"{id}-weeks-title\">\n<title id=\"{id}-weeks-title\">{}</title>\n",
        escape(&label),
        escape(&label)
    );
    // Pre-election weeks behind everything.
    for (index, week) in weeks.iter().enumerate() {
        if week.election_window {
            put!(
                out,
                "<rect x=\"{:.1}\" y=\"{top}\" width=\"{:.1}\" height=\"{plot_height}\" fill=\"var(--election)\"/>\n",
                left + index as f64 * slot,
                slot
            );
        }
    }
    // The band.
    let (band_low, band_high) = (
        account.band.min.map_or(0.0, f64::from),
        account.band.max.map_or(y_max, f64::from),
    );
    if account.band.min.is_some() || account.band.max.is_some() {
        put!(
            out,
            "<rect x=\"{left}\" y=\"{:.1}\" width=\"{plot_width}\" height=\"{:.1}\" fill=\"var(--band)\"/>\n",
            y(band_high),
            (y(band_low) - y(band_high)).max(1.0)
        );
    }
    // Grid and axis.
    let step = if y_max > 12.0 {
        (y_max / 6.0).ceil()
    } else {
        1.0
    };
    let mut tick = 0.0;
    while tick <= y_max {
        put!(
            out,
            "<line x1=\"{left}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"var(--line)\" stroke-width=\"1\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{tick}</text>\n",
            width - right,
            y(tick),
            y(tick),
            left - 6.0,
            y(tick) + 4.0
        );
        tick += step;
    }
    // Bars and week labels (every n-th label when there are many weeks).
    let label_every = (weeks.len() / 16).max(1);
    for (index, week) in weeks.iter().enumerate() {
        let x = left + index as f64 * slot + (slot - bar) / 2.0;
        let value = week.posts as f64;
        let colour = match week.status {
            BandStatus::Below => "var(--below)",
            BandStatus::Above => "var(--above)",
            _ => "var(--within)",
        };
        let opacity = if week.complete { "1" } else { "0.45" };
        put!(
            out,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{colour}\" fill-opacity=\"{opacity}\">\
             <title>{}</title></rect>\n",
            // A week without posts keeps a sliver of a bar, so silence is visible.
            y(value) - if week.posts == 0 { 2.0 } else { 0.0 },
            (y(0.0) - y(value)).max(2.0),
            escape(&week_title(week, lang))
        );
        if index % label_every == 0 {
            put!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>\n",
                x + bar / 2.0,
                height - bottom + 14.0,
                escape(
                    week.iso_week
                        .split_once("-W")
                        .map_or(&week.iso_week[..], |(_, w)| w)
                )
            );
        }
    }
    put!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\n",
        width - right,
        height - 4.0,
        t(lang, "Kalenderwoche", "calendar week")
    );
    out.push_str("</svg>\n<div class=\"legend\">");
    let has_band = account.band.min.is_some() || account.band.max.is_some();
    let has_election = weeks.iter().any(|week| week.election_window);
    let legend = [
        (
            true,
            "var(--within)",
            if has_band {
                t(lang, "im Band", "within band")
            } else {
                t(lang, "Beiträge", "posts")
            },
        ),
        (
            has_band,
            "var(--below)",
            t(lang, "unter dem Band", "below band"),
        ),
        (
            has_band,
            "var(--above)",
            t(lang, "über dem Band", "above band"),
        ),
        (
            has_band,
            "var(--band)",
            t(lang, "Band (geplant)", "band (planned)"),
        ),
        (
            has_election,
            "var(--election)",
            t(lang, "Vorwahlzeit", "pre-election period"),
        ),
    ];
    for (_, colour, text) in legend.into_iter().filter(|(shown, _, _)| *shown) {
        put!(
            out,
            "<span><i class=\"swatch\" style=\"background:{colour}\"></i>{text}</span>"
        );
    }
    out.push_str("</div>\n");
    open_data_table(
        out,
        lang,
        &[
            (t(lang, "Woche", "Week"), false),
            (t(lang, "ab Montag", "from Monday"), false),
            (t(lang, "Beiträge", "Posts"), true),
            (t(lang, "Band", "Band"), false),
        ],
    );
    for week in weeks {
        put!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
            escape(&week.iso_week),
            date(week.monday, lang),
            week.posts,
            status_text(week, lang)
        );
    }
    close_data_table(out);
}

fn week_title(week: &WeekCount, lang: Lang) -> String {
    format!(
        "{} ({} {}): {} {} – {}",
        week.iso_week,
        t(lang, "ab", "from"),
        date(week.monday, lang),
        week.posts,
        t(lang, "Beiträge", "posts"),
        status_text(week, lang)
    )
}

fn status_text(week: &WeekCount, lang: Lang) -> String {
    let status = match week.status {
        BandStatus::Below => t(lang, "unter dem Band", "below band"),
        BandStatus::Above => t(lang, "über dem Band", "above band"),
        _ => t(lang, "im Band", "within band"),
    };
    let mut text = status.to_owned();
    if !week.complete {
        text.push_str(t(lang, " (angeschnittene Woche)", " (partial week)"));
    }
    if week.election_window {
        text.push_str(t(lang, " · Vorwahlzeit", " · pre-election period"));
    }
    text
}

/// Horizontal bars of findings per rule, split by severity.
fn findings_chart(out: &mut String, findings: &Findings, id: &str, lang: Lang) {
    let caption = t(lang, "Befunde nach Regel", "Findings by rule");
    if findings.by_rule.is_empty() {
        put!(
            out,
            "<p><b>{caption}:</b> {}</p>\n",
            t(lang, "Keine Befunde.", "no findings.")
        );
        return;
    }
    let rules: Vec<_> = findings.by_rule.iter().take(TOP_RULES_IN_CHART).collect();
    let (left, right, row) = (250.0, 60.0, 22.0);
    let width = 900.0;
    let height = rules.len() as f64 * row + 8.0;
    let plot_width = width - left - right;
    let most = rules
        .iter()
        .map(|rule| rule.total)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let label = format!(
        "{caption}: {} {}, {} {}, {} {}",
        findings.errors,
        t(lang, "Fehler", "errors"),
        findings.warnings,
        t(lang, "Warnungen", "warnings"),
        findings.infos,
        t(lang, "Hinweise", "notes")
    );
    put!(
        out,
        "<figure>\n<figcaption>{caption}</figcaption>\n\
         <svg viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" \
         aria-label=\"{}\" aria-labelledby=\"{id}-rules-title\">\n<title id=\"{id}-rules-title\">{}</title>\n",
        escape(&label),
        escape(&label)
    );
    for (index, rule) in rules.iter().enumerate() {
        let y = 4.0 + index as f64 * row;
        put!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\n",
            left - 8.0,
            y + row / 2.0 + 4.0,
            escape(rule_title(&rule.rule, lang))
        );
        let mut x = left;
        for (count, colour) in [
            (rule.errors, "var(--error)"),
            (rule.warnings, "var(--warning)"),
            (rule.infos, "var(--info)"),
        ] {
            if count == 0 {
                continue;
            }
            let w = count as f64 / most * plot_width;
            put!(
                out,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{colour}\"/>\n",
                y + 3.0,
                w.max(1.0),
                row - 6.0
            );
            x += w;
        }
        put!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>\n",
            x + 6.0,
            y + row / 2.0 + 4.0,
            number(rule.total)
        );
    }
    out.push_str("</svg>\n<div class=\"legend\">");
    for (colour, text) in [
        ("var(--error)", t(lang, "Fehler", "error")),
        ("var(--warning)", t(lang, "Warnung", "warning")),
        ("var(--info)", t(lang, "Hinweis", "note")),
    ] {
        put!(
            out,
            "<span><i class=\"swatch\" style=\"background:{colour}\"></i>{text}</span>"
        );
    }
    out.push_str("</div>\n");
    let mut columns = vec![
        (t(lang, "Regel", "Rule"), false),
        (t(lang, "Befunde", "Findings"), true),
        (t(lang, "Veröffentlichungen", "Publications"), true),
        (t(lang, "Fehler", "Errors"), true),
        (t(lang, "Warnungen", "Warnings"), true),
        (t(lang, "Hinweise", "Notes"), true),
    ];
    // Accepted exceptions get their column only where there are any.
    let with_waived = findings.waived > 0;
    if with_waived {
        columns.push((t(lang, "davon Ausnahmen", "of which waived"), true));
    }
    open_data_table(out, lang, &columns);
    for rule in &findings.by_rule {
        put!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
            rule_name(&rule.rule, lang),
            rule.total,
            rule.records,
            rule.errors,
            rule.warnings,
            rule.infos
        );
        if with_waived {
            put!(out, "<td class=\"num\">{}</td>", rule.waived);
        }
        out.push_str("</tr>\n");
    }
    close_data_table(out);
}

/// A rule by its human title, the id after it as code in small type (an id of no known
/// rule, from an older archive, stays as it is).
fn rule_name(id: &str, lang: Lang) -> String {
    match crate::rules::rule_info(id) {
        Some(rule) => format!(
            "{} <code class=\"rule-id\">{}</code>",
            escape(rule.title(lang)),
            escape(id)
        ),
        None => format!("<code>{}</code>", escape(id)),
    }
}

/// A rule's human title, or its id if no rule has it; for chart labels, where the id has no
/// room (the table under the chart names both).
fn rule_title(id: &str, lang: Lang) -> &str {
    crate::rules::rule_info(id).map_or(id, |rule| rule.title(lang))
}

/// Records that could not be read or counted, with their line or position.
fn problems(out: &mut String, report: &ArchiveReport, lang: Lang) {
    if report.skipped.is_empty() && report.archive_errors.is_empty() {
        return;
    }
    put!(
        out,
        "<section class=\"problems\">\n<h2>{}</h2>\n<p>{} {}, {} {}.</p>\n<table>\n<thead><tr><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        t(lang, "Nicht ausgewertete Datensätze", "Records not counted"),
        number(report.archive_errors.len()),
        t(lang, "Zeilen nicht lesbar", "lines unreadable"),
        number(report.skipped.len()),
        t(lang, "Datensätze übersprungen", "records skipped"),
        t(lang, "Stelle", "Where"),
        t(lang, "Grund", "Reason"),
    );
    for error in &report.archive_errors {
        put!(
            out,
            "<tr><td><code>{}</code> {} {}</td><td>{}</td></tr>\n",
            escape(&error.file),
            t(lang, "Zeile", "line"),
            error.line,
            escape(&error.message)
        );
    }
    for skipped in &report.skipped {
        let id = skipped
            .id
            .as_deref()
            .map(|id| format!(" (<code>{}</code>)", escape(id)))
            .unwrap_or_default();
        put!(
            out,
            "<tr><td>{} {}{id}</td><td>{}</td></tr>\n",
            t(lang, "Datensatz", "record"),
            skipped.record,
            escape(&skipped.reason)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// The German or the English text.
/// Opens a chart's data-table fallback: a `<details>` with a table of these column
/// headings (`true`: a numeric, right-aligned column).
fn open_data_table(out: &mut String, lang: Lang, columns: &[(&str, bool)]) {
    put!(
        out,
        "<details><summary>{}</summary>\n<table>\n<thead><tr>",
        t(lang, "Daten als Tabelle", "Data as a table")
    );
    for (heading, numeric) in columns {
        let class = if *numeric { " class=\"num\"" } else { "" };
        put!(out, "<th{class}>{heading}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
}

/// Closes what [`open_data_table`] opened, and the chart's figure.
fn close_data_table(out: &mut String) {
    out.push_str("</tbody>\n</table>\n</details>\n</figure>\n");
}

fn t(lang: Lang, de: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        _ => de,
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// An id-safe form of a name: ASCII letters and digits, the rest `-`.
fn slug(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

fn date(day: Date, lang: Lang) -> String {
    crate::time::date_label(day, lang)
}

/// A count with a narrow space between thousands (`2 214`), readable in both languages.
fn number(value: usize) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(digit);
    }
    out
}

/// A share as a whole percentage: `87 %` (de), `87%` (en).
fn percent(share: f64, lang: Lang) -> String {
    let value = (share * 100.0).round();
    match lang {
        Lang::En => format!("{value}%"),
        _ => format!("{value}\u{a0}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::quarterly::build_report;
    use crate::{Draft, Engine, Policy};

    const POLICY: &str = r#"
        name = "Stadt <Test> & Co"
        [accounts.stadt]
        kind = "official"
        display-name = "Rathaus <script>alert(1)</script>"
        platforms = ["facebook"]
        time-zone = "Europe/Berlin"
        posts-per-week = { min = 2, max = 3 }
        [[elections]]
        name = "Wahl"
        date = "2026-06-14"
    "#;

    fn page(lang: Lang) -> String {
        let engine = Engine::new(Policy::from_toml(POLICY).unwrap()).unwrap();
        let mut posts: Vec<Draft> = [
            "2026-03-10",
            "2026-04-06",
            "2026-04-08",
            "2026-05-05",
            "2026-06-10",
        ]
        .iter()
        .map(|day| {
            let mut draft = Draft::new("Infos: http://www.paderborn.de <script>x</script>");
            draft.account = Some("stadt".to_owned());
            draft.published_at = Some(format!("{day}T10:00:00+02:00").parse().unwrap());
            draft
        })
        .collect();
        let mut unpublished = Draft::new("<script>alert('post')</script>");
        unpublished.id = Some("<script>alert('id')</script>".to_owned());
        posts.push(unpublished);
        let report = build_report(&engine, &posts, &[], None, None);
        render_html(&report, lang)
    }

    #[test]
    fn waived_findings_get_their_column_only_where_there_are_any() {
        assert!(!page(Lang::De).contains("davon Ausnahmen"));
        let engine = Engine::new(Policy::from_toml(POLICY).unwrap()).unwrap();
        let mut draft = Draft::new("Infos: http://www.paderborn.de");
        draft.account = Some("stadt".to_owned());
        draft.published_at = Some("2026-05-05T10:00:00+02:00".parse().unwrap());
        draft.waivers.push(crate::Waiver {
            rule: "links.*".to_owned(),
            words: None,
            reason: "Alte Seite".to_owned(),
            by: "sta13.presse".to_owned(),
            at: None,
        });
        let report = build_report(&engine, &[draft], &[], None, None);
        let html = render_html(&report, Lang::De);
        assert!(
            html.contains("<th class=\"num\">davon Ausnahmen</th>"),
            "{html}"
        );
        assert!(html.contains("<td class=\"num\">1</td></tr>"), "{html}");
    }

    #[test]
    fn text_from_the_policy_and_the_archive_is_escaped() {
        let html = page(Lang::De);
        assert!(!html.contains("<script"), "a script tag got through");
        assert!(html.contains("Rathaus &lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&lt;script&gt;alert(&#39;id&#39;)&lt;/script&gt;"));
        assert!(html.contains("Stadt &lt;Test&gt; &amp; Co"));
    }

    #[test]
    fn every_svg_is_closed_titled_and_has_a_table() {
        let html = page(Lang::De);
        let opened = html.matches("<svg ").count();
        assert!(opened >= 4, "{opened} charts");
        assert_eq!(opened, html.matches("</svg>").count());
        assert_eq!(opened, html.matches("role=\"img\"").count());
        // Every chart: an accessible name, a <title> and a data table fallback.
        for chart in html.split("<svg ").skip(1) {
            let (tag, body) = chart.split_once('>').unwrap();
            assert!(tag.contains("aria-label=\""), "{tag}");
            assert!(body.trim_start().starts_with("<title"), "{body:.80}");
            let after = body.split_once("</svg>").unwrap().1;
            let details = after.find("<details>").unwrap();
            assert!(after.find("</figure>").unwrap() > details);
        }
        for (open, close) in [
            ("<section", "</section>"),
            ("<figure", "</figure>"),
            ("<table", "</table>"),
        ] {
            assert_eq!(
                html.matches(open).count(),
                html.matches(close).count(),
                "{open}"
            );
        }
    }

    #[test]
    fn page_loads_nothing_from_elsewhere() {
        let html = page(Lang::De);
        for attribute in ["src=", "href=", "@import", "url("] {
            assert!(!html.contains(attribute), "{attribute} in the page");
        }
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"de\">"));
        assert!(html.ends_with("</html>\n"));
    }

    #[test]
    fn english_page_has_english_headings_and_numbers() {
        let html = page(Lang::En);
        assert!(html.contains("<html lang=\"en\">"));
        assert!(html.contains("At a glance"));
        assert!(html.contains("Q2 2026"));
        let german = page(Lang::De);
        assert!(german.contains("Auf einen Blick"));
        assert!(german.contains("2. Quartal 2026"));
        assert!(german.contains("Vorwahlzeit"));
    }

    #[test]
    fn rules_are_named_by_title_with_the_id_beside() {
        let html = page(Lang::De);
        let named = "Link ohne HTTPS <code class=\"rule-id\">links.https</code>";
        // In the summary and in the table under the chart.
        assert!(html.matches(named).count() >= 2, "{html}");
        assert!(!html.contains("<code>links.https</code>"));
        // The chart has no room for the id: the title alone.
        assert!(html.contains("text-anchor=\"end\">Link ohne HTTPS</text>"));
        let english = page(Lang::En);
        assert!(english.contains("Link without HTTPS <code class=\"rule-id\">links.https</code>"));
    }

    /// The page for `policy` with one post and one question answered two days later.
    fn page_with_a_late_answer(policy: &str) -> String {
        let engine = Engine::new(Policy::from_toml(policy).unwrap()).unwrap();
        let mut post = Draft::new("Das Bürgerbüro ist umgezogen.");
        post.account = Some("stadt".to_owned());
        post.published_at = Some("2026-04-06T10:00:00+02:00".parse().unwrap());
        let interactions: Vec<_> = crate::analytics::responses::parse_interactions(
            r#"{"id": "c1", "account": "stadt", "at": "2026-04-06T12:00:00+02:00", "text": "Wo ist es jetzt?"}
{"id": "r1", "account": "stadt", "in_reply_to": "c1", "from_account": true, "at": "2026-04-08T12:00:00+02:00", "text": "Am Marienplatz."}"#,
        )
        .into_iter()
        .map(Result::unwrap)
        .collect();
        let report = build_report(&engine, &[post], &interactions, None, None);
        render_html(&report, Lang::De)
    }

    #[test]
    fn an_account_without_a_response_target_is_not_judged_against_one() {
        let html = page_with_a_late_answer(POLICY);
        assert!(
            html.contains("<b>Kein Ziel festgelegt</b><span>Fragen fristgerecht beantwortet"),
            "{html}"
        );
        assert!(html.contains("kein Ziel festgelegt)</span></figcaption>"));
        assert!(!html.contains("0\u{a0}%</b><span>Fragen fristgerecht"));
        assert!(
            !html.contains("var(--above)\"><title>"),
            "no answer is late"
        );

        let with_target = format!("{POLICY}\n[accounts.stadt.responses]\ntarget-hours = 8\n");
        let html = page_with_a_late_answer(&with_target);
        assert!(
            html.contains("<b>0\u{a0}%</b><span>Fragen fristgerecht beantwortet (0 von 1)"),
            "{html}"
        );
        assert!(html.contains("Ziel 8 h)</span></figcaption>"));
    }

    #[test]
    fn an_empty_quarter_says_so() {
        let engine = Engine::new(Policy::from_toml(POLICY).unwrap()).unwrap();
        let mut post = Draft::new("Das Bürgerbüro ist umgezogen.");
        post.account = Some("stadt".to_owned());
        post.published_at = Some("2026-04-06T10:00:00+02:00".parse().unwrap());
        let (from, to) = ("2026-04-01".parse().ok(), "2026-09-30".parse().ok());
        let report = build_report(&engine, &[post], &[], from, to);
        let html = render_html(&report, Lang::De);
        let third = html.split("3. Quartal 2026").nth(1).expect("third quarter");
        let third = third.split("</section>").next().unwrap_or_default();
        assert!(
            third.contains("Keine Beiträge in diesem Quartal."),
            "{third}"
        );
        assert!(
            !third.contains("<svg") && !third.contains("<table"),
            "{third}"
        );
        let english = render_html(&report, Lang::En);
        assert!(english.contains("No posts in this quarter."));
    }

    #[test]
    fn numbers_are_grouped_and_shares_rounded() {
        assert_eq!(number(2089), "2\u{202f}089");
        assert_eq!(number(999), "999");
        assert_eq!(number(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(percent(0.705, Lang::De), "71\u{a0}%");
        assert_eq!(percent(0.705, Lang::En), "71%");
    }
}
