#!/usr/bin/env bash
# Reproduce api/static/vendor/ from the npm registry (pinned versions, no bundler).
#   bash ui/vendor.sh          # fetch with `npm pack`, copy the browser builds, check sums
# The dashboard loads these files with plain <script> tags; nothing is fetched at run time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dest="$here/../api/static/vendor"
CHARTJS=4.6.1
CYTOSCAPE=3.34.4
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$dest"
cd "$work"
npm pack --silent "chart.js@$CHARTJS" "cytoscape@$CYTOSCAPE" >/dev/null
mkdir chart cy
tar -xzf "chart.js-$CHARTJS.tgz" -C chart
tar -xzf "cytoscape-$CYTOSCAPE.tgz" -C cy
cp chart/package/dist/chart.umd.min.js "$dest/chart-$CHARTJS.umd.min.js"
cp chart/package/LICENSE.md "$dest/chart-$CHARTJS.LICENSE.md"
cp cy/package/dist/cytoscape.min.js "$dest/cytoscape-$CYTOSCAPE.min.js"
cp cy/package/LICENSE "$dest/cytoscape-$CYTOSCAPE.LICENSE"
cd "$dest"
if [ -f "$here/vendor.sha256" ] && [ "${1:-}" != "--update" ]; then
  sha256sum -c "$here/vendor.sha256"
else
  sha256sum chart-$CHARTJS.umd.min.js cytoscape-$CYTOSCAPE.min.js > "$here/vendor.sha256"
  echo "wrote $here/vendor.sha256"
fi
