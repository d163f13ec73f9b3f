//! Which role each admin route needs, in one place: the extractor every admin handler takes
//! ([`super::extract::AdminAuth`]) asks here, so no handler can forget its check.
//!
//! Reading needs `viewer`; changing users, their devices and subscriptions `operator`;
//! changing servers and assignments, the seed's `/api/...` (it creates users and assigns
//! them), and reading the audit trail, `admin`; API tokens and admins `owner`, even to read.

use axum::http::Method;
use hy_api::admins::Role;

/// The least role that may call `method` on the route pattern `route` (`/admin/users/{id}`).
pub fn required(method: &Method, route: &str) -> Role {
    // One's own session and password: anyone signed in.
    if route.starts_with("/admin/me/") || route == "/admin/logout" {
        return Role::Viewer;
    }
    if route.starts_with("/admin/tokens") || route.starts_with("/admin/admins") {
        return Role::Owner;
    }
    // The trail names every credential and change, and a webhook sends events outside: for
    // those who run the fleet.
    if route.starts_with("/admin/audit") || route.starts_with("/admin/webhooks") {
        return Role::Admin;
    }
    // Reading a subscription issues one on first ask: a change, an operator's.
    let reads =
        (method == Method::GET || method == Method::HEAD) && !route.ends_with("/subscription");
    if reads {
        return Role::Viewer;
    }
    // The seed's API creates users and assigns them to the media servers with their tokens.
    if route.starts_with("/admin/servers") || route.starts_with("/api/") {
        return Role::Admin;
    }
    Role::Operator
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_route_needs_its_role() {
        let cases = [
            (Method::GET, "/admin/users", Role::Viewer),
            (Method::GET, "/metrics", Role::Viewer),
            (Method::POST, "/admin/users", Role::Operator),
            (
                Method::PATCH,
                "/admin/users/{id}/devices/{name}",
                Role::Operator,
            ),
            (
                Method::GET,
                "/admin/users/{id}/subscription",
                Role::Operator,
            ),
            (Method::DELETE, "/admin/servers/{id}", Role::Admin),
            (Method::POST, "/admin/servers/{id}/users", Role::Admin),
            (Method::GET, "/admin/tokens", Role::Owner),
            (Method::GET, "/admin/audit", Role::Admin),
            (Method::GET, "/admin/webhooks", Role::Admin),
            (Method::POST, "/admin/logout", Role::Viewer),
            (Method::POST, "/admin/me/password", Role::Viewer),
            (Method::POST, "/admin/admins", Role::Owner),
            (Method::POST, "/admin/tokens", Role::Owner),
            (Method::GET, "/api/tokens", Role::Viewer),
            (Method::POST, "/api/tokens", Role::Admin),
            (Method::DELETE, "/api/sessions/{id}", Role::Admin),
        ];
        for (method, route, role) in cases {
            assert_eq!(required(&method, route), role, "{method} {route}");
        }
    }
}
