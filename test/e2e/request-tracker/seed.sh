#!/bin/bash
# Seeds a fresh RT (install.sh + start.sh) with queues and tickets made the ways real tickets are made:
# REST2 by staff on behalf of a requester, rt-mailgate as the requester (real inbound correspondence),
# staff replies (REST2 correspond), internal comments, status and priority changes, time worked, and the rt CLI.
# Prints {"url":…,"queues":{…},"savedSearch":{…},"tickets":{name:{id,…}}} to stdout and writes it to $RT_SEED_OUT.
# Run once per database: a second run prints the saved file and exits (reset.sh restores the empty database).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=env.sh
. "$HERE/env.sh"
OUT=$RT_SEED_OUT
B=$RT_URL/REST/2.0
ROOT=root
AGENT=sam

# REST2 takes HTTP basic auth, but RT checks the (bcrypt) password on every such request, ~0.3 s of CPU each;
# one form login per user and its session cookie make each call about five times faster.
JARS=$(mktemp -d)
trap 'rm -rf "$JARS"' EXIT
login() {
  curl -sS -f -o /dev/null -c "$JARS/$1" --data-urlencode "user=$1" --data-urlencode "pass=$2" "$RT_URL/NoAuth/Login.html"
  grep -q RT_SID "$JARS/$1" || { echo "login as $1 failed" >&2; exit 1; }
}
# REST2 call as USER (root or sam): rest USER METHOD PATH [JSON]; prints the response body, fails on HTTP errors.
rest() { curl -sS -f -b "$JARS/$1" -X "$2" -H 'Content-Type: application/json' "$B/$3" ${4:+-d "$4"}; }
# RT answers 200 with a list of messages for updates; a failed field update only shows up in that text.
update() { local r; r=$(rest "$@"); if grep -qiE "could not|couldn't|not permitted|permission denied|invalid" <<<"$r"; then echo "RT refused $2 $3: $r" >&2; exit 1; fi; }
json_field() { perl -MJSON::PP -e 'my $j = decode_json(join "", <STDIN>); print $j->{$ARGV[0]} // ""' "$1"; }
create() { rest "$ROOT" POST ticket "$1" | json_field id; }
# Mail from a requester through RT's real mail gateway (the same path Postfix would use): mail_in QUEUE < message.
mail_in() { rt-mailgate --queue "$1" --action correspond --url "$RT_URL/" >/dev/null; }
# rt-mailgate only answers "ok", so a mailed-in ticket's id is the newest ticket's (this script runs serially);
# the subject is checked so a mismatch fails loudly instead of seeding the wrong ticket.
newest_ticket() {
  rest "$ROOT" GET 'tickets?query=id>0&orderby=id&order=DESC&per_page=1&fields=Subject' \
    | perl -MJSON::PP -e 'my $t = decode_json(join "", <STDIN>)->{items}[0]; $t->{Subject} eq $ARGV[0] or die "newest ticket is \"$t->{Subject}\", not \"$ARGV[0]\"\n"; print $t->{id}' "$1"
}
ago() { date -u -d "$1" '+%Y-%m-%d %H:%M:%S'; }

login root "$RT_ROOT_PW"
login sam "$RT_AGENT_PW"
if rest "$ROOT" GET "queue/E2E%20Support" >/dev/null 2>&1; then
  if [ -s "$OUT" ]; then echo "RT is already seeded; $OUT:" >&2; cat "$OUT"; exit 0; fi
  echo "RT already holds seed data but $OUT is missing: run reset.sh, then seed.sh again" >&2; exit 1
fi
SECONDS=0

# Queues. SLA is per queue and off by default (SLADisabled=1).
rest "$ROOT" POST queue '{"Name":"E2E Support","Description":"SLA-enabled queue","CorrespondAddress":"support@e2e.test","CommentAddress":"support-comment@e2e.test","SLADisabled":0}' >/dev/null
rest "$ROOT" POST queue '{"Name":"E2E Manual Due","Description":"SLA disabled; Due set by hand","CorrespondAddress":"manual@e2e.test","SLADisabled":1}' >/dev/null

# A ticket custom field (for customer matching and severity mapping) and a system-wide saved search (what an
# agent pins as a queue: open work in the SLA queue, soonest Due first). REST2 can create neither, so they go in
# through RT's own data loader, which works while the server runs.
SEARCH_DESC='E2E: open SLA tickets'
DATA=$(mktemp --suffix=.pl)
cat > "$DATA" <<PERL
@CustomFields = ({ Name => 'Customer Tier', Type => 'SelectSingle', LookupType => 'RT::Queue-RT::Ticket', Queue => ['E2E Support'],
                   Values => [ { Name => 'Gold', SortOrder => 1 }, { Name => 'Silver', SortOrder => 2 }, { Name => 'Bronze', SortOrder => 3 } ] });
@Attributes = ({ Name => 'SavedSearch', Description => '$SEARCH_DESC', Content => {
  SearchType => 'Ticket', Query => "Queue = 'E2E Support' AND Status = '__Active__'", OrderBy => 'Due', Order => 'ASC', RowsPerPage => 50,
  Format => q{'<b><a href="__WebPath__/Ticket/Display.html?id=__id__">__id__</a></b>/TITLE:#', '<b><a href="__WebPath__/Ticket/Display.html?id=__id__">__Subject__</a></b>/TITLE:Subject', '__Status__', '__Priority__', '__SLA__', '__Due__', '__Requestors__', '__Told__'} } });
1;
PERL
rt-setup-database --action insert --datafile "$DATA" --skip-create >/dev/null 2>&1
rm -f "$DATA"
SEARCH=$(rest "$ROOT" GET "search/$(perl -MURI::Escape -e 'print uri_escape($ARGV[0])' "$SEARCH_DESC")" | json_field id)

# 1. login — the full conversation: created by mail, agent reply, internal note, customer reply, priority raised,
#    second agent reply with time worked, then stalled (waiting for the customer).
mail_in 'E2E Support' <<'MAIL'
From: Alice Anders <Alice@Acme.example>
To: support@e2e.test
Subject: Cannot log in to customer portal
Message-ID: <e2e-login-1@acme.example>
Content-Type: text/plain; charset=utf-8

Since this morning I get "invalid session" on login.
MAIL
LOGIN=$(newest_ticket 'Cannot log in to customer portal')
update "$AGENT" POST "ticket/$LOGIN/correspond" '{"Content":"Hi Alice, we are looking into it. Which browser do you use?","ContentType":"text/plain","Status":"open","TimeTaken":15}'
update "$ROOT" POST "ticket/$LOGIN/comment" '{"Content":"Internal: session store was restarted at 08:00, probably related.","ContentType":"text/plain"}'
mail_in 'E2E Support' <<MAIL
From: Alice Anders <alice@acme.example>
To: support@e2e.test
Subject: Re: [$RT_NAME #$LOGIN] Cannot log in to customer portal
Message-ID: <e2e-login-2@acme.example>
Content-Type: text/plain; charset=utf-8

Firefox 140. Still broken, our whole team is locked out.
MAIL
update "$ROOT" PUT "ticket/$LOGIN" '{"Priority":100,"Owner":"sam","CustomFields":{"Customer Tier":"Gold"}}'
update "$AGENT" POST "ticket/$LOGIN/correspond" '{"Content":"Please clear your cookies and try again; we fixed the session store.","ContentType":"text/plain","TimeTaken":20}'
update "$AGENT" PUT "ticket/$LOGIN" '{"Status":"stalled"}'

# 2. vat — REST2 by staff for two requesters and a Cc, agent reply opens it.
VAT=$(create '{"Queue":"E2E Support","Subject":"Invoice 4411 shows wrong VAT rate","Requestor":["bob@globex.example","billing@globex.example"],"Cc":"cfo@globex.example","Priority":50,"CustomFields":{"Customer Tier":"Silver"},"Content":"VAT should be 19%, invoice says 16%.","ContentType":"text/plain"}')
update "$AGENT" POST "ticket/$VAT/correspond" '{"Content":"Thanks Bob, we are checking the VAT table.","ContentType":"text/plain","Status":"open"}'

# 3. darkmode — business-hours SLA, put on hold (stalled).
DARK=$(create '{"Queue":"E2E Support","Subject":"Feature request: dark mode","Requestor":"carol@initech.example","Priority":0,"SLA":"business","Content":"Would love a dark theme.","ContentType":"text/plain"}')
update "$ROOT" PUT "ticket/$DARK" '{"Status":"stalled"}'

# 4. reset — by mail; reply, internal note, time worked set directly, resolved.
mail_in 'E2E Support' <<'MAIL'
From: dave@acme.example
To: support@e2e.test
Subject: Password reset e-mail never arrives
Message-ID: <e2e-reset-1@acme.example>
Content-Type: text/plain; charset=utf-8

Tried three times, nothing in spam either.
MAIL
RESET=$(newest_ticket 'Password reset e-mail never arrives')
update "$ROOT" POST "ticket/$RESET/correspond" '{"Content":"We re-sent the mail, please check again.","ContentType":"text/plain"}'
update "$ROOT" POST "ticket/$RESET/comment" '{"Content":"Internal: SPF record was broken, fixed.","ContentType":"text/plain"}'
update "$ROOT" PUT "ticket/$RESET" '{"TimeWorked":45,"Status":"resolved"}'

# 5. api502 — urgent SLA, REST2, opened and assigned to sam.
API=$(create '{"Queue":"E2E Support","Subject":"Production API returns 502","Requestor":"eve@globex.example","Priority":100,"SLA":"urgent","CustomFields":{"Customer Tier":"Silver"},"Content":"All calls to /v2/orders fail.","ContentType":"text/plain"}')
update "$ROOT" PUT "ticket/$API" '{"Status":"open","Owner":"sam"}'

# 6. renewal — queue without SLA, Due set by hand two days ago (overdue).
RENEWAL=$(create "{\"Queue\":\"E2E Manual Due\",\"Subject\":\"Overdue: contract renewal quote\",\"Requestor\":\"grace@initech.example\",\"Priority\":50,\"Due\":\"$(ago '-2 days')\",\"Content\":\"Need the quote.\",\"ContentType\":\"text/plain\"}")

# 7. nodue — queue without SLA, no Due at all (REST2 reports 1970-01-01T00:00:00Z).
NODUE=$(create '{"Queue":"E2E Manual Due","Subject":"No due date set","Requestor":"heidi@initech.example","Priority":0,"Content":"FYI.","ContentType":"text/plain"}')

# 8. spam — by mail, rejected.
mail_in 'E2E Support' <<'MAIL'
From: Promo <promo@spam.example>
To: support@e2e.test
Subject: Cheap watches
Message-ID: <e2e-spam-1@spam.example>
Content-Type: text/plain; charset=utf-8

Buy now.
MAIL
SPAM=$(newest_ticket 'Cheap watches')
update "$ROOT" PUT "ticket/$SPAM" '{"Status":"rejected"}'

# 9. cli — the REST 1.0 command-line client.
CLI=$(RTUSER=root RTPASSWD=$RT_ROOT_PW RTSERVER=$RT_URL \
  rt create -t ticket set queue='E2E Support' subject='Created by rt CLI' requestor=ivan@acme.example priority=50 text='hello from rt CLI' \
  | perl -ne 'print "$1\n" if /Ticket (\d+) created/')

# 10. migration — a long history (more than 300 transactions, i.e. more than 3 REST2 history pages) for the
#     history cut-off: by mail, agent reply, 310 revisions of the time-left estimate, then a customer and an agent reply.
mail_in 'E2E Support' <<'MAIL'
From: Judy Globex <judy@globex.example>
To: support@e2e.test
Subject: Data migration to the EU region
Message-ID: <e2e-migration-1@globex.example>
Content-Type: text/plain; charset=utf-8

Please move our tenant to the EU region before the end of the quarter.
MAIL
MIGRATION=$(newest_ticket 'Data migration to the EU region')
update "$AGENT" POST "ticket/$MIGRATION/correspond" '{"Content":"Scheduled; we will keep the estimate up to date.","ContentType":"text/plain","Status":"open"}'
# One bulk request makes one transaction per item (about 1 s for 100), far faster than single calls.
for from in 1 101 201 301; do
  update "$AGENT" PUT tickets/bulk "$(perl -e 'print "[", join(",", map { qq({"id":"$ARGV[0]","TimeLeft":$_}) } $ARGV[1]..$ARGV[1]+($ARGV[1]==301?9:99)), "]"' "$MIGRATION" "$from")"
done
mail_in 'E2E Support' <<MAIL
From: Judy Globex <judy@globex.example>
To: support@e2e.test
Subject: Re: [$RT_NAME #$MIGRATION] Data migration to the EU region
Message-ID: <e2e-migration-2@globex.example>
Content-Type: text/plain; charset=utf-8

Any update? The quarter ends soon.
MAIL
update "$AGENT" POST "ticket/$MIGRATION/correspond" '{"Content":"Migration starts tonight.","ContentType":"text/plain"}'

# Requesters' organizations (RT keeps them on the user), for customer matching.
for u in Alice@Acme.example dave@acme.example ivan@acme.example; do update "$ROOT" PUT "user/$u" '{"Organization":"Acme Corp"}'; done
for u in bob@globex.example billing@globex.example eve@globex.example judy@globex.example; do update "$ROOT" PUT "user/$u" '{"Organization":"Globex Inc"}'; done
for u in carol@initech.example grace@initech.example heidi@initech.example; do update "$ROOT" PUT "user/$u" '{"Organization":"Initech"}'; done

for v in SEARCH LOGIN VAT DARK RESET API RENEWAL NODUE SPAM CLI MIGRATION; do
  [[ ${!v} =~ ^[0-9]+$ ]] || { echo "seeding failed: no ticket id for $v" >&2; exit 1; }
done

# Written through JSON::PP, which checks the JSON and keeps the file tidy.
perl -MJSON::PP -e 'print JSON::PP->new->pretty->canonical->encode(decode_json(join "", <STDIN>))' > "$OUT" <<JSON
{
  "url": "$RT_URL",
  "queues": { "support": "E2E Support", "manualDue": "E2E Manual Due" },
  "savedSearch": { "id": $SEARCH, "description": "$SEARCH_DESC" },
  "tickets": {
    "login": { "id": $LOGIN, "requester": "alice@acme.example", "status": "stalled", "priority": "High", "via": "email", "timeWorked": 35 },
    "vat": { "id": $VAT, "requester": "bob@globex.example", "status": "open", "priority": "Medium", "via": "rest2" },
    "darkMode": { "id": $DARK, "requester": "carol@initech.example", "status": "stalled", "priority": "Low", "via": "rest2", "sla": "business" },
    "reset": { "id": $RESET, "requester": "dave@acme.example", "status": "resolved", "priority": "Low", "via": "email", "timeWorked": 45 },
    "api502": { "id": $API, "requester": "eve@globex.example", "status": "open", "priority": "High", "via": "rest2", "sla": "urgent" },
    "renewal": { "id": $RENEWAL, "requester": "grace@initech.example", "status": "new", "priority": "Medium", "via": "rest2", "overdue": true },
    "noDue": { "id": $NODUE, "requester": "heidi@initech.example", "status": "new", "priority": "Low", "via": "rest2" },
    "spam": { "id": $SPAM, "requester": "promo@spam.example", "status": "rejected", "priority": "Low", "via": "email" },
    "cli": { "id": $CLI, "requester": "ivan@acme.example", "status": "new", "priority": "Medium", "via": "cli" },
    "migration": { "id": $MIGRATION, "requester": "judy@globex.example", "status": "open", "priority": "Low", "via": "email", "historyPages": 4 }
  }
}
JSON
echo "seeded in ${SECONDS}s" >&2
cat "$OUT"
