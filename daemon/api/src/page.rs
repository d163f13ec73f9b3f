//! Paged lists: every list endpoint takes `?limit=N&after=CURSOR&q=TEXT` and answers a
//! [`Page`] when `limit` is given, in a stable order (by id), with the cursor of the next page.
//! Without `limit` the original unpaged array is answered, for the original system's scripts.

use serde::{Deserialize, Serialize};

/// Most items one page may hold.
pub const MAX_PAGE: u32 = 1000;

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    /// The items, in the list's stable order.
    pub items: Vec<T>,
    /// Pass as `after` to get the next page; `null` on the last page.
    pub next: Option<String>,
}

/// A list answer: the unpaged array (no `limit`), or one page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum Listed<T> {
    /// Everything, as the original API answers.
    All(Vec<T>),
    /// One page.
    Page(Page<T>),
}

/// The paging part of a list request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageQuery {
    /// Items per page (1 to [`MAX_PAGE`]); absent = the unpaged array.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The `next` cursor of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Only items whose id contains this text, ignoring ASCII case (for users also the note,
    /// email, display name or Telegram id; for servers the name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
}

impl PageQuery {
    /// Checks `limit` and the lengths of `after` and `q`; the message names the parameter.
    pub fn check(&self) -> Result<(), String> {
        if let Some(limit) = self.limit
            && !(1..=MAX_PAGE).contains(&limit)
        {
            return Err(format!(
                "`limit` must be between 1 and {MAX_PAGE}, not {limit}"
            ));
        }
        if self.after.as_ref().is_some_and(|a| a.len() > 256) {
            return Err("`after` is not a cursor this API gave out".into());
        }
        if self.q.as_ref().is_some_and(|q| q.len() > 256) {
            return Err("`q` is longer than 256 bytes".into());
        }
        Ok(())
    }
}
