# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_hyctl_global_optspecs
    string join \n h/help V/version
end

function __fish_hyctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_hyctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_hyctl_using_subcommand
    set -l cmd (__fish_hyctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c hyctl -n "__fish_hyctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_needs_command" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "user" -d 'Manage users: who may connect, with which secret'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "device" -d 'Manage a user\'s devices: credentials of their own, blocked and limited one by one'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "server" -d 'Manage servers (nodes) and which users may use them'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "token" -d 'Manage API tokens for scripts and cron jobs, each with a role (owner only)'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "whoami" -d 'Show which credential hyctl uses and its role'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "traffic" -d 'Show traffic per user, or per server'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "log" -d 'Show who the nodes admitted or refused, from where, and why'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "audit" -d 'Show the changes made through the admin API: who, when, from where, before and after'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "events" -d 'Print the fleet\'s events (user limited, expired, changed; devices blocked...), and with --follow keep printing them as they happen'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "session" -d 'Show who is connected now, per node, user and device'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "webhook" -d 'Send events to a URL as signed POSTs (admin)'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "login" -d 'Save central\'s URL and token to the config file, after checking them; or sign in as an admin account (--user)'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "logout" -d 'End the saved admin sign-in (`hyctl login --user`) on central and forget it here'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "admin" -d 'Manage admin accounts: sign-in names, passwords, TOTP and roles (owner only)'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "config" -d 'Show or change hyctl\'s config file'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "version" -d 'Print this client\'s version and central\'s'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "central" -d 'Run the central daemon, or manage its database offline'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "agent" -d 'Run the node agent beside a Hysteria server'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "stream" -d 'Run the media node beside a media server (Flussonic, MediaMTX and SRS so far)'
complete -c hyctl -n "__fish_hyctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -f -a "add" -d 'Create a user; prints its secret (what its Hysteria clients send as `auth`)'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -f -a "list" -d 'List users with their state, usage against limit and expiry'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -f -a "ls" -d 'List users with their state, usage against limit and expiry'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -f -a "show" -d 'Show one user'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -f -a "update" -d 'Change a user\'s secret, limits or settings (only what is given changes)'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -f -a "disable" -d 'Switch users off: refused and disconnected on every node within about a second'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -f -a "enable" -d 'Switch users back on'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -f -a "reset-traffic" -d 'Start a new usage period now (a limited user becomes active; lifetime traffic stays)'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -f -a "rotate-secret" -d 'Replace a user\'s secret with a generated one; prints it'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -f -a "delete" -d 'Delete users, with their assignments and traffic'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -f -a "rm" -d 'Delete users, with their assignments and traffic'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -f -a "sub" -d 'Print a user\'s subscription link (issued on first use): one URL their client app refreshes, in the format it reads'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -f -a "uri" -d 'Print a user\'s hysteria2:// share links, one per server with a public host'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -f -a "import" -d 'Create many users from a CSV (`id[,secret]`) or JSON lines (`{"id":..,"secret":..}`) file'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and not __fish_seen_subcommand_from add list ls show update disable enable reset-traffic rotate-secret delete rm sub uri import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l secret -d 'Use this secret instead of a generated one (8 to 256 printable characters, no `+`)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l limit -d 'Data allowed per period (upload + download), e.g. 50GiB; 0 or unlimited for no limit' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l reset -d 'When usage resets: none, day, week, month, month_rolling, year' -r -f -a "none\t'Never'
day\t'Daily, 00:00 UTC'
week\t'Mondays, 00:00 UTC'
month\t'The 1st of each month, 00:00 UTC'
month_rolling\t'Monthly on the user\'s creation day'
year\t'January 1st, 00:00 UTC'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l expires -d 'Expiry: a date (2027-01-01, UTC), an RFC 3339 time, or never' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l expire-after -d 'Validity that starts at the first connection, e.g. 30d (on hold until then); never removes it' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l max-devices -d 'Most concurrent devices (client instances); 0 for no limit' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l allow-ip -d 'Allow clients only from this address or CIDR (repeat for several); `any` lifts the limit' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l note -d 'A note for admins' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l email -d 'Contact email; none (or \'\') removes it' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l display-name -d 'Name shown instead of the id; none (or \'\') removes it' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l telegram-id -d 'Telegram user id (digits); none removes it' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l disabled -d 'Create the user switched off'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l if-not-exists -d 'Succeed without change if the user already exists'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from list" -l state -d 'Only users in this state' -r -f -a "active\t'May connect'
disabled\t'Switched off'
expired\t'Past the expiry'
limited\t'Quota used up'
on_hold\t'Waiting for the first connection to start the expiry clock'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from list" -l search -d 'Only users whose id, note, email, display name or Telegram id contains this text (ignoring case)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from list" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from list" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from list" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from list" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from list" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from list" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from list" -l show-secrets -d 'Show secrets in full instead of a short prefix'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l state -d 'Only users in this state' -r -f -a "active\t'May connect'
disabled\t'Switched off'
expired\t'Past the expiry'
limited\t'Quota used up'
on_hold\t'Waiting for the first connection to start the expiry clock'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l search -d 'Only users whose id, note, email, display name or Telegram id contains this text (ignoring case)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l show-secrets -d 'Show secrets in full instead of a short prefix'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from show" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from show" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from show" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from show" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from show" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from show" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from show" -l show-secret -d 'Show the secret in full'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from show" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -l secret -d 'Set this secret (clients using the old one are refused and disconnected)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -l limit -d 'Data allowed per period (upload + download), e.g. 50GiB; 0 or unlimited for no limit' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -l reset -d 'When usage resets: none, day, week, month, month_rolling, year' -r -f -a "none\t'Never'
day\t'Daily, 00:00 UTC'
week\t'Mondays, 00:00 UTC'
month\t'The 1st of each month, 00:00 UTC'
month_rolling\t'Monthly on the user\'s creation day'
year\t'January 1st, 00:00 UTC'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -l expires -d 'Expiry: a date (2027-01-01, UTC), an RFC 3339 time, or never' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -l expire-after -d 'Validity that starts at the first connection, e.g. 30d (on hold until then); never removes it' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -l max-devices -d 'Most concurrent devices (client instances); 0 for no limit' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -l allow-ip -d 'Allow clients only from this address or CIDR (repeat for several); `any` lifts the limit' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -l note -d 'A note for admins' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -l email -d 'Contact email; none (or \'\') removes it' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -l display-name -d 'Name shown instead of the id; none (or \'\') removes it' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -l telegram-id -d 'Telegram user id (digits); none removes it' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from disable" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from disable" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from disable" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from disable" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from disable" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from disable" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from disable" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from enable" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from enable" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from enable" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from enable" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from enable" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from enable" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from enable" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from reset-traffic" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from reset-traffic" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from reset-traffic" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from reset-traffic" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from reset-traffic" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from reset-traffic" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from reset-traffic" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from reset-traffic" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from reset-traffic" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from reset-traffic" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rotate-secret" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rotate-secret" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rotate-secret" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rotate-secret" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rotate-secret" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rotate-secret" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rotate-secret" -s y -l yes -d 'Do not ask for confirmation'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rotate-secret" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rotate-secret" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rotate-secret" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rotate-secret" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l if-exists -d 'Succeed for users that do not exist'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from delete" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rm" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rm" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rm" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rm" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rm" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rm" -l if-exists -d 'Succeed for users that do not exist'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Do not ask for confirmation'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rm" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from sub" -l format -d 'Print the link for this client format instead: uri, base64, hysteria, sing-box, clash' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from sub" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from sub" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from sub" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from sub" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from sub" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from sub" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from sub" -l qr -d 'Also draw it as a QR code (for phones)'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from sub" -l rotate -d 'Issue a new link; the old one stops working at once (the secret is untouched)'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from sub" -l revoke -d 'Revoke the link; none is issued again until --rotate'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from sub" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from sub" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from sub" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from sub" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from uri" -l server -d 'Only the link for this server (id or name)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from uri" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from uri" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from uri" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from uri" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from uri" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from uri" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from uri" -l qr -d 'Also draw each link as a QR code (for phones)'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from uri" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from uri" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from uri" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from uri" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from import" -l format -d 'File format [default: JSON lines if the first record starts with `{`, else CSV]' -r -f -a "csv\t'`id[,secret]` per line'
jsonl\t'`{"id":"alice","secret":"..."}` per line'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from import" -l batch-size -d 'Users per request' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from import" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from import" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from import" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from import" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from import" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from import" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from import" -l skip-existing -d 'Skip users that already exist instead of stopping'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from import" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "add" -d 'Create a user; prints its secret (what its Hysteria clients send as `auth`)'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "list" -d 'List users with their state, usage against limit and expiry'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one user'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a user\'s secret, limits or settings (only what is given changes)'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Switch users off: refused and disconnected on every node within about a second'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Switch users back on'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "reset-traffic" -d 'Start a new usage period now (a limited user becomes active; lifetime traffic stays)'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "rotate-secret" -d 'Replace a user\'s secret with a generated one; prints it'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete users, with their assignments and traffic'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "sub" -d 'Print a user\'s subscription link (issued on first use): one URL their client app refreshes, in the format it reads'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "uri" -d 'Print a user\'s hysteria2:// share links, one per server with a public host'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "import" -d 'Create many users from a CSV (`id[,secret]`) or JSON lines (`{"id":..,"secret":..}`) file'
complete -c hyctl -n "__fish_hyctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -f -a "add" -d 'Add a device to a user; prints its secret (what that client sends as `auth`)'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -f -a "list" -d 'List a user\'s devices with their state, last use and traffic'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -f -a "ls" -d 'List a user\'s devices with their state, last use and traffic'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -f -a "show" -d 'Show one device'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -f -a "update" -d 'Change a device\'s limits or secret (only what is given changes)'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -f -a "block" -d 'Block a device: refused and disconnected on every node within about a second'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -f -a "unblock" -d 'Let a blocked device connect again'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -f -a "rotate-secret" -d 'Replace a device\'s secret with a generated one; prints it'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -f -a "remove" -d 'Remove a device (its traffic stays in its user\'s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -f -a "rm" -d 'Remove a device (its traffic stays in its user\'s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and not __fish_seen_subcommand_from add list ls show update block unblock rotate-secret remove rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -l secret -d 'Use this secret instead of a generated one' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -l valid-from -d 'Not admitted before this date (2027-01-01, UTC) or RFC 3339 time; never removes it' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -l valid-until -d 'Not admitted from this date on; never removes it' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -l allow-ip -d 'Admit it only from this address or CIDR, besides the user\'s own list (repeat); `any` lifts it' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -l max-sessions -d 'Most concurrent sessions of this device on one node; 0 for no limit of its own' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -l allow-stream -l streams -d 'Media nodes let it play only this stream, or `prefix*` streams (repeat, or separate with commas: --streams \'news,sport*\' as in the seed\'s tools); `*` lifts it' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -l note -d 'A note for admins' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -l blocked -d 'Add it blocked'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -l publisher -d 'It may publish streams to media nodes, not only play them'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -l no-publisher -d 'It may only play (the default)'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from list" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from list" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from list" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from list" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from list" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from list" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from list" -l show-secrets -d 'Show secrets in full instead of a short prefix'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from ls" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from ls" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from ls" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from ls" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from ls" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from ls" -l show-secrets -d 'Show secrets in full instead of a short prefix'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from ls" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from show" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from show" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from show" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from show" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from show" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from show" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from show" -l show-secret -d 'Show the secret in full'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from show" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -l secret -d 'Set this secret (its clients with the old one are refused and disconnected)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -l valid-from -d 'Not admitted before this date (2027-01-01, UTC) or RFC 3339 time; never removes it' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -l valid-until -d 'Not admitted from this date on; never removes it' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -l allow-ip -d 'Admit it only from this address or CIDR, besides the user\'s own list (repeat); `any` lifts it' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -l max-sessions -d 'Most concurrent sessions of this device on one node; 0 for no limit of its own' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -l allow-stream -l streams -d 'Media nodes let it play only this stream, or `prefix*` streams (repeat, or separate with commas: --streams \'news,sport*\' as in the seed\'s tools); `*` lifts it' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -l note -d 'A note for admins' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -l publisher -d 'It may publish streams to media nodes, not only play them'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -l no-publisher -d 'It may only play (the default)'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from block" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from block" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from block" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from block" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from block" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from block" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from block" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from block" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from block" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from block" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from unblock" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from unblock" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from unblock" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from unblock" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from unblock" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from unblock" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from unblock" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from unblock" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from unblock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from unblock" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rotate-secret" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rotate-secret" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rotate-secret" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rotate-secret" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rotate-secret" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rotate-secret" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rotate-secret" -s y -l yes -d 'Do not ask for confirmation'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rotate-secret" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rotate-secret" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rotate-secret" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rotate-secret" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from remove" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from remove" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from remove" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from remove" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from remove" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Do not ask for confirmation'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from remove" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rm" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rm" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rm" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rm" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rm" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Do not ask for confirmation'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rm" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a device to a user; prints its secret (what that client sends as `auth`)'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from help" -f -a "list" -d 'List a user\'s devices with their state, last use and traffic'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one device'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a device\'s limits or secret (only what is given changes)'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from help" -f -a "block" -d 'Block a device: refused and disconnected on every node within about a second'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from help" -f -a "unblock" -d 'Let a blocked device connect again'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from help" -f -a "rotate-secret" -d 'Replace a device\'s secret with a generated one; prints it'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a device (its traffic stays in its user\'s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand device; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -f -a "add" -d 'Create a server; prints its generated id (the node\'s credential)'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -f -a "list" -d 'List servers'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -f -a "ls" -d 'List servers'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -f -a "show" -d 'Show one server'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -f -a "rename" -d 'Rename a server, or remove its name'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -f -a "link" -d 'Set how clients reach a server (used by `hyctl user uri`); replaces the previous settings'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -f -a "bootstrap" -d 'Print everything to bring up a node: agent env file, systemd unit, Hysteria config'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -f -a "set-multiplier" -d 'Change how much a server\'s traffic counts against quotas (from now on)'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -f -a "delete" -d 'Delete a server; its agent is refused from then on'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -f -a "rm" -d 'Delete a server; its agent is refused from then on'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -f -a "assign" -d 'Allow users on a server (already assigned users are fine); an id central has never seen is registered as a new hysteria server, as the original API does'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -f -a "unassign" -d 'Remove users from a server; its agent refuses and disconnects them within a second'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -f -a "users" -d 'List the users assigned to a server'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and not __fish_seen_subcommand_from add list ls show rename link bootstrap set-multiplier delete rm assign unassign users help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -l name -d 'A human name (1 to 64 of `A-Z a-z 0-9 . _ -`)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -l multiplier -d 'Traffic through this server counts this many times against quotas (0 to 100)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -l id -d 'Register this existing id instead of generating one (for original-system nodes)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -l kind -d 'What runs on it: hysteria (beside `hyctl agent`), stream, proxy or gateway' -r -f -a "hysteria\t''
stream\t''
proxy\t''
gateway\t''"
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -l host -d 'Public host name or IP address clients connect to' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -l ports -d 'Port, or ports and ranges for port hopping (443,5000-6000) [default: 443]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -l sni -d 'TLS server name, if it differs from the host' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -l obfs-password -d 'Salamander obfuscation password' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -l pin-sha256 -d 'SHA-256 of the server\'s certificate, hex (colons allowed)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -l insecure -d 'Clients skip certificate verification (self-signed certificates)'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from list" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from list" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from list" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from list" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from list" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from list" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from list" -l show-ids -d 'Show server ids in full instead of a short prefix'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from ls" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from ls" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from ls" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from ls" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from ls" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from ls" -l show-ids -d 'Show server ids in full instead of a short prefix'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from ls" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from show" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from show" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from show" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from show" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from show" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from show" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from show" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rename" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rename" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rename" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rename" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rename" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rename" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rename" -l clear -d 'Remove the name'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rename" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rename" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rename" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from link" -l host -d 'Public host name or IP address clients connect to' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from link" -l ports -d 'Port, or ports and ranges for port hopping (443,5000-6000) [default: 443]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from link" -l sni -d 'TLS server name, if it differs from the host' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from link" -l obfs-password -d 'Salamander obfuscation password' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from link" -l pin-sha256 -d 'SHA-256 of the server\'s certificate, hex (colons allowed)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from link" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from link" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from link" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from link" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from link" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from link" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from link" -l insecure -d 'Clients skip certificate verification (self-signed certificates)'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from link" -l clear -d 'Remove all link settings'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from link" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from link" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from link" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from link" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from bootstrap" -l central-url -d 'Central\'s URL as the node reaches it [default: the URL hyctl uses]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from bootstrap" -l stats-listen -d 'Where Hysteria\'s trafficStats API listens on the node' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from bootstrap" -l agent-listen -d 'Where the agent listens for Hysteria\'s auth calls on the node' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from bootstrap" -l stream-listen -d 'Where a media node (`stream` server) listens for the media server\'s calls' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from bootstrap" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from bootstrap" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from bootstrap" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from bootstrap" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from bootstrap" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from bootstrap" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from bootstrap" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from bootstrap" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from bootstrap" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from bootstrap" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from set-multiplier" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from set-multiplier" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from set-multiplier" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from set-multiplier" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from set-multiplier" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from set-multiplier" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from set-multiplier" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from set-multiplier" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from set-multiplier" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from set-multiplier" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from delete" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from delete" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from delete" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from delete" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from delete" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from delete" -l if-exists -d 'Succeed if the server does not exist'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from delete" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rm" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rm" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rm" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rm" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rm" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rm" -l if-exists -d 'Succeed if the server does not exist'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Do not ask for confirmation'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rm" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from assign" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from assign" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from assign" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from assign" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from assign" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from assign" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from assign" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from assign" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from assign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from assign" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from unassign" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from unassign" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from unassign" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from unassign" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from unassign" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from unassign" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from unassign" -l if-exists -d 'Succeed for users that are not assigned'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from unassign" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from unassign" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from unassign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from unassign" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from users" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from users" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from users" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from users" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from users" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from users" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from users" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from users" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from users" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from users" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "add" -d 'Create a server; prints its generated id (the node\'s credential)'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "list" -d 'List servers'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one server'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Rename a server, or remove its name'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "link" -d 'Set how clients reach a server (used by `hyctl user uri`); replaces the previous settings'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "bootstrap" -d 'Print everything to bring up a node: agent env file, systemd unit, Hysteria config'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "set-multiplier" -d 'Change how much a server\'s traffic counts against quotas (from now on)'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a server; its agent is refused from then on'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "assign" -d 'Allow users on a server (already assigned users are fine); an id central has never seen is registered as a new hysteria server, as the original API does'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "unassign" -d 'Remove users from a server; its agent refuses and disconnects them within a second'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "users" -d 'List the users assigned to a server'
complete -c hyctl -n "__fish_hyctl_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -f -a "create" -d 'Create a token; prints it (this once)'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -f -a "list" -d 'List tokens with their role, expiry and last use'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -f -a "ls" -d 'List tokens with their role, expiry and last use'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -f -a "revoke" -d 'Revoke a token: refused on every central within 2 seconds'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and not __fish_seen_subcommand_from create list ls revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from create" -l name -d 'What it is for: 1 to 64 of `A-Z a-z 0-9 . _ -`' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from create" -l role -d 'What it may do' -r -f -a "viewer\t'Reads everything, changes nothing'
operator\t'Also users, devices and subscriptions'
admin\t'Also servers and assignments'
owner\t'Also tokens and admins'"
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from create" -l expires -d 'How long it works, in days (`90d`, `52w` or a number of days); default until revoked' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from create" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from create" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from create" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from create" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from create" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from create" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from create" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from list" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from list" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from list" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from list" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from list" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from list" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from ls" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from ls" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from ls" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from ls" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from ls" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from ls" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a token; prints it (this once)'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "list" -d 'List tokens with their role, expiry and last use'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a token: refused on every central within 2 seconds'
complete -c hyctl -n "__fish_hyctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand whoami" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand whoami" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand whoami" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand whoami" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand whoami" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand whoami" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand whoami" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand whoami" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand whoami" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand whoami" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and not __fish_seen_subcommand_from export help" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and not __fish_seen_subcommand_from export help" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and not __fish_seen_subcommand_from export help" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and not __fish_seen_subcommand_from export help" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and not __fish_seen_subcommand_from export help" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and not __fish_seen_subcommand_from export help" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and not __fish_seen_subcommand_from export help" -l by -d 'Group by user (lifetime totals, the default), server, or over time by hour or day' -r -f -a "user\t'Per user, summed over servers (lifetime)'
server\t'Per server'
hour\t'Per UTC hour (history)'
day\t'Per UTC day (history)'"
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and not __fish_seen_subcommand_from export help" -l since -d 'Show history from this long ago (7d, 12h) or this date (2027-01-01): per day unless --by' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and not __fish_seen_subcommand_from export help" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and not __fish_seen_subcommand_from export help" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and not __fish_seen_subcommand_from export help" -l csv -d 'Print CSV (with a header line) instead of a table'
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and not __fish_seen_subcommand_from export help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and not __fish_seen_subcommand_from export help" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and not __fish_seen_subcommand_from export help" -a "export" -d 'Stream every hourly bucket of a range, per server and user, as CSV (or JSON), for billing and spreadsheets: hour,server_id,server_name,user,tx,rx'
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and not __fish_seen_subcommand_from export help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and __fish_seen_subcommand_from export" -l since -d 'From this long ago (7d, 12h) or this date (2027-01-01)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and __fish_seen_subcommand_from export" -l until -d 'Until this long ago or this date [default: now]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and __fish_seen_subcommand_from export" -l user -d 'Only this user' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and __fish_seen_subcommand_from export" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and __fish_seen_subcommand_from export" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and __fish_seen_subcommand_from export" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and __fish_seen_subcommand_from export" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and __fish_seen_subcommand_from export" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and __fish_seen_subcommand_from export" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and __fish_seen_subcommand_from export" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and __fish_seen_subcommand_from help" -f -a "export" -d 'Stream every hourly bucket of a range, per server and user, as CSV (or JSON), for billing and spreadsheets: hour,server_id,server_name,user,tx,rx'
complete -c hyctl -n "__fish_hyctl_using_subcommand traffic; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand log" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand log" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand log" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand log" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand log" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand log" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand log" -l user -d 'Only this user' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand log" -l since -d 'From this long ago (1h, 7d) or this date' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand log" -l limit -d 'At most this many entries, newest first' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand log" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand log" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand log" -l refused -d 'Only refusals'
complete -c hyctl -n "__fish_hyctl_using_subcommand log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand log" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand audit" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand audit" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand audit" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand audit" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand audit" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand audit" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand audit" -l user -d 'Only changes to this user (their devices and subscription included)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand audit" -l actor -d 'Only changes by this credential: admin-token or token:NAME' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand audit" -l since -d 'From this long ago (1h, 7d) or this date' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand audit" -l limit -d 'At most this many entries, newest first' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand audit" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand audit" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand audit" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand events" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand events" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand events" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand events" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand events" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand events" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand events" -l types -d 'Only these types, comma-separated, e.g. user.limited,user.expired' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand events" -l since -d 'Also the events from this long ago (1h, 7d) or this date [default: 1h, or none with --follow]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand events" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand events" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand events" -s f -l follow -d 'Keep printing events as they happen (until interrupted)'
complete -c hyctl -n "__fish_hyctl_using_subcommand events" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand events" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and not __fish_seen_subcommand_from list ls kill help" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and not __fish_seen_subcommand_from list ls kill help" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and not __fish_seen_subcommand_from list ls kill help" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and not __fish_seen_subcommand_from list ls kill help" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and not __fish_seen_subcommand_from list ls kill help" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and not __fish_seen_subcommand_from list ls kill help" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and not __fish_seen_subcommand_from list ls kill help" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and not __fish_seen_subcommand_from list ls kill help" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and not __fish_seen_subcommand_from list ls kill help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and not __fish_seen_subcommand_from list ls kill help" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and not __fish_seen_subcommand_from list ls kill help" -f -a "list" -d 'List who is connected: user, device, server, connections, when the node last said so (each node reports on every kick sweep, 10 s by default; counts older than 3 minutes are not shown). With --kind stream, one row per media session: stream, protocol, address, session time and bytes'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and not __fish_seen_subcommand_from list ls kill help" -f -a "ls" -d 'List who is connected: user, device, server, connections, when the node last said so (each node reports on every kick sweep, 10 s by default; counts older than 3 minutes are not shown). With --kind stream, one row per media session: stream, protocol, address, session time and bytes'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and not __fish_seen_subcommand_from list ls kill help" -f -a "kill" -d 'Close a user\'s connections on every node (or one device\'s), once, within about a second; the client may connect again (block the device or disable the user to keep it out)'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and not __fish_seen_subcommand_from list ls kill help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from list" -l user -d 'Only this user (and their devices)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from list" -l server -d 'Only this server (id or name)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from list" -l kind -d 'Only servers of this kind: hysteria, stream, proxy, gateway' -r -f -a "hysteria\t''
stream\t''
proxy\t''
gateway\t''"
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from list" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from list" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from list" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from list" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from list" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from list" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l user -d 'Only this user (and their devices)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l server -d 'Only this server (id or name)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l kind -d 'Only servers of this kind: hysteria, stream, proxy, gateway' -r -f -a "hysteria\t''
stream\t''
proxy\t''
gateway\t''"
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from kill" -l device -d 'Only this device\'s connections' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from kill" -l session -d 'Only this live media session (its id in `hyctl session list --kind stream`); the user\'s other sessions go on' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from kill" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from kill" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from kill" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from kill" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from kill" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from kill" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from kill" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from kill" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from kill" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "list" -d 'List who is connected: user, device, server, connections, when the node last said so (each node reports on every kick sweep, 10 s by default; counts older than 3 minutes are not shown). With --kind stream, one row per media session: stream, protocol, address, session time and bytes'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "kill" -d 'Close a user\'s connections on every node (or one device\'s), once, within about a second; the client may connect again (block the device or disable the user to keep it out)'
complete -c hyctl -n "__fish_hyctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list ls deliveries remove rm help" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list ls deliveries remove rm help" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list ls deliveries remove rm help" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list ls deliveries remove rm help" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list ls deliveries remove rm help" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list ls deliveries remove rm help" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list ls deliveries remove rm help" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list ls deliveries remove rm help" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list ls deliveries remove rm help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list ls deliveries remove rm help" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list ls deliveries remove rm help" -f -a "add" -d 'Add a webhook; prints its signing secret (this once)'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list ls deliveries remove rm help" -f -a "list" -d 'List webhooks: URL, types, delivered through, failures in a row'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list ls deliveries remove rm help" -f -a "ls" -d 'List webhooks: URL, types, delivered through, failures in a row'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list ls deliveries remove rm help" -f -a "deliveries" -d 'Show a webhook\'s last deliveries'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list ls deliveries remove rm help" -f -a "remove" -d 'Remove a webhook'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list ls deliveries remove rm help" -f -a "rm" -d 'Remove a webhook'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list ls deliveries remove rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l events -d 'Only these event types, comma-separated [default: all]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a webhook; prints its signing secret (this once)'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "list" -d 'List webhooks: URL, types, delivered through, failures in a row'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "deliveries" -d 'Show a webhook\'s last deliveries'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a webhook'
complete -c hyctl -n "__fish_hyctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand login" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand login" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand login" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand login" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand login" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand login" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand login" -l user -d 'Sign in as this admin account instead of saving a token (password from the terminal, or the first line of stdin)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand login" -l totp -d 'The account\'s current TOTP code, when it has TOTP (asked for on a terminal otherwise)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand login" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand login" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand login" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand logout" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand logout" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand logout" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand logout" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand logout" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand logout" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand logout" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand logout" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand logout" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -f -a "add" -d 'Add an admin account'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -f -a "list" -d 'List admin accounts: role, TOTP, last sign-in, open sessions'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -f -a "ls" -d 'List admin accounts: role, TOTP, last sign-in, open sessions'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -f -a "set-role" -d 'Change an account\'s role'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -f -a "passwd" -d 'Set an account\'s password (ends its sessions)'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -f -a "totp" -d 'Turn TOTP on (prints the seed and an otpauth:// link) or off (--off)'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -f -a "revoke" -d 'End every session of an account on every central'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -f -a "remove" -d 'Remove an account'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -f -a "rm" -d 'Remove an account'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and not __fish_seen_subcommand_from add list ls set-role passwd totp revoke remove rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from add" -l role -d 'What it may do' -r -f -a "viewer\t'Reads everything, changes nothing'
operator\t'Also users, devices and subscriptions'
admin\t'Also servers and assignments'
owner\t'Also tokens and admins'"
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from add" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from add" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from add" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from add" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from add" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from add" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from add" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from list" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from list" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from list" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from list" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from list" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from list" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from ls" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from ls" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from ls" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from ls" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from ls" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from ls" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from set-role" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from set-role" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from set-role" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from set-role" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from set-role" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from set-role" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from set-role" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from set-role" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from set-role" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from set-role" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from passwd" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from passwd" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from passwd" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from passwd" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from passwd" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from passwd" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from passwd" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from passwd" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from passwd" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from passwd" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from totp" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from totp" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from totp" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from totp" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from totp" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from totp" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from totp" -l off -d 'Turn it off'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from totp" -l qr -d 'Also draw the link as a QR code'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from totp" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from totp" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from totp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from totp" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from revoke" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from revoke" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from revoke" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from revoke" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from revoke" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from revoke" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from revoke" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from remove" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from remove" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from remove" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from remove" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from remove" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Do not ask for confirmation'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from remove" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from rm" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from rm" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from rm" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from rm" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from rm" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Do not ask for confirmation'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from rm" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add an admin account'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "list" -d 'List admin accounts: role, TOTP, last sign-in, open sessions'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "set-role" -d 'Change an account\'s role'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "passwd" -d 'Set an account\'s password (ends its sessions)'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "totp" -d 'Turn TOTP on (prints the seed and an otpauth:// link) or off (--off)'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'End every session of an account on every central'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove an account'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and not __fish_seen_subcommand_from show set unset path help" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and not __fish_seen_subcommand_from show set unset path help" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and not __fish_seen_subcommand_from show set unset path help" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and not __fish_seen_subcommand_from show set unset path help" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and not __fish_seen_subcommand_from show set unset path help" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and not __fish_seen_subcommand_from show set unset path help" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and not __fish_seen_subcommand_from show set unset path help" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and not __fish_seen_subcommand_from show set unset path help" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and not __fish_seen_subcommand_from show set unset path help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and not __fish_seen_subcommand_from show set unset path help" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and not __fish_seen_subcommand_from show set unset path help" -f -a "show" -d 'Print the config file\'s settings (the token redacted)'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and not __fish_seen_subcommand_from show set unset path help" -f -a "set" -d 'Set one setting: central, token, token-file or ca-file'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and not __fish_seen_subcommand_from show set unset path help" -f -a "unset" -d 'Remove one setting'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and not __fish_seen_subcommand_from show set unset path help" -f -a "path" -d 'Print the config file\'s path'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and not __fish_seen_subcommand_from show set unset path help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from show" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from show" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from show" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from show" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from show" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from set" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from set" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from set" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from set" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from set" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from unset" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from unset" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from unset" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from unset" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from unset" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from unset" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from unset" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from unset" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from unset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from unset" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from path" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from path" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from path" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from path" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from path" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from path" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the config file\'s settings (the token redacted)'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set one setting: central, token, token-file or ca-file'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "unset" -d 'Remove one setting'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the config file\'s path'
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand version" -l central -d 'Central\'s URL [default: from the config file, else http://127.0.0.1:9090]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand version" -l token -d 'Admin token [default: from the config file, else central\'s token file]' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand version" -l token-file -d 'Read the admin token from this file (as central writes it: <db>.admin-token)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand version" -l ca-file -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand version" -l timeout -d 'Give up on a request after this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand version" -l color -d 'When to use colour and terminal line drawing' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c hyctl -n "__fish_hyctl_using_subcommand version" -l json -d 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
complete -c hyctl -n "__fish_hyctl_using_subcommand version" -s q -l quiet -d 'Print only ids, one per line'
complete -c hyctl -n "__fish_hyctl_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand version" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -l listen -d 'Address to listen on; `:9090` means every interface, port 9090' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -l db -d 'SQLite database file, created on first run (the admin token is written beside it as `<db>.admin-token`); or a PostgreSQL URL, `postgres://user@host:5432/dbname`, which several centrals may share. TLS to PostgreSQL: `?sslmode=verify-full` (the certificate checked against `sslrootcert=FILE` or --db-ca-file, else the public roots; `require` and `verify-ca` mean the same); without sslmode, or with `disable`, no TLS' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -l password-file -d 'With a PostgreSQL --db: a file whose first line is the password (else the URL\'s, else PGPASSWORD)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -l db-ca-file -d 'With a PostgreSQL --db: encrypt the connection and verify the server\'s certificate and host name against this PEM CA file' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -l admin-token-file -d 'Where a newly generated admin token is written (mode 0600). Default: beside a SQLite --db; `central.admin-token` in the working directory with PostgreSQL' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -l tls-cert -d 'PEM certificate chain: serve HTTPS instead of HTTP (needs --tls-key)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -l tls-key -d 'PEM private key of --tls-cert' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -l db-pool-size -d 'With PostgreSQL: connections this central keeps open (reports, polls and admin requests share them; size the server\'s max_connections for every central)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -l lease-ttl -d 'With PostgreSQL: how long the schedule\'s leader lease lasts (renewed every third of it); a stopped leader\'s work resumes on another central within about this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -l history-days -d 'Days of hourly traffic history to keep (totals are kept forever)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -l log-days -d 'Days of agents\' auth decisions to keep (`hyctl log`)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -l audit-days -d 'Days of the admin audit trail to keep (`hyctl audit`)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -l public-url -d 'Central\'s address as clients reach it (`https://panel.example.com`), for subscription links; default: the scheme and Host of the admin request that asks for one' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -l sub-rate -d 'Subscription fetches allowed per client address and minute (`/sub/...`); more get 429' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -l log-format -d 'Log line format; the level is set with RUST_LOG (e.g. `info`, `hy_central=debug`)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line, for log shippers'"
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -f -a "backup" -d 'Copy the database while central runs (SQLite online backup), then check the copy'
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -f -a "migrate" -d 'Copy a SQLite installation into a PostgreSQL database, checked, in one transaction'
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -f -a "rotate-token" -d 'Replace the admin token: writes a new token file; running centrals switch within 5 s'
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and not __fish_seen_subcommand_from backup migrate rotate-token help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and __fish_seen_subcommand_from backup" -l db -d 'SQLite database file of central' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and __fish_seen_subcommand_from backup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and __fish_seen_subcommand_from backup" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and __fish_seen_subcommand_from migrate" -l from -d 'Central\'s SQLite database file' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and __fish_seen_subcommand_from migrate" -l to -d 'The PostgreSQL database: postgres://USER@HOST:PORT/DB (password from the URL, --password-file or PGPASSWORD)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and __fish_seen_subcommand_from migrate" -l password-file -d 'Read the PostgreSQL password from this file (its first line)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and __fish_seen_subcommand_from migrate" -l force -d 'Replace what the PostgreSQL database already holds'
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and __fish_seen_subcommand_from migrate" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and __fish_seen_subcommand_from rotate-token" -l db -d 'Central\'s database: a SQLite file (the token goes to `<db>.admin-token`) or a PostgreSQL URL (password from the URL or PGPASSWORD)' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and __fish_seen_subcommand_from rotate-token" -l admin-token-file -d 'Where to write the new token (mode 0600); default beside a SQLite --db, else `central.admin-token`' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and __fish_seen_subcommand_from rotate-token" -s h -l help -d 'Print help'
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and __fish_seen_subcommand_from rotate-token" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and __fish_seen_subcommand_from help" -f -a "backup" -d 'Copy the database while central runs (SQLite online backup), then check the copy'
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Copy a SQLite installation into a PostgreSQL database, checked, in one transaction'
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and __fish_seen_subcommand_from help" -f -a "rotate-token" -d 'Replace the admin token: writes a new token file; running centrals switch within 5 s'
complete -c hyctl -n "__fish_hyctl_using_subcommand central; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -l server-id -d 'This node\'s server id, as central knows it (`hyctl server add` prints it)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -l central -d 'Central\'s base URL, e.g. https://central.example:9090; sets both URLs below' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -l central-server-auth -d 'Central\'s auth URL (the original flag); the list is fetched from <URL>/<server-id>' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -l central-server-traffic -d 'Central\'s traffic URL (the original flag); reports go to <URL>/<server-id>' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -l central-ca -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -l state-dir -d 'Directory for the last good user list and the traffic spool (created, mode 0700)' -r -f -a "(__fish_complete_directories)"
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -l interval-auth -d 'How often to refresh the user list (changes also arrive at once by long poll)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -l interval-traffic-to-central -d 'How often to report collected traffic to central' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -l ready-max-list-age -d '/readyz fails when central has not confirmed the user list for this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -l log-format -d 'Log line format; the level is set with RUST_LOG (e.g. `info`, `hy_node=debug`)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line, for log shippers'"
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -l proxy-server -d 'Hysteria\'s trafficStats API address, for /online and /kick' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -l traffic-server -d 'Hysteria\'s trafficStats API address, for /traffic' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -l secret -d 'Hysteria\'s trafficStats secret, sent as the raw Authorization header (the default is the original system\'s: set your own)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -l listen -d 'Address of the auth endpoint Hysteria calls (keep it on loopback)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -l auth-path -d 'Also answer auth at /<PATH> (use a random string and put it in Hysteria\'s auth URL)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -l interval-kick -d 'How often to check /online and kick users who are no longer allowed' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -l interval-traffic-from-proxy -d 'How often to collect traffic from Hysteria (/traffic?clear=1)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand agent" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand stream" -l server-id -d 'This node\'s server id, as central knows it (`hyctl server add` prints it)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand stream" -l central -d 'Central\'s base URL, e.g. https://central.example:9090; sets both URLs below' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand stream" -l central-server-auth -d 'Central\'s auth URL (the original flag); the list is fetched from <URL>/<server-id>' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand stream" -l central-server-traffic -d 'Central\'s traffic URL (the original flag); reports go to <URL>/<server-id>' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand stream" -l central-ca -d 'PEM CA certificate(s) to trust for an HTTPS central with a private CA' -r -F
complete -c hyctl -n "__fish_hyctl_using_subcommand stream" -l state-dir -d 'Directory for the last good user list and the traffic spool (created, mode 0700)' -r -f -a "(__fish_complete_directories)"
complete -c hyctl -n "__fish_hyctl_using_subcommand stream" -l interval-auth -d 'How often to refresh the user list (changes also arrive at once by long poll)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand stream" -l interval-traffic-to-central -d 'How often to report collected traffic to central' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand stream" -l ready-max-list-age -d '/readyz fails when central has not confirmed the user list for this long' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand stream" -l log-format -d 'Log line format; the level is set with RUST_LOG (e.g. `info`, `hy_node=debug`)' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line, for log shippers'"
complete -c hyctl -n "__fish_hyctl_using_subcommand stream" -l listen -d 'Address the media server calls (keep it on loopback: it runs beside it)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand stream" -l path-prefix -d 'Also answer under /<PREFIX>/ (a random string, put in the media server\'s backend URL)' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand stream" -l auth-duration -d 'How long an admission holds before the media server asks again (Flussonic\'s X-AuthDuration), 30s to 1h' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand stream" -l srs-api -d 'SRS\'s HTTP API (e.g. http://127.0.0.1:1985): sessions killed from central, or whose user lost access, are kicked through it (DELETE /api/v1/clients/{id}); without it they end at SRS\'s on_stop only' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand stream" -l mediamtx-api -d 'MediaMTX\'s control API (e.g. http://127.0.0.1:9997): its sessions are counted from its lists and kicked through it (POST /v3/<kind>/kick/{id}); without it MediaMTX sessions are decided at their start only' -r
complete -c hyctl -n "__fish_hyctl_using_subcommand stream" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hyctl -n "__fish_hyctl_using_subcommand stream" -s V -l version -d 'Print version'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "user" -d 'Manage users: who may connect, with which secret'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "device" -d 'Manage a user\'s devices: credentials of their own, blocked and limited one by one'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "server" -d 'Manage servers (nodes) and which users may use them'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "token" -d 'Manage API tokens for scripts and cron jobs, each with a role (owner only)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "whoami" -d 'Show which credential hyctl uses and its role'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "traffic" -d 'Show traffic per user, or per server'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "log" -d 'Show who the nodes admitted or refused, from where, and why'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "audit" -d 'Show the changes made through the admin API: who, when, from where, before and after'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "events" -d 'Print the fleet\'s events (user limited, expired, changed; devices blocked...), and with --follow keep printing them as they happen'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "session" -d 'Show who is connected now, per node, user and device'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "webhook" -d 'Send events to a URL as signed POSTs (admin)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "login" -d 'Save central\'s URL and token to the config file, after checking them; or sign in as an admin account (--user)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "logout" -d 'End the saved admin sign-in (`hyctl login --user`) on central and forget it here'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "admin" -d 'Manage admin accounts: sign-in names, passwords, TOTP and roles (owner only)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "config" -d 'Show or change hyctl\'s config file'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "version" -d 'Print this client\'s version and central\'s'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "completions" -d 'Print a shell completion script'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "central" -d 'Run the central daemon, or manage its database offline'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "agent" -d 'Run the node agent beside a Hysteria server'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "stream" -d 'Run the media node beside a media server (Flussonic, MediaMTX and SRS so far)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and not __fish_seen_subcommand_from user device server token whoami traffic log audit events session webhook login logout admin config version completions central agent stream help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "add" -d 'Create a user; prints its secret (what its Hysteria clients send as `auth`)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "list" -d 'List users with their state, usage against limit and expiry'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "show" -d 'Show one user'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "update" -d 'Change a user\'s secret, limits or settings (only what is given changes)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "disable" -d 'Switch users off: refused and disconnected on every node within about a second'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "enable" -d 'Switch users back on'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "reset-traffic" -d 'Start a new usage period now (a limited user becomes active; lifetime traffic stays)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "rotate-secret" -d 'Replace a user\'s secret with a generated one; prints it'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "delete" -d 'Delete users, with their assignments and traffic'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "sub" -d 'Print a user\'s subscription link (issued on first use): one URL their client app refreshes, in the format it reads'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "uri" -d 'Print a user\'s hysteria2:// share links, one per server with a public host'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "import" -d 'Create many users from a CSV (`id[,secret]`) or JSON lines (`{"id":..,"secret":..}`) file'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from device" -f -a "add" -d 'Add a device to a user; prints its secret (what that client sends as `auth`)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from device" -f -a "list" -d 'List a user\'s devices with their state, last use and traffic'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from device" -f -a "show" -d 'Show one device'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from device" -f -a "update" -d 'Change a device\'s limits or secret (only what is given changes)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from device" -f -a "block" -d 'Block a device: refused and disconnected on every node within about a second'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from device" -f -a "unblock" -d 'Let a blocked device connect again'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from device" -f -a "rotate-secret" -d 'Replace a device\'s secret with a generated one; prints it'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from device" -f -a "remove" -d 'Remove a device (its traffic stays in its user\'s)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "add" -d 'Create a server; prints its generated id (the node\'s credential)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "list" -d 'List servers'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "show" -d 'Show one server'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "rename" -d 'Rename a server, or remove its name'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "link" -d 'Set how clients reach a server (used by `hyctl user uri`); replaces the previous settings'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "bootstrap" -d 'Print everything to bring up a node: agent env file, systemd unit, Hysteria config'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "set-multiplier" -d 'Change how much a server\'s traffic counts against quotas (from now on)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "delete" -d 'Delete a server; its agent is refused from then on'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "assign" -d 'Allow users on a server (already assigned users are fine); an id central has never seen is registered as a new hysteria server, as the original API does'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "unassign" -d 'Remove users from a server; its agent refuses and disconnects them within a second'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "users" -d 'List the users assigned to a server'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "create" -d 'Create a token; prints it (this once)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "list" -d 'List tokens with their role, expiry and last use'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "revoke" -d 'Revoke a token: refused on every central within 2 seconds'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from traffic" -f -a "export" -d 'Stream every hourly bucket of a range, per server and user, as CSV (or JSON), for billing and spreadsheets: hour,server_id,server_name,user,tx,rx'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "list" -d 'List who is connected: user, device, server, connections, when the node last said so (each node reports on every kick sweep, 10 s by default; counts older than 3 minutes are not shown). With --kind stream, one row per media session: stream, protocol, address, session time and bytes'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "kill" -d 'Close a user\'s connections on every node (or one device\'s), once, within about a second; the client may connect again (block the device or disable the user to keep it out)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "add" -d 'Add a webhook; prints its signing secret (this once)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "list" -d 'List webhooks: URL, types, delivered through, failures in a row'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "deliveries" -d 'Show a webhook\'s last deliveries'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "remove" -d 'Remove a webhook'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "add" -d 'Add an admin account'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "list" -d 'List admin accounts: role, TOTP, last sign-in, open sessions'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "set-role" -d 'Change an account\'s role'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "passwd" -d 'Set an account\'s password (ends its sessions)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "totp" -d 'Turn TOTP on (prints the seed and an otpauth:// link) or off (--off)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "revoke" -d 'End every session of an account on every central'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "remove" -d 'Remove an account'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print the config file\'s settings (the token redacted)'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Set one setting: central, token, token-file or ca-file'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "unset" -d 'Remove one setting'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the config file\'s path'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from central" -f -a "backup" -d 'Copy the database while central runs (SQLite online backup), then check the copy'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from central" -f -a "migrate" -d 'Copy a SQLite installation into a PostgreSQL database, checked, in one transaction'
complete -c hyctl -n "__fish_hyctl_using_subcommand help; and __fish_seen_subcommand_from central" -f -a "rotate-token" -d 'Replace the admin token: writes a new token file; running centrals switch within 5 s'
complete -c hyctl -n "__fish_hyctl_using_subcommand admin; and __fish_seen_subcommand_from set-role" -f -a "viewer operator admin owner"
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from set" -f -a "central token token-file ca-file"
complete -c hyctl -n "__fish_hyctl_using_subcommand config; and __fish_seen_subcommand_from unset" -f -a "central token token-file ca-file"
complete -c hyctl -n "__fish_hyctl_using_subcommand completions" -f -a "bash elvish fish powershell zsh"
