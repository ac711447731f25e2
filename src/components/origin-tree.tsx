import { useId, useMemo } from 'react';
import {
  analyzeClaimOrigins,
  originContextFor,
  originName,
  originTree,
  type ChainIssue,
  type OriginGroup,
  type OriginSide,
  type OriginTreeNode,
} from '@/domain/origin-analysis';
import type { StanceCell } from '@/domain/schemas';
import type { AnyStoryIndex } from '@/domain/story-index';
import { formatDay } from '@/lib/format-date';
import { StanceBadge } from './stance-badge';
import './origin-tree.css';

const ISSUE_TEXT: Record<ChainIssue, string> = {
  'empty-chain': 'no attribution given: counted as the outlet’s own report',
  'missing-publisher': 'the chain did not end with the publishing outlet, which was added',
  'unknown-link': 'names a source this story does not list',
  loop: 'the chain came back to an earlier link; the loop is left out',
  'circular-relay': 'outlets relay each other with no outside source',
};

const SIDE_TEXT: Record<OriginSide, { title: string; none: string }> = {
  support: { title: 'For the claim', none: 'No source supports it.' },
  opposition: { title: 'Against the claim', none: 'No source denies or contradicts it.' },
};

type OriginTreeProps = {
  /** The claim's mentions. */
  mentions: readonly StanceCell[];
  index: AnyStoryIndex;
  /** Level of the two side headings; the component sits under a heading one level up. */
  headingLevel?: 3 | 4 | 5;
};

/**
 * Where a claim comes from: for the support and for the opposition, each independent origin
 * with the outlets that relayed it as a tree, down to the articles that carry the claim.
 */
export function OriginTree({ mentions, index, headingLevel = 4 }: OriginTreeProps) {
  const origins = useMemo(() => analyzeClaimOrigins(mentions, originContextFor(index)), [mentions, index]);
  const Heading = `h${headingLevel}` as 'h4';
  const id = useId();
  return (
    <div className="origin-tree">
      <p className="origin-tree__rule">
        Outlets that relay the same original source count once. An unnamed source counts as part of the first named
        source that vouches for it. A statement several sources made together (“the State Department and Pentagon both
        said”) is one origin with several voices: the outlet reports one statement, so it confirms the claim once; and a
        voice that also speaks alone elsewhere is the same origin.
      </p>
      {(['support', 'opposition'] as const).map((side) => {
        const groups = origins[side];
        const headingId = `${id}-${side}`;
        return (
          <section key={side} className="origin-tree__side" aria-labelledby={headingId}>
            <Heading id={headingId} className="origin-tree__heading">
              {SIDE_TEXT[side].title}: {groups.length} independent origin{groups.length === 1 ? '' : 's'}
            </Heading>
            {groups.length === 0 ? (
              <p className="origin-tree__none">{SIDE_TEXT[side].none}</p>
            ) : (
              <ul className="origin-tree__origins">
                {groups.map((group) => (
                  <OriginItem key={group.id} group={group} index={index} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function OriginItem({ group, index }: { group: OriginGroup; index: AnyStoryIndex }) {
  const tree = originTree(group);
  const [first] = group.members;
  const aliases = group.circular ? [] : (first?.aliases ?? []);
  const mentionCount = new Set(group.routes.map((route) => route.mention.id)).size;
  return (
    <li className="origin-tree__origin">
      <p className="origin-tree__origin-name">
        <span className="origin-tree__badge">origin</span> {group.circular ? 'A circle of relays: ' : null}
        <strong>{originName(group)}</strong>
        {!group.circular && group.voices.length > 1 ? (
          <span className="origin-tree__aliases"> (one origin, {group.voices.length} voices)</span>
        ) : null}
        {aliases.length > 0 ? <span className="origin-tree__aliases"> (also {aliases.join(', ')})</span> : null}
        <span className="origin-tree__count">
          {' '}
          · {mentionCount} mention{mentionCount === 1 ? '' : 's'}
        </span>
      </p>
      {/* The root is the origin itself, named above; its own mentions and what it passed on follow. */}
      {tree.map((root) => (
        <TreeBranch key={root.node.key} node={root} index={index} showName={group.circular} />
      ))}
    </li>
  );
}

function TreeBranch({ node, index, showName }: { node: OriginTreeNode; index: AnyStoryIndex; showName: boolean }) {
  return (
    <>
      {showName ? <p className="origin-tree__node">{node.node.name}</p> : null}
      {node.mentions.length > 0 ? (
        <ul className="origin-tree__mentions">
          {node.mentions.map((entry) => (
            <MentionEntry key={entry.mention.id} entry={entry} index={index} />
          ))}
        </ul>
      ) : null}
      {node.children.length > 0 ? (
        <ul className="origin-tree__children" aria-label={`Relayed by ${node.node.name} to`}>
          {node.children.map((child) => (
            <li key={child.node.key} className="origin-tree__child">
              <span className="origin-tree__node">
                <span aria-hidden="true">→ </span>
                {child.node.name}
              </span>
              <TreeBranch node={child} index={index} showName={false} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function MentionEntry({ entry, index }: { entry: OriginTreeNode['mentions'][number]; index: AnyStoryIndex }) {
  const article = index.articles.get(entry.mention.article);
  return (
    <li className="origin-tree__mention">
      <StanceBadge stance={entry.mention.stance} />{' '}
      <span title={article?.title}>
        {article ? `${article.title} (${formatDay(article.published.date)})` : entry.mention.article}
      </span>
      {entry.unnamed.length > 0 ? (
        <span className="origin-tree__note"> · citing {entry.unnamed.map((node) => node.name).join(', ')}</span>
      ) : null}
      {entry.relayed ? (
        <span className="origin-tree__note"> · traced through the relayed outlet’s coverage</span>
      ) : null}
      {entry.issues
        .filter((issue) => issue !== 'circular-relay')
        .map((issue) => (
          <span key={issue} className="origin-tree__issue">
            {' '}
            · {ISSUE_TEXT[issue]}
          </span>
        ))}
    </li>
  );
}
