//! The operator console in two languages: its pages follow the switcher's
//! cookie (English without it), its server functions answer errors in the
//! request's language, and its mails go out in the recipient's language
//! when the platform knows it (an organization's is the one it applied in),
//! else in the language of the administrator's request.

mod common;

use common::{link_token, random_key, TestApp, PASSWORD};
use reqwest::{Client, StatusCode};
use serde_json::Value;

const ADMIN: &str = "reviewer@operator.example";

/// Submits an application as an applicant whose browser asks for `lang`.
async fn submit_in(app: &TestApp, lang: &str, legal_name: &str, email: &str) -> String {
    let form = common::application_form(
        &random_key(),
        &[("legal_name", legal_name), ("contact_email", email)],
    );
    let res = app
        .client()
        .post(format!("{}/api/applications/submit", app.base))
        .header("accept-language", lang)
        .form(&form)
        .send()
        .await
        .expect("submit");
    assert_eq!(res.status(), StatusCode::OK, "submit {legal_name}");
    app.application_id(legal_name).await
}

/// Claims and approves: the organization exists, its admin is invited.
async fn approve(app: &TestApp, admin: &Client, id: &str) -> String {
    for endpoint in ["admin/applications/claim", "admin/applications/approve"] {
        let (status, body) = app.call(admin, endpoint, &[("id", id)]).await;
        assert_eq!(status, StatusCode::OK, "{endpoint}: {body}");
    }
    app.scalar_text(
        "SELECT organization_id FROM organization WHERE application_id = $1",
        id,
    )
    .await
}

/// The newest mail of a kind to an address: subject and body.
async fn mail(app: &TestApp, to: &str, kind: &str) -> (String, String) {
    let subject = sqlx::query_scalar::<_, String>(
        "SELECT subject FROM outbox WHERE to_address = $1 AND kind = $2
         ORDER BY created_at DESC, mail_id DESC LIMIT 1",
    )
    .bind(to)
    .bind(kind)
    .fetch_one(app.state.db.pool())
    .await
    .expect("mail subject");
    (subject, app.last_mail(to, kind).await)
}

fn assert_speaks(body: &str, path: &str, present: &[&str], absent: &[&str]) {
    for phrase in present {
        assert!(body.contains(phrase), "{path}: {phrase:?} missing");
    }
    for phrase in absent {
        assert!(!body.contains(phrase), "{path}: {phrase:?} still shown");
    }
}

#[tokio::test]
async fn console_pages_follow_the_language_cookie_and_default_to_english() {
    let app = TestApp::spawn().await;
    let admin = app.admin(ADMIN).await;
    let pending = submit_in(
        &app,
        "en",
        "Pending Learning Ltd",
        "pending@customer.example",
    )
    .await;
    let approved = submit_in(&app, "en", "Approved Learning Ltd", "ok@customer.example").await;
    let org = approve(&app, &admin, &approved).await;
    let detail = format!("/admin/applications/{pending}");
    let organization = format!("/admin/organizations/{org}");

    // (path, English phrases, Finnish phrases): headings, labels, a
    // status and a table heading of each page.
    let pages: Vec<(&str, &[&str], &[&str])> = vec![
        (
            "/admin/applications",
            &[
                "Name, registration ID or email",
                "Filter by status",
                ">Reviewer<",
                "Information requested",
            ],
            &[
                "Nimi, Y-tunnus tai sähköposti",
                "Suodata tilan mukaan",
                ">Käsittelijä<",
                "Lisätietoja pyydetty",
            ],
        ),
        (
            &detail,
            &[
                "Claim for review",
                "Terms accepted",
                "Contact person",
                ">Timeline<",
            ],
            &[
                "Ota käsittelyyn",
                "Hyväksytyt käyttöehdot",
                "Yhteyshenkilö",
                ">Aikajana<",
            ],
        ),
        (
            "/admin/organizations",
            &["Customer organizations", "Any status", ">Since<"],
            &[
                "Asiakasorganisaatiot",
                "Kaikki tilat",
                ">Asiakkaana alkaen<",
            ],
        ),
        (
            "/admin/audit",
            &["Action starts with", "Email or label", ">Detail<"],
            &["Toiminto alkaa", "Sähköposti tai nimi", ">Lisätiedot<"],
        ),
        // The rest of the console, one or two phrases each.
        (
            &organization,
            &["Reason for suspending", "Hand the role to someone else"],
            &["Jäädytyksen syy", "Siirrä pääkäyttäjyys toiselle"],
        ),
        (
            "/admin/admins",
            &["Invite an administrator", "Send invitation"],
            &["Kutsu ylläpitäjä", "Lähetä kutsu"],
        ),
        (
            "/admin/outbox",
            &["Show message", "No SMTP server is configured"],
            &["Näytä viesti", "SMTP-palvelinta ei ole määritetty"],
        ),
        (
            "/admin/reports",
            &["Time to decision", "Revenue per service"],
            &["Käsittelyaika", "Myynti palveluittain"],
        ),
        (
            "/admin/support",
            &["Support inbox", "Choose a thread to read it."],
            &["Tukipyynnöt", "Valitse keskustelu luettavaksi."],
        ),
        (
            "/admin/catalog",
            &["Service catalog", "New service"],
            &["Palveluvalikoima", "Uusi palvelu"],
        ),
        (
            "/admin/catalog/new",
            &["Delivery mode", "Price per seat or unit, before VAT"],
            &["Toteutustapa", "Hinta paikalta tai yksiköltä, ALV 0 %"],
        ),
        (
            "/admin/courses",
            &["To decide", "Waitlisted"],
            &["Päätettävät", "Jonossa"],
        ),
    ];

    // No cookie: English, and none of the Finnish.
    for (path, english, finnish) in &pages {
        let body = app.page_ok(&admin, path).await;
        assert!(body.contains(r#"<html lang="en""#), "{path}");
        assert_speaks(&body, path, english, finnish);
    }
    let body = app.page_ok(&admin, &detail).await;
    assert!(!body.contains(" klo "), "English dates expected");

    // The switcher's cookie turns the same pages Finnish.
    app.switch_language(&admin, "fi").await;
    for (path, english, finnish) in &pages {
        let body = app.page_ok(&admin, path).await;
        assert!(body.contains(r#"<html lang="fi""#), "{path}");
        assert_speaks(&body, path, finnish, english);
    }
    let body = app.page_ok(&admin, &detail).await;
    assert!(body.contains(" klo "), "Finnish dates expected");
    let body = app.page_ok(&admin, "/admin/organizations").await;
    assert!(body.contains(">Aktiivinen<"), "organization status");

    // And back.
    app.switch_language(&admin, "en").await;
    let body = app.page_ok(&admin, "/admin/audit").await;
    assert_speaks(
        &body,
        "/admin/audit",
        &["Action starts with"],
        &["Toiminto alkaa"],
    );
}

/// The message of an error answer, whatever its variant.
fn message(body: &Value) -> String {
    match body {
        Value::Object(map) => map
            .values()
            .map(|v| v.to_string())
            .collect::<Vec<_>>()
            .join(" "),
        other => other.to_string(),
    }
}

#[tokio::test]
async fn console_errors_are_answered_in_the_request_language() {
    let app = TestApp::spawn().await;
    let admin = app.admin(ADMIN).await;
    let id = submit_in(&app, "en", "Twice Learning Ltd", "twice@customer.example").await;
    let org = approve(&app, &admin, &id).await;

    // English without a cookie.
    let (status, body) = app
        .call(&admin, "admin/applications/approve", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        message(&body).contains("This application is already approved."),
        "{body}"
    );
    let (status, body) = app
        .call(
            &admin,
            "admin/organizations/suspend",
            &[("id", &org), ("reason", " ")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        message(&body).contains("Give the reason for the suspension"),
        "{body}"
    );

    // Finnish with the cookie: the same answers, same statuses.
    app.switch_language(&admin, "fi").await;
    let (status, body) = app
        .call(&admin, "admin/applications/approve", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let text = message(&body);
    assert!(text.contains("Hakemus on jo hyväksytty."), "{body}");
    assert!(!text.contains("already"), "{body}");
    let (status, body) = app
        .call(
            &admin,
            "admin/organizations/suspend",
            &[("id", &org), ("reason", " ")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message(&body).contains("Kerro jäädytyksen syy"), "{body}");
    let (status, body) = app
        .call(&admin, "admin/applications/get", &[("id", "no-such-id")])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        message(&body).contains("Hakemusta ei löydy tällä tunnisteella."),
        "{body}"
    );
    // A shared validator's message, with the field named in Finnish.
    let other = submit_in(&app, "en", "Third Learning Ltd", "third@customer.example").await;
    app.call(&admin, "admin/applications/claim", &[("id", &other)])
        .await;
    let (status, body) = app
        .call(
            &admin,
            "admin/applications/reject",
            &[("id", &other), ("reason", "")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        message(&body).contains("Perustelu on pakollinen."),
        "{body}"
    );
}

#[tokio::test]
async fn console_mails_go_in_the_recipients_language_else_the_requests() {
    let app = TestApp::spawn().await;
    let admin = app.admin(ADMIN).await;
    let finnish = submit_in(&app, "fi", "Oppiva Oy", "liisa@oppiva.example").await;
    let english = submit_in(&app, "en", "Learning Ltd", "lee@learning.example").await;
    let finnish_org = approve(&app, &admin, &finnish).await;
    let english_org = approve(&app, &admin, &english).await;

    // An English-speaking administrator suspends the Finnish organization:
    // its Customer admin reads Finnish, with the reason as written.
    let (status, body) = app
        .call(
            &admin,
            "admin/organizations/suspend",
            &[("id", &finnish_org), ("reason", "Laskut maksamatta.")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (subject, body) = mail(&app, "liisa@oppiva.example", "organization_suspended").await;
    assert_eq!(subject, "Organisaatiosi Coursegate-tili on jäädytetty");
    assert!(body.starts_with("Hei,"), "{body}");
    assert!(
        body.contains("Organisaation Oppiva Oy Coursegate-tili"),
        "{body}"
    );
    assert!(body.contains("Laskut maksamatta."), "{body}");
    assert!(!body.contains("suspended"), "{body}");

    // A Finnish-speaking administrator suspends the English organization:
    // the recipient's language still wins.
    app.switch_language(&admin, "fi").await;
    let (status, body) = app
        .call(
            &admin,
            "admin/organizations/suspend",
            &[("id", &english_org), ("reason", "Unpaid invoices.")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (subject, body) = mail(&app, "lee@learning.example", "organization_suspended").await;
    assert_eq!(
        subject,
        "Your organization's Coursegate account is suspended"
    );
    assert!(body.contains("Reason:\nUnpaid invoices."), "{body}");

    // Reactivation follows the organization's language too.
    let (status, body) = app
        .call(
            &admin,
            "admin/organizations/reactivate",
            &[("id", &finnish_org)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (subject, _) = mail(&app, "liisa@oppiva.example", "organization_reactivated").await;
    assert_eq!(subject, "Organisaatiosi Coursegate-tili on taas käytössä");

    // A new administrator's language is unknown: the inviting request's
    // (Finnish here) decides, dates included.
    let (status, body) = app
        .call(
            &admin,
            "admin/admins/invite",
            &[("email", "new@operator.example")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (subject, body) = mail(&app, "new@operator.example", "invitation").await;
    assert_eq!(subject, "Sinut on kutsuttu Coursegaten ylläpitäjäksi");
    assert!(body.contains(&format!("{ADMIN} kutsui sinut")), "{body}");
    assert!(body.contains(" klo "), "Finnish date expected: {body}");
}

#[tokio::test]
async fn the_customers_support_and_utilization_pages_follow_the_cookie_too() {
    let app = TestApp::spawn().await;
    let admin = app.admin(ADMIN).await;
    let customer = app
        .approved_customer(&admin, "Alpha Learning Oy", "alpha@customer.example")
        .await;
    let pages: [(&str, &[&str], &[&str]); 2] = [
        (
            "/support",
            &["New request", "No support requests yet."],
            &["Uusi tukipyyntö", "Tukipyyntöjä ei vielä ole."],
        ),
        (
            "/org/utilization",
            &["Nothing bought or applied for yet."],
            &["Mitään ei ole vielä ostettu tai haettu."],
        ),
    ];
    for (path, english, finnish) in &pages {
        let body = app.page_ok(&customer, path).await;
        assert_speaks(&body, path, english, finnish);
    }
    app.switch_language(&customer, "fi").await;
    for (path, english, finnish) in &pages {
        let body = app.page_ok(&customer, path).await;
        assert!(body.contains(r#"<html lang="fi""#), "{path}");
        assert_speaks(&body, path, finnish, english);
    }
}

#[tokio::test]
async fn handover_and_support_mails_speak_the_organizations_language() {
    let app = TestApp::spawn().await;
    let admin = app.admin(ADMIN).await;
    let email = "liisa@oppiva.example";
    let id = submit_in(&app, "fi", "Oppiva Oy", email).await;
    let org = approve(&app, &admin, &id).await;

    // The Finnish Customer admin signs in and asks for help.
    let token = link_token(&app.last_mail(email, "invitation").await, "/set-password/");
    let customer = app.client();
    let (status, body) = app
        .call(
            &customer,
            "auth/set_password",
            &[
                ("token", &token),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    app.sign_in(&customer, email, PASSWORD).await;
    let (status, thread) = app
        .call(
            &customer,
            "support/open",
            &[
                ("subject", "Laskutus"),
                ("message", "Miten laskutus toimii?"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{thread}");
    let thread = thread.as_str().expect("thread id").to_string();

    // The English-speaking administrator answers: the mail is Finnish.
    let (status, body) = app
        .call(
            &admin,
            "admin/support/reply",
            &[
                ("id", &thread),
                ("message", "Laskut lähtevät kuukausittain."),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (subject, body) = mail(&app, email, "support_reply").await;
    assert_eq!(subject, "Re: Laskutus");
    assert!(body.contains("tukipyyntöösi ”Laskutus”"), "{body}");
    assert!(body.contains("Laskut lähtevät kuukausittain."), "{body}");
    assert!(!body.contains("new reply"), "{body}");

    // The person invited to take over joins the same organization, so the
    // invitation is in its language too.
    let (status, body) = app
        .call(
            &admin,
            "admin/organizations/handover",
            &[("id", &org), ("email", "matti@oppiva.example")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (subject, body) = mail(&app, "matti@oppiva.example", "invitation").await;
    assert_eq!(
        subject,
        "Sinut on kutsuttu organisaation Oppiva Oy pääkäyttäjäksi Coursegateen"
    );
    assert!(body.contains("Aseta salasanasi"), "{body}");
    assert!(body.contains(" klo "), "Finnish date expected: {body}");
}
