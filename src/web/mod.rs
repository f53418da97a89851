//! The read-only live web page for the chair and the room (`referent AGENDA --serve
//! [ADDR:]PORT`): the chair's view (what `referent follow` shows) at `/`, the room's at
//! `/room`, each change pushed to the browsers as server-sent events.
//!
//! The server runs on a thread of its own with its own tokio runtime, not on the live
//! loop's: whatever browsers (or a flood of connections) do costs the live meeting nothing
//! but handing over the views after each frame (`Served::publish`, which never waits).

pub mod access;
pub mod address;
pub mod code;
mod listen;
mod routes;

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::sync::watch;

use crate::app::chair::Views;
use crate::domain::agenda::Lang;
use crate::i18n::Words;

pub use listen::MOST;

/// The pages being served.
pub struct Served {
    address: SocketAddr,
    url: String,
    room_url: String,
    views: watch::Sender<Arc<Views>>,
}

impl Served {
    /// Where it listens (the port chosen, when 0 was asked for).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The chair's page, with its access token if it needs one.
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn room_url(&self) -> &str {
        &self.room_url
    }

    /// The chair's page as a QR code to scan with a phone, when the pages are on the
    /// network (a phone cannot reach this machine's own 127.0.0.1).
    pub fn code(&self) -> Vec<String> {
        if address::is_local(self.address) { Vec::new() } else { code::lines(&self.url) }
    }

    /// The views as the meeting stands now: sent to every browser when they changed.
    pub fn publish(&self, views: Views) {
        self.views.send_if_modified(|shown| {
            let changed = **shown != views;
            if changed {
                *shown = Arc::new(views);
            }
            changed
        });
    }
}

/// A place to listen, taken: nothing is served yet.
pub struct Bound {
    listener: std::net::TcpListener,
    address: SocketAddr,
}

/// Takes the address written as `at`; or says why it cannot (before the meeting opens).
pub fn bind(at: &str, words: &Words) -> Result<Bound, String> {
    let address = address::parse(at).ok_or_else(|| (words.chair.bad_address)(at))?;
    let cannot = |e: std::io::Error| (words.chair.cannot_serve)(&address.to_string(), &e.to_string());
    let listener = std::net::TcpListener::bind(address).map_err(cannot)?;
    listener.set_nonblocking(true).map_err(cannot)?;
    // (Port 0 gets its number here.)
    let address = listener.local_addr().map_err(cannot)?;
    Ok(Bound { listener, address })
}

impl Bound {
    /// Serves the pages in `lang`, on a thread of their own.
    pub fn serve(self, words: &'static Words, lang: Lang) -> Result<Served, String> {
        let Bound { listener, address } = self;
        let cannot = |e: std::io::Error| (words.chair.cannot_serve)(&address.to_string(), &e.to_string());
        let access = access::Access::new(address).map_err(cannot)?;
        let host = address::host(address, address::machine_name().as_deref());
        let url = format!("http://{host}{}", access.with_token("/"));
        let room_url = format!("http://{host}{}", access.with_token("/room"));
        let (views, receiver) = watch::channel(Arc::new(Views::default()));
        let shared = Arc::new(routes::Shared { access, views: receiver, words, lang: lang.code() });
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(cannot)?;
        std::thread::Builder::new()
            .name("web".into())
            .spawn(move || {
                runtime.block_on(async move {
                    match tokio::net::TcpListener::from_std(listener) {
                        Ok(listener) => listen::serve(listener, routes::router(shared)).await,
                        Err(e) => tracing::error!("web: cannot listen: {e}"),
                    }
                });
            })
            .map_err(cannot)?;
        tracing::info!("web: serving at {address}");
        Ok(Served { address, url, room_url, views })
    }
}

/// Starts serving the pages at the address written as `at`, in `lang`; or says why not.
pub fn start(at: &str, words: &'static Words, lang: Lang) -> Result<Served, String> {
    bind(at, words)?.serve(words, lang)
}

#[cfg(test)]
mod tests;
