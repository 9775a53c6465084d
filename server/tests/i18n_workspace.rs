//! The customer workspace in Finnish: the Customer admin's pages follow the
//! language switcher's cookie (headings, labels, money and dates in the
//! Finnish way) and stay English without it, a workspace form's field
//! messages come back in Finnish, and mails reach the Customer admin in
//! the language stored on their account, whoever causes them.

mod common;

use common::commerce::{attendee, billing_account, buy_ok, published_service};
use common::{random_key, TestApp};
use reqwest::{Client, StatusCode};

/// 1,250.00 net + 25.5 % VAT for one seat of the fixture course.
const TOTAL_EN: &str = "EUR 1,568.75";
const TOTAL_FI: &str = "1\u{a0}568,75\u{a0}€";

async fn stored_locale(app: &TestApp, email: &str) -> Option<String> {
    sqlx::query_scalar::<_, Option<String>>("SELECT locale FROM app_user WHERE email = $1")
        .bind(email)
        .fetch_one(app.state.db.pool())
        .await
        .expect("locale")
}

/// A customer with a billing account, one seat bought, an attendee and a
/// course application; returns the client and the application's id.
async fn busy_customer(app: &TestApp, admin: &Client, email: &str) -> (Client, String) {
    let customer = app.approved_customer(admin, "Oppiva Oy", email).await;
    let course = published_service(app, admin, "Johtamisen perusteet", &[]).await;
    let account = billing_account(app, &customer, "Pääkonttori").await;
    buy_ok(app, &customer, &course, &account, "1").await;
    let person = attendee(app, &customer, "Liisa Virtanen", "liisa@oppiva.example").await;
    let (status, body) = app
        .call(
            &customer,
            "org/courses/create",
            &[
                ("service_id", course.as_str()),
                ("billing_account_id", account.as_str()),
                ("attendee_ids[0]", person.as_str()),
                ("note", ""),
                ("key", &random_key()),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "apply: {body}");
    (customer, body.as_str().expect("id").to_string())
}

/// Per page: a phrase only its English version has, and one only its
/// Finnish version has.
fn pages(application: &str) -> Vec<(String, &'static str, &'static str)> {
    vec![
        ("/org".into(), "Open orders", "Avoimet tilaukset"),
        ("/org".into(), "Recent activity", "Viimeisimmät tapahtumat"),
        ("/org/orders".into(), "Total incl. VAT", "Yhteensä sis. ALV"),
        (
            format!("/org/courses/{application}"),
            "Change attendees",
            "Vaihda osallistujia",
        ),
        ("/org/courses".into(), "Apply for a course", "Hae kurssille"),
        (
            "/org/attendees".into(),
            "Add an attendee",
            "Lisää osallistuja",
        ),
        (
            "/org/billing".into(),
            "Add a billing account",
            "Lisää laskutustili",
        ),
        ("/org/expenses".into(), "Prepare CSV", "Valmistele CSV"),
        ("/org/catalog".into(), "Starts from", "Alkaa aikaisintaan"),
    ]
}

#[tokio::test]
async fn the_workspace_pages_are_english_without_a_choice_and_finnish_after_the_switcher() {
    let app = TestApp::spawn().await;
    let admin = app.admin("staff@coursegate.example").await;
    let (customer, application) = busy_customer(&app, &admin, "anna@oppiva.example").await;

    for (path, english, finnish) in pages(&application) {
        let body = app.page_ok(&customer, &path).await;
        assert!(body.contains(r#"<html lang="en""#), "{path}");
        assert!(body.contains(english), "{path}: {english:?} missing");
        assert!(!body.contains(finnish), "{path}: {finnish:?} in English");
    }
    for path in ["/org", "/org/orders", "/org/expenses"] {
        let body = app.page_ok(&customer, path).await;
        assert!(body.contains(TOTAL_EN), "{path}: no {TOTAL_EN}");
        assert!(!body.contains(TOTAL_FI), "{path}");
    }
    let orders = app.page_ok(&customer, "/org/orders").await;
    assert!(orders.contains("just now"), "relative date");

    app.switch_language(&customer, "fi").await;
    for (path, english, finnish) in pages(&application) {
        let body = app.page_ok(&customer, &path).await;
        assert!(body.contains(r#"<html lang="fi""#), "{path}");
        assert!(body.contains(finnish), "{path}: {finnish:?} missing");
        assert!(!body.contains(english), "{path}: {english:?} in Finnish");
    }
    for path in ["/org", "/org/orders", "/org/expenses"] {
        let body = app.page_ok(&customer, path).await;
        assert!(body.contains(TOTAL_FI), "{path}: no {TOTAL_FI}");
        assert!(!body.contains(TOTAL_EN), "{path}: English money");
    }
    // Dates: "juuri nyt", with the exact time "5.12.2026 klo 14.30 EET" on
    // hover; no English month names or 24-hour colons.
    let orders = app.page_ok(&customer, "/org/orders").await;
    assert!(orders.contains("juuri nyt"), "relative date in Finnish");
    assert!(!orders.contains("just now"));
    let title = orders
        .split("data-testid=\"when\"")
        .next()
        .and_then(|before| before.rsplit("title=\"").next())
        .expect("a date's title");
    assert!(
        title.contains(" klo ") && title.split(' ').next().unwrap().matches('.').count() == 2,
        "{title}"
    );
    let course = app
        .page_ok(&customer, &format!("/org/courses/{application}"))
        .await;
    assert!(course.contains(" klo "), "course dates in Finnish");
    for month in ["Jan ", "Feb ", "Dec ", "Nov "] {
        assert!(!course.contains(&format!("{month}20")), "{month}");
    }
    let expenses = app.page_ok(&customer, "/org/expenses").await;
    assert!(
        expenses.contains("Johtamisen perusteet, 1 kpl"),
        "description"
    );
    assert!(expenses.contains("ALV 25,5 %"), "VAT rate with a comma");
}

#[tokio::test]
async fn a_workspace_form_answers_in_finnish_with_422() {
    let app = TestApp::spawn().await;
    let admin = app.admin("staff@coursegate.example").await;
    let customer = app
        .approved_customer(&admin, "Oppiva Oy", "anna@oppiva.example")
        .await;
    app.switch_language(&customer, "fi").await;

    let (status, body) = app
        .call(
            &customer,
            "org/attendees/create",
            &[
                ("attendee[name]", ""),
                ("attendee[email]", "not an email"),
                ("attendee[job_title]", "=SUM(A1)"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let text = body.to_string();
    assert!(text.contains("Nimi on pakollinen."), "{text}");
    assert!(text.contains("Anna sähköpostiosoite"), "{text}");
    assert!(text.contains("ei saa alkaa merkillä"), "{text}");
    assert!(!text.contains("is required"), "{text}");

    let (status, body) = app
        .call(
            &customer,
            "org/billing/create",
            &[
                ("account[name]", "Pääkonttori"),
                ("account[invoicing_address]", "Mannerheimintie 1"),
                ("account[vat_id]", "123"),
                ("account[reference]", ""),
                ("account[e_invoice_address]", ""),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("Anna ALV-tunniste"), "{body}");

    // The CSV import lists every problem in Finnish; the places stay the
    // machine-readable `line N, column` the API documents.
    let (status, body) = app
        .call(
            &customer,
            "org/attendees/import",
            &[("csv", "name,email,extra\nAda,ada@oppiva.example,x\n")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let text = body.to_string();
    assert!(text.contains("line 1, column 3"), "{text}");
    assert!(text.contains("Tuntematon sarake"), "{text}");

    // A conflict in Finnish too, with its 4xx.
    let (status, body) = app
        .call(&customer, "org/orders/cancel", &[("id", "no-such-order")])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert!(body.to_string().contains("Tilausta ei löydy"), "{body}");

    // English without the cookie.
    app.switch_language(&customer, "en").await;
    let (status, body) = app
        .call(
            &customer,
            "org/attendees/create",
            &[("attendee[name]", ""), ("attendee[email]", "x@example.com")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("Name is required."), "{body}");
}

#[tokio::test]
async fn mails_reach_the_customer_admin_in_their_stored_language() {
    let app = TestApp::spawn().await;
    let admin = app.admin("staff@coursegate.example").await;
    let email = "anna@oppiva.example";
    let (customer, application) = busy_customer(&app, &admin, email).await;
    // Signed in without a language preference: English is remembered.
    assert_eq!(stored_locale(&app, email).await.as_deref(), Some("en"));
    let english = app.last_mail(email, "order_confirmation").await;
    assert!(english.contains("Thank you for your order."), "{english}");
    assert!(english.contains(TOTAL_EN), "{english}");

    // The switcher stores the choice on the account.
    app.switch_language(&customer, "fi").await;
    assert_eq!(stored_locale(&app, email).await.as_deref(), Some("fi"));

    let course = published_service(&app, &admin, "Asiakaspalvelun perusteet", &[]).await;
    let account: String = sqlx::query_scalar(
        "SELECT billing_account_id FROM billing_account WHERE name = 'Pääkonttori'",
    )
    .fetch_one(app.state.db.pool())
    .await
    .expect("account");
    let order = buy_ok(&app, &customer, &course, &account, "2").await;
    let finnish = app.last_mail(email, "order_confirmation").await;
    assert!(finnish.contains("Kiitos tilauksestasi."), "{finnish}");
    assert!(
        finnish.contains("2 × paikka: Asiakaspalvelun perusteet"),
        "{finnish}"
    );
    // 2 × 1,250.00 + 25.5 % VAT.
    assert!(
        finnish.contains("Yhteensä: 3\u{a0}137,50\u{a0}€"),
        "{finnish}"
    );
    assert!(finnish.contains(" klo "), "dates in Finnish: {finnish}");
    assert!(!finnish.contains("Thank you"), "{finnish}");

    // Mails someone else causes follow the recipient's language, not the
    // sender's: the operator decides in English.
    let (status, body) = app
        .call(
            &admin,
            "admin/courses/decide",
            &[
                ("id", application.as_str()),
                ("decision", "waitlist"),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let decision = app.last_mail(email, "course_decision").await;
    assert!(decision.contains("on jonossa"), "{decision}");
    assert!(!decision.contains("waiting list"), "{decision}");
    let subject: String = sqlx::query_scalar(
        "SELECT subject FROM outbox WHERE to_address = $1 AND kind = 'course_decision'",
    )
    .bind(email)
    .fetch_one(app.state.db.pool())
    .await
    .expect("subject");
    assert_eq!(subject, "Kurssihakemus jonossa: Johtamisen perusteet");

    // Cancelling with the browser back in English: the mail stays Finnish
    // only while the account says so.
    app.switch_language(&customer, "en").await;
    let (status, body) = app
        .call(&customer, "org/orders/cancel", &[("id", order.as_str())])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let cancelled = app.last_mail(email, "order_cancelled").await;
    assert!(cancelled.contains("is cancelled"), "{cancelled}");
}
