#![recursion_limit = "256"]
//! The Coursegate HTTP server: configuration, the axum router with its
//! middleware, and start-up tasks. `main.rs` is the command line around it;
//! the integration tests build the same router on port 0.

pub mod form_posts;
pub mod middleware;
pub mod seed;
pub mod sessions;

use std::sync::Arc;

use app::server::{AppState, Db, Settings};
use app::{shell, App};
use axum::routing::get;
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

/// Everything `serve` and the tests need: the router and the state behind it.
pub struct Server {
    pub router: Router,
    pub state: AppState,
}

/// Where cargo-leptos put the compiled site, from its `LEPTOS_*` variables
/// when it started us, or the workspace defaults otherwise.
pub fn leptos_options(settings: &Settings) -> LeptosOptions {
    let var =
        |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_string());
    let env = match var("LEPTOS_ENV", "DEV").to_ascii_uppercase().as_str() {
        "PROD" | "PRODUCTION" => leptos::config::Env::PROD,
        _ => leptos::config::Env::DEV,
    };
    LeptosOptions::builder()
        .output_name(var("LEPTOS_OUTPUT_NAME", "coursegate"))
        .site_root(var("LEPTOS_SITE_ROOT", "target/site"))
        .site_pkg_dir(var("LEPTOS_SITE_PKG_DIR", "pkg"))
        .env(env)
        .site_addr(
            settings
                .bind
                .parse::<std::net::SocketAddr>()
                .unwrap_or_else(|_| ([127, 0, 0, 1], 3000).into()),
        )
        .reload_port(
            var("LEPTOS_RELOAD_PORT", "3001")
                .parse::<u32>()
                .unwrap_or(3001),
        )
        .build()
}

/// Opens the database (migrating it), the session store, and builds the
/// router.
pub async fn build(settings: Settings, options: LeptosOptions) -> Result<Server, String> {
    let db = Db::connect(&settings.database_url).await?;
    let secret = app::server::db::instance_secret(&db).await?;
    let store = sessions::Store::connect(&settings.database_url).await?;
    let state = AppState::new(db, settings, secret);
    let router = router(state.clone(), options, store);
    Ok(Server { router, state })
}

/// The app's routes, worked out once per process.
///
/// Working them out renders the app with resource loading switched off by a
/// process-wide flag; a page rendering at that moment on another server in
/// the same process (the integration tests run several) would wait for its
/// data forever. Doing it once, before the first server exists, leaves no
/// such moment.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

fn router(state: AppState, options: LeptosOptions, store: sessions::Store) -> Router {
    let settings = state.settings.clone();
    let routes = route_list();
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            app::form_post::provide_from_request();
        }
    };
    let form_posts = form_posts::FormPosts {
        render: form_posts::renderer(leptos_axum::render_app_async_with_context(
            context.clone(),
            {
                let options = options.clone();
                move || shell(options.clone())
            },
        )),
        public_origin: Arc::new(settings.public_origin()),
    };

    // Behind HTTPS the `__Host-` prefix makes browsers refuse the cookie
    // unless it is Secure, host-only and for `/`, so a sibling subdomain or
    // a plain-HTTP page cannot plant or overwrite a session id.
    let cookie_name = if settings.cookie_secure {
        "__Host-coursegate_session"
    } else {
        "coursegate_session"
    };
    let sessions = SessionManagerLayer::new(store)
        .with_name(cookie_name)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(settings.cookie_secure)
        .with_path("/")
        // The stored expiry is only the outer bound (the longest idle time
        // of any role), so the store forgets abandoned sessions; it moves
        // forward whenever the session is saved, which `current_user` does
        // at most once a minute while someone is active. The per-role idle
        // and absolute timeouts are checked on every request there.
        .with_always_save(false)
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(
            settings
                .session_idle_minutes
                .max(settings.session_admin_idle_minutes),
        )));

    let ready_db = state.db.clone();
    Router::new()
        // Liveness: answers without touching the database.
        .route("/healthz", get(|| async { "ok" }))
        // Readiness: the database answers.
        .route("/readyz", get(move || readiness(ready_db.clone())))
        // The header's language switcher: a plain link, so it works without
        // JavaScript.
        .route(
            "/lang/{code}",
            get({
                let secure = settings.cookie_secure;
                let db = state.db.clone();
                move |path, query, session| {
                    switch_language(path, query, session, db.clone(), secure)
                }
            }),
        )
        .leptos_routes_with_context(&options, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context(
            context, shell,
        ))
        .with_state(options)
        .layer(axum::middleware::from_fn(
            middleware::isolate_reactive_owner,
        ))
        // Inside the session layer: the page rendered again sees the session.
        .layer(axum::middleware::from_fn_with_state(
            form_posts,
            form_posts::rerender_failed,
        ))
        // Inside the session layer, which it reads; outside `form_posts`, so
        // a failed plain post's page, rendered there, knows the person too.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::known_identity,
        ))
        .layer(sessions)
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(settings.public_origin()),
            middleware::reject_cross_site,
        ))
        .layer(axum::middleware::from_fn(middleware::refuse_nul))
        .layer(RequestBodyLimitLayer::new(settings.max_body_bytes))
        .layer(axum::middleware::from_fn(middleware::security_headers))
        // Pages, answers and the 2 MB WASM bundle go out brotli- or
        // gzip-compressed to browsers that ask; the bundle shrinks to a
        // quarter, and browsers cache it.
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn(middleware::log_request))
}

#[derive(serde::Deserialize)]
struct SwitchQuery {
    next: Option<String>,
}

/// Remembers the chosen language in a cookie for a year and goes back to
/// the page the person was on. Only a path on this site is followed, so the
/// link cannot be used to send someone elsewhere.
async fn switch_language(
    axum::extract::Path(code): axum::extract::Path<String>,
    axum::extract::Query(query): axum::extract::Query<SwitchQuery>,
    session: tower_sessions::Session,
    db: Db,
    secure: bool,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let Some(locale) = app::i18n::Locale::from_code(&code) else {
        return (http::StatusCode::NOT_FOUND, "unknown language").into_response();
    };
    // A signed-in person's mails follow the language they choose. Only
    // the user id is read from the session; whether the account may still
    // sign in does not matter for remembering a language.
    if let Ok(Some(auth)) = session.get::<serde_json::Value>("auth").await {
        if let Some(user_id) = auth.get("user_id").and_then(|v| v.as_str()) {
            if let Err(e) = app::profile::locale::remember(db.pool(), user_id, locale).await {
                // The cookie still switches the pages; only the mails lag.
                tracing::warn!(error = ?e, "failed to store the chosen language");
            }
        }
    }
    let next = app::i18n::safe_return_path(query.next.as_deref());
    let cookie = format!(
        "{}={}; Path=/; Max-Age=31536000; SameSite=Lax{}",
        app::i18n::COOKIE,
        locale.code(),
        if secure { "; Secure" } else { "" }
    );
    (
        http::StatusCode::SEE_OTHER,
        [
            (http::header::LOCATION, next),
            (http::header::SET_COOKIE, cookie),
            // The answer depends on the query; no cache may reuse it.
            (http::header::CACHE_CONTROL, "no-store".to_string()),
        ],
    )
        .into_response()
}

async fn readiness(db: Db) -> (http::StatusCode, &'static str) {
    match sqlx::query("SELECT 1").execute(db.pool()).await {
        Ok(_) => (http::StatusCode::OK, "ready"),
        Err(e) => {
            tracing::error!(error = %e, "readiness check failed");
            (
                http::StatusCode::SERVICE_UNAVAILABLE,
                "database unavailable",
            )
        }
    }
}

/// A consistent copy of a live SQLite database, taken with `VACUUM INTO`
/// while the server keeps running. PostgreSQL has `pg_dump` for this.
pub async fn backup(db: &Db, target: &std::path::Path) -> Result<(), String> {
    if db.backend() != app::server::db::Backend::Sqlite {
        return Err("backups of PostgreSQL are taken with pg_dump; see the README".into());
    }
    if target.exists() {
        return Err(format!(
            "{} already exists; choose a new file",
            target.display()
        ));
    }
    let path = target
        .to_str()
        .ok_or_else(|| format!("{} is not a UTF-8 path", target.display()))?;
    sqlx::query("VACUUM INTO $1")
        .bind(path)
        .execute(db.pool())
        .await
        .map_err(|e| format!("backup to {path} failed: {e}"))?;
    Ok(())
}

/// Creates the first system administrator when there is none, printing the
/// one-time link on standard output (never in the logs).
pub async fn ensure_first_admin(state: &AppState) -> Result<(), String> {
    if app::auth::server::has_system_admin(&state.db).await? {
        return Ok(());
    }
    let email = state.settings.first_admin_email.clone();
    let created =
        app::auth::server::create_system_admin(&state.db, &state.settings, &email, "first start")
            .await;
    let link = match created {
        Ok(link) => link,
        // Another server starting on the same empty database got there
        // first; it printed the link.
        Err(_) if app::auth::server::has_system_admin(&state.db).await? => return Ok(()),
        Err(e) => return Err(e),
    };
    println!("\nNo system administrator existed, so one was created for {email}.");
    println!(
        "Set its password within {} hours at:\n\n    {link}\n",
        state.settings.invitation_ttl_hours
    );
    Ok(())
}
