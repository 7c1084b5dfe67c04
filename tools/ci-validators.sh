#!/bin/sh
# tools/ci-validators.sh — installs what tests/e2e-ci-formats.sh validates with: xmllint, ajv-cli + ajv-formats and the official SARIF 2.1.0 schema; idempotent, fails naming what is missing.
#
#   sh tools/ci-validators.sh [DIR]      DIR defaults to $SC_NPM_DIR or build/npm (under the repository)
#
# Afterwards:
#   xmllint                                  on PATH (Debian package libxml2-utils)
#   DIR/node_modules/.bin/ajv                ajv-cli, with ajv-formats beside it (npm registry)
#   DIR/sarif-schema-2.1.0.json              the OASIS SARIF 2.1.0 JSON schema (draft-07, $id
#                                            .../oasis-tcs/sarif-spec/.../sarif-schema-2.1.0.json),
#                                            taken from the npm package @datadog/datadog-ci@2.48.0,
#                                            which ships it as dist/commands/sarif/json-schema/
#                                            sarif-schema-2.1.0.json; checked by its sha256.
# Only the npm registry and Debian's packages are used: nothing is fetched from a web site.
set -u

AJV_CLI=5.0.0
AJV_FORMATS=3.0.1
AJV=8.17.1
SCHEMA_PKG=@datadog/datadog-ci@2.48.0
SCHEMA_IN_PKG=package/dist/commands/sarif/json-schema/sarif-schema-2.1.0.json
SCHEMA_SHA256=10666d46649b52e262001e70d43e6c52f7c0279ca3dbdfe9a7dc2e4071556454

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-${SC_NPM_DIR:-$root/build/npm}}
missing=""

say() { echo "ci-validators: $*" >&2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo -n "$@"
    else
        return 1
    fi
}

# apt_install PACKAGE...: install Debian packages, with one apt-get update when the lists are stale.
apt_install() {
    command -v apt-get >/dev/null 2>&1 || return 1
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get install -y -q "$@" >/dev/null 2>&1 && return 0
    as_root apt-get update -q >/dev/null 2>&1
    as_root apt-get install -y -q "$@" >&2
}

# --- xmllint (libxml2-utils) ---------------------------------------------------------------
if ! command -v xmllint >/dev/null 2>&1; then
    say "installing libxml2-utils (xmllint)"
    apt_install libxml2-utils || true
    command -v xmllint >/dev/null 2>&1 || missing="$missing xmllint(Debian package libxml2-utils: apt-get install -y libxml2-utils)"
fi

# --- node and npm --------------------------------------------------------------------------
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    say "installing nodejs and npm"
    apt_install nodejs npm || true
fi
if ! command -v node >/dev/null 2>&1; then
    missing="$missing node(Debian package nodejs)"
fi
if ! command -v npm >/dev/null 2>&1; then
    missing="$missing npm(Debian package npm)"
fi
if [ -n "$missing" ]; then
    say "missing:$missing"
    exit 1
fi

# --- ajv-cli and ajv-formats into $dir -----------------------------------------------------
mkdir -p "$dir" || { say "cannot create $dir"; exit 1; }
installed_version() { # PACKAGE: its version under $dir/node_modules, or nothing
    node -e 'try { process.stdout.write(require(process.argv[1]).version) } catch (e) {}' \
        "$dir/node_modules/$1/package.json" 2>/dev/null
}
if [ "$(installed_version ajv-cli)" != "$AJV_CLI" ] || [ "$(installed_version ajv-formats)" != "$AJV_FORMATS" ] ||
    [ "$(installed_version ajv)" != "$AJV" ] || [ ! -x "$dir/node_modules/.bin/ajv" ]; then
    say "installing ajv-cli@$AJV_CLI ajv-formats@$AJV_FORMATS ajv@$AJV into $dir"
    cat > "$dir/package.json" <<EOF
{
  "name": "sopcheck-ci-validators",
  "description": "Validators for tests/e2e-ci-formats.sh, installed by tools/ci-validators.sh",
  "private": true,
  "dependencies": {
    "ajv": "$AJV",
    "ajv-cli": "$AJV_CLI",
    "ajv-formats": "$AJV_FORMATS"
  }
}
EOF
    if ! (cd "$dir" && npm install --no-audit --no-fund --loglevel=error >&2); then
        say "missing: npm packages ajv-cli@$AJV_CLI ajv-formats@$AJV_FORMATS ajv@$AJV (npm install in $dir failed, see above)"
        exit 1
    fi
fi
for p in ajv-cli ajv-formats ajv; do
    [ -n "$(installed_version $p)" ] || missing="$missing $p(npm, in $dir/node_modules)"
done
[ -x "$dir/node_modules/.bin/ajv" ] || missing="$missing ajv(npm ajv-cli, $dir/node_modules/.bin/ajv)"
if [ -n "$missing" ]; then
    say "missing:$missing"
    exit 1
fi

# --- the SARIF 2.1.0 schema ----------------------------------------------------------------
sha256() { sha256sum "$1" 2>/dev/null | cut -d' ' -f1; }
schema="$dir/sarif-schema-2.1.0.json"
if [ ! -f "$schema" ] || [ "$(sha256 "$schema")" != "$SCHEMA_SHA256" ]; then
    say "fetching the SARIF 2.1.0 schema from the npm package $SCHEMA_PKG"
    tmp=$(mktemp -d "$dir/.schema.XXXXXX") || { say "cannot create a temporary directory in $dir"; exit 1; }
    if (cd "$tmp" && npm pack "$SCHEMA_PKG" --silent >/dev/null 2>"$tmp/npm.err") &&
        tar -xzf "$tmp"/*.tgz -C "$tmp" "$SCHEMA_IN_PKG" 2>>"$tmp/npm.err"; then
        got=$(sha256 "$tmp/$SCHEMA_IN_PKG")
        if [ "$got" = "$SCHEMA_SHA256" ]; then
            mv "$tmp/$SCHEMA_IN_PKG" "$schema"
        else
            say "the schema in $SCHEMA_PKG has sha256 $got, expected $SCHEMA_SHA256"
        fi
    else
        cat "$tmp/npm.err" >&2
    fi
    rm -rf "$tmp"
fi
if [ ! -f "$schema" ] || [ "$(sha256 "$schema")" != "$SCHEMA_SHA256" ]; then
    say "missing: the SARIF 2.1.0 JSON schema ($SCHEMA_IN_PKG of the npm package $SCHEMA_PKG, sha256 $SCHEMA_SHA256) at $schema"
    exit 1
fi
exit 0
