#!/usr/bin/env bash
# Deploys ticker.war to a running GlassFish 7 or 8 domain at /ticker/, with the ticker's settings as domain system
# properties: every TICKER_<NAME>=value in the environment becomes the system property ticker.<name>, which the
# running server applies at once (no restart) and which wins over the same setting in the server's environment.
#
#   ASADMIN=/opt/glassfish7/bin/asadmin TICKER_INTERVAL_MS=100 TICKER_SEED=42 ./deploy.sh ticker.war
#
# Redeploying replaces the application (--force). The integration suite runs this very script (GlassFishRecipeIT).
set -euo pipefail
war=${1:?usage: deploy.sh path/to/ticker.war}
asadmin=${ASADMIN:-asadmin}

while IFS='=' read -r name value; do
  property="ticker.$(printf '%s' "${name#TICKER_}" | tr 'A-Z_' 'a-z-')"
  # asadmin reads name=value pairs separated by ':'; a backslash escapes those characters inside a value.
  escaped=$(printf '%s' "$value" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g')
  "$asadmin" create-system-properties "$property=$escaped"
done < <(env | grep '^TICKER_[A-Z_]*=' || true)

"$asadmin" deploy --force=true --contextroot ticker --name ticker "$war"
