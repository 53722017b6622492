#!/bin/bash
# Installs Request Tracker 5 from Debian 12 (SQLite, no web server, no MTA daemon) for the end-to-end tests.
# Run as root on a bare Debian 12. Idempotent: when RT is already installed it only refreshes the site config.
# Recipe and measurements: research/helpdesk-e2e.md §4 (about 30 s on a fresh machine). A policy-rc.d it creates stays.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=env.sh
. "$HERE/env.sh"
PACKAGES=(request-tracker5 rt5-db-sqlite rt5-standalone rt5-clients msmtp-mta w3m)
# start.sh/seed.sh need curl, which a minimal Debian image does not have.
command -v curl >/dev/null || PACKAGES+=(curl ca-certificates)
[ "$(id -u)" = 0 ] || { echo "install.sh must run as root" >&2; exit 1; }

# True when every package given is installed (dpkg-query fails for a package it has never seen).
installed() { local states; states=$(dpkg-query -W -f '${db:Status-Status}\n' "$@" 2>/dev/null) || return 1; [ "$(grep -cx installed <<<"$states")" = "$#" ]; }

if installed "${PACKAGES[@]}"; then
  echo "RT packages already installed; skipping apt"
else
  # Maintainer scripts must not start daemons; container images usually have this already.
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; fi
  # The preseed must be in place before the first install (Debian's config script rejects passwords under 5 chars).
  debconf-set-selections <<DEBCONF
rt5-db-sqlite rt5-db-sqlite/available boolean true
request-tracker5 request-tracker5/rtname string ${RT_NAME}
request-tracker5 request-tracker5/organization string e2e.test
request-tracker5 request-tracker5/correspondaddress string rt@e2e.test
request-tracker5 request-tracker5/commentaddress string rt-comment@e2e.test
request-tracker5 request-tracker5/webbaseurl string http://127.0.0.1:${RT_PORT}
request-tracker5 request-tracker5/webpath string /rt
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean true
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/initial-root-password password ${RT_ROOT_PW}
request-tracker5 request-tracker5/dbconfig-install boolean true
request-tracker5 request-tracker5/database-type select sqlite3
DEBCONF
  # apt-get update only when the package lists do not know RT (a fresh image) ...
  if ! apt-cache show request-tracker5 >/dev/null 2>&1; then apt-get update; fi
  # force-unsafe-io: dpkg skips fsync for each of the ~265 packages (a throw-away test machine; saves seconds).
  apt_install() { DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends -o Dpkg::Options::=--force-unsafe-io "${PACKAGES[@]}"; }
  # ... or when they are stale (a mirror no longer has the listed versions: 404 on download).
  apt_install || { apt-get update && apt_install; }
fi

# Site config. Port and web path are read from the environment when RT starts, so start.sh can change them
# without reinstalling (RT_PORT, RT_WEBPATH; see env.sh). Mail goes to mbox files, never to an MTA.
cat > /etc/request-tracker5/RT_SiteConfig.d/99-e2e.pm <<'PERL'
# Written by test/e2e/request-tracker/install.sh (SLA Lens end-to-end tests). Loopback only.
my $port = $ENV{RT_PORT} || 8080;
my $path = defined $ENV{RT_WEBPATH} ? $ENV{RT_WEBPATH} : '/rt';
$path = '' if $path eq '/';
Set($WebDomain, '127.0.0.1');
Set($WebPort, $port);
Set($WebPath, $path);
Set($WebBaseURL, "http://127.0.0.1:$port");
Set($Timezone, 'UTC');
Set($LogToSyslog, undef);
Set($LogToSTDERR, 'warning');
Set($MailCommand, 'mbox');   # outgoing mail -> /var/lib/request-tracker5/*.mbox
Set(%ServiceBusinessHours, ( 'Default' => {
    map { $_ => { Name => (qw(Sunday Monday Tuesday Wednesday Thursday Friday Saturday))[$_], Start => '09:00', End => '17:00' } } 1..5 } ));
Set(%ServiceAgreements, (
    Default => 'standard',
    QueueDefault => { 'E2E Support' => 'standard' },
    Levels => {
        'standard' => { StartImmediately => 1, Response => { RealMinutes => 60 }, Resolve => { RealMinutes => 60*8 } },
        'urgent'   => { StartImmediately => 1, Response => { RealMinutes => 15 }, Resolve => { RealMinutes => 60*4 } },
        'business' => { BusinessHours => 'Default', Resolve => { BusinessMinutes => 60*16 } },
    },
));
1;
PERL

# Users and rights, inserted once (the insert is not idempotent; a marker next to the database records it):
# - Everyone may create and reply by mail, so requesters can write in through rt-mailgate;
# - a staff agent "sam" besides root, with the usual agent rights through the Privileged group.
MARK=$(dirname "$RT_DB")/.e2e-initialdata
if [ ! -e "$MARK" ]; then
  DATA=$(mktemp --suffix=.pl)
  cat > "$DATA" <<PERL
@Users = ({ Name => 'sam', Password => '${RT_AGENT_PW}', EmailAddress => 'sam@e2e.test', RealName => 'Sam Agent',
            Privileged => 1, Comments => 'SLA Lens e2e staff agent' });
@ACL = (
  (map { { GroupDomain => 'SystemInternal', GroupType => 'Everyone', Right => \$_ } } qw(CreateTicket ReplyToTicket)),
  (map { { GroupDomain => 'SystemInternal', GroupType => 'Privileged', Right => \$_ } }
     qw(SeeQueue ShowTicket ShowTicketComments CreateTicket ReplyToTicket CommentOnTicket ModifyTicket OwnTicket TakeTicket
        StealTicket ShowOutgoingEmail SeeCustomField ModifySelf ShowSavedSearches EditSavedSearches LoadSavedSearch CreateSavedSearch)),
);
1;
PERL
  rt-setup-database --action insert --datafile "$DATA" --skip-create
  rm -f "$DATA"
  touch "$MARK"
  # reset.sh restores this snapshot: an RT with users and rights but no queues or tickets.
  cp -p "$RT_DB" "$RT_DB_PRISTINE"
fi
echo "RT installed: $(dpkg-query -W -f '${Version}' request-tracker5)"
