/**
 * The auditors' batch spot-check, the pure parts shared by the extension's batch page and the
 * command line: reading a list of addresses (plain lines or a CSV, including a previous export),
 * running a check on each with bounded concurrency, and the CSV and JSON exports.
 *
 * Split by concern: input (the list), run (the checks), export (CSV and JSON); imported from here.
 */
export * from './export';
export * from './input';
export * from './run';
