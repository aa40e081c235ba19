# Feed polling: 500 local feeds x 20 entries over 50 loopback hosts with the default politeness (one
# request at a time per host, >= 1 s between). Round 1 within 60 s, round 2 only conditional requests.
set -euo pipefail
jar=bench/target/precis-bench.jar
[ -f "$jar" ] || ./mvnw -B -q -DskipTests -pl bench -am package
java=""
for d in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
  if [ -n "$d" ] && [ -x "${d%/}/bin/java" ]; then java="${d%/}/bin/java"; break; fi
done
[ -n "$java" ] || java=java
out=$("$java" -cp "$jar" dev.precis.bench.FeedPollBench 2>/dev/null)
echo "$out" | grep -v '^  127' | tail -n 8
last=$(echo "$out" | tail -n 1)
field() { echo "$last" | .ci/json-field "$1"; }
.ci/floor feeds.round1.feeds_per_s "$(awk -v f="$(field feeds)" -v s="$(field round1_s)" 'BEGIN { printf "%.2f", f / s }')"
.ci/floor feeds.round1.stored_share "$(awk -v a="$(field round1_added)" -v f="$(field feeds)" -v e="$(field entries)" 'BEGIN { printf "%.4f", a / (f * e) }')"
.ci/floor feeds.politeness.min_gap_s "$(awk -v g="$(field min_gap_ms)" 'BEGIN { printf "%.4f", g / 1000 }')"
.ci/floor feeds.round2.share_304 "$(awk -v n="$(field round2_304)" -v r="$(field round2_requests)" 'BEGIN { printf "%.4f", (r > 0 ? n / r : 0) }')"
