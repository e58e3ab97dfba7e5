/** Where the CLI writes: results to stdout, everything else (progress, warnings, errors) to stderr. */
export const out = (text: string) => {
  answered = true;
  return process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};
let answered = false;
/** Whether the command has printed (part of) its answer on stdout. */
export const hasAnswered = () => answered;
export const err = (text: string) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
export const printJson = (value: unknown) => out(JSON.stringify(value, null, 2));
