import { Column, Entity, Index } from 'typeorm';
import { NormalizedRecord } from '../../sources/normalized-record';

/** A calendar event as published; recurrences are expanded when read. */
@Entity({ name: 'calendar_events' })
@Index('ix_calendar_events_starts_at', ['startsAt'])
export class CalendarEventEntity extends NormalizedRecord {
  @Column({ type: 'varchar', length: 300 }) title!: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) location!: string | null;
  @Column({ name: 'time_zone', type: 'varchar', length: 64 }) timeZone!: string;
  /** Wall-clock start in `time_zone`, as the calendar sent it (needed to expand recurrences across DST). */
  @Column({ name: 'local_start', type: 'varchar', length: 19 }) localStart!: string;
  @Column({ name: 'local_end', type: 'varchar', length: 19 }) localEnd!: string;
  /** First occurrence in UTC. */
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
  @Column({ type: 'varchar', length: 500, nullable: true }) rrule!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) organizer!: string | null;
  @Column({ type: 'boolean', default: false }) cancelled!: boolean;
}
