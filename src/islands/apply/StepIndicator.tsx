/**
 * DKFDS step indicator: "Trin 2 af 5" always, the list of steps on wider
 * screens. Steps already passed are buttons back to them; later ones are not
 * reachable yet.
 */
import { fillTemplate } from '../../lib/template.ts';
import { STEPS } from '../../domain/application-form.ts';
import type { ApplyStrings } from '../../components/apply/types.ts';

interface Props {
  s: ApplyStrings;
  current: number;
  onGo: (step: number) => void;
}

export function StepIndicator({ s, current, onGo }: Props) {
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
                <button type="button" class="step button-unstyled" onClick={() => onGo(i)}>
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
