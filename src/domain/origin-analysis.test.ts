import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeClaimOrigins,
  countClaimOrigins,
  countOrigins,
  createEntityResolver,
  nameKey,
  normalizeChain,
  originTree,
  type ClaimOrigins,
  type OriginContext,
} from './origin-analysis';
import type { Actor, AttributionNode, AttributionStep, Mention, Outlet, Stance } from './schemas';

const outlet = (id: string, name: string, aliases: string[] = []): Outlet => ({
  id,
  name,
  aliases,
  kind: 'newspaper',
  url: null,
});
const actor = (id: string, name: string, kind: Actor['kind'] = 'person'): Actor => ({
  id,
  name,
  kind,
  description: '',
});

const OUTLETS = [
  outlet('al-araby-al-jadeed', 'Al-Araby Al-Jadeed', ['The New Arab', 'العربي الجديد']),
  outlet('israel-national-news', 'Israel National News', ['Arutz Sheva']),
  outlet('ibtimes', 'International Business Times', ['IBTimes']),
  outlet('jerusalem-post', 'The Jerusalem Post', ['JPost']),
  outlet('axios', 'Axios'),
  outlet('cnn', 'CNN'),
  outlet('white-house', 'The White House', ['White House']),
];
const ACTORS = [
  actor('egyptian-sources', 'Egyptian sources', 'unnamed-source'),
  actor('senior-official', 'a senior official (told The New Arab)', 'unnamed-source'),
  actor('two-us-officials', 'two U.S. officials', 'unnamed-source'),
  actor('deputy-spokesperson', 'Deputy Spokesperson for the State Department'),
  actor('white-house-office', 'The White House', 'office'),
  actor('sullivan', 'Jake Sullivan'),
  actor('sullivan-again', 'JAKE SULLIVAN'),
  actor('state-department', 'US State Department', 'organization'),
  actor('pentagon', 'The Pentagon', 'organization'),
];

/** Articles are named after their outlet: "inn-1" is published by israel-national-news. */
const PUBLISHERS: Record<string, string> = {
  'inn-1': 'israel-national-news',
  'inn-2': 'israel-national-news',
  'ibt-1': 'ibtimes',
  'jp-1': 'jerusalem-post',
  'cnn-1': 'cnn',
  'axios-1': 'axios',
  'araby-1': 'al-araby-al-jadeed',
  'arab-1': 'the-new-arab',
};

function contextWith(outlets: Outlet[] = OUTLETS, actors: Actor[] = ACTORS): OriginContext {
  return { resolver: createEntityResolver(outlets, actors), publisherOf: (article) => PUBLISHERS[article] };
}

/** "a:egyptian-sources > o:al-araby-al-jadeed > o:israel-national-news"; co-sources "a:state + a:pentagon" */
function chain(text: string): AttributionStep[] {
  if (text === '') return [];
  const node = (part: string): AttributionNode => {
    const [kind, id] = part.split(':') as [string, string];
    return { kind: kind === 'a' ? 'actor' : 'outlet', id };
  };
  return text.split(' > ').map((part) => {
    const sources = part.split(' + ');
    return sources.length > 1 ? { sources: sources.map(node) } : node(part);
  });
}

let counter = 0;
function mention(article: string, stance: Stance, attribution: string): Mention {
  counter += 1;
  return {
    id: `m-${counter}`,
    claim: 'c',
    article,
    stance,
    attribution: chain(attribution),
    spans: [{ article, start: 0, end: 1, exact: 'x', prefix: '', suffix: '' }],
  };
}

const names = (origins: ClaimOrigins, side: keyof ClaimOrigins) =>
  origins[side].map((group) => group.members.map((m) => m.name).join(' ⇄ '));

describe('names', () => {
  it('compares names without case, accents, punctuation or a leading "The"', () => {
    expect(nameKey('The New Arab')).toBe(nameKey('new-arab'));
    expect(nameKey('THE NEW ARAB')).toBe(nameKey('the-new-arab'));
    expect(nameKey('Café Noir')).toBe(nameKey('cafe noir'));
    expect(nameKey('Theatre Weekly')).toBe('theatre weekly');
    expect(nameKey('العربي الجديد')).toBe('العربي الجديد');
  });
});

describe('resolving the links of a chain', () => {
  const { resolver } = contextWith([
    ...OUTLETS,
    // Another story could list the sister edition on its own; its name is an alias of Al-Araby.
    outlet('the-new-arab', 'The New Arab'),
  ]);

  it('makes outlets that share a name or an alias one entity, named after the smallest id', () => {
    const araby = resolver.resolve({ kind: 'outlet', id: 'al-araby-al-jadeed' });
    const arab = resolver.resolve({ kind: 'outlet', id: 'the-new-arab' });
    expect(arab.key).toBe(araby.key);
    expect(arab.name).toBe('Al-Araby Al-Jadeed');
    expect(araby.aliases).toEqual(expect.arrayContaining(['The New Arab', 'العربي الجديد']));
  });

  it('resolves an outlet id that is not listed but reads as an alias', () => {
    const resolved = resolver.resolve({ kind: 'outlet', id: 'new-arab' });
    expect(resolved).toMatchObject({ key: 'outlet:al-araby-al-jadeed', known: true, named: true });
  });

  it('keeps an unknown outlet as an origin of its own, by id', () => {
    expect(resolver.resolve({ kind: 'outlet', id: 'mystery-wire' })).toMatchObject({
      key: 'outlet:mystery-wire',
      name: 'mystery-wire',
      known: false,
      named: true,
    });
  });

  it('makes a named actor the outlet of the same name, and one entity per name otherwise', () => {
    expect(resolver.resolve({ kind: 'actor', id: 'white-house-office' }).key).toBe('outlet:white-house');
    expect(resolver.resolve({ kind: 'actor', id: 'sullivan' }).key).toBe(
      resolver.resolve({ kind: 'actor', id: 'sullivan-again' }).key,
    );
  });

  it('does not name unnamed or unknown actors', () => {
    expect(resolver.resolve({ kind: 'actor', id: 'egyptian-sources' })).toMatchObject({ named: false, known: true });
    expect(resolver.resolve({ kind: 'actor', id: 'ghost' })).toMatchObject({ named: false, known: false });
  });

  it('does not depend on the order of the outlet list', () => {
    const reversed = createEntityResolver([...OUTLETS, outlet('the-new-arab', 'The New Arab')].reverse(), ACTORS);
    expect(reversed.resolve({ kind: 'outlet', id: 'the-new-arab' }).key).toBe('outlet:al-araby-al-jadeed');
  });
});

describe('normalizing a chain', () => {
  const { resolver } = contextWith();
  const keys = (result: ReturnType<typeof normalizeChain>) => result?.links.map((link) => link.id);

  it('completes a chain that does not end with the publishing outlet', () => {
    const result = normalizeChain(chain('a:sullivan'), 'jerusalem-post', resolver);
    expect(keys(result)).toEqual(['sullivan', 'jerusalem-post']);
    expect(result?.issues).toEqual(['missing-publisher']);
  });

  it('turns an empty chain into the publisher speaking for itself', () => {
    const result = normalizeChain([], 'cnn', resolver);
    expect(keys(result)).toEqual(['cnn']);
    expect(result?.issues).toEqual(['empty-chain']);
    expect(normalizeChain([], undefined, resolver)).toBeNull();
  });

  it('cuts a loop back to an earlier link', () => {
    const result = normalizeChain(
      chain('a:sullivan > o:cnn > a:sullivan > o:jerusalem-post'),
      'jerusalem-post',
      resolver,
    );
    expect(keys(result)).toEqual(['sullivan', 'jerusalem-post']);
    expect(result?.issues).toEqual(['loop']);
  });

  it('merges an outlet named twice in a row under two names, without calling it a loop', () => {
    const result = normalizeChain(
      chain('a:egyptian-sources > o:al-araby-al-jadeed > o:new-arab > o:israel-national-news'),
      'israel-national-news',
      resolver,
    );
    expect(keys(result)).toEqual(['egyptian-sources', 'al-araby-al-jadeed', 'israel-national-news']);
    expect(result?.issues).toEqual([]);
    expect(result?.originAt).toBe(1);
  });

  it('flags links the story does not know', () => {
    expect(normalizeChain(chain('a:ghost > o:cnn'), 'cnn', resolver)?.issues).toEqual(['unknown-link']);
  });
});

describe('independent origins', () => {
  const context = contextWith();
  const analyze = (...mentions: Mention[]) => analyzeClaimOrigins(mentions, context);

  it('counts the reported deal once although two outlets relay it (the bundled story)', () => {
    const origins = analyze(
      mention('inn-1', 'reports', 'a:egyptian-sources > o:al-araby-al-jadeed > o:israel-national-news'),
      mention('ibt-1', 'denies', 'a:two-us-officials > o:axios > o:ibtimes'),
      mention('ibt-1', 'reports', 'a:senior-official > o:al-araby-al-jadeed > o:ibtimes'),
      mention('jp-1', 'contradicts', 'a:deputy-spokesperson > o:jerusalem-post'),
    );
    expect(countOrigins(origins)).toEqual({ support: 1, opposition: 2 });
    expect(names(origins, 'support')).toEqual(['Al-Araby Al-Jadeed']);
    const [group] = origins.support;
    expect(group?.routes.map((route) => route.unnamed.map((u) => u.name))).toEqual([
      ['Egyptian sources'],
      ['a senior official (told The New Arab)'],
    ]);
    expect(names(origins, 'opposition')).toEqual(['Axios', 'Deputy Spokesperson for the State Department']);
  });

  it('counts unnamed sources heard through different outlets separately, through the same outlet once', () => {
    expect(
      countOrigins(
        analyze(
          mention('inn-1', 'reports', 'a:two-us-officials > o:axios > o:israel-national-news'),
          mention('ibt-1', 'reports', 'a:two-us-officials > o:cnn > o:ibtimes'),
        ),
      ).support,
    ).toBe(2);
    expect(
      countOrigins(
        analyze(
          mention('inn-1', 'reports', 'a:two-us-officials > o:axios > o:israel-national-news'),
          mention('ibt-1', 'reports', 'a:egyptian-sources > o:axios > o:ibtimes'),
        ),
      ).support,
    ).toBe(1);
  });

  it('makes an unnamed source quoted directly by the publisher part of that publisher', () => {
    const origins = analyze(
      mention('inn-1', 'reports', 'a:two-us-officials > o:israel-national-news'),
      mention('inn-2', 'asserts', 'o:israel-national-news'),
    );
    expect(names(origins, 'support')).toEqual(['Israel National News']);
  });

  it('counts a named source once, whoever relays it and under whichever id', () => {
    const origins = analyze(
      mention('inn-1', 'reports', 'a:sullivan > o:israel-national-news'),
      mention('jp-1', 'reports', 'a:sullivan-again > o:cnn > o:jerusalem-post'),
      mention('cnn-1', 'asserts', 'a:white-house-office > o:cnn'),
      mention('ibt-1', 'reports', 'o:white-house > o:ibtimes'),
    );
    expect(names(origins, 'support').sort()).toEqual(['Jake Sullivan', 'The White House']);
  });

  it('counts an outlet and its alias as one origin, even under an alias id', () => {
    const origins = analyzeClaimOrigins(
      [
        mention('inn-1', 'reports', 'a:egyptian-sources > o:the-new-arab > o:israel-national-news'),
        mention('ibt-1', 'reports', 'a:senior-official > o:al-araby-al-jadeed > o:ibtimes'),
        mention('arab-1', 'asserts', 'o:the-new-arab'),
      ],
      contextWith([...OUTLETS, outlet('the-new-arab', 'The New Arab')]),
    );
    expect(countOrigins(origins).support).toBe(1);
  });

  it('traces a relay back through the relayed outlet’s own coverage', () => {
    const origins = analyze(
      mention('inn-1', 'reports', 'a:sullivan > o:israel-national-news'),
      mention('ibt-1', 'reports', 'o:israel-national-news > o:ibtimes'),
      mention('jp-1', 'reports', 'o:ibtimes > o:jerusalem-post'),
    );
    expect(names(origins, 'support')).toEqual(['Jake Sullivan']);
    const routes = origins.support[0]?.routes ?? [];
    expect(routes.map((route) => route.path.map((link) => link.id))).toEqual([
      ['sullivan', 'israel-national-news'],
      ['sullivan', 'israel-national-news', 'ibtimes'],
      ['sullivan', 'israel-national-news', 'ibtimes', 'jerusalem-post'],
    ]);
    expect(routes.map((route) => route.relayed)).toEqual([false, true, true]);
  });

  it('makes a relayed outlet the origin when its own coverage is not in the story', () => {
    const origins = analyze(
      mention('ibt-1', 'reports', 'o:al-araby-al-jadeed > o:ibtimes'),
      mention('inn-1', 'reports', 'a:egyptian-sources > o:al-araby-al-jadeed > o:israel-national-news'),
    );
    expect(names(origins, 'support')).toEqual(['Al-Araby Al-Jadeed']);
  });

  it('lets a relay go back to every origin of the relayed outlet, adding none', () => {
    const origins = analyze(
      mention('inn-1', 'reports', 'a:sullivan > o:israel-national-news'),
      mention('inn-2', 'asserts', 'o:israel-national-news'),
      mention('ibt-1', 'reports', 'o:israel-national-news > o:ibtimes'),
    );
    expect(names(origins, 'support').sort()).toEqual(['Israel National News', 'Jake Sullivan']);
    const relayed = origins.support.flatMap((group) => group.routes.filter((route) => route.relayed));
    expect(relayed).toHaveLength(2);
  });

  it('does not trace a relay through coverage on the other side', () => {
    const origins = analyze(
      mention('inn-1', 'denies', 'a:sullivan > o:israel-national-news'),
      mention('ibt-1', 'reports', 'o:israel-national-news > o:ibtimes'),
    );
    expect(names(origins, 'support')).toEqual(['Israel National News']);
    expect(names(origins, 'opposition')).toEqual(['Jake Sullivan']);
  });

  it('makes outlets relaying each other in a circle one circular origin', () => {
    const origins = analyze(
      mention('inn-1', 'reports', 'o:ibtimes > o:israel-national-news'),
      mention('ibt-1', 'reports', 'o:israel-national-news > o:ibtimes'),
      mention('jp-1', 'reports', 'o:ibtimes > o:jerusalem-post'),
    );
    expect(origins.support).toHaveLength(1);
    const [circle] = origins.support;
    expect(circle?.circular).toBe(true);
    expect(circle?.members.map((m) => m.id)).toEqual(['ibtimes', 'israel-national-news']);
    expect(circle?.routes.every((route) => route.issues.includes('circular-relay'))).toBe(true);
  });

  it('traces a circle that has an outside source back to that source', () => {
    const origins = analyze(
      mention('inn-1', 'reports', 'o:ibtimes > o:israel-national-news'),
      mention('ibt-1', 'reports', 'o:israel-national-news > o:ibtimes'),
      mention('ibt-1', 'reports', 'a:sullivan > o:ibtimes'),
    );
    expect(names(origins, 'support')).toEqual(['Jake Sullivan']);
  });

  it('survives chains with loops, missing links and unknown ids', () => {
    const origins = analyze(
      mention('inn-1', 'reports', 'a:sullivan > o:cnn > a:sullivan > o:israel-national-news'),
      mention('ibt-1', 'reports', 'a:sullivan'),
      mention('jp-1', 'reports', 'a:ghost > o:mystery-wire > o:jerusalem-post'),
      mention('cnn-1', 'reports', ''),
      mention('no-such-article', 'reports', 'a:egyptian-sources'),
    );
    expect(names(origins, 'support').sort()).toEqual(['CNN', 'Egyptian sources', 'Jake Sullivan', 'mystery-wire']);
    const issues = origins.support.flatMap((group) => group.routes.flatMap((route) => route.issues));
    expect(new Set(issues)).toEqual(new Set(['loop', 'missing-publisher', 'unknown-link', 'empty-chain']));
  });

  it('gives the same origins whatever the order of the mentions', () => {
    const mentions = [
      mention('inn-1', 'reports', 'a:sullivan > o:israel-national-news'),
      mention('ibt-1', 'reports', 'o:israel-national-news > o:ibtimes'),
      mention('jp-1', 'reports', 'o:ibtimes > o:jerusalem-post'),
      mention('cnn-1', 'reports', 'o:jerusalem-post > o:cnn'),
      mention('axios-1', 'reports', 'a:two-us-officials > o:axios'),
    ];
    const expected = names(analyzeClaimOrigins(mentions, context), 'support').sort();
    expect(expected).toEqual(['Axios', 'Jake Sullivan']);
    for (let shift = 1; shift < mentions.length; shift += 1) {
      const rotated = [...mentions.slice(shift), ...mentions.slice(0, shift)];
      expect(names(analyzeClaimOrigins(rotated, context), 'support').sort()).toEqual(expected);
      expect(names(analyzeClaimOrigins([...rotated].reverse(), context), 'support').sort()).toEqual(expected);
    }
  });

  it('handles a long relay chain without recursion limits', () => {
    const outlets = Array.from({ length: 1000 }, (_, i) => outlet(`o${i}`, `Outlet ${i}`));
    const publishers = Object.fromEntries(outlets.map((o) => [`art-${o.id}`, o.id]));
    const big: OriginContext = {
      resolver: createEntityResolver(outlets, ACTORS),
      publisherOf: (article) => publishers[article],
    };
    const mentions = outlets.map((o, i) =>
      mention(`art-${o.id}`, 'reports', i === 0 ? 'a:sullivan > o:o0' : `o:o${i - 1} > o:${o.id}`),
    );
    const origins = analyzeClaimOrigins(mentions, big);
    expect(names(origins, 'support')).toEqual(['Jake Sullivan']);
  });
});

describe('co-sources in one step', () => {
  const context = contextWith();
  const analyze = (...mentions: Mention[]) => analyzeClaimOrigins(mentions, context);

  it('counts a statement by two offices as one origin with two voices', () => {
    const origins = analyze(mention('jp-1', 'reports', 'a:state-department + a:pentagon > o:jerusalem-post'));
    expect(countOrigins(origins).support).toBe(1);
    const [group] = origins.support;
    expect(group?.members.map((m) => m.name)).toEqual(['The Pentagon and US State Department']);
    expect(group?.voices.map((v) => v.id).sort()).toEqual(['pentagon', 'state-department']);
    expect(group?.routes[0]?.path.map((link) => link.id)).toEqual(['pentagon+state-department', 'jerusalem-post']);
  });

  it('makes one origin of a joint statement and either voice alone, whoever relays them', () => {
    const origins = analyze(
      mention('jp-1', 'reports', 'a:state-department + a:pentagon > o:jerusalem-post'),
      mention('inn-1', 'reports', 'a:pentagon > o:israel-national-news'),
      mention('cnn-1', 'reports', 'a:state-department > o:cnn'),
      mention('ibt-1', 'reports', 'a:sullivan > o:ibtimes'),
    );
    expect(countOrigins(origins).support).toBe(2);
    const joint = origins.support.find((group) => group.voices.length > 1);
    expect(joint?.routes.map((route) => route.mention.article).sort()).toEqual(['cnn-1', 'inn-1', 'jp-1']);
  });

  it('reads the same in any order of the co-sources, and a group of one entity as that entity', () => {
    const one = analyze(mention('jp-1', 'reports', 'a:state-department + a:pentagon > o:jerusalem-post'));
    const other = analyze(mention('jp-1', 'reports', 'a:pentagon + a:state-department > o:jerusalem-post'));
    expect(one.support[0]?.id).toBe(other.support[0]?.id);
    const same = analyze(mention('jp-1', 'reports', 'a:sullivan + a:sullivan-again > o:jerusalem-post'));
    expect(same.support[0]?.members.map((m) => m.name)).toEqual(['Jake Sullivan']);
  });

  it('counts the same without routes as with them when steps hold co-sources', () => {
    const mentions = [
      mention('jp-1', 'reports', 'a:state-department + a:pentagon > o:jerusalem-post'),
      mention('cnn-1', 'reports', 'a:state-department > o:cnn'),
    ];
    expect(countClaimOrigins(mentions, context)).toEqual({ support: 1, opposition: 0 });
  });
});

describe('origin trees', () => {
  it('draws shared links once, with the mentions where their chains end', () => {
    const origins = analyzeClaimOrigins(
      [
        mention('inn-1', 'reports', 'a:sullivan > o:israel-national-news'),
        mention('ibt-1', 'reports', 'o:israel-national-news > o:ibtimes'),
        mention('jp-1', 'reports', 'a:sullivan > o:jerusalem-post'),
      ],
      contextWith(),
    );
    const [group] = origins.support;
    if (!group) throw new Error('expected one origin');
    const [root] = originTree(group);
    expect(root?.node.name).toBe('Jake Sullivan');
    expect(root?.mentions).toEqual([]);
    expect(root?.children.map((child) => child.node.id)).toEqual(['israel-national-news', 'jerusalem-post']);
    const inn = root?.children[0];
    expect(inn?.mentions.map((m) => m.mention.article)).toEqual(['inn-1']);
    expect(inn?.children.map((child) => [child.node.id, child.mentions[0]?.relayed])).toEqual([['ibtimes', true]]);
  });
});

describe('counting origins on arbitrary chains', () => {
  const context = contextWith();
  const nodeIds = [
    'o:al-araby-al-jadeed',
    'o:new-arab',
    'o:israel-national-news',
    'o:ibtimes',
    'o:jerusalem-post',
    'o:axios',
    'o:cnn',
    'o:mystery-wire',
    'a:egyptian-sources',
    'a:two-us-officials',
    'a:sullivan',
    'a:sullivan-again',
    'a:white-house-office',
    'a:ghost',
    'a:state-department + a:pentagon',
    'a:state-department',
  ];
  const mentions = fc.array(
    fc.record({
      article: fc.constantFrom(...Object.keys(PUBLISHERS), 'no-such-article'),
      stance: fc.constantFrom<Stance>('asserts', 'reports', 'denies', 'contradicts'),
      chain: fc.array(fc.constantFrom(...nodeIds), { maxLength: 5 }),
    }),
    { maxLength: 12 },
  );
  const build = (drawn: { article: string; stance: Stance; chain: string[] }[]) =>
    drawn.map((m, i) => ({ ...mention(m.article, m.stance, m.chain.join(' > ')), id: `m${i}` }));

  it('counts the same without routes as with them, in any order of the mentions', () => {
    fc.assert(
      fc.property(mentions, (drawn) => {
        const built = build(drawn);
        const full = countOrigins(analyzeClaimOrigins(built, context));
        expect(countClaimOrigins(built, context)).toEqual(full);
        expect(countOrigins(analyzeClaimOrigins([...built].reverse(), context))).toEqual(full);
      }),
      { numRuns: 400 },
    );
  });

  it('routes every mention with a known publisher to at least one origin, ending at its publisher', () => {
    fc.assert(
      fc.property(mentions, (drawn) => {
        const built = build(drawn).filter((m) => m.article in PUBLISHERS);
        const origins = analyzeClaimOrigins(built, context);
        const routed = new Set(
          [...origins.support, ...origins.opposition].flatMap((g) => g.routes.map((r) => r.mention.id)),
        );
        expect(routed).toEqual(new Set(built.map((m) => m.id)));
        for (const group of [...origins.support, ...origins.opposition]) {
          for (const route of group.routes) {
            const publisher = context.resolver.resolve({
              kind: 'outlet',
              id: PUBLISHERS[route.mention.article] as string,
            });
            expect(route.path[route.path.length - 1]?.key).toBe(publisher.key);
            expect(group.members.map((m) => m.key)).toContain(route.path[0]?.key);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
