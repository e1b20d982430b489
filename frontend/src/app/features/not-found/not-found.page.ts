import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'sy-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <section class="sy-card">
      <h1>Page not found</h1>
      <p class="sy-muted">There is no console page at this address. It may have moved, or the link is mistyped.</p>
      <a routerLink="/system">Go to System status</a>
    </section>
  `,
})
export class NotFoundPage {}
