import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

const cheap = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery', cheap);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[\w+/=]+\$[\w+/=]+$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password', cheap)).not.toBe(await hashPassword('same password', cheap));
  });

  it('reads its cost from the stored hash, so a cost change keeps old hashes valid', async () => {
    const stronger = await hashPassword('correct horse battery', { N: 2048, r: 8, p: 1 });
    expect(await verifyPassword('correct horse battery', stronger)).toBe(true);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const hash = await hashPassword('caf\u00e9 au lait!', cheap);
    expect(await verifyPassword('cafe\u0301 au lait!', hash)).toBe(true);
  });

  it('refuses malformed hashes instead of throwing', async () => {
    for (const stored of ['', 'plain', 'bcrypt$x', 'scrypt$0$8$1$AA==$AA==', 'scrypt$1024$8$1$AA==$short']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });

  it('asks for a password of at least 10 characters without surrounding space', () => {
    expect(passwordProblem('short')).toMatch(/at least 10/);
    expect(passwordProblem(' padded password ')).toMatch(/white space/);
    expect(passwordProblem('long enough password')).toBeNull();
  });
});
