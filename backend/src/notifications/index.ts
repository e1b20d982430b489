export { NotificationsModule } from './notifications.module';
export { NotificationsService } from './notifications.service';
export { DeliveryWorker } from './delivery-worker.service';
export { ContactPointEntity } from './entities/contact-point.entity';
export { NotificationDeliveryEntity } from './entities/notification-delivery.entity';
export { NotificationPolicyEntity } from './entities/notification-policy.entity';
export { NotificationGroupEntity } from './entities/notification-group.entity';
export { NotificationRouter } from './notification-router.service';
