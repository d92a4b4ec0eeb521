#!/usr/bin/env bash
# Reproduce api/static/vendor/ from the npm registry (pinned versions, no bundler).
#   bash ui/vendor.sh            # fetch with `npm pack`, copy the browser builds, check sums
#   bash ui/vendor.sh --update   # the same, then rewrite ui/vendor.sha256
# The dashboard loads chart.js and cytoscape with plain <script> tags; /docs (Swagger UI) and
# /redoc load swagger-ui-dist and redoc from here too. Nothing is fetched at run time, no CDN.
# axe-core is for the accessibility test only (tests/ui/test_officer_tasks.py); no page loads it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dest="$here/../api/static/vendor"
CHARTJS=4.6.1
CYTOSCAPE=3.34.4
SWAGGER_UI=5.35.0   # npm swagger-ui-dist (Apache-2.0)
REDOC=2.5.4         # npm redoc (MIT); FastAPI's own default is redoc@2
AXE=4.14.1          # npm axe-core (MPL-2.0): the accessibility test's checker
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$dest"
cd "$work"
npm pack --silent "chart.js@$CHARTJS" "cytoscape@$CYTOSCAPE" "swagger-ui-dist@$SWAGGER_UI" "redoc@$REDOC" "axe-core@$AXE" >/dev/null
mkdir chart cy swagger redoc axe
tar -xzf "chart.js-$CHARTJS.tgz" -C chart
tar -xzf "cytoscape-$CYTOSCAPE.tgz" -C cy
tar -xzf "swagger-ui-dist-$SWAGGER_UI.tgz" -C swagger
tar -xzf "redoc-$REDOC.tgz" -C redoc
tar -xzf "axe-core-$AXE.tgz" -C axe
cp chart/package/dist/chart.umd.min.js "$dest/chart-$CHARTJS.umd.min.js"
cp chart/package/LICENSE.md "$dest/chart-$CHARTJS.LICENSE.md"
cp cy/package/dist/cytoscape.min.js "$dest/cytoscape-$CYTOSCAPE.min.js"
cp cy/package/LICENSE "$dest/cytoscape-$CYTOSCAPE.LICENSE"
cp swagger/package/swagger-ui-bundle.js "$dest/swagger-ui-$SWAGGER_UI.bundle.js"
cp swagger/package/swagger-ui.css "$dest/swagger-ui-$SWAGGER_UI.css"
cp swagger/package/LICENSE "$dest/swagger-ui-$SWAGGER_UI.LICENSE"
cp swagger/package/NOTICE "$dest/swagger-ui-$SWAGGER_UI.NOTICE"
cp swagger/package/swagger-ui-bundle.js.LICENSE.txt "$dest/swagger-ui-$SWAGGER_UI.bundle.js.LICENSE.txt"
cp redoc/package/bundles/redoc.standalone.js "$dest/redoc-$REDOC.standalone.js"
cp redoc/package/LICENSE "$dest/redoc-$REDOC.LICENSE"
cp redoc/package/bundles/redoc.standalone.js.LICENSE.txt "$dest/redoc-$REDOC.standalone.js.LICENSE.txt"
cp axe/package/axe.min.js "$dest/axe-core-$AXE.min.js"
cp axe/package/LICENSE "$dest/axe-core-$AXE.LICENSE"
cd "$dest"
if [ -f "$here/vendor.sha256" ] && [ "${1:-}" != "--update" ]; then
  sha256sum -c "$here/vendor.sha256"
else
  sha256sum chart-$CHARTJS.umd.min.js cytoscape-$CYTOSCAPE.min.js \
    swagger-ui-$SWAGGER_UI.bundle.js swagger-ui-$SWAGGER_UI.css redoc-$REDOC.standalone.js axe-core-$AXE.min.js > "$here/vendor.sha256"
  echo "wrote $here/vendor.sha256"
fi
