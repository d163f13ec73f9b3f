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
    let file = config::load(&config::path()?)?;
    let central = args
        .central
        .clone()
        .or(file.central)
        .unwrap_or_else(|| DEFAULT_CENTRAL.into());
    let token = match (&args.token, &args.token_file, &file.token, &file.token_file) {
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
    Ok(c)
}

impl Ctx {
    /// Builds the context for an admin command.
    pub fn new(args: &AdminArgs) -> Result<Self, CliError> {
        let client = Client::new(&client_config(args)?)?;
        Ok(Self {
            client,
            out: Output::new(args),
        })
    }
}
