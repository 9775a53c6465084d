//! The smallest useful axum server: one fixed HTML page. Whatever the
//! product's pages cost beyond this is the product's own cost.
//!
//! Usage: `bench-baseline 127.0.0.1:PORT` (loopback addresses only).

use axum::response::Html;
use axum::routing::get;
use axum::Router;

const PAGE: &str = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Baseline</title></head><body><h1>Baseline</h1><p>A fixed page.</p></body></html>";

#[tokio::main]
async fn main() {
    let addr: std::net::SocketAddr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3900".into())
        .parse()
        .unwrap_or_else(|e| {
            eprintln!("bench-baseline: the address must be IP:PORT: {e}");
            std::process::exit(2);
        });
    // A benchmark server has no business on a network interface.
    if !addr.ip().is_loopback() {
        eprintln!("bench-baseline: listens on loopback addresses only, not {addr}");
        std::process::exit(2);
    }
    let app = Router::new().route("/", get(|| async { Html(PAGE) }));
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .unwrap_or_else(|e| {
            eprintln!("bench-baseline: cannot listen on {addr}: {e}");
            std::process::exit(2);
        });
    if let Err(e) = axum::serve(listener, app).await {
        eprintln!("bench-baseline: {e}");
        std::process::exit(1);
    }
}
