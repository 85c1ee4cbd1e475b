/**
 * A small Preact binding for @formkit/core (FormKit without Vue): one group
 * node for the application, one child node per field. FormKit owns the
 * answers (each field node's value) and the messages: a field's problems are
 * error messages in its node's store, and the problems of the whole form (the
 * server was busy, an error with no field) in the group node's. Preact only
 * renders them; the component keeps no copy.
 *
 * The rules are not FormKit's: `checkForm` (src/domain/application-form.ts)
 * checks the answers, as the server does, and its issues are set on the
 * nodes with FormKit's `setErrors`. So a message reads the same with or
 * without JavaScript, and server errors land the same way.
 */
import { createNode, type FormKitNode } from '@formkit/core';
import { useEffect, useMemo, useReducer } from 'preact/hooks';
import { FORM_FIELDS, type FieldName, type FormValues } from '../../domain/application-steps.ts';

export type FieldMessageLists = Partial<Record<FieldName, string[]>>;

export interface ApplicationForm {
  node: FormKitNode;
  values(): FormValues;
  set(field: FieldName, value: string | string[]): void;
  /** Replaces every message: the form's own (shown first, without a field) and each field's. */
  showMessages(form: string[], fields: FieldMessageLists): void;
  /** Clears the messages of the fields `drop` picks. */
  dropMessages(drop: (field: FieldName) => boolean): void;
  /** A field's messages, in the order they were set. */
  messages(field: FieldName): string[];
  /** The form's own messages. */
  formMessages(): string[];
}

const errorsOf = (node: FormKitNode) =>
  Object.values(node.store)
    .filter((m) => m.type === 'error')
    .map((m) => String(m.value));

export function createApplicationForm(initial: FormValues): ApplicationForm {
  const node = createNode({ type: 'group', name: 'ansoegning' });
  const fields = new Map<FieldName, FormKitNode>();
  for (const name of FORM_FIELDS) {
    // Children are created with `parent:` so they belong to the group from the start.
    fields.set(name, createNode({ type: 'input', name, parent: node, value: initial[name] ?? (name === 'needs' ? [] : '') }));
  }
  const field = (name: FieldName) => fields.get(name)!;
  return {
    node,
    values: () => ({ ...(node.value as FormValues) }),
    set: (name, value) => void field(name).input(value, false),
    showMessages(form, byField) {
      node.clearErrors(true);
      node.setErrors(form, byField as Record<string, string[]>);
    },
    dropMessages(drop) {
      for (const [name, child] of fields) if (drop(name)) child.clearErrors(false);
    },
    messages: (name) => errorsOf(field(name)),
    formMessages: () => errorsOf(node),
  };
}

/** The form for a component's lifetime; the component renders again whenever a value or a message changes. */
export function useApplicationForm(initial: () => FormValues, setup?: (form: ApplicationForm) => void): ApplicationForm {
  const form = useMemo(() => {
    const created = createApplicationForm(initial());
    setup?.(created);
    return created;
  }, []);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const events = ['commit', 'message-added', 'message-updated', 'message-removed'];
    const receipts = events.map((event) => form.node.on(`${event}.deep`, rerender));
    return () => receipts.forEach((r) => form.node.off(r));
  }, [form]);
  return form;
}
