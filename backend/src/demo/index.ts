export { DemoModule } from './demo.module';
export { demoCredentials, demoSources } from './demo-catalog';
export { DemoService, DEMO_PASSWORD, DEMO_CLIENT } from './demo.service';
