export { DemoModule } from './demo.module';
export { demoCredentials, demoSources, jiraProjectKeys, type SimulatorDemoSecrets } from './demo-catalog';
export { DemoService, DEMO_PASSWORD, DEMO_CLIENT } from './demo.service';
