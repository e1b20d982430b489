import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A network (IPv4 /24, IPv6 /64) a client's credentials were used from: a new one is an anomaly. */
@Entity({ name: 'client_networks' })
export class ClientNetworkEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 100, primaryKeyConstraintName: 'PK_client_networks' })
  clientId!: string;
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'PK_client_networks' }) network!: string;
  @Column({ name: 'first_seen_at', type: 'timestamptz' }) firstSeenAt!: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz' }) lastSeenAt!: Date;
}
