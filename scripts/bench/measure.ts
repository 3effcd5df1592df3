/**
 * How every bench figure is taken and printed: the first call (cold: nothing cached, JIT not
 * settled) apart from the warm runs, p50 and p99 of those, and a plain mark on each target.
 * Figures are printed, never asserted; the closing line counts the targets missed.
 */
export interface Timing {
  first: number;
  p50: number;
  p99: number;
  runs: number;
}

export interface Target {
  p50?: number;
  p99?: number;
}

const missed: string[] = [];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Times `run` once cold, then `warmup` untimed runs, then `runs` timed ones. */
export async function measure(run: () => unknown, { runs = 30, warmup = 0 }: { runs?: number; warmup?: number } = {}): Promise<Timing> {
  let start = performance.now();
  await run();
  const first = performance.now() - start;
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { first, p50: percentile(times, 50), p99: percentile(times, 99), runs };
}

/** A Timing from samples taken elsewhere (e.g. inside a page): the first is the cold one. */
export function fromSamples([first, ...rest]: number[]): Timing {
  const sorted = [...rest].sort((a, b) => a - b);
  return { first, p50: percentile(sorted, 50), p99: percentile(sorted, 99), runs: sorted.length };
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`;
}

/** One line per figure; a target missed is marked ✗ and counted for the closing summary. */
export function report(label: string, timing: Timing, target: Target = {}): void {
  const goals: string[] = [];
  let ok = true;
  for (const key of ['p50', 'p99'] as const) {
    const goal = target[key];
    if (goal === undefined) continue;
    const met = timing[key] < goal;
    ok &&= met;
    goals.push(`${key} < ${ms(goal)} ${met ? '✓' : '✗'}`);
  }
  if (!ok) missed.push(label.trim());
  const goalText = goals.length ? `  目标 ${goals.join(',')}${ok ? '' : '  ✗ 未达标'}` : '';
  console.log(`${label}:首次 ${ms(timing.first)} · p50 ${ms(timing.p50)} · p99 ${ms(timing.p99)}(${timing.runs} 次)${goalText}`);
}

/** A ratio between two figures, with its target (e.g. "≥ 20×") marked like the timings. */
export function reportRatio(label: string, ratio: number, atLeast?: number): void {
  const met = atLeast === undefined || ratio >= atLeast;
  if (!met) missed.push(label.trim());
  const goal = atLeast === undefined ? '' : `  目标 ≥ ${atLeast}× ${met ? '✓' : '✗  ✗ 未达标'}`;
  console.log(`${label}:${ratio.toFixed(1)}×${goal}`);
}

export function heading(text: string): void {
  console.log(`\n== ${text} ==`);
}

export function summary(): void {
  console.log(missed.length ? `\n未达标 ${missed.length} 项:${missed.join(';')}` : '\n全部目标达成');
}

/** A figure measured against a target of its own kind (a frame-time percentile, a load time), marked like the timings. */
export function reportFigure(label: string, figures: string, goal: string, met: boolean): void {
  if (!met) missed.push(label.trim());
  console.log(`${label}:${figures}  目标 ${goal} ${met ? '✓' : '✗  ✗ 未达标'}`);
}

/** The p-th percentile of unsorted samples. */
export function percentileOf(samples: number[], p: number): number {
  return percentile([...samples].sort((a, b) => a - b), p);
}
