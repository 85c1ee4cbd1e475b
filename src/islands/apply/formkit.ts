/**
 * A small Preact binding for @formkit/core (FormKit without Vue): one group
 * node for the application, one child node per field. FormKit holds the
 * answers and the error messages; Preact renders them.
 *
 * The rules are not FormKit's: the shared schema (src/domain/application.ts)
 * checks the answers, as the server does, and its issues are put on the
 * field nodes as blocking messages (`showIssues`). So a message reads the
 * same with or without JavaScript, and server errors land the same way.
 */
import { createMessage, createNode, type FormKitNode } from '@formkit/core';
import { useEffect, useMemo, useReducer } from 'preact/hooks';
import { FORM_FIELDS, type FieldName, type FormValues } from '../../domain/application-form.ts';

const MESSAGE_KEY = 'rule';

export interface ApplicationForm {
  node: FormKitNode;
  values(): FormValues;
  set(field: FieldName, value: string | string[]): void;
  /** Replaces every field's message with these (field → message). */
  showIssues(messages: Partial<Record<FieldName, string>>): void;
  message(field: FieldName): string | undefined;
}

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
    showIssues(messages) {
      for (const [name, child] of fields) {
        const text = messages[name];
        if (text) child.store.set(createMessage({ key: MESSAGE_KEY, type: 'error', value: text, blocking: true, visible: true }));
        else if (child.store[MESSAGE_KEY]) child.store.remove(MESSAGE_KEY);
      }
    },
    message: (name) => {
      const m = field(name).store[MESSAGE_KEY];
      return m ? String(m.value) : undefined;
    },
  };
}

/** The form for a component's lifetime; the component renders again whenever a value or a message changes. */
export function useApplicationForm(initial: () => FormValues): ApplicationForm {
  const form = useMemo(() => createApplicationForm(initial()), []);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const receipts = [form.node.on('commit.deep', rerender), form.node.on('message-added.deep', rerender), form.node.on('message-removed.deep', rerender)];
    return () => receipts.forEach((r) => form.node.off(r));
  }, [form]);
  return form;
}
