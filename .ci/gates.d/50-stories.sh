# Online story grouping on the clustering dev sets: B-cubed F1 floors, one configuration for both.
set -euo pipefail
for set in allsides ecbplus; do
  out=$(./precis eval stories --data "$DATA/clustering/$set.jsonl" --json)
  echo "$set: $(echo "$out" | tail -n 1)"
  .ci/floor "stories.$set.bcubed_f1" "$(echo "$out" | .ci/json-field bcubed.f1)"
done
