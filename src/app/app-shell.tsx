import { lazy, Suspense, useEffect } from 'react';
import type { View } from '@/domain/url-state';
import { Link } from '@/lib/router/link';
import { useStoryOverview } from '@/lib/story/use-story-data';
import { hrefFor, useUrlState } from '@/lib/url-state/use-url-state';
import { StoryNotices } from './story-notices';
import { UrlNotices } from './url-notices';
import { useCanonicalUrl } from './use-canonical-url';
import { ViewHeading } from './view-heading';
import { VIEW_COMPONENTS, VIEW_LABELS } from './views';

const NAV_VIEWS: View[] = ['sources', 'matrix', 'timeline', 'coverage', 'stories'];

/** A read-only edition of one story: the story's own views, nothing to sign in to or change. */
const READ_ONLY_NAV_VIEWS: View[] = ['sources', 'matrix', 'timeline'];

// Their own chunks, loaded just after the first view: the first view's script budget is for
// reading, and signing in and live updates can follow a moment later.
const SessionStatus = lazy(() =>
  import('@/features/session/components/session-status').then((m) => ({ default: m.SessionStatus })),
);
const StorySwitcher = lazy(() =>
  import('@/features/stories/components/story-switcher').then((m) => ({ default: m.StorySwitcher })),
);
const LiveUpdates = lazy(() => import('@/lib/live/live-updates').then((m) => ({ default: m.LiveUpdates })));

/** `readOnly`: the static edition of one story, with no sign-in, story switcher or live updates. */
export function AppShell({ readOnly = false }: { readOnly?: boolean }) {
  useCanonicalUrl();
  const { state } = useUrlState();
  // The header reads what every view starts from: the story's compact overview.
  const story = useStoryOverview();
  const storyTitle = story.status === 'success' ? story.bundle.story.title : null;
  const summary = story.status === 'success' ? story.bundle.story.summary : null;
  const ViewComponent = VIEW_COMPONENTS[state.view];
  const titleLine = storyTitle ? <p className="shell__story">{storyTitle}</p> : null;

  useEffect(() => {
    document.title = [VIEW_LABELS[state.view], storyTitle, 'Parallax'].filter(Boolean).join(' · ');
  }, [state.view, storyTitle]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell__header">
        <p className="shell__brand">Parallax</p>
        {readOnly ? (
          titleLine
        ) : (
          <Suspense fallback={titleLine}>
            <StorySwitcher currentId={story.status === 'success' ? story.bundle.story.id : null} />
          </Suspense>
        )}
        <nav aria-label="Views">
          <ul className="shell__nav">
            {(readOnly ? READ_ONLY_NAV_VIEWS : NAV_VIEWS).map((view) => (
              <li key={view}>
                <Link
                  to={hrefFor(state, { view, article: null })}
                  aria-current={state.view === view ? 'page' : undefined}
                >
                  {VIEW_LABELS[view]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {readOnly ? null : (
          <Suspense fallback={null}>
            <SessionStatus />
            <LiveUpdates />
          </Suspense>
        )}
      </header>
      <UrlNotices />
      {story.status === 'success' ? <StoryNotices state={state} bundle={story.bundle} /> : null}
      <main id="main" className="shell__main" tabIndex={-1}>
        <ViewHeading state={state} storyTitle={storyTitle} summary={summary} />
        <Suspense fallback={<p role="status">Loading the view…</p>}>
          <ViewComponent />
        </Suspense>
      </main>
    </div>
  );
}
