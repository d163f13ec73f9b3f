//! The whole clap surface of `hyctl`: every command and flag, in one place.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};
use clap_complete::ArgValueCandidates;

/// Exit codes, shown in `hyctl --help` and the man page.
pub const EXIT_CODES: &str = "\
Exit status:
  0  success (also when stdout is closed early, as in `hyctl user list | head`)
  1  failure: central refused the request, or local validation failed
  2  usage error: bad arguments, missing --yes off a terminal, unusable config
  3  could not reach central: connection refused, DNS, TLS or timeout
  4  not found: the user, server or assignment does not exist
Daemons (`hyctl central`, `hyctl agent`): 0 clean stop, 70 runtime failure, 78 configuration error.";

/// Control plane for fleets of Hysteria 2 proxy nodes
#[derive(Debug, Parser)]
#[command(
    name = "hyctl",
    version,
    propagate_version = true,
    arg_required_else_help = true,
    after_help = EXIT_CODES,
    after_long_help = EXIT_CODES
)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Top-level commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Manage users: who may connect, with which secret
    User(UserCommand),
    /// Manage a user's devices: credentials of their own, blocked and limited one by one
    #[command(after_long_help = DEVICE_HELP)]
    Device(DeviceCommand),
    /// Manage servers (nodes) and which users may use them
    Server(ServerCommand),
    /// Manage API tokens for scripts and cron jobs, each with a role (owner only)
    #[command(after_long_help = TOKEN_HELP)]
    Token(TokenCommand),
    /// Show which credential hyctl uses and its role
    Whoami(WhoamiCommand),
    /// Show traffic per user, or per server
    #[command(after_long_help = TRAFFIC_HELP)]
    Traffic(TrafficCommand),
    /// Show who the nodes admitted or refused, from where, and why
    Log(LogCommand),
    /// Show the changes made through the admin API: who, when, from where, before and after
    Audit(AuditCommand),
    /// Print the fleet's events (user limited, expired, changed; devices blocked...), and with
    /// --follow keep printing them as they happen
    Events(EventsCommand),
    /// Show who is connected now, per node, user and device
    Session(SessionCommand),
    /// Send events to a URL as signed POSTs (admin)
    #[command(after_long_help = WEBHOOK_HELP)]
    Webhook(WebhookCommand),
    /// Save central's URL and token to the config file, after checking them; or sign in as an
    /// admin account (--user)
    Login(LoginCommand),
    /// End the saved admin sign-in (`hyctl login --user`) on central and forget it here
    Logout(WhoamiCommand),
    /// Manage admin accounts: sign-in names, passwords, TOTP and roles (owner only)
    Admin(AdminCommand),
    /// Show or change hyctl's config file
    Config(ConfigCommand),
    /// Print this client's version and central's
    Version(VersionCommand),
    /// Print a shell completion script
    #[command(after_long_help = COMPLETIONS_HELP)]
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
    /// Run the central daemon, or manage its database offline
    #[command(args_conflicts_with_subcommands = true)]
    Central(CentralCommand),
    /// Run the node agent beside a Hysteria server
    #[command(after_long_help = AGENT_HELP)]
    Agent(Box<hy_hysteria::AgentArgs>),
    /// Run the media node beside a media server (Flussonic, MediaMTX and SRS so far)
    #[command(after_long_help = STREAM_HELP)]
    Stream(Box<hy_stream::StreamArgs>),
}

const TRAFFIC_HELP: &str = "\
Examples:
  hyctl traffic                 every user's lifetime upload and download, over all servers
  hyctl traffic alice           one user
  hyctl traffic --by server     totals per server
  hyctl traffic alice --by server
  hyctl traffic --json          {\"alice\":{\"tx\":123,\"rx\":456}}: raw bytes, tx = upload
  hyctl traffic alice --since 7d --by day     history: one line per UTC day
  hyctl traffic --since 24h --by hour --csv   history of everyone, as CSV
  hyctl traffic alice --since 30d --by server history grouped by server over the range

History is kept in hourly buckets for `hyctl central --history-days` (default 90) days.";

const COMPLETIONS_HELP: &str = "\
Install, for example:
  bash:  hyctl completions bash > ~/.local/share/bash-completion/completions/hyctl
  zsh:   hyctl completions zsh > \"${fpath[1]}/_hyctl\"
  fish:  hyctl completions fish > ~/.config/fish/completions/hyctl.fish
The same scripts are shipped in the repository's completions/ directory.

Live completion of user ids and server names from central (uses HYCTL_CENTRAL, HYCTL_TOKEN
and the config file; regenerate on upgrade):
  bash:  echo 'source <(COMPLETE=bash hyctl)' >> ~/.bashrc
  zsh:   echo 'source <(COMPLETE=zsh hyctl)' >> ~/.zshrc
  fish:  echo 'COMPLETE=fish hyctl | source' >> ~/.config/fish/config.fish";

const AGENT_HELP: &str = "\
The agent answers Hysteria's HTTP auth at http://<--listen>/ (and /<--auth-path>), from a user
list it keeps current by long-polling central and saves in --state-dir, so a restart while central
is down still admits the right users. It must be the only poller of its Hysteria's /traffic API.

Example:
  hyctl agent --server-id \"$SERVER_ID\" --central https://central.example:9090 \\
      --secret \"$HYSTERIA_API_SECRET\" --state-dir /var/lib/hyctl-agent

Every flag can also be set by the environment variable shown with it.";

const STREAM_HELP: &str = "\
The media node answers the media server's auth calls from the same kind of list as the agent
(the server must be a `stream` server: hyctl server add --kind stream). A player's token is a
device secret: its status, validity window, addresses, allowed streams and session limit
apply, then its user's state, quota and expiry. Flussonic's auth_backend is served at
http://<--listen>/flussonic and at the seed system's /auth, MediaMTX's authHTTPAddress at
/mediamtx, SRS's http_hooks at /srs and nginx-rtmp's on_play/on_publish/on_update/on_*_done
at /nginx-rtmp (each also under /<--path-prefix>/).

Example (Flussonic: auth_backend myauth { backend http://127.0.0.1:8081/flussonic; }):
  hyctl stream --server-id \"$SERVER_ID\" --central https://central.example:9090 \\
      --state-dir /var/lib/hyctl-stream

Every flag can also be set by the environment variable shown with it.";

/// How to reach central and how to print; accepted by every admin command, before or after
/// its arguments.
#[derive(Debug, Clone, clap::Args)]
pub struct AdminArgs {
    /// Central's URL [default: from the config file, else http://127.0.0.1:9090]
    #[arg(long, global = true, env = "HYCTL_CENTRAL", value_name = "URL")]
    pub central: Option<String>,

    /// Admin token [default: from the config file, else central's token file]
    #[arg(long, global = true, env = "HYCTL_TOKEN", hide_env_values = true)]
    pub token: Option<hy_api::Secret>,

    /// Read the admin token from this file (as central writes it: <db>.admin-token)
    #[arg(long, global = true, env = "HYCTL_TOKEN_FILE", value_name = "PATH", value_hint = clap::ValueHint::FilePath)]
    pub token_file: Option<PathBuf>,

    /// PEM CA certificate(s) to trust for an HTTPS central with a private CA
    #[arg(long, global = true, env = "HYCTL_CA_FILE", value_name = "PATH", value_hint = clap::ValueHint::FilePath)]
    pub ca_file: Option<PathBuf>,

    /// Give up on a request after this long
    #[arg(long, global = true, env = "HYCTL_TIMEOUT", default_value = "30s", value_parser = hy_node::config::parse_interval)]
    pub timeout: Duration,

    /// Print JSON (raw integers, RFC 3339 times) and nothing else on stdout
    #[arg(long, global = true, conflicts_with = "quiet")]
    pub json: bool,

    /// Print only ids, one per line
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// When to use colour and terminal line drawing
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

const DEVICE_HELP: &str = "\
A device is a credential of a user beside their own secret (the `default` device): its own
secret, status, validity window, addresses and session limit, and its own traffic. Nodes admit
it as USER:NAME while both it and its user may connect; blocking it refuses and disconnects it
on every node within about a second and leaves the user's other devices alone. Its traffic counts
towards its user's quota and history.

Examples:
  hyctl device add alice phone                 # prints the phone's secret
  hyctl device add alice tv --max-sessions 1 --valid-until 2027-01-01
  hyctl device block alice phone               # alice's other devices keep working
  hyctl device list alice
  hyctl device unblock alice phone";

const TOKEN_HELP: &str = "\
Roles: viewer (reads everything, changes nothing), operator (also users, their devices and
subscriptions), admin (also servers and assignments), owner (also API tokens and admins; the
admin token central wrote on first start is an owner). The server enforces them: a viewer's
POST gets 403. A token is printed once; central keeps only its SHA-256. Revoking takes effect
on every central within 2 seconds.

Examples:
  hyctl token create --name backup-job --role viewer --expires 90d
  hyctl token list
  hyctl token revoke backup-job
  HYCTL_TOKEN=hyt_... hyctl traffic --json       # a script using it";

/// `hyctl token ...`
#[derive(Debug, clap::Args)]
pub struct TokenCommand {
    /// Connection and output options.
    #[command(flatten)]
    pub admin: AdminArgs,
    /// What to do.
    #[command(subcommand)]
    pub action: TokenAction,
}

/// `hyctl admin ...`
#[derive(Debug, clap::Args)]
pub struct AdminCommand {
    /// Connection and output options.
    #[command(flatten)]
    pub admin: AdminArgs,
    /// What to do.
    #[command(subcommand)]
    pub action: AdminAction,
}

/// Admin account commands. Passwords come from the terminal (not echoed) or the first line
/// of stdin, never from the command line.
#[derive(Debug, Subcommand)]
pub enum AdminAction {
    /// Add an admin account
    Add {
        /// Sign-in name (the rules of user ids)
        name: String,
        /// What it may do
        #[arg(long, value_enum)]
        role: RoleArg,
    },
    /// List admin accounts: role, TOTP, last sign-in, open sessions
    #[command(visible_alias = "ls")]
    List,
    /// Change an account's role
    SetRole {
        /// Sign-in name
        name: String,
        /// The new role
        #[arg(value_enum)]
        role: RoleArg,
    },
    /// Set an account's password (ends its sessions)
    Passwd {
        /// Sign-in name
        name: String,
    },
    /// Turn TOTP on (prints the seed and an otpauth:// link) or off (--off)
    Totp {
        /// Sign-in name
        name: String,
        /// Turn it off
        #[arg(long)]
        off: bool,
        /// Also draw the link as a QR code
        #[arg(long)]
        qr: bool,
    },
    /// End every session of an account on every central
    Revoke {
        /// Sign-in name
        name: String,
    },
    /// Remove an account
    #[command(visible_alias = "rm")]
    Remove {
        /// Sign-in name
        name: String,
        /// Do not ask for confirmation
        #[arg(short, long)]
        yes: bool,
    },
}

/// `hyctl whoami`
#[derive(Debug, clap::Args)]
pub struct WhoamiCommand {
    /// Connection and output options.
    #[command(flatten)]
    pub admin: AdminArgs,
}

/// API token commands.
#[derive(Debug, Subcommand)]
pub enum TokenAction {
    /// Create a token; prints it (this once)
    Create {
        /// What it is for: 1 to 64 of `A-Z a-z 0-9 . _ -`
        #[arg(long)]
        name: String,
        /// What it may do
        #[arg(long, value_enum)]
        role: RoleArg,
        /// How long it works, in days (`90d`, `52w` or a number of days); default until revoked
        #[arg(long, value_name = "DURATION", value_parser = parse_days)]
        expires: Option<u32>,
    },
    /// List tokens with their role, expiry and last use
    #[command(visible_alias = "ls")]
    List,
    /// Revoke a token: refused on every central within 2 seconds
    Revoke {
        /// Token name
        name: String,
    },
}

/// Roles on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    /// Reads everything, changes nothing.
    Viewer,
    /// Also users, devices and subscriptions.
    Operator,
    /// Also servers and assignments.
    Admin,
    /// Also tokens and admins.
    Owner,
}

/// Whole days: `90d`, `12w`, or a bare number of days; 1 to 3650.
fn parse_days(s: &str) -> Result<u32, String> {
    let secs = match s.parse::<u64>() {
        Ok(days) => days.saturating_mul(86_400),
        Err(_) => crate::units::duration_secs(s)?,
    };
    if secs % 86_400 != 0 || !(1..=3650).contains(&(secs / 86_400)) {
        return Err(format!("{s:?}: give whole days from 1d to 3650d, e.g. 90d"));
    }
    Ok((secs / 86_400) as u32)
}

/// `hyctl device ...`
#[derive(Debug, clap::Args)]
pub struct DeviceCommand {
    /// Connection and output options.
    #[command(flatten)]
    pub admin: AdminArgs,
    /// What to do.
    #[command(subcommand)]
    pub action: DeviceAction,
}

/// A device's limits, for `device add` and `device update`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DeviceLimitArgs {
    /// Not admitted before this date (2027-01-01, UTC) or RFC 3339 time; never removes it
    #[arg(long, value_name = "DATE", value_parser = parse_expiry)]
    pub valid_from: Option<Expiry>,
    /// Not admitted from this date on; never removes it
    #[arg(long, value_name = "DATE", value_parser = parse_expiry)]
    pub valid_until: Option<Expiry>,
    /// Admit it only from this address or CIDR, besides the user's own list (repeat); `any` lifts it
    #[arg(long = "allow-ip", value_name = "CIDR")]
    pub allow_ip: Vec<String>,
    /// Most concurrent sessions of this device on one node; 0 for no limit of its own
    #[arg(long, value_name = "N")]
    pub max_sessions: Option<u32>,
    /// Media nodes let it play only this stream, or `prefix*` streams (repeat, or separate
    /// with commas: --streams 'news,sport*' as in the seed's tools); `*` lifts it
    #[arg(
        long = "allow-stream",
        visible_alias = "streams",
        value_name = "NAME",
        value_delimiter = ','
    )]
    pub allow_stream: Vec<String>,
    /// It may publish streams to media nodes, not only play them
    #[arg(long, conflicts_with = "no_publisher")]
    pub publisher: bool,
    /// It may only play (the default)
    #[arg(long)]
    pub no_publisher: bool,
    /// A note for admins
    #[arg(long)]
    pub note: Option<String>,
}

/// Device commands.
#[derive(Debug, Subcommand)]
pub enum DeviceAction {
    /// Add a device to a user; prints its secret (what that client sends as `auth`)
    Add {
        /// User id
        #[arg(add = ArgValueCandidates::new(crate::complete::users))]
        user: String,
        /// Device name: 1 to 32 of `A-Z a-z 0-9 . _ -`, not `default`
        name: String,
        /// Use this secret instead of a generated one
        #[arg(long)]
        secret: Option<String>,
        /// Add it blocked
        #[arg(long)]
        blocked: bool,
        /// Limits.
        #[command(flatten)]
        limits: DeviceLimitArgs,
    },
    /// List a user's devices with their state, last use and traffic
    #[command(visible_alias = "ls")]
    List {
        /// User id
        #[arg(add = ArgValueCandidates::new(crate::complete::users))]
        user: String,
        /// Show secrets in full instead of a short prefix
        #[arg(long)]
        show_secrets: bool,
    },
    /// Show one device
    Show {
        /// User id
        #[arg(add = ArgValueCandidates::new(crate::complete::users))]
        user: String,
        /// Device name
        name: String,
        /// Show the secret in full
        #[arg(long)]
        show_secret: bool,
    },
    /// Change a device's limits or secret (only what is given changes)
    Update {
        /// User id
        #[arg(add = ArgValueCandidates::new(crate::complete::users))]
        user: String,
        /// Device name
        name: String,
        /// Set this secret (its clients with the old one are refused and disconnected)
        #[arg(long)]
        secret: Option<String>,
        /// Limits.
        #[command(flatten)]
        limits: DeviceLimitArgs,
    },
    /// Block a device: refused and disconnected on every node within about a second
    Block {
        /// User id
        #[arg(add = ArgValueCandidates::new(crate::complete::users))]
        user: String,
        /// Device name
        name: String,
    },
    /// Let a blocked device connect again
    Unblock {
        /// User id
        #[arg(add = ArgValueCandidates::new(crate::complete::users))]
        user: String,
        /// Device name
        name: String,
    },
    /// Replace a device's secret with a generated one; prints it
    RotateSecret {
        /// User id
        #[arg(add = ArgValueCandidates::new(crate::complete::users))]
        user: String,
        /// Device name
        name: String,
        /// Do not ask for confirmation
        #[arg(short, long)]
        yes: bool,
    },
    /// Remove a device (its traffic stays in its user's)
    #[command(visible_alias = "rm")]
    Remove {
        /// User id
        #[arg(add = ArgValueCandidates::new(crate::complete::users))]
        user: String,
        /// Device name
        name: String,
        /// Do not ask for confirmation
        #[arg(short, long)]
        yes: bool,
    },
}

/// `hyctl user ...`
#[derive(Debug, clap::Args)]
pub struct UserCommand {
    /// Connection and output options.
    #[command(flatten)]
    pub admin: AdminArgs,
    /// What to do.
    #[command(subcommand)]
    pub action: UserAction,
}

/// User commands.
#[derive(Debug, Subcommand)]
pub enum UserAction {
    /// Create a user; prints its secret (what its Hysteria clients send as `auth`)
    #[command(after_long_help = LIMITS_HELP)]
    Add {
        /// User id: 1 to 64 of `A-Z a-z 0-9 . _ - @`, starting with a letter or digit
        id: String,
        /// Use this secret instead of a generated one (8 to 256 printable characters, no `+`)
        #[arg(long)]
        secret: Option<String>,
        /// Create the user switched off
        #[arg(long)]
        disabled: bool,
        /// Limits and settings.
        #[command(flatten)]
        limits: LimitArgs,
        /// Succeed without change if the user already exists
        #[arg(long)]
        if_not_exists: bool,
    },
    /// List users with their state, usage against limit and expiry
    #[command(visible_alias = "ls")]
    ///
    /// Fetched from central 1,000 at a time; with --json or -q the output streams page by page
    /// (a table needs every row to size its columns).
    List {
        /// Only users in this state
        #[arg(long, value_enum)]
        state: Option<StateArg>,
        /// Only users whose id, note, email, display name or Telegram id contains this text (ignoring case)
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        /// Show secrets in full instead of a short prefix
        #[arg(long)]
        show_secrets: bool,
    },
    /// Show one user
    Show {
        /// User id
        #[arg(add = ArgValueCandidates::new(crate::complete::users))]
        id: String,
        /// Show the secret in full
        #[arg(long)]
        show_secret: bool,
    },
    /// Change a user's secret, limits or settings (only what is given changes)
    #[command(after_long_help = LIMITS_HELP)]
    Update {
        /// User id
        #[arg(add = ArgValueCandidates::new(crate::complete::users))]
        id: String,
        /// Set this secret (clients using the old one are refused and disconnected)
        #[arg(long)]
        secret: Option<String>,
        /// Limits and settings.
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Switch users off: refused and disconnected on every node within about a second
    Disable {
        /// User ids; `-` reads them from stdin, one per line
        #[arg(required = true, add = ArgValueCandidates::new(crate::complete::users))]
        ids: Vec<String>,
    },
    /// Switch users back on
    Enable {
        /// User ids; `-` reads them from stdin, one per line
        #[arg(required = true, add = ArgValueCandidates::new(crate::complete::users))]
        ids: Vec<String>,
    },
    /// Start a new usage period now (a limited user becomes active; lifetime traffic stays)
    ResetTraffic {
        /// User ids; `-` reads them from stdin, one per line
        #[arg(required = true, add = ArgValueCandidates::new(crate::complete::users))]
        ids: Vec<String>,
    },
    /// Replace a user's secret with a generated one; prints it
    RotateSecret {
        /// User id
        #[arg(add = ArgValueCandidates::new(crate::complete::users))]
        id: String,
        /// Do not ask for confirmation
        #[arg(short, long)]
        yes: bool,
    },
    /// Delete users, with their assignments and traffic
    #[command(visible_alias = "rm")]
    Delete {
        /// User ids; `-` reads them from stdin, one per line
        #[arg(required = true, add = ArgValueCandidates::new(crate::complete::users))]
        ids: Vec<String>,
        /// Succeed for users that do not exist
        #[arg(long)]
        if_exists: bool,
        /// Do not ask for confirmation
        #[arg(short, long)]
        yes: bool,
    },
    /// Print a user's subscription link (issued on first use): one URL their client app
    /// refreshes, in the format it reads
    #[command(after_long_help = SUB_HELP)]
    Sub {
        /// User id
        #[arg(add = ArgValueCandidates::new(crate::complete::users))]
        id: String,
        /// Also draw it as a QR code (for phones)
        #[arg(long)]
        qr: bool,
        /// Issue a new link; the old one stops working at once (the secret is untouched)
        #[arg(long, conflicts_with = "revoke")]
        rotate: bool,
        /// Revoke the link; none is issued again until --rotate
        #[arg(long)]
        revoke: bool,
        /// Print the link for this client format instead: uri, base64, hysteria, sing-box, clash
        #[arg(long, value_name = "FORMAT")]
        format: Option<String>,
    },
    /// Print a user's hysteria2:// share links, one per server with a public host
    Uri {
        /// User id
        #[arg(add = ArgValueCandidates::new(crate::complete::users))]
        id: String,
        /// Only the link for this server (id or name)
        #[arg(long, add = ArgValueCandidates::new(crate::complete::servers))]
        server: Option<String>,
        /// Also draw each link as a QR code (for phones)
        #[arg(long)]
        qr: bool,
    },
    /// Create many users from a CSV (`id[,secret]`) or JSON lines (`{"id":..,"secret":..}`) file
    #[command(after_long_help = IMPORT_HELP)]
    Import {
        /// The file; `-` reads stdin
        file: PathBuf,
        /// File format [default: JSON lines if the first record starts with `{`, else CSV]
        #[arg(long, value_enum)]
        format: Option<ImportFormat>,
        /// Skip users that already exist instead of stopping
        #[arg(long)]
        skip_existing: bool,
        /// Users per request
        #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u16).range(1..=5000))]
        batch_size: u16,
    },
}

const IMPORT_HELP: &str = "\
CSV: one user per line, `id` or `id,secret`; a first line `id,secret` is a header and skipped;
blank lines and lines starting with # are ignored. JSON lines: one object per line with `id` and
optionally `secret`. Users without a secret get a generated one: use --json to capture them.

Each batch is one transaction on central: a batch that fails (a taken id without
--skip-existing, a taken secret) creates nobody, and the import stops there; earlier batches
stay. Re-running with --skip-existing resumes.";

const SUB_HELP: &str = "\
The link is public (no admin token) and answers only for this user: clients fetch it and refresh
every 12 hours. It serves, by ?format= or the client's User-Agent: the hysteria2:// URI list
(base64 for v2rayN-style clients, the default; `uri` for plain), a Hysteria 2 client config
(`hysteria`, one server: add &server=NAME), a sing-box config (`sing-box`) and a Clash Meta /
mihomo profile (`clash`), with the usage, allowance and expiry headers clients show. A user who
may not connect gets a valid profile with no server. Set --public-url on central when clients
reach it by another address than the one hyctl uses.

Examples:
  hyctl user sub alice --qr
  hyctl user sub alice --format clash
  hyctl user sub alice --rotate";

const LIMITS_HELP: &str = "\
Sizes: 50GiB, 500MB, 1.5TB (KB/MB/GB/TB are powers of 1000; KiB/MiB/GiB/TiB and K/M/G/T of 1024);
0 or unlimited for no limit. Durations: 30d, 12h, 90m, 2w. Dates: 2027-01-01 (00:00 UTC) or
RFC 3339. All times are UTC.

The limit counts upload plus download, times each server's multiplier. Reset strategies: none
(a lifetime allowance), day (00:00 UTC), week (Mondays), month (the 1st), month_rolling (the day
of the month the user was created, clamped to short months), year (January 1st).

Examples:
  hyctl user add alice --limit 50GiB --reset month --expires 2027-01-01 --max-devices 3
  hyctl user add trial --limit 5GiB --expire-after 7d        # the 7 days start at first connection
  hyctl user update alice --allow-ip 203.0.113.0/24 --allow-ip 2001:db8::/32
  hyctl user update alice --expires never --allow-ip any
  hyctl user update alice --email alice@example.com --display-name 'Alice S.' --telegram-id 123456789
  hyctl user update alice --email none                       # removes it";

/// Limits and settings of `user add` and `user update`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct LimitArgs {
    /// Data allowed per period (upload + download), e.g. 50GiB; 0 or unlimited for no limit
    #[arg(long, value_name = "SIZE", value_parser = crate::units::size)]
    pub limit: Option<u64>,
    /// When usage resets: none, day, week, month, month_rolling, year
    #[arg(long, value_enum, value_name = "STRATEGY")]
    pub reset: Option<ResetArg>,
    /// Expiry: a date (2027-01-01, UTC), an RFC 3339 time, or never
    #[arg(long, value_name = "DATE", value_parser = parse_expiry)]
    pub expires: Option<Expiry>,
    /// Validity that starts at the first connection, e.g. 30d (on hold until then); never removes it
    #[arg(long, value_name = "DURATION", value_parser = parse_expire_after)]
    pub expire_after: Option<ExpireAfter>,
    /// Most concurrent devices (client instances); 0 for no limit
    #[arg(long, value_name = "N")]
    pub max_devices: Option<u32>,
    /// Allow clients only from this address or CIDR (repeat for several); `any` lifts the limit
    #[arg(long = "allow-ip", value_name = "CIDR")]
    pub allow_ip: Vec<String>,
    /// A note for admins
    #[arg(long)]
    pub note: Option<String>,
    /// Contact email; none (or '') removes it
    #[arg(long, value_name = "ADDRESS", value_parser = parse_clearable)]
    pub email: Option<Clearable<String>>,
    /// Name shown instead of the id; none (or '') removes it
    #[arg(long, value_name = "NAME", value_parser = parse_clearable)]
    pub display_name: Option<Clearable<String>>,
    /// Telegram user id (digits); none removes it
    #[arg(long, value_name = "ID", value_parser = parse_telegram_id)]
    pub telegram_id: Option<Clearable<i64>>,
}

/// A value, or `None` for "remove it" (`none` or '' on the command line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clearable<T>(pub Option<T>);

fn parse_clearable(s: &str) -> Result<Clearable<String>, String> {
    if s.is_empty() || s == "none" {
        return Ok(Clearable(None));
    }
    Ok(Clearable(Some(s.to_owned())))
}

fn parse_telegram_id(s: &str) -> Result<Clearable<i64>, String> {
    if s.is_empty() || s == "none" {
        return Ok(Clearable(None));
    }
    let id: i64 = s
        .parse()
        .map_err(|_| format!("{s:?} is not a Telegram id: use its digits, e.g. 123456789"))?;
    hy_api::validate::telegram_id(id)?;
    Ok(Clearable(Some(id)))
}

/// Share-link settings of a server.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct LinkArgs {
    /// Public host name or IP address clients connect to
    #[arg(long)]
    pub host: Option<String>,
    /// Port, or ports and ranges for port hopping (443,5000-6000) [default: 443]
    #[arg(long)]
    pub ports: Option<String>,
    /// TLS server name, if it differs from the host
    #[arg(long)]
    pub sni: Option<String>,
    /// Salamander obfuscation password
    #[arg(long)]
    pub obfs_password: Option<String>,
    /// Clients skip certificate verification (self-signed certificates)
    #[arg(long)]
    pub insecure: bool,
    /// SHA-256 of the server's certificate, hex (colons allowed)
    #[arg(long = "pin-sha256", value_name = "HEX")]
    pub pin_sha256: Option<String>,
}

/// A parsed `--expires`: `None` inside means never.
#[derive(Debug, Clone, Copy)]
pub struct Expiry(pub Option<jiff::Timestamp>);

fn parse_expiry(s: &str) -> Result<Expiry, String> {
    crate::units::expiry(s).map(Expiry)
}

/// A parsed `--expire-after` in seconds: `None` inside means never.
#[derive(Debug, Clone, Copy)]
pub struct ExpireAfter(pub Option<u64>);

fn parse_expire_after(s: &str) -> Result<ExpireAfter, String> {
    if s.trim().eq_ignore_ascii_case("never") {
        return Ok(ExpireAfter(None));
    }
    crate::units::duration_secs(s).map(|d| ExpireAfter(Some(d)))
}

/// Reset strategies on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ResetArg {
    /// Never.
    None,
    /// Daily, 00:00 UTC.
    Day,
    /// Mondays, 00:00 UTC.
    Week,
    /// The 1st of each month, 00:00 UTC.
    Month,
    /// Monthly on the user's creation day.
    #[value(name = "month_rolling", alias = "month-rolling")]
    MonthRolling,
    /// January 1st, 00:00 UTC.
    Year,
}

/// User states on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StateArg {
    /// May connect.
    Active,
    /// Switched off.
    Disabled,
    /// Past the expiry.
    Expired,
    /// Quota used up.
    Limited,
    /// Waiting for the first connection to start the expiry clock.
    #[value(name = "on_hold", alias = "on-hold")]
    OnHold,
}

/// Import file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// `id[,secret]` per line.
    Csv,
    /// `{"id":"alice","secret":"..."}` per line.
    Jsonl,
}

/// `hyctl server ...`
#[derive(Debug, clap::Args)]
pub struct ServerCommand {
    /// Connection and output options.
    #[command(flatten)]
    pub admin: AdminArgs,
    /// What to do.
    #[command(subcommand)]
    pub action: ServerAction,
}

/// Server commands. SERVER is a server's id or its name.
#[derive(Debug, Subcommand)]
pub enum ServerAction {
    /// Create a server; prints its generated id (the node's credential)
    Add {
        /// A human name (1 to 64 of `A-Z a-z 0-9 . _ -`)
        #[arg(long)]
        name: Option<String>,
        /// Traffic through this server counts this many times against quotas (0 to 100)
        #[arg(long, value_name = "FACTOR")]
        multiplier: Option<f64>,
        /// Register this existing id instead of generating one (for original-system nodes)
        #[arg(long)]
        id: Option<String>,
        /// What runs on it: hysteria (beside `hyctl agent`), stream, proxy or gateway
        #[arg(long, default_value = "hysteria", value_parser = kind_parser())]
        kind: hy_api::servers::ServerKind,
        /// How clients reach it, for share links.
        #[command(flatten)]
        link: LinkArgs,
    },
    /// List servers
    #[command(visible_alias = "ls")]
    List {
        /// Show server ids in full instead of a short prefix
        #[arg(long)]
        show_ids: bool,
    },
    /// Show one server
    Show {
        /// Server id or name
        #[arg(add = ArgValueCandidates::new(crate::complete::servers))]
        server: String,
    },
    /// Rename a server, or remove its name
    Rename {
        /// Server id or name
        #[arg(add = ArgValueCandidates::new(crate::complete::servers))]
        server: String,
        /// The new name
        #[arg(required_unless_present = "clear", conflicts_with = "clear")]
        name: Option<String>,
        /// Remove the name
        #[arg(long)]
        clear: bool,
    },
    /// Set how clients reach a server (used by `hyctl user uri`); replaces the previous settings
    Link {
        /// Server id or name
        #[arg(add = ArgValueCandidates::new(crate::complete::servers))]
        server: String,
        /// The settings.
        #[command(flatten)]
        link: LinkArgs,
        /// Remove all link settings
        #[arg(long, conflicts_with_all = ["host", "ports", "sni", "obfs_password", "insecure", "pin_sha256"])]
        clear: bool,
    },
    /// Print everything to bring up a node: agent env file, systemd unit, Hysteria config
    #[command(after_long_help = BOOTSTRAP_HELP)]
    Bootstrap {
        /// Server id or name
        #[arg(add = ArgValueCandidates::new(crate::complete::servers))]
        server: String,
        /// Central's URL as the node reaches it [default: the URL hyctl uses]
        #[arg(long, value_name = "URL")]
        central_url: Option<String>,
        /// Where Hysteria's trafficStats API listens on the node
        #[arg(long, default_value = "127.0.0.1:9999")]
        stats_listen: String,
        /// Where the agent listens for Hysteria's auth calls on the node
        #[arg(long, default_value = "127.0.0.1:8080")]
        agent_listen: String,
        /// Where a media node (`stream` server) listens for the media server's calls
        #[arg(long, default_value = "127.0.0.1:8081")]
        stream_listen: String,
    },
    /// Change how much a server's traffic counts against quotas (from now on)
    SetMultiplier {
        /// Server id or name
        #[arg(add = ArgValueCandidates::new(crate::complete::servers))]
        server: String,
        /// The factor: 1.5 makes 1 GiB count as 1.5 GiB; 0 makes traffic free
        factor: f64,
    },
    /// Delete a server; its agent is refused from then on
    #[command(visible_alias = "rm")]
    Delete {
        /// Server id or name
        #[arg(add = ArgValueCandidates::new(crate::complete::servers))]
        server: String,
        /// Succeed if the server does not exist
        #[arg(long)]
        if_exists: bool,
        /// Do not ask for confirmation
        #[arg(short, long)]
        yes: bool,
    },
    /// Allow users on a server (already assigned users are fine); an id central has never seen
    /// is registered as a new hysteria server, as the original API does
    #[command(after_long_help = ASSIGN_HELP)]
    Assign {
        /// Server id or name
        #[arg(add = ArgValueCandidates::new(crate::complete::servers))]
        server: String,
        /// User ids; `-` reads them from stdin, one per line
        #[arg(required = true, add = ArgValueCandidates::new(crate::complete::users))]
        users: Vec<String>,
    },
    /// Remove users from a server; its agent refuses and disconnects them within a second
    Unassign {
        /// Server id or name
        #[arg(add = ArgValueCandidates::new(crate::complete::servers))]
        server: String,
        /// User ids; `-` reads them from stdin, one per line
        #[arg(required = true, add = ArgValueCandidates::new(crate::complete::users))]
        users: Vec<String>,
        /// Succeed for users that are not assigned
        #[arg(long)]
        if_exists: bool,
    },
    /// List the users assigned to a server
    Users {
        /// Server id or name
        #[arg(add = ArgValueCandidates::new(crate::complete::servers))]
        server: String,
    },
}

const ASSIGN_HELP: &str = "\
SERVER is a server's id or name. An argument that names no server, is a valid server id
(8 to 128 of `A-Z a-z 0-9 _ -`) and is not a near miss of an existing name registers that id
as a new `hysteria` server and says so on stderr, so nodes that already run with their own
ids (a migration from the original system) can be assigned users at once.
Ids from stdin (`-`) are sent in batches of 10,000, with a progress bar on a terminal.

Examples:
  hyctl server assign edge-1 alice bob
  hyctl user list -q --state active | hyctl server assign edge-1 -";

/// Parses `--kind`, offering every kind to completion and `--help`.
fn kind_parser() -> impl clap::builder::TypedValueParser<Value = hy_api::servers::ServerKind> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(
        hy_api::servers::ServerKind::ALL.map(hy_api::servers::ServerKind::as_str),
    )
    .try_map(|s| s.parse::<hy_api::servers::ServerKind>())
}

/// `hyctl traffic [USER] [--by ...] [--since ...] [--csv]`
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct TrafficCommand {
    /// Connection and output options.
    #[command(flatten)]
    pub admin: AdminArgs,
    /// Export instead of show.
    #[command(subcommand)]
    pub action: Option<TrafficAction>,
    /// Only this user
    #[arg(add = ArgValueCandidates::new(crate::complete::users))]
    pub user: Option<String>,
    /// Group by user (lifetime totals, the default), server, or over time by hour or day
    #[arg(long, value_enum)]
    pub by: Option<TrafficBy>,
    /// Show history from this long ago (7d, 12h) or this date (2027-01-01): per day unless --by
    #[arg(long, value_name = "WHEN", value_parser = parse_since)]
    pub since: Option<jiff::Timestamp>,
    /// Print CSV (with a header line) instead of a table
    #[arg(long, conflicts_with_all = ["json", "quiet"])]
    pub csv: bool,
}

fn parse_since(s: &str) -> Result<jiff::Timestamp, String> {
    if let Ok(secs) = crate::units::duration_secs(s) {
        return Ok(jiff::Timestamp::now() - jiff::SignedDuration::from_secs(secs as i64));
    }
    match crate::units::expiry(s) {
        Ok(Some(t)) => Ok(t),
        _ => Err(format!(
            "invalid --since {s:?}: use a duration (7d, 12h) or a date (2027-01-01)"
        )),
    }
}

/// `hyctl traffic export`.
#[derive(Debug, Subcommand)]
pub enum TrafficAction {
    /// Stream every hourly bucket of a range, per server and user, as CSV (or JSON), for
    /// billing and spreadsheets: hour,server_id,server_name,user,tx,rx
    Export {
        /// From this long ago (7d, 12h) or this date (2027-01-01)
        #[arg(long, value_name = "WHEN", default_value = "7d", value_parser = parse_since)]
        since: jiff::Timestamp,
        /// Until this long ago or this date [default: now]
        #[arg(long, value_name = "WHEN", value_parser = parse_since)]
        until: Option<jiff::Timestamp>,
        /// Only this user
        #[arg(long, add = ArgValueCandidates::new(crate::complete::users))]
        user: Option<String>,
    },
}

/// Traffic grouping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TrafficBy {
    /// Per user, summed over servers (lifetime).
    User,
    /// Per server.
    Server,
    /// Per UTC hour (history).
    Hour,
    /// Per UTC day (history).
    Day,
}

/// `hyctl log [--user U] [--refused] [--since WHEN]`
#[derive(Debug, clap::Args)]
pub struct LogCommand {
    /// Connection and output options.
    #[command(flatten)]
    pub admin: AdminArgs,
    /// Only this user
    #[arg(long, add = ArgValueCandidates::new(crate::complete::users))]
    pub user: Option<String>,
    /// Only refusals
    #[arg(long)]
    pub refused: bool,
    /// From this long ago (1h, 7d) or this date
    #[arg(long, value_name = "WHEN", default_value = "24h", value_parser = parse_since)]
    pub since: jiff::Timestamp,
    /// At most this many entries, newest first
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=10000))]
    pub limit: u32,
}

/// `hyctl session ...`
#[derive(Debug, clap::Args)]
pub struct SessionCommand {
    /// Connection and output options.
    #[command(flatten)]
    pub admin: AdminArgs,
    /// What to do.
    #[command(subcommand)]
    pub action: SessionAction,
}

/// Session commands.
#[derive(Debug, Subcommand)]
pub enum SessionAction {
    /// List who is connected: user, device, server, connections, when the node last said so
    /// (each node reports on every kick sweep, 10 s by default; counts older than 3 minutes are
    /// not shown). With --kind stream, one row per media session: stream, protocol, address,
    /// session time and bytes
    #[command(visible_alias = "ls")]
    List {
        /// Only this user (and their devices)
        #[arg(long, add = ArgValueCandidates::new(crate::complete::users))]
        user: Option<String>,
        /// Only this server (id or name)
        #[arg(long, add = ArgValueCandidates::new(crate::complete::servers))]
        server: Option<String>,
        /// Only servers of this kind: hysteria, stream, proxy, gateway
        #[arg(long, value_parser = kind_parser())]
        kind: Option<hy_api::servers::ServerKind>,
    },
    /// Close a user's connections on every node (or one device's), once, within about a
    /// second; the client may connect again (block the device or disable the user to keep it
    /// out)
    Kill {
        /// User id
        #[arg(add = ArgValueCandidates::new(crate::complete::users))]
        user: String,
        /// Only this device's connections
        #[arg(long)]
        device: Option<String>,
        /// Only this live media session (its id in `hyctl session list --kind stream`); the
        /// user's other sessions go on
        #[arg(long, conflicts_with = "device")]
        session: Option<String>,
    },
}

const WEBHOOK_HELP: &str = "\
Each event is POSTed as JSON, in order, and retried with backoff (up to 10 minutes apart) until
the receiver answers 2xx. Headers: X-Hyctl-Event (the type), X-Hyctl-Delivery (the event id,
the same on a retry), X-Hyctl-Timestamp (Unix seconds) and X-Hyctl-Signature:
sha256=<hex HMAC-SHA256(secret, \"<timestamp>.<body>\")>. Verify the signature and refuse
old timestamps. The secret is printed once, when the webhook is added.

Examples:
  hyctl webhook add https://billing.example/hyctl --events user.limited,user.expired
  hyctl webhook list
  hyctl webhook deliveries 1
  hyctl webhook remove 1";

/// `hyctl webhook ...`
#[derive(Debug, clap::Args)]
pub struct WebhookCommand {
    /// Connection and output options.
    #[command(flatten)]
    pub admin: AdminArgs,
    /// What to do.
    #[command(subcommand)]
    pub action: WebhookAction,
}

/// Webhook commands.
#[derive(Debug, Subcommand)]
pub enum WebhookAction {
    /// Add a webhook; prints its signing secret (this once)
    Add {
        /// Where to POST events (https:// or http://)
        url: String,
        /// Only these event types, comma-separated [default: all]
        #[arg(long, value_name = "TYPES", value_delimiter = ',')]
        events: Vec<String>,
    },
    /// List webhooks: URL, types, delivered through, failures in a row
    #[command(visible_alias = "ls")]
    List,
    /// Show a webhook's last deliveries
    Deliveries {
        /// Webhook id
        id: i64,
    },
    /// Remove a webhook
    #[command(visible_alias = "rm")]
    Remove {
        /// Webhook id
        id: i64,
    },
}

/// `hyctl events`
#[derive(Debug, clap::Args)]
pub struct EventsCommand {
    /// Connection and output options.
    #[command(flatten)]
    pub admin: AdminArgs,
    /// Keep printing events as they happen (until interrupted)
    #[arg(short, long)]
    pub follow: bool,
    /// Only these types, comma-separated, e.g. user.limited,user.expired
    #[arg(long, value_name = "TYPES")]
    pub types: Option<String>,
    /// Also the events from this long ago (1h, 7d) or this date [default: 1h, or none with --follow]
    #[arg(long, value_name = "WHEN", value_parser = parse_since)]
    pub since: Option<jiff::Timestamp>,
}

/// `hyctl audit`
#[derive(Debug, clap::Args)]
pub struct AuditCommand {
    /// Connection and output options.
    #[command(flatten)]
    pub admin: AdminArgs,
    /// Only changes to this user (their devices and subscription included)
    #[arg(long, add = ArgValueCandidates::new(crate::complete::users))]
    pub user: Option<String>,
    /// Only changes by this credential: admin-token or token:NAME
    #[arg(long)]
    pub actor: Option<String>,
    /// From this long ago (1h, 7d) or this date
    #[arg(long, value_name = "WHEN", default_value = "7d", value_parser = parse_since)]
    pub since: jiff::Timestamp,
    /// At most this many entries, newest first
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub limit: u32,
}

/// `hyctl login URL`
#[derive(Debug, clap::Args)]
pub struct LoginCommand {
    /// Connection and output options.
    #[command(flatten)]
    pub admin: AdminArgs,
    /// Central's URL, e.g. https://central.example:9090
    pub url: String,
    /// Sign in as this admin account instead of saving a token (password from the terminal,
    /// or the first line of stdin)
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// The account's current TOTP code, when it has TOTP (asked for on a terminal otherwise)
    #[arg(long, value_name = "CODE", requires = "user")]
    pub totp: Option<String>,
}

/// `hyctl config ...`
#[derive(Debug, clap::Args)]
pub struct ConfigCommand {
    /// Output options.
    #[command(flatten)]
    pub admin: AdminArgs,
    /// What to do.
    #[command(subcommand)]
    pub action: ConfigAction,
}

/// Config file commands.
#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Print the config file's settings (the token redacted)
    Show,
    /// Set one setting: central, token, token-file or ca-file
    Set {
        /// The setting
        #[arg(value_enum)]
        key: ConfigKey,
        /// Its value
        value: String,
    },
    /// Remove one setting
    Unset {
        /// The setting
        #[arg(value_enum)]
        key: ConfigKey,
    },
    /// Print the config file's path
    Path,
}

/// Settings of the config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConfigKey {
    /// Central's URL.
    Central,
    /// The admin token.
    Token,
    /// A file holding the admin token.
    TokenFile,
    /// A CA file for an HTTPS central.
    CaFile,
}

/// `hyctl version`
#[derive(Debug, clap::Args)]
pub struct VersionCommand {
    /// Connection and output options.
    #[command(flatten)]
    pub admin: AdminArgs,
}

/// `hyctl central [FLAGS]` runs the daemon; `hyctl central rotate-token` is offline upkeep.
#[derive(Debug, clap::Args)]
pub struct CentralCommand {
    /// Daemon flags.
    #[command(flatten)]
    pub run: hy_central::CentralArgs,
    /// Offline upkeep instead of running the daemon.
    #[command(subcommand)]
    pub action: Option<CentralAction>,
}

const BACKUP_HELP: &str = "\
The copy is one consistent snapshot, checked with PRAGMA integrity_check, and needs no -wal file.

Restore: stop central, move the damaged database and its -wal and -shm files aside, copy the
backup to the database path (mode 0600), start central. The admin token is in the database (as a
digest): the token file of the time of the backup keeps working.";

const MIGRATE_HELP: &str = "\
Copies everything: users, servers, assignments, list revisions, traffic totals, hourly history,
report cursors, usage resets, the auth log and the admin token (as its digest). The source is
read in one snapshot (a running central may keep writing; what it writes after is not copied:
stop it first for a final move), and the target is written in one transaction that commits
only after the counts of every table and the traffic sums of both sides were found equal. A
target that already holds users or servers is refused unless --force. The schema is created
(or upgraded) first. Node device counts are not copied: nodes send them again within a minute.

Example:
  hyctl central migrate --from /var/lib/hyctl/central.db --to postgres://hyctl@db.example/hyctl";

const BOOTSTRAP_HELP: &str = "\
Prints, for one node: /etc/hyctl/agent.env (its credentials, with a fresh random trafficStats
secret and auth path), the systemd unit of the agent, and the lines of Hysteria's server config
that point it at the agent (auth URL, trafficStats listen and secret, ACL rules keeping proxied
clients away from the node's loopback services). Each run generates new secrets: apply the env
file and the Hysteria config of the same run. --json gives the same as one object.";

/// Offline operations on central's database.
#[derive(Debug, Subcommand)]
pub enum CentralAction {
    /// Copy the database while central runs (SQLite online backup), then check the copy
    #[command(after_long_help = BACKUP_HELP)]
    Backup {
        /// Where to write the copy (must not exist; created with mode 0600)
        file: PathBuf,
        /// SQLite database file of central
        #[arg(long, env = "HYCTL_CENTRAL_DB", default_value = "central.db")]
        db: PathBuf,
    },
    /// Copy a SQLite installation into a PostgreSQL database, checked, in one transaction
    #[command(after_long_help = MIGRATE_HELP)]
    Migrate {
        /// Central's SQLite database file
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
        /// The PostgreSQL database: postgres://USER@HOST:PORT/DB (password from the URL,
        /// --password-file or PGPASSWORD)
        #[arg(long, value_name = "URL")]
        to: String,
        /// Read the PostgreSQL password from this file (its first line)
        #[arg(long, value_name = "FILE")]
        password_file: Option<PathBuf>,
        /// Replace what the PostgreSQL database already holds
        #[arg(long)]
        force: bool,
    },
    /// Replace the admin token: writes a new token file; running centrals switch within 5 s
    RotateToken {
        /// Central's database: a SQLite file (the token goes to `<db>.admin-token`) or a
        /// PostgreSQL URL (password from the URL or PGPASSWORD)
        #[arg(long, env = "HYCTL_CENTRAL_DB", default_value = "central.db")]
        db: PathBuf,
        /// Where to write the new token (mode 0600); default beside a SQLite --db, else
        /// `central.admin-token`
        #[arg(long, env = "HYCTL_CENTRAL_ADMIN_TOKEN_FILE", value_name = "FILE")]
        admin_token_file: Option<PathBuf>,
    },
}
