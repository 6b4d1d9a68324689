#!/usr/bin/env bash
# End-to-end checks of the CLI: output formats and exit codes.
# usage: cli-test.sh PATH/TO/mailverdict FIXTURES_DIR
set -u
cli=$1 fx=$2
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi; }
sendgrid="$fx/sendgrid-unaligned-microsoft/input.txt"

out=$("$cli" --text "$sendgrid"); rc=$?
check "text report exits 0" '[ $rc -eq 0 ]'
check "text names the unaligned domain" 'grep -q "sendgrid.net" <<<"$out" && grep -q "not aligned with northwind-traders.com" <<<"$out"'
check "text fix list starts with aligned DKIM" 'grep -A1 "How to fix it" <<<"$out" | grep -q "1\. .*DKIM"'

out=$("$cli" < "$sendgrid"); rc=$?
check "stdin gives one JSON object" '[ $rc -eq 0 ] && node -e "const r=JSON.parse(require(\"fs\").readFileSync(0,\"utf8\")); if(r.schema!==1) process.exit(1)" <<<"$out"'

out=$("$cli" "$sendgrid" - < "$fx/empty/input.txt"); rc=$?
check "two inputs give two JSON lines with file" '[ $rc -eq 0 ] && [ $(wc -l <<<"$out") -eq 2 ] && node -e "
  const lines=require(\"fs\").readFileSync(0,\"utf8\").trim().split(\"\\n\").map(JSON.parse);
  if(lines[0].file!==process.argv[1]||lines[1].file!==\"-\"||lines[1].input.kind!==\"empty\") process.exit(1)" "$sendgrid" <<<"$out"'

"$cli" /nonexistent/file >/dev/null 2>/tmp/mv-err.$$; rc=$?
check "unreadable file exits 1 with one line on stderr" '[ $rc -eq 1 ] && [ $(wc -l < /tmp/mv-err.$$) -eq 1 ]'
"$cli" --bogus >/dev/null 2>/tmp/mv-err.$$; rc=$?
check "unknown option exits 2 with one line on stderr" '[ $rc -eq 2 ] && [ $(wc -l < /tmp/mv-err.$$) -eq 1 ]'
rm -f /tmp/mv-err.$$
check "--help exits 0" '"$cli" --help | grep -q "usage: mailverdict"'
check "--version prints the version" '"$cli" --version | grep -Eq "^mailverdict [0-9]+\.[0-9]+\.[0-9]+"'

big=$(mktemp); head -c 5242880 /dev/zero | tr '\0' 'x' > "$big"
out=$("$cli" "$big"); rc=$?
check "5 MB single line is analyzed" '[ $rc -eq 0 ] && grep -q "\"not_email\"" <<<"$out"'
rm -f "$big"
mbox=$(mktemp)
{ printf 'From a@example.com Mon Jan  1 00:00:00 2024\n'; cat "$fx/paste-clean-gmail/input.txt"; printf '\nbody\n>From here\n\nFrom b@example.org Mon Jan  1 00:01:00 2024\n'; cat "$sendgrid"; } > "$mbox"
out=$("$cli" "$mbox"); rc=$?
check "mbox gives one JSON line per message" '[ $rc -eq 0 ] && [ $(wc -l <<<"$out") -eq 2 ] && node -e "
  const l=require(\"fs\").readFileSync(0,\"utf8\").trim().split(\"\\n\").map(JSON.parse);
  if(l[0].mbox_message!==1||l[1].mbox_message!==2||l[0].hops.length!==3) process.exit(1)" <<<"$out"'
out=$("$cli" --summary "$mbox"); rc=$?
check "--summary counts verdicts and causes across the mailbox" '[ $rc -eq 0 ] && node -e "
  const s=JSON.parse(require(\"fs\").readFileSync(0,\"utf8\"));
  if(s.messages!==2||s.verdicts.ok!==1||!s.causes.unaligned_pass) process.exit(1)" <<<"$out"'
out=$("$cli" --text --summary "$mbox"); rc=$?
check "--text --summary prints a table" '[ $rc -eq 0 ] && grep -q "^2 message(s)" <<<"$out"'
out=$("$cli" --text "$fx/paste-clean-gmail/input.txt"); rc=$?
check "text report shows the route" 'grep -q "Route (first hop = origin)" <<<"$out" && grep -q "entered the receiving organization" <<<"$out"'
rm -f "$mbox"
exit $fail
