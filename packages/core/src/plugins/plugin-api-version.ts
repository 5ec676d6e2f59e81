/**
 * The version of the plugin API that this build of core implements. A plugin states the range it
 * supports in `engines.darcha`; a plugin whose range excludes this version is refused at load
 * (`DARCHA_PLUGIN_CORE_MISMATCH`). Bumped by semver: a breaking change of the plugin API is a major.
 */
export const PLUGIN_API_VERSION = '1.0.0';
