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
{{ .Values.sidecar.image.repository }}:{{ .Values.sidecar.image.tag | default (printf "%s-native" .Chart.AppVersion) }}
{{- end -}}
{{- end }}

{{/* Where both containers read the settings ConfigMap and the Redis container's memory limit (Downward API). */}}
{{- define "rms.settingsFile" -}}
/etc/redis-memory-sidecar/settings.conf
{{- end }}

{{- define "rms.limitFile" -}}
/etc/redis-memory-sidecar-limit/redis-memory-limit
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

{{/* One word for `sh -c`, single-quoted: an empty argument stays an argument, and $, `, ; and spaces stay text. */}}
{{- define "rms.shellQuote" -}}
'{{ replace "'" "'\\''" . }}'
{{- end }}
