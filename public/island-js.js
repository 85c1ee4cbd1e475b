// <html class="island-js"> before the island's form is laid out, none once a script fails to load (docs/islands.md).
document.documentElement.classList.add('island-js');
addEventListener('error', (e) => e.target instanceof HTMLScriptElement && document.documentElement.classList.remove('island-js'), true);
