export { DemoModule } from './demo.module';
export { demoCredentials, demoSources } from './demo-catalog';
