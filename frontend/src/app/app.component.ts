import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ShellComponent } from './layout/shell.component';

@Component({
  selector: 'sy-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ShellComponent],
  template: `<sy-shell />`,
})
export class AppComponent {}
