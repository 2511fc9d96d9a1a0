#!/usr/bin/env bash
# Validates the letters the PDF test wrote (test/output/letters/*.pdf) with veraPDF, the reference
# PDF/A and PDF/UA validator, fetched from Maven Central with Maven (cached in ~/.m2).
# Run `npx vitest run test/unit/letter-pdf.test.ts` first. Usage: scripts/validate-letters.sh [flavour…]
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=1.28.2
work="${XDG_CACHE_HOME:-$HOME/.cache}/bosetting/verapdf-$VERSION"
mkdir -p "$work"
if [ ! -s "$work/classpath.txt" ]; then
  cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>local</groupId><artifactId>verapdf-runner</artifactId><version>1</version>
<dependencies><dependency><groupId>org.verapdf.apps</groupId><artifactId>greenfield-apps</artifactId><version>$VERSION</version></dependency></dependencies></project>
POM
  (cd "$work" && mvn -q dependency:build-classpath -Dmdep.outputFile=classpath.txt)
fi
status=0
for flavour in "${@:-2a 2b 2u ua1}"; do
  for f in $flavour; do
    java -cp "$(cat "$work/classpath.txt")" org.verapdf.apps.GreenfieldCliWrapper --flavour "$f" --format text test/output/letters/*.pdf || status=1
  done
done
exit $status
