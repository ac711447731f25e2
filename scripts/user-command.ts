import { parseArgs } from 'node:util';
import { roleSchema, usernameSchema, type Role } from '@/domain/schemas';
import { DEFAULT_SCRYPT_COST, hashPassword, passwordProblem, type ScryptCost } from '../server/auth/password';
import type { Store } from '../server/store/store';

export const USER_USAGE = `Manage Parallax accounts (reading needs none; editors change verdicts; admins too).

  npm run user -- add NAME --role editor|admin|reader   create an account
  npm run user -- passwd NAME                           set a new password (ends its sessions)
  npm run user -- role NAME --role editor|admin|reader  change what an account may do
  npm run user -- remove NAME                           remove an account (its history stays)
  npm run user -- list                                  list the accounts

The password is asked for at the prompt, or read from the first line of stdin:
  printf '%s\\n' "$PASSWORD" | npm run user -- add alice --role editor
It is never taken from the command line. PARALLAX_DB names the database (data/parallax.db).`;

export type UserCommandIo = {
  /** Reads a new password: typed twice at a prompt, or the first line of piped input. */
  readNewPassword(forWhom: string): Promise<string>;
  out(line: string): void;
  err(line: string): void;
};

const PASSWORD_FLAG = /^(--?p(ass(word)?)?|--pw|--secret)(=|$)/i;

/** Runs one `npm run user` command against a store; returns the process exit code. */
export async function runUserCommand(
  argv: string[],
  store: Store,
  io: UserCommandIo,
  { cost = DEFAULT_SCRYPT_COST, now = () => new Date() }: { cost?: ScryptCost; now?: () => Date } = {},
): Promise<number> {
  const fail = (message: string) => {
    io.err(`error: ${message}`);
    return 1;
  };
  if (argv.some((arg) => PASSWORD_FLAG.test(arg))) {
    return fail(
      'passwords are never taken from the command line, where the shell history and the process list keep them; ' +
        'type it at the prompt or pipe it on stdin',
    );
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { role: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${USER_USAGE}`);
  }
  const [command, name, ...extra] = parsed.positionals;
  if (parsed.values.help || !command) {
    io.out(USER_USAGE);
    return parsed.values.help ? 0 : 1;
  }
  if (extra.length > 0) return fail(`unexpected "${extra.join(' ')}"\n\n${USER_USAGE}`);

  const readRole = (): { role: Role } | { problem: string } => {
    const result = roleSchema.safeParse(parsed.values.role);
    if (result.success) return { role: result.data };
    const given = parsed.values.role;
    return { problem: `--role must be editor, admin or reader${given === undefined ? '' : `, not "${given}"`}` };
  };
  const readName = (): { username: string } | { problem: string } => {
    if (!name) return { problem: `name the account: npm run user -- ${command} NAME` };
    const result = usernameSchema.safeParse(name.toLowerCase());
    if (result.success) return { username: result.data };
    return { problem: `NAME ${result.error.issues[0]?.message ?? 'is invalid'}` };
  };
  const newPasswordHash = async (username: string) => {
    const password = await io.readNewPassword(username);
    const problem = passwordProblem(password);
    if (problem) throw new Error(`the password ${problem}`);
    return hashPassword(password, cost);
  };

  if (command === 'list') {
    if (name) return fail(`unexpected "${name}"`);
    const accounts = await store.listAccounts();
    if (accounts.length === 0) io.out('No accounts yet. Create one: npm run user -- add NAME --role editor');
    for (const account of accounts) io.out(`${account.username}\t${account.role}\tsince ${account.createdAt}`);
    return 0;
  }

  if (!['add', 'passwd', 'role', 'remove'].includes(command)) {
    return fail(`unknown command "${command}"\n\n${USER_USAGE}`);
  }
  const named = readName();
  if ('problem' in named) return fail(named.problem);
  const { username } = named;
  const existing = await store.getAccount(username);
  if (command !== 'add' && !existing) return fail(`there is no account "${username}"`);

  try {
    switch (command) {
      case 'add': {
        const wanted = readRole();
        if ('problem' in wanted) return fail(wanted.problem);
        const { role } = wanted;
        if (existing) return fail(`the account "${username}" exists; use passwd or role to change it`);
        const passwordHash = await newPasswordHash(username);
        const created = await store.createAccount({
          username,
          role,
          passwordHash,
          createdAt: now().toISOString(),
        });
        if (created === 'exists') return fail(`the account "${username}" exists`);
        io.out(`Created ${username} (${role}). Sign in from the app's header.`);
        return 0;
      }
      case 'passwd': {
        await store.updateAccount(username, { passwordHash: await newPasswordHash(username) });
        const ended = await store.deleteSessionsOf(username);
        io.out(`Changed the password of ${username}${ended ? `; signed out ${ended} session(s)` : ''}.`);
        return 0;
      }
      case 'role': {
        const wanted = readRole();
        if ('problem' in wanted) return fail(wanted.problem);
        await store.updateAccount(username, { role: wanted.role });
        io.out(`${username} is now ${wanted.role}.`);
        return 0;
      }
      default: {
        await store.deleteAccount(username);
        io.out(`Removed ${username}; the verdicts and history it wrote keep its name.`);
        return 0;
      }
    }
  } catch (error) {
    return fail((error as Error).message);
  }
}
