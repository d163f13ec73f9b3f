//! The portal's words, one catalogue per language: English and Russian. A language is
//! chosen by `?lang=`, else by the browser's `Accept-Language`, else English. Adding one is
//! adding a catalogue here and its code to [`LANGUAGES`].

/// Every string the portal shows.
#[derive(Debug)]
pub struct Words {
    pub lang: &'static str,
    pub title: &'static str,
    pub usage: &'static str,
    pub of: &'static str,
    pub unlimited: &'static str,
    pub expires: &'static str,
    pub never: &'static str,
    pub state: &'static str,
    pub servers: &'static str,
    pub no_servers: &'static str,
    pub subscription: &'static str,
    pub subscription_help: &'static str,
    pub formats: &'static str,
    pub qr: &'static str,
    pub may_not_connect: &'static str,
    pub language: &'static str,
}

const EN: Words = Words {
    lang: "en",
    title: "Your connection",
    usage: "Used this period",
    of: "of",
    unlimited: "no limit",
    expires: "Expires",
    never: "never",
    state: "Status",
    servers: "Servers",
    no_servers: "No servers yet.",
    subscription: "Subscription link",
    subscription_help: "Paste this link into your app (v2rayN, sing-box, Clash Meta, Hysteria) to get every server and keep them up to date.",
    formats: "For a particular app",
    qr: "QR code",
    may_not_connect: "You cannot connect at the moment. Contact your provider.",
    language: "Language",
};

const RU: Words = Words {
    lang: "ru",
    title: "Ваше подключение",
    usage: "Использовано за период",
    of: "из",
    unlimited: "без ограничений",
    expires: "Действует до",
    never: "бессрочно",
    state: "Статус",
    servers: "Серверы",
    no_servers: "Серверов пока нет.",
    subscription: "Ссылка подписки",
    subscription_help: "Вставьте эту ссылку в приложение (v2rayN, sing-box, Clash Meta, Hysteria), чтобы получить все серверы и обновлять их автоматически.",
    formats: "Для отдельного приложения",
    qr: "QR-код",
    may_not_connect: "Сейчас подключиться нельзя. Обратитесь к поставщику.",
    language: "Язык",
};

/// The languages there are catalogues for, with their own names.
pub const LANGUAGES: [(&str, &str); 2] = [("en", "English"), ("ru", "Русский")];

/// The catalogue for `lang` (`?lang=`) or, failing that, the first language of
/// `accept_language` there is one for.
pub fn pick(lang: Option<&str>, accept_language: Option<&str>) -> &'static Words {
    let by_code = |code: &str| match code {
        "ru" => Some(&RU),
        "en" => Some(&EN),
        _ => None,
    };
    if let Some(w) = lang.and_then(by_code) {
        return w;
    }
    accept_language
        .unwrap_or_default()
        .split(',')
        .filter_map(|part| {
            let code = part.split(';').next()?.trim();
            by_code(code.split('-').next()?.to_ascii_lowercase().as_str())
        })
        .next()
        .unwrap_or(&EN)
}

#[cfg(test)]
mod tests {
    use super::pick;

    #[test]
    fn the_query_wins_then_the_browser_then_english() {
        assert_eq!(pick(Some("ru"), Some("en-US")).lang, "ru");
        assert_eq!(pick(None, Some("de-DE,ru;q=0.8,en;q=0.5")).lang, "ru");
        assert_eq!(pick(Some("xx"), Some("fr")).lang, "en");
        assert_eq!(pick(None, None).lang, "en");
    }
}
