/** `npm run db:migrate | db:backup | db:copy | db:prune-log` (see DB_USAGE). */
import { readConfig } from '../server/config';
import { runDbCommand } from './db-command';

const [command = '', ...argv] = process.argv.slice(2);
const config = readConfig(process.env, process.cwd());
process.exitCode = await runDbCommand(command, argv, config, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
