import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationSender } from './channels/notification-sender';
import { DeliveryWorker } from './delivery-worker.service';
import { ContactPointEntity } from './entities/contact-point.entity';
import { NotificationDeliveryEntity } from './entities/notification-delivery.entity';
import { NotificationsController } from './notifications.controller';
import { ContactPointsRepository, DeliveriesRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [TypeOrmModule.forFeature([ContactPointEntity, NotificationDeliveryEntity])],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationSender, DeliveryWorker, ContactPointsRepository, DeliveriesRepository],
  exports: [NotificationsService],
})
export class NotificationsModule {}
