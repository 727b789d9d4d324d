// Progress of long work: a bar on a terminal, one line per 1,000 items otherwise (logs, CI).
import cliProgress from 'cli-progress';

export interface Progress {
  start(label: string, total: number): void;
  advance(count?: number): void;
  finish(): void;
}

export const silentProgress: Progress = { start() {}, advance() {}, finish() {} };

/** A progress reporter for commands: a bar when stdout is a terminal, else a line every `every` items. */
export function createProgress(stream: NodeJS.WriteStream = process.stdout, every = 1000): Progress {
  if (stream.isTTY) {
    let bar: cliProgress.SingleBar | undefined;
    return {
      start(label, total) {
        bar = new cliProgress.SingleBar(
          { format: `${label.padEnd(28)} [{bar}] {percentage}% | {value}/{total} | {duration}s`, stream },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      },
      advance(count = 1) {
        bar?.increment(count);
      },
      finish() {
        bar?.stop();
      },
    };
  }
  let label = '';
  let total = 0;
  let done = 0;
  let lastReported = 0;
  return {
    start(newLabel, newTotal) {
      label = newLabel;
      total = newTotal;
      done = 0;
      lastReported = 0;
      stream.write(`${label}: 0/${total}\n`);
    },
    advance(count = 1) {
      done += count;
      if (done - lastReported >= every) {
        lastReported = done - (done % every);
        stream.write(`${label}: ${done}/${total}\n`);
      }
    },
    finish() {
      stream.write(`${label}: ${done}/${total} done\n`);
    },
  };
}
