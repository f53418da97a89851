//! The connections: at most `MOST` at once (one more is closed as soon as it is accepted),
//! each with a few seconds to send its request's head, so that a flood of connections or a
//! slow sender cannot hold the server, and never the meeting (which runs on another thread).

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// Connections served at once: every browser of a meeting, and more.
pub const MOST: usize = 32;
/// Time to send a request's head (slowloris).
const HEAD_WITHIN: Duration = Duration::from_secs(5);
/// The most a request's head may take.
const HEAD_BYTES: usize = 16 * 1024;

/// Accepts connections on `listener` and answers them with `router`, for ever.
pub async fn serve(listener: TcpListener, router: Router) {
    let permits = Arc::new(Semaphore::new(MOST));
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) => {
                // (Out of file descriptors, say: wait a moment rather than spin.)
                tracing::warn!("web: cannot accept a connection: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let Ok(permit) = Arc::clone(&permits).try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let service = TowerToHyperService::new(router.clone());
        tokio::spawn(async move {
            let connection = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEAD_WITHIN)
                .max_buf_size(HEAD_BYTES)
                .serve_connection(TokioIo::new(stream), service);
            let _ = connection.await;
            drop(permit);
        });
    }
}
