import { useState } from 'react';

import { Alert, Button, Card, PageSpinner, ProblemAlert, Table, TBody, Td, Th, THead, Tr } from '@/components/ui';

import { useNotificationPreferences, useSaveNotificationPreferences } from '../api/notifications';
import { kindLabels, type KindPreference, type NotificationPreferences } from '../model/types';

function PreferencesForm({ initial }: { initial: NotificationPreferences }) {
  const save = useSaveNotificationPreferences();
  const [values, setValues] = useState<NotificationPreferences>(initial);
  const [saved, setSaved] = useState(false);

  function toggle(kind: KindPreference['kind'], channel: 'inApp' | 'email') {
    setSaved(false);
    setValues((v) => ({
      ...v,
      preferences: v.preferences.map((p) => (p.kind === kind ? { ...p, [channel]: !p[channel] } : p)),
    }));
  }

  return (
    <form
      aria-label="Notification preferences"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        save.mutate(values, {
          onSuccess: (result) => {
            setValues(result);
            setSaved(true);
          },
        });
      }}
      className="space-y-4"
    >
      <Table caption="What you are told about, in the app and by e-mail">
        <THead>
          <Tr>
            <Th>Event</Th>
            <Th>In the app</Th>
            <Th>E-mail</Th>
          </Tr>
        </THead>
        <TBody>
          {values.preferences.map((p) => (
            <Tr key={p.kind}>
              <Td>{kindLabels[p.kind]}</Td>
              <Td>
                <input
                  type="checkbox"
                  aria-label={`${kindLabels[p.kind]} in the app`}
                  checked={p.inApp}
                  onChange={() => toggle(p.kind, 'inApp')}
                />
              </Td>
              <Td>
                <input
                  type="checkbox"
                  aria-label={`${kindLabels[p.kind]} by e-mail`}
                  checked={p.email}
                  onChange={() => toggle(p.kind, 'email')}
                />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={values.digest}
          onChange={() => {
            setSaved(false);
            setValues((v) => ({ ...v, digest: !v.digest }));
          }}
        />
        Send my e-mails as one daily digest instead of one by one
      </label>
      {save.isError && <ProblemAlert error={save.error} title="The preferences were not saved" />}
      {saved && <Alert tone="success">Preferences saved.</Alert>}
      <Button type="submit" loading={save.isPending}>
        Save
      </Button>
    </form>
  );
}

/** Each user's own choice of what they hear about, and how. */
export function NotificationPreferencesPage() {
  const preferences = useNotificationPreferences();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">Notification preferences</h1>
      <Card>
        {preferences.isPending ? (
          <PageSpinner label="Loading your preferences…" />
        ) : preferences.isError ? (
          <ProblemAlert error={preferences.error} title="The preferences could not be loaded" />
        ) : (
          <PreferencesForm initial={preferences.data} />
        )}
      </Card>
    </div>
  );
}
