//! The routes, all read-only: `/` the chair's page, `/room` the room's, `/events` their
//! server-sent events (`?view=chair|room`; the room's with the presenters' names only
//! with `names=1`). Only GET (and HEAD); anything else is 405, an
//! unknown path 404, and without access 403 before either.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use tokio::sync::watch;

use super::access::Access;
use crate::app::chair::Views;
use crate::i18n::Words;

/// What every request is answered from.
pub struct Shared {
    pub access: Access,
    pub views: watch::Receiver<Arc<Views>>,
    pub words: &'static Words,
    pub lang: &'static str,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    Chair,
    Room,
}

pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(chair_page))
        .route("/room", get(room_page))
        .route("/events", get(events))
        .fallback(|| async { StatusCode::NOT_FOUND })
        .layer(middleware::from_fn_with_state(Arc::clone(&shared), guard))
        .with_state(shared)
}

/// 403 without access; the headers that keep the pages to themselves on every answer.
async fn guard(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let host = request.headers().get(header::HOST).and_then(|h| h.to_str().ok());
    let mut response = if shared.access.allows(request.uri().query(), host) {
        test_panic(request.uri().path());
        next.run(request).await
    } else {
        StatusCode::FORBIDDEN.into_response()
    };
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn chair_page(State(shared): State<Arc<Shared>>) -> Html<String> {
    Html(page(&shared, Which::Chair))
}

async fn room_page(State(shared): State<Arc<Shared>>) -> Html<String> {
    Html(page(&shared, Which::Room))
}

/// The one page, in the user's words, for one view.
fn page(shared: &Shared, which: Which) -> String {
    let w = shared.words;
    let (view, title) = match which {
        Which::Chair => ("chair", w.chair.chair_page),
        Which::Room => ("room", w.chair.room_page),
    };
    let words = serde_json::json!({
        "page": title,
        "next": w.chair.next,
        "saksliste": w.chair.saksliste,
        "reconnecting": w.chair.reconnecting,
    });
    // (Our own words, but made safe inside a script all the same.)
    let words = words.to_string().replace('<', "\\u003c");
    include_str!("page.html").replace("__LANG__", shared.lang).replace("__VIEW__", view).replace("__WORDS__", &words)
}

/// The view as it stands at once, then each change, as JSON; a comment every 15 s keeps the
/// connection open through proxies.
async fn events(State(shared): State<Arc<Shared>>, request: Request) -> impl IntoResponse {
    let asked = |pair: &str| request.uri().query().is_some_and(|q| q.split('&').any(|p| p == pair));
    let which = if asked("view=room") { Which::Room } else { Which::Chair };
    let names = asked("names=1");
    let stream = futures_util::stream::unfold((shared.views.clone(), true), move |(mut views, first)| async move {
        if !first {
            views.changed().await.ok()?;
        }
        let now = Arc::clone(&views.borrow_and_update());
        let json = match which {
            Which::Chair => serde_json::to_string(&now.chair),
            Which::Room if names => serde_json::to_string(&now.room),
            Which::Room => {
                let mut room = now.room.clone();
                room.saksliste.iter_mut().for_each(|row| row.presenter = None);
                serde_json::to_string(&room)
            }
        }
        .ok()?;
        let event = Event::default().data(json).retry(Duration::from_secs(1));
        Some((Ok::<_, Infallible>(event), (views, false)))
    });
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

/// In a debug build with `REFERENT_TEST_PANIC` set, `/panic` panics: how the end-to-end
/// tests prove that a bug in the web pages' thread leaves the live meeting running.
fn test_panic(path: &str) {
    let asked = cfg!(debug_assertions) && path == "/panic" && std::env::var_os("REFERENT_TEST_PANIC").is_some();
    assert!(!asked, "a test panic in the web pages (REFERENT_TEST_PANIC)");
}
