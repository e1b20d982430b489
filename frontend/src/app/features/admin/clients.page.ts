import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ALL_DATA, CLIENT_SCOPES, type ClientScope } from '@switchyard/contracts';
import type { Observable } from 'rxjs';
import { describeError } from '../../core/api-error';
import { formatDateTime } from '../../core/format-number';
import { liveResource } from '../../shared/live-resource';
import { AdminDataService, type ClientView, type ClientWithSecret } from './admin-data.service';
import { ListPageComponent } from '../../shared/list-page.component';

/** OAuth2 service clients: list, create (the secret is shown once), rotate, revoke. */
@Component({
  selector: 'sy-clients-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, ListPageComponent],
  templateUrl: './clients.page.html',
})
export class ClientsPage {
  private readonly admin = inject(AdminDataService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly scopes = CLIENT_SCOPES;
  protected readonly page = signal(1);
  protected readonly clients = liveResource({
    params: () => this.page(),
    load: (page) => this.admin.clients(page, 25),
    topics: () => [],
  });
  protected readonly secret = signal<ClientWithSecret | undefined>(undefined);
  protected readonly message = signal('');
  protected newId = '';
  protected newName = '';
  protected newScope: ClientScope = 'read:dashboard';
  protected readonly formatDateTime = formatDateTime;

  protected create(): void {
    const body = { id: this.newId, name: this.newName, scopes: [this.newScope], dataScopes: ALL_DATA };
    this.run(this.admin.createClient(body), (client) => {
      this.secret.set(client);
      this.newId = this.newName = '';
      return `${client.id} created.`;
    });
  }

  protected rotate(client: ClientView): void {
    this.run(this.admin.rotateClient(client.id), (rotated) => {
      this.secret.set(rotated);
      return `Secret of ${client.id} replaced.`;
    });
  }

  protected revoke(client: ClientView): void {
    this.run(this.admin.revokeClient(client.id), () => `${client.id} revoked.`);
  }

  private run<T>(request: Observable<T>, done: (answer: T) => string): void {
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (answer) => {
        this.message.set(done(answer));
        this.clients.reload();
      },
      error: (error: unknown) => this.message.set(`Not done: ${describeError(error).message}`),
    });
  }
}
