//! A fresh PostgreSQL database per test, on the server `scripts/with-postgres.sh` starts (its
//! URL in `HYCTL_TEST_POSTGRES`). Without that variable a PostgreSQL test says it was skipped
//! and passes, except under `CI=true`, where it fails: CI must run them.

use hy_central::pg::Target;

/// The variable holding the test server's URL.
pub const ENV: &str = "HYCTL_TEST_POSTGRES";

/// A database of its own for one test, dropped by [`TestDatabase::drop_db`].
#[derive(Debug)]
pub struct TestDatabase {
    /// Where the test's database is.
    pub target: Target,
    /// The same as a URL, for a `hyctl` command line.
    pub url: String,
    server: Target,
    name: String,
}

impl TestDatabase {
    /// A new, empty database, or `None` (after saying so) when no test server is configured.
    pub async fn create(test: &str) -> Option<Self> {
        let Ok(url) = std::env::var(ENV) else {
            assert!(
                std::env::var_os("CI").is_none(),
                "{test}: {ENV} is not set; CI runs the tests through scripts/with-postgres.sh"
            );
            eprintln!("skipped {test}: {ENV} is not set (run it under scripts/with-postgres.sh)");
            return None;
        };
        let server = Target::parse(&url, None).expect("a valid HYCTL_TEST_POSTGRES");
        let name = format!("hyctl_test_{}", hy_common::random::token(12).to_lowercase());
        let name: String = name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let pool = server.pool(1).expect("a pool");
        let client = pool.get().await.expect("the test server answers");
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .await
            .expect("CREATE DATABASE");
        // The server's URL with the test database as its path (the query, such as a socket
        // directory, kept).
        let (scheme, rest) = url.split_once("://").expect("a URL");
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let query = rest[authority_end..]
            .find('?')
            .map_or("", |q| &rest[authority_end + q..]);
        let db_url = format!("{scheme}://{}/{name}{query}", &rest[..authority_end]);
        Some(Self {
            url: db_url,
            target: server.with_dbname(&name),
            server,
            name,
        })
    }

    /// Drops the database (its connections are closed first).
    pub async fn drop_db(self) {
        let pool = self.server.pool(1).expect("a pool");
        let client = pool.get().await.expect("the test server answers");
        client
            .batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
            .await
            .expect("DROP DATABASE");
    }
}
