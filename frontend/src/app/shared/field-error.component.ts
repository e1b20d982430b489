import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The server's message for one input, shown under it. Give the input
 * `[attr.aria-describedby]` with the same id so screen readers read it too.
 */
@Component({
  selector: 'sy-field-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (message(); as m) {
    <span class="field-error" [id]="errorId()" data-testid="field-error">{{ m }}</span>
  }`,
  styles: `
    .field-error {
      display: block;
      max-width: 40ch;
      color: var(--sy-bad-ink);
      font-size: 0.8rem;
    }
  `,
})
export class FieldErrorComponent {
  readonly message = input<string | undefined>();
  readonly errorId = input.required<string>();
}
