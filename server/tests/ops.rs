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

#[tokio::test]
async fn pages_are_compressed_for_browsers_that_ask() {
    let app = TestApp::spawn().await;
    for encoding in ["br", "gzip"] {
        let response = app
            .client()
            .get(format!("{}/apply", app.base))
            .header("Accept-Encoding", encoding)
            .send()
            .await
            .expect("page");
        assert_eq!(response.status(), reqwest::StatusCode::OK);
        assert_eq!(
            response
                .headers()
                .get("content-encoding")
                .and_then(|v| v.to_str().ok()),
            Some(encoding)
        );
    }
    // Without the header the page comes as it is.
    let response = app
        .client()
        .get(format!("{}/apply", app.base))
        .send()
        .await
        .expect("page");
    assert!(response.headers().get("content-encoding").is_none());
    assert!(response.text().await.expect("html").contains("<form"));
}
