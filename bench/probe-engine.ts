/**
 * Probe-engine benchmark: Synack's `probe('tcp', …)` against a bare `net.connect` loop (the
 * floor for Node), side by side in one run, against loopback listeners held by a child process.
 * Three load shapes: a sustained window of probes in flight (throughput and CPU per probe),
 * one probe at a time (measurement overhead with no queueing), and 1,000 targets paced at 1 s.
 */
import { startListeners } from './lib/listeners.ts';
import { countersSince, describeLimits, portLimits, tcpCounters, type TcpCounters } from './lib/loopback.ts';
import { fmt } from './lib/report.ts';
import type { Check, Section, SectionReport } from './lib/section.ts';
import { bareDial, synackDial, type Variant } from './probe-engine/dialers.ts';
import { runPaced, runWindow } from './probe-engine/load.ts';
import { DISTURBED_REST_PERCENT, runRounds, type Figures } from './probe-engine/rounds.ts';
import { figuresTable } from './probe-engine/tables.ts';

// Even round counts, so each variant goes first equally often; short rounds, so a burst of
// other work on the machine spoils few of them and the medians shrug it off.
const SUSTAINED = { targets: 16, inFlight: 64, rounds: 6, seconds: 1.5 } as const;
const SERIAL = { targets: 16, inFlight: 1, rounds: 4, seconds: 1 } as const;
const PACED = { targets: 1000, intervalMs: 1000, rounds: 4, seconds: 3 } as const;
const WARMUP_SECONDS = 1;

const TARGETS = {
  rate: 20_000,
  cpuRatio: 1.2,
  overheadP50Us: 50,
  overheadP99Us: 500,
  pacedShare: 0.99,
} as const;

const VARIANTS: readonly [Variant, Variant] = [
  { name: 'bare net.connect', dial: bareDial },
  { name: 'Synack probe()', dial: synackDial },
];
const NAMES = [VARIANTS[0].name, VARIANTS[1].name] as const;

type Pair = readonly [Figures, Figures];

function pair(figures: readonly Figures[]): Pair {
  return [figures[0]!, figures[1]!];
}

function overheadChecks(label: string, [bare, synack]: Pair): Check[] {
  const p50Us = (synack.connectP50Ms - bare.connectP50Ms) * 1000;
  const p99Us = (synack.connectP99Ms - bare.connectP99Ms) * 1000;
  return [
    { name: `${label}: overhead median`, target: `≤ ${TARGETS.overheadP50Us} µs`, measured: fmt.deltaUs(p50Us / 1000), pass: p50Us <= TARGETS.overheadP50Us },
    { name: `${label}: overhead p99`, target: `≤ ${TARGETS.overheadP99Us} µs`, measured: fmt.deltaUs(p99Us / 1000), pass: p99Us <= TARGETS.overheadP99Us },
  ];
}

function disturbanceNotes(scenarios: readonly (readonly [string, Pair])[]): string[] {
  const notes: string[] = [];
  for (const [name, figures] of scenarios) {
    const leftOut = figures.map((f, i) => [NAMES[i]!, f.rounds - f.roundsUsed, f.rounds] as const).filter(([, count]) => count > 0);
    if (leftOut.length > 0) {
      notes.push(`${name}: left out ${leftOut.map(([variant, count, of]) => `${count} of ${of} ${variant} rounds`).join(' and ')}, disturbed by other work (rest of machine > ${DISTURBED_REST_PERCENT}% of a core).`);
    }
    const rest = Math.max(...figures.map((f) => f.restCpuPercent));
    if (rest > DISTURBED_REST_PERCENT) {
      notes.push(`DISTURBED: other work competed for the CPU during most ${name} rounds (${fmt.fixed(rest, 0)}% of a core); those figures are noisy, rerun on a quiet machine.`);
    }
  }
  return notes;
}

/** What the kernel says about ports, TIME_WAIT and the listeners: a limit is reported, never hidden. */
function limitNotes(all: readonly Figures[], counters: TcpCounters | undefined): string[] {
  const limits = portLimits();
  const notes = [describeLimits(limits)];
  const portErrors = all.reduce((sum, f) => sum + (f.errors.get('EADDRNOTAVAIL') ?? 0) + (f.errors.get('EADDRINUSE') ?? 0), 0);
  if (portErrors > 0) notes.push(`LIMIT: ${fmt.count(portErrors)} connects failed for want of a local port (EADDRNOTAVAIL/EADDRINUSE): ephemeral ports, not the engine, capped the rate.`);
  const maxTw = Math.max(...all.map((f) => f.maxTimeWait ?? 0));
  if (limits) notes.push(`TIME_WAIT peaked at ${fmt.count(maxTw)} sockets (tcp_max_tw_buckets ${fmt.count(limits.maxTwBuckets)}).`);
  if (counters) {
    notes.push(
      `kernel counters over the run (system-wide): ${fmt.count(counters.timeWaitOverflow)} closes skipped TIME_WAIT (table full), ` +
        `${fmt.count(counters.timeWaitReused)} connects reused a TIME_WAIT port, ${fmt.count(counters.listenOverflows)} listen-queue overflows, ` +
        `${fmt.count(counters.synRetransmits)} SYN retransmits.`,
    );
    if (counters.timeWaitOverflow > 0 && portErrors === 0) {
      notes.push('With the TIME_WAIT table full the kernel closes without TIME_WAIT, so ports never ran short: TIME_WAIT did not cap the rate.');
    }
    if (counters.listenOverflows + counters.listenDrops > 0) {
      notes.push(`LIMIT: ${fmt.count(counters.listenOverflows + counters.listenDrops)} SYNs dropped at full accept queues: the listener side, not the engine, capped the rate.`);
    }
    if (counters.synRetransmits > 0) notes.push(`${fmt.count(counters.synRetransmits)} SYN retransmits (ours or another process's on this network namespace): a connect that needed one took ≥ 1 s.`);
  }
  return notes;
}

async function run(log: (line: string) => void): Promise<SectionReport> {
  const listeners = await startListeners(PACED.targets);
  const countersBefore = tcpCounters();
  try {
    const host = listeners.host;
    const sixteen = listeners.ports.slice(0, SUSTAINED.targets);

    log(`warm-up: ${WARMUP_SECONDS} s per variant`);
    for (const variant of VARIANTS) await runWindow(variant.dial, host, sixteen, SUSTAINED.inFlight, WARMUP_SECONDS * 1000);

    log(`sustained: ${SUSTAINED.targets} targets, ${SUSTAINED.inFlight} in flight, ${SUSTAINED.rounds} rounds × ${SUSTAINED.seconds} s per variant`);
    const sustained = pair(await runRounds((dial) => runWindow(dial, host, sixteen, SUSTAINED.inFlight, SUSTAINED.seconds * 1000), VARIANTS, listeners, SUSTAINED.rounds, log));

    log(`one at a time: ${SERIAL.targets} targets, ${SERIAL.rounds} rounds × ${SERIAL.seconds} s per variant`);
    const serial = pair(await runRounds((dial) => runWindow(dial, host, sixteen, SERIAL.inFlight, SERIAL.seconds * 1000), VARIANTS, listeners, SERIAL.rounds, log));

    log(`paced: ${PACED.targets} targets every ${PACED.intervalMs} ms, ${PACED.rounds} rounds × ${PACED.seconds} s per variant`);
    const pacedRate = (PACED.targets * 1000) / PACED.intervalMs;
    const paced = pair(await runRounds((dial) => runPaced(dial, host, listeners.ports, PACED.intervalMs, PACED.seconds * 1000), VARIANTS, listeners, PACED.rounds, log));

    const countersAfter = tcpCounters();
    const counters = countersBefore && countersAfter ? countersSince(countersBefore, countersAfter) : undefined;
    const cpuRatio = sustained[1].cpuPer1000 / sustained[0].cpuPer1000;
    const checks: Check[] = [
      { name: 'sustained: Synack probes/s', target: `≥ ${fmt.count(TARGETS.rate)}/s`, measured: `${fmt.count(sustained[1].rate)}/s`, pass: sustained[1].rate >= TARGETS.rate },
      { name: 'sustained: CPU per probe vs bare', target: `≤ ${fmt.ratio(TARGETS.cpuRatio)}`, measured: fmt.ratio(cpuRatio), pass: cpuRatio <= TARGETS.cpuRatio },
      ...overheadChecks('one at a time', serial),
      ...overheadChecks('paced', paced),
      { name: 'paced: Synack achieved rate', target: `≥ ${fmt.count(pacedRate * TARGETS.pacedShare)}/s`, measured: `${fmt.fixed(paced[1].rate, 1)}/s`, pass: paced[1].rate >= pacedRate * TARGETS.pacedShare },
    ];
    const inFlightMs = (SUSTAINED.inFlight * 1000) / sustained[1].rate - (SUSTAINED.inFlight * 1000) / sustained[0].rate;
    return {
      tables: [
        figuresTable(`Sustained: ${SUSTAINED.targets} targets, ${SUSTAINED.inFlight} in flight, ${SUSTAINED.rounds} rounds × ${SUSTAINED.seconds} s per variant`, NAMES, sustained, false),
        figuresTable(`One at a time: ${SERIAL.targets} targets, 1 in flight, ${SERIAL.rounds} rounds × ${SERIAL.seconds} s per variant`, NAMES, serial, false),
        figuresTable(`Paced: ${fmt.count(PACED.targets)} targets every ${PACED.intervalMs / 1000} s (${fmt.count(pacedRate)} probes/s scheduled), ${PACED.rounds} rounds × ${PACED.seconds} s per variant`, NAMES, paced, true),
      ],
      checks,
      notes: [
        'Figures are medians of the rounds used; connect quantiles pool every probe of those rounds. Rounds alternate the variant order.',
        'CPU figures are the measuring (client) process; "rest of machine" is every core\'s busy time minus client and listener: softirq for the loopback traffic plus any other process.',
        `Sustained connect times are queueing at saturation (Little's law: ${SUSTAINED.inFlight} in flight ÷ rate): Synack's slower rate alone accounts for ${fmt.deltaUs(inFlightMs)}, so the overhead targets are judged one at a time and paced.`,
        ...limitNotes([...sustained, ...serial, ...paced], counters),
        ...disturbanceNotes([['sustained', sustained], ['one at a time', serial], ['paced', paced]]),
      ],
    };
  } finally {
    await listeners.close();
  }
}

export const section: Section = {
  name: 'probe-engine',
  summary: "Synack probe('tcp') vs bare net.connect on loopback: rate, CPU, event-loop lag, measurement overhead",
  run,
};
