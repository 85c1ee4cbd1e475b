/**
 * "Udskriv kvitteringen": a button needs JavaScript, so it is hidden in the
 * HTML and shown here; without JavaScript the page says how to print instead.
 */
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
for (const hint of document.querySelectorAll<HTMLElement>('[data-print-hint]')) hint.hidden = true;
