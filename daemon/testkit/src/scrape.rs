//! Scraping a daemon's `/metrics` as Prometheus does and as `curl | promtool` does: both
//! formats are fetched and each is checked by a strict parser of its own format, so a series
//! without HELP/TYPE, or a family split across formats, fails the test.

/// Prometheus's own scrape `Accept` header (2.x and 3.x, default scrape protocols).
pub const PROMETHEUS_ACCEPT: &str = "application/openmetrics-text;version=1.0.0;q=0.5,\
    application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";

/// Fetches `url` in both formats, checks their content types and parses each strictly.
/// Returns the classic (0.0.4) text, which the tests read samples from.
pub async fn scrape_both(http: &reqwest::Client, url: &str, token: Option<&str>) -> String {
    let get = |accept: Option<&'static str>| {
        let mut req = http.get(url);
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        if let Some(accept) = accept {
            req = req.header(reqwest::header::ACCEPT, accept);
        }
        async move {
            let resp = req.send().await.unwrap();
            assert_eq!(resp.status(), 200, "{url}");
            let kind = resp.headers()[reqwest::header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .to_owned();
            (kind, resp.text().await.unwrap())
        }
    };
    let (kind, classic) = get(None).await;
    assert_eq!(kind, "text/plain; version=0.0.4; charset=utf-8");
    if let Err(e) = openmetrics_parser::prometheus::parse_prometheus(&classic) {
        panic!("not valid Prometheus text 0.0.4 ({e:?}):\n{classic}");
    }
    let (kind, open) = get(Some(PROMETHEUS_ACCEPT)).await;
    assert_eq!(
        kind,
        "application/openmetrics-text; version=1.0.0; charset=utf-8"
    );
    if let Err(e) = openmetrics_parser::openmetrics::parse_openmetrics(&open) {
        panic!("not valid OpenMetrics 1.0 ({e:?}):\n{open}");
    }
    classic
}
