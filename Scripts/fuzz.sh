#!/usr/bin/env bash
# Fuzzes the readers and the DOT writer + Graphviz parser with libFuzzer (and AddressSanitizer).
# Usage: Scripts/fuzz.sh [SECONDS_PER_TARGET [TARGET...]]   (default 300 s each for FuzzReaders and
# FuzzDiagram: ten minutes)
# Crashes are written to Fuzz/crashes/; add each as a regression test (Tests/DiploGraphTests/FuzzRegressionTests.swift).
# FUZZ_SCRATCH_PATH names the build folder (default .build-fuzz), so that two checkouts or a
# build check beside a long run do not share one.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
scratch=${FUZZ_SCRATCH_PATH:-.build-fuzz}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(FuzzReaders FuzzDiagram)
build() {
	for product in "${targets[@]}"; do
		swift build --package-path Fuzz --scratch-path "$scratch" -c debug --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address --disable-dead-strip \
			--product "$product" 2>&1 | grep -v "ld.gold: warning: Cannot export local symbol" | tail -n 3
	done
}
# A fuzzer without coverage counters only tries random bytes and finds little. Dead-stripping
# removes the constructors that register them (hence --disable-dead-strip); check anyway, and
# build anew if they are missing.
instrumented() {
	for product in "${targets[@]}"; do
		local banner
		banner=$(SWIFT_BACKTRACE=enable=no "$bin/$product" -runs=1 -detect_leaks=0 2>&1 || true)
		[[ $banner == *"inline 8-bit counters"* ]] || return 1
	done
}
build
bin=$(swift build --package-path Fuzz --scratch-path "$scratch" -c debug --show-bin-path)
if ! instrumented; then
	echo "fuzz targets lack coverage instrumentation: building them anew"
	rm -rf "$scratch"
	build
	instrumented || { echo "fuzz targets still lack coverage instrumentation"; exit 1; }
fi
mkdir -p fuzz-corpus/readers fuzz-corpus/diagram Fuzz/crashes
cp graphs/*.csv Tests/DiploGraphTests/Fixtures/*.tab fuzz-corpus/readers/ 2>/dev/null || true
printf 'Moon "Jae-in" \\\x1fROK & <b>\x1fKim\\N\x1fsummit\x1fnote\nwith newline' > fuzz-corpus/diagram/seed1
printf 'a\x1fb\x1fc\x1fd\x1fe' > fuzz-corpus/diagram/seed2
printf 'a\x1fb\x1fc\x1fd\x1fe\x1f#1b7837\x1f9e307' > fuzz-corpus/diagram/seed3
printf 'a\x1fb\x1fc\x1fd\x1fe\x1f\x1f5e-324' > fuzz-corpus/diagram/seed4
printf 'A\xef\xbf\xbe\x1fG\x01\x1fB\\N\\G\x1fkind \xef\xbf\xbf\x1fnote \x1b[31m\\E\\T\\H\\L\x1f\x1f\x1fother \xe2\x80\xae' > fuzz-corpus/diagram/seed5
printf 'date,source,target,kind,weight\n2018,a,b,summit,1e308\n2018,c,b,summit,1e308\n2019,a,b,summit,4e-320\n' > fuzz-corpus/readers/seed-overflow.csv
status=0
# Swift's own backtracer cannot read memory under AddressSanitizer and hangs: let libFuzzer report.
export SWIFT_BACKTRACE=enable=no
for target in "${targets[@]}"; do
	corpus=fuzz-corpus/$([[ $target == FuzzReaders ]] && echo readers || echo diagram)
	# Leak checks only for the pure-Swift readers: LeakSanitizer attributes to the diagram target
	# what libgvc (gmalloc in layouts, gvPluginList's dropped duplicates) and fontconfig's caches
	# never free. Graphviz's memory growth is measured by GraphvizTests.rendersDoNotLeak instead.
	leaks=$([[ $target == FuzzReaders ]] && echo 1 || echo 0)
	echo "== $target for ${seconds}s"
	ASAN_OPTIONS=detect_leaks=$leaks "$bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 -detect_leaks=$leaks \
		-artifact_prefix=Fuzz/crashes/$target- "$corpus" 2>&1 | grep -E "^(INFO: Loaded|#[0-9]+ +(INITED|DONE))|stat::|ERROR|SUMMARY|Test unit" || true
done
if ls Fuzz/crashes/* >/dev/null 2>&1; then echo "crashes found: Fuzz/crashes/"; status=1; fi
exit $status
