// One import site for notifications, so the toast library can be swapped without touching features.
export { toast } from 'sonner';
