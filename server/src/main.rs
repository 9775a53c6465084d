//! `coursegate`: serve the platform, or manage it from the command line.

use app::server::Settings;
use axum::serve::ListenerExt;
use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

/// Page rendering allocates and frees many small strings per request; see
/// BENCHMARKS.md for what the allocator changed.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[derive(Parser)]
#[command(
    name = "coursegate",
    about = "Coursegate: education services for organizations"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web app (the default).
    Serve,
    /// Manage system administrators.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Copy the live SQLite database to a new file (consistent while serving).
    Backup {
        /// The file to create.
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Purge the personal data of rejected and withdrawn applications older
    /// than COURSEGATE_RETENTION_DAYS, as a running server does every
    /// COURSEGATE_PURGE_INTERVAL_MINUTES. Safe to run at any time, again
    /// or beside running servers.
    Purge,
    /// Fill the database with synthetic applications and customer
    /// organizations, for load and scale measurements (never production).
    Seed {
        #[arg(long, default_value_t = 100_000)]
        applications: usize,
        /// Approved applications that became organizations, each with an
        /// active Customer admin.
        #[arg(long, default_value_t = 10_000)]
        organizations: usize,
        /// The password of every seeded account.
        #[arg(long, env = "COURSEGATE_SEED_PASSWORD")]
        password: String,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create a system administrator and print a one-time set-password link.
    Create {
        #[arg(long)]
        email: String,
    },
}

fn init_logging(format: &str) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_sessions=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

fn fail(message: impl std::fmt::Display) -> ! {
    eprintln!("coursegate: {message}");
    std::process::exit(2);
}

#[tokio::main]
async fn main() {
    let cli = Cli::parse();
    let settings = Settings::load().unwrap_or_else(|e| fail(e));
    init_logging(&settings.log_format);

    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings).await,
        Command::Admin {
            command: AdminCommand::Create { email },
        } => {
            let db = app::server::Db::connect(&settings.database_url)
                .await
                .unwrap_or_else(|e| fail(e));
            let link =
                app::auth::server::create_system_admin(&db, &settings, &email, "command line")
                    .await
                    .unwrap_or_else(|e| fail(e));
            println!("System administrator {email} created. Set the password within {} hours at:\n\n    {link}\n", settings.invitation_ttl_hours);
        }
        Command::Backup { to } => {
            let db = app::server::Db::connect(&settings.database_url)
                .await
                .unwrap_or_else(|e| fail(e));
            server::backup(&db, &to).await.unwrap_or_else(|e| fail(e));
            println!("Backup written to {}", to.display());
        }
        Command::Purge => {
            let db = app::server::Db::connect(&settings.database_url)
                .await
                .unwrap_or_else(|e| fail(e));
            let days = settings.retention_days;
            let done = app::privacy::purge::purge(&db, days, app::server::now_ms())
                .await
                .unwrap_or_else(|e| fail(e));
            println!(
                "Purged {} applications ({} rejected, {} withdrawn) older than {days} days: \
                 {} messages cleared, {} mails deleted, {} audit details cleared.",
                done.applications,
                done.rejected,
                done.withdrawn,
                done.messages,
                done.mails,
                done.audit_details
            );
        }
        Command::Seed {
            applications,
            organizations,
            password,
        } => {
            let db = app::server::Db::connect(&settings.database_url)
                .await
                .unwrap_or_else(|e| fail(e));
            let plan = server::seed::Plan {
                applications,
                organizations,
                password,
            };
            server::seed::run(&db, &plan)
                .await
                .unwrap_or_else(|e| fail(e));
        }
    }
}

async fn serve(settings: Settings) {
    let options = server::leptos_options(&settings);
    let bind = settings.bind.clone();
    tracing::info!(database = %app::server::db::redact_url(&settings.database_url), "starting");
    let built = server::build(settings, options)
        .await
        .unwrap_or_else(|e| fail(e));
    // Take the port before creating the first administrator: a link printed
    // by a server that then cannot listen would point at someone else.
    let listener = tokio::net::TcpListener::bind(&bind)
        .await
        .unwrap_or_else(|e| {
            fail(format!(
                "cannot listen on {bind}: {e}. Set COURSEGATE_BIND (and COURSEGATE_PUBLIC_URL, which links use) to a free address"
            ))
        })
        // A response goes out in more than one write (headers, then the
        // compressed body in chunks). With Nagle's algorithm on, a later
        // small write waits for the client to acknowledge the first, and
        // clients delay that acknowledgement by up to 40 ms: one request in
        // twenty of a signed-in page took 40+ ms at one connection.
        .tap_io(|stream| {
            if let Err(e) = stream.set_nodelay(true) {
                tracing::debug!(error = %e, "could not set TCP_NODELAY on a connection");
            }
        });
    server::ensure_first_admin(&built.state)
        .await
        .unwrap_or_else(|e| fail(e));
    tracing::info!(address = %bind, "listening");

    // Mail delivery runs beside the server and stops with it; a mail it was
    // sending when stopped is retried once its lease runs out.
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let worker = match app::server::delivery::Mailer::from_settings(&built.state.settings) {
        Ok(Some(mailer)) => Some(tokio::spawn(app::server::delivery::run(
            built.state.clone(),
            mailer,
            stopped,
        ))),
        Ok(None) => {
            tracing::info!("no SMTP server configured: mail stays in the outbox");
            None
        }
        Err(e) => fail(e),
    };

    // The retention purge runs beside the server too; every server may run
    // it, since a purge finds only what no other run has purged yet.
    let purger = tokio::spawn(app::privacy::purge::run(
        built.state.clone(),
        stop.subscribe(),
    ));

    let app = built
        .router
        .into_make_service_with_connect_info::<std::net::SocketAddr>();
    // Graceful: stop accepting, finish the requests in flight, then exit.
    if let Err(e) = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown())
        .await
    {
        fail(format!("server error: {e}"));
    }
    let _ = stop.send(true);
    if let Some(worker) = worker {
        let _ = worker.await;
    }
    let _ = purger.await;
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
