/** The app version, read once from package.json at build or start time. */
import pkg from '../package.json' with { type: 'json' };
export const APP_VERSION: string = pkg.version;
