/** `npm run rules -- export|plan|apply --router URL --file F` (see rules-cli-run.ts). */
import { runRulesCli } from './rules-cli-run.ts';

const code = await runRulesCli(process.argv.slice(2), {
  env: process.env,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
process.exitCode = code;
