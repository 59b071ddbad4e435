/**
 * Opt-in liveness verification: one harmless identity request per credential to its provider
 * (configurable base URL per probe), with a timeout, a shared request rate and no retries.
 */
package dev.bulwark.sast.secrets.verify;
