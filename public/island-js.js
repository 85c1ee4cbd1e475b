// On a page whose island will take over its form (docs/islands.md): marks <html class="island-js"> before the
// form is laid out, so the form shows only what the island's first step shows (no layout shift at the takeover).
// A classic script, loaded where it is needed: no module is run before the page is laid out.
// If a script of the page fails to load, the mark goes and the whole no-JavaScript form shows.
document.documentElement.classList.add('island-js');
addEventListener('error', (e) => e.target instanceof HTMLScriptElement && document.documentElement.classList.remove('island-js'), true);
