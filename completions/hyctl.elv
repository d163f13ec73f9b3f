
use builtin;
use str;

set edit:completion:arg-completer[hyctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'hyctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'hyctl'= {
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand user 'Manage users: who may connect, with which secret'
            cand device 'Manage a user''s devices: credentials of their own, blocked and limited one by one'
            cand server 'Manage servers (nodes) and which users may use them'
            cand token 'Manage API tokens for scripts and cron jobs, each with a role (owner only)'
            cand whoami 'Show which credential hyctl uses and its role'
            cand traffic 'Show traffic per user, or per server'
            cand log 'Show who the nodes admitted or refused, from where, and why'
            cand audit 'Show the changes made through the admin API: who, when, from where, before and after'
            cand events 'Print the fleet''s events (user limited, expired, changed; devices blocked...), and with --follow keep printing them as they happen'
            cand session 'Show who is connected now, per node, user and device'
            cand webhook 'Send events to a URL as signed POSTs (admin)'
            cand login 'Save central''s URL and token to the config file, after checking them; or sign in as an admin account (--user)'
            cand logout 'End the saved admin sign-in (`hyctl login --user`) on central and forget it here'
            cand admin 'Manage admin accounts: sign-in names, passwords, TOTP and roles (owner only)'
            cand config 'Show or change hyctl''s config file'
            cand version 'Print this client''s version and central''s'
            cand completions 'Print a shell completion script'
            cand central 'Run the central daemon, or manage its database offline'
            cand agent 'Run the node agent beside a Hysteria server'
            cand stream 'Run the media node beside a media server (Flussonic, MediaMTX and SRS so far)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;user'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Create a user; prints its secret (what its Hysteria clients send as `auth`)'
            cand list 'List users with their state, usage against limit and expiry'
            cand ls 'List users with their state, usage against limit and expiry'
            cand show 'Show one user'
            cand update 'Change a user''s secret, limits or settings (only what is given changes)'
            cand disable 'Switch users off: refused and disconnected on every node within about a second'
            cand enable 'Switch users back on'
            cand reset-traffic 'Start a new usage period now (a limited user becomes active; lifetime traffic stays)'
            cand rotate-secret 'Replace a user''s secret with a generated one; prints it'
            cand delete 'Delete users, with their assignments and traffic'
            cand rm 'Delete users, with their assignments and traffic'
            cand sub 'Print a user''s subscription link (issued on first use): one URL their client app refreshes, in the format it reads'
            cand uri 'Print a user''s hysteria2:// share links, one per server with a public host'
            cand import 'Create many users from a CSV (`id[,secret]`) or JSON lines (`{"id":..,"secret":..}`) file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;user;add'= {
            cand --secret 'Use this secret instead of a generated one (8 to 256 printable characters, no `+`)'
            cand --limit 'Data allowed per period (upload + download), e.g. 50GiB; 0 or unlimited for no limit'
            cand --reset 'When usage resets: none, day, week, month, month_rolling, year'
            cand --expires 'Expiry: a date (2027-01-01, UTC), an RFC 3339 time, or never'
            cand --expire-after 'Validity that starts at the first connection, e.g. 30d (on hold until then); never removes it'
            cand --max-devices 'Most concurrent devices (client instances); 0 for no limit'
            cand --allow-ip 'Allow clients only from this address or CIDR (repeat for several); `any` lifts the limit'
            cand --note 'A note for admins'
            cand --email 'Contact email; none (or '''') removes it'
            cand --display-name 'Name shown instead of the id; none (or '''') removes it'
            cand --telegram-id 'Telegram user id (digits); none removes it'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --disabled 'Create the user switched off'
            cand --if-not-exists 'Succeed without change if the user already exists'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;user;list'= {
            cand --state 'Only users in this state'
            cand --search 'Only users whose id, note, email, display name or Telegram id contains this text (ignoring case)'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --show-secrets 'Show secrets in full instead of a short prefix'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;user;ls'= {
            cand --state 'Only users in this state'
            cand --search 'Only users whose id, note, email, display name or Telegram id contains this text (ignoring case)'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --show-secrets 'Show secrets in full instead of a short prefix'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;user;show'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --show-secret 'Show the secret in full'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;user;update'= {
            cand --secret 'Set this secret (clients using the old one are refused and disconnected)'
            cand --limit 'Data allowed per period (upload + download), e.g. 50GiB; 0 or unlimited for no limit'
            cand --reset 'When usage resets: none, day, week, month, month_rolling, year'
            cand --expires 'Expiry: a date (2027-01-01, UTC), an RFC 3339 time, or never'
            cand --expire-after 'Validity that starts at the first connection, e.g. 30d (on hold until then); never removes it'
            cand --max-devices 'Most concurrent devices (client instances); 0 for no limit'
            cand --allow-ip 'Allow clients only from this address or CIDR (repeat for several); `any` lifts the limit'
            cand --note 'A note for admins'
            cand --email 'Contact email; none (or '''') removes it'
            cand --display-name 'Name shown instead of the id; none (or '''') removes it'
            cand --telegram-id 'Telegram user id (digits); none removes it'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;user;disable'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;user;enable'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;user;reset-traffic'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;user;rotate-secret'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;user;delete'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --if-exists 'Succeed for users that do not exist'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;user;rm'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --if-exists 'Succeed for users that do not exist'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;user;sub'= {
            cand --format 'Print the link for this client format instead: uri, base64, hysteria, sing-box, clash'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --qr 'Also draw it as a QR code (for phones)'
            cand --rotate 'Issue a new link; the old one stops working at once (the secret is untouched)'
            cand --revoke 'Revoke the link; none is issued again until --rotate'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;user;uri'= {
            cand --server 'Only the link for this server (id or name)'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --qr 'Also draw each link as a QR code (for phones)'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;user;import'= {
            cand --format 'File format [default: JSON lines if the first record starts with `{`, else CSV]'
            cand --batch-size 'Users per request'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --skip-existing 'Skip users that already exist instead of stopping'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;user;help'= {
            cand add 'Create a user; prints its secret (what its Hysteria clients send as `auth`)'
            cand list 'List users with their state, usage against limit and expiry'
            cand show 'Show one user'
            cand update 'Change a user''s secret, limits or settings (only what is given changes)'
            cand disable 'Switch users off: refused and disconnected on every node within about a second'
            cand enable 'Switch users back on'
            cand reset-traffic 'Start a new usage period now (a limited user becomes active; lifetime traffic stays)'
            cand rotate-secret 'Replace a user''s secret with a generated one; prints it'
            cand delete 'Delete users, with their assignments and traffic'
            cand sub 'Print a user''s subscription link (issued on first use): one URL their client app refreshes, in the format it reads'
            cand uri 'Print a user''s hysteria2:// share links, one per server with a public host'
            cand import 'Create many users from a CSV (`id[,secret]`) or JSON lines (`{"id":..,"secret":..}`) file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;user;help;add'= {
        }
        &'hyctl;user;help;list'= {
        }
        &'hyctl;user;help;show'= {
        }
        &'hyctl;user;help;update'= {
        }
        &'hyctl;user;help;disable'= {
        }
        &'hyctl;user;help;enable'= {
        }
        &'hyctl;user;help;reset-traffic'= {
        }
        &'hyctl;user;help;rotate-secret'= {
        }
        &'hyctl;user;help;delete'= {
        }
        &'hyctl;user;help;sub'= {
        }
        &'hyctl;user;help;uri'= {
        }
        &'hyctl;user;help;import'= {
        }
        &'hyctl;user;help;help'= {
        }
        &'hyctl;device'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a device to a user; prints its secret (what that client sends as `auth`)'
            cand list 'List a user''s devices with their state, last use and traffic'
            cand ls 'List a user''s devices with their state, last use and traffic'
            cand show 'Show one device'
            cand update 'Change a device''s limits or secret (only what is given changes)'
            cand block 'Block a device: refused and disconnected on every node within about a second'
            cand unblock 'Let a blocked device connect again'
            cand rotate-secret 'Replace a device''s secret with a generated one; prints it'
            cand remove 'Remove a device (its traffic stays in its user''s)'
            cand rm 'Remove a device (its traffic stays in its user''s)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;device;add'= {
            cand --secret 'Use this secret instead of a generated one'
            cand --valid-from 'Not admitted before this date (2027-01-01, UTC) or RFC 3339 time; never removes it'
            cand --valid-until 'Not admitted from this date on; never removes it'
            cand --allow-ip 'Admit it only from this address or CIDR, besides the user''s own list (repeat); `any` lifts it'
            cand --max-sessions 'Most concurrent sessions of this device on one node; 0 for no limit of its own'
            cand --allow-stream 'Media nodes let it play only this stream, or `prefix*` streams (repeat, or separate with commas: --streams ''news,sport*'' as in the seed''s tools); `*` lifts it'
            cand --streams 'Media nodes let it play only this stream, or `prefix*` streams (repeat, or separate with commas: --streams ''news,sport*'' as in the seed''s tools); `*` lifts it'
            cand --note 'A note for admins'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --blocked 'Add it blocked'
            cand --publisher 'It may publish streams to media nodes, not only play them'
            cand --no-publisher 'It may only play (the default)'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;device;list'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --show-secrets 'Show secrets in full instead of a short prefix'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;device;ls'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --show-secrets 'Show secrets in full instead of a short prefix'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;device;show'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --show-secret 'Show the secret in full'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;device;update'= {
            cand --secret 'Set this secret (its clients with the old one are refused and disconnected)'
            cand --valid-from 'Not admitted before this date (2027-01-01, UTC) or RFC 3339 time; never removes it'
            cand --valid-until 'Not admitted from this date on; never removes it'
            cand --allow-ip 'Admit it only from this address or CIDR, besides the user''s own list (repeat); `any` lifts it'
            cand --max-sessions 'Most concurrent sessions of this device on one node; 0 for no limit of its own'
            cand --allow-stream 'Media nodes let it play only this stream, or `prefix*` streams (repeat, or separate with commas: --streams ''news,sport*'' as in the seed''s tools); `*` lifts it'
            cand --streams 'Media nodes let it play only this stream, or `prefix*` streams (repeat, or separate with commas: --streams ''news,sport*'' as in the seed''s tools); `*` lifts it'
            cand --note 'A note for admins'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --publisher 'It may publish streams to media nodes, not only play them'
            cand --no-publisher 'It may only play (the default)'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;device;block'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;device;unblock'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;device;rotate-secret'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;device;remove'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;device;rm'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;device;help'= {
            cand add 'Add a device to a user; prints its secret (what that client sends as `auth`)'
            cand list 'List a user''s devices with their state, last use and traffic'
            cand show 'Show one device'
            cand update 'Change a device''s limits or secret (only what is given changes)'
            cand block 'Block a device: refused and disconnected on every node within about a second'
            cand unblock 'Let a blocked device connect again'
            cand rotate-secret 'Replace a device''s secret with a generated one; prints it'
            cand remove 'Remove a device (its traffic stays in its user''s)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;device;help;add'= {
        }
        &'hyctl;device;help;list'= {
        }
        &'hyctl;device;help;show'= {
        }
        &'hyctl;device;help;update'= {
        }
        &'hyctl;device;help;block'= {
        }
        &'hyctl;device;help;unblock'= {
        }
        &'hyctl;device;help;rotate-secret'= {
        }
        &'hyctl;device;help;remove'= {
        }
        &'hyctl;device;help;help'= {
        }
        &'hyctl;server'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Create a server; prints its generated id (the node''s credential)'
            cand list 'List servers'
            cand ls 'List servers'
            cand show 'Show one server'
            cand rename 'Rename a server, or remove its name'
            cand link 'Set how clients reach a server (used by `hyctl user uri`); replaces the previous settings'
            cand bootstrap 'Print everything to bring up a node: agent env file, systemd unit, Hysteria config'
            cand set-multiplier 'Change how much a server''s traffic counts against quotas (from now on)'
            cand delete 'Delete a server; its agent is refused from then on'
            cand rm 'Delete a server; its agent is refused from then on'
            cand assign 'Allow users on a server (already assigned users are fine); an id central has never seen is registered as a new hysteria server, as the original API does'
            cand unassign 'Remove users from a server; its agent refuses and disconnects them within a second'
            cand users 'List the users assigned to a server'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;server;add'= {
            cand --name 'A human name (1 to 64 of `A-Z a-z 0-9 . _ -`)'
            cand --multiplier 'Traffic through this server counts this many times against quotas (0 to 100)'
            cand --id 'Register this existing id instead of generating one (for original-system nodes)'
            cand --kind 'What runs on it: hysteria (beside `hyctl agent`), stream, proxy or gateway'
            cand --host 'Public host name or IP address clients connect to'
            cand --ports 'Port, or ports and ranges for port hopping (443,5000-6000) [default: 443]'
            cand --sni 'TLS server name, if it differs from the host'
            cand --obfs-password 'Salamander obfuscation password'
            cand --pin-sha256 'SHA-256 of the server''s certificate, hex (colons allowed)'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --insecure 'Clients skip certificate verification (self-signed certificates)'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;server;list'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --show-ids 'Show server ids in full instead of a short prefix'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;server;ls'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --show-ids 'Show server ids in full instead of a short prefix'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;server;show'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;server;rename'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --clear 'Remove the name'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;server;link'= {
            cand --host 'Public host name or IP address clients connect to'
            cand --ports 'Port, or ports and ranges for port hopping (443,5000-6000) [default: 443]'
            cand --sni 'TLS server name, if it differs from the host'
            cand --obfs-password 'Salamander obfuscation password'
            cand --pin-sha256 'SHA-256 of the server''s certificate, hex (colons allowed)'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --insecure 'Clients skip certificate verification (self-signed certificates)'
            cand --clear 'Remove all link settings'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;server;bootstrap'= {
            cand --central-url 'Central''s URL as the node reaches it [default: the URL hyctl uses]'
            cand --stats-listen 'Where Hysteria''s trafficStats API listens on the node'
            cand --agent-listen 'Where the agent listens for Hysteria''s auth calls on the node'
            cand --stream-listen 'Where a media node (`stream` server) listens for the media server''s calls'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;server;set-multiplier'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;server;delete'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --if-exists 'Succeed if the server does not exist'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;server;rm'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --if-exists 'Succeed if the server does not exist'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;server;assign'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;server;unassign'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --if-exists 'Succeed for users that are not assigned'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;server;users'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;server;help'= {
            cand add 'Create a server; prints its generated id (the node''s credential)'
            cand list 'List servers'
            cand show 'Show one server'
            cand rename 'Rename a server, or remove its name'
            cand link 'Set how clients reach a server (used by `hyctl user uri`); replaces the previous settings'
            cand bootstrap 'Print everything to bring up a node: agent env file, systemd unit, Hysteria config'
            cand set-multiplier 'Change how much a server''s traffic counts against quotas (from now on)'
            cand delete 'Delete a server; its agent is refused from then on'
            cand assign 'Allow users on a server (already assigned users are fine); an id central has never seen is registered as a new hysteria server, as the original API does'
            cand unassign 'Remove users from a server; its agent refuses and disconnects them within a second'
            cand users 'List the users assigned to a server'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;server;help;add'= {
        }
        &'hyctl;server;help;list'= {
        }
        &'hyctl;server;help;show'= {
        }
        &'hyctl;server;help;rename'= {
        }
        &'hyctl;server;help;link'= {
        }
        &'hyctl;server;help;bootstrap'= {
        }
        &'hyctl;server;help;set-multiplier'= {
        }
        &'hyctl;server;help;delete'= {
        }
        &'hyctl;server;help;assign'= {
        }
        &'hyctl;server;help;unassign'= {
        }
        &'hyctl;server;help;users'= {
        }
        &'hyctl;server;help;help'= {
        }
        &'hyctl;token'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a token; prints it (this once)'
            cand list 'List tokens with their role, expiry and last use'
            cand ls 'List tokens with their role, expiry and last use'
            cand revoke 'Revoke a token: refused on every central within 2 seconds'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;token;create'= {
            cand --name 'What it is for: 1 to 64 of `A-Z a-z 0-9 . _ -`'
            cand --role 'What it may do'
            cand --expires 'How long it works, in days (`90d`, `52w` or a number of days); default until revoked'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;token;list'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;token;ls'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;token;revoke'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;token;help'= {
            cand create 'Create a token; prints it (this once)'
            cand list 'List tokens with their role, expiry and last use'
            cand revoke 'Revoke a token: refused on every central within 2 seconds'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;token;help;create'= {
        }
        &'hyctl;token;help;list'= {
        }
        &'hyctl;token;help;revoke'= {
        }
        &'hyctl;token;help;help'= {
        }
        &'hyctl;whoami'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;traffic'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --by 'Group by user (lifetime totals, the default), server, or over time by hour or day'
            cand --since 'Show history from this long ago (7d, 12h) or this date (2027-01-01): per day unless --by'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand --csv 'Print CSV (with a header line) instead of a table'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand export 'Stream every hourly bucket of a range, per server and user, as CSV (or JSON), for billing and spreadsheets: hour,server_id,server_name,user,tx,rx'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;traffic;export'= {
            cand --since 'From this long ago (7d, 12h) or this date (2027-01-01)'
            cand --until 'Until this long ago or this date [default: now]'
            cand --user 'Only this user'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;traffic;help'= {
            cand export 'Stream every hourly bucket of a range, per server and user, as CSV (or JSON), for billing and spreadsheets: hour,server_id,server_name,user,tx,rx'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;traffic;help;export'= {
        }
        &'hyctl;traffic;help;help'= {
        }
        &'hyctl;log'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --user 'Only this user'
            cand --since 'From this long ago (1h, 7d) or this date'
            cand --limit 'At most this many entries, newest first'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand --refused 'Only refusals'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;audit'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --user 'Only changes to this user (their devices and subscription included)'
            cand --actor 'Only changes by this credential: admin-token or token:NAME'
            cand --since 'From this long ago (1h, 7d) or this date'
            cand --limit 'At most this many entries, newest first'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;events'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --types 'Only these types, comma-separated, e.g. user.limited,user.expired'
            cand --since 'Also the events from this long ago (1h, 7d) or this date [default: 1h, or none with --follow]'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -f 'Keep printing events as they happen (until interrupted)'
            cand --follow 'Keep printing events as they happen (until interrupted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;session'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List who is connected: user, device, server, connections, when the node last said so (each node reports on every kick sweep, 10 s by default; counts older than 3 minutes are not shown). With --kind stream, one row per media session: stream, protocol, address, session time and bytes'
            cand ls 'List who is connected: user, device, server, connections, when the node last said so (each node reports on every kick sweep, 10 s by default; counts older than 3 minutes are not shown). With --kind stream, one row per media session: stream, protocol, address, session time and bytes'
            cand kill 'Close a user''s connections on every node (or one device''s), once, within about a second; the client may connect again (block the device or disable the user to keep it out)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;session;list'= {
            cand --user 'Only this user (and their devices)'
            cand --server 'Only this server (id or name)'
            cand --kind 'Only servers of this kind: hysteria, stream, proxy, gateway'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;session;ls'= {
            cand --user 'Only this user (and their devices)'
            cand --server 'Only this server (id or name)'
            cand --kind 'Only servers of this kind: hysteria, stream, proxy, gateway'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;session;kill'= {
            cand --device 'Only this device''s connections'
            cand --session 'Only this live media session (its id in `hyctl session list --kind stream`); the user''s other sessions go on'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;session;help'= {
            cand list 'List who is connected: user, device, server, connections, when the node last said so (each node reports on every kick sweep, 10 s by default; counts older than 3 minutes are not shown). With --kind stream, one row per media session: stream, protocol, address, session time and bytes'
            cand kill 'Close a user''s connections on every node (or one device''s), once, within about a second; the client may connect again (block the device or disable the user to keep it out)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;session;help;list'= {
        }
        &'hyctl;session;help;kill'= {
        }
        &'hyctl;session;help;help'= {
        }
        &'hyctl;webhook'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a webhook; prints its signing secret (this once)'
            cand list 'List webhooks: URL, types, delivered through, failures in a row'
            cand ls 'List webhooks: URL, types, delivered through, failures in a row'
            cand deliveries 'Show a webhook''s last deliveries'
            cand remove 'Remove a webhook'
            cand rm 'Remove a webhook'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;webhook;add'= {
            cand --events 'Only these event types, comma-separated [default: all]'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;webhook;list'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;webhook;ls'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;webhook;deliveries'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;webhook;remove'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;webhook;rm'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;webhook;help'= {
            cand add 'Add a webhook; prints its signing secret (this once)'
            cand list 'List webhooks: URL, types, delivered through, failures in a row'
            cand deliveries 'Show a webhook''s last deliveries'
            cand remove 'Remove a webhook'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;webhook;help;add'= {
        }
        &'hyctl;webhook;help;list'= {
        }
        &'hyctl;webhook;help;deliveries'= {
        }
        &'hyctl;webhook;help;remove'= {
        }
        &'hyctl;webhook;help;help'= {
        }
        &'hyctl;login'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --user 'Sign in as this admin account instead of saving a token (password from the terminal, or the first line of stdin)'
            cand --totp 'The account''s current TOTP code, when it has TOTP (asked for on a terminal otherwise)'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;logout'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;admin'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add an admin account'
            cand list 'List admin accounts: role, TOTP, last sign-in, open sessions'
            cand ls 'List admin accounts: role, TOTP, last sign-in, open sessions'
            cand set-role 'Change an account''s role'
            cand passwd 'Set an account''s password (ends its sessions)'
            cand totp 'Turn TOTP on (prints the seed and an otpauth:// link) or off (--off)'
            cand revoke 'End every session of an account on every central'
            cand remove 'Remove an account'
            cand rm 'Remove an account'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;admin;add'= {
            cand --role 'What it may do'
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;admin;list'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;admin;ls'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;admin;set-role'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;admin;passwd'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;admin;totp'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --off 'Turn it off'
            cand --qr 'Also draw the link as a QR code'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;admin;revoke'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;admin;remove'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;admin;rm'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;admin;help'= {
            cand add 'Add an admin account'
            cand list 'List admin accounts: role, TOTP, last sign-in, open sessions'
            cand set-role 'Change an account''s role'
            cand passwd 'Set an account''s password (ends its sessions)'
            cand totp 'Turn TOTP on (prints the seed and an otpauth:// link) or off (--off)'
            cand revoke 'End every session of an account on every central'
            cand remove 'Remove an account'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;admin;help;add'= {
        }
        &'hyctl;admin;help;list'= {
        }
        &'hyctl;admin;help;set-role'= {
        }
        &'hyctl;admin;help;passwd'= {
        }
        &'hyctl;admin;help;totp'= {
        }
        &'hyctl;admin;help;revoke'= {
        }
        &'hyctl;admin;help;remove'= {
        }
        &'hyctl;admin;help;help'= {
        }
        &'hyctl;config'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Print the config file''s settings (the token redacted)'
            cand set 'Set one setting: central, token, token-file or ca-file'
            cand unset 'Remove one setting'
            cand path 'Print the config file''s path'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;config;show'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;config;set'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;config;unset'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;config;path'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;config;help'= {
            cand show 'Print the config file''s settings (the token redacted)'
            cand set 'Set one setting: central, token, token-file or ca-file'
            cand unset 'Remove one setting'
            cand path 'Print the config file''s path'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;config;help;show'= {
        }
        &'hyctl;config;help;set'= {
        }
        &'hyctl;config;help;unset'= {
        }
        &'hyctl;config;help;path'= {
        }
        &'hyctl;config;help;help'= {
        }
        &'hyctl;version'= {
            cand --central 'Central''s URL [default: from the config file, else http://127.0.0.1:9090]'
            cand --token 'Admin token [default: from the config file, else central''s token file]'
            cand --token-file 'Read the admin token from this file (as central writes it: <db>.admin-token)'
            cand --ca-file 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --timeout 'Give up on a request after this long'
            cand --color 'When to use colour and terminal line drawing'
            cand --json 'Print JSON (raw integers, RFC 3339 times) and nothing else on stdout'
            cand -q 'Print only ids, one per line'
            cand --quiet 'Print only ids, one per line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;completions'= {
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;central'= {
            cand --listen 'Address to listen on; `:9090` means every interface, port 9090'
            cand --db 'SQLite database file, created on first run (the admin token is written beside it as `<db>.admin-token`); or a PostgreSQL URL, `postgres://user@host:5432/dbname`, which several centrals may share. TLS to PostgreSQL: `?sslmode=verify-full` (the certificate checked against `sslrootcert=FILE` or --db-ca-file, else the public roots; `require` and `verify-ca` mean the same); without sslmode, or with `disable`, no TLS'
            cand --password-file 'With a PostgreSQL --db: a file whose first line is the password (else the URL''s, else PGPASSWORD)'
            cand --db-ca-file 'With a PostgreSQL --db: encrypt the connection and verify the server''s certificate and host name against this PEM CA file'
            cand --admin-token-file 'Where a newly generated admin token is written (mode 0600). Default: beside a SQLite --db; `central.admin-token` in the working directory with PostgreSQL'
            cand --tls-cert 'PEM certificate chain: serve HTTPS instead of HTTP (needs --tls-key)'
            cand --tls-key 'PEM private key of --tls-cert'
            cand --db-pool-size 'With PostgreSQL: connections this central keeps open (reports, polls and admin requests share them; size the server''s max_connections for every central)'
            cand --lease-ttl 'With PostgreSQL: how long the schedule''s leader lease lasts (renewed every third of it); a stopped leader''s work resumes on another central within about this long'
            cand --history-days 'Days of hourly traffic history to keep (totals are kept forever)'
            cand --log-days 'Days of agents'' auth decisions to keep (`hyctl log`)'
            cand --audit-days 'Days of the admin audit trail to keep (`hyctl audit`)'
            cand --public-url 'Central''s address as clients reach it (`https://panel.example.com`), for subscription links; default: the scheme and Host of the admin request that asks for one'
            cand --sub-rate 'Subscription fetches allowed per client address and minute (`/sub/...`); more get 429'
            cand --log-format 'Log line format; the level is set with RUST_LOG (e.g. `info`, `hy_central=debug`)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand backup 'Copy the database while central runs (SQLite online backup), then check the copy'
            cand migrate 'Copy a SQLite installation into a PostgreSQL database, checked, in one transaction'
            cand rotate-token 'Replace the admin token: writes a new token file; running centrals switch within 5 s'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;central;backup'= {
            cand --db 'SQLite database file of central'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;central;migrate'= {
            cand --from 'Central''s SQLite database file'
            cand --to 'The PostgreSQL database: postgres://USER@HOST:PORT/DB (password from the URL, --password-file or PGPASSWORD)'
            cand --password-file 'Read the PostgreSQL password from this file (its first line)'
            cand --force 'Replace what the PostgreSQL database already holds'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;central;rotate-token'= {
            cand --db 'Central''s database: a SQLite file (the token goes to `<db>.admin-token`) or a PostgreSQL URL (password from the URL or PGPASSWORD)'
            cand --admin-token-file 'Where to write the new token (mode 0600); default beside a SQLite --db, else `central.admin-token`'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;central;help'= {
            cand backup 'Copy the database while central runs (SQLite online backup), then check the copy'
            cand migrate 'Copy a SQLite installation into a PostgreSQL database, checked, in one transaction'
            cand rotate-token 'Replace the admin token: writes a new token file; running centrals switch within 5 s'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;central;help;backup'= {
        }
        &'hyctl;central;help;migrate'= {
        }
        &'hyctl;central;help;rotate-token'= {
        }
        &'hyctl;central;help;help'= {
        }
        &'hyctl;agent'= {
            cand --server-id 'This node''s server id, as central knows it (`hyctl server add` prints it)'
            cand --central 'Central''s base URL, e.g. https://central.example:9090; sets both URLs below'
            cand --central-server-auth 'Central''s auth URL (the original flag); the list is fetched from <URL>/<server-id>'
            cand --central-server-traffic 'Central''s traffic URL (the original flag); reports go to <URL>/<server-id>'
            cand --central-ca 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --state-dir 'Directory for the last good user list and the traffic spool (created, mode 0700)'
            cand --interval-auth 'How often to refresh the user list (changes also arrive at once by long poll)'
            cand --interval-traffic-to-central 'How often to report collected traffic to central'
            cand --ready-max-list-age '/readyz fails when central has not confirmed the user list for this long'
            cand --log-format 'Log line format; the level is set with RUST_LOG (e.g. `info`, `hy_node=debug`)'
            cand --proxy-server 'Hysteria''s trafficStats API address, for /online and /kick'
            cand --traffic-server 'Hysteria''s trafficStats API address, for /traffic'
            cand --secret 'Hysteria''s trafficStats secret, sent as the raw Authorization header (the default is the original system''s: set your own)'
            cand --listen 'Address of the auth endpoint Hysteria calls (keep it on loopback)'
            cand --auth-path 'Also answer auth at /<PATH> (use a random string and put it in Hysteria''s auth URL)'
            cand --interval-kick 'How often to check /online and kick users who are no longer allowed'
            cand --interval-traffic-from-proxy 'How often to collect traffic from Hysteria (/traffic?clear=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;stream'= {
            cand --server-id 'This node''s server id, as central knows it (`hyctl server add` prints it)'
            cand --central 'Central''s base URL, e.g. https://central.example:9090; sets both URLs below'
            cand --central-server-auth 'Central''s auth URL (the original flag); the list is fetched from <URL>/<server-id>'
            cand --central-server-traffic 'Central''s traffic URL (the original flag); reports go to <URL>/<server-id>'
            cand --central-ca 'PEM CA certificate(s) to trust for an HTTPS central with a private CA'
            cand --state-dir 'Directory for the last good user list and the traffic spool (created, mode 0700)'
            cand --interval-auth 'How often to refresh the user list (changes also arrive at once by long poll)'
            cand --interval-traffic-to-central 'How often to report collected traffic to central'
            cand --ready-max-list-age '/readyz fails when central has not confirmed the user list for this long'
            cand --log-format 'Log line format; the level is set with RUST_LOG (e.g. `info`, `hy_node=debug`)'
            cand --listen 'Address the media server calls (keep it on loopback: it runs beside it)'
            cand --path-prefix 'Also answer under /<PREFIX>/ (a random string, put in the media server''s backend URL)'
            cand --auth-duration 'How long an admission holds before the media server asks again (Flussonic''s X-AuthDuration), 30s to 1h'
            cand --srs-api 'SRS''s HTTP API (e.g. http://127.0.0.1:1985): sessions killed from central, or whose user lost access, are kicked through it (DELETE /api/v1/clients/{id}); without it they end at SRS''s on_stop only'
            cand --mediamtx-api 'MediaMTX''s control API (e.g. http://127.0.0.1:9997): its sessions are counted from its lists and kicked through it (POST /v3/<kind>/kick/{id}); without it MediaMTX sessions are decided at their start only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hyctl;help'= {
            cand user 'Manage users: who may connect, with which secret'
            cand device 'Manage a user''s devices: credentials of their own, blocked and limited one by one'
            cand server 'Manage servers (nodes) and which users may use them'
            cand token 'Manage API tokens for scripts and cron jobs, each with a role (owner only)'
            cand whoami 'Show which credential hyctl uses and its role'
            cand traffic 'Show traffic per user, or per server'
            cand log 'Show who the nodes admitted or refused, from where, and why'
            cand audit 'Show the changes made through the admin API: who, when, from where, before and after'
            cand events 'Print the fleet''s events (user limited, expired, changed; devices blocked...), and with --follow keep printing them as they happen'
            cand session 'Show who is connected now, per node, user and device'
            cand webhook 'Send events to a URL as signed POSTs (admin)'
            cand login 'Save central''s URL and token to the config file, after checking them; or sign in as an admin account (--user)'
            cand logout 'End the saved admin sign-in (`hyctl login --user`) on central and forget it here'
            cand admin 'Manage admin accounts: sign-in names, passwords, TOTP and roles (owner only)'
            cand config 'Show or change hyctl''s config file'
            cand version 'Print this client''s version and central''s'
            cand completions 'Print a shell completion script'
            cand central 'Run the central daemon, or manage its database offline'
            cand agent 'Run the node agent beside a Hysteria server'
            cand stream 'Run the media node beside a media server (Flussonic, MediaMTX and SRS so far)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hyctl;help;user'= {
            cand add 'Create a user; prints its secret (what its Hysteria clients send as `auth`)'
            cand list 'List users with their state, usage against limit and expiry'
            cand show 'Show one user'
            cand update 'Change a user''s secret, limits or settings (only what is given changes)'
            cand disable 'Switch users off: refused and disconnected on every node within about a second'
            cand enable 'Switch users back on'
            cand reset-traffic 'Start a new usage period now (a limited user becomes active; lifetime traffic stays)'
            cand rotate-secret 'Replace a user''s secret with a generated one; prints it'
            cand delete 'Delete users, with their assignments and traffic'
            cand sub 'Print a user''s subscription link (issued on first use): one URL their client app refreshes, in the format it reads'
            cand uri 'Print a user''s hysteria2:// share links, one per server with a public host'
            cand import 'Create many users from a CSV (`id[,secret]`) or JSON lines (`{"id":..,"secret":..}`) file'
        }
        &'hyctl;help;user;add'= {
        }
        &'hyctl;help;user;list'= {
        }
        &'hyctl;help;user;show'= {
        }
        &'hyctl;help;user;update'= {
        }
        &'hyctl;help;user;disable'= {
        }
        &'hyctl;help;user;enable'= {
        }
        &'hyctl;help;user;reset-traffic'= {
        }
        &'hyctl;help;user;rotate-secret'= {
        }
        &'hyctl;help;user;delete'= {
        }
        &'hyctl;help;user;sub'= {
        }
        &'hyctl;help;user;uri'= {
        }
        &'hyctl;help;user;import'= {
        }
        &'hyctl;help;device'= {
            cand add 'Add a device to a user; prints its secret (what that client sends as `auth`)'
            cand list 'List a user''s devices with their state, last use and traffic'
            cand show 'Show one device'
            cand update 'Change a device''s limits or secret (only what is given changes)'
            cand block 'Block a device: refused and disconnected on every node within about a second'
            cand unblock 'Let a blocked device connect again'
            cand rotate-secret 'Replace a device''s secret with a generated one; prints it'
            cand remove 'Remove a device (its traffic stays in its user''s)'
        }
        &'hyctl;help;device;add'= {
        }
        &'hyctl;help;device;list'= {
        }
        &'hyctl;help;device;show'= {
        }
        &'hyctl;help;device;update'= {
        }
        &'hyctl;help;device;block'= {
        }
        &'hyctl;help;device;unblock'= {
        }
        &'hyctl;help;device;rotate-secret'= {
        }
        &'hyctl;help;device;remove'= {
        }
        &'hyctl;help;server'= {
            cand add 'Create a server; prints its generated id (the node''s credential)'
            cand list 'List servers'
            cand show 'Show one server'
            cand rename 'Rename a server, or remove its name'
            cand link 'Set how clients reach a server (used by `hyctl user uri`); replaces the previous settings'
            cand bootstrap 'Print everything to bring up a node: agent env file, systemd unit, Hysteria config'
            cand set-multiplier 'Change how much a server''s traffic counts against quotas (from now on)'
            cand delete 'Delete a server; its agent is refused from then on'
            cand assign 'Allow users on a server (already assigned users are fine); an id central has never seen is registered as a new hysteria server, as the original API does'
            cand unassign 'Remove users from a server; its agent refuses and disconnects them within a second'
            cand users 'List the users assigned to a server'
        }
        &'hyctl;help;server;add'= {
        }
        &'hyctl;help;server;list'= {
        }
        &'hyctl;help;server;show'= {
        }
        &'hyctl;help;server;rename'= {
        }
        &'hyctl;help;server;link'= {
        }
        &'hyctl;help;server;bootstrap'= {
        }
        &'hyctl;help;server;set-multiplier'= {
        }
        &'hyctl;help;server;delete'= {
        }
        &'hyctl;help;server;assign'= {
        }
        &'hyctl;help;server;unassign'= {
        }
        &'hyctl;help;server;users'= {
        }
        &'hyctl;help;token'= {
            cand create 'Create a token; prints it (this once)'
            cand list 'List tokens with their role, expiry and last use'
            cand revoke 'Revoke a token: refused on every central within 2 seconds'
        }
        &'hyctl;help;token;create'= {
        }
        &'hyctl;help;token;list'= {
        }
        &'hyctl;help;token;revoke'= {
        }
        &'hyctl;help;whoami'= {
        }
        &'hyctl;help;traffic'= {
            cand export 'Stream every hourly bucket of a range, per server and user, as CSV (or JSON), for billing and spreadsheets: hour,server_id,server_name,user,tx,rx'
        }
        &'hyctl;help;traffic;export'= {
        }
        &'hyctl;help;log'= {
        }
        &'hyctl;help;audit'= {
        }
        &'hyctl;help;events'= {
        }
        &'hyctl;help;session'= {
            cand list 'List who is connected: user, device, server, connections, when the node last said so (each node reports on every kick sweep, 10 s by default; counts older than 3 minutes are not shown). With --kind stream, one row per media session: stream, protocol, address, session time and bytes'
            cand kill 'Close a user''s connections on every node (or one device''s), once, within about a second; the client may connect again (block the device or disable the user to keep it out)'
        }
        &'hyctl;help;session;list'= {
        }
        &'hyctl;help;session;kill'= {
        }
        &'hyctl;help;webhook'= {
            cand add 'Add a webhook; prints its signing secret (this once)'
            cand list 'List webhooks: URL, types, delivered through, failures in a row'
            cand deliveries 'Show a webhook''s last deliveries'
            cand remove 'Remove a webhook'
        }
        &'hyctl;help;webhook;add'= {
        }
        &'hyctl;help;webhook;list'= {
        }
        &'hyctl;help;webhook;deliveries'= {
        }
        &'hyctl;help;webhook;remove'= {
        }
        &'hyctl;help;login'= {
        }
        &'hyctl;help;logout'= {
        }
        &'hyctl;help;admin'= {
            cand add 'Add an admin account'
            cand list 'List admin accounts: role, TOTP, last sign-in, open sessions'
            cand set-role 'Change an account''s role'
            cand passwd 'Set an account''s password (ends its sessions)'
            cand totp 'Turn TOTP on (prints the seed and an otpauth:// link) or off (--off)'
            cand revoke 'End every session of an account on every central'
            cand remove 'Remove an account'
        }
        &'hyctl;help;admin;add'= {
        }
        &'hyctl;help;admin;list'= {
        }
        &'hyctl;help;admin;set-role'= {
        }
        &'hyctl;help;admin;passwd'= {
        }
        &'hyctl;help;admin;totp'= {
        }
        &'hyctl;help;admin;revoke'= {
        }
        &'hyctl;help;admin;remove'= {
        }
        &'hyctl;help;config'= {
            cand show 'Print the config file''s settings (the token redacted)'
            cand set 'Set one setting: central, token, token-file or ca-file'
            cand unset 'Remove one setting'
            cand path 'Print the config file''s path'
        }
        &'hyctl;help;config;show'= {
        }
        &'hyctl;help;config;set'= {
        }
        &'hyctl;help;config;unset'= {
        }
        &'hyctl;help;config;path'= {
        }
        &'hyctl;help;version'= {
        }
        &'hyctl;help;completions'= {
        }
        &'hyctl;help;central'= {
            cand backup 'Copy the database while central runs (SQLite online backup), then check the copy'
            cand migrate 'Copy a SQLite installation into a PostgreSQL database, checked, in one transaction'
            cand rotate-token 'Replace the admin token: writes a new token file; running centrals switch within 5 s'
        }
        &'hyctl;help;central;backup'= {
        }
        &'hyctl;help;central;migrate'= {
        }
        &'hyctl;help;central;rotate-token'= {
        }
        &'hyctl;help;agent'= {
        }
        &'hyctl;help;stream'= {
        }
        &'hyctl;help;help'= {
        }
    ]
    $completions[$command]
}
