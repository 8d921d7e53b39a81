# Reablement outcome calculator — build, serve, test, bench.
#
# Every target installs what it needs first, and skips what is already there:
#   make serve   build dist/ and serve it on http://127.0.0.1:8080
#   make test    lint, native tests, browser (wasm-bindgen-test) tests, end-to-end tests
#   make lint    cargo fmt --check and clippy (warnings are errors), native and wasm32
#   make dist    release build into dist/
#   make bench   sizes and speed of the built modules, the first load against the peer, the explainer's load, the size ratchet and hostile input
#
# Needs only rustup, node/npm, python3, make and apt-get on the machine.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

WASM_BINDGEN_VERSION := 0.2.130
WASM_TARGET := wasm32-unknown-unknown
BIN := reablement-calculator
WASM := target/$(WASM_TARGET)/release/$(BIN).wasm
OUT_NAME := reablement
# Size first (docs/performance.md, "The size ratchet"): the control flow flattened and
# rebuilt by the relooper, then -Oz twice, is 0.3–2 KB smaller with brotli per module than
# -Oz alone, at the same speed; --reorder-functions-by-name puts each generic's copies side
# by side, which brotli compresses better (another 0.1–2.3 KB). The same code either way.
WASM_OPT_FLAGS := --flatten --rereloop -Oz -Oz --reorder-functions-by-name \
	--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
APT_PACKAGES := chromium chromium-driver brotli

CARGO_HOME ?= $(HOME)/.cargo
# npm's binaryen (wasm-opt) first: Debian's binaryen is too old for current rustc output.
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_HOME)/bin:$(PATH)

# wasm-bindgen-test-runner: use Debian's chromedriver explicitly (it adds --headless and
# --no-sandbox itself, so running as root works), and give a loaded 2-core machine time.
export CHROMEDRIVER ?= /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT ?= 120
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT ?= 30

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help deps deps-rust deps-node deps-browser dist serve lint test bench clean

help:
	@echo 'make serve   install what is missing, build, serve on http://127.0.0.1:8080'
	@echo 'make test    install what is missing, run every test (native, browser, end to end)'
	@echo 'make dist    release build into dist/'
	@echo 'make lint    cargo fmt --check and clippy, warnings as errors'
	@echo 'make bench   sizes (and their ratchet), speed of the JS API, the first load against the peer, the explainer'"'"'s load, hostile input'

# ---------------------------------------------------------------- installs (idempotent)

deps: deps-rust deps-node deps-browser

deps-rust:
	@command -v rustup >/dev/null || { echo 'rustup is required: https://rustup.rs' >&2; exit 1; }
	@for component in rustfmt clippy; do \
		if ! rustup component list --installed | grep -q "^$$component"; then \
			echo "+ rustup component add $$component"; rustup component add $$component; \
		fi; \
	done
	@if ! rustup target list --installed | grep -qx '$(WASM_TARGET)'; then \
		echo '+ rustup target add $(WASM_TARGET)'; \
		rustup target add $(WASM_TARGET); \
	fi
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != 'wasm-bindgen $(WASM_BINDGEN_VERSION)' ] || \
	    [ "$$(wasm-bindgen-test-runner --version 2>/dev/null)" != 'wasm-bindgen-test-runner $(WASM_BINDGEN_VERSION)' ]; then \
		echo '+ cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)'; \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; \
	fi

# npm ci when node_modules is missing or older than the lock file (npm install without a lock).
deps-node: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json $(wildcard package-lock.json)
	@if [ -f package-lock.json ]; then \
		echo '+ npm ci'; npm ci --no-audit --no-fund; \
	else \
		echo '+ npm install'; npm install --no-audit --no-fund; \
	fi
	@touch $@

deps-browser:
	@if [ ! -x /usr/bin/chromium ] || ! command -v chromedriver >/dev/null || ! command -v brotli >/dev/null; then \
		echo '+ apt-get install -y $(APT_PACKAGES)'; \
		$(SUDO) apt-get update; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $(APT_PACKAGES); \
	fi

# ---------------------------------------------------------------- build

# Four WebAssembly modules from the one crate (see docs/decisions.md, "Three modules", and
# docs/performance.md): the linker keeps only what each one's exports reach.
#   name              features  directory  for
#   reablement_start  start     dist/      the standalone page's first screen (the calculator)
#   reablement        app       dist/      every screen: the page once another is opened, embeds in full mode
#   reablement_embed  embed     dist/embed the public explainer embedded on council pages
#   reablement_api    (none)    dist/api   the JS API alone: Node, other tools
MODULES := reablement_start:start:. reablement:app:. reablement_embed:embed:embed reablement_api::api

# dist/: each module's .js and _bg.wasm (and its snippets/) in its directory, index.html with
# the first screen prerendered into it, build.txt and everything under www/.
# The first screen is rendered to HTML by Yew's server renderer, natively (src/bin/prerender.rs,
# feature ssr), into index.html's empty <div id="reablement-app"></div>.
# The explainer's first paint (each worked example, in parts, and the text of its stylesheets)
# is rendered the same way into embed.js, in place of its /* __FIRST_PAINT__ */ marker.
# URLs are relative, so dist/ can be hosted under any path; __BUILD__ in index.html becomes
# the first 12 hex digits of the sha256 of the modules and pages (cache busting).
# The explainer's glue's snippets (with their ?v=) are listed in embed.js, which asks for them
# beside the glue rather than after it.
# dist/council.json says "use the calculator's own figures" unless www/ has a council's own, so
# the page's request for it never fails; a council replaces it (README).
# The same ?v=<build> goes on privacy.html's assets and on the glue's snippet imports, and
# dist/sw.js gets the build and the list of files to keep for offline use (the app's pages and
# both of its modules, not the embed, demo or API files).
dist: deps-rust deps-node
	@rm -rf dist
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	for module in $(MODULES); do \
		IFS=: read -r name features dir <<< "$$module"; \
		echo "+ cargo build --release --no-default-features --features '$$features'  ($$name)"; \
		cargo build --release --target $(WASM_TARGET) --bin $(BIN) --no-default-features --features "$$features"; \
		wasm-bindgen --target web --no-typescript --out-dir "$$tmp/$$dir" --out-name "$$name" $(WASM); \
		wasm-opt $(WASM_OPT_FLAGS) "$$tmp/$$dir/$${name}_bg.wasm" -o "$$tmp/$$dir/$${name}_bg.opt.wasm"; \
		mv "$$tmp/$$dir/$${name}_bg.opt.wasm" "$$tmp/$$dir/$${name}_bg.wasm"; \
	done; \
	echo '+ cargo run --features ssr --bin prerender -- index.html www/app.css  (the first screen as HTML, its stylesheet inline)'; \
	cargo run --quiet --features ssr --bin prerender -- index.html www/app.css > "$$tmp/index.html"; \
	echo '+ cargo run --features ssr --bin prerender -- embed www/embed.js www/app.css www/embed.css  (the explainer'"'"'s first paint, into embed.js)'; \
	cargo run --quiet --features ssr --bin prerender -- embed www/embed.js www/app.css www/embed.css > "$$tmp/embed.js"; \
	mkdir -p dist; \
	cp -R www/. dist/; \
	cp -R "$$tmp"/. dist/; \
	if [ ! -f dist/council.json ]; then \
		echo '+ cargo run --features ssr --bin prerender -- council  (council.json: the calculator'"'"'s own figures; www/council.json, if any, wins)'; \
		cargo run --quiet --features ssr --bin prerender -- council > dist/council.json; \
	fi
	@build=$$(find dist -type f ! -name index.html | LC_ALL=C sort | xargs cat | cat - dist/index.html | sha256sum | cut -c1-12); \
	sed -i "s/__BUILD__/$$build/g" dist/index.html dist/privacy.html dist/embed.js dist/embed-frame.js dist/embed.html; \
	for glue in $$(find dist -name '*.js' -path '*reablement*' ! -path '*/snippets/*' ! -name 'embed*.js'); do \
		sed -i -E "s#(from ['\"]\./snippets/[^'\"?]+\.js)(['\"])#\1?v=$$build\2#g" "$$glue"; \
		if grep -Eq "['\"]\./snippets/[^'\"?]+\.js['\"]" "$$glue"; then \
			echo "$$glue imports a snippet without ?v=: update the sed above" >&2; exit 1; \
		fi; \
	done; \
	for snippet in $$(grep -oE "from '\./snippets/[^']+'" dist/$(OUT_NAME)_start.js | sed -E "s#^from '(.*)'\$$#\1#" | sort -r); do \
		sed -i -E "s#^( *)(<link rel=\"modulepreload\" href=\"\./$(OUT_NAME)_start\.js[^>]*>)#\1\2\n\1<link rel=\"modulepreload\" href=\"$$snippet\">#" dist/index.html; \
	done; \
	embed_snippets=$$(grep -oE "from '\./snippets/[^']+'" dist/embed/$(OUT_NAME)_embed.js | sed -E "s#^from '\./(.*)'\$$#'embed/\1'#" | sort | paste -sd, -); \
	grep -q '/\* __EMBED_SNIPPETS__ \*/ \[\]' dist/embed.js || { echo 'dist/embed.js has no /* __EMBED_SNIPPETS__ */ []' >&2; exit 1; }; \
	sed -i "s#/\* __EMBED_SNIPPETS__ \*/ \[\]#[$$embed_snippets]#" dist/embed.js; \
	precache=$$(cd dist && { printf '%s\n' index.html privacy.html app.css manifest.webmanifest \
		$(OUT_NAME)_start.js $(OUT_NAME)_start_bg.wasm $(OUT_NAME).js $(OUT_NAME)_bg.wasm; \
		find . -type f \( -path './icons/*' -o -path './snippets/*' \) | sed 's#^\./##' | sort; } | \
		while read -r f; do [ -f "$$f" ] || { echo "dist/$$f is missing" >&2; exit 1; }; printf "'./%s', " "$$f"; done); \
	sed -e "s/__BUILD__/$$build/g" -e "s#'__PRECACHE__'#$${precache%, }#" www/sw.js > dist/sw.js; \
	printf '%s\n' "$$build" > dist/build.txt; \
	echo "dist/ built ($$build):"; \
	cd dist && find . -type f | sort | xargs ls -l | awk '{ printf "  %9d  %s\n", $$5, substr($$9, 3) }'

serve: dist
	@echo 'Serving dist/ on http://127.0.0.1:8080 (Ctrl-C to stop)'
	python3 -m http.server 8080 --bind 127.0.0.1 --directory dist

# ---------------------------------------------------------------- tests

# The lint gate: formatting as .rustfmt.toml says, and clippy with warnings as errors over
# every target (tests included), for the host and for the browser build.
lint: deps-rust
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) --no-default-features --features start -- -D warnings
	cargo clippy --features ssr --bin prerender -- -D warnings

# node --test runs last, so the final lines of the output are its summary of the tests run.
test: deps lint
	cargo test
	cargo test --target $(WASM_TARGET) --tests
	$(MAKE) --no-print-directory dist
	node --test tests/e2e/

# The JS API's speed and the 100,000-row cohort, then the first load against the plain
# JavaScript peer (tests/bench/peer/) under CPU and network throttling, then the explainer on a
# council's page and the ratchet on the modules' sizes (fails when a budget does not hold):
# docs/performance.md. Every bench runs, even after one fails, so each prints its numbers;
# then the target fails, naming the ones that did.
BENCHES := bench first-load explainer-load hostile

bench: deps-browser dist
	@failed=''; \
	for b in $(BENCHES); do \
		echo "+ node tests/bench/$$b.mjs"; \
		node tests/bench/$$b.mjs || failed="$$failed $$b"; \
	done; \
	if [ -n "$$failed" ]; then echo "make bench: a budget does not hold in:$$failed" >&2; exit 1; fi

clean:
	rm -rf dist test-output
