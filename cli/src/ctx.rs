//! `Ctx`: what every admin command needs, built once from flags, environment and config file.

use hy_api::client::{Client, ClientConfig};

use crate::cli::AdminArgs;
use crate::config::{self, DEFAULT_CENTRAL, DEFAULT_TOKEN_FILES};
use crate::error::CliError;
use crate::output::Output;

/// The client and the output shape of this run.
#[derive(Debug)]
pub struct Ctx {
    /// Client for central.
    pub client: Client,
    /// How to print.
    pub out: Output,
}

/// Resolves central's URL, the token and the CA file: flag or environment (clap merges those),
/// then the config file, then defaults (`http://127.0.0.1:9090`, central's token file).
pub fn client_config(args: &AdminArgs) -> Result<ClientConfig, CliError> {
    Ok(resolve(args)?.0)
}

/// [`client_config`], and the saved refresh token to sign in with when no token was given.
fn resolve(args: &AdminArgs) -> Result<(ClientConfig, Option<String>), CliError> {
    let file = config::load(&config::path()?)?;
    let refresh = file
        .refresh_token
        .clone()
        .filter(|_| args.token.is_none() && args.token_file.is_none());
    let central = args
        .central
        .clone()
        .or(file.central)
        .unwrap_or_else(|| DEFAULT_CENTRAL.into());
    let token = match (&args.token, &args.token_file, &file.token, &file.token_file) {
        _ if refresh.is_some() => None,
        (Some(token), _, _, _) => Some(token.expose().to_owned()),
        (None, Some(path), _, _) => Some(config::read_token_file(path)?),
        (None, None, Some(token), _) => Some(token.clone()),
        (None, None, None, Some(path)) => Some(config::read_token_file(path)?),
        (None, None, None, None) => DEFAULT_TOKEN_FILES
            .iter()
            .map(std::path::Path::new)
            .find(|p| p.is_file())
            .map(config::read_token_file)
            .transpose()?,
    };
    let mut c = ClientConfig::new(central);
    c.token = token.map(hy_api::Secret::from);
    c.ca_file = args.ca_file.clone().or(file.ca_file);
    c.timeout = args.timeout;
    Ok((c, refresh))
}

impl Ctx {
    /// Builds the context for an admin command. A signed-in admin's saved refresh token is
    /// traded for an access token first.
    pub async fn connect(args: &AdminArgs) -> Result<Self, CliError> {
        let (mut config, refresh) = resolve(args)?;
        if let Some(refresh) = refresh {
            let session = Client::new(&config)?
                .refresh(&refresh)
                .await
                .map_err(|e| match e.code() {
                    Some(hy_api::ErrorCode::Unauthorized) => CliError::Failed(
                        "the saved sign-in has ended (logged out, password changed or revoked):                          sign in again with `hyctl login URL --user NAME`"
                            .into(),
                    ),
                    _ => e.into(),
                })?;
            config.token = Some(session.access_token.into());
        }
        Ok(Self {
            client: Client::new(&config)?,
            out: Output::new(args),
        })
    }

    /// [`Ctx::connect`] without signing in (the token as given or configured).
    pub fn new(args: &AdminArgs) -> Result<Self, CliError> {
        let client = Client::new(&client_config(args)?)?;
        Ok(Self {
            client,
            out: Output::new(args),
        })
    }
}
