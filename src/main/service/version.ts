// ProcLab's version, from package.json at build time.
import packageJson from '../../../package.json';

export const PROCLAB_VERSION: string = packageJson.version;
