/**
 * Rule packs for the tree-sitter languages ({@code rules/<language>/model.yaml} and
 * {@code rules.yaml}) and the analyzer that runs them over syntax trees with the shared taint
 * engine ({@code dev.bulwark.sast.taint}).
 */
package dev.bulwark.sast.rules;
