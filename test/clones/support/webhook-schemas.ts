import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
const ID = 'https://archal.test/webhooks.json';

/** Validates webhook payloads against @octokit/webhooks-schemas (`issues$opened`, `push$event`…). */
export class WebhookSchemas {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  private readonly validators = new Map<string, ValidateFunction>();
  readonly definitions: Record<string, unknown>;

  constructor() {
    const schema = require('@octokit/webhooks-schemas/schema.json') as { definitions: Record<string, unknown> };
    this.definitions = schema.definitions;
    this.ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
    this.ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value));
    this.ajv.addFormat('uri-template', () => true);
    this.ajv.addFormat('email', () => true);
    this.ajv.addSchema({ $id: ID, definitions: schema.definitions });
  }

  /** Problems of `payload` as an `event` delivery (empty when valid). */
  validate(event: string, payload: Record<string, unknown>): string[] {
    // Events without actions (`push`, `create`, `delete`, `status`) are `<event>$event`.
    const name = payload.action === undefined ? `${event}$event` : `${event}$${String(payload.action)}`;
    if (!(name in this.definitions)) return [`no schema ${name}`];
    let validate = this.validators.get(name);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${ID}#/definitions/${name}` });
      this.validators.set(name, validate);
    }
    if (validate(payload)) return [];
    return (validate.errors ?? [])
      .slice(0, 15)
      .map((e) => `${name}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  }
}
