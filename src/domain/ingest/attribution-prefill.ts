import type { Actor, AttributionNode, CharRange, Outlet } from '../schemas';
import { foldText } from '../text-folding';

type Phrase = { range: CharRange; source: string; recipient: string | null };
type FoundName = { range: CharRange; text: string; kind: 'actor' | 'outlet'; id: string };

const comparable = (text: string) => foldText(text).replace(/^(?:the|a|an) /, '');

/**
 * The attribution chain an accepted sentence most likely has, from the attribution phrases
 * found in it: "a senior official told Al-Araby Al-Jadeed" → the official → Al-Araby
 * Al-Jadeed → the publishing outlet. Only known actors and outlets are named (the phrase's
 * words are a known name, or hold a name found in the text); the publisher always ends it.
 * The editor corrects it before accepting.
 */
export function prefillChain(
  sentence: CharRange,
  phrases: readonly Phrase[],
  names: readonly FoundName[],
  known: { actors: Iterable<Actor>; outlets: Iterable<Outlet> },
  publisher: string,
): AttributionNode[] {
  const byName = new Map<string, AttributionNode>();
  for (const actor of known.actors) byName.set(comparable(actor.name), { kind: 'actor', id: actor.id });
  for (const outlet of known.outlets)
    for (const name of [outlet.name, ...outlet.aliases])
      byName.set(comparable(name), { kind: 'outlet', id: outlet.id });

  const chain: AttributionNode[] = [];
  const push = (node: AttributionNode | null) => {
    if (!node || (node.kind === 'outlet' && node.id === publisher)) return;
    if (chain.some((n) => n.kind === node.kind && n.id === node.id)) return;
    chain.push(node);
  };
  const resolve = (words: string, phrase: Phrase): AttributionNode | null => {
    const key = comparable(words);
    const direct = byName.get(key);
    if (direct) return direct;
    const found = names.find(
      (n) => n.range[0] >= phrase.range[0] && n.range[1] <= phrase.range[1] && key.includes(comparable(n.text)),
    );
    return found ? { kind: found.kind, id: found.id } : null;
  };
  for (const phrase of phrases) {
    if (phrase.range[0] < sentence[0] || phrase.range[1] > sentence[1]) continue;
    push(resolve(phrase.source, phrase));
    if (phrase.recipient) push(resolve(phrase.recipient, phrase));
  }
  return [...chain, { kind: 'outlet', id: publisher }];
}
