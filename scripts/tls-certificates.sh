#!/usr/bin/env bash
# Makes a private CA and certificates for a TLS broker, for tests and local use (never production):
#   scripts/tls-certificates.sh DIR [SERVER_NAME...]
# DIR gets ca.pem/ca.key, server.pem/server.key (CN and DNS names SERVER_NAME..., default localhost, plus
# IP 127.0.0.1), client.pem/client.key and client.pfx (password from $CLIENT_PASSWORD, default
# "payguru-client"), and other-ca.pem, a second CA that nothing trusts. Valid for 30 days.
set -euo pipefail
[ $# -ge 1 ] || { sed -n '2,6p' "$0" >&2; exit 2; }
dir=$1
shift
names=("${@:-localhost}")
mkdir -p "$dir"
cd "$dir"
days=30
san="subjectAltName=IP:127.0.0.1"
for name in "${names[@]}"; do san="$san,DNS:$name"; done
quiet() { "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; }
quiet openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days $days -subj "/CN=Payguru Test CA"
quiet openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.pem -days $days -subj "/CN=Someone Else's CA"
quiet openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=${names[0]}"
printf '%s\nextendedKeyUsage=serverAuth\n' "$san" >server.ext
quiet openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days $days -extfile server.ext
quiet openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj "/CN=payguru-client"
printf 'extendedKeyUsage=clientAuth\n' >client.ext
quiet openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem -days $days -extfile client.ext
CLIENT_PASSWORD=${CLIENT_PASSWORD:-payguru-client} quiet openssl pkcs12 -export -in client.pem -inkey client.key -out client.pfx -passout env:CLIENT_PASSWORD
rm -f ./*.csr ./*.ext ./*.srl
# The broker runs as another user in a container: its key must be readable there.
chmod 0644 server.key
echo "certificates in $(pwd)"
