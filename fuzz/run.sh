#!/usr/bin/env bash
# Builds a libFuzzer target and runs it: fuzz/run.sh TARGET SECONDS [libFuzzer options…]
# TARGET is one of: equation, lesson, number, answer (fuzz/TARGET.swift). The libraries are
# compiled with coverage and AddressSanitizer into fuzz/.build, once per change; the corpus is
# fuzz/corpus/TARGET (new inputs are kept in fuzz/.build/corpus/TARGET, the seeds stay as they are),
# a crash or hang is written to fuzz/.build/findings/TARGET, and the log to fuzz/.build/TARGET.log.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh TARGET SECONDS [libFuzzer options…]}
seconds=${2:?usage: fuzz/run.sh TARGET SECONDS [libFuzzer options…]}
shift 2
[[ -f fuzz/$target.swift ]] || { echo "fuzz/run.sh: no target fuzz/$target.swift" >&2; exit 2; }
export PATH=/opt/swift/usr/bin:$PATH
build=fuzz/.build
mkdir -p "$build/plain" "$build/findings/$target" "$build/corpus/$target"

flags=(-swift-version 6 -parse-as-library -O -g -sanitize=fuzzer,address -I "$build")

# The lessons built into the library, as the package's build plugin writes them.
if [[ ! -f $build/EmbeddedLessons.swift || -n $(find lessons Sources/EmbedLessons Sources/LessonFiles -newer "$build/EmbeddedLessons.swift") ]]; then
    swiftc -swift-version 6 -parse-as-library -wmo -module-name LessonFiles -emit-module \
        -emit-module-path "$build/plain/LessonFiles.swiftmodule" -c Sources/LessonFiles/*.swift -o "$build/plain/LessonFiles.o"
    swiftc -swift-version 6 -I "$build/plain" Sources/EmbedLessons/main.swift "$build/plain/LessonFiles.o" -o "$build/plain/EmbedLessons"
    "$build/plain/EmbedLessons" "$build/EmbeddedLessons.swift" lessons
fi

# Each library as its own module, in the order they import each other.
for module in LessonFiles BackpropEngine Lessons TextScreen TutorApp; do
    sources=(Sources/$module/*.swift)
    [[ $module == Lessons ]] && sources+=("$build/EmbeddedLessons.swift")
    if [[ ! -f $build/$module.o || -n $(find "${sources[@]}" -newer "$build/$module.o") ]]; then
        echo "fuzz/run.sh: compiling $module" >&2
        swiftc "${flags[@]}" -wmo -module-name "$module" -emit-module -emit-module-path "$build/$module.swiftmodule" \
            -c "${sources[@]}" -o "$build/$module.o"
    fi
done
# The linker's notes on AddressSanitizer's own symbols are left out.
{ swiftc "${flags[@]}" -module-name "Fuzz_$target" "fuzz/$target.swift" "$build"/{LessonFiles,BackpropEngine,Lessons,TextScreen,TutorApp}.o \
    -o "$build/$target" 2>&1 1>&3 | { grep -v 'Cannot export local symbol' || true; } >&2; } 3>&1

# Leak detection is off: Swift keeps some pointers with flag bits set (indirect enum cases),
# which the leak checker cannot follow, so it reports memory that is still in use.
# Swift's own crash reporter is off: libFuzzer reports the crash and keeps the input.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$build/$target" "$build/corpus/$target" "fuzz/corpus/$target" \
    -max_total_time="$seconds" -artifact_prefix="$build/findings/$target/" -print_final_stats=1 -detect_leaks=0 "$@" 2>&1 | tee "$build/$target.log"
