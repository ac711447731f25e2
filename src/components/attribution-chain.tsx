import { stepSources, type AttributionStep } from '@/domain/schemas';
import { formatAttribution, stepName, type AnyStoryIndex } from '@/domain/story-index';

/**
 * A chain as a reader says it: "Egyptian sources → Al-Araby Al-Jadeed → Israel National News",
 * one line of text; a step of co-sources is named together and then said to be one statement.
 */
export function AttributionChain({ chain, index }: { chain: readonly AttributionStep[]; index: AnyStoryIndex }) {
  const joint = chain.filter((step) => stepSources(step).length > 1);
  return (
    <>
      <span className="chain">{formatAttribution(index, chain)}</span>
      {joint.map((step, i) => (
        <span key={i} className="chain__joint">
          {' '}
          ({stepName(index, step)} made one statement together)
        </span>
      ))}
    </>
  );
}
