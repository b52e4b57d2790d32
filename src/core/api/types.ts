/** The object model: Kubernetes' envelope and the shapes of the kinds Tugboat stores. */

/** A reference from a dependent to the object that owns it. */
export interface OwnerReference {
  apiVersion: string
  kind: string
  name: string
  uid: string
  controller?: boolean
  blockOwnerDeletion?: boolean
}

/** metadata, as every object carries it. */
export interface ObjectMeta {
  name?: string
  generateName?: string
  namespace?: string
  uid?: string
  resourceVersion?: string
  generation?: number
  creationTimestamp?: string | null
  deletionTimestamp?: string
  deletionGracePeriodSeconds?: number
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: OwnerReference[]
  finalizers?: string[]
}

/** Any stored object: the envelope with kind-specific spec and status. */
export interface KubeObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta
  spec?: unknown
  status?: unknown
  [field: string]: unknown
}

/** An object as the store returns it: identity and bookkeeping are always set. */
export interface StoredObject extends KubeObject {
  metadata: ObjectMeta & {name: string; uid: string; resourceVersion: string; creationTimestamp: string}
}

/** matchLabels + matchExpressions, as in apps/v1 selectors. */
export interface LabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: LabelSelectorRequirement[]
}

/** One set-based requirement of a LabelSelector. */
export interface LabelSelectorRequirement {
  key: string
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
  values?: string[]
}

/** A port a container listens on. */
export interface ContainerPort {
  name?: string
  containerPort: number
  hostPort?: number
  hostIP?: string
  protocol?: 'TCP' | 'UDP' | 'SCTP'
}

/** An environment variable of a container. */
export interface EnvVar {
  name: string
  value?: string
  valueFrom?: unknown
}

/** cpu/memory quantities, as strings or numbers. */
export interface ResourceRequirements {
  limits?: Record<string, string | number>
  requests?: Record<string, string | number>
}

/** A liveness, readiness or startup probe. */
export interface Probe {
  exec?: {command?: string[]}
  httpGet?: {
    path?: string
    port: number | string
    host?: string
    scheme?: string
    httpHeaders?: {name: string; value: string}[]
  }
  tcpSocket?: {port: number | string; host?: string}
  grpc?: {port: number; service?: string}
  initialDelaySeconds?: number
  timeoutSeconds?: number
  periodSeconds?: number
  successThreshold?: number
  failureThreshold?: number
  terminationGracePeriodSeconds?: number
}

/** A volume mount inside a container. */
export interface VolumeMount {
  name: string
  mountPath: string
  readOnly?: boolean
  subPath?: string
}

/** One container of a pod. */
export interface Container {
  name: string
  image?: string
  command?: string[]
  args?: string[]
  workingDir?: string
  ports?: ContainerPort[]
  env?: EnvVar[]
  resources?: ResourceRequirements
  volumeMounts?: VolumeMount[]
  livenessProbe?: Probe
  readinessProbe?: Probe
  startupProbe?: Probe
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never'
  terminationMessagePath?: string
  terminationMessagePolicy?: string
  stdin?: boolean
  tty?: boolean
}

/** A pod volume; Tugboat runs emptyDir. */
export interface Volume {
  name: string
  emptyDir?: {medium?: string; sizeLimit?: string | number}
  [source: string]: unknown
}

/** A toleration of a node taint. */
export interface Toleration {
  key?: string
  operator?: 'Exists' | 'Equal'
  value?: string
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'
  tolerationSeconds?: number
}

/** One requirement on a node's labels (or fields) in a node selector term. */
export interface NodeSelectorRequirement {
  key: string
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt'
  values?: string[]
}

/** Requirements ANDed together; the terms of a NodeSelector are ORed. */
export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[]
  matchFields?: NodeSelectorRequirement[]
}

/** A node affinity preference and its weight (1-100). */
export interface PreferredSchedulingTerm {
  weight: number
  preference: NodeSelectorTerm
}

/** Which nodes a pod must, or would rather, run on. */
export interface NodeAffinity {
  requiredDuringSchedulingIgnoredDuringExecution?: {nodeSelectorTerms: NodeSelectorTerm[]}
  preferredDuringSchedulingIgnoredDuringExecution?: PreferredSchedulingTerm[]
}

/** A pod's affinity rules; Tugboat's scheduler reads nodeAffinity. */
export interface Affinity {
  nodeAffinity?: NodeAffinity
  podAffinity?: unknown
  podAntiAffinity?: unknown
}

/** What a pod asks for. */
export interface PodSpec {
  containers: Container[]
  initContainers?: Container[]
  volumes?: Volume[]
  restartPolicy?: 'Always' | 'OnFailure' | 'Never'
  terminationGracePeriodSeconds?: number
  dnsPolicy?: string
  nodeName?: string
  nodeSelector?: Record<string, string>
  schedulerName?: string
  tolerations?: Toleration[]
  hostname?: string
  securityContext?: Record<string, unknown>
  serviceAccountName?: string
  priority?: number
  preemptionPolicy?: 'PreemptLowerPriority' | 'Never'
  affinity?: Affinity
}

/** The state of one container, as the kubelet reports it. */
export interface ContainerStatus {
  name: string
  ready: boolean
  started?: boolean
  restartCount: number
  image: string
  imageID: string
  containerID?: string
  state?: ContainerState
  lastState?: ContainerState
}

/** Exactly one of waiting, running or terminated. */
export interface ContainerState {
  waiting?: {reason?: string; message?: string}
  running?: {startedAt?: string}
  terminated?: {
    exitCode: number
    signal?: number
    reason?: string
    message?: string
    startedAt?: string
    finishedAt?: string
  }
}

/** A condition of a pod, node, deployment or replica set. */
export interface Condition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  reason?: string
  message?: string
  lastTransitionTime?: string
  lastUpdateTime?: string
  lastProbeTime?: string | null
  lastHeartbeatTime?: string
}

/** What the kubelet observed of a pod. */
export interface PodStatus {
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown'
  conditions?: Condition[]
  message?: string
  reason?: string
  hostIP?: string
  podIP?: string
  podIPs?: {ip: string}[]
  startTime?: string
  containerStatuses?: ContainerStatus[]
  initContainerStatuses?: ContainerStatus[]
  qosClass?: string
}

/** v1 Pod. */
export interface Pod extends KubeObject {
  spec: PodSpec
  status?: PodStatus
}

/** The pod template of a controller. */
export interface PodTemplateSpec {
  metadata?: ObjectMeta
  spec: PodSpec
}

/** Replica counts a ReplicaSet or ReplicationController reports. */
export interface ReplicaStatus {
  replicas?: number
  fullyLabeledReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  observedGeneration?: number
  conditions?: Condition[]
}

/** apps/v1 ReplicaSet. */
export interface ReplicaSet extends KubeObject {
  spec: {replicas?: number; minReadySeconds?: number; selector: LabelSelector; template: PodTemplateSpec}
  status?: ReplicaStatus
}

/** v1 ReplicationController: an equality selector that defaults to the template's labels. */
export interface ReplicationController extends KubeObject {
  spec: {
    replicas?: number
    minReadySeconds?: number
    selector?: Record<string, string>
    template?: PodTemplateSpec
  }
  status?: ReplicaStatus
}

/** maxSurge/maxUnavailable: a count or a percentage. */
export type IntOrString = number | string

/** How a Deployment replaces its pods. */
export interface DeploymentStrategy {
  type?: 'RollingUpdate' | 'Recreate'
  rollingUpdate?: {maxSurge?: IntOrString; maxUnavailable?: IntOrString}
}

/** apps/v1 Deployment. */
export interface Deployment extends KubeObject {
  spec: {
    replicas?: number
    selector: LabelSelector
    template: PodTemplateSpec
    strategy?: DeploymentStrategy
    minReadySeconds?: number
    revisionHistoryLimit?: number
    progressDeadlineSeconds?: number
    paused?: boolean
  }
  status?: ReplicaStatus & {updatedReplicas?: number; unavailableReplicas?: number; collisionCount?: number}
}

/** One port of a Service. */
export interface ServicePort {
  name?: string
  protocol?: 'TCP' | 'UDP' | 'SCTP'
  port: number
  targetPort?: IntOrString
  nodePort?: number
}

/** v1 Service. */
export interface Service extends KubeObject {
  spec: {
    type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'
    selector?: Record<string, string>
    ports?: ServicePort[]
    clusterIP?: string
    clusterIPs?: string[]
    externalName?: string
    sessionAffinity?: string
    externalTrafficPolicy?: string
    internalTrafficPolicy?: string
    ipFamilies?: string[]
    ipFamilyPolicy?: string
    publishNotReadyAddresses?: boolean
  }
  status?: {loadBalancer?: Record<string, unknown>}
}

/** One address behind a Service: a pod's IP, its node, and the pod itself. */
export interface EndpointAddress {
  ip: string
  hostname?: string
  nodeName?: string
  targetRef?: ObjectReference
}

/** One port of an Endpoints subset: the Service port's name and the resolved target port. */
export interface EndpointPort {
  name?: string
  port: number
  protocol?: 'TCP' | 'UDP' | 'SCTP'
  appProtocol?: string
}

/** Addresses that all serve the same ports. */
export interface EndpointSubset {
  addresses?: EndpointAddress[]
  notReadyAddresses?: EndpointAddress[]
  ports?: EndpointPort[]
}

/** v1 Endpoints: the pods behind a Service of the same name (no spec or status, only subsets). */
export interface Endpoints extends KubeObject {
  subsets?: EndpointSubset[]
}

/** A taint on a node. */
export interface Taint {
  key: string
  value?: string
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'
  timeAdded?: string
}

/** v1 Node. */
export interface Node extends KubeObject {
  spec?: {unschedulable?: boolean; taints?: Taint[]; podCIDR?: string}
  status?: {
    capacity?: Record<string, string>
    allocatable?: Record<string, string>
    conditions?: Condition[]
    addresses?: {type: string; address: string}[]
    nodeInfo?: {
      kubeletVersion?: string
      containerRuntimeVersion?: string
      osImage?: string
      kernelVersion?: string
      operatingSystem?: string
      architecture?: string
    }
  }
}

/** v1 Namespace. */
export interface Namespace extends KubeObject {
  spec?: {finalizers?: string[]}
  status?: {phase?: 'Active' | 'Terminating'}
}

/** The object an event is about. */
export interface ObjectReference {
  kind: string
  name: string
  namespace?: string
  uid?: string
  apiVersion?: string
  fieldPath?: string
  resourceVersion?: string
}

/** v1 Event, in the core/v1 shape kubectl prints. */
export interface KubeEvent extends KubeObject {
  involvedObject: ObjectReference
  reason: string
  message: string
  type: 'Normal' | 'Warning'
  source: {component: string; host?: string}
  count: number
  firstTimestamp: string
  lastTimestamp: string
  reportingComponent?: string
  reportingInstance?: string
}
