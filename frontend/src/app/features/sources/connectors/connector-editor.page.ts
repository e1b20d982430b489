import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { SourceTrialInput } from '@switchyard/contracts';
import { of } from 'rxjs';
import { describeError, fieldErrorsOf } from '../../../core/api-error';
import { AuthService } from '../../../core/auth/auth.service';
import { AsyncViewComponent } from '../../../shared/async-view.component';
import { liveResource } from '../../../shared/live-resource';
import { SourcesApiService } from '../../../shared/sources-api.service';
import { CredentialsApiService } from '../credentials/credentials-api.service';
import { ConnectorBindingComponent, type ConnectorBinding } from '../source-form/connector-binding.component';
import { describeTrialFailure } from '../trial/source-trial';
import { SourceTrialComponent } from '../trial/source-trial.component';
import { ConnectorsApiService } from './connectors-api.service';
import {
  BLANK_CONNECTOR,
  copyOf,
  draftShape,
  draftSource,
  editableDefinition,
  parseDraft,
  splitTrialErrors,
  toJson,
} from './connector-draft';

/**
 * A connector's JSON definition: view a built-in, write a custom one (blank or copied),
 * validate it, save it as a new version, delete it, and try it against a draft source.
 */
@Component({
  selector: 'sy-connector-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AsyncViewComponent, ConnectorBindingComponent, FormsModule, RouterLink, SourceTrialComponent],
  templateUrl: './connector-editor.page.html',
  styles: `
    .editor {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(16rem, 1fr);
      gap: 16px;
    }
    @media (max-width: 900px) {
      .editor {
        grid-template-columns: 1fr;
      }
    }
    textarea {
      width: 100%;
      min-height: 28rem;
      font-family: ui-monospace, monospace;
      font-size: 0.8rem;
    }
    .problems li code {
      overflow-wrap: anywhere;
    }
  `,
})
export class ConnectorEditorPage {
  private readonly connectorsApi = inject(ConnectorsApiService);
  private readonly sourcesApi = inject(SourcesApiService);
  private readonly credentialsApi = inject(CredentialsApiService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly canWrite = inject(AuthService).can('sources.write');
  /** The saved connector shown (route `connectors/:connectorId`); absent for a new one. */
  readonly connectorId = input<string | undefined>();
  /** New connector copied from this one (`?from=`). */
  readonly from = input<string | undefined>();

  protected readonly text = signal('');
  protected readonly problems = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly sourceErrors = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly message = signal('');
  protected readonly busy = signal(false);
  protected readonly binding = signal<ConnectorBinding>({ stream: '', credentialId: '', config: {} });
  protected readonly tenant = signal('');

  protected readonly loaded = liveResource({
    params: () => this.connectorId() ?? this.from() ?? null,
    load: (id) => (id ? this.connectorsApi.get(id) : of(null)),
    topics: () => [],
  });
  protected readonly credentials = liveResource({
    params: () => null,
    load: () => this.credentialsApi.list(),
    topics: () => [],
  });

  protected readonly isNew = computed(() => !this.connectorId());
  protected readonly readOnly = computed(() => !this.canWrite || (!this.isNew() && !!this.loaded.value()?.builtIn));
  protected readonly parsed = computed(() => parseDraft(this.text()));
  protected readonly jsonError = computed(() => {
    const parsed = this.parsed();
    return parsed.ok ? '' : parsed.message;
  });
  protected readonly shape = computed(() => {
    const parsed = this.parsed();
    return parsed.ok ? draftShape(parsed.value) : undefined;
  });
  protected readonly draftId = computed(() => {
    const parsed = this.parsed();
    return parsed.ok && typeof parsed.value['id'] === 'string' ? parsed.value['id'] : '';
  });
  protected readonly trial = computed<SourceTrialInput | null>(() => {
    const parsed = this.parsed();
    if (!parsed.ok || !this.draftId() || !this.binding().stream) return null;
    return { connector: parsed.value, source: draftSource(this.draftId(), this.binding(), this.tenant()) };
  });
  protected readonly problemList = computed(() => [...this.problems()]);

  constructor() {
    effect(() => {
      const definition = this.loaded.value();
      if (definition === undefined) return;
      if (definition === null) this.text.set(toJson(BLANK_CONNECTOR));
      else this.text.set(toJson(this.isNew() ? copyOf(definition) : editableDefinition(definition)));
    });
  }

  protected trialErrors(fields: Map<string, string>): void {
    const { connector, source } = splitTrialErrors(fields);
    this.problems.set(connector);
    this.sourceErrors.set(source);
  }

  /** Checks the definition without calling the upstream: the API validates the connector before the (empty) source. */
  protected validate(): void {
    const parsed = this.parsed();
    if (!parsed.ok) return this.message.set(parsed.message);
    this.start();
    this.sourcesApi
      .preview({ connector: parsed.value, source: {} })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => this.finish(new Map(), 'The definition is valid.'),
        error: (error: unknown) => {
          const failure = describeTrialFailure(error);
          const problems = failure.kind === 'invalid' ? splitTrialErrors(failure.fields).connector : new Map();
          this.finish(problems, problems.size === 0 ? 'The definition is valid.' : `${problems.size} problems found.`);
        },
      });
  }

  protected save(): void {
    const parsed = this.parsed();
    if (!parsed.ok) return this.message.set(parsed.message);
    this.start();
    const id = this.connectorId();
    const request = id ? this.connectorsApi.replace(id, parsed.value) : this.connectorsApi.create(parsed.value);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (saved) => {
        this.finish(new Map(), `Saved ${saved.id}, version ${saved.version}.`);
        if (!id) void this.router.navigate(['/sources/connectors', saved.id]);
      },
      error: (error: unknown) => this.finish(fieldErrorsOf(error), `Not saved: ${describeError(error).message}`),
    });
  }

  protected remove(): void {
    const id = this.connectorId();
    if (!id) return;
    this.start();
    this.connectorsApi
      .delete(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => void this.router.navigate(['/sources/connectors']),
        error: (error: unknown) => this.finish(new Map(), `Not deleted: ${describeError(error).message}`),
      });
  }

  private start(): void {
    this.busy.set(true);
    this.message.set('');
  }

  private finish(problems: ReadonlyMap<string, string>, message: string): void {
    this.busy.set(false);
    this.problems.set(problems);
    this.message.set(message);
  }
}
