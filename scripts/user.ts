/**
 * `npm run user -- …`: account management from the command line (see USER_USAGE). Works
 * while the server runs: both open the same SQLite file, and the server reads accounts and
 * sessions from it on every request.
 */
import { createInterface } from 'node:readline';
import { readConfig } from '../server/config';
import { openStore } from '../server/store/open-store';
import { runUserCommand } from './user-command';

/** Reads a line from the terminal without echoing it. */
function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { stdin, stdout } = process;
    stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let input = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stdout.write('\n');
      if (error) reject(error);
      else resolve(input);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004') return finish(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') input = [...input].slice(0, -1).join('');
        else input += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function firstLineOfStdin(): Promise<string> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new Error('no password on stdin');
}

async function readNewPassword(forWhom: string): Promise<string> {
  if (!process.stdin.isTTY) return firstLineOfStdin();
  const first = await promptHidden(`New password for ${forWhom}: `);
  const again = await promptHidden('Again: ');
  if (first !== again) throw new Error('the two passwords differ');
  return first;
}

const config = readConfig(process.env, process.cwd());
const store = await openStore(config);
try {
  process.exitCode = await runUserCommand(process.argv.slice(2), store, {
    readNewPassword,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
} finally {
  await store.close();
}
