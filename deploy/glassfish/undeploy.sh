#!/usr/bin/env bash
# Undeploys the ticker from a running GlassFish domain (every WebSocket client is closed with 1001) and removes the
# ticker.* system properties that deploy.sh created.
#
#   ASADMIN=/opt/glassfish7/bin/asadmin ./undeploy.sh
set -euo pipefail
asadmin=${ASADMIN:-asadmin}

"$asadmin" undeploy ticker
for property in $("$asadmin" list-system-properties | grep -o '^ticker\.[a-z-]*' || true); do
  "$asadmin" delete-system-property "$property"
done
