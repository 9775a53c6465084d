//! Hostile input against every server function, and escaping on the pages
//! that show what strangers typed.
//!
//! The cases come from a small seeded generator, so a failure names its
//! seed and case number and `COURSEGATE_FUZZ_SEED=<seed>` replays the same
//! requests. Each function gets the same number of cases; the public ones
//! are called anonymously, the organization's as its Customer admin and the
//! operator's as a system administrator, so the input reaches the code
//! behind the role checks. Whatever arrives, the answer must be a 2xx or a
//! 4xx with a message: a 5xx or a dropped connection is a bug.

mod common;

use std::collections::BTreeSet;

use common::{application_form, random_key, TestApp};
use futures::StreamExt;
use reqwest::{Client, StatusCode};

const DEFAULT_SEED: u64 = 0x00C0_FFEE_5EED_2024;
/// Requests per server function; with about 85 functions this stays near
/// 2,000 requests.
const CASES_PER_FUNCTION: usize = 24;

/// splitmix64: tiny, seedable, and good enough to pick test values.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Values that have broken web applications before: markup, SQL, control
/// and direction characters, look-alike letters, odd numbers and encodings.
const HOSTILE: &[&str] = &[
    "",
    " ",
    "\t\r\n",
    "\0",
    "a\0b",
    "\u{1}\u{7}\u{8}\u{1b}[31mred",
    "line\r\nSet-Cookie: planted=1",
    "<script>alert(1)</script>",
    "\"><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</textarea><svg onload=alert(1)>",
    "javascript:alert(1)",
    "&lt;script&gt;&amp;",
    "' OR '1'='1",
    "'; DROP TABLE application; --",
    "\" OR \"\"=\"",
    "1; SELECT pg_sleep(0)",
    "%' --",
    "\\",
    "\\'\\\"",
    "$1",
    "{}",
    "[]",
    "null",
    "true",
    "perhaps",
    "-1",
    "0",
    "9223372036854775808",
    "-9223372036854775809",
    "1e309",
    "NaN",
    "0x10",
    "12.50",
    "2024-02-30",
    "9999-99",
    "../../../../etc/passwd",
    "%00%ff",
    "%",
    "+",
    "=&=&",
    "\u{202E}gnp.exe\u{202C}",
    "\u{2066}isolated\u{2069}",
    "\u{200B}\u{200D}\u{FEFF}",
    "\u{0410}cme Learning \u{041E}y",
    "p\u{0430}yp\u{0430}l.com",
    "\u{FB01}nance",
    "\u{FFFD}",
    "\u{1F600}\u{1F469}\u{200D}\u{1F4BB}",
    "ｆｕｌｌｗｉｄｔｈ",
    "Ω≈ç√∫",
    "ゼロ",
    "admin@example.com",
    "a@b.c",
    "@",
    "FI",
    "published",
    "accept",
];

/// Argument names the server functions take; junk requests draw from these
/// so some of them get past decoding into validation.
const KEYS: &[&str] = &[
    "id",
    "token",
    "email",
    "password",
    "confirm",
    "current_password",
    "answer",
    "message",
    "subject",
    "name",
    "reason",
    "fields",
    "admin_email",
    "take_over",
    "user_id",
    "mail_id",
    "status",
    "q",
    "before",
    "after",
    "csv",
    "quantity",
    "service_id",
    "billing_account_id",
    "attendee_ids[0]",
    "attendee_id",
    "attended",
    "decision",
    "time_zone",
    "from",
    "to",
    "account",
    "kind",
    "service",
    "action",
    "who",
    "organization",
    "archived",
    "key",
    "details[city]",
    "details[contact_email]",
    "account[name]",
    "account[vat_id]",
    "attendee[name]",
    "attendee[email]",
    "service[title]",
    "service[price]",
    "application[legal_name]",
    "application[country]",
];

/// A fresh hostile value: a listed one, a random string, or a long one.
fn hostile(rng: &mut Rng, max_body: usize) -> String {
    match rng.below(20) {
        0 => {
            // Around the body limit: some fit, some do not.
            let len = max_body / 2 + rng.below(max_body);
            "<script>".repeat(len / 8)
        }
        1..=3 => {
            let len = rng.below(300);
            (0..len)
                .map(|_| {
                    let c = match rng.below(6) {
                        0 => rng.below(0x20) as u32,
                        1 => 0x20 + rng.below(0x5F) as u32,
                        2 => 0x80 + rng.below(0x780) as u32,
                        3 => 0x2000 + rng.below(0x70) as u32,
                        4 => 0x1F300 + rng.below(0x300) as u32,
                        _ => 0x400 + rng.below(0x100) as u32,
                    };
                    char::from_u32(c).unwrap_or('?')
                })
                .collect()
        }
        4 => "x".repeat(1 + rng.below(5_000)),
        _ => rng.pick(HOSTILE).to_string(),
    }
}

/// A key nested `depth` levels deep: `a[b][c]…`.
fn nested_key(rng: &mut Rng) -> String {
    let depth = 1 + rng.below(300);
    let mut key = String::from(*rng.pick(KEYS));
    for i in 0..depth {
        key.push_str(&format!("[{}]", if i % 2 == 0 { "a" } else { "0" }));
    }
    key
}

fn encode(value: &[u8]) -> String {
    let mut out = String::new();
    for &b in value {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'*') {
            out.push(b as char);
        } else if b == b' ' {
            out.push('+');
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn form_body(pairs: &[(String, Vec<u8>)]) -> Vec<u8> {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k.as_bytes()), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
        .into_bytes()
}

/// Well-formed arguments for the public functions, which the cases then
/// spoil one way or another.
fn base_args(path: &str, status_token: &str) -> Vec<(String, String)> {
    let owned = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<Vec<_>>()
    };
    match path {
        "applications/submit" => application_form(&random_key(), &[]),
        "applications/status" | "applications/withdraw" | "auth/link" => {
            owned(&[("token", status_token)])
        }
        "applications/respond" => owned(&[
            ("token", status_token),
            ("answer", "Here you are."),
            ("application[phone]", "+358 40 765 4321"),
        ]),
        "auth/sign_in" => owned(&[
            ("email", "fuzz.customer@example.com"),
            ("password", "wrong but long enough"),
        ]),
        "auth/set_password" => owned(&[
            ("token", status_token),
            ("password", "fuzzing is fun"),
            ("confirm", "fuzzing is fun"),
        ]),
        "auth/forgot_password" => owned(&[("email", "nobody@example.com")]),
        "support/contact" => owned(&[
            ("name", "Visitor"),
            ("email", "visitor@example.com"),
            ("message", "How do I apply?"),
        ]),
        "profile/change_password" => owned(&[
            ("current_password", "not the password"),
            ("password", "fuzzing is fun"),
            ("confirm", "fuzzing is fun"),
        ]),
        "auth/sign_in_code"
        | "profile/two_step/confirm"
        | "profile/two_step/regenerate"
        | "profile/two_step/disable" => {
            owned(&[("code", "123456"), ("current_password", "not the password")])
        }
        _ => owned(&[("id", "no-such-id"), ("message", "Hello"), ("q", "acme")]),
    }
}

/// A status and body, or why none came.
type Answer = Result<(StatusCode, String), String>;

struct Case {
    path: String,
    body: Vec<u8>,
    content_type: Option<&'static str>,
}

fn make_case(rng: &mut Rng, path: &str, status_token: &str, max_body: usize) -> Case {
    let base = base_args(path, status_token);
    let mut pairs: Vec<(String, Vec<u8>)> =
        base.into_iter().map(|(k, v)| (k, v.into_bytes())).collect();
    let mut content_type = Some("application/x-www-form-urlencoded");
    match rng.below(10) {
        // One argument spoiled.
        0..=3 => {
            let slot = rng.below(pairs.len());
            pairs[slot].1 = hostile(rng, max_body).into_bytes();
        }
        // Every argument spoiled.
        4 => {
            for pair in pairs.iter_mut() {
                pair.1 = hostile(rng, max_body).into_bytes();
            }
        }
        // Invalid UTF-8 in a value, percent-encoded the way a form would.
        5 => {
            let slot = rng.below(pairs.len());
            let mut bytes = pairs[slot].1.clone();
            let bad: &[&[u8]] = &[b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf0\x28\x8c\x28"];
            bytes.extend_from_slice(rng.pick(bad));
            pairs[slot].1 = bytes;
        }
        // Deeply nested keys and repeated keys on top of the real ones.
        6 => {
            pairs.push((nested_key(rng), hostile(rng, max_body).into_bytes()));
            let repeat = pairs[rng.below(pairs.len())].0.clone();
            for _ in 0..1 + rng.below(50) {
                pairs.push((repeat.clone(), hostile(rng, 1_000).into_bytes()));
            }
        }
        // Only junk keys.
        7 => {
            pairs.clear();
            for _ in 0..rng.below(8) {
                let key = if rng.chance(30) {
                    nested_key(rng)
                } else {
                    rng.pick(KEYS).to_string()
                };
                pairs.push((key, hostile(rng, 1_000).into_bytes()));
            }
        }
        // Raw bytes that are not a form at all, or a wrong content type.
        8 => {
            let len = rng.below(2_000);
            let body: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            content_type = *rng.pick(&[
                Some("application/x-www-form-urlencoded"),
                Some("application/json"),
                Some("multipart/form-data; boundary=x"),
                Some("text/plain"),
                None,
            ]);
            return Case {
                path: path.to_string(),
                body,
                content_type,
            };
        }
        // Arguments dropped.
        _ => {
            let keep = rng.below(pairs.len() + 1);
            pairs.truncate(keep);
        }
    }
    Case {
        path: path.to_string(),
        body: form_body(&pairs),
        content_type,
    }
}

/// Functions called from a throwaway session, because they end the
/// caller's session or change its password.
const SESSION_ENDING: &[&str] = &[
    "auth/sign_out",
    "auth/sign_in",
    "auth/set_password",
    "profile/change_password",
    "profile/sign_out_everywhere",
];

#[tokio::test]
async fn hostile_input_never_gets_a_5xx_or_a_dropped_connection() {
    let seed = std::env::var("COURSEGATE_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_SEED);
    println!("fuzz seed {seed} (replay with COURSEGATE_FUZZ_SEED={seed})");
    let app = TestApp::spawn().await;
    let max_body = app.state.settings.max_body_bytes;
    let admin = app.admin("fuzz.admin@operator.example").await;
    let customer = app
        .approved_customer(&admin, "Fuzz Target Oy", "fuzz.customer@example.com")
        .await;
    let status_token = app
        .submit_ok(&[
            ("legal_name", "Fuzzed Status Oy"),
            ("contact_email", "s@example.com"),
        ])
        .await;

    let paths: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_string())
        .collect();
    assert!(paths.len() > 50, "only {} server functions", paths.len());

    let mut rng = Rng(seed);
    let mut cases = Vec::new();
    for path in &paths {
        for _ in 0..CASES_PER_FUNCTION {
            cases.push(make_case(&mut rng, path, &status_token, max_body));
        }
    }
    let total = cases.len();

    let throwaway = app.client();
    let anonymous = app.client();
    let client_for = |path: &str| -> Client {
        if SESSION_ENDING.contains(&path) {
            throwaway.clone()
        } else if path.starts_with("admin/") || path.starts_with("profile/two_step/") {
            // Two-step sign-in is for system administrators.
            admin.clone()
        } else if path.starts_with("org/")
            || path.starts_with("profile/")
            || (path.starts_with("support/") && path != "support/contact")
        {
            customer.clone()
        } else {
            anonymous.clone()
        }
    };

    let results: Vec<(usize, String, Answer)> =
        futures::stream::iter(cases.into_iter().enumerate())
            .map(|(n, case)| {
                let client = client_for(&case.path);
                let url = format!("{}/api/{}", app.base, case.path);
                async move {
                    let mut request = client.post(url).body(case.body);
                    if let Some(content_type) = case.content_type {
                        request = request.header("content-type", content_type);
                    }
                    let result = match request.send().await {
                        Ok(response) => {
                            let status = response.status();
                            match response.text().await {
                                Ok(text) => Ok((status, text)),
                                Err(e) => Err(format!("body dropped: {e}")),
                            }
                        }
                        Err(e) => Err(format!("connection failed: {e}")),
                    };
                    (n, case.path, result)
                }
            })
            .buffer_unordered(4)
            .collect()
            .await;

    let mut failures = Vec::new();
    let mut by_class = [0usize; 6];
    for (n, path, result) in results {
        match result {
            Ok((status, body)) => {
                by_class[(status.as_u16() / 100) as usize % 6] += 1;
                let fine =
                    status.is_success() || (status.is_client_error() && !body.trim().is_empty());
                if !fine {
                    failures.push(format!(
                        "case {n} {path}: {status} {}",
                        body.chars().take(300).collect::<String>()
                    ));
                }
            }
            Err(e) => failures.push(format!("case {n} {path}: {e}")),
        }
    }
    println!(
        "fuzz: {total} cases over {} server functions ({} 2xx, {} 4xx, {} 5xx), seed {seed}",
        paths.len(),
        by_class[2],
        by_class[4],
        by_class[5]
    );
    assert!(
        failures.is_empty(),
        "seed {seed}: {} of {total} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );

    // The server is still healthy afterwards.
    let (status, body) = app.call(&admin, "admin/applications/counts", &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

const XSS: &str = "<script>alert('xss')</script>";

async fn page(client: &Client, url: &str) -> String {
    let response = client.get(url).send().await.expect("page");
    assert_eq!(response.status(), StatusCode::OK, "{url}");
    response.text().await.expect("html")
}

fn assert_escaped(html: &str, what: &str) {
    assert!(
        !html.contains("<script>alert("),
        "{what} carries a raw script tag from user input"
    );
    assert!(
        !html.contains("<img src=x onerror"),
        "{what} carries a raw img tag from user input"
    );
}

#[tokio::test]
async fn pages_that_show_user_input_escape_markup() {
    let app = TestApp::spawn().await;
    let admin = app.admin("xss.admin@operator.example").await;
    let hostile_use = format!("{XSS} <img src=x onerror=alert(1)> we want training");
    let token = app
        .submit_ok(&[
            ("legal_name", &format!("{XSS} Oy")),
            ("street_address", XSS),
            ("city", &format!("{XSS} City")),
            ("contact_name", &format!("{XSS} Name")),
            ("contact_email", "xss@example.com"),
            ("intended_use", &hostile_use),
        ])
        .await;
    let id = app.application_id(&format!("{XSS} Oy")).await;

    // The reviewer asks with markup in the message; the applicant sees it.
    let (status, body) = app
        .call(&admin, "admin/applications/claim", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = app
        .call(
            &admin,
            "admin/applications/request_info",
            &[("id", &id), ("fields", "phone"), ("message", XSS)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let anonymous = app.client();
    let status_page = page(&anonymous, &format!("{}/status/{token}", app.base)).await;
    assert!(
        status_page.contains("&lt;script&gt;"),
        "status page lacks the escaped text"
    );
    assert_escaped(&status_page, "the status page");

    let detail = page(&admin, &format!("{}/admin/applications/{id}", app.base)).await;
    assert!(
        detail.contains("&lt;script&gt;"),
        "review detail lacks the escaped text"
    );
    assert_escaped(&detail, "the review detail");
    let queue = page(&admin, &format!("{}/admin/applications", app.base)).await;
    assert_escaped(&queue, "the review queue");

    // A support thread whose subject and message carry markup, listed on
    // both sides.
    let customer = app
        .approved_customer(&admin, "Escaping Customer Oy", "escape@customer.example")
        .await;
    let (status, body) = app
        .call(
            &customer,
            "support/open",
            &[("subject", &format!("{XSS} help")), ("message", XSS)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = app
        .call(
            &anonymous,
            "support/contact",
            &[("name", XSS), ("email", "v@example.com"), ("message", XSS)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let support = page(&customer, &format!("{}/support", app.base)).await;
    assert!(
        support.contains("&lt;script&gt;"),
        "support page lacks the escaped subject"
    );
    assert_escaped(&support, "the customer's support page");
    let inbox = page(&admin, &format!("{}/admin/support", app.base)).await;
    assert_escaped(&inbox, "the operator's support inbox");
}

/// Found by the fuzzer on PostgreSQL, which refuses NUL in text: an id
/// with a NUL went unvalidated into a query and failed there as a 500.
#[tokio::test]
async fn a_nul_character_anywhere_is_refused_with_400() {
    let app = TestApp::spawn().await;
    let admin = app.admin("nul.admin@operator.example").await;
    let customer = app
        .approved_customer(&admin, "Nul Check Oy", "nul@customer.example")
        .await;
    let calls = [
        (&admin, "admin/applications/list", "after"),
        (&admin, "admin/catalog/get", "id"),
        (&admin, "admin/courses/get", "id"),
        (&customer, "org/attendees/delete", "id"),
        (&customer, "org/courses/get", "id"),
        (&customer, "support/reply", "id"),
    ];
    for (client, path, field) in calls {
        let (status, body) = app
            .call(client, path, &[(field, "a\0b"), ("message", "Hello")])
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}: {body}");
        assert!(
            body["BadRequest"]
                .as_str()
                .is_some_and(|m| m.contains("NUL")),
            "{body}"
        );
    }
}
