export { DataPointEntity } from './entities/data-point.entity';
