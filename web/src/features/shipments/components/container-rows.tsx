import { useFieldArray, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';

import { Button, Field, Input } from '@/components/ui';

import { validateContainerNumber } from '../model/container-number';
import { emptyContainer, type ShipmentFormValues } from '../model/shipment-form';

interface RowsProps {
  control: Control<ShipmentFormValues>;
  register: UseFormRegister<ShipmentFormValues>;
  errors: FieldErrors<ShipmentFormValues>;
}

/** ISO 6346 feedback while typing: the check digit is verified as soon as all 11 characters are there. */
function ContainerNumberField({ index, control, register, error }: RowsProps & { index: number; error?: string }) {
  const value = useWatch({ control, name: `containers.${index}.number` });
  const check = validateContainerNumber(value);
  const live = value.trim() === '' || check.valid || check.reason === 'incomplete' ? undefined : check.message;
  let hint = 'ISO 6346, e.g. CSQU3054383.';
  if (check.valid) hint = `${check.normalized}: check digit OK.`;
  else if (check.reason === 'incomplete') hint = check.message;
  return (
    <Field label={`Container ${index + 1} number`} error={error ?? live} hint={hint}>
      {(props) => (
        <Input autoComplete="off" className="font-mono uppercase" {...props} {...register(`containers.${index}.number`)} />
      )}
    </Field>
  );
}

export function ContainerRows({ control, register, errors }: RowsProps) {
  const { fields, append, remove } = useFieldArray({ control, name: 'containers' });
  return (
    <fieldset className="space-y-4">
      <legend className="text-lg font-semibold text-slate-900">Containers</legend>
      {fields.length === 0 && <p className="text-sm text-slate-700">No containers yet (fine for a draft).</p>}
      {fields.map((field, index) => {
        const rowErrors = errors.containers?.[index];
        return (
          <div
            key={field.id}
            role="group"
            aria-label={`Container ${index + 1}`}
            className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]"
          >
            <ContainerNumberField
              index={index}
              control={control}
              register={register}
              errors={errors}
              error={rowErrors?.number?.message}
            />
            <Field label={`Container ${index + 1} ISO type`} hint="e.g. 22G1, 45G1" error={rowErrors?.isoType?.message}>
              {(props) => <Input className="uppercase" {...props} {...register(`containers.${index}.isoType`)} />}
            </Field>
            <Field label={`Container ${index + 1} seal`} error={rowErrors?.sealNumber?.message}>
              {(props) => <Input {...props} {...register(`containers.${index}.sealNumber`)} />}
            </Field>
            <Field label={`Container ${index + 1} gross weight (kg)`} error={rowErrors?.grossWeightKg?.message}>
              {(props) => <Input inputMode="decimal" {...props} {...register(`containers.${index}.grossWeightKg`)} />}
            </Field>
            <div className="flex items-end">
              <Button variant="ghost" size="sm" onClick={() => remove(index)}>
                Remove container {index + 1}
              </Button>
            </div>
          </div>
        );
      })}
      <Button variant="secondary" size="sm" onClick={() => append({ ...emptyContainer })}>
        Add container
      </Button>
    </fieldset>
  );
}
