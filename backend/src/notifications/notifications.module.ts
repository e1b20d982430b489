import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SourcesModule } from '../sources';
import { NotificationSender } from './channels/notification-sender';
import { DeliveryWorker } from './delivery-worker.service';
import { ContactPointEntity } from './entities/contact-point.entity';
import { NotificationDeliveryEntity } from './entities/notification-delivery.entity';
import { NotificationGroupEntity } from './entities/notification-group.entity';
import { NotificationPolicyEntity } from './entities/notification-policy.entity';
import { NotificationPoliciesController } from './notification-policies.controller';
import { NotificationPoliciesRepository } from './notification-policies.repository';
import { NotificationPoliciesService } from './notification-policies.service';
import { NotificationRouter } from './notification-router.service';
import { NotificationsController } from './notifications.controller';
import { ContactPointsRepository, DeliveriesRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ContactPointEntity,
      NotificationDeliveryEntity,
      NotificationPolicyEntity,
      NotificationGroupEntity,
    ]),
    SourcesModule,
  ],
  controllers: [NotificationsController, NotificationPoliciesController],
  providers: [
    NotificationsService,
    NotificationPoliciesService,
    NotificationRouter,
    NotificationSender,
    DeliveryWorker,
    ContactPointsRepository,
    DeliveriesRepository,
    NotificationPoliciesRepository,
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
