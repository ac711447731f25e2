/** A corpus file that does not hold: names the file and the field, so a reviewer can fix it. */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${problem}`);
    this.name = 'CorpusError';
  }

  static fromZod(
    file: string,
    error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] },
  ): CorpusError {
    const issue = error.issues[0];
    const field = issue ? formatPath(issue.path) : '';
    const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
    return new CorpusError(file, field, `${issue?.message ?? 'invalid'}${more}`);
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
