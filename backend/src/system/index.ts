export { SystemModule } from './system.module';
export { BackendInstanceEntity } from './entities/backend-instance.entity';
