#!/usr/bin/env bash
# Tries the command line and the providers against the emulator, in a throwaway home.
# From the repository, after `npm ci && npm run build`:  bash examples/try-it.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cli=("node" "$here/../dist/esm/cli/main.js")
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

# A throwaway home and config: a profile `dev` on the sso-session `emulated`.
export HOME=$(mktemp -d)
export AWS_CONFIG_FILE=$HOME/.aws/config
mkdir -p "$HOME/.aws"
cat > "$AWS_CONFIG_FILE" <<'INI'
[profile dev]
sso_session = emulated
sso_account_id = 111122223333
sso_role_name = ReadOnly

[sso-session emulated]
sso_start_url = https://d-1234567890.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access
INI

# The emulator, approving every sign-in at once; its `export` lines point everything at it.
"${cli[@]}" emulator --port 0 --auto-approve > "$HOME/emulator.log" &
emulator=$!
trap 'kill $emulator; rm -rf "$HOME"' EXIT
until grep -qs '^export AWS_ENDPOINT_URL_STS' "$HOME/emulator.log"; do sleep 0.1; done
eval "$(grep '^export ' "$HOME/emulator.log")"

"${cli[@]}" login --profile dev --use-device-code --no-browser
"${cli[@]}" status
"${cli[@]}" token --profile dev --json | sed 's/"accessToken": *"[^"]*"/"accessToken":"(hidden here)"/'
node "$here/list-spaces.mjs"
node "$here/whoami.mjs"
"${cli[@]}" logout --profile dev
"${cli[@]}" token --profile dev || echo "after logout, token fails as it should (exit $?)"
