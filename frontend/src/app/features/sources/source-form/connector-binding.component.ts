import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { ConnectorDefinitionInput, Credential } from '@switchyard/contracts';
import { FieldErrorComponent } from '../../../shared/field-error.component';
import { compatibleCredentials, credentialKindsFor } from './source-form.model';

/** Which stream a source reads, with which credential and connector settings. */
export interface ConnectorBinding {
  stream: string;
  credentialId: string;
  config: Record<string, string>;
}

/**
 * The connector-specific part of a source: stream (with its target domain), a credential
 * of a kind the connector's auth accepts, and one input per connector setting. Used by the
 * source form and by the connector editor's draft source. Errors are keyed by API path
 * without the `source.` prefix (`connector.config.baseUrl`).
 */
@Component({
  selector: 'sy-connector-binding',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FieldErrorComponent, FormsModule, RouterLink],
  templateUrl: './connector-binding.component.html',
})
export class ConnectorBindingComponent {
  readonly connector = input<ConnectorDefinitionInput | undefined>();
  readonly credentials = input<readonly Credential[]>([]);
  readonly tenant = input('');
  readonly value = input.required<ConnectorBinding>();
  readonly errors = input<ReadonlyMap<string, string>>(new Map());
  /** Keeps input ids unique when two bindings share a page. */
  readonly idPrefix = input('binding');
  readonly valueChange = output<ConnectorBinding>();

  protected readonly streams = computed(() => this.connector()?.streams ?? []);
  protected readonly selectedStream = computed(() => this.streams().find((s) => s.name === this.value().stream));
  protected readonly authType = computed(() => this.connector()?.auth.type);
  protected readonly needsCredential = computed(() => credentialKindsFor(this.authType()).length > 0);
  protected readonly kinds = computed(() => credentialKindsFor(this.authType()).join(' or '));
  protected readonly usable = computed(() => compatibleCredentials(this.credentials(), this.authType(), this.tenant()));
  protected readonly settings = computed(() => this.connector()?.config ?? []);

  protected targetsOf(stream: { records: Array<{ target: string }> }): string {
    return stream.records.map((r) => r.target).join(', ');
  }

  protected set(change: Partial<ConnectorBinding>): void {
    this.valueChange.emit({ ...this.value(), ...change });
  }

  protected setConfig(name: string, text: string): void {
    this.set({ config: { ...this.value().config, [name]: text } });
  }

  protected configValue(name: string): string {
    return this.value().config[name] ?? '';
  }

  protected id(name: string): string {
    return `${this.idPrefix()}-${name}`;
  }
}
