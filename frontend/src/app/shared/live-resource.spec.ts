import { HttpErrorResponse } from '@angular/common/http';
import { Component, ChangeDetectionStrategy, provideZonelessChangeDetection, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject, of, throwError, type Observable } from 'rxjs';
import type { LiveEvent } from '../live/live-events';
import { LiveService } from '../live/live.service';
import { REFETCH_WINDOW_MS, liveResource, type LiveResource } from './live-resource';

describe('liveResource', () => {
  let events: Subject<LiveEvent>;
  let watched: string[];
  let answers: Array<() => Observable<string>>;
  let loads: string[];

  @Component({ selector: 'sy-test-host', changeDetection: ChangeDetectionStrategy.OnPush, template: '' })
  class HostComponent {
    readonly team = signal('ops');
    readonly resource: LiveResource<string> = liveResource({
      params: () => this.team(),
      load: (team) => {
        loads.push(team);
        return (answers.shift() ?? (() => of(`data for ${team}`)))();
      },
      topics: (team) => [`domain:${team}`],
    });
  }

  beforeEach(() => {
    vi.useFakeTimers();
    events = new Subject<LiveEvent>();
    watched = [];
    answers = [];
    loads = [];
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        {
          provide: LiveService,
          useValue: {
            watch: (topic: string) => {
              watched.push(topic);
              return events.asObservable();
            },
          },
        },
      ],
    });
  });

  afterEach(() => vi.useRealTimers());

  function host(): HostComponent {
    const fixture = TestBed.createComponent(HostComponent);
    TestBed.tick();
    return fixture.componentInstance;
  }

  it('loads, watches the topic, and loads again once per burst of live events', () => {
    const { resource } = host();
    expect(resource.value()).toBe('data for ops');
    expect(resource.loading()).toBe(false);
    expect(watched).toEqual(['domain:ops']);
    events.next({ kind: 'refetch', topic: 'domain:ops', reason: 'gap' });
    events.next({ kind: 'refetch', topic: 'domain:ops', reason: 'resync' });
    vi.advanceTimersByTime(REFETCH_WINDOW_MS);
    expect(loads).toEqual(['ops', 'ops']);
  });

  it('keeps the last data on screen when a later load fails, with the error beside it', () => {
    const { resource } = host();
    answers.push(() => throwError(() => new HttpErrorResponse({ status: 0 })));
    resource.reload();
    expect(resource.value()).toBe('data for ops');
    expect(resource.error()?.message).toContain('cannot be reached');
    resource.reload();
    expect(resource.error()).toBeUndefined();
  });

  it('loads again when the params change, and reports a refused topic', () => {
    const h = host();
    h.team.set('facilities');
    TestBed.tick();
    expect(h.resource.value()).toBe('data for facilities');
    events.next({ kind: 'refused', topic: 'domain:facilities', code: 'forbidden', reason: 'not in your scope' });
    expect(h.resource.liveProblem()).toBe('Live updates for domain:facilities refused: not in your scope');
    vi.advanceTimersByTime(REFETCH_WINDOW_MS);
    expect(loads).toEqual(['ops', 'facilities']);
  });
});
