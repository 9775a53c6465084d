//! Relative dates in server-rendered lists: `<time>` carries the instant
//! for machines, the exact time in the viewer's zone as its title, and a
//! relative text measured from the "now" the page ships for hydration.

mod common;

use common::TestApp;
use reqwest::StatusCode;

async fn page(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    let res = client
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .expect("get");
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.text().await.expect("body")
}

#[tokio::test]
async fn the_review_queue_and_audit_trail_show_relative_dates_with_the_operators_time_on_hover() {
    let app = TestApp::spawn().await;
    let admin = app.admin("root@example.com").await;
    app.submit_ok(&[("legal_name", "Dated Oy")]).await;
    let id = app.application_id("Dated Oy").await;
    let created_at = sqlx::query_scalar::<_, i64>(
        "SELECT created_at FROM application WHERE application_id = $1",
    )
    .bind(&id)
    .fetch_one(app.state.db.pool())
    .await
    .expect("created_at");
    let helsinki = app::server::tz::zone("Europe/Helsinki").expect("zone");
    let exact = app::server::tz::format(created_at, &helsinki);
    let opening = format!(
        "<time datetime=\"{}\" title=\"{exact}\" data-testid=\"when\">",
        app::format::iso(created_at)
    );

    let before = app::server::now_ms();
    let queue = page(&app, &admin, "/admin/applications").await;
    let after = app::server::now_ms();

    let at = queue
        .find(&opening)
        .unwrap_or_else(|| panic!("{opening} in {queue}"));
    let text = queue[at + opening.len()..]
        .split('<')
        .next()
        .unwrap_or_default();
    // Measured from the server's clock during the render.
    let possible = [
        app::format::relative(created_at, before),
        app::format::relative(created_at, after),
    ];
    assert!(
        possible.iter().any(|p| p == text),
        "{text:?} not in {possible:?}"
    );
    assert!(exact.ends_with("EET") || exact.ends_with("EEST"), "{exact}");

    let audit = page(&app, &admin, "/admin/audit").await;
    assert!(audit.contains("<time datetime=\""), "{audit}");
    assert!(audit.contains("data-testid=\"when\""), "{audit}");
}
