import { stepSources, type AttributionStep } from '../domain/schemas';
import { stepName, type StoryIndex } from '../domain/story-index';

/**
 * A chain as a reader says it: "Egyptian sources → Al-Araby Al-Jadeed → Israel National News",
 * with a step of co-sources named together and marked as one joint statement.
 */
export function AttributionChain({ chain, index }: { chain: readonly AttributionStep[]; index: StoryIndex }) {
  return (
    <>
      {chain.map((step, i) => (
        <span key={i} className="chain__step">
          {i > 0 ? <span aria-hidden="true"> → </span> : null}
          {i > 0 ? <span className="visually-hidden"> to </span> : null}
          {stepName(index, step)}
          {stepSources(step).length > 1 ? <span className="chain__joint"> (jointly)</span> : null}
        </span>
      ))}
    </>
  );
}
