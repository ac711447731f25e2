import { stanceSchema, type Stance } from '@/domain/schemas';

const STANCE_HINTS: Record<Stance, string> = {
  asserts: 'asserts (the outlet says it)',
  reports: 'reports (the outlet relays it)',
  denies: 'denies (a source says it is false)',
  contradicts: 'contradicts (the text says otherwise)',
};

/** The stance a piece of evidence takes on its claim. */
export function StanceField({ value, onChange }: { value: Stance; onChange: (stance: Stance) => void }) {
  return (
    <label>
      Stance
      <select value={value} onChange={(e) => onChange(stanceSchema.parse(e.target.value))}>
        {stanceSchema.options.map((stance) => (
          <option key={stance} value={stance}>
            {STANCE_HINTS[stance]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A refusal, read out as soon as it shows. */
export function DeskError({ error, id }: { error: string | null; id?: string }) {
  return error ? (
    <p role="alert" id={id} className="pane-desk__error">
      {error}
    </p>
  ) : null;
}
