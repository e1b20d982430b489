import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { CREDENTIAL_KINDS, type Credential, type CredentialInput, type CredentialKind } from '@switchyard/contracts';
import { describeError, fieldErrorsOf } from '../../../core/api-error';
import { FieldErrorComponent } from '../../../shared/field-error.component';
import { CredentialsApiService } from './credentials-api.service';

export interface NamedSecret {
  name: string;
  value: string;
}

/** What a secret means for each kind, for the secret input's label. */
export const SECRET_LABELS: Record<CredentialKind, string> = {
  token: 'Token or API key',
  basic: 'Password',
  'client-credentials': 'Client secret',
  'oauth2-refresh-token': 'Client secret',
  'service-account': 'Service account JSON key',
  'webhook-secret': 'Signing secret',
};

/** The API body; named secrets without a name are left out. */
export function toCredentialInput(
  base: Omit<CredentialInput, 'fields' | 'secret'>,
  secret: string,
  fields: readonly NamedSecret[],
): CredentialInput {
  const named = fields.filter((f) => f.name.trim() !== '').map((f) => [f.name.trim(), f.value] as const);
  return {
    id: base.id.trim(),
    name: base.name.trim(),
    kind: base.kind,
    tenant: base.tenant?.trim() || null,
    clientId: base.clientId?.trim() || null,
    secret,
    ...(named.length > 0 ? { fields: Object.fromEntries(named) } : {}),
  };
}

/**
 * Create a credential, or rotate one (`rotating` set: same id, new secret). Secrets are
 * write-only: inputs are password fields, never prefilled, and cleared once saved.
 */
@Component({
  selector: 'sy-credential-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FieldErrorComponent, FormsModule],
  templateUrl: './credential-form.component.html',
})
export class CredentialFormComponent {
  private readonly api = inject(CredentialsApiService);
  private readonly destroyRef = inject(DestroyRef);
  /** The credential to rotate; absent to create one. */
  readonly rotating = input<Credential | undefined>();
  readonly saved = output<Credential>();
  readonly cancelled = output();

  protected readonly kinds = CREDENTIAL_KINDS;
  protected readonly secretLabels = SECRET_LABELS;
  protected readonly id = signal('');
  protected readonly name = signal('');
  protected readonly kind = signal<CredentialKind>('token');
  protected readonly tenant = signal('');
  protected readonly clientId = signal('');
  protected readonly secret = signal('');
  protected readonly fields = signal<NamedSecret[]>([]);
  protected readonly errors = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly error = signal('');
  protected readonly saving = signal(false);
  protected readonly prefix = computed(() => (this.rotating() ? `rotate-${this.rotating()?.id}` : 'credential'));
  protected readonly needsClientId = computed(() =>
    ['basic', 'client-credentials', 'oauth2-refresh-token'].includes(this.kind()),
  );

  constructor() {
    effect(() => {
      const credential = this.rotating();
      if (!credential) return;
      this.id.set(credential.id);
      this.name.set(credential.name);
      this.kind.set(credential.kind);
      this.tenant.set(credential.tenant ?? '');
      this.clientId.set(credential.clientId ?? '');
      // The stored named secrets are asked for again under their names, never shown.
      this.fields.set(credential.fieldNames.map((name) => ({ name, value: '' })));
    });
  }

  protected addField(): void {
    this.fields.update((fields) => [
      ...fields,
      { name: this.kind() === 'oauth2-refresh-token' ? 'refreshToken' : '', value: '' },
    ]);
  }

  protected setField(index: number, change: Partial<NamedSecret>): void {
    this.fields.update((fields) => fields.map((f, i) => (i === index ? { ...f, ...change } : f)));
  }

  protected removeField(index: number): void {
    this.fields.update((fields) => fields.filter((_, i) => i !== index));
  }

  protected submit(): void {
    const body = toCredentialInput(
      { id: this.id(), name: this.name(), kind: this.kind(), tenant: this.tenant(), clientId: this.clientId() },
      this.secret(),
      this.fields(),
    );
    this.saving.set(true);
    this.error.set('');
    const request = this.rotating() ? this.api.rotate(body) : this.api.create(body);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (credential) => {
        this.saving.set(false);
        this.errors.set(new Map());
        this.secret.set('');
        this.fields.update((fields) => fields.map((f) => ({ ...f, value: '' })));
        if (!this.rotating()) {
          this.id.set('');
          this.name.set('');
          this.clientId.set('');
          this.fields.set([]);
        }
        this.saved.emit(credential);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.errors.set(fieldErrorsOf(error));
        this.error.set(describeError(error).message);
      },
    });
  }

  protected fieldId(name: string): string {
    return `${this.prefix()}-${name}`;
  }
}
