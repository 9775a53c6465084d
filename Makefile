# Coursegate quick start:
#   make run    install what is missing, then build and serve on 127.0.0.1:3000
#   make test   install what is missing, then every check CI runs
#
# Pins: rust-toolchain.toml, Cargo.lock, tools/ and end2end/ package-lock.json,
# cargo-leptos in scripts/bootstrap.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
# Steps of `make test` run in the order listed, never side by side.
.NOTPARALLEL:

# One target dir outside the clone, shared by every clone on this machine:
# CI starts from a fresh clone each time and must not rebuild the world.
# cargo-leptos still writes the site to target/site inside the clone.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/coursegate/target
# sass and wasm-opt (npm binaryen 132) from tools/ come first: cargo-leptos
# is built with no_downloads and takes them from PATH. Debian's wasm-opt
# (binaryen 108) breaks the WASM and must not be found first.
export PATH := $(CURDIR)/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# Leptos reads LEPTOS_OUTPUT_NAME at compile time (it names the WASM file the
# page loads). cargo-leptos sets it; setting it for every cargo command too
# keeps plain cargo builds from invalidating cargo-leptos's and vice versa.
export LEPTOS_OUTPUT_NAME := coursegate

CLIPPY_FLAGS := -- -D warnings

.PHONY: admin help bootstrap run test fmt fmt-check clippy clippy-ssr clippy-wasm unit integration-pg e2e bench

help:
	@echo "make run        bootstrap, then cargo leptos serve (debug) on 127.0.0.1:3000"
	@echo "make test       bootstrap, fmt-check, clippy, unit, integration-pg, e2e (what CI runs)"
	@echo "make bootstrap  install the pinned toolchain and tools (idempotent)"
	@echo "make fmt        cargo fmt --all"
	@echo "make fmt-check  cargo fmt --all --check"
	@echo "make clippy     clippy for the server (ssr) and the browser (wasm32, hydrate)"
	@echo "make unit       cargo test -p app -p server (integration tests on SQLite)"
	@echo "make integration-pg  the integration tests again, on a throwaway PostgreSQL (scripts/pg)"
	@echo "make e2e        release build + Playwright against a fresh database"
	@echo "make bench      release build, then load, scale, size, memory and browser measurements (not part of test)"

bootstrap:
	scripts/bootstrap

run: bootstrap
	cargo leptos serve

test: bootstrap fmt-check clippy unit integration-pg e2e
	@echo "make test: all passed"

fmt: bootstrap
	cargo fmt --all

fmt-check: bootstrap
	cargo fmt --all --check

clippy: clippy-ssr clippy-wasm

clippy-ssr: bootstrap
	cargo clippy -p app -p server -p coursegate-bench --all-targets --features app/ssr $(CLIPPY_FLAGS)

clippy-wasm: bootstrap
	cargo clippy -p app -p frontend --target wasm32-unknown-unknown --features app/hydrate $(CLIPPY_FLAGS)

unit: bootstrap
	env -u COURSEGATE_TEST_POSTGRES_URL cargo test -p app -p server

# The same test binaries as `unit` (same cargo flags, so nothing rebuilds),
# run against a PostgreSQL cluster that scripts/pg installs if needed,
# starts in a temporary directory and removes afterwards.
integration-pg: bootstrap
	scripts/pg run -- cargo test -p server --tests

# Create another system administrator: make admin EMAIL=someone@example.com
admin: bootstrap
	@test -n "$(EMAIL)" || { echo "usage: make admin EMAIL=someone@example.com" >&2; exit 2; }
	cargo run -q -p server --bin coursegate -- admin create --email "$(EMAIL)"

e2e: bootstrap
	scripts/e2e

# Measurements on this machine (minutes; loopback only; results in
# BENCHMARKS.md). Not part of `test`: timings vary with the machine.
bench: bootstrap
	scripts/bench
