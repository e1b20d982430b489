import { DestroyRef, Injectable, inject, signal } from '@angular/core';

/** A clock signal that ticks every second, so "N s ago" labels stay true on screen. */
@Injectable({ providedIn: 'root' })
export class NowService {
  private readonly current = signal(Date.now());
  readonly now = this.current.asReadonly();

  constructor() {
    const timer = setInterval(() => this.current.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
