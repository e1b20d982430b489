import { Column, Entity } from 'typeorm';
import { NormalizedRecord } from '../../sources/normalized-record';

@Entity({ name: 'departments' })
export class DepartmentEntity extends NormalizedRecord {
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'integer' }) headcount!: number;
  @Column({ name: 'open_roles', type: 'integer' }) openRoles!: number;
}
