import { useMutation, useQueryClient } from '@tanstack/react-query';
import { saveDynamicConfig } from '../../api/auto-kill-config.ts';
import { toast } from '../../components/toast.ts';

export interface KillConfigSave {
  changes: Record<string, unknown>;
  author: string;
  comment: string;
}

/** POSTs only the changed fields (Druid merges them); on success the config, its history and forecasts reload. */
export function useSaveKillConfig(onSaved: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ changes, author, comment }: KillConfigSave) => saveDynamicConfig(changes, author, comment),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['druid', 'auto-kill'] });
      toast.success('Kill settings saved');
      onSaved();
    },
  });
}
