# Article-body extraction on the Zyte benchmark pages: F1 of the shingle metric.
set -euo pipefail
out=$(./precis eval extraction --data "$DATA/extraction" --json)
echo "$out" | tail -n 1
.ci/floor extraction.zyte.f1 "$(echo "$out" | .ci/json-field f1)"
