import { lazy } from 'react';
import type { View } from '@/domain/url-state';

/** Each view loads as its own chunk, so the first view carries only what it shows. */
export const VIEW_COMPONENTS: Record<View, React.LazyExoticComponent<() => React.ReactNode>> = {
  sources: lazy(() => import('@/features/sources/components/sources-view').then((m) => ({ default: m.SourcesView }))),
  matrix: lazy(() => import('@/features/matrix/components/matrix-view').then((m) => ({ default: m.MatrixView }))),
  timeline: lazy(() =>
    import('@/features/timeline/components/timeline-view').then((m) => ({ default: m.TimelineView })),
  ),
  claim: lazy(() => import('@/features/claim/components/claim-view').then((m) => ({ default: m.ClaimView }))),
  coverage: lazy(() =>
    import('@/features/coverage/components/coverage-view').then((m) => ({ default: m.CoverageView })),
  ),
  stories: lazy(() => import('@/features/stories/components/stories-view').then((m) => ({ default: m.StoriesView }))),
};

export const VIEW_LABELS: Record<View, string> = {
  sources: 'Sources',
  matrix: 'Matrix',
  timeline: 'Timeline',
  claim: 'Claim',
  coverage: 'Add coverage',
  stories: 'Stories',
};
