
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'hyctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'hyctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'hyctl' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Manage users: who may connect, with which secret')
            [CompletionResult]::new('device', 'device', [CompletionResultType]::ParameterValue, 'Manage a user''s devices: credentials of their own, blocked and limited one by one')
            [CompletionResult]::new('server', 'server', [CompletionResultType]::ParameterValue, 'Manage servers (nodes) and which users may use them')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Manage API tokens for scripts and cron jobs, each with a role (owner only)')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show which credential hyctl uses and its role')
            [CompletionResult]::new('traffic', 'traffic', [CompletionResultType]::ParameterValue, 'Show traffic per user, or per server')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show who the nodes admitted or refused, from where, and why')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Show the changes made through the admin API: who, when, from where, before and after')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'Print the fleet''s events (user limited, expired, changed; devices blocked...), and with --follow keep printing them as they happen')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'Show who is connected now, per node, user and device')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Send events to a URL as signed POSTs (admin)')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Save central''s URL and token to the config file, after checking them; or sign in as an admin account (--user)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End the saved admin sign-in (`hyctl login --user`) on central and forget it here')
            [CompletionResult]::new('admin', 'admin', [CompletionResultType]::ParameterValue, 'Manage admin accounts: sign-in names, passwords, TOTP and roles (owner only)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or change hyctl''s config file')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print this client''s version and central''s')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('central', 'central', [CompletionResultType]::ParameterValue, 'Run the central daemon, or manage its database offline')
            [CompletionResult]::new('agent', 'agent', [CompletionResultType]::ParameterValue, 'Run the node agent beside a Hysteria server')
            [CompletionResult]::new('stream', 'stream', [CompletionResultType]::ParameterValue, 'Run the media node beside a media server (Flussonic, MediaMTX and SRS so far)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;user' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Create a user; prints its secret (what its Hysteria clients send as `auth`)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users with their state, usage against limit and expiry')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List users with their state, usage against limit and expiry')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one user')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a user''s secret, limits or settings (only what is given changes)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Switch users off: refused and disconnected on every node within about a second')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Switch users back on')
            [CompletionResult]::new('reset-traffic', 'reset-traffic', [CompletionResultType]::ParameterValue, 'Start a new usage period now (a limited user becomes active; lifetime traffic stays)')
            [CompletionResult]::new('rotate-secret', 'rotate-secret', [CompletionResultType]::ParameterValue, 'Replace a user''s secret with a generated one; prints it')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete users, with their assignments and traffic')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete users, with their assignments and traffic')
            [CompletionResult]::new('sub', 'sub', [CompletionResultType]::ParameterValue, 'Print a user''s subscription link (issued on first use): one URL their client app refreshes, in the format it reads')
            [CompletionResult]::new('uri', 'uri', [CompletionResultType]::ParameterValue, 'Print a user''s hysteria2:// share links, one per server with a public host')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create many users from a CSV (`id[,secret]`) or JSON lines (`{"id":..,"secret":..}`) file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;user;add' {
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Use this secret instead of a generated one (8 to 256 printable characters, no `+`)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Data allowed per period (upload + download), e.g. 50GiB; 0 or unlimited for no limit')
            [CompletionResult]::new('--reset', '--reset', [CompletionResultType]::ParameterName, 'When usage resets: none, day, week, month, month_rolling, year')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'Expiry: a date (2027-01-01, UTC), an RFC 3339 time, or never')
            [CompletionResult]::new('--expire-after', '--expire-after', [CompletionResultType]::ParameterName, 'Validity that starts at the first connection, e.g. 30d (on hold until then); never removes it')
            [CompletionResult]::new('--max-devices', '--max-devices', [CompletionResultType]::ParameterName, 'Most concurrent devices (client instances); 0 for no limit')
            [CompletionResult]::new('--allow-ip', '--allow-ip', [CompletionResultType]::ParameterName, 'Allow clients only from this address or CIDR (repeat for several); `any` lifts the limit')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note for admins')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Contact email; none (or '''') removes it')
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'Name shown instead of the id; none (or '''') removes it')
            [CompletionResult]::new('--telegram-id', '--telegram-id', [CompletionResultType]::ParameterName, 'Telegram user id (digits); none removes it')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--disabled', '--disabled', [CompletionResultType]::ParameterName, 'Create the user switched off')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'Succeed without change if the user already exists')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;user;list' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only users in this state')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only users whose id, note, email, display name or Telegram id contains this text (ignoring case)')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets in full instead of a short prefix')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;user;ls' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only users in this state')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only users whose id, note, email, display name or Telegram id contains this text (ignoring case)')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets in full instead of a short prefix')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;user;show' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--show-secret', '--show-secret', [CompletionResultType]::ParameterName, 'Show the secret in full')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;user;update' {
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Set this secret (clients using the old one are refused and disconnected)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Data allowed per period (upload + download), e.g. 50GiB; 0 or unlimited for no limit')
            [CompletionResult]::new('--reset', '--reset', [CompletionResultType]::ParameterName, 'When usage resets: none, day, week, month, month_rolling, year')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'Expiry: a date (2027-01-01, UTC), an RFC 3339 time, or never')
            [CompletionResult]::new('--expire-after', '--expire-after', [CompletionResultType]::ParameterName, 'Validity that starts at the first connection, e.g. 30d (on hold until then); never removes it')
            [CompletionResult]::new('--max-devices', '--max-devices', [CompletionResultType]::ParameterName, 'Most concurrent devices (client instances); 0 for no limit')
            [CompletionResult]::new('--allow-ip', '--allow-ip', [CompletionResultType]::ParameterName, 'Allow clients only from this address or CIDR (repeat for several); `any` lifts the limit')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note for admins')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Contact email; none (or '''') removes it')
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'Name shown instead of the id; none (or '''') removes it')
            [CompletionResult]::new('--telegram-id', '--telegram-id', [CompletionResultType]::ParameterName, 'Telegram user id (digits); none removes it')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;user;disable' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;user;enable' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;user;reset-traffic' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;user;rotate-secret' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;user;delete' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--if-exists', '--if-exists', [CompletionResultType]::ParameterName, 'Succeed for users that do not exist')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;user;rm' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--if-exists', '--if-exists', [CompletionResultType]::ParameterName, 'Succeed for users that do not exist')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;user;sub' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Print the link for this client format instead: uri, base64, hysteria, sing-box, clash')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--qr', '--qr', [CompletionResultType]::ParameterName, 'Also draw it as a QR code (for phones)')
            [CompletionResult]::new('--rotate', '--rotate', [CompletionResultType]::ParameterName, 'Issue a new link; the old one stops working at once (the secret is untouched)')
            [CompletionResult]::new('--revoke', '--revoke', [CompletionResultType]::ParameterName, 'Revoke the link; none is issued again until --rotate')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;user;uri' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Only the link for this server (id or name)')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--qr', '--qr', [CompletionResultType]::ParameterName, 'Also draw each link as a QR code (for phones)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;user;import' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'File format [default: JSON lines if the first record starts with `{`, else CSV]')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Users per request')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--skip-existing', '--skip-existing', [CompletionResultType]::ParameterName, 'Skip users that already exist instead of stopping')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;user;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Create a user; prints its secret (what its Hysteria clients send as `auth`)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users with their state, usage against limit and expiry')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one user')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a user''s secret, limits or settings (only what is given changes)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Switch users off: refused and disconnected on every node within about a second')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Switch users back on')
            [CompletionResult]::new('reset-traffic', 'reset-traffic', [CompletionResultType]::ParameterValue, 'Start a new usage period now (a limited user becomes active; lifetime traffic stays)')
            [CompletionResult]::new('rotate-secret', 'rotate-secret', [CompletionResultType]::ParameterValue, 'Replace a user''s secret with a generated one; prints it')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete users, with their assignments and traffic')
            [CompletionResult]::new('sub', 'sub', [CompletionResultType]::ParameterValue, 'Print a user''s subscription link (issued on first use): one URL their client app refreshes, in the format it reads')
            [CompletionResult]::new('uri', 'uri', [CompletionResultType]::ParameterValue, 'Print a user''s hysteria2:// share links, one per server with a public host')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create many users from a CSV (`id[,secret]`) or JSON lines (`{"id":..,"secret":..}`) file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;user;help;add' {
            break
        }
        'hyctl;user;help;list' {
            break
        }
        'hyctl;user;help;show' {
            break
        }
        'hyctl;user;help;update' {
            break
        }
        'hyctl;user;help;disable' {
            break
        }
        'hyctl;user;help;enable' {
            break
        }
        'hyctl;user;help;reset-traffic' {
            break
        }
        'hyctl;user;help;rotate-secret' {
            break
        }
        'hyctl;user;help;delete' {
            break
        }
        'hyctl;user;help;sub' {
            break
        }
        'hyctl;user;help;uri' {
            break
        }
        'hyctl;user;help;import' {
            break
        }
        'hyctl;user;help;help' {
            break
        }
        'hyctl;device' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a device to a user; prints its secret (what that client sends as `auth`)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a user''s devices with their state, last use and traffic')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a user''s devices with their state, last use and traffic')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one device')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a device''s limits or secret (only what is given changes)')
            [CompletionResult]::new('block', 'block', [CompletionResultType]::ParameterValue, 'Block a device: refused and disconnected on every node within about a second')
            [CompletionResult]::new('unblock', 'unblock', [CompletionResultType]::ParameterValue, 'Let a blocked device connect again')
            [CompletionResult]::new('rotate-secret', 'rotate-secret', [CompletionResultType]::ParameterValue, 'Replace a device''s secret with a generated one; prints it')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a device (its traffic stays in its user''s)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a device (its traffic stays in its user''s)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;device;add' {
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Use this secret instead of a generated one')
            [CompletionResult]::new('--valid-from', '--valid-from', [CompletionResultType]::ParameterName, 'Not admitted before this date (2027-01-01, UTC) or RFC 3339 time; never removes it')
            [CompletionResult]::new('--valid-until', '--valid-until', [CompletionResultType]::ParameterName, 'Not admitted from this date on; never removes it')
            [CompletionResult]::new('--allow-ip', '--allow-ip', [CompletionResultType]::ParameterName, 'Admit it only from this address or CIDR, besides the user''s own list (repeat); `any` lifts it')
            [CompletionResult]::new('--max-sessions', '--max-sessions', [CompletionResultType]::ParameterName, 'Most concurrent sessions of this device on one node; 0 for no limit of its own')
            [CompletionResult]::new('--allow-stream', '--allow-stream', [CompletionResultType]::ParameterName, 'Media nodes let it play only this stream, or `prefix*` streams (repeat, or separate with commas: --streams ''news,sport*'' as in the seed''s tools); `*` lifts it')
            [CompletionResult]::new('--streams', '--streams', [CompletionResultType]::ParameterName, 'Media nodes let it play only this stream, or `prefix*` streams (repeat, or separate with commas: --streams ''news,sport*'' as in the seed''s tools); `*` lifts it')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note for admins')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--blocked', '--blocked', [CompletionResultType]::ParameterName, 'Add it blocked')
            [CompletionResult]::new('--publisher', '--publisher', [CompletionResultType]::ParameterName, 'It may publish streams to media nodes, not only play them')
            [CompletionResult]::new('--no-publisher', '--no-publisher', [CompletionResultType]::ParameterName, 'It may only play (the default)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;device;list' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets in full instead of a short prefix')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;device;ls' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets in full instead of a short prefix')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;device;show' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--show-secret', '--show-secret', [CompletionResultType]::ParameterName, 'Show the secret in full')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;device;update' {
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Set this secret (its clients with the old one are refused and disconnected)')
            [CompletionResult]::new('--valid-from', '--valid-from', [CompletionResultType]::ParameterName, 'Not admitted before this date (2027-01-01, UTC) or RFC 3339 time; never removes it')
            [CompletionResult]::new('--valid-until', '--valid-until', [CompletionResultType]::ParameterName, 'Not admitted from this date on; never removes it')
            [CompletionResult]::new('--allow-ip', '--allow-ip', [CompletionResultType]::ParameterName, 'Admit it only from this address or CIDR, besides the user''s own list (repeat); `any` lifts it')
            [CompletionResult]::new('--max-sessions', '--max-sessions', [CompletionResultType]::ParameterName, 'Most concurrent sessions of this device on one node; 0 for no limit of its own')
            [CompletionResult]::new('--allow-stream', '--allow-stream', [CompletionResultType]::ParameterName, 'Media nodes let it play only this stream, or `prefix*` streams (repeat, or separate with commas: --streams ''news,sport*'' as in the seed''s tools); `*` lifts it')
            [CompletionResult]::new('--streams', '--streams', [CompletionResultType]::ParameterName, 'Media nodes let it play only this stream, or `prefix*` streams (repeat, or separate with commas: --streams ''news,sport*'' as in the seed''s tools); `*` lifts it')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note for admins')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--publisher', '--publisher', [CompletionResultType]::ParameterName, 'It may publish streams to media nodes, not only play them')
            [CompletionResult]::new('--no-publisher', '--no-publisher', [CompletionResultType]::ParameterName, 'It may only play (the default)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;device;block' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;device;unblock' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;device;rotate-secret' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;device;remove' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;device;rm' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;device;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a device to a user; prints its secret (what that client sends as `auth`)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a user''s devices with their state, last use and traffic')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one device')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a device''s limits or secret (only what is given changes)')
            [CompletionResult]::new('block', 'block', [CompletionResultType]::ParameterValue, 'Block a device: refused and disconnected on every node within about a second')
            [CompletionResult]::new('unblock', 'unblock', [CompletionResultType]::ParameterValue, 'Let a blocked device connect again')
            [CompletionResult]::new('rotate-secret', 'rotate-secret', [CompletionResultType]::ParameterValue, 'Replace a device''s secret with a generated one; prints it')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a device (its traffic stays in its user''s)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;device;help;add' {
            break
        }
        'hyctl;device;help;list' {
            break
        }
        'hyctl;device;help;show' {
            break
        }
        'hyctl;device;help;update' {
            break
        }
        'hyctl;device;help;block' {
            break
        }
        'hyctl;device;help;unblock' {
            break
        }
        'hyctl;device;help;rotate-secret' {
            break
        }
        'hyctl;device;help;remove' {
            break
        }
        'hyctl;device;help;help' {
            break
        }
        'hyctl;server' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Create a server; prints its generated id (the node''s credential)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List servers')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List servers')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one server')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a server, or remove its name')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Set how clients reach a server (used by `hyctl user uri`); replaces the previous settings')
            [CompletionResult]::new('bootstrap', 'bootstrap', [CompletionResultType]::ParameterValue, 'Print everything to bring up a node: agent env file, systemd unit, Hysteria config')
            [CompletionResult]::new('set-multiplier', 'set-multiplier', [CompletionResultType]::ParameterValue, 'Change how much a server''s traffic counts against quotas (from now on)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a server; its agent is refused from then on')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a server; its agent is refused from then on')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Allow users on a server (already assigned users are fine); an id central has never seen is registered as a new hysteria server, as the original API does')
            [CompletionResult]::new('unassign', 'unassign', [CompletionResultType]::ParameterValue, 'Remove users from a server; its agent refuses and disconnects them within a second')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'List the users assigned to a server')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;server;add' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A human name (1 to 64 of `A-Z a-z 0-9 . _ -`)')
            [CompletionResult]::new('--multiplier', '--multiplier', [CompletionResultType]::ParameterName, 'Traffic through this server counts this many times against quotas (0 to 100)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Register this existing id instead of generating one (for original-system nodes)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'What runs on it: hysteria (beside `hyctl agent`), stream, proxy or gateway')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Public host name or IP address clients connect to')
            [CompletionResult]::new('--ports', '--ports', [CompletionResultType]::ParameterName, 'Port, or ports and ranges for port hopping (443,5000-6000) [default: 443]')
            [CompletionResult]::new('--sni', '--sni', [CompletionResultType]::ParameterName, 'TLS server name, if it differs from the host')
            [CompletionResult]::new('--obfs-password', '--obfs-password', [CompletionResultType]::ParameterName, 'Salamander obfuscation password')
            [CompletionResult]::new('--pin-sha256', '--pin-sha256', [CompletionResultType]::ParameterName, 'SHA-256 of the server''s certificate, hex (colons allowed)')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Clients skip certificate verification (self-signed certificates)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;server;list' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--show-ids', '--show-ids', [CompletionResultType]::ParameterName, 'Show server ids in full instead of a short prefix')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;server;ls' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--show-ids', '--show-ids', [CompletionResultType]::ParameterName, 'Show server ids in full instead of a short prefix')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;server;show' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;server;rename' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--clear', '--clear', [CompletionResultType]::ParameterName, 'Remove the name')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;server;link' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Public host name or IP address clients connect to')
            [CompletionResult]::new('--ports', '--ports', [CompletionResultType]::ParameterName, 'Port, or ports and ranges for port hopping (443,5000-6000) [default: 443]')
            [CompletionResult]::new('--sni', '--sni', [CompletionResultType]::ParameterName, 'TLS server name, if it differs from the host')
            [CompletionResult]::new('--obfs-password', '--obfs-password', [CompletionResultType]::ParameterName, 'Salamander obfuscation password')
            [CompletionResult]::new('--pin-sha256', '--pin-sha256', [CompletionResultType]::ParameterName, 'SHA-256 of the server''s certificate, hex (colons allowed)')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Clients skip certificate verification (self-signed certificates)')
            [CompletionResult]::new('--clear', '--clear', [CompletionResultType]::ParameterName, 'Remove all link settings')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;server;bootstrap' {
            [CompletionResult]::new('--central-url', '--central-url', [CompletionResultType]::ParameterName, 'Central''s URL as the node reaches it [default: the URL hyctl uses]')
            [CompletionResult]::new('--stats-listen', '--stats-listen', [CompletionResultType]::ParameterName, 'Where Hysteria''s trafficStats API listens on the node')
            [CompletionResult]::new('--agent-listen', '--agent-listen', [CompletionResultType]::ParameterName, 'Where the agent listens for Hysteria''s auth calls on the node')
            [CompletionResult]::new('--stream-listen', '--stream-listen', [CompletionResultType]::ParameterName, 'Where a media node (`stream` server) listens for the media server''s calls')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;server;set-multiplier' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;server;delete' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--if-exists', '--if-exists', [CompletionResultType]::ParameterName, 'Succeed if the server does not exist')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;server;rm' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--if-exists', '--if-exists', [CompletionResultType]::ParameterName, 'Succeed if the server does not exist')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;server;assign' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;server;unassign' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--if-exists', '--if-exists', [CompletionResultType]::ParameterName, 'Succeed for users that are not assigned')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;server;users' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;server;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Create a server; prints its generated id (the node''s credential)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List servers')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one server')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a server, or remove its name')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Set how clients reach a server (used by `hyctl user uri`); replaces the previous settings')
            [CompletionResult]::new('bootstrap', 'bootstrap', [CompletionResultType]::ParameterValue, 'Print everything to bring up a node: agent env file, systemd unit, Hysteria config')
            [CompletionResult]::new('set-multiplier', 'set-multiplier', [CompletionResultType]::ParameterValue, 'Change how much a server''s traffic counts against quotas (from now on)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a server; its agent is refused from then on')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Allow users on a server (already assigned users are fine); an id central has never seen is registered as a new hysteria server, as the original API does')
            [CompletionResult]::new('unassign', 'unassign', [CompletionResultType]::ParameterValue, 'Remove users from a server; its agent refuses and disconnects them within a second')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'List the users assigned to a server')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;server;help;add' {
            break
        }
        'hyctl;server;help;list' {
            break
        }
        'hyctl;server;help;show' {
            break
        }
        'hyctl;server;help;rename' {
            break
        }
        'hyctl;server;help;link' {
            break
        }
        'hyctl;server;help;bootstrap' {
            break
        }
        'hyctl;server;help;set-multiplier' {
            break
        }
        'hyctl;server;help;delete' {
            break
        }
        'hyctl;server;help;assign' {
            break
        }
        'hyctl;server;help;unassign' {
            break
        }
        'hyctl;server;help;users' {
            break
        }
        'hyctl;server;help;help' {
            break
        }
        'hyctl;token' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token; prints it (this once)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens with their role, expiry and last use')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List tokens with their role, expiry and last use')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token: refused on every central within 2 seconds')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;token;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'What it is for: 1 to 64 of `A-Z a-z 0-9 . _ -`')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'What it may do')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'How long it works, in days (`90d`, `52w` or a number of days); default until revoked')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;token;list' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;token;ls' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;token;revoke' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;token;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token; prints it (this once)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens with their role, expiry and last use')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token: refused on every central within 2 seconds')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;token;help;create' {
            break
        }
        'hyctl;token;help;list' {
            break
        }
        'hyctl;token;help;revoke' {
            break
        }
        'hyctl;token;help;help' {
            break
        }
        'hyctl;whoami' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;traffic' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Group by user (lifetime totals, the default), server, or over time by hour or day')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Show history from this long ago (7d, 12h) or this date (2027-01-01): per day unless --by')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'Print CSV (with a header line) instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Stream every hourly bucket of a range, per server and user, as CSV (or JSON), for billing and spreadsheets: hour,server_id,server_name,user,tx,rx')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;traffic;export' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this long ago (7d, 12h) or this date (2027-01-01)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Until this long ago or this date [default: now]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only this user')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;traffic;help' {
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Stream every hourly bucket of a range, per server and user, as CSV (or JSON), for billing and spreadsheets: hour,server_id,server_name,user,tx,rx')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;traffic;help;export' {
            break
        }
        'hyctl;traffic;help;help' {
            break
        }
        'hyctl;log' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only this user')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this long ago (1h, 7d) or this date')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many entries, newest first')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--refused', '--refused', [CompletionResultType]::ParameterName, 'Only refusals')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;audit' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only changes to this user (their devices and subscription included)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Only changes by this credential: admin-token or token:NAME')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this long ago (1h, 7d) or this date')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many entries, newest first')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;events' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--types', '--types', [CompletionResultType]::ParameterName, 'Only these types, comma-separated, e.g. user.limited,user.expired')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Also the events from this long ago (1h, 7d) or this date [default: 1h, or none with --follow]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing events as they happen (until interrupted)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing events as they happen (until interrupted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;session' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List who is connected: user, device, server, connections, when the node last said so (each node reports on every kick sweep, 10 s by default; counts older than 3 minutes are not shown). With --kind stream, one row per media session: stream, protocol, address, session time and bytes')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List who is connected: user, device, server, connections, when the node last said so (each node reports on every kick sweep, 10 s by default; counts older than 3 minutes are not shown). With --kind stream, one row per media session: stream, protocol, address, session time and bytes')
            [CompletionResult]::new('kill', 'kill', [CompletionResultType]::ParameterValue, 'Close a user''s connections on every node (or one device''s), once, within about a second; the client may connect again (block the device or disable the user to keep it out)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;session;list' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only this user (and their devices)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Only this server (id or name)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only servers of this kind: hysteria, stream, proxy, gateway')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;session;ls' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only this user (and their devices)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Only this server (id or name)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only servers of this kind: hysteria, stream, proxy, gateway')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;session;kill' {
            [CompletionResult]::new('--device', '--device', [CompletionResultType]::ParameterName, 'Only this device''s connections')
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'Only this live media session (its id in `hyctl session list --kind stream`); the user''s other sessions go on')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;session;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List who is connected: user, device, server, connections, when the node last said so (each node reports on every kick sweep, 10 s by default; counts older than 3 minutes are not shown). With --kind stream, one row per media session: stream, protocol, address, session time and bytes')
            [CompletionResult]::new('kill', 'kill', [CompletionResultType]::ParameterValue, 'Close a user''s connections on every node (or one device''s), once, within about a second; the client may connect again (block the device or disable the user to keep it out)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;session;help;list' {
            break
        }
        'hyctl;session;help;kill' {
            break
        }
        'hyctl;session;help;help' {
            break
        }
        'hyctl;webhook' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a webhook; prints its signing secret (this once)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List webhooks: URL, types, delivered through, failures in a row')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List webhooks: URL, types, delivered through, failures in a row')
            [CompletionResult]::new('deliveries', 'deliveries', [CompletionResultType]::ParameterValue, 'Show a webhook''s last deliveries')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a webhook')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a webhook')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;webhook;add' {
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'Only these event types, comma-separated [default: all]')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;webhook;list' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;webhook;ls' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;webhook;deliveries' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;webhook;remove' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;webhook;rm' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;webhook;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a webhook; prints its signing secret (this once)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List webhooks: URL, types, delivered through, failures in a row')
            [CompletionResult]::new('deliveries', 'deliveries', [CompletionResultType]::ParameterValue, 'Show a webhook''s last deliveries')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a webhook')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;webhook;help;add' {
            break
        }
        'hyctl;webhook;help;list' {
            break
        }
        'hyctl;webhook;help;deliveries' {
            break
        }
        'hyctl;webhook;help;remove' {
            break
        }
        'hyctl;webhook;help;help' {
            break
        }
        'hyctl;login' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Sign in as this admin account instead of saving a token (password from the terminal, or the first line of stdin)')
            [CompletionResult]::new('--totp', '--totp', [CompletionResultType]::ParameterName, 'The account''s current TOTP code, when it has TOTP (asked for on a terminal otherwise)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;logout' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;admin' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an admin account')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List admin accounts: role, TOTP, last sign-in, open sessions')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List admin accounts: role, TOTP, last sign-in, open sessions')
            [CompletionResult]::new('set-role', 'set-role', [CompletionResultType]::ParameterValue, 'Change an account''s role')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Set an account''s password (ends its sessions)')
            [CompletionResult]::new('totp', 'totp', [CompletionResultType]::ParameterValue, 'Turn TOTP on (prints the seed and an otpauth:// link) or off (--off)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'End every session of an account on every central')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an account')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove an account')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;admin;add' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'What it may do')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;admin;list' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;admin;ls' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;admin;set-role' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;admin;passwd' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;admin;totp' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--off', '--off', [CompletionResultType]::ParameterName, 'Turn it off')
            [CompletionResult]::new('--qr', '--qr', [CompletionResultType]::ParameterName, 'Also draw the link as a QR code')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;admin;revoke' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;admin;remove' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;admin;rm' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;admin;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an admin account')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List admin accounts: role, TOTP, last sign-in, open sessions')
            [CompletionResult]::new('set-role', 'set-role', [CompletionResultType]::ParameterValue, 'Change an account''s role')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Set an account''s password (ends its sessions)')
            [CompletionResult]::new('totp', 'totp', [CompletionResultType]::ParameterValue, 'Turn TOTP on (prints the seed and an otpauth:// link) or off (--off)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'End every session of an account on every central')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an account')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;admin;help;add' {
            break
        }
        'hyctl;admin;help;list' {
            break
        }
        'hyctl;admin;help;set-role' {
            break
        }
        'hyctl;admin;help;passwd' {
            break
        }
        'hyctl;admin;help;totp' {
            break
        }
        'hyctl;admin;help;revoke' {
            break
        }
        'hyctl;admin;help;remove' {
            break
        }
        'hyctl;admin;help;help' {
            break
        }
        'hyctl;config' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the config file''s settings (the token redacted)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set one setting: central, token, token-file or ca-file')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove one setting')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;config;show' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;config;set' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;config;unset' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;config;path' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the config file''s settings (the token redacted)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set one setting: central, token, token-file or ca-file')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove one setting')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;config;help;show' {
            break
        }
        'hyctl;config;help;set' {
            break
        }
        'hyctl;config;help;unset' {
            break
        }
        'hyctl;config;help;path' {
            break
        }
        'hyctl;config;help;help' {
            break
        }
        'hyctl;version' {
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Admin token [default: from the config file, else central''s token file]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the admin token from this file (as central writes it: <db>.admin-token)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request after this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour and terminal line drawing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only ids, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;central' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on; `:9090` means every interface, port 9090')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file, created on first run (the admin token is written beside it as `<db>.admin-token`); or a PostgreSQL URL, `postgres://user@host:5432/dbname`, which several centrals may share. TLS to PostgreSQL: `?sslmode=verify-full` (the certificate checked against `sslrootcert=FILE` or --db-ca-file, else the public roots; `require` and `verify-ca` mean the same); without sslmode, or with `disable`, no TLS')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'With a PostgreSQL --db: a file whose first line is the password (else the URL''s, else PGPASSWORD)')
            [CompletionResult]::new('--db-ca-file', '--db-ca-file', [CompletionResultType]::ParameterName, 'With a PostgreSQL --db: encrypt the connection and verify the server''s certificate and host name against this PEM CA file')
            [CompletionResult]::new('--admin-token-file', '--admin-token-file', [CompletionResultType]::ParameterName, 'Where a newly generated admin token is written (mode 0600). Default: beside a SQLite --db; `central.admin-token` in the working directory with PostgreSQL')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM certificate chain: serve HTTPS instead of HTTP (needs --tls-key)')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of --tls-cert')
            [CompletionResult]::new('--db-pool-size', '--db-pool-size', [CompletionResultType]::ParameterName, 'With PostgreSQL: connections this central keeps open (reports, polls and admin requests share them; size the server''s max_connections for every central)')
            [CompletionResult]::new('--lease-ttl', '--lease-ttl', [CompletionResultType]::ParameterName, 'With PostgreSQL: how long the schedule''s leader lease lasts (renewed every third of it); a stopped leader''s work resumes on another central within about this long')
            [CompletionResult]::new('--history-days', '--history-days', [CompletionResultType]::ParameterName, 'Days of hourly traffic history to keep (totals are kept forever)')
            [CompletionResult]::new('--log-days', '--log-days', [CompletionResultType]::ParameterName, 'Days of agents'' auth decisions to keep (`hyctl log`)')
            [CompletionResult]::new('--audit-days', '--audit-days', [CompletionResultType]::ParameterName, 'Days of the admin audit trail to keep (`hyctl audit`)')
            [CompletionResult]::new('--public-url', '--public-url', [CompletionResultType]::ParameterName, 'Central''s address as clients reach it (`https://panel.example.com`), for subscription links; default: the scheme and Host of the admin request that asks for one')
            [CompletionResult]::new('--sub-rate', '--sub-rate', [CompletionResultType]::ParameterName, 'Subscription fetches allowed per client address and minute (`/sub/...`); more get 429')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format; the level is set with RUST_LOG (e.g. `info`, `hy_central=debug`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Copy the database while central runs (SQLite online backup), then check the copy')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy a SQLite installation into a PostgreSQL database, checked, in one transaction')
            [CompletionResult]::new('rotate-token', 'rotate-token', [CompletionResultType]::ParameterValue, 'Replace the admin token: writes a new token file; running centrals switch within 5 s')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;central;backup' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file of central')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;central;migrate' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Central''s SQLite database file')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The PostgreSQL database: postgres://USER@HOST:PORT/DB (password from the URL, --password-file or PGPASSWORD)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the PostgreSQL password from this file (its first line)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace what the PostgreSQL database already holds')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;central;rotate-token' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Central''s database: a SQLite file (the token goes to `<db>.admin-token`) or a PostgreSQL URL (password from the URL or PGPASSWORD)')
            [CompletionResult]::new('--admin-token-file', '--admin-token-file', [CompletionResultType]::ParameterName, 'Where to write the new token (mode 0600); default beside a SQLite --db, else `central.admin-token`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;central;help' {
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Copy the database while central runs (SQLite online backup), then check the copy')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy a SQLite installation into a PostgreSQL database, checked, in one transaction')
            [CompletionResult]::new('rotate-token', 'rotate-token', [CompletionResultType]::ParameterValue, 'Replace the admin token: writes a new token file; running centrals switch within 5 s')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;central;help;backup' {
            break
        }
        'hyctl;central;help;migrate' {
            break
        }
        'hyctl;central;help;rotate-token' {
            break
        }
        'hyctl;central;help;help' {
            break
        }
        'hyctl;agent' {
            [CompletionResult]::new('--server-id', '--server-id', [CompletionResultType]::ParameterName, 'This node''s server id, as central knows it (`hyctl server add` prints it)')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s base URL, e.g. https://central.example:9090; sets both URLs below')
            [CompletionResult]::new('--central-server-auth', '--central-server-auth', [CompletionResultType]::ParameterName, 'Central''s auth URL (the original flag); the list is fetched from <URL>/<server-id>')
            [CompletionResult]::new('--central-server-traffic', '--central-server-traffic', [CompletionResultType]::ParameterName, 'Central''s traffic URL (the original flag); reports go to <URL>/<server-id>')
            [CompletionResult]::new('--central-ca', '--central-ca', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Directory for the last good user list and the traffic spool (created, mode 0700)')
            [CompletionResult]::new('--interval-auth', '--interval-auth', [CompletionResultType]::ParameterName, 'How often to refresh the user list (changes also arrive at once by long poll)')
            [CompletionResult]::new('--interval-traffic-to-central', '--interval-traffic-to-central', [CompletionResultType]::ParameterName, 'How often to report collected traffic to central')
            [CompletionResult]::new('--ready-max-list-age', '--ready-max-list-age', [CompletionResultType]::ParameterName, '/readyz fails when central has not confirmed the user list for this long')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format; the level is set with RUST_LOG (e.g. `info`, `hy_node=debug`)')
            [CompletionResult]::new('--proxy-server', '--proxy-server', [CompletionResultType]::ParameterName, 'Hysteria''s trafficStats API address, for /online and /kick')
            [CompletionResult]::new('--traffic-server', '--traffic-server', [CompletionResultType]::ParameterName, 'Hysteria''s trafficStats API address, for /traffic')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Hysteria''s trafficStats secret, sent as the raw Authorization header (the default is the original system''s: set your own)')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address of the auth endpoint Hysteria calls (keep it on loopback)')
            [CompletionResult]::new('--auth-path', '--auth-path', [CompletionResultType]::ParameterName, 'Also answer auth at /<PATH> (use a random string and put it in Hysteria''s auth URL)')
            [CompletionResult]::new('--interval-kick', '--interval-kick', [CompletionResultType]::ParameterName, 'How often to check /online and kick users who are no longer allowed')
            [CompletionResult]::new('--interval-traffic-from-proxy', '--interval-traffic-from-proxy', [CompletionResultType]::ParameterName, 'How often to collect traffic from Hysteria (/traffic?clear=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;stream' {
            [CompletionResult]::new('--server-id', '--server-id', [CompletionResultType]::ParameterName, 'This node''s server id, as central knows it (`hyctl server add` prints it)')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'Central''s base URL, e.g. https://central.example:9090; sets both URLs below')
            [CompletionResult]::new('--central-server-auth', '--central-server-auth', [CompletionResultType]::ParameterName, 'Central''s auth URL (the original flag); the list is fetched from <URL>/<server-id>')
            [CompletionResult]::new('--central-server-traffic', '--central-server-traffic', [CompletionResultType]::ParameterName, 'Central''s traffic URL (the original flag); reports go to <URL>/<server-id>')
            [CompletionResult]::new('--central-ca', '--central-ca', [CompletionResultType]::ParameterName, 'PEM CA certificate(s) to trust for an HTTPS central with a private CA')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Directory for the last good user list and the traffic spool (created, mode 0700)')
            [CompletionResult]::new('--interval-auth', '--interval-auth', [CompletionResultType]::ParameterName, 'How often to refresh the user list (changes also arrive at once by long poll)')
            [CompletionResult]::new('--interval-traffic-to-central', '--interval-traffic-to-central', [CompletionResultType]::ParameterName, 'How often to report collected traffic to central')
            [CompletionResult]::new('--ready-max-list-age', '--ready-max-list-age', [CompletionResultType]::ParameterName, '/readyz fails when central has not confirmed the user list for this long')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format; the level is set with RUST_LOG (e.g. `info`, `hy_node=debug`)')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address the media server calls (keep it on loopback: it runs beside it)')
            [CompletionResult]::new('--path-prefix', '--path-prefix', [CompletionResultType]::ParameterName, 'Also answer under /<PREFIX>/ (a random string, put in the media server''s backend URL)')
            [CompletionResult]::new('--auth-duration', '--auth-duration', [CompletionResultType]::ParameterName, 'How long an admission holds before the media server asks again (Flussonic''s X-AuthDuration), 30s to 1h')
            [CompletionResult]::new('--srs-api', '--srs-api', [CompletionResultType]::ParameterName, 'SRS''s HTTP API (e.g. http://127.0.0.1:1985): sessions killed from central, or whose user lost access, are kicked through it (DELETE /api/v1/clients/{id}); without it they end at SRS''s on_stop only')
            [CompletionResult]::new('--mediamtx-api', '--mediamtx-api', [CompletionResultType]::ParameterName, 'MediaMTX''s control API (e.g. http://127.0.0.1:9997): its sessions are counted from its lists and kicked through it (POST /v3/<kind>/kick/{id}); without it MediaMTX sessions are decided at their start only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hyctl;help' {
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Manage users: who may connect, with which secret')
            [CompletionResult]::new('device', 'device', [CompletionResultType]::ParameterValue, 'Manage a user''s devices: credentials of their own, blocked and limited one by one')
            [CompletionResult]::new('server', 'server', [CompletionResultType]::ParameterValue, 'Manage servers (nodes) and which users may use them')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Manage API tokens for scripts and cron jobs, each with a role (owner only)')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show which credential hyctl uses and its role')
            [CompletionResult]::new('traffic', 'traffic', [CompletionResultType]::ParameterValue, 'Show traffic per user, or per server')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show who the nodes admitted or refused, from where, and why')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Show the changes made through the admin API: who, when, from where, before and after')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'Print the fleet''s events (user limited, expired, changed; devices blocked...), and with --follow keep printing them as they happen')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'Show who is connected now, per node, user and device')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Send events to a URL as signed POSTs (admin)')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Save central''s URL and token to the config file, after checking them; or sign in as an admin account (--user)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End the saved admin sign-in (`hyctl login --user`) on central and forget it here')
            [CompletionResult]::new('admin', 'admin', [CompletionResultType]::ParameterValue, 'Manage admin accounts: sign-in names, passwords, TOTP and roles (owner only)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or change hyctl''s config file')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print this client''s version and central''s')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('central', 'central', [CompletionResultType]::ParameterValue, 'Run the central daemon, or manage its database offline')
            [CompletionResult]::new('agent', 'agent', [CompletionResultType]::ParameterValue, 'Run the node agent beside a Hysteria server')
            [CompletionResult]::new('stream', 'stream', [CompletionResultType]::ParameterValue, 'Run the media node beside a media server (Flussonic, MediaMTX and SRS so far)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hyctl;help;user' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Create a user; prints its secret (what its Hysteria clients send as `auth`)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users with their state, usage against limit and expiry')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one user')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a user''s secret, limits or settings (only what is given changes)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Switch users off: refused and disconnected on every node within about a second')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Switch users back on')
            [CompletionResult]::new('reset-traffic', 'reset-traffic', [CompletionResultType]::ParameterValue, 'Start a new usage period now (a limited user becomes active; lifetime traffic stays)')
            [CompletionResult]::new('rotate-secret', 'rotate-secret', [CompletionResultType]::ParameterValue, 'Replace a user''s secret with a generated one; prints it')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete users, with their assignments and traffic')
            [CompletionResult]::new('sub', 'sub', [CompletionResultType]::ParameterValue, 'Print a user''s subscription link (issued on first use): one URL their client app refreshes, in the format it reads')
            [CompletionResult]::new('uri', 'uri', [CompletionResultType]::ParameterValue, 'Print a user''s hysteria2:// share links, one per server with a public host')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create many users from a CSV (`id[,secret]`) or JSON lines (`{"id":..,"secret":..}`) file')
            break
        }
        'hyctl;help;user;add' {
            break
        }
        'hyctl;help;user;list' {
            break
        }
        'hyctl;help;user;show' {
            break
        }
        'hyctl;help;user;update' {
            break
        }
        'hyctl;help;user;disable' {
            break
        }
        'hyctl;help;user;enable' {
            break
        }
        'hyctl;help;user;reset-traffic' {
            break
        }
        'hyctl;help;user;rotate-secret' {
            break
        }
        'hyctl;help;user;delete' {
            break
        }
        'hyctl;help;user;sub' {
            break
        }
        'hyctl;help;user;uri' {
            break
        }
        'hyctl;help;user;import' {
            break
        }
        'hyctl;help;device' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a device to a user; prints its secret (what that client sends as `auth`)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a user''s devices with their state, last use and traffic')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one device')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a device''s limits or secret (only what is given changes)')
            [CompletionResult]::new('block', 'block', [CompletionResultType]::ParameterValue, 'Block a device: refused and disconnected on every node within about a second')
            [CompletionResult]::new('unblock', 'unblock', [CompletionResultType]::ParameterValue, 'Let a blocked device connect again')
            [CompletionResult]::new('rotate-secret', 'rotate-secret', [CompletionResultType]::ParameterValue, 'Replace a device''s secret with a generated one; prints it')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a device (its traffic stays in its user''s)')
            break
        }
        'hyctl;help;device;add' {
            break
        }
        'hyctl;help;device;list' {
            break
        }
        'hyctl;help;device;show' {
            break
        }
        'hyctl;help;device;update' {
            break
        }
        'hyctl;help;device;block' {
            break
        }
        'hyctl;help;device;unblock' {
            break
        }
        'hyctl;help;device;rotate-secret' {
            break
        }
        'hyctl;help;device;remove' {
            break
        }
        'hyctl;help;server' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Create a server; prints its generated id (the node''s credential)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List servers')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one server')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a server, or remove its name')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Set how clients reach a server (used by `hyctl user uri`); replaces the previous settings')
            [CompletionResult]::new('bootstrap', 'bootstrap', [CompletionResultType]::ParameterValue, 'Print everything to bring up a node: agent env file, systemd unit, Hysteria config')
            [CompletionResult]::new('set-multiplier', 'set-multiplier', [CompletionResultType]::ParameterValue, 'Change how much a server''s traffic counts against quotas (from now on)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a server; its agent is refused from then on')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Allow users on a server (already assigned users are fine); an id central has never seen is registered as a new hysteria server, as the original API does')
            [CompletionResult]::new('unassign', 'unassign', [CompletionResultType]::ParameterValue, 'Remove users from a server; its agent refuses and disconnects them within a second')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'List the users assigned to a server')
            break
        }
        'hyctl;help;server;add' {
            break
        }
        'hyctl;help;server;list' {
            break
        }
        'hyctl;help;server;show' {
            break
        }
        'hyctl;help;server;rename' {
            break
        }
        'hyctl;help;server;link' {
            break
        }
        'hyctl;help;server;bootstrap' {
            break
        }
        'hyctl;help;server;set-multiplier' {
            break
        }
        'hyctl;help;server;delete' {
            break
        }
        'hyctl;help;server;assign' {
            break
        }
        'hyctl;help;server;unassign' {
            break
        }
        'hyctl;help;server;users' {
            break
        }
        'hyctl;help;token' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token; prints it (this once)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens with their role, expiry and last use')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token: refused on every central within 2 seconds')
            break
        }
        'hyctl;help;token;create' {
            break
        }
        'hyctl;help;token;list' {
            break
        }
        'hyctl;help;token;revoke' {
            break
        }
        'hyctl;help;whoami' {
            break
        }
        'hyctl;help;traffic' {
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Stream every hourly bucket of a range, per server and user, as CSV (or JSON), for billing and spreadsheets: hour,server_id,server_name,user,tx,rx')
            break
        }
        'hyctl;help;traffic;export' {
            break
        }
        'hyctl;help;log' {
            break
        }
        'hyctl;help;audit' {
            break
        }
        'hyctl;help;events' {
            break
        }
        'hyctl;help;session' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List who is connected: user, device, server, connections, when the node last said so (each node reports on every kick sweep, 10 s by default; counts older than 3 minutes are not shown). With --kind stream, one row per media session: stream, protocol, address, session time and bytes')
            [CompletionResult]::new('kill', 'kill', [CompletionResultType]::ParameterValue, 'Close a user''s connections on every node (or one device''s), once, within about a second; the client may connect again (block the device or disable the user to keep it out)')
            break
        }
        'hyctl;help;session;list' {
            break
        }
        'hyctl;help;session;kill' {
            break
        }
        'hyctl;help;webhook' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a webhook; prints its signing secret (this once)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List webhooks: URL, types, delivered through, failures in a row')
            [CompletionResult]::new('deliveries', 'deliveries', [CompletionResultType]::ParameterValue, 'Show a webhook''s last deliveries')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a webhook')
            break
        }
        'hyctl;help;webhook;add' {
            break
        }
        'hyctl;help;webhook;list' {
            break
        }
        'hyctl;help;webhook;deliveries' {
            break
        }
        'hyctl;help;webhook;remove' {
            break
        }
        'hyctl;help;login' {
            break
        }
        'hyctl;help;logout' {
            break
        }
        'hyctl;help;admin' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an admin account')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List admin accounts: role, TOTP, last sign-in, open sessions')
            [CompletionResult]::new('set-role', 'set-role', [CompletionResultType]::ParameterValue, 'Change an account''s role')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Set an account''s password (ends its sessions)')
            [CompletionResult]::new('totp', 'totp', [CompletionResultType]::ParameterValue, 'Turn TOTP on (prints the seed and an otpauth:// link) or off (--off)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'End every session of an account on every central')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an account')
            break
        }
        'hyctl;help;admin;add' {
            break
        }
        'hyctl;help;admin;list' {
            break
        }
        'hyctl;help;admin;set-role' {
            break
        }
        'hyctl;help;admin;passwd' {
            break
        }
        'hyctl;help;admin;totp' {
            break
        }
        'hyctl;help;admin;revoke' {
            break
        }
        'hyctl;help;admin;remove' {
            break
        }
        'hyctl;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the config file''s settings (the token redacted)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set one setting: central, token, token-file or ca-file')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove one setting')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            break
        }
        'hyctl;help;config;show' {
            break
        }
        'hyctl;help;config;set' {
            break
        }
        'hyctl;help;config;unset' {
            break
        }
        'hyctl;help;config;path' {
            break
        }
        'hyctl;help;version' {
            break
        }
        'hyctl;help;completions' {
            break
        }
        'hyctl;help;central' {
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Copy the database while central runs (SQLite online backup), then check the copy')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy a SQLite installation into a PostgreSQL database, checked, in one transaction')
            [CompletionResult]::new('rotate-token', 'rotate-token', [CompletionResultType]::ParameterValue, 'Replace the admin token: writes a new token file; running centrals switch within 5 s')
            break
        }
        'hyctl;help;central;backup' {
            break
        }
        'hyctl;help;central;migrate' {
            break
        }
        'hyctl;help;central;rotate-token' {
            break
        }
        'hyctl;help;agent' {
            break
        }
        'hyctl;help;stream' {
            break
        }
        'hyctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
