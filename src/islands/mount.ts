/**
 * Mounts a Preact island without Astro's `client:*` directives, which add an
 * inline `<script>` and `<style>` that our CSP (no 'unsafe-inline') blocks.
 *
 * The page renders the island's no-JavaScript version (a plain HTML form,
 * a table …) inside `<div data-island="<name>" data-props="<json>">` and
 * loads the island's module in a component `<script>`; this replaces the
 * fallback with the component, given the JSON props. See docs/islands.md.
 */
import { h, render, type ComponentType } from 'preact';

export function mountIsland<P extends object>(name: string, Component: ComponentType<P>): void {
  for (const el of document.querySelectorAll<HTMLElement>(`[data-island="${name}"]`)) {
    if (el.dataset.mounted) continue;
    const props = JSON.parse(el.dataset.props ?? '{}') as P;
    el.replaceChildren();
    el.dataset.mounted = 'true';
    render(h(Component, props), el);
  }
}
