import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { describeError } from '../../../core/api-error';
import { AuthService } from '../../../core/auth/auth.service';
import { formatDateTime } from '../../../core/format-number';
import { liveResource } from '../../../shared/live-resource';
import { CredentialFormComponent } from './credential-form.component';
import { CredentialsApiService, type Credential } from './credentials-api.service';
import { ListPageComponent } from '../../../shared/list-page.component';

/** Upstream credentials: where each is used, create, rotate and delete. Secrets are never shown. */
@Component({
  selector: 'sy-credentials-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CredentialFormComponent, ListPageComponent, RouterLink],
  templateUrl: './credentials.page.html',
})
export class CredentialsPage {
  private readonly api = inject(CredentialsApiService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly canWrite = inject(AuthService).can('credentials.write');
  protected readonly page = signal(1);
  protected readonly credentials = liveResource({
    params: () => this.page(),
    load: (page) => this.api.list(page, 50),
    topics: () => [],
  });
  protected readonly rotating = signal<Credential | undefined>(undefined);
  protected readonly message = signal('');
  protected readonly formatDateTime = formatDateTime;

  protected created(credential: Credential): void {
    this.message.set(`${credential.id} created.`);
    this.credentials.reload();
  }

  protected rotated(credential: Credential): void {
    this.message.set(`Secret of ${credential.id} rotated.`);
    this.rotating.set(undefined);
    this.credentials.reload();
  }

  protected remove(credential: Credential): void {
    this.api
      .delete(credential.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.message.set(`${credential.id} deleted.`);
          this.credentials.reload();
        },
        error: (error: unknown) => this.message.set(`${credential.id} not deleted: ${describeError(error).message}`),
      });
  }
}
