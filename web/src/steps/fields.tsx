/** Small field helpers for the step forms: a label on every field, the API's error beside it. */
import { Checkbox, Field, Fieldset, Label, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { fieldId, type FieldErrors } from '../components/form';

export type FieldProps = { form: string; path: string; errors: FieldErrors; label: string; description?: ReactNode };

export function TextField({ form, path, errors, label, description, value, onChange, type = 'text', multiline }: FieldProps & { value: string; onChange: (v: string) => void; type?: 'text' | 'date' | 'week' | 'number'; multiline?: boolean }) {
  const common = { id: fieldId(form, path), label, description, value, error: errors[path] };
  return multiline ? (
    <Textfield {...common} multiline onChange={(e) => onChange(e.target.value)} />
  ) : (
    <Textfield {...common} type={type} onChange={(e) => onChange(e.target.value)} />
  );
}

export function SelectField({ form, path, errors, label, description, value, onChange, options }: FieldProps & { value: string; onChange: (v: string) => void; options: Record<string, string> }) {
  const error = errors[path];
  return (
    <Field>
      <Label>{label}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      <Select id={fieldId(form, path)} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined}>
        {Object.entries(options).map(([code, text]) => (
          <Select.Option key={code} value={code}>
            {text}
          </Select.Option>
        ))}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}

export function CheckField({ form, path, errors, label, description, checked, onChange }: FieldProps & { checked: boolean; onChange: (v: boolean) => void }) {
  return <Checkbox id={fieldId(form, path)} label={label} description={description} checked={checked} onChange={(e) => onChange(e.target.checked)} error={errors[path]} />;
}

export function RadioField({ form, path, errors, label, description, value, onChange, options }: FieldProps & { value: string; onChange: (v: string) => void; options: Record<string, string> }) {
  return (
    <Fieldset id={fieldId(form, path)} aria-invalid={errors[path] ? true : undefined}>
      <Fieldset.Legend>{label}</Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      {Object.entries(options).map(([code, text]) => (
        <Radio key={code} name={`${form}-${path}`} value={code} label={text} checked={value === code} onChange={() => onChange(code)} />
      ))}
      {errors[path] && <ValidationMessage>{errors[path]}</ValidationMessage>}
    </Fieldset>
  );
}
