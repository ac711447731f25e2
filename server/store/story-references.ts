import { stepSources, type ArticleMeta, type Mention, type StoryEvent } from '@/domain/schemas';

/** The outlets and actors a story's bundle must carry: those its articles, chains and events name. */
export function referencedBy(
  articles: ArticleMeta[],
  mentions: Mention[],
  events: StoryEvent[],
): { outlets: Set<string>; actors: Set<string> } {
  const outlets = new Set(articles.map((a) => a.outlet));
  const actors = new Set<string>();
  for (const mention of mentions) {
    for (const step of mention.attribution) {
      for (const node of stepSources(step)) (node.kind === 'outlet' ? outlets : actors).add(node.id);
    }
  }
  for (const event of events) for (const id of event.participants) actors.add(id);
  return { outlets, actors };
}
