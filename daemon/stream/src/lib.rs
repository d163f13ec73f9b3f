//! `hyctl stream`: the media-server adapter on the node runtime (`hy-node`), for Flussonic's
//! `auth_backend`, MediaMTX's external HTTP authentication, SRS's `http_hooks` and
//! nginx-rtmp's `on_play`/`on_publish`/`on_update`, all answered from one decision core.
//!
//! Built so far: the live session table ([`sessions`]), which counts sessions against their
//! limits without races and turns the servers' cumulative byte counts into deltas counted
//! exactly once; the runtime's plane over it ([`plane`]); and Flussonic's adapter
//! ([`flussonic`]). The other adapters and the `hyctl stream` command come next.

pub mod flussonic;
pub mod plane;
pub mod sessions;
