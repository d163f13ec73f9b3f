//! A real browser for the panel's tests: Debian's Chromium, headless, driven over WebDriver by
//! its own chromedriver on an ephemeral loopback port. Pages are read as a person reads them:
//! fields by their label, buttons and links by their text, messages by their role.
//!
//! Without chromium and chromedriver the tests that need them say so and pass, except under
//! `CI=true`, where they fail (CI installs both; see scripts/ci.sh).

use std::process::Stdio;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// A headless Chromium and the chromedriver that drives it; both end when this is dropped.
#[derive(Debug)]
pub struct Browser {
    pub client: Client,
    _driver: Child,
}

pub(crate) fn found(name: &str) -> Option<String> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|dir| format!("{dir}/{name}"))
        .find(|p| std::path::Path::new(p).is_file())
}

/// Quotes `s` as an XPath string literal (which has no escapes: `concat` joins the parts
/// around a `'`).
fn xpath_literal(s: &str) -> String {
    if !s.contains('\'') {
        return format!("'{s}'");
    }
    let parts: Vec<String> = s.split('\'').map(|p| format!("'{p}'")).collect();
    format!("concat({})", parts.join(", \"'\", "))
}

/// Starts chromedriver and a headless Chromium session through it.
async fn launch(driver: &str, chromium: &str) -> Result<(Client, Child), String> {
    let mut child = Command::new(driver)
        .arg("--port=0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("chromedriver starts");
    let stdout = child.stdout.take().expect("chromedriver's stdout");
    let mut lines = BufReader::new(stdout).lines();
    let port = tokio::time::timeout(Duration::from_secs(20), async {
        while let Some(line) = lines.next_line().await.expect("chromedriver's output") {
            if let Some(rest) = line.split("started successfully on port ").nth(1) {
                return rest.trim_end_matches('.').trim().parse::<u16>().ok();
            }
        }
        None
    })
    .await
    .expect("chromedriver says its port within 20 s")
    .expect("chromedriver says its port");
    // Keep reading its output so it never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--lang=en-US"],
        }),
    );
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .map_err(|e| e.to_string())?;
    Ok((client, child))
}

impl Browser {
    /// Starts a browser, or `None` (after saying why) when none is installed outside CI.
    pub async fn start(test: &str) -> Option<Self> {
        let (Some(driver), Some(chromium)) = (
            found("chromedriver"),
            found("chromium").or_else(|| found("chromium-browser")),
        ) else {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{test}: chromium and chromedriver must be installed in CI (scripts/ci.sh does)"
            );
            eprintln!("{test}: skipped, chromium or chromedriver is not installed");
            return None;
        };
        // Chromium sometimes exits while starting when the machine is busy (two cores, tests
        // in parallel): a session that could not be created is tried again, twice.
        let mut last = String::new();
        for _ in 0..3 {
            match launch(&driver, &chromium).await {
                Ok((client, child)) => {
                    return Some(Self {
                        client,
                        _driver: child,
                    });
                }
                Err(e) => last = e,
            }
        }
        panic!("{test}: no browser session after 3 tries: {last}");
    }

    /// Opens `url` and waits for it to load.
    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.expect("the page opens");
    }

    /// The page's visible text.
    pub async fn text(&self) -> String {
        self.client
            .find(Locator::Css("body"))
            .await
            .expect("a body")
            .text()
            .await
            .expect("its text")
    }

    /// Types `value` into the field labelled `label` (replacing what it held).
    pub async fn fill(&self, label: &str, value: &str) {
        let field = self.field(label).await;
        field.clear().await.expect("the field clears");
        field.send_keys(value).await.expect("typing into the field");
    }

    /// The field (input, select, textarea) whose label reads `label`.
    pub async fn field(&self, label: &str) -> fantoccini::elements::Element {
        let label_el = self
            .client
            .find(Locator::XPath(&format!(
                "//label[normalize-space()={}]",
                xpath_literal(label)
            )))
            .await
            .unwrap_or_else(|e| panic!("no label {label:?}: {e}"));
        match label_el.attr("for").await.expect("the label's for") {
            Some(id) => self
                .client
                .find(Locator::Id(&id))
                .await
                .unwrap_or_else(|e| panic!("no field for label {label:?}: {e}")),
            None => label_el
                .find(Locator::Css("input, select, textarea"))
                .await
                .unwrap_or_else(|e| panic!("no field inside label {label:?}: {e}")),
        }
    }

    /// Clicks the button whose text is `text`, and waits for the page it leads to.
    pub async fn press(&self, text: &str) {
        let button = self
            .button(text)
            .await
            .unwrap_or_else(|| panic!("no button {text:?}"));
        self.navigating(button.click()).await;
    }

    /// Runs `click` and waits until the page it started loading has loaded: a click returns
    /// before the browser has left the old page, which would otherwise still be read.
    async fn navigating<F, T>(&self, click: F)
    where
        F: std::future::IntoFuture<Output = Result<T, fantoccini::error::CmdError>>,
    {
        self.client
            .execute("window.hyctlOldPage = true; return null;", vec![])
            .await
            .expect("marking the page");
        click.await.expect("the click");
        crate::wait_until("the next page loads", Duration::from_secs(15), || async {
            self.client
                .execute(
                    "return window.hyctlOldPage === undefined && document.readyState === 'complete';",
                    vec![],
                )
                .await
                .is_ok_and(|v| v == serde_json::Value::Bool(true))
        })
        .await;
    }

    /// The button reading `text`, if the page has one.
    pub async fn button(&self, text: &str) -> Option<fantoccini::elements::Element> {
        self.client
            .find(Locator::XPath(&format!(
                "//button[normalize-space()={}]",
                xpath_literal(text)
            )))
            .await
            .ok()
    }

    /// Follows the link reading `text`.
    pub async fn follow(&self, text: &str) {
        let link = self
            .client
            .find(Locator::LinkText(text))
            .await
            .unwrap_or_else(|e| panic!("no link {text:?}: {e}"));
        self.navigating(link.click()).await;
    }

    /// The text of the page's alert (an error) or status message, if it shows one.
    pub async fn message(&self, role: &str) -> Option<String> {
        match self
            .client
            .find(Locator::Css(&format!("[role={role}]")))
            .await
        {
            Ok(el) => Some(el.text().await.expect("the message's text")),
            Err(_) => None,
        }
    }

    /// The figure shown next to the term `term` in a list of figures (`<dt>`/`<dd>`).
    pub async fn figure(&self, term: &str) -> String {
        self.client
            .find(Locator::XPath(&format!(
                "//dt[normalize-space()={}]/following-sibling::dd[1]",
                xpath_literal(term)
            )))
            .await
            .unwrap_or_else(|e| panic!("no figure {term:?}: {e}"))
            .text()
            .await
            .expect("the figure's text")
    }

    /// Ticks the checkbox labelled (by `aria-label` or its label) `label`.
    pub async fn tick(&self, label: &str) {
        let boxed = self
            .client
            .find(Locator::XPath(&format!(
                "//input[@type='checkbox'][@aria-label={l}] | //label[normalize-space()={l}]//input[@type='checkbox']",
                l = xpath_literal(label)
            )))
            .await
            .unwrap_or_else(|e| panic!("no checkbox {label:?}: {e}"));
        if !boxed.is_selected().await.expect("checkbox state") {
            boxed.click().await.expect("the checkbox ticks");
        }
    }

    /// Picks the option reading `option` in the select labelled `label`.
    pub async fn choose(&self, label: &str, option: &str) {
        self.field(label)
            .await
            .select_by_label(option)
            .await
            .unwrap_or_else(|e| panic!("no option {option:?} in {label:?}: {e}"));
    }

    /// A PNG of the window, for README.
    pub async fn screenshot(&self) -> Vec<u8> {
        self.client.screenshot().await.expect("a screenshot")
    }

    /// Ends the browser session.
    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn xpath_literals_quote_any_text() {
        assert_eq!(super::xpath_literal("Save"), "'Save'");
        assert_eq!(
            super::xpath_literal("alice's"),
            "concat('alice', \"'\", 's')"
        );
    }
}
