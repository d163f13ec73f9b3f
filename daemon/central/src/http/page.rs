//! The paging parameters every list endpoint takes, and its two answer shapes.

use hy_api::page::{Listed, Page, PageQuery};
use serde::Deserialize;

use super::error::ApiError;

/// `?limit=&after=&q=` of a list endpoint.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// Answer one page of at most this many items (1 to 1000), in id order, with the cursor
    /// of the next page; without it, the whole list as an array (the original shape).
    limit: Option<u32>,
    /// The `next` cursor of the previous page.
    after: Option<String>,
    /// Only items whose id contains this text, ignoring ASCII case (users: also the note,
    /// email, display name or Telegram id; servers: the name).
    q: Option<String>,
}

impl Paging {
    /// The checked query.
    pub fn query(self) -> Result<PageQuery, ApiError> {
        let q = PageQuery {
            limit: self.limit,
            after: self.after,
            q: self.q.filter(|q| !q.is_empty()),
        };
        q.check().map_err(ApiError::BadRequest)?;
        Ok(q)
    }
}

/// The answer: a page when a limit was asked for, else the array.
pub fn listed<T>(page: &PageQuery, (items, next): (Vec<T>, Option<String>)) -> Listed<T> {
    match page.limit {
        Some(_) => Listed::Page(Page { items, next }),
        None => Listed::All(items),
    }
}
