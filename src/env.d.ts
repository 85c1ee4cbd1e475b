/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by POST /api/ansoegninger before it rewrites to the form page: the answers and errors to show again. */
    applyForm?: import('./lib/apply-form-state.ts').FormRerender;
  }
}
