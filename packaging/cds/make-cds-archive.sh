#!/bin/sh
# Makes this installation's class-data-sharing archive, lib/app/sovx-console.jsa, which the launcher maps at
# start-up (-XX:SharedArchiveFile=$APPDIR/sovx-console.jsa) so that the console's classes load pre-parsed.
#
# It is made here, where the installation lies, because on JDK 17 an archive names every jar of the class path
# by its absolute path, size and time: one made anywhere else is ignored. It is made from the class list that a
# run of the console recorded when the installer was built (lib/app/sovx-console.classlist), so it needs no
# display. The Linux package runs this after installing; run it again (as the owner of the installation) after
# moving the installation. Without an archive, or with a stale one, the console starts all the same, slower.
set -eu

app=$(cd "$(dirname "$0")" && pwd -P)
list="$app/sovx-console.classlist"
archive="$app/sovx-console.jsa"
java="$app/../runtime/bin/java"

if [ ! -s "$list" ]; then
    echo "make-cds-archive: no class list in $app (the installer was built without one):" \
        "the console starts without class-data sharing" >&2
    exit 1
fi
# the class path exactly as the launcher builds it: the app.classpath lines of its .cfg, in their order
cfg=$(ls "$app"/*.cfg | head -n 1)
classpath=$(sed -n 's|^app\.classpath=\$APPDIR|'"$app"'|p' "$cfg" | paste -sd: -)

tmp="$archive.$$.tmp"
log=$(mktemp)
trap 'rm -f "$tmp" "$log"' EXIT
rm -f "$archive"
# the dump warns about every class it leaves out (signed jars, classes of the test display): kept in the log
if ! "$java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$tmp" -cp "$classpath" \
        >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    echo "make-cds-archive: the archive could not be made: the console starts without class-data sharing" >&2
    exit 1
fi
# -Xshare:on refuses an archive that does not fit these jars, where the launcher's -Xshare:auto would ignore it
if ! "$java" -Xshare:on -XX:SharedArchiveFile="$tmp" -cp "$classpath" -version >"$log" 2>&1; then
    tail -n 5 "$log" >&2
    echo "make-cds-archive: the archive made does not fit this installation; none kept" >&2
    exit 1
fi
chmod 644 "$tmp"
mv -f "$tmp" "$archive"
echo "make-cds-archive: $archive ($(du -k "$archive" | cut -f1) KB)"
