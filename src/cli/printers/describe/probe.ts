/** Probes as describe prints them (describe.go DescribeProbe), with the API server's defaults filled in. */
import type {Probe} from '../../../core/api/types.js'

/** `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(probe: Probe): string {
  const attributes =
    `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 1}s period=${probe.periodSeconds ?? 10}s ` +
    `#success=${probe.successThreshold ?? 1} #failure=${probe.failureThreshold ?? 3}`
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attributes}`
  if (probe.httpGet) {
    const {scheme = 'HTTP', host = '', port, path = '/'} = probe.httpGet
    return `http-get ${scheme.toLowerCase()}://${joinHostPort(host, String(port))}${path} ${attributes}`
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port} ${attributes}`
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attributes}`
  return `unknown ${attributes}`
}

/** Go's net.JoinHostPort: IPv6 hosts get brackets. */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}
