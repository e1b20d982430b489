import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LiveRoutes } from '../../realtime';
import { WORKPLACE_SOURCES } from '../workplace-sources';

/** The workplace's live routes: `domain:summary|people|events|incidents`, each fed by its REST answer's sources. */
@Injectable()
export class WorkplaceLiveRoutes implements OnModuleInit {
  constructor(private readonly routes: LiveRoutes) {}

  onModuleInit(): void {
    this.routes.register({
      owner: 'workplace',
      domainTopics: {
        summary: { sources: WORKPLACE_SOURCES.summary, permission: 'dashboard.read' },
        people: { sources: WORKPLACE_SOURCES.people, permission: 'people.read' },
        events: { sources: WORKPLACE_SOURCES.events, permission: 'events.read' },
        incidents: { sources: WORKPLACE_SOURCES.incidents, permission: 'incidents.read' },
      },
    });
  }
}
