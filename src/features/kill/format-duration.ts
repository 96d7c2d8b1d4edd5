/** Moved to src/components: the rules' convergence panel words durations the same way. */
export { formatDuration } from '../../components/format-duration.ts';
