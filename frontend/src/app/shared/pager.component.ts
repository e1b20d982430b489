import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

/** Previous / next over a server-paged list, with "1–25 of 130". */
@Component({
  selector: 'sy-pager',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="pager" [attr.aria-label]="label()">
      <button type="button" class="sy-button sy-button--small" [disabled]="page() <= 1" (click)="go(page() - 1)">
        Previous
      </button>
      <span class="range" data-testid="pager-range">{{ range() }}</span>
      <button type="button" class="sy-button sy-button--small" [disabled]="page() >= pages()" (click)="go(page() + 1)">
        Next
      </button>
    </nav>
  `,
  styles: `
    .pager {
      display: flex;
      gap: 12px;
      align-items: center;
      margin-top: 10px;
      font-size: 0.9rem;
    }
  `,
})
export class PagerComponent {
  readonly page = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly total = input.required<number>();
  readonly label = input('Pages');
  readonly pageChange = output<number>();

  protected readonly pages = computed(() => Math.max(1, Math.ceil(this.total() / this.pageSize())));
  protected readonly range = computed(() => {
    if (this.total() === 0) return '0 of 0';
    const first = (this.page() - 1) * this.pageSize() + 1;
    const last = Math.min(this.total(), this.page() * this.pageSize());
    return `${first}–${last} of ${this.total()}`;
  });

  protected go(page: number): void {
    this.pageChange.emit(page);
  }
}
