import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { dataSourceNamesWithUnusedQueryOptions } from '../../api/datasources.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';

interface KillDataSourcePickerProps {
  value: string | null;
  onChange: (dataSource: string) => void;
}

/** Every datasource in the metadata store, including those whose segments are all unused. */
export function KillDataSourcePicker({ value, onChange }: KillDataSourcePickerProps) {
  const id = useId();
  const names = useQuery(dataSourceNamesWithUnusedQueryOptions());
  const options =
    value !== null && names.data && !names.data.includes(value) ? [value, ...names.data] : (names.data ?? []);
  return (
    <div className="field kill-datasource">
      <label htmlFor={id}>Datasource</label>
      <select
        id={id}
        value={value ?? ''}
        disabled={names.isPending && value === null}
        onChange={(event) => event.target.value && onChange(event.target.value)}
      >
        {value === null && <option value="">{names.isPending ? 'Loading datasources…' : 'Choose a datasource'}</option>}
        {options.length === 0 && value !== null && <option value={value}>{value}</option>}
        {options.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      {names.isError && (
        <QueryErrorAlert error={names.error} title="Could not list datasources" onRetry={() => names.refetch()} />
      )}
    </div>
  );
}
