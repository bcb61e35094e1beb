{{- define "rms.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "rms.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "rms.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "rms.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{ include "rms.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "rms.selectorLabels" -}}
app.kubernetes.io/name: {{ include "rms.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The sidecar image: pinned by digest when one is given, else by tag. */}}
{{- define "rms.sidecarImage" -}}
{{- if .Values.sidecar.image.digest -}}
{{ .Values.sidecar.image.repository }}@{{ .Values.sidecar.image.digest }}
{{- else -}}
{{ .Values.sidecar.image.repository }}:{{ .Values.sidecar.image.tag }}
{{- end -}}
{{- end }}

{{/*
Redis's boot-time memory flags, taken from sidecar.settings: "maxmemory N%" becomes shell arithmetic on the
container's limit in basis points (floor(limit x N / 100), as the sidecar computes it), a size is passed as is.
*/}}
{{- define "rms.bootMemoryArgs" -}}
{{- $maxmemory := regexFind "(?m)^[ \t]*maxmemory[ \t]+[^ \t\n]+" .Values.sidecar.settings | trim -}}
{{- $value := regexReplaceAll "^maxmemory[ \t]+" $maxmemory "" -}}
{{- if hasSuffix "%" $value -}}
{{- $basisPoints := mulf (trimSuffix "%" $value | float64) 100 | floor | int64 }} --maxmemory $(( REDIS_MEMORY_LIMIT * {{ $basisPoints }} / 10000 ))
{{- else if $value }} --maxmemory {{ $value }}
{{- end -}}
{{- $policy := regexFind "(?m)^[ \t]*maxmemory-policy[ \t]+[^ \t\n]+" .Values.sidecar.settings | trim -}}
{{- with $policy }} --maxmemory-policy {{ regexReplaceAll "^maxmemory-policy[ \t]+" . "" }}{{ end -}}
{{- end }}

{{/* A name derived from the full name, within Kubernetes's 63 characters whatever the suffix. */}}
{{- define "rms.suffixed" -}}
{{- $suffix := index . 1 -}}
{{- printf "%s-%s" (include "rms.fullname" (index . 0) | trunc (int (sub 62 (len $suffix))) | trimSuffix "-") $suffix -}}
{{- end }}

{{- define "rms.authSecretName" -}}
{{- default (include "rms.suffixed" (list . "auth")) .Values.redis.auth.existingSecret -}}
{{- end }}

{{/* Where the password file is mounted in both containers. */}}
{{- define "rms.passwordFile" -}}
/etc/redis-auth/{{ .Values.redis.auth.existingSecretPasswordKey }}
{{- end }}

{{- define "rms.redisCliPing" -}}
{{- if .Values.redis.auth.enabled -}}
REDISCLI_AUTH=\"$(cat {{ include "rms.passwordFile" . }})\" {{ end -}}
redis-cli -p {{ .Values.redis.port }} ping
{{- end }}
