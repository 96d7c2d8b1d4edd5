import { readdirSync, readFileSync } from 'node:fs';

/** Parent of each live process, from /proc/<pid>/stat (field 4, after the parenthesised command name). */
function parents(): Map<number, number> {
  const result = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      result.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  return result;
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Resident memory of a process and all its descendants, in MB: for a browser that is the browser process, its
 * renderers, GPU and utility processes and their workers, not only the page's JS heap. Shared pages are counted once
 * per process, so this is an upper bound. `exclude` leaves out subtrees (the local cluster, when the root is this
 * benchmark's own process and the browser its other child).
 */
export function processTreeRssMb(rootPid: number, exclude: number[] = []): number {
  const parentOf = parents();
  const tree = new Set([rootPid]);
  const skipped = new Set(exclude);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parentOf) {
      if (tree.has(parent) && !tree.has(pid) && !skipped.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let kb = 0;
  for (const pid of tree) kb += rssKb(pid);
  return Math.round(kb / 1024);
}

/** The process trees of `parentPid`'s children, without the parent itself (a browser this process launched). */
export function childTreesRssMb(parentPid: number, exclude: number[] = []): number {
  return processTreeRssMb(parentPid, exclude) - Math.round(rssKb(parentPid) / 1024);
}
