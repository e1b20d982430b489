import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { SOURCE_KINDS, type ConnectorSummary, type Source, type SourceTrialInput } from '@switchyard/contracts';
import { of } from 'rxjs';
import { describeError, fieldErrorsOf } from '../../../core/api-error';
import { AsyncViewComponent } from '../../../shared/async-view.component';
import { FieldErrorComponent } from '../../../shared/field-error.component';
import { liveResource } from '../../../shared/live-resource';
import { SourcesApiService } from '../../../shared/sources-api.service';
import { ConnectorsApiService } from '../connectors/connectors-api.service';
import { CredentialsApiService } from '../credentials/credentials-api.service';
import { SourceTrialComponent } from '../trial/source-trial.component';
import { ConnectorBindingComponent, type ConnectorBinding } from './connector-binding.component';
import {
  defaultFreshness,
  emptySourceForm,
  sourceFormFrom,
  toDefinition,
  type SourceFormValue,
} from './source-form.model';

/** Paths of the inputs this form has; a server error on any other path is listed above the buttons. */
const FORM_PATHS = [
  'id',
  'name',
  'tenant',
  'kind',
  'enabled',
  'connector.id',
  'connector.stream',
  'connector.credentialId',
  'connector.config',
  'cadence',
  'cadence.everySeconds',
  'cadence.expression',
  'cadence.timeZone',
  'freshness.warnAfterSeconds',
  'freshness.staleAfterSeconds',
  'timeoutMs',
  'webhookSecretCredentialId',
];

/**
 * Create or edit a source: connector and stream, credential, connector settings, cadence
 * and freshness; try it (test, preview) before saving. Editing replaces the definition.
 */
@Component({
  selector: 'sy-source-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AsyncViewComponent,
    ConnectorBindingComponent,
    FieldErrorComponent,
    FormsModule,
    RouterLink,
    SourceTrialComponent,
  ],
  templateUrl: './source-form.page.html',
})
export class SourceFormPage {
  private readonly sources = inject(SourcesApiService);
  private readonly connectorsApi = inject(ConnectorsApiService);
  private readonly credentialsApi = inject(CredentialsApiService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  /** The source being edited (route `:id/edit`); absent when creating. */
  readonly id = input<string | undefined>();

  protected readonly kinds = SOURCE_KINDS;
  protected readonly value = signal<SourceFormValue>(emptySourceForm());
  protected readonly base = signal<Source | null>(null);
  protected readonly errors = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly saveError = signal('');
  protected readonly saving = signal(false);

  protected readonly connectors = liveResource({
    params: () => null,
    load: () => this.connectorsApi.list(),
    topics: () => [],
  });
  protected readonly credentials = liveResource({
    params: () => null,
    load: () => this.credentialsApi.list(),
    topics: () => [],
  });
  protected readonly existing = liveResource({
    params: () => this.id() ?? null,
    load: (id) => (id ? this.sources.get(id) : of(null)),
    topics: () => [],
  });
  protected readonly connector = liveResource({
    params: () => this.value().connectorId,
    load: (id) => (id ? this.connectorsApi.get(id) : of(undefined)),
    topics: () => [],
  });

  protected readonly builtIn = computed(() => (this.connectors.value() ?? []).filter((c) => c.builtIn));
  protected readonly custom = computed(() => (this.connectors.value() ?? []).filter((c) => !c.builtIn));
  protected readonly summary = computed<ConnectorSummary | undefined>(() =>
    this.connectors.value()?.find((c) => c.id === this.value().connectorId),
  );
  protected readonly binding = computed<ConnectorBinding>(() => ({
    stream: this.value().stream,
    credentialId: this.value().credentialId,
    config: this.value().config,
  }));
  protected readonly webhookSecrets = computed(() =>
    (this.credentials.value()?.items ?? []).filter((c) => c.kind === 'webhook-secret'),
  );
  protected readonly trial = computed<SourceTrialInput | null>(() =>
    this.value().connectorId && this.value().stream ? { source: toDefinition(this.value(), this.base()) } : null,
  );
  protected readonly cancelLink = computed(() => (this.id() ? ['/sources', this.id()] : ['/sources']));
  /** Server errors no input of this form shows. */
  protected readonly otherErrors = computed(() =>
    [...this.errors()].filter(([path]) => !FORM_PATHS.includes(path) && !path.startsWith('connector.config.')),
  );

  constructor() {
    effect(() => {
      const source = this.existing.value();
      if (source) {
        this.base.set(source);
        this.value.set(sourceFormFrom(source));
      }
    });
  }

  protected set<K extends keyof SourceFormValue>(key: K, v: SourceFormValue[K]): void {
    this.value.update((value) => ({ ...value, [key]: v }));
  }

  protected chooseConnector(connectorId: string): void {
    const streams = this.connectors.value()?.find((c) => c.id === connectorId)?.streams ?? [];
    // A connector's settings and streams are its own: start them afresh.
    this.value.update((v) => ({
      ...v,
      connectorId,
      stream: streams.length === 1 ? streams[0].name : '',
      credentialId: '',
      config: {},
    }));
  }

  protected setBinding(binding: ConnectorBinding): void {
    this.value.update((v) => ({ ...v, ...binding }));
  }

  protected setCadence(change: Partial<Pick<SourceFormValue, 'cadenceType' | 'everySeconds'>>): void {
    this.value.update((v) => {
      const next = { ...v, ...change };
      return next.freshnessFollowsCadence
        ? { ...next, ...defaultFreshness(next.cadenceType, Number(next.everySeconds)) }
        : next;
    });
  }

  protected setFreshness(key: 'warnAfterSeconds' | 'staleAfterSeconds', seconds: number): void {
    this.value.update((v) => ({ ...v, [key]: seconds, freshnessFollowsCadence: false }));
  }

  protected trialErrors(fields: Map<string, string>): void {
    const forSource = new Map<string, string>();
    for (const [path, message] of fields) forSource.set(path.replace(/^source\./, ''), message);
    this.errors.set(forSource);
  }

  protected save(): void {
    const base = this.base();
    const definition = toDefinition(this.value(), base);
    this.saving.set(true);
    this.saveError.set('');
    const request = base ? this.sources.replace(base.id, definition) : this.sources.create(definition);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (saved) => {
        this.saving.set(false);
        void this.router.navigate(['/sources', saved.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.errors.set(fieldErrorsOf(error));
        this.saveError.set(describeError(error).message);
      },
    });
  }
}
