//! How a failed command is reported: the message, hints that name the fix, and the exit code.

use std::process::ExitCode;

use hy_api::ErrorCode;
use hy_api::client::ClientError;

/// Exit code: central refused the request, or local validation failed.
pub const FAILED: u8 = 1;
/// Exit code: usage error.
pub const USAGE: u8 = 2;
/// Exit code: central could not be reached.
pub const UNREACHABLE: u8 = 3;
/// Exit code: the thing named does not exist.
pub const NOT_FOUND: u8 = 4;

/// A command's failure.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Talking to central failed.
    #[error(transparent)]
    Client(#[from] ClientError),
    /// Bad arguments or configuration.
    #[error("{0}")]
    Usage(String),
    /// Local validation or another failure.
    #[error("{0}")]
    Failed(String),
    /// A named user or server does not exist.
    #[error("{0}")]
    NotFound(String),
    /// Reading input or writing output failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl CliError {
    /// True if stdout was closed by the reader (`hyctl user list | head`): not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Self::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Client(ClientError::Unreachable { .. }) => UNREACHABLE,
            Self::Client(ClientError::Config(_)) | Self::Usage(_) => USAGE,
            Self::Client(ClientError::Api { status: 404, .. }) | Self::NotFound(_) => NOT_FOUND,
            _ => FAILED,
        }
    }

    /// A stable machine-readable class, for `--json` error output.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Client(ClientError::Unreachable { .. }) => "unreachable",
            Self::Client(ClientError::Api { body, .. }) => match body.code {
                ErrorCode::BadRequest => "bad_request",
                ErrorCode::Unauthorized => "unauthorized",
                ErrorCode::Forbidden => "forbidden",
                ErrorCode::NotFound => "not_found",
                ErrorCode::MethodNotAllowed => "method_not_allowed",
                ErrorCode::Conflict => "conflict",
                ErrorCode::PayloadTooLarge => "payload_too_large",
                ErrorCode::TooManyRequests => "too_many_requests",
                ErrorCode::Unavailable => "unavailable",
                ErrorCode::Internal | ErrorCode::Unknown => "internal",
            },
            Self::Client(ClientError::Config(_)) | Self::Usage(_) => "usage",
            Self::NotFound(_) => "not_found",
            Self::Client(ClientError::Protocol { .. }) | Self::Failed(_) | Self::Io(_) => "failed",
        }
    }

    /// Lines telling the user how to fix it.
    pub fn hints(&self) -> Vec<String> {
        match self {
            Self::Client(ClientError::Unreachable { url, .. }) => vec![
                format!("is central running at {url}? `hyctl central` starts it"),
                "point hyctl elsewhere with --central URL, HYCTL_CENTRAL, or `hyctl login URL`".into(),
            ],
            Self::Client(ClientError::Api { status: 401, .. }) => vec![
                "pass the admin token with --token or HYCTL_TOKEN, save it with `hyctl login URL`,".into(),
                "or run hyctl where central's token file is readable (--token-file <db>.admin-token)".into(),
            ],
            _ => vec![],
        }
    }
}

/// Prints `err` to stderr (JSON in `--json` mode) and returns its exit code.
pub fn report(err: &CliError, json: bool) -> ExitCode {
    if err.is_broken_pipe() {
        return ExitCode::SUCCESS;
    }
    if json {
        let body = serde_json::json!({ "code": err.code(), "message": err.to_string(), "hints": err.hints() });
        eprintln!("{body}");
    } else {
        eprintln!("hyctl: error: {err}");
        for hint in err.hints() {
            eprintln!("hint: {hint}");
        }
    }
    ExitCode::from(err.exit_code())
}
