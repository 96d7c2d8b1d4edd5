/** The targets of issue #10; ratios are against the floor measured in the same run. */
export const TARGETS: Record<string, { text: string; ok: (value: number) => boolean }> = {
  first_rows_ms: { text: '≤ 1000 ms', ok: (v) => v <= 1000 },
  all_rows_vs_floor: { text: '≤ 1.5× floor', ok: (v) => v <= 1.5 },
  scroll_p95_frame_ms: { text: '≤ 20 ms', ok: (v) => v <= 20 },
  bulk_vs_floor: { text: '≤ 1.2× floor', ok: (v) => v <= 1.2 },
  effective_retention_ms: { text: '≤ 200 ms', ok: (v) => v <= 200 },
  longest_main_thread_block_ms: { text: '≤ 50 ms', ok: (v) => v <= 50 },
  initial_js_gzip_kb: { text: '≤ 150 KB', ok: (v) => v <= 150 },
  mark_unused_10k_ids_ms: { text: '≤ 200 ms', ok: (v) => v <= 200 },
  unused_paging_segments_per_s: { text: '≥ 100k/s', ok: (v) => v >= 100_000 },
};
