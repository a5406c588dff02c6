#!/bin/bash
# $1 = label, $2 = GENIE_JAVA_OPTS (may be empty); env P = period (256), M = minutes (10), GENIE = the launcher (./genie):
# a soak beside a C baseline (jack_simple_client) on a twin dummy server; logs and figures in /tmp/xr/LABEL
label=$1; opts=$2; d=/tmp/xr/$label; mkdir -p $d
stamp() { while IFS= read -r l; do printf '%s %s\n' "$(date +%H:%M:%S.%3N)" "$l"; done; }
(jackd -n base-$label -R -d dummy -r 48000 -p ${P:-256} 2>&1 | stamp > $d/base.log) &
(jackd -n soak-$label -R -d dummy -r 48000 -p ${P:-256} 2>&1 | stamp > $d/soak.log) &
sleep 2
JACK_DEFAULT_SERVER=base-$label jack_simple_client > /dev/null 2>&1 &
SIMPLE=$!
sleep 1
cd /work/main
echo "start $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" > $d/info.txt
JACK_DEFAULT_SERVER=soak-$label GENIE_JAVA_OPTS="$opts" ${GENIE:-./genie} bench soak --output jack --minutes ${M:-10} > $d/genie.out 2>&1
echo "end $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $d/info.txt
kill $SIMPLE
pkill -f "jackd -n base-$label"; pkill -f "jackd -n soak-$label"
sleep 1
for s in base soak; do echo "$s: $(grep -ci xrun $d/$s.log) xruns"; grep -i xrun $d/$s.log | sed 's/^[0-9:.]* //; s/[0-9]\+ usec/N usec/' | sort | uniq -c; done >> $d/info.txt
