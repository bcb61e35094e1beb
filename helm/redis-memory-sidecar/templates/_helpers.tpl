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
