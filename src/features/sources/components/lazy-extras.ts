import { lazy } from 'react';

const loadExtras = () => import('./sources-extras');

/** Starts loading the extras as soon as the view is up, before anyone hovers or selects. */
export function preloadExtras(): void {
  void loadExtras();
}

export const LazyEvidenceTip = lazy(() => loadExtras().then((m) => ({ default: m.EvidenceTip })));
export const LazyPassageBar = lazy(() => loadExtras().then((m) => ({ default: m.PassageBar })));
export const LazySelectedClaim = lazy(() => loadExtras().then((m) => ({ default: m.SelectedClaim })));
export const LazyKeysList = lazy(() => loadExtras().then((m) => ({ default: m.KeysList })));
export const LazyLegend = lazy(() => loadExtras().then((m) => ({ default: m.Legend })));

const loadArticleEditor = () => import('./article-editor');
export const LazyArticleEditor = lazy(() => loadArticleEditor().then((m) => ({ default: m.ArticleEditor })));
export const LazyRemovedArticles = lazy(() => loadArticleEditor().then((m) => ({ default: m.RemovedArticles })));

// Versions and their word diff (with its diff library) only for updated articles or editors.
export const LazyArticleVersions = lazy(() =>
  import('./article-versions').then((m) => ({ default: m.ArticleVersions })),
);

// Editors' evidence tools (the selection menu, the mention editor) load only for editors.
export const LazyPaneDesk = lazy(() => import('./pane-desk').then((m) => ({ default: m.PaneDesk })));
