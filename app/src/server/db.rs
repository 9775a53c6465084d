//! The connection pool. SQL is written once, with `$1` placeholders and
//! portable types (TEXT, BIGINT), and runs on SQLite and PostgreSQL through
//! sqlx's `Any` driver.

use std::path::Path;
use std::time::Duration;

use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{Any, AnyPool, Executor, Transaction};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
}

pub type Tx = Transaction<'static, Any>;
pub type Row = AnyRow;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

impl Db {
    /// Connects, creating the SQLite file (and its folder) when missing, and
    /// applies pending migrations.
    pub async fn connect(url: &str) -> Result<Self, String> {
        sqlx::any::install_default_drivers();
        let backend = backend_of(url)?;
        let url = if backend == Backend::Sqlite {
            prepare_sqlite_url(url)?
        } else {
            url.to_string()
        };

        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
            .acquire_timeout(Duration::from_secs(30))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // A writer waits for the lock instead of failing with
                        // "database is locked".
                        conn.execute("PRAGMA busy_timeout = 15000").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                    } else {
                        // A runaway query is cut off instead of holding a
                        // connection (and its row locks) indefinitely.
                        conn.execute("SET statement_timeout = '30s'").await?;
                        conn.execute("SET lock_timeout = '15s'").await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await
            .map_err(|e| format!("cannot open the database at {}: {e}", redact_url(&url)))?;

        if backend == Backend::Sqlite {
            // WAL lets readers run while one writer writes; the setting is
            // stored in the file, so once is enough.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await
                .map_err(|e| format!("cannot switch SQLite to WAL mode: {e}"))?;
        }
        migrate(&pool, backend)
            .await
            .map_err(|e| format!("cannot apply database migrations: {e}"))?;
        Ok(Self { pool, backend })
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Row-lock suffix for a `SELECT` inside a write transaction.
    /// PostgreSQL needs it so two deciders serialize on the row; SQLite has
    /// no such clause and already holds the whole-database write lock.
    pub fn for_update(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite => "",
            Backend::Postgres => " FOR UPDATE",
        }
    }

    /// Like [`Db::for_update`], locking only the rows of the table with
    /// alias `table`: PostgreSQL refuses `FOR UPDATE` on a query with an
    /// outer join unless it names the table to lock.
    pub fn for_update_of(&self, table: &str) -> String {
        match self.backend {
            Backend::Sqlite => String::new(),
            Backend::Postgres => format!(" FOR UPDATE OF {table}"),
        }
    }

    /// Starts a transaction that holds the write lock from its first
    /// statement. On SQLite a plain (deferred) BEGIN that reads first cannot
    /// upgrade to a writer once another connection has committed, and fails
    /// at once despite the busy timeout; `BEGIN IMMEDIATE` waits instead.
    /// PostgreSQL locks rows, so a plain BEGIN is right there.
    pub async fn begin_write(&self) -> Result<Tx, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }
}

/// Applies pending migrations, one server at a time. On PostgreSQL sqlx
/// takes an advisory lock for this. On SQLite its lock does nothing, so two
/// servers starting at once on a new file would both create the tables and
/// one would fail; there the whole run happens inside one `BEGIN IMMEDIATE`
/// transaction (each migration becomes a savepoint in it), and a second
/// server waits for the first, then finds nothing left to do.
async fn migrate(pool: &AnyPool, backend: Backend) -> Result<(), sqlx::migrate::MigrateError> {
    match backend {
        Backend::Postgres => {
            MIGRATOR.run(pool).await?;
            postgres_search_indexes(pool).await;
            postgres_status_counts(pool).await?;
            Ok(())
        }
        Backend::Sqlite => {
            let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
            MIGRATOR.run(&mut *tx).await?;
            sqlite_search_index(&mut tx).await?;
            sqlite_status_counts(&mut tx).await?;
            tx.commit().await?;
            Ok(())
        }
    }
}

/// The review queue's search looks for a term anywhere inside an
/// organization's name, registration id or contact email. A plain
/// `LIKE '%term%'` reads every application when the term is rare (about
/// 100 ms at 100,000 applications); a trigram index answers in a few.
/// The index differs per database, so it is made here rather than in the
/// shared migrations, idempotently, on every start.
///
/// SQLite: an FTS5 table with the trigram tokenizer, kept in step with
/// `application` by triggers and filled once from the existing rows.
async fn sqlite_search_index(tx: &mut Tx) -> Result<(), sqlx::Error> {
    let exists: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'application_search'",
    )
    .fetch_optional(&mut **tx)
    .await?;
    if exists.is_none() {
        for statement in [
            "CREATE VIRTUAL TABLE application_search USING fts5(
                application_id UNINDEXED, name, registration, email, tokenize = 'trigram')",
            "INSERT INTO application_search (application_id, name, registration, email)
                SELECT application_id, name_normalized, registration_id_normalized, contact_email_normalized
                FROM application",
            "CREATE TRIGGER application_search_insert AFTER INSERT ON application BEGIN
                INSERT INTO application_search (application_id, name, registration, email)
                VALUES (new.application_id, new.name_normalized, new.registration_id_normalized,
                        new.contact_email_normalized);
            END",
        ] {
            sqlx::query(statement).execute(&mut **tx).await?;
        }
    }
    // FTS5 finds rows by text or by its own rowid only; an equality on the
    // application id would read the whole index. An ordinary index on the
    // id's column in FTS5's content table turns it into a look-up, which
    // the update and delete triggers use (a purge of thousands of rows
    // otherwise held the write lock for minutes). Made on every start, so a
    // database from before the index gets it too.
    for statement in [
        "CREATE INDEX IF NOT EXISTS application_search_id_idx ON application_search_content (c0)",
        "DROP TRIGGER IF EXISTS application_search_update",
        "CREATE TRIGGER application_search_update
            AFTER UPDATE OF name_normalized, registration_id_normalized, contact_email_normalized
            ON application BEGIN
            UPDATE application_search SET name = new.name_normalized,
                registration = new.registration_id_normalized, email = new.contact_email_normalized
            WHERE rowid = (SELECT id FROM application_search_content WHERE c0 = old.application_id);
        END",
        "DROP TRIGGER IF EXISTS application_search_delete",
        "CREATE TRIGGER application_search_delete AFTER DELETE ON application BEGIN
            DELETE FROM application_search
            WHERE rowid = (SELECT id FROM application_search_content WHERE c0 = old.application_id);
        END",
    ] {
        sqlx::query(statement).execute(&mut **tx).await?;
    }
    Ok(())
}

/// `application_status_count` is kept in step with `application` by
/// triggers, made (or replaced) here on every start, and then filled afresh
/// from the rows, which also mends any drift from a server version that
/// wrote without the triggers. SQLite: inside the migration's transaction,
/// which holds the write lock.
async fn sqlite_status_counts(tx: &mut Tx) -> Result<(), sqlx::Error> {
    for statement in [
        "DROP TRIGGER IF EXISTS application_count_insert",
        "CREATE TRIGGER application_count_insert AFTER INSERT ON application BEGIN
            INSERT INTO application_status_count (status, n) VALUES (new.status, 1)
            ON CONFLICT (status) DO UPDATE SET n = n + 1;
        END",
        "DROP TRIGGER IF EXISTS application_count_update",
        "CREATE TRIGGER application_count_update AFTER UPDATE OF status ON application
            WHEN old.status <> new.status BEGIN
            UPDATE application_status_count SET n = n - 1 WHERE status = old.status;
            INSERT INTO application_status_count (status, n) VALUES (new.status, 1)
            ON CONFLICT (status) DO UPDATE SET n = n + 1;
        END",
        "DROP TRIGGER IF EXISTS application_count_delete",
        "CREATE TRIGGER application_count_delete AFTER DELETE ON application BEGIN
            UPDATE application_status_count SET n = n - 1 WHERE status = old.status;
        END",
        "DELETE FROM application_status_count",
        "INSERT INTO application_status_count (status, n)
            SELECT status, COUNT(*) FROM application GROUP BY status",
    ] {
        sqlx::query(statement).execute(&mut **tx).await?;
    }
    Ok(())
}

/// PostgreSQL: the same with a PL/pgSQL trigger function. The refill locks
/// `application` against writes for its few milliseconds, so a submission
/// from a server still running cannot slip between the count and the swap.
/// Every status change then also updates one row of the count table, which
/// orders concurrent submissions on it until they commit; they are short.
async fn postgres_status_counts(pool: &AnyPool) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock(7203115)")
        .execute(&mut *tx)
        .await?;
    for statement in [
        "CREATE OR REPLACE FUNCTION application_status_count_sync() RETURNS trigger
            LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                UPDATE application_status_count SET n = n - 1 WHERE status = OLD.status;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO application_status_count (status, n) VALUES (NEW.status, 1)
                ON CONFLICT (status) DO UPDATE SET n = application_status_count.n + 1;
            END IF;
            RETURN NULL;
        END $$",
        "CREATE OR REPLACE TRIGGER application_count_insert_delete
            AFTER INSERT OR DELETE ON application
            FOR EACH ROW EXECUTE FUNCTION application_status_count_sync()",
        "CREATE OR REPLACE TRIGGER application_count_update
            AFTER UPDATE OF status ON application
            FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
            EXECUTE FUNCTION application_status_count_sync()",
        "LOCK TABLE application IN SHARE MODE",
        "DELETE FROM application_status_count",
        "INSERT INTO application_status_count (status, n)
            SELECT status, COUNT(*) FROM application GROUP BY status",
    ] {
        sqlx::query(statement).execute(&mut *tx).await?;
    }
    tx.commit().await
}

/// PostgreSQL: trigram GIN indexes (the `pg_trgm` extension that ships
/// with PostgreSQL), which the planner uses for the same `LIKE '%term%'`.
/// Creating an extension needs the right to create in the database; without
/// it the search still works, only slower, so a failure is a warning.
async fn postgres_search_indexes(pool: &AnyPool) {
    let result: Result<(), sqlx::Error> = async {
        let mut tx = pool.begin().await?;
        // Servers starting together would otherwise race to create the
        // extension and one would fail on its unique name.
        sqlx::query("SELECT pg_advisory_xact_lock(7203114)")
            .execute(&mut *tx)
            .await?;
        for statement in [
            "CREATE EXTENSION IF NOT EXISTS pg_trgm",
            "CREATE INDEX IF NOT EXISTS application_name_trgm_idx
                ON application USING gin (name_normalized gin_trgm_ops)",
            "CREATE INDEX IF NOT EXISTS application_registration_trgm_idx
                ON application USING gin (registration_id_normalized gin_trgm_ops)",
            "CREATE INDEX IF NOT EXISTS application_email_trgm_idx
                ON application USING gin (contact_email_normalized gin_trgm_ops)",
        ] {
            sqlx::query(statement).execute(&mut *tx).await?;
        }
        tx.commit().await
    }
    .await;
    if let Err(e) = result {
        tracing::warn!(error = %e, "no trigram indexes for the application search; it works, but reads every application");
    }
}

fn backend_of(url: &str) -> Result<Backend, String> {
    if url.starts_with("sqlite:") {
        Ok(Backend::Sqlite)
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(Backend::Postgres)
    } else {
        Err(format!(
            "database URL {:?} is not supported: use sqlite://path/to/file.db or postgres://user@host/db",
            redact_url(url)
        ))
    }
}

/// Creates the file's folder and asks SQLite to create the file.
fn prepare_sqlite_url(url: &str) -> Result<String, String> {
    let rest = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    let path = rest.split('?').next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return Err("an in-memory SQLite database loses everything on restart; give a file path such as sqlite://data/coursegate.db".into());
    }
    if let Some(parent) = Path::new(path).parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create the folder {}: {e}", parent.display()))?;
        }
    }
    if rest.contains("mode=") {
        Ok(url.to_string())
    } else if rest.contains('?') {
        Ok(format!("{url}&mode=rwc"))
    } else {
        Ok(format!("{url}?mode=rwc"))
    }
}

/// Hides a password in a database URL before it is printed.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{}://{}:***@{}", &url[..scheme], user, &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

// ---- Queries built from the filters in use, and keyset paging ----

/// A value bound to a query built from the filters in use.
pub enum Bind {
    Text(String),
    Int(i64),
}

pub fn bind_all<'q>(
    mut query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    binds: &'q [Bind],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    for value in binds {
        query = match value {
            Bind::Text(text) => query.bind(text.as_str()),
            Bind::Int(n) => query.bind(*n),
        };
    }
    query
}

/// `%value%` with LIKE's wildcards escaped (used with `ESCAPE '\'`).
pub fn contains_pattern(value: &str) -> String {
    let escaped = value
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// Cursors are `<sort key>_<id>`; ids are UUIDs, which hold no underscore.
pub fn encode_cursor(key: i64, id: &str) -> String {
    format!("{key}_{id}")
}

pub fn decode_cursor(after: &str) -> Result<Option<(i64, String)>, crate::error::AppError> {
    if after.is_empty() {
        return Ok(None);
    }
    let malformed = || crate::error::AppError::BadRequest("The page cursor is malformed.".into());
    let (key, id) = after.split_once('_').ok_or_else(malformed)?;
    let key = key.parse::<i64>().map_err(|_| malformed())?;
    if id.is_empty() || id.len() > 64 {
        return Err(malformed());
    }
    Ok(Some((key, id.to_string())))
}

/// Column access that turns a type mismatch into a logged internal error.
pub trait RowExt {
    fn text(&self, column: &str) -> Result<String, crate::error::AppError>;
    fn opt_text(&self, column: &str) -> Result<Option<String>, crate::error::AppError>;
    fn int(&self, column: &str) -> Result<i64, crate::error::AppError>;
    fn opt_int(&self, column: &str) -> Result<Option<i64>, crate::error::AppError>;
}

impl RowExt for AnyRow {
    fn text(&self, column: &str) -> Result<String, crate::error::AppError> {
        sqlx::Row::try_get(self, column)
            .map_err(|e| crate::error::AppError::internal("failed to read a column", e))
    }
    fn opt_text(&self, column: &str) -> Result<Option<String>, crate::error::AppError> {
        sqlx::Row::try_get(self, column)
            .map_err(|e| crate::error::AppError::internal("failed to read a column", e))
    }
    fn int(&self, column: &str) -> Result<i64, crate::error::AppError> {
        sqlx::Row::try_get(self, column)
            .map_err(|e| crate::error::AppError::internal("failed to read a column", e))
    }
    fn opt_int(&self, column: &str) -> Result<Option<i64>, crate::error::AppError> {
        sqlx::Row::try_get(self, column)
            .map_err(|e| crate::error::AppError::internal("failed to read a column", e))
    }
}

/// A random secret kept in the database, so every server behind a load
/// balancer derives the same keyed hashes. Created on first start.
pub async fn instance_secret(db: &Db) -> Result<Vec<u8>, String> {
    use rand::RngCore;
    let mut fresh = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut fresh);
    let fresh_hex: String = fresh.iter().map(|b| format!("{b:02x}")).collect();
    // Two servers starting at once both try; the first insert wins. (A
    // failing plain INSERT would be logged as an error by PostgreSQL on
    // every start.)
    sqlx::query(
        "INSERT INTO instance_secret (name, value) VALUES ('status_link', $1)
         ON CONFLICT (name) DO NOTHING",
    )
    .bind(&fresh_hex)
    .execute(db.pool())
    .await
    .map_err(|e| format!("cannot store the instance secret: {e}"))?;
    let hex: String =
        sqlx::query_scalar("SELECT value FROM instance_secret WHERE name = 'status_link'")
            .fetch_one(db.pool())
            .await
            .map_err(|e| format!("cannot read the instance secret: {e}"))?;
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("zz"), 16))
        .collect::<Result<Vec<u8>, _>>()
        .map_err(|e| format!("the stored instance secret is damaged: {e}"))
}
