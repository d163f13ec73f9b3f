//! Traffic charts drawn on the server as SVG: a bar per hour or day, each with its figure as
//! a tooltip, and a table of the same numbers for screen readers. No chart script to ship,
//! load or trust, and the chart is there without JavaScript.

use hy_api::traffic::HistoryPoint;
use hy_common::units::bytes;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A bar chart of `points` (upload plus download), titled `title`; a sentence when empty.
pub fn bars(title: &str, points: &[HistoryPoint]) -> String {
    let title = escape(title);
    if points.is_empty() {
        return format!("<p class=\"chart-empty\">{title}: no traffic yet.</p>");
    }
    let (w, h, gap) = (600.0_f64, 160.0_f64, 2.0_f64);
    let max = points
        .iter()
        .map(|p| p.tx.saturating_add(p.rx))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let bar = (w / points.len() as f64 - gap).max(1.0);
    let mut svg = format!(
        "<figure class=\"chart\"><svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{title}\" \
         preserveAspectRatio=\"none\"><title>{title}</title>"
    );
    for (i, p) in points.iter().enumerate() {
        let total = p.tx.saturating_add(p.rx);
        let height = (total as f64 / max * (h - 4.0)).max(if total > 0 { 1.0 } else { 0.0 });
        let x = i as f64 * (bar + gap);
        let label = p
            .start
            .map(|t| t.strftime("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default();
        svg.push_str(&format!(
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{height:.1}\">\
             <title>{}: {}</title></rect>",
            h - height,
            escape(&label),
            bytes(total)
        ));
    }
    let peak = bytes(max as u64);
    svg.push_str(&format!(
        "</svg><figcaption>{title} (highest: {peak})</figcaption></figure>"
    ));
    svg
}

/// [`ranked`] bars of history grouped by server, each named by its server's name ("unnamed"
/// without one, "deleted servers" for traffic of servers since removed).
pub fn per_server(title: &str, points: &[HistoryPoint]) -> String {
    let rows: Vec<(String, u64)> = points
        .iter()
        .map(|h| {
            let name = h.server_name.clone().unwrap_or_else(|| match &h.server_id {
                Some(_) => "unnamed".into(),
                None => "deleted servers".into(),
            });
            (name, h.tx.saturating_add(h.rx))
        })
        .collect();
    ranked(title, &rows)
}

/// Horizontal bars, one per labelled figure (traffic per server), largest first, each with
/// its figure written beside it.
pub fn ranked(title: &str, rows: &[(String, u64)]) -> String {
    let title = escape(title);
    if rows.is_empty() {
        return format!("<p class=\"chart-empty\">{title}: no traffic yet.</p>");
    }
    let mut rows = rows.to_vec();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let max = rows.first().map_or(1, |r| r.1).max(1) as f64;
    let mut out = format!("<figure class=\"chart ranked\"><figcaption>{title}</figcaption><table>");
    for (label, n) in &rows {
        let width = (*n as f64 / max * 100.0).max(0.5);
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td><svg viewBox=\"0 0 100 4\" preserveAspectRatio=\"none\" \
             aria-hidden=\"true\"><rect width=\"{width:.1}\" height=\"4\"></rect></svg></td><td>{}</td></tr>",
            escape(label),
            bytes(*n)
        ));
    }
    out.push_str("</table></figure>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_highest_and_escape_labels() {
        let at = |s: i64| jiff::Timestamp::from_second(s).ok();
        let points = [
            HistoryPoint {
                start: at(0),
                server_id: None,
                server_name: None,
                tx: 50,
                rx: 50,
            },
            HistoryPoint {
                start: at(86_400),
                server_id: None,
                server_name: None,
                tx: 0,
                rx: 0,
            },
        ];
        let svg = bars("a < b", &points);
        assert!(svg.contains("aria-label=\"a &lt; b\""));
        assert!(
            svg.contains("height=\"156.0\""),
            "the highest bar fills the chart"
        );
        assert!(svg.contains("height=\"0.0\""), "an empty day has no bar");
        assert!(svg.contains("1970-01-01 00:00: 100 B"));
        assert!(bars("t", &[]).contains("no traffic yet"));
    }
}
