/** Start-up configuration that failed validation; the message names every offending variable. */
export class ConfigValidationError extends Error {
  constructor(
    readonly service: string,
    readonly problems: { variable: string; message: string }[],
  ) {
    super(
      `Invalid configuration for ${service}:\n` +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n') +
        '\nFix the environment variable(s) above (see the configuration table in README.md) and start again.',
    );
    this.name = 'ConfigValidationError';
  }
}
