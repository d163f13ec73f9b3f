//! Paged lists in SQL: the search predicate every list shares, and cutting a page with its
//! next cursor. Cursors are the last item's id: lists are in id order, so a page is a range.

/// SQL that is true when `param` is NULL or the text occurs, ignoring ASCII case, in `id` or
/// one of the `others` (SQL expressions; NULL never matches). `instr` rather than `LIKE`: a
/// search for `50%` or `a_b` means those characters, with nothing to escape.
pub fn matches(id: &str, others: &[&str], param: &str) -> String {
    let others: String = others
        .iter()
        .map(|n| format!(" OR instr(lower(COALESCE({n}, '')), lower({param})) > 0"))
        .collect();
    format!("({param} IS NULL OR instr(lower({id}), lower({param})) > 0{others})")
}

/// What a user search looks in besides the id, on either backend: the note and the contact
/// fields (the Telegram id as its digits).
pub const USER_SEARCH: [&str; 4] = [
    "u.note",
    "u.email",
    "u.display_name",
    "CAST(u.telegram_id AS TEXT)",
];

/// `items` read with one extra beyond `limit` → the page and the cursor of the next one.
pub fn split<T>(
    mut items: Vec<T>,
    limit: Option<u32>,
    id: impl Fn(&T) -> String,
) -> (Vec<T>, Option<String>) {
    match limit {
        Some(limit) if items.len() > limit as usize => {
            items.truncate(limit as usize);
            let next = items.last().map(id);
            (items, next)
        }
        _ => (items, None),
    }
}
