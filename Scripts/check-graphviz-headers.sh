#!/usr/bin/env bash
# Compiles the C shim (Sources/CGraphviz/shim.h) against one set of Graphviz headers, without
# linking, and reports which gvPluginList form it chose (4 arguments up to Graphviz 8.x, 3 from 9.0.0).
#
# Usage: Scripts/check-graphviz-headers.sh DIR [EXPECTED_ARITY]
#   DIR  a folder holding graphviz/gvc.h (e.g. /usr/include), the graphviz/ folder itself
#        (e.g. /usr/include/graphviz), or a Graphviz source tree (lib/gvc/gvc.h), whose installed
#        header set (the pkginclude_HEADERS of lib/*/Makefile.am) is copied into a temporary
#        graphviz/ folder first. For a source tree, GRAPHVIZ_VERSION=x.y.z writes a minimal
#        graphviz_version.h beside them (no public header includes it; it only labels the output).
#   EXPECTED_ARITY  3 or 4: fail unless the shim picked that form.
# CC names the compilers to try (default: cc and clang, those installed), CFLAGS adds flags.
#
# Needs no network. To check a Graphviz release, export its headers from a clone, e.g.
#   mkdir /tmp/gv-12.2.1 && git -C graphviz archive 12.2.1 -- 'lib/*/*.h' 'lib/*/Makefile.am' | tar -x -C /tmp/gv-12.2.1
#   GRAPHVIZ_VERSION=12.2.1 Scripts/check-graphviz-headers.sh /tmp/gv-12.2.1 3
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[[ $# -ge 1 && $# -le 2 ]] || { sed -n '5,12p' "$0" >&2; exit 2; }
dir=$1
expected=${2:-}
[[ -z $expected || $expected == 3 || $expected == 4 ]] || { echo "EXPECTED_ARITY must be 3 or 4" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ -f $dir/graphviz/gvc.h ]]; then
	include=$dir
elif [[ -f $dir/gvc.h && $(basename "$(cd "$dir" && pwd)") == graphviz ]]; then
	include=$(cd "$dir/.." && pwd)
elif [[ -f $dir/lib/gvc/gvc.h ]]; then
	include=$work/include
	mkdir -p "$include/graphviz"
	for makefile in "$dir"/lib/*/Makefile.am; do
		# pkginclude_HEADERS = a.h b.h \<newline> c.h ...
		headers=$(awk '/^pkginclude_HEADERS[ \t]*=/ { on = 1; sub(/^[^=]*=/, "") }
			on { line = $0; more = sub(/\\[ \t]*$/, "", line); printf "%s ", line; if (!more) on = 0 }' "$makefile")
		for header in $headers; do
			[[ $header == *.h && -f $(dirname "$makefile")/$header ]] || continue
			cp "$(dirname "$makefile")/$header" "$include/graphviz/"
		done
	done
	if [[ -n ${GRAPHVIZ_VERSION:-} ]]; then
		printf '#pragma once\n#define PACKAGE_VERSION "%s"\n' "$GRAPHVIZ_VERSION" >"$include/graphviz/graphviz_version.h"
	fi
else
	echo "$dir: neither a headers folder (graphviz/gvc.h, gvc.h) nor a Graphviz source tree (lib/gvc/gvc.h)" >&2
	exit 2
fi

version=unknown
if [[ -f $include/graphviz/graphviz_version.h ]]; then
	version=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"/\1/p' "$include/graphviz/graphviz_version.h")
fi
signature=$(grep -h 'gvPluginList *(' "$include/graphviz/gvc.h" | tr -s ' \t' ' ')

cat >"$work/check.c" <<'EOF'
#include "shim.h"

#ifdef EXPECT_ARITY
_Static_assert(DIPLOGRAPH_GVPLUGINLIST_ARITY == EXPECT_ARITY, "gvPluginList form");
#endif

char **check_plugin_list(GVC_t *gvc, int *count) { return diplograph_plugin_list(gvc, "layout", count); }
Agdesc_t check_directed(void) { return diplograph_directed(); }
Agdesc_t check_undirected(void) { return diplograph_undirected(); }
int check_levels(void) { return (int)diplograph_agwarn() + (int)diplograph_agerr(); }
EOF

compilers=()
if [[ -n ${CC:-} ]]; then
	read -r -a compilers <<<"$CC"
else
	for candidate in cc clang; do command -v "$candidate" >/dev/null && compilers+=("$candidate"); done
fi
[[ ${#compilers[@]} -gt 0 ]] || { echo "no C compiler found (set CC)" >&2; exit 2; }

# Graphviz's own headers are system headers (their warnings are not ours); the shim's are errors.
flags=(-std=c11 -Wall -Wextra -Werror -isystem "$include" -I "$root/Sources/CGraphviz")
read -r -a extra <<<"${CFLAGS:-}"
flags+=("${extra[@]}")

echo "Graphviz $version headers in $include/graphviz"
echo "  gvc.h declares: $signature"
status=0
for compiler in "${compilers[@]}"; do
	arity=none
	for candidate in 3 4; do
		if "$compiler" "${flags[@]}" -DEXPECT_ARITY=$candidate -fsyntax-only "$work/check.c" 2>/dev/null; then
			arity=$candidate
		fi
	done
	if ! "$compiler" "${flags[@]}" -c "$work/check.c" -o "$work/check.o" 2>"$work/errors"; then
		echo "  $compiler: FAILED to compile the shim"
		sed 's/^/    /' "$work/errors"
		status=1
	elif [[ -n $expected && $arity != "$expected" ]]; then
		echo "  $compiler: compiled, but chose the $arity-argument gvPluginList where $expected was expected"
		status=1
	else
		echo "  $compiler ($("$compiler" --version | head -n 1)): ok, calls the $arity-argument gvPluginList"
	fi
done
exit $status
