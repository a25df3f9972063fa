#!/bin/bash
# usage: bench/nonroot_peak.sh USER runuser -u USER -- codevet verify ...
# peak number of processes of user $1 while command "${@:2}" runs (sampled every 20 ms)
user=$1; shift
uid=$(id -u $user)
"$@" & pid=$!
peak=0
while kill -0 $pid 2>/dev/null; do
  n=$(ps -u $uid --no-headers 2>/dev/null | wc -l)
  [ $n -gt $peak ] && peak=$n
  sleep 0.02
done
wait $pid; rc=$?
echo "peak processes of $user: $peak (exit $rc)"
