// Figure: what an idle control plane costs. With the pods settled, the `tug up` process's CPU time
// (/proc/<pid>/stat: utime + stime, in clock ticks) is read at the start and end of a window and divided by
// the window's wall time: percent of one core. Its resident set (/proc/<pid>/status: VmRSS) is read every
// second and the largest kept. Its child processes (an engine's event stream, say) are shown beside it.
import {execFileSync} from 'node:child_process'
import {readdirSync, readFileSync} from 'node:fs'
import {progress, verdict} from './report.js'
import {now, poll} from './timing.js'

/** Targets: under 2% of one core, under 120 MB resident. */
export const IDLE_CPU_TARGET = 2
export const IDLE_RSS_TARGET_MB = 120
/** The sampling window. */
const WINDOW_MS = Number(process.env.BENCH_IDLE_SECONDS ?? 10) * 1000

function clockTicks() {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim()) || 100
  } catch {
    return 100
  }
}

/** utime + stime in ticks, or undefined when the process is gone. */
function cpuTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces: count fields from its closing parenthesis (field 3 on).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return undefined
  }
}

function rssMb(pid) {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : undefined
  } catch {
    return undefined
  }
}

/** The direct children of `pid`, each with its command line. */
function children(pid) {
  const found = []
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ')) {
        if (!child.trim()) continue
        const command = readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0').filter(Boolean)
        found.push({pid: Number(child), command: command.slice(0, 3).join(' ')})
      }
    }
  } catch {
    // No /proc/<pid>/task/*/children on this kernel, or a child left meanwhile: show what was found.
  }
  return found
}

/** Samples the process (and its children) over the window; throws if it exits meanwhile. */
export async function measureIdle(engine, plane) {
  const pid = plane.child.pid
  await plane.settle(1_000, 30_000)
  progress(`${engine}: sampling tug up (pid ${pid}) idle for ${WINDOW_MS / 1000} s`)
  const ticks = clockTicks()
  const kids = children(pid)
  const startedAt = now()
  plane.mark('idle window begins', startedAt)
  const first = cpuTicks(pid)
  const firstKids = kids.map((kid) => cpuTicks(kid.pid))
  let rss = 0
  await poll(
    `${WINDOW_MS / 1000} s of idle samples`,
    () => {
      const sample = rssMb(pid)
      if (sample === undefined || plane.exited) throw new Error(`tug up exited:\n${plane.tail()}`)
      rss = Math.max(rss, sample)
      return now() - startedAt >= WINDOW_MS ? true : undefined
    },
    {timeoutMs: WINDOW_MS + 5_000, intervalMs: 1_000},
  )
  const seconds = (now() - startedAt) / 1000
  plane.mark('idle window ends')
  const percent = (from, to) =>
    from === undefined || to === undefined ? NaN : ((to - from) / ticks / seconds) * 100
  return {
    cpuPercent: percent(first, cpuTicks(pid)),
    rssMb: rss,
    seconds,
    lines: plane.lines.filter((line) => line.at >= startedAt && !line.text.startsWith('-- bench:')).length,
    children: kids.map((kid, index) => ({
      ...kid,
      cpuPercent: percent(firstKids[index], cpuTicks(kid.pid)),
      rssMb: rssMb(kid.pid),
    })),
  }
}

/** Prints the idle figures. */
export function reportIdle(report, idle, pods) {
  const cpu = idle.cpuPercent
  report.figure(
    `tug up idle with ${pods} pods: CPU`,
    cpu.toFixed(2),
    `target < ${IDLE_CPU_TARGET}%: ${verdict(cpu < IDLE_CPU_TARGET)}; over ${idle.seconds.toFixed(1)} s`,
    '% of a core',
  )
  report.figure(
    `tug up idle with ${pods} pods: resident memory (max)`,
    idle.rssMb.toFixed(1),
    `target < ${IDLE_RSS_TARGET_MB} MB: ${verdict(idle.rssMb < IDLE_RSS_TARGET_MB)}`,
    'MB',
  )
  const kids = idle.children.map(
    (kid) => `${kid.command} ${kid.cpuPercent.toFixed(2)}% ${kid.rssMb?.toFixed(1) ?? '?'} MB`,
  )
  report.note(
    `the node process of \`tug up --verbose\` alone; it logged ${idle.lines} line(s) meanwhile; ` +
      `its child processes: ${kids.length ? kids.join('; ') : 'none'}`,
  )
}
