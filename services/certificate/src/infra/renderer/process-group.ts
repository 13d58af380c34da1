/**
 * Puppeteer starts Chromium detached (its own process group): killing the group takes its renderer and GPU
 * processes with it. Used by the render process (a browser that will not close) and by the service (the browser
 * of a render process that died without closing it).
 */
export function killProcessGroup(pid: number): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
