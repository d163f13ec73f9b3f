//! Central over HTTPS: clients verify its certificate against a CA file they are given.

use hy_api::client::{Client, ClientConfig, ClientError};

use hy_testkit::TestCentral;

#[tokio::test]
async fn central_serves_https_to_clients_that_trust_its_ca() {
    let c = TestCentral::start_tls().await;
    assert!(c.url.starts_with("https://"));
    assert!(c.client().users().await.unwrap().is_empty());

    // Without the CA the certificate is not trusted, and the client says it could not connect.
    let mut config = ClientConfig::new(&c.url);
    config.token = Some(c.token.as_str().into());
    let err = Client::new(&config).unwrap().users().await.unwrap_err();
    assert!(matches!(err, ClientError::Unreachable { .. }), "{err}");
    assert!(
        err.to_string().to_lowercase().contains("certificate"),
        "{err}"
    );

    // Plain HTTP to the TLS port does not get served.
    let plain = c.url.replacen("https://", "http://", 1);
    let err = Client::new(&ClientConfig::new(plain))
        .unwrap()
        .health()
        .await;
    assert!(err.is_err());
    c.stop().await;
}

#[test]
fn a_missing_or_empty_ca_file_is_a_clear_error() {
    let mut config = ClientConfig::new("https://127.0.0.1:1");
    config.ca_file = Some("/nonexistent/ca.pem".into());
    let err = Client::new(&config).unwrap_err().to_string();
    assert!(err.contains("could not read CA file"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.pem");
    std::fs::write(&empty, "").unwrap();
    config.ca_file = Some(empty);
    let err = Client::new(&config).unwrap_err().to_string();
    assert!(err.contains("no"), "{err}");
}
