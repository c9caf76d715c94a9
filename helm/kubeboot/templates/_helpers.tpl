{{/* <release>-kubeboot, or the release name alone when it already says kubeboot */}}
{{- define "kubeboot.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* the name of one component's objects: (dict "root" $ "component" "api-gateway") */}}
{{- define "kubeboot.name" -}}
{{- printf "%s-%s" (include "kubeboot.fullname" .root) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "kubeboot.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "kubeboot.labels" -}}
{{ include "kubeboot.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* <repository>/<component>:<tag>: (dict "root" $ "component" "node-agent") */}}
{{- define "kubeboot.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.repository .component (.root.Values.image.tag | default .root.Chart.AppVersion) -}}
{{- end -}}

{{- define "kubeboot.tokensSecret" -}}{{ include "kubeboot.fullname" . }}-tokens{{- end -}}

{{- define "kubeboot.tlsSecret" -}}
{{- .Values.tls.existingSecret | default (printf "%s-gateway-tls" (include "kubeboot.fullname" .)) -}}
{{- end -}}

{{- define "kubeboot.postgresSecret" -}}
{{- .Values.postgres.existingSecret | default (printf "%s-postgres" (include "kubeboot.fullname" .)) -}}
{{- end -}}

{{/* the gateway's in-cluster address, for the components' API clients (which accept its certificate) */}}
{{- define "kubeboot.apiUrl" -}}
https://{{ include "kubeboot.name" (dict "root" . "component" "api-gateway") }}.{{ .Release.Namespace }}.svc:{{ .Values.apiGateway.port }}
{{- end -}}

{{- define "kubeboot.databaseUrl" -}}
{{- if .Values.postgres.enabled -}}
jdbc:postgresql://{{ include "kubeboot.name" (dict "root" . "component" "postgres") }}:{{ .Values.postgres.port }}/{{ .Values.postgres.database }}
{{- else -}}
{{- required "postgres.external.url is required when postgres.enabled is false" .Values.postgres.external.url -}}
{{- end -}}
{{- end -}}

{{- define "kubeboot.kafkaBootstrap" -}}
{{- if .Values.kafka.enabled -}}
{{ include "kubeboot.name" (dict "root" . "component" "kafka") }}:{{ .Values.kafka.port }}
{{- else -}}
{{- required "kafka.external.bootstrapServers is required when kafka.enabled is false" .Values.kafka.external.bootstrapServers -}}
{{- end -}}
{{- end -}}

{{/*
The release's Secret NAME as it is in the cluster, at an upgrade (so generated tokens, passwords
and certificates are kept); an empty dict at an install, which has none yet and may be rendered
with no cluster at all (helm template). (dict "root" $ "secret" NAME)
*/}}
{{- define "kubeboot.existingSecret" -}}
{{- if .root.Release.IsUpgrade -}}
{{- lookup "v1" "Secret" .root.Release.Namespace .secret | toJson -}}
{{- else -}}
{}
{{- end -}}
{{- end -}}

{{/*
A secret value: the one given, else the one already in the release's Secret (at an upgrade),
else a random one. (dict "root" $ "secret" NAME "key" KEY "value" GIVEN)
*/}}
{{- define "kubeboot.secretValue" -}}
{{- $existing := include "kubeboot.existingSecret" . | fromJson -}}
{{- if .value -}}
{{- .value -}}
{{- else if and $existing $existing.data (hasKey $existing.data .key) -}}
{{- index $existing.data .key | b64dec -}}
{{- else -}}
{{- randAlphaNum 48 -}}
{{- end -}}
{{- end -}}

{{/* prometheus.io annotations of a pod that serves /actuator/prometheus on PORT: (dict "root" $ "port" PORT) */}}
{{- define "kubeboot.scrapeAnnotations" -}}
{{- if .root.Values.metrics.prometheusAnnotations -}}
prometheus.io/scrape: "true"
prometheus.io/path: /actuator/prometheus
prometheus.io/port: {{ .port | quote }}
{{- end -}}
{{- end -}}

{{/*
What every kubeboot service is given: its port, JVM options, the API's address and its own
token, Kafka, then the component's extra env. (dict "root" $ "identity" TOKEN_KEY "values" COMPONENT_VALUES)
*/}}
{{- define "kubeboot.serviceEnv" -}}
- name: KUBEBOOT_PORT
  value: {{ .values.port | quote }}
- name: JAVA_OPTS
  value: {{ .values.javaOpts | quote }}
- name: KUBEBOOT_API_URL
  value: {{ include "kubeboot.apiUrl" .root }}
- name: KUBEBOOT_API_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "kubeboot.tokensSecret" .root }}
      key: {{ .identity }}
- name: KUBEBOOT_KAFKA_BOOTSTRAP
  value: {{ include "kubeboot.kafkaBootstrap" .root | quote }}
{{- with .root.Values.kafka.topicPrefix }}
- name: KUBEBOOT_TOPIC_PREFIX
  value: {{ . | quote }}
{{- end }}
{{- range $name, $value := .values.env }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- end -}}

{{/*
/actuator/health probes on the named port: started once live (generously: JVMs start slowly on
small nodes), restarted when no longer live, ready while every health component (database,
Kafka, Docker) is UP.
*/}}
{{- define "kubeboot.probes" -}}
startupProbe:
  httpGet: {path: /actuator/health/liveness, port: {{ . }}}
  periodSeconds: 5
  failureThreshold: 60
livenessProbe:
  httpGet: {path: /actuator/health/liveness, port: {{ . }}}
  periodSeconds: 10
  timeoutSeconds: 5
  failureThreshold: 3
readinessProbe:
  httpGet: {path: /actuator/health, port: {{ . }}}
  periodSeconds: 10
  timeoutSeconds: 5
  failureThreshold: 3
{{- end -}}

{{/*
One control-plane service: a Deployment and its ClusterIP Service. (dict "root" $ "component"
NAME "values" COMPONENT_VALUES "identity" TOKEN_KEY "env" EXTRA_ENV_YAML "volumes" YAML
"volumeMounts" YAML "ports" CONTAINER_PORTS_YAML "healthPort" PORT_NAME "metricsPort" NUMBER
"servicePorts" SERVICE_PORTS_YAML "service" SERVICE_VALUES)
*/}}
{{- define "kubeboot.controlPlaneService" -}}
{{- $root := .root -}}
{{- $labelArgs := dict "root" $root "component" .component -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "kubeboot.name" $labelArgs }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "kubeboot.labels" $labelArgs | nindent 4 }}
spec:
  replicas: {{ .values.replicas }}
  selector:
    matchLabels:
      {{- include "kubeboot.selectorLabels" $labelArgs | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "kubeboot.labels" $labelArgs | nindent 8 }}
      annotations:
        {{- include "kubeboot.scrapeAnnotations" (dict "root" $root "port" .metricsPort) | nindent 8 }}
    spec:
      automountServiceAccountToken: false
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ .component }}
          image: {{ include "kubeboot.image" $labelArgs }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          env:
            {{- include "kubeboot.serviceEnv" (dict "root" $root "identity" .identity "values" .values) | nindent 12 }}
            {{- with .env }}
            {{- . | nindent 12 }}
            {{- end }}
          ports:
            {{- .ports | nindent 12 }}
          {{- include "kubeboot.probes" .healthPort | nindent 10 }}
          resources:
            {{- toYaml .values.resources | nindent 12 }}
          securityContext:
            allowPrivilegeEscalation: false
            capabilities: {drop: [ALL]}
          {{- with .volumeMounts }}
          volumeMounts:
            {{- . | nindent 12 }}
          {{- end }}
      {{- with .volumes }}
      volumes:
        {{- . | nindent 8 }}
      {{- end }}
      {{- with $root.Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $root.Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $root.Values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ include "kubeboot.name" $labelArgs }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "kubeboot.labels" $labelArgs | nindent 4 }}
  {{- with (.service | default dict).annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ (.service | default dict).type | default "ClusterIP" }}
  selector:
    {{- include "kubeboot.selectorLabels" $labelArgs | nindent 4 }}
  ports:
    {{- .servicePorts | nindent 4 }}
{{- end -}}

{{- define "kubeboot.postgresSecretKey" -}}
{{- if .Values.postgres.existingSecret -}}{{ .Values.postgres.existingSecretKey }}{{- else -}}password{{- end -}}
{{- end -}}

{{/* one plain-HTTP port named http: the container's and the Service's (PORT) */}}
{{- define "kubeboot.httpContainerPort" -}}
- name: http
  containerPort: {{ . }}
{{- end -}}
{{- define "kubeboot.httpServicePort" -}}
- name: http
  port: {{ . }}
  targetPort: http
{{- end -}}

{{/*
PostgreSQL or Kafka of this release: a one-replica StatefulSet whose data is at DATA_PATH (a
PersistentVolumeClaim with persistence.enabled, else an emptyDir), and its Service. The image's
READY_COMMAND is its readiness check. (dict "root" $ "component" NAME "values" VALUES "port" PORT
"env" ENV_YAML "user" UID "dataPath" DATA_PATH "readyCommand" COMMAND)
*/}}
{{- define "kubeboot.infraStatefulSet" -}}
{{- $root := .root -}}
{{- $labelArgs := dict "root" $root "component" .component -}}
{{- $persistence := .values.persistence -}}
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ include "kubeboot.name" $labelArgs }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "kubeboot.labels" $labelArgs | nindent 4 }}
spec:
  serviceName: {{ include "kubeboot.name" $labelArgs }}
  replicas: 1
  selector:
    matchLabels:
      {{- include "kubeboot.selectorLabels" $labelArgs | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "kubeboot.labels" $labelArgs | nindent 8 }}
    spec:
      automountServiceAccountToken: false
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        runAsNonRoot: true
        runAsUser: {{ .user }}
        runAsGroup: {{ .user }}
        fsGroup: {{ .user }}
      containers:
        - name: {{ .component }}
          image: {{ include "kubeboot.image" $labelArgs }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          env:
            {{- .env | nindent 12 }}
          ports:
            - name: {{ .component }}
              containerPort: {{ .port }}
          startupProbe:
            exec: {command: [{{ .readyCommand }}]}
            periodSeconds: 5
            failureThreshold: 60
          readinessProbe:
            exec: {command: [{{ .readyCommand }}]}
            periodSeconds: 10
            timeoutSeconds: 5
          livenessProbe:
            tcpSocket: {port: {{ .component }}}
            periodSeconds: 10
            timeoutSeconds: 5
            failureThreshold: 6
          resources:
            {{- toYaml .values.resources | nindent 12 }}
          securityContext:
            allowPrivilegeEscalation: false
            capabilities: {drop: [ALL]}
          volumeMounts:
            - name: data
              mountPath: {{ .dataPath }}
      {{- if not $persistence.enabled }}
      volumes:
        - name: data
          emptyDir: {}
      {{- end }}
  {{- if $persistence.enabled }}
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        {{- with $persistence.storageClass }}
        storageClassName: {{ . }}
        {{- end }}
        resources:
          requests:
            storage: {{ $persistence.size }}
  {{- end }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ include "kubeboot.name" $labelArgs }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "kubeboot.labels" $labelArgs | nindent 4 }}
spec:
  selector:
    {{- include "kubeboot.selectorLabels" $labelArgs | nindent 4 }}
  ports:
    - name: {{ .component }}
      port: {{ .port }}
      targetPort: {{ .component }}
{{- end -}}
