import {describe, expect, it} from 'vitest'
import {printTable, printTableRows, renderTable} from '../../../../src/cli/printers/table.js'
import type {Namespace, Node, StoredObject} from '../../../../src/core/api/types.js'
import {ago, deployment, endpoints, event, NOW, pod, replicaSet, running, service} from './fixtures.js'

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`

const pods = [
  pod('web-7d4b9c-2xk8p'),
  pod('web-7d4b9c-9qzrt', {
    phase: 'Pending',
    conditions: [],
    containerStatuses: [running('web', {ready: false, state: {waiting: {reason: 'ContainerCreating'}}})],
    podIP: undefined,
    podIPs: [],
  }),
  pod('db', {
    containerStatuses: [
      running('web', {
        restartCount: 3,
        lastState: {terminated: {exitCode: 1, reason: 'Error', finishedAt: ago(25)}},
      }),
    ],
  }),
]
pods[1]!.spec.nodeName = undefined
pods[2]!.metadata.labels = {}

describe('printTable for pods', () => {
  it('prints NAME READY STATUS RESTARTS AGE aligned like kubectl', () => {
    expect(printTable(pods, {kind: 'Pod', now: NOW})).toBe(
      lines(
        'NAME               READY   STATUS              RESTARTS      AGE',
        'web-7d4b9c-2xk8p   1/1     Running             0             5m',
        'web-7d4b9c-9qzrt   0/1     ContainerCreating   0             5m',
        'db                 1/1     Running             3 (25s ago)   5m',
      ),
    )
  })

  it('adds IP NODE NOMINATED NODE READINESS GATES with -o wide', () => {
    expect(printTable(pods, {kind: 'Pod', wide: true, now: NOW})).toBe(
      lines(
        'NAME               READY   STATUS              RESTARTS      AGE   IP           NODE     NOMINATED NODE   READINESS GATES',
        'web-7d4b9c-2xk8p   1/1     Running             0             5m    10.244.1.5   node-1   <none>           <none>',
        'web-7d4b9c-9qzrt   0/1     ContainerCreating   0             5m    <none>       <none>   <none>           <none>',
        'db                 1/1     Running             3 (25s ago)   5m    10.244.1.5   node-1   <none>           <none>',
      ),
    )
  })

  it('appends LABELS with --show-labels, <none> when a pod has none', () => {
    expect(printTable(pods, {kind: 'Pod', showLabels: true, now: NOW})).toBe(
      lines(
        'NAME               READY   STATUS              RESTARTS      AGE   LABELS',
        'web-7d4b9c-2xk8p   1/1     Running             0             5m    app=web,pod-template-hash=7d4b9c',
        'web-7d4b9c-9qzrt   0/1     ContainerCreating   0             5m    app=web,pod-template-hash=7d4b9c',
        'db                 1/1     Running             3 (25s ago)   5m    <none>',
      ),
    )
  })

  it('adds an uppercase column per -L key, named after its last path segment, empty when unset', () => {
    const labelled = pod('api', {}, {})
    labelled.metadata.labels = {'app.kubernetes.io/name': 'api', tier: 'backend'}
    expect(
      printTable([labelled, pods[2]!], {
        kind: 'Pod',
        labelColumns: ['app.kubernetes.io/name', 'tier'],
        now: NOW,
      }),
    ).toBe(
      lines(
        'NAME   READY   STATUS    RESTARTS      AGE   NAME   TIER',
        'api    1/1     Running   0             5m    api    backend',
        // The empty TIER cell still pads the NAME label column: kubectl leaves those trailing spaces.
        'db     1/1     Running   3 (25s ago)   5m           ',
      ),
    )
  })

  it('puts NAMESPACE first with -A', () => {
    const other = pod('cache', {}, {})
    other.metadata.namespace = 'kube-system'
    expect(printTable([pods[0]!, other], {kind: 'Pod', allNamespaces: true, now: NOW})).toBe(
      lines(
        'NAMESPACE     NAME               READY   STATUS    RESTARTS   AGE',
        'default       web-7d4b9c-2xk8p   1/1     Running   0          5m',
        'kube-system   cache              1/1     Running   0          5m',
      ),
    )
  })

  it('prefixes names with the kind when several kinds print', () => {
    expect(printTable([pods[0]!], {kind: 'Pod', withKind: true, now: NOW})).toBe(
      lines(
        'NAME                   READY   STATUS    RESTARTS   AGE',
        'pod/web-7d4b9c-2xk8p   1/1     Running   0          5m',
      ),
    )
    expect(printTable([deployment()], {kind: 'Deployment', withKind: true, now: NOW})).toBe(
      lines(
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   3/3     3            3           60m',
      ),
    )
  })

  it('leaves the header out with --no-headers', () => {
    expect(printTable([pods[0]!], {kind: 'Pod', noHeaders: true, now: NOW})).toBe(
      lines('web-7d4b9c-2xk8p   1/1   Running   0     5m'),
    )
  })

  it('prints nothing, not even a header, for no objects', () => {
    expect(printTable([], {kind: 'Pod', now: NOW})).toBe('')
  })

  it('cuts a cell at its first line break', () => {
    const broken = pod('web', {
      containerStatuses: [running('web', {ready: false, state: {waiting: {reason: 'Bad\nReason'}}})],
    })
    expect(printTable([broken], {kind: 'Pod', now: NOW})).toContain('Bad...')
  })
})

describe('printTable for the other kinds', () => {
  it('prints replica sets with DESIRED CURRENT READY, and their template and selector when wide', () => {
    const scaling = replicaSet('web-5f8d7c', '5f8d7c', {status: {replicas: 1, readyReplicas: 0}})
    expect(printTable([replicaSet(), scaling], {kind: 'ReplicaSet', wide: true, now: NOW})).toBe(
      lines(
        'NAME         DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR',
        'web-7d4b9c   3         3         3       60m   nginx        nginx:1.25   app=web,pod-template-hash=7d4b9c',
        'web-5f8d7c   3         1         0       60m   nginx        nginx:1.25   app=web,pod-template-hash=5f8d7c',
      ),
    )
  })

  it('prints replication controllers with their equality selector', () => {
    const rc = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: {
        name: 'legacy',
        namespace: 'default',
        uid: 'u',
        resourceVersion: '1',
        creationTimestamp: ago(45),
      },
      spec: {
        replicas: 2,
        selector: {tier: 'front', app: 'legacy'},
        template: {
          spec: {
            containers: [
              {name: 'a', image: 'busybox'},
              {name: 'b', image: 'nginx'},
            ],
          },
        },
      },
      status: {replicas: 2, readyReplicas: 1},
    } as StoredObject
    expect(printTable([rc], {kind: 'ReplicationController', wide: true, now: NOW})).toBe(
      lines(
        'NAME     DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES          SELECTOR',
        'legacy   2         2         1       45s   a,b          busybox,nginx   app=legacy,tier=front',
      ),
    )
  })

  it('prints deployments with READY as ready/desired', () => {
    const rolling = deployment({replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3})
    expect(printTable([rolling], {kind: 'Deployment', wide: true, now: NOW})).toBe(
      lines(
        'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR',
        'web    3/3     1            3           60m   nginx        nginx:1.25   app=web',
      ),
    )
  })

  it('prints services with ports, node ports and <none> for a missing external IP', () => {
    const headless = service({
      type: 'ClusterIP',
      clusterIP: 'None',
      clusterIPs: ['None'],
      ports: [{port: 5432, protocol: 'TCP'}],
      selector: {},
    })
    headless.metadata.name = 'db'
    const balanced = service({
      type: 'LoadBalancer',
      ports: [
        {port: 80, protocol: 'TCP', nodePort: 31000},
        {port: 53, protocol: 'UDP', nodePort: 31001},
      ],
    })
    balanced.metadata.name = 'lb'
    expect(printTable([service(), headless, balanced], {kind: 'Service', wide: true, now: NOW})).toBe(
      lines(
        'NAME   TYPE           CLUSTER-IP    EXTERNAL-IP   PORT(S)                     AGE   SELECTOR',
        'web    NodePort       10.96.12.34   <none>        80:30080/TCP                10m   app=web',
        'db     ClusterIP      None          <none>        5432/TCP                    10m   <none>',
        'lb     LoadBalancer   10.96.12.34   <pending>     80:31000/TCP,53:31001/UDP   10m   app=web',
      ),
    )
  })

  it('prints endpoints: ready addresses per port, at most three, <none> without subsets', () => {
    const web = endpoints([
      {
        addresses: ['10.88.0.5', '10.88.0.6', '10.88.0.7', '10.88.0.8'].map((ip) => ({ip})),
        notReadyAddresses: [{ip: '10.88.0.9'}],
        ports: [{port: 8080, protocol: 'TCP'}],
      },
    ])
    const empty = endpoints()
    empty.metadata.name = 'db'
    const waiting = endpoints([{notReadyAddresses: [{ip: '10.88.0.9'}], ports: [{port: 8080}]}])
    waiting.metadata.name = 'api'
    expect(printTable([web, empty, waiting], {kind: 'Endpoints', wide: true, now: NOW})).toBe(
      lines(
        'NAME   ENDPOINTS                                                  AGE',
        'web    10.88.0.5:8080,10.88.0.6:8080,10.88.0.7:8080 + 1 more...   10m',
        'db     <none>                                                     10m',
        'api                                                               10m',
      ),
    )
  })

  it('prints nodes with status, roles and, when wide, addresses and runtime', () => {
    const node = (
      name: string,
      ready: 'True' | 'False' | 'Unknown' | undefined,
      labels: Record<string, string>,
      unschedulable = false,
    ): Node => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {name, uid: name, resourceVersion: '1', creationTimestamp: ago(7200), labels},
      spec: {unschedulable},
      status: {
        conditions: ready ? [{type: 'Ready', status: ready}] : [],
        addresses: [{type: 'InternalIP', address: '172.18.0.2'}],
        nodeInfo: {
          kubeletVersion: 'v1.28.0-tugboat',
          osImage: 'Debian GNU/Linux 12',
          kernelVersion: '6.1.0',
          containerRuntimeVersion: 'docker://24.0.7',
        },
      },
    })
    const nodes = [
      node('control-plane', 'True', {'node-role.kubernetes.io/control-plane': ''}),
      node('worker-1', 'Unknown', {'kubernetes.io/role': 'worker'}),
      node('worker-2', 'True', {}, true),
      node('worker-3', undefined, {}),
    ]
    expect(printTable(nodes, {kind: 'Node', now: NOW})).toBe(
      lines(
        'NAME            STATUS                     ROLES           AGE    VERSION',
        'control-plane   Ready                      control-plane   120m   v1.28.0-tugboat',
        'worker-1        NotReady                   worker          120m   v1.28.0-tugboat',
        'worker-2        Ready,SchedulingDisabled   <none>          120m   v1.28.0-tugboat',
        'worker-3        Unknown                    <none>          120m   v1.28.0-tugboat',
      ),
    )
    expect(printTable(nodes.slice(0, 1), {kind: 'Node', wide: true, now: NOW})).toBe(
      lines(
        'NAME            STATUS   ROLES           AGE    VERSION           INTERNAL-IP   EXTERNAL-IP   OS-IMAGE              KERNEL-VERSION   CONTAINER-RUNTIME',
        'control-plane   Ready    control-plane   120m   v1.28.0-tugboat   172.18.0.2    <none>        Debian GNU/Linux 12   6.1.0            docker://24.0.7',
      ),
    )
  })

  it('ignores -A for cluster-scoped kinds', () => {
    const ns = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {name: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: ago(86400 * 3)},
      status: {phase: 'Active'},
    } as Namespace
    expect(printTable([ns], {kind: 'Namespace', allNamespaces: true, now: NOW})).toBe(
      lines('NAME      STATUS   AGE', 'default   Active   3d'),
    )
  })

  it('prints events with LAST SEEN TYPE REASON OBJECT MESSAGE, and the rest when wide', () => {
    const events = [
      event(
        'Pod',
        'web-7d4b9c-2xk8p',
        'Scheduled',
        'Successfully assigned default/web-7d4b9c-2xk8p to node-1',
        {component: 'default-scheduler', first: 300},
      ),
      event(
        'Pod',
        'web-7d4b9c-2xk8p',
        'BackOff',
        'Back-off restarting failed container web in pod web-7d4b9c-2xk8p_default(uid)',
        {
          type: 'Warning',
          host: 'node-1',
          count: 5,
          first: 200,
          last: 12,
          fieldPath: 'spec.containers{web}',
        },
      ),
    ]
    expect(printTable(events, {kind: 'Event', now: NOW})).toBe(
      lines(
        'LAST SEEN   TYPE      REASON      OBJECT                 MESSAGE',
        '5m          Normal    Scheduled   pod/web-7d4b9c-2xk8p   Successfully assigned default/web-7d4b9c-2xk8p to node-1',
        '12s         Warning   BackOff     pod/web-7d4b9c-2xk8p   Back-off restarting failed container web in pod web-7d4b9c-2xk8p_default(uid)',
      ),
    )
    expect(printTable(events.slice(1), {kind: 'Event', wide: true, now: NOW})).toBe(
      lines(
        'LAST SEEN   TYPE      REASON    OBJECT                 SUBOBJECT              SOURCE            MESSAGE                                                                         FIRST SEEN   COUNT   NAME',
        '12s         Warning   BackOff   pod/web-7d4b9c-2xk8p   spec.containers{web}   kubelet, node-1   Back-off restarting failed container web in pod web-7d4b9c-2xk8p_default(uid)   3m20s        5       web-7d4b9c-2xk8p.17cf0a7',
      ),
    )
  })
})

describe('watch rows', () => {
  it('line up with the table printed before them and widen only from a wider cell on', () => {
    const first = renderTable([pods[0]!], {kind: 'Pod', now: NOW})
    expect(first.text).toBe(
      lines(
        'NAME               READY   STATUS    RESTARTS   AGE',
        'web-7d4b9c-2xk8p   1/1     Running   0          5m',
      ),
    )
    const next = printTableRows([pods[0]!, pods[1]!, pods[0]!], {kind: 'Pod', now: NOW}, first.widths)
    expect(next.text).toBe(
      lines(
        'web-7d4b9c-2xk8p   1/1     Running   0          5m',
        'web-7d4b9c-9qzrt   0/1     ContainerCreating   0          5m',
        'web-7d4b9c-2xk8p   1/1     Running             0          5m',
      ),
    )
    expect(next.widths).toEqual([19, 8, 20, 11])
  })
})
