//! Operations: readiness, backups.

mod common;

use common::TestApp;
use reqwest::StatusCode;

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let health = client
        .get(format!("{}/healthz", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    let ready = client
        .get(format!("{}/readyz", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), StatusCode::OK);
    assert_eq!(ready.text().await.unwrap(), "ready");
}

#[tokio::test]
async fn a_backup_of_a_live_sqlite_database_holds_its_data() {
    let app = TestApp::spawn().await;
    if app.state.db.backend() != app::server::db::Backend::Sqlite {
        // PostgreSQL is backed up with pg_dump; the command says so.
        let dir = tempfile::tempdir().unwrap();
        assert!(server::backup(&app.state.db, &dir.path().join("x.db"))
            .await
            .is_err());
        return;
    }
    app.submit_ok(&[]).await;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("copy.db");

    server::backup(&app.state.db, &target)
        .await
        .expect("backup");
    assert!(
        server::backup(&app.state.db, &target).await.is_err(),
        "refuses to overwrite"
    );

    let copy = app::server::Db::connect(&format!("sqlite://{}", target.display()))
        .await
        .unwrap();
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM application")
        .fetch_one(copy.pool())
        .await
        .unwrap();
    assert_eq!(count, 1);
}
