{{/*
Helpers shared by every template. Those taking a dict expect: root (the top context `$`) and
name (the process name: auth, catalog, ..., gateway).
*/}}

{{/* Resource name of a process: <namePrefix><name>. */}}
{{- define "lms-fleet.fullname" -}}
{{- printf "%s%s" .root.Values.namePrefix .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Name of the fleet-wide ConfigMap. */}}
{{- define "lms-fleet.commonConfigName" -}}
{{- printf "%slms-common-config" .Values.namePrefix -}}
{{- end -}}

{{- define "lms-fleet.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels of a process (immutable in Deployments: keep them minimal). */}}
{{- define "lms-fleet.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Image tag of a process: its own (services.<name>.image.tag, gateway.image.tag: dict key tag), else image.tag, else appVersion. */}}
{{- define "lms-fleet.tag" -}}
{{- .tag | default .root.Values.image.tag | default .root.Chart.AppVersion | toString -}}
{{- end -}}

{{/* All labels of a process; dict also takes component (service | gateway) and tag (its image tag override). */}}
{{- define "lms-fleet.labels" -}}
{{ include "lms-fleet.selectorLabels" . }}
app.kubernetes.io/component: {{ .component | default "service" }}
app.kubernetes.io/part-of: lms-fleet
app.kubernetes.io/version: {{ include "lms-fleet.tag" . | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ include "lms-fleet.chart" .root }}
{{- end -}}

{{/* Image of a process: <repository>/<name>:<its tag | image.tag | appVersion> (dict: root, name, tag). */}}
{{- define "lms-fleet.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.repository .name (include "lms-fleet.tag" .) -}}
{{- end -}}

{{/*
Settings of every process (the data of <namePrefix>lms-common-config, `KEY: "value"` lines): global.env, the
metrics endpoint and the <NAME>_GRPC_ADDR of every enabled service. Also the plain env of the migration hook
Jobs, which run before the ConfigMap exists.
*/}}
{{- define "lms-fleet.commonData" -}}
{{- $data := deepCopy (.Values.global.env | default dict) }}
{{- if .Values.metrics.enabled }}
{{- $_ := set $data "METRICS_HOST" "0.0.0.0" }}
{{- $_ := set $data "METRICS_PORT" (.Values.metrics.port | toString) }}
{{- else }}
{{- $_ := set $data "METRICS_ENABLED" "false" }}
{{- end }}
{{- range $name, $svc := .Values.services }}
{{- if $svc.enabled }}
{{- $_ := set $data (printf "%s_GRPC_ADDR" ($name | upper)) (printf "%s:%v" (include "lms-fleet.fullname" (dict "root" $ "name" $name)) $svc.port) }}
{{- end }}
{{- end }}
{{- range $key, $value := $data }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/*
The metrics port of a process's container and Service (name `metrics`); empty when metrics.enabled is false.
dict: root, indent (the list's indentation), service (true: a Service port).
*/}}
{{- define "lms-fleet.metricsPort" -}}
{{- if .root.Values.metrics.enabled }}
{{- if .service }}
- name: metrics
  port: {{ .root.Values.metrics.port }}
  targetPort: metrics
  protocol: TCP
  appProtocol: http
{{- else }}
- name: metrics
  containerPort: {{ .root.Values.metrics.port }}
  protocol: TCP
{{- end }}
{{- end }}
{{- end -}}

{{/*
env entries (a YAML list, no leading newline; empty when there are none) reading existingSecret.
dict: root, maps = a list of maps {ENV_VAR: key in existingSecret}; later maps win on duplicates.
Call as: {{- with include "lms-fleet.secretEnv" (dict ...) }}{{ . | nindent N }}{{- end }}
*/}}
{{- define "lms-fleet.secretEnv" -}}
{{- $merged := dict -}}
{{- range .maps }}{{- $merged = merge (deepCopy (. | default dict)) $merged -}}{{- end -}}
{{- if $merged -}}
{{- $secret := required "existingSecret is required: the name of the Secret holding the fleet's credentials" .root.Values.existingSecret -}}
{{- $items := list -}}
{{- range $envName, $key := $merged -}}
{{- $items = append $items (dict "name" $envName "valueFrom" (dict "secretKeyRef" (dict "name" $secret "key" $key))) -}}
{{- end -}}
{{- toYaml $items -}}
{{- end -}}
{{- end -}}

{{/* Pod-level settings shared by every Deployment of the fleet. */}}
{{- define "lms-fleet.podSpecCommon" -}}
{{- $tmpSize := "64Mi" }}
{{- /* Called with the root context, or with dict "root" <root> "tmpSizeLimit" <size> (a service's tmpSizeLimit). */ -}}
{{- $root := . }}
{{- if hasKey . "root" }}{{ $root = .root }}{{ $tmpSize = .tmpSizeLimit | default "64Mi" }}{{ end }}
{{- /* -}} on `with`: the output must start with its first key, or `nindent` leaves a line of blanks. */}}
{{- with $root -}}
automountServiceAccountToken: false
terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.podSecurityContext }}
securityContext:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
volumes:
  - name: tmp
    emptyDir:
      sizeLimit: {{ $tmpSize }}
{{- end }}
{{- end -}}

{{/* Container-level settings shared by every container of the fleet; called with the root context. */}}
{{- define "lms-fleet.containerCommon" -}}
{{- with .Values.containerSecurityContext }}
securityContext:
  {{- toYaml . | nindent 2 }}
{{- end }}
volumeMounts:
  - name: tmp
    mountPath: /tmp
{{- end -}}

{{/* Pod annotations: user-provided ones plus a checksum of the ConfigMaps so config changes roll the pods. */}}
{{- define "lms-fleet.podAnnotations" -}}
checksum/config: {{ include (print .Template.BasePath "/configmap.yaml") . | sha256sum }}
{{- with .Values.podAnnotations }}
{{ toYaml . }}
{{- end }}
{{- end -}}
