#!/bin/bash
# Moves one ticket's whole timeline back: backdate.sh TICKET_ID MINUTES. Its creation, every transaction
# (messages, status and field changes) and its dates happened MINUTES earlier, as if it had been written then,
# so the end-to-end tests can see clocks at risk or overdue without waiting. Unset dates (1970-01-01) stay unset.
# Edits the SQLite database directly (through Perl's DBI, which RT itself depends on); rt-server may keep running.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=env.sh
. "$HERE/env.sh"
[[ ${1:-} =~ ^[0-9]+$ && ${2:-} =~ ^[0-9]+$ ]] || { echo "usage: $0 TICKET_ID MINUTES" >&2; exit 2; }
perl -MDBI -e '
  my ($db, $id, $minutes) = @ARGV;
  my $dbh = DBI->connect("dbi:SQLite:dbname=$db", "", "", { RaiseError => 1, AutoCommit => 0, sqlite_use_immediate_transaction => 1 });
  $dbh->sqlite_busy_timeout(10_000);   # rt-server may be writing at the same moment
  my $shift = "-$minutes minutes";
  my $moved = sub { my $c = shift; "$c = CASE WHEN $c IS NULL OR $c < \x271970-01-02\x27 THEN $c ELSE datetime($c, \x27$shift\x27) END" };
  my $n = $dbh->do("UPDATE Tickets SET " . join(", ", map { $moved->($_) } qw(Created LastUpdated Told Starts Started Due Resolved)) . " WHERE id = ?", undef, $id);
  $n == 1 or die "no ticket $id\n";
  $dbh->do("UPDATE Transactions SET " . $moved->("Created") . " WHERE ObjectType = \x27RT::Ticket\x27 AND ObjectId = ?", undef, $id);
  $dbh->do("UPDATE Attachments SET " . $moved->("Created") . " WHERE TransactionId IN (SELECT id FROM Transactions WHERE ObjectType = \x27RT::Ticket\x27 AND ObjectId = ?)", undef, $id);
  $dbh->commit;
' "$RT_DB" "$1" "$2"
echo "ticket $1 moved $2 minutes back"
