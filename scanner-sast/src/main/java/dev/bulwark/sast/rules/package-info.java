/**
 * YAML rule packs for JavaScript/TypeScript, Python and Go ({@code rules/<language>.yaml}) on a
 * token-aware regex matcher: comments and string contents are masked, call arguments examined,
 * and simple function-local taint follows request data.
 */
package dev.bulwark.sast.rules;
