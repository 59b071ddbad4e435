/**
 * {@code bulwark scan --history}: the git history of the scanned folder, walked in-process with
 * JGit, as extra manifest entries (file versions that are no longer in the tree) for the SAST
 * scanner's secrets analyzer.
 */
package dev.bulwark.cli.history;
