export { ConsoleModule } from './console.module';
export { ConsoleAssets } from './console-assets';
export { registerConsoleFallback } from './console-fallback';
