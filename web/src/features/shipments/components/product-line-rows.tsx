import { useFieldArray, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';

import { Button, Field, Input, Select } from '@/components/ui';

import { normalizeContainerNumber } from '../model/container-number';
import { emptyProductLine, type ShipmentFormValues } from '../model/shipment-form';

interface RowsProps {
  control: Control<ShipmentFormValues>;
  register: UseFormRegister<ShipmentFormValues>;
  errors: FieldErrors<ShipmentFormValues>;
}

const textFields = [
  ['netWeightKg', 'net weight (kg)', 'decimal'],
  ['grossWeightKg', 'gross weight (kg)', 'decimal'],
  ['packages', 'packages', 'numeric'],
  ['packagingType', 'packaging', 'text'],
  ['batchNumbers', 'batch/lot numbers', 'text'],
  ['qualityGrade', 'quality grade', 'text'],
  ['moisturePercent', 'moisture (%)', 'decimal'],
] as const;

export function ProductLineRows({ control, register, errors }: RowsProps) {
  const { fields, append, remove } = useFieldArray({ control, name: 'productLines' });
  const containers = useWatch({ control, name: 'containers' });
  const containerNumbers = [...new Set(containers.map((container) => normalizeContainerNumber(container.number)))].filter(Boolean);
  return (
    <fieldset className="space-y-4">
      <legend className="text-lg font-semibold text-slate-900">Product lines</legend>
      {fields.length === 0 && <p className="text-sm text-slate-700">No product lines yet.</p>}
      {fields.map((field, index) => {
        const rowErrors = errors.productLines?.[index];
        const n = index + 1;
        return (
          <div
            key={field.id}
            role="group"
            aria-label={`Product line ${n}`}
            className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-4"
          >
            <Field label={`Line ${n} HS code`} hint="4 to 10 digits" error={rowErrors?.hsCode?.message}>
              {(props) => <Input inputMode="numeric" {...props} {...register(`productLines.${index}.hsCode`)} />}
            </Field>
            <div className="sm:col-span-2">
              <Field label={`Line ${n} description`} error={rowErrors?.description?.message}>
                {(props) => <Input {...props} {...register(`productLines.${index}.description`)} />}
              </Field>
            </div>
            <Field label={`Line ${n} container`} error={rowErrors?.containerNumber?.message}>
              {(props) => (
                <Select {...props} {...register(`productLines.${index}.containerNumber`)}>
                  <option value="">Not assigned</option>
                  {containerNumbers.map((number) => (
                    <option key={number} value={number}>
                      {number}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {textFields.map(([name, label, inputMode]) => (
              <Field key={name} label={`Line ${n} ${label}`} error={rowErrors?.[name]?.message}>
                {(props) => <Input inputMode={inputMode} {...props} {...register(`productLines.${index}.${name}`)} />}
              </Field>
            ))}
            <div className="flex items-end">
              <Button variant="ghost" size="sm" onClick={() => remove(index)}>
                Remove line {n}
              </Button>
            </div>
          </div>
        );
      })}
      <Button variant="secondary" size="sm" onClick={() => append({ ...emptyProductLine })}>
        Add product line
      </Button>
    </fieldset>
  );
}
