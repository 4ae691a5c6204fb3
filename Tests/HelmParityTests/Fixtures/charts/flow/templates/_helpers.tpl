{{- define "flow.name" -}}
{{ .Chart.Name }}-{{ .Release.Name | trunc 63 | trimSuffix "-" }}
{{- end -}}
{{- define "flow.labels" -}}
app.kubernetes.io/name: {{ include "flow.name" . }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- range $k, $v := .Values.labels }}
{{ $k }}: {{ $v | quote }}
{{- end }}
{{- end -}}
{{- define "flow.empty" }}{{ end -}}
