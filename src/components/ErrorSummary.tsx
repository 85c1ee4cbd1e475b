/**
 * The error summary at the top of a form (DKFDS error alert and its
 * error-summary.js, the GOV.UK pattern): a heading and a link to each field
 * with a problem. Used by "Kan jeg få støtte?" and the application form, in
 * their islands and on their no-JavaScript pages.
 *
 * It takes focus when it appears: an island focuses it (`summaryRef`) after
 * each round of errors; a page after a no-JavaScript post gives it `autofocus`.
 * `role="alert"` as DKFDS gives every error alert
 * (node_modules/dkfds/src/components/alerts/alerts.njk).
 */
import type { Ref } from 'preact';

interface Props {
  heading: string;
  /** One per problem; an item without `href` (the server was busy) is plain text. */
  items: { href: string; text: string }[];
  summaryRef?: Ref<HTMLDivElement>;
  /** On a server-rendered page: the browser focuses the summary on load. */
  autofocus?: boolean;
}

export function ErrorSummary({ heading, items, summaryRef, autofocus }: Props) {
  if (!items.length) return null;
  const onClick = (e: MouseEvent) => {
    const link = (e.target as HTMLElement).closest('a');
    const target = link && document.getElementById(link.hash.slice(1));
    if (!target) return;
    e.preventDefault();
    // Scroll the question (legend or label) into view, not just the input (DKFDS/GOV.UK error-summary.js).
    (target.closest('fieldset') ?? target.closest('.form-group') ?? target).scrollIntoView();
    target.focus({ preventScroll: true });
  };
  return (
    <div class="alert alert-error error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} ref={summaryRef} autofocus={autofocus} onClick={onClick}>
      <div class="alert-body">
        <h2 class="alert-heading" id="error-summary-title">
          {heading}
        </h2>
        <ul class="alert-text nobullet-list">
          {items.map((item) => (
            <li>{item.href ? <a href={item.href}>{item.text}</a> : item.text}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
