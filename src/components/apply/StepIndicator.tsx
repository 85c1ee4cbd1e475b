/**
 * DKFDS step indicator: "Trin 2 af 5" always, the list of steps on wider
 * screens. Steps already passed are buttons back to them (`data-step`: the
 * island goes there); later ones are not reachable yet.
 *
 * It changes only with the step and with whoever fills in the form, so it is
 * rendered here on the server, once for each (`stepIndicators`), and the
 * island puts the one for its step in place: the form's island ships none of
 * this code (the application page's JavaScript budget, docs/islands.md).
 * Server only.
 */
import { renderToString } from 'preact-render-to-string';
import { fillTemplate } from '../../lib/template.ts';
import { STEPS } from '../../domain/application-steps.ts';
import type { ApplyStrings } from './types.ts';

interface Props {
  s: ApplyStrings;
  current: number;
}

export function StepIndicator({ s, current }: Props) {
  return (
    <nav class="apply-steps" aria-label={s.stepsLabel}>
      <ol class="step-indicator">
        {STEPS.map((step, i) => {
          const title = s.steps[step.id];
          const content = (
            <>
              <span class={i < current ? 'step-icon' : 'step-number'}>
                {i < current ? (
                  <span aria-hidden="true">✓</span>
                ) : (
                  <span>{i + 1}</span>
                )}
              </span>
              <div>
                <span class="step-title">{title}</span>
                {i < current && <span class="sr-only">{fillTemplate(s.stepDone, { n: i + 1 })}</span>}
              </div>
            </>
          );
          return (
            <li class={i === current ? 'current' : i > current ? 'disabled' : undefined}>
              {i < current ? (
                <button type="button" class="step button-unstyled" data-step={i}>
                  {content}
                </button>
              ) : (
                <div class="step" aria-current={i === current ? 'step' : undefined}>
                  {content}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** The step indicator at each step, as HTML, for the island (`steps` in its props). */
export const stepIndicators = (s: ApplyStrings): string[] => STEPS.map((_, i) => renderToString(<StepIndicator s={s} current={i} />));
