//! Load driver for the submit-application server function: every request
//! carries a new submission key, so each one inserts an application.
//!
//! Usage: `bench-submit URL CONCURRENCY MAX_REQUESTS MAX_SECONDS`, where URL
//! is the server's loopback base address. Prints one line:
//! `requests=… ok=… failed=… seconds=… rps=… p50_ms=… p95_ms=… p99_ms=…`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn usage() -> ! {
    eprintln!("usage: bench-submit http://127.0.0.1:PORT CONCURRENCY MAX_REQUESTS MAX_SECONDS");
    std::process::exit(2);
}

/// A valid application, form-encoded, without its submission key.
const FORM: &str = "application%5Blegal_name%5D=Load+Test+Learning+Oy\
&application%5Bregistration_id%5D=7654321-0\
&application%5Bcountry%5D=FI\
&application%5Bstreet_address%5D=Mannerheimintie+1\
&application%5Bpostal_code%5D=00100\
&application%5Bcity%5D=Helsinki\
&application%5Bwebsite%5D=https%3A%2F%2Fload.example.com\
&application%5Bcontact_name%5D=Lotta+Load\
&application%5Bcontact_email%5D=lotta%40load.example.com\
&application%5Bphone%5D=%2B358+40+765+4321\
&application%5Borg_type%5D=company\
&application%5Borg_size%5D=50-249\
&application%5Bintended_use%5D=Measuring+how+fast+applications+are+accepted.\
&application%5Baccept_terms%5D=on";

fn form(key: &str) -> String {
    format!("{FORM}&application%5Bsubmission_key%5D={key}")
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1].as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [base, concurrency, max_requests, max_seconds] = args.as_slice() else {
        usage()
    };
    let (Ok(concurrency), Ok(max_requests), Ok(max_seconds)) = (
        concurrency.parse::<usize>(),
        max_requests.parse::<usize>(),
        max_seconds.parse::<u64>(),
    ) else {
        usage()
    };
    // Load goes to this machine only.
    if !(base.starts_with("http://127.0.0.1:") || base.starts_with("http://[::1]:")) {
        eprintln!("bench-submit: the URL must be http://127.0.0.1:PORT");
        std::process::exit(2);
    }
    let url = format!("{}/api/applications/submit", base.trim_end_matches('/'));
    let client = reqwest::Client::builder()
        .no_proxy()
        .pool_max_idle_per_host(concurrency)
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap_or_else(|e| {
            eprintln!("bench-submit: {e}");
            std::process::exit(1);
        });
    // Keys differ between runs too, so a second run against the same
    // database inserts again instead of finding the first run's rows.
    let nonce = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1);
    let issued = Arc::new(AtomicUsize::new(0));
    let failed = Arc::new(AtomicUsize::new(0));
    let deadline = Instant::now() + Duration::from_secs(max_seconds);
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency.max(1) {
        let (client, url, issued, failed) =
            (client.clone(), url.clone(), issued.clone(), failed.clone());
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let n = issued.fetch_add(1, Ordering::Relaxed);
                if n >= max_requests || Instant::now() >= deadline {
                    break;
                }
                let key = format!("{nonce:016x}{:016x}", n as u64 + 1);
                let sent = Instant::now();
                let answer = client
                    .post(&url)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(form(&key))
                    .send()
                    .await;
                let ok = match answer {
                    Ok(response) => {
                        let status = response.status();
                        // Read the body so the connection is reused.
                        let _ = response.bytes().await;
                        status.is_success()
                    }
                    Err(_) => false,
                };
                latencies.push(sent.elapsed());
                if !ok {
                    failed.fetch_add(1, Ordering::Relaxed);
                }
            }
            latencies
        }));
    }
    let mut all = Vec::new();
    for worker in workers {
        if let Ok(latencies) = worker.await {
            all.extend(latencies);
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    all.sort();
    let failed = failed.load(Ordering::Relaxed);
    println!(
        "requests={} ok={} failed={failed} seconds={seconds:.2} rps={:.1} p50_ms={:.2} p95_ms={:.2} p99_ms={:.2}",
        all.len(),
        all.len() - failed,
        all.len() as f64 / seconds,
        percentile(&all, 50.0),
        percentile(&all, 95.0),
        percentile(&all, 99.0),
    );
}
