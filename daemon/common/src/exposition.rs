//! `/metrics` in the format the scraper asks for: Prometheus text 0.0.4 by default (what
//! `curl | promtool check metrics` and older scrapers read), OpenMetrics 1.0 when `Accept` prefers
//! it (Prometheus itself does).
//!
//! prometheus-client only writes OpenMetrics. The two differ in what a classic parser checks: a
//! counter family `x` has samples `x_total`, which 0.0.4 wants declared as `# TYPE x_total
//! counter` (otherwise every counter sample lacks HELP and TYPE), and OpenMetrics ends with
//! `# EOF` and may carry `# UNIT`. [`to_prometheus_text`] rewrites exactly that.

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use prometheus_client::registry::Registry;

/// A scrape format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exposition {
    /// `text/plain; version=0.0.4`.
    Prometheus,
    /// `application/openmetrics-text; version=1.0.0`.
    OpenMetrics,
}

impl Exposition {
    /// The format `Accept` prefers: OpenMetrics only when it is acceptable with a quality at
    /// least that of every other acceptable type (`*/*` and `text/plain` mean 0.0.4).
    pub fn from_accept(headers: &HeaderMap) -> Self {
        let (mut open, mut other) = (0.0_f32, 0.0_f32);
        let ranges = headers
            .get_all(header::ACCEPT)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','));
        for range in ranges {
            let mut parts = range.split(';').map(str::trim);
            let media = parts.next().unwrap_or_default().to_ascii_lowercase();
            let q = parts
                .filter_map(|p| p.strip_prefix("q="))
                .find_map(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            if media == "application/openmetrics-text" {
                open = open.max(q);
            } else if matches!(media.as_str(), "text/plain" | "text/*" | "*/*") {
                other = other.max(q);
            }
        }
        if open > 0.0 && open >= other {
            Self::OpenMetrics
        } else {
            Self::Prometheus
        }
    }

    /// The `Content-Type` of this format.
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Prometheus => "text/plain; version=0.0.4; charset=utf-8",
            Self::OpenMetrics => "application/openmetrics-text; version=1.0.0; charset=utf-8",
        }
    }

    /// Encodes `registry` in this format.
    pub fn encode(self, registry: &Registry) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, registry);
        match self {
            Self::OpenMetrics => out,
            Self::Prometheus => to_prometheus_text(&out),
        }
    }

    /// The whole `/metrics` answer for a request with `headers`.
    pub fn respond(headers: &HeaderMap, registry: &Registry) -> Response {
        let format = Self::from_accept(headers);
        let mut resp = format.encode(registry).into_response();
        resp.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(format.content_type()),
        );
        resp
    }
}

/// OpenMetrics text as prometheus-client writes it → Prometheus text 0.0.4.
pub fn to_prometheus_text(open: &str) -> String {
    let mut out = String::with_capacity(open.len());
    // HELP comes before TYPE; it is held until TYPE says whether the family is a counter.
    let mut help: Option<(&str, &str)> = None;
    for line in open.lines() {
        if line == "# EOF" || line.starts_with("# UNIT ") {
            continue;
        }
        if let Some(rest) = line.strip_prefix("# HELP ") {
            flush_help(&mut out, help.take(), "");
            help = Some(rest.split_once(' ').unwrap_or((rest, "")));
            continue;
        }
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let (name, kind) = rest.split_once(' ').unwrap_or((rest, "untyped"));
            let (suffix, kind) = match kind {
                "counter" => ("_total", "counter"),
                "info" => ("_info", "gauge"),
                "gauge" | "histogram" | "summary" => ("", kind),
                _ => ("", "untyped"),
            };
            match help.take() {
                Some((h, text)) if h == name => flush_help(&mut out, Some((h, text)), suffix),
                other => flush_help(&mut out, other, ""),
            }
            out.push_str("# TYPE ");
            out.push_str(name);
            out.push_str(suffix);
            out.push(' ');
            out.push_str(kind);
            out.push('\n');
            continue;
        }
        flush_help(&mut out, help.take(), "");
        out.push_str(line);
        out.push('\n');
    }
    flush_help(&mut out, help, "");
    out
}

fn flush_help(out: &mut String, help: Option<(&str, &str)>, suffix: &str) {
    if let Some((name, text)) = help {
        out.push_str("# HELP ");
        out.push_str(name);
        out.push_str(suffix);
        out.push(' ');
        out.push_str(text);
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use prometheus_client::metrics::counter::Counter;
    use prometheus_client::metrics::gauge::Gauge;
    use prometheus_client::metrics::histogram::Histogram;

    use super::*;

    fn accept(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT, HeaderValue::from_str(v).unwrap());
        h
    }

    #[test]
    fn openmetrics_only_when_preferred() {
        use Exposition::*;
        assert_eq!(Exposition::from_accept(&HeaderMap::new()), Prometheus);
        assert_eq!(Exposition::from_accept(&accept("*/*")), Prometheus);
        assert_eq!(Exposition::from_accept(&accept("text/plain")), Prometheus);
        // Prometheus 2.x/3.x's own scrape header.
        let prometheus = "application/openmetrics-text;version=1.0.0;q=0.5,\
            application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";
        assert_eq!(Exposition::from_accept(&accept(prometheus)), OpenMetrics);
        assert_eq!(
            Exposition::from_accept(&accept("application/openmetrics-text")),
            OpenMetrics
        );
        assert_eq!(
            Exposition::from_accept(&accept(
                "application/openmetrics-text;q=0.2, text/plain;q=0.9"
            )),
            Prometheus
        );
        assert_eq!(
            Exposition::from_accept(&accept("application/openmetrics-text;q=0")),
            Prometheus
        );
    }

    #[test]
    fn counters_are_declared_by_their_sample_name_in_classic_text() {
        let mut r = Registry::with_prefix("x");
        let c = Counter::<u64>::default();
        c.inc();
        r.register("hits", "Hits so far", c);
        r.register("size", "Current size", Gauge::<i64>::default());
        r.register("seconds", "Latency", Histogram::new([0.1, 1.0]));
        let text = Exposition::Prometheus.encode(&r);
        assert!(
            text.contains("# HELP x_hits_total Hits so far.\n# TYPE x_hits_total counter\n"),
            "{text}"
        );
        assert!(text.contains("x_hits_total 1\n"), "{text}");
        assert!(text.contains("# TYPE x_size gauge\n"));
        assert!(text.contains("# TYPE x_seconds histogram\n"));
        assert!(!text.contains("# EOF"), "{text}");
        assert!(Exposition::OpenMetrics.encode(&r).ends_with("# EOF\n"));
        // What a classic parser makes of the raw OpenMetrics text, and of ours.
        let open = Exposition::OpenMetrics.encode(&r);
        assert!(openmetrics_parser::prometheus::parse_prometheus(&open).is_err());
        let classic = openmetrics_parser::prometheus::parse_prometheus(&text).unwrap();
        assert!(classic.families.contains_key("x_hits_total"), "{classic:?}");
        openmetrics_parser::openmetrics::parse_openmetrics(&open).unwrap();
    }
}
