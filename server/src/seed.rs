//! `coursegate seed`: fills a database with many applications and customer
//! organizations, so the review queue and the customer pages can be measured
//! at a realistic size.
//!
//! Rows go in as multi-row INSERTs, a batch per transaction: one statement
//! per row would spend most of its time in per-statement overhead and, on
//! SQLite, one commit (fsync) per row. Every seeded account shares one
//! argon2 hash of the given password: hashing ten thousand times would take
//! minutes and measures nothing the benchmark is about.

use std::io::Write as _;

use app::server::db::Tx;
use app::server::{normalize, tokens, Db};

/// Applications per transaction. An application row binds 25 values, so a
/// batch binds 10,000: under SQLite's limit (32,766) and PostgreSQL's
/// (65,535) on the parameters of one statement.
const BATCH: usize = 400;

/// The system administrator the benchmark signs in as.
pub const ADMIN_EMAIL: &str = "seed-admin@example.com";

/// The Customer admin of seeded organization `n` (counting from 0).
pub fn customer_email(n: usize) -> String {
    format!("customer-{n}@seed.example.com")
}

pub struct Plan {
    pub applications: usize,
    pub organizations: usize,
    pub password: String,
}

/// One value of a row: bound as a parameter, or a constant written into
/// the SQL. The `Any` driver needs each bound value's concrete type.
enum Value {
    Text(String),
    OptText(Option<String>),
    Int(i64),
    OptInt(Option<i64>),
    Sql(&'static str),
}

// Words the names are built from: searching for one word matches a
// fraction of the queue, searching for a whole name matches one row.
const FIRST: [&str; 16] = [
    "Aurora", "Boreal", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Iris",
    "Juniper", "Kestrel", "Lumen", "Meadow", "Nimbus", "Orchid", "Pine",
];
const SECOND: [&str; 8] = [
    "Learning",
    "Academy",
    "Systems",
    "Logistics",
    "Health",
    "Foods",
    "Energy",
    "Partners",
];
const COUNTRIES: [&str; 5] = ["FI", "SE", "EE", "DE", "NO"];
const ORG_TYPES: [&str; 3] = ["company", "public", "nonprofit"];
const ORG_SIZES: [&str; 4] = ["1-9", "10-49", "50-249", "250+"];
/// Statuses of the applications that did not become organizations.
const OPEN: [&str; 6] = [
    "submitted",
    "in_review",
    "info_requested",
    "resubmitted",
    "rejected",
    "withdrawn",
];

fn legal_name(n: usize) -> String {
    format!(
        "{} {} {n} Oy",
        FIRST[n % FIRST.len()],
        SECOND[(n / FIRST.len()) % SECOND.len()]
    )
}

pub async fn run(db: &Db, plan: &Plan) -> Result<(), String> {
    if plan.organizations > plan.applications {
        return Err("--organizations cannot exceed --applications: every organization comes from an approved application".into());
    }
    let seeded: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM app_user WHERE email_normalized = $1")
            .bind(normalize::email(ADMIN_EMAIL))
            .fetch_one(db.pool())
            .await
            .map_err(|e| format!("cannot read the database: {e}"))?;
    if seeded > 0 {
        return Err("this database was seeded already; seed a new file".into());
    }

    eprintln!("seed: hashing the shared password");
    let hash = app::server::auth::Hasher::new(1)
        .hash(plan.password.clone())
        .await
        .map_err(|e| format!("cannot hash the password: {e}"))?;
    let now = app::server::now_ms();
    // Spread over the last year, oldest first, so the queue's order is the
    // insertion order and a late cursor lands deep in the index.
    let span_ms: i64 = 365 * 24 * 3600 * 1000;
    let step = (span_ms / plan.applications.max(1) as i64).max(1);
    let start = now - step * plan.applications as i64;
    // Keeps the unique hashes of this run apart from any earlier rows.
    let run_id = app::server::new_id();
    // Every `every`-th application became an organization.
    let every = plan
        .applications
        .checked_div(plan.organizations)
        .unwrap_or(usize::MAX);

    let admin_id = app::server::new_id();
    let mut tx = begin(db).await?;
    insert(
        &mut tx,
        "app_user (user_id, email, email_normalized, role, password_hash, status, created_at, updated_at)",
        vec![vec![
            Value::Text(admin_id.clone()),
            Value::Text(ADMIN_EMAIL.into()),
            Value::Text(normalize::email(ADMIN_EMAIL)),
            Value::Sql("'system_admin'"),
            Value::Text(hash.clone()),
            Value::Sql("'active'"),
            Value::Int(now),
            Value::Int(now),
        ]],
    )
    .await?;
    commit(tx).await?;

    let started = std::time::Instant::now();
    let mut done = 0;
    let mut org_count = 0;
    while done < plan.applications {
        let end = (done + BATCH).min(plan.applications);
        let mut apps = Vec::with_capacity(end - done);
        let mut orgs = Vec::new();
        let mut users = Vec::new();
        for n in done..end {
            let created_at = start + step * n as i64;
            let approved = n % every == 0 && org_count < plan.organizations;
            let status = if approved {
                "approved"
            } else {
                OPEN[n % OPEN.len()]
            };
            let name = legal_name(n);
            let registration = format!("{n:07}-{}", n % 10);
            let country = COUNTRIES[n % COUNTRIES.len()];
            let contact_email = format!("contact-{n}@applicant.example.com");
            let org_type = ORG_TYPES[n % ORG_TYPES.len()];
            let org_size = ORG_SIZES[n % ORG_SIZES.len()];
            let application_id = app::server::new_id();
            let org_id = approved.then(app::server::new_id);
            if let Some(org_id) = &org_id {
                orgs.push(vec![
                    Value::Text(org_id.clone()),
                    Value::Text(application_id.clone()),
                    Value::Text(name.clone()),
                    Value::Text(normalize::organization_name(&name)),
                    Value::Text(registration.clone()),
                    Value::Text(normalize::registration_id(&registration)),
                    Value::Text(country.into()),
                    Value::Text(format!("Street {n}")),
                    Value::Sql("'00100'"),
                    Value::Sql("'Helsinki'"),
                    Value::Text(format!("Contact Person {n}")),
                    Value::Text(contact_email.clone()),
                    Value::Sql("'+358 40 123 4567'"),
                    Value::Text(org_type.into()),
                    Value::Text(org_size.into()),
                    Value::Sql("'active'"),
                    Value::Int(created_at),
                    Value::Int(created_at),
                ]);
                let email = customer_email(org_count);
                users.push(vec![
                    Value::Text(app::server::new_id()),
                    Value::Text(email.clone()),
                    Value::Text(normalize::email(&email)),
                    Value::Sql("'customer_admin'"),
                    Value::Text(org_id.clone()),
                    Value::Text(hash.clone()),
                    Value::Sql("'active'"),
                    Value::Int(created_at),
                    Value::Int(created_at),
                ]);
                org_count += 1;
            }
            let claimed = matches!(status, "in_review" | "info_requested" | "resubmitted");
            let decided = matches!(status, "approved" | "rejected");
            let asked = status == "info_requested";
            apps.push(vec![
                Value::Text(application_id),
                Value::Text(tokens::hash(&format!("{run_id}-status-{n}"))),
                Value::Text(tokens::hash(&format!("{run_id}-key-{n}"))),
                Value::Text(status.into()),
                Value::Text(name.clone()),
                Value::Text(normalize::organization_name(&name)),
                Value::Text(registration.clone()),
                Value::Text(normalize::registration_id(&registration)),
                Value::Text(country.into()),
                Value::Text(format!("Street {n}")),
                Value::Sql("'00100'"),
                Value::Sql("'Helsinki'"),
                Value::Text(format!("Contact Person {n}")),
                Value::Text(contact_email.clone()),
                Value::Text(normalize::email(&contact_email)),
                Value::Sql("'+358 40 123 4567'"),
                Value::Text(org_type.into()),
                Value::Text(org_size.into()),
                Value::Sql("'Leadership training for our managers.'"),
                Value::OptText(claimed.then(|| admin_id.clone())),
                Value::OptInt(claimed.then_some(created_at + 60_000)),
                Value::OptText(asked.then(|| "Please confirm the registration number.".into())),
                Value::OptText(asked.then(|| "registration_id".into())),
                Value::OptText(
                    (status == "rejected").then(|| "Outside the operator's market.".into()),
                ),
                Value::OptText(decided.then(|| admin_id.clone())),
                Value::OptInt(decided.then_some(created_at + 120_000)),
                Value::OptText(org_id),
                Value::Int(created_at),
                Value::Int(created_at),
            ]);
        }

        // Organizations first: applications and users point at them.
        let mut tx = begin(db).await?;
        insert(
            &mut tx,
            "organization (organization_id, application_id, legal_name, name_normalized,
                registration_id, registration_id_normalized, country, street_address, postal_code,
                city, contact_name, contact_email, phone, org_type, org_size, status, created_at,
                updated_at)",
            orgs,
        )
        .await?;
        insert(
            &mut tx,
            "application (application_id, status_token_hash, submission_key, status, legal_name,
                name_normalized, registration_id, registration_id_normalized, country,
                street_address, postal_code, city, contact_name, contact_email,
                contact_email_normalized, phone, org_type, org_size, intended_use, claimed_by,
                claimed_at, info_request_message, info_request_fields, rejection_reason,
                decided_by, decided_at, organization_id, created_at, updated_at)",
            apps,
        )
        .await?;
        insert(
            &mut tx,
            "app_user (user_id, email, email_normalized, role, organization_id, password_hash,
                status, created_at, updated_at)",
            users,
        )
        .await?;
        commit(tx).await?;

        done = end;
        let rate = done as f64 / started.elapsed().as_secs_f64().max(0.001);
        eprint!(
            "\rseed: {done}/{} applications, {org_count} organizations ({rate:.0} applications/s)   ",
            plan.applications
        );
        let _ = std::io::stderr().flush();
    }
    eprintln!();
    eprintln!(
        "seed: done in {:.1} s; sign in as {ADMIN_EMAIL} (system admin) or {} … {} (Customer admins)",
        started.elapsed().as_secs_f64(),
        customer_email(0),
        customer_email(org_count.saturating_sub(1)),
    );
    Ok(())
}

async fn begin(db: &Db) -> Result<Tx, String> {
    db.begin_write()
        .await
        .map_err(|e| format!("cannot start a transaction: {e}"))
}

async fn commit(tx: Tx) -> Result<(), String> {
    tx.commit().await.map_err(|e| format!("commit failed: {e}"))
}

/// One `INSERT INTO table (...) VALUES (...), (...), ...` for all rows, with
/// `$n` placeholders numbered across the whole statement.
async fn insert(tx: &mut Tx, table: &str, rows: Vec<Vec<Value>>) -> Result<(), String> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut sql = format!("INSERT INTO {table} VALUES ");
    let mut next = 1;
    for (i, row) in rows.iter().enumerate() {
        sql.push_str(if i == 0 { "(" } else { ", (" });
        for (j, value) in row.iter().enumerate() {
            if j > 0 {
                sql.push_str(", ");
            }
            match value {
                Value::Sql(constant) => sql.push_str(constant),
                _ => {
                    sql.push_str(&format!("${next}"));
                    next += 1;
                }
            }
        }
        sql.push(')');
    }
    let mut query = sqlx::query(&sql);
    for value in rows.into_iter().flatten() {
        query = match value {
            Value::Text(v) => query.bind(v),
            Value::OptText(v) => query.bind(v),
            Value::Int(v) => query.bind(v),
            Value::OptInt(v) => query.bind(v),
            Value::Sql(_) => query,
        };
    }
    let table_name = table.split_whitespace().next().unwrap_or(table);
    query
        .execute(&mut **tx)
        .await
        .map_err(|e| format!("cannot insert into {table_name}: {e}"))?;
    Ok(())
}
