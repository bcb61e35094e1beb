# Redis's boot-time maxmemory and maxmemory-policy, read from the sidecar's settings file when the container starts
# rather than written into the pod template at render time: a settings change then reaches Redis live through the
# sidecar and never rolls the pod. "maxmemory N%" is N % of the Downward API limit file, rounded down as the sidecar
# rounds. A value this cannot read is left out (Redis boots, the sidecar refuses the file and says why).
# POSIX sh with 64-bit integer arithmetic only (dash, busybox): no bc or awk in the redis image to rely on.
boot_warn() { echo "redis boot: $*; Redis starts without it, the sidecar applies it" >&2; }
# Digits without leading zeros (sh reads 010 as octal), 0 when empty.
boot_dec() { boot_n=${1#"${1%%[!0]*}"}; echo "${boot_n:-0}"; }
# floor(decimal x mult / div), exact for up to 6 decimals, split so that no product overflows 64 bits:
# with value = I + F/10^6 and D = div x 10^6, it is I*mult/div + F*mult/D, each term taken apart by / and %.
boot_scale() {
  boot_i=$(boot_dec "${1%%.*}"); boot_f=
  case $1 in *.*) boot_f=${1#*.} ;; esac
  boot_f=$(boot_dec "$(printf '%.6s' "${boot_f}000000")")
  boot_a=$((boot_i * $2)); boot_d=$(($3 * 1000000))
  echo $((boot_a / $3 + boot_f * ($2 / boot_d) + ((boot_a % $3) * 1000000 + boot_f * ($2 % boot_d)) / boot_d))
}
# The same units as the sidecar: redis.conf's (k = 1000, kb = 1024, ...) and Kubernetes's (Ki, Mi, ...).
boot_unit() {
  case $1 in
    ''|b) echo 1 ;; k) echo 1000 ;; kb|ki|kib) echo 1024 ;; m) echo 1000000 ;; mb|mi|mib) echo 1048576 ;;
    g) echo 1000000000 ;; gb|gi|gib) echo 1073741824 ;; t) echo 1000000000000 ;; tb|ti|tib) echo 1099511627776 ;;
  esac
}
boot_maxmemory() {
  boot_num=${1%%[!0-9.]*}; boot_suffix=${1#"$boot_num"}
  case $boot_num in ''|.|*.*.*) boot_warn "maxmemory $1 is not a size"; return ;; esac
  if [ "$boot_suffix" = % ]; then
    boot_limit=$(tr -d ' \n' < "$SIDECAR_CONTAINER_MEMORY_LIMIT_FILE" 2>/dev/null)
    case $boot_limit in ''|*[!0-9]*) boot_warn "maxmemory $1 needs the memory limit file"; return ;; esac
    boot_scale "$boot_num" "$(boot_dec "$boot_limit")" 100
  elif [ -n "$(boot_unit "$boot_suffix")" ]; then
    boot_scale "$boot_num" "$(boot_unit "$boot_suffix")" 1
  else
    boot_warn "maxmemory $1 is not a size"
  fi
}
boot_bytes=; boot_policy=
if [ -r "$SIDECAR_SETTINGS_FILE" ]; then
  while read -r boot_key boot_value boot_rest || [ -n "$boot_key" ]; do
    # Lower case and without quotes, as the sidecar reads them ("35%", 512MB, 512 mb).
    boot_value=$(printf '%s' "$boot_value$boot_rest" | tr -d " \t\"'" | tr '[:upper:]' '[:lower:]')
    case $(printf '%s' "$boot_key" | tr '[:upper:]' '[:lower:]') in
      maxmemory) boot_bytes=$(boot_maxmemory "$boot_value") ;;
      maxmemory-policy) case $boot_value in
          volatile-lru|allkeys-lru|volatile-lfu|allkeys-lfu|volatile-random|allkeys-random|volatile-ttl|noeviction)
            boot_policy=$boot_value ;;
          *) boot_warn "maxmemory-policy $boot_value is not a policy" ;;
        esac ;;
    esac
  done < "$SIDECAR_SETTINGS_FILE"
else
  boot_warn "no settings file $SIDECAR_SETTINGS_FILE"
fi
set --
[ -n "$boot_bytes" ] && set -- "$@" --maxmemory "$boot_bytes"
[ -n "$boot_policy" ] && set -- "$@" --maxmemory-policy "$boot_policy"
