export { NotificationsModule } from './notifications.module';
export { NotificationsService } from './notifications.service';
export { DeliveryWorker } from './delivery-worker.service';
export { ContactPointEntity } from './entities/contact-point.entity';
export { NotificationDeliveryEntity } from './entities/notification-delivery.entity';
