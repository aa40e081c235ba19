# Statements (who said what) on the GGT dev set: Gender Gap Tracker quote metric.
set -euo pipefail
out=$(./precis eval statements --data "$DATA/attribution/ggt.jsonl" --json)
echo "$out" | tail -n 1
.ci/floor statements.ggt.lenient.f1 "$(echo "$out" | .ci/json-field lenient.f1)"
.ci/floor statements.ggt.strict.f1 "$(echo "$out" | .ci/json-field strict.f1)"
.ci/floor statements.ggt.speaker_match "$(echo "$out" | .ci/json-field speaker_match)"
.ci/floor statements.ggt.speaker_match_anchored "$(echo "$out" | .ci/json-field speaker_match_anchored)"
