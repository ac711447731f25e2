import { useSourcesUi } from '../store/sources-ui-store';

/** The keyboard shortcuts of the view, and a switch to turn the single-key ones off. */
export function KeysList() {
  const shortcuts = useSourcesUi((s) => s.shortcuts);
  const setShortcuts = useSourcesUi((s) => s.setShortcuts);
  return (
    <>
      <dl>
        <dt>
          <kbd>j</kbd> / <kbd>k</kbd>
        </dt>
        <dd>Next / previous claim in the list</dd>
        <dt>
          <kbd>n</kbd> / <kbd>p</kbd>
        </dt>
        <dd>In a pane’s text: next / previous span of the selected claim (or any highlight)</dd>
        <dt>
          <kbd>]</kbd> / <kbd>[</kbd>
        </dt>
        <dd>Next / previous pane’s text</dd>
        <dt>
          <kbd>Enter</kbd>
        </dt>
        <dd>On a highlight: select its claim (again for the next claim on the same words)</dd>
        <dt>
          <kbd>Esc</kbd>
        </dt>
        <dd>Hide the details of a highlight</dd>
        <dt>
          <kbd>Tab</kbd>
        </dt>
        <dd>Reach the controls of each pane and the ⇄ shared-passage links in its text</dd>
      </dl>
      <label>
        <input type="checkbox" checked={shortcuts} onChange={(event) => setShortcuts(event.target.checked)} />{' '}
        Single-key shortcuts (j, k, n, p, [, ])
      </label>
    </>
  );
}
