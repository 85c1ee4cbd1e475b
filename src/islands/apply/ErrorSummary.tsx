/**
 * The error summary at the top (DKFDS error summary, GOV.UK pattern): a
 * heading and a link to each field with a problem. In the island it takes
 * focus when it appears and a link moves focus to its field; without
 * JavaScript it is the first thing in main and the page title says "Fejl:".
 */
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  heading: string;
  items: { href: string; text: string }[];
  /** Focus the summary when it appears (island only); changes when a new round of errors is shown. */
  focusKey?: number;
}

export function ErrorSummary({ heading, items, focusKey }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey !== undefined && items.length) ref.current?.focus();
  }, [focusKey]);
  if (!items.length) return null;
  const onClick = (e: MouseEvent) => {
    const link = (e.target as HTMLElement).closest('a');
    const target = link && document.getElementById(link.hash.slice(1));
    if (!target) return;
    e.preventDefault();
    // Scroll the question (legend or label) into view, not just the input (GOV.UK error-summary.js).
    (target.closest('fieldset') ?? target.closest('.form-group') ?? target).scrollIntoView();
    target.focus({ preventScroll: true });
  };
  return (
    <div class="alert alert-error error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} ref={ref} onClick={focusKey !== undefined ? onClick : undefined}>
      <div class="alert-body">
        <h2 class="alert-heading" id="error-summary-title">
          {heading}
        </h2>
        <ul class="alert-text nobullet-list">
          {items.map((item) => (
            <li>
              {item.href ? <a href={item.href}>{item.text}</a> : item.text}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
